"""Layout: which line of an article is what.

This stage takes the lines of :mod:`arnewsparse.lines` and decides, from
evidence rather than position alone, what each one is: a source tag (a site
name at the top, a credit line), the headline, a dateline, a subheadline, a
line of a body paragraph, or boilerplate (share buttons, follow-us prompts,
links, comment notices, teasers of other stories).  It then joins the lines
of a paragraph that was broken mid-sentence and splits off the pieces that
share a line with something else: a stamp opening the first paragraph, a tag
list trailing the last one.

Phrase lists live in ``data/layout.json``; the stamp grammar lives in
:mod:`arnewsparse.datelines`.  Every part it returns is a :class:`Span` of the
original input, and every non-blank character lands in exactly one part.
"""

from __future__ import annotations

import html
import itertools
import json
from importlib import resources
from typing import Final

import attrs
import regex

from arnewsparse import boilerplate as _bp
from arnewsparse.datelines import NEVER_IN_STAMP, parse_datelines, split_leading_dateline
from arnewsparse.furniture import Furniture
from arnewsparse.headline import (
    HeadlineCandidate,
    Verdict,
    bare,
    choose,
    is_teaser_list,
    is_top_credit,
    is_top_furniture,
    looks_like_site,
    repeated,
    score_candidates,
    stems,
    widget_prefix,
)
from arnewsparse.lexicon import FORMS as _REPORTING_FORMS
from arnewsparse.lines import Line, split_lines
from arnewsparse.model import Dateline, Paragraph, ReportForm, SourceTag, Span
from arnewsparse.normalize import Normalized, fold

__all__ = ["Layout", "parse_layout"]


@attrs.frozen(slots=True)
class Layout:
    """The parts of an article, without its reports (see :func:`parse_layout`)."""

    text: str
    source_tags: tuple[SourceTag, ...] = ()
    headline: Span | None = None
    datelines: tuple[Dateline, ...] = ()
    subheadlines: tuple[Span, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    boilerplate: tuple[Span, ...] = ()


# --- data ---------------------------------------------------------------------


def _load() -> dict[str, list[str]]:
    raw = resources.files("arnewsparse").joinpath("data/layout.json").read_text(encoding="utf-8")
    data: dict[str, list[str]] = {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}
    return data


def _alternation(patterns: list[str], *, whole: bool) -> regex.Pattern[str]:
    body = "|".join(f"(?:{fold(p)})" for p in patterns)
    return regex.compile(f"(?:{body})" + (r"\Z" if whole else ""), regex.IGNORECASE | regex.V0)


_DATA: Final = _load()
_BOILERPLATE: Final = _alternation(_DATA["boilerplate_lines"], whole=True)
_TEASER_MARKER: Final = _alternation(_DATA["teaser_markers"], whole=True)
_CREDIT: Final = _alternation(_DATA["credit_lines"], whole=True)
# a tag list glued to the end of the last paragraph: "... القضية. سمات الداخلية البحرينية"
_TRAILER: Final = regex.compile(
    r"(?<=[.!?؟»”\"]\s{0,3})(?:"
    + "|".join(fold(p) for p in _DATA["trailer_markers"])
    + r")\s+\S[^.!?؟]{0,200}\Z",
    regex.IGNORECASE,
)
# a wire's sign-off glued to the end of the last paragraph
_SIGN_OFF: Final = regex.compile(r"(?<=[.!?؟»”\"]\s{0,3})//\s*(?:انتهي|يتبع)\s*//\s*\Z")
# literal words every trailer marker contains: the (slow, look-behind) trailer search
# runs only on a last line that holds one of them
_TRAILER_WORDS: Final = ("سمات", "كلمات", "الوسوم", "رابط")


def _has_trailer_word(folded: str) -> bool:
    # plain substring tests (C speed, faster than one regex alternation); the line is
    # lower-cased for "tags" only when it holds a g (only g and G lower-case to g)
    if any(w in folded for w in _TRAILER_WORDS):
        return True
    return ("g" in folded or "G" in folded) and "tags" in folded.lower()


# a stamp opening a paragraph ends at one of these within its first characters
_STAMP_MARK: Final = regex.compile(r"[-–—:ـ()«»/|]|\bمن\b")
_STAMP_REACH: Final = 90
_SITE_NAMES: Final = frozenset(fold(s) for s in _DATA["site_names"])
_OPEN_WORDS: Final = frozenset(fold(w) for w in _DATA["open_words"])
_SENTENCE_OPENER: Final = regex.compile(
    r"(?:" + "|".join(regex.escape(fold(w)) for w in _DATA["sentence_openers"]) + r")\b"
)
_CONTINUATION: Final = regex.compile(
    r"(?:" + "|".join(regex.escape(fold(w)) for w in _DATA["continuation_openers"] if len(w) > 1) + r")\b"
)

# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_TERMINAL_CHARS: Final = frozenset(".!?؟…")
_CLOSERS: Final = "\"'”’»)] "
# Lines ending like this lead into what follows.
_LEADING_ON_CHARS: Final = frozenset(":،,؛;-–—(«“")
_WORD: Final = regex.compile(r"[\p{L}\p{N}]+")

_HEADING_MAX_WORDS: Final = 16
# captions and headings between the stamps and the first paragraph: a handful at most
_TOP_LINES: Final = 8
_LEAD_MIN_WORDS: Final = 12
_LEAD_MAX_WORDS: Final = 40


# --- line tests ---------------------------------------------------------------


def _ends_sentence(line: Line) -> bool:
    # look at the end only: a search for an end-anchored pattern would scan the whole line
    return line.folded.rstrip(_CLOSERS)[-1:] in _TERMINAL_CHARS


def _last_word(line: Line) -> str:
    words = line.folded.rsplit(maxsplit=1)
    return words[-1].strip("\"'”“«»()[]") if words else ""


def _ends_open(line: Line) -> bool:
    """The line stops where the sentence cannot (a preposition, a conjunction, a colon, a verb of saying)."""
    if line.folded[-1:] in _LEADING_ON_CHARS:
        return True
    last = _last_word(line)
    if last in _OPEN_WORDS:
        return True
    # a finite verb of saying wants its subject or clause on the next line ("من جهته شدد");
    # a participle does not (مجدداً is also the adverb "again")
    entry = _REPORTING_FORMS.get(last)
    return entry is not None and entry.form in (ReportForm.PERFECT, ReportForm.IMPERFECT)


def _opens_with_reporting_verb(line: Line) -> bool:
    words = line.folded.split(maxsplit=1)
    entry = _REPORTING_FORMS.get(words[0].strip("\"'«“(")) if words else None
    return entry is not None and entry.form is ReportForm.PERFECT


def _is_lead_sentence(line: Line) -> bool:
    """A first line that is already the lead paragraph, not a headline.

    A lead is long and closes with a full stop; a headline may be long too, but
    asks (؟) or exclaims (!) rather than stops.
    """
    if line.words >= _LEAD_MAX_WORDS:
        return True
    return line.words >= _LEAD_MIN_WORDS and line.folded.rstrip(_CLOSERS)[-1:] in ".…"


_BOILERPLATE_MAX_WORDS: Final = 40
_CREDIT_MAX_WORDS: Final = 12


def _is_boilerplate(line: Line) -> bool:
    # a line of nothing but marks that fold away (tatweel, bidi controls) is furniture too;
    # page furniture is short, so a long paragraph skips the phrase patterns
    if not line.folded:
        return True
    return line.words <= _BOILERPLATE_MAX_WORDS and _BOILERPLATE.match(line.folded) is not None


def _is_credit(line: Line) -> bool:
    return line.words <= _CREDIT_MAX_WORDS and _CREDIT.match(line.folded) is not None


def _content_words(folded: str) -> set[str]:
    return {w for w in _WORD.findall(folded) if len(w) > 2 and w not in _OPEN_WORDS}


def _opens_paragraph(line: Line) -> bool:
    """The line starts like a new paragraph: with و/ف joined to a word, or a discourse opener."""
    words = line.folded.split(maxsplit=1)
    if not words:
        return False
    first = words[0]
    if len(first) > 3 and first[0] in "وف" and first[1] not in "و":
        return True
    return _CONTINUATION.match(line.folded) is not None


def _is_site_name(line: Line, rest: str, following: Line | None) -> bool:
    """A publisher name alone on the first line: a known site, or a short name the article never repeats."""
    if line.folded in _SITE_NAMES:
        return True
    if line.words > 3 or _ends_sentence(line) or line.folded[-1:] in _LEADING_ON_CHARS:
        return False
    # a headline sums up its story; a site name stands over a wire lead that opens with
    # a verb of saying ("أكد ... أن ...") and never names the site again
    if following is None or not _is_lead_sentence(following) or not _opens_with_reporting_verb(following):
        return False
    words = _content_words(line.folded)
    return bool(words) and not any(w in rest for w in words)


def _is_heading(line: Line) -> bool:
    """Short, standing alone, and not ending like a sentence or leading into the next line."""
    if line.words > _HEADING_MAX_WORDS:
        return False
    folded = line.folded
    if not folded or folded[-1] in ".،,:;؛" or _ends_open(line) or _SENTENCE_OPENER.match(folded) is not None:
        return False  # a heading neither trails off nor opens like a sentence of the story
    return not folded.endswith(("..", "…"))


def _is_caption(line: Line, folded: str) -> bool:
    """A photo caption standing alone: a bare name (no function words) repeated later in the article."""
    if line.words > 3 or _ends_sentence(line) or _ends_open(line):
        return False
    words = _WORD.findall(line.folded)
    if len(words) != line.words or any(w in _OPEN_WORDS for w in words):
        return False  # punctuation (a dash, a colon) makes it a stamp or a heading, not a name
    after = line.fstart + len(line.folded)
    return all(folded.find(w, after) >= 0 for w in words)


# A stamp holds a separator (a dash, a colon, a bracket, guillemets, a comma), a date
# (digits), or is a name or agency alone (a few words).  Most headlines hold none of
# these, so the stamp grammar is spared them.
_STAMP_HINT: Final = regex.compile(r"[-–—:ـ()«»\"“”،,0-9/|]|\bمن\b")
# a longer stamp has a real separator, or carries a date (a year, a Hijri year)
_LONG_STAMP_HINT: Final = regex.compile(r"[-–—:ـ()«»،,/|]|\bمن\b|\d{4}|\dه")
_SHORT_STAMP_WORDS: Final = 4
_BYLINE_MAX_WORDS: Final = 6
_STAMP_MAX_WORDS: Final = 16
_BARE_STAMP_WORDS: Final = 3


def _stamps(text: str, line: Line, *, bare_byline: bool = False) -> list[Dateline]:
    if line.words > _STAMP_MAX_WORDS:
        return []
    if not bare_byline and line.words > _BARE_STAMP_WORDS and _STAMP_HINT.search(line.folded) is None:
        return []
    if (
        line.words > _SHORT_STAMP_WORDS
        and not (bare_byline and line.words <= _BYLINE_MAX_WORDS)
        and _LONG_STAMP_HINT.search(line.folded) is None
    ):
        return []
    # a word no stamp holds (a verb of saying, a particle): the grammar would turn it down too
    if not NEVER_IN_STAMP.isdisjoint(_WORD.findall(line.folded)):
        return []
    return parse_datelines(text[line.start : line.end], line.start, allow_bare_byline=bare_byline)


_LEAD_STAMP_WORDS: Final = 6


def _may_open_with_stamp(text: str, start: int, end: int) -> bool:
    """A paragraph may open with a stamp only if a separator comes within its first few words."""
    m = _STAMP_MARK.search(text, start, min(end, start + _STAMP_REACH))
    return m is not None and text.count(" ", start, m.start()) <= _LEAD_STAMP_WORDS


# --- the layout pass ------------------------------------------------------------

_SOURCE, _HEADLINE, _DATELINE, _SUB, _PARA, _BOILER = range(6)


def parse_layout(
    text: str, normalized: Normalized | None = None, *, furniture: Furniture | None = None
) -> Layout:
    """Split an article into source tags, headline, datelines, subheadlines, paragraphs and boilerplate.

    >>> lay = parse_layout("عنوان الخبر\\n\\nموسكو – سانا\\n\\nقال الوزير إن الوضع مستقر.")
    >>> lay.headline.text
    'عنوان الخبر'

    ``furniture``, lines learned from a corpus (:func:`arnewsparse.learn_furniture`),
    makes those lines boilerplate wherever they stand in the body.
    """
    norm = normalized if normalized is not None else Normalized(text)
    lines = split_lines(norm)
    n = len(lines)
    role = [_PARA] * n
    source_kind: dict[int, str] = {}
    datelines: dict[int, list[Dateline]] = {}
    folded_all = norm.text

    # -- the top of the article: site name, headline, stamps --------------------
    top = _read_top(text, norm, lines)
    if top is not None:
        if len(top.lines) != n:  # a title glued to the lead was cut off it
            lines, n = top.lines, len(top.lines)
            role = [_PARA] * n
        for k, r in top.role.items():
            role[k] = r
        source_kind.update(top.source_kind)
        datelines.update(top.datelines)
        i = top.body_start
    else:
        i = _old_top(text, lines, folded_all, role, source_kind, datelines)
    body_start = i

    # -- the body ----------------------------------------------------------------
    _body_roles(text, lines, role, source_kind, body_start, folded_all, furniture, bool(datelines))

    if top is not None:
        for k, found in top.after_lead.items():  # a stamp printed under the first paragraph
            role[k], datelines[k] = _DATELINE, found
    return _assemble(text, norm, lines, role, source_kind, datelines)


# --- the body: furniture, the tail of the page, subheadlines ------------------------


def _body_roles(
    text: str,
    lines: list[Line],
    role: list[int],
    source_kind: dict[int, str],
    body_start: int,
    folded_all: str,
    furniture: Furniture | None,
    stamped: bool,
) -> None:
    """Class the lines from ``body_start`` on: credits, furniture, the tail, subheadlines, paragraphs.

    ``stamped`` says whether the article carries a stamp above its body.
    """
    n = len(lines)
    teaser_mode = False
    markers: list[int] = []  # section markers alone on their line (اقرأ أيضا، آخر الأخبار)
    k = body_start
    while k < n:
        line = lines[k]
        if _is_credit(line):
            role[k], source_kind[k] = _SOURCE, "credit"
            teaser_mode = False
        elif _bp.is_body_furniture(line) or (furniture is not None and furniture.has_folded(line.folded)):
            role[k] = _BOILER
            section = _bp.is_section_marker(line)
            if section:
                markers.append(k)
            teaser_mode = section or _TEASER_MARKER.match(line.folded) is not None
            # a prompt that ends with a colon takes the line it points to (a link, an instruction)
            if line.folded.endswith(":") and k + 1 < n and lines[k + 1].words <= 25 and not teaser_mode:
                k += 1
                role[k] = _BOILER
        elif (teaser_mode and _is_heading(line)) or (
            k > body_start and role[k - 1] == _BOILER and _continues_furniture(lines[k - 1], line)
        ):
            role[k] = _BOILER
        else:
            teaser_mode = False
            role[k] = _PARA
        k += 1

    # photo captions and section headings between the stamps and the first paragraph
    k = body_start
    top_end = min(n - 1, body_start + _TOP_LINES)
    while k < top_end and role[k] in (_PARA, _BOILER, _SOURCE) and lines[k].words <= _HEADING_MAX_WORDS:
        line = lines[k]
        if role[k] != _PARA:
            k += 1
            continue
        prev = lines[k - 1] if k > 0 else None
        if _is_caption(line, folded_all) or _repeats_caption(line, prev, role[k - 1] if k > 0 else _PARA):
            role[k] = _BOILER
        elif k + 1 < n and lines[k + 1].folded == line.folded and role[k + 1] == _PARA and _is_heading(line):
            role[k] = role[k + 1] = _BOILER  # a caption printed twice
            k += 1
        elif _is_heading(line) and not _is_lead_sentence(line) and line.words <= 6:
            role[k] = _SUB
        else:
            break
        k += 1

    # headings inside the body: a subheadline opens a section; a teaser interrupts one
    para_idx = [k for k in range(n) if role[k] == _PARA]
    broken_page: bool | None = None  # decided on the first heading met: most pages have none
    for pos, k in enumerate(para_idx):
        if k <= body_start or pos + 1 >= len(para_idx):
            continue
        line = lines[k]
        if line.words > _HEADING_MAX_WORDS:
            continue  # (most lines: too long for a label or a heading, the two tests below)
        if _is_label(line) and role[k + 1] == _PARA and (_ends_sentence(lines[k - 1]) or line.blank_before):
            role[k] = _SUB  # "وقفة :" over the closing lines of a column
            continue
        if not _is_heading(line) or line.folded.startswith(("•", "-", "–")):
            continue
        if broken_page is None:
            # a page broken mid-sentence (most lines end without a stop): a short line there
            # is a piece of a sentence, not a heading
            long_lines = [j for j in para_idx if lines[j].words >= _BROKEN_MIN_WORDS]
            broken = sum(1 for j in long_lines if not _ends_sentence(lines[j]))
            broken_page = broken * 2 > len(long_lines) + 2
        if broken_page and not line.folded.startswith("*"):
            continue
        prev, nxt = lines[k - 1], lines[k + 1] if k + 1 < n else None
        if nxt is None or role[nxt.index] != _PARA or role[prev.index] not in (_PARA, _SUB, _BOILER):
            continue
        if not (line.blank_before or _ends_sentence(prev) or role[prev.index] != _PARA):
            continue  # the line continues a sentence broken on the line above
        if line.folded.startswith("*"):
            role[k] = _SUB
            continue
        if _is_heading(nxt) and not nxt.folded.startswith("*") and not _opens_with_conjunction(nxt):
            # two headings in a row: a list of other stories' titles
            role[k] = role[nxt.index] = _BOILER
            continue
        if _bp.is_teaser_title(line):
            role[k] = _BOILER  # an explainer, a gallery, a video: a link to another page
            continue
        words = _content_words(line.folded)
        overlap = words & _content_words(" ".join(nxt.folded.split()[:40]))
        if overlap and not _opens_paragraph(nxt):
            role[k] = _SUB
        elif overlap:
            # the paragraph below carries on from the one above: a short label that brings in words
            # the text has not used yet opens its section (a longer title there is another story's)
            if (
                line.words <= _LABEL_WORDS + 1
                and not _opens_paragraph(line)
                and any(folded_all.find(w, 0, line.fstart) < 0 for w in words)
            ):
                role[k] = _SUB
        elif not line.blank_before or not line.blank_after:
            # a title the next paragraph does not take up: another story's, unless the page puts no
            # blank lines anywhere and the line is a short label (a section's topic)
            blank_lines = any(line.blank_before for line in lines[1:])
            role[k] = _SUB if not blank_lines and line.words <= _LABEL_WORDS else _BOILER
        else:
            role[k] = _SUB

    # a paragraph printed again further down (a scrape that caught a block twice): the repeat
    seen: set[str] = set()
    for line in lines[body_start:]:
        if line.words >= _REPEAT_MIN_WORDS and role[line.index] == _PARA:
            if line.folded in seen:
                role[line.index] = _BOILER
            else:
                seen.add(line.folded)

    if not stamped:  # or opening its first paragraph
        first = next((lines[k] for k in range(body_start, n) if role[k] == _PARA), None)
        stamped = first is not None and _may_open_with_stamp(text, first.start, first.end)
    _tail_roles(text, lines, role, body_start, stamped, markers)


_FURNITURE_TAIL_WORDS: Final = 10
_REPEAT_MIN_WORDS: Final = 12
# a section's topic label: a heading this short is no other story's title
_LABEL_WORDS: Final = 3
_BROKEN_MIN_WORDS: Final = 5
# a stamp or a byline (``أحمد علي - الدمام``) has a dash or a colon; a broken furniture phrase has none
_NOT_A_STAMP: Final = regex.compile(r"[-–—:]")


_LABEL_COLON_WORDS: Final = 3


def _is_label(line: Line) -> bool:
    """A word or two and a colon on a line of their own (``وقفة :``): a heading over what follows.

    Not a verb of saying leading into a quotation (``وأضاف:``), nor a prompt.
    """
    folded = line.folded
    if not folded.endswith(":") or line.words > _LABEL_COLON_WORDS:
        return False
    words = folded.rstrip(" :").split()
    if not words or any(w in _REPORTING_FORMS or w in _OPEN_WORDS for w in words):
        return False
    # two words opening with و/ف are a clause leading into a list (وتضمنت التعديلات:), one is a noun
    return len(words) == 1 or not _opens_paragraph(line)


def _repeats_caption(line: Line, prev: Line | None, prev_role: int) -> bool:
    """A caption's longer form under the caption itself (``رئيس الجامعة`` then ``رئيس الجامعة أثناء ...``)."""
    return (
        prev is not None
        and prev_role == _BOILER
        and prev.words >= 2
        and line.words <= _HEADING_MAX_WORDS
        and line.folded.startswith(prev.folded + " ")
        and not _ends_sentence(line)
    )


def _continues_furniture(prev: Line, line: Line) -> bool:
    """A short line carrying on the furniture line above, broken mid-phrase (a contact notice, tags)."""
    return (
        prev.words >= 4
        and _NOT_A_STAMP.search(line.folded) is None
        and not _bp.is_date_line(prev.folded)
        and not line.blank_before
        and not _ends_sentence(prev)
        and line.words <= _FURNITURE_TAIL_WORDS
        and not _ends_sentence(line)
    )


def _is_fragment(line: Line) -> bool:
    """A single word with nothing to end it: what is left of a line the scrape cut off."""
    return line.words == 1 and not _ends_sentence(line) and _REPORTING_FORMS.get(line.folded) is None


def _opens_with_conjunction(line: Line) -> bool:
    """The line opens with و/ف that is surely a conjunction: before a function word or a verb of saying."""
    words = line.folded.split(maxsplit=1)
    first = words[0] if words else ""
    if len(first) < 3 or first[0] not in "وف":
        return False
    return first[1:] in _OPEN_WORDS or first in _REPORTING_FORMS


def _tail_roles(
    text: str, lines: list[Line], role: list[int], body_start: int, stamped: bool, markers: list[int]
) -> None:
    """The tail of the page: after a section marker, or a run of other stories' leads, all is boilerplate."""
    n = len(lines)
    last = n - 1
    while last >= body_start and role[last] != _PARA and role[last] != _SUB:
        last -= 1
    if last < body_start:
        return
    if last == n - 1 and last > body_start and role[last - 1] == _BOILER and _is_fragment(lines[last]):
        role[last] = _BOILER  # a word cut off at the end of the page, after its furniture
        return
    if not markers and not _bp.is_lead(lines[last]) and not (role[last] == _SUB or _is_heading(lines[last])):
        return  # the page ends on a paragraph of its own: no tail to find (most pages)
    body = [k for k in range(body_start, n) if role[k] == _PARA or role[k] == _SUB]
    # a section marker alone on its line, after the article's own text, opens the tail:
    # what follows is other stories' titles and leads, unless more text follows than came before
    for k in markers:
        if k <= body[0]:
            continue
        before = sum(lines[j].end - lines[j].start for j in body if j < k)
        after = sum(lines[j].end - lines[j].start for j in body if j > k)
        if before > after:
            for j in body:
                if j > k:
                    role[j] = _BOILER
            body = [j for j in body if j < k]
            break

    def heading(k: int) -> bool:
        return role[k] == _SUB or _is_heading(lines[k])

    for k in _bp.teaser_run(text, lines, body, heading, stamped=stamped):
        role[k] = _BOILER


# --- the top of the article ---------------------------------------------------------
# (the headline chooser's scoring lives in arnewsparse.headline; this drives the line tests)

_TOP_WINDOW: Final = 14
_BODY_LINE_WORDS: Final = 12
_FRAGMENT_MIN_WORDS: Final = 6
_BULLETS: Final = frozenset("*•-–—·")
_SITE_MAX_WORDS: Final = 4  # a site's name, alone or after its site noun
_TWO_SENTENCES: Final = regex.compile(r"\p{L}{3}\. +\p{L}")
_PROSE_WORDS: Final = 8
_ARABIC: Final = regex.compile(r"\p{Arabic}")
_COLON_LEAD_WORDS: Final = 15  # after ``X:``, more words than a headline holds
_CAPTION_REACH: Final = 600  # a caption's name comes back in the first paragraphs
_FRAGMENT_REACH: Final = 8  # the clause of a broken lead comes within the next line's first words
_LONG_LINE_WORDS: Final = 25  # longer than any headline: a paragraph, whatever its last mark
_LATIN_WORD: Final = regex.compile(r"[A-Za-z]{2,}")
_CLAUSE: Final = regex.compile(r"(?<![\p{L}])(?:ان|انه|انها|بان|بانه|انهم)(?![\p{L}])")
_COMPLEMENT: Final = regex.compile(r"(?<![\p{L}])(?:ان|انه|انها|بان|بانه|انهم)(?![\p{L}])|[:«\"“]")


@attrs.define(slots=True)
class _Top:
    """What :func:`_read_top` decided: roles by line index, and where the body starts."""

    lines: list[Line]
    role: dict[int, int]
    source_kind: dict[int, str]
    datelines: dict[int, list[Dateline]]
    body_start: int
    candidates: tuple[HeadlineCandidate, ...]
    after_lead: dict[int, list[Dateline]] = attrs.Factory(dict)


@attrs.frozen(slots=True)
class TopReading:
    """The top of an article as :func:`read_top` reads it (for :func:`arnewsparse.explain_headline`)."""

    headline: Span | None
    body_start: int | None
    candidates: tuple[HeadlineCandidate, ...]


def read_top(text: str) -> TopReading:
    """Read the top of ``text`` as :func:`parse_layout` does, keeping the chooser's reasons."""
    norm = Normalized(text)
    lines = split_lines(norm)
    top = _read_top(text, norm, lines, explain=True)
    if top is None:
        return TopReading(None, None, ())
    head = next((k for k, r in top.role.items() if r == _HEADLINE), None)
    span = None if head is None else Span.of(text, top.lines[head].start, top.lines[head].end)
    start = top.lines[top.body_start].start if top.body_start < len(top.lines) else None
    return TopReading(span, start, top.candidates)


def _opens_with_stamp(text: str, line: Line, *, under_title: bool = False) -> bool:
    """A line that opens with a stamp (``دبي، الإمارات (CNN) – حطم ...``): the lead, not a title.

    Above the title a name and a colon open a headline as often as a lead
    (``سوريا: أثبتنا ...``، ``حماية المستهلك لـ «الرياض»: ندرس ...``): there the stamp must be
    closed by a dash or a bracket, or the line be as long as a lead.  Under the title any
    stamp with words after it opens the body.
    """
    if line.words < 3:
        return False
    m = _STAMP_MARK.search(text, line.start, min(line.end, line.start + _STAMP_REACH))
    if m is None or text.count(" ", line.start, m.start()) > _LEAD_STAMP_WORDS:
        return False
    if not under_title and m.group() == ":" and line.words <= _COLON_LEAD_WORDS:
        return False  # ``X: ...`` short enough for a headline: no need to parse it
    stamp = split_leading_dateline(text[line.start : line.end], line.start)
    if stamp is None:
        return False
    rest = text.count(" ", stamp.span.end, line.end)
    if under_title:
        return rest >= 2
    if rest < _LEAD_STAMP_WORDS:
        return False
    return (not stamp.text.rstrip().endswith(":")) or rest >= _COLON_LEAD_WORDS


def _is_lead_fragment(line: Line, following: Line | None) -> bool:
    """A lead sentence broken over lines: a verb of saying and its subject, the clause below.

    ``قال مدير المكتب الإعلامي ... المنذر`` / ``الخرطوش، السبت، إنه ...``: a headline that
    opens with a verb of saying carries what was said (``أكدت أنها ...``).
    """
    if (
        following is None
        or line.words < _FRAGMENT_MIN_WORDS
        or not _opens_with_reporting_verb(line)
        or _ends_sentence(line)
        or _COMPLEMENT.search(line.folded) is not None
    ):
        return False
    # the clause itself (إن، أن ...) must come: a colon on the next line is a stamp's as often
    return _CLAUSE.search(" ".join(following.folded.split()[:_FRAGMENT_REACH])) is not None


def _is_body_line(text: str, line: Line) -> bool:
    """Under the headline, the first line shaped like a paragraph starts the body."""
    if line.words >= _BODY_LINE_WORDS or _is_lead_sentence(line):
        return True
    if line.words >= 4 and (_ends_sentence(line) or line.folded[-1:] in "،,"):
        return True  # prose: a caption or a kicker does not end like a sentence
    if line.words >= 2 and line.folded.rstrip("-–— ")[-1:] == ":":
        return True  # ``يقول أبو تمام:``، ``فيما يلي نصه:-``: it leads into the text below
    return _opens_with_stamp(text, line, under_title=True)


def _is_prose(line: Line) -> bool:
    """Two sentences (``الحب صعب. ولكن الغرام أصعب.``), or a long one closed by a full stop."""
    folded = line.folded
    if line.words < 4 or folded.endswith(".."):
        return False
    return _TWO_SENTENCES.search(folded) is not None or (
        folded.rstrip(_CLOSERS)[-1:] == "." and line.words >= _PROSE_WORDS
    )


def _name_recurs(line: Line, folded_all: str, story: int) -> bool:
    """The family name of a bare-name line comes back in the story (from folded offset
    ``story``, the lead, on): the person is in it (a caption), not its writer, whose name
    may head a column's title or stand again in a stamp, but is not in the story."""
    words = _WORD.findall(line.folded)
    if len(words) < 2:
        return False
    start = max(story, line.fstart + len(line.folded))
    return folded_all.find(words[-1], start, start + _CAPTION_REACH) >= 0


_TOKEN_WS: Final = regex.compile(r"\S+")


def _split_glued(
    lines: list[Line], at: int, words: int, norm: Normalized, word: regex.Pattern[str] = _WORD
) -> list[Line]:
    """Cut line ``at`` after its first ``words`` words (a title glued to the lead): two lines.

    The second line starts at the first visible character after the cut, so marks between
    the two (``:``، ``*``) stay in a line; the lines come back unchanged when the line has
    no more than ``words`` words of the ``word`` kind (nothing would be left to cut off).
    """
    folded = lines[at].folded
    ms = list(itertools.islice(word.finditer(folded), words))
    if len(ms) < words:
        return lines
    cut_f = ms[-1].end()
    nxt = cut_f + len(folded[cut_f:]) - len(folded[cut_f:].lstrip())
    if nxt >= len(folded):
        return lines
    return _split_line(lines, at, cut_f, nxt, words, norm)


def _split_line(lines: list[Line], at: int, cut_f: int, nxt: int, words: int, norm: Normalized) -> list[Line]:
    """Cut line ``at`` into ``folded[:cut_f]`` (``words`` words) and ``folded[nxt:]``: two lines."""
    line = lines[at]
    head_end = norm.to_original(line.fstart + cut_f - 1) + 1
    tail_start = norm.to_original(line.fstart + nxt)
    head = Line(at, line.start, head_end, line.fstart, line.folded[:cut_f], words, line.blank_before, False)
    tail = Line(
        at + 1,
        tail_start,
        line.end,
        line.fstart + nxt,
        line.folded[nxt:],
        line.words - words,
        False,
        line.blank_after,
    )
    out = [*lines[:at], head, tail]
    for k, later in enumerate(lines[at + 1 :], start=at + 2):
        out.append(attrs.evolve(later, index=k))
    return out


def _read_top(text: str, norm: Normalized, lines: list[Line], *, explain: bool = False) -> _Top | None:
    """The top of a page: furniture, the site's name, the headline, its repeats, the byline, the lead.

    ``None`` when no lead paragraph stands within the first lines (a short note, a list):
    the caller then takes the first title-like line, as before.
    """
    n = len(lines)
    kinds: dict[int, str] = {}
    why: dict[int, str] = {}
    stamps: dict[int, list[Dateline]] = {}
    teasers: set[int] = set()
    lead: int | None = None
    titled = False  # a title-shaped candidate stands above: a long line under it is the lead
    i = 0
    while i < min(n, _TOP_WINDOW):
        line = lines[i]
        # ``Next Previous عين اليوم – واس``، ``شارك من خلال تويتر فيسبوك ... تنفذ``: widget labels
        # glued to the front of a line
        cut = widget_prefix(line.folded)
        if cut and cut < line.words:
            # widget_prefix counts tokens between spaces, so the cut does too
            lines = _split_glued(lines, i, cut, norm, _TOKEN_WS)
            n = len(lines)
            kinds[i], why[i] = "furniture", "share or navigation labels"
            i += 1
            continue
        if _is_lead_sentence(line) or line.words >= _LONG_LINE_WORDS:
            long_line, furniture = True, None
        else:
            long_line, furniture = False, is_top_furniture(line)
        if furniture is not None:
            kinds[i], why[i] = "furniture", furniture
        elif not long_line and _is_boilerplate(line):
            kinds[i], why[i] = "furniture", "a furniture phrase"
        elif not long_line and _is_credit(line):
            kinds[i], why[i] = "credit", "a credit line"
        elif not long_line and (found := _stamps(text, line)):
            kinds[i], why[i], stamps[i] = "stamp", "a stamp", found
        elif line.words <= _BARE_STAMP_WORDS + 1 and _ARABIC.search(line.folded) is None:
            kinds[i], why[i] = "furniture", "a short line with no Arabic word"
        elif (
            long_line
            or _is_lead_fragment(line, lines[i + 1] if i + 1 < n else None)
            or (line.words >= _BODY_LINE_WORDS and _opens_with_stamp(text, line))
        ):
            if titled or not _is_false_lead(text, lines, i, kinds):
                lead = i
                break
            kinds[i], why[i] = "cand", "another story's lead or the site's blurb"
            teasers.add(i)
        else:
            kinds[i] = "cand"
            titled = titled or line.words >= 4
        i += 1
    if lead is None:
        return None
    if not explain and not teasers:
        simple = _simple_top(text, lines, kinds, stamps, lead)
        if simple is not None:
            return simple
    folded_all = norm.text

    cands = [k for k in range(lead) if kinds.get(k) == "cand"]
    # a repeat opens the lead if anything: its first characters are enough
    reach = max((len(lines[k].folded) for k in cands), default=0) + 2
    # only candidates can be a title or its repeat: the other lines need no bare form
    bares = ["" if kinds.get(k) != "cand" else bare(lines[k].folded) for k in range(lead)]
    bares.append(bare(lines[lead].folded[: 2 * reach]))
    # a personal name alone is a byline or a caption, never the title; the line over a
    # byline or a stamp is the title's place
    bare_stamps: dict[int, list[Dateline]] = {}

    def bare_stamps_of(k: int) -> list[Dateline]:
        if k not in bare_stamps:
            bare_stamps[k] = _stamps(text, lines[k], bare_byline=True)
        return bare_stamps[k]

    names = {k for k in cands if lines[k].words <= 4 and bare_stamps_of(k)}
    bylines = {k for k in names if not _name_recurs(lines[k], folded_all, lines[lead].fstart)}
    over = [kinds.get(k + 1) == "stamp" or k + 1 in bylines for k in cands]
    if len(cands) > 1 or explain:
        scores = score_candidates(
            lines,
            cands,
            lead,
            bares,
            lead_like=[k in teasers for k in cands],
            names=[k in names for k in cands],
            over_stamp=over,
        )
    else:  # one candidate: its scores decide nothing (no rival, no list of titles)
        scores = [(0.0, ())] * len(cands)
    site = {
        k
        for k in cands
        if lines[k].words <= _SITE_MAX_WORDS
        and k not in names
        and (lines[k].folded in _SITE_NAMES or looks_like_site(lines[k], lines[: lead + 1]))
    }
    if cands and cands[0] not in names and cands[0] + 1 < n:
        after = lines[cands[0] + 1]
        if _is_site_name(lines[cands[0]], folded_all[after.fstart :], after):
            site.add(cands[0])
    # a stamp above every candidate opens the article: what follows it is its caption or kicker
    first_stamp = next((k for k in range(lead) if kinds.get(k) == "stamp"), lead)
    opened = bool(cands) and first_stamp < cands[0]
    # two sentences, or a long one closed by a full stop, are prose, not a title; a bullet
    # item is no title either, unless it opens the page
    prose = {k for k in cands if _is_prose(lines[k])}
    bullets = {k for k in cands if lines[k].folded[:1] in _BULLETS}
    eligible = [
        k not in names and k not in site and k not in teasers and k not in prose and not opened for k in cands
    ]
    replaceable = [e and k not in bullets for k, e in zip(cands, eligible, strict=True)]
    chosen: int | None = None
    if cands and not is_teaser_list(scores, lines, cands):
        pos = choose(scores, [lines[k].words for k in cands], eligible, replaceable)
        chosen = None if pos is None else cands[pos]
    if chosen is None and prose:
        # no title: the first sentence of prose is the lead (a column under its writer's name)
        lead = min(prose)
    if chosen is not None:
        # under the title, the first line shaped like a paragraph is the lead, even when it
        # is shorter than the line first taken for it
        lead = next(
            (
                k
                for k in cands
                if k > chosen and not bares[k].startswith(bares[chosen]) and _is_body_line(text, lines[k])
            ),
            lead,
        )

    # a title glued to the front of the lead: cut it off, it is a repeat
    if chosen is not None and bares[lead].startswith(bares[chosen] + " "):
        lines = _split_glued(lines, lead, len(bares[chosen].split()), norm)
        kinds[lead], why[lead] = "repeat", "the title again, glued to the lead"
        lead += 1

    role: dict[int, int] = {}
    source_kind: dict[int, str] = {}
    datelines: dict[int, list[Dateline]] = {}
    verdicts: dict[int, tuple[Verdict, str]] = {}
    score_of = dict(zip(cands, scores, strict=True))
    for k in range(lead):
        line = lines[k]
        kind = kinds.get(k)
        if kind == "repeat":
            role[k] = _BOILER
            verdicts[k] = ("repeat", why[k])
        elif kind == "furniture":
            role[k] = _BOILER
            verdicts[k] = ("boilerplate", why[k])
        elif kind == "credit":
            role[k], source_kind[k] = _SOURCE, "credit"
            verdicts[k] = ("source_tag", why[k])
        elif kind == "stamp":
            role[k], datelines[k] = _DATELINE, stamps[k]
            verdicts[k] = ("dateline", why[k])
        elif chosen is not None and k == chosen:
            role[k] = _HEADLINE
            verdicts[k] = (
                "headline",
                "the first title-shaped line"
                if not any(e for c, e in zip(cands, eligible, strict=True) if c < k)
                else "a later title with stronger evidence",
            )
        elif (chosen is None and not (opened and k > first_stamp)) or (chosen is not None and k < chosen):
            # above the headline (or on a page with none): the site's name, a section word,
            # another story's title; a writer's name right above the lead is a byline
            if k in site:
                role[k], source_kind[k] = _SOURCE, "site"
                verdicts[k] = ("source_tag", "the site's name")
                continue
            if chosen is None and k == lead - 1:
                found = bare_stamps_of(k)
                if found and not _name_recurs(line, folded_all, lines[lead].fstart):
                    role[k], datelines[k] = _DATELINE, found
                    verdicts[k] = ("dateline", "a writer's name over the lead")
                    continue
            role[k] = _BOILER
            verdicts[k] = (
                "boilerplate",
                "a short line above the headline" if line.words <= 3 else "another story's title",
            )
        else:
            # under the headline (or the stamp that opens the article): its repeat, the byline,
            # a kicker, captions
            anchor = chosen if chosen is not None else first_stamp
            if chosen is not None and repeated(chosen, bares) and bares[k].startswith(bares[chosen]):
                role[k] = _BOILER
                verdicts[k] = ("repeat", "the title printed again")
                continue
            found = bare_stamps_of(k)
            if found and not _name_recurs(line, folded_all, lines[lead].fstart):
                role[k], datelines[k] = _DATELINE, found
                verdicts[k] = ("dateline", "a byline under the headline")
            elif is_top_credit(line):
                role[k], source_kind[k] = _SOURCE, "credit"
                verdicts[k] = ("source_tag", "a credit line under the headline")
            elif k in names or _is_caption(line, folded_all):
                role[k] = _BOILER
                verdicts[k] = ("boilerplate", "a caption: a name the story goes on to use")
            elif (
                (k == anchor + 1 or role.get(k - 1) == _DATELINE)
                and _is_heading(line)
                and not repeated(k, bares)
                and _LATIN_WORD.search(line.folded) is None
            ):
                role[k] = _SUB
                verdicts[k] = ("subheadline", "a kicker right under the headline")
            else:
                role[k] = _BOILER
                verdicts[k] = ("boilerplate", "a caption or label between the headline and the lead")
    verdicts[lead] = ("body", "the lead paragraph")
    # ``العالم- سوريا`` printed under the first paragraph: the outlet's stamp, when the top
    # held none (a wire or site credit only, never a bare name)
    after_lead: dict[int, list[Dateline]] = {}
    if lead + 1 < len(lines) and not datelines:
        found = _stamps(text, lines[lead + 1])
        if found and all(d.agency is not None for d in found):
            after_lead[lead + 1] = found

    records = []
    for k in sorted(verdicts) if explain else ():
        verdict, reason = verdicts[k]
        score, parts = score_of.get(k, (0.0, ()))
        line = lines[k]
        records.append(HeadlineCandidate(Span.of(text, line.start, line.end), score, parts, verdict, reason))
    return _Top(lines, role, source_kind, datelines, lead, tuple(records), after_lead)


def _simple_top(
    text: str, lines: list[Line], kinds: dict[int, str], stamps: dict[int, list[Dateline]], lead: int
) -> _Top | None:
    """The tops most pages have, read without the full bookkeeping (the same answer): the lead
    alone, or under stamps, or under one title-shaped line with or without stamps under it.
    ``None`` for anything else, and when the title is short enough to be a name or a site's,
    is prose, or is printed again at the front of the lead."""
    role: dict[int, int] = {}
    datelines: dict[int, list[Dateline]] = {}
    for k in range(lead):
        kind = kinds.get(k)
        if kind == "stamp":
            role[k], datelines[k] = _DATELINE, stamps[k]
        elif kind != "cand" or k != 0:
            return None
    if kinds.get(0) == "cand":
        title = lines[0]
        if title.words <= _SITE_MAX_WORDS or _is_prose(title) or title.folded in _SITE_NAMES:
            return None
        first = title.folded.split(maxsplit=1)[0].strip(_CLOSERS + "«“\"'(")
        # the lead may open with the title again: let the full reading cut it
        if (
            first
            and first in lines[lead].folded[: len(first) + 4]
            and bare(lines[lead].folded[: 2 * len(title.folded) + 2]).startswith(bare(title.folded) + " ")
        ):
            return None
        role[0] = _HEADLINE
    after_lead: dict[int, list[Dateline]] = {}
    if not datelines and lead + 1 < len(lines):
        found = _stamps(text, lines[lead + 1])
        if found and all(d.agency is not None for d in found):
            after_lead[lead + 1] = found
    return _Top(lines, role, {}, datelines, lead, (), after_lead)


def _is_false_lead(text: str, lines: list[Line], at: int, kinds: dict[int, str]) -> bool:
    """A long line above the real title: another story's lead, the site's blurb.

    Asked only on a page with no title-shaped line above it, and true only when a title
    follows that shares its words with the paragraph under it, while this line
    shares none with either.
    """
    title: Line | None = None
    for k in range(at + 1, min(len(lines), at + 8)):
        line = lines[k]
        if _is_boilerplate(line) or is_top_furniture(line) is not None or _stamps(text, line):
            continue
        if title is None:
            if line.words < 4 or _is_body_line(text, line):
                if line.words < 4:
                    continue
                return False
            title = line
            continue
        if not _is_body_line(text, line):
            continue
        t, body, mine = (
            stems(title.folded),
            stems(" ".join(line.folded.split()[:60])),
            stems(lines[at].folded),
        )
        return len(t & body) >= 2 and len(mine & (t | body)) <= 1
    return False


def _old_top(
    text: str,
    lines: list[Line],
    folded_all: str,
    role: list[int],
    source_kind: dict[int, str],
    datelines: dict[int, list[Dateline]],
) -> int:
    """The top of an article with no lead paragraph in sight: the first title-like line, then stamps."""
    n = len(lines)
    i = 0
    while i < n and i < 3 and _is_boilerplate(lines[i]):
        role[i] = _BOILER
        i += 1
    if i < n and _is_credit(lines[i]):
        role[i], source_kind[i] = _SOURCE, "credit"
        i += 1
    # a writer's name alone on the first line, over a long first paragraph, is a byline
    byline_first = i + 1 < n and _is_lead_sentence(lines[i + 1])
    first_stamps = _stamps(text, lines[i], bare_byline=byline_first) if i < n else []
    if i < n and not first_stamps:
        following = lines[i + 1] if i + 1 < n else None
        rest = folded_all[following.fstart :] if following is not None else ""
        if _is_site_name(lines[i], rest, following):
            role[i], source_kind[i] = _SOURCE, "site"
            i += 1
            byline_first = i + 1 < n and _is_lead_sentence(lines[i + 1])
            first_stamps = _stamps(text, lines[i], bare_byline=byline_first) if i < n else []
    headline_at = -1
    if i < n:
        first = lines[i]
        if not first_stamps and not _is_lead_sentence(first) and not _is_boilerplate(first):
            role[i] = _HEADLINE
            headline_at = i
            i += 1
    # stamps (a byline line, a dateline line) right under the headline
    while i < n and len(datelines) < 3:
        line = lines[i]
        found = _stamps(text, line, bare_byline=i == headline_at + 1 or (headline_at < 0 and i + 1 < n))
        if not found:
            break
        role[i] = _DATELINE
        datelines[i] = found
        i += 1
    return i


def _assemble(
    text: str,
    norm: Normalized,
    lines: list[Line],
    role: list[int],
    source_kind: dict[int, str],
    datelines: dict[int, list[Dateline]],
) -> Layout:
    source_tags: list[SourceTag] = []
    headline: Span | None = None
    stamps: list[Dateline] = []
    subheadlines: list[Span] = []
    paragraphs: list[Paragraph] = []
    boilerplate: list[Span] = []

    groups: list[list[Line]] = []
    for k, line in enumerate(lines):
        r = role[k]
        if r == _PARA:
            prev = groups[-1][-1] if groups else None
            if (
                prev is not None
                and prev.index == k - 1
                and role[k - 1] == _PARA
                and not line.blank_before
                and not _ends_sentence(prev)
                and (_ends_open(prev) or not _opens_paragraph(line))
            ):
                groups[-1].append(line)
            else:
                groups.append([line])
            continue
        span = Span.of(text, line.start, line.end)
        if r == _SOURCE:
            source_tags.append(SourceTag(span, "credit" if source_kind.get(k) == "credit" else "site"))
        elif r == _HEADLINE:
            headline = span
        elif r == _DATELINE:
            stamps.extend(datelines[k])
            boilerplate += _uncovered(text, line.start, line.end, [d.span for d in datelines[k]])
        elif r == _SUB:
            subheadlines.append(span)
        else:
            boilerplate.append(span)

    for g, group in enumerate(groups):
        start, end = group[0].start, group[-1].end
        if g == 0 and _may_open_with_stamp(text, start, end):
            stamp = split_leading_dateline(text[start:end], start)
            if stamp is not None and stamp.span.end < end:
                stamps.append(stamp)
                boilerplate += _uncovered(text, start, stamp.span.start, [])
                start = stamp.span.end
                while start < end and text[start].isspace():
                    start += 1
        if g == len(groups) - 1:
            last = group[-1]
            m = _TRAILER.search(last.folded) if _has_trailer_word(last.folded) else None
            if m is None and "//" in last.folded:
                m = _SIGN_OFF.search(last.folded)  # "… فرارهم. // انتهى //": the wire's sign-off
            if m is not None:
                cut = norm.to_original(last.fstart + m.start())
                if cut > start:
                    boilerplate.append(Span.of(text, cut, end))
                    end = cut
                    while end > start and text[end - 1].isspace():
                        end -= 1
        raw = text[start:end]
        paragraphs.append(Paragraph(Span(start, end, raw), _clean(raw)))

    boilerplate.sort(key=lambda s: s.start)
    stamps.sort(key=lambda d: d.span.start)
    return Layout(
        text=text,
        source_tags=tuple(source_tags),
        headline=headline,
        datelines=tuple(stamps),
        subheadlines=tuple(subheadlines),
        paragraphs=tuple(paragraphs),
        boilerplate=tuple(boilerplate),
    )


def _uncovered(text: str, start: int, end: int, spans: list[Span]) -> list[Span]:
    """The visible stretches of ``text[start:end]`` that no span covers (stray marks beside a stamp)."""
    out: list[Span] = []
    pos = start
    for span in [*sorted(spans, key=lambda s: s.start), Span(end, end, "")]:
        gap = text[pos : span.start]
        if gap.strip():
            a = pos + len(gap) - len(gap.lstrip())
            out.append(Span.of(text, a, a + len(gap.strip())))
        pos = max(pos, span.end)
    return out


def _clean(raw: str) -> str:
    """The clean text of a paragraph: lines joined, white space collapsed, HTML entities decoded,
    a list bullet opening it (``* المشكلة ...``، ``• هذا ...``) left out (the span keeps it)."""
    if "  " in raw or "\n" in raw or "\xa0" in raw or "\t" in raw or "\r" in raw:
        joined = " ".join(raw.split())
    else:
        joined = raw  # already clean: the common case, and a costly split/join saved
    if "&" in joined:
        joined = " ".join(html.unescape(joined).split())
    if joined[:1] in "*•" and joined[1:2] == " ":
        joined = joined[2:]
    return joined

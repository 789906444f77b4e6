"""Headline: which line near the top of a page is the article's title.

This module owns the headline chooser and the tests for the furniture a
scraped page keeps above the lead (issue and update lines, bare dates and
times, breadcrumbs, mastheads, image file names, section words, the site's
name).  :func:`arnewsparse.layout.parse_layout` reads the top of an article
in three steps:

1. every line above the lead is classed: furniture (:func:`is_top_furniture`
   or the layout's phrase list), a credit, a stamp, or a *candidate*;
2. the candidates are scored by :func:`score_candidates`, by shape (length,
   no final stop, not one or two words, not leading into the next line) and
   by evidence (printed again further down, sharing words with the lead,
   standing right above the stamps or the lead);
3. the best candidate is the headline; those above it are the site's name
   (a source tag) when they are shaped like one, else boilerplate; those
   between it and the lead are its repeats, the byline, a kicker
   (subheadline) or captions.

A page whose top holds only a list of other stories' titles (three or more,
none printed again, none sharing a word with the lead) has no headline.

:func:`explain_headline` shows the scores and verdicts, one frozen
:class:`HeadlineCandidate` per line of the top.  Word lists live in
``data/headline.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from typing import Final, Literal

import attrs
import regex

from arnewsparse.dates import calendar_words
from arnewsparse.lines import Line
from arnewsparse.model import Span
from arnewsparse.normalize import fold

__all__ = ["HeadlineCandidate", "Verdict", "explain_headline", "is_top_furniture", "score_candidates"]

Verdict = Literal[
    "headline", "source_tag", "boilerplate", "dateline", "subheadline", "repeat", "body", "candidate"
]


@attrs.frozen(slots=True)
class HeadlineCandidate:
    """One line of the top of an article, as the headline chooser saw it.

    ``parts`` are the named parts of ``score`` (``("repeated", 3.0)`` ...);
    ``verdict`` is the role the line was given and ``reason`` says why in a
    few words.  Lines that were never candidates (furniture, stamps, the
    lead) have a score of 0 and no parts.
    """

    line: Span
    score: float
    parts: tuple[tuple[str, float], ...]
    verdict: Verdict
    reason: str


# --- data -----------------------------------------------------------------------


def _load() -> dict[str, list[str]]:
    raw = resources.files("arnewsparse").joinpath("data/headline.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


def _phrases(words: list[str]) -> regex.Pattern[str]:
    alt = "|".join(regex.escape(" ".join(fold(w).split())) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?:{alt})(?![\p{{L}}])", regex.IGNORECASE)


_DATA: Final = _load()
_DATE_WORDS: Final = frozenset(fold(w).lower() for w in _DATA["date_words"]) | calendar_words()
_UPDATE_OPENER: Final = _phrases(_DATA["update_openers"])
_HOME: Final = _phrases(_DATA["home_words"])
# staff titles glued to the names that follow them (``رئيس التحريرمحمود ...``): no word boundary
_MASTHEAD_HINT: Final = regex.compile(r"رئيس|مدير")
_MASTHEAD: Final = regex.compile(
    "|".join(regex.escape(" ".join(fold(w).split())) for w in _DATA["masthead_words"])
)
_WIDGET: Final = regex.compile(
    r"(?:"
    + "|".join(regex.escape(w) for w in _DATA["widget_words"])
    + r")(?:\s+(?:"
    + "|".join(regex.escape(w) for w in _DATA["widget_words"])
    + r"))*(?=\s+\S)",
    regex.IGNORECASE,
)
_SHARE_WORDS: Final = sorted((" ".join(fold(w).split()) for w in _DATA["share_words"]), key=len, reverse=True)
_SHARE_HEADS: Final = frozenset(w[0] for w in _SHARE_WORDS)
_SHARE_ALT: Final = "|".join(regex.escape(w) for w in _SHARE_WORDS)
_SHARE: Final = regex.compile(rf"(?:{_SHARE_ALT})(?P<more>(?:\s+(?:{_SHARE_ALT}))+)?(?=\s+\S|\Z)")
_SECTIONS: Final = frozenset(" ".join(fold(w).split()) for w in _DATA["section_words"])
_CREDIT_PHRASE: Final = _phrases(_DATA["credit_phrases"])
_CREDIT_MAX_WORDS: Final = 16
_SITE_NOUNS: Final = frozenset(fold(w).lower() for w in _DATA["site_nouns"])
_IMAGE: Final = regex.compile(r"\S+\.(?:" + "|".join(_DATA["image_suffixes"]) + r")\Z", regex.IGNORECASE)

_TOKEN: Final = regex.compile(r"[\p{L}\p{M}]+|\p{N}+[\p{L}]*")
_DIGIT: Final = regex.compile(r"\p{N}")
# a clock time or an all-digit date: the mark of a date line even with a section word glued on
_TIME_OR_DATE: Final = regex.compile(
    r"\p{N}{1,2}\s?:\s?\p{N}{2}|\p{N}{1,4}\s?[-/.]\s?\p{N}{1,2}\s?[-/.]\s?\p{N}{1,4}"
)
_CRUMB_SEP: Final = regex.compile(r"\s(?:/|>|»|«|›|‹|\\|\|)\s")
_CRUMB_CHARS: Final = regex.compile(r"[/>»«›‹\\|]")
_PLACEHOLDER: Final = regex.compile(r"\{\{.*\}\}|\{%.*%\}")
_SHORT_LATIN_OR_NUMBER: Final = regex.compile(r"(?:\p{N}+|[A-Za-z]{1,3})(?:\s+(?:\p{N}+|[A-Za-z]{1,3}))?")
_WORD: Final = regex.compile(r"[\p{L}\p{N}]+")
# a word of three letters or more, its proclitics off (the lead says وزير، the title الوزير),
# found in one pass of the regex engine rather than a Python loop per word
_STEM: Final = regex.compile(
    r"(?<![\p{L}\p{N}])(?:وال|فال|بال|كال|لل|ال|[وفبل])?([\p{L}\p{N}]{3,})(?![\p{L}\p{N}])"
)
_FUNCTION_WORDS: Final = frozenset(fold(w) for w in _DATA["function_words"])


# --- line tests -------------------------------------------------------------------


def is_top_furniture(line: Line) -> str | None:
    """Why a line at the top is page furniture, or ``None``.

    An issue, publication or update line (``العدد 5145 - الجمعة ...``،
    ``التحديث الاخير بتاريخ|...``), a bare date and/or time, a breadcrumb
    (``الرئيسية / ...``), a masthead, an image file name, a template
    placeholder, a lone number or a stray Latin token.
    """
    folded = line.folded
    if not folded:
        return "empty"
    words = line.words
    # each test is guarded by a cheap look at the line: most lines at the top are titles
    if words <= 16 and _DIGIT.search(folded) is not None:
        if _UPDATE_OPENER.match(folded) is not None:
            return "issue or update line"
        if words <= 14 and _is_date_only(folded):
            return "a publication date or time"
    if words <= 12 and _CRUMB_CHARS.search(folded) is not None:
        if _HOME.match(folded) is not None and _CRUMB_SEP.search(folded) is not None:
            return "breadcrumb"
        if len(_CRUMB_SEP.findall(folded)) >= 2:
            return "breadcrumb"
    if (
        words <= 20
        and _MASTHEAD_HINT.search(folded) is not None
        and len(_MASTHEAD.findall(folded)) >= (1 if words <= 6 else 2)
    ):
        return "masthead"
    if words <= 2:
        if _IMAGE.match(folded) is not None:
            return "image file name"
        if _SHORT_LATIN_OR_NUMBER.fullmatch(folded) is not None:
            return "a lone number or Latin token"
        if _HOME.fullmatch(folded) is not None:
            return "breadcrumb"
    if "{" in folded and _PLACEHOLDER.search(folded) is not None:
        return "template placeholder"
    if words <= 4:
        b = bare(folded)
        if b in _SECTIONS:
            return "a section or menu word"
        if b[:1] in _SHARE_HEADS and _SHARE.fullmatch(b) is not None:
            return "share widget labels"
    return None


def widget_prefix(folded: str) -> int:
    """How many words of widget labels open the line: English ones (``Next Previous``،
    ``Share Tweet``), or two or more Arabic share labels (``شارك من خلال تويتر فيسبوك``)."""
    head = folded[:1]
    if head.isascii():
        m = _WIDGET.match(folded) if head.isalpha() else None
        return 0 if m is None else len(m.group().split())
    if head not in _SHARE_HEADS:
        return 0
    m = _SHARE.match(folded)
    return 0 if m is None or m.group("more") is None else len(m.group().split())


def is_top_credit(line: Line) -> bool:
    """A credit under the headline: ``هذا المقال منشور بالتعاون مع موقع ...`` (published with a partner)."""
    return line.words <= _CREDIT_MAX_WORDS and _CREDIT_PHRASE.search(line.folded) is not None


def _is_date_only(folded: str) -> bool:
    """Nothing but a date and/or time, with at most two other words beside a clock time or a numeric date."""
    unknown = 0
    for tok in _TOKEN.findall(folded):
        if _DIGIT.search(tok) is not None or tok.lower() in _DATE_WORDS:
            continue
        unknown += 1
        if unknown > 2:
            return False
    # ``عرب وعالم25-9-2021 | 19:42``: a section label glued to the date is still furniture
    return unknown == 0 or _TIME_OR_DATE.search(folded) is not None


def looks_like_site(line: Line, top: Sequence[Line]) -> bool:
    """A short line that names the site: it holds a site noun (``موقع``، ``شبكة``، ``نيوز``),
    or another line of the top names it with one (``الأرض`` over ``موقع الأرض``)."""
    if line.words > 4:
        return False
    words = [w.lower() for w in _WORD.findall(line.folded)]
    if any(w in _SITE_NOUNS for w in words):
        return True
    for other in top:
        if other is line or other.words > 5:
            continue
        o = [w.lower() for w in _WORD.findall(other.folded)]
        if len(o) > len(words) and o[-len(words) :] == words and any(w in _SITE_NOUNS for w in o):
            return True
    return False


def stems(folded: str) -> set[str]:
    """The content words of a folded text, proclitics off, cut to five letters (for overlap)."""
    return {m[:5] for m in _STEM.findall(folded) if m not in _FUNCTION_WORDS}


def bare(folded: str) -> str:
    """A line reduced to its words, for telling a repeat (punctuation and spacing ignored)."""
    return " ".join(_WORD.findall(folded))


# --- scoring ----------------------------------------------------------------------

_LEAD_CHARS: Final = 400  # the lead's first sentences are where a title's words come back
_REPEAT_BONUS: Final = 3.0
_OVERLAP_WEIGHT: Final = 2.5
_NEAR_LEAD_BONUS: Final = 0.5
_OVER_STAMP_BONUS: Final = 2.5
_TEASER_LIST: Final = 3
_TEASER_WORDS: Final = 6  # a story's title, longer than a line of verse or a tag


def score_candidates(
    lines: Sequence[Line],
    candidates: Sequence[int],
    lead: int | None,
    bares: Sequence[str],
    *,
    lead_like: Sequence[bool] = (),
    names: Sequence[bool] = (),
    over_stamp: Sequence[bool] = (),
) -> list[tuple[float, tuple[tuple[str, float], ...]]]:
    """Score each candidate line (indices into ``lines``): higher is more like the headline.

    ``lead`` is the index of the lead paragraph (``None`` when none was
    found); ``bares[i]`` is :func:`bare` of line ``i`` for every line of the
    top and the lead, where a repeat of the title is looked for.
    ``lead_like[k]`` says candidate ``k`` has the shape of a lead paragraph,
    ``names[k]`` that it is a personal name alone (a byline or a caption), and
    ``over_stamp[k]`` that a stamp or a writer's name stands right under it.
    """
    lead_stems: set[str] = set()
    if lead is not None:
        lead_stems = stems(lines[lead].folded[:_LEAD_CHARS])
        if lead + 1 < len(lines):
            lead_stems |= stems(lines[lead + 1].folded[: _LEAD_CHARS // 2])
    out: list[tuple[float, tuple[tuple[str, float], ...]]] = []
    last = candidates[-1] if candidates else -1
    for k, i in enumerate(candidates):
        line = lines[i]
        parts: list[tuple[str, float]] = []
        w = line.words
        if w <= 2:
            parts.append(("one or two words", -2.0))
        elif w == 3:
            parts.append(("three words", -0.5))
        elif w <= 30:
            parts.append(("title length", 1.0))
        else:
            parts.append(("too long", -1.0))
        end = line.folded.rstrip("\"'”’») ")[-1:]
        if end in ":،,;؛-–—(«":
            parts.append(("leads into the next line", -1.5))
        elif end == "." and not line.folded.endswith(".."):
            parts.append(("ends with a full stop", -0.5))
        if k < len(lead_like) and lead_like[k]:
            parts.append(("shaped like a lead paragraph", -2.0))
        if k < len(names) and names[k]:
            parts.append(("a personal name alone", -3.0))
        if w >= 3 and repeated(i, bares):
            parts.append(("printed again below", _REPEAT_BONUS))
        if lead_stems:
            mine = stems(line.folded)
            if mine:
                share = len(mine & lead_stems) / len(mine)
                if share:
                    parts.append(("shares words with the lead", round(_OVERLAP_WEIGHT * share, 3)))
        if k < len(over_stamp) and over_stamp[k]:
            parts.append(("right above a stamp or a byline", _OVER_STAMP_BONUS))
        elif i == last:
            parts.append(("right above the lead", _NEAR_LEAD_BONUS))
        out.append((round(sum(v for _, v in parts), 3), tuple(parts)))
    return out


def repeated(i: int, bares: Sequence[str]) -> bool:
    """Line ``i`` recurs below: as a line of its own, or opening a later line (glued to the lead,
    or printed twice on one line)."""
    b = bares[i]
    return bool(b) and any(later.startswith(b) for later in bares[i + 1 :])


def is_teaser_list(
    scores: Sequence[tuple[float, tuple[tuple[str, float], ...]]],
    lines: Sequence[Line],
    candidates: Sequence[int],
) -> bool:
    """Three or more title-shaped lines, none printed again and none sharing a word with the lead:
    the titles of other stories, not this one's."""
    titled = [
        parts for (_, parts), i in zip(scores, candidates, strict=True) if lines[i].words >= _TEASER_WORDS
    ]
    if len(titled) < _TEASER_LIST or lines[candidates[0]].words < _TEASER_WORDS:
        return False  # a short first line may be the title of a list page
    names = {name for parts in titled for name, _ in parts}
    return "printed again below" not in names and "shares words with the lead" not in names


_SHORT_TITLE: Final = 3  # a section word or a tag; a longer first line is the title
_STRONG: Final = frozenset({"printed again below", "right above a stamp or a byline"})


def choose(
    scores: Sequence[tuple[float, tuple[tuple[str, float], ...]]],
    words: Sequence[int],
    eligible: Sequence[bool],
    may_replace: Sequence[bool] | None = None,
) -> int | None:
    """The position of the headline among the scored candidates, or ``None``.

    The first eligible candidate (not a personal name, the site's name or a
    paragraph) is the title, as on most pages.  A later one of four words or
    more takes its place only on strong evidence that the first lacks (printed
    again below, or a stamp or byline right under it, together with words
    shared with the lead or a repeat), and only when the first is three words
    or fewer (a section word, a tag): captions under a title may be printed
    twice too, and a subtitle may stand over the byline.  ``may_replace`` says which candidates may take
    the first one's place (a bullet item may not); by default the eligible ones.
    """
    first = next((k for k in range(len(scores)) if eligible[k]), None)
    if first is None:
        return None

    def names(k: int) -> set[str]:
        return {name for name, _ in scores[k][1]}

    head = names(first)
    if head & _STRONG:
        return first
    if words[first] > _SHORT_TITLE:
        return first
    replace = eligible if may_replace is None else may_replace
    for k in range(first + 1, len(scores)):
        if (
            replace[k]
            and words[k] >= 4
            and names(k) & _STRONG
            and names(k) & {"printed again below", "shares words with the lead"}
        ):
            return k
    return first


def explain_headline(text: str) -> tuple[HeadlineCandidate, ...]:
    """How the headline of ``text`` was chosen: one record per line of its top, the lead last.

    Empty when no lead paragraph stands within the first lines (a short note,
    a list): :func:`arnewsparse.parse_layout` then takes the first title-like line.

    >>> page = "\\n".join([
    ...     "أخبار عاجلة",
    ...     "الوزير يفتتح المعرض الدولي للكتاب",
    ...     "افتتح الوزير المعرض الدولي للكتاب أمس في العاصمة بحضور عدد كبير من الناشرين.",
    ... ])
    >>> for c in explain_headline(page):
    ...     print(c.verdict, "|", c.reason)
    boilerplate | a section or menu word
    headline | the first title-shaped line
    body | the lead paragraph
    """
    # imported here: the layout imports this module for its scoring, and drives the line tests
    from arnewsparse.layout import read_top  # noqa: PLC0415

    return read_top(text).candidates

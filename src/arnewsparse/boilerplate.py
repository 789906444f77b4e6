"""Boilerplate: page furniture by phrase and shape, and the tail of a page.

This module owns the tests that :mod:`arnewsparse.layout` runs on the body of
an article to tell its own lines from what the page put around them:

- **furniture lines**, by phrase and by shape: share, follow, print and comment
  widgets, copyright and advertising lines, view counts, image file names,
  tag lines (``كلمات دلالية: …``), section and category words standing alone,
  lines that give only a publication date or time;
- **section markers** (``اقرأ أيضا``، ``أخبار ذات صلة``، ``آخر الأخبار``): alone on
  a line after the article, they open the tail of the page, where everything
  is other stories' titles and leads;
- **teaser leads**: a page that appends other stories' lead paragraphs ends
  with a run of paragraphs that each open a new story (no conjunction linking
  them to what precedes, often their own stamp, cut off mid-sentence or
  repeating an earlier paragraph).

Everything here decides by shape, structure and news convention; the phrases
are data (``data/layout.json``: ``furniture_lines``, ``section_markers``,
``tag_markers``, ``section_names``, ``date_words``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from typing import Any, Final

import regex

from arnewsparse.datelines import split_leading_dateline
from arnewsparse.dates import calendar_words
from arnewsparse.lines import Line
from arnewsparse.normalize import fold

__all__ = [
    "continues",
    "is_date_line",
    "is_furniture",
    "is_lead",
    "is_section_marker",
    "is_tag_line",
    "is_teaser_title",
    "opens_story",
    "teaser_run",
]


def _load(name: str) -> dict[str, Any]:
    raw = resources.files("arnewsparse").joinpath(f"data/{name}").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


_LAYOUT: Final = _load("layout.json")
_FLAGS: Final = regex.IGNORECASE | regex.V0


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{fold(p)})" for p in patterns)


_FURNITURE: Final = regex.compile(
    rf"(?:{_alternation(_LAYOUT['furniture_lines'] + _LAYOUT['furniture_long_lines'])})\Z",
    regex.IGNORECASE | regex.V0,
)
# the phrases that run long: tried alone on lines too long for the short ones (a cheaper pattern)
_FURNITURE_LONG: Final = regex.compile(
    rf"(?:{_alternation(_LAYOUT['furniture_long_lines'])})\Z", regex.IGNORECASE | regex.V0
)
_COPYRIGHT_MARKS: Final = tuple(fold(m).lower() for m in _LAYOUT["copyright_marks"])


def _copyright(folded: str) -> bool:
    # a case-blind regex search over every line is slow: test the marks' last words first
    if "حقوق" not in folded and "©" not in folded and "ights" not in folded and "IGHTS" not in folded:
        return False
    lowered = folded.lower()
    return any(mark in lowered for mark in _COPYRIGHT_MARKS)


# a marker alone on its line, bullets and arrows around it allowed
_SECTION_ALONE: Final = regex.compile(
    rf"[\s•*#|>»\-–—.]*(?:{_alternation(_LAYOUT['section_markers'])})\s*[:：.…»>|\-–—)(\s]*\Z",
    regex.IGNORECASE | regex.V0,
)
_TAG_LINE: Final = regex.compile(
    rf"[\s•*#]*(?:{_alternation(_LAYOUT['tag_markers'])})\s*(?:[:：|\-–—]|\Z)", regex.IGNORECASE | regex.V0
)
_TEASER_TITLE: Final = regex.compile(
    rf"(?:{_alternation(_LAYOUT['teaser_title_openers'])})(?:\s|[:.،\-–]|\Z)", regex.IGNORECASE | regex.V0
)
_SECTION_NAMES: Final = frozenset(fold(s) for s in _LAYOUT["section_names"])
_CONTINUATION: Final = regex.compile(
    r"(?:"
    + "|".join(regex.escape(fold(w)) for w in _LAYOUT["continuation_openers"] if len(w) > 1)
    + "|"
    + "|".join(regex.escape(fold(w)) for w in _LAYOUT["sentence_openers"])
    + "|"
    + "|".join(regex.escape(fold(w)) for w in _LAYOUT["story_continuers"])
    + r")\b"
)


_DATE_WORDS: Final = frozenset(
    w for phrase in _LAYOUT["date_words"] for w in fold(phrase).lower().split()
) | calendar_words(suffixes=True)
_TOKEN: Final = regex.compile(r"\p{L}+|\d+")
_DIGIT: Final = regex.compile(r"\d")
# a number glued to a word: a section name run into its date ("عرب وعالم25-9-2021")
_GLUED: Final = regex.compile(r"\p{L}\d")
_ARABIC: Final = regex.compile(r"\p{Arabic}")
_LETTER: Final = regex.compile(r"\p{L}")
_YEAR: Final = regex.compile(r"(?:1[89]|20)\d\d\s*[:.]?")
_BULLETS: Final = " •*·▪■►|>#"
_DATE_LINE_MAX: Final = 120
_FURNITURE_MAX_WORDS: Final = 40
_SHORT_WORDS: Final = 12
_LATIN_MAX_WORDS: Final = 4
_SECTION_MAX_WORDS: Final = 8


def is_date_line(folded: str) -> bool:
    """The line gives only a date and/or a time (and words such as ``تاريخ النشر``، ``منذ``، ``بتوقيت``).

    >>> is_date_line("الثلاثاء 14 اغسطس 2018")
    True
    >>> is_date_line("الرياض 25 شوال 1436 ه الموافق 10 اغسطس 2015 م واس")
    False
    """
    if len(folded) > _DATE_LINE_MAX or (_DIGIT.search(folded) is None and "منذ" not in folded):
        return False
    tokens = _TOKEN.findall(folded.lower())
    numbers = 0
    unknown = 0
    skip = False
    for tok in tokens:
        if skip:  # the zone after "بتوقيت" (مكة المكرمة، غرينتش)
            skip = False
            continue
        if tok.isdigit():
            numbers += 1
        elif tok == "بتوقيت":
            skip = True
        elif tok not in _DATE_WORDS:
            unknown += 1
    if numbers == 0:
        return unknown == 0 and "منذ" in folded and len(tokens) <= 4
    if unknown == 0:
        return True
    # a section word run into its date, or a word the vocabulary lacks beside a full date and time
    return (unknown <= 2 and _GLUED.search(folded) is not None) or (unknown == 1 and numbers >= 4)


def is_tag_line(line: Line) -> bool:
    """A tag line: ``كلمات دلالية: …``، ``الوسوم``، ``Tags:`` and the list after it."""
    return line.words <= _FURNITURE_MAX_WORDS and _TAG_LINE.match(line.folded) is not None


def is_section_marker(line: Line) -> bool:
    """A marker alone on its line that opens a block of other stories (``اقرأ أيضا``، ``آخر الأخبار``)."""
    return line.words <= _SECTION_MAX_WORDS and _SECTION_ALONE.match(line.folded) is not None


def is_teaser_title(line: Line) -> bool:
    """A title linking to another page: an explainer, a gallery, a video (``حقائق عن …``، ``بالصور: …``)."""
    return _TEASER_TITLE.match(line.folded.lstrip(_BULLETS)) is not None


def is_furniture(line: Line) -> bool:
    """Page furniture by phrase or shape (see the module docstring); a long line never is."""
    if line.words > _FURNITURE_MAX_WORDS:
        return False
    folded = line.folded.lstrip(_BULLETS)
    if line.words > _SHORT_WORDS:
        # most body lines: only the phrases that run long can match, and a long line that ends
        # like a sentence is furniture only as a copyright notice (the hot path of the parse)
        if folded.rstrip(_CLOSERS)[-1:] in _TERMINAL:
            return _copyright(folded)
        return (
            _FURNITURE_LONG.match(folded) is not None
            or _TAG_LINE.match(folded) is not None
            or _copyright(folded)
        )
    if _FURNITURE.match(folded) is not None:
        return True
    return _furniture_by_shape(line, folded)


def _furniture_by_shape(line: Line, folded: str, *, phrases_done: bool = False) -> bool:
    """The tests of a short line after its phrases (``folded`` is the line without its bullets)."""
    if not phrases_done and (is_tag_line(line) or is_section_marker(line)):
        return True
    if _copyright(folded):
        return True
    if folded.rstrip(" :：|-–—»").strip(" •*#|") in _SECTION_NAMES:
        return True
    if _LETTER.search(folded) is None:
        # digits and marks alone: a counter, a page number, a percentage (a year alone is
        # a timeline's heading)
        return _YEAR.fullmatch(folded) is None
    if line.words <= _LATIN_MAX_WORDS and _ARABIC.search(folded) is None and _DIGIT.search(folded) is None:
        # a few words of Latin script inside an Arabic page: a button, a logo (not a list item
        # such as a film title, which comes with a bullet, a number or a year)
        return line.folded[:1] not in _BULLETS
    return is_date_line(folded)


_BOILERPLATE_LINES: Final = _LAYOUT["boilerplate_lines"]
# the body's test in one pass: the layout's older boilerplate phrases with the furniture phrases
_BODY_PHRASES: Final = _BOILERPLATE_LINES + _LAYOUT["furniture_lines"] + _LAYOUT["furniture_long_lines"]


def _opens_anywhere(phrase: str) -> bool:
    """The phrase opens with any run of characters (an image file's name, an e-mail address)."""
    return phrase.startswith(("\\S", "[\\w"))


# With the tag-line and section-marker shapes folded in, a short line takes one regex pass (one
# pattern compiled once: building smaller ones per opening character cost more than it saved).
# The phrases that open anywhere are a pattern of their own, so that the rest can be gated by
# the line's first characters (see _Openings); their pattern fails at the line's first space.
_BODY_SHORT: Final = regex.compile(
    rf"(?:{_alternation([p for p in _BODY_PHRASES if not _opens_anywhere(p)])}"
    rf"|(?:{_alternation(_LAYOUT['tag_markers'])})\s*(?:[:：|\-–—].*)?"
    rf"|[\s•*#|>»\-–—.]*(?:{_alternation(_LAYOUT['section_markers'])})\s*[:：.…»>|\-–—)(\s]*)\Z",
    _FLAGS,
)
_BODY_ANYWHERE: Final = regex.compile(
    rf"(?:{_alternation([p for p in _BODY_PHRASES if _opens_anywhere(p)])})\Z", _FLAGS
)
_BODY_LONG: Final = regex.compile(rf"(?:{_alternation(_BOILERPLATE_LINES)})\Z", _FLAGS)
_OPENINGS_MAX: Final = 8192


class _Openings:
    """Whether a phrase of ``pattern`` can open with a line's first two characters.

    A partial match of the pair, kept per pair: most body lines open with a
    pair no phrase opens with, and are turned down without the full pattern.
    A few hundred pairs cover a corpus.
    """

    __slots__ = ("known", "pattern")

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern
        self.known: dict[str, bool] = {}

    def __call__(self, line: str) -> bool:
        head = line[:2]
        known = self.known.get(head)
        if known is None:
            known = self.pattern.match(head, partial=True) is not None
            if len(self.known) < _OPENINGS_MAX:
                self.known[head] = known
        return known


_may_open_long: Final = _Openings(_BODY_LONG)
_may_open_short: Final = _Openings(_BODY_SHORT)


def _short_phrase(folded: str) -> bool:
    """A short line is one of the body's phrases or shapes (:data:`_BODY_SHORT`, :data:`_BODY_ANYWHERE`)."""
    if _may_open_short(folded) and _BODY_SHORT.match(folded) is not None:
        return True
    return _BODY_ANYWHERE.match(folded) is not None


def is_body_furniture(line: Line) -> bool:
    """:func:`is_furniture` or a ``boilerplate_lines`` phrase of the layout: the body's test, in one pass."""
    if not line.folded:
        return True  # nothing but marks that fold away
    if line.words > _FURNITURE_MAX_WORDS:
        return False
    if line.words > _SHORT_WORDS:
        if _may_open_long(line.folded) and _BODY_LONG.match(line.folded) is not None:
            return True
        if line.folded.rstrip(_CLOSERS)[-1:] in _TERMINAL:
            return _copyright(line.folded)  # a sentence: furniture only as a copyright notice
        return is_furniture(line)
    folded = line.folded.lstrip(_BULLETS)
    if _short_phrase(folded):
        return True
    if folded is not line.folded and _short_phrase(line.folded):
        return True
    return _furniture_by_shape(line, folded, phrases_done=True)


# --- the tail of a page -----------------------------------------------------------

_QUOTES_AND_BULLETS: Final = frozenset("\"'«“”(*•-–—[#")
_DEMONSTRATIVES: Final = frozenset(("ذلك", "هذا", "هذه", "تلك"))


def opens_story(line: Line) -> bool:
    """The line opens like the lead of a story: nothing ties it to a line above.

    Body paragraphs after the lead are linked to what precedes: a conjunction
    (``و``، ``ف``), a discourse opener (``كما``، ``من جهته``، ``يذكر أن``), a
    demonstrative (``جاء ذلك``), a quotation or a bullet.  A lead has none.
    """
    folded = line.folded
    return bool(folded) and folded[0] not in _QUOTES_AND_BULLETS and not continues(folded)


def continues(folded: str) -> bool:
    """The folded line opens with what ties it to a line above (``و``, ``ف``, an opener, ``جاء ذلك``)."""
    words = folded.lstrip("\"'«“(").split(maxsplit=2)
    if not words:
        return False
    first = words[0]
    if first[0] in "وف" and len(first) > 2:
        return True
    if _CONTINUATION.match(folded) is not None:
        return True
    return len(words) > 1 and words[1].strip("،,") in _DEMONSTRATIVES


_TERMINAL: Final = frozenset(".!?؟…")
_CLOSERS: Final = "\"'”’»)] \xa0"
_RUN_MIN: Final = 3
_RUN_MIN_STAMPED: Final = 2
_OPENING_CHARS: Final = 40  # about six words


_LEAD_MIN_WORDS: Final = 12
_STAMP_GATE: Final = regex.compile(r"[-–—:()]")
_STAMP_REACH: Final = 90
_LABEL_REACH: Final = 4
# an enumerated item or a label ("أولا:"، "خط الدفاع:"، "1-") opens a list, not a story
_LABEL: Final = regex.compile(r"\d+\s*[-.)]|[^:\n]{0,40}:")


def is_lead(line: Line) -> bool:
    """A paragraph that could open another story: long, opening afresh, not a list item or a label."""
    if line.words < _LEAD_MIN_WORDS or not opens_story(line):
        return False
    m = _LABEL.match(line.folded)
    return m is None or line.folded.count(" ", 0, m.end()) >= _LABEL_REACH


def _cut_off(line: Line) -> bool:
    return line.folded.rstrip(_CLOSERS)[-1:] not in _TERMINAL


def _opening(line: Line) -> str:
    return line.folded[:_OPENING_CHARS]


def teaser_run(
    text: str, lines: list[Line], body: list[int], is_heading: Callable[[int], bool], *, stamped: bool = True
) -> list[int]:
    """The trailing run of other stories' leads (and titles) at the end of the body, or ``[]``.

    ``body`` is the indices of the body lines (paragraph and heading lines, in
    order); ``is_heading`` tells those of them that are shaped like titles.  The run is
    the longest suffix of ``body`` whose paragraphs each open a story (see
    :func:`opens_story`).  It is taken only on evidence that the stories are
    other ones: a lead that opens with its own stamp, a lead cut off
    mid-sentence with more leads after it, or a lead repeating the opening of
    an earlier paragraph; and only when the article keeps two paragraphs of
    its own before it.  A page's teasers carry stamps only where its own
    article does: ``stamped`` says whether it does (the stamp test is skipped
    otherwise, which spares the stamp grammar most pages).
    """
    run: list[int] = []
    headings: set[int] = set()
    leads = 0
    for k in reversed(body):
        line = lines[k]
        if is_heading(k) and not line.folded.endswith(":"):
            headings.add(k)
            run.append(k)
            continue
        if not is_lead(line):
            break
        run.append(k)
        leads += 1
    while run and run[-1] in headings:
        run.pop()  # a heading before the first lead belongs to the article above
    # one lead alone is another story's when both signs hold: its own stamp, and cut off
    # mid-sentence as the page's snippet of it (بغداد اليوم – بغداد نفى مصدر ...، إن)
    single = leads == 1 and stamped and len(run) == 1 and _cut_off(lines[run[0]])
    if leads < _RUN_MIN_STAMPED and not single:
        return []
    run.reverse()
    own = body[: body.index(run[0])]
    if len(own) < 2:
        return []
    run_leads = [k for k in run if k not in headings]
    if leads >= _RUN_MIN:
        # a lead cut off mid-sentence with another after it, on a page that keeps a paragraph
        # to a line (on a page broken mid-sentence every line looks cut off)
        if any(_cut_off(lines[k]) for k in run_leads[:-1]):
            paragraphs = [k for k in own if not is_heading(k)]
            whole = sum(1 for k in paragraphs if not _cut_off(lines[k]))
            if whole * 2 > len(paragraphs):
                return run
        openings = {_opening(lines[k]) for k in run_leads}
        if any(_opening(lines[k]) in openings for k in own):
            return run
    if single and (not body or body[-1] != run[0]):
        return []
    for k in run_leads if stamped else ():
        line = lines[k]
        if _STAMP_GATE.search(line.folded, 0, _STAMP_REACH) is None:
            continue  # a stamp ends with a dash, a colon or a bracket within its first words
        stamp = split_leading_dateline(text[line.start : line.end], line.start)
        if stamp is not None and stamp.span.end < line.end and (stamp.agency is not None or stamp.location):
            return run
    return []

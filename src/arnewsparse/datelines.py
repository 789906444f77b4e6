"""Datelines: the stamp that gives place, news organisation, date and reporter.

This module owns :func:`parse_dateline`, :func:`parse_datelines` and
:func:`split_leading_dateline`, and the place / given-name lexicon in
``data/dateline_lexicon.json``.

A stamp is read in three steps, all on the folded view of the text
(:class:`arnewsparse.normalize.Normalized`), reporting original offsets:

1. *tokenise* it into separators (dashes, colon, comma, ``من``), bracketed
   or quoted groups (``(CNN)``, ``«الاقتصادية»``), date expressions (found
   with :mod:`arnewsparse.dates`) and runs of words;
2. *classify* each group: agency (:mod:`arnewsparse.agencies`), place
   (gazetteer, or an unknown single word when something else anchors the
   stamp), person (a known given name first, or the shape of a name), desk
   word (``متابعة``), weekday, byline marker (``كتب``), or *bad* (a function
   word, a verb, a number: the line is a sentence or a headline);
3. *validate* the combination: a stamp needs an anchor (an agency, a date,
   a known place with a reporter, a byline marker ...).  Anything else is
   not a stamp, so headlines such as ``الكرملين: بوتين وأردوغان أكدا ...`` and
   look-alikes such as ``مانشستر سيتي 3 – 1 توتنهام`` are turned down.

Speed: stamps are short, so a length check rejects most lines at once; the
tokeniser is one precompiled regex and every look-up is a dict/set probe.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Final, Literal

import attrs
import regex

from arnewsparse.agencies import Agency, lookup_agency
from arnewsparse.dates import ArabicDate, dates_in_folded
from arnewsparse.lexicon import FORMS as _REPORTING_FORMS
from arnewsparse.model import Dateline, ReportForm, Span
from arnewsparse.normalize import Normalized, fold

__all__ = ["parse_dateline", "parse_datelines", "split_leading_dateline"]

# --- lexicon ------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Lexicon:
    places: frozenset[str]
    given: frozenset[str]
    desk: frozenset[str]
    stop: frozenset[str]
    markers: frozenset[str]
    desk_credits: frozenset[str]
    notes: tuple[str, ...]
    outlet_words: frozenset[str]
    outlet_after_place: frozenset[str]
    latin_months: tuple[str, ...]


def _load_lexicon() -> _Lexicon:
    data = json.loads(
        resources.files("arnewsparse").joinpath("data/dateline_lexicon.json").read_text("utf-8")
    )

    def norm(words: list[str]) -> frozenset[str]:
        return frozenset(" ".join(fold(w).split()) for w in words)

    places, given, desk = norm(data["places"]), norm(data["given_names"]), norm(data["desk_words"])
    # The finite forms of every reporting verb (قال، أكدت، يؤكد ...) open a lead sentence or a
    # headline, never a stamp: taken from the reporting lexicon rather than listed twice.  A
    # form that is also a given name, a place or a desk word (طالب، عدن، رصد) stays out.
    finite = {
        token
        for token, entry in _REPORTING_FORMS.items()
        if entry.form in (ReportForm.PERFECT, ReportForm.IMPERFECT)
    }
    stop = norm(data["stop_words"]) | (frozenset(finite) - given - places - desk)
    return _Lexicon(
        places=places,
        given=given,
        desk=desk,
        stop=stop,
        markers=norm(data["byline_markers"]),
        desk_credits=norm(data["desk_credits"]),
        notes=tuple(sorted(norm(data["publication_notes"]), key=len, reverse=True)),
        outlet_words=norm(data["outlet_name_words"]),
        outlet_after_place=norm(data["outlet_name_words_after_place"]),
        latin_months=tuple(m.lower() for m in data["latin_months"]),
    )


_LEX: Final = _load_lexicon()
_PLACES, _GIVEN, _DESK = _LEX.places, _LEX.given, _LEX.desk
# Words that never stand in a stamp: prepositions, particles, pronouns (data) and the finite
# forms of the reporting verbs (from the lexicon), folded.
_STOP: Final = _LEX.stop
# Of those, the words that no group of a stamp can hold, whatever its role (a date or an
# outlet's name may hold the others: ``في 11 أغسطس``، ``بغداد اليوم``): a caller holding a
# line's folded words may turn the line down before the grammar is run.
NEVER_IN_STAMP: Final = (
    _STOP
    - frozenset(fold(w) for w in ("في", "اليوم", "أمس", "غدا"))
    - frozenset(
        w
        for group in (_LEX.markers, _LEX.notes, _LEX.desk, _LEX.desk_credits, _LEX.outlet_words)
        for phrase in group
        for w in phrase.split()
    )
)
# Words and phrases that mark the next name as the writer's: كتب - صادق الحرز، كتب بواسطة: ...
_MARKERS: Final = _LEX.markers
# An editorial desk credited as the writer (فريق التحرير): a byline of its own.
_DESK_CREDITS: Final = _LEX.desk_credits
# A trailing "published in/on" note after a byline (| نشر في ...): part of the stamp, no field.
_NOTES: Final = _LEX.notes
# Words that make a name an outlet's (بغداد اليوم، أفريقيا برس، عمان نيوز).
_OUTLET_WORDS: Final = _LEX.outlet_words
_OUTLET_AFTER_PLACE: Final = _LEX.outlet_after_place
_PHOTO: Final = fold("تصوير")
_NOTE_HEADS: Final = frozenset(n.split()[0] for n in _NOTES)
_NOTE: Final = regex.compile("(?:" + "|".join(regex.escape(n) for n in _NOTES) + r")(?:\s|\Z)")
_MARKER_HEADS: Final = frozenset(m.split()[0] for m in _MARKERS)
# Titles that may open a writer's name.
_TITLES: Final = frozenset(
    fold(w) for w in ["د", "د.", "أ.د", "أ.د.", "الدكتور", "الدكتورة", "المهندس", "الشيخ", "الأستاذ", "م."]
)
_WEEKDAY_WORDS: Final = frozenset(
    fold(w) for w in ["الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
)
# Outlets that stand alone on a line as a stamp (``فرانس 24``); any other outlet
# alone on a line is more likely the site's name (a source tag).
_STANDALONE_OUTLETS: Final = frozenset(
    {"CNN", "France24", "AlArabiya", "SkyNewsArabia", "BBC", "RT", "AlJazeera"}
)
_NAME_PARTICLES: Final = frozenset({"بن", "ابن", "بنت", "ال", "ابو", "ابي", "ام", "عبد"})

# --- tokens -------------------------------------------------------------------

# The white space of the ``regex`` module's \s (Unicode White_Space), spelt out: stdlib re's
# \s also takes U+001C-U+001F, and the tokens must stay the ones ``regex`` cut.
_SPACE: Final = r"\t\n\x0b\x0c\r\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# The tokeniser runs stdlib re (a match call costs a third of one in ``regex``, and the pattern
# needs nothing more).  A word takes the single space after it along (when more text follows):
# that space is no token of its own, and words one space apart are most of a stamp's text, so
# this halves the matches.  Any other run of white space (two spaces, a line break) is a token.
_TOKEN: Final = re.compile(
    rf"""
    (?P<ws>[{_SPACE}]+|&nbsp;)
  | (?P<sep>-{{2,}}|_+|&[nm]dash;|&\#821[12];|[-–—−‒―:/|،,؛;])
  | (?P<br>\([^()\n]{{1,48}}\)|«[^«»\n]{{1,48}}»|"[^"\n]{{1,48}}"
          |[“”][^“”\n]{{1,48}}[“”]|\[[^\[\]\n]{{1,48}}\])
  | (?P<star>[*•#]+)
  | (?P<word>[^{_SPACE}\-–—−‒―:/|،,؛;()«»"“”\[\]*•#_&]+)(?:\x20(?=[^{_SPACE}]))?
  | (?P<other>.)
    """,
    re.VERBOSE,
)
_WORD_GROUP: Final = _TOKEN.groupindex["word"]  # by number: a group looked up by name costs more
_DASHES: Final = frozenset("-–—−‒―")
_ALA: Final = regex.compile(r"(?<!\p{L})عل[ىى]َ?(?!\p{L})")
_HAS_DIGIT: Final = regex.compile(r"\d")
_PIECES: Final = regex.compile(r"[-–—:،,()«»\"“”/|_ـ*]")
_LETTERS_ONLY: Final = regex.compile(r"[\p{L}.]+")
_LATIN: Final = regex.compile(r"[A-Za-z]")
_ACRONYM: Final = regex.compile(r"[A-Z]{2,6}")
# the prefix of an imperfect verb (يتفحص، تستقبل): after a given name it ends the name
_IMPERFECT: Final = regex.compile(r"[يت](?:ت|س|ن)\w{2,}")
_LATIN_MONTHS: Final = {m: k for k, m in enumerate(_LEX.latin_months, start=1)}
# a page's date in English after a bar: ``| Wednesday, 17 June 2015 - 15:27 pm``
_LATIN_DATE: Final = regex.compile(
    r"\|\s*(?:[A-Za-z]+day,?\s*)?(?P<d>\d{1,2})\s+(?P<m>"
    + "|".join(_LEX.latin_months)
    + r")\s+(?P<y>\d{4})(?:\s*-?\s*\d{1,2}:\d{2}(?:\s*[ap]m)?)?\s*\Z",
    regex.IGNORECASE,
)
_LATIN_NAME: Final = regex.compile(r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3}")
# tatweel used as a dash (``الرياض ـ الرياضية``): the fold deletes tatweel, so it
# is turned into a hyphen first (same length, offsets unchanged)
_TATWEEL_DASH: Final = regex.compile(r"(?:(?<=^|\s)ـ+|ـ+(?=\s|$))")
# ``خاص بالرياض`` / ``خاص لـ«الشرق الأوسط»``: an exclusive for an outlet
_EXCLUSIVE: Final = regex.compile(r"خاص(?:\s+(?:ب|ل)?|\s*(?:ب|ل))\s*(?P<name>\S+(?:\s\S+){0,3})")
_BUREAU: Final = regex.compile(r"مكتب\s+(?P<name>\S+(?:\s\S+){0,3})")

_MAX_GROUP_WORDS: Final = 6  # the longest names (``الوكالة العربية السورية للأنباء``) have 4-5
_MAX_LINE: Final = 110  # no real stamp line is longer (the longest dated ones are ~70)
_WINDOW: Final = 130  # how far into a paragraph a stamp may reach

Role = Literal["agency", "place", "person", "desk", "date", "weekday", "marker", "note"]


@attrs.define(slots=True)
class _Seg:
    """A group of the stamp: words, a bracketed/quoted group or a date (folded offsets)."""

    start: int
    end: int
    text: str  # folded, brackets and quotes removed
    kind: Literal["words", "br", "date"]
    date: ArabicDate | None = None
    role: Role | None = None
    agency: Agency | None = None
    written: str | None = None  # an outlet's written name when it is not in the table
    weak: bool = False  # a guess (unknown word taken as a place, name shape taken as a person)
    options: tuple[Role, ...] = ()
    body: bool = False  # a body named by definite nouns (``اللجنة الإعلامية``): only after a place and a dash


@attrs.define(slots=True)
class _Item:
    """A token of the stamp: a group or a separator."""

    start: int
    end: int
    sep: str | None = None
    seg: _Seg | None = None


def _prepare(text: str) -> Normalized:
    if "ـ" not in text:
        return Normalized(text)
    norm = Normalized(_TATWEEL_DASH.sub(lambda m: "-" * len(m.group()), text))
    norm.original = text  # the substitution kept every offset: report the real text
    return norm


def _tokenise(norm: Normalized, limit: int, *, cut_long: bool = False) -> list[_Item] | None:
    """Split the folded text (up to ``limit``) into groups and separators; ``None`` on junk.

    No group of a stamp is longer than :data:`_MAX_GROUP_WORDS` words: a longer
    run is a sentence, so the line is rejected, or (``cut_long``, for a
    paragraph) the tokens stop before it.
    """
    f = norm.text
    dates = [(s, e, d) for s, e, d in dates_in_folded(norm) if s < limit]
    items: list[_Item] = []
    words: list[tuple[int, int]] = []

    def flush() -> None:
        if words:
            # ``كتب محمد الجاموس``: a byline marker glued to a short name is a group of its own
            for k in (2, 1) if f[words[0][0] : words[0][1]] in _MARKER_HEADS else ():
                if len(words) - k in (2, 3) and f[words[0][0] : words[k - 1][1]] in _MARKERS:
                    ms, me = words[0][0], words[k - 1][1]
                    items.append(_Item(ms, me, seg=_Seg(ms, me, f[ms:me], "words")))
                    del words[:k]
                    break
            tail: tuple[int, int] | None = None
            if len(words) >= 3 and f[words[-1][0] : words[-1][1]] == _PHOTO:
                tail = words.pop()  # ``المدينة المنورة تصوير - ...``: the photo credit's marker
            s, e = words[0][0], words[-1][1]
            items.append(_Item(s, e, seg=_Seg(s, e, f[s:e], "words")))
            if tail is not None:
                items.append(
                    _Item(tail[0], tail[1], seg=_Seg(tail[0], tail[1], f[tail[0] : tail[1]], "words"))
                )
            words.clear()

    pos, di = 0, 0
    while pos < limit:
        if di < len(dates) and dates[di][0] <= pos:
            s, e, d = dates[di]
            di += 1
            if s < pos:
                continue
            flush()
            items.append(_Item(s, e, seg=_Seg(s, e, f[s:e], "date", date=d)))
            pos = e
            continue
        m = _TOKEN.match(f, pos, limit)
        if m is None:  # pragma: no cover - the pattern matches any character
            return None
        kind = m.lastgroup
        if kind == "word":
            w = m.group(_WORD_GROUP)
            w_start, w_end = m.span(_WORD_GROUP)  # without the space it took along
            if w == "من" or (w == "في" and _date_follows(f, w_end, dates, di)):
                # ``«الاقتصادية» من الرياض``، ``أبوظبي في 11 أغسطس``: a separator here
                flush()
                items.append(_Item(w_start, w_end, sep=w))
            elif w.endswith(".") and len(w) > 3 and "." not in w[:-1]:
                # ``أفريقيا برس – المغرب. تشير ...``: a full stop closes the stamp (``د.`` stays a title)
                words.append((w_start, w_end - 1))
                flush()
                items.append(_Item(w_end - 1, w_end, sep="."))
            else:
                words.append((w_start, w_end))
                if len(words) > _MAX_GROUP_WORDS:
                    if not cut_long:
                        return None
                    words.clear()
                    return items
        elif kind == "ws":
            if "\n" in m.group():
                flush()
                items.append(_Item(m.start(), m.end(), sep="\n"))
        elif kind == "sep":
            flush()
            c = m.group()[0]
            items.append(_Item(m.start(), m.end(), sep="-" if c in _DASHES or c in "_&" else c))
        elif kind == "br":
            flush()
            s, e = m.span()
            items.append(_Item(s, e, seg=_Seg(s, e, f[s + 1 : e - 1].strip(), "br")))
        elif kind == "star":
            flush()
            items.append(_Item(m.start(), m.end(), sep="*"))
        else:
            return None
        pos = m.end()
    flush()
    return items


def _date_follows(f: str, pos: int, dates: list[tuple[int, int, ArabicDate]], di: int) -> bool:
    """A date starts right after ``pos`` (past white space)."""
    return di < len(dates) and f[pos : dates[di][0]].strip() == ""


# --- classification -------------------------------------------------------------


def _is_person_shape(words: list[str]) -> tuple[bool, bool]:
    """``(looks_like_a_name, strong)`` for a group of words.

    Strong: 2-4 words opening with a known given name (titles such as ``د.``
    skipped).  Weak: any 2-4 words with no function word, no digit, no known
    place or weekday, not opening with the article (``الوضع الإنساني``) and
    with no conjunction inside (``بوتين وأردوغان``).
    """
    while words and words[0] in _TITLES:
        words = words[1:]
    if not 2 <= len(words) <= 4:
        return False, False
    for i, w in enumerate(words):
        if w in _STOP or w in _WEEKDAY_WORDS or not _LETTERS_ONLY.fullmatch(w) or not w.strip("."):
            return False, False  # a function word, a weekday, a number, an ellipsis: no name
        # ``بوتين وأردوغان``: a conjunction inside; but ``وهيب``/``وليد`` are names
        if (
            i
            and w.startswith("و")
            and w not in _GIVEN
            and len(w) > 3
            and w[1:] not in _GIVEN
            and (w[1:] in _PLACES or w[1:2] == "ا" or w[1:3] == "ال")
        ):
            return False, False
    first = words[0]
    if first.startswith("و") and first not in _GIVEN:
        return False, False  # ``وأفادت وكالة ...``: a conjunction opens a clause, not a name
    if first in _GIVEN or (first.startswith("عبد") and len(first) > 4) or first == "عبد":
        return True, True
    if first.startswith("ال") or first in _PLACES or " ".join(words) in _PLACES:
        return False, False
    if sum(w.startswith("ال") for w in words) > 1:
        return False, False  # ``أبرز التحولات السياسية``: a noun phrase, not a name
    return True, False


def _classify(seg: _Seg) -> bool:
    """Fill ``seg.options``; ``False`` when the group cannot be part of a stamp."""
    if seg.kind == "date":
        seg.options = ("date",)
        return True
    text = " ".join(seg.text.split())
    if not text:
        return False
    agency = lookup_agency(text)
    if agency is not None:
        seg.agency = agency
        # الرياض the city or Al-Riyadh the daily; الرياض الإلكتروني is only the daily
        seg.options = ("agency", "place") if agency.also_place and text in _PLACES else ("agency",)
        return True
    if text in _PLACES:
        seg.options = ("place",)
        return True
    if text in _DESK:
        seg.options = ("desk",)
        return True
    if text in _WEEKDAY_WORDS:
        seg.options = ("weekday",)
        return True
    if text in _MARKERS:
        seg.options = ("marker",)
        return True
    if text in _DESK_CREDITS:
        seg.options = ("person",)  # ``فريق التحرير``: the desk signs as the writer
        return True
    words = text.split()
    if words[0] in _NOTE_HEADS and _NOTE.match(text) is not None:
        seg.options = ("note",)  # ``| نشر في twitter`` after a byline
        return True
    if (
        2 <= len(words) <= 3
        and (
            words[-1] in _OUTLET_WORDS
            or " ".join(words[-2:]) in _OUTLET_WORDS
            or (words[-1] in _OUTLET_AFTER_PLACE and " ".join(words[:-1]) in _PLACES)
        )
        and words[0] not in _STOP
        and all(_LETTERS_ONLY.fullmatch(w) or w.isdigit() for w in words)
    ):
        seg.written = text  # ``بغداد اليوم``، ``أفريقيا برس``: named like an outlet
        seg.options = ("agency",)
        return True
    if _ACRONYM.fullmatch(text) or (seg.kind == "br" and _LATIN_NAME.fullmatch(text)):
        # ``/PNN /``، ``"Today News"``: a Latin outlet name, credited like any other
        seg.written = text
        seg.options = ("agency",)
        seg.weak = True
        return True
    m = _EXCLUSIVE.fullmatch(text) or _BUREAU.fullmatch(text)
    if m is not None:
        name = m.group("name").strip(' «»"“”()')
        agency = lookup_agency(name)
        if agency is None and name.startswith("ال") and name in _PLACES:
            return False
        seg.agency = agency
        seg.written = name
        seg.options = ("agency",)
        return True
    if _LATIN.search(text) and not _HAS_DIGIT.search(text):
        return False
    words = text.split()
    if seg.kind == "br":
        # «الشرق الأوسط» · "سبق": a quoted name is an outlet's; (نيجيريا) a country
        if text.split()[0] in _PLACES or (len(words) == 1 and text in _PLACES):
            seg.options = ("place",)
            return True
        person, strong = _is_person_shape(words)
        if len(words) <= 4 and not any(w in _STOP or _HAS_DIGIT.search(w) for w in words):
            if person and strong:
                seg.options = ("person",)
            else:
                seg.written = text
                seg.options = ("agency", "place")
                seg.weak = True
            return True
        return False
    person, strong = _is_person_shape(words)
    if person:
        # a name we know (``رنيم حنوش``), or two words that may be a name or a
        # place we do not list (``رغد عشميل`` vs ``جيفريز باي``): settled in context
        seg.options = ("person",) if strong else ("person", "place")
        seg.weak = not strong
        return True
    if (
        len(words) == 1
        and _LETTERS_ONLY.fullmatch(text)
        and text not in _STOP
        and len(text) >= 2
        and not text.startswith("و")  # ``ونقلت``: a conjunction and a verb
    ):
        # an unknown single word: a place we do not list (تربة، السيح) when anchored
        seg.options = ("place",)
        seg.weak = True
        return True
    if len(words) == 2 and words[0] in _PLACES and words[1].startswith("ال") and words[1] not in _STOP:
        # ``المدنية المنورة`` typos, ``مكة المكرمة`` variants: a known place opening the group
        seg.options = ("place",)
        seg.weak = True
        return True
    if (
        seg.kind == "words"
        and 2 <= len(words) <= 3
        and all(w.startswith("ال") and w not in _STOP and _LETTERS_ONLY.fullmatch(w) for w in words)
    ):
        # ``الرياض – اللجنة الإعلامية``: a committee, a centre, a ministry credited after the place
        seg.options, seg.weak, seg.written, seg.body = ("agency",), True, text, True
        return True
    return False


# --- assembling a stamp -----------------------------------------------------------


@attrs.define(slots=True)
class _Stamp:
    items: list[_Item]
    start: int
    end: int


def _assemble(norm: Normalized, items: list[_Item], offset: int, *, whole_line: bool) -> Dateline | None:
    """Validate the groups of one stamp and build its :class:`Dateline`; ``None`` if it is none."""
    segs = [it.seg for it in items if it.seg is not None]
    if not segs or len(segs) > 6:
        return None
    # ``على`` folds to ``علي`` (a given name): look at the original for it
    o_start, o_end = norm.span(items[0].start, items[-1].end)
    if _ALA.search(norm.original, o_start, o_end) is not None:
        return None
    for seg in segs:
        if not seg.options and not _classify(seg):
            if not _after_comma_place(items, seg) or len(seg.text.split()) > 4:
                return None
            # ``نيويورك، الوةلايات المتحدة (CNN)``: after a known place and a comma, an
            # unknown group (a country misspelt) is still the place; an agency must anchor it
            seg.options, seg.weak = ("place",), True
        elif seg.body and _after_comma_place(items, seg):
            seg.options, seg.body = ("place",), False  # ``نيويورك، الولايات المتحدة الأمريكية``
        seg.role = seg.options[0]
    if len(segs) == 2:
        _outlet_of_pair(items, segs)
    # ``مكة المكرمة - سامي علي / تصوير - سليمان وهيب:``: the photographer's credit rides along
    for a, b in itertools.pairwise(segs):
        if a.role == "marker" and a.text == _PHOTO and b.role == "person" and segs.index(a) > 0:
            a.role = b.role = "note"
    # a name that is both an outlet and a place (الرياض، المدينة): the outlet when a
    # real place is given, or when it opens a pair of such names (``المدينة - الرياض``)
    definite_place = any(s.options == ("place",) and not s.weak for s in segs)
    ambiguous = [s for s in segs if s.options == ("agency", "place")]
    for seg in ambiguous:
        if seg.kind == "br" and seg.weak:
            seg.role = "agency"
        elif _after_comma_place(items, seg):
            seg.role = "place"  # ``أبها، الرياض: ...``: a list of places
        elif definite_place or (len(ambiguous) > 1 and seg is ambiguous[0]):
            seg.role = "agency"
        else:
            seg.role = "place"
    # two unknown words: a person or a place?
    strong_person = any(s.options == ("person",) for s in segs)
    wire = any(s.agency is not None and s.agency.is_wire for s in segs)
    has_date = any(s.kind == "date" for s in segs)
    for i, seg in enumerate(segs):
        if seg.options != ("person", "place"):
            continue
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        if nxt is not None and nxt.kind == "br" and nxt.options == ("place",):
            seg.role = "place"  # ``أوكلاهوما سيتي (الولايات المتحدة)``
        elif strong_person:
            seg.role = "place"  # ``أحمد العمري - رأس تنورة``
        elif definite_place:
            seg.role = "person"  # ``جدة: خلدون غسان سعيد``
        elif wire or has_date:
            seg.role = "place"  # ``جيفريز باي: رويترز``
        else:
            seg.role = "person"  # ``رغد عشميل – عين اليوم``

    # a body named by definite nouns is credited only as ``PLACE - BODY``
    if any(s.body for s in segs) and not (
        len(segs) == 2
        and segs[0].role == "place"
        and not segs[0].weak
        and [it.sep for it in items if it.sep is not None][:1] == ["-"]
    ):
        return None
    roles = [s.role for s in segs]
    agencies = [s for s in segs if s.role == "agency"]
    places = [s for s in segs if s.role == "place"]
    persons = [s for s in segs if s.role == "person"]
    dates = [s for s in segs if s.role == "date"]
    markers = roles.count("marker")
    if len(persons) > 3 or len(dates) > 1 or len(agencies) > 3 or markers > 1:
        return None
    # several reporters form one run (``القاهرة: هاني زايد، صفوت عمران``)
    person_idx = [i for i, r in enumerate(roles) if r == "person"]
    if person_idx and person_idx[-1] - person_idx[0] + 1 != len(person_idx):
        return None
    # places must form one run (``لندن - تل أبيب``، ``دبي، الإمارات``، ``كانو (نيجيريا)``)
    place_idx = [i for i, r in enumerate(roles) if r == "place"]
    if place_idx and place_idx[-1] - place_idx[0] + 1 != len(place_idx):
        return None
    if len(places) > 3:
        return None
    strong_person = any(not s.weak for s in persons)
    anchored_by_agency = any(not s.weak for s in agencies) or any(
        s.kind == "br" and s.written for s in agencies
    )
    strong_place = any(not s.weak for s in places)
    if any(s.weak for s in places) and not (anchored_by_agency or dates or strong_person or strong_place):
        return None
    if any(s.weak for s in persons) and not (anchored_by_agency or strong_place or markers):
        return None
    # a weak (quoted but unknown) outlet needs a place, a person or a wire beside it
    if agencies and all(s.weak for s in agencies) and not (strong_place or strong_person or dates):
        return None
    # ``من`` joins a writer or an outlet to a place: ``عادل الخنين من الرياض``
    for i, it in enumerate(items):
        if it.sep == "من":
            before = items[i - 1].seg if i else None
            after = items[i + 1].seg if i + 1 < len(items) else None
            if (
                before is None
                or after is None
                or after.role != "place"
                or after.weak  # ``عبدالفتاح يخاف من الأهلاويين``: من a known place only
                or before.role not in ("person", "agency")
            ):
                return None
    # the stamp needs an anchor
    anchored = (
        bool(agencies)
        or (bool(dates) and (bool(places) or "weekday" in roles))
        or (bool(places) and (bool(persons) or "desk" in roles))
        or (bool(persons) and (bool(markers) or "desk" in roles))
    )
    if anchored:
        pass
    elif whole_line is False and strong_place and len(segs) == 1:
        pass  # ``لندن - ...`` opening a paragraph
    else:
        return None
    if whole_line and len(segs) == 1 and agencies:
        only = agencies[0].agency
        if only is None or (not only.is_wire and only.id not in _STANDALONE_OUTLETS):
            return None  # a site's name alone is a source tag, not a stamp
    if markers and not persons:
        return None

    def orig(s: int, e: int) -> tuple[int, int]:
        return norm.span(s, e)

    def text_of(s: int, e: int) -> str:
        os_, oe = orig(s, e)
        return norm.original[os_:oe]

    location = None
    if places:
        ps, pe = places[0].start, places[-1].end
        if len(places) == 1 and places[0].kind == "br":
            ps, pe = ps + 1, pe - 1  # ``عكاظ (الرياض)``: the place without its brackets
        location = text_of(ps, pe).strip()
    reporter = None
    if persons:
        p, q = persons[0], persons[-1]
        if p.kind == "br" and p is q:
            reporter = text_of(p.start + 1, p.end - 1).strip()
        else:
            reporter = text_of(p.start, q.end)
    agency_id = agency_text = None
    if agencies:
        wires = [s for s in agencies if s.agency is not None and s.agency.is_wire]
        chosen = wires[0] if wires else agencies[0]
        agency_text = text_of(chosen.start, chosen.end)
        if chosen.agency is not None and chosen.agency.credited_as_id:
            agency_id = chosen.agency.id
        else:
            agency_id = " ".join((chosen.written or chosen.text).split())
            # as written, without brackets or quotes
            agency_id = text_of(chosen.start, chosen.end).strip(' «»"“”()[]')
            if chosen.written and chosen.kind == "words":
                m = _EXCLUSIVE.fullmatch(chosen.text) or _BUREAU.fullmatch(chosen.text)
                if m is not None:
                    agency_id = text_of(chosen.start + m.start("name"), chosen.end).strip(' «»"“”()[]')
    date = dates[0].date.date if dates and dates[0].date is not None else None
    first, last = items[0], items[-1]
    o_start, o_end = orig(first.start, last.end)
    return Dateline(
        span=Span(o_start + offset, o_end + offset, norm.original[o_start:o_end]),
        location=location,
        agency=agency_id,
        agency_text=agency_text,
        date=date,
        reporter=reporter,
    )


def _outlet_of_pair(items: list[_Item], segs: list[_Seg]) -> None:
    """Two groups, one of them a one-word name we do not know: the site's own stamp.

    ``المسيرة: متابعات``، ``"Today News": متابعة``، ``المسيرة | خاص`` (the site and its desk);
    ``مسقط - الشبيبة`` (a known place, then the site); ``العالم- سوريا`` (the site, then a
    known place).  A single unknown word is otherwise taken for a place we do not list,
    which such a pair cannot be: a desk credit or a place beside it says it is the outlet.
    """
    a, b = segs
    if a.role == "desk" or b.role == "desk":
        other = b if a.role == "desk" else a
        if other.weak and other.role in ("place", "agency") and len(other.text.split()) <= 3:
            other.role, other.options, other.weak = "agency", ("agency",), False
            other.written = other.written or other.text
        return
    seps = [it.sep for it in items if it.sep is not None]
    if seps != ["-"]:
        return
    for site, place in ((b, a), (a, b)):
        if (
            place.role == "place"
            and not place.weak
            and site.role == "place"
            and site.weak
            and site.kind == "words"
            and site.text.startswith("ال")
            and " " not in site.text
        ):
            site.role, site.options, site.weak, site.written = "agency", ("agency",), False, site.text
            return


def _after_comma_place(items: list[_Item], seg: _Seg) -> bool:
    """True when ``seg`` follows a known place and a comma (``أبها، الرياض``)."""
    for i, it in enumerate(items):
        if it.seg is seg:
            if i >= 2 and items[i - 1].sep in ("،", ","):
                prev = items[i - 2].seg
                return prev is not None and prev.options == ("place",) and not prev.weak
            return False
    return False


def _trim(items: list[_Item]) -> list[_Item]:
    """Drop leading separators (a stamp may open with ``*`` or a dash: ``-الوئام-``)."""
    i = 0
    while i < len(items) and items[i].sep in ("-", "*"):
        i += 1
    return items[i:]


def _stamps_of_line(norm: Normalized, items: list[_Item], offset: int) -> list[Dateline]:
    items = _trim(items)
    if not items or any(it.sep == "\n" for it in items):
        return []
    whole = _assemble(norm, items, offset, whole_line=True)
    if whole is not None:
        return [whole]
    # two stamps in one line: ``صنعاء - خاص بالرياض ، القاهرة - رويترز``
    for i, it in enumerate(items):
        if it.sep in ("،", ","):
            left = _assemble(norm, _strip_seps(items[:i], right=True), offset, whole_line=True)
            right = _assemble(norm, _trim(items[i + 1 :]), offset, whole_line=True)
            if left is not None and right is not None and left.agency and right.agency:
                left = attrs.evolve(left, span=_extend(norm, left.span, it, offset))
                return [left, right]
    return []


def _strip_seps(items: list[_Item], right: bool) -> list[_Item]:
    while items and items[-1].sep is not None:
        items = items[:-1]
    return items


def _extend(norm: Normalized, span: Span, sep: _Item, offset: int) -> Span:
    """Let the first of two stamps keep the comma that parts them."""
    _, o_end = norm.span(sep.start, sep.end)
    o_start = span.start - offset
    return Span(span.start, o_end + offset, norm.original[o_start:o_end])


def parse_datelines(line: str, offset: int = 0, *, allow_bare_byline: bool = False) -> list[Dateline]:
    """Every stamp a whole line holds (usually one, sometimes two), or ``[]``.

    ``صنعاء - خاص بالرياض ، القاهرة - رويترز`` gives two stamps.  See
    :func:`parse_dateline` for ``allow_bare_byline``.

    >>> [(d.location, d.agency) for d in parse_datelines("صنعاء - خاص بالرياض ، القاهرة - رويترز")]
    [('صنعاء', 'الرياض'), ('القاهرة', 'Reuters')]
    """
    found = _read_line(line, allow_bare_byline)
    if not offset:
        return list(found)
    return [
        attrs.evolve(d, span=Span(d.span.start + offset, d.span.end + offset, d.span.text)) for d in found
    ]


# An outlet prints the same stamp line over story after story: the lines of a corpus already
# read are kept (at offset 0, spans shifted on the way out; the grammar is a pure function).
@lru_cache(maxsize=4096)
def _read_line(line: str, allow_bare_byline: bool) -> tuple[Dateline, ...]:
    return tuple(_parse_datelines(line, 0, allow_bare_byline=allow_bare_byline))


def _parse_datelines(line: str, offset: int, *, allow_bare_byline: bool) -> list[Dateline]:
    lead = len(line) - len(line.lstrip())
    body = line.strip()
    if not body or len(body) > _MAX_LINE or "\n" in body:
        return []
    # quick reject: a run of more than six words with no separator or digit is prose
    for piece in _PIECES.split(body):
        if piece.count(" ") > _MAX_GROUP_WORDS and not _HAS_DIGIT.search(piece):
            return []
    latin = _LATIN_DATE.search(body) if "|" in body else None
    if latin is not None and latin.start() > 0:
        # ``الرياض – اللجنة الإعلامية | Wednesday, 17 June 2015 - 15:27 pm``: the page's date
        # after a bar belongs to the stamp before it
        found = parse_datelines(body[: latin.start()], offset + lead)
        if len(found) == 1:
            d = found[0]
            return [
                attrs.evolve(
                    d,
                    span=Span(
                        d.span.start,
                        offset + lead + len(body),
                        line[d.span.start - offset : lead + len(body)],
                    ),
                    date=d.date or _latin_date(latin),
                )
            ]
        return []
    norm = _prepare(body)
    items = _tokenise(norm, len(norm.text))
    if items is None:
        return []
    found = _stamps_of_line(norm, items, offset + lead)
    if not found and allow_bare_byline:
        byline = _bare_byline(norm, items, offset + lead)
        if byline is not None:
            found = [byline]
    return found


def _latin_date(m: regex.Match[str]) -> _dt.date | None:
    try:
        return _dt.date(int(m.group("y")), _LATIN_MONTHS[m.group("m").lower()], int(m.group("d")))
    except ValueError:
        return None


def _bare_byline(norm: Normalized, items: list[_Item], offset: int) -> Dateline | None:
    """A writer's name alone on a line: ``محمد الدويش``، ``محمد سامي عودة *``."""
    segs = [it for it in items if it.seg is not None]
    if len(segs) != 1 or segs[0].seg is None or segs[0].seg.kind != "words":
        return None
    if any(it.sep not in (None, "*", ":", "-") for it in items):
        return None
    seg = segs[0].seg
    o_start, o_end = norm.span(seg.start, seg.end)
    if _ALA.search(norm.original, o_start, o_end) is not None:
        return None  # ``على المباشر``: the preposition folds to the name علي
    words = seg.text.split()
    person, strong = _is_person_shape(words)
    if not (person and strong) and not _surname_with_waw(words) and seg.text not in _DESK_CREDITS:
        return None
    if any(_IMPERFECT.match(w) and w not in _GIVEN for w in words[1:]):
        return None  # ``عيد يتفحص اللوفتس رود``: a verb after the name, a headline
    if len(words) > 4:
        return None
    o_start, o_end = norm.span(items[0].start, items[-1].end)
    r_start, r_end = norm.span(seg.start, seg.end)
    return Dateline(
        span=Span(o_start + offset, o_end + offset, norm.original[o_start:o_end]),
        reporter=norm.original[r_start:r_end],
    )


def _surname_with_waw(words: list[str]) -> bool:
    """``مصطفى واعراب``: a known given name, then a family name that opens with و.

    The و test of :func:`_is_person_shape` is there for ``بوتين وأردوغان``; after a known
    given name, on the writer's line, a word that is no name, place or definite noun once
    its و is taken off is the family name itself.
    """
    if len(words) != 2 or words[0] not in _GIVEN or not words[1].startswith("و"):
        return False
    rest = words[1][1:]
    return (
        len(rest) > 2
        and rest not in _GIVEN
        and rest not in _PLACES
        and not rest.startswith("ال")
        and words[1] not in _STOP
        and _LETTERS_ONLY.fullmatch(words[1]) is not None
    )


def parse_dateline(line: str, offset: int = 0, *, allow_bare_byline: bool = False) -> Dateline | None:
    """Parse a whole line as a stamp (``موسكو – سانا``); ``None`` when it is not one.

    ``offset`` is where ``line`` starts in the article, so the spans point into it.
    Leading and trailing whitespace is left out of the span.  A line holding two
    stamps gives the first (use :func:`parse_datelines` for both).

    ``allow_bare_byline`` also accepts a writer's name alone (``محمد الدويش``):
    enable it only for the line right after the headline, where a bare name is
    a byline and not, say, the subject of a caption.

    >>> d = parse_dateline("جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس")
    >>> d.location, d.agency, d.agency_text, d.date
    ('جدة', 'SPA', 'واس', datetime.date(2015, 8, 10))
    """
    found = parse_datelines(line, offset, allow_bare_byline=allow_bare_byline)
    return found[0] if found else None


def split_leading_dateline(paragraph: str, offset: int = 0) -> Dateline | None:
    """The stamp opening a paragraph (``عين اليوم – القاهرة:`` ...), or ``None``.

    The span covers just the stamp, with its trailing dash or colon.  A stamp
    that is the paragraph's whole first line (the text continues on the next
    line) is found too.

    >>> d = split_leading_dateline("بدر الجبل- سبق- تبوك: قال المتحدث إن الطريق مفتوح.")
    >>> d.text, d.reporter, d.agency, d.location
    ('بدر الجبل- سبق- تبوك:', 'بدر الجبل', 'سبق', 'تبوك')
    """
    lead = len(paragraph) - len(paragraph.lstrip())
    body = paragraph[lead : lead + _WINDOW + 40]
    if not body:
        return None
    norm = _prepare(body)
    f = norm.text
    limit = min(len(f), _WINDOW)
    # quick reject: a stamp ends with a dash, a colon, a line break or a date + agency
    head = f[:limit]
    if not any(c in head for c in "-–—:/|)\n") and not _HAS_DIGIT.search(head):
        return None
    items = _tokenise(norm, limit, cut_long=True)
    if items is None:
        return None
    items = _trim(items)
    # candidate stamps: the groups up to each dash, colon or line break; the
    # longest that validates wins
    candidates: list[tuple[list[_Item], bool]] = []
    for i, it in enumerate(items):
        if it.sep == "\n":
            candidates.append((_strip_seps(items[:i], right=True), True))
            break  # a stamp never runs over a line break
        if it.sep in ("-", ":", "/", "|") or (
            it.sep == "." and sum(g.seg is not None for g in items[:i]) > 1
        ):
            if it.sep == ":" and i + 1 < len(items) and items[i + 1].sep == ":":
                continue
            candidates.append((items[: i + 1], False))
        elif (
            it.seg is not None
            and it.seg.kind == "br"
            and f[it.start] == "("
            and lookup_agency(it.seg.text) is not None
            and i + 1 < len(items)
            and items[i + 1].sep is None
        ):
            candidates.append((items[: i + 1], False))  # ``(CNN)`` then the lead, no dash
        elif it.seg is not None and it.seg.kind == "words" and i and items[i - 1].seg is not None:
            prev = items[i - 1].seg
            if prev is not None and prev.kind == "date":
                # ``جدة 25 شوال ... 2015م واس أعلن``: the agency right after the date ends it
                cut = _leading_agency(it.seg)
                if cut is not None:
                    candidates.append(([*items[:i], cut], False))
    for group, line_end in reversed(candidates):
        if not group:
            continue
        # a fresh copy: classification state lives on the groups
        stamp = _assemble(norm, [_copy(g) for g in group], offset + lead, whole_line=line_end)
        if stamp is not None:
            return stamp
    return None


_WORD: Final = regex.compile(r"\S+")


def _leading_agency(seg: _Seg) -> _Item | None:
    """The agency named by the first one to four words of a group, as an item of its own."""
    spans = [m.span() for m in _WORD.finditer(seg.text)][:4]
    for k in range(len(spans), 0, -1):
        end = spans[k - 1][1]
        if lookup_agency(seg.text[:end]) is not None:
            s, e = seg.start, seg.start + end
            return _Item(s, e, seg=_Seg(s, e, seg.text[:end], "words"))
    return None


def _copy(item: _Item) -> _Item:
    if item.seg is None:
        return item
    s = item.seg
    return _Item(item.start, item.end, seg=_Seg(s.start, s.end, s.text, s.kind, date=s.date))

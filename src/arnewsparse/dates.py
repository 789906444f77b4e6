"""Arabic dates: find, parse and convert date expressions in news text.

This module owns :class:`ArabicDate`, :func:`parse_date`, :func:`find_dates`
and :func:`resolve_relative`, and the name data in ``data/months.json``.

It reads what Arabic news actually writes:

* month names in the three traditions: Syriac/Levantine (``كانون الثاني``،
  ``شباط``، ``آذار`` ...), Egyptian/Gulf (``يناير``، ``فبراير`` ... with their
  spelling variants) and Maghrebi (``جانفي``، ``فيفري``، ``أفريل``، ``جوان``،
  ``جويلية``، ``أوت``; Moroccan ``يوليوز``، ``غشت``، ``شتنبر``، ``نونبر``، ``دجنبر``),
  and the paired forms ``حزيران/يونيو``، ``يونيو (حزيران)``، ``تموز - يوليو``;
* Hijri months with ``هـ``, converted to Gregorian with the Umm al-Qura
  calendar (``hijridate``);
* ``الموافق`` pairs (``25 شوال 1436هـ الموافق 10 أغسطس 2015م``), where the
  Gregorian side wins;
* numeric dates (``14 / 10 / 1436هـ``، ``30/7/2015``، ``2015-08-10``);
* Arabic-Indic and Persian digits, weekday names, the suffixes ``م`` and ``هـ``.

Matching runs on the folded view (:class:`arnewsparse.normalize.Normalized`)
with one precompiled regex, so :func:`find_dates` over a whole article is a
single scan; spans are reported in original offsets.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any, Final, Literal

import attrs
import regex
from hijridate import Hijri

from arnewsparse.model import Span
from arnewsparse.normalize import Normalized, fold

__all__ = [
    "ArabicDate",
    "Calendar",
    "find_dates",
    "hijri_to_gregorian",
    "parse_date",
    "resolve_relative",
    "weekday_of",
]

Calendar = Literal["gregorian", "hijri"]


@attrs.frozen(slots=True)
class ArabicDate:
    """One date expression found in a text.

    ``day``, ``month`` and ``year`` are as written (``None`` when left out) in
    ``calendar``; ``weekday`` is ``0`` (Monday) to ``6`` (Sunday) like
    :meth:`datetime.date.weekday`, when a weekday name is written.  ``date`` is
    the Gregorian date when day, month and year are all known (a Hijri date is
    converted).  For a ``الموافق`` pair the fields are those of the Gregorian
    side and ``hijri`` keeps the Hijri ``(year, month, day)``.
    """

    span: Span
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    calendar: Calendar = "gregorian"
    date: _dt.date | None = None
    hijri: tuple[int | None, int | None, int | None] | None = None

    @property
    def text(self) -> str:
        return self.span.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "day": self.day,
            "month": self.month,
            "year": self.year,
            "weekday": self.weekday,
            "calendar": self.calendar,
            "date": None if self.date is None else self.date.isoformat(),
            "hijri": None if self.hijri is None else list(self.hijri),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArabicDate:
        calendar = data.get("calendar", "gregorian")
        if calendar not in ("gregorian", "hijri"):
            raise ValueError(f"calendar must be 'gregorian' or 'hijri', not {calendar!r}")
        date = data.get("date")
        hijri = data.get("hijri")
        return cls(
            span=Span.from_dict(data["span"]),
            day=data.get("day"),
            month=data.get("month"),
            year=data.get("year"),
            weekday=data.get("weekday"),
            calendar=calendar,
            date=None if date is None else _dt.date.fromisoformat(date),
            hijri=None if hijri is None else (hijri[0], hijri[1], hijri[2]),
        )


# --- data -------------------------------------------------------------------


def _load_data() -> dict[str, Any]:
    text = resources.files("arnewsparse").joinpath("data/months.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


_DATA: Final = _load_data()


def calendar_words(*, suffixes: bool = False) -> frozenset[str]:
    """Every folded word of a month or weekday name in ``data/months.json`` (all traditions,
    Hijri too), for telling a line that gives only a date; with ``suffixes`` also the
    era marks and the concordance words (``م``، ``هـ``، ``الموافق``)."""
    words: set[str] = set()
    names = [n for trad in _DATA["gregorian"].values() for ns in trad.values() for n in ns]
    names += [n for table in (_DATA["hijri"], _DATA["weekdays"]) for ns in table.values() for n in ns]
    if suffixes:
        names += [*_DATA["gregorian_suffixes"], *_DATA["hijri_suffixes"], *_DATA["concordance"]]
    for name in names:
        words.update(fold(name).split())
    return frozenset(words)


def _name_pattern(name: str) -> str:
    """A folded name as a regex: any run of spaces may separate its words."""
    return r"\s+".join(regex.escape(w) for w in fold(name).split())


def _build_names(table: Mapping[str, list[str]]) -> tuple[dict[str, int], str]:
    """Map folded names to numbers, and an alternation (longest first) over them."""
    by_name: dict[str, int] = {}
    for number, names in table.items():
        for name in names:
            by_name.setdefault(" ".join(fold(name).split()), int(number))
    alternation = "|".join(_name_pattern(n) for n in sorted(by_name, key=len, reverse=True))
    return by_name, alternation


_GREG_MONTHS, _GREG_ALT = _build_names(
    {n: [name for names in trad.values() for name in names] for n, trad in _DATA["gregorian"].items()}
)
_HIJRI_MONTHS, _HIJRI_ALT = _build_names(_DATA["hijri"])
_WEEKDAYS, _WEEKDAY_ALT = _build_names(_DATA["weekdays"])
_HIJRI_AMBIGUOUS: Final = frozenset(_HIJRI_MONTHS[fold(n)] for n in _DATA["hijri_ambiguous"])
_RELATIVE: Final[dict[str, int]] = {" ".join(fold(k).split()): v for k, v in _DATA["relative"].items()}

# --- the scanner --------------------------------------------------------------

# A word boundary for Arabic: not preceded / followed by a letter or digit.
_L: Final = r"(?<![\p{L}\p{N}])"
_R: Final = r"(?![\p{L}\p{N}])"
_SP: Final = r"[ \t]"
# the conjunction/prepositions that may cling to a weekday or day number
_WD: Final = rf"(?:يوم{_SP}+)?(?P<wd>{_WEEKDAY_ALT}){_R}[ \t،,]*"
_HSUF: Final = rf"(?P<hs>{_SP}*(?:هجريه|هجري|للهجره|ه){_R}\.?)"
_GSUF: Final = rf"(?P<gs>{_SP}*(?:ميلاديه|ميلادي|للميلاد|م){_R})"
_YEAR_WORD: Final = rf"(?:(?:عام|سنه|لعام|لسنه){_SP}+)?"

# Gregorian with a month name, optionally paired with the other tradition's name:
# 10 أغسطس 2015م · 12 كانون الثاني 2019 · 21 نوفمبر (تشرين الثاني) · حزيران/يونيو 2018
_G_NAMED: Final = (
    rf"(?:(?P<gd>[0-3]?\d){_SP}*(?:من{_SP}+)?(?:شهر{_SP}+)?)?"
    rf"{_L}(?P<gm>{_GREG_ALT}){_R}"
    rf"(?:{_SP}*(?:[/\\|]|[-–—]|\(){_SP}*(?P<gm2>{_GREG_ALT}){_R}{_SP}*\)?)?"
    rf"(?:[ \t،,]*{_YEAR_WORD}(?P<gy>(?:1[89]|20|21)\d\d)(?!\d){_GSUF}?)?"
)
# Hijri with a month name: 25 شوال 1436هـ
_H_NAMED: Final = (
    rf"(?:(?P<hd>[0-3]?\d){_SP}*(?:من{_SP}+)?(?:شهر{_SP}+)?)?"
    rf"{_L}(?P<hm>{_HIJRI_ALT}){_R}"
    rf"(?:[ \t،,]*{_YEAR_WORD}(?P<hy>1[34]\d\d)(?!\d){_HSUF}?)?"
)
# Numeric: 14 / 10 / 1436هـ · 30/7/2015م · 2015-08-10
_NUMERIC: Final = (
    rf"(?P<nd>[0-3]?\d){_SP}*(?P<sep>[/.\-]){_SP}*(?P<nm>[01]?\d){_SP}*(?P=sep){_SP}*"
    rf"(?P<ny>(?:1[3-9]|20|21)\d\d)(?!\d)(?:{_HSUF}|{_GSUF})?"
    rf"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d){_R}"
)
_SINGLE: Final = regex.compile(rf"{_L}(?:{_WD})?(?:{_NUMERIC}|{_H_NAMED}|{_G_NAMED})")
# what may stand between the two sides of a concordance pair
_CONCORD: Final = regex.compile(
    r"[ \t،,(\-–]*(?:و?الموافق(?:ه)?(?:[ \t]+ل)?|يوافق|اي)?[ \t،,(]*",
)
_CONCORD_WORD: Final = regex.compile(r"الموافق|يوافق|\(")
_TRAIL_PAREN: Final = regex.compile(r"[ \t]*\)")
# every date form holds a digit: a text with none holds no date (digits are
# ASCII in the folded view)
_QUICK: Final = re.compile(r"\d")
_DIGITS: Final = re.compile(r"\d+")
# where a word (letters or digits) starts; a date starts at one of them
_WORD_START: Final = re.compile(r"(?<![^\W_])[^\W_]")
_LOOKBACK: Final = 32  # characters before the first digit a date may start
# the first two letters of every word a date may open with (weekday, يوم, month)
_STARTERS: Final = frozenset(
    [n[:2] for n in (*_GREG_MONTHS, *_HIJRI_MONTHS, *_WEEKDAYS, "يوم")] + [str(d) for d in range(10)]
)


def hijri_to_gregorian(year: int, month: int, day: int) -> _dt.date | None:
    """Convert an Umm al-Qura Hijri date to Gregorian; ``None`` out of range or invalid."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return _dt.date(g.year, g.month, g.day)


def _gregorian(year: int | None, month: int | None, day: int | None) -> _dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _int(s: str | None) -> int | None:
    return None if s is None else int(s)


class _Raw:
    """One scanned date before concordance pairs are merged (folded offsets)."""

    __slots__ = ("calendar", "day", "end", "month", "start", "weekday", "year")

    def __init__(
        self,
        start: int,
        end: int,
        calendar: Calendar,
        day: int | None,
        month: int | None,
        year: int | None,
        weekday: int | None,
    ) -> None:
        self.start, self.end = start, end
        self.calendar = calendar
        self.day, self.month, self.year, self.weekday = day, month, year, weekday


def _from_match(m: regex.Match[str]) -> _Raw | None:
    wd = m.group("wd")
    weekday = None if wd is None else _WEEKDAYS[" ".join(wd.split())]
    if m.group("iy") is not None:
        return _Raw(m.start(), m.end(), "gregorian", int(m["id"]), int(m["im"]), int(m["iy"]), weekday)
    if m.group("nd") is not None:
        day, month, year = int(m["nd"]), int(m["nm"]), int(m["ny"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        hijri = m.group("hs") is not None or year < 1700
        return _Raw(m.start(), m.end(), "hijri" if hijri else "gregorian", day, month, year, weekday)
    if m.group("hm") is not None:
        hmonth = _HIJRI_MONTHS[" ".join(m["hm"].split())]
        hday, hyear = _int(m.group("hd")), _int(m.group("hy"))
        if hday is not None and not 1 <= hday <= 30:
            return None
        # a Hijri month name alone is an ordinary word (صفر "zero", رمضان the month as a season)
        if hyear is None and (hday is None or hmonth in _HIJRI_AMBIGUOUS):
            return None
        return _Raw(m.start(), m.end(), "hijri", hday, hmonth, hyear, weekday)
    month = _GREG_MONTHS[" ".join(m["gm"].split())]
    if m.group("gm2") is not None and _GREG_MONTHS[" ".join(m["gm2"].split())] != month:
        # "تموز - أغسطس" is a range of months, not a paired name: keep the first
        end = m.end("gm")
        return (
            None
            if m.group("gd") is None
            else _Raw(m.start(), end, "gregorian", int(m["gd"]), month, None, weekday)
        )
    gday, gyear = _int(m.group("gd")), _int(m.group("gy"))
    if gday is not None and not 1 <= gday <= 31:
        return None
    if gday is None and gyear is None:
        return None  # a bare month name (مارس is also a verb, ماي a pronoun)
    return _Raw(m.start(), m.end(), "gregorian", gday, month, gyear, weekday)


def _scan(folded: str) -> list[_Raw]:
    """Every single date in the folded text, in order.

    Every date form holds a digit, and starts at most a few words before its
    first digit (``يوم الخميس 28 ...``، ``تشرين الثاني (نوفمبر) 2017``).  So
    instead of trying the (large) pattern at every position, the scan walks
    the digit runs (a C-level ``re`` search) and anchors the pattern at the
    word starts just before each: a handful of ``match`` calls per number.
    """
    found: list[_Raw] = []
    last_end = 0
    for digits in _DIGITS.finditer(folded):
        p = digits.start()
        if p < last_end:
            continue
        lo = max(last_end, p - _LOOKBACK)
        for w in _WORD_START.finditer(folded, lo, p + 1):
            i = w.start()
            if i != p and folded[i : i + 2] not in _STARTERS:
                continue  # no weekday, month name or day number starts here
            m = _SINGLE.match(folded, i)
            if m is None or m.end() <= p:
                continue
            raw = _from_match(m)
            if raw is not None:
                found.append(raw)
                last_end = m.end()
                break
    return found


def _merge(folded: str, raws: list[_Raw]) -> list[tuple[_Raw, _Raw | None]]:
    """Pair a Hijri date with the Gregorian one that ``الموافق`` joins to it (either order)."""
    out: list[tuple[_Raw, _Raw | None]] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        if i + 1 < len(raws):
            b = raws[i + 1]
            gap = folded[a.end : b.start]
            if (
                a.calendar != b.calendar
                and len(gap) <= 16
                and _CONCORD.fullmatch(gap) is not None
                and _CONCORD_WORD.search(gap) is not None
            ):
                out.append((a, b))
                i += 2
                continue
        out.append((a, None))
        i += 1
    return out


def _finish(norm: Normalized, a: _Raw, b: _Raw | None, offset: int) -> ArabicDate:
    start, end = a.start, a.end if b is None else b.end
    # a pair opened inside brackets "(... الموافق ...)" keeps its closing bracket
    if b is not None and "(" in norm.text[a.end : b.start]:
        close = _TRAIL_PAREN.match(norm.text, end)
        if close is not None:
            end = close.end()
    # the Gregorian side of a pair wins; the Hijri side is kept in ``hijri``
    if b is None:
        main, hij = a, (a if a.calendar == "hijri" else None)
    elif a.calendar == "gregorian":
        main, hij = a, b
    else:
        main, hij = b, a
    weekday = a.weekday if a.weekday is not None else (b.weekday if b is not None else None)
    date = _gregorian(main.year, main.month, main.day) if main.calendar == "gregorian" else None
    if date is None and hij is not None and hij.year and hij.month and hij.day:
        date = hijri_to_gregorian(hij.year, hij.month, hij.day)
    o_start, o_end = norm.span(start, end)
    # drop trailing spaces the scanner may have taken
    original = norm.original
    while o_end > o_start and original[o_end - 1] in " \t":
        o_end -= 1
    return ArabicDate(
        span=Span(o_start + offset, o_end + offset, original[o_start:o_end]),
        day=main.day,
        month=main.month,
        year=main.year,
        weekday=weekday,
        calendar=main.calendar,
        date=date,
        hijri=None if hij is None else (hij.year, hij.month, hij.day),
    )


def find_dates(text: str, offset: int = 0, *, normalized: Normalized | None = None) -> list[ArabicDate]:
    """Every date expression in ``text``, in order, with spans (shifted by ``offset``).

    >>> [d.date.isoformat() for d in find_dates("جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس")]
    ['2015-08-10']
    """
    norm = normalized if normalized is not None else Normalized(text)
    folded = norm.text
    if _QUICK.search(folded) is None:
        return []
    return [_finish(norm, a, b, offset) for a, b in _merge(folded, _scan(folded))]


_EDGE: Final = " \t\n.,،:;؛-–—()[]«»\"'"


def parse_date(text: str) -> ArabicDate | None:
    """The date that ``text`` is (surrounding spaces and punctuation allowed), or ``None``.

    >>> parse_date("الأربعاء 18 جانفي 2017").date
    datetime.date(2017, 1, 18)
    >>> parse_date("12 كانون الثاني 2019").date
    datetime.date(2019, 1, 12)
    """
    if len(text) > 200:
        return None
    dates = find_dates(text)
    if len(dates) != 1:
        return None
    d = dates[0]
    if text[: d.span.start].strip(_EDGE) or text[d.span.end :].strip(_EDGE):
        return None
    return d


_WEEKDAY_RE: Final = regex.compile(rf"{_L}(?:{_WEEKDAY_ALT}){_R}")
_RELATIVE_RE: Final = regex.compile(
    rf"{_L}(?:" + "|".join(_name_pattern(k) for k in sorted(_RELATIVE, key=len, reverse=True)) + rf"){_R}"
)
_FUTURE: Final = regex.compile(rf"{_L}(?:المقبل|القادم|المقبله|القادمه){_R}")
_PAST: Final = regex.compile(rf"{_L}(?:الماضي|الماضيه|المنصرم|الفائت){_R}")


def weekday_of(text: str) -> int | None:
    """The weekday (0 = Monday) named in ``text``, or ``None``."""
    m = _WEEKDAY_RE.search(fold(text))
    return None if m is None else _WEEKDAYS[" ".join(m.group().split())]


def resolve_relative(word_or_text: str, published: _dt.date) -> _dt.date | None:
    """The date a relative expression means for an article published on ``published``.

    ``اليوم`` is the publication day, ``أمس`` the day before, ``أول أمس`` two days
    before, ``غدا`` the day after.  A weekday with one of them (``أمس الثلاثاء``)
    follows the word.  A bare weekday (``الخميس``) is the latest such day on or
    before ``published`` (news reports what happened); with ``المقبل``/``القادم``
    the next one after it, with ``الماضي`` the last one before it.

    >>> resolve_relative("أمس", _dt.date(2024, 3, 8))
    datetime.date(2024, 3, 7)
    """
    folded = " ".join(fold(word_or_text).split())
    rel = _RELATIVE_RE.search(folded)
    if rel is not None:
        return published + _dt.timedelta(days=_RELATIVE[" ".join(rel.group().split())])
    weekday = weekday_of(folded)
    if weekday is None:
        return None
    back = (published.weekday() - weekday) % 7
    if _FUTURE.search(folded) is not None:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + _dt.timedelta(days=ahead)
    if _PAST.search(folded) is not None and back == 0:
        back = 7
    return published - _dt.timedelta(days=back)


def dates_in_folded(norm: Normalized, offset: int = 0) -> list[tuple[int, int, ArabicDate]]:
    """Every date in a normalized text as ``(folded_start, folded_end, date)``.

    For matchers (such as the dateline parser) that work on the folded view and
    need date positions in it.
    """
    folded = norm.text
    if _QUICK.search(folded) is None:
        return []
    out: list[tuple[int, int, ArabicDate]] = []
    for a, b in _merge(folded, _scan(folded)):
        d = _finish(norm, a, b, offset)
        end = a.end if b is None else b.end
        if b is not None and "(" in folded[a.end : b.start]:
            close = _TRAIL_PAREN.match(folded, end)
            if close is not None:
                end = close.end()
        while end > a.start and folded[end - 1] in " \t":
            end -= 1
        out.append((a.start, end, d))
    return out

"""Arabic dates: the table of real expressions, search, concordance pairs, relative days."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnewsparse.dates import ArabicDate, find_dates, hijri_to_gregorian, parse_date, resolve_relative
from arnewsparse.model import Span

_TABLE: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "dates.json").read_text("utf-8")
)["dates"]


def test_table_is_big_enough() -> None:
    assert sum(row["in_corpus"] for row in _TABLE) >= 60
    assert len({row["text"] for row in _TABLE}) == len(_TABLE)


@pytest.mark.parametrize("row", _TABLE, ids=lambda r: r["text"])
def test_real_date(row: dict[str, Any]) -> None:
    d = parse_date(row["text"])
    assert d is not None
    got = {
        "day": d.day,
        "month": d.month,
        "year": d.year,
        "weekday": d.weekday,
        "calendar": d.calendar,
        "date": None if d.date is None else d.date.isoformat(),
    }
    assert got == {k: row[k] for k in got}
    assert d.text == row["text"].strip()
    # a written weekday agrees with the computed date (checks the Hijri conversion too)
    if d.weekday is not None and d.date is not None and "note" not in row:
        assert d.date.weekday() == d.weekday


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # the three cases the issue gives where dateparser goes wrong
        ("12 كانون الثاني 2019", "2019-01-12"),
        ("الأربعاء 18 جانفي 2017", "2017-01-18"),
        ("25 شوال 1436هـ الموافق 10 أغسطس 2015م", "2015-08-10"),
    ],
)
def test_issue_examples(text: str, iso: str) -> None:
    d = parse_date(text)
    assert d is not None and d.date is not None
    assert d.date.isoformat() == iso


def test_concordance_pair_keeps_both_sides() -> None:
    d = parse_date("25 شوال 1436هـ الموافق 10 أغسطس 2015م")
    assert d is not None
    assert d.calendar == "gregorian"
    assert d.hijri == (1436, 10, 25)
    # Gregorian wins even when the Hijri side would convert to another day
    d = parse_date("26 شوال 1436هـ الموافق 10 أغسطس 2015م")
    assert d is not None and d.date == dt.date(2015, 8, 10)


def test_hijri_only_is_converted() -> None:
    d = parse_date("٢٥ شوال ١٤٣٦هـ")
    assert d is not None
    assert d.calendar == "hijri" and d.date == dt.date(2015, 8, 10)
    assert hijri_to_gregorian(1436, 13, 1) is None
    assert hijri_to_gregorian(1000, 1, 1) is None


@pytest.mark.parametrize(
    "text",
    [
        "فاز 4-صفر على النصر",  # صفر "zero"
        "مارس الرياضة منذ صغره",  # مارس the verb
        "في رمضان",  # a month alone is a season
        "2018-2019",
        "تغلب 2 - 1 على ضيفه",
        "شاهد 45 يناير",
        "",
    ],
)
def test_no_date(text: str) -> None:
    assert find_dates(text) == []


def test_find_dates_spans_and_order() -> None:
    text = (
        "قال اليوم الاثنين 27 مارس 2017 إن الموعد 14 / 10 / 1436هـ الموافق 30 / 7 / 2015م،"
        " ثم في تموز/يوليو 2018."
    )
    found = find_dates(text, offset=10)
    assert [d.text for d in found] == [
        "الاثنين 27 مارس 2017",
        "14 / 10 / 1436هـ الموافق 30 / 7 / 2015م",
        "تموز/يوليو 2018",
    ]
    for d in found:
        assert text[d.span.start - 10 : d.span.end - 10] == d.text
    assert found[0].weekday == 0 and found[0].date == dt.date(2017, 3, 27)
    assert found[1].date == dt.date(2015, 7, 30) and found[1].hijri == (1436, 10, 14)
    assert found[2].date is None and (found[2].month, found[2].year) == (7, 2018)


def test_parse_date_wants_the_whole_text() -> None:
    assert parse_date("ذهب في 10 أغسطس 2015 إلى") is None
    assert parse_date(" (10 أغسطس 2015) ") is not None


def test_to_dict_round_trip() -> None:
    d = parse_date("الخميس 14 / 10 / 1436هـ الموافق 30 / 7 / 2015م")
    assert d is not None
    data = d.to_dict()
    json.dumps(data)
    assert ArabicDate.from_dict(data) == d
    bare = ArabicDate(Span(0, 2, "x"))
    assert ArabicDate.from_dict(bare.to_dict()) == bare
    with pytest.raises(ValueError):
        ArabicDate.from_dict({**bare.to_dict(), "calendar": "julian"})


PUBLISHED = dt.date(2015, 8, 12)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اليوم", dt.date(2015, 8, 12)),
        ("أمس", dt.date(2015, 8, 11)),
        ("أمس الثلاثاء", dt.date(2015, 8, 11)),
        ("أول أمس", dt.date(2015, 8, 10)),
        ("أول من أمس", dt.date(2015, 8, 10)),
        ("غداً", dt.date(2015, 8, 13)),
        ("الأربعاء", dt.date(2015, 8, 12)),
        ("الأحد", dt.date(2015, 8, 9)),
        ("الخميس الماضي", dt.date(2015, 8, 6)),
        ("الأربعاء الماضي", dt.date(2015, 8, 5)),
        ("الخميس المقبل", dt.date(2015, 8, 13)),
        ("يوم الجمعة", dt.date(2015, 8, 7)),
        ("الأسبوع", None),
    ],
)
def test_resolve_relative(text: str, expected: dt.date | None) -> None:
    assert resolve_relative(text, PUBLISHED) == expected


@given(st.text(max_size=120))
def test_never_raises_and_spans_round_trip(text: str) -> None:
    for d in find_dates(text):
        assert text[d.span.start : d.span.end] == d.span.text
    parse_date(text)


@given(
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(1950, 2030),
    st.sampled_from(["يناير", "كانون الثاني", "جانفي"]),
)
def test_gregorian_property(day: int, month: int, year: int, _: str) -> None:
    names = {1: "يناير", 2: "فبراير", 3: "مارس", 4: "أبريل", 5: "مايو", 6: "يونيو", 7: "يوليو", 8: "أغسطس",
             9: "سبتمبر", 10: "أكتوبر", 11: "نوفمبر", 12: "ديسمبر"}  # fmt: skip
    digits = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    d = parse_date(f"{day} {names[month]} {year}".translate(digits))
    assert d is not None and d.date == dt.date(year, month, day)

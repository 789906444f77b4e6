"""Datelines: the table of real stamps, the look-alikes, paragraph openings, spans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnewsparse.datelines import parse_dateline, parse_datelines, split_leading_dateline

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"
_TABLE: dict[str, Any] = json.loads((FIXTURES / "stamps.json").read_text("utf-8"))
FIELDS = ("text", "location", "agency", "agency_text", "date", "reporter")


def _fields(d: Any) -> dict[str, Any]:
    return {
        "text": d.text,
        "location": d.location,
        "agency": d.agency,
        "agency_text": d.agency_text,
        "date": None if d.date is None else d.date.isoformat(),
        "reporter": d.reporter,
    }


def test_table_is_big_enough() -> None:
    assert len(_TABLE["stamps"]) >= 150
    assert len({row["line"] for row in _TABLE["stamps"]}) == len(_TABLE["stamps"])
    assert len(_TABLE["not_stamps"]) >= 30


@pytest.mark.parametrize("row", _TABLE["stamps"], ids=lambda r: r["line"])
def test_real_stamp(row: dict[str, Any]) -> None:
    got = parse_datelines(row["line"], offset=7)
    assert [_fields(d) for d in got] == row["stamps"]
    for d in got:  # spans point into the article: here the line starts at 7
        assert row["line"][d.span.start - 7 : d.span.end - 7] == d.text


@pytest.mark.parametrize("line", _TABLE["not_stamps"])
def test_not_a_stamp(line: str) -> None:
    assert parse_dateline(line) is None
    assert parse_dateline(line, allow_bare_byline=True) is None or len(line.split()) <= 4


@pytest.mark.parametrize(
    ("line", "reporter"),
    [
        ("محمد الدويش", "محمد الدويش"),
        ("محمد سامي عودة *", "محمد سامي عودة"),
        ("علاوة مزياني", "علاوة مزياني"),
        ("فهد عامر الأحمدي", "فهد عامر الأحمدي"),
    ],
)
def test_bare_byline_only_when_allowed(line: str, reporter: str) -> None:
    assert parse_dateline(line) is None
    d = parse_dateline(line, allow_bare_byline=True)
    assert d is not None
    assert d.reporter == reporter
    assert d.text == line
    assert d.location is None and d.agency is None


@pytest.mark.parametrize("line", ["مونديال بالونات الهواء", "الكلمة هدف", "وزير الخارجية", "غارات نوعية"])
def test_bare_byline_rejects_headlines(line: str) -> None:
    assert parse_dateline(line, allow_bare_byline=True) is None


def test_two_stamps_in_one_line() -> None:
    line = "صنعاء - خاص بالرياض ، القاهرة - رويترز"
    first, second = parse_datelines(line)
    assert (first.location, first.agency) == ("صنعاء", "الرياض")
    assert (second.location, second.agency, second.agency_text) == ("القاهرة", "Reuters", "رويترز")
    assert first.span.end <= second.span.start
    assert parse_dateline(line) == first


def test_outlet_and_wire_credit_the_wire() -> None:
    d = parse_dateline("نيقوسيا -الوئام- (ا ف ب):")
    assert d is not None
    assert (d.location, d.agency, d.agency_text) == ("نيقوسيا", "AFP", "(ا ف ب)")
    d = parse_dateline("الوئام - رويترز:")
    assert d is not None and d.agency == "Reuters"


def test_weekday_is_no_location_and_dated_stamp() -> None:
    d = parse_dateline("الجمعة : واس")
    assert d is not None and d.location is None and d.agency == "SPA"
    d = parse_dateline("القاهرة - الأربعاء 18 جانفي 2017")
    assert d is not None and d.location == "القاهرة" and str(d.date) == "2017-01-18"


PARAGRAPHS = [
    (
        "مشاري الحنتوشي- سبق- متابعة: كشفت تقارير أراكانية، صدور قرار من السلطات",
        "مشاري الحنتوشي- سبق- متابعة:",
        (None, "سبق", "مشاري الحنتوشي"),
    ),
    (
        "دبي، الإمارات العربية المتحدة (CNN)-- ثار بركان كيلاويا في جزر هاواي الأميركية",
        "دبي، الإمارات العربية المتحدة (CNN)--",
        ("دبي، الإمارات العربية المتحدة", "CNN", None),
    ),
    ("(CNN)—أعلن الرئيس الروسي، فلاديمير بوتن، الخميس، أن بلاده", "(CNN)—", (None, "CNN", None)),
    (
        "رويترز- نيودلهي: قالت الحكومة الهندية يوم الأربعاء: إن قطارين سريعين خرجا",
        "رويترز- نيودلهي:",
        ("نيودلهي", "Reuters", None),
    ),
    (
        'سبق- الرياض: أقامت صحيفة "سبق" الإلكترونية، أمس الثلاثاء، حفل معايدة',
        "سبق- الرياض:",
        ("الرياض", "سبق", None),
    ),
    (
        "جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس أعلن مجلس الوزراء اليوم",
        "جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس",
        ("جدة", "SPA", None),
    ),
    (
        "عين اليوم – المنامة\n أعلنت وزارة الداخلية البحرينية",
        "عين اليوم – المنامة",
        ("المنامة", "عين اليوم", None),
    ),
    (
        "خالد خليل- سبق: احتفلت أكثر من ثلاثين دولة مسلمة، أمس الجمعة، ببدء عيد الفطر",
        "خالد خليل- سبق:",
        (None, "سبق", "خالد خليل"),
    ),
]


@pytest.mark.parametrize(("paragraph", "stamp", "fields"), PARAGRAPHS)
def test_leading_stamp(paragraph: str, stamp: str, fields: tuple[str | None, ...]) -> None:
    d = split_leading_dateline("  " + paragraph, offset=100)
    assert d is not None
    assert d.text == stamp
    assert (d.span.start, d.span.end) == (102, 102 + len(stamp))
    assert (d.location, d.agency, d.reporter) == fields


@pytest.mark.parametrize(
    "paragraph",
    [
        "وقال ترامب: سنرى ما سيحدث. نتحدث معهم الآن.",
        "1 - أمانة العاصمة المقدسة: الموافقة على نزع ملكية (3 عقارات) لتنفيذ مشروع",
        "أصدر خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود - حفظه الله - أمرا ملكيا",
        "فاز منتخب البرتغال على الأوروغواي بنتيجة 2-1 مساء السبت بثمن نهائي مونديال روسيا",
        "وقال باشميل لـ «عكاظ» إن المشروع سيكتمل قريبا",
        'حصلت شركة "موبايلي" على شهادة الأيزو - وهي شهادة عالمية',
        "وأفادت وكالة أنباء الإمارات (وام) أن الاجتماع ناقش",
        "خاصة وأن الزفاف سيتم مساء السبت في أحد الفنادق بـ جدة",
        "مايسة عواد: بعض الكلام لا يقال",
    ],
)
def test_no_leading_stamp(paragraph: str) -> None:
    assert split_leading_dateline(paragraph) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ابتجدرسعلمنهوي أإآةى-–:،()«»"*ـ0123456789\n٢٥')), max_size=60))
def test_never_raises_and_spans_round_trip(text: str) -> None:
    for d in parse_datelines(text, offset=3, allow_bare_byline=True):
        assert text[d.span.start - 3 : d.span.end - 3] == d.span.text
    d = split_leading_dateline(text, offset=5)
    if d is not None:
        assert text[d.span.start - 5 : d.span.end - 5] == d.span.text


@given(st.text(max_size=80))
def test_never_raises_on_any_text(text: str) -> None:
    parse_dateline(text)
    split_leading_dateline(text)


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "corpus" / "gold").is_dir(), reason="../shared is absent")
def test_gold_datelines_parse_from_their_line() -> None:
    """Each gold stamp, given its line (or its paragraph), parses to the gold fields."""
    checked = 0
    for name in ("seeds.json", "dev.json"):
        for article in json.loads((SHARED / "corpus" / "gold" / name).read_text("utf-8")):
            raw = article["raw"]
            for gold in article.get("datelines", []):
                pos = raw.index(gold["text"])
                line_start = raw.rfind("\n", 0, pos) + 1
                line_end = raw.find("\n", pos)
                line = raw[line_start : len(raw) if line_end < 0 else line_end]
                d = parse_dateline(line, line_start, allow_bare_byline=True)
                if d is None or d.text != gold["text"]:
                    d = split_leading_dateline(line, line_start)
                assert d is not None, gold["text"]
                assert raw[d.span.start : d.span.end] == gold["text"]
                got = _fields(d)
                for f in ("location", "reporter", "date"):
                    assert got[f] == gold[f], (f, gold["text"])
                assert got["agency"] == gold["agency"], gold["text"]
                checked += 1
    assert checked >= 15

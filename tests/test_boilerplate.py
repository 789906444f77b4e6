"""Body and tail of a page: the cases of tests/fixtures/boilerplate.json, one test each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arnewsparse import parse, parse_layout
from arnewsparse.boilerplate import is_date_line, is_furniture, opens_story
from arnewsparse.lines import split_lines
from arnewsparse.normalize import Normalized

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "boilerplate.json").read_text(encoding="utf-8")
)["cases"]


def _roles(text: str) -> dict[str, str]:
    lay = parse_layout(text)
    roles: dict[str, str] = {}
    if lay.headline is not None:
        roles[lay.headline.text] = "headline"
    for s in lay.subheadlines:
        roles[s.text] = "subheadline"
    for b in lay.boilerplate:
        roles[b.text] = "boilerplate"
    for p in lay.paragraphs:
        for line in p.span.text.split("\n"):
            roles[line.strip()] = "paragraph"
    return roles


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    text = "\n".join(line for _, line in case["lines"])
    roles = _roles(text)
    for want, line in case["lines"]:
        got = roles.get(line)
        if want == "keep":
            assert got != "boilerplate", f"{case['id']}: {line!r} taken as boilerplate ({case['why']})"
        else:
            assert got == want, f"{case['id']}: {line!r} is {got}, want {want} ({case['why']})"


def test_tail_holds_no_reports() -> None:
    """Reports in other stories' leads are not the article's."""
    case = next(c for c in CASES if c["id"] == "teaser-leads-with-stamps")
    text = "\n".join(line for _, line in case["lines"])
    tail = text.index("عمان")
    assert all(r.verb.start < tail for r in parse(text).reports)
    assert any(r.lemma == "أوضح" for r in parse(text).reports)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("الخميس 21 نوفمبر 2024 - 12:43 م", True),
        ("12:33 بتوقيت غرينتش", True),
        ("Tuesday, August 16, 2022", True),
        ("جدة 25 شوال 1436ه الموافق 10 اغسطس 2015م واس", False),
        ("قتل 25 شخصا في 3 انفجارات عام 2020", False),
    ],
)
def test_date_line(line: str, want: bool) -> None:
    assert is_date_line(Normalized(line).text) is want


def test_a_sentence_is_never_furniture() -> None:
    (line,) = split_lines(Normalized("وقال الوزير إن الجسر يخدم السكان ويختصر زمن الرحلة إلى النصف تقريبا."))
    assert not is_furniture(line)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("أعلنت الحكومة خطة جديدة.", True),
        ("وأعلنت الحكومة خطة جديدة.", False),
        ("من جهته قال الوزير إن الخطة جيدة.", False),
        ("جاء ذلك في مؤتمر صحفي.", False),
        ('"نحن مستعدون" قال الوزير.', False),
    ],
)
def test_opens_story(line: str, want: bool) -> None:
    (parsed,) = split_lines(Normalized(line))
    assert opens_story(parsed) is want


def test_repeated_paragraph_is_boilerplate_once() -> None:
    """A paragraph printed again further down: the second copy is boilerplate."""
    lead = "افتتح وزير النقل اليوم جسرا جديدا يربط شطري العاصمة بعد عامين من العمل المتواصل في الموقع."
    text = "\n".join(["الوزير يفتتح جسرا جديدا في العاصمة", lead, "وأوضح الوزير أن الجسر يخدم السكان.", lead])
    lay = parse_layout(text)
    assert [b.start for b in lay.boilerplate] == [text.rindex(lead)]
    assert lay.paragraphs[0].span.start == text.index(lead)


def test_link_trailer_is_cut_off_the_last_paragraph() -> None:
    last = "وتوقع متعاملون أن تستمر الأسعار في الصعود."
    text = "ارتفاع أسعار الذهب\nارتفعت أسعار الذهب اليوم في الأسواق المحلية بنسبة طفيفة.\n" + last
    text += " رابط الخبر بصحيفة المدينة: ارتفاع أسعار الذهب"
    lay = parse_layout(text)
    assert lay.paragraphs[-1].text == last
    assert [b.text for b in lay.boilerplate] == ["رابط الخبر بصحيفة المدينة: ارتفاع أسعار الذهب"]


def test_sign_off_glued_to_the_last_paragraph() -> None:
    last = "وأوضحت المتحدثة أن كثيرا من الناس اضطروا إلى الفرار من منازلهم."
    text = (
        "المفوضية تحذر من نزوح جديد\nحذرت المفوضية اليوم من موجة نزوح جديدة في المنطقة.\n"
        + last
        + " // انتهى //"
    )
    lay = parse_layout(text)
    assert lay.paragraphs[-1].text == last
    assert [b.text for b in lay.boilerplate] == ["// انتهى //"]


def test_word_cut_off_after_the_page_furniture() -> None:
    text = "\n".join(
        [
            "رئيس الوزراء يلتقي نظيره في القاهرة",
            "التقى رئيس الوزراء اليوم نظيره على هامش القمة لبحث العلاقات الثنائية.",
            "وأكد الجانبان أهمية التعاون في المجالات كافة.",
            "#",
            "موض",
        ]
    )
    assert [b.text for b in parse_layout(text).boilerplate] == ["#", "موض"]

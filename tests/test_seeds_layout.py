"""The five shipped seed articles parse as ANNOTATION.md says, part by part."""

from __future__ import annotations

import json

import pytest

import arnewsparse

from conftest import FIXTURES, seed_text
from partcheck import check_article

EXPECTED = json.loads((FIXTURES / "seeds_layout.json").read_text(encoding="utf-8"))


@pytest.fixture(params=sorted(EXPECTED), ids=lambda n: n[:3])
def seed(request: pytest.FixtureRequest) -> tuple[str, dict[str, object], arnewsparse.Article]:
    name: str = request.param
    return name, EXPECTED[name], arnewsparse.parse(seed_text(name))


def test_headline(seed: tuple[str, dict[str, object], arnewsparse.Article]) -> None:
    _, want, art = seed
    assert (art.headline.text if art.headline else None) == want["headline"]


def test_source_tags(seed: tuple[str, dict[str, object], arnewsparse.Article]) -> None:
    _, want, art = seed
    assert [{"text": t.text, "kind": t.kind} for t in art.source_tags] == want["source_tags"]


def test_datelines(seed: tuple[str, dict[str, object], arnewsparse.Article]) -> None:
    _, want, art = seed
    got = [
        {
            "text": d.text,
            "location": d.location,
            "agency": d.agency,
            "agency_text": d.agency_text,
            "date": d.date.isoformat() if d.date else None,
            "reporter": d.reporter,
        }
        for d in art.datelines
    ]
    assert got == want["datelines"]


def test_subheadlines(seed: tuple[str, dict[str, object], arnewsparse.Article]) -> None:
    _, want, art = seed
    assert [s.text for s in art.subheadlines] == want["subheadlines"]


def test_boilerplate(seed: tuple[str, dict[str, object], arnewsparse.Article]) -> None:
    _, want, art = seed
    assert [b.text for b in art.boilerplate] == want["boilerplate"]


def test_body_starts_where_annotated(seed: tuple[str, dict[str, object], arnewsparse.Article]) -> None:
    _, want, art = seed
    assert art.paragraphs[0].text.startswith(str(want["body_first_words"]))


def test_lossless(seed: tuple[str, dict[str, object], arnewsparse.Article]) -> None:
    check_article(seed[2])


def test_broken_lines_are_joined() -> None:
    art = arnewsparse.parse(seed_text("000_4c75d7a7ae40879f.txt"))
    joined = [p.text for p in art.paragraphs if p.text.startswith("من جهته شدد")]
    assert joined and joined[0].startswith("من جهته شدد الرئيس الايراني حسن روحاني على أن")
    assert "ومحاربة الإرهاب" in joined[0]
    assert any("خفض التصعيد في إدلب بصورة نهائية" in p.text for p in art.paragraphs)
    assert len(art.paragraphs) == 10


def test_paragraph_breaks_are_kept() -> None:
    art = arnewsparse.parse(seed_text("004_31896b099c16ff1e.txt"))
    assert len(art.paragraphs) == 16
    assert any("ونرى أن أولويتنا تكمن" in p.text for p in art.paragraphs)
    assert art.body.count("\n\n") == len(art.paragraphs) - 1

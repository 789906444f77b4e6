"""The data model: frozen, slotted, JSON round-trip, pickling."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import attrs
import pytest

import arnewsparse
from arnewsparse import Article, Dateline, Paragraph, Report, ReportForm, SourceTag, Span

from conftest import seed_paths


def _sample() -> Article:
    text = "هوى الشام\nموسكو – سانا\nأكد بوتين أن الحل سياسي."
    verb = Span.of(text, 23, 26)
    return Article(
        text=text,
        source_tags=(SourceTag(Span.of(text, 0, 9), "site"),),
        datelines=(Dateline(Span.of(text, 10, 22), "موسكو", "SANA", "سانا", dt.date(2019, 4, 25), None),),
        paragraphs=(Paragraph(Span.of(text, 23, len(text)), text[23:]),),
        reports=(
            Report(
                verb=verb,
                lemma="أكد",
                form=ReportForm.PERFECT,
                gloss="affirm",
                category="assert",
                speaker=Span.of(text, 27, 32),
                speaker_resolved=Span.of(text, 27, 32),
                content=Span.of(text, 33, len(text)),
            ),
        ),
    )


def test_span_of_and_text() -> None:
    s = Span.of("abcdef", 1, 4)
    assert (s.start, s.end, s.text, len(s), str(s)) == (1, 4, "bcd", 3, "bcd")
    assert Span.of("abcdef", 0, 6).contains(s)
    assert not s.contains(Span.of("abcdef", 0, 2))


def test_frozen_and_slotted() -> None:
    art = _sample()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        art.text = "x"  # type: ignore[misc]
    assert not hasattr(art, "__dict__")
    assert not hasattr(art.reports[0], "__dict__")


def test_to_dict_is_json_and_round_trips() -> None:
    art = _sample()
    data = json.loads(json.dumps(art.to_dict(), ensure_ascii=False))
    assert data["datelines"][0]["date"] == "2019-04-25"
    assert data["reports"][0]["form"] == "perfect"
    assert Article.from_dict(data) == art


def test_pickle_round_trips() -> None:
    art = _sample()
    assert pickle.loads(pickle.dumps(art)) == art


def test_convenience_properties() -> None:
    art = _sample()
    assert art.dateline is art.datelines[0]
    assert art.body == "أكد بوتين أن الحل سياسي."
    assert art.reports[0].token == "أكد"
    assert Article(text="").dateline is None
    assert [k for k, _ in art.parts()] == ["source_tag", "dateline", "paragraph"]


def test_bad_source_tag_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="site"):
        SourceTag.from_dict({"span": {"start": 0, "end": 1, "text": "x"}, "kind": "blog"})


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_articles_round_trip(path: object) -> None:
    art = arnewsparse.parse(path.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    again = Article.from_dict(json.loads(json.dumps(art.to_dict(), ensure_ascii=False)))
    assert again == art
    assert pickle.loads(pickle.dumps(art)) == art

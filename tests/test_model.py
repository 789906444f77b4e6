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


def _described(cls: type) -> dict[str, bool]:
    """Each attrs field of ``cls``: has it an attribute docstring, or a ``name`` in the class docstring?"""
    import ast
    import inspect
    import textwrap

    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = tree.body[0].body  # type: ignore[attr-defined]
    documented = set()
    for node, after in zip(body, [*body[1:], None], strict=True):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
        ):
            documented.add(node.target.id)
    doc = cls.__doc__ or ""
    return {f.name: f.name in documented or f"``{f.name}``" in doc for f in attrs.fields(cls)}


@pytest.mark.parametrize("cls", [Article, Report, Dateline, Span, arnewsparse.Speaker])
def test_every_attribute_is_described(cls: type) -> None:  # issue 16, item 18
    from conftest import ROOT

    described = _described(cls)
    # Speaker lives in speakers.py; the API page may describe what its docstring does not.
    page = (ROOT / "docs" / "api" / "model.md").read_text(encoding="utf-8")
    missing = [n for n, ok in described.items() if not ok and f"`{cls.__name__}.{n}`" not in page]
    assert not missing, f"{cls.__name__}: describe {missing} (an attribute docstring under each field)"


def test_id_and_metadata_survive_from_dict() -> None:  # issue 16, item 14
    art = _sample()
    line = {"id": "doc-7", **art.to_dict(), "url": "https://example.org/a", "title": "t"}
    back = Article.from_dict(line)
    assert back.id == "doc-7" and back.meta == {"url": "https://example.org/a", "title": "t"}
    assert back.to_dict() == line and list(back.to_dict()) == list(line)
    assert back == art  # the id and metadata travel along but do not make another parse
    again = Article.from_dict(back.to_dict())
    assert (again.id, again.meta) == (back.id, back.meta)
    assert pickle.loads(pickle.dumps(back)).meta == back.meta
    assert hash(back) == hash(art)
    assert "id" not in art.to_dict()  # a fresh parse has none: to_dict is as before

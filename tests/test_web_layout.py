"""Web-page layout as data: each case of ``fixtures/web_layout.json`` is a constructed page.

The role of each line is the kind of the part that covers its first character;
the headline, the stamps and the first words of the body are checked where the
case gives them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import arnewsparse

from conftest import FIXTURES

CASES: list[dict[str, Any]] = json.loads((FIXTURES / "web_layout.json").read_text(encoding="utf-8"))["cases"]


def _roles(text: str, art: arnewsparse.Article) -> list[str]:
    parts: list[tuple[int, int, str]] = []
    parts += [(t.span.start, t.span.end, "source_tag") for t in art.source_tags]
    if art.headline is not None:
        parts.append((art.headline.start, art.headline.end, "headline"))
    parts += [(d.span.start, d.span.end, "dateline") for d in art.datelines]
    parts += [(s.start, s.end, "subheadline") for s in art.subheadlines]
    parts += [(p.span.start, p.span.end, "paragraph") for p in art.paragraphs]
    parts += [(b.start, b.end, "boilerplate") for b in art.boilerplate]
    roles = []
    pos = 0
    for line in text.split("\n"):
        first = pos + len(line) - len(line.lstrip())
        roles.append(next((kind for s, e, kind in parts if s <= first < e), "none"))
        pos += len(line) + 1
    return roles


def test_the_table_covers_the_kinds() -> None:
    assert len(CASES) >= 25
    assert all(c["why"] and len(c["lines"]) == len(c["roles"]) for c in CASES)
    kinds = {r for c in CASES for r in c["roles"]}
    assert kinds == {"source_tag", "headline", "dateline", "subheadline", "paragraph", "boilerplate"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["why"][:60])
def test_web_layout(case: dict[str, Any]) -> None:
    text = "\n".join(case["lines"])
    art = arnewsparse.parse(text)
    assert _roles(text, art) == case["roles"], case["why"]
    if "headline" in case:
        assert (art.headline.text if art.headline else None) == case["headline"]
    for want, got in zip(case.get("datelines", []), art.datelines, strict=False):
        assert {k: getattr(got, k) for k in want} == want
    if "datelines" in case:
        assert len(art.datelines) == len(case["datelines"])
    if "body_starts" in case:
        assert art.paragraphs and art.paragraphs[0].text.startswith(case["body_starts"])

"""Checks against the 551 real articles of ../shared/corpus/dev.jsonl and their own metadata.

SaudiNewsNet and the ANT corpus record each article's title, and whether the
title is in the raw text (``headline_in_raw``).  That makes a second,
independent check of headline detection (and of stamp precision: a title is
never a stamp).  Skipped where ../shared is absent.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import arnewsparse

from conftest import SHARED

DEV = SHARED / "corpus" / "dev.jsonl"
pytestmark = pytest.mark.skipif(not DEV.is_file(), reason="../shared/corpus/dev.jsonl is absent")


@pytest.fixture(scope="module")
def parsed() -> list[tuple[dict[str, Any], arnewsparse.Article]]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row, arnewsparse.parse(row["raw"])) for row in rows]


def _same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


def test_headline_is_the_source_title(parsed: list[tuple[dict[str, Any], arnewsparse.Article]]) -> None:
    """Where the source says its title opens the text, the parser finds that title (floor 98.5%)."""
    cases = [
        (row["meta"]["title"], art)
        for row, art in parsed
        if row["meta"].get("headline_in_raw")
        and _same(row["raw"].strip().split("\n")[0], row["meta"]["title"])
    ]
    hits = sum(1 for title, art in cases if art.headline is not None and _same(art.headline.text, title))
    assert len(cases) > 350
    assert hits / len(cases) >= 0.985, f"{hits}/{len(cases)}"


def test_no_headline_invented(parsed: list[tuple[dict[str, Any], arnewsparse.Article]]) -> None:
    """Where the title is not in the text, a headline is rarely found (at most 6%)."""
    cases = [art for row, art in parsed if row["meta"].get("headline_in_raw") is False]
    invented = sum(1 for art in cases if art.headline is not None)
    assert invented / len(cases) <= 0.06, f"{invented}/{len(cases)}"


def test_every_dev_article_is_lossless(parsed: list[tuple[dict[str, Any], arnewsparse.Article]]) -> None:
    from partcheck import check_article

    for _, art in parsed:
        check_article(art)

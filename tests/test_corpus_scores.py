"""Scores on the hand-annotated gold articles of ../shared must not fall below their floors.

The floors live in ``tests/fixtures/gold_floors.json``, one group of gold files
each, so that a gold file added to ../shared never breaks the suite: a file no
group names is only checked not to crash the parser.  Raise a floor when the
parser gets better, never lower one to make a change pass.  Skipped where
../shared is not beside the checkout.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from types import ModuleType
from typing import Any

import pytest

import arnewsparse

from conftest import FIXTURES, GOLD, SHARED, needs_shared

FLOOR_TABLE: dict[str, Any] = json.loads((FIXTURES / "gold_floors.json").read_text(encoding="utf-8"))
GROUPS: dict[str, dict[str, Any]] = FLOOR_TABLE["groups"]


@cache
def _evaluate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate", SHARED / "tools" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    return evaluate


@cache
def group_scores(files: tuple[str, ...]) -> dict[str, Any]:
    """evaluate.py's scores over the pooled articles of *files* (names inside ../shared/corpus/gold)."""
    gold: list[dict[str, Any]] = []
    for name in files:
        gold += json.loads((GOLD / name).read_text(encoding="utf-8"))
    result, _ = _evaluate_module().evaluate(gold, arnewsparse.parse)
    return dict(result)


def _floor_cases() -> list[Any]:
    return [
        pytest.param(group, metric, floor, id=f"{group}-{metric}")
        for group, spec in GROUPS.items()
        for metric, floor in spec["floors"].items()
    ]


@needs_shared
@pytest.mark.corpus
@pytest.mark.parametrize(("group", "metric", "floor"), _floor_cases())
def test_gold_score_floor(group: str, metric: str, floor: float) -> None:
    files = tuple(GROUPS[group]["files"])
    missing = [name for name in files if not (GOLD / name).is_file()]
    if missing:
        pytest.skip(f"gold file(s) {', '.join(missing)} not in ../shared")
    score = group_scores(files)[metric]
    assert score >= floor, f"{group}: {metric} fell to {score} (floor {floor})"


@needs_shared
@pytest.mark.corpus
def test_unfloored_gold_files_do_not_crash() -> None:
    """A gold file new in ../shared has no floors yet; it must still parse without a crash."""
    named = {name for spec in GROUPS.values() for name in spec["files"]}
    new = tuple(sorted(p.name for p in GOLD.glob("*.json") if p.name not in named))
    if not new:
        pytest.skip("every gold file has floors")
    assert group_scores(new)["crash_free"] == 1.0


def test_floor_table_is_well_formed() -> None:
    """Every floor names a metric evaluate.py prints and lies in [0, 1]; no file is in two groups."""
    known = {
        "crash_free", "headline", "body_start", "boilerplate_f1", "source_tags_f1", "subheadlines_f1",
        "dateline_found", "dateline_precision", "dateline_location", "dateline_agency",
        "dateline_reporter", "dateline_date", "reports_f1", "report_lemma", "report_form",
        "speaker_exact", "speaker_token_f1", "speaker_resolved",
    }  # fmt: skip
    seen: list[str] = []
    for spec in GROUPS.values():
        seen += spec["files"]
        for metric, floor in spec["floors"].items():
            assert metric in known, metric
            assert 0.0 <= floor <= 1.0
    assert len(seen) == len(set(seen))

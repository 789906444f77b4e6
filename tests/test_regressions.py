"""Every input that ever crashed, lost text or ran slow, replayed (structurally, no timings).

Each ``tests/fixtures/regressions/*.json`` holds one input:

* ``input``: the text itself; or ``unit``: a piece repeated to build texts of
  any size (a slow input), or ``bytes_hex``: raw bytes for ``parse_bytes``;
* ``kind`` (``crash``, ``lossy``, ``slow``, ``crash-candidate``), ``found_by``,
  ``module`` (where the fault lies) and ``note`` (what went wrong);
* ``check``: ``report_spans_in_part`` to also require every report span to lie
  in the part holding its verb;
* ``xfail``: the reason, while the fix (in ``module``) has not landed.  The test
  is then a strict xfail: it turns red when the fix lands; remove the key then.

A ``unit`` fixture is parsed at 8,000 characters (lossless) and checked for
linear work with the structural measures of ``test_hardening.assert_linear``;
``benchmarks/scaling.py`` times the same units.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import arnewsparse
from arnewsparse.decode import decode_bytes, parse_bytes
from test_hardening import assert_linear, check_report_spans_in_their_part

from partcheck import check_article

REGRESSIONS = Path(__file__).resolve().parent / "fixtures" / "regressions"
KINDS = {"crash", "lossy", "slow", "crash-candidate"}


def _load() -> list[Any]:
    params = []
    for path in sorted(REGRESSIONS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(strict=True, reason=data["xfail"])] if data.get("xfail") else []
        params.append(pytest.param(data, id=path.stem, marks=marks))
    return params


FIXTURES = _load()


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def test_fixtures_are_well_formed() -> None:
    assert FIXTURES, "no regression fixtures found"
    for param in FIXTURES:
        data = param.values[0]
        assert sum(k in data for k in ("input", "unit", "bytes_hex")) == 1, param.id
        assert data["kind"] in KINDS, param.id
        assert data.get("module") and data.get("note") and data.get("found_by"), param.id
        assert "unit" not in data or data["unit"], param.id


@pytest.mark.parametrize("data", FIXTURES)
def test_regression(data: dict[str, Any]) -> None:
    if "bytes_hex" in data:
        raw = bytes.fromhex(data["bytes_hex"])
        try:
            decoded = decode_bytes(raw)
        except UnicodeDecodeError:
            return
        article, encoding = parse_bytes(raw)
        assert (article.text, encoding) == (decoded.text, decoded.encoding)
        check_article(article)
        return
    text = data["input"] if "input" in data else _repeat(data["unit"], 8_000)
    article = arnewsparse.parse(text)
    assert article.text == text
    check_article(article)
    if data.get("check") == "report_spans_in_part":
        check_report_spans_in_their_part(article)
    if "unit" in data:
        unit = data["unit"]
        assert_linear(lambda size: _repeat(unit, size))

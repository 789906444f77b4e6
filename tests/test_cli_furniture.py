"""``arnewsparse parse --learn-furniture``: learn a corpus's furniture from a first sample, then parse all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arnewsparse import Furniture
from arnewsparse.cli import main

PROMO = "نسعد بزيارتكم الدائمة لموقعنا"  # a prompt no phrase list knows


def _corpus(tmp_path: Path, n: int = 30) -> Path:
    path = tmp_path / "corpus.jsonl"
    rows = []
    for i in range(n):
        raw = "\n\n".join(
            [
                f"الوزير يفتتح مشروعا جديدا رقم {i}",
                f"افتتح الوزير اليوم مشروعا جديدا للطرق في المنطقة رقم {i} بتكلفة كبيرة.",
                PROMO,
                "وأوضح المتحدث أن الأوضاع مستقرة في المنطقة.",
            ]
        )
        rows.append(json.dumps({"id": f"a{i}", "raw": raw}, ensure_ascii=False))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _boilerplate(out: Path) -> list[list[str]]:
    lines = out.read_text(encoding="utf-8").splitlines()
    return [[b["text"] for b in json.loads(line)["boilerplate"]] for line in lines]


def test_learn_then_parse_everything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, out, saved = _corpus(tmp_path), tmp_path / "out.jsonl", tmp_path / "furniture.json"
    assert main(["parse", "--no-progress", str(corpus), "-o", str(out)]) == 0
    assert not any(PROMO in b for b in _boilerplate(out))  # unknown without learning
    args = ["parse", "--no-progress", str(corpus), "-o", str(out), "--learn-furniture", "10"]
    assert main([*args, "--save-furniture", str(saved)]) == 0
    boiler = _boilerplate(out)
    assert len(boiler) == 30 and all(PROMO in b for b in boiler)  # the sample and the rest
    assert "learned 1 furniture line(s) from 10 distinct article(s)" in capsys.readouterr().err
    assert [line.text for line in Furniture.load(saved).lines] == [PROMO]
    # the saved lines serve a later run
    again = tmp_path / "again.jsonl"
    assert main(["parse", "--no-progress", str(corpus), "-o", str(again), "--furniture", str(saved)]) == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_learned_in_workers_too(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out.jsonl"
    assert main(["parse", "-q", str(corpus), "-o", str(out), "--learn-furniture", "-j", "2"]) == 0
    assert all(PROMO in b for b in _boilerplate(out))


@pytest.mark.parametrize(
    "extra",
    [
        ["--save-furniture", "x.json"],
        ["--learn-furniture", "--furniture", "x.json"],
        ["--furniture", "missing.json"],
    ],
)
def test_furniture_usage_errors(tmp_path: Path, extra: list[str]) -> None:
    corpus = _corpus(tmp_path, 3)
    assert main(["parse", "-q", str(corpus), "-o", str(tmp_path / "o.jsonl"), *extra]) == 2
    assert not (tmp_path / "o.jsonl").exists()

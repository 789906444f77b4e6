"""The Dask recipe (examples/dask_corpus.py) on Dask's local multiprocessing scheduler."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

import arnewsparse

from conftest import ROOT, seed_paths

pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'arnewsparse[dask]')")


def load_recipe() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_corpus", ROOT / "examples" / "dask_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def corpus_files(tmp_path: Path) -> tuple[list[Path], list[dict[str, str]]]:
    texts = [p.read_text(encoding="utf-8") for p in seed_paths()]
    rows = [{"id": f"doc-{i}", "raw": texts[i % len(texts)]} for i in range(12)]
    a, b = tmp_path / "in" / "a.jsonl", tmp_path / "in" / "b.jsonl.gz"
    a.parent.mkdir()
    a.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:7]), encoding="utf-8")
    b.write_bytes(gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[7:]).encode()))
    return [a, b], rows


def test_dask_jsonl(tmp_path: Path, corpus_files: tuple[list[Path], list[dict[str, str]]]) -> None:
    recipe = load_recipe()
    files, rows = corpus_files
    paths = recipe.run([str(f) for f in files], tmp_path / "out", scheduler="processes", workers=2)
    got = [json.loads(line) for p in sorted(paths) for line in p.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in got] == [r["id"] for r in rows]
    for row, out in zip(rows, got, strict=True):
        assert arnewsparse.Article.from_dict(out) == arnewsparse.parse(row["raw"])


def test_dask_parts_sort_and_concatenate(tmp_path: Path) -> None:  # issue 16, item 6
    recipe = load_recipe()
    texts = [p.read_text(encoding="utf-8") for p in seed_paths()]
    files = []
    for i in range(12):  # one partition per file: more than ten parts
        f = tmp_path / "in" / f"{i:02d}.jsonl"
        f.parent.mkdir(exist_ok=True)
        f.write_text(json.dumps({"id": f"doc-{i}", "raw": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
        files.append(str(f))
    paths = recipe.run(files, tmp_path / "out", scheduler="sync")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [f"part-{i:05d}.jsonl" for i in range(12)] == [p.name for p in paths]
    for p in paths:
        assert p.read_bytes().endswith(b"\n")
    joined = b"".join((tmp_path / "out" / n).read_bytes() for n in names)  # what `cat out/part-*` gives
    assert [json.loads(line)["id"] for line in joined.splitlines()] == [f"doc-{i}" for i in range(12)]


def test_dask_parquet(tmp_path: Path, corpus_files: tuple[list[Path], list[dict[str, str]]]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    recipe = load_recipe()
    files, rows = corpus_files
    paths = recipe.run(
        [str(f) for f in files],
        tmp_path / "pq",
        parquet=True,
        fields=["reports"],
        scheduler="processes",
        workers=2,
    )
    table = [r for p in sorted(paths) for r in pq.read_table(p).to_pylist()]
    assert [r["id"] for r in table] == [r["id"] for r in rows]
    assert [len(r["reports"]) for r in table] == [len(arnewsparse.parse(r["raw"]).reports) for r in rows]

"""Every script in examples/ runs, as a user would run it, on the shipped sample articles.

Each script runs in a fresh temporary directory holding a copy of
``examples/articles``, in a subprocess with this interpreter, and its output is
checked against ``arnewsparse.parse`` run here.  No network, no ``../shared``.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import arnewsparse

from conftest import ARTICLES, ROOT, seed_paths

EXAMPLES = ROOT / "examples"
OWN = ("parse_one.py", "who_said_what.py", "corpus_to_jsonl.py", "render_html.py")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copytree(ARTICLES, tmp_path / "articles")
    return tmp_path


def run(script: str, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, f"{script} failed:\n{proc.stderr}"
    return proc


def test_every_example_is_tested() -> None:
    """A new example script gets a test here (the Dask recipe has its own, tests/test_dask.py)."""
    scripts = {p.name for p in EXAMPLES.glob("*.py")} - {"dask_corpus.py"}
    assert scripts == set(OWN)


@pytest.mark.parametrize("script", OWN)
def test_help(script: str, tmp_path: Path) -> None:
    assert "usage:" in run(script, "--help", cwd=tmp_path).stdout


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name)
def test_parse_one(path: Path, workdir: Path) -> None:
    out = run("parse_one.py", workdir / "articles" / path.name, cwd=workdir).stdout
    article = arnewsparse.parse(path.read_text(encoding="utf-8"))
    assert f"{len(article.reports)} reports" in out
    for kind, span in article.parts():
        assert f"{kind:<12} {span.start:>5}-{span.end:<5}" in out
    for report in article.reports:
        assert f"{report.token} [{report.lemma}, {report.form.value}]" in out


def test_parse_one_default_and_published(workdir: Path) -> None:
    out = run("parse_one.py", "--published", "2016-02-24", cwd=workdir).stdout
    assert "agency: SANA" in out
    assert "location: موسكو" in out


def test_who_said_what(workdir: Path) -> None:
    out_csv = workdir / "who.csv"
    proc = run("who_said_what.py", workdir / "articles", "-o", out_csv, cwd=workdir)
    with out_csv.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = 0
    for path in seed_paths():
        article = arnewsparse.parse(path.read_text(encoding="utf-8"))
        expected += len(article.reports)
        mine = [r for r in rows if r["article"] == path.name]
        assert [r["verb"] for r in mine] == [r.token for r in article.reports]
        for row, report in zip(mine, article.reports, strict=True):
            start = int(row["verb_start"])
            assert article.text[start : start + len(row["verb"])] == row["verb"]
            assert row["lemma"] == report.lemma
            assert "\n" not in row["said"]
    assert len(rows) == expected > 0
    assert f"{expected} reports" in proc.stderr


def test_who_said_what_to_stdout(workdir: Path) -> None:
    out = run("who_said_what.py", "articles", cwd=workdir).stdout
    assert out.splitlines()[0].startswith("article,source,mention,verb,lemma")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_corpus_to_jsonl(jobs: str, workdir: Path) -> None:
    out = workdir / "out" / "corpus.jsonl"
    out.parent.mkdir()
    run("corpus_to_jsonl.py", "articles", "-o", out, "-j", jobs, cwd=workdir)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    paths = seed_paths()
    assert [Path(r["id"]).name for r in records] == [p.name for p in paths]
    for record, path in zip(records, paths, strict=True):
        del record["id"]
        assert arnewsparse.Article.from_dict(record) == arnewsparse.parse(path.read_text(encoding="utf-8"))
    assert not list(out.parent.glob("*.part"))


def test_corpus_to_jsonl_from_jsonl(workdir: Path) -> None:
    src = workdir / "in.jsonl"
    lines = [
        json.dumps({"id": f"doc-{i}", "raw": p.read_text(encoding="utf-8")}, ensure_ascii=False)
        for i, p in enumerate(seed_paths())
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = workdir / "out.jsonl"
    run("corpus_to_jsonl.py", src, "-o", out, "-j", "1", cwd=workdir)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"doc-{i}" for i in range(len(lines))]


def test_render_html(workdir: Path) -> None:
    pytest.importorskip("arnewsparse.html")
    src = workdir / "articles" / "004_31896b099c16ff1e.txt"
    out = workdir / "view.html"
    proc = run("render_html.py", src, "-o", out, cwd=workdir)
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert 'dir="rtl"' in page
    assert "موسكو" in page
    assert not re.search(r'(?:src|href)="https?://', page.split("</head>")[0])  # self-contained
    assert "wrote" in proc.stdout


def test_render_html_default_output(workdir: Path) -> None:
    pytest.importorskip("arnewsparse.html")
    run("render_html.py", "articles/001_a4a15d0eee9caaff.txt", cwd=workdir)
    assert (workdir / "articles" / "001_a4a15d0eee9caaff.html").is_file()

"""The command line: `show` and `parse` (inputs, bad records, interruption, exit codes)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from arnewsparse.cli import main

from conftest import ARTICLES

SEED = ARTICLES / "004_31896b099c16ff1e.txt"


def test_show_labels_the_parts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[HEADLINE] بوتين وروحاني يبحثان")
    assert "[SUBHEAD] بيسكوف: موسكو ودمشق" in out
    assert "[BOILERPLATE] https://telegram.me/SyrianArabNewsAgency" in out
    assert "REPORTS (" in out


def test_show_json_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    import arnewsparse

    assert main(["show", "--json", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert arnewsparse.Article.from_dict(data) == arnewsparse.parse(SEED.read_text(encoding="utf-8"))


def test_missing_file_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["show", str(tmp_path / "nope.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_undecodable_file_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa abc")
    assert main(["show", str(bad)]) == 2
    assert "not decodable text" in capsys.readouterr().err


def test_console_script_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "arnewsparse.cli", "show", str(SEED)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "[PARAGRAPH]" in done.stdout


def test_usage_error_is_exit_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


# --------------------------------------------------------------------------- arnewsparse parse

SEEDS = sorted(ARTICLES.glob("*.txt"))


def seed_rows(n: int = 12) -> list[dict[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [{"id": f"doc-{i}", "raw": texts[i % len(texts)]} for i in range(n)]


def write_jsonl(path: Path, rows: list[object]) -> Path:
    lines = [r if isinstance(r, (str, bytes)) else json.dumps(r, ensure_ascii=False) for r in rows]
    data = b"\n".join(x if isinstance(x, bytes) else x.encode("utf-8") for x in lines) + b"\n"
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run_cli(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "arnewsparse.cli", *args],
        input=None if stdin is None else stdin.decode("utf-8", "surrogateescape"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=timeout,
    )


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".part"))


def test_parse_txt_files_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    import arnewsparse

    assert main(["parse", "--no-progress", *map(str, SEEDS)]) == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in rows] == [str(p) for p in SEEDS]
    for path, row in zip(SEEDS, rows, strict=True):
        assert arnewsparse.Article.from_dict(row) == arnewsparse.parse(path.read_text(encoding="utf-8"))
    assert f"{len(SEEDS)} parsed, 0 failed" in captured.err


def test_parse_directory_recursive_with_glob(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "deep").mkdir(parents=True)
    (tree / "deep" / "b.txt").write_text(SEEDS[1].read_text(encoding="utf-8"), encoding="utf-8")
    (tree / "a.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    (tree / "c.text").write_text(SEEDS[2].read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(tree), "-o", str(out)]) == 0
    assert [Path(str(r["id"])).name for r in read_jsonl(out)] == ["a.txt", "b.txt"]
    assert main(["parse", str(tree), "--glob", "*.text", "-o", str(out)]) == 0
    assert [Path(str(r["id"])).name for r in read_jsonl(out)] == ["c.text"]


@pytest.mark.parametrize("name", ["in.jsonl", "in.jsonl.gz"])
def test_parse_jsonl_in_order_with_two_jobs(tmp_path: Path, name: str) -> None:
    rows = seed_rows(40)
    src = write_jsonl(tmp_path / name, rows)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["parse", str(src), "-o", str(one)]) == 0
    assert main(["parse", str(src), "-o", str(two), "-j", "2", "--batch-size", "3"]) == 0
    assert [r["id"] for r in read_jsonl(two)] == [r["id"] for r in rows]
    assert one.read_bytes() == two.read_bytes()
    assert leftovers(tmp_path) == []


def test_parse_custom_fields_and_line_ids(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [{"body": r["raw"]} for r in seed_rows(3)])
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(src), "--field", "body", "--id-field", "", "-o", str(out)]) == 0
    assert [r["id"] for r in read_jsonl(out)] == [f"{src}:{i}" for i in (1, 2, 3)]


def test_parse_stdin_jsonl_and_text() -> None:
    rows = seed_rows(3)
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    done = run_cli("parse", "-", "-j", "2", stdin=data)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["doc-0", "doc-1", "doc-2"]
    done = run_cli("parse", "-", stdin=SEEDS[4].read_bytes())
    assert done.returncode == 0, done.stderr
    (row,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert row["id"] == "-" and row["headline"]["text"].startswith("بوتين وروحاني")


def test_parse_fields_subset(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(3))
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(src), "--fields", "reports,datelines", "-o", str(out)]) == 0
    assert all(list(r) == ["id", "reports", "datelines"] for r in read_jsonl(out))


def test_parse_csv_reports(tmp_path: Path) -> None:
    import csv

    import arnewsparse
    from arnewsparse.corpus import REPORT_COLUMNS

    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(5))
    out = tmp_path / "reports.csv"
    assert main(["parse", str(src), "-o", str(out), "-j", "2"]) == 0  # format from the suffix
    with out.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    expected = sum(len(arnewsparse.parse(str(r["raw"])).reports) for r in seed_rows(5))
    assert len(table) == expected > 0
    assert list(table[0]) == list(REPORT_COLUMNS)
    assert {row["id"] for row in table} <= {f"doc-{i}" for i in range(5)}
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(out)
    assert list(frame.columns) == list(REPORT_COLUMNS) and len(frame) == expected


def test_parse_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import arnewsparse

    rows = seed_rows(6)
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.parquet"
    assert main(["parse", str(src), "-o", str(out), "-j", "2"]) == 0
    back = pq.read_table(out).to_pylist()
    assert [r["id"] for r in back] == [r["id"] for r in rows]
    assert arnewsparse.Article.from_dict(back[0]) == arnewsparse.parse(rows[0]["raw"])
    assert main(["parse", str(src), "--format", "parquet", "--fields", "reports", "-o", str(out)]) == 0
    assert pq.read_table(out).column_names == ["id", "reports"]


def test_bad_records_are_reported_counted_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from arnewsparse import corpus

    good = seed_rows(2)
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            good[0],
            "{oops",  # invalid JSON
            b'{"id": "bytes", "raw": "\xff"}',  # undecodable
            {"id": "nofield"},  # missing field
            {"id": "crash", "raw": "PARSER-CRASH"},  # parser error
            good[1],
        ],
    )
    real_parse = corpus.parse

    def flaky(text: str) -> object:
        if text == "PARSER-CRASH":
            raise ValueError("simulated parser bug")
        return real_parse(text)

    monkeypatch.setattr(corpus, "parse", flaky)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = main(["parse", str(src), "-o", str(out), "--errors", str(errors)])
    err = capsys.readouterr().err
    assert code == 1
    assert [r["id"] for r in read_jsonl(out)] == ["doc-0", "doc-1"]
    assert f"{src}:2: invalid JSON" in err
    assert f"{src}:3: not UTF-8" in err
    assert f"{src}:4 (id nofield): missing field 'raw'" in err
    assert f"{src}:5 (id crash): parser error: ValueError: simulated parser bug" in err
    assert "2 parsed, 4 failed" in err
    logged = read_jsonl(errors)
    assert [e["where"] for e in logged] == [f"{src}:{n}" for n in (2, 3, 4, 5)]
    assert [e["id"] for e in logged] == [None, None, "nofield", "crash"]
    assert all(e["error"] for e in logged)


def test_bad_text_file_and_two_jobs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(SEEDS[0]), str(bad), str(SEEDS[1]), "-j", "2", "-o", str(out)]) == 1
    assert [r["id"] for r in read_jsonl(out)] == [str(SEEDS[0]), str(SEEDS[1])]
    assert f"{bad}: not decodable text" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["parse", "NOPE.jsonl"],
        ["parse", "--fields", "reports,bogus", "IN"],
        ["parse", "--format", "parquet", "IN"],
        ["parse", "--format", "csv-reports", "--fields", "reports", "IN"],
        ["parse", "-", "-"],
    ],
)
def test_parse_usage_errors_exit_2(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(1))
    argv = [str(src) if a == "IN" else str(tmp_path / a) if a == "NOPE.jsonl" else a for a in args]
    assert main(argv) == 2
    assert "error:" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


@pytest.mark.parametrize("args", [["parse"], ["parse", "-j", "-1", "x"], ["parse", "--format", "xml", "x"]])
def test_parse_argparse_errors_exit_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupt_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    from arnewsparse import corpus

    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(30))
    real = corpus.iter_records

    def interrupted(*args: object, **kwargs: object) -> object:
        for n, rec in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if n == 20:
                raise KeyboardInterrupt  # Ctrl-C while reading, after some output was written
            yield rec

    monkeypatch.setattr(corpus, "iter_records", interrupted)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = main(["parse", str(src), "-o", str(out), "--errors", str(errors), "-j", jobs, "--batch-size", "2"])
    assert code == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_failure_mid_write_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from arnewsparse import cli

    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(5))
    calls = []

    def disk_full(self: object, payload: object) -> None:
        calls.append(payload)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli._Writer, "write", disk_full)
    with pytest.raises(OSError, match="No space"):
        main(["parse", str(src), "-o", str(tmp_path / "out.jsonl")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_sigint_in_a_real_run_leaves_no_output(tmp_path: Path) -> None:
    import signal
    import time

    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "arnewsparse.cli",
            "parse",
            "-",
            "-o",
            str(out),
            "-j",
            "2",
            "--batch-size",
            "1",
        ],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdin is not None
    for row in seed_rows(8):  # stdin stays open: the run is waiting for more when it is interrupted
        proc.stdin.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while not leftovers(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers(tmp_path), "the run never started writing"
    time.sleep(1.0)  # let it parse and write some
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert b"interrupted" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_progress_bar_on_request() -> None:
    pytest.importorskip("tqdm")
    done = run_cli("parse", "--progress", str(SEEDS[0]), str(SEEDS[1]))
    assert done.returncode == 0, done.stderr
    assert "articles/s" in done.stderr
    quiet = run_cli("parse", str(SEEDS[0]))  # stderr is a pipe: no bar unless asked
    assert "articles/s]" not in quiet.stderr


def test_show_html_writes_a_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "page.html"
    assert main(["show", str(SEED), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'dir="rtl"' in page
    assert "wrote" in capsys.readouterr().err
    assert main(["show", str(SEED), "--html", str(tmp_path / "no" / "dir.html")]) == 2


def test_show_reads_windows_1256(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old = tmp_path / "cp1256.txt"
    old.write_bytes(SEED.read_text(encoding="utf-8").encode("cp1256", errors="replace"))
    assert main(["show", str(old)]) == 0
    assert "[DATELINE] موسكو – سانا" in capsys.readouterr().out

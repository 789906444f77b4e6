"""The command line: `show` and `parse` (inputs, outputs, bad records, signals, messages, exit codes).

Most tests run the installed console script in a subprocess, as a user would.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from arnewsparse.cli import main

from conftest import ARTICLES, SCRIPT

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
    done = run_cli("show", str(SEED))
    assert done.returncode == 0, done.stderr
    assert "[PARAGRAPH]" in done.stdout


def test_python_m_arnewsparse_is_the_console_script() -> None:  # issue 16, item 11
    module = subprocess.run(
        [sys.executable, "-m", "arnewsparse", "show", str(SEED)], capture_output=True, check=False
    )
    assert module.returncode == 0, module.stderr
    assert (
        module.stdout == subprocess.run([*SCRIPT, "show", str(SEED)], capture_output=True, check=True).stdout
    )
    usage = subprocess.run([sys.executable, "-m", "arnewsparse"], capture_output=True, text=True, check=False)
    assert usage.returncode == 2 and usage.stderr.startswith("usage: arnewsparse ")


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


def run_cli(
    *args: str, stdin: bytes | None = None, timeout: float = 120, cwd: Path | None = None, umask: int = 0o022
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SCRIPT, *args],
        input=None if stdin is None else stdin.decode("utf-8", "surrogateescape"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=timeout,
        cwd=cwd,
        preexec_fn=lambda: os.umask(umask),
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

    def flaky(text: str, **kwargs: object) -> object:
        if text == "PARSER-CRASH":
            raise ValueError("simulated parser bug")
        return real_parse(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus, "parse", flaky)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = main(["parse", str(src), "-o", str(out), "--errors", str(errors)])
    err = capsys.readouterr().err
    assert code == 1
    assert [r["id"] for r in read_jsonl(out)] == ["doc-0", "doc-1"]
    assert f"{src}:2: invalid JSON: " in err
    assert f"{src}:3: not UTF-8 text: " in err
    assert f"{src}:4 (id nofield): field 'raw' missing (fields present: id)" in err
    assert f"{src}:5 (id crash): parser error: ValueError: simulated parser bug" in err
    assert "2 parsed, 4 failed" in err
    logged = read_jsonl(errors)
    assert [e["where"] for e in logged] == [f"{src}:{n}" for n in (2, 3, 4, 5)]
    assert [e["id"] for e in logged] == [f"{src}:2", f"{src}:3", "nofield", "crash"]
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


def test_failure_mid_write_leaves_no_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # issue 16, item 5b: one line, non-zero, no partial file
    from arnewsparse import cli

    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(5))
    calls = []

    def disk_full(self: object, payload: object) -> None:
        calls.append(payload)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli._Writer, "write", disk_full)
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"arnewsparse: cannot write {out}: No space left on device; stopped after 2 records, "
        f"{out} not written (partial output removed)"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_write_error_on_stdout_is_one_line(tmp_path: Path) -> None:  # issue 16, item 5b
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(3))
    for command in (["parse", str(src)], ["show", str(SEED)], ["show", str(SEED), "--html", "-"]):
        with open("/dev/full", "wb") as full:
            done = subprocess.run(
                [*SCRIPT, *command], stdout=full, stderr=subprocess.PIPE, text=True, check=False
            )
        assert done.returncode == 1, done.stderr
        (line,) = done.stderr.splitlines()  # no traceback
        assert line.startswith("arnewsparse: cannot write standard output: No space left on device"), line


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
def test_write_error_on_a_full_device_leaves_it_a_device(tmp_path: Path) -> None:  # issue 16, items 1, 5b
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # a private twin of /dev/full
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(3))
    done = run_cli("parse", str(src), "-o", str(full))
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1].startswith(
        f"arnewsparse: cannot write {full}: No space left on device"
    )
    assert stat.S_ISCHR(full.stat().st_mode) and sorted(p.name for p in tmp_path.iterdir()) == [
        "full",
        "in.jsonl",
    ]


def _popen_catching_sigint(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
    """``subprocess.Popen`` with Ctrl-C not ignored in the child.

    A shell that runs a job in the background without job control starts it
    with SIGINT ignored (POSIX), a child inherits an ignored signal through
    exec, and the CLI keeps an ignored signal ignored, as ``nohup`` asks: the
    signal tests must not depend on how pytest itself was started.
    """
    previous = signal.getsignal(signal.SIGINT)
    if previous == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # (a handler resets to default at exec)
    try:
        return subprocess.Popen(*args, **kwargs)
    finally:
        signal.signal(signal.SIGINT, previous)


def test_sigint_in_a_real_run_leaves_no_output(tmp_path: Path) -> None:
    import signal
    import time

    out = tmp_path / "out.jsonl"
    proc = _popen_catching_sigint(
        [
            *SCRIPT,
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
    assert re.search(rb"stopped by SIGINT: \d+ records? parsed; partial output removed", err), err
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


# --------------------------------------------------------------------------- issue 16: output paths


def test_dash_means_stdout(tmp_path: Path) -> None:  # item 2
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(2))
    done = run_cli("parse", str(src), "-o", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["doc-0", "doc-1"]
    page = run_cli("show", str(SEED), "--html", "-", cwd=tmp_path)
    assert page.returncode == 0 and page.stdout.startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]  # no file named "-"


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_output_files_honour_the_umask(tmp_path: Path, umask: int) -> None:  # item 3
    src = write_jsonl(tmp_path / "in.jsonl", [*seed_rows(1), "{bad"])
    out, errors, page = tmp_path / "out.jsonl", tmp_path / "errors.jsonl", tmp_path / "p.html"
    assert run_cli("parse", str(src), "-o", str(out), "--errors", str(errors), umask=umask).returncode == 1
    assert run_cli("show", str(SEED), "--html", str(page), umask=umask).returncode == 0
    for made in (out, errors, page):
        assert stat.S_IMODE(made.stat().st_mode) == 0o666 & ~umask, made


def test_symlinked_output_keeps_its_link(tmp_path: Path) -> None:  # item 1
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(2))
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "parsed.jsonl"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    done = run_cli("parse", str(src), "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert [r["id"] for r in read_jsonl(real)] == ["doc-0", "doc-1"]
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # a replaced file keeps its mode
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["parsed.jsonl"]


def test_fifo_output_is_written_in_place(tmp_path: Path) -> None:  # item 1
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(3))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    proc = subprocess.Popen([*SCRIPT, "parse", str(src), "-o", str(fifo)], stderr=subprocess.PIPE)
    with fifo.open("rb") as reader:  # opening blocks until the writer opens it too
        data = reader.read()
    assert proc.wait(timeout=60) == 0
    assert [json.loads(line)["id"] for line in data.splitlines()] == ["doc-0", "doc-1", "doc-2"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "pipe"]


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
def test_character_device_output_stays_a_device(tmp_path: Path) -> None:  # item 1
    null = tmp_path / "null"
    # A private twin of /dev/null: what `-o /dev/null` would do, without risking the real one.
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(2))
    for args in (["parse", str(src), "-o", str(null)], ["show", str(SEED), "--html", str(null)]):
        done = run_cli(*args)
        assert done.returncode == 0, done.stderr
        st = null.stat()
        assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "null"]


@pytest.mark.parametrize(
    "args",
    [
        ["parse", "IN", "-o", "missing/dir/out.jsonl"],
        ["parse", "IN", "--errors", "missing/dir/errors.jsonl"],
        ["show", str(SEED), "--html", "missing/dir/page.html"],
    ],
)
def test_missing_output_directory_is_one_line_exit_2(tmp_path: Path, args: list[str]) -> None:  # item 4
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(1))
    done = run_cli(*[str(src) if a == "IN" else a for a in args], cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    target = next(a for a in args if a.startswith("missing/"))
    assert line.endswith(
        f"error: cannot write {target} ({args[-2]}): directory '{os.path.dirname(target)}' does not exist; "
        f"create it (mkdir -p {os.path.dirname(target)}) or write elsewhere"
    ), line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


# --------------------------------------------------------------------------- issue 16: signals

SAMPLE_SIZE = 3000


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few thousand articles: the start of ../shared's bench corpus, else the seeds over and over."""
    path = tmp_path_factory.mktemp("sample") / "sample.jsonl"
    bench = ARTICLES.parents[1].parent / "shared" / "corpus" / "bench.jsonl.gz"
    with path.open("wb") as out:
        if bench.is_file():
            with gzip.open(bench, "rb") as f:
                for _, line in zip(range(SAMPLE_SIZE), f, strict=False):
                    out.write(line)
        else:
            for row in seed_rows(SAMPLE_SIZE):
                out.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
    return path


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True


def wait_for(condition: object, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize(
    ("signame", "jobs"), [("SIGTERM", "2"), ("SIGHUP", "1"), ("SIGTERM", "1"), ("SIGINT", "2")]
)
def test_signal_removes_partial_output_and_workers(
    tmp_path: Path, sample: Path, signame: str, jobs: str
) -> None:  # item 5
    signum = getattr(signal, signame)
    out = tmp_path / "out.jsonl"
    proc = _popen_catching_sigint(
        [*SCRIPT, "parse", str(sample), "-o", str(out), "-j", jobs, "--batch-size", "8"],
        stderr=subprocess.PIPE,
    )
    try:
        started = wait_for(lambda: any(p.stat().st_size for p in tmp_path.glob("*.part")))
        assert started, "the run never started writing"
        workers = children(proc.pid)
        assert len(workers) == (int(jobs) if jobs != "1" else 0)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 128 + signum, err.decode()
    message = err.decode().splitlines()[-1]
    m = re.fullmatch(
        rf"arnewsparse: stopped by {signame}: (\d+) records? parsed; "
        rf"partial output removed, {out} not written",
        message,
    )
    assert m and 0 < int(m.group(1)) < SAMPLE_SIZE, message
    assert list(tmp_path.iterdir()) == []
    assert wait_for(lambda: all(gone(w) for w in workers), 10), "a worker outlived the run"


def test_signal_on_stdout_counts_what_was_written(sample: Path) -> None:  # item 5
    proc = subprocess.Popen(
        [*SCRIPT, "parse", str(sample), "-j", "2", "--batch-size", "8"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # unbuffered: communicate() reads the pipe's descriptor, so lines a buffered
        # readline() had read ahead would be lost to the count below
        bufsize=0,
    )
    try:
        assert proc.stdout is not None
        head = proc.stdout.readline()  # it is running
        proc.send_signal(signal.SIGTERM)
        rest, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 143, err.decode()
    m = re.search(rb"stopped by SIGTERM: (\d+) records? written to standard output$", err.strip())
    assert m, err
    assert (head + rest).count(b"\n") == int(m.group(1))
    assert (head + rest).endswith(b"\n")


# --------------------------------------------------------------------------- issue 16: messages


def test_wrong_field_stops_before_the_work(tmp_path: Path) -> None:  # item 7
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": str(i), "raw": "نص", "title": "t"} for i in range(551)])
    out = tmp_path / "out.jsonl"
    done = run_cli("parse", str(src), "--field", "text", "-o", str(out))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"arnewsparse parse: error: {src}:1: field 'text' missing (fields present: id, raw, title); "
        "name the text field with --field (the longest text is in 'raw': --field raw)"
    ]
    assert not out.exists()


def test_the_same_error_is_summed_up(tmp_path: Path) -> None:  # item 7
    rows: list[object] = [*seed_rows(1), *({"id": f"n{i}", "body": "x"} for i in range(40))]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    done = run_cli("parse", str(src), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 5, lines
    assert (
        lines[0] == f"{src}:2 (id n0): field 'raw' missing (fields present: id, body); "
        "name the text field with --field"
    )
    assert lines[3] == (
        "arnewsparse: … and 37 more records: field 'raw' missing (fields present: id, body); "
        "name the text field with --field"
    )
    assert lines[4].startswith("arnewsparse: 1 parsed, 40 failed")


def test_encoding_option(tmp_path: Path) -> None:  # item 8
    text = SEED.read_text(encoding="utf-8")
    odd = tmp_path / "utf16.txt"
    odd.write_bytes(text.encode("utf-16-le"))  # no BOM: nothing to detect it by
    done = run_cli("show", str(odd))
    assert done.returncode == 2
    assert done.stderr.strip().endswith("name its encoding with --encoding"), done.stderr
    done = run_cli("show", str(odd), "--encoding", "utf-16-le")
    assert done.returncode == 0 and "[DATELINE] موسكو – سانا" in done.stdout
    parsed = run_cli("parse", str(odd), "--encoding", "utf-16-le")
    assert parsed.returncode == 0 and json.loads(parsed.stdout)["text"] == text
    latin = write_jsonl(tmp_path / "in.jsonl", [])
    latin.write_bytes(json.dumps({"id": "a", "raw": text}, ensure_ascii=False).encode("cp1256", "replace"))
    assert run_cli("parse", str(latin)).returncode == 1
    assert run_cli("parse", str(latin), "--encoding", "cp1256").returncode == 0
    bad = run_cli("parse", str(latin), "--encoding", "klingon")
    assert bad.returncode == 2 and "unknown --encoding 'klingon'" in bad.stderr


def _bad_runs(tmp_path: Path) -> list[subprocess.CompletedProcess[str]]:
    src = write_jsonl(
        tmp_path / "bad.jsonl",
        [
            *seed_rows(1),
            "{oops",
            b'{"id": "u", "raw": "\xff\xfe"}',
            {"id": None, "raw": None},
            [1, 2],
            {"id": 5, "raw": 7},
            {"raw": "نص", "date": "Thursday"},
        ],
    )
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa")
    return [
        run_cli("parse", str(src), "--published", "date"),
        run_cli("parse", str(tmp_path / "bad.txt")),
        run_cli("show", str(tmp_path / "bad.txt")),
        run_cli("show", str(src), "--record", "99"),
        run_cli("show", str(src), "--id", "nope"),
        run_cli("parse", str(src), "--format", "parquet"),
        run_cli("parse", str(src), "--published", "2019-13-45"),
        run_cli("parse", str(src), "--fields", "bogus"),
        run_cli("parse", str(tmp_path / "nope.jsonl")),
    ]


def test_message_wording(tmp_path: Path) -> None:  # items 8, 9
    from arnewsparse.cli import build_parser

    runs = _bad_runs(tmp_path)
    options = {
        o
        for action in build_parser()._subparsers._group_actions[0].choices.values()  # type: ignore[union-attr]
        for a in action._actions
        for o in a.option_strings
    }
    for done in runs:
        assert done.returncode in (1, 2), done
        for line in done.stderr.splitlines():
            assert not re.search(r"\b(\w+) \1\b", line), f"doubled word: {line}"
            assert not re.search(r"NoneType|\bint\b|\blist\b|\bdict\b|Traceback", line), line
            for option in re.findall(r"--[a-z][a-z-]+", line):
                assert option in options, f"{line} suggests {option}, which does not exist"
            # every message names its place first: PATH:LINE (a record), PATH, or the program
            assert re.match(r"(arnewsparse( \w+)?: |\S+?(:\d+)?( \(id [^)]*\))?: )", line), line
    first = runs[0].stderr.splitlines()
    assert first[-1].startswith("arnewsparse: 1 parsed, 6 failed")
    assert any("field 'raw' is null, not a string" in line for line in first)
    assert any("an array, not a JSON object" in line for line in first)
    assert any("field 'date': 'Thursday' is not a date" in line for line in first)


def test_rate_counts_parsed_records_only(tmp_path: Path) -> None:  # item 9
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": i} for i in range(300)])  # every record skipped
    done = run_cli("parse", str(src), "--field", "raw", "-o", str(tmp_path / "o.jsonl"))
    assert done.returncode == 2  # the first record already lacks the field: nothing was done
    src = write_jsonl(tmp_path / "in.jsonl", [{"raw": 1}] * 300)
    done = run_cli("parse", str(src), "-o", str(tmp_path / "o.jsonl"))
    assert re.search(r"0 parsed, 300 failed, in [\d.]+ s \(0 articles/s\)", done.stderr), done.stderr


def test_interrupt_after_stdout_lines_does_not_say_nothing_was_written() -> None:  # item 9
    proc = _popen_catching_sigint(
        [*SCRIPT, "parse", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,  # no read-ahead that communicate() would miss (see the test above)
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for row in seed_rows(2):  # stdin stays open: the run waits for more when it is interrupted
            proc.stdin.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
        proc.stdin.flush()
        first = proc.stdout.readline()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert b"no output written" not in err
    m = re.search(rb"stopped by SIGINT: (\d+) records? written to standard output", err)
    assert m and int(m.group(1)) == (first + out).count(b"\n") >= 1, err


def test_record_without_id_is_known_by_path_and_line(tmp_path: Path) -> None:  # item 10
    src = write_jsonl(
        tmp_path / "in.jsonl", [{"raw": r["raw"]} for r in seed_rows(2)] + [{"id": None, "raw": "نص"}]
    )
    done = run_cli("parse", str(src))
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == [f"{src}:{n}" for n in (1, 2, 3)]


# --------------------------------------------------------------------------- issue 16: commands and flags


def test_quiet(tmp_path: Path) -> None:  # item 12
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(2))
    done = run_cli("parse", str(src), "-q", "--progress", "-o", str(tmp_path / "o.jsonl"))
    assert done.returncode == 0 and done.stderr == ""
    bad = write_jsonl(tmp_path / "bad.jsonl", [*seed_rows(1), "{x"])
    done = run_cli("parse", str(bad), "--quiet")
    lines = done.stderr.splitlines()
    assert done.returncode == 1 and lines[0].startswith(f"{bad}:2: invalid JSON") and len(lines) == 2


def test_published_date_and_field(tmp_path: Path) -> None:  # item 12
    text = "قال وزير الخارجية أمس إن المفاوضات ستستأنف قريبا."
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [{"id": "a", "raw": text, "date": "2019-04-26T09:00:00Z"}, {"id": "b", "raw": text}],
    )
    fixed = run_cli("parse", str(src), "--published", "2020-01-02")
    assert [json.loads(x)["reports"][0]["date"] for x in fixed.stdout.splitlines()] == ["2020-01-01"] * 2
    field = run_cli("parse", str(src), "--published", "date")
    assert [json.loads(x)["reports"][0]["date"] for x in field.stdout.splitlines()] == ["2019-04-25", None]
    one = tmp_path / "one.txt"
    one.write_text(text, encoding="utf-8")
    shown = run_cli("show", str(one), "--json", "--published", "2019-04-26")
    assert json.loads(shown.stdout)["reports"][0]["date"] == "2019-04-25"


def test_show_one_record_of_a_corpus(tmp_path: Path) -> None:  # item 13
    rows = seed_rows(3)
    for name in ("c.jsonl", "c.jsonl.gz"):
        src = write_jsonl(tmp_path / name, rows)
        first = run_cli("show", str(src))
        assert first.returncode == 0, first.stderr
        assert first.stdout == run_cli("show", str(SEEDS[0])).stdout  # one article, not the file
        assert f"showing {src}:1 (id doc-0)" in first.stderr
        third = run_cli("show", str(src), "--record", "3", "--json")
        assert json.loads(third.stdout)["id"] == "doc-2"
        by_id = run_cli("show", str(src), "--id", "doc-1", "--json")
        assert json.loads(by_id.stdout)["text"] == rows[1]["raw"]
        missing = run_cli("show", str(src), "--record", "4")
        assert missing.returncode == 2 and "no record 4, it has 3; choose --record 1 to 3" in missing.stderr
    import csv

    table = tmp_path / "c.csv"
    with table.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["id", "raw"])
        w.writeheader()
        w.writerows(rows)
    shown = run_cli("show", str(table), "--id", "doc-2", "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["text"] == rows[2]["raw"]
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet")
    shown = run_cli("show", str(tmp_path / "c.parquet"), "--record", "2", "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == "doc-1"


def test_show_undecodable_says_why_and_how(tmp_path: Path) -> None:  # item 13
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\xfa binary")
    done = run_cli("show", str(bad))
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"{bad}: not decodable text: ") and line.endswith("--encoding"), line


def test_show_json_and_parse_round_trip(tmp_path: Path) -> None:  # item 14
    import arnewsparse

    shown = json.loads(run_cli("show", str(SEED), "--json").stdout)
    assert shown["id"] == str(SEED)
    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(3))
    lines = run_cli("parse", str(src)).stdout.splitlines()
    for line in lines:
        article = arnewsparse.Article.from_dict(json.loads(line))
        assert article.id == json.loads(line)["id"]
        assert json.dumps(article.to_dict(), ensure_ascii=False) == line  # the JSONL line comes back


def test_csv_is_the_same_on_stdout_and_in_a_file(tmp_path: Path) -> None:  # item 15
    from arnewsparse.corpus import REPORT_COLUMNS

    src = write_jsonl(tmp_path / "in.jsonl", seed_rows(2))
    out = tmp_path / "r.csv"
    assert run_cli("parse", str(src), "-o", str(out)).returncode == 0
    piped = subprocess.run(
        [*SCRIPT, "parse", str(src), "--format", "csv-reports"], capture_output=True, check=True
    )
    assert piped.stdout == out.read_bytes()
    assert piped.stdout.startswith(b"\xef\xbb\xbfid,speaker,")
    plain = subprocess.run(
        [*SCRIPT, "parse", str(src), "--format", "csv-reports", "--no-bom"],
        capture_output=True,
        check=True,
        env={**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"},  # UTF-8 whatever the locale
    )
    assert plain.stdout == piped.stdout[3:]
    assert {"category", "gloss"} <= set(REPORT_COLUMNS)
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == ",".join(REPORT_COLUMNS)
    assert run_cli("parse", str(src), "--no-bom").returncode == 2  # jsonl has no BOM to choose


@pytest.mark.parametrize("command", [[], ["show"], ["parse"]])
def test_help_ends_with_real_examples(tmp_path: Path, command: list[str]) -> None:  # item 16
    done = run_cli(*command, "--help")
    assert done.returncode == 0
    tail = done.stdout.rstrip("\n").split("\nexamples:\n")
    assert len(tail) == 2, done.stdout[-400:]
    examples = [line.strip() for line in tail[1].splitlines()]
    assert 2 <= len(examples) <= 3 and all(e.startswith("arnewsparse ") for e in examples)
    # They run: from a directory holding examples/ and a corpus.jsonl.gz, as a user would have.
    shutil.copytree(ARTICLES, tmp_path / "examples" / "articles")
    write_jsonl(tmp_path / "corpus.jsonl.gz", [{**r, "date": "2019-04-26"} for r in seed_rows(4)])
    for example in examples:
        ran = subprocess.run(
            example.replace("arnewsparse", " ".join(SCRIPT), 1),
            shell=True,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert ran.returncode == 0, (example, ran.stderr)


def test_closed_pipe_ends_quietly(sample: Path) -> None:  # item 5: `| head` is a stop, not an error
    proc = subprocess.Popen(
        [*SCRIPT, "parse", str(sample), "-j", "2", "--batch-size", "8"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    workers = children(proc.pid)
    proc.stdout.close()  # the reader goes away, as `head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=30) == 128 + signal.SIGPIPE and err == b""
    assert wait_for(lambda: all(gone(w) for w in workers), 10)


def test_show_stopped_by_a_signal_leaves_nothing(tmp_path: Path) -> None:  # item 5, for `show`
    proc = subprocess.Popen(
        [*SCRIPT, "show", "-", "--html", str(tmp_path / "p.html")],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        # `show -` waits for its article on stdin: wait until it blocks reading it
        assert wait_for(lambda: "pipe" in Path(f"/proc/{proc.pid}/wchan").read_text(), 30)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 143 and b"stopped by SIGTERM" in err
    assert list(tmp_path.iterdir()) == []

"""The command line: `arnewsparse show`."""

from __future__ import annotations

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
    assert "not UTF-8" in capsys.readouterr().err


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

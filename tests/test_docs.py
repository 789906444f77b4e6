"""The documentation site stays true to the code.

The README counts as a page, so none of its examples can drift from the code:

* Every ``pycon`` block of every page runs as a doctest (the blocks of one page
  share a namespace, as a reader would type them, from the repository root).
* Every ``python`` block compiles.
* Every ``console`` block runs: each ``$ arnewsparse ...`` command from the
  repository root, its output compared with the lines below it.  ``...`` on a
  line of its own stands for any number of lines, ``...`` inside a line for any
  text, so a block may show shortened output.
* A ``text`` block titled with a file (```` ```text title="examples/..." ````)
  is that file, shortened the same way.
* Every ``arnewsparse`` command of a ``bash`` block runs (exit 0) in a scratch
  directory holding ``examples/`` and a small ``corpus.jsonl.gz``.
* Every name in ``arnewsparse.__all__`` has an entry in the API reference, and
  every ``::: target`` there imports.
* The nav lists every page, the snippet includes exist.
* When MkDocs and its plugins are installed, the site builds with ``--strict``.

No network and no ``../shared`` needed.
"""

from __future__ import annotations

import doctest
import importlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import arnewsparse

from conftest import ROOT, SCRIPT

DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"
README = ROOT / "README.md"
PAGES = sorted(DOCS.rglob("*.md"))
CODE_PAGES = [README, *PAGES]  # the pages whose code blocks are tests
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.M | re.S,
)
ELLIPSIS = "..."


def blocks(page: Path, lang: str, with_info: bool = False) -> list[Any]:
    """``(line number, code)`` of every fenced block of ``lang`` in ``page`` (and its info string)."""
    text = page.read_text(encoding="utf-8")
    found: list[Any] = []
    for m in FENCE.finditer(text):
        if m.group("lang") == lang:
            indent = len(m.group("indent"))
            body = "\n".join(line[indent:] for line in m.group("body").splitlines())
            lineno = text.count("\n", 0, m.start()) + 1
            found.append((lineno, body, m.group("info").strip()) if with_info else (lineno, body))
    return found


def page_id(page: Path) -> str:
    return str(page.relative_to(DOCS)) if page.is_relative_to(DOCS) else str(page.relative_to(ROOT))


def elided(expected: str) -> re.Pattern[str]:
    """``expected`` as a pattern: ``...`` alone on a line is any lines, inside a line any text."""
    parts = []
    for line in expected.rstrip("\n").splitlines():
        if line.strip() == ELLIPSIS:
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            pieces = (_spaced(piece) for piece in line.rstrip().split(ELLIPSIS))
            parts.append(".*?".join(pieces) + r"[ \t]*\n")
    return re.compile("".join(parts))


def _spaced(text: str) -> str:
    # a space in a block stands for any run of spaces in the output (a no-break space looks the same)
    return r"[^\S\n]+".join(re.escape(word) for word in re.split(r"[^\S\n]+", text))


def first_difference(expected: str, actual: str) -> str:
    """The first line of ``expected`` that the output cannot reach, for the failure message."""
    lines = expected.rstrip("\n").splitlines()
    for n in range(1, len(lines) + 1):
        if not elided("\n".join(lines[:n])).match(actual):
            return f"line {n} of the block, {lines[n - 1]!r}, does not match the output"
    return "the output has lines the block does not account for (end the block with ... to allow them)"


def matches(expected: str, actual: str) -> bool:
    actual = "\n".join(line.rstrip() for line in actual.splitlines()) + "\n"
    return elided(expected).fullmatch(actual) is not None


def console_cases() -> list[Any]:
    """Each ``$ command`` of a console block, with the lines below it up to the next ``$``."""
    cases = []
    for page in CODE_PAGES:
        for lineno, body in blocks(page, "console"):
            assert body.startswith("$ "), f"{page_id(page)}:{lineno}: a console block starts with `$ command`"
            for n, chunk in enumerate(re.split(r"^\$ ", body, flags=re.M)[1:]):
                command, _, output = chunk.partition("\n")
                ident = f"{page_id(page)}:{lineno}" + (f"#{n + 1}" if n else "")
                cases.append(pytest.param(page, lineno, command, output, id=ident))
    return cases


def _reads_shipped_files(command: str) -> bool:
    """Does ``command`` read only files of this repository (so it can run here)?

    The options are checked either way: parsing the line with the real parser
    fails on an option that does not exist.
    """
    from arnewsparse.cli import build_parser

    argv = shlex.split(command)
    assert argv[0] == "arnewsparse", f"only arnewsparse commands are shown, not {argv[0]}"
    args = build_parser().parse_args(argv[1:])
    inputs = args.inputs if args.command == "parse" else [args.file]
    return all(p == "-" or (ROOT / p).exists() for p in inputs)


def run_command(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    argv = shlex.split(command)
    assert argv[0] == "arnewsparse", f"only arnewsparse commands run here, not {argv[0]}"
    return subprocess.run(
        [*SCRIPT, *argv[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(("page", "lineno", "command", "expected"), console_cases())
def test_console_blocks_show_what_the_command_prints(
    page: Path, lineno: int, command: str, expected: str
) -> None:
    if not _reads_shipped_files(command):
        return  # a reader's own corpus (site.jsonl.gz): an illustration; its options were checked
    done = run_command(command, ROOT)
    assert done.returncode == 0, done.stderr
    assert matches(expected, done.stdout), (
        f"{page_id(page)}:{lineno}: `{command}` no longer prints what this block shows: "
        f"{first_difference(expected, done.stdout)}.  To refresh the block, run `{command}` from the "
        f"repository root, paste its output under the `$ {command}` line, and shorten it again with `...` "
        "(alone on a line: any lines; inside a line: any text)."
    )


def titled_text_cases() -> list[Any]:
    cases = []
    for page in CODE_PAGES:
        for lineno, body, info in blocks(page, "text", with_info=True):
            m = re.search(r'title="([^"]+)"', info)
            if m and (ROOT / m.group(1)).is_file():
                cases.append(pytest.param(page, lineno, m.group(1), body, id=f"{page_id(page)}:{lineno}"))
    return cases


@pytest.mark.parametrize(("page", "lineno", "name", "expected"), titled_text_cases())
def test_titled_text_blocks_are_the_file(page: Path, lineno: int, name: str, expected: str) -> None:
    actual = (ROOT / name).read_text(encoding="utf-8")
    assert matches(expected, actual), (
        f"{page_id(page)}:{lineno}: this block no longer shows {name}: {first_difference(expected, actual)}. "
        f"Copy the lines from {name} again (shorten with `...`)."
    )


def bash_cases() -> list[Any]:
    cases = []
    for page in CODE_PAGES:
        for lineno, body in blocks(page, "bash"):
            for n, line in enumerate(body.splitlines(), lineno + 1):
                command = line.split("  #", 1)[0].strip()
                if command.startswith("arnewsparse ") and "../shared" not in command:
                    cases.append(pytest.param(command, id=f"{page_id(page)}:{n}"))
    return cases


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory as a reader has it: ``examples/`` and a small corpus with the fields the docs name."""
    import gzip
    import json

    where = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "examples" / "articles", where / "examples" / "articles")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    rows = [{"id": f"doc-{i}", "raw": t, "date": "2016-02-27"} for i, t in enumerate(texts)]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    (where / "corpus.jsonl.gz").write_bytes(gzip.compress(data))
    return where


@pytest.mark.parametrize("command", bash_cases())
def test_bash_commands_run(command: str, scratch: Path) -> None:
    if "parquet" in command:
        pytest.importorskip("pyarrow")
    done = run_command(command, scratch)
    assert done.returncode == 0, f"`{command}` failed: {done.stderr[-2000:]}"


def test_there_are_pages() -> None:
    assert (DOCS / "index.md").is_file()
    assert len(PAGES) >= 15


@pytest.mark.parametrize("page", [p for p in CODE_PAGES if blocks(p, "pycon")], ids=page_id)
def test_pycon_blocks_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples read examples/articles/...
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {"arnewsparse": arnewsparse}
    for lineno, code in blocks(page, "pycon"):
        test = parser.get_doctest(code, globs, f"{page_id(page)}:{lineno}", str(page), lineno)
        runner.run(test, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them to the next block
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {page_id(page)}"


@pytest.mark.parametrize("page", [p for p in CODE_PAGES if blocks(p, "python")], ids=page_id)
def test_python_blocks_compile(page: Path) -> None:
    for lineno, code in blocks(page, "python"):
        compile(code, f"{page_id(page)}:{lineno}", "exec")


def api_targets() -> list[str]:
    targets = []
    for page in sorted((DOCS / "api").glob("*.md")):
        targets += re.findall(r"^::: ([\w.]+)", page.read_text(encoding="utf-8"), re.M)
    return targets


def test_every_public_name_is_in_the_api_reference() -> None:
    """``::: arnewsparse.NAME``, or ``::: MODULE`` for the module that defines and exports it."""
    documented = set(api_targets())
    missing = []
    for name in arnewsparse.__all__:
        if name == "__version__" or f"arnewsparse.{name}" in documented:
            continue
        module = getattr(getattr(arnewsparse, name), "__module__", "")
        if module in documented and name in getattr(importlib.import_module(module), "__all__", ()):
            continue
        missing.append(name)
    assert not missing, f"add these to a page of docs/api/: {missing}"
    assert "__version__" in (DOCS / "api" / "parse.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("target", api_targets())
def test_api_targets_import(target: str) -> None:
    module, _, name = target.rpartition(".")
    try:
        importlib.import_module(target)  # a module
    except ImportError:
        assert hasattr(importlib.import_module(module), name), f"{target} does not exist"


def test_nav_lists_every_page() -> None:
    config = MKDOCS_YML.read_text(encoding="utf-8")
    nav = set(re.findall(r"^\s*- (?:[^:\n]+: )?([\w/.-]+\.md)\s*$", config, re.M))
    pages = {str(p.relative_to(DOCS)) for p in PAGES}
    assert nav - pages == set(), "nav entries without a page"
    assert pages - nav == set(), "pages missing from the nav"


def test_snippet_includes_exist() -> None:
    for page in PAGES:
        for included in re.findall(r'^--8<-- "([^"]+)"', page.read_text(encoding="utf-8"), re.M):
            assert (ROOT / included).is_file(), f"{page_id(page)} includes missing {included}"


def test_images_exist() -> None:
    for page in PAGES:
        for src in re.findall(r"!\[[^\]]*\]\(([^)\s]+)", page.read_text(encoding="utf-8")):
            assert (page.parent / src).resolve().is_file(), f"{page_id(page)}: missing image {src}"


def test_home_page_example() -> None:
    """The claims of the ``python`` block on the home page (a block with comments, not a doctest)."""
    raw = (ROOT / "examples" / "articles" / "004_31896b099c16ff1e.txt").read_text(encoding="utf-8")
    article = arnewsparse.parse(raw)
    assert article.headline is not None and article.dateline is not None
    assert article.headline.text.startswith("بوتين وروحاني يبحثان وقف الأعمال القتالية في سورية ويؤكدان")
    assert (article.dateline.location, article.dateline.agency, article.dateline.agency_text) == (
        "موسكو",
        "SANA",
        "سانا",
    )
    assert article.paragraphs[0].text.startswith("بحث الرئيس الروسي فلاديمير بوتين خلال اتصال هاتفي")
    assert article.boilerplate[-1].text == "http://vk.com/syrianarabnewsagency"
    report = next(r for r in article.reports if r.token == "وذكر")
    assert (report.lemma, report.form) == ("ذكر", arnewsparse.ReportForm.PERFECT)
    assert report.speaker is not None and report.speaker.text == "المكتب الصحفي في الكرملين"
    assert report.quote is not None and report.quote.text.startswith("ركزا بشكل أساسى على الأزمة في سورية")


def _have_mkdocs() -> bool:
    try:
        for module in ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python"):
            importlib.import_module(module)
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _have_mkdocs(), reason='the docs tools are not installed (pip install -e ".[docs]")')
def test_site_builds_strict(tmp_path: Path) -> None:
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    proc = subprocess.run(
        [mkdocs, "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert (tmp_path / "site" / "api" / "parse" / "index.html").is_file()


def test_csv_columns_are_documented() -> None:  # issue 16, item 15
    from arnewsparse.corpus import REPORT_COLUMNS

    page = (DOCS / "cookbook" / "corpus.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (`[^|]+`) \|", page, re.M)
    documented = [c.strip("`") for row in rows for c in row.split("`, `")]
    assert documented == list(REPORT_COLUMNS)

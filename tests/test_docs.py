"""The documentation site stays true to the code.

* Every ``pycon`` block of every page runs as a doctest (the blocks of one page
  share a namespace, as a reader would type them, from the repository root).
* Every ``python`` block compiles.
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
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import arnewsparse

from conftest import ROOT

DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"
PAGES = sorted(DOCS.rglob("*.md"))
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S
)


def blocks(page: Path, lang: str) -> list[tuple[int, str]]:
    """``(line number, code)`` of every fenced block of ``lang`` in ``page``."""
    text = page.read_text(encoding="utf-8")
    found = []
    for m in FENCE.finditer(text):
        if m.group("lang") == lang:
            indent = len(m.group("indent"))
            body = "\n".join(line[indent:] for line in m.group("body").splitlines())
            found.append((text.count("\n", 0, m.start()) + 1, body))
    return found


def page_id(page: Path) -> str:
    return str(page.relative_to(DOCS))


def test_there_are_pages() -> None:
    assert (DOCS / "index.md").is_file()
    assert len(PAGES) >= 15


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p, "pycon")], ids=page_id)
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


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p, "python")], ids=page_id)
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

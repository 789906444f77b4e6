"""The HTML view: structure, nesting, escaping, and the page as headless Chromium builds it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

import arnewsparse
from arnewsparse.html import render_html
from arnewsparse.model import Article, Report, ReportForm, Span

from conftest import ARTICLES

SEED = ARTICLES / "004_31896b099c16ff1e.txt"


class _Collect(HTMLParser):
    """Start tags with their attributes, and a check that every element is closed in order."""

    VOID = frozenset({"meta", "br", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.parts: list[list[str]] = []  # the article text of each part, labels left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs)))
        if "data-part" in dict(attrs):
            self.parts.append([])

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        classes = {c for _, a in self.stack for c in (a.get("class") or "").split()}
        in_part = any("data-part" in a for _, a in self.stack)
        if in_part and not classes & {"tag", "part-label", "fields"}:
            self.parts[-1].append(data)


def collect(page: str) -> _Collect:
    c = _Collect()
    c.feed(page)
    c.close()
    assert c.stack == []
    return c


def with_class(c: _Collect, cls: str) -> list[dict[str, str | None]]:
    return [a for _, a in c.tags if cls in (a.get("class") or "").split()]


def test_page_structure() -> None:
    article = arnewsparse.parse(SEED.read_text(encoding="utf-8"))
    page = render_html(article, title="seed")
    c = collect(page)
    assert c.tags[0] == ("html", {"lang": "ar", "dir": "rtl"})
    parts = [a["data-part"] for _, a in c.tags if "data-part" in a]
    assert parts == [kind for kind, _ in article.parts()]
    n = len(article.reports)
    verbs = [a for a in with_class(c, "verb") if a.get("data-report") and "data-cont" not in a]
    assert sorted(int(a["data-report"] or 0) for a in verbs) == list(range(1, n + 1))
    contents = {int(x) for a in with_class(c, "content") for x in (a.get("data-report") or "").split()}
    assert contents == {i for i, r in enumerate(article.reports, 1) if r.content is not None}
    speakers = {
        int(x) for a in with_class(c, "speaker") if a.get("data-report") for x in a["data-report"].split()
    }
    assert speakers == {i for i, r in enumerate(article.reports, 1) if r.speaker or r.speaker_resolved}
    rows = [a for t, a in c.tags if t == "tr" and "data-report" in a]
    assert len(rows) == n
    assert with_class(c, "legend")
    # Self-contained: nothing is fetched from anywhere.
    assert not [a for _, a in c.tags if "src" in a or "href" in a]
    assert "url(" not in page and "@import" not in page


def test_text_is_kept_and_escaped() -> None:
    text = 'عنوان <b>&amp; "x"\n\nقال الوزير إن <script>alert(1)</script> مهم.'
    page = render_html(arnewsparse.parse(text))
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;&amp;amp;" in page


def test_crossing_annotations_nest() -> None:
    text = "قال أحمد إن الأمر مهم وأضاف أن الوضع صعب جدا"
    a = Report(verb=Span.of(text, 0, 3), lemma="قال", form=ReportForm.PERFECT, content=Span.of(text, 9, 30))
    b = Report(
        verb=Span.of(text, 22, 27), lemma="أضاف", form=ReportForm.PERFECT, content=Span.of(text, 13, 44)
    )
    article = Article(text=text, subheadlines=(Span.of(text, 0, len(text)),), reports=(a, b))
    c = collect(render_html(article))  # asserts proper nesting
    assert ["".join(p) for p in c.parts] == [text]
    pieces = [x for x in with_class(c, "content") if x.get("data-report") == "2"]  # 2 crosses the end of 1
    assert len(pieces) >= 2 and sum("data-cont" in x for x in pieces) == len(pieces) - 1


def test_every_character_shown_once() -> None:
    for path in sorted(ARTICLES.glob("*.txt")):
        article = arnewsparse.parse(path.read_text(encoding="utf-8"))
        c = collect(render_html(article))
        assert ["".join(p) for p in c.parts] == [span.text for _, span in article.parts()]


# --------------------------------------------------------------------------- headless Chromium


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def run_chromium(*args: str) -> subprocess.CompletedProcess[str]:
    exe = _chromium()
    assert exe is not None
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )


needs_chromium = pytest.mark.skipif(
    _chromium() is None,
    reason="headless Chromium not installed (Debian: apt-get install chromium; .ci/run installs it)",
)


@needs_chromium
def test_chromium_dom(tmp_path: Path) -> None:
    from arnewsparse.cli import main

    page = tmp_path / "seed.html"
    assert main(["show", str(SEED), "--html", str(page)]) == 0
    done = run_chromium("--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    # What the browser built, not what we wrote: it would have re-nested any broken markup.
    c = collect(dom.replace("<html", "<!DOCTYPE html><html", 1) if "<!DOCTYPE" not in dom else dom)
    html_attrs = next(a for t, a in c.tags if t == "html")
    assert html_attrs.get("dir") == "rtl" and html_attrs.get("lang") == "ar"
    article = arnewsparse.parse(SEED.read_text(encoding="utf-8"))
    verbs = [a for a in with_class(c, "verb") if a.get("data-report") and "data-cont" not in a]
    assert len(verbs) == len(article.reports)
    assert len([a for t, a in c.tags if t == "tr" and "data-report" in a]) == len(article.reports)
    assert [a["data-part"] for _, a in c.tags if "data-part" in a] == [k for k, _ in article.parts()]
    legend = [a.get("data-legend") for _, a in c.tags if a.get("data-legend")]
    assert legend == ["verb", "speaker", "content", "quote"]
    assert "بوتين وروحاني يبحثان" in "".join(c.text)


@needs_chromium
def test_chromium_screenshot(tmp_path: Path) -> None:
    from arnewsparse.cli import main

    page, shot = tmp_path / "seed.html", tmp_path / "seed.png"
    assert main(["show", str(SEED), "--html", str(page)]) == 0
    done = run_chromium(f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


# --------------------------------------------------------------------------- issue 16, item 19: badges


def test_one_badge_per_report() -> None:
    text = "قال الوزير إن الأمر مهم وأضاف أن الوضع صعب"
    speaker = Span.of(text, 4, 10)
    a = Report(verb=Span.of(text, 0, 3), lemma="قال", form=ReportForm.PERFECT, speaker=speaker)
    b = Report(verb=Span.of(text, 24, 29), lemma="أضاف", form=ReportForm.PERFECT, speaker_resolved=speaker)
    c = collect(
        render_html(
            Article(text=text, paragraphs=(), subheadlines=(Span.of(text, 0, len(text)),), reports=(a, b))
        )
    )
    badges = with_class(c, "tag")
    assert [x.get("data-tag") for x in badges] == ["1", "1", "2", "2"]  # verb 1, speaker 1 and 2, verb 2
    page = render_html(Article(text=text, subheadlines=(Span.of(text, 0, len(text)),), reports=(a, b)))
    assert "SPEAKER 1 2" not in page and ">SPEAKER 1</span><span" in page


def test_lemma_is_not_called_a_root() -> None:
    page = render_html(arnewsparse.parse(SEED.read_text(encoding="utf-8")))
    assert "الجذر" not in page  # a root, not a lemma
    assert "<th>lemma · المدخل المعجمي</th>" in page


# Laid out by the browser: every badge's box, and whether two on one line touch or overlap.
_MEASURE = """
<script>
const boxes = [...document.querySelectorAll(".tag")].map((el) => {
  const r = el.getBoundingClientRect();
  return {text: el.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
});
const clashes = [];
for (let i = 0; i < boxes.length; i++) {
  for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    const sameLine = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    const gap = Math.max(a.left, b.left) - Math.min(a.right, b.right);
    if (sameLine && gap < 2) clashes.push([a.text, b.text, gap]);
  }
}
document.body.setAttribute("data-badges", JSON.stringify({boxes: boxes.length, clashes: clashes,
  texts: boxes.map((b) => b.text)}));
</script>
"""


@needs_chromium
def test_chromium_badges_stand_apart(tmp_path: Path) -> None:
    import html
    import json
    import re

    from arnewsparse.cli import main

    page = tmp_path / "seed.html"
    assert main(["show", str(SEED), "--html", str(page)]) == 0
    page.write_text(
        page.read_text(encoding="utf-8").replace("</body>", _MEASURE + "</body>"), encoding="utf-8"
    )
    done = run_chromium("--window-size=1200,1600", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    m = re.search(r'data-badges="([^"]*)"', done.stdout)
    assert m, "the measuring script did not run"
    found = json.loads(html.unescape(m.group(1)))
    article = arnewsparse.parse(SEED.read_text(encoding="utf-8"))
    assert found["boxes"] >= len(article.reports) > 0
    assert all(re.fullmatch(r"(VERB|SPEAKER) \d+", t) for t in found["texts"]), found["texts"]
    assert found["clashes"] == [], found["clashes"][:5]

"""The HTML view of a parse: ``arnewsparse show FILE --html OUT.html``.

This module owns :func:`render_html`, which turns an :class:`~arnewsparse.model.Article`
into one self-contained right-to-left page (inline CSS and a few lines of
inline script, nothing fetched): every part of the article in reading order
with a label, each report's verb, speaker and content highlighted in colour in
the manner of spaCy's displaCy, a legend, and a who-said-what table.

Annotations may nest (a report inside another's content) and, rarely, cross;
HTML elements may only nest, so a crossing span is closed and reopened around
the boundary, and the reopened piece is marked ``data-cont``.  Every
highlighted element carries ``data-report`` (the 1-based numbers of its
reports) so hovering one part of a report lights up the rest.
"""

from __future__ import annotations

import html as _html
from collections.abc import Iterable
from typing import Literal

import attrs

from arnewsparse._version import __version__
from arnewsparse.model import Article, Report, Span

__all__ = ["render_html"]

Kind = Literal["content", "quote", "speaker", "verb"]

# Outer first when two annotations cover the same stretch.
_NESTING: dict[Kind, int] = {"content": 0, "quote": 1, "speaker": 2, "verb": 3}

_PARTS: dict[str, tuple[str, str]] = {
    # kind: (label, Arabic label)
    "source_tag": ("SOURCE", "المصدر"),
    "headline": ("HEADLINE", "العنوان"),
    "dateline": ("DATELINE", "سطر التاريخ"),
    "subheadline": ("SUBHEAD", "عنوان فرعي"),
    "paragraph": ("PARAGRAPH", "فقرة"),
    "boilerplate": ("BOILERPLATE", "حشو"),
}

_REPORT_LEGEND: dict[Kind, tuple[str, str]] = {
    "verb": ("VERB", "فعل القول"),
    "speaker": ("SPEAKER", "القائل"),
    "content": ("CONTENT", "المقول"),
    "quote": ("QUOTE", "اقتباس مباشر"),
}

_CSS = """
:root { --verb: #f59e0b; --speaker: #3b82f6; --content: rgba(16, 185, 129, .16);
        --content-line: #10b981; --quote: rgba(168, 85, 247, .18); --quote-line: #a855f7; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 980px; padding: 24px; background: #fafafa; color: #1f2937;
       font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Segoe UI", Tahoma,
                    "DejaVu Sans", sans-serif;
       font-size: 18px; line-height: 2.3; }
header.meta { font-family: system-ui, sans-serif; font-size: 13px; color: #6b7280; line-height: 1.5; }
h1 { font-size: 20px; margin: 4px 0 12px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; padding: 10px 14px; margin-bottom: 18px;
          background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; font-size: 13px;
          line-height: 1.6; }
.legend .group { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
.legend .title { font-weight: 600; color: #374151; }
.swatch { display: inline-block; padding: 0 8px; border-radius: 4px; }
.part { position: relative; background: #fff; border: 1px solid #e5e7eb; border-inline-start-width: 6px;
        border-radius: 6px; padding: 6px 14px; margin: 0 0 10px; }
.part-label { display: inline-block; font-family: system-ui, sans-serif; font-size: 11px;
              font-weight: 700; letter-spacing: .04em; color: #fff; border-radius: 3px; padding: 0 6px;
              margin-inline-end: 10px; line-height: 1.8; vertical-align: middle; }
.part-label bdi { font-weight: 400; opacity: .9; }
.part-headline { font-size: 22px; font-weight: 700; }
.part-source_tag, .part-boilerplate { color: #6b7280; font-size: 15px; }
.p-source_tag { --c: #64748b; } .p-headline { --c: #dc2626; } .p-dateline { --c: #0891b2; }
.p-subheadline { --c: #db2777; } .p-paragraph { --c: #65a30d; } .p-boilerplate { --c: #9ca3af; }
.part { border-inline-start-color: var(--c); } .part-label, .swatch.part-swatch { background: var(--c);
  color: #fff; }
.fields { font-family: system-ui, sans-serif; font-size: 12px; color: #0e7490; margin-inline-start: 8px; }
.fields span { background: #ecfeff; border: 1px solid #a5f3fc; border-radius: 3px; padding: 0 5px;
               margin-inline-start: 4px; }
mark.ann { color: inherit; border-radius: 4px; padding: 2px 4px; }
mark.verb { background: var(--verb); color: #111827; font-weight: 700; }
mark.speaker { background: var(--speaker); color: #fff; }
span.ann.content { background: var(--content); border-bottom: 2px solid var(--content-line);
                   padding-bottom: 2px; }
span.ann.quote { background: var(--quote); border-bottom: 2px dashed var(--quote-line); }
/* A badge is a box of its own with a gap before it, its Latin text kept left-to-right
   inside the right-to-left line, so two badges side by side never read as one. */
.tag { display: inline-block; font-family: system-ui, sans-serif; font-size: 10px; font-weight: 700;
       letter-spacing: .03em; line-height: 1.5; margin-inline-start: 4px; padding: 0 4px;
       border-radius: 3px; background: rgba(17, 24, 39, .14); vertical-align: middle; direction: ltr;
       unicode-bidi: isolate; white-space: nowrap; }
mark.speaker .tag { background: rgba(255, 255, 255, .28); }
.hl { outline: 3px solid #111827; outline-offset: 1px; }
table.reports { width: 100%; border-collapse: collapse; background: #fff; font-size: 15px;
                line-height: 1.6; }
table.reports th, table.reports td { border: 1px solid #e5e7eb; padding: 4px 8px; text-align: start;
                                      vertical-align: top; }
table.reports th { background: #f3f4f6; font-family: system-ui, sans-serif; font-size: 12px; }
table.reports td.n, table.reports td.form { font-family: system-ui, sans-serif; font-size: 12px;
                                            white-space: nowrap; }
table.reports tr.hl td { background: #fef3c7; }
td .verb { color: #b45309; font-weight: 700; } td .speaker { color: #1d4ed8; }
td .none { color: #9ca3af; }
"""

# Hovering any piece of a report (or its table row) outlines every piece of it.
_SCRIPT = """
for (const el of document.querySelectorAll("[data-report]")) {
  const light = (on) => {
    for (const r of el.dataset.report.split(" ")) {
      for (const x of document.querySelectorAll('[data-report~="' + r + '"]')) x.classList.toggle("hl", on);
    }
  };
  el.addEventListener("mouseenter", () => light(true));
  el.addEventListener("mouseleave", () => light(false));
}
"""


@attrs.frozen(slots=True)
class _Ann:
    start: int
    end: int
    kind: Kind
    reports: tuple[int, ...]
    title: str


def _esc(text: str) -> str:
    return _html.escape(text, quote=True)


def _report_title(n: int, r: Report) -> str:
    who = r.speaker_resolved.text if r.speaker_resolved else "?"
    return f"report {n}: {r.lemma} ({r.form.value}) — {who}"


def _annotations(reports: Iterable[Report]) -> list[_Ann]:
    """Every highlighted stretch; identical stretches of one kind are merged (their reports listed)."""
    merged: dict[tuple[int, int, Kind], list[int]] = {}
    titles: dict[tuple[int, int, Kind], str] = {}
    for n, r in enumerate(reports, 1):
        spans: list[tuple[Kind, Span | None]] = [
            ("verb", r.verb),
            # A dropped subject is shown on the mention it resolves to.
            ("speaker", r.speaker or r.speaker_resolved),
            ("content", r.content),
            ("quote", r.quote),
        ]
        for kind, span in spans:
            if span is None or span.end <= span.start:
                continue
            key = (span.start, span.end, kind)
            merged.setdefault(key, []).append(n)
            titles.setdefault(key, _report_title(n, r))
    return [
        _Ann(s, e, k, tuple(ns), titles[(s, e, k)] if len(ns) == 1 else f"reports {', '.join(map(str, ns))}")
        for (s, e, k), ns in merged.items()
    ]


def _open_tag(ann: _Ann, cont: bool) -> str:
    tag = "mark" if ann.kind in ("verb", "speaker") else "span"
    attrs_ = f'class="ann {ann.kind}" data-report="{" ".join(map(str, ann.reports))}"'
    if cont:
        attrs_ += ' data-cont="1"'
    return f'<{tag} {attrs_} title="{_esc(ann.title)}">'


def _close_tag(ann: _Ann, cont: bool) -> str:
    tag = "mark" if ann.kind in ("verb", "speaker") else "span"
    label = ""
    if ann.kind in ("verb", "speaker") and not cont:
        # One badge per report, each its own element: "SPEAKER 8" "SPEAKER 9", never "SPEAKER 8 9".
        name = _REPORT_LEGEND[ann.kind][0]
        label = "".join(f'<span class="tag" data-tag="{n}">{name} {n}</span>' for n in ann.reports)
    return f"{label}</{tag}>"


def _annotated(text: str, start: int, end: int, anns: list[_Ann]) -> str:
    """``text[start:end]`` as HTML with the annotations inside it properly nested."""
    inside = [
        attrs.evolve(a, start=max(a.start, start), end=min(a.end, end))
        for a in anns
        if a.start < end and a.end > start
    ]
    opens: dict[int, list[_Ann]] = {}
    for a in inside:
        opens.setdefault(a.start, []).append(a)
    for group in opens.values():
        group.sort(key=lambda a: (-a.end, _NESTING[a.kind]))  # longest outermost
    cuts = sorted({start, end, *(a.start for a in inside), *(a.end for a in inside)})
    out: list[str] = []
    stack: list[tuple[_Ann, bool]] = []  # (annotation, is a continuation piece)
    for i, pos in enumerate(cuts):
        ending = [k for k, (a, _) in enumerate(stack) if a.end <= pos]
        if ending:
            # Close from the top down to the lowest one ending here; reopen those that go on.
            low = ending[0]
            reopen = [a for a, _ in stack[low:] if a.end > pos]
            for a, cont in reversed(stack[low:]):
                out.append(_close_tag(a, cont))
            del stack[low:]
            for a in reopen:
                out.append(_open_tag(a, True))
                stack.append((a, True))
        for a in opens.get(pos, []):
            out.append(_open_tag(a, False))
            stack.append((a, False))
        if i + 1 < len(cuts):
            out.append(_esc(text[pos : cuts[i + 1]]))
    for a, cont in reversed(stack):
        out.append(_close_tag(a, cont))
    return "".join(out)


def _legend() -> str:
    parts = "".join(
        f'<span class="swatch part-swatch p-{kind}">{label} <bdi>{ar}</bdi></span>'
        for kind, (label, ar) in _PARTS.items()
    )
    samples = {
        "verb": '<mark class="ann verb">قال</mark>',
        "speaker": '<mark class="ann speaker">الوزير</mark>',
        "content": '<span class="ann content">إن الحل سياسي</span>',
        "quote": '<span class="ann quote">"الحل سياسي"</span>',
    }
    reports = "".join(
        f'<span data-legend="{kind}">{samples[kind]} {label} <bdi>{ar}</bdi></span>'
        for kind, (label, ar) in _REPORT_LEGEND.items()
    )
    return (
        '<section class="legend" aria-label="legend">'
        f'<div class="group"><span class="title">Parts · الأجزاء</span>{parts}</div>'
        f'<div class="group"><span class="title">Reports · الأقوال</span>{reports}</div>'
        "</section>"
    )


def _dateline_fields(article: Article, span: Span) -> str:
    for d in article.datelines:
        if d.span == span:
            fields = {
                "location": d.location,
                "agency": d.agency,
                "date": d.date.isoformat() if d.date else None,
                "reporter": d.reporter,
            }
            # dir="ltr" per chip: an English key and an Arabic value would otherwise reorder.
            shown = "".join(
                f'<span dir="ltr" data-field="{k}">{k}: <bdi>{_esc(v)}</bdi></span>'
                for k, v in fields.items()
                if v
            )
            return f'<span class="fields">{shown}</span>' if shown else ""
    return ""


def _table(article: Article) -> str:
    def cell(span: Span | None, cls: str = "") -> str:
        if span is None:
            return '<span class="none">—</span>'
        return f'<span class="{cls}">{_esc(span.text)}</span>' if cls else _esc(span.text)

    rows = []
    for n, r in enumerate(article.reports, 1):
        where = " · headline" if r.in_headline else ""
        rows.append(
            f'<tr data-report="{n}"><td class="n">{n}</td><td>{cell(r.verb, "verb")}</td>'
            f'<td>{_esc(r.lemma)}</td><td class="form">{_esc(r.form.value)}{where}</td>'
            f"<td>{cell(r.speaker, 'speaker')}</td><td>{cell(r.speaker_resolved, 'speaker')}</td>"
            f"<td>{cell(r.content)}</td></tr>"
        )
    head = (
        "<tr><th>#</th><th>verb · الفعل</th><th>lemma · المدخل المعجمي</th><th>form</th>"
        "<th>speaker · القائل</th><th>resolved · المرجع</th><th>content · المقول</th></tr>"
    )
    return (
        f"<section><h2>Who said what · من قال ماذا ({len(article.reports)})</h2>"
        f'<table class="reports"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></section>'
    )


def render_html(article: Article, *, title: str = "") -> str:
    """The parse of ``article`` as a self-contained right-to-left HTML page."""
    anns = _annotations(article.reports)
    blocks: list[str] = []
    for kind, span in article.parts():
        label, ar = _PARTS[kind]
        if kind in ("headline", "subheadline", "paragraph"):
            body = _annotated(article.text, span.start, span.end, anns)
        else:
            body = _esc(span.text)
        extra = _dateline_fields(article, span) if kind == "dateline" else ""
        blocks.append(
            f'<div class="part part-{kind} p-{kind}" data-part="{kind}" data-start="{span.start}" '
            f'data-end="{span.end}"><span class="part-label">{label} <bdi>{ar}</bdi></span>'
            f"{body}{extra}</div>"
        )
    heading = _esc(article.headline.text) if article.headline else _esc(title or "arnewsparse")
    counts = f"{sum(1 for _ in article.parts())} parts · {len(article.reports)} reports"
    meta = f"arnewsparse {__version__}" + (f" · {_esc(title)}" if title else "") + f" · {counts}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="arnewsparse">\n'
        f"<title>{_esc(title or 'arnewsparse')}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header class="meta" dir="ltr">{meta}</header>\n<h1>{heading}</h1>\n{_legend()}\n'
        f'<article class="parse">\n' + "\n".join(blocks) + "\n</article>\n"
        f"{_table(article)}\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )

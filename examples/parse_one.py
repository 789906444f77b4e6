"""Parse one article and print its parts and its reports.

Usage:
    python examples/parse_one.py [FILE] [--published YYYY-MM-DD]

FILE is a UTF-8 text file holding one article (default: the SANA sample
``examples/articles/004_31896b099c16ff1e.txt``).  ``--published`` gives the
publication date, so that relative dates (اليوم، أمس) resolve.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import arnewsparse

DEFAULT = Path(__file__).resolve().parent / "articles" / "004_31896b099c16ff1e.txt"


def describe(article: arnewsparse.Article) -> str:
    """The parts of ``article`` in reading order, then its reports, as plain text."""
    lines: list[str] = []
    datelines = {d.span.start: d for d in article.datelines}
    paragraphs = {p.span.start: p for p in article.paragraphs}
    for kind, span in article.parts():
        # a paragraph's clean text has its broken lines joined
        text = paragraphs[span.start].text if kind == "paragraph" else span.text
        lines.append(f"{kind:<12} {span.start:>5}-{span.end:<5} {text}")
        if kind == "dateline":
            d = datelines[span.start]
            fields = {
                "location": d.location,
                "agency": d.agency,
                "agency_text": d.agency_text,
                "date": d.date.isoformat() if d.date else None,
                "reporter": d.reporter,
            }
            lines.extend(f"{'':<12} {'':<11} {k}: {v}" for k, v in fields.items() if v is not None)

    lines.append("")
    lines.append(f"{len(article.reports)} reports")
    for n, r in enumerate(article.reports, 1):
        speaker = r.speaker.text if r.speaker else "(dropped)"
        resolved = r.speaker_resolved.text if r.speaker_resolved else "?"
        lines.append(f"{n:>3}. {r.token} [{r.lemma}, {r.form.value}] speaker: {speaker} -> {resolved}")
        if r.quote is not None:
            lines.append(f"     quote: {r.quote.text}")
        elif r.content is not None:
            lines.append(f"     content: {r.content.text}")

    lines.append("")
    lines.append("speakers")
    for s in article.speakers():
        also = f" (also: {', '.join(m for m in s.mentions if m != s.name)})" if len(s.mentions) > 1 else ""
        lines.append(f"  {s.name}: {len(s.reports)} reports{also}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT, help="a UTF-8 text file, one article")
    ap.add_argument("--published", type=dt.date.fromisoformat, help="publication date, YYYY-MM-DD")
    args = ap.parse_args(argv)

    raw = args.file.read_text(encoding="utf-8")
    article = arnewsparse.parse(raw, published=args.published)
    print(describe(article))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The ``arnewsparse`` command line.

``arnewsparse show FILE`` prints one article's parse: its parts, labelled, and
its reports as a who-said-what table.  (``arnewsparse parse`` for whole corpora
is added with the corpus tools.)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from arnewsparse._version import __version__
from arnewsparse.article import parse
from arnewsparse.model import Article

__all__ = ["format_article", "main"]

_LABELS = {
    "source_tag": "SOURCE",
    "headline": "HEADLINE",
    "dateline": "DATELINE",
    "subheadline": "SUBHEAD",
    "paragraph": "PARAGRAPH",
    "boilerplate": "BOILERPLATE",
}


def format_article(article: Article) -> str:
    """A plain-text rendering of a parse, for the terminal."""
    out: list[str] = []
    paragraphs = {p.span.start: p for p in article.paragraphs}
    datelines = {d.span.start: d for d in article.datelines}
    for kind, span in article.parts():
        label = _LABELS[kind]
        if kind == "paragraph":
            out.append(f"[{label}] {paragraphs[span.start].text}")
        elif kind == "dateline":
            d = datelines[span.start]
            fields = {
                "location": d.location,
                "agency": d.agency,
                "agency_text": d.agency_text,
                "date": d.date.isoformat() if d.date else None,
                "reporter": d.reporter,
            }
            shown = ", ".join(f"{k}={v}" for k, v in fields.items() if v)
            out.append(f"[{label}] {span.text}" + (f"   ({shown})" if shown else ""))
        else:
            out.append(f"[{label}] {span.text}")
    out.append("")
    out.append(f"REPORTS ({len(article.reports)})")
    if article.reports:
        out.append("  #  verb            lemma     form         speaker  <-  resolved")
    for n, r in enumerate(article.reports, 1):
        speaker = r.speaker.text if r.speaker else "-"
        resolved = r.speaker_resolved.text if r.speaker_resolved else "-"
        where = " (headline)" if r.in_headline else ""
        out.append(
            f"{n:3}  {r.verb.text:<14}  {r.lemma:<8}  {r.form.value:<11}  {speaker}  <-  {resolved}{where}"
        )
    return "\n".join(out)


def _cmd_show(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else path.read_bytes()
    except OSError as exc:
        print(f"arnewsparse: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        print(
            f"arnewsparse: {args.file} is not UTF-8 text ({exc.reason} at byte {exc.start})", file=sys.stderr
        )
        return 2
    article = parse(text)
    if args.json:
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_article(article))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arnewsparse",
        description="Parse raw Arabic news text into headline, datelines, paragraphs and reports.",
    )
    parser.add_argument("--version", action="version", version=f"arnewsparse {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    show = sub.add_parser("show", help="print the parse of one article")
    show.add_argument("file", help="a UTF-8 text file with one article, or - for stdin")
    show.add_argument("--json", action="store_true", help="print Article.to_dict() as JSON")
    show.set_defaults(func=_cmd_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``arnewsparse`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except BrokenPipeError:  # `arnewsparse show x | head` is fine
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

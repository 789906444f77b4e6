"""Render the HTML view of one article's parse: a self-contained right-to-left page.

Usage:
    python examples/render_html.py FILE [-o OUT.html] [--open]

Every part of the article is labelled, and each report's verb, speaker,
content and quotation are highlighted in colour, followed by a who-said-what
table.  The page needs nothing from the network.  ``--open`` shows it in the
default browser.  The same page comes from ``arnewsparse show FILE --html OUT.html``.
"""

from __future__ import annotations

import argparse
import webbrowser
from pathlib import Path

import arnewsparse
from arnewsparse.html import render_html


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("file", type=Path, help="a UTF-8 text file, one article")
    ap.add_argument("-o", "--output", type=Path, help="the page to write (default: FILE with .html)")
    ap.add_argument("--open", action="store_true", help="open the page in a browser")
    args = ap.parse_args(argv)

    article = arnewsparse.parse(args.file.read_text(encoding="utf-8"))
    out: Path = args.output or args.file.with_suffix(".html")
    out.write_text(render_html(article, title=args.file.name), encoding="utf-8")
    print(f"wrote {out}: {sum(1 for _ in article.parts())} parts, {len(article.reports)} reports")
    if args.open:
        webbrowser.open(out.resolve().as_uri())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

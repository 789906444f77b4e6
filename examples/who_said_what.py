"""A who-said-what table: one CSV row per report, for every article in a folder.

Usage:
    python examples/who_said_what.py FOLDER [-o OUT.csv] [--glob '*.txt']

Each row names the article, the source (the longest mention of the speaker
in that article, so ``بوتين`` and ``الرئيس الروسي فلاديمير بوتين`` are one
source), the mention the report refers to, the reporting word, its lemma and
form, and what was said.  Reports whose speaker cannot be told are kept with an
empty source.  Without ``-o`` the CSV goes to standard output.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import arnewsparse

COLUMNS = ("article", "source", "mention", "verb", "lemma", "form", "in_headline", "said", "verb_start")


def rows(name: str, article: arnewsparse.Article) -> Iterator[dict[str, object]]:
    """One row per report of ``article``."""
    source_of: dict[arnewsparse.Report, str] = {}
    for speaker in article.speakers():
        for report in speaker.reports:
            source_of[report] = speaker.name
    for r in article.reports:
        said = r.quote or r.content
        yield {
            "article": name,
            "source": source_of.get(r, ""),
            "mention": r.speaker_resolved.text if r.speaker_resolved else "",
            "verb": r.token,
            "lemma": r.lemma,
            "form": r.form.value,
            "in_headline": r.in_headline,
            "said": " ".join(said.text.split()) if said else "",  # one line per row
            "verb_start": r.verb.start,
        }


def write_table(folder: Path, pattern: str, out: TextIO) -> int:
    """Write the table for every file under ``folder`` matching ``pattern``; return the row count."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for path in sorted(folder.rglob(pattern)):
        article = arnewsparse.parse(path.read_text(encoding="utf-8"))
        for row in rows(path.name, article):
            writer.writerow(row)
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("folder", type=Path, help="a folder of UTF-8 text files, one article each")
    ap.add_argument("-o", "--output", type=Path, help="the CSV file to write (default: stdout)")
    ap.add_argument("--glob", default="*.txt", help="which files to read (default: *.txt)")
    args = ap.parse_args(argv)

    if not args.folder.is_dir():
        ap.error(f"not a folder: {args.folder}")
    if args.output is None:
        count = write_table(args.folder, args.glob, sys.stdout)
    else:
        # utf-8-sig: spreadsheet programs then read the Arabic correctly
        with args.output.open("w", encoding="utf-8-sig", newline="") as out:
            count = write_table(args.folder, args.glob, out)
    print(f"{count} reports", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

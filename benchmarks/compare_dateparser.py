"""Compare arnewsparse's Arabic date parser with dateparser, on the same expressions.

Runs every expression of ``tests/fixtures/dates.json`` that names a full date
through ``dateparser.search.search_dates(text, languages=["ar"])`` and through
:func:`arnewsparse.dates.parse_date`, and prints accuracy and speed side by side.

An answer is right when the first date found is the expected Gregorian day
(for a ``الموافق`` pair, the Gregorian side).  dateparser is only needed here:
``pip install dateparser`` (it is not a dependency of arnewsparse).

Usage:  python benchmarks/compare_dateparser.py [--show-errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
import warnings
from pathlib import Path
from typing import Any

from arnewsparse.dates import parse_date

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "dates.json"


def _dateparser(text: str) -> dt.date | None:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["ar"])
    return None if not found else found[0][1].date()


def _ours(text: str) -> dt.date | None:
    d = parse_date(text)
    return None if d is None else d.date


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show-errors", action="store_true", help="list every wrong answer")
    ap.add_argument("--repeat", type=int, default=5, help="timing repetitions (default 5)")
    args = ap.parse_args()
    rows: list[dict[str, Any]] = [r for r in json.loads(FIXTURE.read_text("utf-8"))["dates"] if r["date"]]
    warnings.simplefilter("ignore")  # dateparser warns about pytz/tz handling
    _dateparser("1 يناير 2015")  # load dateparser's language data before timing
    print(f"{len(rows)} expressions with a full date (tests/fixtures/dates.json)\n")
    print(f"{'parser':<34}{'correct':>9}{'accuracy':>10}{'µs / expression':>18}")
    results = {}
    for name, fn in (("dateparser.search_dates(ar)", _dateparser), ("arnewsparse.parse_date", _ours)):
        answers = [fn(r["text"]) for r in rows]
        correct = [a is not None and a.isoformat() == r["date"] for a, r in zip(answers, rows, strict=True)]
        start = time.perf_counter()
        for _ in range(args.repeat):
            for r in rows:
                fn(r["text"])
        per = (time.perf_counter() - start) / (args.repeat * len(rows)) * 1e6
        results[name] = (answers, correct)
        print(f"{name:<34}{sum(correct):>5}/{len(rows):<3}{sum(correct) / len(rows):>10.1%}{per:>18.1f}")
    if args.show_errors:
        for name, (answers, correct) in results.items():
            print(f"\nwrong answers of {name}:")
            for r, a, ok in zip(rows, answers, correct, strict=True):
                if not ok:
                    print(f"  {r['text']!r}: expected {r['date']}, got {a}")


if __name__ == "__main__":
    main()

"""Before/after diff of the parser's output on a sample of the bench corpus.

Every rule change is checked twice: gold scores per outlet, and this diff read
by eye.  First dump the output of the code before the change, then of the code
after it, then compare::

    python benchmarks/bench_diff.py dump /tmp/before.jsonl          # on main
    python benchmarks/bench_diff.py dump /tmp/after.jsonl           # with the change
    python benchmarks/bench_diff.py compare /tmp/before.jsonl /tmp/after.jsonl --show 40

A dump holds, per article, each part as ``kind start:end text`` and each report
as ``verb@start lemma form speaker -> resolved``; ``compare`` counts the
articles and items that changed, by kind, and prints the first ``--show``
changed items (``-`` before, ``+`` after) with their article id.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import arnewsparse

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bench.jsonl.gz"


def _records(path: Path, n: int) -> Iterator[tuple[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k >= n:
                return
            rec = json.loads(line)
            yield str(rec.get("id", k)), rec["raw"]


def _items(raw: str) -> list[str]:
    art = arnewsparse.parse(raw)
    out = []
    for kind, span in art.parts():
        out.append(f"{kind} {span.start}:{span.end} {' '.join(span.text.split())[:160]}")
    for d in art.datelines:
        out.append(f"stamp {d.span.start} place={d.location} agency={d.agency} reporter={d.reporter}")
    for r in art.reports:
        spk = r.speaker.text if r.speaker else "-"
        res = r.speaker_resolved.text if r.speaker_resolved else "-"
        out.append(f"report {r.verb.text}@{r.verb.start} {r.lemma} {r.form.value} {spk} -> {res}")
    return out


def dump(out: Path, n: int, bench: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for rid, raw in _records(bench, n):
            f.write(json.dumps({"id": rid, "items": _items(raw)}, ensure_ascii=False) + "\n")


def _load(path: Path) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec: dict[str, Any] = json.loads(line)
            rows[rec["id"]] = rec["items"]
    return rows


def compare(before: Path, after: Path, show: int, kinds: set[str] | None) -> None:
    a, b = _load(before), _load(after)
    changed_articles = 0
    removed: Counter[str] = Counter()
    added: Counter[str] = Counter()
    shown = 0
    for rid in a:
        old, new = set(a[rid]), set(b.get(rid, []))
        gone = sorted(x for x in old - new if kinds is None or x.split(" ", 1)[0] in kinds)
        come = sorted(x for x in new - old if kinds is None or x.split(" ", 1)[0] in kinds)
        if not gone and not come:
            continue
        changed_articles += 1
        removed.update(x.split(" ", 1)[0] for x in gone)
        added.update(x.split(" ", 1)[0] for x in come)
        if shown < show:
            print(f"## {rid}")
            for x in gone:
                print(f"  - {x}")
            for x in come:
                print(f"  + {x}")
            shown += 1
    print(f"\n{changed_articles} of {len(a)} articles changed")
    for kind in sorted(set(removed) | set(added)):
        print(f"  {kind:12} -{removed[kind]:<6} +{added[kind]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="write the parse of the first N bench articles")
    d.add_argument("out", type=Path)
    d.add_argument("--n", type=int, default=4000)
    d.add_argument("--bench", type=Path, default=BENCH)
    c = sub.add_parser("compare", help="count and show what changed between two dumps")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", type=int, default=30, help="articles to print (default 30)")
    c.add_argument("--kind", action="append", help="only these item kinds (report, boilerplate, ...)")
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        if not args.bench.is_file():
            print(f"{args.bench}: bench corpus not found", file=sys.stderr)
            return 2
        dump(args.out, args.n, args.bench)
    else:
        compare(args.before, args.after, args.show, set(args.kind) if args.kind else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Where the report analysis spends its time, hit by hit, sorted by what came of each hit.

Wraps :meth:`arnewsparse.reports.forms.Finder.hit` (and the two steps that tell
the outcomes apart, ``may_report`` and ``analyse``) with timers, parses the first
``--n`` bench articles (``../shared/corpus/bench.jsonl.gz``, or the shipped
``examples/articles`` where it is absent) and prints, for each outcome, the hits
per article, µs per hit and µs per article.  The outcomes: ``early`` (inside the
source of the report before), ``ruled out`` (the cheap tests before tokenising),
``no report`` and ``report`` (analysed), each ``+ read on`` where the short first
window did not suffice and the hit was analysed a second time.  The timers add
their own cost: compare rows, not the total with ``stages.py``.

Usage:
    python benchmarks/hits.py [--n 2000]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from typing import Any

from bench_parse import sample

import arnewsparse
from arnewsparse.reports.forms import Finder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles to parse (default 2000)")
    args = ap.parse_args()
    texts = sample(args.n)
    for text in texts[:200]:
        arnewsparse.parse(text)  # warm the lazy loads
    stats: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    state: dict[str, Any] = {}
    hit, may_report, analyse = Finder.hit, Finder.may_report, Finder.analyse

    def timed_may(self: Finder, *a: Any) -> bool:
        state["may"] = ok = may_report(self, *a)
        return ok

    def counted_analyse(self: Finder, *a: Any) -> None:
        state["analysed"] = state.get("analysed", 0) + 1
        analyse(self, *a)

    def timed_hit(self: Finder, *a: Any) -> None:
        state.clear()
        before = len(self.recorder.reports)
        t0 = time.perf_counter()
        hit(self, *a)
        took = time.perf_counter() - t0
        if "may" not in state:
            kind = "early"
        elif not state["may"]:
            kind = "ruled out"
        else:
            kind = "report" if len(self.recorder.reports) > before else "no report"
            if state.get("analysed", 0) > 1:
                kind += " + read on"
        stats[kind][0] += 1
        stats[kind][1] += took

    wrapped: dict[str, Any] = {"hit": timed_hit, "may_report": timed_may, "analyse": counted_analyse}
    originals: dict[str, Any] = {"hit": hit, "may_report": may_report, "analyse": analyse}
    for name, fn in wrapped.items():
        setattr(Finder, name, fn)
    try:
        for text in texts:
            arnewsparse.parse(text)
    finally:
        for name, fn in originals.items():
            setattr(Finder, name, fn)
    n = len(texts)
    print(f"{n} articles\n")
    print(f"{'outcome':20} {'hits/article':>12} {'µs/hit':>8} {'µs/article':>11}")
    for kind, (count, took) in sorted(stats.items(), key=lambda kv: -kv[1][1]):
        print(f"{kind:20} {count / n:12.2f} {took / count * 1e6:8.1f} {took / n * 1e6:11.1f}")


if __name__ == "__main__":
    main()

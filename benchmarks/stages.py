#!/usr/bin/env python3
"""Where the time of a parse goes: µs per article for each pipeline stage, beside the floor.

Runs the stages of :func:`arnewsparse.parse` one after another on the first
``--n`` bench articles (``../shared/corpus/bench.jsonl.gz``, or the shipped
``examples/articles`` where it is absent), timing each call, and prints one
table: the stage, µs per article (median of ``--rounds``), its share of the
whole parse, and the stage in floors (the floor of ``tools/bench.py``: one
word-regex pass with a dictionary look-up per word, timed in the same run).

The stages are normalize (:class:`~arnewsparse.Normalized`), lines
(:func:`~arnewsparse.split_lines`), layout (:func:`~arnewsparse.parse_layout`
given the normalized text, less the line split it does inside), reports
(:func:`~arnewsparse.find_reports` over the headline, subheadlines and
paragraphs), and the whole :func:`~arnewsparse.parse` timed on its own, for
comparison with the sum (the two differ by the record building of
``article.py`` and by noise: run on an idle machine).  Each pass starts with the
parse's caches emptied (a first pass over the articles).

Usage:
    python benchmarks/stages.py [--n 3000] [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from bench_parse import floor, forget_caches, sample

import arnewsparse
from arnewsparse.lines import split_lines
from arnewsparse.normalize import Normalized
from arnewsparse.reports import find_reports


def _regions(lay: Any) -> list[tuple[int, int, bool]]:
    regions = [(lay.headline.start, lay.headline.end, True)] if lay.headline is not None else []
    regions += [(s.start, s.end, False) for s in lay.subheadlines]
    regions += [(p.span.start, p.span.end, False) for p in lay.paragraphs]
    return sorted(regions)


def one_round(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each stage over *texts*."""
    spent = dict.fromkeys(("floor", "normalize", "lines", "layout", "reports", "parse"), 0.0)
    clock = time.perf_counter

    def timed(stage: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        t0 = clock()
        out = fn(*args, **kwargs)
        spent[stage] += clock() - t0
        return out

    # Each pass starts cold: the stamp lines the dateline grammar keeps are forgotten first,
    # so that a round measures a first pass over the articles (as a corpus run makes), not
    # lines already read on the same articles by the pass or the round before.
    forget_caches()
    for text in texts:
        timed("floor", floor, text)
        norm = timed("normalize", Normalized, text)
        timed("lines", split_lines, norm)
        lay = timed("layout", arnewsparse.parse_layout, text, norm)
        regions = _regions(lay)
        if regions:
            timed("reports", find_reports, text, regions=regions, normalized=norm)
    forget_caches()
    for text in texts:
        timed("parse", arnewsparse.parse, text)
    # parse_layout splits the lines itself: its own share is what is left
    spent["layout"] -= spent["lines"]
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=3000, help="articles (default 3000)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    texts = sample(args.n)
    arnewsparse.parse(texts[0])  # lazy loads
    rounds = [one_round(texts) for _ in range(args.rounds)]
    us = {k: statistics.median(r[k] for r in rounds) / len(texts) * 1e6 for k in rounds[0]}
    if args.json:
        print(json.dumps({"articles": len(texts), "us_per_article": {k: round(v, 1) for k, v in us.items()}}))
        return
    total = us["parse"]
    print(f"{len(texts)} articles, median of {args.rounds} rounds; floor = {us['floor']:.1f} µs/article\n")
    print(f"{'stage':12} {'µs/article':>11} {'share':>7} {'floors':>7}")
    for stage in ("normalize", "lines", "layout", "reports"):
        print(f"{stage:12} {us[stage]:11.1f} {us[stage] / total:7.1%} {us[stage] / us['floor']:7.2f}")
    stages = sum(us[s] for s in ("normalize", "lines", "layout", "reports"))
    print(f"{'sum':12} {stages:11.1f} {stages / total:7.1%} {stages / us['floor']:7.2f}")
    print(
        f"{'parse':12} {total:11.1f} {1:7.1%} {total / us['floor']:7.2f}   (the whole call, timed on its own)"
    )


if __name__ == "__main__":
    main()

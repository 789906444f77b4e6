#!/usr/bin/env python3
"""Parse speed of arnewsparse: articles/s, µs/article, and the floor/parse ratio of tools/bench.py.

Times ``arnewsparse.parse`` on the first ``--n`` articles of
``../shared/corpus/bench.jsonl.gz`` when that file is beside this checkout (or
``--corpus FILE``), else on the shipped ``examples/articles/*.txt``.  The floor
is the same as in ``tools/bench.py`` (one word-regex pass with a dictionary
look-up per word), timed side by side, so ``floor_over_parse`` can be compared
with that tool's figure across machines.  ``--jobs N`` also times
``parse_many(jobs=N)`` and prints its speed-up over one process.

Usage:
    python benchmarks/bench_parse.py [--n 5000] [--rounds 3] [--jobs 2] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "corpus" / "bench.jsonl.gz"
EXAMPLES = ROOT / "examples" / "articles"

# Identical to tools/bench.py, so the ratio means the same thing.
_WORD = re.compile(r"\w+")
_LEXICON = frozenset({"قال", "وقال", "أكد", "وأكد", "أضاف", "وأضاف", "أشار", "وأشار"})


def floor(text: str) -> int:
    return sum(1 for w in _WORD.findall(text) if w in _LEXICON)


def load(corpus: Path | None, n: int) -> tuple[str, list[str]]:
    path = corpus or (BENCH if BENCH.is_file() else None)
    if path is not None:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            return str(path), [json.loads(line)["raw"] for line in itertools.islice(f, n)]
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    # Few examples: repeat them so each round lasts long enough to time.
    return str(EXAMPLES), list(itertools.islice(itertools.cycle(texts), max(n, len(texts))))


def sample(n: int) -> list[str]:
    """The first ``n`` bench articles, or the shipped examples repeated to ``n``."""
    return load(None, n)[1][:n]


def forget_caches() -> None:
    """Empty the parse's caches, so that a timed pass is a first pass over its articles."""
    from arnewsparse import datelines

    for cache in (getattr(datelines, "_read_line", None),):  # (older versions have none)
        if cache is not None:
            cache.cache_clear()


def rate(fn: Callable[[str], object], texts: Sequence[str]) -> float:
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    return len(texts) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="articles to time (default 5000)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", type=Path, help="a JSONL(.gz) file with a 'raw' field")
    ap.add_argument("--jobs", type=int, default=0, help="also time parse_many(jobs=N)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    import arnewsparse

    source, texts = load(args.corpus, args.n)
    arnewsparse.parse(texts[0])  # warm caches and lazy loads
    parse_rates, floor_rates = [], []
    for _ in range(args.rounds):
        floor_rates.append(rate(floor, texts))
        parse_rates.append(rate(arnewsparse.parse, texts))
    p, f = statistics.median(parse_rates), statistics.median(floor_rates)
    out: dict[str, object] = {
        "source": source,
        "articles": len(texts),
        "avg_chars": sum(map(len, texts)) // len(texts),
        "parse_articles_per_s": round(p),
        "parse_us_per_article": round(1e6 / p),
        "floor_articles_per_s": round(f),
        "floor_over_parse": round(f / p, 2),
    }
    if args.jobs > 1:
        from arnewsparse.corpus import parse_many

        t0 = time.perf_counter()
        for _ in parse_many(texts, jobs=args.jobs):
            pass
        many = len(texts) / (time.perf_counter() - t0)
        out[f"parse_many_j{args.jobs}_articles_per_s"] = round(many)
        out[f"parse_many_j{args.jobs}_speedup"] = round(many / p, 2)
    print(
        json.dumps(out, ensure_ascii=False) if args.json else "\n".join(f"{k:26} {v}" for k, v in out.items())
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Machine instructions per article for each stage, beside the floor: a speed figure without noise.

On a shared or virtual machine the wall-clock figures of ``bench.py`` and
``stages.py`` swing by a quarter between runs, so a change of a few percent
cannot be seen in them.  This script counts the instructions the CPU executes
(valgrind's callgrind, the ``Ir`` count) while each stage runs over the first
``--n`` bench articles: the count repeats to within 0.1% from run to run.

It re-runs itself under ``valgrind --tool=callgrind --instr-atstart=no``;
the interpreter start, the imports and the loading of the articles are not
counted, only the loop of each stage (instrumentation switched on and off
around it with ``callgrind_control``).  The stages are the floor of
``tools/bench.py`` (one word-regex pass with a dictionary look-up per word),
:class:`~arnewsparse.Normalized`, :func:`~arnewsparse.split_lines`,
:func:`~arnewsparse.parse_layout` and :func:`~arnewsparse.parse`.

Instructions are not time: the floor runs in the regex engine's C loop, which
does more per cycle than the interpreter, so the wall-clock ratio of a stage
to the floor is about twice its instruction ratio.  Use this to tell whether a
change made the code do less; use ``bench.py`` (median of rounds, idle
machine) for the time.  Needs valgrind (``apt-get install valgrind``).

Usage:
    python benchmarks/instructions.py [--n 200] [--json]
    PYTHONPATH=/path/to/other/checkout/src python benchmarks/instructions.py   # another version
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_parse import forget_caches, sample

STAGES = ("floor", "normalize", "lines", "parse_layout", "parse")


def _count(texts: list[Any], fn: Callable[[Any], object], out: Path) -> int:
    """Instructions executed by ``fn`` over ``texts`` (this process runs under callgrind)."""
    forget_caches()  # a first pass over the articles, as stages.py measures
    pid = str(os.getpid())
    ctl = ["callgrind_control"]
    subprocess.run([*ctl, "--zero", pid], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*ctl, "--instr=on", pid], check=True, stdout=subprocess.DEVNULL)
    for t in texts:
        fn(t)
    subprocess.run([*ctl, "--instr=off", pid], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*ctl, "--dump", pid], check=True, stdout=subprocess.DEVNULL)
    # each dump is callgrind.out.<pid>.<k>, k counting up; its "totals:" line holds the Ir
    last = max(out.glob(f"callgrind.out.{pid}.*"), key=lambda p: int(p.suffix[1:]))
    for line in last.read_text().splitlines():
        if line.startswith("totals:"):
            return int(line.split()[1])
    raise RuntimeError(f"no totals in {last}")


def _inside(n: int, out: Path) -> dict[str, int]:
    """The measurement itself, in the process valgrind runs."""
    from bench_parse import floor

    import arnewsparse
    from arnewsparse.lines import split_lines
    from arnewsparse.normalize import Normalized

    texts = sample(n)
    norms = [Normalized(t) for t in texts]  # split_lines takes the normalized text
    runs: dict[str, tuple[Callable[[Any], object], list[Any]]] = {
        "floor": (floor, texts),
        "normalize": (Normalized, texts),
        "lines": (split_lines, norms),
        "parse_layout": (arnewsparse.parse_layout, texts),
        "parse": (arnewsparse.parse, texts),
    }
    for fn, args in runs.values():
        fn(args[0])  # lazy loads are not what is measured
    return {name: _count(args, fn, out) // len(texts) for name, (fn, args) in runs.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="articles (default 200; about 20 s per 200)")
    ap.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    ap.add_argument("--inside", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inside:
        print(json.dumps(_inside(args.n, Path(args.inside))))
        return 0
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        print("instructions.py needs valgrind (callgrind): apt-get install valgrind", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={tmp}/callgrind.out.%p",
            sys.executable,
            str(Path(__file__).resolve()),
            "--n",
            str(args.n),
            "--inside",
            tmp,
        ]
        env = {
            **os.environ,
            "PYTHONHASHSEED": "0",  # set and dict probing depend on the string hashes
            "PYTHONPATH": os.pathsep.join(
                filter(None, [os.environ.get("PYTHONPATH"), str(Path(__file__).parent)])
            ),
        }
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            print(done.stderr[-2000:], file=sys.stderr)
            return done.returncode
        counts: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    base = counts["floor"]
    if args.json:
        print(
            json.dumps(
                {
                    "articles": args.n,
                    "instructions_per_article": counts,
                    "over_floor": {k: round(v / base, 2) for k, v in counts.items()},
                }
            )
        )
        return 0
    print(f"{args.n} articles; instructions (callgrind Ir) per article\n")
    print(f"{'stage':14} {'instructions':>13} {'floors':>7}")
    for name in STAGES:
        print(f"{name:14} {counts[name]:13,} {counts[name] / base:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

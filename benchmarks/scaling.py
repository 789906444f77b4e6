"""Scaling benchmark: is :func:`arnewsparse.parse` linear in the size of its input?

For each input family it builds texts of 5 K, 50 K, 500 K and 5 M characters,
times ``parse`` on each and prints the cost per character; the number that
matters is the ratio of the per-character cost at the largest size to that at
the smallest.  A linear pipeline keeps it near 1 (fixed per-call overhead can
even push it below 1); a quadratic step shows as a ratio of about 1000.

    python benchmarks/scaling.py                 # every case, exit 1 if a ratio exceeds 2
    python benchmarks/scaling.py --case real --case waqal
    python benchmarks/scaling.py --sizes 5000,50000,500000 --timeout 120
    python benchmarks/scaling.py --list

Input families (``--list`` prints them):

* ``real``: bench articles (``../shared/corpus/bench.jsonl.gz`` beside the
  checkout, or ``--corpus``; the shipped ``examples/articles`` when it is
  absent) concatenated with blank lines until the size is reached;
* ``real_one_line``: the same text with every line end made a space, one line;
* ``verbs`` / ``verbs_lines``: nothing but reporting words from the lexicon,
  on one line, or a dozen to a line;
* adversarial repetitions: ``وقال وقال ...``, ``: : :``, runs of quotation
  marks, ``- - -``, and other shapes (see ``cases``);
* ``reg:*``: the ``unit`` of every regression fixture in
  ``tests/fixtures/regressions/`` (inputs that once ran slow).

Sizes count characters (``len(str)``), not UTF-8 bytes: Arabic takes two bytes
a letter, so 5 M characters are about 9 MB of UTF-8.

Each case runs in a forked child with a memory cap (``--memory-gb``) and a
deadline (``--timeout`` seconds for the whole case), so a quadratic step or a
catastrophic regex shows up as ``timeout``/``MemoryError`` in the table
instead of hanging or swapping the machine; a case whose per-character cost
already grew more than tenfold before the largest size is not run at the
largest size (it would take hours) and fails.  Smaller sizes are timed
several times and the fastest run kept; garbage collection stays on, as in
production.
"""

from __future__ import annotations

import argparse
import functools
import gc
import gzip
import itertools
import json
import multiprocessing as mp
import resource
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bench.jsonl.gz"
EXAMPLES = ROOT / "examples" / "articles"
REGRESSIONS = ROOT / "tests" / "fixtures" / "regressions"
SIZES = (5_000, 50_000, 500_000, 5_000_000)
MAX_RATIO = 2.0
# a case whose per-character cost already grew this much is not run at the largest size
GIVE_UP_GROWTH = 10.0
# time spent per size on repeated runs (the fastest is kept); at most this many runs
BUDGET_S = 1.0
MAX_RUNS = 20


# --- inputs ---------------------------------------------------------------------


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _real_articles(corpus: Path, limit: int = 4000) -> list[str]:
    if corpus.is_file():
        opener = gzip.open if corpus.suffix == ".gz" else open
        with opener(corpus, "rt", encoding="utf-8") as f:
            return [json.loads(line)["raw"] for line in itertools.islice(f, limit)]
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def _concat(articles: list[str], size: int, sep: str = "\n\n") -> str:
    out: list[str] = []
    n = 0
    for art in itertools.cycle(articles):
        out.append(art)
        n += len(art) + len(sep)
        if n >= size:
            break
    return sep.join(out)[:size]


def _verb_words() -> list[str]:
    from arnewsparse.lexicon import FORMS, LEMMAS

    # lemmas as written (with hamza) first, then every generated form (folded spelling)
    return [lemma.lemma for lemma in LEMMAS] + list(FORMS)


def _verbs(size: int, per_line: int | None) -> str:
    words = _verb_words()
    out: list[str] = []
    n = 0
    for k, w in enumerate(itertools.cycle(words)):
        sep = "\n" if per_line and (k + 1) % per_line == 0 else " "
        out.append(w + sep)
        n += len(w) + 1
        if n >= size:
            break
    return "".join(out)[:size]


Builder = Callable[[int], str]


def cases(corpus: Path) -> dict[str, tuple[str, Builder]]:
    """Every input family: name -> (description, build(size))."""
    articles: list[str] = []

    def real(size: int) -> str:
        if not articles:
            articles.extend(_real_articles(corpus))
        return _concat(articles, size)

    def real_one_line(size: int) -> str:
        return " ".join(real(size).split())[:size].ljust(size, ".")

    rep: dict[str, tuple[str, str]] = {
        # the adversarial patterns
        "waqal": ("وقال وقال وقال ...", "وقال "),
        "colons": (": : : :", ": "),
        "quotes": ('"""" (straight quotation marks)', '"'),
        "guillemets": ("«««« (unbalanced guillemets)", "«"),
        "quote_pairs": ("«» «» «» (balanced, empty)", "«» "),
        "curly_quotes": ("“”“” (curly, alternating)", "“”"),
        "dashes": ("- - - -", "- "),
        # shapes that have hurt some step before or might
        "say_colon_quote": ('قال: "نعم" repeated', 'قال: "نعم" '),
        "said_to_nobody": (
            "وقالت إن ... وقال الوزير إن ... (disagreeing mentions)",
            "وقال الوزير إن الأمر جيد، وقالت إن ",
        ),
        "verb_lines": ("قال\\n per line", "قال\n"),
        "caption_lines": ("one repeated word per line (captions/headings)", "كلمة\n"),
        "heading_blocks": ("short headings between blank lines", "عنوان فرعي قصير\n\n"),
        "colon_lines": ("short lines ending with a colon (prompts)", "تابعونا:\n"),
        "stamp_lines": ("dateline-like lines", "موسكو – سانا\n"),
        "dots": ("..... (one run)", "."),
        "arabic_commas": ("،،،، (one run)", "،"),
        "no_spaces": ("one endless Arabic word", "قالوا"),
        "tatweel": ("tatweel and tashkeel between letters (deleted by folding)", "قـــالَ "),
        "presentation_forms": ("presentation forms (expanded by folding)", "ﻻ ﷺ ﻗﺎﻝ "),
        "bidi": ("bidi controls and zero-width joiners", "\u200fقال\u200d \u202b«\u202c "),
        "entities": ("HTML entities", "&nbsp;&quot;قال&amp; "),
        "crlf": ("CRLF short lines", "قال إن\r\n"),
        "nul_controls": ("NUL and other control characters", "قال\x00\x01\x1b "),
        "digits": ("digit runs (date scanner)", "2019 ١٤٣٦ "),
        "months": ("month names and digits (date scanner)", "10 أغسطس 2015 "),
    }
    out: dict[str, tuple[str, Builder]] = {
        "real": ("bench articles concatenated", real),
        "real_one_line": ("bench articles on one line", real_one_line),
        "verbs": ("reporting words only, one line", lambda size: _verbs(size, None)),
        "verbs_lines": ("reporting words only, 12 a line", lambda size: _verbs(size, 12)),
    }
    for name, (desc, unit) in rep.items():
        out[name] = (desc, functools.partial(_repeat, unit))
    # every slow input ever found, kept as a regression fixture with a unit to repeat
    for path in sorted(REGRESSIONS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("unit") and f"reg:{path.stem}" not in out:
            out[f"reg:{path.stem}"] = (
                f"regression: {data['note'][:60]}",
                functools.partial(_repeat, data["unit"]),
            )
    return out


# --- timing ---------------------------------------------------------------------


def _time_parse(text: str, largest: bool) -> float:
    import arnewsparse

    best = float("inf")
    spent = 0.0
    runs = 0
    while runs < MAX_RUNS and (runs == 0 or spent < BUDGET_S) and not (largest and runs >= 2):
        gc.collect()
        t0 = time.perf_counter()
        arnewsparse.parse(text)
        dt = time.perf_counter() - t0
        best = min(best, dt)
        spent += dt
        runs += 1
        if largest and dt > 30:
            break  # one run of a slow large input is enough
    return best


def _child(build: Builder, sizes: tuple[int, ...], memory_gb: float, conn: Connection) -> None:
    if memory_gb > 0:
        cap = int(memory_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    import arnewsparse

    arnewsparse.parse("تحمية: قال الوزير إن")  # warm up: lazy tables, regex caches
    first: float | None = None
    for size in sizes:
        try:
            text = build(size)
            per_char = _time_parse(text, size == sizes[-1]) / len(text)
        except MemoryError:
            conn.send((size, "MemoryError"))
            return
        except Exception as exc:  # a crash is a finding, not a benchmark failure
            conn.send((size, f"{type(exc).__name__}: {exc}"[:80]))
            return
        conn.send((size, per_char))
        first = per_char if first is None else first
        if size != sizes[-1] and len(sizes) > 2 and size == sizes[-2] and per_char > GIVE_UP_GROWTH * first:
            conn.send((sizes[-1], f"skipped: x{per_char / first:.0f} at {size:,}"))
            return


def run_case(
    build: Builder, sizes: tuple[int, ...], timeout: float, memory_gb: float
) -> dict[int, float | str]:
    """Per-character seconds for each size, or a string saying why there is none."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(build, sizes, memory_gb, child), daemon=True)
    proc.start()
    child.close()
    results: dict[int, float | str] = {}
    deadline = time.monotonic() + timeout
    while len(results) < len(sizes):
        left = deadline - time.monotonic()
        if left <= 0 or not parent.poll(left):
            break
        try:
            size, value = parent.recv()
        except EOFError:
            break
        results[size] = value
    if proc.is_alive():
        proc.kill()
    proc.join()
    for size in sizes:
        if size not in results:
            if not any(isinstance(v, str) for v in results.values()):
                # nothing reported why the child stopped: it ran out of time (killed) or died
                results[size] = "timeout" if proc.exitcode in (None, -9) else f"died ({proc.exitcode})"
            break
    return results


def _fmt(value: float | str | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    return f"{value * 1e6:.3f}"


def _size_label(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}K"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--case", action="append", help="run only this case (repeatable)")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated sizes in characters")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds allowed per case (all sizes)")
    ap.add_argument("--memory-gb", type=float, default=6.0, help="address-space cap per case (0: none)")
    ap.add_argument("--max-ratio", type=float, default=MAX_RATIO, help="largest/smallest per-char limit")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="bench JSONL(.gz) for the real-text case")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    args = ap.parse_args(argv)

    table = cases(args.corpus)
    if args.list:
        for name, (desc, _) in table.items():
            print(f"{name:20} {desc}")
        return 0
    names = args.case or list(table)
    unknown = [n for n in names if n not in table]
    if unknown:
        ap.error(f"unknown case(s): {', '.join(unknown)}; see --list")
    sizes = tuple(int(s) for s in args.sizes.split(","))
    if len(sizes) < 2:
        ap.error("give at least two sizes")

    import arnewsparse

    print(f"arnewsparse {arnewsparse.__version__}, Python {sys.version.split()[0]}")
    print("microseconds per character; ratio = largest / smallest size")
    header = f"{'case':20}" + "".join(f"{_size_label(s):>12}" for s in sizes) + f"{'ratio':>9}"
    print(header)
    print("-" * len(header))
    failed: list[str] = []
    for name in names:
        results = run_case(table[name][1], sizes, args.timeout, args.memory_gb)
        small, large = results.get(sizes[0]), results.get(sizes[-1])
        if isinstance(small, float) and isinstance(large, float):
            ratio = large / small
            verdict = f"{ratio:9.2f}" + ("  FAIL" if ratio > args.max_ratio else "")
            if ratio > args.max_ratio:
                failed.append(name)
        else:
            verdict = f"{'-':>9}  FAIL"
            failed.append(name)
        print(f"{name[:20]:20}" + "".join(f"{_fmt(results.get(s)):>12}" for s in sizes) + verdict, flush=True)
    if failed:
        print(f"\nFAIL: {len(failed)} case(s) not linear: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("\nOK: every ratio within", args.max_ratio)
    return 0


if __name__ == "__main__":
    sys.exit(main())

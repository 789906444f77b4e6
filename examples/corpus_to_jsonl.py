"""Parse a corpus in parallel and write one JSON object a line (JSONL).

Usage:
    python examples/corpus_to_jsonl.py INPUT... -o OUT.jsonl [-j JOBS]

INPUT is a folder of ``.txt`` articles (read recursively), a ``.txt`` file, or
a JSONL file whose lines hold the article text in a ``raw`` field (and an
``id``).  Each output line is ``{"id": ..., **Article.to_dict()}``, in input
order; ``Article.from_dict`` reads a line back.  ``-j 0`` uses every CPU.

The parsing runs on worker processes through ``arnewsparse.parse_many``; the
command ``arnewsparse parse INPUT... -o OUT.jsonl -j JOBS`` does the same job
with more options.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from arnewsparse import parse_many


def read_inputs(inputs: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """``(id, text)`` for every article in ``inputs``, in order."""
    for path in inputs:
        if path.is_dir():
            for file in sorted(path.rglob("*.txt")):
                yield str(file), file.read_text(encoding="utf-8")
        elif path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if line.strip():
                        record = json.loads(line)
                        yield str(record.get("id", f"{path}:{n}")), record["raw"]
        else:
            yield str(path), path.read_text(encoding="utf-8")


def convert(inputs: list[Path], output: Path, jobs: int) -> int:
    """Parse every article of ``inputs`` on ``jobs`` processes into ``output``; return the count."""
    ids: deque[str] = deque()

    def texts() -> Iterator[str]:
        # parse_many reads lazily, a few batches ahead: the ids stay in step
        for ident, text in read_inputs(inputs):
            ids.append(ident)
            yield text

    count = 0
    tmp = output.with_name(output.name + ".part")
    with tmp.open("w", encoding="utf-8") as out:
        for article in parse_many(texts(), jobs=jobs):
            record = {"id": ids.popleft(), **article.to_dict()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    tmp.replace(output)  # no half-written file if the run fails
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("inputs", nargs="+", type=Path, help="folders, .txt files or .jsonl files")
    ap.add_argument("-o", "--output", type=Path, required=True, help="the JSONL file to write")
    ap.add_argument("-j", "--jobs", type=int, default=0, help="worker processes (0: one per CPU)")
    args = ap.parse_args(argv)

    missing = [str(p) for p in args.inputs if not p.exists()]
    if missing:
        ap.error(f"no such file or folder: {', '.join(missing)}")
    count = convert(args.inputs, args.output, args.jobs)
    print(f"wrote {count} articles to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

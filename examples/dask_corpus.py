#!/usr/bin/env python3
"""Parse a JSONL corpus with Dask: ``dask.bag`` over JSONL files -> ``arnewsparse.parse`` -> JSONL or Parquet.

Needs ``pip install 'arnewsparse[dask]'`` (and ``pyarrow`` for ``--parquet``).
Runs on Dask's local multiprocessing scheduler by default; point
``--scheduler`` at a ``distributed`` cluster address to scale out::

    python examples/dask_corpus.py 'corpus/*.jsonl.gz' out/ --workers 4
    python examples/dask_corpus.py 'corpus/*.jsonl' out/ --parquet --fields reports,datelines

Each input line is a JSON object with the article text in ``--field`` (default
``raw``) and its id in ``--id-field`` (default ``id``); each output record is
``{"id": ..., **Article.to_dict()}``, as ``arnewsparse parse`` writes it.
One output file per partition, ``part-00000.jsonl`` ... in input order.
"""

from __future__ import annotations

import argparse
import json
from functools import partial
from pathlib import Path
from typing import Any

import dask
import dask.bag as db

from arnewsparse.corpus import parse_record, write_parquet

# Everything mapped over the bag is a library function (or a partial of one), so worker
# processes find it by import, whether or not this script is importable there.
to_json = partial(json.dumps, ensure_ascii=False)


def _part_name(i: int) -> str:
    return f"{i:05d}"


def run(
    inputs: str | list[str],
    out_dir: str | Path,
    *,
    parquet: bool = False,
    field: str = "raw",
    id_field: str = "id",
    fields: list[str] | None = None,
    blocksize: int | str | None = "64MiB",
    scheduler: str = "processes",
    workers: int | None = None,
) -> list[Path]:
    """Parse every record of ``inputs`` (a glob or a list of JSONL / JSONL.gz files) into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # gzip cannot be split, so one partition per .gz file; plain JSONL is cut into blocks.
    gz = any(str(p).endswith(".gz") for p in ([inputs] if isinstance(inputs, str) else inputs))
    bag = db.read_text(inputs, blocksize=None if gz else blocksize, encoding="utf-8")
    rows = (
        bag.filter(str.strip).map(json.loads).map(parse_record, field=field, id_field=id_field, fields=fields)
    )
    config: dict[str, Any] = {"scheduler": scheduler}
    if workers:
        config["num_workers"] = workers
    with dask.config.set(config):
        if parquet:
            parts = rows.to_delayed()
            paths = [out / f"part-{i:05d}.parquet" for i in range(len(parts))]
            writes = [
                dask.delayed(write_parquet)(p, path, fields) for p, path in zip(parts, paths, strict=True)
            ]
            dask.compute(*writes)
            return paths
        # Zero-padded names sort in input order (part-00010 after part-00009), and every line,
        # the last of each part included, ends with a newline: `cat out/part-*` is one JSONL file.
        written = rows.map(to_json).to_textfiles(
            str(out / "part-*.jsonl"), name_function=_part_name, encoding="utf-8", last_endline=True
        )
        return [Path(p) for p in written]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL / JSONL.gz files or globs")
    ap.add_argument("out_dir")
    ap.add_argument("--parquet", action="store_true", help="write Parquet (needs pyarrow), not JSONL")
    ap.add_argument("--field", default="raw")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--fields", help="keep only these parts, e.g. reports,datelines")
    ap.add_argument("--scheduler", default="processes", help="processes, threads, sync, or a cluster address")
    ap.add_argument("--workers", type=int)
    args = ap.parse_args()
    scheduler = args.scheduler
    if ":" in scheduler:  # a distributed cluster
        from dask.distributed import Client  # noqa: PLC0415  (only for a cluster)

        Client(scheduler)
        scheduler = "distributed"
    paths = run(
        args.inputs if len(args.inputs) > 1 else args.inputs[0],
        args.out_dir,
        parquet=args.parquet,
        field=args.field,
        id_field=args.id_field,
        fields=args.fields.split(",") if args.fields else None,
        scheduler=scheduler,
        workers=args.workers,
    )
    print(f"wrote {len(paths)} files to {args.out_dir}")


if __name__ == "__main__":
    main()

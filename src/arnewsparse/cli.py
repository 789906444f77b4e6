"""The ``arnewsparse`` command line.

* ``arnewsparse show FILE`` prints one article's parse: its parts, labelled,
  and its reports as a who-said-what table; ``--json`` prints ``to_dict()``
  and ``--html OUT.html`` writes the coloured page of :mod:`arnewsparse.html`.
* ``arnewsparse parse PATH...`` parses a whole corpus (text files, directories,
  JSONL, JSONL.gz, stdin) on ``-j N`` processes into JSONL, a CSV of reports or
  Parquet, streaming, in input order.  Reading, parallelism and writing live in
  :mod:`arnewsparse.corpus`; this module owns the options, the progress bar,
  the error reporting and the exit codes: 0 when every record parsed, 1 when
  some failed (the run goes on past them), 2 for a usage error, 130 when
  interrupted (and then no output file is left behind).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, Literal

from arnewsparse._version import __version__
from arnewsparse.article import parse
from arnewsparse.decode import decode_bytes
from arnewsparse.model import Article

__all__ = ["build_parser", "format_article", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

_LABELS = {
    "source_tag": "SOURCE",
    "headline": "HEADLINE",
    "dateline": "DATELINE",
    "subheadline": "SUBHEAD",
    "paragraph": "PARAGRAPH",
    "boilerplate": "BOILERPLATE",
}


def format_article(article: Article) -> str:
    """A plain-text rendering of a parse, for the terminal."""
    out: list[str] = []
    paragraphs = {p.span.start: p for p in article.paragraphs}
    datelines = {d.span.start: d for d in article.datelines}
    for kind, span in article.parts():
        label = _LABELS[kind]
        if kind == "paragraph":
            out.append(f"[{label}] {paragraphs[span.start].text}")
        elif kind == "dateline":
            d = datelines[span.start]
            fields = {k: v for k, v in d.to_dict().items() if k != "span"}
            shown = ", ".join(f"{k}={v}" for k, v in fields.items() if v)
            out.append(f"[{label}] {span.text}" + (f"   ({shown})" if shown else ""))
        else:
            out.append(f"[{label}] {span.text}")
    out.append("")
    out.append(f"REPORTS ({len(article.reports)})")
    if article.reports:
        out.append("  #  verb            lemma     form         speaker  <-  resolved")
    for n, r in enumerate(article.reports, 1):
        speaker = r.speaker.text if r.speaker else "-"
        resolved = r.speaker_resolved.text if r.speaker_resolved else "-"
        where = " (headline)" if r.in_headline else ""
        out.append(
            f"{n:3}  {r.verb.text:<14}  {r.lemma:<8}  {r.form.value:<11}  {speaker}  <-  {resolved}{where}"
        )
    return "\n".join(out)


def _cmd_show(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else path.read_bytes()
    except OSError as exc:
        print(f"arnewsparse: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        text = decode_bytes(data).text  # UTF-8, a BOM, or Windows-1256 Arabic
    except UnicodeDecodeError as exc:
        print(f"arnewsparse: {args.file} is not decodable text ({exc.reason})", file=sys.stderr)
        return EXIT_USAGE
    article = parse(text)
    if args.html:
        from arnewsparse.corpus import atomic_output  # noqa: PLC0415  (keeps `show` start-up lean)
        from arnewsparse.html import render_html  # noqa: PLC0415

        title = "stdin" if args.file == "-" else path.name
        try:
            with atomic_output(args.html) as tmp:
                tmp.write_text(render_html(article, title=title), encoding="utf-8")
        except OSError as exc:
            print(f"arnewsparse: cannot write {args.html}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"arnewsparse: wrote {args.html} ({len(article.reports)} reports)", file=sys.stderr)
    elif args.json:
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_article(article))
    return EXIT_OK


# --------------------------------------------------------------------------- parse

_FORMATS = ("jsonl", "csv-reports", "parquet")


def _usage(message: str) -> int:
    print(f"arnewsparse parse: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _output_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    name = (args.output or "").lower()
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith(".csv"):
        return "csv-reports"
    return "jsonl"


def _make_progress(args: argparse.Namespace) -> Any:
    """A tqdm bar on stderr when asked (``--progress``) or when stderr is a terminal; else ``None``."""
    wanted = args.progress if args.progress is not None else sys.stderr.isatty()
    if not wanted:
        return None
    import importlib  # noqa: PLC0415

    try:
        # optional (the [cli] extra) and untyped: loaded by name, on first use
        tqdm = importlib.import_module("tqdm")
    except ImportError:
        return None  # a terminal but no tqdm (--progress checked it earlier): run without a bar
    # No monitor thread: worker processes are forked later, and forking a threaded process is unsafe.
    tqdm.tqdm.monitor_interval = 0
    return tqdm.tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1, mininterval=0.5)


class _Writer:
    """Where parses go: JSONL bytes or CSV text (a file or stdout), or a Parquet file.

    The output file is opened here, on the temporary path of :func:`atomic_output`.
    """

    def __init__(self, fmt: str, path: Path | None, fields: list[str] | None) -> None:
        self.binary: IO[bytes] | None = None
        self.text: IO[str] | None = None
        self.parquet: Any = None
        self.csv: Any = None
        self._owned: IO[Any] | None = None
        if fmt == "jsonl":
            # Workers send finished UTF-8 lines: write them as bytes, no re-encoding here.
            if path is None:
                sys.stdout.flush()
                self.binary = sys.stdout.buffer
            else:
                self.binary = self._owned = path.open("wb")
        elif fmt == "csv-reports":
            if path is None:
                self.text = sys.stdout
            else:
                # utf-8-sig: spreadsheets need the BOM to read Arabic; pandas drops it.
                self.text = self._owned = path.open("w", encoding="utf-8-sig", newline="")
        if fmt == "parquet":
            from arnewsparse.corpus import ParquetSink  # noqa: PLC0415

            assert path is not None
            self.parquet = ParquetSink(path, fields)
        elif fmt == "csv-reports":
            import csv  # noqa: PLC0415

            from arnewsparse.corpus import REPORT_COLUMNS  # noqa: PLC0415

            assert self.text is not None
            self.csv = csv.writer(self.text)
            self.csv.writerow(REPORT_COLUMNS)

    def write(self, payload: Any) -> None:
        if self.binary is not None:
            self.binary.write(payload)
        elif self.csv is not None:
            self.csv.writerows(payload)
        else:
            self.parquet.write(payload)

    def close(self) -> None:
        if self.parquet is not None:
            self.parquet.close()
        if self._owned is not None:
            self._owned.close()
        elif self.binary is not None:
            self.binary.flush()


def _cmd_parse(args: argparse.Namespace) -> int:
    from arnewsparse import corpus  # noqa: PLC0415  (keeps `show` start-up lean)

    fmt = _output_format(args)
    fields: list[str] | None = None
    if args.fields:
        fields = [f.strip() for f in args.fields.split(",") if f.strip()]
        unknown = [f for f in fields if f not in corpus.ARTICLE_FIELDS]
        if unknown:
            return _usage(
                f"unknown --fields {', '.join(unknown)}; choose from {', '.join(corpus.ARTICLE_FIELDS)}"
            )
        if fmt == "csv-reports":
            return _usage("--fields applies to jsonl and parquet output, not csv-reports")
    if fmt == "parquet":
        if not args.output:
            return _usage("--format parquet needs -o FILE.parquet (Parquet cannot stream to stdout)")
        try:
            corpus.arrow_schema()
        except ImportError as exc:
            return _usage(str(exc))
    missing = [p for p in args.inputs if p != "-" and not os.path.exists(p)]
    if missing:
        return _usage(f"no such file or directory: {', '.join(missing)}")
    if args.inputs.count("-") > 1:
        return _usage("stdin (-) can be read only once")
    if args.progress:
        import importlib.util  # noqa: PLC0415

        if importlib.util.find_spec("tqdm") is None:
            return _usage("--progress needs tqdm: pip install 'arnewsparse[cli]'")

    records = corpus.iter_records(
        args.inputs,
        field=args.field,
        id_field=args.id_field or None,
        glob=args.glob,
        input_format=args.input_format,
        decode=False,  # JSON is decoded in the workers, off the reading process
    )
    renders: dict[str, Literal["json", "csv", "dict"]] = {
        "jsonl": "json",
        "csv-reports": "csv",
        "parquet": "dict",
    }
    render = renders[fmt]
    outcomes = corpus.parse_records(
        records,
        render=render,
        fields=fields,
        jobs=args.jobs,
        batch_size=args.batch_size,
        field=args.field,
        id_field=args.id_field or None,
    )
    done = failed = 0
    started = time.perf_counter()
    bar: Any = None
    try:
        with contextlib.ExitStack() as stack:
            path: Path | None = None
            if args.output:
                path = stack.enter_context(corpus.atomic_output(args.output))
            errors: IO[str] | None = None
            if args.errors:
                err_path = stack.enter_context(corpus.atomic_output(args.errors))
                errors = stack.enter_context(err_path.open("w", encoding="utf-8", newline="\n"))
            writer = _Writer(fmt, path, fields)
            stack.callback(writer.close)  # closed before the rename of atomic_output, and on failure
            bar = _make_progress(args)
            say: Callable[[str], None] = bar.write if bar is not None else _eprint
            for outcome in outcomes:
                rec = outcome.record
                if outcome.error is None:
                    writer.write(outcome.payload)
                    done += 1
                else:
                    failed += 1
                    ident = "" if rec.id is None or rec.id == rec.where else f" (id {rec.id})"
                    say(f"arnewsparse: {rec.where}{ident}: {outcome.error}")
                    if errors is not None:
                        line = {"where": rec.where, "id": rec.id, "error": outcome.error}
                        errors.write(json.dumps(line, ensure_ascii=False) + "\n")
                if bar is not None:
                    bar.update()
    except KeyboardInterrupt:
        if bar is not None:
            bar.close()
        _eprint(f"arnewsparse: interrupted after {done + failed} records; no output written")
        return EXIT_INTERRUPTED
    if bar is not None:
        bar.close()
    elapsed = time.perf_counter() - started
    rate = (done + failed) / elapsed if elapsed > 0 else 0.0
    target = f" -> {args.output}" if args.output else ""
    _eprint(
        f"arnewsparse: {done} parsed, {failed} failed, in {elapsed:.1f} s ({rate:.0f} articles/s){target}"
    )
    return EXIT_FAILED if failed else EXIT_OK


def _eprint(message: str) -> None:
    print(message, file=sys.stderr)


def _jobs(value: str) -> int:
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return n


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arnewsparse",
        description="Parse raw Arabic news text into headline, datelines, paragraphs and reports.",
    )
    parser.add_argument("--version", action="version", version=f"arnewsparse {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    show = sub.add_parser("show", help="print the parse of one article")
    show.add_argument("file", help="a UTF-8 text file with one article, or - for stdin")
    show.add_argument("--json", action="store_true", help="print Article.to_dict() as JSON")
    show.add_argument(
        "--html",
        metavar="OUT.html",
        help="write a self-contained right-to-left page with the parse in colour",
    )
    show.set_defaults(func=_cmd_show)

    p = sub.add_parser(
        "parse",
        help="parse a corpus into JSONL, a CSV of reports or Parquet",
        description=(
            "Parse every article in PATH... in input order.  Inputs: .txt files (one article each), "
            "directories (recursive, --glob), JSONL or JSONL.gz files (--field, --id-field), - for stdin. "
            "Bad records are reported and counted and the run goes on.  "
            "Exit status: 0 all parsed, 1 some records failed, 2 usage error, 130 interrupted."
        ),
    )
    p.add_argument(
        "inputs", nargs="+", metavar="PATH", help="a .txt, .jsonl, .jsonl.gz file, a directory, or -"
    )
    p.add_argument("-o", "--output", metavar="OUT", help="output file (default stdout); written atomically")
    p.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (0: one per CPU)"
    )
    p.add_argument(
        "--format",
        choices=_FORMATS,
        help="jsonl (default): one Article.to_dict() a line; csv-reports: one row per report; "
        "parquet: needs pyarrow and -o.  Default from OUT's suffix (.csv, .parquet), else jsonl",
    )
    p.add_argument("--fields", metavar="F,F", help="keep only these parts, e.g. reports,datelines")
    p.add_argument("--field", default="raw", help="JSONL field with the article text (default: raw)")
    p.add_argument(
        "--id-field", default="id", help="JSONL field with the id (default: id; empty: use PATH:LINE)"
    )
    p.add_argument("--glob", default="*.txt", help="file pattern inside directories (default: *.txt)")
    p.add_argument(
        "--input-format",
        choices=("auto", "txt", "jsonl"),
        default="auto",
        help="how to read files: auto (by name; stdin sniffed), txt (one article a file), jsonl",
    )
    p.add_argument("--errors", metavar="FILE", help="also write bad records as JSONL: where, id, error")
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on stderr (default: when stderr is a terminal)",
    )
    p.add_argument("--batch-size", type=_positive, default=64, help=argparse.SUPPRESS)
    p.set_defaults(func=_cmd_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``arnewsparse`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except BrokenPipeError:  # `arnewsparse show x | head` is fine
        # Python would complain again when flushing the closed stdout at exit.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

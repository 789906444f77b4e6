"""The ``arnewsparse`` command line (also ``python -m arnewsparse``).

* ``arnewsparse show FILE`` prints one article's parse: its parts, labelled,
  and its reports as a who-said-what table; ``--json`` prints the record
  ``{"id": ..., **to_dict()}`` and ``--html OUT.html`` writes the coloured page
  of :mod:`arnewsparse.html`.  On a JSONL, CSV or Parquet file it shows one
  record (``--record N``, ``--id ID``; the first by default).
* ``arnewsparse parse PATH...`` parses a whole corpus (text files, directories,
  JSONL, JSONL.gz, CSV, Parquet, stdin) on ``-j N`` processes into JSONL, a CSV
  of reports or Parquet, streaming, in input order.

Reading, parallelism and writing live in :mod:`arnewsparse.corpus`; this
module owns the options, the progress bar, the messages and the exit codes.
It follows the coreutils conventions: ``-`` is standard input or output;
``-o`` replaces a regular file atomically, writes a device or FIFO in place and
writes through a symlink; new files honour the umask; a problem found before
the work starts (a bad option, a missing directory, a wrong ``--field``) is
one line and exit 2; a write error (disk full) is one line naming the target
and exit 1, leaving no partial file; a signal that ends the run (SIGINT,
SIGTERM, SIGHUP ...) removes the partial output and the worker processes,
says how many records were written and exits 128 + the signal number.

Every message about a place in the input reads ``PATH:LINE: what, why, fix``.
Exit status: 0 every record parsed, 1 some records failed or the output could
not be written, 2 usage error, 128+N stopped by signal N (130 for Ctrl-C).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, Literal

from arnewsparse._version import __version__
from arnewsparse.model import Article

if TYPE_CHECKING:
    from arnewsparse.furniture import Furniture

__all__ = ["build_parser", "format_article", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 128 + signal.SIGINT
STDIO = "-"  # as a path: standard input or output

# The signals that end a run by default and are worth a clean exit.  SIGPIPE is not here:
# Python ignores it, and a closed stdout shows up as a write error (EPIPE) instead.
_STOP_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM")
    if hasattr(signal, name)
)

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


# --------------------------------------------------------------------------- messages and errors


def _eprint(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


_LEARN_SAMPLE = 1000  # records read to learn a corpus's furniture (--learn-furniture)


class _Usage(Exception):
    """A problem found before any work: one line, exit 2."""


class _WriteError(Exception):
    """Writing ``target`` failed (disk full, I/O error, a closed pipe)."""

    def __init__(self, target: str, exc: OSError) -> None:
        super().__init__(target, exc)
        self.target = target
        self.exc = exc

    @property
    def broken_pipe(self) -> bool:
        return isinstance(self.exc, BrokenPipeError)

    def message(self) -> str:
        cause = self.exc.strerror or str(self.exc)
        return f"arnewsparse: cannot write {self.target}: {cause}"


class _Stopped(BaseException):
    """A signal ended the run (BaseException: nothing on the way may swallow it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


class _Guard:
    """Where a stop waits: writing a record and counting it happen together or not at all.

    So the count a stopped run reports is exactly what reached the output.
    """

    busy = False
    pending: int | None = None

    def __enter__(self) -> None:
        _Guard.busy = True

    def __exit__(self, *exc: object) -> None:
        _Guard.busy = False
        if _Guard.pending is not None:
            raise _Stopped(_Guard.pending)


_GUARD = _Guard()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    # One stop is enough: the clean-up that follows must not be cut short by a second signal.
    for s in _STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)
    if _Guard.busy:
        _Guard.pending = signum  # raised as soon as the record in hand is written and counted
        return
    raise _Stopped(signum)


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    """Turn every stopping signal into :class:`_Stopped` for the duration of the block."""
    _Guard.busy, _Guard.pending = False, None
    previous = {s: signal.getsignal(s) for s in _STOP_SIGNALS}
    for s in _STOP_SIGNALS:
        if previous[s] != signal.SIG_IGN:  # `nohup` asked for SIGHUP to be ignored: keep it so
            signal.signal(s, _on_signal)
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _target_name(path: str | None) -> str:
    return "standard output" if path in (None, STDIO) else str(path)


def _check_output(path: str | None, option: str) -> None:
    if path in (None, STDIO):
        return
    from arnewsparse.corpus import output_problem  # noqa: PLC0415

    problem = output_problem(path)
    if problem:
        raise _Usage(f"cannot write {path} ({option}): {problem}")


def _check_encoding(name: str | None) -> str | None:
    if name is None:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise _Usage(
            f"unknown --encoding {name!r}; name a Python codec such as utf-8, cp1256, utf-16 or iso-8859-6"
        ) from None


def _published(value: str | None) -> tuple[Any, str | None]:
    """``--published``: a date for every article, or the name of the field holding each one's date."""
    if value is None:
        return None, None
    from arnewsparse.corpus import parse_published  # noqa: PLC0415

    if value[:1].isdigit():
        try:
            return parse_published(value), None
        except ValueError as exc:
            raise _Usage(f"--published {value!r}: {exc}; give YYYY-MM-DD or a field name") from None
    return None, value


@contextlib.contextmanager
def _write_guard(target: str) -> Iterator[None]:
    """An :class:`OSError` in the block is a write error on ``target``."""
    try:
        yield
    except OSError as exc:
        raise _WriteError(target, exc) from exc


@contextlib.contextmanager
def _output(path: str, target: str) -> Iterator[Path]:
    """:func:`arnewsparse.corpus.atomic_output`, its final rename reported as a write error."""
    from arnewsparse.corpus import atomic_output  # noqa: PLC0415

    manager = atomic_output(path)
    tmp = manager.__enter__()
    try:
        yield tmp
    except BaseException:
        if not manager.__exit__(*sys.exc_info()):
            raise
        return
    with _write_guard(target):
        manager.__exit__(None, None, None)


def _silence_stdout() -> None:
    # After a write error on stdout, Python would fail again flushing it at exit: point it at
    # /dev/null (opened for writing, never replaced) so the exit is quiet.
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


# --------------------------------------------------------------------------- show


def _pick(args: argparse.Namespace) -> Any:
    """The record ``show`` shows: ``--record N`` or ``--id ID`` of the file, the first by default."""
    from arnewsparse.corpus import iter_records  # noqa: PLC0415

    _, published_field = _published(args.published)
    try:
        records = iter_records(
            [args.file],
            field=args.field,
            id_field=args.id_field or None,
            input_format=args.input_format,
            encoding=args.encoding,
            published_field=published_field,
            glob=args.glob,
        )
        count = 0
        for rec in records:
            count += 1
            if (args.id is not None and str(rec.id) == args.id) or (args.id is None and count == args.record):
                return rec, count
    except FileNotFoundError:
        raise _Usage(f"cannot read {args.file}: no such file or directory") from None
    except ImportError as exc:
        raise _Usage(f"cannot read {args.file}: {exc}") from None
    if args.id is not None:
        raise _Usage(
            f"{args.file}: no record with id {args.id!r} (ids come from the field {args.id_field!r}, "
            "else PATH:LINE); check --id or --id-field"
        )
    if count == 0 and args.file == STDIO:
        raise _Usage("standard input is empty; pipe an article into it, or name a file")
    if count == 0:
        raise _Usage(f"{args.file}: no article in it; check the file (or --glob, for a directory)")
    raise _Usage(f"{args.file}: no record {args.record}, it has {count}; choose --record 1 to {count}")


def _cmd_show(args: argparse.Namespace) -> int:
    from arnewsparse.article import parse  # noqa: PLC0415

    args.encoding = _check_encoding(args.encoding)
    published, _ = _published(args.published)
    if args.html:
        _check_output(args.html, "--html")
    rec, number = _pick(args)
    if rec.error is not None:
        _eprint(f"{rec.where}: {rec.error}")
        return EXIT_USAGE
    if rec.where != args.file or number > 1:
        _eprint(f"arnewsparse: showing {rec.where} (id {rec.id}); choose another with --record N or --id ID")
    article = parse(rec.text or "", published=rec.published or published)
    if args.html:
        from arnewsparse.html import render_html  # noqa: PLC0415

        title = "stdin" if args.file == STDIO else f"{Path(args.file).name} · {rec.id}"
        page = render_html(article, title=title)
        if args.html == STDIO:
            with _write_guard("standard output"):
                sys.stdout.write(page)
                sys.stdout.flush()
            return EXIT_OK
        with _output(args.html, args.html) as tmp, _write_guard(args.html):
            tmp.write_text(page, encoding="utf-8")
        _eprint(f"arnewsparse: wrote {args.html} ({len(article.reports)} reports)")
        return EXIT_OK
    if args.json:
        text = json.dumps({"id": rec.id, **article.to_dict()}, ensure_ascii=False, indent=2)
    else:
        text = format_article(article)
    with _write_guard("standard output"):
        print(text)
        sys.stdout.flush()
    return EXIT_OK


# --------------------------------------------------------------------------- parse

_FORMATS = ("jsonl", "csv-reports", "parquet")
# The same message this many times, then one line at the end for the rest.
_SAME_ERROR_SHOWN = 3


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
    if args.quiet:
        return None
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


def _write_all(stream: IO[bytes], payload: bytes) -> None:
    """Write ``payload`` to the descriptor under ``stream`` to the last byte.

    A signal that stops the run waits for the record in hand (see :class:`_Guard`), but
    ``write(2)`` on a full pipe returns early when a signal arrives and the buffered
    writer then kept the rest of a large record unwritten: the reader got a cut line
    while the record was counted.  Writing the descriptor in a loop finishes it.
    """
    stream.flush()
    try:
        fd = stream.fileno()
    except (OSError, ValueError):  # a stream with no descriptor (a test's capture): its own write
        stream.write(payload)
        return
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]


class _Writer:
    """Where parses go: JSONL bytes or CSV text (a file or stdout), or a Parquet file.

    ``path`` is the file to open (the temporary path of ``atomic_output``), or
    ``None`` for stdout.  JSONL and CSV are bytes underneath, UTF-8 whatever
    the locale, the same on stdout as in a file.
    """

    def __init__(self, fmt: str, path: Path | None, fields: list[str] | None, bom: bool) -> None:
        self.binary: IO[bytes] | None = None
        self.text: Any = None  # an io.TextIOWrapper over self.binary
        self.parquet: Any = None
        self.csv: Any = None
        self._owned: IO[bytes] | None = None
        if fmt == "parquet":
            from arnewsparse.corpus import ParquetSink  # noqa: PLC0415

            assert path is not None
            self.parquet = ParquetSink(path, fields)
            return
        if path is None:
            sys.stdout.flush()
            self.binary = sys.stdout.buffer
        else:
            self.binary = self._owned = path.open("wb")
        if fmt == "csv-reports":
            import csv  # noqa: PLC0415
            import io  # noqa: PLC0415

            from arnewsparse.corpus import REPORT_COLUMNS  # noqa: PLC0415

            # utf-8-sig by default: spreadsheets need the BOM to read Arabic; pandas drops it.
            encoding = "utf-8-sig" if bom else "utf-8"
            self.text = io.TextIOWrapper(self.binary, encoding=encoding, newline="", write_through=True)
            self.csv = csv.writer(self.text)
            self.csv.writerow(REPORT_COLUMNS)

    def write(self, payload: Any) -> None:
        if self.csv is not None:
            self.csv.writerows(payload)
        elif self._owned is None and self.binary is not None:
            _write_all(self.binary, payload)
        elif self.binary is not None:
            self.binary.write(payload)
        else:
            self.parquet.write(payload)
        if self._owned is None and self.binary is not None:
            # stdout streams: a reader down the pipe sees each record when it is parsed (one
            # write call per record costs nothing beside a parse)
            self.binary.flush()

    def close(self) -> None:
        if self.parquet is not None:
            self.parquet.close()
            return
        if self.text is not None:
            self.text.flush()
            self.text.detach()  # leaves stdout open
        assert self.binary is not None
        if self._owned is not None:
            self._owned.close()
        else:
            self.binary.flush()


class _Problems:
    """Bad records: each on a line of its own, and the same message over and over summed up."""

    def __init__(self, say: Callable[[str], None], log: IO[str] | None, log_name: str) -> None:
        self.say = say
        self.log = log
        self.log_name = log_name
        self.count = 0
        self.seen: dict[str, int] = {}

    def add(self, where: str, ident: Any, error: str) -> None:
        self.count += 1
        n = self.seen[error] = self.seen.get(error, 0) + 1
        if n <= _SAME_ERROR_SHOWN:
            named = "" if ident is None or ident == where else f" (id {ident})"
            self.say(f"{where}{named}: {error}")
        if self.log is not None:
            with _write_guard(self.log_name):
                self.log.write(json.dumps({"where": where, "id": ident, "error": error}, ensure_ascii=False))
                self.log.write("\n")

    def summary(self) -> list[str]:
        more = [(n - _SAME_ERROR_SHOWN, e) for e, n in self.seen.items() if n > _SAME_ERROR_SHOWN]
        return [f"arnewsparse: … and {_records(k, 'more ')}: {e}" for k, e in more]


def _suggest_field(present: dict[str, Any]) -> str:
    texts = [(len(v), str(k)) for k, v in present.items() if isinstance(v, str)]
    if not texts:
        return ""
    longest = max(texts)[1]
    return f" (the longest text is in {longest!r}: --field {longest})"


def _check_first(first: Any, args: argparse.Namespace, published_field: str | None) -> None:
    """A wrong ``--field`` shows on the first record already: stop there, before the work."""
    from arnewsparse.corpus import _Decoding  # noqa: PLC0415

    rec, obj = first, None
    if first.raw is not None:  # JSONL, decoded in the workers later: decode this one here
        how = _Decoding(args.field, args.id_field or None, args.encoding, published_field)
        rec = how.record(first.where, first.raw)
        with contextlib.suppress(ValueError):
            obj = json.loads(first.raw.decode(args.encoding or "utf-8"))
    if rec.error is not None and rec.error.startswith(f"field {args.field!r} missing"):
        hint = _suggest_field(obj) if isinstance(obj, dict) else ""
        raise _Usage(f"{rec.where}: {rec.error}{hint}")


def _validate(args: argparse.Namespace, fmt: str) -> list[str] | None:
    """Every check that needs no input read: a problem is a :class:`_Usage`."""
    from arnewsparse import corpus  # noqa: PLC0415

    fields: list[str] | None = None
    if args.fields:
        fields = [f.strip() for f in args.fields.split(",") if f.strip()]
        unknown = [f for f in fields if f not in corpus.ARTICLE_FIELDS]
        if unknown:
            raise _Usage(
                f"unknown --fields {', '.join(unknown)}; choose from {', '.join(corpus.ARTICLE_FIELDS)}"
            )
        if fmt == "csv-reports":
            raise _Usage("--fields applies to jsonl and parquet output, not csv-reports; leave it out")
    if fmt == "parquet":
        if args.output in (None, STDIO):
            raise _Usage("Parquet cannot stream to standard output; write to a file: -o FILE.parquet")
        try:
            corpus.arrow_schema()
        except ImportError as exc:
            raise _Usage(str(exc)) from None
    if args.bom is not None and fmt != "csv-reports":
        raise _Usage("--bom and --no-bom apply to csv-reports output only; leave them out")
    missing = [p for p in args.inputs if p != STDIO and not os.path.exists(p)]
    if missing:
        raise _Usage(f"cannot read {', '.join(missing)}: no such file or directory")
    if args.inputs.count(STDIO) > 1:
        raise _Usage("standard input (-) can be read only once; name it once")
    if args.progress and not args.quiet:
        import importlib.util  # noqa: PLC0415

        if importlib.util.find_spec("tqdm") is None:
            raise _Usage("--progress needs tqdm: pip install 'arnewsparse[cli]'")
    _check_output(args.output, "-o")
    _check_output(args.errors, "--errors")
    if args.errors == STDIO and args.output in (None, STDIO):
        raise _Usage("--errors - and the output would both go to standard output; give -o FILE")
    if (
        args.output not in (None, STDIO)
        and args.errors not in (None, STDIO)
        and os.path.realpath(args.output) == os.path.realpath(args.errors)
    ):
        raise _Usage(f"-o and --errors are the same file ({args.output}); name two files")
    return fields


def _cmd_parse(args: argparse.Namespace) -> int:
    from arnewsparse import corpus  # noqa: PLC0415  (keeps `show` start-up lean)

    fmt = _output_format(args)
    fields = _validate(args, fmt)
    args.encoding = _check_encoding(args.encoding)
    published, published_field = _published(args.published)
    records = corpus.iter_records(
        args.inputs,
        field=args.field,
        id_field=args.id_field or None,
        glob=args.glob,
        input_format=args.input_format,
        decode=False,  # JSON is decoded in the workers, off the reading process
        encoding=args.encoding,
        published_field=published_field,
    )
    renders: dict[str, Literal["json", "csv", "dict"]] = {
        "jsonl": "json",
        "csv-reports": "csv",
        "parquet": "dict",
    }
    out_name = _target_name(args.output)
    done = failed = 0
    started = time.perf_counter()
    bar: Any = None
    with _stop_on_signals():
        try:
            first = next(records, None)
            if first is not None:
                _check_first(first, args, published_field)
                records = _chain(first, records)
            furniture = _load_furniture(args)
            if args.learn_furniture:
                records, furniture = _learn_furniture(records, args, published_field)
            outcomes = corpus.parse_records(
                records,
                render=renders[fmt],
                fields=fields,
                jobs=args.jobs,
                batch_size=args.batch_size,
                field=args.field,
                id_field=args.id_field or None,
                encoding=args.encoding,
                published_field=published_field,
                published=published,
                furniture=furniture,
            )
            with contextlib.ExitStack() as stack:
                path: Path | None = None
                if args.output not in (None, STDIO):
                    path = stack.enter_context(_output(args.output, out_name))
                log: IO[str] | None = None
                log_name = _target_name(args.errors)
                if args.errors == STDIO:
                    log = sys.stdout
                elif args.errors:
                    err_path = stack.enter_context(_output(args.errors, log_name))
                    log = stack.enter_context(err_path.open("w", encoding="utf-8", newline="\n"))
                with _write_guard(out_name):
                    writer = _Writer(fmt, path, fields, args.bom is not False)
                bar = _make_progress(args)
                problems = _Problems(bar.write if bar is not None else _eprint, log, log_name)
                # closed first on the way out, whatever happened: no worker outlives the run
                stack.callback(outcomes.close)
                for outcome in outcomes:
                    if outcome.error is None:
                        with _GUARD, _write_guard(out_name):
                            writer.write(outcome.payload)
                            done += 1
                    else:
                        failed += 1
                        problems.add(outcome.record.where, outcome.record.id, outcome.error)
                    if bar is not None:
                        bar.update()
                with _write_guard(out_name):
                    writer.close()
        except (_Stopped, KeyboardInterrupt) as exc:  # KeyboardInterrupt: SIGINT before our handler
            stop = exc if isinstance(exc, _Stopped) else _Stopped(signal.SIGINT)
            _close(bar)
            _eprint(f"arnewsparse: stopped by {stop.name}: {_written(done, failed, args.output)}")
            return 128 + stop.signum
        except _WriteError as exc:
            _close(bar)
            if exc.target == "standard output":
                _silence_stdout()
            if exc.broken_pipe:
                return 128 + 13  # the reader went away (`| head`): quiet, as coreutils tools are
            _eprint(f"{exc.message()}; stopped after {_records(done)}, {_left(args.output)}")
            return EXIT_FAILED
    _close(bar)
    for line in problems.summary():
        _eprint(line)
    elapsed = time.perf_counter() - started
    if not args.quiet or failed:
        rate = done / elapsed if elapsed > 0 else 0.0
        target = f" -> {args.output}" if args.output not in (None, STDIO) else ""
        _eprint(
            f"arnewsparse: {done} parsed, {failed} failed, in {elapsed:.1f} s ({rate:.0f} articles/s){target}"
        )
    return EXIT_FAILED if failed else EXIT_OK


def _load_furniture(args: argparse.Namespace) -> Furniture | None:
    """``--furniture FILE``: lines learned before; checked with the other options before any work."""
    if args.save_furniture and not args.learn_furniture:
        raise _Usage("--save-furniture writes what --learn-furniture learns: give both")
    if args.furniture and args.learn_furniture:
        raise _Usage("--furniture and --learn-furniture: give one (lines saved before, or learned now)")
    if args.furniture is None:
        return None
    from arnewsparse.furniture import Furniture  # noqa: PLC0415

    try:
        return Furniture.load(args.furniture)
    except (OSError, ValueError) as exc:
        raise _Usage(f"--furniture {args.furniture}: {exc}") from None


def _learn_furniture(
    records: Iterator[Any], args: argparse.Namespace, published_field: str | None
) -> tuple[Iterator[Any], Furniture]:
    """Read the first ``--learn-furniture`` records, learn their furniture, and give them back in front."""
    import itertools  # noqa: PLC0415

    from arnewsparse.corpus import _Decoding  # noqa: PLC0415
    from arnewsparse.furniture import learn_furniture  # noqa: PLC0415

    sample = list(itertools.islice(records, args.learn_furniture))
    how = _Decoding(args.field, args.id_field or None, args.encoding, published_field)
    texts = []
    for rec in sample:
        if rec.raw is not None:  # JSONL: decoded here for the sample, in the workers for the parse
            rec = how.record(rec.where, rec.raw)  # noqa: PLW2901
        if rec.text is not None:
            texts.append(rec.text)
    furniture = learn_furniture(texts)
    if args.save_furniture:
        try:
            furniture.save(args.save_furniture)
        except OSError as exc:
            raise _Usage(f"--save-furniture {args.save_furniture}: {exc}") from None
    if not args.quiet:
        _eprint(
            f"arnewsparse: learned {len(furniture)} furniture line(s) from {furniture.articles} "
            f"distinct article(s) of the first {len(sample)} record(s)"
        )
    return itertools.chain(sample, records), furniture


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def _close(bar: Any) -> None:
    if bar is not None:
        bar.close()


def _left(output: str | None) -> str:
    """What a failed write leaves behind."""
    if output in (None, STDIO):
        return "the output is incomplete"
    real = Path(os.path.realpath(output))
    if real.exists() and not real.is_file():
        return f"{output} holds an incomplete output"
    state = "left as it was" if real.exists() else "not written"
    return f"{output} {state} (partial output removed)"


def _written(done: int, failed: int, output: str | None) -> str:
    """What a stopped run leaves behind, for its last message."""
    bad = f", {failed} failed" if failed else ""
    if output in (None, STDIO):
        return f"{_records(done)} written to standard output{bad}"
    if Path(output).exists() and not Path(os.path.realpath(output)).is_file():
        return f"{_records(done)} written to {output}{bad}"
    return f"{_records(done)} parsed{bad}; partial output removed, {output} not written"


def _records(n: int, what: str = "") -> str:
    return f"{n} {what}record" + ("" if n == 1 else "s")


# --------------------------------------------------------------------------- options


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


_SEED = "examples/articles/004_31896b099c16ff1e.txt"

_SHOW_EXAMPLES = f"""\
examples:
  arnewsparse show {_SEED}
  arnewsparse show corpus.jsonl.gz --record 3 --json
  arnewsparse show {_SEED} --html article.html
"""

_PARSE_EXAMPLES = """\
examples:
  arnewsparse parse corpus.jsonl.gz -o parsed.jsonl -j 2
  arnewsparse parse corpus.jsonl.gz -o reports.csv --published date
  arnewsparse parse examples/articles -q | head -1
"""

_MAIN_EXAMPLES = f"""\
examples:
  arnewsparse show {_SEED}
  arnewsparse parse corpus.jsonl.gz -o parsed.jsonl -j 2
  arnewsparse parse --help
"""


def _add_input_options(p: argparse.ArgumentParser) -> None:
    """How records are read: shared by ``show`` and ``parse``."""
    p.add_argument(
        "--field", default="raw", help="JSONL/CSV/Parquet field with the article text (default: raw)"
    )
    p.add_argument(
        "--id-field",
        default="id",
        help="field with the id (default: id; empty, or a record without one: PATH:LINE)",
    )
    p.add_argument(
        "--encoding",
        metavar="ENC",
        help="the inputs' encoding, e.g. cp1256 (default: text files detected - UTF-8, a BOM or "
        "Windows-1256; JSONL UTF-8)",
    )
    p.add_argument(
        "--published",
        metavar="DATE|FIELD",
        help="publication date, to resolve relative dates (اليوم الثلاثاء، أمس): YYYY-MM-DD for every "
        "article, or the name of the field holding each article's date",
    )
    p.add_argument("--glob", default="*.txt", help="file pattern inside directories (default: *.txt)")
    p.add_argument(
        "--input-format",
        choices=("auto", "txt", "jsonl", "csv", "parquet"),
        default="auto",
        help="how to read files: auto (by name; stdin sniffed), txt (one article a file), jsonl, csv, "
        "parquet",
    )


def _show_command(sub: Any) -> None:
    show = sub.add_parser(
        "show",
        help="print the parse of one article",
        description="Print the parse of one article: a text file, or one record of a JSONL, CSV or "
        "Parquet file (the first, or --record N, or --id ID).",
        epilog=_SHOW_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument(
        "file", metavar="FILE", help="a text file with one article, a JSONL/CSV/Parquet file, or -"
    )
    show.add_argument("--json", action="store_true", help='print {"id": ..., **Article.to_dict()} as JSON')
    show.add_argument(
        "--html",
        metavar="OUT.html",
        help="write a self-contained right-to-left page with the parse in colour (- for stdout)",
    )
    which = show.add_mutually_exclusive_group()
    which.add_argument(
        "--record", type=_positive, default=1, metavar="N", help="show the N-th record (default 1)"
    )
    which.add_argument("--id", metavar="ID", help="show the record with this id")
    _add_input_options(show)
    show.set_defaults(func=_cmd_show)


def _parse_command(sub: Any) -> None:
    """The ``parse`` subcommand; its options in groups, so a new one goes in the group it belongs to."""
    p = sub.add_parser(
        "parse",
        help="parse a corpus into JSONL, a CSV of reports or Parquet",
        description=(
            "Parse every article in PATH... in input order.  Inputs: .txt files (one article each), "
            "directories (recursive, --glob), JSONL or JSONL.gz, CSV and Parquet files "
            "(--field, --id-field), "
            "- for stdin.  Bad records are reported and counted and the run goes on.  "
            "Exit status: 0 all parsed, 1 some records failed or the output could not be written, "
            "2 usage error, 128+N stopped by signal N (130: Ctrl-C)."
        ),
        epilog=_PARSE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="PATH",
        help="a .txt, .jsonl(.gz), .csv, .parquet file, a directory, or -",
    )
    _add_input_options(p)
    out = p.add_argument_group("output")
    out.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file (default, or -: stdout); a file is replaced atomically, a device or FIFO written "
        "in place, a symlink written through",
    )
    out.add_argument(
        "--format",
        choices=_FORMATS,
        help="jsonl (default): one Article.to_dict() a line; csv-reports: one row per report; "
        "parquet: needs pyarrow and -o.  Default from OUT's suffix (.csv, .parquet), else jsonl",
    )
    out.add_argument("--fields", metavar="F,F", help="keep only these parts, e.g. reports,datelines")
    out.add_argument(
        "--bom",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="csv-reports: start with a UTF-8 byte-order mark, which spreadsheets need to read Arabic "
        "(default: yes, on stdout as in a file)",
    )
    out.add_argument("--errors", metavar="FILE", help="also write bad records as JSONL: where, id, error")
    run = p.add_argument_group("running")
    run.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (0: one per CPU)"
    )
    run.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on stderr (default: when stderr is a terminal)",
    )
    run.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary: bad records and errors only",
    )
    run.add_argument("--batch-size", type=_positive, default=64, help=argparse.SUPPRESS)
    furn = p.add_argument_group("page furniture (lines a site prints on every page)")
    furn.add_argument(
        "--learn-furniture",
        nargs="?",
        const=_LEARN_SAMPLE,
        type=_positive,
        metavar="N",
        help=f"learn them from the first N records (default {_LEARN_SAMPLE}), then parse every record "
        "with them as boilerplate",
    )
    furn.add_argument("--furniture", metavar="FILE", help="use lines saved by --save-furniture")
    furn.add_argument("--save-furniture", metavar="FILE", help="write the learned lines as JSON")
    p.set_defaults(func=_cmd_parse)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arnewsparse",
        description="Parse raw Arabic news text into headline, datelines, paragraphs and reports.",
        epilog=_MAIN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"arnewsparse {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _show_command(sub)
    _parse_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``arnewsparse`` console script and of ``python -m arnewsparse``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with _stop_on_signals():  # `parse` reports a stop itself; `show` just cleans up and exits
            code: int = args.func(args)
    except (_Stopped, KeyboardInterrupt) as exc:
        stop = exc if isinstance(exc, _Stopped) else _Stopped(signal.SIGINT)
        _eprint(f"arnewsparse: stopped by {stop.name}; nothing written")
        return 128 + stop.signum
    except _Usage as exc:
        _eprint(f"arnewsparse {args.command}: error: {exc}")
        return EXIT_USAGE
    except _WriteError as exc:
        if exc.target == "standard output":
            _silence_stdout()
        if exc.broken_pipe:  # `arnewsparse show x | head` is fine
            return EXIT_OK
        _eprint(exc.message())
        return EXIT_FAILED
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

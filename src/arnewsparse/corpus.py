"""Corpus scale: reading many articles, parsing them on several cores, writing the results.

This module owns everything between "a pile of files" and "a pile of parses":

* readers: :func:`iter_records` turns ``.txt`` files, directories of them,
  JSONL / JSONL.gz files and stdin into a stream of :class:`Record` (an id, the
  text, or the reason the record is unusable);
* :func:`parse_many` and :func:`ordered_map`: an ordered, bounded-memory map
  over worker processes;
* renderers and writers: one ``Article.to_dict()`` JSON object a line, one CSV
  row per report, Parquet with a fixed Arrow schema (:func:`arrow_schema`);
* :func:`atomic_output`: write under a temporary name, rename at the end;
* :func:`parse_record` and :func:`write_parquet`: small pure helpers for
  distributed engines (see ``examples/dask_corpus.py``).

The ``arnewsparse parse`` command (:mod:`arnewsparse.cli`) is a thin layer on
top.  Heavy or optional modules (multiprocessing, gzip, csv, pyarrow) are
imported inside the functions that need them, so ``import arnewsparse`` stays
as fast as it was.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import IO, Any, Literal, TypeVar, cast

import attrs

from arnewsparse.article import parse
from arnewsparse.decode import decode_bytes
from arnewsparse.furniture import Furniture
from arnewsparse.model import ARTICLE_FIELDS, Article

__all__ = [
    "ARTICLE_FIELDS",
    "REPORT_COLUMNS",
    "Outcome",
    "Record",
    "WorkerDied",
    "arrow_schema",
    "atomic_output",
    "decode_problem",
    "iter_records",
    "ordered_map",
    "output_problem",
    "parse_many",
    "parse_published",
    "parse_record",
    "render_json",
    "report_rows",
    "write_parquet",
]

T = TypeVar("T")
R = TypeVar("R")

InputFormat = Literal["auto", "txt", "jsonl", "csv", "parquet"]


#: The columns of the one-row-per-report table (``--format csv-reports``).
REPORT_COLUMNS: tuple[str, ...] = (
    "id",
    "speaker",
    "speaker_resolved",
    "lemma",
    "gloss",
    "category",
    "form",
    "verb",
    "content",
    "quote",
    "in_headline",
    "verb_start",
    "verb_end",
)

_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_DEFAULT_BATCH = 64


# --------------------------------------------------------------------------- records


@attrs.frozen(slots=True)
class Record:
    """One input article, or the reason it could not be read.

    ``where`` says where it came from (``path`` for a text file,
    ``path:line`` for a JSONL line); ``id`` is the id to write with its parse
    (the JSONL id field's value; ``where`` for a text file or a line without
    an id); exactly one of ``text`` and ``error`` is set, or, for a JSONL line
    read with ``decode=False``, only ``raw``, the undecoded line.
    ``published`` is the record's publication date, when its
    ``published_field`` holds one.
    """

    where: str
    id: Any
    text: str | None = None
    error: str | None = None
    raw: bytes | None = None
    published: _dt.date | None = None


@attrs.frozen(slots=True)
class Outcome:
    """What became of one :class:`Record`: a rendered ``payload`` or an ``error``."""

    record: Record
    payload: Any = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


_JSON_TYPES = {"NoneType": "null", "bool": "a boolean", "int": "a number", "float": "a number"}
_JSON_TYPES.update({"str": "a string", "list": "an array", "dict": "an object"})


def _json_type(value: object) -> str:
    """``value``'s type in JSON's words (``null``, ``an array``), not Python's."""
    return _JSON_TYPES.get(type(value).__name__, type(value).__name__)


def decode_problem(exc: UnicodeDecodeError, encoding: str | None = None) -> str:
    """A one-line account of a decoding failure: what failed, where, and the fix.

    >>> try:
    ...     b"ok \\xff".decode("utf-8")
    ... except UnicodeDecodeError as exc:
    ...     print(decode_problem(exc, "utf-8"))
    not utf-8 text: invalid start byte at byte 3; check --encoding
    """
    reason = exc.reason.split(";", 1)[0]  # decode_bytes adds what it tried after a ";"
    where = f"{reason} at byte {exc.start}"
    if encoding:
        return f"not {encoding} text: {where}; check --encoding"
    return (
        f"not decodable text: {where}; it is not UTF-8, UTF-16/32 with a byte-order mark, nor Windows-1256 "
        "Arabic; name its encoding with --encoding"
    )


def _is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(_JSONL_SUFFIXES)


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        import gzip  # noqa: PLC0415  (lazy: only for .gz inputs)

        return cast("IO[bytes]", gzip.open(path, "rb"))
    return path.open("rb")


def _text_record(where: str, data: bytes, encoding: str | None = None) -> Record:
    # a text file may be UTF-8, UTF-16 with a BOM, or Windows-1256 (older Arabic corpora)
    try:
        return Record(where, where, text=decode_bytes(data, encoding).text)
    except UnicodeDecodeError as exc:
        return Record(where, where, error=decode_problem(exc, encoding))


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def parse_published(value: object) -> _dt.date | None:
    """A publication date from a record: ``None`` (or missing) stays ``None``; else ISO 8601.

    ``2019-04-25``, ``2019-04-25T10:30:00+03:00`` and ``2019-04-25 10:30`` all
    give the date; anything else raises :class:`ValueError`.

    >>> parse_published("2019-04-25T10:30:00Z")
    datetime.date(2019, 4, 25)
    """
    if value is None:
        return None
    m = _ISO_DATE.match(value) if isinstance(value, str) else None
    if m is None:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, or an ISO 8601 date and time)")
    return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _json_record(
    where: str,
    line: bytes,
    field: str,
    id_field: str | None,
    encoding: str | None = None,
    published_field: str | None = None,
) -> Record:
    try:
        obj = json.loads(line.decode(encoding or "utf-8"))
    except UnicodeDecodeError as exc:
        if encoding:
            return Record(where, where, error=decode_problem(exc, encoding))
        reason = f"{exc.reason} at byte {exc.start}"
        return Record(
            where,
            where,
            error=f"not UTF-8 text: {reason}; re-encode the file as UTF-8 or name its encoding "
            "with --encoding",
        )
    except json.JSONDecodeError as exc:
        return Record(
            where,
            where,
            error=f"invalid JSON: {exc.msg} (column {exc.colno}); a line must be one JSON object",
        )
    if not isinstance(obj, dict):
        return Record(where, where, error=f"{_json_type(obj)}, not a JSON object; a line must be one object")
    ident: Any = obj.get(id_field) if id_field else None
    if ident is None:  # no id: the record is known by where it is
        ident = where
    if field not in obj:
        present = ", ".join(map(str, obj)) or "none"
        return Record(
            where,
            ident,
            error=f"field {field!r} missing (fields present: {present}); name the text field with --field",
        )
    text = obj[field]
    if not isinstance(text, str):
        return Record(where, ident, error=f"field {field!r} is {_json_type(text)}, not a string")
    published: _dt.date | None = None
    if published_field:
        try:
            published = parse_published(obj.get(published_field))
        except ValueError as exc:
            return Record(where, ident, error=f"field {published_field!r}: {exc}")
    return Record(where, ident, text=text, published=published)


@attrs.frozen(slots=True)
class _Decoding:
    """How a JSONL line becomes a record (picklable: it travels to the workers)."""

    field: str = "raw"
    id_field: str | None = "id"
    encoding: str | None = None
    published_field: str | None = None

    def record(self, where: str, line: bytes) -> Record:
        return _json_record(where, line, self.field, self.id_field, self.encoding, self.published_field)


def _jsonl_lines(name: str, lines: Iterable[bytes], how: _Decoding, decode: bool) -> Iterator[Record]:
    lineno = 0
    try:
        for lineno, line in enumerate(lines, 1):
            if not line.strip():  # blank lines (a trailing newline, say) are not records
                continue
            if decode:
                yield how.record(f"{name}:{lineno}", line)
            else:
                yield Record(f"{name}:{lineno}", None, raw=line)
    except (OSError, EOFError) as exc:  # a truncated or corrupt .gz: report it, go on with the next input
        where = f"{name}:{lineno + 1}"
        yield Record(where, where, error=f"cannot read further: {exc}; the file is truncated or corrupt")


def _row_record(where: str, row: Mapping[str, Any], how: _Decoding) -> Record:
    """A table row (CSV, Parquet) as a record: the same rules as a JSONL object."""
    line = json.dumps(dict(row), ensure_ascii=False, default=str).encode("utf-8")
    return _Decoding(how.field, how.id_field, None, how.published_field).record(where, line)


def _csv_records(path: Path, how: _Decoding) -> Iterator[Record]:
    import csv  # noqa: PLC0415  (lazy: only for .csv inputs)
    import io  # noqa: PLC0415

    with _open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding=how.encoding or "utf-8-sig", newline="")
        reader = csv.DictReader(text)
        try:
            for row in reader:
                yield _row_record(f"{path}:{reader.line_num}", row, how)
        except UnicodeDecodeError as exc:
            where = f"{path}:{reader.line_num + 1}"
            yield Record(where, where, error=decode_problem(exc, how.encoding or "UTF-8"))
        except csv.Error as exc:
            where = f"{path}:{reader.line_num}"
            yield Record(where, where, error=f"cannot read further: invalid CSV ({exc})")


def _parquet_records(path: Path, how: _Decoding) -> Iterator[Record]:
    pq = _pyarrow("pyarrow.parquet")
    n = 0
    for batch in pq.ParquetFile(str(path)).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            n += 1
            yield _row_record(f"{path}:{n}", row, how)


def _table_kind(path: Path) -> InputFormat | None:
    name = path.name.lower()
    if name.endswith((".csv", ".csv.gz")):
        return "csv"
    if name.endswith(".parquet"):
        return "parquet"
    return None


def _stdin_records(stream: IO[bytes], fmt: InputFormat, how: _Decoding, decode: bool) -> Iterator[Record]:
    head: list[bytes] = []
    if fmt == "auto":
        # Sniff: JSONL when the first non-blank line starts with "{"; else one article.
        for line in stream:
            head.append(line)
            if line.strip():
                break
        fmt = "jsonl" if head and head[-1].lstrip().startswith((b"{", b"\xef\xbb\xbf{")) else "txt"
    if fmt == "jsonl":
        import itertools  # noqa: PLC0415

        yield from _jsonl_lines("<stdin>", itertools.chain(head, stream), how, decode)
    else:
        data = b"".join(head) + stream.read()
        if data.strip():
            yield _text_record("-", data, how.encoding)


def iter_records(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    field: str = "raw",
    id_field: str | None = "id",
    glob: str = "*.txt",
    input_format: InputFormat = "auto",
    stdin: IO[bytes] | None = None,
    decode: bool = True,
    encoding: str | None = None,
    published_field: str | None = None,
) -> Iterator[Record]:
    """Every article in ``inputs``, in order, as a stream of :class:`Record`.

    Each input is a text file (one article), a directory (its files matching
    ``glob``, recursively, in sorted order), a JSONL or JSONL.gz file (one JSON
    object a line; ``field`` holds the text and ``id_field`` the id, or, when
    ``id_field`` is empty or a line has no id, ``path:line`` is the id) or ``"-"`` for stdin (JSONL
    when its first line starts with ``{``, else one article).  A ``.csv`` file
    (a header row, one article a row) and a ``.parquet`` file (needs pyarrow)
    are read like JSONL, by column name.  ``input_format`` forces ``"txt"``,
    ``"jsonl"``, ``"csv"`` or ``"parquet"`` instead of deciding by the file name.

    ``encoding`` names the encoding of every input (default: text files are
    detected by :func:`arnewsparse.decode_bytes`, JSONL is UTF-8).
    ``published_field`` names a JSONL field holding each article's publication
    date (ISO 8601), kept in :attr:`Record.published`.

    With ``decode=False`` JSONL lines are passed on undecoded (``Record.raw``)
    for :func:`parse_records` to decode in its worker processes, which takes
    that work off the reading process.

    Nothing is read ahead, so memory stays constant however large the input.
    An unreadable record is yielded with its ``error`` set; only a missing
    input path raises (:class:`FileNotFoundError`), before anything is read.
    """
    how = _Decoding(field, id_field, encoding, published_field)
    paths = [str(p) for p in inputs]
    for p in paths:
        if p != "-" and not os.path.exists(p):
            raise FileNotFoundError(p)
    for p in paths:
        if p == "-":
            yield from _stdin_records(stdin or sys.stdin.buffer, input_format, how, decode)
            continue
        path = Path(p)
        files = sorted(f for f in path.rglob(glob) if f.is_file()) if path.is_dir() else [path]
        for f in files:
            name = str(f)
            jsonl = input_format == "jsonl" or (input_format == "auto" and _is_jsonl(f))
            table: InputFormat | None = input_format if input_format in ("csv", "parquet") else None
            if input_format == "auto" and not path.is_dir():  # a directory holds articles (--glob)
                table = _table_kind(f)
            try:
                if table == "csv":
                    yield from _csv_records(f, how)
                elif table == "parquet":
                    yield from _parquet_records(f, how)
                elif jsonl:
                    with _open_binary(f) as stream:
                        yield from _jsonl_lines(name, stream, how, decode)
                else:
                    with _open_binary(f) as stream:
                        data = stream.read()
                    yield _text_record(name, data, encoding)
            except OSError as exc:
                yield Record(name, name, error=f"cannot read: {exc.strerror or exc}")


# --------------------------------------------------------------------------- rendering


def _select(data: dict[str, Any], fields: Sequence[str] | None) -> dict[str, Any]:
    return data if fields is None else {k: data[k] for k in fields}


def render_json(ident: Any, article: Article, fields: Sequence[str] | None = None) -> str:
    """One JSONL line (no newline): ``{"id": ident, **article.to_dict()}``, keeping only ``fields``."""
    return json.dumps({"id": ident, **_select(article.to_dict(), fields)}, ensure_ascii=False)


def report_rows(ident: Any, article: Article) -> list[list[Any]]:
    """One row per report, in the order of :data:`REPORT_COLUMNS`."""
    rows: list[list[Any]] = []
    for r in article.reports:
        rows.append(
            [
                ident,
                r.speaker.text if r.speaker else "",
                r.speaker_resolved.text if r.speaker_resolved else "",
                r.lemma,
                r.gloss,
                r.category,
                r.form.value,
                r.verb.text,
                r.content.text if r.content else "",
                r.quote.text if r.quote else "",
                r.in_headline,
                r.verb.start,
                r.verb.end,
            ]
        )
    return rows


def parse_record(
    record: Mapping[str, Any],
    *,
    field: str = "raw",
    id_field: str = "id",
    fields: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Parse one already-decoded JSON record into ``{"id": ..., **Article.to_dict()}``.

    The building block for distributed engines: ``bag.map(parse_record)`` in
    Dask, ``Dataset.map`` in Hugging Face ``datasets``.  Raises ``KeyError`` for
    a missing field.
    """
    return {"id": record[id_field], **_select(parse(record[field]).to_dict(), fields)}


# --------------------------------------------------------------------------- workers


@attrs.frozen(slots=True)
class _Spec:
    """How a worker decodes and renders each record (picklable: it travels with each batch)."""

    kind: Literal["json", "dict", "csv"]
    fields: tuple[str, ...] | None = None
    how: _Decoding = _Decoding()
    published: _dt.date | None = None  # for every record without its own date
    furniture: Furniture | None = None  # learned page furniture, for every parse


def _render(spec: _Spec, ident: Any, article: Article) -> Any:
    if spec.kind == "json":
        # UTF-8 bytes with the newline: the writing process then only copies them out.
        return (render_json(ident, article, spec.fields) + "\n").encode("utf-8")
    if spec.kind == "dict":
        return {"id": ident, **_select(article.to_dict(), spec.fields)}
    return report_rows(ident, article)


def _parse_batch(spec: _Spec, batch: list[Record]) -> list[tuple[Any, Any, str | None]]:
    """Decode, parse and render a batch: ``(id, payload, error)`` for each record.

    A parser error becomes this record's error, not the batch's.
    """
    out: list[tuple[Any, Any, str | None]] = []
    for rec in batch:
        if rec.raw is not None:
            rec = spec.how.record(rec.where, rec.raw)  # noqa: PLW2901
            if rec.error is not None:
                out.append((rec.id, None, rec.error))
                continue
        try:
            article = parse(
                rec.text or "", published=rec.published or spec.published, furniture=spec.furniture
            )
            out.append((rec.id, _render(spec, rec.id, article), None))
        except Exception as exc:  # any parser bug must cost one record, not the run
            out.append(
                (rec.id, None, f"parser error: {type(exc).__name__}: {exc}; please report it as a bug")
            )
    return out


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _worker(conn: Any, func: Callable[[list[Any]], list[Any]], inherited: list[Any]) -> None:
    """A worker process: receive a batch, send back ``("ok", results)`` or ``("err", exception)``."""
    import signal  # noqa: PLC0415

    # Ctrl-C reaches the whole process group: the parent decides, and stops the workers itself.
    # SIGTERM and SIGHUP get their default action back (the parent's handlers were inherited).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    # Forked workers inherit the parent's ends of every pipe made so far; holding them would
    # keep a pipe open after the parent died, and the worker would wait on it for ever.
    for other in inherited:
        other.close()
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if batch is None:
            return
        try:
            reply: tuple[str, Any] = ("ok", func(batch))
        except Exception as exc:  # re-raised in the parent, at this batch's place
            reply = ("err", exc)
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return
        except Exception as exc:  # an unpicklable result or exception
            conn.send(("err", RuntimeError(f"a worker's result could not be sent back: {exc!r}")))


class WorkerDied(RuntimeError):
    """A worker process of :func:`ordered_map` ended before returning its batch."""


def ordered_map(
    func: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    jobs: int = 1,
    batch_size: int = _DEFAULT_BATCH,
    window: int | None = None,
) -> Generator[R, None, None]:
    """``func`` over ``items`` in batches on ``jobs`` processes, results in input order.

    ``func`` takes a list and returns a list of the same length; it must be
    picklable (a module-level function or a :func:`functools.partial` of one).
    With ``jobs == 1`` everything runs in this process.  ``jobs <= 0`` means
    one per CPU.

    At most ``window`` batches (default ``4 * jobs``) are read ahead of what
    has been consumed, so memory stays bounded however large the input.  Each
    worker has its own pipe and at most one batch in flight, which keeps the
    workers independent: when the generator is closed (an error, Ctrl-C, a
    signal, an abandoned loop) the workers are killed at once and nothing can
    deadlock on a shared queue; a worker that dies (killed, out of memory)
    raises :class:`WorkerDied` instead of hanging the run.
    """
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    if jobs == 1:
        # One item at a time: nothing to ship to a worker, and a live stream (stdin) is parsed
        # as it comes instead of waiting for a batch to fill.
        for item in items:
            yield from func([item])
        return
    import multiprocessing  # noqa: PLC0415  (lazy: not needed for jobs=1)
    from multiprocessing.connection import wait  # noqa: PLC0415

    window = max(window or 4 * jobs, 1)
    ctx = multiprocessing.get_context()
    forked = ctx.get_start_method() == "fork"
    procs: list[Any] = []
    conns: list[Any] = []
    try:
        for _ in range(jobs):
            mine, theirs = ctx.Pipe()
            inherited = [*conns, mine] if forked else []
            proc = ctx.Process(target=_worker, args=(theirs, func, inherited), daemon=True)
            proc.start()
            theirs.close()
            procs.append(proc)
            conns.append(mine)
        source = _batches(items, batch_size)
        exhausted = False
        read = 0  # batches read from the input
        sent: deque[tuple[int, list[T]]] = deque()  # read, waiting for an idle worker
        busy: dict[Any, int] = {}  # connection -> the batch it is working on
        idle = list(conns)
        done: dict[int, tuple[str, Any]] = {}
        next_out = 0
        while True:
            # Read ahead up to the window, hand batches to idle workers.
            while not exhausted and read - next_out < window:
                try:
                    batch = next(source)
                except StopIteration:
                    exhausted = True
                    break
                sent.append((read, batch))
                read += 1
            while sent and idle:
                seq, batch = sent.popleft()
                conn = idle.pop()
                conn.send(batch)
                busy[conn] = seq
            if next_out in done:
                status, value = done.pop(next_out)
                next_out += 1
                if status == "err":
                    raise value
                yield from value
                continue
            if exhausted and not busy and not sent:
                return
            for ready in wait(list(busy)):
                conn = cast("Any", ready)
                seq = busy.pop(conn)
                try:
                    done[seq] = conn.recv()
                except (EOFError, OSError):
                    proc = procs[conns.index(conn)]
                    proc.join(1)
                    raise WorkerDied(
                        f"worker process {proc.pid} ended (exit code {proc.exitcode}) before returning "
                        "its batch"
                    ) from None
                idle.append(conn)
    finally:
        # Also after an error, a signal or an abandoned generator: no worker outlives the map.
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.close()
        for proc in procs:
            if proc.is_alive():
                proc.kill()
        for proc in procs:
            proc.join(5)


def parse_records(
    records: Iterable[Record],
    *,
    render: Literal["json", "dict", "csv"] = "json",
    fields: Sequence[str] | None = None,
    jobs: int = 1,
    batch_size: int = _DEFAULT_BATCH,
    field: str = "raw",
    id_field: str | None = "id",
    encoding: str | None = None,
    published_field: str | None = None,
    published: _dt.date | None = None,
    furniture: Furniture | None = None,
) -> Generator[Outcome, None, None]:
    """Parse a stream of :class:`Record` on ``jobs`` processes, in order.

    Each parse is rendered in the worker (``"json"``: a JSONL line as UTF-8
    bytes, newline included; ``"dict"``: the dict; ``"csv"``:
    :func:`report_rows`) so only plain data comes back, not :class:`Article`
    objects.  Undecoded records (``raw``) are decoded there with ``field``,
    ``id_field``, ``encoding`` and ``published_field`` (as in
    :func:`iter_records`).  ``published`` is the publication date of every
    record that has none of its own; ``furniture``, lines learned by
    :func:`arnewsparse.learn_furniture`, is passed to every parse.  Records
    that could not be read pass through with their error; a parser error
    fails only its record.
    """
    how = _Decoding(field, id_field, encoding, published_field)
    spec = _Spec(render, None if fields is None else tuple(fields), how, published, furniture)
    work = partial(_parse_batch, spec)
    # Unreadable records do not go to the workers, but keep their place in the order.
    held: deque[Record] = deque()

    def feed() -> Iterator[Record]:
        for rec in records:
            held.append(rec)
            if rec.error is None:
                yield rec

    results = ordered_map(work, feed(), jobs=jobs, batch_size=batch_size)
    with contextlib.closing(results):  # an abandoned or failed run stops its workers at once
        for ident, payload, error in results:
            while held[0].error is not None:
                bad = held.popleft()
                yield Outcome(bad, error=bad.error)
            rec = held.popleft()
            if rec.raw is not None:  # decoded in the worker: now we know its id
                rec = Record(rec.where, ident)
            yield Outcome(rec, payload, error)
    while held:
        bad = held.popleft()
        yield Outcome(bad, error=bad.error)


def _parse_texts(texts: list[str]) -> list[tuple[str | None, BaseException | None]]:
    # JSON back, not Article objects: pickling an Article costs more than to_dict + json both ways.
    out: list[tuple[str | None, BaseException | None]] = []
    for t in texts:
        try:
            out.append((json.dumps(parse(t).to_dict(), ensure_ascii=False), None))
        except Exception as exc:  # re-raised in the parent, at this article's place
            out.append((None, exc))
    return out


def parse_many(texts: Iterable[str], *, jobs: int = 1, batch_size: int = _DEFAULT_BATCH) -> Iterator[Article]:
    """Parse many articles on ``jobs`` worker processes: an iterator of :class:`Article` in input order.

    The results equal ``map(parse, texts)``, and an exception is raised at the
    place where ``parse`` would raise it.  ``texts`` is read lazily, a few
    batches ahead of what has been consumed, so a generator over a large
    corpus is fine.  ``jobs <= 0`` means one per CPU.

    >>> [a.dateline.location for a in parse_many(["موسكو – سانا\\nقال بيسكوف إن الحل سياسي."])]
    ['موسكو']
    """
    if jobs == 1:
        return map(parse, texts)
    return _from_json(ordered_map(_parse_texts, texts, jobs=jobs, batch_size=batch_size))


def _from_json(
    results: Generator[tuple[str | None, BaseException | None], None, None],
) -> Iterator[Article]:
    with contextlib.closing(results):  # raising here stops the workers at once, not at garbage collection
        for payload, exc in results:
            if exc is not None:
                raise exc
            yield Article.from_dict(json.loads(payload or "{}"))


# --------------------------------------------------------------------------- writing


def output_problem(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be written, in one line with the fix; ``None`` when it can.

    Checked before any work is done, so a typo costs nothing: a missing or
    unwritable directory, a directory as the target, a target that is neither
    a regular file nor a device or FIFO.

    >>> output_problem("no/such/dir/out.jsonl")
    "directory 'no/such/dir' does not exist; create it (mkdir -p no/such/dir) or write elsewhere"
    """
    import stat  # noqa: PLC0415

    target = Path(os.path.realpath(path))  # a symlink is written through, at its target
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        return f"cannot use it: {exc.strerror or exc}"
    if mode is not None:
        if stat.S_ISDIR(mode):
            return "is a directory; name a file inside it"
        if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISBLK(mode)):
            return "is neither a regular file, a device nor a FIFO; write elsewhere"
        if not stat.S_ISREG(mode):
            return None if os.access(target, os.W_OK) else "is not writable (permission denied)"
    parent = target.parent
    # name the directory as the user wrote it, unless a symlink points elsewhere
    shown = os.path.dirname(os.fspath(path)) or "."
    if Path(os.path.realpath(shown)) != parent:
        shown = str(parent)
    if not parent.exists():
        return f"directory {shown!r} does not exist; create it (mkdir -p {shown}) or write elsewhere"
    if not parent.is_dir():
        return f"{shown!r} is not a directory; write elsewhere"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"directory {shown!r} is not writable (permission denied); write elsewhere"
    return None


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield the path to write ``path``'s new content to; it becomes ``path`` when the block succeeds.

    As coreutils tools do: a regular file (or a new one) is written under a
    temporary name beside it and renamed over it at the end, so readers never
    see half a file; on any exception (``KeyboardInterrupt`` included) the
    temporary file is removed and ``path`` is left as it was.  A symlink is
    followed and its target replaced (the link stays a link).  A target that is
    not a regular file (``/dev/null``, a FIFO, a terminal) is never replaced:
    it is yielded itself and written in place.

    A new file gets the usual permissions (``0o666`` less the umask, 0644 by
    default); a replaced file keeps its own.
    """
    import secrets  # noqa: PLC0415
    import stat  # noqa: PLC0415

    target = Path(os.path.realpath(path))
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        yield target  # a device or FIFO: written in place, nothing to rename or clean up
        return
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp_path = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(tmp_path, flags, 0o666)  # the umask applies, as for any new file
            break
        except FileExistsError:
            continue
    try:
        if st is not None:
            os.fchmod(fd, stat.S_IMODE(st.st_mode))  # a replaced file keeps its permissions
        os.close(fd)
        yield tmp_path
        os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise


def arrow_schema(fields: Sequence[str] | None = None) -> Any:
    """The Arrow schema of ``{"id": str, **Article.to_dict()}`` (keeping only ``fields``).

    Fixed rather than inferred: inference from a batch where, say, no article
    has a headline gives a ``null`` column that the next batch contradicts.
    Dates stay ISO strings, so a row read back is valid ``Article.from_dict`` input.
    """
    pa = _pyarrow()
    span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    columns: dict[str, Any] = {
        "text": pa.string(),
        "headline": span,
        "source_tags": pa.list_(pa.struct([("span", span), ("kind", pa.string())])),
        "datelines": pa.list_(
            pa.struct(
                [
                    ("span", span),
                    ("location", pa.string()),
                    ("agency", pa.string()),
                    ("agency_text", pa.string()),
                    ("date", pa.string()),
                    ("reporter", pa.string()),
                ]
            )
        ),
        "subheadlines": pa.list_(span),
        "paragraphs": pa.list_(pa.struct([("span", span), ("text", pa.string())])),
        "boilerplate": pa.list_(span),
        "reports": pa.list_(
            pa.struct(
                [
                    ("verb", span),
                    ("lemma", pa.string()),
                    ("form", pa.string()),
                    ("gloss", pa.string()),
                    ("category", pa.string()),
                    ("speaker", span),
                    ("speaker_resolved", span),
                    ("content", span),
                    ("quote", span),
                    ("in_headline", pa.bool_()),
                ]
            )
        ),
    }
    keep = ARTICLE_FIELDS if fields is None else tuple(fields)
    return pa.schema([("id", pa.string()), *((k, columns[k]) for k in keep)])


def _pyarrow(module: str = "pyarrow") -> Any:
    # importlib, not `import`: an optional dependency without type information, loaded on first use.
    import importlib  # noqa: PLC0415

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            "Parquet output needs pyarrow: pip install 'arnewsparse[parquet]' (or pip install pyarrow)"
        ) from exc


class ParquetSink:
    """Write ``{"id": ..., **to_dict()}`` rows to a Parquet file in row groups of ``rows_per_group``."""

    def __init__(
        self, path: str | os.PathLike[str], fields: Sequence[str] | None = None, rows_per_group: int = 2000
    ) -> None:
        pq = _pyarrow("pyarrow.parquet")
        self._schema = arrow_schema(fields)
        self._writer = pq.ParquetWriter(str(path), self._schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._per_group = rows_per_group
        self.count = 0

    def write(self, row: dict[str, Any]) -> None:
        row["id"] = None if row["id"] is None else str(row["id"])
        self._rows.append(row)
        self.count += 1
        if len(self._rows) >= self._per_group:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            pa = _pyarrow()
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def write_parquet(
    rows: Iterable[dict[str, Any]], path: str | os.PathLike[str], fields: Sequence[str] | None = None
) -> int:
    """Write :func:`parse_record` rows to one Parquet file; return how many were written.

    For engines that hand out partitions: in Dask,
    ``[delayed(write_parquet)(part, f"out/part-{i}.parquet") for i, part in enumerate(bag.to_delayed())]``.
    """
    sink = ParquetSink(path, fields)
    try:
        for row in rows:
            sink.write(dict(row))
    finally:
        sink.close()
    return sink.count

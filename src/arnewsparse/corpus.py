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
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import IO, Any, Literal, TypeVar, cast

import attrs

from arnewsparse.article import parse
from arnewsparse.decode import decode_bytes
from arnewsparse.model import Article

__all__ = [
    "ARTICLE_FIELDS",
    "REPORT_COLUMNS",
    "Outcome",
    "Record",
    "arrow_schema",
    "atomic_output",
    "iter_records",
    "ordered_map",
    "parse_many",
    "parse_record",
    "render_json",
    "report_rows",
    "write_parquet",
]

T = TypeVar("T")
R = TypeVar("R")

InputFormat = Literal["auto", "txt", "jsonl"]

#: The keys of ``Article.to_dict()``, in order: what ``fields=`` may pick.
ARTICLE_FIELDS: tuple[str, ...] = (
    "text",
    "headline",
    "source_tags",
    "datelines",
    "subheadlines",
    "paragraphs",
    "boilerplate",
    "reports",
)

#: The columns of the one-row-per-report table (``--format csv-reports``).
REPORT_COLUMNS: tuple[str, ...] = (
    "id",
    "speaker",
    "speaker_resolved",
    "lemma",
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
    (the JSONL id field's value, or the file's path); exactly one of ``text``
    and ``error`` is set, or, for a JSONL line read with ``decode=False``,
    only ``raw``, the undecoded line.
    """

    where: str
    id: Any
    text: str | None = None
    error: str | None = None
    raw: bytes | None = None


@attrs.frozen(slots=True)
class Outcome:
    """What became of one :class:`Record`: a rendered ``payload`` or an ``error``."""

    record: Record
    payload: Any = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _decode_error(exc: UnicodeDecodeError) -> str:
    return f"not UTF-8 text ({exc.reason} at byte {exc.start})"


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


def _text_record(where: str, data: bytes) -> Record:
    # a text file may be UTF-8, UTF-16 with a BOM, or Windows-1256 (older Arabic corpora)
    try:
        return Record(where, where, text=decode_bytes(data).text)
    except UnicodeDecodeError as exc:
        return Record(where, where, error=f"not decodable text ({exc.reason})")


def _json_record(where: str, line: bytes, field: str, id_field: str | None) -> Record:
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Record(where, None, error=_decode_error(exc))
    except json.JSONDecodeError as exc:
        return Record(where, None, error=f"invalid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(obj, dict):
        return Record(where, None, error=f"a JSON {type(obj).__name__}, not an object")
    ident: Any = where
    if id_field:
        if id_field not in obj:
            return Record(where, None, error=f"missing id field {id_field!r}")
        ident = obj[id_field]
    if field not in obj:
        return Record(where, ident, error=f"missing field {field!r}")
    text = obj[field]
    if not isinstance(text, str):
        return Record(where, ident, error=f"field {field!r} is {type(text).__name__}, not a string")
    return Record(where, ident, text=text)


def _jsonl_lines(
    name: str, lines: Iterable[bytes], field: str, id_field: str | None, decode: bool
) -> Iterator[Record]:
    lineno = 0
    try:
        for lineno, line in enumerate(lines, 1):
            if not line.strip():  # blank lines (a trailing newline, say) are not records
                continue
            if decode:
                yield _json_record(f"{name}:{lineno}", line, field, id_field)
            else:
                yield Record(f"{name}:{lineno}", None, raw=line)
    except (OSError, EOFError) as exc:  # a truncated or corrupt .gz: report it, go on with the next input
        yield Record(f"{name}:{lineno + 1}", None, error=f"cannot read further: {exc}")


def _stdin_records(
    stream: IO[bytes], fmt: InputFormat, field: str, id_field: str | None, decode: bool
) -> Iterator[Record]:
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

        yield from _jsonl_lines("<stdin>", itertools.chain(head, stream), field, id_field, decode)
    else:
        data = b"".join(head) + stream.read()
        if data.strip():
            yield _text_record("-", data)


def iter_records(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    field: str = "raw",
    id_field: str | None = "id",
    glob: str = "*.txt",
    input_format: InputFormat = "auto",
    stdin: IO[bytes] | None = None,
    decode: bool = True,
) -> Iterator[Record]:
    """Every article in ``inputs``, in order, as a stream of :class:`Record`.

    Each input is a text file (one article), a directory (its files matching
    ``glob``, recursively, in sorted order), a JSONL or JSONL.gz file (one JSON
    object a line; ``field`` holds the text and ``id_field`` the id, or, when
    ``id_field`` is empty, ``path:line`` is the id) or ``"-"`` for stdin (JSONL
    when its first line starts with ``{``, else one article).  ``input_format``
    forces ``"txt"`` or ``"jsonl"`` instead of deciding by the file name.

    With ``decode=False`` JSONL lines are passed on undecoded (``Record.raw``)
    for :func:`parse_records` to decode in its worker processes, which takes
    that work off the reading process.

    Nothing is read ahead, so memory stays constant however large the input.
    An unreadable record is yielded with its ``error`` set; only a missing
    input path raises (:class:`FileNotFoundError`), before anything is read.
    """
    paths = [str(p) for p in inputs]
    for p in paths:
        if p != "-" and not os.path.exists(p):
            raise FileNotFoundError(p)
    for p in paths:
        if p == "-":
            yield from _stdin_records(stdin or sys.stdin.buffer, input_format, field, id_field, decode)
            continue
        path = Path(p)
        files = sorted(f for f in path.rglob(glob) if f.is_file()) if path.is_dir() else [path]
        for f in files:
            name = str(f)
            jsonl = input_format == "jsonl" or (input_format == "auto" and _is_jsonl(f))
            try:
                if jsonl:
                    with _open_binary(f) as stream:
                        yield from _jsonl_lines(name, stream, field, id_field, decode)
                else:
                    with _open_binary(f) as stream:
                        data = stream.read()
                    yield _text_record(name, data)
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
    field: str = "raw"
    id_field: str | None = "id"


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
            rec = _json_record(rec.where, rec.raw, spec.field, spec.id_field)  # noqa: PLW2901
            if rec.error is not None:
                out.append((rec.id, None, rec.error))
                continue
        try:
            out.append((rec.id, _render(spec, rec.id, parse(rec.text or "")), None))
        except Exception as exc:  # any parser bug must cost one record, not the run
            out.append((rec.id, None, f"parser error: {type(exc).__name__}: {exc}"))
    return out


def _ignore_sigint() -> None:
    # Workers leave Ctrl-C to the parent, which lets them finish the batches in flight and cleans up.
    import signal  # noqa: PLC0415

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


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

    At most ``window`` batches (default ``4 * jobs``) are in flight.  That is
    why this uses ``apply_async`` and not ``Pool.imap``: imap's feeder thread
    reads the whole input iterator as fast as it can, so a 40,000-article
    corpus would sit in memory.  Batches keep the IPC per article low.
    """
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    if jobs == 1:
        for batch in _batches(items, batch_size):
            yield from func(batch)
        return
    import multiprocessing  # noqa: PLC0415  (lazy: not needed for jobs=1)

    window = window or 4 * jobs
    pool = multiprocessing.get_context().Pool(jobs, initializer=_ignore_sigint)
    try:
        pending: deque[Any] = deque()
        for batch in _batches(items, batch_size):
            pending.append(pool.apply_async(func, (batch,)))
            while len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    finally:
        # Also after an error, Ctrl-C or an abandoned generator: the workers finish
        # the few batches in flight (at most ``window``) and exit.  Pool.terminate()
        # is kept for a second interrupt only: it can hang for good when it stops a
        # worker that holds the task queue's lock (seen as a rare CI hang).
        pool.close()
        try:
            pool.join()
        except BaseException:
            pool.terminate()
            raise


def parse_records(
    records: Iterable[Record],
    *,
    render: Literal["json", "dict", "csv"] = "json",
    fields: Sequence[str] | None = None,
    jobs: int = 1,
    batch_size: int = _DEFAULT_BATCH,
    field: str = "raw",
    id_field: str | None = "id",
) -> Iterator[Outcome]:
    """Parse a stream of :class:`Record` on ``jobs`` processes, in order.

    Each parse is rendered in the worker (``"json"``: a JSONL line as UTF-8
    bytes, newline included; ``"dict"``: the dict; ``"csv"``:
    :func:`report_rows`) so only plain data comes back, not :class:`Article`
    objects.  Undecoded records (``raw``) are decoded there with ``field`` and
    ``id_field``.  Records that could not be read pass through with their
    error; a parser error fails only its record.
    """
    spec = _Spec(render, None if fields is None else tuple(fields), field, id_field)
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


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it to ``path`` when the block succeeds.

    On any exception (``KeyboardInterrupt`` included) the temporary file is
    removed, so an interrupted run leaves neither a half-written file nor litter.
    """
    import tempfile  # noqa: PLC0415

    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    os.close(fd)
    tmp_path = Path(tmp)
    try:
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

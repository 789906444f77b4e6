"""Corpus tools: readers, parse_many, ordered_map, writers, pickling and round trips."""

from __future__ import annotations

import gzip
import io
import json
import pickle
from pathlib import Path

import pytest

import arnewsparse
from arnewsparse import corpus
from arnewsparse.corpus import Record, iter_records, ordered_map, parse_many

from conftest import ARTICLES, seed_paths


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in seed_paths()]


def write_jsonl(path: Path, rows: list[object]) -> Path:
    lines = [r if isinstance(r, (str, bytes)) else json.dumps(r, ensure_ascii=False) for r in rows]
    data = b"\n".join(x if isinstance(x, bytes) else x.encode("utf-8") for x in lines) + b"\n"
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- readers


def test_text_files_and_directories(tmp_path: Path) -> None:
    sub = tmp_path / "d" / "inner"
    sub.mkdir(parents=True)
    (sub / "b.txt").write_text("ب", encoding="utf-8")
    (tmp_path / "d" / "a.txt").write_text("\ufeffأ", encoding="utf-8")  # a BOM is dropped
    (tmp_path / "d" / "skip.md").write_text("x", encoding="utf-8")
    recs = list(iter_records([tmp_path / "d"]))
    assert [(Path(r.where).name, r.text) for r in recs] == [("a.txt", "أ"), ("b.txt", "ب")]
    assert all(r.id == r.where and r.error is None for r in recs)
    md = list(iter_records([tmp_path / "d"], glob="*.md"))
    assert [r.text for r in md] == ["x"]


def test_jsonl_and_gz(tmp_path: Path) -> None:
    rows = [{"id": "a", "raw": "نص"}, {"id": 7, "raw": "آخر", "other": 1}]
    for name in ("x.jsonl", "x.jsonl.gz", "x.ndjson"):
        recs = list(iter_records([write_jsonl(tmp_path / name, rows)]))
        assert [(r.id, r.text) for r in recs] == [("a", "نص"), (7, "آخر")]
        assert recs[1].where.endswith(f"{name}:2")


def test_jsonl_custom_fields_and_line_ids(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [{"key": "k1", "body": "نص"}])
    (rec,) = iter_records([path], field="body", id_field="key")
    assert (rec.id, rec.text) == ("k1", "نص")
    (rec,) = iter_records([path], field="body", id_field=None)
    assert rec.id == f"{path}:1"


def test_bad_jsonl_records(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "bad.jsonl",
        [
            {"id": "ok", "raw": "نص"},
            "{not json",
            b'{"id": "u", "raw": "\xff\xfe"}',
            {"id": "m"},
            {"raw": "no id"},
            [1, 2],
            {"id": "n", "raw": 5},
            "",
        ],
    )
    recs = list(iter_records([path]))
    assert len(recs) == 7  # the blank line is not a record
    errors = [r.error for r in recs]
    assert errors[0] is None
    assert errors[1] is not None and errors[1].startswith("invalid JSON: ")
    assert errors[2] is not None and errors[2].startswith("not UTF-8 text: invalid start byte at byte 20;")
    assert errors[3] == "field 'raw' missing (fields present: id); name the text field with --field"
    assert recs[3].id == "m"
    assert errors[4] is None and recs[4].id == f"{path}:5"  # no id: known by where it is
    assert errors[5] == "an array, not a JSON object; a line must be one object"
    assert errors[6] == "field 'raw' is a number, not a string"
    assert [r.where.rsplit(":", 1)[1] for r in recs] == ["1", "2", "3", "4", "5", "6", "7"]


def test_undecodable_text_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    (rec,) = iter_records([bad])
    assert rec.text is None and rec.error is not None and "not decodable" in rec.error


def test_windows_1256_text_file(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes("قال الوزير إن الاجتماع انتهى.".encode("cp1256"))
    (rec,) = iter_records([old])
    assert rec.error is None and rec.text == "قال الوزير إن الاجتماع انتهى."


def test_truncated_gzip(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "g.jsonl.gz", [{"id": str(i), "raw": "نص " * 500} for i in range(50)])
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(good.read_bytes()[:-40])
    recs = list(iter_records([cut]))
    assert recs[-1].error is not None and "cannot read further" in recs[-1].error
    assert all(r.error is None for r in recs[:-1])


def test_stdin_sniffing() -> None:
    jsonl = io.BytesIO(b'\n{"id": "s", "raw": "\xd9\x86\xd8\xb5"}\n')
    (rec,) = iter_records(["-"], stdin=jsonl)
    assert (rec.where, rec.id, rec.text) == ("<stdin>:2", "s", "نص")
    text = io.BytesIO("\nموسكو – سانا\nقال\n".encode())
    (rec,) = iter_records(["-"], stdin=text)
    assert (rec.id, rec.text) == ("-", "\nموسكو – سانا\nقال\n")
    forced = io.BytesIO(b'{"id": 1}')
    (rec,) = iter_records(["-"], stdin=forced, input_format="txt")
    assert rec.text == '{"id": 1}'


def test_missing_input_raises_before_reading(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list(iter_records([ARTICLES, tmp_path / "nope.jsonl"]))


# --------------------------------------------------------------------------- parallel


def test_parse_many_equals_parse() -> None:
    texts = seed_texts() * 3
    expected = [arnewsparse.parse(t) for t in texts]
    assert list(parse_many(texts)) == expected
    assert list(parse_many(iter(texts), jobs=2, batch_size=2)) == expected


def test_parse_many_raises_in_place() -> None:
    texts: list[object] = ["أ", "ب", b"bytes", "ج"]
    got = parse_many(texts, jobs=2, batch_size=4)  # type: ignore[arg-type]
    assert next(got).text == "أ"
    assert next(got).text == "ب"
    with pytest.raises(TypeError, match="not bytes"):
        next(got)


def _double(batch: list[int]) -> list[int]:
    return [2 * x for x in batch]


def test_ordered_map_order_and_bounded_read_ahead() -> None:
    pulled: list[int] = []

    def source() -> object:
        for i in range(10_000):
            pulled.append(i)
            yield i

    results = ordered_map(_double, source(), jobs=2, batch_size=10, window=3)  # type: ignore[arg-type]
    first = [next(results) for _ in range(5)]
    assert first == [0, 2, 4, 6, 8]
    # Constant memory: only a few batches are read ahead, not the whole input.
    assert len(pulled) <= 10 * 4
    results.close()
    assert list(ordered_map(_double, range(1000), jobs=2, batch_size=7)) == [2 * x for x in range(1000)]
    assert list(ordered_map(_double, [], jobs=2)) == []


def test_parse_records_keeps_bad_records_in_place() -> None:
    texts = seed_texts()
    recs = [
        Record("w0", "a", text=texts[0]),
        Record("w1", "b", error="boom"),
        Record("w2", "c", text=texts[1]),
    ]
    for jobs in (1, 2):
        out = list(corpus.parse_records([*recs, Record("w3", "d", error="late")], jobs=jobs, batch_size=1))
        assert [o.record.id for o in out] == ["a", "b", "c", "d"]
        assert [o.ok for o in out] == [True, False, True, False]
        assert json.loads(out[0].payload)["id"] == "a"


# --------------------------------------------------------------------------- records and writers


def test_pickle_and_dict_round_trips() -> None:
    for text in seed_texts():
        article = arnewsparse.parse(text)
        assert pickle.loads(pickle.dumps(article)) == article
        speakers = article.speakers()
        assert pickle.loads(pickle.dumps(speakers)) == speakers
        for part in (*article.reports, *article.datelines, *article.paragraphs, *article.source_tags):
            assert pickle.loads(pickle.dumps(part)) == part
        data = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
        assert data == article.to_dict()
        assert arnewsparse.Article.from_dict(data) == article
        assert arnewsparse.Article.from_dict(data).to_dict() == article.to_dict()


def test_render_json_fields() -> None:
    article = arnewsparse.parse(seed_texts()[4])
    full = json.loads(corpus.render_json("x", article))
    assert list(full) == ["id", *corpus.ARTICLE_FIELDS]
    part = json.loads(corpus.render_json(3, article, ["reports", "datelines"]))
    assert list(part) == ["id", "reports", "datelines"] and part["id"] == 3


def test_report_rows() -> None:
    article = arnewsparse.parse(seed_texts()[4])
    rows = corpus.report_rows("id1", article)
    assert len(rows) == len(article.reports) > 0
    assert all(len(r) == len(corpus.REPORT_COLUMNS) for r in rows)
    first = dict(zip(corpus.REPORT_COLUMNS, rows[0], strict=True))
    assert first["verb"] == article.reports[0].verb.text
    assert first["lemma"] == article.reports[0].lemma


def test_parse_record() -> None:
    text = seed_texts()[0]
    row = corpus.parse_record({"id": 1, "raw": text})
    assert row["id"] == 1
    assert arnewsparse.Article.from_dict(row) == arnewsparse.parse(text)
    assert list(corpus.parse_record({"k": 1, "t": text}, field="t", id_field="k", fields=["reports"])) == [
        "id",
        "reports",
    ]


def test_csv_and_parquet_inputs(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "in.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "raw", "title"])
        w.writerow(["a", "قال الوزير\nإن الحل سياسي.", "t1"])
        w.writerow(["", "نص", "t2"])
    recs = list(iter_records([path]))
    assert [(r.id, r.text) for r in recs] == [("a", "قال الوزير\nإن الحل سياسي."), ("", "نص")]
    assert recs[0].where == f"{path}:3"  # the physical line where the row ends
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    pq.write_table(pa.Table.from_pylist([{"id": 1, "body": "نص"}]), tmp_path / "in.parquet")
    (rec,) = iter_records([tmp_path / "in.parquet"], field="body")
    assert (rec.id, rec.text, rec.where) == (1, "نص", f"{tmp_path / 'in.parquet'}:1")


def test_published_field(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "x.jsonl",
        [
            {"raw": "a", "date": "2019-04-25T10:00:00+03:00"},
            {"raw": "b", "date": None},
            {"raw": "c"},
            {"raw": "d", "date": "Thursday"},
        ],
    )
    recs = list(iter_records([path], published_field="date"))
    assert [r.published for r in recs[:3]] == [__import__("datetime").date(2019, 4, 25), None, None]
    assert (
        recs[3].error == "field 'date': 'Thursday' is not a date (YYYY-MM-DD, or an ISO 8601 date and time)"
    )


def _die(batch: list[int]) -> list[int]:
    import os

    if 13 in batch:
        os._exit(3)  # a worker killed from outside (out of memory, kill -9)
    return batch


def test_ordered_map_worker_death_raises_instead_of_hanging() -> None:
    results = ordered_map(_die, range(100), jobs=2, batch_size=5)
    with pytest.raises(corpus.WorkerDied, match="exit code 3"):
        list(results)


def test_ordered_map_leaves_no_worker_behind() -> None:
    import multiprocessing

    results = ordered_map(_double, range(10_000), jobs=2, batch_size=10)
    assert next(results) == 0
    assert len(multiprocessing.active_children()) == 2
    results.close()
    assert multiprocessing.active_children() == []


def test_atomic_output(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with corpus.atomic_output(target) as tmp:
        tmp.write_text("done")
        assert not target.exists()
    assert target.read_text() == "done"
    with pytest.raises(KeyboardInterrupt), corpus.atomic_output(tmp_path / "b.txt") as tmp:
        tmp.write_text("half")
        raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_atomic_output_modes_links_and_fifos(tmp_path: Path) -> None:
    import os
    import stat

    old = os.umask(0o027)
    try:
        with corpus.atomic_output(tmp_path / "new.txt") as tmp:
            tmp.write_text("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640  # the umask, not mkstemp's 0600
    (tmp_path / "new.txt").chmod(0o600)
    with corpus.atomic_output(tmp_path / "new.txt") as tmp:
        tmp.write_text("y")
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o600  # a replaced file keeps its mode
    real = tmp_path / "real.txt"
    real.write_text("old")
    (tmp_path / "link.txt").symlink_to(real.name)
    with corpus.atomic_output(tmp_path / "link.txt") as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".real.txt.")  # beside the target
        tmp.write_text("new")
    assert (tmp_path / "link.txt").is_symlink() and real.read_text() == "new"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with corpus.atomic_output(fifo) as tmp:
        assert tmp == fifo  # written in place, never replaced
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_output_problem(tmp_path: Path) -> None:
    assert corpus.output_problem(tmp_path / "ok.jsonl") is None
    assert corpus.output_problem(tmp_path) == "is a directory; name a file inside it"
    missing = tmp_path / "no" / "x.jsonl"
    assert corpus.output_problem(missing) == (
        f"directory '{tmp_path / 'no'}' does not exist; "
        f"create it (mkdir -p {tmp_path / 'no'}) or write elsewhere"
    )


def test_parquet_round_trip(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    texts = seed_texts()
    rows = [corpus.parse_record({"id": i, "raw": t}) for i, t in enumerate(texts)]
    rows.append(corpus.parse_record({"id": "empty", "raw": ""}))  # no headline, empty lists
    n = corpus.write_parquet(rows, tmp_path / "a.parquet")
    assert n == len(rows)
    back = pq.read_table(tmp_path / "a.parquet").to_pylist()
    assert [r["id"] for r in back] == [*map(str, range(len(texts))), "empty"]
    for text, row in zip(texts, back[:-1], strict=True):
        assert arnewsparse.Article.from_dict(row) == arnewsparse.parse(text)
    corpus.write_parquet(
        [corpus.parse_record({"id": 1, "raw": texts[0]}, fields=["reports"])],
        tmp_path / "r.parquet",
        ["reports"],
    )
    assert pq.read_table(tmp_path / "r.parquet").column_names == ["id", "reports"]


def test_import_stays_lean() -> None:
    import subprocess
    import sys

    optional = ("multiprocessing", "pyarrow", "tqdm", "dask", "csv")
    code = f"import sys, arnewsparse; print(sorted(m for m in {optional!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

"""What the report finder still gets wrong on the gold corpus, computed the way evaluate.py scores it.

Shared by ``tests/test_reports.py`` (which checks ``fixtures/known_failures.json``
against it) and by ``python tests/known_failures.py --write`` run from the
repository root, which rewrites the fixture from the current failures (each with
a ``why`` by kind; review the diff: entries may only go, or change kind).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import arnewsparse
from arnewsparse.lexicon import FORMS
from arnewsparse.normalize import fold

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "gold"
FIELDS = ("missed", "spurious", "speaker", "speaker_resolved")


def norm(s: str | None) -> str | None:
    """evaluate.py's normalisation of a span text: spaces squeezed, edge punctuation off."""
    if s is None:
        return None
    s = " ".join(str(s).split()).strip(" :،,-–—_ـ")
    return s or None


def same_source(gold: str | None, got: str | None) -> bool:
    """evaluate.py's test for speaker_resolved: the shorter mention inside the longer, not as its opening."""
    if gold is None or got is None or gold == got:
        return gold == got
    short, long_ = sorted((gold, got), key=len)
    return f" {short} " in f" {long_} " and not f"{long_} ".startswith(f"{short} ")


def failures(article: dict[str, object]) -> Iterator[dict[str, object]]:
    """Every report failure of one gold article: (id, token, start, field, gold, got)."""
    raw = str(article["raw"])
    gid = str(article["id"])
    reports = arnewsparse.parse(raw).reports
    by_start: dict[int, object] = {}
    for r in reports:
        by_start.setdefault(r.verb.start, r)
    cover: dict[int, dict[str, object]] = {}
    for g in article["reports"]:  # type: ignore[attr-defined]
        for k in range(g["start"], g["start"] + len(g["token"])):
            cover[k] = g
    hit: set[int] = set()
    for start, r in by_start.items():
        g = cover.get(start)
        if g is None or id(g) in hit:
            token = r.verb.text  # type: ignore[attr-defined]
            yield {"id": gid, "token": token, "start": start, "field": "spurious", "gold": None, "got": token}
            continue
        hit.add(id(g))
        base = {"id": gid, "token": g["token"], "start": g["start"]}
        gs, ps = norm(g.get("speaker")), norm(r.speaker.text if r.speaker else None)  # type: ignore[attr-defined]
        if gs != ps:
            yield {**base, "field": "speaker", "gold": gs, "got": ps}
        gr = norm(g.get("speaker_resolved"))
        pr = norm(r.speaker_resolved.text if r.speaker_resolved else None)  # type: ignore[attr-defined]
        if not same_source(gr, pr):
            yield {**base, "field": "speaker_resolved", "gold": gr, "got": pr}
    for g in article["reports"]:  # type: ignore[attr-defined]
        if id(g) not in hit:
            yield {
                "id": gid,
                "token": g["token"],
                "start": g["start"],
                "field": "missed",
                "gold": g["token"],
                "got": None,
            }


def current(paths: list[Path]) -> list[dict[str, object]]:
    """The failures of every article of the gold files ``paths``."""
    out: list[dict[str, object]] = []
    for path in paths:
        for article in json.loads(path.read_text(encoding="utf-8")):
            out.extend(failures(article))
    return out


def key(entry: dict[str, object]) -> tuple[object, ...]:
    return (entry["id"], entry["start"], entry["field"])


def why(entry: dict[str, object], wrong_speaker: set[tuple[object, object]]) -> str:
    """A one-line account of one failure, by kind."""
    field, gold, got = entry["field"], entry["gold"], entry["got"]
    if field == "missed":
        if fold(str(entry["token"])) not in FORMS:
            return "the word is not in the reporting lexicon"
        return "in the lexicon, but no attributed content is recognised after it in this context"
    if field == "spurious":
        return (
            "a reporting form that attributes nothing here (a noun, an adjective, "
            "a verb of another role, or a line of page furniture)"
        )
    g, p = (None if gold is None else str(gold)), (None if got is None else str(got))
    if field == "speaker":
        if p is None:
            return (
                "no explicit source found (a subject before the verb, a quoted or bracketed name, "
                "or a long description)"
            )
        if g is None:
            return "an object, adjunct or pronoun taken as the source where gold has none"
        if g.startswith(p):
            return "source cut short before: " + g[len(p) :].strip()[:40]
        if p.startswith(g):
            return "source runs on into the object or an adjunct: " + p[len(g) :].strip()[:40]
        return "a different phrase taken as the source"
    if (entry["id"], entry["start"]) in wrong_speaker:
        return "follows from the wrong explicit speaker"
    if g is None:
        return "resolved where gold has no referent (an impersonal or unknowable source)"
    if p is None:
        return "no compatible referent found (gender/number or a referent that is no report source)"
    return "resolved to another mention: the referent is not the most recent compatible source"


if __name__ == "__main__":  # pragma: no cover - a maintenance tool
    now = current(sorted(GOLD.glob("*.json")))
    bad = {(e["id"], e["start"]) for e in now if e["field"] == "speaker"}
    listed = [{**e, "why": why(e, bad)} for e in now]
    if "--write" in sys.argv:
        path = Path(__file__).parent / "fixtures" / "known_failures.json"
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["failures"] = listed
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        json.dump(listed, sys.stdout, ensure_ascii=False, indent=1)

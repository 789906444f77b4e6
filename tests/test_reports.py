"""find_reports: reporting words, their form, source and resolution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnewsparse
from arnewsparse.normalize import Normalized
from arnewsparse.reports import find_reports

import known_failures

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
GOLD = Path(__file__).parents[1].parent / "shared" / "corpus" / "gold"

SEEDS = json.loads((FIXTURES / "seed_reports.json").read_text(encoding="utf-8"))
KNOWN = json.loads((FIXTURES / "known_failures.json").read_text(encoding="utf-8"))["failures"]
# the seeds' known failures, by example file (gold id "seed-<file stem>"): none today
KNOWN_KEYS = {
    (str(k["id"]).removeprefix("seed-") + ".txt", k["start"], k["field"])
    for k in KNOWN
    if str(k["id"]).startswith("seed-")
}


# evaluate.py's comparisons, shared with tests/known_failures.py
_norm = known_failures.norm
_same_source = known_failures.same_source


def _one(text: str):  # type: ignore[no-untyped-def]
    reports = find_reports(text)
    assert len(reports) == 1, [r.token for r in reports]
    return reports[0]


# --- the seeds: every gold report, asserted ---------------------------------


def _seed_cases() -> list[tuple[str, dict[str, object]]]:
    return [(s["file"], g) for s in SEEDS for g in s["reports"]]


@pytest.mark.parametrize(("file", "gold"), _seed_cases(), ids=lambda x: x if isinstance(x, str) else None)
def test_seed_report(file: str, gold: dict[str, object]) -> None:
    text = (ARTICLES / file).read_text(encoding="utf-8")
    reports = arnewsparse.parse(text).reports
    start = int(gold["start"])  # type: ignore[call-overload]
    token = str(gold["token"])
    found = [r for r in reports if start <= r.verb.start < start + len(token)]
    if (file, start, "missed") in KNOWN_KEYS:
        assert not found, "a known failure now passes: remove it from known_failures.json"
        return
    assert found, f"missed {token}@{start}"
    r = found[0]
    assert r.lemma.replace("أ", "ا") == str(gold["lemma"]).replace("أ", "ا")
    assert r.form.value == gold["form"]
    spk_ok = _norm(r.speaker.text if r.speaker else None) == _norm(gold["speaker"])  # type: ignore[arg-type]
    res_ok = _same_source(
        _norm(gold["speaker_resolved"]),  # type: ignore[arg-type]
        _norm(r.speaker_resolved.text if r.speaker_resolved else None),
    )
    for what, ok in (("speaker", spk_ok), ("speaker_resolved", res_ok)):
        if (file, start, what) in KNOWN_KEYS:
            assert not ok, f"{token}@{start} {what} now right: remove it from known_failures.json"
        else:
            assert ok, f"{token}@{start}: wrong {what}"


def test_seeds_have_no_spurious_reports() -> None:
    for seed in SEEDS:
        text = (ARTICLES / seed["file"]).read_text(encoding="utf-8")
        gold = [(g["start"], g["start"] + len(g["token"])) for g in seed["reports"]]
        for r in arnewsparse.parse(text).reports:
            if (seed["file"], r.verb.start, "spurious") in KNOWN_KEYS:
                continue
            assert any(a <= r.verb.start < b for a, b in gold), (
                f"{seed['file']}: spurious {r.token}@{r.verb.start}"
            )


# --- report cases as data (tests/fixtures/reports.json) -----------------------------

CASES = json.loads((FIXTURES / "reports.json").read_text(encoding="utf-8"))["cases"]


def _regions(text: str, kind: str | None) -> list[tuple[int, int, bool]] | None:
    if kind == "headline":
        return [(0, len(text), True)]
    if kind == "lines":
        out, pos = [], 0
        for line in text.split("\n"):
            out.append((pos, pos + len(line), False))
            pos += len(line) + 1
        return out
    return None


def _text(span: object) -> str | None:
    return None if span is None else str(span.text)  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:60] for c in CASES])
def test_report_case(case: dict[str, object]) -> None:
    text = str(case["text"])
    reports = find_reports(text, regions=_regions(text, case.get("regions")))  # type: ignore[arg-type]
    if "verbs" in case:
        assert [r.verb.text for r in reports] == case["verbs"], case["why"]
    for want in case.get("expect", ()):  # type: ignore[attr-defined]
        same = [r for r in reports if r.verb.text == want["verb"]]
        assert same, f"{want['verb']} not found ({case['why']})"
        r = same[want.get("at", 0)]
        got = {
            "lemma": r.lemma,
            "form": r.form.value,
            "speaker": _text(r.speaker),
            "resolved": _text(r.speaker_resolved),
            "quote": _text(r.quote),
            "in_headline": r.in_headline,
        }
        for key, value in want.items():
            if key in ("verb", "at"):
                continue
            if key == "content_starts":
                assert r.content is not None and r.content.text.startswith(value), case["why"]
            else:
                assert got[key] == value, f"{want['verb']} {key}: {got[key]!r} != {value!r} ({case['why']})"


def test_regions_and_precomputed_normalized() -> None:
    text = "عنوان الخبر\nقال المتحدث إن الوضع مستقر.\nوأضاف أن الحوار مستمر."
    norm = Normalized(text)
    a, b = text.index("\n"), text.rindex("\n")
    regions = [(0, a, True), (a + 1, b, False), (b + 1, len(text), False)]
    reports = find_reports(text, regions=regions, normalized=norm)
    assert [r.token for r in reports] == ["قال", "وأضاف"]
    assert reports[1].speaker_resolved is not None and reports[1].speaker_resolved.text == "المتحدث"


# --- properties -------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("قال أكد وأضاف أن إن : « » “ ” . ، \n ًّ مشيرا إلى بين الرئيس بوتين يذكر"))


@given(st.text(alphabet=_ALPHABET, max_size=200) | st.text(max_size=200))
def test_never_raises_and_spans_are_exact(text: str) -> None:
    for r in find_reports(text):
        for span in (r.verb, r.speaker, r.speaker_resolved, r.content, r.quote):
            if span is not None:
                assert text[span.start : span.end] == span.text


@given(st.text(alphabet=_ALPHABET, max_size=200), st.integers(0, 200), st.integers(0, 200))
def test_reports_lie_inside_their_region(text: str, a: int, b: int) -> None:
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    for r in find_reports(text, regions=[(a, b, False)]):
        assert a <= r.verb.start and r.verb.end <= b
        if r.speaker is not None:
            assert a <= r.speaker.start and r.speaker.end <= b


# --- the corpus (skipped without ../shared) -------------------------------------------


_FLOORS_FILE = Path(__file__).parent / "fixtures" / "gold_floors.json"
_FLOOR_GROUPS = json.loads(_FLOORS_FILE.read_text("utf-8"))["groups"]


@pytest.mark.corpus
@pytest.mark.skipif(not GOLD.exists(), reason="../shared/corpus/gold is absent")
@pytest.mark.parametrize("group", sorted(_FLOOR_GROUPS))
def test_gold_detection_floor(group: str) -> None:
    """Verb detection F1 on one group of gold files, counted here independently of evaluate.py,
    against that group's reports_f1 floor (tests/fixtures/gold_floors.json)."""
    spec = _FLOOR_GROUPS[group]
    paths = [GOLD / name for name in spec["files"]]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"a gold file of {group} is absent")
    tp = fp = fn = 0
    for path in paths:
        for art in json.loads(path.read_text(encoding="utf-8")):
            gold = [(g["start"], g["start"] + len(g["token"])) for g in art["reports"]]
            got = [r.verb.start for r in arnewsparse.parse(art["raw"]).reports]
            hit = {i for s in got for i, (a, b) in enumerate(gold) if a <= s < b}
            tp += len(hit)
            fp += sum(1 for s in got if not any(a <= s < b for a, b in gold))
            fn += len(gold) - len(hit)
    p, r = tp / (tp + fp), tp / (tp + fn)
    assert 2 * p * r / (p + r) >= spec["floors"]["reports_f1"]


@pytest.mark.corpus
@pytest.mark.skipif(not GOLD.exists(), reason="../shared/corpus/gold is absent")
def test_known_failures_are_still_failing() -> None:
    """Each entry of known_failures.json is still wrong; a fixed case must be removed from the file."""
    listed = {known_failures.key(k): k for k in KNOWN}
    paths = sorted({GOLD / f for f in GOLD.glob("*.json")})
    now = {known_failures.key(k) for k in known_failures.current(paths)}
    fixed = [
        f"{k['id']} {k['token']}@{k['start']} {k['field']}" for key, k in listed.items() if key not in now
    ]
    assert not fixed, f"fixed: run `python tests/known_failures.py --write` and review ({fixed[:20]})"
    for k in KNOWN:
        assert k["why"] and k["field"] in known_failures.FIELDS

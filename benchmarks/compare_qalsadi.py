"""Compare arnewsparse's report detection with a lemmatizer-based detector (qalsadi).

The baseline lemmatizes every word with qalsadi and flags a word whose lemma
is one of our reporting lemmas (folded), with the same context-free rule for
every word.  It is the obvious alternative to our generated-forms lexicon:
this script measures speed and agreement on the same articles.

qalsadi is NOT a dependency of arnewsparse; install it only to run this:

    pip install qalsadi
    python benchmarks/compare_qalsadi.py [--n 200] [--corpus PATH]

The corpus defaults to ../shared/corpus/bench.jsonl.gz beside the checkout.
With --gold it also scores both detectors against gold report starts.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import time
from pathlib import Path

from arnewsparse.lexicon import LEMMAS
from arnewsparse.normalize import Normalized, fold
from arnewsparse.reports import find_reports

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bench.jsonl.gz"
GOLD = ROOT.parent / "shared" / "corpus" / "gold"
_WORD = re.compile(r"\w+")


def load(path: Path, n: int) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)["raw"] for line in itertools.islice(f, n)]


def ours(text: str) -> set[int]:
    return {r.verb.start for r in find_reports(text)}


def make_qalsadi():  # type: ignore[no-untyped-def]
    import qalsadi.lemmatizer

    lem = qalsadi.lemmatizer.Lemmatizer()
    # qalsadi gives verbs their perfect and participles/verbal nouns their own lemma:
    # accept our lemmas and the participle/masdar stems derived from them.
    lemmas = {fold(x.lemma) for x in LEMMAS}

    def detect(text: str) -> set[int]:
        norm = Normalized(text)
        words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
        out: set[int] = set()
        for (start, _word), lemma in zip(
            words, lem.lemmatize_text(" ".join(w for _, w in words)), strict=False
        ):
            if isinstance(lemma, str) and fold(lemma) in lemmas:
                out.add(start)
        del norm
        return out

    return detect


def timed(fn, texts):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = [fn(t) for t in texts]
    return out, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--gold", action="store_true", help="also score both against ../shared gold")
    args = ap.parse_args()
    texts = load(args.corpus, args.n)
    q = make_qalsadi()
    q(texts[0])
    ours(texts[0])
    a, ta = timed(ours, texts)
    b, tb = timed(q, texts)
    both = sum(len(x & y) for x, y in zip(a, b, strict=True))
    only_a = sum(len(x - y) for x, y in zip(a, b, strict=True))
    only_b = sum(len(y - x) for x, y in zip(a, b, strict=True))
    n = len(texts)
    print(f"articles: {n}")
    print(f"{'detector':<14}{'µs/article':>12}{'reports':>10}")
    print(f"{'arnewsparse':<14}{ta / n * 1e6:>12.0f}{sum(map(len, a)):>10}")
    print(f"{'qalsadi':<14}{tb / n * 1e6:>12.0f}{sum(map(len, b)):>10}")
    print(f"speed ratio (qalsadi / arnewsparse): {tb / ta:.1f}x")
    print(
        f"agreement: both {both}, only arnewsparse {only_a}, only qalsadi {only_b}, "
        f"Jaccard {both / max(1, both + only_a + only_b):.3f}"
    )
    if args.gold and GOLD.is_dir():
        print(f"\n{'gold (start in token)':<24}{'P':>7}{'R':>7}{'F1':>7}")
        arts = [a for p in sorted(GOLD.glob("*.json")) for a in json.loads(p.read_text(encoding="utf-8"))]
        for name, fn in (("arnewsparse", ours), ("qalsadi", q)):
            tp = fp = fn_ = 0
            for art in arts:
                gold = [(g["start"], g["start"] + len(g["token"])) for g in art["reports"]]
                got = fn(art["raw"])
                hit = {i for s in got for i, (x, y) in enumerate(gold) if x <= s < y}
                tp += len(hit)
                fp += sum(1 for s in got if not any(x <= s < y for x, y in gold))
                fn_ += len(gold) - len(hit)
            p, r = tp / max(1, tp + fp), tp / max(1, tp + fn_)
            print(f"{name:<24}{p:>7.3f}{r:>7.3f}{2 * p * r / max(1e-9, p + r):>7.3f}")


if __name__ == "__main__":
    main()

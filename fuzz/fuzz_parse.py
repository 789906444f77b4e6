"""Atheris fuzz harness for :func:`arnewsparse.parse` and :func:`arnewsparse.decode.parse_bytes`.

Run it (see fuzz/README.md)::

    pip install atheris
    mkdir -p /tmp/fuzz-work /tmp/fuzz-artifacts
    python fuzz/fuzz_parse.py /tmp/fuzz-work fuzz/corpus -artifact_prefix=/tmp/fuzz-artifacts/ \\
        -max_total_time=3600 -timeout=60 -rss_limit_mb=4096

The first byte of an input picks a *mode*; the rest is read as:

* ``0`` text: UTF-8, invalid bytes becoming lone surrogates (``surrogateescape``),
  so every code point, control character and broken surrogate is reachable;
* ``1`` tokens: each byte (below ``0xA0``; else a byte pair) picks a fragment from a vocabulary of
  Arabic news pieces: reporting words from the lexicon, words of the shipped
  articles, stamps, boilerplate, quotation marks, separators, line ends, bidi
  controls, presentation forms, Persian letters, emoji ...  Random bytes thus
  become Arabic-heavy text that reaches deep into the pipeline;
* ``2`` bytes: the rest goes to :func:`parse_bytes` as is (decoding);
* ``3`` repeat: a token-mode unit repeated into a short and an eight times
  longer text; both are parsed and the per-character costs compared, which
  catches quadratic steps and backtracking regexes with small inputs.

A *crash* is any exception from ``parse`` (``parse_bytes`` may raise only
:class:`UnicodeDecodeError`) or a broken invariant (``tests/partcheck.py``:
spans round-trip, parts never overlap, every visible character lies in one
part, reports lie in the body).  A *slow* input (a parse over ``SLOW_S``
seconds, or a repeat whose per-character cost grew more than ``SLOW_GROWTH``
times) is appended to the log named by ``$FUZZ_LOG`` (default
``/tmp/fuzz-slow.jsonl``) and raised as a crash only with ``FUZZ_SLOW_RAISES=1``,
so one known slow step does not stop the search for other bugs.

``python fuzz/fuzz_parse.py --decode FILE...`` prints what the harness makes of
saved inputs (mode and text as JSON), to turn them into regression fixtures
(``tests/fixtures/regressions/``).
"""

# Imports inside functions are deliberate: atheris must instrument arnewsparse as it is
# imported, and the harness must load without atheris for --decode and the tests.
# ruff: noqa: PLC0415

from __future__ import annotations

import functools
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))  # partcheck: the invariants the unit tests check

MODES = ("text", "tokens", "bytes", "repeat")
SLOW_S = 5.0
SLOW_GROWTH = 3.0
REPEAT_SHORT = 2_000
REPEAT_LONG = 16_000

# In token mode a byte below WORD_BYTE picks a fragment; one at or above it, with the
# next byte, picks a word of the vocabulary.
WORD_BYTE = 0xA0

# Fixed fragments (at most WORD_BYTE of them, so that each has a byte of its own).
FRAGMENTS: tuple[str, ...] = (
    # reporting and clause words
    "قال", "وقال", "قالت", "وأضاف", "أكد", "وأكدت", "مشيرا إلى أن", "لافتاً", "قوله", "يشار إلى أن",
    "أن", "إن", "بأن", "أنه", "على أن", "الذي", "التي", "وكان", "قد", "في", "من", "عن", "إلى",
    # sources and names
    "الرئيس الروسي فلاديمير بوتين", "وزير الخارجية", "المتحدث باسم", "الوزير", "بوتين",
    # stamps, credits, boilerplate
    "موسكو – سانا", "جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس", "لندن: «الشرق الأوسط»",
    "(CNN) --", "SHARE", "تابعونا عبر تطبيق واتس أب :", "https://t.me/x", "اقرأ أيضاً:", "سمات",
    "Posted from صحيفة تشرين", "المصدر: وكالات", "* عنوان فرعي", "الخميس", "أمس", "2019",
    # punctuation and quotation marks
    "«", "»", "“", "”", '"', "'", ":", ".", "،", "؟", "!", "؛", "-", "–", "—", "..", "...", "(", ")",
    "[", "]", "&quot;", "&nbsp;", "&amp;", "<br>",
    # white space and line ends
    " ", " ", " ", "  ", "\n", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\t", "\xa0", "\x0b", "\x0c",
    "\x85",
    # invisible and control characters
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
    "\u2069", "\u200b", "\u200c", "\u200d", "\ufeff", "\u061c", "\xad", "\x00", "\x01", "\x1b", "\x7f",
    "\ud800", "\udfff",
    # tatweel, tashkeel, Quranic marks
    "ـ", "ـــ", "ّ", "ً", "َ", "ُ", "ْ", "ٰ", "ۖ", "ۗ", "۝", "۞",
    # presentation forms, Persian and Urdu letters, digits
    "ﻻ", "ﷺ", "ﷲ", "ﻗﺎﻝ", "ﺍﻟﺮﺋﻴﺲ", "ﻭﻗﺎﻝ", "ی", "ک", "ۀ", "گ", "پ", "ے", "ہ", "٢٠١٩", "۱۴۳۶",
    # other scripts and symbols
    "😀", "👍🏽", "abc", "Reuters", "AFP", "é", "Привет", "中文", "\U0001f1f8\U0001f1fe", "₪", "٪",
)  # fmt: skip


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    """Words picked by a byte pair: reporting words first, then words of the shipped articles."""
    from arnewsparse.lexicon import FORMS, LEMMAS

    words: list[str] = [lemma.lemma for lemma in LEMMAS]
    words += list(FORMS)[:3000]
    seen = set(words)
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        for w in path.read_text(encoding="utf-8").split():
            if w not in seen:
                seen.add(w)
                words.append(w)
    return tuple(words)


def _tokens(data: bytes) -> str:
    words = _vocabulary()
    out: list[str] = []
    i = 0
    while i < len(data):
        b = data[i]
        if b < WORD_BYTE or i + 1 == len(data):
            out.append(FRAGMENTS[b % len(FRAGMENTS)])
            i += 1
        else:
            out.append(words[((b - WORD_BYTE) << 8 | data[i + 1]) % len(words)])
            i += 2
    return "".join(out)


def decode_input(data: bytes) -> tuple[str, str | bytes]:
    """The mode an input selects and what it hands to the parser (``str``, or ``bytes`` in mode 2)."""
    if not data:
        return "text", ""
    mode = MODES[data[0] % len(MODES)]
    rest = data[1:]
    if mode == "text":
        return mode, rest.decode("utf-8", errors="surrogateescape")
    if mode == "bytes":
        return mode, rest
    return mode, _tokens(rest)


class SlowInput(Exception):
    """Raised (with FUZZ_SLOW_RAISES=1) for an input that parses too slowly."""


def _log_slow(mode: str, text: str | bytes, detail: dict[str, float]) -> None:
    record = {"mode": mode, "detail": detail}
    if isinstance(text, bytes):
        record["bytes_hex"] = text.hex()
    else:
        record["text"] = text if len(text) <= 2000 else text[:2000]
    with open(os.environ.get("FUZZ_LOG", "/tmp/fuzz-slow.jsonl"), "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")
    if os.environ.get("FUZZ_SLOW_RAISES") == "1":
        raise SlowInput(json.dumps(detail))


def _parse_checked(text: str) -> float:
    import arnewsparse

    from partcheck import check_article

    t0 = time.perf_counter()
    article = arnewsparse.parse(text)
    elapsed = time.perf_counter() - t0
    check_article(article)
    return elapsed


def test_one_input(data: bytes) -> None:
    """The fuzz target: raises on a crash or a broken invariant."""
    mode, payload = decode_input(data)
    if isinstance(payload, bytes):
        from arnewsparse.decode import decode_bytes, parse_bytes

        from partcheck import check_article

        try:
            decoded = decode_bytes(payload)
        except UnicodeDecodeError:
            return
        article, encoding = parse_bytes(payload)
        assert encoding == decoded.encoding and article.text == decoded.text
        check_article(article)
        return
    if mode == "repeat":
        unit = payload[:40]
        if not unit.strip():
            return
        short = (unit * (REPEAT_SHORT // len(unit) + 1))[:REPEAT_SHORT]
        long = (unit * (REPEAT_LONG // len(unit) + 1))[:REPEAT_LONG]
        t_short = min(_parse_checked(short) for _ in range(3))
        t_long = _parse_checked(long)
        growth = (t_long / len(long)) / max(t_short / len(short), 1e-9)
        # below 50 ms the long parse is too short to time reliably
        if (growth > SLOW_GROWTH and t_long > 0.05) or t_long > SLOW_S:
            _log_slow(mode, unit, {"growth": growth, "t_short": t_short, "t_long": t_long})
        return
    elapsed = _parse_checked(payload)
    if elapsed > SLOW_S:
        _log_slow(mode, payload, {"seconds": elapsed, "chars": len(payload)})


def _print_decoded(paths: list[str]) -> None:
    for p in paths:
        mode, payload = decode_input(Path(p).read_bytes())
        shown = payload.hex() if isinstance(payload, bytes) else payload
        print(json.dumps({"file": p, "mode": mode, "input": shown}, ensure_ascii=True))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--decode":
        _print_decoded(sys.argv[2:])
        return
    import atheris  # type: ignore[import-untyped]

    with atheris.instrument_imports():
        import arnewsparse.decode  # noqa: F401
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

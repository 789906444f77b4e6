"""Write the fuzz seed corpus, ``fuzz/corpus/``, from the shipped articles and the hardening inputs.

    python fuzz/make_corpus.py

Each seed is one input for ``fuzz_parse.py``: a mode byte, then the payload
(see that module).  Seeds cover every mode: the shipped articles as text and
in several encodings, the special characters of issue #7, token sequences
shaped like stamps, reports and boilerplate, and the adversarial repetition
units of ``benchmarks/scaling.py``.  File names are stable, so re-running this
script only rewrites the seeds it owns.
"""

from __future__ import annotations

import codecs
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fuzz_parse import FRAGMENTS, MODES, ROOT  # noqa: E402

CORPUS = HERE / "corpus"


def _mode(name: str) -> bytes:
    return bytes([MODES.index(name)])


def _tokens(*fragments: str) -> bytes:
    """Token-mode bytes spelling these fragments (each must be in FRAGMENTS)."""
    return bytes(FRAGMENTS.index(f) for f in fragments)


SPECIAL_TEXTS = {
    "empty": "",
    "space": "   \n\n \t",
    "one-char": "x",
    "one-arabic": "ق",
    "punct": "!!! ... ؟؟ ،، :: -- «» “”",
    "latin": "The minister said on Monday that talks would resume.",
    "crlf": "عنوان الخبر\r\n\r\nموسكو – سانا\r\nقال الوزير إن الوضع مستقر.\r\n",
    "cr": "عنوان الخبر\r\rقال الوزير إن الوضع مستقر.\r",
    "u2028": "عنوان الخبر\u2028\u2028قال الوزير: «نعم».\u2029وأضاف أن الحل سياسي.",
    "tabs-nul": "عنوان\t\tالخبر\x00\n\x01قال\x1b الوزير\x7f إن الوضع مستقر.",
    "bidi": (
        "\u202bعنوان الخبر\u202c\n\u200fموسكو – سانا\u200e\n\u2066قال\u2069 الوزير\u200d إن الحل\u200c سياسي."
    ),
    "presentation": "ﻋﻨﻮﺍﻥ ﺍﻟﺨﺒﺮ\nﻭﻗﺎﻝ ﺍﻟﺮﺋﻴﺲ ﺇﻥ ﺍﻟﺤﻞ ﺳﻴﺎﺳﻲ. ﷺ ﻻ",
    "persian": "خبر تازه\nوزیر گفت که کار یک ماه طول می‌کشد. قال الوزير إن ۀ ی ک",
    "quranic": "قال تعالى: ﴿ إِنَّ ٱللَّهَ مَعَ ٱلصَّٰبِرِينَ ۖ ۗ ۝١ ﴾",
    "emoji": "عاجل 🔴 قال الرئيس 👍🏽 إن \U0001f1f8\U0001f1fe بخير 😀",
    "tatweel": "عـــاجـــل\nقـــال الـــوزير إنّ الوضـــعَ مستقـــرٌّ.",
    "entities": "عنوان&nbsp;الخبر\nقال الوزير&nbsp;إن &quot;الحل&quot; سياسي &amp; عادل.",
}

TOKEN_SEQUENCES = {
    "stamp-report": (
        "موسكو – سانا", "\n", "وقال", " ", "الرئيس الروسي فلاديمير بوتين", " ", "إن", " ", "«", "الوزير",
        "»", ".", "\n\n", "وأضاف", " ", "أن", " ", "قد", ".",
    ),
    "boilerplate": ("SHARE", "\n", "تابعونا عبر تطبيق واتس أب :", "\n", "https://t.me/x", "\n", "سمات"),
    "colon-quote": ("قال", ":", " ", '"', "الوزير", '"', " ", "قالت", " ", "إن", " ", "“", "”"),
    "dates": ("جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس", "\n", "أكد", " ", "الخميس", " ", "أن"),
    "invisible": (
        "\u200f", "قال", "\u202b", " ", "\u2066", "الوزير", "\u2069", " ", "ﻻ", "ی", "\x00", "\ud800",
    ),
}  # fmt: skip

REPEAT_UNITS = ("وقال ", ": ", '"', "«", "«» ", "- ", "قال\n", "كلمة\n", "موسكو – سانا\n", 'قال: "نعم" ')


def seeds() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    articles = sorted((ROOT / "examples" / "articles").glob("*.txt"))
    for path in articles:
        text = path.read_text(encoding="utf-8")
        out[f"article-{path.stem[:3]}"] = _mode("text") + text.encode()
    first = articles[0].read_text(encoding="utf-8")[:1500]
    out["bytes-utf8"] = _mode("bytes") + first.encode()
    out["bytes-utf8-bom"] = _mode("bytes") + codecs.BOM_UTF8 + first.encode()
    out["bytes-utf16le"] = _mode("bytes") + first.encode("utf-16")
    out["bytes-utf16be"] = _mode("bytes") + codecs.BOM_UTF16_BE + first.encode("utf-16-be")
    out["bytes-cp1256"] = _mode("bytes") + first.encode("cp1256", errors="ignore")
    out["bytes-latin1"] = _mode("bytes") + "Le ministre a déclaré à la presse.".encode("latin-1")
    out["bytes-binary"] = _mode("bytes") + bytes(range(256))
    for name, text in SPECIAL_TEXTS.items():
        out[f"text-{name}"] = _mode("text") + text.encode("utf-8", errors="surrogateescape")
    out["text-lone-surrogate"] = _mode("text") + b"\xed\xa0\x80 \xff\xfe \xc3"
    for name, seq in TOKEN_SEQUENCES.items():
        out[f"tokens-{name}"] = _mode("tokens") + _tokens(*seq)
    for unit in REPEAT_UNITS:
        digest = hashlib.sha1(unit.encode()).hexdigest()[:8]
        # a repeat seed's payload is token bytes: spell the unit with single-character fragments
        # where possible, else as mode-0 text repeated by hand
        try:
            payload = _tokens(*_split_fragments(unit))
        except ValueError:
            out[f"text-repeat-{digest}"] = _mode("text") + (unit * 400).encode()
            continue
        out[f"repeat-{digest}"] = _mode("repeat") + payload
    return out


def _split_fragments(unit: str) -> list[str]:
    """Greedy longest-match split of ``unit`` into FRAGMENTS; ValueError when impossible."""
    parts: list[str] = []
    i = 0
    by_len = sorted(set(FRAGMENTS), key=len, reverse=True)
    while i < len(unit):
        frag = next((f for f in by_len if f and unit.startswith(f, i)), None)
        if frag is None:
            raise ValueError(unit)
        parts.append(frag)
        i += len(frag)
    return parts


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    for name, data in seeds().items():
        (CORPUS / name).write_bytes(data)
    print(f"{len(seeds())} seeds in {CORPUS}")


if __name__ == "__main__":
    main()

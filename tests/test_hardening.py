"""Issue #7, hardening: any ``str`` parses, nothing is lost, work grows linearly.

Everything here is structural; wall-clock timings belong to
``benchmarks/scaling.py``.  Linearity is checked with three deterministic
measures that a quadratic step inflates: the peak memory a parse allocates
(``tracemalloc``), the number of function calls it makes (``sys.setprofile``)
and the total length of the spans it returns.  Each is taken at two sizes
eight times apart; per character it must not grow more than ``GROWTH`` times
(quadratic work grows about eight times).  Inputs whose fix belongs to
another module are marked ``xfail(strict=True)`` with the module named, so the
suite stays green and turns red the moment a fix lands (remove the mark then).
"""

from __future__ import annotations

import gc
import sys
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnewsparse
from arnewsparse import Article

from conftest import seed_paths, seed_text
from partcheck import all_spans, check_article

# --- the input contract ------------------------------------------------------------


@pytest.mark.parametrize("data", [b"bytes", bytearray(b"x"), memoryview(b"x")], ids=type)
def test_bytes_type_error_names_parse_bytes(data: object) -> None:
    with pytest.raises(TypeError, match="parse_bytes"):
        arnewsparse.parse(data)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bad", "name"), [(None, "NoneType"), (3, "int"), (1.5, "float"), (["a"], "list"), (object(), "object")]
)
def test_other_types_name_the_type(bad: object, name: str) -> None:
    with pytest.raises(TypeError, match=name):
        arnewsparse.parse(bad)  # type: ignore[arg-type]


def test_str_subclass_is_accepted() -> None:
    class Text(str):
        pass

    check_article(arnewsparse.parse(Text("قال الوزير إن الحل سياسي.")))


# --- any str: never raises, lossless --------------------------------------------------

ARTICLE = seed_text("004_31896b099c16ff1e.txt")

SPECIAL_INPUTS: dict[str, str] = {
    "empty": "",
    "space": " ",
    "whitespace-only": " \t\n\r\n\u2028\xa0\u3000\n\n",
    "one-char": "x",
    "one-arabic-letter": "ق",
    "one-mark": "\u0651",
    "one-tatweel": "ـ",
    "no-arabic": "The minister said on Monday that talks would resume.\n\nMore to follow.",
    "all-punctuation": "!!! ... ؟؟ ،، :: -- «» “” ’‘ () [] {} … — – • * / \\ | @ # % ^ & ~",
    "cr": ARTICLE.replace("\n", "\r"),
    "crlf": ARTICLE.replace("\n", "\r\n"),
    "u2028": ARTICLE.replace("\n", "\u2028"),
    "u2029-nel-vt-ff": ARTICLE.replace("\n\n", "\u2029").replace("\n", "\x85") + "\x0b\x0cقال",
    "tabs": ARTICLE.replace(" ", "\t"),
    "nul-controls": "\x00عنوان\x01\n\x1bقال\x7f الوزير\x00 إن\x08 الحل\x1f سياسي.\x00",
    "lone-surrogates": "\ud800قال\udfff الوزير إن \udc80«الحل» \ud83d سياسي.\n\ud800",
    "bidi-controls": "".join(
        c + w
        for c, w in zip(
            "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" * 30,
            ARTICLE.split(" "),
            strict=False,
        )
    ),
    "zero-width": ARTICLE.replace("ال", "ا\u200dل").replace(" ", " \u200c\u200b"),
    "presentation-forms": "ﻋﻨﻮﺍﻥ ﺍﻟﺨﺒﺮ\n\nﻣﻮﺳﻜﻮ – ﺳﺎﻧﺎ\nﻭﻗﺎﻝ ﺍﻟﺮﺋﻴﺲ ﺇﻥ ﺍﻟﺤﻞ ﺳﻴﺎﺳﻲ. ﷺ ﻻ ﷲ ﻵ",
    "persian-urdu": "خبر تازه\nوزیر گفت که کار یک ماه طول می‌کشد. ۀ ی ک ے ہ ڈ ٹ ں\nقال الرئیس إن الحل سیاسی.",
    "quranic": "قال تعالى: ﴿ إِنَّ ٱللَّهَ مَعَ ٱلصَّٰبِرِينَ ۖ ۗ ۘ ۙ ۚ ۛ ۜ ۝١ ۞ ۩ ﴾ وأضاف أن ذلك صحيح.",
    "emoji": "عاجل 🔴🔴\nقال الرئيس 👍🏽 إن \U0001f1f8\U0001f1fe «بخير» 😀\n👨\u200d👩\u200d👧",
    "mixed-latin": "BREAKING: قال CEO شركة Apple تيم كوك Tim Cook إن iPhone 15 «رائع».\n(CNN) -- Reuters",
    "html-entities": "عنوان&nbsp;الخبر\n&nbsp;\nقال الوزير&nbsp;إن &quot;الحل&quot; سياسي &amp; عادل &#160;.",
    "only-entities": "&nbsp;&nbsp;\n&quot;&amp;",
    "only-marks": "\u0651\u064b\u0640\u200f\u202b\n\u0670\u06d6",
    "tatweel-runs": "عـــاجـــل\nقـــال الـــوزيـــر إنّ الوضـــعَ مستقـــرٌّ.\nـــــــ",
    "lone-combining": "\u0301\u0651 قال \u20dd الوزير \ufe0f إن",
    "private-use-noncharacters": "\ue000قال\uffff الوزير \U0010ffff إن \ufffe الحل.",
    "replacement-chars": "\ufffd\ufffd قال الوزير إن \ufffd الحل.",
    "mixed-line-ends": "عنوان\r\nسطر\rسطر\n\u2028قال الوزير إن الحل.\u2029\x85وأضاف أن\x0cذلك صحيح.",
    "digits-only": "2019 ١٤٣٦ ۱۴۳۶ 10/08/2015 ٢٥-٠٨",
    "colon-only": ":",
    "quote-only": "«",
    "verb-only": "قال",
    "stamp-only": "موسكو – سانا",
    "url-only": "https://t.me/x?a=1&b=2#frag",
    "real-article": ARTICLE,
}


@pytest.mark.parametrize("text", SPECIAL_INPUTS.values(), ids=SPECIAL_INPUTS.keys())
def test_special_input_parses_losslessly(text: str) -> None:
    article = arnewsparse.parse(text)
    assert isinstance(article, Article)
    assert article.text == text
    check_article(article)


@pytest.mark.parametrize("name", ["lone-surrogates", "bidi-controls", "presentation-forms", "html-entities"])
def test_result_serialises(name: str) -> None:
    article = arnewsparse.parse(SPECIAL_INPUTS[name])
    assert Article.from_dict(article.to_dict()) == article


def test_parse_is_deterministic() -> None:
    text = SPECIAL_INPUTS["mixed-line-ends"] + ARTICLE
    assert arnewsparse.parse(text) == arnewsparse.parse(text)


def test_100000_short_lines() -> None:
    lines = [ln.strip() for ln in ARTICLE.splitlines() if ln.strip()]
    words = " ".join(lines).split()
    # short lines cut from real text: 1 to 4 words each
    short = [" ".join(words[i % len(words) : i % len(words) + 1 + i % 4]) for i in range(100_000)]
    text = "\n".join(short)
    article = arnewsparse.parse(text)
    check_article(article)


def test_100000_empty_and_blank_lines() -> None:
    text = "\n" * 50_000 + " \n\t\r\n" * 50_000 + "قال الوزير إن الحل سياسي."
    article = arnewsparse.parse(text)
    check_article(article)
    assert len(article.paragraphs) + (article.headline is not None) == 1


def test_one_5mb_line() -> None:
    one_line = " ".join(" ".join(p.read_text(encoding="utf-8") for p in seed_paths()).split())
    text = (one_line + " ") * (5_000_000 // (len(one_line) + 1) + 1)
    text = text[:5_000_000]
    article = arnewsparse.parse(text)
    check_article(article)
    assert article.paragraphs or article.headline is not None


# --- presentation forms and Persian letters are the Arabic letters they stand for ------


def _signature(article: Article) -> list[tuple[str, str, str | None]]:
    return [
        (r.lemma, r.form.value, arnewsparse.fold(r.speaker.text) if r.speaker is not None else None)
        for r in article.reports
    ]


def test_presentation_forms_match_as_letters() -> None:
    plain = "وقال الرئيس الروسي إن الحل سياسي. وأكد الوزير أن الوضع مستقر."
    shaped = "ﻭﻗﺎﻝ ﺍﻟﺮﺋﻴﺲ ﺍﻟﺮﻭﺳﻲ ﺇﻥ ﺍﻟﺤﻞ ﺳﻴﺎﺳﻲ. ﻭﺃﻛﺪ ﺍﻟﻮﺯﻳﺮ ﺃﻥ ﺍﻟﻮﺿﻊ ﻣﺴﺘﻘﺮ."
    a, b = arnewsparse.parse(plain), arnewsparse.parse(shaped)
    check_article(b)
    assert _signature(b) == _signature(a) and _signature(a)
    assert [r.verb.text for r in b.reports] == ["ﻭﻗﺎﻝ", "ﻭﺃﻛﺪ"]  # spans keep what was written


def test_lam_alef_ligature_expands() -> None:
    article = arnewsparse.parse("ﻻ قال الوزير إن الحل سياسي ﻻ.")
    check_article(article)
    assert [r.lemma for r in article.reports] == ["قال"]


def test_persian_letters_match_as_arabic() -> None:
    plain = "قال الرئيس إن الحل سياسي، وأكد وزير الخارجية أن المحادثات ستستمر."
    persian = plain.replace("ي", "ی").replace("ك", "ک").replace("ة", "ۀ")
    assert persian != plain
    a, b = arnewsparse.parse(plain), arnewsparse.parse(persian)
    check_article(b)
    assert _signature(b) == _signature(a) and _signature(a)


def test_marks_and_invisibles_do_not_hide_a_report() -> None:
    plain = "قال الوزير إن الحل سياسي."
    marked = "\u200fقَالَ\u200d الوزيـــر\u202b إنّ\u202c الحل سياسي."
    assert _signature(arnewsparse.parse(marked)) == _signature(arnewsparse.parse(plain))


# --- report spans lie inside the part they were found in -------------------------------


def check_report_spans_in_their_part(article: Article) -> None:
    """The verb, speaker, content and quote of a report lie in the one part holding the verb."""
    body = [s for kind, s in article.parts() if kind in ("headline", "subheadline", "paragraph")]
    for r in article.reports:
        home = [s for s in body if s.contains(r.verb)]
        assert len(home) == 1, f"report {r.verb} not in exactly one body part"
        for name in ("speaker", "content", "quote"):
            span = getattr(r, name)
            assert span is None or home[0].contains(span), f"{name} {span} leaves its part {home[0]}"


# reports.py, emit() once looked for the closing quotation mark past the end of the
# region, so a quote opened by a stray mark at the end of one paragraph ran into the next
# (about 2% of bench reports); these keep it inside.


def test_quote_does_not_leave_its_paragraph() -> None:
    article = arnewsparse.parse('وقال الوزير "\nوأضاف: "آخر".')
    check_article(article)
    check_report_spans_in_their_part(article)


# --- Arabic-heavy generated text -----------------------------------------------------------


def _article_fragments() -> list[str]:
    out: list[str] = []
    for path in seed_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [s.strip() + "." for s in line.split(".") if s.strip()]
            out += [" ".join(line.split()[:6])] if line.strip() else []
    return out


def _lexicon_words() -> list[str]:
    from arnewsparse.lexicon import FORMS, LEMMAS

    return [lemma.lemma for lemma in LEMMAS] + list(FORMS)[::7]


FRAGMENTS = _article_fragments()
WORDS = _lexicon_words()
PUNCT = [
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    "،",
    ":",
    "؟",
    "!",
    "«",
    "»",
    "“",
    "”",
    '"',
    "-",
    "–",
    "(",
    ")",
    "...",
]
SPECIAL = [
    *"\r\t\x00\x1b\x7f\xa0\u2028\u2029\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    *"\u200b\u200c\u200d\ufeff\u061c\u00ad\u0640\u0651\u064b\u0670\u06d6\u06dd\u06de",
    *"ﻻﷺﷲﻗﺎﻝﺍﻟﺮﺋﻴﺲیکۀگپےہ٢٠١٩۱۴۳۶",
    "\r\n",
    "\ud800",
    "\udfff",
    "😀",
    "👍🏽",
    "abc",
    "&nbsp;",
    "&quot;",
]

arabic_heavy = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(WORDS),
        st.sampled_from(PUNCT),
        st.sampled_from(SPECIAL),
    ),
    max_size=80,
).map("".join)


@given(arabic_heavy)
@example("")
@example("\n".join(FRAGMENTS[:40]))
def test_arabic_heavy_text_is_lossless(text: str) -> None:
    article = arnewsparse.parse(text)
    assert article.text == text
    check_article(article)


@given(arabic_heavy)
@example('وقال الوزير "\nوأضاف: "آخر".')
def test_arabic_heavy_report_spans_stay_in_their_part(text: str) -> None:
    check_report_spans_in_their_part(arnewsparse.parse(text))


@given(arabic_heavy, st.sampled_from(list(SPECIAL_INPUTS.values())))
def test_special_noise_around_generated_text(text: str, noise: str) -> None:
    check_article(arnewsparse.parse(noise + text + noise))


# --- linear work, measured structurally ---------------------------------------------------

GROWTH = 1.6
SMALL, LARGE = 1_000, 8_000


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _measure(text: str) -> tuple[int, int, int]:
    """Peak bytes allocated, function calls made and total span length of one parse."""
    calls = 0

    def count(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        calls += 1

    gc.collect()  # (garbage left by earlier tests must not be collected, or not, inside the measure)
    tracemalloc.start()
    sys.setprofile(count)
    try:
        article = arnewsparse.parse(text)
    finally:
        sys.setprofile(None)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    check_article(article)
    return peak, calls, sum(len(span) for _, span in all_spans(article))


def assert_linear(build: Callable[[int], str]) -> None:
    arnewsparse.parse(build(200))  # warm up lazy tables and regex caches
    # each size measured twice, the smaller of each figure kept: a first parse may fill a cache once
    small = tuple(map(min, _measure(build(SMALL)), _measure(build(SMALL))))
    large = tuple(map(min, _measure(build(LARGE)), _measure(build(LARGE))))
    for name, a, b in zip(("peak memory", "function calls", "span output"), small, large, strict=True):
        growth = (b / LARGE) / max(a / SMALL, 1e-9)
        assert growth <= GROWTH, f"{name} per character grew x{growth:.1f} from {SMALL} to {LARGE} characters"


# reports.py: each report's content runs to the sentence end, unbounded, so text of
# reporting verbs without a full stop yields content spans totalling O(n^2) characters
# (and O(n^2) memory).  More in tests/fixtures/regressions/.
PATTERNS: list[Any] = [
    # the adversarial repetitions
    pytest.param("وقال ", id="waqal"),
    pytest.param(": ", id="colons"),
    pytest.param('"', id="straight-quotes"),
    pytest.param("«", id="guillemets"),
    pytest.param("“”", id="curly-quotes"),
    pytest.param("- ", id="dashes"),
    # other shapes (those that broke a step are in tests/fixtures/regressions/)
    pytest.param("قال\n", id="verb-lines"),
    pytest.param("تابعونا:\n", id="colon-lines"),
    pytest.param("&nbsp;&quot;قال&amp; ", id="entities"),
    pytest.param("10 أغسطس 2015 ", id="dates"),
    pytest.param(".", id="dots"),
    pytest.param("قالوا", id="no-spaces"),
]


@pytest.mark.parametrize("unit", PATTERNS)
def test_adversarial_repetition_is_linear(unit: str) -> None:
    assert_linear(lambda size: _repeat(unit, size))


def test_real_text_is_linear() -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in seed_paths())
    assert_linear(lambda size: _repeat(text + "\n\n", size))


def test_verbs_only_text_is_linear_on_lines() -> None:
    # a period well under SMALL characters, so both sizes see the same mix
    words = WORDS[:60]
    lines = "\n".join(" ".join(words[i : i + 12]) for i in range(0, len(words), 12))
    assert_linear(lambda size: _repeat(lines + "\n", size))


def test_verbs_only_text_is_linear_on_one_line() -> None:
    text = " ".join(WORDS[:60])
    assert_linear(lambda size: _repeat(text + " ", size))

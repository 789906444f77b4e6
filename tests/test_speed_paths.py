"""The shortcuts of the hot path give the answers of the long way round (issue 17).

Each shortcut (a kept result, a gate before a pattern, one scan for several
kinds of character) is checked against what it stands in for.
"""

from __future__ import annotations

import pytest
import regex

from arnewsparse import Normalized, datelines, parse_datelines
from arnewsparse import boilerplate as bp
from arnewsparse.lines import Line, split_lines
from arnewsparse.normalize import _fold_same_length

STAMP_LINES = [
    "الرياض - واس",
    "صنعاء - خاص بالرياض ، القاهرة - رويترز",
    "محمد الدويش",
    "عنوان طويل لا يحمل أي ختم من أي نوع كان",
]


@pytest.mark.parametrize("line", STAMP_LINES)
@pytest.mark.parametrize("bare", [False, True])
def test_kept_stamp_lines_shift_to_their_offset(line: str, bare: bool) -> None:
    # read once at offset 0 (kept), then asked for again further down another article
    parse_datelines(line, 0, allow_bare_byline=bare)
    text = "سطر قبله\n" + line
    offset = text.index(line)
    kept = parse_datelines(line, offset, allow_bare_byline=bare)
    fresh = datelines._parse_datelines(line, offset, allow_bare_byline=bare)
    assert kept == fresh
    for d in kept:
        assert text[d.span.start : d.span.end] == d.span.text


def test_kept_stamp_lines_are_fresh_lists() -> None:
    first = parse_datelines("الرياض - واس")
    first.clear()
    assert parse_datelines("الرياض - واس")


def _line(text: str) -> Line:
    return split_lines(Normalized(text))[0]


@pytest.mark.parametrize(
    "text",
    [
        # long lines (more than twelve words) that a boilerplate_lines phrase takes whole
        "اضغط هنا لمتابعة آخر الأخبار والتقارير والتحليلات على موقعنا في كل وقت ومن أي مكان تريد",
        "تابعونا على فيسبوك وتويتر وانستغرام ويوتيوب لتصلكم آخر الأخبار أولا بأول كل يوم",
        "- - - - - - - - - - - - - - - -",
    ],
)
def test_long_line_gate_lets_boilerplate_through(text: str) -> None:
    line = _line(text)
    assert line.words > 12
    assert bp._BODY_LONG.match(line.folded) is not None
    assert bp.is_body_furniture(line)


def test_long_line_gate_turns_prose_down() -> None:
    line = _line("وقال الوزير في مؤتمر صحفي عقده اليوم في العاصمة إن الحكومة ستواصل العمل على تنفيذ الخطة.")
    assert not bp._may_open_long(line.folded[:2])
    assert not bp.is_body_furniture(line)


@pytest.mark.parametrize(
    "raw",
    [
        "قالَ ١٢ ی",  # a deletion beside rare folds
        "ﻻ بأس ٣\r\nسطر",  # an expansion, a digit, a CRLF
        "كلمة\u00a0أخرى ک",  # a rare fold alone (no deletion)
        "\u200fعنوان\r\u200f\nسطر",  # a CR and LF parted by a deleted mark
    ],
)
def test_one_scan_folds_as_the_separate_passes(raw: str) -> None:
    # the constructor hands its scan's rare characters on; a fresh scan must agree
    norm = Normalized(raw)
    assert _fold_same_length(norm.text) == norm.text
    s, e = norm.span(0, len(norm.text))
    assert (s, e) == (norm.to_original(0), norm.to_original(len(norm.text)))


def _lines_by_mapping(norm: Normalized) -> list[tuple[int, int]]:
    """The original bounds of each line the long way: both ends mapped back through the fold."""
    out = []
    pos = 0
    for raw in norm.text.split("\n"):
        a = 0 if pos == 0 else norm.to_original(pos - 1) + 1
        b = norm.to_original(pos + len(raw))
        seg = norm.original[a:b]
        if seg.strip():
            start = a + len(seg) - len(seg.lstrip())
            out.append((start, start + len(seg.strip())))
        pos += len(raw) + 1
    return out


@pytest.mark.parametrize(
    "raw",
    [
        "قالَ\n\nسطرٌ ثانٍ\n",  # deletions only, as many line breaks in both texts
        "ﻻ بأس\n\u200f\n  آخر ـــ سطر  \nﷲ",  # expansions, a line of marks alone, tatweel
        "\u200fعنوان\r\n\u200fسطر\n",  # a CRLF (its CR folds to a space)
        "عنوان\rسطر\u2028ثالث\n\u064eرابع",  # a lone CR and U+2028: new line breaks, mapped instead
        "&nbsp;عنوانٌ\n&amp; سطر",  # entities padded to their length
    ],
)
def test_lines_cut_by_split_match_the_mapped_bounds(raw: str) -> None:
    norm = Normalized(raw)
    assert [(line.start, line.end) for line in split_lines(norm)] == _lines_by_mapping(norm)


# the stamp tokeniser as the ``regex`` module cut it, before it moved to stdlib re
_REGEX_TOKEN = regex.compile(
    r"""
    (?P<ws>\s+|&nbsp;)
  | (?P<sep>-{2,}|_+|&[nm]dash;|&\#821[12];|[-–—−‒―:/|،,؛;])
  | (?P<br>\([^()\n]{1,48}\)|«[^«»\n]{1,48}»|"[^"\n]{1,48}"|[“”][^“”\n]{1,48}[“”]|\[[^\[\]\n]{1,48}\])
  | (?P<star>[*•#]+)
  | (?P<word>[^\s\-–—−‒―:/|،,؛;()«»"“”\[\]*•#_&]+)
  | (?P<other>.)
    """,
    regex.VERBOSE,
)


def test_stamp_tokens_keep_the_regex_module_classes() -> None:
    # every character below U+3100 and the other white space: the same kind of token, alone
    # and inside a word (where stdlib re's \s would differ: U+001C-U+001F)
    chars = [*map(chr, range(0x3100)), "\u3000", "\ufeff", "\U0001f600"]
    for ch in chars:
        for s in (ch, f"ab{ch}cd"):
            new = datelines._TOKEN.match(s)
            old = _REGEX_TOKEN.match(s)
            assert new is not None and old is not None
            assert (
                new.lastgroup,
                new.end(datelines._WORD_GROUP) if new.lastgroup == "word" else new.end(),
            ) == (
                old.lastgroup,
                old.end(),
            ), repr(s)


@pytest.mark.parametrize(
    "line",
    [
        "الرياض - واس",
        "القاهرة  -  رويترز:",
        "جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس",
        "أبوظبي في 11 أغسطس",
    ],
)
def test_a_word_takes_its_space_along_but_no_other(line: str) -> None:
    norm = Normalized(line)
    items = datelines._tokenise(norm, len(norm.text))
    assert items is not None
    for it in items:
        assert norm.text[it.start : it.end] == norm.text[it.start : it.end].strip()


@pytest.mark.parametrize(
    "text",
    [
        "IMG_2041.jpg",  # the phrases that open anywhere, tried without the opening gate
        "info@example.com",
        "اقرأ أيضا:",  # a section marker
        "كلمات دلالية: الرياض",  # a tag line
        "- المزيد",
        "تابعونا على تويتر",
    ],
)
def test_short_line_gate_lets_phrases_through(text: str) -> None:
    line = _line(text)
    assert line.words <= 12
    assert bp._short_phrase(line.folded)
    assert bp.is_body_furniture(line)


def test_short_line_gate_turns_prose_down() -> None:
    line = _line("وقال الوزير إن الحكومة ستواصل العمل.")
    assert not bp._may_open_short(line.folded)
    assert not bp._short_phrase(line.folded)

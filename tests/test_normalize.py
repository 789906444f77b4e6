"""The folded view and its map back to original offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnewsparse import Normalized, fold
from arnewsparse.normalize import fold_word


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("أكّد", "اكد"),
        ("إلى", "الي"),
        ("آخر", "اخر"),
        ("مؤكداً", "مؤكدا"),
        ("الميدانيـة", "الميدانيه"),
        ("٢٠١٥", "2015"),
        ("۱۴۳۶", "1436"),
        ("a\xa0b\tc", "a b c"),
        ("\u200fسانا\u200e", "سانا"),
        ("ﻻ", "لا"),
        ("ﷲ", "الله"),
        ("کتاب ی", "كتاب ي"),
        ("سطر\r\nسطر", "سطر \nسطر"),
        ("سطر\rسطر\u2028سطر", "سطر\nسطر\nسطر"),
        ("plain ascii", "plain ascii"),
        ("&nbsp;محمد", "      محمد"),
        ("&quot;نص&quot;", '"     نص"     '),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_fold_word_strips_punctuation() -> None:
    assert fold_word("«وأكّد:") == "واكد"


def test_identity_when_nothing_is_deleted() -> None:
    n = Normalized("قال الرئيس إن الوضع مستقر")
    assert n.is_identity
    assert n.span(3, 9) == (3, 9)


def test_map_back_keeps_marks_of_the_last_letter() -> None:
    n = Normalized("قالَ مؤكداً: نعم")
    start = n.text.index("مؤكدا")
    s, e = n.span(start, start + len("مؤكدا"))
    assert n.original[s:e] == "مؤكداً"
    assert n.to_folded(s) == start


def test_expansion_maps_to_its_one_character() -> None:
    n = Normalized("ﻻ شك")
    s, e = n.span(0, 2)
    assert n.original[s:e] == "ﻻ"


@given(st.text(alphabet=st.sampled_from(list("اأإآبتةىيکی ًٌٍَُِّْـ\u200f\u200eﻻ\r\n\xa0٣.")), max_size=60))
def test_every_folded_offset_maps_inside_the_original(text: str) -> None:
    n = Normalized(text)
    last = 0
    for i in range(len(n.text) + 1):
        o = n.to_original(i)
        assert 0 <= o <= len(text)
        assert o >= last  # monotone
        last = o
    assert n.to_original(len(n.text)) == len(text)


@given(st.text(max_size=80))
def test_words_round_trip_through_the_map(text: str) -> None:
    n = Normalized(text)
    for word in n.text.split():
        i = n.text.index(word)
        s, e = n.span(i, i + len(word))
        assert fold(text[s:e]).strip() == word


@given(st.text(alphabet=st.sampled_from(list("اأبت ًٌَُّْـ\u200f\u200eﻻﷲ\r\n٣.")), max_size=60))
def test_to_folded_is_the_least_offset_mapping_at_or_after(text: str) -> None:
    n = Normalized(text)
    for pos in range(len(text) + 1):
        least = next((f for f in range(len(n.text) + 1) if n.to_original(f) >= pos), len(n.text))
        assert n.to_folded(pos) == least, pos

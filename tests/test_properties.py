"""Properties that hold for any input: parse never raises, spans round-trip, nothing is lost."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnewsparse

from conftest import seed_paths
from partcheck import check_article

_FRAGMENTS = [
    "أكد",
    "وقال",
    "وأضاف",
    "مشيرا إلى أن",
    "لافتاً",
    "قوله",
    "يشار إلى أن",
    "الرئيس الروسي فلاديمير بوتين",
    "موسكو – سانا",
    "جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس",
    "لندن: «الشرق الأوسط»",
    "(CNN) --",
    "SHARE",
    "تابعونا عبر تطبيق واتس أب :",
    "https://t.me/x",
    "اقرأ أيضاً:",
    "سمات",
    "Posted from صحيفة تشرين",
    "المصدر: وكالات",
    "* عنوان فرعي",
    "&quot;",
    "«",
    "»",
    "“",
    "”",
    '"',
    ":",
    ".",
    "،",
    "؟",
    "-",
    "–",
    "..",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\u2028",
    "\t",
    "\xa0",
    "\u200f",
    "\u202b",
    "\u2066",
    "\u200d",
    "ـ",
    "ّ",
    "ً",
    "ﻻ",
    "ﷺ",
    "ی",
    "ک",
    "ۀ",
    "٢٠١٩",
    "۱۴۳۶",
    "😀",
    "abc",
    "\x00",
    "\ud800",
]

article_like = st.lists(st.sampled_from(_FRAGMENTS), max_size=60).map("".join)


@given(st.text())
@example("")
@example("   \n\n \t")
@example("x")
@example("\ud800\udfff")
def test_never_raises_on_any_text(text: str) -> None:
    check_article(arnewsparse.parse(text))


@given(article_like)
def test_never_raises_on_article_like_text(text: str) -> None:
    check_article(arnewsparse.parse(text))


@given(article_like, st.sampled_from(seed_paths()))
# share labels glued to the front of a line are cut off as furniture: the cut must keep the
# marks after them (``*``) and must not run past the last word (``&quot;`` decodes to a mark)
@example("SHARE\t&quot;", seed_paths()[0])
@example("SHARE\t* عنوان فرعي", seed_paths()[0])
def test_noise_around_a_real_article(noise: str, path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    check_article(arnewsparse.parse(noise + "\n" + text + "\n" + noise))


@pytest.mark.parametrize("bad", [b"bytes", bytearray(b"x"), None, 3, ["a"]])
def test_non_str_input_is_a_type_error(bad: object) -> None:
    with pytest.raises(
        TypeError, match="bytes" if isinstance(bad, (bytes, bytearray)) else type(bad).__name__
    ):
        arnewsparse.parse(bad)  # type: ignore[arg-type]

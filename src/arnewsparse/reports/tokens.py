"""Tokens: the text around a hit as a short list of words and marks.

This module owns :class:`Tok`, :class:`TextView` (the text, its folded view
and the span and letter tests that need the original characters) and the
tokeniser :func:`read`, which cuts at spaces with ``str.split`` (C speed)
and only cuts again, by regex, the few pieces with punctuation attached.
Sentence ends and quotations are found with plain character classes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from arnewsparse.model import Span
from arnewsparse.normalize import Normalized
from arnewsparse.reports.words import (
    COLON_PUNCT,
    COMPS,
    END_HARD,
    END_MARKS_HARD,
    END_MARKS_SOFT,
    END_SOFT,
    KINDS,
    PIECE,
    PRONOUN_TITLES,
    QUOTES,
    STRIP,
)

Tok = tuple[str, str, int, int]
"""One token of the text around a hit, in folded offsets: its fields are named
by :data:`TEXT`, :data:`KIND` ("w" word, "q" quotation mark, "p" punctuation,
"n" newline), :data:`START` and :data:`END` (``t[TEXT]``).  A plain tuple: the
tokeniser builds ~150 per article and the finder reads their fields thousands
of times, and a tuple subclass (NamedTuple) makes each read twice as slow."""

TEXT: Final = 0
KIND: Final = 1
START: Final = 2
END: Final = 3


def read(ft: str, s: int, e: int, out: list[Tok], ends: re.Pattern[str] | None, restart: bool) -> int:
    """Append the tokens of ``ft[s:e]`` to ``out``; return where reading stopped.

    The text is cut at spaces by ``str.split`` (C speed); a piece that is not
    all letters and digits (a word with a comma, a quotation mark or a
    newline attached) is cut by :data:`PIECE`.  A hashtag (#الكرملين) is a
    word: its text is the word, its span takes the # along; the words of
    one joined by ``_`` (#وزارة_الصحة) are words apart.  With ``ends`` (the sentence
    end pattern) reading stops after the first sentence end, or, with
    ``restart``, starts over after each (so only the tokens after the last
    end are kept).  ``e`` should fall on a space or the end of a region.
    """
    pos = s
    append = out.append
    for part in ft[s:e].split(" "):
        n = len(part)
        if part.isalnum():
            append((part, "w", pos, pos + n))
        elif part[-1:] == "،" and part[:-1].isalnum():
            # the commonest glued mark, a word and its comma: no sentence end, no regex
            append((part[:-1], "w", pos, pos + n - 1))
            append(("،", "p", pos + n - 1, pos + n))
        elif n:
            if ends is not None:
                m = ends.search(part)
                if m is not None:
                    if restart:
                        last = m
                        for later in ends.finditer(part, m.end()):
                            last = later
                        out.clear()
                        pieces(part, pos, last.end(), n, out)
                    else:
                        pieces(part, pos, 0, m.end(), out)
                        return pos + m.end()
                    pos += n + 1
                    continue
            core = part.strip(STRIP)
            if core.isalnum():
                i = part.find(core)
                a = i
                if i:
                    if i == 1:
                        c = part[0]
                        if c == "#":
                            a = 0  # a hashtag (شركة #مايكروسوفت): the word, its span with the #
                        else:
                            append((c, "q" if c in QUOTES else "p", pos, pos + 1))
                    elif part[i - 1] == "#":
                        pieces(part, pos, 0, i - 1, out)
                        a = i - 1
                    else:
                        pieces(part, pos, 0, i, out)
                k = i + len(core)
                append((core, "w", pos + a, pos + k))
                if k < n:
                    if k + 1 == n:
                        c = part[k]
                        append((c, "q" if c in QUOTES else "p", pos + k, pos + n))
                    else:
                        pieces(part, pos, k, n, out)
            else:
                pieces(part, pos, 0, n, out)
        pos += n + 1
    return e


def pieces(part: str, pos: int, i: int, j: int, out: list[Tok]) -> None:
    """Tokens of ``part[i:j]`` (``part`` starts at folded offset ``pos``)."""
    for m in PIECE.finditer(part, i, j):
        a, b = m.span()
        g = m.lastindex or 0
        w = m.group(g)  # (group 1, a word: without the # of a hashtag, which its span keeps)
        if g == 1 and "_" in w.strip("_"):
            # a hashtag's words joined by _ (#وزارة_الصحة): each a word, as if spaced
            k = m.start(1)
            for sub in w.split("_"):
                if sub:
                    out.append((sub, "w", pos + a, pos + k + len(sub)))
                k += len(sub) + 1
                a = k
            continue
        out.append((w, KINDS[g], pos + a, pos + b))


def inside_quotation(rest: str) -> bool:
    """A quotation that is still open closes in ``rest`` (the text after a word)."""
    for close, opening in (("»", "«"), ("”", "“")):
        i = rest.find(close)
        if i >= 0 and rest.find(opening, 0, i) < 0:
            return True
    return rest.count('"') % 2 == 1


def may_comp(ft: str, s: int, e: int) -> bool:
    """A complementiser (أن، إن، بأن، لأن ...) may stand in ``ft[s:e]``: a cheap, generous test."""
    e = min(e, len(ft))  # a window reaching past the end of the text (a lead that ends the page)
    k = ft.find("ان", s, e)
    while k >= 0:
        a = k
        if a > s and ft[a - 1] in "بل":
            a -= 1
        if a == s or not ft[a - 1].isalnum():
            b = k + 2
            while b < e and ft[b].isalnum():
                b += 1
            if ft[a:b] in COMPS:
                return True
        k = ft.find("ان", k + 2, e)
    return False


def space_after(ft: str, pos: int, limit: int) -> int:
    """The first space at or after ``pos`` (at most ``limit``): a window never cuts a word."""
    if pos >= limit:
        return limit
    k = ft.find(" ", pos, limit)
    return limit if k < 0 else k


def char_positions(ft: str, chars: str) -> list[int]:
    """Every offset of ``ft`` holding one of ``chars``, in order.

    One ``str.find`` loop per character (memchr speed): a regex character
    class tests each character of the text in turn, some twenty times slower.
    """
    out: list[int] = []
    find = ft.find
    for c in chars:
        i = find(c)
        while i >= 0:
            out.append(i)
            i = find(c, i + 1)
    out.sort()
    return out


def is_colon(t: Tok) -> bool:
    return t[KIND] == "p" and (t[TEXT] in COLON_PUNCT or t[TEXT].startswith(":") or t[TEXT].endswith(":"))


class TextView:
    """One text: the original, its folded view and how the sentence ends are read."""

    __slots__ = (
        "case_marks",
        "end_marks",
        "ends",
        "ft",
        "identity",
        "maqsura",
        "norm",
        "quote_marks",
        "soft",
        "tashkeel",
        "text",
    )

    def __init__(self, text: str, norm: Normalized) -> None:
        self.text = text
        self.norm = norm
        self.ft = norm.text
        self.identity = norm.is_identity
        self.soft = False  # regions: a newline does not end a sentence
        self.ends: re.Pattern[str] = END_HARD
        # where sentence ends and quotation marks may stand (found on first use, see char_positions)
        self.end_marks: list[int] | None = None
        self.quote_marks: list[int] | None = None
        # the letter tests below run on most candidate words: a text without the mark skips them
        # tanween fath or a fatha somewhere: the marks of the accusative test below
        self.case_marks = not self.identity and ("\u064b" in text or "\u064e" in text)
        self.tashkeel = not self.identity and "\u064f" in text  # a damma somewhere (أُعلن: a passive)
        # (ى folds to ي in place: a text with one is still its own offsets, not its own view)
        self.maqsura = "ى" in text

    def use_ends(self, soft: bool) -> None:
        """Read sentences the soft way (regions: a newline is no end) or the hard way (one text)."""
        self.soft = soft
        self.ends = END_SOFT if soft else END_HARD
        self.end_marks = None

    def sentence_end(self, start: int, end: int) -> int:
        """Where the sentence that runs on at ``start`` ends (at most ``end``).

        The characters that can start a sentence end are found once per text
        (:func:`char_positions`); the full pattern (with its look-arounds)
        checks each from ``start`` on.
        """
        marks = self.end_marks
        if marks is None:
            marks = self.end_marks = char_positions(self.ft, END_MARKS_SOFT if self.soft else END_MARKS_HARD)
        full = self.ends
        ft = self.ft
        n = len(marks)
        i = bisect_left(marks, start)
        while i < n:
            k = marks[i]
            if k >= end:
                break
            if full.match(ft, k, end) is not None:
                return k
            i += 1
        return end

    def first_quote(self, start: int, end: int) -> int:
        """The offset of the first quotation mark in ``ft[start:end]``, or -1."""
        marks = self.quote_marks
        if marks is None:
            marks = self.quote_marks = char_positions(self.ft, QUOTES)
        i = bisect_left(marks, start)
        if i < len(marks) and marks[i] < end:
            return marks[i]
        return -1

    def span(self, fs: int, fe: int) -> Span:
        if self.identity:
            return Span(fs, fe, self.text[fs:fe])
        s, e = self.norm.span(fs, fe)
        return Span(s, e, self.text[s:e])

    def written_last(self, t: Tok) -> str:
        """The last letter of the word as written in the original (ة where the fold made it ه)."""
        if self.identity:  # (offsets are shared: ة folded to ه in place)
            return self.text[t[END] - 1 : t[END]]
        _, e = self.norm.span(t[START], t[END])
        return self.text[e - 1 : e]

    def alif_maqsura(self, t: Tok) -> bool:
        """The word ends in ى as written (مقتدى، مصطفى): a name, not a relative adjective in ـي."""
        if not self.maqsura:
            return False  # no ى in the text
        return self.written_last(t) == "ى"

    def possessed(self, t: Tok) -> bool:
        """The word ends in a possessive pronoun as written (حديثه، كلمتها), not in ة (الحكومة)."""
        w = t[TEXT]
        if (
            len(w) < 4
            or not w.endswith(("ه", "ها", "هم", "هما"))
            or w in PRONOUN_TITLES
            or w.endswith("الله")
        ):
            return False  # (سموه، معاليه: a title, its pronoun the honoured person; الله, عبدالله: a name)
        return self.written_last(t) != "ة"

    def ta_marbuta(self, t: Tok) -> bool:
        """The word ends in ة as written (برئاسة، الحكومة), not in the pronoun ه (به، حديثه)."""
        return t[TEXT].endswith("ه") and self.written_last(t) == "ة"

    def accusative(self, t: Tok) -> bool:
        """A word carrying tanween fath (اختلاقاً), or a fatha on its last letter in a voweled
        text (تحالفَ العدوان), is in the accusative: an object, never the source (the subject's
        case is the nominative, متحدثُ القوات)."""
        if not self.case_marks:
            return False  # no tanween fath nor fatha in the text (or nothing was folded away)
        s, e = self.norm.span(t[START], t[END])
        w = self.text[s:e]
        return "\u064b" in w or w.rstrip("\u0640\u0651").endswith("\u064e")

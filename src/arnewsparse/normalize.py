"""The normalized view of the input, and the map back to original offsets.

Every matcher in arnewsparse (lexicon look-ups, boilerplate phrases, dateline
patterns, month names) runs on a *folded* copy of the text in which spelling
variation that carries no meaning for us is erased:

* tashkeel (harakat, tanween, shadda, sukun, superscript alef, Quranic marks),
  tatweel, bidi controls, zero-width characters and the soft hyphen are deleted;
* hamza-carrying and wasla alefs (أ إ آ ٱ) become bare alef, alef maqsura (ى)
  and Persian yeh (ی) become yeh, ta marbuta (ة) and heh goal (ۀ) become heh,
  Persian keheh (ک) becomes kaf;
* Arabic-Indic and Persian digits become ASCII digits;
* NBSP, tabs and the other Unicode spaces become a plain space, and so do the
  HTML entities ``&nbsp;`` (``&quot;`` and ``&amp;`` become their character),
  padded so that the length stays the same; U+2028/U+2029,
  form feed and lone CR become a newline, and the CR of a CRLF becomes a space;
* Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) become the letters
  they stand for (their NFKC form, folded again).

Folding is built for speed: one C-level ``str.replace`` per same-length fold,
and a Python loop only over the (usually few) characters that are deleted or
expanded.  :class:`Normalized` keeps a compact break-point table so that any
offset into the folded text maps back to the original: report every span in
original coordinates with :meth:`Normalized.to_original`.

The same :func:`fold` is applied to every lexicon entry when it is loaded, so
data files may be written with full hamza and diacritics.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from itertools import pairwise
from typing import Final

from pyarabic import araby

__all__ = ["Normalized", "fold", "fold_word"]

# --- characters that change length when folded ------------------------------

_DELETED: Final[str] = (
    "".join(araby.TASHKEEL)  # fathatan .. sukun
    + "\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f"
    + "\u0670"  # superscript alef
    + "".join(chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E9))
    + araby.TATWEEL
    + "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u061c"
    + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _build_reshape_table() -> dict[str, str]:
    table = dict.fromkeys(_DELETED, "")
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed != ch:
            table[ch] = decomposed
    return table


def _char_class(chars: Iterable[str]) -> str:
    """A compact regex character class (ranges, not thousands of escapes): fast to scan."""
    cps = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = cps[i], cps[j]
        parts.append(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}")
        i = j + 1
    return "[" + "".join(parts) + "]"


_RESHAPE: Final[dict[str, str]] = _build_reshape_table()

# --- same-length folds --------------------------------------------------------

# The common ones go through str.replace (fast); the rare ones through one
# translate call that only runs when a rare character is present.
_COMMON_FOLDS: Final[tuple[tuple[str, str], ...]] = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ى", "ي"),
    ("ة", "ه"),
    ("\xa0", " "),
    ("\t", " "),
)
# HTML entities left in scraped text, folded to what they stand for padded with spaces,
# so that folded offsets still equal original ones.
_ENTITY_FOLDS: Final[tuple[tuple[str, str], ...]] = (
    ("&nbsp;", "      "),
    ("&quot;", '"     '),
    ("&amp;", "&    "),
    ("&#160;", "      "),
)
_RARE_FOLDS: Final[dict[int, str]] = {
    **{0x0660 + d: str(d) for d in range(10)},  # Arabic-Indic digits
    **{0x06F0 + d: str(d) for d in range(10)},  # Persian digits
    0x06CC: "ي",  # Persian yeh
    0x06D2: "ي",  # yeh barree
    0x06A9: "ك",  # keheh
    0x06AA: "ك",
    0x06C0: "ه",  # heh with yeh above
    0x06C1: "ه",
    0x06D5: "ه",
    0x0671: "ا",
    0x0672: "ا",
    0x0673: "ا",
    0x0675: "ا",
    **dict.fromkeys((8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201), " "),
    0x200A: " ",
    0x202F: " ",
    0x205F: " ",
    0x3000: " ",
    0x000B: "\n",
    0x000C: "\n",
    0x0085: "\n",
    0x2028: "\n",
    0x2029: "\n",
    0x000D: "\n",  # a lone CR; the CR of a CRLF was turned into a space first
}
_RARE_RE: Final = re.compile(_char_class(chr(c) for c in _RARE_FOLDS))
_CRLF: Final = "\r\n"


# one scan of the input finds both what changes length and the rare same-length folds
# (stdlib re scans a plain character class several times faster than `regex`)
_SCAN_RE: Final = re.compile(_char_class([*_RESHAPE, *map(chr, _RARE_FOLDS)]))


def _fold_same_length(text: str, rare: Collection[str] | None = None) -> str:
    """The same-length folds of ``text``; ``rare``, when given, holds (at least) the rare
    characters it contains (the constructor's scan found them: no second scan)."""
    for old, new in _COMMON_FOLDS:
        text = text.replace(old, new)
    if "\r" in text:
        text = text.replace(_CRLF, " \n")
    if "&" in text:
        for old, new in _ENTITY_FOLDS:
            text = text.replace(old, new)
    if rare is None:
        rare = _RARE_RE.findall(text)
    if rare:
        # str.translate walks every character through a dict (slow on non-ASCII text);
        # a replace per distinct rare character present is C-speed
        for ch in set(rare):
            text = text.replace(ch, _RARE_FOLDS[ord(ch)])
    return text


class Normalized:
    """The folded view of one input string, with a map back to it.

    >>> n = Normalized("قالَ: أكّد")
    >>> n.text
    'قال: اكد'
    >>> start = n.text.index("اكد")
    >>> n.original[n.to_original(start):n.to_original(start + 3)]
    'أكّد'
    """

    __slots__ = ("_breaks", "_deltas", "_identity", "_segments", "original", "text")

    original: str
    text: str
    _breaks: list[int]
    _deltas: list[int]
    _identity: bool
    _segments: tuple[list[int], list[int], list[int]] | None

    def __init__(self, original: str) -> None:
        self.original = original
        self._breaks = [0]
        self._deltas = [0]
        self._identity = True
        self._segments = None
        # one scan for the deleted, the expanded and the rare characters; the rare ones fold
        # in place (they are never deleted, and the folds before them make none)
        scanned = [m.start() for m in _SCAN_RE.finditer(original)]
        if not scanned:
            self.text = _fold_same_length(original, ())
            return
        found = [o for o in scanned if original[o] in _RESHAPE]
        rare = (
            {original[o] for o in scanned if original[o] not in _RESHAPE} if len(found) < len(scanned) else ()
        )
        if not found:
            self.text = _fold_same_length(original, rare)
            return
        self._identity = False
        if all(not _RESHAPE[original[o]] for o in found):
            # Deletions only (the common case: some tashkeel or tatweel).  After the k-th
            # deleted character (k from 0), at original offset o, the folded text is k + 1
            # shorter; bisect takes the last of equal break points, so runs need no merging.
            self._breaks = [0, *(o - k for k, o in enumerate(found))]
            self._deltas = list(range(len(found) + 1))
            kept = [original[a + 1 : b] for a, b in pairwise(found)]
            self.text = _fold_same_length(
                original[: found[0]] + "".join(kept) + original[found[-1] + 1 :], rare
            )
            return
        pieces: list[str] = []
        last = 0
        delta = 0  # original offset minus folded offset in the current segment
        breaks, deltas = self._breaks, self._deltas
        for o in found:
            pieces.append(original[last:o])
            last = o + 1
            rep = _RESHAPE[original[o]]
            n = o - delta  # where this character's replacement starts in the folded text
            if rep:
                rep = _fold_same_length(rep)
                pieces.append(rep)
                # every folded character of an expansion maps to the one original character
                for j in range(len(rep)):
                    _set_break(breaks, deltas, n + j, o - (n + j))
                delta = o + 1 - (n + len(rep))
                _set_break(breaks, deltas, n + len(rep), delta)
            else:
                delta += 1
                _set_break(breaks, deltas, n, delta)
        pieces.append(original[last:])
        self.text = _fold_same_length("".join(pieces), rare)

    @property
    def is_identity(self) -> bool:
        """True when folded offsets equal original offsets."""
        return self._identity

    def to_original(self, pos: int) -> int:
        """Map an offset into :attr:`text` to the matching offset into :attr:`original`.

        A start offset lands on the original character it came from; an end
        offset lands after any deleted marks (tashkeel, tatweel) that belong to
        the last kept character, so the original slice keeps them.
        """
        if self._identity:
            return pos
        i = bisect_right(self._breaks, pos) - 1
        return pos + self._deltas[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded ``(start, end)`` to original offsets."""
        if self._identity:
            return start, end
        # both bisects inline (no method call per end: spans are mapped for every report)
        breaks, deltas = self._breaks, self._deltas
        return start + deltas[bisect_right(breaks, start) - 1], end + deltas[bisect_right(breaks, end) - 1]

    def to_folded(self, pos: int) -> int:
        """Map an original offset to the folded offset of the first kept character at or after it.

        That is the least folded ``f`` with ``to_original(f) >= pos``: one bisect
        over the segments of the map.
        """
        if self._identity:
            return pos
        if self._segments is None:
            self._segments = self._build_segments()
        starts, deltas, lasts = self._segments
        i = bisect_left(lasts, pos)
        if i == len(lasts):
            return len(self.text)
        return max(starts[i], pos - deltas[i])

    def _build_segments(self) -> tuple[list[int], list[int], list[int]]:
        # Runs of equal break points keep their last delta (as bisect_right does in
        # to_original), leaving strictly increasing segment starts; each segment maps
        # folded f to f + delta, so its last original offset bounds a bisect.
        starts: list[int] = []
        deltas: list[int] = []
        for b, d in zip(self._breaks, self._deltas, strict=True):
            if starts and starts[-1] == b:
                deltas[-1] = d
            else:
                starts.append(b)
                deltas.append(d)
        ends = [*starts[1:], len(self.text) + 1]
        lasts = [e - 1 + d for e, d in zip(ends, deltas, strict=True)]
        return starts, deltas, lasts


def _set_break(breaks: list[int], deltas: list[int], at: int, delta: int) -> None:
    if breaks[-1] == at:
        deltas[-1] = delta
    else:
        breaks.append(at)
        deltas.append(delta)


def fold(text: str) -> str:
    """Return the folded form of ``text`` (see the module docstring).

    >>> fold("إلى الأمم المتحدة ٢٠١٩")
    'الي الامم المتحده 2019'
    """
    return Normalized(text).text


_WORD_STRIP: Final = " \t\n.,:;!?\"'()[]{}«»“”‘’<>،؛؟…-–—_*/\\|"


def fold_word(word: str) -> str:
    """Fold one token and strip the punctuation that may cling to it."""
    return fold(word).strip(_WORD_STRIP)

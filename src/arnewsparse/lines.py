"""Lines: the raw text cut into lines, each with its offsets and its folded text.

This stage owns nothing but geometry: where each line starts and ends in the
original input (leading and trailing white space trimmed off; invisible marks kept), whether blank
lines stand between it and its neighbours, and its folded text for the
matchers of the later stages.  CR, CRLF, U+2028 and the other line ends were
already made ``\\n`` by :mod:`arnewsparse.normalize`.
"""

from __future__ import annotations

from typing import Final

import attrs

from arnewsparse.normalize import Normalized

__all__ = ["Line", "split_lines"]

_SPACE: Final = " \t\n\r\x0b\x0c"


@attrs.define(slots=True)
class Line:
    """One non-blank line.

    ``start``/``end`` are original offsets of its trimmed content; ``folded`` is
    its folded text, trimmed, which starts at offset ``fstart`` of the folded
    view; ``blank_before``/``blank_after`` say whether a blank line (or the edge
    of the text) separates it from its neighbours; ``index`` is its position
    among the non-blank lines.
    """

    index: int
    start: int
    end: int
    fstart: int
    folded: str
    words: int
    blank_before: bool
    blank_after: bool


def split_lines(norm: Normalized) -> list[Line]:
    """Every non-blank line of the text, in order.

    >>> from arnewsparse import Normalized
    >>> text = "عنوان الخبر\\n\\nموسكو – سانا\\n"
    >>> [(line.start, line.end, line.blank_after) for line in split_lines(Normalized(text))]
    [(0, 11, True), (13, 25, True)]
    """
    folded = norm.text
    original = norm.original
    # entities such as "&nbsp;" fold to spaces: trim those lines on the original text
    simple = norm.is_identity and "&" not in original
    identity = norm.is_identity
    # The fold deletes marks but never a line break, and makes new ones only of CR, form
    # feed, U+2028 and the like: when both texts hold as many "\n", each folded line is the
    # matching piece of the original's split, and needs no offsets mapped back (two bisects).
    pieces = (
        iter(original.split("\n")) if not identity and original.count("\n") == folded.count("\n") else None
    )
    opos = 0  # where the current piece of ``pieces`` starts in the original
    lines: list[Line] = []
    pos = 0
    blank_seen = True  # the start of the text counts as a break
    for raw in folded.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if simple:
            if not stripped:
                blank_seen = True
                pos += len(raw) + 1
                continue
            start = pos + lead
            end = start + len(stripped)
        else:
            # Bound the line in the original and trim the white space there, so that what
            # folds away or to spaces (a bidi mark or tatweel opening the line, an HTML
            # "&nbsp;") stays inside it.  A line of nothing but such marks is still a
            # line: nothing of the input may be lost.
            if pieces is not None:
                a, seg = opos, next(pieces)
                opos += len(seg) + 1
            else:
                a = pos if identity or pos == 0 else norm.to_original(pos - 1) + 1
                b = pos + len(raw) if identity else norm.to_original(pos + len(raw))
                seg = original[a:b]
            trimmed = seg.strip()
            if not trimmed:
                blank_seen = True
                pos += len(raw) + 1
                continue
            start = a + len(seg) - len(seg.lstrip())
            end = start + len(trimmed)
        if lines and blank_seen:
            lines[-1].blank_after = True
        # str.count is much cheaper than split(); fall back only when spacing is irregular
        words = stripped.count(" ") + 1 if "  " not in stripped else len(stripped.split())
        words = words if stripped else 0
        lines.append(Line(len(lines), start, end, pos + lead, stripped, words, blank_seen, False))
        blank_seen = False
        pos += len(raw) + 1
    if lines:
        lines[-1].blank_after = True
    return lines

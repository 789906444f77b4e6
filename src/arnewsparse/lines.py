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


_BREAKS: Final = ("\x0b", "\x0c", "\x85", "\u2028", "\u2029")


def _original_lines(original: str) -> list[str]:
    """The original text cut where the folded text has its line ends (see :mod:`normalize`)."""
    if "\r" in original:
        original = original.replace("\r\n", " \n").replace("\r", "\n")
    for brk in _BREAKS:
        if brk in original:
            original = original.replace(brk, "\n")
    return original.split("\n")


def split_lines(norm: Normalized) -> list[Line]:
    """Every non-blank line of the text, in order.

    >>> from arnewsparse import Normalized
    >>> text = "عنوان الخبر\\n\\nموسكو – سانا\\n"
    >>> [(line.start, line.end, line.blank_after) for line in split_lines(Normalized(text))]
    [(0, 11, True), (13, 25, True)]
    """
    folded_lines = norm.text.split("\n")
    same = norm.is_identity and "&" not in norm.original
    if same:
        # folded and original agree on every offset and on what is white space
        original_lines = folded_lines
    else:
        # Trim each line on the original, so that what folds away or to spaces (a bidi mark or
        # tatweel opening the line, an HTML "&nbsp;") stays inside it: a line of nothing but
        # such marks is still a line, nothing of the input may be lost.  Folding deletes or
        # expands no line end, so the original cut at the same line ends pairs up line by line
        # (a CR and LF parted by a deleted mark are the one exception: then map each line).
        original_lines = _original_lines(norm.original)
        if len(original_lines) != len(folded_lines):
            return _split_mapped(norm, folded_lines)
    lines: list[Line] = []
    append = lines.append
    pos = 0  # folded offset of the line
    opos = 0  # original offset of the line
    blank_seen = True  # the start of the text counts as a break
    for raw, seg in zip(folded_lines, original_lines, strict=True):
        trimmed = seg.strip()
        if not trimmed:
            blank_seen = True
            pos += len(raw) + 1
            opos += len(seg) + 1
            continue
        start = opos + len(seg) - len(seg.lstrip())
        if same:
            stripped = trimmed
            fstart = start
        else:
            stripped = raw.strip()
            fstart = pos + len(raw) - len(raw.lstrip())
        if blank_seen and lines:
            lines[-1].blank_after = True
        # str.count is much cheaper than split(); fall back only when spacing is irregular
        if not stripped:
            words = 0
        elif "  " in stripped:
            words = len(stripped.split())
        else:
            words = stripped.count(" ") + 1
        append(Line(len(lines), start, start + len(trimmed), fstart, stripped, words, blank_seen, False))
        blank_seen = False
        pos += len(raw) + 1
        opos += len(seg) + 1
    if lines:
        lines[-1].blank_after = True
    return lines


def _split_mapped(norm: Normalized, folded_lines: list[str]) -> list[Line]:
    """:func:`split_lines` bounding each line through the offset map (the rare fallback)."""
    original = norm.original
    lines: list[Line] = []
    pos = 0
    blank_seen = True
    for raw in folded_lines:
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        a = 0 if pos == 0 else norm.to_original(pos - 1) + 1
        seg = original[a : norm.to_original(pos + len(raw))]
        trimmed = seg.strip()
        if not trimmed:
            blank_seen = True
            pos += len(raw) + 1
            continue
        start = a + len(seg) - len(seg.lstrip())
        if lines and blank_seen:
            lines[-1].blank_after = True
        words = stripped.count(" ") + 1 if "  " not in stripped else len(stripped.split())
        words = words if stripped else 0
        lines.append(
            Line(len(lines), start, start + len(trimmed), pos + lead, stripped, words, blank_seen, False)
        )
        blank_seen = False
        pos += len(raw) + 1
    if lines:
        lines[-1].blank_after = True
    return lines

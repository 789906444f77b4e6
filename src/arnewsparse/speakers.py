"""Grouping reports by source: the who-said-what table behind ``Article.speakers()``.

This module owns :class:`Speaker` and :func:`group_speakers`; it imports
nothing from :mod:`arnewsparse.model` at run time, which imports it.  Two mentions name one source when
the shorter stands inside the longer as whole words, other than as its opening
words alone: ``بوتين`` joins ``الرئيس الروسي فلاديمير بوتين``, but a bare title
such as ``الرئيس`` (the opening words of many names) joins nothing.  Mentions
are compared in folded spelling (hamza seats, ة/ه, ى/ي, diacritics) with
surrounding quotation marks and brackets stripped, so ``روحاني`` and
``روحانى`` are one source.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from arnewsparse.normalize import fold

if TYPE_CHECKING:  # (model.py imports this module: the records are only named here, never built)
    from arnewsparse.model import Report

__all__ = ["Speaker", "group_speakers", "same_source"]


@attrs.frozen(slots=True)
class Speaker:
    """One source and every report attributed to it.

    ``name`` is its longest explicit mention; ``mentions`` every distinct way
    the text names it (``الرئيس الروسي فلاديمير بوتين``, ``بوتين``).
    """

    name: str
    mentions: tuple[str, ...]
    reports: tuple[Report, ...]


_MARKS = "«»\"“”'()[]،,:"


def _key(mention: str) -> str:
    words = [w.strip(_MARKS) for w in fold(mention).split()]
    return " ".join(w for w in words if w)


def same_source(a: str, b: str) -> bool:
    """True when mentions ``a`` and ``b`` name one source (see the module docstring)."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    return f" {short} " in f" {long_} " and not f"{long_} ".startswith(f"{short} ")


def group_speakers(reports: Iterable[Report]) -> tuple[Speaker, ...]:
    """Each distinct source with its reports, in order of first mention.

    A report counts under its ``speaker_resolved``; reports with none are left
    out.  ``name`` is the longest mention, ``mentions`` every distinct wording
    in order of appearance.
    """
    mentions: list[str] = []  # distinct wordings, first appearance first
    index: dict[str, int] = {}
    by_mention: list[list[Report]] = []
    for report in reports:
        if report.speaker_resolved is None:
            continue
        text = " ".join(report.speaker_resolved.text.split())
        if text not in index:
            index[text] = len(mentions)
            mentions.append(text)
            by_mention.append([])
        by_mention[index[text]].append(report)

    # union-find over wordings: few per article, so the pairwise test is cheap
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(mentions)):
        for j in range(i):
            if same_source(mentions[i], mentions[j]):
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)

    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(find(i), []).append(i)

    out: list[Speaker] = []
    for members in sorted(groups.values(), key=lambda m: m[0]):
        words = [mentions[i] for i in members]
        reps = sorted((r for i in members for r in by_mention[i]), key=lambda r: r.verb.start)
        name = max(words, key=lambda w: (len(w.split()), len(w)))
        out.append(Speaker(name=name, mentions=tuple(words), reports=tuple(reps)))
    return tuple(out)

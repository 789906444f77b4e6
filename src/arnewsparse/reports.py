"""Reports: reporting verbs, their lemma and form, and who said what.

STUB: the reports helper replaces this module.
"""

from __future__ import annotations

from collections.abc import Sequence

from arnewsparse.model import Report
from arnewsparse.normalize import Normalized

__all__ = ["Region", "find_reports"]

Region = tuple[int, int, bool]
"""``(start, end, in_headline)``: a stretch of the text to search, in reading order."""


def find_reports(
    text: str,
    *,
    regions: Sequence[Region] | None = None,
    normalized: Normalized | None = None,
) -> tuple[Report, ...]:
    """Every report in ``text`` (or in ``regions`` of it), in order."""
    return ()

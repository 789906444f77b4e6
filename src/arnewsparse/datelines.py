"""Datelines: the stamp that gives place, news organisation, date and reporter.

STUB: the datelines helper replaces this module.
"""

from __future__ import annotations

from arnewsparse.model import Dateline

__all__ = ["parse_dateline", "split_leading_dateline"]


def parse_dateline(line: str, offset: int = 0) -> Dateline | None:
    """Parse a whole line as a stamp (``موسكو – سانا``); ``None`` when it is not one.

    ``offset`` is where ``line`` starts in the article, so the spans point into it.
    """
    return None


def split_leading_dateline(paragraph: str, offset: int = 0) -> Dateline | None:
    """The stamp opening a paragraph (``عين اليوم – القاهرة ...``), or ``None``."""
    return None

"""Grouping reports by source. STUB: the reports helper replaces this module."""

from __future__ import annotations

from collections.abc import Iterable

from arnewsparse.model import Report, Speaker

__all__ = ["group_speakers"]


def group_speakers(reports: Iterable[Report]) -> tuple[Speaker, ...]:
    """Each distinct source with its reports."""
    return ()

"""Grouping reports by source."""

from __future__ import annotations

from arnewsparse.model import Report, ReportForm, Span
from arnewsparse.speakers import group_speakers, same_source


def _report(start: int, who: str | None) -> Report:
    sp = None if who is None else Span(start + 10, start + 10 + len(who), who)
    return Report(
        verb=Span(start, start + 3, "قال"), lemma="قال", form=ReportForm.PERFECT, speaker_resolved=sp
    )


def test_same_source_rules() -> None:
    assert same_source("الرئيس الروسي فلاديمير بوتين", "بوتين")
    assert same_source("روحاني", "روحانى")  # folded spelling
    assert not same_source("الرئيس الروسي فلاديمير بوتين", "الرئيس")  # opening words alone
    assert not same_source("بوتين", "أردوغان")
    assert not same_source("", "بوتين")


def test_group_speakers() -> None:
    reports = [
        _report(0, "الرئيس الروسي فلاديمير بوتين"),
        _report(100, "شويغو"),
        _report(200, "بوتين"),
        _report(300, None),
        _report(400, "الرئيس"),
    ]
    groups = group_speakers(reports)
    assert [g.name for g in groups] == ["الرئيس الروسي فلاديمير بوتين", "شويغو", "الرئيس"]
    assert groups[0].mentions == ("الرئيس الروسي فلاديمير بوتين", "بوتين")
    assert [r.verb.start for r in groups[0].reports] == [0, 200]
    assert sum(len(g.reports) for g in groups) == 4  # the unresolved one is left out


def test_empty() -> None:
    assert group_speakers([]) == ()

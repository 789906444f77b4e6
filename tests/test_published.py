"""parse(text, published=...) resolves relative dates in stamps and reports."""

from __future__ import annotations

import datetime as dt

import arnewsparse

PUBLISHED = dt.date(2019, 4, 26)  # a Friday


def test_report_said_yesterday() -> None:
    art = arnewsparse.parse(
        "قال وزير الخارجية أمس إن المفاوضات ستستأنف قريبا.\nوأكد الخميس أن الوفد جاهز.", published=PUBLISHED
    )
    dates = {r.verb.text: r.date for r in art.reports}
    assert dates["قال"] == dt.date(2019, 4, 25)
    assert dates["وأكد"] == dt.date(2019, 4, 25)  # the last Thursday on or before publication


def test_no_published_date_means_no_resolution() -> None:
    art = arnewsparse.parse("قال وزير الخارجية أمس إن المفاوضات ستستأنف قريبا.")
    assert art.reports and all(r.date is None for r in art.reports)


def test_report_without_relative_date_stays_undated() -> None:
    art = arnewsparse.parse("قال وزير الخارجية إن المفاوضات ستستأنف قريبا.", published=PUBLISHED)
    assert art.reports and all(r.date is None for r in art.reports)


def test_explicit_stamp_date_wins() -> None:
    text = "جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس\nقال المتحدث إن الاجتماع انتهى."
    art = arnewsparse.parse(text, published=PUBLISHED)
    assert art.dateline is not None and art.dateline.date == dt.date(2015, 8, 10)


def test_report_date_round_trips() -> None:
    art = arnewsparse.parse("قال وزير الخارجية أمس إن المفاوضات ستستأنف قريبا.", published=PUBLISHED)
    assert arnewsparse.Article.from_dict(art.to_dict()) == art


def test_stamp_weekday_resolves() -> None:
    text = "عنوان الخبر هنا\nالجمعة : واس\nقال المتحدث إن الاجتماع انتهى."
    art = arnewsparse.parse(text, published=PUBLISHED)
    assert art.dateline is not None
    assert (art.dateline.agency, art.dateline.location, art.dateline.date) == ("SPA", None, PUBLISHED)
    assert arnewsparse.parse("عنوان الخبر هنا\nالجمعة : واس\nنص.").dateline.date is None  # type: ignore[union-attr]

"""Article: the whole pipeline behind :func:`arnewsparse.parse`.

normalize -> lines -> layout (with datelines) -> reports -> :class:`Article`.
Each stage is a module of its own and can be used alone; this one only wires
them together and checks the input.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from arnewsparse.dates import resolve_relative
from arnewsparse.furniture import Furniture
from arnewsparse.layout import parse_layout
from arnewsparse.model import Article, Dateline, Report
from arnewsparse.normalize import Normalized
from arnewsparse.reports import Region, find_reports

__all__ = ["parse"]


# How far after a reporting verb a relative date still belongs to it when the report
# has no content span ("وقال الوزير أمس" ...).
_DATE_WINDOW = 80


def parse(text: str, *, published: _dt.date | None = None, furniture: Furniture | None = None) -> Article:
    """Parse one raw Arabic news article.

    >>> article = parse("موسكو – سانا\\nأكد الرئيس الروسي فلاديمير بوتين أن الحل سياسي.")
    >>> article.dateline.location
    'موسكو'

    ``published``, the article's publication date when known, resolves relative
    dates: a stamp such as ``الرياض - الخميس`` gets a ``date``, and so does a
    report that says when it was made (``وقال الوزير أمس``، ``أكد الخميس``).

    ``furniture``, lines learned from a corpus by :func:`arnewsparse.learn_furniture`,
    makes those lines boilerplate wherever they stand in the body.

    Raises :class:`TypeError` for anything but a ``str`` (decode ``bytes`` with
    :func:`arnewsparse.parse_bytes`).
    """
    if not isinstance(text, str):
        if isinstance(text, (bytes, bytearray, memoryview)):
            raise TypeError("parse() takes str, not bytes: use arnewsparse.parse_bytes(data)")
        raise TypeError(f"parse() takes str, not {type(text).__name__}")
    norm = Normalized(text)
    layout = parse_layout(text, norm, furniture=furniture)
    regions: list[Region] = []
    if layout.headline is not None:
        regions.append((layout.headline.start, layout.headline.end, True))
    regions += [(s.start, s.end, False) for s in layout.subheadlines]
    regions += [(p.span.start, p.span.end, False) for p in layout.paragraphs]
    regions.sort()
    reports = find_reports(text, regions=regions, normalized=norm) if regions else ()
    datelines = layout.datelines
    if published is not None:
        datelines = tuple(_date_stamp(d, published) for d in datelines)
        reports = tuple(_date_report(text, r, published) for r in reports)
    return Article(
        text=text,
        headline=layout.headline,
        source_tags=layout.source_tags,
        datelines=datelines,
        subheadlines=layout.subheadlines,
        paragraphs=layout.paragraphs,
        boilerplate=layout.boilerplate,
        reports=reports,
    )


def _date_stamp(stamp: Dateline, published: _dt.date) -> Dateline:
    if stamp.date is not None:
        return stamp
    date = resolve_relative(stamp.text, published)
    return stamp if date is None else attrs.evolve(stamp, date=date)


def _date_report(text: str, report: Report, published: _dt.date) -> Report:
    # the time adjunct sits between the verb and what was said: "وقال بوتين في سوتشي أمس: ..."
    end = report.content.start if report.content is not None else report.verb.end + _DATE_WINDOW
    window = text[report.verb.end : min(end, report.verb.end + _DATE_WINDOW)]
    date = resolve_relative(window, published)
    return report if date is None else attrs.evolve(report, date=date)

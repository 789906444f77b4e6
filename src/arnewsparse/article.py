"""Article: the whole pipeline behind :func:`arnewsparse.parse`.

normalize -> lines -> layout (with datelines) -> reports -> :class:`Article`.
Each stage is a module of its own and can be used alone; this one only wires
them together and checks the input.
"""

from __future__ import annotations

from arnewsparse.layout import parse_layout
from arnewsparse.model import Article
from arnewsparse.normalize import Normalized
from arnewsparse.reports import Region, find_reports

__all__ = ["parse"]


def parse(text: str) -> Article:
    """Parse one raw Arabic news article.

    >>> article = parse("موسكو – سانا\\nأكد الرئيس الروسي فلاديمير بوتين أن الحل سياسي.")
    >>> article.dateline.location
    'موسكو'

    Raises :class:`TypeError` for anything but a ``str`` (decode ``bytes`` first).
    """
    if not isinstance(text, str):
        if isinstance(text, (bytes, bytearray, memoryview)):
            raise TypeError("parse() takes str, not bytes: decode it first (e.g. data.decode('utf-8'))")
        raise TypeError(f"parse() takes str, not {type(text).__name__}")
    norm = Normalized(text)
    layout = parse_layout(text, norm)
    regions: list[Region] = []
    if layout.headline is not None:
        regions.append((layout.headline.start, layout.headline.end, True))
    regions += [(s.start, s.end, False) for s in layout.subheadlines]
    regions += [(p.span.start, p.span.end, False) for p in layout.paragraphs]
    regions.sort()
    reports = find_reports(text, regions=regions, normalized=norm) if regions else ()
    return Article(
        text=text,
        headline=layout.headline,
        source_tags=layout.source_tags,
        datelines=layout.datelines,
        subheadlines=layout.subheadlines,
        paragraphs=layout.paragraphs,
        boilerplate=layout.boilerplate,
        reports=reports,
    )

"""arnewsparse: raw Arabic news text to typed, structured records.

>>> import arnewsparse
>>> article = arnewsparse.parse(open("examples/articles/004_31896b099c16ff1e.txt").read())  # doctest: +SKIP
>>> article.dateline.agency  # doctest: +SKIP
'SANA'

The pipeline runs normalize -> lines -> layout -> datelines -> reports ->
article; each stage is re-exported here so it can be used on its own.
"""

from arnewsparse._version import __version__
from arnewsparse.agencies import Agency, lookup_agency
from arnewsparse.article import parse
from arnewsparse.corpus import parse_many
from arnewsparse.datelines import parse_dateline, parse_datelines, split_leading_dateline
from arnewsparse.dates import ArabicDate, find_dates, parse_date, resolve_relative
from arnewsparse.decode import DecodedText, ParsedBytes, decode_bytes, parse_bytes
from arnewsparse.furniture import Furniture, FurnitureLine, learn_furniture
from arnewsparse.headline import HeadlineCandidate, explain_headline
from arnewsparse.layout import Layout, parse_layout
from arnewsparse.lines import Line, split_lines
from arnewsparse.model import (
    Article,
    Dateline,
    Paragraph,
    Report,
    ReportForm,
    SourceTag,
    Span,
    Speaker,
)
from arnewsparse.normalize import Normalized, fold
from arnewsparse.reports import find_reports

__all__ = [
    "Agency",
    "ArabicDate",
    "Article",
    "Dateline",
    "DecodedText",
    "Furniture",
    "FurnitureLine",
    "HeadlineCandidate",
    "Layout",
    "Line",
    "Normalized",
    "Paragraph",
    "ParsedBytes",
    "Report",
    "ReportForm",
    "SourceTag",
    "Span",
    "Speaker",
    "__version__",
    "decode_bytes",
    "explain_headline",
    "find_dates",
    "find_reports",
    "fold",
    "learn_furniture",
    "lookup_agency",
    "parse",
    "parse_bytes",
    "parse_date",
    "parse_dateline",
    "parse_datelines",
    "parse_layout",
    "parse_many",
    "resolve_relative",
    "split_leading_dateline",
    "split_lines",
]

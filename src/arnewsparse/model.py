"""The typed records arnewsparse returns.

Everything here is a frozen ``attrs`` class with slots: immutable, hashable,
cheap, picklable.  Every piece of text a record holds is a :class:`Span`, a
``(start, end)`` pair into the original input together with the exact text
``input[start:end]``, so a user can always go back to the page.

``to_dict()`` gives JSON-ready data (only ``str``, ``int``, ``bool``, ``None``,
lists and dicts) and ``from_dict()`` rebuilds an equal object from it.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs

# (speakers.py imports nothing from this module, so the import goes one way only)
from arnewsparse.speakers import Speaker, group_speakers

__all__ = [
    "Article",
    "Dateline",
    "Paragraph",
    "Report",
    "ReportForm",
    "SourceTag",
    "Span",
    "Speaker",
]

PartKind = Literal["source_tag", "headline", "dateline", "subheadline", "paragraph", "boilerplate"]


@attrs.frozen(slots=True)
class Span:
    """A stretch of the original input: ``text == input[start:end]``.

    >>> from arnewsparse import parse
    >>> raw = "موسكو – سانا\\nأكد الرئيس الروسي فلاديمير بوتين أن الحل سياسي."
    >>> span = parse(raw).reports[0].speaker
    >>> span
    Span(start=17, end=45, text='الرئيس الروسي فلاديمير بوتين')
    >>> raw[span.start:span.end] == span.text
    True
    """

    start: int
    """Offset of the first character in the input (0-based, in ``str`` code points)."""
    end: int
    """Offset one past the last character: the span is ``input[start:end]``."""
    text: str
    """The input's characters ``input[start:end]``, exactly as written."""

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """The span ``source[start:end]``."""
        return cls(start, end, source[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def __str__(self) -> str:
        return self.text

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


def _span_or_none(data: Mapping[str, Any] | None) -> Span | None:
    return None if data is None else Span.from_dict(data)


def _dict_or_none(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else span.to_dict()


@attrs.frozen(slots=True)
class SourceTag:
    """A publisher or site name standing alone at the top, or a credit line.

    ``kind`` is ``"site"`` (``هوى الشام``) or ``"credit"`` (``Posted from صحيفة تشرين``,
    ``المصدر: ...``).
    """

    span: Span
    kind: Literal["site", "credit"]

    @property
    def text(self) -> str:
        return self.span.text

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "kind": self.kind}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SourceTag:
        kind = data["kind"]
        if kind not in ("site", "credit"):
            raise ValueError(f"SourceTag kind must be 'site' or 'credit', not {kind!r}")
        return cls(Span.from_dict(data["span"]), kind)


@attrs.frozen(slots=True)
class Dateline:
    """A stamp giving place, news organisation, date and/or reporter.

    ``agency`` is the canonical id of the organisation credited (``SANA``,
    ``SPA``, ``Reuters`` ...), or the organisation's written name without
    brackets or quotes when it is not in the agency table; ``agency_text`` is
    how the stamp writes it.  ``location`` and ``reporter`` are as written.
    ``date`` is the Gregorian date the stamp carries (a Hijri-only date is
    converted).
    """

    span: Span
    """The whole stamp as written (``موسكو – سانا``)."""
    location: str | None = None
    """The place, as written (``موسكو``), or ``None``."""
    agency: str | None = None
    """The canonical id of the news organisation (``SANA``), or its written name; ``None`` if none."""
    agency_text: str | None = None
    """How the stamp writes the organisation (``سانا``), or ``None``."""
    date: _dt.date | None = None
    """The Gregorian date the stamp carries (a Hijri date converted), or ``None``."""
    reporter: str | None = None
    """The reporter's name, as written (``رنيم حنوش``), or ``None``."""

    @property
    def text(self) -> str:
        return self.span.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "location": self.location,
            "agency": self.agency,
            "agency_text": self.agency_text,
            "date": None if self.date is None else self.date.isoformat(),
            "reporter": self.reporter,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dateline:
        date = data.get("date")
        return cls(
            span=Span.from_dict(data["span"]),
            location=data.get("location"),
            agency=data.get("agency"),
            agency_text=data.get("agency_text"),
            date=None if date is None else _dt.date.fromisoformat(date),
            reporter=data.get("reporter"),
        )


@attrs.frozen(slots=True)
class Paragraph:
    """A body paragraph.

    ``span`` covers its original lines (a paragraph broken mid-sentence over
    several lines is one paragraph); ``text`` is the clean paragraph: lines
    joined with a space, runs of spaces and NBSP collapsed, HTML entities
    decoded.
    """

    span: Span
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Paragraph:
        return cls(Span.from_dict(data["span"]), str(data["text"]))


class ReportForm(enum.Enum):
    """The grammatical form of a reporting word."""

    PERFECT = "perfect"
    """أكد، وقال، قالت، أكدا، وأضافوا"""
    IMPERFECT = "imperfect"
    """يقول، تؤكد، ويرى"""
    PARTICIPLE = "participle"
    """a circumstantial active participle: مشيرا، لافتا، مؤكدا، قائلا"""
    VERBAL_NOUN = "verbal_noun"
    """قوله، تأكيده"""
    PASSIVE = "passive"
    """يذكر أن، يشار إلى أن، أشير"""


@attrs.frozen(slots=True)
class Report:
    """A reporting word that attributes a statement to a source: who said what.

    ``speaker`` is the explicit source phrase next to the verb (or ``None`` for
    a dropped subject, a participle or an impersonal passive);
    ``speaker_resolved`` is the explicit mention the report refers to (equal to
    ``speaker`` when there is one).  ``content`` is the attributed clause and
    ``quote`` the direct quotation inside it, when there is one.  ``date`` is
    when the statement was made, filled only when :func:`arnewsparse.parse` is
    given the publication date and the report carries a relative date
    (``وقال أمس``، ``أكد الخميس``).

    >>> from arnewsparse import parse
    >>> r = parse("وأشار بوتين إلى أن الحوار مستمر لافتا إلى أن العمل جار.").reports[1]
    >>> r.token, r.lemma, r.form.value, r.speaker, r.speaker_resolved.text
    ('لافتا', 'لفت', 'participle', None, 'بوتين')
    """

    verb: Span
    """The reporting word as written, proclitics included (``وأضاف``)."""
    lemma: str
    """Its lemma, the dictionary entry it is an inflection of (``أضاف``)."""
    form: ReportForm
    """Its grammatical form: perfect, imperfect, participle, verbal noun or passive."""
    gloss: str = ""
    """An English gloss of the lemma (``mention, state``), from the lexicon."""
    category: str = ""
    """The lemma's kind of reporting in the lexicon (``say``, ``assert``, ``announce`` ...)."""
    speaker: Span | None = None
    """The explicit source phrase next to the verb, or ``None`` (dropped subject, participle, passive)."""
    speaker_resolved: Span | None = None
    """The explicit mention the report refers to (equal to ``speaker`` when there is one), or ``None``."""
    content: Span | None = None
    """The attributed clause, or ``None``."""
    quote: Span | None = None
    """The direct quotation inside ``content``, when there is one."""
    in_headline: bool = False
    """True when the verb stands in the headline."""
    date: _dt.date | None = None
    """When the statement was made, when ``published`` was given and a relative date fixes it."""

    @property
    def token(self) -> str:
        """The reporting word as written, proclitics included (``وأضاف``)."""
        return self.verb.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "verb": self.verb.to_dict(),
            "lemma": self.lemma,
            "form": self.form.value,
            "gloss": self.gloss,
            "category": self.category,
            "speaker": _dict_or_none(self.speaker),
            "speaker_resolved": _dict_or_none(self.speaker_resolved),
            "content": _dict_or_none(self.content),
            "quote": _dict_or_none(self.quote),
            "in_headline": self.in_headline,
            "date": None if self.date is None else self.date.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        return cls(
            verb=Span.from_dict(data["verb"]),
            lemma=str(data["lemma"]),
            form=ReportForm(data["form"]),
            gloss=str(data.get("gloss", "")),
            category=str(data.get("category", "")),
            speaker=_span_or_none(data.get("speaker")),
            speaker_resolved=_span_or_none(data.get("speaker_resolved")),
            content=_span_or_none(data.get("content")),
            quote=_span_or_none(data.get("quote")),
            in_headline=bool(data.get("in_headline", False)),
            date=None if data.get("date") is None else _dt.date.fromisoformat(data["date"]),
        )


@attrs.frozen(slots=True)
class Article:
    """A parsed news article.  Build one with :func:`arnewsparse.parse`.

    Every non-whitespace character of :attr:`text` lies in exactly one part:
    a source tag, the headline, a dateline, a subheadline, a paragraph or a
    boilerplate span.  Reports lie inside the headline, subheadlines and
    paragraphs.

    >>> from arnewsparse import parse
    >>> article = parse("موسكو – سانا\\nأكد الرئيس الروسي فلاديمير بوتين أن الحل سياسي.")
    >>> [kind for kind, _ in article.parts()]
    ['dateline', 'paragraph']
    >>> article.dateline.agency, article.reports[0].lemma
    ('SANA', 'أكد')
    """

    text: str
    """The input text every span points into."""
    headline: Span | None = None
    """The title line, or ``None`` when the article has none."""
    source_tags: tuple[SourceTag, ...] = ()
    """Site names standing alone at the top and credit lines."""
    datelines: tuple[Dateline, ...] = ()
    """Every dateline stamp, in reading order."""
    subheadlines: tuple[Span, ...] = ()
    """Headings inside the body."""
    paragraphs: tuple[Paragraph, ...] = ()
    """The body paragraphs, broken lines joined back."""
    boilerplate: tuple[Span, ...] = ()
    """Share buttons, follow-us lines, links, comment notices, teasers of other stories."""
    reports: tuple[Report, ...] = ()
    """Every reporting word with its speaker and content, in reading order."""
    id: Any = attrs.field(default=None, eq=False, kw_only=True)
    """The record's id when the article was read from a corpus (``from_dict`` keeps it), else ``None``.

    Not compared: two parses of the same text are equal whatever their ids."""
    meta: dict[str, Any] = attrs.field(factory=dict, eq=False, kw_only=True)
    """Any other keys of the dict :meth:`from_dict` was given (a title, a URL), kept for :meth:`to_dict`.

    Not compared, like :attr:`id`."""

    @property
    def dateline(self) -> Dateline | None:
        """The first dateline, or ``None``."""
        return self.datelines[0] if self.datelines else None

    @property
    def body(self) -> str:
        """The clean paragraph texts joined by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def parts(self) -> Iterator[tuple[PartKind, Span]]:
        """Every part of the article in reading order, as ``(kind, span)``."""
        found: list[tuple[PartKind, Span]] = [("source_tag", t.span) for t in self.source_tags]
        if self.headline is not None:
            found.append(("headline", self.headline))
        found += [("dateline", d.span) for d in self.datelines]
        found += [("subheadline", s) for s in self.subheadlines]
        found += [("paragraph", p.span) for p in self.paragraphs]
        found += [("boilerplate", b) for b in self.boilerplate]
        found.sort(key=lambda kv: (kv[1].start, kv[1].end))
        return iter(found)

    def speakers(self) -> tuple[Speaker, ...]:
        """Each distinct source with its reports, ready for a who-said-what table.

        Mentions of one source are grouped: a shorter mention that stands inside
        a longer one as whole words (``بوتين`` in ``الرئيس الروسي فلاديمير بوتين``)
        names the same source.  Reports with no resolved speaker are left out.
        """
        return group_speakers(self.reports)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; :meth:`from_dict` rebuilds an equal article from it.

        ``id`` comes first when set and :attr:`meta`'s keys last, so the record
        ``arnewsparse parse`` writes comes back unchanged.
        """
        head = {} if self.id is None else {"id": self.id}
        return {
            **head,
            "text": self.text,
            "headline": _dict_or_none(self.headline),
            "source_tags": [t.to_dict() for t in self.source_tags],
            "datelines": [d.to_dict() for d in self.datelines],
            "subheadlines": [s.to_dict() for s in self.subheadlines],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "reports": [r.to_dict() for r in self.reports],
            **self.meta,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output, or from a line ``arnewsparse parse`` wrote.

        ``id`` goes to :attr:`id`, keys that are not the article's to :attr:`meta`.
        """
        return cls(
            id=data.get("id"),
            meta={k: v for k, v in data.items() if k not in _ARTICLE_KEYS},
            text=str(data["text"]),
            headline=_span_or_none(data.get("headline")),
            source_tags=tuple(SourceTag.from_dict(t) for t in data.get("source_tags", ())),
            datelines=tuple(Dateline.from_dict(d) for d in data.get("datelines", ())),
            subheadlines=tuple(Span.from_dict(s) for s in data.get("subheadlines", ())),
            paragraphs=tuple(Paragraph.from_dict(p) for p in data.get("paragraphs", ())),
            boilerplate=tuple(Span.from_dict(b) for b in data.get("boilerplate", ())),
            reports=tuple(Report.from_dict(r) for r in data.get("reports", ())),
        )


#: The keys of ``Article.to_dict()`` after ``id``, in order; any other key of a record is metadata.
ARTICLE_FIELDS: tuple[str, ...] = (
    "text",
    "headline",
    "source_tags",
    "datelines",
    "subheadlines",
    "paragraphs",
    "boilerplate",
    "reports",
)
_ARTICLE_KEYS = frozenset(("id", *ARTICLE_FIELDS))

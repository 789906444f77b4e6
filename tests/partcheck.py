"""Assertions shared by tests: spans round-trip and nothing of the input is lost."""

from __future__ import annotations

import unicodedata

from arnewsparse import Article, Span


def ignorable(ch: str) -> bool:
    """White space, or an invisible formatting mark (bidi controls, zero-width characters)."""
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def all_spans(article: Article) -> list[tuple[str, Span]]:
    found: list[tuple[str, Span]] = list(article.parts())
    for d in article.datelines:
        found.append(("dateline", d.span))
    for r in article.reports:
        for name in ("verb", "speaker", "speaker_resolved", "content", "quote"):
            span = getattr(r, name)
            if span is not None:
                found.append((f"report.{name}", span))
    return found


def check_article(article: Article) -> None:
    """Every span round-trips; parts never overlap; every visible character is in a part."""
    text = article.text
    for kind, span in all_spans(article):
        assert 0 <= span.start <= span.end <= len(text), (kind, span)
        assert text[span.start : span.end] == span.text, (kind, span)
    parts = list(article.parts())
    owner = [""] * len(text)
    for kind, span in parts:
        for i in range(span.start, span.end):
            assert not owner[i], f"{kind} {span} overlaps {owner[i]}"
            owner[i] = kind
    lost = [i for i, ch in enumerate(text) if not owner[i] and not ignorable(ch)]
    assert not lost, f"characters in no part: {[text[i] for i in lost[:20]]} at {lost[:20]}"
    body_parts = [s for k, s in parts if k in ("headline", "subheadline", "paragraph")]
    for r in article.reports:
        assert any(s.contains(r.verb) for s in body_parts), f"report {r.verb} outside headline/body"

"""Furniture learned from a corpus: the lines a site prints on every page.

A scrape of one site repeats its furniture on every article: a disclaimer, a
"follow us" prompt, a promotion for its app, a sign-off.  No phrase list can
know them all, but a corpus shows them: they are whole lines that recur,
unchanged, across many *different* articles.  :func:`learn_furniture` counts
them; the :class:`Furniture` it returns is frozen, saveable as JSON, and makes
those lines boilerplate when passed to :func:`arnewsparse.parse` (or
:func:`arnewsparse.parse_layout`) as ``furniture=``.

A recurring line is not always furniture.  Wire stories share sentences (the
background paragraph of a long conflict, a ``يذكر أن`` reminder), syndicated
articles are printed twice, and stamps (``الرياض - واس``) recur by design.  So a
line qualifies only if it is:

- found in at least ``min_articles`` articles and ``min_share`` of them,
  counting articles with the same body once (a repeated article is not a
  recurring line);
- short (at most ``max_words`` words), and not shaped like a sentence of the
  story: no final full stop on a line of ``sentence_words`` words or more, no
  reporting verb (``قال``، ``أكد``، ``يذكر``), no opening conjunction or discourse
  opener (``و``، ``كما``، ``إلى ذلك``) linking it to a paragraph above;
- not a stamp (place, agency, reporter), and not mostly the first line of its
  articles (a site name or a section's standing title is a source tag or a
  headline, which the layout decides).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs
import regex

from arnewsparse.boilerplate import continues
from arnewsparse.datelines import parse_datelines
from arnewsparse.lexicon import FORMS
from arnewsparse.lines import split_lines
from arnewsparse.normalize import Normalized, fold, fold_word

__all__ = ["Furniture", "FurnitureLine", "learn_furniture"]

_FORMAT: Final = "arnewsparse.furniture/1"


def _key(folded: str) -> str:
    return " ".join(folded.split())


@attrs.frozen(slots=True)
class FurnitureLine:
    """One learned line: its text (as first seen) and the number of distinct articles that print it."""

    text: str
    articles: int


def _keys(self: Furniture) -> frozenset[str]:
    return frozenset(_key(fold(line.text)) for line in self.lines)


@attrs.frozen(slots=True)
class Furniture:
    """Whole lines learned as page furniture (see :func:`learn_furniture`).

    ``lines`` are ordered by how many articles print them, most first;
    ``articles`` is the number of distinct articles the lines were learned
    from.  ``"some line" in furniture`` tests a line of raw text (folded the
    way the parser folds, so spelling variants of hamza and ta marbuta match).

    >>> f = Furniture((FurnitureLine("تابعونا على تلغرام", 12),), articles=40)
    >>> "تابعونا على تلغرام" in f, len(f)
    (True, 1)
    """

    lines: tuple[FurnitureLine, ...] = ()
    articles: int = 0
    min_share: float = 0.0
    min_articles: int = 0
    _folded: frozenset[str] = attrs.field(
        init=False, repr=False, eq=False, default=attrs.Factory(_keys, takes_self=True)
    )

    def __contains__(self, line: object) -> bool:
        return isinstance(line, str) and _key(fold(line)) in self._folded

    def __len__(self) -> int:
        return len(self.lines)

    def has_folded(self, folded: str) -> bool:
        """Whether a line already folded (as :attr:`arnewsparse.Line.folded` holds it) is learned."""
        return (_key(folded) if "  " in folded else folded) in self._folded

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; :meth:`from_dict` reads it back."""
        return {
            "format": _FORMAT,
            "articles": self.articles,
            "min_share": self.min_share,
            "min_articles": self.min_articles,
            "lines": [{"text": line.text, "articles": line.articles} for line in self.lines],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Furniture:
        """Read what :meth:`to_dict` wrote; raises :class:`ValueError` on anything else."""
        if data.get("format") != _FORMAT:
            raise ValueError(f"not a furniture file (format {data.get('format')!r}, expected {_FORMAT!r})")
        lines = tuple(FurnitureLine(str(d["text"]), int(d["articles"])) for d in data.get("lines", ()))
        return cls(
            lines,
            articles=int(data.get("articles", 0)),
            min_share=float(data.get("min_share", 0.0)),
            min_articles=int(data.get("min_articles", 0)),
        )

    def save(self, path: str | Path) -> None:
        """Write the furniture to a JSON file (UTF-8)."""
        Path(path).write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, path: str | Path) -> Furniture:
        """Read a file written by :meth:`save`."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"{path}: not a furniture file")
        return cls.from_dict(data)


_SAID: Final = frozenset(
    fold(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "بأنه", "ان", "انه")
)
_TERMINAL: Final = frozenset(".!?؟")
_PARAGRAPH_CHARS: Final = 80
_CLOSERS: Final = "\"'”’»)] "
_WORD: Final = regex.compile(r"\S+")


def _sentence_like(folded: str, words: list[str], sentence_words: int) -> bool:
    """The line reads as a sentence of a story rather than a line of furniture."""
    if len(words) >= sentence_words and folded.rstrip(_CLOSERS)[-1:] in _TERMINAL:
        return True
    if continues(folded):
        return True  # a conjunction or a discourse opener ties it to a paragraph above
    # a report frame: a verb of saying and, after it, what was said (a clause, a colon, a quotation);
    # a verb alone is no sign ("حمّلوا التطبيق"، "شارك برأيك" are prompts)
    for pos, word in enumerate(words):
        if fold_word(word) in FORMS and any(
            w in _SAID or w[:1] in '«"“:' or w[-1:] == ":" for w in words[pos:]
        ):
            return True
    return False


def learn_furniture(
    texts: Iterable[str],
    *,
    min_share: float = 0.005,
    min_articles: int = 3,
    max_words: int = 20,
    sentence_words: int = 12,
) -> Furniture:
    """Learn the lines that recur across a corpus as page furniture.

    >>> pages = [f"خبر رقم {i}\\n\\nنص الخبر {i} هنا.\\n\\nتابعونا على تلغرام" for i in range(10)]
    >>> [line.text for line in learn_furniture(pages, min_share=0.5).lines]
    ['تابعونا على تلغرام']

    ``min_share`` is the share of (distinct) articles a line must appear in,
    ``min_articles`` a floor on their number; ``max_words`` and
    ``sentence_words`` bound the shape of a furniture line (see the module
    docstring for what keeps a common news sentence out).
    """
    counts: Counter[str] = Counter()
    first_line: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    seen: set[str] = set()
    articles = 0
    for text in texts:
        norm = Normalized(text)
        lines = split_lines(norm)
        if not lines:
            continue
        # an article printed twice (syndicated, scraped again) counts once: key it by its longest
        # line when that is a paragraph (a furniture line may be longer than a short page's text)
        body = max(lines, key=lambda line: line.end - line.start)
        ident = _key(body.folded) if len(body.folded) >= _PARAGRAPH_CHARS else _key(norm.text)
        if ident in seen:
            continue
        seen.add(ident)
        articles += 1
        mine: set[str] = set()
        for pos, line in enumerate(lines):
            if line.words > max_words or not line.folded:
                continue
            key = _key(line.folded)
            if key in mine:
                continue
            mine.add(key)
            counts[key] += 1
            if pos == 0:
                first_line[key] += 1
            spelling.setdefault(key, text[line.start : line.end])
    need = max(min_articles, math.ceil(min_share * articles))
    learned: list[FurnitureLine] = []
    for key, n in counts.most_common():
        if n < need:
            break
        if first_line[key] * 2 > n:
            continue  # mostly the first line of its pages: a site name or standing title
        words = _WORD.findall(key)
        if _sentence_like(key, words, sentence_words):
            continue
        original = spelling[key]
        if parse_datelines(original):
            continue  # a stamp recurs by design
        learned.append(FurnitureLine(" ".join(original.split()), n))
    return Furniture(tuple(learned), articles=articles, min_share=min_share, min_articles=min_articles)

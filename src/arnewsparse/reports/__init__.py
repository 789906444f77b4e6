"""Reports: reporting words, their lemma and form, and who said what.

This package owns :func:`find_reports`; its modules are ``words`` (word
classes and limits), ``tokens`` (the tokeniser and the text view), ``hit``
(one reporting word and its context), ``content`` (where attributed content
starts), ``shapes`` (word and phrase shape tests), ``rulings`` (what rules a
hit out from its words alone), ``chunker`` (the speaker noun phrase),
``memory`` (mentions and resolution), ``record`` (building the
:class:`~arnewsparse.model.Report`), ``nouns`` (the verbal nouns' handlers)
and ``forms`` (the finder, one handler per form).  It works on the folded view of the
text (:class:`arnewsparse.normalize.Normalized`) and reports every span in
original offsets.

How it stays fast: the reporting words of the whole text are found at once
(``str.split``, a C-level set intersection with the lexicon's keys, and a
regex only over the few words with punctuation attached), and placed in the
regions by their original offsets, so no region costs anything unless it holds
a hit.  Around each hit the text is read as a small array of plain
``(text, kind, start, end)`` tuples: the words after the hit in a short window
first (read on only when a decision runs off its end), the words before it
only when a subject-first source may stand there.  Sentence ends and
quotations are found with plain character classes at C speed.

1. *Is it a report?*  A reporting word counts only when attributed content
   follows: a complementiser (أن، إن، أنه، بأن، إلى أن، على أن), a colon, a
   quotation, the lemma's own preposition (أشار إلى، أعرب عن، طالب بـ) or, for
   verbs that take one, a statement-like object (أكد أهمية ...).  Letters
   shared with other words (بين "between", عبر "via") fail this test; so do a
   feminine participle that reads as an adjective (حالة مؤكدة: it needs a
   clause or a comma before it), a perfect written with إ (إدانة is a verbal
   noun) and a withheld name (لم يكشف عن هويته).  A verb after بحسب ما، وفق
   ما or كما attributes what came before it (بحسب ما أفاد مسؤول); after a
   bare relative ما with no pronoun pointing back to it, ما is the subject
   (ما يؤكد وجود تأخير: not a report).  A verb inside a quotation (marked, or
   opened by the speaker's colon, to its sentence end) attributes nothing
   past its close, and a first-person clause there (أظهر أننا) is the
   speaker's own words.  تم التأكيد على ...: an impersonal verbal noun.
2. *Who is the speaker?*  Verb first: the noun phrase after the verb up to the
   complementiser, colon, quotation or first adjunct (خلال، في، أمام،
   للصحفيين، اليوم ...).  Subject first: the words between a clause opener
   (sentence start, أن، لكن، كان ... قد, a colon in a headline, a relative
   pronoun, or من in هناك من يقول) and the verb.  A verb with a dual or plural
   ending in verb-first order carries its subject as a pronoun: no explicit
   speaker.  Where the verb takes an object, the source ends where it starts
   (الإعلام السوري الرسمي | التدخل، الداخلية | توجيهات، ... | ذلك), and a definite
   phrase with no title before a demand's preposition is whom the demand
   addresses (ودعا الأطراف الخارجية إلى: the source is the one before).
   مع inside a title description does not end it when a name follows
   before the complementiser.  A coordinated dual or plural verb shares the
   subject-first source of its sentence (بوتين وروحاني يبحثان ... ويؤكدان).
3. *Whom does it refer to?*  Dropped subjects, participles and possessive
   verbal nouns resolve to the governing report or the most recent explicit
   mention that agrees with the verb in gender and number; this carries
   across regions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import filterfalse

from arnewsparse.lexicon import FORMS
from arnewsparse.model import Report, ReportForm
from arnewsparse.normalize import Normalized
from arnewsparse.reports.forms import Finder
from arnewsparse.reports.words import (
    FIND_EACH_MAX,
    KEYS,
    WORD,
)

__all__ = ["Region", "find_reports"]

Region = tuple[int, int, bool]
"""``(start, end, in_headline)``: a stretch of the text to search, in reading order."""


def find_reports(
    text: str,
    *,
    regions: Sequence[Region] | None = None,
    normalized: Normalized | None = None,
) -> tuple[Report, ...]:
    """Every report in ``text`` (or in ``regions`` of it), in order.

    ``regions`` are ``(start, end, in_headline)`` triples in original offsets
    and reading order (headline, subheadlines, paragraphs); without them the
    whole text is one region.  ``normalized`` may pass a precomputed
    ``Normalized(text)``.  Speaker resolution carries from region to region.
    """
    if not text:
        return ()
    norm = normalized if normalized is not None else Normalized(text)
    ft = norm.text
    hits = _hits(ft)
    if not hits:
        return ()
    finder = Finder(text, norm)
    view = finder.view
    view.use_ends(regions is not None)
    finder.memory.clause_starts = [
        p
        for p, w in hits
        if (e := FORMS[w]).proclitic and e.form in (ReportForm.PERFECT, ReportForm.IMPERFECT)
    ]
    if regions is None:
        for p, w in hits:
            finder.hit(0, p, p + len(w), FORMS[w], 0, len(ft), False)
        return tuple(finder.recorder.reports)
    identity = norm.is_identity
    to_original = norm.to_original
    # hit starts in original offsets, to place them in the regions
    origs = [p for p, _ in hits] if identity else [to_original(p) for p, _ in hits]
    for idx, (start, end, in_headline) in enumerate(regions):
        i = bisect_left(origs, start)
        j = bisect_left(origs, end, i)
        if i == j:
            continue
        if identity:
            fs, fe = start, end
        else:
            fs, fe = norm.to_folded(start), norm.to_folded(end)
        for k in range(i, j):
            p, w = hits[k]
            q = p + len(w)
            if q <= fe:
                finder.hit(idx, p, q, FORMS[w], fs, fe, bool(in_headline))
    return tuple(finder.recorder.reports)


def _hits(ft: str) -> list[tuple[int, str]]:
    """Every reporting word of ``ft`` as ``(offset, word)``, in order.

    The distinct words come from one ``str.split`` (words with punctuation
    attached are cut again by a regex, on those few only); the set
    intersection with the lexicon is C-level, and each word found is located
    with ``str.find``.
    """
    parts = ft.split()
    found = KEYS.intersection(parts)
    glued = " ".join(filterfalse(str.isalnum, parts))
    if glued:
        found |= KEYS.intersection(WORD.findall(glued))
    if not found:
        return []
    if len(found) > FIND_EACH_MAX:
        # many distinct forms (a huge text): one pass over the words beats a scan per form
        return [(m.start(), w) for m in WORD.finditer(ft) if (w := m.group()) in found]
    hits: list[tuple[int, str]] = []
    n_ft = len(ft)
    for w in found:
        n = len(w)
        p = ft.find(w)
        while p >= 0:
            q = p + n
            if (p == 0 or not (ft[p - 1].isalnum() or ft[p - 1] == "_")) and (
                q >= n_ft or not (ft[q].isalnum() or ft[q] == "_")
            ):
                hits.append((p, w))
            p = ft.find(w, q)
    hits.sort()
    return hits

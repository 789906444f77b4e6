"""Recording a report: the record built from one hit and what it leaves in the text's memory.

This module owns :class:`Recorder`.  Given a hit, its form, its explicit
source and where its content starts, it builds the
:class:`arnewsparse.model.Report` (speaker, resolved speaker, content up to
the sentence end or the next coordinated reporting verb, the quotation it
opens), and updates the memory: the mention, the quotation still open, the
governing source of the paragraph.
"""

from __future__ import annotations

from bisect import bisect_right

from arnewsparse.model import Report, ReportForm, Span
from arnewsparse.reports.hit import Hit
from arnewsparse.reports.memory import Memory
from arnewsparse.reports.shapes import names_someone
from arnewsparse.reports.tokens import END, KIND, START, TEXT, TextView, is_colon
from arnewsparse.reports.words import (
    COMPS,
    CONTENT_TRAIL,
    FIRST_PERSON_COMPS,
    MAX_CONTENT,
    MAX_QUOTE,
    OPEN_CLOSE,
)


class Recorder:
    """Builds the reports of one text, in order."""

    def __init__(self, view: TextView, memory: Memory) -> None:
        self.view = view
        self.memory = memory
        self.reports: list[Report] = []

    def emit(
        self,
        h: Hit,
        form: ReportForm,
        speaker: tuple[int, int] | None,
        content_at: int,
        *,
        resolve: bool,
        referent_at: tuple[int, int] | None = None,
    ) -> None:
        """Record the report of ``h``: its speaker, resolved speaker, content and quotation.

        ``speaker`` is the explicit source (folded offsets) or None; ``content_at``
        indexes the token of ``h.after`` where the attributed content starts;
        ``resolve`` asks for a referent when there is no explicit source;
        ``referent_at`` (folded offsets) names it where the finder already knows
        it (the subject of the verb a verbal noun goes on from), and makes it a mention.
        """
        p, q, entry, after, in_headline, idx = h.p, h.q, h.entry, h.after, h.in_headline, h.idx
        memory = self.memory
        if memory.frames_taken < len(memory.frames):
            memory.take_frames(p)
        verb = self.view.span(p, q)
        sp: Span | None = None
        referent: Span | None = None
        resolved: Span | None = None
        # hits come in text order: a quotation that ended before p can never hold a later hit
        quotes = memory.quotes
        while quotes and quotes[0][1] <= p:
            quotes.popleft()
        quoted = bool(quotes) and any(a <= p < b for a, b in quotes)
        if quoted and content_at < len(after) and after[content_at][TEXT] in FIRST_PERSON_COMPS:
            return  # وقال: حوارنا مع الوزير أظهر أننا قلقون: the speaker's own words
        if speaker is not None and not names_someone(self.view.ft, speaker):
            speaker = None  # a quotation mark, a bracket or a pronoun alone names no one
        embedded = quoted or (speaker is not None and speaker[1] <= p and h.opener in COMPS)
        if speaker is not None:
            if speaker[0] > p:
                memory.speaker_start, memory.speaker_end = speaker
            sp = self.view.span(*speaker)
            finite = form is ReportForm.PERFECT or form is ReportForm.IMPERFECT
            referent = memory.remember(speaker, sp, embedded, entry.agreement if finite else "")
            resolved = sp
        elif referent_at is not None and names_someone(self.view.ft, referent_at):
            resolved = memory.remember(referent_at, self.view.span(*referent_at), quoted)
        elif resolve:
            resolved = memory.resolve(h, entry, form, idx)
        content: Span | None = None
        quote: Span | None = None
        if content_at < len(after):
            ft = self.view.ft
            c0 = after[content_at]
            cs = c0[START]
            if c0[KIND] == "w" and c0[TEXT] in COMPS:
                cs = c0[END]
                while cs < h.fe and ft[cs] == " ":
                    cs += 1
            # bounded: a run-on "sentence" must not make every report's content the rest of the text
            stop = self.view.sentence_end(cs, min(h.quote_end, cs + MAX_CONTENT))
            j = bisect_right(memory.clause_starts, cs)
            if j < len(memory.clause_starts) and memory.clause_starts[j] < stop:
                stop = memory.clause_starts[j]
            ce = stop
            while ce > cs and ft[ce - 1] in CONTENT_TRAIL:
                ce -= 1
            qs = self.view.first_quote(c0[START], stop)
            if qs >= 0:
                opening = ft[qs]
                closing = OPEN_CLOSE.get(opening, opening)
                limit = min(h.fe, qs + MAX_QUOTE)  # a quotation closes in its paragraph
                qe = ft.find(closing, qs + 1, limit)
                if qe < 0 and closing != opening:
                    qe = ft.find(opening, qs + 1, limit)
                if qe > qs + 1:
                    quote = self.view.span(qs + 1, qe)
                    memory.quotes.append((qs + 1, qe))
                    if qs == cs:
                        ce = qe + 1
            elif is_colon(c0) and stop > c0[END]:
                # a quotation opened by the speaker's colon runs to the end of its sentence
                memory.quotes.append((c0[END], stop))
            if ce > cs:
                content = self.view.span(cs, ce)
                memory.last_content = (cs, ce)
        lemma = entry.lemma
        self.reports.append(
            # positional (verb, lemma, form, gloss, category, speaker, speaker_resolved,
            # content, quote, in_headline): cheaper than keywords
            Report(
                verb,
                lemma.lemma,
                form,
                lemma.gloss,
                lemma.category,
                sp,
                resolved,
                content,
                quote,
                in_headline,
            )
        )
        memory.last_report_region = idx
        memory.last_verb = p
        if resolved is not None:
            memory.last_source = (p, resolved if referent is None else referent)
        # a main verb governs what follows, and so does a verbal noun with its
        # source (ونقلت «سانا» عن البرلماني قوله ... موضحا)
        governs = form in (ReportForm.PERFECT, ReportForm.IMPERFECT) or (
            form is ReportForm.VERBAL_NOUN and sp is not None
        )
        if resolved is not None and not embedded and governs:
            memory.governing = (idx, resolved if referent is None else referent)

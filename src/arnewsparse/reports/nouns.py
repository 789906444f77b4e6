"""Verbal nouns that report: the handler of one form, kept apart from the verbs.

This module owns :class:`VerbalNouns`, the part of the
:class:`~arnewsparse.reports.forms.Finder` that reads a verbal noun
(قوله، تأكيده، إعلان ترامب عن، ومضى المسؤول للقول): with a possessive
pronoun and a clause after it (:meth:`VerbalNouns.verbal_noun`), with its
doer in construct and the lemma's own preposition (:meth:`VerbalNouns.with_doer`),
or as the ب/ل verbal noun of saying after a verb of going on, opening or
closing (:meth:`VerbalNouns.going_on`).
"""

from __future__ import annotations

from arnewsparse.lexicon import FORMS
from arnewsparse.reports.chunker import Chunker
from arnewsparse.reports.content import anchor, is_clause
from arnewsparse.reports.hit import Hit
from arnewsparse.reports.memory import Memory
from arnewsparse.reports.record import Recorder
from arnewsparse.reports.shapes import bare_name, nisba
from arnewsparse.reports.tokens import END, KIND, START, TEXT, TextView, Tok, is_colon
from arnewsparse.reports.words import (
    ADJUNCTS,
    DOER_ONLY_NOUNS,
    EVENTS,
    GOING_ON,
    NON_NP,
    PLACE_NAMES,
    PREPS_BEFORE,
    TIMES,
    masdar_like,
)


def going_on_verb(w: str) -> bool:
    """``w`` is a verb of going on (مضى، تابع، استهل), bare or after و/ف."""
    return w in GOING_ON or (w[:1] in "وف" and w[1:] in GOING_ON)


class VerbalNouns:
    """The finder's handlers of verbal nouns (mixed into :class:`~arnewsparse.reports.forms.Finder`)."""

    view: TextView
    memory: Memory
    chunker: Chunker
    recorder: Recorder

    def verbal_noun(self, h: Hit) -> None:
        """قوله، تأكيده، بالذكر: a verbal noun reports only with a clause right after it."""
        entry, after, p = h.entry, h.after, h.p
        lemma = entry.lemma
        before = h.before()
        prev = before[-1][TEXT] if before else ""
        if prev not in ("حد", "حسب", "عدم") and self.with_doer(h):
            return
        if self.view.ft[p + entry.proclitic : h.q] in DOER_ONLY_NOUNS:
            return  # مقولة أن ...: a saying with no sayer is no report
        if prev in ("حد", "حسب", "عدم", "من", "اجل", "دون", "بعد", "قبل"):
            return  # على حد قوله، عدم الكشف، من القول
        impersonal = "ذكر" in lemma.lemma
        if not entry.suffix and not impersonal and (entry.proclitic or self.view.ft[p : p + 2] == "ال"):
            if entry.proclitic and self.going_on(h, before):
                return
            if h.periphrastic():
                # تم التأكيد على ضرورة ...: a passive in all but form, with no source
                # (an assertion's preposition opens what is asserted; تم الإعلان عن المنتج names the act)
                at = anchor(h, 0, lemma, limit=2, clause_only=lemma.category != "assert")
                if at is not None and (at == 0 or is_clause(after, at)):
                    self.recorder.emit(h, entry.form, None, at, resolve=False)
            return  # the definite noun (الإعلان عن ...) names the act, it rarely reports
        speaker: tuple[int, int] | None = None
        if entry.suffix:
            speaker = self.chunker.source_after_an(before)
        # (with its source, an occasion may come first: عن X قوله في كلمة ألقاها الجمعة: "...")
        limit = 16 if speaker is not None else 1
        at = anchor(h, 0, lemma, limit=limit, clause_only=True)
        if at is None:
            return
        if impersonal and not entry.suffix:
            self.recorder.emit(h, entry.form, None, at, resolve=False)
            return
        # (في إشارة إلى أن: a bare verbal noun after في comments on the report before it)
        self.recorder.emit(h, entry.form, speaker, at, resolve=bool(entry.suffix) or prev == "في")

    def may_go_on(self, h: Hit) -> bool:
        """A ب/ل verbal noun with a verb of going on in the seven words before it (:meth:`going_on`)."""
        ft = self.view.ft
        if not h.entry.proclitic or ft[h.p] not in "بل":
            return False
        return any(going_on_verb(w) for w in ft[max(h.fs, h.p - 90) : h.p].split()[-7:])

    def going_on(self, h: Hit, before: list[Tok]) -> bool:
        """ومضى المسؤول الروسي للقول، وتابع الصدر بالقول، واستهل الوزير اللقاء بالتأكيد على: a saying goes on.

        A ب/ل verbal noun of saying after a verb of going on, opening or
        closing reports, its source that verb's subject: explicit where the
        verb reports nothing and its subject stands right before the noun
        (مضى ... للقول), else the referent (a definite object after it is
        left out: اللقاء), or the report the verb itself made (تابع).
        """
        ft = self.view.ft
        if ft[h.p : h.p + 1] not in ("ب", "ل"):
            return False
        k = len(before) - 1
        while k >= 0 and len(before) - k <= 7 and before[k][KIND] == "w":
            if going_on_verb(before[k][TEXT]):
                break
            k -= 1
        else:
            return False
        if k < 0 or before[k][KIND] != "w":
            return False
        at = anchor(h, 0, h.entry.lemma, limit=3)
        if at is None:
            return False
        np = before[k + 1 :]
        if any(t[TEXT] in PREPS_BEFORE or t[TEXT] in FORMS for t in np):
            np = []  # (مضت موجهة رسالة إلى ترامب بالقول: no plain subject there)
        speaker: tuple[int, int] | None = None
        referent: tuple[int, int] | None = None
        last = len(np)
        while last and self.view.possessed(np[last - 1]):
            last -= 1  # ختم الوزير | حديثه بالقول: what he closed, not who
        if (
            last > 1
            and np[last - 1][TEXT].startswith("ال")
            and np[last - 2][TEXT].startswith("ال")
            and not nisba(np[last - 1][TEXT])
        ):
            last -= 1  # استهل رئيس الوزراء | اللقاء: the object
        if last:
            span = (np[0][START], np[last - 1][END])
            reported = self.memory.last_verb == before[k][START]  # (وتابع الصدر: the verb's own report)
            if last == len(np) and not reported:
                speaker = span
            elif not reported:
                referent = span
        self.recorder.emit(h, h.entry.form, speaker, at, resolve=True, referent_at=referent)
        return True

    def with_doer(self, h: Hit) -> bool:
        """إعلان ترامب عن رغبته، إبداء السعودية عن استعدادها: a verbal noun, its doer, its content.

        A verbal noun in construct takes its doer as its genitive; where the
        lemma's own preposition (or a colon) follows that noun phrase, the
        phrase is the source.  Not for a demand (دعوة X إلى: X is whom it
        calls on), nor where the phrase is the noun's object (إعلان حالة
        الطوارئ: a verbal noun or a place is no doer).
        """
        entry, after = h.entry, h.after
        lemma = entry.lemma
        if (
            entry.suffix
            or lemma.category == "demand"
            or self.view.ft[h.p + entry.proclitic : h.p + entry.proclitic + 2] == "ال"
        ):
            return False
        if len(after) < 2 or after[0][KIND] != "w":
            return False
        if self.view.ft[h.p + entry.proclitic : h.q] in EVENTS:
            return False  # في تصريح إعلامي: the occasion of the report before, no report
        first = after[0][TEXT]
        if (
            first in PREPS_BEFORE
            or first in ADJUNCTS
            or first in NON_NP
            or first in TIMES
            or masdar_like(first)
        ):
            return False
        at = anchor(h, 1, lemma, limit=6)
        if at is None or at < 1:
            return False
        if not (self.memory.source_head(first) or first in PLACE_NAMES or (at == 1 and bare_name(first))):
            return False  # إشارة واضحة، تشديد العقوبات على: an adjective or the object, no doer
        t = after[at]
        if not (t[TEXT] in lemma.preps or is_colon(t)):
            return False
        end = self.chunker.source_end(h, 0, at, lemma, anchored=True)
        if end != at:
            return False
        self.recorder.emit(h, entry.form, (after[0][START], after[end - 1][END]), at, resolve=True)
        return True

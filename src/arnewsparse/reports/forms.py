"""The report finder: one handler per form of the reporting word.

This module owns :class:`Finder`.  For each hit it reads a short window of
tokens after the word (read on only when a decision runs off its end), rules
out what is no report (a noun after a preposition, a subjunctive, a relative
ما that is the verb's subject, a withheld name), and hands the hit to the
handler of its form: :meth:`Finder.finite` (perfect and imperfect: impersonal
يذكر أن, subject first, pronoun subject, or :meth:`Finder.verb_first`),
:meth:`Finder.passive`, :meth:`Finder.participle` and the verbal nouns
handlers of :class:`~arnewsparse.reports.nouns.VerbalNouns`.  The grammatical
tests that rule a hit out from its words alone are in
:mod:`arnewsparse.reports.rulings`.  The source comes from the
:class:`~arnewsparse.reports.chunker.Chunker`, the record from the
:class:`~arnewsparse.reports.record.Recorder`.
"""

from __future__ import annotations

import attrs

from arnewsparse.lexicon import FORMS, Entry
from arnewsparse.model import ReportForm
from arnewsparse.normalize import Normalized
from arnewsparse.reports.chunker import Chunker
from arnewsparse.reports.content import (
    NeedMore,
    anchor,
    content_head,
    has_words,
    is_clause,
    purpose,
    subject_first_content,
    told_outlet_end,
)
from arnewsparse.reports.hit import Hit
from arnewsparse.reports.memory import Memory, fold_key, gender_number
from arnewsparse.reports.nouns import VerbalNouns
from arnewsparse.reports.record import Recorder
from arnewsparse.reports.rulings import (
    attributive,
    direct,
    hypothetical,
    object_opening,
    predicate,
    relative_clause,
    turned_out,
    written_passive,
)
from arnewsparse.reports.tokens import (
    END,
    KIND,
    START,
    TEXT,
    TextView,
    Tok,
    may_comp,
    read,
    space_after,
)
from arnewsparse.reports.words import (
    ACCORDING,
    ACCORDING_AS,
    ACCORDING_PREV,
    ADJUNCTS,
    ANONYMOUS,
    APPOSITION_TITLES,
    BAN_PRONOUN,
    CLOSED_ADJUNCT_PAIRS,
    CLOSED_ADJUNCTS,
    COMPS,
    CONTENT_HEADS,
    DEF_TITLES,
    FIRST_PERSON_BEFORE,
    HEADS,
    IN_IT,
    ISSUED_DOCUMENTS,
    MANNER,
    MAX_SKIP,
    MAX_SPEAKER,
    MESSAGES,
    MODAL_BEFORE,
    OBJECT_HEADS,
    OCCASION_PREPS,
    OPENERS,
    PLACE_NAMES,
    PREPS_BEFORE,
    PRONOUN_SUBJECTS,
    QUANTIFIERS,
    QUOTE_COLON,
    RELATIVES,
    RESUMPTIVE,
    SAYING,
    SHORT,
    THOUSANDS,
    TIMES,
    WINDOW,
)


def single_subject(phrase: str) -> bool:
    """``phrase`` is one singular noun (الجامعة), never the subject of a dual verb (not الطرفان، لكنهما)."""
    words = phrase.split()
    if len(words) != 1 or words[0].endswith(("ان", "ين", "هما", "تان", "تين")):
        return False
    return gender_number(fold_key(words[0])) in ("m", "f")


def participle_clause(after: list[Tok], start: int, at: int) -> bool:
    """A reporting participle after a comma before the clause at ``after[at]`` owns the clause.

    كشفت الإدارة توقعات الأمطار ...، مشيرة إلى أن: the verb's own content is its object,
    so its source ends where the object starts, as before a preposition.
    """
    for k in range(start + 1, at):
        if after[k - 1][TEXT] in (",", "،"):
            e = FORMS.get(after[k][TEXT])
            if e is not None and e.form is ReportForm.PARTICIPLE:
                return True
    return False


class Finder(VerbalNouns):
    """Finds the reports of one text: its view, its memory, the chunker and the recorder."""

    def __init__(self, text: str, norm: Normalized) -> None:
        self.view = TextView(text, norm)
        self.memory = Memory(self.view)
        self.chunker = Chunker(self.view, self.memory)
        self.recorder = Recorder(self.view, self.memory)

    def hit(self, idx: int, p: int, q: int, entry: Entry, fs: int, fe: int, in_headline: bool) -> None:
        """Read the context of one hit; most decisions need only a few words after it.

        The window after the hit is read short first; only when the short
        window ends before the sentence does and the decision needs more is
        it read on (up to :data:`WINDOW` characters).  The words before the
        hit are read only when a decision needs them.
        """
        lemma = entry.lemma
        ft = self.view.ft
        if self.memory.speaker_start <= p < self.memory.speaker_end:
            return  # inside the source of the report before (تاجر طلب عدم كشف اسمه)
        if entry.form is ReportForm.PERFECT:
            first = lemma.lemma[0]
            if first in "اأ":
                o = self.view.norm.to_original(p + entry.proclitic)
                c = self.view.text[o : o + 1]
                # a hamza on the alef of a Form VII/VIII/X verb marks the 1st person (أعتقد);
                # a perfect never opens with إ: إدانة، إعلان are verbal nouns
                if (first == "ا" and c in "أإ") or (first == "أ" and c == "إ"):
                    return
            # (not a Form IV he/it: أُظهر is also "I show", the imperfect; tested
            # only where the text has tashkeel at all, which most news does not)
            if (
                self.view.tashkeel
                and not (lemma.pattern.startswith("IV") and entry.agreement in ("m", ""))
                and written_passive(self.view, p + entry.proclitic)
            ):
                entry = attrs.evolve(entry, form=ReportForm.PASSIVE)  # أُعلنَت حالة الطوارئ
        h = Hit(self.view, idx, p, q, entry, fs, fe, in_headline)
        s2 = q
        while s2 < fe and ft[s2] in " \n":
            s2 += 1
        h.after_start = s2
        if not self.may_report(h, s2):
            return
        limit = min(fe, q + WINDOW)
        # a verb inside a quotation attributes nothing past its closing mark
        quotes = self.memory.quotes
        while quotes and quotes[0][1] <= p:
            quotes.popleft()
        h.quote_end = fe
        for a, b in quotes:
            if a <= p < b < h.quote_end:
                h.quote_end = b
        limit = min(limit, h.quote_end)
        after = h.after
        end = space_after(ft, q + SHORT, limit)
        stop = read(ft, s2, end, after, self.view.ends, False)
        while after and after[-1][TEXT] == "؛" and stop < end:
            # معالي الدكتور فلان؛ وزير الصحة أن: a semicolon before a title sets off an apposition
            nxt = ft[stop + 1 : space_after(ft, stop + 1, limit)]
            if nxt.rstrip("،,") not in APPOSITION_TITLES:
                break
            stop = read(ft, stop + 1, end, after, self.view.ends, False)
        h.truncated = stop == end and end < limit
        try:
            self.analyse(h)
        except NeedMore:
            h.truncated = False
            read(ft, stop + 1, limit, after, self.view.ends, False)
            self.analyse(h)

    def may_report(self, h: Hit, s2: int) -> bool:
        """Cheap tests on the text that rule a hit out before its context is tokenised.

        Each repeats a test :meth:`analyse` would make on the tokens, so the
        result is the same: a bare or definite verbal noun (الإعلان) and a
        word after a preposition (من القول) never report; a lemma that needs a
        clause (بين، عبر) cannot report when no colon, quotation or
        complementiser follows in its sentence; جاء needs its في.
        """
        entry = h.entry
        lemma = entry.lemma
        form = entry.form
        ft = self.view.ft
        fe = h.fe
        if form is ReportForm.VERBAL_NOUN:
            definite = entry.proclitic or ft[h.p : h.p + 2] == "ال"
            if definite and not entry.suffix and "ذكر" not in lemma.lemma and not h.periphrastic():
                return self.may_go_on(h)
        elif entry.proclitic == 0 and form is not ReportForm.PASSIVE:
            prev = h.prev_word()
            if prev in PREPS_BEFORE and not (prev == "من" and form is ReportForm.IMPERFECT):
                return False
            if form is ReportForm.IMPERFECT and prev in MODAL_BEFORE:
                return False
        if lemma.via:
            return ft.startswith(lemma.via, s2)
        if form is ReportForm.PARTICIPLE and lemma.category == "express" and not lemma.preps_only:
            return True  # متمنيا التوفيق، مثمنا الجهود: a wish or a tribute takes its object (see participle)
        if (lemma.strict or lemma.preps_only) and not h.in_headline and not h.after_comma():
            # (after a quotation, "..."، بيّن الوزير, the statement came before)
            if entry.proclitic == 0 and h.prev_word() in ACCORDING_PREV:
                return True
            e = min(fe, s2 + WINDOW)
            e = self.view.sentence_end(s2, e) + 1
            if lemma.preps_only:
                return any(ft.find(w, s2, e) >= 0 for w in lemma.preps)
            return QUOTE_COLON.search(ft, s2, e) is not None or may_comp(ft, s2, e)
        return True

    def analyse(self, h: Hit) -> None:
        """Decide whether the hit reports, in which form, and who its source is: one handler per form."""
        entry, after = h.entry, h.after
        form = entry.form
        if hypothetical(self.view, h):
            return

        if form is ReportForm.VERBAL_NOUN:
            self.verbal_noun(h)
            return

        prev = h.prev_word() if entry.proclitic == 0 else ""
        who: tuple[int, int] | None = None
        if form is ReportForm.IMPERFECT and prev == "من":
            t = h.before()[-1]
            who = (t[START], t[END])  # هناك من يقول: the relative pronoun is the source
        elif form in (ReportForm.PERFECT, ReportForm.IMPERFECT, ReportForm.PARTICIPLE):
            if entry.proclitic == 0 and prev in PREPS_BEFORE:
                return  # على وجه السرعة، من القول: a noun, not a verb
            if form is ReportForm.IMPERFECT and entry.proclitic == 0 and prev in MODAL_BEFORE:
                return  # أن يقول رأيه: a subjunctive, not a report
            if prev == "ما" and self.relative_subject(h, entry, after):
                return  # ما يؤكد وجود تأخير: "which confirms", the relative is the subject

        if after:
            k = 1 if after[0][TEXT] == "عن" and len(after) > 1 else 0
            if after[k][TEXT] in ANONYMOUS:
                return  # لم يذكر اسمه، لم يكشف عن هويته: withholding a name, not a report

        if form is ReportForm.PARTICIPLE:
            self.participle(h, prev)
        elif form is ReportForm.PASSIVE:
            self.passive(h)
        else:
            self.finite(h, prev, who)

    def topic(self, h: Hit, i: int, *, governs: bool = False) -> None:
        """A reporting verb that reports nothing here still names its subject: later dropped subjects mean it.

        ونشر ميدو تغريدة ... قال فيها; نشرت وزارة الداخلية توجيهات، قائلة
        (``governs``: the participle after it belongs to it).  Only a subject
        that opens with a title, a rank, a body or a known name is kept.
        """
        after = h.after
        if i >= len(after) or after[i][KIND] != "w" or h.entry.form is not ReportForm.PERFECT:
            return
        if not self.memory.source_head(after[i][TEXT]):
            return
        try:
            end = self.chunker.source_end(h, i, len(after), h.entry.lemma, anchored=False)
        except NeedMore:
            return  # (the short read ended inside the phrase: no topic rather than a cut one)
        for k in range(i + 1, end):
            if self.view.possessed(after[k]):
                end = k  # روحاني | دفاعه، ماس | نظيره: what the verb was about, not who
                break
        span = (after[i][START], after[end - 1][END])
        sp = self.view.span(*span)
        referent = self.memory.remember(span, sp, False, h.entry.agreement)
        if governs:
            self.memory.governing = (h.idx, referent)

    def finite(self, h: Hit, prev: str, who: tuple[int, int] | None) -> None:
        """A perfect or imperfect: impersonal, passive-like, pronoun subject, subject first or verb first."""
        entry, after, in_headline = h.entry, h.after, h.in_headline
        lemma = entry.lemma
        form = entry.form
        if (
            lemma.passive_predicate
            and form is ReportForm.IMPERFECT
            and after
            and predicate(self.view, after[0])
        ):
            return  # الذي يعتبر مصيريا، يعتبر من أبرز، تعتبر الأشد: the passive "is considered"
        if turned_out(self.view, h, prev):
            return  # وتبين حينها أن: "it turned out", no one shows anything
        if entry.proclitic == 0 and prev in THOUSANDS:
            return  # ألف طالب، آلاف المحتجين: after a number word the "verb" is a noun (a student)
        if entry.suffix and form is ReportForm.PERFECT and attributive(prev):
            return  # في كلمة وجهها إلى الجماهير: a clause describing the noun before it, no report
        if entry.suffix and not lemma.obj and form is ReportForm.PERFECT and prev not in ("ما", "لما", "بما"):
            return  # ذكرته only after ما (حسب ما ذكرته الوكالة); في بيان نقلته: the verb before reports
        if prev in RELATIVES and relative_clause(self.view, h):
            return  # التي ترى في بيوت الله، الذي يعتبر مصيريا: a relative clause describing a noun
        if lemma.impersonal and form is ReportForm.IMPERFECT and entry.agreement == "m" and after:
            # يذكر أن، يشار إلى أن: nothing between the verb and the clause
            at = anchor(h, 0, lemma, limit=2, clause_only=True)
            if at is not None:
                self.recorder.emit(h, ReportForm.PASSIVE, None, at, resolve=False)
                return

        if (
            form is ReportForm.PERFECT
            and lemma.obj
            and not entry.suffix
            and after
            and after[0][TEXT] in BAN_PRONOUN
            and entry.agreement in ("m", "f")
        ):
            # ما وصف بأنه، مفاوضات وصفت بأنها: with neither source nor object
            # before بأنه, the verb is a passive (وُصف)
            self.recorder.emit(h, ReportForm.PASSIVE, None, 0, resolve=False)
            return

        start_i = 0
        if lemma.via:  # جاء في بيان المنظمة أن
            if not after or after[0][TEXT] != lemma.via:
                return
            start_i = 1

        if who is None and prev in PRONOUN_SUBJECTS:
            at = subject_first_content(h, lemma)  # لكنه أكد مواصلة العمل: the object
            if lemma.direct and not (at == 0 and is_clause(after, 0)):
                return
            if at is not None:
                self.recorder.emit(h, form, None, at, resolve=True)
            return
        if (
            who is None
            and entry.proclitic == 0
            and prev in ISSUED_DOCUMENTS
            and after
            and after[0][TEXT] in IN_IT
        ):
            # أصدرت الوزارة بيانا أكدت فيه أن: the verb describes the statement; its subject is the issuer
            at = subject_first_content(h, lemma)
            if at is not None:
                self.recorder.emit(h, form, None, at, resolve=True, referent_at=self.chunker.issuer(h))
            return
        subject: tuple[int, int] | None = who
        if who is None and entry.proclitic == 0 and not lemma.via and not h.no_subject(prev):
            subject = self.chunker.subject_before(h, h.before(), in_headline, entry.agreement)
        if (
            subject is not None
            and entry.agreement in ("d", "fd")
            and who is None
            and single_subject(self.view.ft[subject[0] : subject[1]])
        ):
            return  # أصبحت الجامعة صرحا: a "dual verb" after one singular noun is an accusative noun
        if subject is not None:
            at = subject_first_content(h, lemma)
            if lemma.direct and not (at == 0 and is_clause(after, 0)):
                return  # الجيش واصل قصفه: an action goes on, nothing is said
            if at is None and in_headline and not lemma.strict and (has_words(after) or not after):
                at = 0  # a headline: مصر تتوقع فائضا، وزير النقل يوضح
            if at is None:
                return
            self.recorder.emit(h, form, subject, at, resolve=True)
            return
        if lemma.subject_only and anchor(h, 0, lemma, limit=5) is None:
            return  # (نص القرار على أن: verb first only with its content right after a short source)
        if lemma.strict and entry.proclitic == 0 and prev and not h.after_comma():
            pw = prev
            if (
                pw not in OPENERS
                and pw not in COMPS
                and pw not in ("كما", "قد", "وقد", "فقد", "لقد", "ما")
                and not pw.startswith(
                    ("لل", "بال")
                )  # (لكن للأسف اكتشف الطلبة أنهم: an adjunct before the verb)
            ):
                return  # التعاون بين طهران وموسكو: "between", not a verb
        self.verb_first(h, prev, start_i)

    def verb_first(self, h: Hit, prev: str, start_i: int) -> None:
        """The usual order: the source is the noun phrase after the verb, up to the content or the object."""
        entry, after = h.entry, h.after
        lemma = entry.lemma
        form = entry.form
        verb_first_source = entry.agreement in ("m", "f", "") or bool(lemma.via)
        if start_i < len(after) and (
            after[start_i][TEXT] in CLOSED_ADJUNCTS
            or (after[start_i][TEXT] in MANNER and after[start_i][TEXT][:1] != "ب")
        ):
            start_i += 1  # ورحب بدوره ...، وتعهد مرارا الرئيس السوري
        elif (
            start_i + 1 < len(after)
            and after[start_i][TEXT] in ("ذلك", "هذا")
            and after[start_i + 1][TEXT] in HEADS
            and not after[start_i + 1][TEXT].startswith("ال")  # (هذا المسؤول: "this official")
        ):
            start_i += 1  # وأوضح ذلك مدير المستشفى: what was explained comes first, the source after it
        elif outlet := told_outlet_end(after, start_i):
            start_i = outlet  # وأوضح لـ«عكاظ» مدير التعليم: the outlet he told, then the source
        elif (
            start_i + 1 < len(after)
            and after[start_i][TEXT] in RESUMPTIVE
            # (في/على + pronoun only before a definite subject: نددت فيها الدوحة، يظهر فيه | مجموعة)
            and (
                not after[start_i][TEXT].startswith(("في", "علي"))
                or after[start_i + 1][TEXT].startswith("ال")
                or after[start_i + 1][TEXT] in PLACE_NAMES
            )
            and after[start_i + 1][KIND] == "w"
            and not after[start_i + 1][TEXT].startswith(("بال", "لل"))  # (وتدعو له بالموت: no source follows)
            and after[start_i + 1][TEXT] not in PREPS_BEFORE
        ):
            start_i += 1  # وقال عنها الإمام، صرح به مصدر: the pronoun points back, the source follows
        elif (
            start_i + 1 < len(after)
            and (after[start_i][TEXT], after[start_i + 1][TEXT]) in CLOSED_ADJUNCT_PAIRS
        ):
            start_i += 2  # ورحب من خلاله مغردون عراقيون: the source follows the adjunct
        at = anchor(h, start_i, lemma, limit=MAX_SPEAKER + MAX_SKIP)
        speaker: tuple[int, int] | None = None
        if at is not None:
            end = (
                self.chunker.source_end(
                    h,
                    start_i,
                    at,
                    lemma,
                    anchored=True,
                    # وعدّ المجلس الدعوات بأنها ...: the pronoun points back to an object;
                    # طمأن العقيد فلان الشعب بأن: whom the verb tells stands before the clause
                    split=not is_clause(after, at)
                    or after[at][TEXT] in BAN_PRONOUN
                    or lemma.tells
                    or participle_clause(after, start_i, at),
                )
                if verb_first_source
                else start_i
            )
            gap = 10 if after[at][TEXT] in BAN_PRONOUN else 4  # an object may stand before بأنها
            if (
                lemma.preps_only
                and start_i < at
                and after[start_i][TEXT] not in RESUMPTIVE
                and after[start_i][TEXT].rstrip("هام") not in PREPS_BEFORE  # (تحدث خلالها الاستشاري)
                and self.view.possessed(after[start_i])
            ):
                return  # وقال فلان، عبر صفحته ...، إنه ... أعلنت جامعة عين شمس عن: عبر is "via"
            if lemma.strict and (at - end > gap or end - start_i > 12):
                self.topic(h, start_i)
                return
            if lemma.strict and any(after[k][TEXT] in SAYING for k in range(end, at)):
                self.topic(h, start_i, governs=True)
                return  # نشرت الوزارة توجيهات، قائلة إن: the content is the participle's
            if lemma.obj and end < at and after[end][TEXT] in CONTENT_HEADS:
                at = end  # أكد X أهمية ...: the object, not a later clause
            if end == start_i and at - start_i > MAX_SKIP and not self.chunker.told_person(after[start_i]):
                return  # (but وقال لأنصاره من شرفة ...، إن: the verb has told someone, a report)
            if lemma.direct and not direct(self.view, h, start_i, at):
                return  # وواصل الجيش قصف المدينة، مؤكدا أن: the action went on; وواصل «...» reports
            if end > start_i and self.addressee(h, start_i, end, at):
                end = start_i  # ودعا الأطراف الخارجية إلى: whom he called on, not who called
            if end > start_i:
                speaker = (after[start_i][START], after[end - 1][END])
        elif h.postposed():
            # "..."، يقول المصدر: the attribution follows the quotation
            end = self.chunker.source_end(h, start_i, len(after), lemma, anchored=False)
            if end == start_i:
                return
            speaker = (after[start_i][START], after[end - 1][END])
            at = len(after)
        elif lemma.obj and not lemma.strict and not lemma.preps_only:
            head = content_head(h, start_i) if verb_first_source else None
            first = after[start_i][TEXT] if start_i < len(after) else ""
            if (
                first in OBJECT_HEADS
                or (first[-1:] == "ا" and first[:-1] in OBJECT_HEADS)
                or (lemma.sends and first in MESSAGES)  # ووجه رسالة للشباب: what was sent
            ):
                end = start_i  # وأكد أهمية التعاون، وأبدى ترحيبا: the object right after the verb, no source
            elif head is not None and self.chunker.source_end(h, start_i, head, lemma, anchored=True) == head:
                end = head  # أنكر أبو محمد الجولاني القائد العام للجبهة | وجود ...: the object's head
            elif verb_first_source:
                end = self.chunker.source_end(h, start_i, len(after), lemma, anchored=False)
            else:
                end = start_i
            obj = end
            while obj < len(after) and after[obj][TEXT] in TIMES and obj - end < 3:
                obj += 1  # أكد مصدر أمني صباح اليوم خروج ...: a time between source and object
            if (
                end > start_i
                and obj + 1 < len(after)
                and after[obj][TEXT] in (",", "،")
                and (
                    object_opening(after[obj + 1][TEXT])
                    or (lemma.sends and after[obj + 1][TEXT] in MESSAGES)  # وجه فلان، انتقادات لاذعة
                )
            ):
                obj += 1  # كشفت تقارير أراكانية، صدور قرار؛ وأكد المصري، ضرورة: a comma before the object
            if end > start_i and obj < len(after) and after[obj][TEXT] in OCCASION_PREPS:
                k = obj + 1
                # (the occasion's nouns: definite or possessed, خلال اللقاء، في كلمته الافتتاحية)
                while (
                    k < len(after)
                    and k <= obj + 3
                    and after[k][KIND] == "w"
                    and after[k][TEXT] not in CONTENT_HEADS
                    and (after[k][TEXT].startswith("ال") or self.view.possessed(after[k]))
                ):
                    k += 1
                if k >= len(after) and h.truncated:
                    raise NeedMore
                if obj + 1 < k < len(after) and after[k][TEXT] in CONTENT_HEADS:
                    obj = k  # وأكد الوزير خلال اللقاء دعم الوزارة: the occasion, then the object
            if obj >= len(after) and h.truncated:
                raise NeedMore
            if obj >= len(after) or after[obj][KIND] != "w" or after[obj][TEXT] in ADJUNCTS:
                if self.according(h, prev):
                    self.attributed(h, form, start_i)
                return
            if end > start_i:
                speaker = (after[start_i][START], after[end - 1][END])
            at = obj
        elif self.according(h, prev):
            self.attributed(h, form, start_i)
            return
        else:
            if lemma.strict and verb_first_source:
                self.topic(h, start_i)
            return
        if lemma.direct and not (at < len(after) and direct(self.view, h, start_i, at)):
            return
        if speaker is None and entry.proclitic and entry.agreement not in ("m", "f", ""):
            speaker = self.chunker.coordinated_subject(h, entry.agreement)
        self.recorder.emit(h, form, speaker, at, resolve=True)

    def participle(self, h: Hit, prev: str) -> None:
        """مشيرا إلى، مؤكدة أن: a circumstantial participle reports with the content it introduces."""
        entry, after, q = h.entry, h.after, h.q
        lemma = entry.lemma
        if prev in FIRST_PERSON_BEFORE:
            return  # كنت متوقعا أن: the writer's or speaker's own words, no report
        if prev in QUANTIFIERS:
            return  # عشرة مجيبين، بعض المشاركين: a participle after a number is a noun
        b = h.before() if prev else []
        if len(b) > 1 and b[-2][TEXT][:1].isdigit() and prev.endswith("ا"):
            return  # 66 نائبا مؤيدا للاستقلال: it describes the counted noun
        at = anchor(h, 0, lemma, limit=10)
        # مطالبة، مؤكدة، موجهة: the feminine form is often a noun or an adjective
        # (حالة مؤكدة، قيود مشددة); it reports before a clause, a colon or a
        # quotation, or where a comma shows it opens a new phrase (، مشيرة إلى)
        feminine = entry.agreement == "f" and self.view.ft[q - 1] == "ه"
        far = at is not None and at > 3 and lemma.lemma != "قال" and lemma.category != "express"
        if feminine and (at is None or not is_clause(after, at) or far) and not h.after_comma():
            return  # (أمطارا متوقعة على أجزاء من مناطق: an adjective, the colon far off)
        # (a wish or a tribute takes its object as the participle: متمنيا التوفيق، مثمنا الجهود)
        takes_object = lemma.obj or lemma.category == "express"
        if at is None and takes_object and after and after[0][KIND] == "w" and after[0][TEXT] not in ADJUNCTS:
            at = 0
        if at is None and takes_object and len(after) > 1 and after[0][KIND] == "q" and after[1][KIND] == "w":
            at = 0  # متمنيا "الشفاء العاجل": a quoted object
        if at is None:
            return
        self.recorder.emit(h, entry.form, None, at, resolve=True)

    def passive(self, h: Hit) -> None:
        """يشار إلى أن، أشير: an impersonal passive reports with no source."""
        at = anchor(h, 0, h.entry.lemma, limit=3)
        after = h.after
        if (
            at is None
            and h.entry.lemma.obj
            and after
            and after[0][KIND] == "w"
            and after[0][TEXT] not in ADJUNCTS
            and after[0][TEXT] not in PREPS_BEFORE
            and self.view.tashkeel
            and written_passive(self.view, h.p + h.entry.proclitic)
            and self.view.ft[h.p + h.entry.proclitic]
            == fold_key(h.entry.lemma.lemma[0])  # a perfect, not يُدان
        ):
            at = 0  # أُعلنت حالة الطوارئ: what was announced is the passive's subject
        if at is None:
            return
        self.recorder.emit(h, h.entry.form, None, at, resolve=False)

    def addressee(self, h: Hit, i: int, end: int, at: int) -> bool:
        """``after[i:end]`` is whom a demand is addressed to, the source being the last one.

        ودعا الأطراف الخارجية إلى ...: after و, a demand verb (دعا، طالب، حث،
        ناشد) whose own preposition follows a definite phrase that opens with no
        title, where the source is already known (this paragraph or the one before).
        """
        entry, after, idx = h.entry, h.after, h.idx
        lemma = entry.lemma
        if lemma.category != "demand" or not entry.proclitic or end != at:
            return False
        gov = self.memory.governing
        if gov is None or gov[0] < idx - 1:
            return False  # no source in this paragraph or the one before
        w = after[at][TEXT]
        if w not in lemma.preps and not (w[:1] == "ب" and "ب" in lemma.preps) and not purpose(w):
            return False  # (ودعت الجميع للالتزام: ل + what the call is for)
        first = after[i][TEXT]
        return (
            after[i][KIND] == "w"
            and first.startswith("ال")
            and first[2:] not in HEADS
            and first not in DEF_TITLES
            and all(t[KIND] == "w" and t[TEXT].startswith("ال") for t in after[i:end])
        )

    def relative_subject(self, h: Hit, entry: Entry, after: list[Tok]) -> bool:
        """After ما (not بحسب ما، وفق ما), the relative is the subject of the verb.

        ما يؤكد وجود تأخير، ما جدد الآمال: "which confirms, which renewed".
        Where ما is the object, the verb or a preposition after it carries a
        pronoun that points back to it (ما أكده الوزير، ما أشار إليه)، or the
        verb agrees with a feminine source (ما ذكرت الصحيفة), a title or a
        plural opens the source (ما أعلن الرئيس، ما قال متعاملون), or the
        clause after it points back to ما (ما زعم أنه التدخل).
        """
        if entry.suffix or entry.agreement not in ("m", "") or self.according(h, "ما"):
            return False
        if after and after[0][KIND] == "w":
            w = after[0][TEXT]
            if w in RESUMPTIVE or w in DEF_TITLES or w in HEADS or (len(w) > 4 and w.endswith("ون")):
                return False  # (a plural in ـون is nominative: ما قال متعاملون إنه)
            if w in COMPS and (w.endswith(("ه", "ها", "هم")) or entry.lemma.impersonal):
                return False  # ما قال إنها فتوى: the pronoun points back to ما; ما يذكر أن
        return True

    def according(self, h: Hit, prev: str) -> bool:
        """The verb attributes what came before: بحسب ما أفاد، وفق ما أفادت، وفقا لما نقلت، كما يقول."""
        if prev in ACCORDING_AS:
            if prev != "كما":
                return True
            b = h.before()
            # (opening a sentence, كما is "also": كما نقل ثمانية جرحى إلى مستشفى)
            return len(b) > 1 and b[-2][KIND] != "n" and b[-2][TEXT] not in (".", "؟", "!")
        if prev not in ("ما", "لما"):
            return False
        b = h.before()
        if len(b) < 2:
            return False
        w = b[-2][TEXT]
        return w in ACCORDING or (w[:1] == "و" and w[1:] in ACCORDING)  # (ووفقا لما أفاد)

    def attributed(self, h: Hit, form: ReportForm, start_i: int) -> None:
        """Emit a report whose statement came before it; its source follows the verb, if any."""
        entry, after = h.entry, h.after
        lemma = entry.lemma
        if lemma.direct:
            return  # كما واصلت الجريدة اهتمامها: an action that went on, as before
        end = start_i
        if entry.agreement in ("m", "f", ""):
            end = self.chunker.source_end(h, start_i, len(after), lemma, anchored=True)
        speaker = (after[start_i][START], after[end - 1][END]) if end > start_i else None
        self.recorder.emit(h, form, speaker, len(after), resolve=True)

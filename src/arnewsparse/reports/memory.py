"""The text's memory: who has been named so far, and whom a report without a source refers to.

This module owns :class:`Memory`, the state that carries from hit to hit and
region to region in one text: the explicit mentions (with their agreement
class and whether they are a main clause's source), the names they end in,
the quotations still open, the governing report of the paragraph and where
coordinated reporting verbs open new clauses.  Resolution lives here too: a
dropped or pronoun subject takes a referent in its own sentence, else the
governing report's source, else the most recent explicit mention that agrees
with the verb in gender and number (main-clause mentions first, so speakers
quoted inside another report are skipped), else nothing: a referent is never
guessed.
"""

from __future__ import annotations

from collections import deque
from functools import lru_cache
from itertools import islice

from arnewsparse.lexicon import Entry
from arnewsparse.model import ReportForm, Span
from arnewsparse.normalize import fold
from arnewsparse.reports.hit import Hit
from arnewsparse.reports.tokens import (
    END,
    KIND,
    START,
    TEXT,
    TextView,
    Tok,
    inside_quotation,
    read,
    space_after,
)
from arnewsparse.reports.words import (
    ADJUNCTS,
    ADVERBIAL_MASDARS,
    COMPS,
    DEF_TITLES,
    DUAL_HEADS,
    ENVOYS,
    FEMININE_NAMES,
    HEADS,
    KEYS,
    LINKS,
    LOOK_BACK,
    MASCULINE_IN_H,
    MAX_FRAME_SOURCE,
    MAX_TITLE_PHRASE,
    NO_MENTION,
    NON_NP,
    OBJECT_QUANTIFIERS,
    PERSON_TITLES,
    PLACE_ADJECTIVES,
    PLACE_HEADS,
    PLACE_NAMES,
    PLURAL_HEADS,
    PREPS_BEFORE,
    QUANTIFIERS,
    QUOTES,
    RANKS,
    RELATIVES,
    RELAYED_FROM,
    SENTENCE_BACK,
    SINGULAR_IN_UN,
    SOURCE_FRAME,
    SOURCE_FRAME_HEADS,
    STOPS,
    WORD,
    masdar_like,
)

Mention = tuple[Span, str, bool]
"""An explicit source: its span, its agreement class and whether it is the
source of a main clause (not one reported inside another report)."""


def fold_key(text: str) -> str:
    """Fold a mention for the agreement test."""
    return fold(text)


# quantities that take the agreement of what they count (not احد، نفس، نحو: one, self, about)
_COUNTING = (QUANTIFIERS | OBJECT_QUANTIFIERS) - {
    "احد",
    "احدي",
    "واحد",
    "واحده",
    "ذات",
    "نفس",
    "نحو",
    "حوالي",
    "قرابه",
    "زهاء",
    "اي",
    "كبار",
}


@lru_cache(maxsize=4096)
def gender_number(key: str) -> str:
    """Rough agreement class of a folded mention: m, f, d (two or more) or p."""
    words = key.split()
    if not words:
        return "m"
    first = words[0].strip("«»\"“”'()")
    if first in _COUNTING and len(words) > 1:
        # a quantity agrees as what it counts (بعض المسؤولين، جميع المواطنين، اربعه مصادر)
        rest = words[2:] if words[1] == "من" else words[1:]
        if rest:
            return gender_number(" ".join(rest))
    definite = first.startswith("ال")
    core = first[2:] if definite else first
    dual_stem = core[:-2] if definite and core.endswith("ان") else core[:-1] if core.endswith("ا") else ""
    if dual_stem in DUAL_HEADS or _coordinated(words):
        return "d"  # الطرفان، وزيرا الخارجيه، بوتين واردوغان
    if core in SINGULAR_IN_UN:
        return "m"
    if not definite and any(len(w) > 5 and w.endswith("ون") for w in words[1:3] if not w.startswith("ال")):
        return "p"  # ساسه اكراد عراقيون: a plural adjective shows the broken plural head
    if (core.endswith("ون") and (definite or len(core) > 5)) or (
        definite and core.endswith("ين") and len(core) > 4
    ):
        return "p"  # المحللون، مسؤولون (not a name such as بلجون)
    if core in PLURAL_HEADS or (definite and core.endswith("ات") and len(core) > 3):
        return "p"  # مصادر، القوى، السلطات: no plural ending, or the feminine plural's
    if first in FEMININE_NAMES or (
        core.endswith("ه") and first not in MASCULINE_IN_H and len(core) > 2 and not core.endswith("الله")
    ):
        return "f"
    if len(words) > 1 and definite and words[1].startswith("ال") and words[1].endswith("يه"):
        # a definite feminine adjective after a head with no feminine ending: the head is a
        # broken plural or a feminine noun (الاوساط السياسيه); two definite words are no idafa
        return "p"
    return "m"


def _coordinated(words: list[str]) -> bool:
    """Two sources joined by و (بوتين واردوغان، الرئيس بوتين ونظيره), not two nouns of one title.

    After an idafa (وزير الطاقه والصناعه) a definite و-word joins the
    genitives, and وهو، والتي open a clause about the one source.
    """
    for k in (1, 2):
        if k >= len(words):
            return False
        w = words[k]
        if w.startswith("و") and len(w) > 2 and not w.startswith("وز") and w[1:] not in RELATIVES:
            if w[1:] in NO_MENTION or (k == 2 and w.startswith("وال") and not words[0].startswith("ال")):
                continue
            return True
    return False


def with_verb(mention: str, verb: str) -> str:
    """The agreement class of a source, told by the finite verb it is the subject of.

    A verb before its subject agrees with it in gender only (كشفت اسما:
    feminine, قال مسؤولون: still plural); after it, in number too
    (الوزيران اكدا).
    """
    if verb == "f" and mention == "m":
        return "f"
    if verb == "m" and mention == "f":
        return "m"
    if verb in ("d", "fd") and mention in ("m", "f"):
        return "d"
    if verb in ("p", "fp") and mention in ("m", "f"):
        return "p"
    return mention


def agrees(verb: str, mention: str) -> bool:
    """A verb of agreement class ``verb`` may take a mention of class ``mention`` as its subject."""
    if verb in ("", "m"):
        return mention == "m"
    if verb == "f":
        return mention in ("f", "p")  # broken plurals and bodies take a feminine verb
    return mention in ("d", "p")


def source_frames(ft: str) -> list[tuple[int, bool]]:
    """Where the source phrase after each frame starts in ``ft``, in order, and whether it is على لسان.

    Each head word (حسب، وفق، لسان ...) is found with ``str.find``; the frame
    pattern is matched only at the few places just before one.
    """
    out: list[tuple[int, bool]] = []
    for head in SOURCE_FRAME_HEADS:
        k = ft.find(head)
        while k >= 0:
            for back in range(min(k, 5) + 1):
                m = SOURCE_FRAME.match(ft, k - back)
                if m is not None and m.end() > k:
                    out.append((m.end(), head == "لسان"))
                    break
            k = ft.find(head, k + len(head))
    out.sort()
    return out


class Memory:
    """What one text has said so far: mentions, names, quotations, the governing source."""

    def __init__(self, view: TextView) -> None:
        self.view = view
        self.mentions: list[Mention] = []
        self.tails: set[str] = set()  # last words of explicit mentions: known names
        self.names: set[str] = set()  # the tails that name a source, not a place in its title
        self.quotes: deque[tuple[int, int]] = deque()  # folded spans of quotations still open at the hits
        self.governing: tuple[int, Span] | None = None  # (region, source) of the last main report
        self.speaker_start = self.speaker_end = -1  # the last explicit source, folded offsets
        self.last_report_region = -1
        self.last_source: tuple[int, Span] | None = None  # (folded verb offset, source) of the last report
        # where a coordinated reporting verb (وأضاف، وقالت) opens a new clause: what one
        # report attributes ends there ("وأكد أن X، وأضاف أن Y" holds two contents)
        self.clause_starts: list[int] = []
        self.last_content = (-1, -1)  # folded span of the last report's content
        # where the phrases after source frames (حسب، وفق، على لسان) start, taken in text order
        # (على لسان names the one who spoke for the source before it: a source of its own)
        self.frames = source_frames(view.ft)
        self.last_verb = -1  # folded offset of the last report's verb
        self.frames_taken = 0

    def take_frames(self, p: int) -> None:
        """Keep the sources named by frames before folded offset ``p`` as mentions, in text order.

        وحسب الدكتور فلان ...، فإن; اعتبرت روسيا على لسان مندوبها ...، فلان أن:
        a source named with no verb is still who a later dropped subject
        means.  Inside a quotation or a report's content, or cited between a
        report's verb and its content, it is embedded (a main-clause source
        is preferred to it).
        """
        frames = self.frames
        k = self.frames_taken
        while k < len(frames) and frames[k][0] < p:
            s, mouth = frames[k]
            k += 1
            span = self.frame_source(s)
            if span is None:
                continue
            cs, ce = self.last_content
            # (وأضاف، وفقا لمصدر، أن: a source cited by a report, between its verb and its content)
            cited = self.last_verb < s < cs and not mouth
            embedded = cited or cs <= s < ce or any(a <= s < b for a, b in self.quotes)
            self.remember(span, self.view.span(*span), embedded)
        self.frames_taken = k

    def frame_source(self, s: int) -> tuple[int, int] | None:
        """The source phrase that starts at folded offset ``s`` after a frame, or None.

        It must open with a title, a rank, a body or a known name (حسب
        الخطة، وفق القانون name no source); it runs to punctuation, a
        complementiser, an adjunct or a reporting word, and takes a short
        name set off by commas after a title (المتحدثة باسمها، جمانة غنيمات).
        """
        ft = self.view.ft
        toks: list[Tok] = []
        read(ft, s, space_after(ft, min(len(ft), s + 200), len(ft)), toks, self.view.ends, False)
        if not toks or toks[0][KIND] != "w" or not self.source_head(toks[0][TEXT]):
            return None
        envoy = False
        j = 0
        n = min(len(toks), MAX_FRAME_SOURCE)
        while j < n:
            t = toks[j]
            w = t[TEXT]
            if t[KIND] == "q" and j > 0:
                # a quoted name after its head (صحيفة «الحياة»), closed within a few words
                k = j + 1
                while k < n and k < j + 6 and toks[k][KIND] == "w":
                    k += 1
                if k < len(toks) and toks[k][KIND] == "q" and k > j + 1:
                    j = k + 1  # (and the name ends the phrase)
                break
            if t[KIND] != "w" or w in COMPS or w in KEYS or w in LINKS or w[:3] == "فان":
                break
            if w[:1] in "وف" and (
                w[1:] in NON_NP or w[1:] in COMPS or (len(w) > 4 and w[1] in "يتن") or w[1:3] == "ست"
            ):
                break  # فلقد، وقد، وستعود، ويرى: the clause goes on
            if (w in ADJUNCTS or w in STOPS or w in NON_NP) and not (
                (w == "لدي" and envoy) or (w == "عن" and toks[j - 1][TEXT].endswith(("صادر", "صادره")))
            ):
                break  # (but سفيرها لدى ...، تقرير صادر عن ...)
            envoy = envoy or w in ENVOYS
            j += 1
        while j > 1 and toks[j - 1][TEXT] in PREPS_BEFORE:
            j -= 1
        if j == 0:
            return None
        end = j
        if j + 1 < len(toks) and toks[j][TEXT] in (",", "،"):
            # a name in apposition: one to three plain words, then punctuation or a clause
            k = j + 1
            while k < len(toks) and k - j <= 3 and toks[k][KIND] == "w":
                w = toks[k][TEXT]
                if (
                    w.startswith("ال")
                    or w in COMPS
                    or w in ADJUNCTS
                    or w in KEYS
                    or w in NON_NP
                    or w in PLACE_NAMES
                ):
                    break
                k += 1
            if k > j + 1 and (k == len(toks) or toks[k][KIND] != "w" or toks[k][TEXT] in COMPS):
                end = k
        return (toks[0][START], toks[end - 1][END])

    def source_head(self, w: str) -> bool:
        """``w`` may open a source: a title, a rank, a body that speaks, an envoy or a known name."""
        core = w[2:] if w.startswith("ال") else w
        bare = core[:-2] if core.endswith("ها") else core[:-1] if core.endswith("ه") else core
        return (
            w in PERSON_TITLES
            or w in DEF_TITLES
            or w in ENVOYS
            or core in HEADS
            or core in RANKS
            or bare in RANKS
            or w in self.names
        )

    def remember(self, speaker: tuple[int, int], sp: Span, embedded: bool, verb: str = "") -> Span:
        """Keep an explicit source: as a mention to refer back to, and its last word as a known name.

        ``verb`` is the agreement of the finite verb the source is the subject
        of ("" for other forms): it corrects the class read off the words.

        Returns the referent later reports take: the whole mention (an
        apposition stays in: أيمن الصفدي، وزير الخارجية الأردني).
        """
        key = self.view.ft[speaker[0] : speaker[1]]
        referent = sp
        if key not in NO_MENTION:
            self.mentions.append((referent, with_verb(gender_number(key), verb), not embedded))
        words = key.rsplit(None, 2)
        last = words[-1].strip(QUOTES + "()") if words else ""
        if len(last) > 2 and not last.startswith("ال"):
            self.tails.add(last)
            # (في مدينة عدن ends a title with a place, not a person's name)
            if len(words) < 2 or (words[-2] not in PREPS_BEFORE and words[-2] not in PLACE_HEADS):
                self.names.add(last)
        return referent

    def in_sentence(self, h: Hit, entry: Entry, form: ReportForm) -> Span | None:
        """A referent in the verb's own sentence, before the mentions of earlier ones.

        The nearest antecedent is the one a pronoun points to, whether or not
        it was the source of a report:

        - a possessive verbal noun after و (واعتباره) belongs to the nearest
          person named before it (تقارير وزير الدفاع الروسي سيرغي شويغو ...
          واعتباره أن), where one stands after the sentence's last source;
        - a feminine verb with no feminine source in its sentence refers to
          the nearest city or country named there, outside a prepositional
          phrase (أعلن عن نية موسكو إجراء اتصالات مع دمشق وتأمل أن: موسكو);
        - a coordinated dual or plural verb with no source in its sentence
          shares the subject of the sentence's first clause (تلقى السيد الرئيس
          بشار الأسد اتصالا من نظيره ... وشددا على).
        """
        agreement = entry.agreement
        possessive = form is ReportForm.VERBAL_NOUN and bool(entry.suffix) and self.view.ft[h.p] == "و"
        feminine = agreement == "f" and form in (ReportForm.PERFECT, ReportForm.IMPERFECT)
        plural = (
            agreement not in ("m", "f", "")
            and entry.proclitic > 0
            and form in (ReportForm.PERFECT, ReportForm.IMPERFECT)
        )
        if not (possessive or feminine or plural):
            return None
        toks = h.sentence_before()
        if not toks:
            return None
        start = toks[0][START] if self.view.identity else self.view.norm.to_original(toks[0][START])
        # (the nearest mentions only, so a long text does not make each look-up longer)
        sources = [m for m in islice(reversed(self.mentions), LOOK_BACK) if m[0].start >= start][::-1]
        if possessive:
            after_source = self.view.norm.to_folded(sources[-1][0].end) if sources else -1
            for k in range(len(toks) - 1, -1, -1):
                t = toks[k]
                if t[START] < after_source:
                    break
                person = self.person_at(toks, k)
                if person is not None:
                    return person
            return None
        if feminine:
            for m in reversed(sources):
                if m[1] == "f":
                    return m[0]  # يذكر ان تركيا تعتبر ... وتقول: the nearest, embedded or not
            # the subject of the clause the verb is coordinated in: after its last
            # complementiser (أن الرئيس بوتين أعلن عن نية موسكو ... وتأمل), else the sentence's
            # first (اتهمت باكستان الهند ... وذكرت)
            opener = 0
            for k in range(len(toks) - 1, -1, -1):
                if toks[k][TEXT] in COMPS:
                    opener = k + 1
                    break
            for first in (opener, 0) if opener else (0,):
                place = self.place_subject(toks, first)
                if place is not None:
                    return place
            return None
        if sources:
            return None
        for k in range(len(toks)):
            person = self.person_at(toks, k)
            if person is not None:
                return person
        return None

    def person_at(self, toks: list[Tok], k: int) -> Span | None:
        """The person named from a title at ``toks[k]``, not inside a prepositional phrase."""
        if toks[k][TEXT] not in PERSON_TITLES or (k > 0 and toks[k - 1][TEXT] in PREPS_BEFORE):
            return None
        return self.view.span(toks[k][START], toks[self.title_phrase(toks, k) - 1][END])

    def place_subject(self, toks: list[Tok], first: int) -> Span | None:
        """The first city or country from ``toks[first]`` on that may be a subject.

        Not after a preposition (مع دمشق) nor after a definite word, where it is
        an adjective or an apposition (الفتاة السعودية، العاصمة العراقية بغداد);
        with its adjectives (الولايات المتحدة، كوريا الشمالية).
        """
        prev = ""
        for k in range(first, len(toks)):
            t = toks[k]
            w = t[TEXT]
            if t[KIND] != "w":
                continue
            if w in PLACE_NAMES and prev not in PREPS_BEFORE and not prev.startswith("ال"):
                j = k + 1
                while j < len(toks) and toks[j][TEXT] in PLACE_ADJECTIVES:
                    j += 1
                return self.view.span(t[START], toks[j - 1][END])
            prev = w
        return None

    def named_again(self, h: Hit) -> Span | None:
        """A known source named again after the last mention, as a verb's subject.

        A name that was a source before (جونس) and comes back as the subject
        of a verb that reports nothing (يستخدم جونس حسابات تويتر) makes that
        source the topic again: a later dropped subject refers to it, not to
        the last report's source.
        """
        if not self.names or not self.mentions:
            return None
        last = self.mentions[-1][0].end
        if not self.view.identity:
            last = self.view.norm.to_folded(last)
        start = max(last, h.p - SENTENCE_BACK)
        if start >= h.p:
            return None
        ft = self.view.ft
        if self.names.isdisjoint(WORD.findall(ft, start, h.p)):
            return None  # no known name in the window (most calls): a C-level test spares the loop
        words = list(WORD.finditer(ft, start, h.p))
        for k in range(len(words) - 1, 0, -1):
            m = words[k]
            w = m.group()
            if w in self.names and w not in PLACE_NAMES:
                v = words[k - 1].group()
                v = v[1:] if v[:1] == "و" else v
                if (
                    m.start() - words[k - 1].end() == 1
                    and 3 < len(v) < 7
                    and v[0] in "يت"
                    and not masdar_like(v)
                    and not inside_quotation(ft[m.end() : h.p])
                ):
                    # the last source named again is still the last source (its fuller mention is kept)
                    latest = self.mentions[-1][0].text.rsplit(None, 1)[-1:]
                    if latest and fold_key(latest[0]).strip(QUOTES + "()") == w:
                        return None
                    return self.view.span(m.start(), m.end())  # يستخدم جونس: not تأكيد كوهين
        return None

    @staticmethod
    def title_phrase(toks: list[Tok], k: int) -> int:
        """End (exclusive) of the person named from the title at ``toks[k]``.

        Title, description and name (السيد الرئيس بشار الأسد، وزير الدفاع
        الروسي سيرغي شويغو), up to a word no name holds, the object that
        follows it (اتصالا هاتفيا) or the verb after a subject (الأسد تلقى).
        """
        j = k + 1
        n = min(len(toks), k + MAX_TITLE_PHRASE)
        while j < n:
            t = toks[j]
            w = t[TEXT]
            if t[KIND] != "w" or w in NON_NP or w in ADJUNCTS or w in LINKS or w in STOPS or w in KEYS:
                break
            if w in COMPS or (w[:1] in "وف" and len(w) > 2 and not w.startswith("وزير")):
                break  # a clause or the next phrase (ونظيره)
            prev = toks[j - 1][TEXT]
            after_name = prev.startswith("ال") and prev not in PERSON_TITLES
            if after_name and not w.startswith("ال") and (w.endswith("ا") or w[:1] in "تي"):
                break  # الأسد | اتصالا هاتفيا، الأسد | تلقى
            j += 1
        return j

    def same_sentence_source(self, h: Hit) -> Span | None:
        """The source of the last report, where it stands in the hit's own sentence.

        A bare verbal noun after في (قال إن ...، في إشارة إلى أن) comments on
        the statement just reported: it is that report's source, whether or
        not it was a main clause (يذكر أن فلانا قال ...، في إشارة إلى); with no
        report in its sentence it is the writer's comment and stays unresolved.
        """
        last = self.last_source
        if last is None or last[0] >= h.p:
            return None
        toks = h.sentence_before()
        if not toks or toks[0][START] > last[0]:
            return None
        return last[1]

    def resolve(self, h: Hit, entry: Entry, form: ReportForm, idx: int) -> Span | None:
        """The explicit mention a report without a source refers to.

        First its own sentence (see :meth:`in_sentence`).  A participle or
        possessive verbal noun belongs to the governing report (the last
        main-clause report of the same paragraph).  Otherwise the most recent
        main-clause mention that agrees with the verb wins, then any mention
        that agrees; where none agrees the report stays unresolved.
        """
        agreement = entry.agreement
        if form is ReportForm.VERBAL_NOUN and not entry.suffix:
            if not (entry.proclitic and self.view.ft[h.p] in "بل"):
                return self.same_sentence_source(h)
            form = ReportForm.PARTICIPLE  # (ختم رسالته بالقول: the manner of its verb, as a participle)
        if self.view.ft[h.p + entry.proclitic : h.q] in ADVERBIAL_MASDARS:
            agreement = ""  # وذكرت الصحيفة نقلا عن: not a dual, no agreement to match
        gov = self.governing
        if form is ReportForm.VERBAL_NOUN and entry.suffix and h.prev_word() in RELAYED_FROM:
            # ونقلت الوكالة عنه قوله: the outlet relays; عنه points back past it to the speaker
            relay = gov[1].text if gov is not None else ""
            for m_span, m_agreement, m_primary in islice(reversed(self.mentions), LOOK_BACK):
                if m_primary and m_span.text != relay and agrees(agreement, m_agreement):
                    return m_span
            return None
        near = self.in_sentence(h, entry, form)
        if near is not None:
            return near
        if form in (ReportForm.PARTICIPLE, ReportForm.VERBAL_NOUN) and gov is not None:
            g_idx, g_span = gov
            if g_idx == idx and (
                agreement in ("", "m") or agrees(agreement, gender_number(fold_key(g_span.text)))
            ):
                return g_span
        if agreement in ("m", "") and form is not ReportForm.VERBAL_NOUN:
            again = self.named_again(h)
            if again is not None:
                return again
        for primary_only in (True, False):
            # the nearest mentions only: a long article must not make each look-back longer
            for m_span, m_agreement, m_primary in islice(reversed(self.mentions), LOOK_BACK):
                if primary_only and not m_primary:
                    continue
                if agreement == "" or agrees(agreement, m_agreement):
                    return m_span
        return None

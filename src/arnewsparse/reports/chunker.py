"""The speaker chunker: the noun phrase that is a report's explicit source.

This module owns :class:`Chunker` and the noun-phrase tests it is built
from.  Verb first (the usual order), the source is the longest well-formed
noun phrase after the verb: title chains and their complements (المتحدث
باسم الخارجية), idafa chains, agreeing adjectives, apposition of title and
name (across a comma when a clause follows), names with their particles
(عبد، أبو، بن، آل، ...الله، الدين) and fixed honorifics taken whole (صلى الله
عليه وسلم); it stops at a finite verb, a preposition that opens an adjunct
(في، خلال، أمام، إلى، على، عن، عبر، لـ + outlet), a complementiser, punctuation
and quotation marks, and, where the verb takes an object, where the object
starts (a second definite noun after a name, a verbal noun, a quantifier).
Subject first, the source is the run of noun-phrase words between a clause
opener and the verb; a time phrase, an adverb or a prepositional phrase there
is no subject.  Word classes come from :mod:`arnewsparse.reports.words`.
"""

from __future__ import annotations

from typing import Final

from arnewsparse.lexicon import FORMS, Lemma
from arnewsparse.model import ReportForm
from arnewsparse.reports.content import NeedMore, quoted_name
from arnewsparse.reports.hit import Hit
from arnewsparse.reports.memory import Memory, agrees, gender_number
from arnewsparse.reports.shapes import (
    apposition_head,
    bare_head,
    country_then_object,
    described,
    from_continues,
    honorific_end,
    name_end,
    nisba,
    object_after_comma,
    object_starts,
    plural_verb,
    quantifier,
    quantity_end,
    unlike_feminine_head,
    unlike_plural_head,
    verbal_noun_shape,
)
from arnewsparse.reports.tokens import END, KIND, START, TEXT, TextView, Tok, is_colon
from arnewsparse.reports.words import (
    ACCORDING_AS,
    ADJUNCTS,
    ADVERBIAL_OPENERS,
    ANONYMOUS,
    APPOSITION_TITLES,
    AUXILIARIES,
    CLAUSE_PRONOUNS,
    COMPS,
    CONTENT_HEADS,
    DEF_TITLES,
    DEMONSTRATIVES,
    EMPHASIS_HEADS,
    ENVOYS,
    EVENTS,
    FIELD_BODIES,
    HEADS,
    HONORIFICS,
    ISSUED,
    ISSUING,
    KEYS,
    LINKS,
    MANNER,
    MAX_SPEAKER,
    MAX_SUBJECT,
    MAX_TITLE_TAIL,
    MEDIA,
    MONTHS,
    NAME_LINKS,
    NAME_OPENERS,
    NAME_PARTS,
    NON_NP,
    NOT_SPEAKERS,
    OBJECT_QUANTIFIERS,
    OPENERS,
    PERSON_TITLES,
    PLURAL_HEADS,
    PREPS_BEFORE,
    PREPS_GOVERNING,
    QUANTIFIERS,
    RANKS,
    RELATIVE_TIMES,
    RELATIVES,
    RELAYED_FROM,
    STATEMENTS,
    STOPS,
    TIMES,
    TYPICAL_OBJECTS,
    WITHHOLDING,
    YEAR_WORDS,
    masdar_like,
)


def descriptive(h: Hit, before: list[Tok], k: int, end: int) -> bool:
    """An imperfect right after an indefinite noun phrase describes it, the phrase its subject.

    A clause with no relative pronoun after an indefinite noun is its
    adjective (حول بيان للحرس الثوري يتحدث عن): where the noun is a statement
    or report, the phrase is the verb's source even inside a prepositional
    phrase (not ورشة عمل عن اتحاد الملاك يتوقع: an impersonal passive).
    """
    if h.entry.form is not ReportForm.IMPERFECT or h.entry.proclitic or not 0 < end - k <= 5:
        return False
    first = before[k][TEXT]
    if before[k][KIND] != "w" or first.startswith(("ال", "لل", "بال")) or first in NON_NP or first in KEYS:
        return False
    return first in STATEMENTS


def _possessed_forms(words: frozenset[str]) -> frozenset[str]:
    """مسؤوليته، أمرها ...: the forms of ``الX`` words with a possessive pronoun, by rule."""
    out: set[str] = set()
    for w in words:
        stem = w[2:] if w.startswith("ال") else w
        stem = stem[:-1] + "ت" if stem.endswith("ه") else stem  # (مسؤولية -> مسؤوليت|ه)
        out.update(stem + p for p in ("ه", "ها", "هم", "هما"))
    return frozenset(out)


TYPICAL_POSSESSED: Final = _possessed_forms(TYPICAL_OBJECTS)


def person_title(w: str) -> bool:
    """``w`` is a definite title or rank of a person (المدير، الوزير، العميد، الدكتور): after a
    name or a relative adjective it opens an apposition, never the object."""
    return w in PERSON_TITLES or (w.startswith("ال") and w[2:] in RANKS)


def body_named_by_field(w: str) -> bool:
    """``w`` opens a body's name that its field completes (الوكالة الوطنية للإعلام، هيئة الإذاعة)."""
    w = w[1:] if w[:1] in "وف" and w[1:3] == "ال" else w
    return (w[2:] if w.startswith("ال") else w) in FIELD_BODIES


class Chunker:
    """Finds the explicit source of a hit, verb first or subject first."""

    def __init__(self, view: TextView, memory: Memory) -> None:
        self.view = view
        self.memory = memory

    def issuer(self, h: Hit) -> tuple[int, int] | None:
        """Who issued the document right before the hit: the words after the issuing verb, or None.

        وأصدر تيار المستقبل بيانا قال فيه: the verb describes the statement, and
        its subject is the one who issued it (``before[-1]`` is the document).
        """
        before = h.before()
        last = len(before) - 2
        while last >= 0 and before[last][TEXT] in TIMES:
            last -= 1  # (أصدرت المحكمة الخميس بيانا: when, not who)
        k = last
        # (a quoted name stays inside: رئيس تحرير «مكة»)
        while k >= 0 and last - k < MAX_SUBJECT and before[k][KIND] in "wq":
            if before[k][TEXT] in ISSUING:
                return (before[k + 1][START], before[last][END]) if k < last else None
            k -= 1
        return None

    def told_person(self, t: Tok) -> bool:
        """ل + a possessed noun right after the verb (لنظيره، لأنصاره) is whom the speaker told."""
        w = t[TEXT]
        return w[:1] == "ل" and len(w) > 4 and self.view.possessed(t)

    def source_end(
        self, h: Hit, i: int, limit: int, lemma: Lemma, *, anchored: bool, split: bool = False
    ) -> int:
        """End index (exclusive) of a verb-first source starting at ``after[i]``.

        ``anchored``: a clause, colon or quotation was found at ``after[limit]``,
        so words such as إلى or على before it belong to a title (مبعوث الرئيس
        الخاص إلى سورية) and a comma may open an apposition (برشلونة، متصدر
        الدوري).  Otherwise (a preposition or a direct object follows) the
        source also stops where the object starts.
        """
        after = h.after
        j = i
        n = min(limit, len(after))
        words = 0
        seen_definite = False
        plain = 0  # indefinite words in a row before after[j]: a personal name's length
        counted = -1  # where a quantity (87٪، أكثر من) ended: من and a number may go on
        split = split or not anchored
        appositions = 0  # commas taken into the source
        short = h.truncated and limit >= len(after) - 1
        if short:
            n = len(after) - 1  # keep one token of look-ahead; reading past it needs more
        # local names: the loop below runs some thirty tests on every word of the source
        tails = self.memory.tails
        accusative = self.view.accusative
        relays = "عن" in lemma.preps or lemma.lemma == "نقل"  # the verb names whom it relays with عن
        while j < n and words < MAX_SPEAKER:
            t = after[j]
            w = t[TEXT]
            if t[KIND] == "q":
                end = quoted_name(h, j, in_source=j > i and after[j - 1][TEXT] in HEADS)
                if not end:
                    break
                j = end
                words += 1
                continue
            if t[KIND] != "w":
                # (a dash between words stays: a double name, هانز - بيتر, or a description after
                # it, which the gold keeps in the source: الرئيس الروسي - الذي يزور المنطقة -)
                if w in ("-", "–", "/") and j > i and j + 1 < n and after[j + 1][KIND] == "w":
                    j += 1  # a hyphenated name
                    continue
                if w == "(" and j > i:  # (سي.سي.تي.في) after a name, (73,2٪) after a share
                    k = j + 1
                    while k < n and k < j + 8 and not after[k][TEXT].endswith(")"):
                        k += 1
                    if k < n and after[k][TEXT].endswith(")"):
                        j = k + 1
                        continue
                if (
                    w == "."
                    and j > i
                    and len(after[j - 1][TEXT]) == 1
                    and j + 1 < n
                    and after[j + 1][KIND] == "w"
                ):
                    j += 1  # an abbreviated title: د. أحمد عزيز
                    continue
                if (
                    w in (",", "،", "؛")
                    and anchored
                    and j > i
                    and j + 1 < n
                    and after[j + 1][KIND] == "w"
                    and (w != "؛" or after[j + 1][TEXT] in APPOSITION_TITLES)
                ):
                    nw = after[j + 1][TEXT]
                    if not (
                        nw in ADJUNCTS
                        or nw in LINKS
                        or nw in COMPS
                        or nw[:1].isdigit()
                        or (nw.startswith("و") and (nw[1:] in ADJUNCTS or nw[1:] in LINKS))
                        or self.main_clause(after[j + 1])  # ، فإن الدراسة
                        or FORMS.get(nw) is not None
                        or (split and object_after_comma(nw))
                        or (appositions and not apposition_head(nw))
                        # (after a demand's source and its title, the next one is whom it calls on:
                        # دعا مقتدى الصدر، زعيم التيار الصدري، | رئيس الوزراء ...، إلى)
                        or (appositions and lemma.category == "demand" and nw not in RELATIVES)
                    ):
                        # (a second apposition only as a title or a relative clause: X، رئيس ...،
                        # الذي ...; else the object follows: علي التكبالي، | فشل الاجتماع)
                        appositions += 1
                        plain = 0  # (the name ended at the comma: مانشيني، مدرب المنتخب السعودي)
                        j += 1  # an apposition: قداس، ضيف برنامج بوليتيكا
                        continue
                break
            nxt = after[j + 1] if j + 1 < len(after) else None
            nw = nxt[TEXT] if nxt is not None else ""
            pw = after[j - 1][TEXT]  # the word before (read once: the tests below use it often)
            if j > i and pw in NAME_LINKS and after[j - 1][KIND] == "w":
                j += 1  # هادي بن | علي اليامي: after بن a name follows, even one spelt like على
                words += 1
                plain += 1
                continue
            if (w in HONORIFICS or w in NAME_PARTS) and j > i and after[j - 1][KIND] == "w":
                hon = honorific_end(after, j) if w in HONORIFICS else 0
                if hon:
                    j = hon  # النبي صلى الله عليه وسلم: the formula is part of the name
                    words += 1
                    continue
                if w in NAME_PARTS and not pw.startswith("ال"):
                    j += 1  # ذبيح الله مجاهد، عماد الدين: one name
                    words += 1
                    plain += 1
                    continue
            if w[:1].isdigit() and (
                j in (i, counted)
                or pw in ("كل", "نحو")
                or (j - 2 >= i and pw == "من" and quantifier(after[j - 2][TEXT]))
            ):
                q = quantity_end(after, j, n) if j == i else 0
                if not q and j > i:
                    q = j + 1
                    while q + 1 < n and after[q][TEXT] in (",", ".") and after[q + 1][TEXT].isdigit():
                        q += 2  # أكثر من 1.7 مليون
                if q:
                    j = q  # 87,1٪ من المجيبين، 6 من كل 10، أكثر من 1.7 مليون لاجئ
                    counted = j
                    words += 1
                    continue
            if j == i and w[:1] == "ل" and (w[1:] in NAME_OPENERS or w[1:] == "بن"):
                break  # أكد | لأبو وائل: the addressee of a name with ل, not the source
            if j == i and self.told_person(t):
                break  # أكد | لنظيره الروسي، قال | لمحدثه: whom he told, not the source
            if j == i and w in PREPS_BEFORE and w != "نحو":
                break  # وجهها | إلى الجماهير: a source never opens with a preposition
            if (
                j == i
                and w[:1] in "بل"  # (not ال: الادعاء العام، the prosecution, is a source)
                and (e0 := FORMS.get(w)) is not None
                and e0.form is ReportForm.VERBAL_NOUN
            ):
                break  # وتابع | بالقول: a verbal noun of saying is the manner, never the source
            if w == "عدم" and j > i + 1 and pw in WITHHOLDING:
                # تاجر في السوق طلب عدم كشف اسمه: asking not to be named is part of who spoke
                k = j + 1
                while k < n and k <= j + 4 and after[k][KIND] == "w" and after[k][TEXT] not in ANONYMOUS:
                    k += 1
                if k < n and after[k][TEXT] in ANONYMOUS:
                    j = k + 1
                    words += 1
                    continue
            if w == "لدي" and j > i and any(t[TEXT] in ENVOYS for t in after[max(i, j - 3) : j]):
                j += 1  # سفيرة أمريكا لدى الأمم المتحدة: لدى belongs to an envoy's title
                words += 1
                continue
            if (w in ADJUNCTS and w not in ("في", "من")) or w in MANNER or (w[:1] == "و" and w[1:] in MANNER):
                break  # (and after و: أدانت الهيئة | وبشدة، أقر المجلس | وبشكل نهائي)
            if w[:1].isdigit() and pw == "لعام" and j > i:
                j += 1  # التقرير السنوي لعام 2024: the year belongs to the title
                words += 1
                continue
            if w[:1].isdigit() or w in MONTHS:
                break
            if w[:1] == "ب" and w[1:] in EVENTS:
                break  # بطل قطر | بموقعه على الإنترنت، المشهداني | بكلمة: the occasion or channel
            if w == "في" and (nw in EVENTS or nw[:1].isdigit() or nw in ADJUNCTS or not anchored):
                break
            if (
                w == "من"
                and (
                    j == i
                    or not (
                        counted == j
                        or from_continues(pw, nw, anchored)
                        # (أربعة مصادر من طالبان، أعضاء من الكونغرس: the group they come from)
                        or (
                            anchored
                            and pw in PLURAL_HEADS
                            and "من" not in lemma.preps
                            and nw not in ADJUNCTS
                            and nw[:3] not in ("جهت", "جان")
                            and not nw[:1].isdigit()
                        )
                    )
                )
            ):
                break
            if w in ("من", "فقط") and counted == j:
                j += 1  # 16,7٪ من المجيبين، 13٪ فقط من
                counted = j
                words += 1
                continue
            if w in ("علي", "عليه", "عليها") and j > i and described(pw, nw, w):
                j += 1  # الدول الموقعة على البيان، الدول الموقعة عليه: the participle's own complement
                words += 1
                continue
            if w == "علي" and (nw in EVENTS or not anchored or (nxt is not None and nxt[KIND] == "q")):
                break
            if w == "عن" and j > i and pw in ISSUED and j + 1 < n and after[j + 1][KIND] == "w":
                j += 1  # بيان صادر عن قيادة الجيش: who issued it is part of the source
                words += 1
                continue
            if w == "عن" and (not anchored or relays):
                break
            if w in RELAYED_FROM and j > i and relays:
                break  # ونقلت الوكالة | عنه قوله: whom the outlet relays, after its name
            if w == "مع" and anchored and j > i and self.title_goes_on(after, j, limit):
                j += 1  # الممثل الخاص ... لتطوير العلاقات مع سورية ألكسندر يفيموف أن
                words += 1
                continue
            if w in COMPS or (w in LINKS and not (j > i and nxt is not None and nxt[KIND] == "p")):
                break  # (a link word right before a comma is a name: الممثل روب لو، نجم ...)
            # (but after a bare head a verbal noun is its genitive: رئيس تدوير، إدارة تعليم)
            if words and (
                w in CONTENT_HEADS
                or (
                    split
                    and not bare_head(pw)
                    and (masdar_like(w) or ((len(w) in (4, 6) or w[:1] == "ت") and verbal_noun_shape(w, pw)))
                )
            ):
                break
            if (
                split
                and words
                and "ب" in lemma.preps
                and (w.startswith("بال") or (w[:1] == "ب" and masdar_like(w[1:])))
            ):
                break  # ووجه العاهل السعودي | بتشكيل لجنة: the verb's own ب and what it asks for
            if not anchored and w in STOPS:
                break
            if w.startswith("و") and len(w) > 2 and (w[1:] in ADJUNCTS or w[1:] in LINKS or w[1:] in COMPS):
                break
            if w[:1] == "ف" and self.main_clause(t):
                break  # وفقا لما ذكر نشطاء | فقد وضع، فإن: the main clause after an attribution
            if (
                w.startswith("ل")
                and (w[1:2].isascii() or w[1:] in MEDIA or w in MEDIA)
                and not (w.startswith("لل") and j > i and body_named_by_field(after[i][TEXT]))
            ):
                break
            e = FORMS.get(w)
            # (but عشرة مجيبين: a participle after a number is a noun, the respondents; and
            # مكتب الادعاء، هيئة الادعاء: a definite verbal noun after a bare title head is its genitive)
            noun = e is not None and (
                (e.form is ReportForm.PARTICIPLE and pw in QUANTIFIERS)
                or (e.form is ReportForm.VERBAL_NOUN and not e.suffix and w.startswith("ال") and pw in HEADS)
            )
            if (
                e is not None
                and j > i
                and (
                    e.form is ReportForm.PARTICIPLE
                    or e.proclitic
                    or (e.form is ReportForm.VERBAL_NOUN and e.suffix)
                )
                and not noun
            ):
                break  # كرر الرئيس ترامب | اعتقاده، جددت إدارة النادي | مطالبتها
            if accusative(t):
                break
            # (a bare ال is آل folded, "the family of": عبدالباري آل عبدالله is one name)
            definite = w.startswith(("ال", "بال", "لل", "وال", "كال")) and w != "ال"
            if j == i + 1 and country_then_object(after[i][TEXT], w):
                break  # وتتهم بريطانيا | روسيا، ووصفت بكين | الإجراءات الأميركية
            if (
                split
                and words
                and pw in tails
                and w not in tails
                and w not in RELATIVES  # (روبسون الذي يعمل الآن سفيرا: a relative clause describes the name)
                and not (j >= 2 and after[j - 2][TEXT] == "باسم")
                and not person_title(w)
            ):
                # بوتين | المجتمع الدولي: a known name ends, the object starts (but المتحدث باسم
                # طالبان ذبيح الله مجاهد: after a spokesman's body his name follows; and a title
                # after the name is its apposition: حسام البدري المدير الفني)
                break
            if (
                split
                and definite
                and words >= 2
                and seen_definite
                and plain >= 2
                and name_end(pw)
                and not (pw[:1] == "و" and w.startswith("وال"))  # (a list goes on: وبولندا والسويد)
                and not (w.endswith("ي") and nisba(w))  # (a family name: هادي بن علي اليامي)
            ):
                break  # وزير الدفاع سيرغي شويغو | المنظمات الإنسانية (not الرئيس بشار الأسد)
            if words and w in NAME_PARTS and pw.startswith("ال"):
                break  # ودعت الجمعية | الله أن: after a definite noun, الله is the object, never a genitive
            if (
                words
                # (what is denied or announced, bare or possessed: الأمر، مسؤوليته)
                and (w in TYPICAL_OBJECTS or (w in TYPICAL_POSSESSED and self.view.possessed(t)))
                and pw not in DEMONSTRATIVES
                and name_end(pw)
            ):
                break  # نفى ماتيس | الأمر: what is denied follows a complete name
            if split and words and w.startswith("بال") and name_end(pw):
                break  # توجه ميقاتي | بالتهنئة: a ب-phrase after a name is the verb's
            if w == "الا" or (
                w[:1] == "و" and w[1:] in NOT_SPEAKERS and nw[:1] in "يت" and after[j - 1][KIND] == "w"
            ):
                # ميرتيساكر | ألا تكون، سموه | وهو يضغط: a clause or what he was doing (but a
                # description after و + a pronoun stays, as annotated: باباكورا كولو، وهو عنصر في ...)
                break
            if split and words and w.startswith("الم") and len(w) >= 8 and w.endswith("ين"):
                singular = pw.startswith("ال") and not pw.endswith(("ين", "ون", "ات")) and not nisba(w)
                if singular and pw not in DEF_TITLES:
                    break  # ودعا المركز | المواطنين: a definite plural after a singular is the object
            if (
                split
                and words
                and pw.startswith("ال")
                and pw not in RELATIVES  # (التي يترأسها: a relative clause's verb)
                and w[:1] not in "وي"  # (ونظيره السوري: a second subject; يحملونها: a verb)
                and w[:3] not in EMPHASIS_HEADS
                and self.view.possessed(t)
            ):
                break  # وأوضحت الشركة | قيامها: a possessed noun cannot go on a definite phrase (not نفسه)
            if split and words and unlike_plural_head(pw, w):
                break  # ودعا الاتحاد العالمي للمسلمين | المجتمع الدولي: no adjective of a plural
            if split and words and unlike_feminine_head(pw, w, after[j - 2][TEXT] if j - 2 >= i else ""):
                break  # ودعت الجامعة | المواطنين: no adjective of a feminine noun, so the object
            if split and words and w in OBJECT_QUANTIFIERS:
                break  # ودعا العقيد محمد السعد | جميع المواطنين
            if split and words and w in DEMONSTRATIVES:
                break  # وأعلنت الرئيسة المؤقتة | ذلك اليوم عيدا
            if (
                words
                and (
                    (w in DEMONSTRATIVES and (nw in TIMES or nw in YEAR_WORDS))
                    or (w in TIMES and nw in RELATIVE_TIMES)
                    # (but الأمين العام الحالي: after a definite word العام is its adjective, "general")
                    or (w in YEAR_WORDS and nw in RELATIVE_TIMES and not pw.startswith("ال"))
                )
                and not any(after[k][TEXT] in RELATIVES for k in range(i, j))
            ):
                # وزير المالية | هذا الأسبوع، الأمير هاري | العام الماضي: when, not who (inside a
                # describing relative clause the time stays, as the gold keeps: الذي قاد ... الموسم الماضي)
                break
            if (
                split
                and words
                and object_starts(pw, w, definite)
                and w not in tails
                and not (definite and self.view.alif_maqsura(after[j - 1]))
                and not (definite and person_title(w))  # (القوات المسلحة اليمنية العميد يحيى سريع)
            ):
                break  # الإعلام السوري الرسمي | التدخل الأخير، وزارة الداخلية | توجيهات جديدة
            seen_definite = seen_definite or definite
            if (
                definite
                or w in HEADS
                or w in PREPS_BEFORE
                or (len(w) > 3 and (w[:1] == "ب" or not words) and self.view.ta_marbuta(t))
            ):
                # (برئاسة، بقيادة + a name: a ب-head in ة is no word of the name after it; nor is
                # a title, a preposition or a noun in ة opening the phrase: أمير منطقة مكة
                # المكرمة، المدافعون عن حقوق الإنسان)
                plain = 0
            else:
                plain += 1
            j += 1
            words += 1
        else:
            if short and j >= n:
                raise NeedMore
        # (no preposition stands before و + a pronoun: اسماعيل علي | وهو keeps the name علي)
        clause = j < len(after) and after[j][TEXT] in CLAUSE_PRONOUNS
        while j > i + 1 and (
            (after[j - 1][TEXT] in PREPS_BEFORE and not clause)
            or after[j - 1][TEXT] in (",", "،")
            or after[j - 1][TEXT] in RELATIVES
        ):
            # (السفير لدى | ...: a cut-off preposition, a comma or a relative is not the source's)
            j -= 1
        return j

    def main_clause(self, t: Tok) -> bool:
        """``t`` is فإن، فإنه، فقد: the main clause after a fronted attribution (وفقا لما نقلت X، فإن ...).

        A bare فان is that only where it is written with its hamza (فإن): else
        it may be a name (وي فان، كاريل فان أوستيروم).
        """
        w = t[TEXT]
        if w[:1] != "ف" or not (w[1:] == "قد" or w[1:] in COMPS):
            return False
        if w != "فان":
            return True
        s = self.view.norm.span(t[START], t[END])[0]
        return self.view.text[s + 1 : s + 2] in ("إ", "أ")

    def title_goes_on(self, after: list[Tok], j: int, limit: int) -> bool:
        """``مع`` at ``after[j]`` belongs to a title description, the name still to come.

        The description before it ends in a definite noun that is no known
        name (لتطوير العلاقات مع سورية), and a few plain words after it run
        to the complementiser at ``after[limit]``, the last of them a name.
        """
        if limit >= len(after) or limit - j > MAX_TITLE_TAIL or not after[limit - 1][TEXT]:
            return False
        prev = after[j - 1][TEXT]
        if not prev.startswith(("ال", "لل")) or prev in self.memory.tails:
            return False
        for t in after[j + 1 : limit]:
            w = t[TEXT]
            if t[KIND] != "w" or w in ADJUNCTS or w in LINKS or w in STOPS or w in EVENTS or w in KEYS:
                return False
        return limit - j > 2 and name_end(after[limit - 1][TEXT])

    def subject_before(
        self, h: Hit, before: list[Tok], in_headline: bool, agreement: str
    ) -> tuple[int, int] | None:
        """A subject-first source ending right before the verb, as folded offsets.

        Walks back from the verb over words that can stand in a noun phrase to
        a clause opener (sentence start, أن، لكن، كان ... قد, a headline colon);
        a relative pronoun (الشرطة التي أعلنت) points to its antecedent.
        """
        h.opener = ""
        if not before:
            return None
        k = len(before)
        if before[-1][TEXT] in ("قد", "فقد", "لقد", "وقد"):  # وكانت الأكاديمية قد أعلنت
            k -= 1
        elif before[-1][TEXT] in AUXILIARIES:
            k -= 1  # شرعيي الجبهة، باتوا يعتبرون: the subject stands before the auxiliary
        end = k
        j = k - 1
        fallback: int | None = None  # the words after a comma, if the longer phrase fails
        while j >= 0:
            t = before[j]
            w = t[TEXT]
            if t[KIND] == "n":
                if j == end - 1:
                    return None  # the verb opens a line
                break
            if t[KIND] != "w":
                if t[KIND] == "p" and is_colon(t):
                    break
                if t[KIND] == "p" and w in (",", "،"):
                    if j == end - 1:  # وكان المقدسي، وجه / أبازيد، الذي يرى
                        if j > 0 and before[j - 1][KIND] == "q":
                            return None  # "... Astronomy"، يوضح: a title or quotation ends there
                        end = j
                        j -= 1
                        continue
                    if fallback is not None and fallback != j + 1:
                        return self.fallback(before, fallback, end)
                    fallback = j + 1
                    j -= 1
                    continue
                if t[KIND] == "q":
                    j -= 1
                    continue
                if t[KIND] == "p" and w in ("(", ")", "-", "–"):
                    j -= 1
                    continue
                if w == "." and j > 0 and before[j - 1][KIND] == "w" and len(before[j - 1][TEXT]) == 1:
                    j -= 2  # an abbreviated title opens the phrase: د.أحمد عزيز يكشف
                break
            if w in RELATIVES and j == end - 1:
                if RELATIVES[w] != agreement and not (agreement == "f" and w == "التي"):
                    return None  # التي أعلن عنها رئيسا روسيا: the relative is the object
                if h.entry.suffix:
                    return None  # الأمر الذي وصفه: its pronoun points back, so the relative is the object
                end = j
                j -= 1
                while j >= 0 and before[j][KIND] == "p" and before[j][TEXT] in (",", "،"):
                    end = j
                    j -= 1
                # the antecedent: back to a preposition, a comma or a clause opener
                k2 = j
                while k2 >= 0 and end - k2 <= 6:
                    tt = before[k2]
                    if tt[KIND] != "w" or tt[TEXT] in NON_NP or tt[TEXT] in OPENERS or tt[TEXT] in KEYS:
                        break
                    if tt[TEXT].startswith("و") and tt[TEXT][1:] in NON_NP:
                        break
                    k2 -= 1
                if k2 + 1 < end:
                    return self.trim(before[k2 + 1], before[end - 1])
                return None
            if w in OPENERS or (w in COMPS and w not in ("انه", "انها")):
                h.opener = w
                break
            if (w[1:] if w[:1] in "وف" else w) in ADVERBIAL_OPENERS or (j == end - 1 and w in ACCORDING_AS):
                # ورغم ذلك قال، وعندما كشف، ولطالما انتقد، وذلك حسبما قال: an adjunct, not a subject
                if fallback is not None:
                    return self.fallback(before, fallback, end)
                return None
            bare = w[1:] if w[:1] == "و" else w
            if (bare in PREPS_GOVERNING or bare in ("حول", "عن")) and descriptive(h, before, j + 1, end):
                return self.trim(before[j + 1], before[end - 1])  # حول بيان للحرس الثوري يتحدث عن
            if w in PREPS_GOVERNING and w not in ("عبر", "حول"):
                return None  # خلال الاجتماع عبّر، بعد الجولة، قالت: the phrase is the preposition's
            if (
                (w in ADJUNCTS and w not in ("في", "من", "عبر", "حول"))
                or w[:1].isdigit()
                or w in MONTHS
                or (w[:1] == "و" and w[1:] in TIMES)
            ):
                break  # نسمع اليوم رئيس الوزراء يقول، والخميس أكد المتحدث: a time, not a subject
            if w in NON_NP or w in STOPS or w in KEYS or w in ADJUNCTS:
                if fallback is not None:
                    return self.fallback(before, fallback, end)
                return None
            if w.startswith("و") and (w[1:] in NON_NP or w[1:] in KEYS):
                if fallback is not None:
                    return self.fallback(before, fallback, end)
                return None
            if end - j > MAX_SUBJECT + (3 if fallback is not None else 0):
                if fallback is not None:
                    return self.fallback(before, fallback, end)
                return None
            j -= 1
        while j + 1 < end and before[j + 1][KIND] == "p":
            j += 1  # (العام الماضي، | حسبما: the phrase starts after the comma, not at it)
        if j >= end - 1:
            return None
        first = before[j + 1][TEXT]
        if first in ACCORDING_AS or first in NON_NP:
            return None  # حسبما أظهرت: "according to what", no subject
        bare = first[1:] if first[:1] == "و" else first
        if end - j == 2 and (bare in RELATIVES or bare in COMPS):
            return None  # ...، التي رأى; وأنه طلب: a relative or a clause word alone is no source
        if before[j + 1][TEXT].startswith(("يت", "يست", "وي", "تت")):
            return None  # وفيما يتعلق بـ ... لفت: a verb, not a subject
        if before[j + 1][TEXT] in CLAUSE_PRONOUNS:
            return None  # ...، وهي منظمة خيرية تدعو: the pronoun's clause, its subject named before
        if before[j + 1][TEXT] in DEMONSTRATIVES and before[end - 1][TEXT].startswith(("سي", "ست")):
            return None  # هذا العرض الشامل سيفصل | بين: the phrase has its own (future) verb
        comma = end < len(before) and before[end][TEXT] in (",", "،")
        if not self.may_be_subject(before[j + 1 : end], comma):
            return None
        return self.trim(before[j + 1], before[end - 1])

    def may_be_subject(self, toks: list[Tok], comma: bool = False) -> bool:
        """A run of words before the verb can be its subject: no time phrase, adverb or prepositional phrase.

        نيسان الجاري، قال؛ وأخيرًا، شددت؛ للأسف، اكتشف: a subject is a nominative
        noun phrase, so a phrase of time, an adverb in tanween fath or one opened
        by a preposition (لل، بال) is an adjunct, and the subject follows the verb.
        """
        words = [t for t in toks if t[KIND] == "w"]
        if not words:
            return False
        first = words[0][TEXT]
        if first.startswith(("لل", "بال", "كال")) or (len(words) == 1 and first in NOT_SPEAKERS):
            return False  # (هذا الشخص أكد: a demonstrative with its noun is a subject)
        if comma and first in DEMONSTRATIVES:
            return False  # هذا الأسبوع، قال: a fronted adjunct or topic set off by a comma
        bare = first[1:] if first[:1] in "وف" and len(first) > 3 else first
        if bare[:1] == "ب" and bare[1:] in DEMONSTRATIVES:
            return False  # وبهذه المناسبة، دعت: a ب-phrase, not the subject
        if any(t[TEXT] in TIMES or t[TEXT] in MONTHS for t in words):
            return False
        return not (len(words) == 1 and self.view.accusative(words[0]))

    def fallback(self, before: list[Tok], start: int, end: int) -> tuple[int, int] | None:
        """The words after a comma as a subject-first source, where the longer phrase fails."""
        if start >= end or any(t[KIND] != "w" for t in before[start:end]):
            return None
        first = before[start][TEXT]
        bare = first[1:] if first[:1] == "و" else first
        if end - start == 1 and (bare in RELATIVES or bare in COMPS):
            return None  # ...، والتي يرى كثيرون: a relative or a clause word alone is no source
        return self.trim(before[start], before[end - 1])

    def trim(self, first: Tok, last: Tok) -> tuple[int, int]:
        """The span from ``first`` to ``last``, without a clinging و/ف (فالتلفزيون، فأتباع) or a
        ل/ب before a name's first part (تسجيل لعبد المنان ... قال: the clitic is outside the span)."""
        s = first[START]
        w = first[TEXT]
        clinging = (
            (w[:1] in "وف" and w[1:3] == "ال")
            # (فأتباع هذا التنظيم يدعون، وقادة الفصائل: a conjunction on a head noun)
            or (
                w[:1] in "وف"
                and (w[1:] in PLURAL_HEADS or w[1:] in HEADS)
                and w not in HEADS
                and w not in PLURAL_HEADS
            )
            or (w[:1] in "لب" and w[1:] in NAME_OPENERS)
        )
        if first[KIND] == "w" and clinging:
            s += 1
        return (s, last[END])

    def source_after_an(self, before: list[Tok]) -> tuple[int, int] | None:
        """``عن X قوله``, ``على لسان X قوله``: the source of a possessive verbal noun."""
        last = len(before) - 1
        if last >= 0 and before[last][TEXT] in (",", "،"):
            last -= 1  # عن محافظ البنك المركزي محمد خير الزبير، قوله
        j = last
        stop = max(-1, j - 12)
        while j > stop:
            t = before[j]
            w = t[TEXT]
            if t[KIND] not in ("w", "q") and w not in (",", "،"):
                return None
            if w == "عن" or (w == "لسان" and j > 0 and before[j - 1][TEXT] == "علي"):
                first = j + 1
                if first < last and before[first][TEXT] in (",", "،"):
                    first += 1  # عن، ناجي مصطفى، المتحدث ... قوله: a stray comma after عن opens nothing
                if first <= last:
                    return (before[first][START], before[last][END])
                return None
            # (a title's own preposition stays inside: عن الباحث في المعهد الكوري للتمويل)
            if (w in NON_NP and w not in ("في", "من")) or w in KEYS:
                return None
            j -= 1
        return None

    def coordinated_subject(self, h: Hit, agreement: str) -> tuple[int, int] | None:
        """The subject-first source of the first verb of a coordination, as folded offsets.

        بوتين وروحاني يبحثان ... ويؤكدان: a dual or plural verb after و shares
        the subject that opens its sentence (or headline, or what follows a
        colon) before the first verb, where that verb is an imperfect or a
        reporting verb agreeing with it.
        """
        b = h.before()
        s = 0
        for k in range(len(b) - 1, -1, -1):
            if b[k][KIND] == "n" or is_colon(b[k]):
                s = k + 1
                break
        for k in range(s, min(len(b), s + MAX_SUBJECT + 1)):
            t = b[k]
            w = t[TEXT]
            if t[KIND] != "w":
                return None
            if k > s and plural_verb(w, agreement):
                subject = self.trim(b[s], b[k - 1])
                key = self.view.ft[subject[0] : subject[1]]
                return subject if agrees(agreement, gender_number(key)) else None
            if w in NON_NP or w in OPENERS or w in STOPS or w in ADJUNCTS:
                return None
        return None

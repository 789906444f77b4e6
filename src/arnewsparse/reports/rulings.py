"""What rules a hit out, or changes what it is, read from its words alone.

This module owns the tests the finder (:mod:`arnewsparse.reports.forms`)
makes before or while it reads a source, each a grammatical reason why a
reporting word reports nothing where it stands, or is another form than it
looks: a supposition after إذا/لو (:func:`hypothetical`), تبيّن "it turned
out" (:func:`turned_out`), a relative clause describing its antecedent
(:func:`relative_clause`), a predicate after a passive يُعتبر
(:func:`predicate`), a passive written with its damma
(:func:`written_passive`), what a verb of going on needs (:func:`direct`),
and the shapes that open an object (:func:`object_opening`,
:func:`attributive`).
"""

from __future__ import annotations

from arnewsparse.model import ReportForm
from arnewsparse.reports.content import anchor, is_clause
from arnewsparse.reports.hit import Hit
from arnewsparse.reports.tokens import KIND, TEXT, TextView, Tok
from arnewsparse.reports.words import (
    ANSWER_OPENERS,
    CLOSED_ADJUNCT_PAIRS,
    COMPS,
    CONDITIONAL_LETTERS,
    CONDITIONALS,
    KEYS,
    MONTHS,
    NON_NP,
    OBJECT_HEADS,
    PLACE_NAMES,
    PREPS_BEFORE,
    QUOTES,
    TIMES,
    TURNED_OUT,
    ifaal,
    masdar_like,
)


def attributive(prev: str) -> bool:
    """Before a verb with an object pronoun, an indefinite feminine noun the verb describes (رسالة بعثها)."""
    return len(prev) > 3 and prev.endswith("ه") and not prev.startswith("ال") and prev not in NON_NP


def predicate(view: TextView, t: Tok) -> bool:
    """``t`` is a predicate after a passive يُعتبر: an accusative (امتدادًا), an elative (الأشد) or من."""
    w = t[TEXT]
    if t[KIND] != "w":
        return False
    if w == "من" or view.accusative(t):
        return True
    if (len(w) == 4 and w[0] == "ا" and w[2] not in "اوي") or (
        len(w) in (5, 6) and w.startswith("الا") and w[4:5] not in ("ا", "و", "ي")
    ):
        return True  # أكثر، أقل، الأشد: an elative (not أمير، الأمير: a long vowel inside)
    if w[:1] == "ي" and len(w) >= 5 and w[1] not in "او" and w not in MONTHS and w not in TIMES:
        return True  # منتخب يعتبر يمتلك الخبرة: a verb, the predicate's clause
    return len(w) > 4 and w.endswith("يا") and w not in PLACE_NAMES  # مصيريا: an accusative nisba


def object_opening(w: str) -> bool:
    """``w`` opens a statement-like object: a content head (ضرورة), a verbal noun of فعول (صدور) or إفعال."""
    return (
        w in OBJECT_HEADS
        or masdar_like(w)
        or ifaal(w)  # ، إغلاق كافة مساجدها
        or (len(w) == 4 and w[2] == "و" and not w.startswith("ال"))
    )


def written_passive(view: TextView, fp: int) -> bool:
    """The perfect's first letter carries a damma as written (أُعلن، ذُكر): the passive voice."""
    o = view.norm.to_original(fp)
    return view.text[o + 1 : o + 2] == "\u064f"


def hypothetical(view: TextView, h: Hit) -> bool:
    """A perfect after إذا or لو in its own clause is a supposition, not a report.

    إذا جاء شخص ما إليك وقال: "..."، لو قال الوزير ذلك: nothing was said;
    the condition reaches back over a few words, to a comma or sentence end.
    """
    if h.entry.form is not ReportForm.PERFECT or view.ft[h.p] == "ف":
        return False  # (لو كان مكاني فأجاب: the answer is the main clause)
    ft = view.ft
    start = max(h.fs, h.p - 60)
    if CONDITIONAL_LETTERS.search(ft, start, h.p) is None:
        return False  # the common case, at C speed: no conditional word just before
    words = ft[start : h.p].split()[-6:]
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w[-1:] in ".،,:؛!؟?" or w[:1] in QUOTES or w in ANSWER_OPENERS:
            return False  # (a sentence end, a quotation, or the answer clause: فقد أشادت)
        if w in CONDITIONALS or (w[:1] in "وف" and w[1:] in CONDITIONALS):
            # (a noun after it: ولم يكن لو النجم الوحيد الذي انتقد، لو is the actor Rob Lowe)
            return k + 1 == len(words) or not words[k + 1].startswith("ال")
    return False


def direct(view: TextView, h: Hit, i: int, at: int) -> bool:
    """The content of واصل، أكمل follows at once: the verb, at most a short source, then a clause.

    Most often these verbs say an action went on (واصل الجيش قصف المدينة،
    تواصل البرامج فعالياتها): they report only where a quotation, a colon
    or a complementiser follows the verb or a source of a few plain words
    (وواصل «...»، وأكمل المدرب: ...), with no object (حديثه) between.
    """
    after = h.after
    if at - i > 3 or not is_clause(after, at):
        return False
    return all(t[KIND] == "w" and not view.possessed(t) and t[TEXT] not in KEYS for t in after[i:at])


def turned_out(view: TextView, h: Hit, prev: str) -> bool:
    """تبيّن (it turned out), spelt like بيّن's imperfect: no subject before, a clause or a time next."""
    after = h.after
    if (
        not after
        or h.q - h.p > 5  # (cheap first: تبين، وتبين، فتبين)
        or view.ft[h.p : h.q] not in TURNED_OUT
        or (prev not in ("", ".") and not h.entry.proclitic)
    ):
        return False
    w = after[0][TEXT]
    return w in COMPS or w in TIMES or w.startswith("حين")


def relative_clause(view: TextView, h: Hit) -> bool:
    """After الذي/التي, the verb describes its antecedent and reports nothing.

    A verb there that goes on with a preposition other than its own or
    with a word in tanween (التي ترى في بيوت الله، الذي يعتبر مصيريا) is no
    attribution; a clause always reports.
    """
    entry, after = h.entry, h.after
    if not after or after[0][KIND] != "w" or entry.suffix:
        return False
    first = after[0][TEXT]
    if first[:3] == "بال" and "ب" not in entry.lemma.preps and first[1:] not in TIMES and first != "بالامس":
        return True  # أبحاثهم التي نشرت بالدورية العلمية "...": where it appeared, not what it said
    if anchor(h, 0, entry.lemma, limit=8, clause_only=True) is not None:
        return False
    if len(after) > 1 and (first, after[1][TEXT]) in CLOSED_ADJUNCT_PAIRS:
        return False  # روسيا التي أشادت من جهتها بالقمة
    if first in PREPS_BEFORE and first not in entry.lemma.preps:
        return True
    return view.accusative(after[0])

"""The lexicon of reporting words: lemmas as data, inflected forms by rule.

This module owns the reporting lexicon and the word classes the report
finder reads its context with (``data/report_words.json``,
:data:`WORD_CLASSES`).  ``data/reporting_verbs.json`` lists
the *lemmas* only (citation form, derivational pattern, gloss, category and a
few context flags).  Every surface form a news text may use is generated here
by rule from the lemma and its pattern:

* the perfect, 3rd person, m/f, singular/dual/plural (أكد أكدت أكدا أكدتا أكدوا أكدن),
  with object pronouns for verbs that take a statement-like object (اعتبره);
* the imperfect, 3rd person (يؤكد تؤكد يؤكدان يؤكدون يؤكدوا يؤكدن);
* the circumstantial active participle with its gender/number endings
  (مؤكدا مؤكدة مؤكدين مؤكدتين);
* the verbal noun, bare, with the article, with ب/ل and with pronoun
  suffixes (قوله تأكيده بالذكر للقول);
* the passive of hollow verbs (قيل يقال أشير يشار); passives written like
  the active (يذكر أن) are told apart in context by :mod:`arnewsparse.reports`;
* the و/ف proclitics and the spelling variants that :func:`normalize.fold`
  does not already erase (a hamza seat written as a bare و/ي: يوكد، قايلا).

Weak roots (hollow, defective, doubled, assimilated) get their own pattern
rules; where a lemma is irregular the data file gives the one or two stems it
needs (``impf``, ``part``, ``masdar``) and the affixes are still added by rule.

Every key is folded with :func:`arnewsparse.normalize.fold`, so :data:`FORMS`
is a plain dict from a folded token to its :class:`Entry`: one hash look-up
per token, no regex alternation.  When two analyses share the letters, the
first one generated wins (lemmas in data-file order, forms in the order
perfect, imperfect, participle, passive, verbal noun), which is why the data
file lists the frequent lemmas first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any, Final

import attrs

from arnewsparse.model import ReportForm
from arnewsparse.normalize import fold

__all__ = ["CATEGORIES", "FORMS", "LEMMAS", "WORD_CLASSES", "Entry", "Lemma", "generate_forms", "lookup"]


@attrs.frozen(slots=True)
class Lemma:
    """One reporting lemma and the context flags the report finder (arnewsparse.reports) needs."""

    lemma: str
    """Citation form with hamza written (``أكد``); shadda is dropped."""
    gloss: str
    category: str
    pattern: str
    preps: tuple[str, ...] = ()
    """Folded prepositions that introduce the reported content (``الي`` for أشار إلى)."""
    obj: bool = False
    """The verb may take a statement-like direct object (أكد أهمية ...)."""
    strict: bool = False
    """Only a complementiser, colon or quotation makes it a report (ambiguous letters)."""
    impersonal: bool = False
    """The imperfect may be an impersonal passive (يذكر أن، يشار إلى أن)."""
    via: str = ""
    """A preposition standing between the verb and its source (جاء في بيان ... أن)."""
    subject_only: bool = False
    """Only counts with its subject before it or right after it (نص القرار على أن)."""
    preps_only: bool = False
    """Only its own preposition introduces content (عبر عن، not عبر "via")."""
    sends: bool = False
    """Its object is a message, criticism or charges, which may stand right after it (ووجه رسالة)."""
    passive_predicate: bool = False
    """The imperfect is often the passive (يُعتبر "is considered") before a predicate: no report there."""
    direct: bool = False
    """Only a clause, colon or quotation right after the verb or its source (وواصل «...»)."""
    tells: bool = False
    """Its object is the person told or warned, which may stand between the source and the
    clause (طمأن العقيد فلان الشعب بأن، حذر أوباما المشرعين من أن)."""


@attrs.frozen(slots=True)
class Entry:
    """What one folded token means: a lemma in one form with its agreement."""

    lemma: Lemma
    form: ReportForm
    agreement: str
    """``m``/``f`` singular, ``d``/``fd`` dual, ``p``/``fp`` plural, ``""`` unknown."""
    proclitic: int = 0
    """Number of leading characters that are proclitics (و ف ب ل ال)."""
    suffix: str = ""
    """Pronoun suffix on a verb or verbal noun (ه ها هم)."""


CATEGORIES: Final = (
    "say",
    "assert",
    "announce",
    "disclose",
    "demand",
    "warn",
    "deny",
    "express",
    "judge",
    "convey",
    "document",
)

_SHADDA: Final = "\u0651"
_PRONOUNS: Final = ("ه", "ها", "هم", "هما")
_VERB_PROCLITICS: Final = ("", "و", "ف")
_NOUN_PROCLITICS: Final = ("", "و", "ب", "ل", "وب", "ول")
_DEF_PROCLITICS: Final = ("ال", "وال", "بال", "لل", "وبال", "ولل")


def _stems(lemma: str, pattern: str, data: dict[str, Any]) -> dict[str, Any]:
    """The stems a pattern derives from the lemma; ``data`` overrides any of them.

    Returns ``perf`` (the perfect as cited), ``impf`` (the imperfect after its
    person prefix), ``part`` (the participle, masculine, no ending), ``masdar``
    (list), ``pass_perf`` and ``pass_impf`` (hollow verbs only, else ``""``).
    """
    L = lemma
    impf = part = pass_perf = pass_impf = ""
    masdar: list[str] = []
    if pattern == "I":
        impf = L[1:] if L[0] == "و" else L  # assimilated: وصف -> يصف
        part = ("آ" + L[1:]) if L[0] == "أ" else L[0] + "ا" + L[1:]
        masdar = [L]
    elif pattern == "I-doubled":  # نص، عد، حث
        impf = L
        part = L[0] + "ا" + L[1] + L[1]
        masdar = [L]
    elif pattern == "I-hollow":  # قال
        impf = L[0] + "و" + L[2]
        part = L[0] + "ائ" + L[2]
        masdar = [impf]
        pass_perf = L[0] + "ي" + L[2]
        pass_impf = L[0] + "ا" + L[2]
    elif pattern == "I-defective":  # دعا، نفى، روى
        base = L[:-1]
        impf = base + ("و" if L[-1] == "ا" else "ي")
        part = base[0] + "ا" + base[1:] + "ي"
    elif pattern == "II":  # أكد، شدد
        impf = ("ؤ" if L[0] == "أ" else L[0]) + L[1:]
        part = "م" + impf
        masdar = ["ت" + L[0] + L[1] + "ي" + L[2]]
    elif pattern == "III":  # طالب
        impf = L
        part = "م" + L
        masdar = ["م" + L + "ة"]
    elif pattern == "III-defective":  # نادى
        impf = L[:-1] + "ي"
        part = "م" + impf
    elif pattern == "IV":  # أعلن، أوضح
        s = L[1:]
        impf = s
        part = "م" + s
        masdar = ["إ" + ("ي" if s[0] == "و" else s[0]) + s[1] + "ا" + s[2]]
    elif pattern == "IV-hollow":  # أشار
        c1, c3 = L[1], L[3]
        impf = c1 + "ي" + c3
        part = "م" + impf
        masdar = ["إ" + c1 + "ا" + c3 + "ة"]
        pass_perf = "أ" + c1 + "ي" + c3
        pass_impf = c1 + "ا" + c3
    elif pattern == "IV-doubled":  # أقر
        impf = L[1:]
        part = "م" + impf
        masdar = ["إ" + L[1] + L[2] + "ا" + L[2]]
    elif pattern == "IV-defective":  # أبدى
        impf = L[1:-1] + "ي"
        part = "م" + impf
    elif pattern in ("V", "VI"):  # توقع، تساءل
        impf = L
        part = "م" + L
        masdar = [L]
    elif pattern == "V-defective":  # تمنى
        impf = L
        part = "م" + L[:-1] + "ي"
    elif pattern in ("VII", "VIII", "X"):  # اعتبر، استنكر
        impf = L[1:]
        part = "م" + impf
        masdar = [L[:-1] + "ا" + L[-1]]
    elif pattern == "VIII-defective":  # ادعى
        impf = L[1:-1] + "ي"
        part = "م" + impf
        masdar = [L[:-1] + "اء"]
    else:
        raise ValueError(f"unknown pattern {pattern!r} for {lemma!r}")
    out: dict[str, Any] = {
        "perf": L,
        "impf": impf,
        "part": part,
        "masdar": masdar,
        "pass_perf": pass_perf,
        "pass_impf": pass_impf,
    }
    for key in out:
        if key in data:
            out[key] = data[key]
    return out


Form = tuple[str, ReportForm, str, str]
"""``(surface, form, agreement, pronoun suffix)`` before proclitics and folding."""


def _perfect(perf: str, hollow_short: str, obj: bool) -> Iterator[Form]:
    P = ReportForm.PERFECT
    if perf[-1] in "اى":  # defective: دعا دعت دعوا دعتا / رأى رأت رأيا رأوا
        base = perf[:-1]
        yield perf, P, "m", ""
        yield base + "ت", P, "f", ""
        yield base + ("وا" if perf[-1] == "ا" else "يا"), P, "d", ""
        yield base + "تا", P, "fd", ""
        yield base + "وا", P, "p", ""
        yield base + ("ون" if perf[-1] == "ا" else "ين"), P, "fp", ""
        if obj:
            for pr in _PRONOUNS:
                yield base + "ا" + pr, P, "m", pr  # رآه (folded راه), دعاه
                yield base + "ت" + pr, P, "f", pr
        return
    yield perf, P, "m", ""
    yield perf + "ت", P, "f", ""
    yield perf + "ا", P, "d", ""
    yield perf + "تا", P, "fd", ""
    yield perf + "وا", P, "p", ""
    yield (hollow_short or perf) + "ن", P, "fp", ""
    for pr in _PRONOUNS if obj else ():
        yield perf + pr, P, "m", pr
        yield perf + "ت" + pr, P, "f", pr
        yield perf + "و" + pr, P, "p", pr


def _imperfect(stem: str, obj: bool, form: ReportForm = ReportForm.IMPERFECT) -> Iterator[Form]:
    if stem[-1] in "وي":  # يدعو يدعوان يدعون / ينفي ينفيان ينفون
        dual, plural = stem + "ان", stem[:-1] + "و"
    elif stem[-1] == "ى":  # يرى يريان يرون
        dual, plural = stem[:-1] + "يان", stem[:-1] + "و"
    else:
        dual, plural = stem + "ان", stem + "و"
    yield "ي" + stem, form, "m", ""
    yield "ت" + stem, form, "f", ""
    yield "ي" + dual, form, "d", ""
    yield "ت" + dual, form, "fd", ""
    yield "ي" + plural + "ن", form, "p", ""
    yield "ي" + plural + "ا", form, "p", ""  # subjunctive/jussive يقولوا
    if stem[-1] not in "ويى":
        yield "ي" + stem + "ن", form, "fp", ""
    for pr in _PRONOUNS if obj else ():
        base = stem[:-1] + "ا" if stem[-1] == "ى" else stem  # يراه
        yield "ي" + base + pr, form, "m", pr
        yield "ت" + base + pr, form, "f", pr


def _participle(part: str, with_article: bool) -> Iterator[Form]:
    A = ReportForm.PARTICIPLE
    plural = part[:-1] + "ين" if part[-1] == "ي" else part + "ين"  # داعين، مؤكدين
    yield part + "ا", A, "m", ""
    yield part + "اً", A, "m", ""
    yield part + "ة", A, "f", ""
    yield plural, A, "p", ""
    yield part + "تين", A, "fd", ""
    yield part + "ات", A, "fp", ""
    if with_article:  # القائل بأن، القائلة إن
        yield "ال" + part, A, "m", ""
        yield "ال" + part + "ة", A, "f", ""
        yield "ال" + plural, A, "p", ""


def _verbal_noun(masdar: str) -> Iterator[tuple[str, str, str]]:
    """``(proclitic, word, suffix)`` for every verbal noun form."""
    bound = masdar[:-1] + "ت" if masdar[-1] == "ة" else masdar  # دعوة -> دعوته
    for pro in _NOUN_PROCLITICS:
        yield pro, masdar, ""
        for pr in _PRONOUNS:
            yield pro, bound + pr, pr
    for pro in _DEF_PROCLITICS:
        word = masdar[1:] if pro.endswith("لل") and masdar[0] == "ل" else masdar
        yield pro, word, ""


def _variants(word: str) -> Iterator[str]:
    """Spelling variants fold() keeps apart: hamza on و/ي written bare (يوكد، قايلا)."""
    yield word
    if "ؤ" in word:
        yield word.replace("ؤ", "و")
    if "ئ" in word:
        yield word.replace("ئ", "ي")


def generate_forms(lemma: Lemma, data: dict[str, Any]) -> Iterator[tuple[str, Entry]]:
    """Every folded surface form of ``lemma`` with its entry, in priority order."""
    raw_lemma = str(data["lemma"]).replace(_SHADDA, "")
    st = _stems(raw_lemma, lemma.pattern, data)
    allowed = set(data.get("forms", ("perfect", "imperfect", "participle", "passive", "verbal_noun")))
    verbs: list[Form] = []
    if "perfect" in allowed:
        short = raw_lemma[0] + raw_lemma[2] if lemma.pattern == "I-hollow" else ""
        perfect = list(_perfect(st["perf"], short, lemma.obj or bool(data.get("pron"))))
        if data.get("pron") and not lemma.obj:
            # "pron": the feminine perfect also takes ه, the pronoun that stands
            # for ما in a relative clause naming the source (حسب ما ذكرته
            # الوكالة، وفق ما نقلته).  Masculine letters (نقله، ذكره) are far
            # more often the verbal noun or another sense (نقله إلى المستشفى);
            # ها/هم point back to a noun (تصريحات نقلتها الوكالة) whose own
            # report is the verb before it.
            perfect = [f for f in perfect if not f[3] or (f[2] == "f" and f[3] == "ه")]
        verbs += perfect
    if "imperfect" in allowed and st["impf"]:
        verbs += _imperfect(st["impf"], lemma.obj)
    for surface, form, agr, suffix in verbs:
        for pro in _VERB_PROCLITICS:
            for v in _variants(surface):
                yield fold(pro + v), Entry(lemma, form, agr, len(pro), suffix)
    if "participle" in allowed and st["part"]:
        for surface, form, agr, suffix in _participle(st["part"], bool(data.get("part_al"))):
            for pro in ("", "و"):
                for v in _variants(surface):
                    yield fold(pro + v), Entry(lemma, form, agr, len(pro), suffix)
    if "passive" in allowed:
        passive: list[Form] = []
        if st["pass_perf"]:
            passive += [(st["pass_perf"], ReportForm.PASSIVE, "m", "")]
            passive += [(st["pass_perf"] + "ت", ReportForm.PASSIVE, "f", "")]
        if st["pass_impf"]:
            passive += [("ي" + st["pass_impf"], ReportForm.PASSIVE, "m", "")]
            passive += [("ت" + st["pass_impf"], ReportForm.PASSIVE, "f", "")]
        for surface, form, agr, suffix in passive:
            for pro in _VERB_PROCLITICS:
                yield fold(pro + surface), Entry(lemma, form, agr, len(pro), suffix)
    if "verbal_noun" in allowed:
        for masdar in st["masdar"]:
            for pro, word, suffix in _verbal_noun(masdar):
                for v in _variants(word):
                    yield (
                        fold(pro + v),
                        Entry(lemma, ReportForm.VERBAL_NOUN, "", len(pro), suffix),
                    )


def _load() -> tuple[tuple[Lemma, ...], dict[str, Entry]]:
    text = resources.files("arnewsparse").joinpath("data/reporting_verbs.json").read_text("utf-8")
    raw = json.loads(text)
    lemmas: list[Lemma] = []
    forms: dict[str, Entry] = {}
    for item in raw["lemmas"]:
        if item["category"] not in CATEGORIES:
            raise ValueError(f"unknown category {item['category']!r} for {item['lemma']!r}")
        lemma = Lemma(
            lemma=str(item.get("cite_as", item["lemma"])).replace(_SHADDA, ""),
            gloss=item["gloss"],
            category=item["category"],
            pattern=item["pattern"],
            preps=tuple(fold(p) for p in item.get("preps", ())),
            obj=bool(item.get("obj")),
            strict=bool(item.get("strict")),
            impersonal=bool(item.get("impersonal")),
            via=fold(item.get("via", "")),
            subject_only=bool(item.get("subject_only")),
            preps_only=bool(item.get("preps_only")),
            direct=bool(item.get("direct")),
            passive_predicate=bool(item.get("passive_predicate")),
            sends=bool(item.get("sends")),
            tells=bool(item.get("tells")),
        )
        lemmas.append(lemma)
        for key, entry in generate_forms(lemma, item):
            forms.setdefault(key, entry)
    for word in raw.get("not_forms", {}).get("words", ()):
        forms.pop(fold(word), None)  # a noun homograph (مدينة "city"), not the verb
    return tuple(lemmas), forms


_LOADED: Final = _load()
LEMMAS: Final[tuple[Lemma, ...]] = _LOADED[0]
FORMS: Final[dict[str, Entry]] = _LOADED[1]


def _load_word_classes() -> dict[str, frozenset[str]]:
    """The word classes of ``data/report_words.json``, each folded into a frozenset."""
    text = resources.files("arnewsparse").joinpath("data/report_words.json").read_text("utf-8")
    raw = json.loads(text)["classes"]
    # folded here too, so a word written with hamza or ta marbuta in the file still matches
    return {name: frozenset(fold(w) for w in item["words"]) for name, item in raw.items()}


WORD_CLASSES: Final[dict[str, frozenset[str]]] = _load_word_classes()
"""The report finder's word classes (complementisers, adjuncts, titles, name particles ...),
by name, folded; the data file gives each one's purpose."""


def lookup(token: str) -> Entry | None:
    """The entry for one token (folded here), or ``None``."""
    return FORMS.get(fold(token))

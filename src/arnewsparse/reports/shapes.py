"""Word and phrase shapes the speaker chunker decides with.

This module owns the small tests on one word or a few tokens that say where a
noun phrase may go on or must stop: a name's end, a relative adjective
(nisba), where a direct object starts, a country standing alone, a verbal-noun
shape, an honorific formula, a share of respondents, and whether a span names
anyone at all.  Each is a named rule with its reason; the word classes come
from :mod:`arnewsparse.reports.words`.
"""

from __future__ import annotations

from arnewsparse.lexicon import FORMS
from arnewsparse.model import ReportForm
from arnewsparse.reports.tokens import KIND, TEXT, Tok
from arnewsparse.reports.words import (
    ADJECTIVES,
    ADJUNCTS,
    COUNTED_NUMBERS,
    DEF_TITLES,
    DEMONSTRATIVES,
    HEADS,
    HONORIFICS,
    LINKS,
    MASCULINE_IN_H,
    NON_NP,
    NOT_NISBA,
    NOT_SPEAKERS,
    PERCENT,
    PERSON_TITLES,
    PLACE_ADJECTIVES,
    PLACE_NAMES,
    QUANTIFIERS,
    RANKS,
    RELATIVES,
    SPATIAL,
    WORD,
)


def name_end(prev: str) -> bool:
    """``prev`` can end a name (بوتين، شويغو): not a construct head, not definite."""
    return len(prev) > 2 and not (
        prev in HEADS
        or prev in LINKS
        or prev in QUANTIFIERS
        or prev in SPATIAL
        or prev.startswith(("ال", "بال", "لل", "وال", "ل", "ب"))
    )


def bare_head(w: str) -> bool:
    """``w`` is a construct head without the article (رئيس، مكتب، إدارة): a genitive must follow it."""
    return w in HEADS and not w.startswith("ال")


def quantifier(w: str) -> bool:
    """``w`` is a quantity word, bare or after ل/ب (عدد، أكثر، لأقل: لأقل من 20 سنة)."""
    return w in QUANTIFIERS or (w[:1] in "لب" and w[1:] in QUANTIFIERS)


def from_continues(prev: str, nw: str, anchored: bool) -> bool:
    """من after ``prev`` stays in the source: عدد من، or a description (الصحفي المقرب من الحكومة)."""
    if quantifier(prev):
        return True
    # a definite participle of the description: المقرب من الحكومة، المنشق عن (not المتحدث من جهته)
    return (
        anchored
        and prev.startswith("الم")
        and len(prev) > 4
        and prev not in HEADS
        and prev not in PLACE_ADJECTIVES  # الولايات المتحدة من
        and nw.startswith("ال")
        and nw not in ADJUNCTS
    )


def nisba(w: str) -> bool:
    """السوري، الرسمية، عراقيون، الفلسطينيين: a relative adjective closing a noun phrase.

    Not حماية، بداية (a verbal noun with ا before its ي), nor a noun of
    :data:`~arnewsparse.reports.words.NOT_NISBA` (معالي، مستشفى).
    """
    if len(w) <= 4 or w in NOT_NISBA:
        return False  # (معالي، مستشفى: an honorific, a noun in ى)
    k = w.rfind("ي", -4)
    return k > 0 and w.endswith(("ي", "يه", "يون", "يين")) and w[k - 1] != "ا"


def object_starts(prev: str, w: str, definite: bool) -> bool:
    """Where a verb takes a direct object, ``w`` after ``prev`` opens it, not the source.

    After a relative adjective, a definite word that is not one starts a new
    phrase (الإعلام السوري الرسمي | التدخل الأخير); after a definite word, an
    indefinite plural in ـات or noun in ـة does (وزارة الداخلية | توجيهات، السكان
    المحليين | حالة), unless it heads a name (وكالة، هيئة); so does a plural in
    ـات after an indefinite relative adjective (صحف جزائرية | تصريحات).
    """
    prev_definite = prev.startswith(("ال", "وال", "لل"))
    if definite:
        return (
            # (و + a definite word coordinates with the source: الحالي واللاعب السابق; والد، والي are nouns)
            (w.startswith("ال") or (w.startswith("وال") and len(w) <= 4))
            # (a bare word in ي or ية may be a name or a noun in construct, مشاري الإيداء، أهالي
            # الأحساء، مديرية الدفاع: only a definite or plural one is surely an adjective)
            and (prev_definite or prev.endswith(("يون", "يين")))
            and nisba(prev)
            and prev not in ADJECTIVES
            and not nisba(w)
            and w not in ADJECTIVES
        )
    if w in HEADS or len(w) < 4 or w[:1] in "بلو":
        return False
    # (after an indefinite relative adjective the phrase is complete too: صحف جزائرية | تصريحات)
    indefinite_close = (
        nisba(prev) and prev.endswith(("يه", "يون", "يين")) and w.endswith("ات") and not nisba(w)
    )
    if (not prev_definite or prev == "ال") and not indefinite_close:
        return False
    # (a name in الله ends in ه too: سمو الشيخ عبدالله بن زايد)
    return w.endswith(("ات", "ه")) and w not in MASCULINE_IN_H and not w.endswith("الله")


def unlike_feminine_head(prev: str, w: str, before: str) -> bool:
    """After a definite feminine noun, a definite ``w`` that is not feminine cannot be its adjective.

    An adjective agrees with its noun, so after الجامعة، النقابة، المتحدة a
    definite word with no feminine ending (ة، ـات، the ى of الكبرى folded to
    ي, the ـاء of الزرقاء) starts a new phrase: the object (ودعت الجامعة |
    المواطنين، الأمم المتحدة | الأطراف المتحاربة).  Not after a genitive
    (``before`` is an indefinite head: مدير الجامعة المكلف, the adjective is
    the head's), not a masculine plural in ة (القادة اليهود) or a counted
    number (الثلاثة الآخرين), not an elative, which does not agree (الجريمة
    الأبرز), and not a title, which opens an apposition (اللواء).
    """
    if not (prev.startswith("ال") and prev.endswith("ه") and len(prev) > 4) or prev in MASCULINE_IN_H:
        return False
    if (len(prev) == 6 and prev[3] == "ا") or prev[2:] in COUNTED_NUMBERS:
        return False  # القادة، الساسة; الثلاثة: a masculine broken plural, a number in ة
    if before and not before.startswith(("ال", "وال")) and before not in DEMONSTRATIVES:
        return False
    if not w.startswith("ال") or len(w) <= 3 or w.endswith(("ه", "ات", "ي", "يا", "اء")):
        return False
    if len(w) == 6 and w[2] == "ا":
        return False  # الأبرز، الأكبر: an elative has one form for both genders
    return not (apposition_head(w) or w[2:] in RANKS)


def unlike_plural_head(prev: str, w: str) -> bool:
    """After a sound masculine plural (للمسلمين، المسؤولون), a definite singular opens the object.

    A ل-complement closes the source's title; its adjective would be plural
    too: الاتحاد العالمي للمسلمين | المجتمع الدولي.  After a definite head
    itself the test is narrower, since a broken plural (المسؤولون الروس),
    a counted number (المعتقلين الثلاثة), a short or ه-ending word, or a
    feminine adjective of an earlier head (جماعة المرابطون المتطرفة) may
    follow and still belong to the source.
    """
    if not prev.startswith(("لل", "ال")) or len(prev) < 7 or not prev.endswith(("ين", "ون")) or nisba(prev):
        return False
    if not w.startswith("ال") or len(w) <= 4 or w.endswith(("ين", "ون", "ات")) or nisba(w):
        return False
    if prev.startswith("ال") and (
        len(w) <= 5
        or w.endswith("ه")
        or w[2:] in COUNTED_NUMBERS
        or (len(w) == 7 and w[2] == "ا" and w[5] == "ا")
    ):
        return False  # (after the head itself: المسؤولون الروس، الأتراك; الثلاثة; جماعة المرابطون المتطرفة)
    return not (apposition_head(w) or w[2:] in RANKS or (len(w) == 6 and w[2] == "ا"))


def country_then_object(first: str, w: str) -> bool:
    """After a bare city or country as the whole source, ``w`` opens the object.

    A country takes no definite word after it but its own adjective
    (الولايات المتحدة، كوريا الشمالية) or a relative clause (روسيا التي),
    nor a second country.
    """
    if first not in PLACE_NAMES or first.startswith("ال"):
        return False
    if w.startswith("ال"):
        return w not in PLACE_ADJECTIVES and w not in RELATIVES
    return w in PLACE_NAMES


def plural_verb(w: str, agreement: str) -> bool:
    """``w`` reads as a verb agreeing with a dual or plural subject (يبحثان، أكدا، يقولون)."""
    e = FORMS.get(w)
    if e is not None:
        return e.agreement == agreement and e.form in (ReportForm.PERFECT, ReportForm.IMPERFECT)
    if len(w) < 5 or w[0] not in "يت":
        return False
    return w.endswith("ان") if agreement in ("d", "fd") else w.endswith(("ون", "ن"))


def verbal_noun_shape(w: str, prev: str) -> bool:
    """After a complete source, a word of a verbal-noun pattern opens the object (هطول، حدوث، اختيار، تناوله).

    فُعول (هطول، حدوث، وصول) after a definite word, افتعال (اختيار، انتخاب) and
    تفاعُل with a pronoun (تناوله): a name does not take these shapes where a
    source has already ended in a definite word or a name.
    """
    if not prev.startswith("ال") and len(prev) < 3:
        return False
    n = len(w)
    # (after a phrase-final word only, not a title: الأمير جلوي، الشيخ سعود are names)
    if n == 4 and w[2] == "و" and (prev.startswith("لل") or (prev.startswith("ال") and nisba(prev))):
        return True  # فعول
    if n == 6 and w[0] == "ا" and w[2] == "ت" and w[-2] == "ا" and w[1] != "ل":
        return True  # افتعال (not ال + a noun of that look: التيار، التجار)
    return n >= 6 and w[0] == "ت" and w[2] == "ا" and w.endswith(("ه", "ها", "هم"))  # تفاعله


def described(prev: str, nxt: str, w: str) -> bool:
    """على after a definite participle of the description belongs to it (الدول الموقعة على البيان)."""
    participle = prev.startswith("الم") and len(prev) > 5 and prev[2:] not in HEADS
    return participle and (w != "علي" or (nxt.startswith("ال") and nxt not in ("الرغم", "الاقل")))


def apposition_head(w: str) -> bool:
    """``w`` may open an apposition after a source and a comma: a title or a relative (رئيس، الذي)."""
    return w in DEF_TITLES or w in PERSON_TITLES or w in RELATIVES


def object_after_comma(w: str) -> bool:
    """After a source and a comma, a definite word that is no title or relative adjective opens the object.

    مصطفى الكاظمي، رئيس الحكومة، | الأطراف: an apposition after a comma is a
    title (رئيس، المدير) or a description (الصحفي), not a plain definite noun.
    """
    if not w.startswith("ال") or apposition_head(w):
        return False
    core = w[2:-1] if w.endswith("ه") else w[2:]  # (الأستاذة: the feminine of a rank)
    # (الناقل، الفائز: an active participle of the description)
    return not (
        nisba(w) or w[2:] in HEADS or w[2:] in RANKS or core in RANKS or (len(w) == 6 and w[3] == "ا")
    )


def honorific_end(after: list[Tok], j: int) -> int:
    """End of a fixed honorific formula starting at ``after[j]`` (صلى الله عليه وسلم), or 0."""
    for phrase in HONORIFICS.get(after[j][TEXT], ()):
        k = j + len(phrase)
        if k <= len(after) and all(
            t[KIND] == "w" and t[TEXT] == w for t, w in zip(after[j:k], phrase, strict=True)
        ):
            return k
    return 0


def quantity_end(after: list[Tok], j: int, n: int) -> int:
    """End of a number that counts people at ``after[j]`` (87,1٪ من المجيبين، 6 من كل 10), or 0.

    Survey and poll reports make a share of the respondents the speaker: a
    number is a quantity when a percent sign or word follows it, or من.
    """
    k = j + 1
    while k + 1 < n and after[k][TEXT] in (",", ".", "،") and after[k + 1][TEXT].isdigit():
        k += 2  # 87,1 / 1.7
    if k < n and (after[k][TEXT].rstrip(")") in PERCENT or after[k][TEXT] in ("في", "من")):
        if after[k][TEXT].rstrip(")") in PERCENT:
            return k + 1
        if after[k][TEXT] == "من":
            return k
        if k + 1 < n and after[k + 1][TEXT] in ("المائه", "المئه"):
            return k + 2
    return 0


def names_someone(ft: str, speaker: tuple[int, int]) -> bool:
    """A speaker holds a word of two letters or more and is not a pronoun or function word alone."""
    key = ft[speaker[0] : speaker[1]]
    if len(key) > 3 and key.count(" ") and key[:1].isalnum():
        return True  # the common case: words, the first a letter or digit
    words = WORD.findall(key)
    if not words:
        return False
    if len(words) == 1:
        w = words[0]
        if w in NOT_SPEAKERS or (w[:1] in "وف" and w[1:] in NOT_SPEAKERS):
            return False  # (وهذا، منه، عليه، اليوم: a function word, a pronoun or a time alone)
    # (a share of respondents counts: 87٪ من المجيبين)
    return words[0].isdigit() or any(len(w) > 1 and not w.isdigit() for w in words)


def bare_name(w: str) -> bool:
    """``w`` reads as a bare personal name (ترامب، أردوغان): no article, clitic, noun or adjective ending."""
    return (
        len(w) >= 3
        and not w.startswith(("ال", "ل", "ب"))
        and not (w[0] == "م" and len(w) >= 5)  # (متقدم: a participle)
        and not w.endswith(("ه", "ي", "ات", "ون", "ين", "ا"))
        and w not in NON_NP
    )

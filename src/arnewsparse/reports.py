"""Reports: reporting words, their lemma and form, and who said what.

This module owns :func:`find_reports`.  It works on the folded view of the
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

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Sequence
from functools import lru_cache
from itertools import filterfalse, islice
from typing import Final

from arnewsparse.lexicon import FORMS, WORD_CLASSES, Entry, Lemma
from arnewsparse.model import Report, ReportForm, Span
from arnewsparse.normalize import Normalized, fold

__all__ = ["Region", "find_reports"]

Region = tuple[int, int, bool]
"""``(start, end, in_headline)``: a stretch of the text to search, in reading order."""

_WORD: Final = re.compile(r"\w+")
_KEYS: Final[frozenset[str]] = frozenset(FORMS)

_QUOTES: Final = '“”«»"„‟‹›'
_OPEN_CLOSE: Final = {"«": "»", "“": "”", "”": "“", '"': '"', "„": "“", "‹": "›", "‟": "”"}
# words, quotation marks, other punctuation runs, newlines
_PIECE: Final = re.compile(r"(\w+)|([" + _QUOTES + r"])|([^\w\s" + _QUOTES + r"]+)|(\n)")
_KIND: Final = ("p", "w", "q", "p", "n")  # by the group that matched
# what str.strip may take off a word: punctuation and quotation marks, never a letter
_STRIP: Final = ".,،:;؛!?؟()[]{}-–—/\\…'*+=<>|~^%$#@&" + _QUOTES
# a sentence end: . ! ? ; (not ".." used as a colon, not a decimal point), and a newline when hard
# (nor a dot inside an abbreviation, سي.سي.تي.في, nor one before a comma)
# (nor the dot of a one-letter abbreviation, د. النعيمي)
_END: Final = r"\.\.\.+|(?<!\.)(?<!\b\w)\.(?![.\d،,])(?!(?<=\b\w\w\.)\w)|[!?؟;؛]"
_END_SOFT: Final = re.compile(_END)
_END_HARD: Final = re.compile(_END + r"|\n")
_END_CAND_SOFT: Final = re.compile(r"[.!?؟;؛]")
_END_CAND_HARD: Final = re.compile(r"[.!?؟;؛\n]")
_QUOTE: Final = re.compile("[" + _QUOTES + "]")
_COMMA_QUOTE: Final = "،," + _QUOTES
_QUOTE_COLON: Final = re.compile("[:" + _QUOTES + "]|\\.\\.")

_WINDOW: Final = 320  # characters read after a hit: a long sentence, bounded
_SHORT: Final = 80  # the first, short read after a hit
_BACK: Final = 90  # characters read before a hit for a subject-first source
_MAX_SPEAKER: Final = 26  # words in a verb-first source (long titles exist)
_MAX_SUBJECT: Final = 12  # words in a subject-first source
_MAX_SKIP: Final = 14  # words of adjuncts between a source and its content
_MAX_HEAD: Final = 12  # words before the head of a statement-like object
_MAX_TITLE_TAIL: Final = 6  # words from مع in a title description to the complementiser

# --- word classes (folded spelling: أ/إ/آ -> ا, ى -> ي, ة -> ه) --------------


_W: Final = WORD_CLASSES


_COMPS: Final = _W["comps"]
_PREP_COMPS: Final = _W["prep_comps"]  # + ان = a clause (إلى أن، على أن)
_COLON_PUNCT: Final = frozenset((":", "..", ":-", "-:", ":«", ":“", "::", "..:", ":.", "،:"))
# أن after these is a conjunction of time or manner, not the reported clause
_NOT_COMP_BEFORE: Final = _W["not_comp_before"]
# A verb form right after one of these is a noun (على وجه السرعة، من القول).
_PREPS_BEFORE: Final = _W["preps_before"]
# An imperfect right after one of these is a subjunctive (أن يقول رأيه).
_MODAL_BEFORE: Final = _W["modal_before"]

# Adjuncts that end a verb-first source (ANNOTATION.md §2): place, occasion,
# time, audience, channel.
_ADJUNCTS: Final = _W["adjuncts"]
# ل + these: the audience or the outlet (للصحفيين، لوكالة الأنباء).
_MEDIA: Final = _W["media"]
# in/on + these: an occasion, not part of the name (في مقابلة، على هامش).
_EVENTS: Final = _W["events"]
# Clause links: a verb-first source never runs past them.
_LINKS: Final = _W["links"]
# Words that open a statement-like object (أكد بوتين أهمية ...).
_CONTENT_HEADS: Final = _W["content_heads"]
# the nouns among them, that a source cannot hold (أنكر أبو محمد الجولاني القائد العام للجبهة | وجود)
_OBJECT_HEADS: Final = _CONTENT_HEADS - {"ان", "ايه", "اي"}
# بحسب ما أفاد، وفق ما ذكرت، كما يقول: the report follows what it attributes
_ACCORDING: Final = _W["according"]
_ACCORDING_AS: Final = _W["according_as"]
_ACCORDING_PREV: Final = _ACCORDING_AS | {"ما"}
_ANONYMOUS: Final = _W["anonymous"]
# time words that may stand between a source and its object
_TIMES: Final = _W["times"]
_STOPS: Final = _W["stops"]
# Nouns used as prepositions, heads of the phrase after them (المطلعة داخل البيت الوحداوي).
_SPATIAL: Final = _W["spatial"]
_QUANTIFIERS: Final = _W["quantifiers"]
# Openers before a subject-first source (…أن روحاني أكد، وكانت الأكاديمية قد أعلنت).
_OPENERS: Final = _W["openers"]
_RELATIVES: Final = {
    "الذي": "m",
    "التي": "f",
    "الذين": "p",
    "اللذين": "d",
    "اللتين": "fd",
    "اللذان": "d",
    "اللتان": "fd",
}
# Words that can never stand inside a subject-first source.
_NON_NP: Final = _W["non_np"]
# A pronoun subject before the verb (لكنه أضاف): the source is the one already named.
_PRONOUN_SUBJECTS: Final = _W["pronoun_subjects"]
# How something was said (وأضاف بنغمة لا تخلو من التهكم، أوضح بشكل لا لبس فيه): never the source.
_MANNER: Final = _W["manner"]
_FEMININE_NAMES: Final = _W["feminine_names"]
_MONTHS: Final = _W["months"]
# Construct heads: a title or body that a definite noun may follow inside one name.
_HEADS: Final = _W["heads"]
# A word right before the verb that rules out a subject-first source (see subject_before).
_NO_SUBJECT_W: Final = _NON_NP | frozenset(FORMS)
_NO_SUBJECT_AFTER: Final = (
    (_OPENERS | (_COMPS - {"انه", "انها"}) | _NON_NP | _STOPS | _KEYS | _ADJUNCTS | _MONTHS)
    - frozenset(_RELATIVES)
    - {"قد", "فقد", "لقد", "وقد"}
)
_NO_SUBJECT_PUNCT: Final = ".:!?؟;؛\n"
# adjuncts closed by a pronoun: they may stand between a verb and its source
_CLOSED_ADJUNCTS: Final = _W["closed_adjuncts"]
_CLOSED_ADJUNCT_PAIRS: Final = frozenset(
    (a, b) for a in ("من", "عبر", "في") for b in _W["closed_adjunct_objects"]
)
_PASSIVE_AUX: Final = _W["passive_aux"]
_FIRST_PERSON_COMPS: Final = _W["first_person_comps"]
_BAN_PRONOUN: Final = _W["ban_pronoun"]
# a preposition with a pronoun pointing back to a relative (ما أشار إليه، ما طالب به)
_RESUMPTIVE: Final = frozenset(
    p + s for p in ("ب", "ل", "الي", "علي", "عن", "في", "من") for s in ("ه", "ها", "هم", "هما")
)
_DEMONSTRATIVES: Final = _W["demonstratives"]
_NO_MENTION: Final = _W["no_mention"]  # sources that name no one to refer back to
# Definite titles: a phrase they open names a source, not an addressee.
_DEF_TITLES: Final = _W["def_titles"]
# Titles that open the name of a person (for referents that were no report's source).
_PERSON_TITLES: Final = _W["person_titles"]
# Cities and countries that may stand as a feminine subject (وتأمل موسكو).
_PLACE_NAMES: Final = _FEMININE_NAMES - {"هي"}
_PLACE_ADJECTIVES: Final = _W["place_adjectives"]
# Words that head a place in a title (في مدينة عدن), so its last word names no person.
_PLACE_HEADS: Final = _W["place_heads"]
# First-person words before a participle (كنت متوقعا، إنني مؤكد): no one is reported.
_FIRST_PERSON_BEFORE: Final = _W["first_person_before"]
# Words in ب that are no ب-phrase: prepositions of their own and names (فلاديمير بوتين).
_B_NOT_OBJECT: Final = _W["b_not_object"]
# Institutions a title names with ب (الناطق الإعلامي بشرطة المنطقة، الأستاذة بجامعة).
_B_INSTITUTIONS: Final = _W["b_institutions"]
# Definite adjectives that are not relative adjectives (الجيش السوري الحر).
_ADJECTIVES: Final = _W["adjectives"]
_MASCULINE_IN_H: Final = _W["masculine_in_h"]
# Second parts of compound names (ذبيح الله، عماد الدين) and honorific formulas (صلى الله عليه وسلم).
_NAME_PARTS: Final = _W["name_parts"]
_HONORIFICS: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    first: tuple(tuple(h.split()) for h in _W["honorific_phrases"] if h.split()[0] == first)
    for first in {h.split()[0] for h in _W["honorific_phrases"]}
}
# A phrase opened by one of these before a verb is an adjunct, not its subject (خلال الاجتماع عبّر).
_PREPS_GOVERNING: Final = _W["preps_governing"]
_PERCENT: Final = _W["percent"]
_OBJECT_QUANTIFIERS: Final = _W["object_quantifiers"]
_NOT_SPEAKERS: Final = _W["not_speakers"]


class _NeedMore(Exception):
    """The short read after a hit ended before the decision could be made."""


_Tok = tuple[str, str, int, int]
"""A token: ``(text, kind, start, end)``, folded offsets; kind is "w" word,
"q" quotation mark, "p" punctuation, "n" newline."""


_Mention = tuple[Span, str, bool]
"""An explicit source: its span, its agreement class and whether it is the
source of a main clause (not one reported inside another report)."""


# the participle of قال in all its spellings: وتابع قائلا
_SAYING: Final = frozenset(
    w for w, e in FORMS.items() if e.form is ReportForm.PARTICIPLE and e.lemma.lemma == "قال"
)
_ANCHOR_WORDS: dict[tuple[int, bool], frozenset[str]] = {}


def _anchor_words(lemma: Lemma, clause_only: bool) -> frozenset[str]:
    """The words that may open the content of ``lemma`` (see :meth:`_Finder.anchor`), cached."""
    key = (id(lemma), clause_only)
    words = _ANCHOR_WORDS.get(key)
    if words is None:
        if lemma.preps_only and not clause_only:
            words = frozenset(lemma.preps)
        elif clause_only:
            words = _COMPS | _PREP_COMPS
        else:
            words = _COMPS | _PREP_COMPS | frozenset(lemma.preps) | (frozenset() if lemma.strict else _SAYING)
        _ANCHOR_WORDS[key] = words
    return words


def _read(ft: str, s: int, e: int, out: list[_Tok], ends: re.Pattern[str] | None, restart: bool) -> int:
    """Append the tokens of ``ft[s:e]`` to ``out``; return where reading stopped.

    The text is cut at spaces by ``str.split`` (C speed); a piece that is not
    all letters and digits (a word with a comma, a quotation mark or a
    newline attached) is cut by :data:`_PIECE`.  With ``ends`` (the sentence
    end pattern) reading stops after the first sentence end, or, with
    ``restart``, starts over after each (so only the tokens after the last
    end are kept).  ``e`` should fall on a space or the end of a region.
    """
    pos = s
    append = out.append
    for part in ft[s:e].split(" "):
        n = len(part)
        if part.isalnum():
            append((part, "w", pos, pos + n))
        elif n:
            if ends is not None:
                m = ends.search(part)
                if m is not None:
                    if restart:
                        last = m
                        for later in ends.finditer(part, m.end()):
                            last = later
                        out.clear()
                        _pieces(part, pos, last.end(), n, out)
                    else:
                        _pieces(part, pos, 0, m.end(), out)
                        return pos + m.end()
                    pos += n + 1
                    continue
            core = part.strip(_STRIP)
            if core.isalnum():
                i = part.find(core)
                if i:
                    if i == 1:
                        c = part[0]
                        append((c, "q" if c in _QUOTES else "p", pos, pos + 1))
                    else:
                        _pieces(part, pos, 0, i, out)
                k = i + len(core)
                append((core, "w", pos + i, pos + k))
                if k < n:
                    if k + 1 == n:
                        c = part[k]
                        append((c, "q" if c in _QUOTES else "p", pos + k, pos + n))
                    else:
                        _pieces(part, pos, k, n, out)
            else:
                _pieces(part, pos, 0, n, out)
        pos += n + 1
    return e


def _pieces(part: str, pos: int, i: int, j: int, out: list[_Tok]) -> None:
    """Tokens of ``part[i:j]`` (``part`` starts at folded offset ``pos``)."""
    for m in _PIECE.finditer(part, i, j):
        a, b = m.span()
        out.append((m.group(), _KIND[m.lastindex or 0], pos + a, pos + b))


def _b_object(w: str) -> bool:
    """``w`` may be a ب-phrase opening what the verb reports (رحب بالجهود، أشاد بتعاون).

    Not بعد/بين, not a name that happens to start with ب (فلاديمير بوتين،
    بريطانيا), not the institution of a title (الناطق الإعلامي بشرطة المنطقة).
    """
    return (
        w[:1] == "ب"
        and len(w) > 3
        and w not in _B_NOT_OBJECT
        and w not in _PLACE_NAMES
        and w[1:] not in _B_INSTITUTIONS
        and w[1:] not in _PLACE_NAMES
    )


def _inside_quotation(rest: str) -> bool:
    """A quotation that is still open closes in ``rest`` (the text after a word)."""
    for close, opening in (("»", "«"), ("”", "“")):
        i = rest.find(close)
        if i >= 0 and rest.find(opening, 0, i) < 0:
            return True
    return rest.count('"') % 2 == 1


def _may_comp(ft: str, s: int, e: int) -> bool:
    """A complementiser (أن، إن، بأن، لأن ...) may stand in ``ft[s:e]``: a cheap, generous test."""
    k = ft.find("ان", s, e)
    while k >= 0:
        a = k
        if a > s and ft[a - 1] in "بل":
            a -= 1
        if a == s or not ft[a - 1].isalnum():
            b = k + 2
            while b < e and ft[b].isalnum():
                b += 1
            if ft[a:b] in _COMPS:
                return True
        k = ft.find("ان", k + 2, e)
    return False


def _space_after(ft: str, pos: int, limit: int) -> int:
    """The first space at or after ``pos`` (at most ``limit``): a window never cuts a word."""
    if pos >= limit:
        return limit
    k = ft.find(" ", pos, limit)
    return limit if k < 0 else k


def _sentence_end(ft: str, start: int, end: int, soft: bool) -> int:
    """Where the sentence that runs on at ``start`` ends (at most ``end``).

    A plain character class finds the candidates at C speed; the full
    pattern (with its look-arounds) checks each.
    """
    cand, full = (_END_CAND_SOFT, _END_SOFT) if soft else (_END_CAND_HARD, _END_HARD)
    m = cand.search(ft, start, end)
    while m is not None:
        k = m.start()
        if full.match(ft, k, end) is not None:
            return k
        m = cand.search(ft, k + 1, end)
    return end


def _is_colon(t: _Tok) -> bool:
    return t[1] == "p" and (t[0] in _COLON_PUNCT or t[0].startswith(":") or t[0].endswith(":"))


def _masdar_like(w: str) -> bool:
    """تسليم، إخلاء، استمرار: verbal-noun patterns that open an object, not a name."""
    n = len(w)
    return (n == 5 and w[0] == "ت" and w[3] == "ي") or (n >= 7 and w.startswith("است") and w[-2] == "ا")


def _name_end(prev: str) -> bool:
    """``prev`` can end a name (بوتين، شويغو): not a construct head, not definite."""
    return len(prev) > 2 and not (
        prev in _HEADS
        or prev in _LINKS
        or prev in _QUANTIFIERS
        or prev in _SPATIAL
        or prev.startswith(("ال", "بال", "لل", "وال", "ل", "ب"))
    )


def _from_continues(prev: str, nw: str, anchored: bool) -> bool:
    """من after ``prev`` stays in the source: عدد من، or a description (الصحفي المقرب من الحكومة)."""
    if prev in _QUANTIFIERS:
        return True
    # a definite participle of the description: المقرب من الحكومة، المنشق عن (not المتحدث من جهته)
    return (
        anchored
        and prev.startswith("الم")
        and len(prev) > 4
        and prev not in _HEADS
        and prev not in _PLACE_ADJECTIVES  # الولايات المتحدة من
        and nw.startswith("ال")
        and nw not in _ADJUNCTS
    )


def _nisba(w: str) -> bool:
    """السوري، الرسمية، عراقيون، الفلسطينيين: a relative adjective closing a noun phrase.

    Not حماية، بداية (a verbal noun with ا before its ي).
    """
    if len(w) <= 4:
        return False
    k = w.rfind("ي", -4)
    return k > 0 and w.endswith(("ي", "يه", "يون", "يين")) and w[k - 1] != "ا"


def _object_starts(prev: str, w: str, definite: bool) -> bool:
    """Where a verb takes a direct object, ``w`` after ``prev`` opens it, not the source.

    After a relative adjective, a definite word that is not one starts a new
    phrase (الإعلام السوري الرسمي | التدخل الأخير); after a definite word, an
    indefinite plural in ـات or noun in ـة does (وزارة الداخلية | توجيهات، السكان
    المحليين | حالة), unless it heads a name (وكالة، هيئة).
    """
    if definite:
        return (
            w.startswith(("ال", "وال"))
            and _nisba(prev)
            and prev not in _ADJECTIVES
            and not _nisba(w)
            and w not in _ADJECTIVES
        )
    if not prev.startswith(("ال", "وال")) or prev == "ال" or w in _HEADS or len(w) < 4 or w[:1] in "بلو":
        return False
    return w.endswith(("ات", "ه")) and w not in _MASCULINE_IN_H


def _country_then_object(first: str, w: str) -> bool:
    """After a bare city or country as the whole source, ``w`` opens the object.

    A country takes no definite word after it but its own adjective
    (الولايات المتحدة، كوريا الشمالية) or a relative clause (روسيا التي),
    nor a second country.
    """
    if first not in _PLACE_NAMES or first.startswith("ال"):
        return False
    if w.startswith("ال"):
        return w not in _PLACE_ADJECTIVES and w not in _RELATIVES
    return w in _PLACE_NAMES


def _plural_verb(w: str, agreement: str) -> bool:
    """``w`` reads as a verb agreeing with a dual or plural subject (يبحثان، أكدا، يقولون)."""
    e = FORMS.get(w)
    if e is not None:
        return e.agreement == agreement and e.form in (ReportForm.PERFECT, ReportForm.IMPERFECT)
    if len(w) < 5 or w[0] not in "يت":
        return False
    return w.endswith("ان") if agreement in ("d", "fd") else w.endswith(("ون", "ن"))


def fold_key(text: str) -> str:
    """Fold a mention for the agreement test."""
    return fold(text)


@lru_cache(maxsize=4096)
def _gender_number(key: str) -> str:
    """Rough agreement class of a folded mention: m, f, d (two or more) or p."""
    words = key.split()
    if not words:
        return "m"
    if any(w.startswith("و") and len(w) > 2 and not w.startswith("وز") for w in words[1:3]):
        return "d"
    first = words[0].strip("«»\"“”'()")
    core = first[2:] if first.startswith("ال") else first
    if core.endswith("ون") or (first.startswith("ال") and core.endswith("ين") and len(core) > 4):
        return "p"
    if first in _FEMININE_NAMES or (core.endswith("ه") and first not in _MASCULINE_IN_H and len(core) > 2):
        return "f"
    return "m"


def _agrees(verb: str, mention: str) -> bool:
    if verb in ("", "m"):
        return mention == "m"
    if verb == "f":
        return mention in ("f", "p")  # broken plurals and bodies take a feminine verb
    return mention in ("d", "p")


def _names_someone(ft: str, speaker: tuple[int, int]) -> bool:
    """A speaker holds a word of two letters or more and is not a pronoun or function word alone."""
    words = _WORD.findall(ft, speaker[0], speaker[1])
    if not words or (len(words) == 1 and words[0] in _NOT_SPEAKERS):
        return False
    # (a share of respondents counts: 87٪ من المجيبين)
    return words[0].isdigit() or any(len(w) > 1 and not w.isdigit() for w in words)


def _honorific_end(after: list[_Tok], j: int) -> int:
    """End of a fixed honorific formula starting at ``after[j]`` (صلى الله عليه وسلم), or 0."""
    for phrase in _HONORIFICS.get(after[j][0], ()):
        k = j + len(phrase)
        if k <= len(after) and all(
            t[1] == "w" and t[0] == w for t, w in zip(after[j:k], phrase, strict=True)
        ):
            return k
    return 0


def _quantity_end(after: list[_Tok], j: int, n: int) -> int:
    """End of a number that counts people at ``after[j]`` (87,1٪ من المجيبين، 6 من كل 10), or 0.

    Survey and poll reports make a share of the respondents the speaker: a
    number is a quantity when a percent sign or word follows it, or من.
    """
    k = j + 1
    while k + 1 < n and after[k][0] in (",", ".", "،") and after[k + 1][0].isdigit():
        k += 2  # 87,1 / 1.7
    if k < n and (after[k][0].rstrip(")") in _PERCENT or after[k][0] in ("في", "من")):
        if after[k][0].rstrip(")") in _PERCENT:
            return k + 1
        if after[k][0] == "من":
            return k
        if k + 1 < n and after[k + 1][0] in ("المائه", "المئه"):
            return k + 2
    return 0


class _Finder:
    """State carried through one text: hits, mentions, the report list."""

    def __init__(self, text: str, norm: Normalized) -> None:
        self.text = text
        self.norm = norm
        self.ft = norm.text
        self.identity = norm.is_identity
        self.mentions: list[_Mention] = []
        self.reports: list[Report] = []
        self.last_report_region = -1
        self.soft = False
        self.ends = _END_HARD
        self.region_end = 0
        self.truncated = False
        self.speaker_start = self.speaker_end = -1  # the last explicit source, folded offsets
        self.in_headline = False
        self.p = 0  # the hit being read, and its region start
        self.fs = 0
        self.after_start = 0
        self._before: list[_Tok] | None = None
        self._prev: str | None = None
        self.tails: set[str] = set()  # last words of explicit mentions: known names
        self.names: set[str] = set()  # the tails that name a source, not a place in its title
        self.quotes: deque[tuple[int, int]] = deque()  # folded spans of quotations still open at the hits
        self.quote_end = 0  # where the region or the quotation holding the hit ends
        self.governing: tuple[int, Span] | None = None  # (region, source) of the last main report
        self.opener = ""  # what stood before the last subject-first source
        # where a coordinated reporting verb (وأضاف، وقالت) opens a new clause: what one
        # report attributes ends there ("وأكد أن X، وأضاف أن Y" holds two contents)
        self.clause_starts: list[int] = []

    # -- spans ---------------------------------------------------------------

    def span(self, fs: int, fe: int) -> Span:
        if self.identity:
            return Span(fs, fe, self.text[fs:fe])
        s, e = self.norm.span(fs, fe)
        return Span(s, e, self.text[s:e])

    # -- one hit ---------------------------------------------------------------

    def hit(self, idx: int, p: int, q: int, entry: Entry, fs: int, fe: int, in_headline: bool) -> None:
        """Read the context of one hit; most decisions need only a few words after it.

        The window after the hit is read short first; only when the short
        window ends before the sentence does and the decision needs more is
        it read on (up to :data:`_WINDOW` characters).  The words before the
        hit are read only when a decision needs them.
        """
        lemma = entry.lemma
        ft = self.ft
        if self.speaker_start <= p < self.speaker_end:
            return  # inside the source of the report before (تاجر طلب عدم كشف اسمه)
        if entry.form is ReportForm.PERFECT:
            first = lemma.lemma[0]
            if first in "اأ":
                o = self.norm.to_original(p + entry.proclitic)
                c = self.text[o : o + 1]
                # a hamza on the alef of a Form VII/VIII/X verb marks the 1st person (أعتقد);
                # a perfect never opens with إ: إدانة، إعلان are verbal nouns
                if (first == "ا" and c in "أإ") or (first == "أ" and c == "إ"):
                    return
        self.region_end = fe
        self.in_headline = in_headline
        self.p = p
        self.fs = fs
        self._before = None
        self._prev = None
        s2 = q
        while s2 < fe and ft[s2] in " \n":
            s2 += 1
        self.after_start = s2
        if not self.may_report(entry, s2, fe):
            return
        limit = min(fe, q + _WINDOW)
        # a verb inside a quotation attributes nothing past its closing mark
        quotes = self.quotes
        while quotes and quotes[0][1] <= p:
            quotes.popleft()
        self.quote_end = fe
        for a, b in quotes:
            if a <= p < b < self.quote_end:
                self.quote_end = b
        limit = min(limit, self.quote_end)
        after: list[_Tok] = []
        end = _space_after(ft, q + _SHORT, limit)
        stop = _read(ft, s2, end, after, self.ends, False)
        self.truncated = stop == end and end < limit
        try:
            self.analyse(idx, p, q, entry, after, in_headline)
        except _NeedMore:
            self.truncated = False
            _read(ft, stop + 1, limit, after, self.ends, False)
            self.analyse(idx, p, q, entry, after, in_headline)

    def may_report(self, entry: Entry, s2: int, fe: int) -> bool:
        """Cheap tests on the text that rule a hit out before its context is tokenised.

        Each repeats a test :meth:`analyse` would make on the tokens, so the
        result is the same: a bare or definite verbal noun (الإعلان) and a
        word after a preposition (من القول) never report; a lemma that needs a
        clause (بين، عبر) cannot report when no colon, quotation or
        complementiser follows in its sentence; جاء needs its في.
        """
        lemma = entry.lemma
        form = entry.form
        ft = self.ft
        if form is ReportForm.VERBAL_NOUN:
            definite = entry.proclitic or ft[self.p : self.p + 2] == "ال"
            if definite and not entry.suffix and "ذكر" not in lemma.lemma and not self.periphrastic():
                return False
        elif entry.proclitic == 0 and form is not ReportForm.PASSIVE:
            prev = self.prev_word()
            if prev in _PREPS_BEFORE and not (prev == "من" and form is ReportForm.IMPERFECT):
                return False
            if form is ReportForm.IMPERFECT and prev in _MODAL_BEFORE:
                return False
        if lemma.via:
            return ft.startswith(lemma.via, s2)
        if (lemma.strict or lemma.preps_only) and not self.in_headline and not self.after_comma():
            # (after a quotation, "..."، بيّن الوزير, the statement came before)
            if entry.proclitic == 0 and self.prev_word() in _ACCORDING_PREV:
                return True
            e = min(fe, s2 + _WINDOW)
            e = _sentence_end(ft, s2, e, self.soft) + 1
            if lemma.preps_only:
                return any(ft.find(w, s2, e) >= 0 for w in lemma.preps)
            return _QUOTE_COLON.search(ft, s2, e) is not None or _may_comp(ft, s2, e)
        return True

    def before(self) -> list[_Tok]:
        """The tokens before the hit, back to the sentence start (at most :data:`_BACK` characters)."""
        b = self._before
        if b is None:
            b = []
            start = max(self.fs, self.p - _BACK)
            if start > self.fs and self.ft[start - 1] != " ":
                start = _space_after(self.ft, start, self.p)
            _read(self.ft, start, self.p, b, self.ends, True)
            self._before = b
        return b

    def prev_word(self) -> str:
        """The word right before the hit, or "" (punctuation, a sentence start); cached."""
        w = self._prev
        if w is None:
            w = self._prev = self._prev_word()
        return w

    def _prev_word(self) -> str:
        b = self._before
        if b is not None:
            return b[-1][0] if b and b[-1][1] == "w" else ""
        ft = self.ft
        j = self.p
        fs = self.fs
        while j > fs and ft[j - 1] == " ":
            j -= 1
        if j == fs or not ft[j - 1].isalnum():
            return ""
        k = max(ft.rfind(" ", fs, j) + 1, fs)
        w = ft[k:j]
        if w.isalnum():
            return w
        b = self.before()
        return b[-1][0] if b and b[-1][1] == "w" else ""

    def analyse(
        self,
        idx: int,
        p: int,
        q: int,
        entry: Entry,
        after: list[_Tok],
        in_headline: bool,
    ) -> None:
        lemma = entry.lemma
        form = entry.form

        if form is ReportForm.VERBAL_NOUN:
            self.verbal_noun(p, q, entry, after, in_headline, idx)
            return

        prev = self.prev_word() if entry.proclitic == 0 else ""
        who: tuple[int, int] | None = None
        if form is ReportForm.IMPERFECT and prev == "من":
            t = self.before()[-1]
            who = (t[2], t[3])  # هناك من يقول: the relative pronoun is the source
        elif form in (ReportForm.PERFECT, ReportForm.IMPERFECT, ReportForm.PARTICIPLE):
            if entry.proclitic == 0 and prev in _PREPS_BEFORE:
                return  # على وجه السرعة، من القول: a noun, not a verb
            if form is ReportForm.IMPERFECT and entry.proclitic == 0 and prev in _MODAL_BEFORE:
                return  # أن يقول رأيه: a subjunctive, not a report
            if prev == "ما" and self.relative_subject(entry, after):
                return  # ما يؤكد وجود تأخير: "which confirms", the relative is the subject

        if after:
            k = 1 if after[0][0] == "عن" and len(after) > 1 else 0
            if after[k][0] in _ANONYMOUS:
                return  # لم يذكر اسمه، لم يكشف عن هويته: withholding a name, not a report

        if form is ReportForm.PARTICIPLE:
            if prev in _FIRST_PERSON_BEFORE:
                return  # كنت متوقعا أن: the writer's or speaker's own words, no report
            at = self.anchor(after, 0, lemma, limit=10)
            # مطالبة، مؤكدة، موجهة: the feminine form is often a noun or an adjective
            # (حالة مؤكدة، قيود مشددة); it reports before a clause, a colon or a
            # quotation, or where a comma shows it opens a new phrase (، مشيرة إلى)
            feminine = entry.agreement == "f" and self.ft[q - 1] == "ه"
            if feminine and (at is None or not self.is_clause(after, at)) and not self.after_comma():
                return
            if at is None and lemma.obj and after and after[0][1] == "w" and after[0][0] not in _ADJUNCTS:
                at = 0
            if at is None:
                return
            self.emit(p, q, entry, form, None, after, at, in_headline, idx, resolve=True)
            return

        if form is ReportForm.PASSIVE:
            at = self.anchor(after, 0, lemma, limit=3)
            if at is None:
                return
            self.emit(p, q, entry, form, None, after, at, in_headline, idx, resolve=False)
            return

        # perfect / imperfect
        if lemma.impersonal and form is ReportForm.IMPERFECT and entry.agreement == "m" and after:
            # يذكر أن، يشار إلى أن: nothing between the verb and the clause
            at = self.anchor(after, 0, lemma, limit=2, clause_only=True)
            if at is not None:
                self.emit(p, q, entry, ReportForm.PASSIVE, None, after, at, in_headline, idx, resolve=False)
                return

        if (
            form is ReportForm.PERFECT
            and lemma.obj
            and not entry.suffix
            and after
            and after[0][0] in _BAN_PRONOUN
            and entry.agreement in ("m", "f")
        ):
            # ما وصف بأنه، مفاوضات وصفت بأنها: with neither source nor object
            # before بأنه, the verb is a passive (وُصف)
            self.emit(p, q, entry, ReportForm.PASSIVE, None, after, 0, in_headline, idx, resolve=False)
            return

        start_i = 0
        if lemma.via:  # جاء في بيان المنظمة أن
            if not after or after[0][0] != lemma.via:
                return
            start_i = 1

        if who is None and prev in _PRONOUN_SUBJECTS:
            at = self.subject_first_content(after, lemma)  # لكنه أكد مواصلة العمل: the object
            if at is not None:
                self.emit(p, q, entry, form, None, after, at, in_headline, idx, resolve=True)
            return
        subject: tuple[int, int] | None = who
        if who is None and entry.proclitic == 0 and not lemma.via and not self.no_subject(prev):
            subject = self.subject_before(self.before(), in_headline, entry.agreement)
        if subject is not None:
            at = self.subject_first_content(after, lemma)
            if at is None and in_headline and not lemma.strict and (self.has_words(after) or not after):
                at = 0  # a headline: مصر تتوقع فائضا، وزير النقل يوضح
            if at is None:
                return
            self.emit(p, q, entry, form, subject, after, at, in_headline, idx, resolve=True)
            return
        if lemma.subject_only:
            return
        if lemma.strict and entry.proclitic == 0 and prev:
            pw = prev
            if (
                pw not in _OPENERS
                and pw not in _COMPS
                and pw not in ("كما", "قد", "وقد", "فقد", "لقد", "ما")
                and not pw.startswith(
                    ("لل", "بال")
                )  # (لكن للأسف اكتشف الطلبة أنهم: an adjunct before the verb)
            ):
                return  # التعاون بين طهران وموسكو: "between", not a verb

        verb_first_source = entry.agreement in ("m", "f", "") or bool(lemma.via)
        if start_i < len(after) and after[start_i][0] in _CLOSED_ADJUNCTS:
            start_i += 1  # ورحب بدوره ...
        elif start_i + 1 < len(after) and (after[start_i][0], after[start_i + 1][0]) in _CLOSED_ADJUNCT_PAIRS:
            start_i += 2  # ورحب من خلاله مغردون عراقيون: the source follows the adjunct
        at = self.anchor(after, start_i, lemma, limit=_MAX_SPEAKER + _MAX_SKIP)
        speaker: tuple[int, int] | None = None
        if at is not None:
            end = (
                self.source_end(
                    after,
                    start_i,
                    at,
                    lemma,
                    anchored=True,
                    # وعدّ المجلس الدعوات بأنها ...: the pronoun points back to an object
                    split=not self.is_clause(after, at) or after[at][0] in _BAN_PRONOUN,
                )
                if verb_first_source
                else start_i
            )
            gap = 10 if after[at][0] in _BAN_PRONOUN else 4  # an object may stand before بأنها
            if lemma.strict and (at - end > gap or end - start_i > 12):
                return
            if lemma.obj and end < at and after[end][0] in _CONTENT_HEADS:
                at = end  # أكد X أهمية ...: the object, not a later clause
            if end == start_i and at - start_i > _MAX_SKIP:
                return
            if end > start_i and self.addressee(entry, after, start_i, end, at, idx):
                end = start_i  # ودعا الأطراف الخارجية إلى: whom he called on, not who called
            if end > start_i:
                speaker = (after[start_i][2], after[end - 1][3])
        elif self.postposed():
            # "..."، يقول المصدر: the attribution follows the quotation
            end = self.source_end(after, start_i, len(after), lemma, anchored=False)
            if end == start_i:
                return
            speaker = (after[start_i][2], after[end - 1][3])
            at = len(after)
        elif lemma.obj and not lemma.strict and not lemma.preps_only:
            head = self.content_head(after, start_i) if verb_first_source else None
            if head is not None and self.source_end(after, start_i, head, lemma, anchored=True) == head:
                end = head  # أنكر أبو محمد الجولاني القائد العام للجبهة | وجود ...: the object's head
            elif verb_first_source:
                end = self.source_end(after, start_i, len(after), lemma, anchored=False)
            else:
                end = start_i
            obj = end
            while obj < len(after) and after[obj][0] in _TIMES and obj - end < 3:
                obj += 1  # أكد مصدر أمني صباح اليوم خروج ...: a time between source and object
            if obj >= len(after) and self.truncated:
                raise _NeedMore
            if obj >= len(after) or after[obj][1] != "w" or after[obj][0] in _ADJUNCTS:
                if self.according(prev):
                    self.attributed(p, q, entry, form, after, start_i, lemma, in_headline, idx)
                return
            if end > start_i:
                speaker = (after[start_i][2], after[end - 1][3])
            at = obj
        elif self.according(prev):
            self.attributed(p, q, entry, form, after, start_i, lemma, in_headline, idx)
            return
        else:
            return
        if speaker is None and entry.proclitic and entry.agreement not in ("m", "f", ""):
            speaker = self.coordinated_subject(entry.agreement)
        self.emit(p, q, entry, form, speaker, after, at, in_headline, idx, resolve=True)

    def coordinated_subject(self, agreement: str) -> tuple[int, int] | None:
        """The subject-first source of the first verb of a coordination, as folded offsets.

        بوتين وروحاني يبحثان ... ويؤكدان: a dual or plural verb after و shares
        the subject that opens its sentence (or headline, or what follows a
        colon) before the first verb, where that verb is an imperfect or a
        reporting verb agreeing with it.
        """
        b = self.before()
        s = 0
        for k in range(len(b) - 1, -1, -1):
            if b[k][1] == "n" or _is_colon(b[k]):
                s = k + 1
                break
        for k in range(s, min(len(b), s + _MAX_SUBJECT + 1)):
            t = b[k]
            w = t[0]
            if t[1] != "w":
                return None
            if k > s and _plural_verb(w, agreement):
                subject = self.trim(b[s], b[k - 1])
                key = self.ft[subject[0] : subject[1]]
                return subject if _agrees(agreement, _gender_number(key)) else None
            if w in _NON_NP or w in _OPENERS or w in _STOPS or w in _ADJUNCTS:
                return None
        return None

    def verbal_noun(
        self,
        p: int,
        q: int,
        entry: Entry,
        after: list[_Tok],
        in_headline: bool,
        idx: int,
    ) -> None:
        """قوله، تأكيده، بالذكر: a verbal noun reports only with a clause right after it."""
        lemma = entry.lemma
        before = self.before()
        prev = before[-1][0] if before else ""
        if prev in ("حد", "حسب", "عدم", "من", "اجل", "دون", "بعد", "قبل"):
            return  # على حد قوله، عدم الكشف، من القول
        impersonal = "ذكر" in lemma.lemma
        if not entry.suffix and not impersonal and (entry.proclitic or self.ft[p : p + 2] == "ال"):
            if self.periphrastic():
                # تم التأكيد على ضرورة ...: a passive in all but form, with no source
                # (an assertion's preposition opens what is asserted; تم الإعلان عن المنتج names the act)
                at = self.anchor(after, 0, lemma, limit=2, clause_only=lemma.category != "assert")
                if at is not None and (at == 0 or self.is_clause(after, at)):
                    self.emit(p, q, entry, entry.form, None, after, at, in_headline, idx, resolve=False)
            return  # the definite noun (الإعلان عن ...) names the act, it rarely reports
        speaker: tuple[int, int] | None = None
        if entry.suffix:
            speaker = self.source_after_an(before)
        limit = 8 if speaker is not None else 1
        at = self.anchor(after, 0, lemma, limit=limit, clause_only=True)
        if at is None:
            return
        if impersonal and not entry.suffix:
            self.emit(p, q, entry, entry.form, None, after, at, in_headline, idx, resolve=False)
            return
        self.emit(p, q, entry, entry.form, speaker, after, at, in_headline, idx, resolve=bool(entry.suffix))

    # -- context tests -----------------------------------------------------------

    def addressee(self, entry: Entry, after: list[_Tok], i: int, end: int, at: int, idx: int) -> bool:
        """``after[i:end]`` is whom a demand is addressed to, the source being the last one.

        ودعا الأطراف الخارجية إلى ...: after و, a demand verb (دعا، طالب، حث،
        ناشد) whose own preposition follows a definite phrase that opens with no
        title, where the source is already known (this paragraph or the one before).
        """
        lemma = entry.lemma
        if lemma.category != "demand" or not entry.proclitic or end != at:
            return False
        gov = self.governing
        if gov is None or gov[0] < idx - 1:
            return False  # no source in this paragraph or the one before
        if after[at][0] not in lemma.preps and not (after[at][0][:1] == "ب" and "ب" in lemma.preps):
            return False
        first = after[i][0]
        return (
            after[i][1] == "w"
            and first.startswith("ال")
            and first[2:] not in _HEADS
            and first not in _DEF_TITLES
            and all(t[1] == "w" and t[0].startswith("ال") for t in after[i:end])
        )

    def periphrastic(self) -> bool:
        """The definite verbal noun follows تم or جرى: تم التأكيد على = "it was affirmed"."""
        return self.ft.startswith("ال", self.p) and self.prev_word() in _PASSIVE_AUX

    def after_comma(self) -> bool:
        """The hit follows a comma or a closing quotation mark."""
        ft = self.ft
        j = self.p
        while j > self.fs and ft[j - 1] == " ":
            j -= 1
        return j > self.fs and ft[j - 1] in _COMMA_QUOTE

    def content_head(self, after: list[_Tok], i: int) -> int | None:
        """Index of a word that opens a statement-like object (وجود، أهمية) in the words after ``after[i]``.

        Only an unbroken run of words that may stand in a name (no
        punctuation, no preposition) is searched, at most :data:`_MAX_HEAD`
        of them.
        """
        n = len(after)
        stop = min(n, i + _MAX_HEAD)
        for k in range(i + 1, stop):
            t = after[k]
            w = t[0]
            if t[1] != "w" or w in _NON_NP or (w[:1] == "ل" and w[:2] != "لل"):
                return None  # (لإيران تعزز أهمية: a preposition ends the source first)
            if w in _OBJECT_HEADS:
                return k
        if stop == n and self.truncated:
            raise _NeedMore
        return None

    def relative_subject(self, entry: Entry, after: list[_Tok]) -> bool:
        """After ما (not بحسب ما، وفق ما), the relative is the subject of the verb.

        ما يؤكد وجود تأخير، ما جدد الآمال: "which confirms, which renewed".
        Where ما is the object, the verb or a preposition after it carries a
        pronoun that points back to it (ما أكده الوزير، ما أشار إليه)، or the
        verb agrees with a feminine source (ما ذكرت الصحيفة), a title or a
        plural opens the source (ما أعلن الرئيس، ما قال متعاملون), or the
        clause after it points back to ما (ما زعم أنه التدخل).
        """
        if entry.suffix or entry.agreement not in ("m", "") or self.according("ما"):
            return False
        if after and after[0][1] == "w":
            w = after[0][0]
            if w in _RESUMPTIVE or w in _DEF_TITLES or w in _HEADS or (len(w) > 4 and w.endswith("ون")):
                return False  # (a plural in ـون is nominative: ما قال متعاملون إنه)
            if w in _COMPS and (w.endswith(("ه", "ها", "هم")) or entry.lemma.impersonal):
                return False  # ما قال إنها فتوى: the pronoun points back to ما; ما يذكر أن
        return True

    def according(self, prev: str) -> bool:
        """The verb attributes what came before: بحسب ما أفاد، وفق ما أفادت، كما يقول."""
        if prev in _ACCORDING_AS:
            return True
        if prev != "ما":
            return False
        b = self.before()
        return len(b) > 1 and b[-2][0] in _ACCORDING

    def attributed(
        self,
        p: int,
        q: int,
        entry: Entry,
        form: ReportForm,
        after: list[_Tok],
        start_i: int,
        lemma: Lemma,
        in_headline: bool,
        idx: int,
    ) -> None:
        """Emit a report whose statement came before it; its source follows the verb, if any."""
        end = start_i
        if entry.agreement in ("m", "f", ""):
            end = self.source_end(after, start_i, len(after), lemma, anchored=True)
        speaker = (after[start_i][2], after[end - 1][3]) if end > start_i else None
        self.emit(p, q, entry, form, speaker, after, len(after), in_headline, idx, resolve=True)

    @staticmethod
    def has_words(after: list[_Tok]) -> bool:
        return any(t[1] == "w" for t in after[:3])

    def postposed(self) -> bool:
        """The verb follows a closing quotation mark (and maybe a comma): "..."، يقول."""
        ft = self.ft
        j = self.p
        while j > self.fs and ft[j - 1] == " ":
            j -= 1
        if j == self.fs or ft[j - 1].isalnum():
            return False
        before = self.before()
        k = len(before) - 1
        if k >= 0 and before[k][1] == "p" and before[k][0] in (",", "،"):
            k -= 1
        return k >= 0 and before[k][1] == "q"

    def subject_first_content(self, after: list[_Tok], lemma: Lemma) -> int | None:
        """Where the content starts after a verb whose subject stands before it, or None."""
        at = self.anchor(after, 0, lemma, limit=4 if lemma.strict else 12)
        if at is None and lemma.obj and self.has_words(after):
            at = 0  # a statement-like object right after the verb
        return at

    @staticmethod
    def is_clause(after: list[_Tok], k: int) -> bool:
        """``after[k]`` opens a clause, a colon or a quotation (not a preposition)."""
        t = after[k]
        if t[1] == "q" or _is_colon(t) or t[0] in _COMPS:
            return True
        return t[0] in _PREP_COMPS and k + 1 < len(after) and after[k + 1][0] in _COMPS

    def quoted_name(self, after: list[_Tok], k: int) -> int:
        """End index of a «سانا»-like quoted name at ``after[k]``, or 0.

        A name is closed within four words and followed by more words; a
        quotation runs on.
        """
        n = len(after)
        opening = after[k][0]
        close = _OPEN_CLOSE.get(opening, opening)
        j = k + 1
        while j < n and j <= k + 4 and after[j][1] == "w":
            j += 1
        if j + 1 >= n and self.truncated:
            raise _NeedMore
        if j == k + 1 or j >= n or after[j][0] not in (close, opening):
            return 0
        nxt = after[j + 1] if j + 1 < n else None
        if nxt is None:
            return 0
        if nxt[0] in (",", "،") and j + 2 < n and after[j + 2][0] in _COMPS:
            return j + 1  # صحيفة "South China Morning Post"، أن
        if not (nxt[1] == "w" or _is_colon(nxt)):
            return 0
        return j + 1

    def anchor(
        self,
        after: list[_Tok],
        start: int,
        lemma: Lemma,
        *,
        limit: int,
        clause_only: bool = False,
    ) -> int | None:
        """Index of the first token that introduces attributed content, or None."""
        n = len(after)
        k = start
        stop = min(n, start + limit)
        cands = _anchor_words(lemma, clause_only)
        b_prep = not clause_only and "ب" in lemma.preps
        while k < stop:
            t = after[k]
            if t[1] == "w":
                w = t[0]
                if w not in cands and not (b_prep and w[:1] == "ب"):
                    k += 1  # the common case: a word that cannot open the content
                    continue
            elif t[1] == "q":
                end = self.quoted_name(after, k)
                if end and not clause_only:
                    k = end
                    continue
                return None if lemma.preps_only else k
            if t[1] != "w":
                if _is_colon(t):
                    return None if lemma.preps_only else k
                k += 1
                continue
            w = t[0]
            if lemma.preps_only and not clause_only:
                if w in lemma.preps or (b_prep and _b_object(w)):
                    return k  # رحب ب / أشاد بتعاون الشركاء
                k += 1
                continue
            if w in _COMPS:
                pw = after[k - 1][0] if k > 0 else ""
                if pw not in _NOT_COMP_BEFORE:
                    return k
            elif w in _PREP_COMPS and k + 1 < n and after[k + 1][0] in _COMPS:
                return k
            elif not clause_only:
                if w in lemma.preps:
                    return k
                if b_prep and _b_object(w):
                    return k
                if w in _SAYING and not lemma.strict:
                    return k  # وتابع قائلا، غرد قائلا
            k += 1
        if self.truncated and stop == n:
            raise _NeedMore  # the short read ended inside the sentence
        return None

    def source_end(
        self, after: list[_Tok], i: int, limit: int, lemma: Lemma, *, anchored: bool, split: bool = False
    ) -> int:
        """End index (exclusive) of a verb-first source starting at ``after[i]``.

        ``anchored``: a clause, colon or quotation was found at ``after[limit]``,
        so words such as إلى or على before it belong to a title (مبعوث الرئيس
        الخاص إلى سورية) and a comma may open an apposition (برشلونة، متصدر
        الدوري).  Otherwise (a preposition or a direct object follows) the
        source also stops where the object starts.
        """
        j = i
        n = min(limit, len(after))
        words = 0
        seen_definite = False
        plain = 0  # indefinite words in a row before after[j]: a personal name's length
        counted = -1  # where a quantity (87٪، أكثر من) ended: من and a number may go on
        split = split or not anchored
        short = self.truncated and limit >= len(after) - 1
        if short:
            n = len(after) - 1  # keep one token of look-ahead; reading past it needs more
        while j < n and words < _MAX_SPEAKER:
            t = after[j]
            w = t[0]
            if t[1] == "q":
                end = self.quoted_name(after, j)
                if not end:
                    break
                j = end
                words += 1
                continue
            if t[1] != "w":
                if w in ("-", "–", "/") and j > i and j + 1 < n and after[j + 1][1] == "w":
                    j += 1  # a hyphenated name
                    continue
                if w == "(" and j > i:  # (سي.سي.تي.في) after a name, (73,2٪) after a share
                    k = j + 1
                    while k < n and k < j + 8 and not after[k][0].endswith(")"):
                        k += 1
                    if k < n and after[k][0].endswith(")"):
                        j = k + 1
                        continue
                if w == "." and j > i and len(after[j - 1][0]) == 1 and j + 1 < n and after[j + 1][1] == "w":
                    j += 1  # an abbreviated title: د. أحمد عزيز
                    continue
                if w in (",", "،") and anchored and j > i and j + 1 < n and after[j + 1][1] == "w":
                    nw = after[j + 1][0]
                    if not (
                        nw in _ADJUNCTS
                        or nw in _LINKS
                        or nw in _COMPS
                        or nw[:1].isdigit()
                        or (nw.startswith("و") and (nw[1:] in _ADJUNCTS or nw[1:] in _LINKS))
                        or FORMS.get(nw) is not None
                    ):
                        j += 1  # an apposition: قداس، ضيف برنامج بوليتيكا
                        continue
                break
            nxt = after[j + 1] if j + 1 < len(after) else None
            nw = nxt[0] if nxt is not None else ""
            if (w in _HONORIFICS or w in _NAME_PARTS) and j > i and after[j - 1][1] == "w":
                h = _honorific_end(after, j) if w in _HONORIFICS else 0
                if h:
                    j = h  # النبي صلى الله عليه وسلم: the formula is part of the name
                    words += 1
                    continue
                if w in _NAME_PARTS and not after[j - 1][0].startswith("ال"):
                    j += 1  # ذبيح الله مجاهد، عماد الدين: one name
                    words += 1
                    plain += 1
                    continue
            if w[:1].isdigit() and (j in (i, counted) or after[j - 1][0] in ("كل", "نحو")):
                q = _quantity_end(after, j, n) if j == i else 0
                if q or j > i:
                    j = q or j + 1  # 87,1٪ من المجيبين، 6 من كل 10
                    counted = j
                    words += 1
                    continue
            if (w in _ADJUNCTS and w not in ("في", "من")) or w in _MANNER:
                break
            if w[:1].isdigit() or w in _MONTHS:
                break
            if w[:1] == "ب" and w[1:] in _EVENTS:
                break  # بطل قطر | بموقعه على الإنترنت، المشهداني | بكلمة: the occasion or channel
            if w == "في" and (nw in _EVENTS or nw[:1].isdigit() or nw in _ADJUNCTS or not anchored):
                break
            if w == "من" and (j == i or not (counted == j or _from_continues(after[j - 1][0], nw, anchored))):
                break
            if w == "من" and counted == j:
                j += 1  # 16,7٪ من المجيبين
                counted = j
                words += 1
                continue
            if w == "علي" and (nw in _EVENTS or not anchored or (nxt is not None and nxt[1] == "q")):
                break
            if w == "عن" and (not anchored or "عن" in lemma.preps or lemma.lemma == "نقل"):
                break
            if w == "مع" and anchored and j > i and self.title_goes_on(after, j, limit):
                j += 1  # الممثل الخاص ... لتطوير العلاقات مع سورية ألكسندر يفيموف أن
                words += 1
                continue
            if w in _COMPS or (w in _LINKS and not (j > i and nxt is not None and nxt[1] == "p")):
                break  # (a link word right before a comma is a name: الممثل روب لو، نجم ...)
            if words and (w in _CONTENT_HEADS or (split and _masdar_like(w))):
                break
            if split and words and "ب" in lemma.preps and w.startswith("بال"):
                break
            if not anchored and w in _STOPS:
                break
            if (
                w.startswith("و")
                and len(w) > 2
                and (w[1:] in _ADJUNCTS or w[1:] in _LINKS or w[1:] in _COMPS)
            ):
                break
            if w.startswith("ل") and (w[1:2].isascii() or w[1:] in _MEDIA or w in _MEDIA):
                break
            e = FORMS.get(w)
            if e is not None and j > i and (e.form is ReportForm.PARTICIPLE or e.proclitic):
                break
            if self.accusative(t):
                break
            # (a bare ال is آل folded, "the family of": عبدالباري آل عبدالله is one name)
            definite = w.startswith(("ال", "بال", "لل", "وال", "كال")) and w != "ال"
            if j == i + 1 and _country_then_object(after[i][0], w):
                break  # وتتهم بريطانيا | روسيا، ووصفت بكين | الإجراءات الأميركية
            if split and words and after[j - 1][0] in self.tails and w not in self.tails:
                break  # بوتين | المجتمع الدولي: a known name ends, the object starts
            if (
                split
                and definite
                and words >= 2
                and seen_definite
                and plain >= 2
                and _name_end(after[j - 1][0])
            ):
                break  # وزير الدفاع سيرغي شويغو | المنظمات الإنسانية (not الرئيس بشار الأسد)
            if split and words and w in _OBJECT_QUANTIFIERS:
                break  # ودعا العقيد محمد السعد | جميع المواطنين
            if split and words and w in _DEMONSTRATIVES:
                break  # وأعلنت الرئيسة المؤقتة | ذلك اليوم عيدا
            if (
                split
                and words
                and _object_starts(after[j - 1][0], w, definite)
                and w not in self.tails
                and not (definite and self.alif_maqsura(after[j - 1]))
            ):
                break  # الإعلام السوري الرسمي | التدخل الأخير، وزارة الداخلية | توجيهات جديدة
            seen_definite = seen_definite or definite
            plain = 0 if definite else plain + 1
            j += 1
            words += 1
        else:
            if short and j >= n:
                raise _NeedMore
        return j

    def title_goes_on(self, after: list[_Tok], j: int, limit: int) -> bool:
        """``مع`` at ``after[j]`` belongs to a title description, the name still to come.

        The description before it ends in a definite noun that is no known
        name (لتطوير العلاقات مع سورية), and a few plain words after it run
        to the complementiser at ``after[limit]``, the last of them a name.
        """
        if limit >= len(after) or limit - j > _MAX_TITLE_TAIL or not after[limit - 1][0]:
            return False
        prev = after[j - 1][0]
        if not prev.startswith(("ال", "لل")) or prev in self.tails:
            return False
        for t in after[j + 1 : limit]:
            w = t[0]
            if t[1] != "w" or w in _ADJUNCTS or w in _LINKS or w in _STOPS or w in _EVENTS or w in _KEYS:
                return False
        return limit - j > 2 and _name_end(after[limit - 1][0])

    def alif_maqsura(self, t: _Tok) -> bool:
        """The word ends in ى as written (مقتدى، مصطفى): a name, not a relative adjective in ـي."""
        if self.identity:
            return False
        _, e = self.norm.span(t[2], t[3])
        return self.text[e - 1 : e] == "ى"

    def accusative(self, t: _Tok) -> bool:
        """A word carrying tanween fath (اختلاقاً) is an object, never the source."""
        if self.identity:
            return False  # nothing was folded away, so there is no tanween
        s, e = self.norm.span(t[2], t[3])
        return "\u064b" in self.text[s:e]

    def no_subject(self, prev: str) -> bool:
        """What stands right before the verb rules out a subject-first source.

        A cheap test on the text, so that the words before the verb are
        tokenised only when a source may stand there.
        """
        if prev:
            # وقد أعلن / وقد حذر: the subject follows the verb
            if prev in _NO_SUBJECT_AFTER or prev[0].isdigit():
                return True
            return prev[0] == "و" and prev[1:] in _NO_SUBJECT_W
        ft = self.ft
        j = self.p
        while j > self.fs and ft[j - 1] == " ":
            j -= 1
        return j == self.fs or ft[j - 1] in _NO_SUBJECT_PUNCT

    def subject_before(self, before: list[_Tok], in_headline: bool, agreement: str) -> tuple[int, int] | None:
        """A subject-first source ending right before the verb, as folded offsets.

        Walks back from the verb over words that can stand in a noun phrase to
        a clause opener (sentence start, أن، لكن، كان ... قد, a headline colon);
        a relative pronoun (الشرطة التي أعلنت) points to its antecedent.
        """
        self.opener = ""
        if not before:
            return None
        k = len(before)
        if before[-1][0] in ("قد", "فقد", "لقد", "وقد"):  # وكانت الأكاديمية قد أعلنت
            k -= 1
        end = k
        j = k - 1
        fallback: int | None = None  # the words after a comma, if the longer phrase fails
        while j >= 0:
            t = before[j]
            w = t[0]
            if t[1] == "n":
                if j == end - 1:
                    return None  # the verb opens a line
                break
            if t[1] != "w":
                if t[1] == "p" and _is_colon(t):
                    break
                if t[1] == "p" and w in (",", "،"):
                    if j == end - 1:  # وكان المقدسي، وجه / أبازيد، الذي يرى
                        if j > 0 and before[j - 1][1] == "q":
                            return None  # "... Astronomy"، يوضح: a title or quotation ends there
                        end = j
                        j -= 1
                        continue
                    if fallback is not None and fallback != j + 1:
                        return self.fallback(before, fallback, end)
                    fallback = j + 1
                    j -= 1
                    continue
                if t[1] == "q":
                    j -= 1
                    continue
                if t[1] == "p" and w in ("(", ")", "-", "–"):
                    j -= 1
                    continue
                break
            if w in _RELATIVES and j == end - 1:
                if _RELATIVES[w] != agreement and not (agreement == "f" and w == "التي"):
                    return None  # التي أعلن عنها رئيسا روسيا: the relative is the object
                end = j
                j -= 1
                while j >= 0 and before[j][1] == "p" and before[j][0] in (",", "،"):
                    end = j
                    j -= 1
                # the antecedent: back to a preposition, a comma or a clause opener
                k2 = j
                while k2 >= 0 and end - k2 <= 6:
                    tt = before[k2]
                    if tt[1] != "w" or tt[0] in _NON_NP or tt[0] in _OPENERS or tt[0] in _KEYS:
                        break
                    if tt[0].startswith("و") and tt[0][1:] in _NON_NP:
                        break
                    k2 -= 1
                if k2 + 1 < end:
                    return self.trim(before[k2 + 1], before[end - 1])
                return None
            if w in _OPENERS or (w in _COMPS and w not in ("انه", "انها")):
                self.opener = w
                break
            if w in _PREPS_GOVERNING and w not in ("عبر", "حول"):
                return None  # خلال الاجتماع عبّر، بعد الجولة، قالت: the phrase is the preposition's
            if (w in _ADJUNCTS and w not in ("في", "من", "عبر", "حول")) or w[:1].isdigit() or w in _MONTHS:
                break  # نسمع اليوم رئيس الوزراء يقول
            if w in _NON_NP or w in _STOPS or w in _KEYS or w in _ADJUNCTS:
                if fallback is not None:
                    return self.fallback(before, fallback, end)
                return None
            if w.startswith("و") and (w[1:] in _NON_NP or w[1:] in _KEYS):
                if fallback is not None:
                    return self.fallback(before, fallback, end)
                return None
            if end - j > _MAX_SUBJECT + (3 if fallback is not None else 0):
                if fallback is not None:
                    return self.fallback(before, fallback, end)
                return None
            j -= 1
        if j == end - 1:
            return None
        if before[j + 1][0].startswith(("يت", "يست", "وي", "تت")):
            return None  # وفيما يتعلق بـ ... لفت: a verb, not a subject
        if not self.may_be_subject(before[j + 1 : end]):
            return None
        return self.trim(before[j + 1], before[end - 1])

    def may_be_subject(self, toks: list[_Tok]) -> bool:
        """A run of words before the verb can be its subject: no time phrase, adverb or prepositional phrase.

        نيسان الجاري، قال؛ وأخيرًا، شددت؛ للأسف، اكتشف: a subject is a nominative
        noun phrase, so a phrase of time, an adverb in tanween fath or one opened
        by a preposition (لل، بال) is an adjunct, and the subject follows the verb.
        """
        words = [t for t in toks if t[1] == "w"]
        if not words:
            return False
        first = words[0][0]
        if first.startswith(("لل", "بال", "كال")) or first in _NOT_SPEAKERS:
            return False
        if any(t[0] in _TIMES or t[0] in _MONTHS for t in words):
            return False
        return not (len(words) == 1 and self.accusative(words[0]))

    def fallback(self, before: list[_Tok], start: int, end: int) -> tuple[int, int] | None:
        if start >= end or any(t[1] != "w" for t in before[start:end]):
            return None
        return self.trim(before[start], before[end - 1])

    def trim(self, first: _Tok, last: _Tok) -> tuple[int, int]:
        """The span from ``first`` to ``last``, without a clinging و/ف (فالتلفزيون)."""
        s = first[2]
        if first[1] == "w" and first[0][:1] in "وف" and first[0][1:3] == "ال":
            s += 1
        return (s, last[3])

    def source_after_an(self, before: list[_Tok]) -> tuple[int, int] | None:
        """``عن X قوله``: the source of a possessive verbal noun, after عن."""
        j = len(before) - 1
        stop = max(-1, j - 10)
        while j > stop:
            t = before[j]
            if t[1] not in ("w", "q"):
                return None
            if t[0] == "عن":
                if j + 1 < len(before):
                    return (before[j + 1][2], before[-1][3])
                return None
            if t[0] in _NON_NP or t[0] in _KEYS:
                return None
            j -= 1
        return None

    # -- referents in the verb's own sentence -------------------------------------

    def in_sentence(self, entry: Entry, form: ReportForm) -> Span | None:
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
        possessive = form is ReportForm.VERBAL_NOUN and bool(entry.suffix) and self.ft[self.p] == "و"
        feminine = agreement == "f" and form in (ReportForm.PERFECT, ReportForm.IMPERFECT)
        plural = (
            agreement not in ("m", "f", "")
            and entry.proclitic > 0
            and form in (ReportForm.PERFECT, ReportForm.IMPERFECT)
        )
        if not (possessive or feminine or plural):
            return None
        toks = self.sentence_before()
        if not toks:
            return None
        start = toks[0][2] if self.identity else self.norm.to_original(toks[0][2])
        # (the nearest mentions only, so a long text does not make each look-up longer)
        sources = [m for m in islice(reversed(self.mentions), _LOOK_BACK) if m[0].start >= start][::-1]
        if possessive:
            after_source = self.norm.to_folded(sources[-1][0].end) if sources else -1
            for k in range(len(toks) - 1, -1, -1):
                t = toks[k]
                if t[2] < after_source:
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
                if toks[k][0] in _COMPS:
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

    def person_at(self, toks: list[_Tok], k: int) -> Span | None:
        """The person named from a title at ``toks[k]``, not inside a prepositional phrase."""
        if toks[k][0] not in _PERSON_TITLES or (k > 0 and toks[k - 1][0] in _PREPS_BEFORE):
            return None
        return self.span(toks[k][2], toks[self.title_phrase(toks, k) - 1][3])

    def place_subject(self, toks: list[_Tok], first: int) -> Span | None:
        """The first city or country from ``toks[first]`` on that may be a subject.

        Not after a preposition (مع دمشق) nor after a definite word, where it is
        an adjective or an apposition (الفتاة السعودية، العاصمة العراقية بغداد);
        with its adjectives (الولايات المتحدة، كوريا الشمالية).
        """
        prev = ""
        for k in range(first, len(toks)):
            t = toks[k]
            w = t[0]
            if t[1] != "w":
                continue
            if w in _PLACE_NAMES and prev not in _PREPS_BEFORE and not prev.startswith("ال"):
                j = k + 1
                while j < len(toks) and toks[j][0] in _PLACE_ADJECTIVES:
                    j += 1
                return self.span(t[2], toks[j - 1][3])
            prev = w
        return None

    def named_again(self) -> Span | None:
        """A known source named again after the last mention, as a verb's subject.

        A name that was a source before (جونس) and comes back as the subject
        of a verb that reports nothing (يستخدم جونس حسابات تويتر) makes that
        source the topic again: a later dropped subject refers to it, not to
        the last report's source.
        """
        if not self.names or not self.mentions:
            return None
        last = self.mentions[-1][0].end
        if not self.identity:
            last = self.norm.to_folded(last)
        start = max(last, self.p - _SENTENCE_BACK)
        if start >= self.p:
            return None
        ft = self.ft
        words = list(_WORD.finditer(ft, start, self.p))
        for k in range(len(words) - 1, 0, -1):
            m = words[k]
            w = m.group()
            if w in self.names and w not in _PLACE_NAMES:
                v = words[k - 1].group()
                v = v[1:] if v[:1] == "و" else v
                if (
                    m.start() - words[k - 1].end() == 1
                    and 3 < len(v) < 7
                    and v[0] in "يت"
                    and not _masdar_like(v)
                    and not _inside_quotation(ft[m.end() : self.p])
                ):
                    # the last source named again is still the last source (its fuller mention is kept)
                    latest = self.mentions[-1][0].text.rsplit(None, 1)[-1:]
                    if latest and fold_key(latest[0]).strip(_QUOTES + "()") == w:
                        return None
                    return self.span(m.start(), m.end())  # يستخدم جونس: not تأكيد كوهين
        return None

    def sentence_before(self) -> list[_Tok]:
        """The tokens of the hit's sentence before it (at most :data:`_SENTENCE_BACK` characters)."""
        ft = self.ft
        start = max(self.fs, self.p - _SENTENCE_BACK)
        if start > self.fs and ft[start - 1] != " ":
            start = _space_after(ft, start, self.p)
        out: list[_Tok] = []
        _read(ft, start, self.p, out, self.ends, True)
        return out

    @staticmethod
    def title_phrase(toks: list[_Tok], k: int) -> int:
        """End (exclusive) of the person named from the title at ``toks[k]``.

        Title, description and name (السيد الرئيس بشار الأسد، وزير الدفاع
        الروسي سيرغي شويغو), up to a word no name holds, the object that
        follows it (اتصالا هاتفيا) or the verb after a subject (الأسد تلقى).
        """
        j = k + 1
        n = min(len(toks), k + _MAX_TITLE_PHRASE)
        while j < n:
            t = toks[j]
            w = t[0]
            if t[1] != "w" or w in _NON_NP or w in _ADJUNCTS or w in _LINKS or w in _STOPS or w in _KEYS:
                break
            if w in _COMPS or (w[:1] in "وف" and len(w) > 2 and not w.startswith("وزير")):
                break  # a clause or the next phrase (ونظيره)
            prev = toks[j - 1][0]
            after_name = prev.startswith("ال") and prev not in _PERSON_TITLES
            if after_name and not w.startswith("ال") and (w.endswith("ا") or w[:1] in "تي"):
                break  # الأسد | اتصالا هاتفيا، الأسد | تلقى
            j += 1
        return j

    # -- building the record -----------------------------------------------------

    def resolve(self, entry: Entry, form: ReportForm, idx: int) -> Span | None:
        """The explicit mention a report without a source refers to.

        First its own sentence (see :meth:`in_sentence`).  A participle or
        possessive verbal noun belongs to the governing report (the last
        main-clause report of the same paragraph).  Otherwise the most recent
        main-clause mention that agrees with the verb wins, then any mention
        that agrees, then the most recent one.
        """
        agreement = entry.agreement
        near = self.in_sentence(entry, form)
        if near is not None:
            return near
        gov = self.governing
        if form in (ReportForm.PARTICIPLE, ReportForm.VERBAL_NOUN) and gov is not None:
            g_idx, g_span = gov
            if g_idx == idx and (
                agreement in ("", "m") or _agrees(agreement, _gender_number(fold_key(g_span.text)))
            ):
                return g_span
        if agreement in ("m", "") and form is not ReportForm.VERBAL_NOUN:
            again = self.named_again()
            if again is not None:
                return again
        for primary_only in (True, False):
            # the nearest mentions only: a long article must not make each look-back longer
            for m_span, m_agreement, m_primary in islice(reversed(self.mentions), _LOOK_BACK):
                if primary_only and not m_primary:
                    continue
                if agreement == "" or _agrees(agreement, m_agreement):
                    return m_span
        if self.mentions:
            return self.mentions[-1][0]
        return None

    def emit(
        self,
        p: int,
        q: int,
        entry: Entry,
        form: ReportForm,
        speaker: tuple[int, int] | None,
        after: list[_Tok],
        content_at: int,
        in_headline: bool,
        idx: int,
        *,
        resolve: bool,
    ) -> None:
        verb = self.span(p, q)
        sp: Span | None = None
        resolved: Span | None = None
        # hits come in text order: a quotation that ended before p can never hold a later hit
        quotes = self.quotes
        while quotes and quotes[0][1] <= p:
            quotes.popleft()
        quoted = any(a <= p < b for a, b in quotes)
        if quoted and content_at < len(after) and after[content_at][0] in _FIRST_PERSON_COMPS:
            return  # وقال: حوارنا مع الوزير أظهر أننا قلقون: the speaker's own words
        if speaker is not None and not _names_someone(self.ft, speaker):
            speaker = None  # a quotation mark, a bracket or a pronoun alone names no one
        embedded = quoted or (speaker is not None and speaker[1] <= p and self.opener in _COMPS)
        if speaker is not None:
            if speaker[0] > p:
                self.speaker_start, self.speaker_end = speaker
            sp = self.span(*speaker)
            key = self.ft[speaker[0] : speaker[1]]
            if key not in _NO_MENTION:
                self.mentions.append((sp, _gender_number(key), not embedded))
            words = key.rsplit(None, 2)
            last = words[-1].strip(_QUOTES + "()") if words else ""
            if len(last) > 2 and not last.startswith("ال"):
                self.tails.add(last)
                # (في مدينة عدن ends a title with a place, not a person's name)
                if len(words) < 2 or (words[-2] not in _PREPS_BEFORE and words[-2] not in _PLACE_HEADS):
                    self.names.add(last)
            resolved = sp
        elif resolve:
            resolved = self.resolve(entry, form, idx)
        content: Span | None = None
        quote: Span | None = None
        if content_at < len(after):
            ft = self.ft
            c0 = after[content_at]
            cs = c0[2]
            if c0[1] == "w" and c0[0] in _COMPS:
                cs = c0[3]
                while cs < self.region_end and ft[cs] == " ":
                    cs += 1
            # bounded: a run-on "sentence" must not make every report's content the rest of the text
            stop = _sentence_end(ft, cs, min(self.quote_end, cs + _MAX_CONTENT), self.soft)
            j = bisect_right(self.clause_starts, cs)
            if j < len(self.clause_starts) and self.clause_starts[j] < stop:
                stop = self.clause_starts[j]
            ce = stop
            while ce > cs and ft[ce - 1] in _CONTENT_TRAIL:
                ce -= 1
            mq = _QUOTE.search(ft, c0[2], stop)
            if mq is not None:
                qs = mq.start()
                opening = ft[qs]
                closing = _OPEN_CLOSE.get(opening, opening)
                limit = min(self.region_end, qs + _MAX_QUOTE)  # a quotation closes in its paragraph
                qe = ft.find(closing, qs + 1, limit)
                if qe < 0 and closing != opening:
                    qe = ft.find(opening, qs + 1, limit)
                if qe > qs + 1:
                    quote = self.span(qs + 1, qe)
                    self.quotes.append((qs + 1, qe))
                    if qs == cs:
                        ce = qe + 1
            elif _is_colon(c0) and stop > c0[3]:
                # a quotation opened by the speaker's colon runs to the end of its sentence
                self.quotes.append((c0[3], stop))
            if ce > cs:
                content = self.span(cs, ce)
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
        self.last_report_region = idx
        # a main verb governs what follows, and so does a verbal noun with its
        # source (ونقلت «سانا» عن البرلماني قوله ... موضحا)
        governs = form in (ReportForm.PERFECT, ReportForm.IMPERFECT) or (
            form is ReportForm.VERBAL_NOUN and sp is not None
        )
        if resolved is not None and not embedded and governs:
            self.governing = (idx, resolved)


_MAX_CONTENT: Final = 600
_CONTENT_TRAIL: Final = frozenset(" \t\n\xa0،,؛;")
_MAX_QUOTE: Final = 4001
_LOOK_BACK: Final = 64
_SENTENCE_BACK: Final = 400  # characters read back to the start of a verb's sentence for a referent
_MAX_TITLE_PHRASE: Final = 8  # words in a person named from a title (السيد الرئيس بشار الأسد)
_FIND_EACH_MAX: Final = 100  # a C-level find per form beats a Python pass over the words up to ~100 forms


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
    finder = _Finder(text, norm)
    finder.clause_starts = [
        p
        for p, w in hits
        if (e := FORMS[w]).proclitic and e.form in (ReportForm.PERFECT, ReportForm.IMPERFECT)
    ]
    if regions is None:
        finder.soft = False
        finder.ends = _END_HARD
        for p, w in hits:
            finder.hit(0, p, p + len(w), FORMS[w], 0, len(ft), False)
        return tuple(finder.reports)
    finder.soft = True
    finder.ends = _END_SOFT
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
    return tuple(finder.reports)


def _hits(ft: str) -> list[tuple[int, str]]:
    """Every reporting word of ``ft`` as ``(offset, word)``, in order.

    The distinct words come from one ``str.split`` (words with punctuation
    attached are cut again by a regex, on those few only); the set
    intersection with the lexicon is C-level, and each word found is located
    with ``str.find``.
    """
    parts = ft.split()
    found = _KEYS.intersection(parts)
    glued = " ".join(filterfalse(str.isalnum, parts))
    if glued:
        found |= _KEYS.intersection(_WORD.findall(glued))
    if not found:
        return []
    if len(found) > _FIND_EACH_MAX:
        # many distinct forms (a huge text): one pass over the words beats a scan per form
        return [(m.start(), w) for m in _WORD.finditer(ft) if (w := m.group()) in found]
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

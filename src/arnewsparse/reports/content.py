"""Where the attributed content starts: the test that makes a reporting word a report.

This module owns :func:`anchor` and the content tests around it.  A
reporting word counts only where attributed content follows: a
complementiser (أن، إن، بأن، إلى أن، على أن), a colon, a quotation (not a short
quoted name such as «سانا»), the lemma's own preposition (أشار إلى، أعرب عن،
طالب بـ) or, for verbs that take one, a statement-like object (أكد أهمية).
When the short read after a hit ends before the decision is made,
:class:`NeedMore` asks the finder to read on.
"""

from __future__ import annotations

from arnewsparse.lexicon import Lemma
from arnewsparse.reports.hit import Hit
from arnewsparse.reports.tokens import KIND, TEXT, Tok, is_colon
from arnewsparse.reports.words import (
    ANCHOR_WORDS,
    B_INSTITUTIONS,
    B_NOT_OBJECT,
    COMPS,
    HEADS,
    MAX_HEAD,
    MEDIA,
    NAME_LINKS,
    NON_NP,
    NOT_COMP_BEFORE,
    OBJECT_HEADS,
    OPEN_CLOSE,
    PLACE_NAMES,
    PREP_COMPS,
    PREPS_BEFORE,
    SAYING,
)


class NeedMore(Exception):
    """The short read after a hit ended before the decision could be made."""


def b_object(w: str) -> bool:
    """``w`` may be a ب-phrase opening what the verb reports (رحب بالجهود، أشاد بتعاون).

    Not بعد/بين, not a name that happens to start with ب (فلاديمير بوتين،
    بريطانيا), not the institution of a title (الناطق الإعلامي بشرطة المنطقة).
    """
    return (
        w[:1] == "ب"
        and len(w) > 3
        and w not in B_NOT_OBJECT
        and w not in PLACE_NAMES
        and w[1:] not in B_INSTITUTIONS
        and w[1:] not in PLACE_NAMES
    )


def purpose(w: str, after_comma: bool = False) -> bool:
    """``w`` is ل + a verbal noun: what a call is for (دعت الجميع للالتزام، دعوا المجتمع الدولي لوقفه).

    The noun after ل has a derived verbal-noun shape, تفعيل/تفعّل/تفاعل
    (للتحرك) or افتعال/إفعال/استفعال with its long ا (للالتزام), or carries a
    pronoun (لوقفه); after a comma a bare three-letter root will do (، لعقد).
    Not a plural (للانتخابات), the audience (للصحفيين), a place (لبنان) nor
    the complement of a title (الأمين العام للأمم المتحدة، لكرة القدم).
    """
    if w[:1] != "ل" or w in MEDIA or w[1:] in MEDIA or w in PLACE_NAMES or w[1:] in PLACE_NAMES:
        return False
    stem = w[2:] if w[:2] == "لل" else w[1:]
    pronoun = False
    for suffix in ("هما", "هم", "ها", "ه"):
        if (
            stem.endswith(suffix)
            and len(stem) - len(suffix) >= 3
            and stem[-len(suffix) - 1 : -len(suffix)] != "ي"
        ):
            stem = stem[: -len(suffix)]
            pronoun = True
            break
    n = len(stem)
    if n < 3 or stem in NON_NP or stem.endswith("ات"):
        return False
    if n == 3:
        return pronoun or after_comma
    return (stem[0] == "ت" and n >= 4) or (stem[0] == "ا" and n >= 5 and stem[-2] == "ا")


def anchor_words(lemma: Lemma, clause_only: bool) -> frozenset[str]:
    """The words that may open the content of ``lemma`` (see :func:`anchor`), cached."""
    key = (id(lemma), clause_only)
    words = ANCHOR_WORDS.get(key)
    if words is None:
        if lemma.preps_only and not clause_only:
            words = frozenset(lemma.preps)
        elif clause_only:
            words = COMPS | PREP_COMPS
        else:
            words = COMPS | PREP_COMPS | frozenset(lemma.preps) | (frozenset() if lemma.strict else SAYING)
        ANCHOR_WORDS[key] = words
    return words


def content_head(h: Hit, i: int) -> int | None:
    """Index of a word that opens a statement-like object (وجود، أهمية) in the words after ``after[i]``.

    Only an unbroken run of words that may stand in a name (no
    punctuation, no preposition) is searched, at most :data:`MAX_HEAD`
    of them.
    """
    after = h.after
    n = len(after)
    stop = min(n, i + MAX_HEAD)
    for k in range(i + 1, stop):
        t = after[k]
        w = t[TEXT]
        if t[KIND] != "w" or w in NON_NP or (w[:1] == "ل" and w[:2] != "لل"):
            return None  # (لإيران تعزز أهمية: a preposition ends the source first)
        if w in OBJECT_HEADS:
            return k
    if stop == n and h.truncated:
        raise NeedMore
    return None


def has_words(after: list[Tok]) -> bool:
    """Words among the first three tokens: a statement-like object may follow the verb."""
    return any(t[KIND] == "w" for t in after[:3])


def subject_first_content(h: Hit, lemma: Lemma) -> int | None:
    """Where the content starts after a verb whose subject stands before it, or None."""
    after = h.after
    at = anchor(h, 0, lemma, limit=4 if lemma.strict else 12)
    if at is None and lemma.obj and has_words(after):
        at = 0  # a statement-like object right after the verb
    return at


def is_clause(after: list[Tok], k: int) -> bool:
    """``after[k]`` opens a clause, a colon or a quotation (not a preposition)."""
    t = after[k]
    if t[KIND] == "q" or is_colon(t) or t[TEXT] in COMPS:
        return True
    return t[TEXT] in PREP_COMPS and k + 1 < len(after) and after[k + 1][TEXT] in COMPS


def told_outlet_end(after: list[Tok], i: int) -> int:
    """End index of an outlet told the news at ``after[i]`` (لـ«عكاظ»، لـ"سبق"، لـ(الجزيرة)), or 0.

    قال لـ«الاقتصادية» الدكتور فلان إن: ل + a quoted or bracketed name of at
    most four words right after the verb is whom the source spoke to, the
    interviewing outlet; the source follows it.
    """
    n = len(after)
    if i + 3 >= n or after[i][TEXT] != "ل" or after[i][KIND] != "w":
        return 0
    opening = after[i + 1][TEXT]
    if after[i + 1][KIND] == "q":
        close = OPEN_CLOSE.get(opening, opening)
    elif opening == "(":
        close = ")"
    else:
        return 0
    j = i + 2
    # (the dot of a web name stays inside: لـ"العربية.نت")
    while j < n and j < i + 7 and (after[j][KIND] == "w" or after[j][TEXT] == "."):
        j += 1
    if j == i + 2 or j + 1 >= n or not (after[j][TEXT].startswith(close) or after[j][TEXT] == opening):
        return 0
    # (a comma after it, قال لـ«الاقتصادية»، للأسف ...: no source follows, the words are his)
    return j + 1 if after[j + 1][KIND] == "w" or is_colon(after[j + 1]) else 0


def quoted_name(h: Hit, k: int, *, in_source: bool = False) -> int:
    """End index of a «سانا»-like quoted name at ``after[k]``, or 0.

    A name is closed within four words and followed by more words; a
    quotation runs on.  ``in_source``: inside a source already begun (وكالة
    "رويترز"، رئيسة جمعية "طرابلس حياة"، سليمة), a comma or the sentence end may
    follow the name too.
    """
    after = h.after
    n = len(after)
    opening = after[k][TEXT]
    close = OPEN_CLOSE.get(opening, opening)
    j = k + 1
    # (the dots and hyphens of an abbreviated name stay inside: "سي.إن.بي.سي")
    words = 0
    while j < n:
        t = after[j]
        if t[KIND] == "w":
            words += 1
            if words > 4:
                break  # a quotation, not a name
        elif not (words and t[TEXT] in (".", "-") and j + 1 < n and after[j + 1][KIND] == "w"):
            break
        j += 1
    if j + 1 >= n and h.truncated:
        raise NeedMore
    if j == k + 1 or j >= n or after[j][TEXT] not in (close, opening):
        return 0
    nxt = after[j + 1] if j + 1 < n else None
    if nxt is None:
        return j + 1 if in_source else 0
    if nxt[TEXT] in (",", "،") and j + 2 < n and after[j + 2][TEXT] in COMPS:
        return j + 1  # صحيفة "South China Morning Post"، أن
    if in_source and nxt[KIND] == "p" and nxt[TEXT][:1] in ",،.":
        return j + 1
    if not (nxt[KIND] == "w" or is_colon(nxt) or nxt[TEXT] == "("):
        return 0  # (صحيفة «واشنطن تايمز» (اليمينية): a description in brackets may follow)
    return j + 1


def anchor(
    h: Hit,
    start: int,
    lemma: Lemma,
    *,
    limit: int,
    clause_only: bool = False,
) -> int | None:
    """Index of the first token that introduces attributed content, or None."""
    after = h.after
    n = len(after)
    k = start
    stop = min(n, start + limit)
    cands = anchor_words(lemma, clause_only)
    b_prep = not clause_only and "ب" in lemma.preps
    # (ل is a clitic: a call's purpose is ل + a verbal noun after the source and the addressee)
    l_prep = not clause_only and "ل" in lemma.preps
    while k < stop:
        t = after[k]
        if t[KIND] == "w":
            w = t[TEXT]
            if w not in cands and not (b_prep and w[:1] == "ب") and not (l_prep and w[:1] == "ل"):
                k += 1  # the common case: a word that cannot open the content
                continue
        elif t[KIND] == "q":
            # (a quoted name after a construct head is the head's name: جمعية "طرابلس حياة"، سليمة)
            named = k > start and after[k - 1][KIND] == "w" and after[k - 1][TEXT] in HEADS
            end = quoted_name(h, k, in_source=named)
            if end and not clause_only:
                k = end
                continue
            return None if lemma.preps_only else k
        if t[KIND] != "w":
            if is_colon(t):
                return None if lemma.preps_only else k
            k += 1
            continue
        w = t[TEXT]
        if k > start and after[k - 1][TEXT] in NAME_LINKS:
            k += 1  # هادي بن علي: after بن, علي is a name, not أكد على
            continue
        if lemma.preps_only and not clause_only:
            if w in lemma.preps or (b_prep and b_object(w)):
                return k  # رحب ب / أشاد بتعاون الشركاء
            k += 1
            continue
        if w in COMPS:
            pw = after[k - 1][TEXT] if k > 0 else ""
            if pw not in NOT_COMP_BEFORE:
                return k
        elif w in PREP_COMPS and k + 1 < n and after[k + 1][TEXT] in COMPS:
            return k
        elif not clause_only:
            if w in lemma.preps:
                return k
            if b_prep and b_object(w):
                return k
            if (
                l_prep
                and (k == start or after[k - 1][TEXT] not in PREPS_BEFORE)
                and purpose(w, k > start and after[k - 1][TEXT] in (",", "،"))
            ):
                return k
            if w in SAYING and not lemma.strict:
                return k  # وتابع قائلا، غرد قائلا
        k += 1
    if h.truncated and stop == n:
        raise NeedMore  # the short read ended inside the sentence
    return None

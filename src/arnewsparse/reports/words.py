"""The word classes and limits the report finder reads its context with.

This module owns the constants of :mod:`arnewsparse.reports`: the word
classes (loaded from ``data/report_words.json`` by
:data:`arnewsparse.lexicon.WORD_CLASSES`, folded spelling: أ/إ/آ -> ا,
ى -> ي, ة -> ه), the sets derived from them, the punctuation and sentence-end
patterns, and the window sizes that bound every look-around.
"""

from __future__ import annotations

import re
from typing import Final

from arnewsparse.lexicon import FORMS, WORD_CLASSES
from arnewsparse.model import ReportForm

WORD: Final = re.compile(r"\w+")
KEYS: Final[frozenset[str]] = frozenset(FORMS)
QUOTES: Final = '“”«»"„‟‹›'
OPEN_CLOSE: Final = {"«": "»", "“": "”", "”": "“", '"': '"', "„": "“", "‹": "›", "‟": "”"}

# words (a hashtag's # kept in the match, not in the word: #الكرملين), quotation marks,
# other punctuation runs, newlines
PIECE: Final = re.compile(r"(?:#(?=\w))?(\w+)|([" + QUOTES + r"])|((?:(?!#\w)[^\w\s" + QUOTES + r"])+)|(\n)")
KINDS: Final = ("p", "w", "q", "p", "n")  # by the group that matched

# what str.strip may take off a word: punctuation and quotation marks, never a letter
STRIP: Final = ".,،:;؛!?؟()[]{}-–—/\\…'*+=<>|~^%$#@&" + QUOTES

# a sentence end: . ! ? ; (not ".." used as a colon, not a decimal point), and a newline when hard
# (nor a dot inside an abbreviation, سي.سي.تي.في, nor one before a comma)
# (nor the dot of a one-letter abbreviation, د. النعيمي)
SENTENCE_END: Final = r"\.\.\.+|(?<!\.)(?<!\b\w)\.(?![.\d،,])(?!(?<=\b\w\w\.)\w)|[!?؟;؛]"
END_SOFT: Final = re.compile(SENTENCE_END)
END_HARD: Final = re.compile(SENTENCE_END + r"|\n")
# the characters a sentence end can start at (END_SOFT / END_HARD then decide)
END_MARKS_SOFT: Final = ".!?؟;؛"
END_MARKS_HARD: Final = END_MARKS_SOFT + "\n"
COMMA_QUOTE: Final = "،," + QUOTES
QUOTE_COLON: Final = re.compile("[:" + QUOTES + "]|\\.\\.")
WINDOW: Final = 320  # characters read after a hit: a long sentence, bounded
SHORT: Final = 80  # the first, short read after a hit
BACK: Final = 90  # characters read before a hit for a subject-first source
MAX_SPEAKER: Final = 26  # words in a verb-first source (long titles exist)
MAX_SUBJECT: Final = 12  # words in a subject-first source
MAX_SKIP: Final = 14  # words of adjuncts between a source and its content
MAX_HEAD: Final = 12  # words before the head of a statement-like object
MAX_TITLE_TAIL: Final = 6  # words from مع in a title description to the complementiser
W: Final = WORD_CLASSES
COMPS: Final = W["comps"]
PREP_COMPS: Final = W["prep_comps"]  # + ان = a clause (إلى أن، على أن)
COLON_PUNCT: Final = frozenset((":", "..", ":-", "-:", ":«", ":“", "::", "..:", ":.", "،:"))

# أن after these is a conjunction of time or manner, not the reported clause
NOT_COMP_BEFORE: Final = W["not_comp_before"]

# A verb form right after one of these is a noun (على وجه السرعة، من القول).
PREPS_BEFORE: Final = W["preps_before"]

# An imperfect right after one of these is a subjunctive (أن يقول رأيه).
MODAL_BEFORE: Final = W["modal_before"]

# Adjuncts that end a verb-first source (ANNOTATION.md §2): place, occasion,
# time, audience, channel.
ADJUNCTS: Final = W["adjuncts"]

# ل + these: the audience or the outlet (للصحفيين، لوكالة الأنباء).
MEDIA: Final = W["media"]

# in/on + these: an occasion, not part of the name (في مقابلة، على هامش).
EVENTS: Final = W["events"]

# Clause links: a verb-first source never runs past them.
LINKS: Final = W["links"]

# Words that open a statement-like object (أكد بوتين أهمية ...).
CONTENT_HEADS: Final = W["content_heads"]

# the nouns among them, that a source cannot hold (أنكر أبو محمد الجولاني القائد العام للجبهة | وجود)
OBJECT_HEADS: Final = CONTENT_HEADS - {"ان", "ايه", "اي"}

# بحسب ما أفاد، وفق ما ذكرت، كما يقول: the report follows what it attributes
ACCORDING: Final = W["according"]
ACCORDING_AS: Final = W["according_as"]
ACCORDING_PREV: Final = ACCORDING_AS | {"ما", "لما"}
ANONYMOUS: Final = W["anonymous"]

# time words that may stand between a source and its object
TIMES: Final = W["times"]
STOPS: Final = W["stops"]

# Nouns used as prepositions, heads of the phrase after them (المطلعة داخل البيت الوحداوي).
SPATIAL: Final = W["spatial"]
QUANTIFIERS: Final = W["quantifiers"]

# Openers before a subject-first source (…أن روحاني أكد، وكانت الأكاديمية قد أعلنت).
OPENERS: Final = W["openers"]
RELATIVES: Final = {
    "الذي": "m",
    "التي": "f",
    "الذين": "p",
    "اللذين": "d",
    "اللتين": "fd",
    "اللذان": "d",
    "اللتان": "fd",
}

# Words that can never stand inside a subject-first source.
NON_NP: Final = W["non_np"]

# A pronoun subject before the verb (لكنه أضاف): the source is the one already named.
PRONOUN_SUBJECTS: Final = W["pronoun_subjects"]

# How something was said (وأضاف بنغمة لا تخلو من التهكم، أوضح بشكل لا لبس فيه): never the source.
MANNER: Final = W["manner"]
FEMININE_NAMES: Final = W["feminine_names"]
MONTHS: Final = W["months"]

# Construct heads: a title or body that a definite noun may follow inside one name.
HEADS: Final = W["heads"]

# A word right before the verb that rules out a subject-first source (see subject_before).
NO_SUBJECT_W: Final = NON_NP | frozenset(FORMS)
NO_SUBJECT_AFTER: Final = (
    (OPENERS | (COMPS - {"انه", "انها"}) | NON_NP | STOPS | KEYS | ADJUNCTS | MONTHS)
    - frozenset(RELATIVES)
    - {"قد", "فقد", "لقد", "وقد"}
)
NO_SUBJECT_PUNCT: Final = ".:!?؟;؛\n"

# adjuncts closed by a pronoun: they may stand between a verb and its source
CLOSED_ADJUNCTS: Final = W["closed_adjuncts"]
CLOSED_ADJUNCT_PAIRS: Final = frozenset(
    (a, b) for a in ("من", "عبر", "في") for b in W["closed_adjunct_objects"]
)
PASSIVE_AUX: Final = W["passive_aux"]
FIRST_PERSON_COMPS: Final = W["first_person_comps"]
BAN_PRONOUN: Final = W["ban_pronoun"]

# a preposition with a pronoun pointing back to a relative (ما أشار إليه، ما طالب به)
RESUMPTIVE: Final = frozenset(
    p + s for p in ("ب", "ل", "الي", "علي", "عن", "في", "من") for s in ("ه", "ها", "هم", "هما")
)
DEMONSTRATIVES: Final = W["demonstratives"]
NO_MENTION: Final = W["no_mention"]  # sources that name no one to refer back to

# Definite titles: a phrase they open names a source, not an addressee.
DEF_TITLES: Final = W["def_titles"]

# Titles that open the name of a person (for referents that were no report's source).
PERSON_TITLES: Final = W["person_titles"]
# a title after a semicolon opens an apposition, not a sentence (فلان؛ وزير الصحة)
APPOSITION_TITLES: Final = HEADS | PERSON_TITLES

# Cities and countries that may stand as a feminine subject (وتأمل موسكو).
PLACE_NAMES: Final = FEMININE_NAMES - {"هي"}
PLACE_ADJECTIVES: Final = W["place_adjectives"]

# Words that head a place in a title (في مدينة عدن), so its last word names no person.
PLACE_HEADS: Final = W["place_heads"]

# First-person words before a participle (كنت متوقعا، إنني مؤكد): no one is reported.
FIRST_PERSON_BEFORE: Final = W["first_person_before"]

# Words in ب that are no ب-phrase: prepositions of their own and names (فلاديمير بوتين).
B_NOT_OBJECT: Final = W["b_not_object"]

# Institutions a title names with ب (الناطق الإعلامي بشرطة المنطقة، الأستاذة بجامعة).
B_INSTITUTIONS: Final = W["b_institutions"]

# Bodies named by their field with لل (الهيئة العامة للإعلام، الوكالة الوطنية للإعلام): after
# one, ل + a media word completes the name instead of naming whom the source told.
FIELD_BODIES: Final = B_INSTITUTIONS | W["field_bodies"]

# Definite adjectives that are not relative adjectives (الجيش السوري الحر).
ADJECTIVES: Final = W["adjectives"]
MASCULINE_IN_H: Final = W["masculine_in_h"]

# Plurals with no plural ending (مصادر، خبراء، القوى، السلطات): a dropped subject agrees with them
# as with a plural or a feminine singular.
PLURAL_HEADS: Final = W["plural_heads"]
# Nouns whose dual (الطرفان، وزيرا) names two sources; singulars that end in ون (التلفزيون).
DUAL_HEADS: Final = W["dual_heads"]
SINGULAR_IN_UN: Final = W["singular_in_un"]
# نقلا عن: spelt like a dual perfect, an adverbial verbal noun whose ending shows no agreement.
ADVERBIAL_MASDARS: Final = W["adverbial_masdars"]

# Second parts of compound names (ذبيح الله، عماد الدين) and honorific formulas (صلى الله عليه وسلم).
NAME_PARTS: Final = W["name_parts"]
NAME_LINKS: Final = W["name_links"]
DOER_ONLY_NOUNS: Final = W["doer_only_nouns"]
GOING_ON: Final = W["going_on"]
STATEMENTS: Final = W["statements"]
# a document or speech issued (بيانا، تقريرا، كلمة) and the perfects that issue one, with
# their agreement endings and a conjunction (أصدرت، وأصدروا، فنشر)
ISSUED_DOCUMENTS: Final = (
    STATEMENTS | frozenset(w + "ا" for w in STATEMENTS if not w.endswith("ه")) | W["speeches"]
)
ISSUING: Final = frozenset(
    c + w + e for w in W["issuing_verbs"] for e in ("", "ت", "وا", "ا", "تا") for c in ("", "و", "ف")
)
# a pronoun pointing back to the document right before the verb (بيانا قالت فيه)
IN_IT: Final = frozenset({"فيه", "فيها"})
TURNED_OUT: Final = W["turned_out"]
ISSUED: Final = W["issued"]
CONDITIONALS: Final = W["conditionals"]
# any of them as letters anywhere in a stretch (one C-level search instead of a find per word)
CONDITIONAL_LETTERS: Final = re.compile("|".join(map(re.escape, sorted(CONDITIONALS, key=len, reverse=True))))
COUNTED_NUMBERS: Final = W["counted_numbers"]
EMPHASIS_HEADS: Final = W["emphasis_heads"]
ANSWER_OPENERS: Final = W["answer_openers"]
MESSAGES: Final = W["messages"]
AUXILIARIES: Final = W["auxiliaries"]
ADVERBIAL_OPENERS: Final = W["adverbial_openers"]
PRONOUN_TITLES: Final = W["pronoun_titles"]
HONORIFICS: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    first: tuple(tuple(h.split()) for h in W["honorific_phrases"] if h.split()[0] == first)
    for first in {h.split()[0] for h in W["honorific_phrases"]}
}

# A phrase opened by one of these before a verb is an adjunct, not its subject (خلال الاجتماع عبّر).
PREPS_GOVERNING: Final = W["preps_governing"]
PERCENT: Final = W["percent"]
OBJECT_QUANTIFIERS: Final = W["object_quantifiers"]
NOT_SPEAKERS: Final = W["not_speakers"]
WITHHOLDING: Final = W["withholding"]
THOUSANDS: Final = W["thousands"]
RELATIVE_TIMES: Final = W["relative_times"]
YEAR_WORDS: Final = W["year_words"]
NAME_OPENERS: Final = W["name_openers"]
OCCASION_PREPS: Final = W["occasion_preps"]
NOT_NISBA: Final = frozenset(
    p + w for w in W["not_nisba"] for p in ("", "و", "ب", "ل", "ال", "وال", "بال", "لل")
)
RELAYED_FROM: Final = W["relayed_from"]
# و + a third-person pronoun after a source (سمية نصار، وهي طالبة): a clause about it starts
CLAUSE_PRONOUNS: Final = frozenset("و" + p for p in ("هو", "هي", "هم", "هما", "هن"))
RANKS: Final = W["ranks"]
ENVOYS: Final = W["envoys"]
TYPICAL_OBJECTS: Final = W["typical_objects"]

# the participle of قال in all its spellings: وتابع قائلا
SAYING: Final = frozenset(
    w for w, e in FORMS.items() if e.form is ReportForm.PARTICIPLE and e.lemma.lemma == "قال"
)
ANCHOR_WORDS: dict[tuple[int, bool], frozenset[str]] = {}
MAX_CONTENT: Final = 600
CONTENT_TRAIL: Final = frozenset(" \t\n\xa0،,؛;")
MAX_QUOTE: Final = 4001
LOOK_BACK: Final = 64


def _frame_pattern(frames: frozenset[str]) -> re.Pattern[str]:
    """حسب، وفق، على لسان، وفقا ل...: a frame, with an optional و, up to where the source's phrase starts."""
    alts = []
    for frame in sorted(frames, key=len, reverse=True):
        words = frame.split()
        if words[-1] == "ل":  # glued to an indefinite source (وفقا لوزير; not لل, the article's)
            alts.append(r"\s+".join(map(re.escape, words[:-1])) + r"\s+ل(?=[^\Wل])")
        else:
            alts.append(r"\s+".join(map(re.escape, words)) + r"\s+")
    return re.compile(r"(?<!\w)و?(?:" + "|".join(alts) + ")")


def _frame_heads(frames: frozenset[str]) -> tuple[str, ...]:
    """The longest word of each frame, none holding another: found by ``str.find`` before the pattern runs."""
    longest = {max(f.split(), key=len) for f in frames}
    return tuple(sorted(w for w in longest if not any(o != w and o in w for o in longest)))


# frames that name a source with no verb (وحسب الدكتور ...، فإن; على لسان المتحدثة); the
# pattern is only tried where a head word stands (a scan of the whole text by regex costs ~30 µs)
SOURCE_FRAME: Final = _frame_pattern(W["source_frames"])
SOURCE_FRAME_HEADS: Final = _frame_heads(W["source_frames"])
MAX_FRAME_SOURCE: Final = 16  # words of a source named by a frame
SENTENCE_BACK: Final = 400  # characters read back to the start of a verb's sentence for a referent
MAX_TITLE_PHRASE: Final = 8  # words in a person named from a title (السيد الرئيس بشار الأسد)
FIND_EACH_MAX: Final = 100  # a C-level find per form beats a Python pass over the words up to ~100 forms


def ifaal(w: str) -> bool:
    """إعلان، إغلاق، إعداد: the إفعال verbal noun (folded ا??ا?), a nominal object's usual head."""
    return len(w) == 5 and w[0] == "ا" and w[3] == "ا"


def masdar_like(w: str) -> bool:
    """تسليم، إخلاء، استمرار: verbal-noun patterns that open an object, not a name."""
    n = len(w)
    return (n == 5 and w[0] == "ت" and w[3] == "ي") or (n >= 7 and w.startswith("است") and w[-2] == "ا")

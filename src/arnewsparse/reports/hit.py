"""One hit: a reporting word found in the text, and the context tests around it.

This module owns :class:`Hit`, the small object every analysis step takes
instead of a long argument list: where the word stands (folded offsets, its
region, its paragraph index), what it is (:class:`arnewsparse.lexicon.Entry`),
the tokens read after it, and, read only when a decision needs them, the
tokens and the word before it.
"""

from __future__ import annotations

from arnewsparse.lexicon import Entry
from arnewsparse.reports.tokens import KIND, TEXT, TextView, Tok, read, space_after
from arnewsparse.reports.words import (
    BACK,
    COMMA_QUOTE,
    NO_SUBJECT_AFTER,
    NO_SUBJECT_PUNCT,
    NO_SUBJECT_W,
    PASSIVE_AUX,
    SENTENCE_BACK,
)


class Hit:
    """A reporting word being read: its place, its entry and the tokens around it."""

    __slots__ = (
        "after",
        "after_start",
        "before_cache",
        "entry",
        "fe",
        "fs",
        "idx",
        "in_headline",
        "opener",
        "p",
        "prev_cache",
        "q",
        "quote_end",
        "truncated",
        "view",
    )

    def __init__(
        self, view: TextView, idx: int, p: int, q: int, entry: Entry, fs: int, fe: int, in_headline: bool
    ) -> None:
        self.view = view
        self.idx = idx  # the region (paragraph) index
        self.p = p  # the word, folded offsets
        self.q = q
        self.entry = entry
        self.fs = fs  # its region, folded offsets
        self.fe = fe
        self.in_headline = in_headline
        self.after: list[Tok] = []  # the tokens read after the word (read on in place when needed)
        self.after_start = q
        self.truncated = False  # the short read after the word ended inside its sentence
        self.quote_end = fe  # where the region or the quotation holding the word ends
        self.before_cache: list[Tok] | None = None
        self.prev_cache: str | None = None
        self.opener = ""  # what stood before a subject-first source (see Chunker.subject_before)

    def before(self) -> list[Tok]:
        """The tokens before the hit, back to the sentence start (at most :data:`BACK` characters)."""
        b = self.before_cache
        if b is None:
            b = []
            start = max(self.fs, self.p - BACK)
            if start > self.fs and self.view.ft[start - 1] != " ":
                start = space_after(self.view.ft, start, self.p)
            read(self.view.ft, start, self.p, b, self.view.ends, True)
            self.before_cache = b
        return b

    def prev_word(self) -> str:
        """The word right before the hit, or "" (punctuation, a sentence start); cached."""
        w = self.prev_cache
        if w is None:
            w = self.prev_cache = self._prev_word()
        return w

    def _prev_word(self) -> str:
        b = self.before_cache
        if b is not None:
            return b[-1][TEXT] if b and b[-1][KIND] == "w" else ""
        ft = self.view.ft
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
        return b[-1][TEXT] if b and b[-1][KIND] == "w" else ""

    def after_comma(self) -> bool:
        """The hit follows a comma or a closing quotation mark."""
        ft = self.view.ft
        j = self.p
        while j > self.fs and ft[j - 1] == " ":
            j -= 1
        return j > self.fs and ft[j - 1] in COMMA_QUOTE

    def periphrastic(self) -> bool:
        """The definite verbal noun follows تم or جرى: تم التأكيد على = "it was affirmed"."""
        return self.view.ft.startswith("ال", self.p) and self.prev_word() in PASSIVE_AUX

    def postposed(self) -> bool:
        """The verb follows a closing quotation mark (and maybe a comma): "..."، يقول."""
        ft = self.view.ft
        j = self.p
        while j > self.fs and ft[j - 1] == " ":
            j -= 1
        if j == self.fs or ft[j - 1].isalnum():
            return False
        before = self.before()
        k = len(before) - 1
        if k >= 0 and before[k][KIND] == "p" and before[k][TEXT] in (",", "،"):
            k -= 1
        return k >= 0 and before[k][KIND] == "q"

    def no_subject(self, prev: str) -> bool:
        """What stands right before the verb rules out a subject-first source.

        A cheap test on the text, so that the words before the verb are
        tokenised only when a source may stand there.
        """
        if prev:
            # وقد أعلن / وقد حذر: the subject follows the verb
            if prev in NO_SUBJECT_AFTER or prev[0].isdigit():
                return True
            return prev[0] == "و" and prev[1:] in NO_SUBJECT_W
        ft = self.view.ft
        j = self.p
        while j > self.fs and ft[j - 1] == " ":
            j -= 1
        return j == self.fs or ft[j - 1] in NO_SUBJECT_PUNCT

    def sentence_before(self) -> list[Tok]:
        """The tokens of the hit's sentence before it (at most :data:`SENTENCE_BACK` characters)."""
        ft = self.view.ft
        start = max(self.fs, self.p - SENTENCE_BACK)
        if start > self.fs and ft[start - 1] != " ":
            start = space_after(ft, start, self.p)
        out: list[Tok] = []
        read(ft, start, self.p, out, self.view.ends, True)
        return out

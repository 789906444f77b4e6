"""News agencies and outlets: who a dateline credits.

This module owns the agency table (``data/agencies.json``) and the look-up
that turns a written credit (``أ.ف.ب``, ``(د. ب. أ)``, ``«الاقتصادية»``,
``العربية.نت``) into its :class:`Agency` record and canonical id.

Ids of the organisations listed in ANNOTATION.md ("Canonical news
organisations") are used exactly as written there (``SANA``, ``SPA``,
``AFP``, ``dpa`` ...); other entries get a Latin id of their own.

Names are matched on a *key*: the folded text (see :func:`arnewsparse.normalize.fold`)
with everything but letters and digits removed, so dots, spaces, brackets,
quotes and guillemets never matter (``أ ف ب`` = ``ا.ف.ب`` = ``(أ.ف.ب)``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Final, Literal

import attrs
import regex

from arnewsparse.normalize import fold

__all__ = ["ANNOTATION_IDS", "Agency", "agency_key", "all_agencies", "lookup_agency"]

# The canonical ids of ANNOTATION.md ("Canonical news organisations").  A
# newspaper or site outside this set is credited by its written name.
ANNOTATION_IDS: Final = frozenset(
    [
        "SANA",
        "SPA",
        "WAM",
        "QNA",
        "KUNA",
        "Petra",
        "MENA",
        "AFP",
        "Reuters",
        "AP",
        "dpa",
        "Xinhua",
        "Anadolu",
        "IRNA",
        "TAP",
        "APS",
        "MAP",
        "BNA",
        "ONA",
        "Sputnik",
        "RT",
        "CNN",
        "SkyNewsArabia",
        "BBC",
        "AlArabiya",
        "AlJazeera",
        "France24",
        "UPI",
        "Agencies",
    ]
)

AgencyKind = Literal["national", "wire", "outlet", "generic"]

# Everything that is not a letter or a digit is dropped from a key.
_NON_KEY: Final = regex.compile(r"[^\p{L}\p{N}]+")
_BRACKETS: Final = " \t()[]«»\"“”'"


@attrs.frozen(slots=True)
class Agency:
    """One news agency or outlet.

    ``kind`` is ``national`` (a state news agency such as SPA), ``wire``
    (Reuters, AFP ...), ``outlet`` (a newspaper, site or channel) or
    ``generic`` (``وكالات``).  ``also_place`` marks a name that is also a
    place (``الرياض``, ``المدينة``); ``common_word`` one that is an everyday
    word (``اليوم``, ``الوطن``).
    """

    id: str
    name_en: str
    country: str | None
    kind: AgencyKind
    names: tuple[str, ...]
    latin: tuple[str, ...] = ()
    also_place: bool = False
    common_word: bool = False

    @property
    def credited_as_id(self) -> bool:
        """True when a dateline credits it by :attr:`id`; a newspaper or site outside the
        ANNOTATION table is credited by its written name instead (ANNOTATION §1)."""
        return self.kind != "outlet" or self.id in ANNOTATION_IDS

    @property
    def is_wire(self) -> bool:
        """True for the source of a text (a wire, a national agency, ``وكالات``), not a publisher."""
        return self.kind != "outlet"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name_en": self.name_en,
            "country": self.country,
            "kind": self.kind,
            "ar": list(self.names),
            "latin": list(self.latin),
            "also_place": self.also_place,
            "common_word": self.common_word,
        }


def agency_key(text: str) -> str:
    """The matching key of a written name: folded, lower-cased, letters and digits only."""
    return _NON_KEY.sub("", fold(text)).lower()


def _load() -> tuple[tuple[Agency, ...], dict[str, Agency]]:
    raw = json.loads(resources.files("arnewsparse").joinpath("data/agencies.json").read_text("utf-8"))
    agencies: list[Agency] = []
    index: dict[str, Agency] = {}
    for entry in raw["agencies"]:
        agency = Agency(
            id=entry["id"],
            name_en=entry["name_en"],
            country=entry.get("country"),
            kind=entry["kind"],
            names=tuple(entry["ar"]),
            latin=tuple(entry.get("latin", ())),
            also_place=bool(entry.get("also_place", False)),
            common_word=bool(entry.get("common_word", False)),
        )
        agencies.append(agency)
        for name in (*agency.names, *agency.latin, agency.id):
            key = agency_key(name)
            # the first entry wins: the table is ordered from the ANNOTATION ids down
            if key and key not in index:
                index[key] = agency
    return tuple(agencies), index


_AGENCIES, _INDEX = _load()


def all_agencies() -> tuple[Agency, ...]:
    """Every agency and outlet in the package data, in table order."""
    return _AGENCIES


@lru_cache(maxsize=4096)
def lookup_agency(text: str) -> Agency | None:
    """The agency written as ``text`` (whole text, any dots, spaces or brackets), or ``None``.

    >>> lookup_agency("(د. ب. أ)").id
    'dpa'
    >>> lookup_agency("أ.ف.ب").id
    'AFP'
    """
    key = agency_key(text)
    if not key or len(key) > 60:
        return None
    if len(key) <= 2 and len(text.strip(_BRACKETS)) <= 2:
        # a two-letter key is only an abbreviation when written spaced or dotted
        # (``أ ب``, ``أ.ب``): ``آب`` is the month of August, ``أب`` a father
        return None
    return _INDEX.get(key)

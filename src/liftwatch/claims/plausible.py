"""Whether a site the kb's resolvers returned for a phrase looks like that phrase.

The kb's resolvers are tuned for recall at the command line ("Mali" would become Malé's airport); free text
needs every distinctive word of the phrase to be close to a word of the site's names before a hit counts.
Facility nouns in four languages are not distinctive ("ميناء" alone is no port of its own).
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from liftwatch.claims.filler import filler_word
from liftwatch.claims.textkey import fold
from liftwatch.kb._text import phonetic_key

_ARABIC = re.compile(r"[\u0600-\u06FF]")

_GENERIC_WORDS = {
    "airport", "air", "base", "airbase", "airfield", "airstrip", "port", "naval", "international", "the", "and",
    "military", "field", "harbour", "harbor", "facility", "force",  # "Cannon Air Force Base": the kb says "Afb"
    # the same facility nouns in the other languages: "ميناء" alone is no port of its own
    "ميناء", "مطار", "قاعدة", "مدينة", "الميناء", "المطار", "القاعدة", "عسكرية", "العسكرية", "الجوية", "البحرية",
    "الدولي", "الدولية", "военная", "военный", "военной", "militaire", "aérienne", "navale", "порт", "порта", "аэропорт", "база", "базы",
    "аэродром", "aéroport", "aérodrome", "ville",
}  # fmt: skip


def tokens(text: str) -> set[str]:
    words = [w for w in re.split(r"[\W_]+", fold(text).lower()) if len(w) >= 3 and w not in _GENERIC_WORDS]
    # an Arabic adjective or facility noun in any form ("العسكري", "الجوية", "محافظة") names no place either
    return {w for w in words if not (_ARABIC.match(w) and filler_word(w))}


def plausible(phrase: str, site: Any, min_ratio: float = 85) -> bool:
    """Every distinctive word of ``phrase`` is within edit ratio ``min_ratio`` of a word of the site's names."""
    want = tokens(phrase)
    have: set[str] = set()
    for name in [site.name, *(getattr(site, "aliases", None) or []), getattr(site, "icao", None) or ""]:
        have |= tokens(name)
    return bool(want) and all(any(fuzz.ratio(w, h) >= min_ratio for h in have) for w in want)


def names_wholly(phrase: str, site: Any, min_ratio: float = 85) -> bool:
    """Whether ``phrase`` is a whole name of the site rather than one word of a longer one: a phrase of two or
    more distinctive words that all look like the site's (:func:`plausible`), or one word that some name of the
    site holds and nothing besides ("Larnaka": "Port of Larnaca"). The site resolver's loose best guess for a
    phrase below the fuzzy threshold otherwise makes a common word a place whenever some small field's name
    carries it ("Government": Government Mountain Airport, "Jérusalem": New Jerusalem Airport, "تدريب"
    (training): a training range); a field's code is no name here ("Sept" is no SEPT)."""
    want = tokens(phrase)
    if not want:
        return False
    names = [site.name, *(getattr(site, "aliases", None) or [])]
    if len(want) >= 2:
        have = set().union(*(tokens(n) for n in names))
        return all(any(fuzz.ratio(w, h) >= min_ratio for h in have) for w in want)
    return any((got := tokens(n)) and all(any(fuzz.ratio(w, h) >= min_ratio for w in want) for h in got) for n in names)


def sounds_like(phrase: str, site: Any) -> bool:
    """Every distinctive word of a romanised ``phrase`` sounds like a word of the site's names (the kb's
    transliteration key: "Лидд" romanised "lidd" is "Lydd", which an edit ratio of 75 refuses; Cyrillic writes
    an English "y" as "и")."""
    want = {_sound(w) for w in tokens(phrase)}
    have: set[tuple[str, str]] = set()
    for name in [site.name, *(getattr(site, "aliases", None) or [])]:
        have |= {_sound(w) for w in tokens(name)}
    return bool(want) and all(len(w[0]) >= 3 and w in have for w in want)


def _sound(word: str) -> tuple[str, str]:
    """The transliteration key and the consonants as written: the key alone folds doubled letters, so
    "lidda" (a case form) would sound like "Lleida"; their consonants, "ldd" and "lld", tell them apart."""
    return phonetic_key(word), re.sub(r"[aeiouy]", "", word.lower())

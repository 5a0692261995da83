"""The fuzzy safeguard of :func:`~liftwatch.kb.places.resolve_place`: a fuzzy match must keep the name's consonants.

Letter scores pair unrelated names ("Каир" and "Иран", "Mersin" and Mersing Airport); the consonant skeleton of
the typed name must equal that of one of the matched place's names.
"""

from __future__ import annotations

import re
from typing import Literal

from liftwatch.kb._text import name_words, skeleton
from liftwatch.kb.cities import cities_named
from liftwatch.kb.countries import countries
from liftwatch.kb.regions import regions
from liftwatch.kb.sites import site

PlaceKind = Literal["site", "region", "country", "city"]


def text_skeletons(text: str) -> set[str]:
    """The consonant skeleton of a typed name, and without an Arabic article joined to it ("Alkhadem" is
    "Al-Khadem", whose skeleton drops the separate "Al")."""
    out = {skeleton(text)}
    joined = re.match(r"\s*[ae]l(?=\w{3})", text, re.I)
    if joined:
        out.add(skeleton(text[joined.end() :]))
    return out


def _place_names(kind: PlaceKind, pid: str) -> list[str]:
    if kind == "site":
        s = site(pid)
        return [s.name, *s.aliases]
    if kind == "region":
        return [regions()[pid].name, *regions()[pid].aliases]
    if kind == "country":
        return list(countries()[pid.split(":", 1)[1]].aliases)
    _, country, key = pid.split(":", 2)
    return [key, *(c.name for c in cities_named(key) if c.country == country)]


def place_skeletons(kind: PlaceKind, pid: str) -> set[str]:
    """Consonant skeletons of every name of a region, country or city (the fuzzy safeguard's reference)."""
    names = _place_names(kind, pid)
    if kind == "site":
        s = site(pid)
        codes = [c for c in (s.icao, s.iata, s.site_id) if c]  # "oslk": a code typed in lower case
        return {skeleton(" ".join(name_words(n))) for n in names} | {skeleton(c) for c in codes}
    return {skeleton(n) for n in names}


#: Compass words of the four languages, by the direction they name. "Western" and "eastern" differ by two letters
#: (and by no consonant once "w" folds away), so a fuzzy score alone reads "western Mediterranean" as the eastern.
_DIRECTIONS = {
    "n": r"north\w*|nord\w*|septentrional\w*|север\w*|(?:ال)?شمال\w*",
    "s": r"south\w*|sud|m[ée]ridional\w*|юг\w*|южн\w*|(?:ال)?جنوب\w*",
    "e": r"east\w*|est|oriental\w*|восто\w*|(?:ال)?شرق\w*",
    "w": r"west\w*|ouest|occidental\w*|запад\w*|(?:ال)?غرب\w*",
}
_DIRECTION_RX = {d: re.compile(rf"(?<!\w)(?:{rx})(?!\w)", re.I) for d, rx in _DIRECTIONS.items()}
#: Any compass word of the four languages, as a regular expression (no groups)
COMPASS = "|".join(f"(?:{rx})" for rx in _DIRECTIONS.values())


def directions(text: str) -> frozenset[str]:
    """The compass directions a name states ("western Mediterranean": w; "Méditerranée orientale": e)."""
    return frozenset(d for d, rx in _DIRECTION_RX.items() if rx.search(text))


def opposite_direction(text: str, kind: PlaceKind, pid: str) -> bool:
    """Whether the typed name states a direction that none of the place's names shares, while they state another:
    "western Mediterranean" is not the Eastern Mediterranean, though it may be a part of the Mediterranean Sea."""
    typed = directions(text)
    if not typed:
        return False
    theirs = [directions(n) for n in _place_names(kind, pid)]
    return any(theirs) and not any(typed & t for t in theirs)

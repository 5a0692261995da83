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


def place_skeletons(kind: PlaceKind, pid: str) -> set[str]:
    """Consonant skeletons of every name of a region, country or city (the fuzzy safeguard's reference)."""
    if kind == "site":
        s = site(pid)
        codes = [c for c in (s.icao, s.iata, s.site_id) if c]  # "oslk": a code typed in lower case
        return {skeleton(" ".join(name_words(n))) for n in [s.name, *s.aliases]} | {skeleton(c) for c in codes}
    if kind == "region":
        names = [regions()[pid].name, *regions()[pid].aliases]
    elif kind == "country":
        names = list(countries()[pid.split(":", 1)[1]].aliases)
    else:
        _, country, key = pid.split(":", 2)
        names = [key, *(c.name for c in cities_named(key) if c.country == country)]
    return {skeleton(n) for n in names}

"""Names placed by the country told with them, where no alias holds the name alone: an Arabic name after an
airfield or port noun, found by its consonant skeleton among the sites of the countries the article names, and a
Russian name written after its country in the genitive ("в порт Сирии Тартус").

Apart from :mod:`liftwatch.claims.candidates`, which finds the names standing where a place must stand, because these
two readings answer another question: not whether a name is a place, but which of the kb's sites a name the kb
spells otherwise is, given the country around it.
"""

from __future__ import annotations

import re

from liftwatch import kb as kb_module
from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.model import Place
from liftwatch.claims.place_names import COUNTRIES
from liftwatch.claims.places import Gazetteer, Mention
from liftwatch.claims.translit import has_cyrillic, skeleton_in_countries

_AR_COUNTRY_NAMED = re.compile(
    rf"{AR_WORD_START}[وفبل]?("
    + "|".join(sorted((re.escape(k) for k in COUNTRIES if re.match(r"[\u0600-\u06FF]", k)), key=len, reverse=True))
    + rf"){AR_WORD_END}"
)
_AR_FACILITY_BEFORE = re.compile(r"(?:(?P<sea>ميناء|مرفأ)|مطار|قاعدة|مهبط)\s+$")


def in_named_country(text: str, a: int, phrase: str, known: list[Mention], gaz: Gazetteer) -> Place | None:
    """An Arabic name after an airfield or port noun that no alias holds, found by its consonant skeleton
    among the sites of the countries the article names (``translit.skeleton_in_countries``)."""
    facility = _AR_FACILITY_BEFORE.search(text[max(0, a - 12) : a])
    if facility is None or gaz.kb is not kb_module:
        return None
    countries = {COUNTRIES[m.group(1)] for m in _AR_COUNTRY_NAMED.finditer(text)}
    for k in known:
        if k.place.id and k.place.id.startswith("country:"):
            countries.add(k.place.id.split(":", 1)[1])
        elif k.place.kind == "site" and k.place.id:
            site = gaz.kb.site(k.place.id)
            if getattr(site, "country", None):
                countries.add(site.country)
    sid = skeleton_in_countries(phrase, sorted(countries), sea=facility.group("sea") is not None)
    if sid is None:
        return None
    return gaz.site_place(sid, phrase, "Arabic consonant skeleton of a site in a country the article names")


def after_country(phrase: str, gaz: Gazetteer) -> tuple[int, str, Place] | None:
    """A Russian name written after the country it is in, in the genitive ("в столицу Мадагаскара Антананариву",
    "в порт Сирии Тартус"): (offset of the name in ``phrase``, the name, its place) when the words before it are
    a country or region the kb knows and the name after them resolves; the run as a whole is no place."""
    if not has_cyrillic(phrase):
        return None
    words = phrase.split()
    for k in range(1, len(words)):
        head = gaz.lookup(" ".join(words[:k]))
        if head is None or head.kind != "region":
            continue
        tail = " ".join(words[k:])
        place = gaz.lookup(tail)
        if place is not None and place.kind == "site":
            return phrase.index(tail, len(" ".join(words[:k]))), tail, place
    return None

"""A place written in a form the exact readings miss: a Russian case ending, a city told as a capital, or a part of a
sea told by its compass direction.

Russian declines place names, and reporting writes them in whatever case the sentence needs ("в Сирии", "из
Гаваны"); the kb's names are nominatives ("Сирия", "Гавана"). A single Cyrillic word that no exact reading finds is
tried in its nominative forms (:func:`~liftwatch.kb.ru_forms.nominatives`, the grammar the claim extractor reads
place names with too), and a form is taken only where it is a name the kb holds exactly (an id, an alias, a name): a nominative that merely sounds like
something would turn any unknown word into a place.

A city told as a capital ("Amman, the capital of Jordan", "Oman, la capitale de la Jordanie", "العاصمة عمان",
"столица Иордании Амман") names the city, even where the word alone is a country's name too: Arabic writes Amman
and Oman alike (عمان), and a French page spells Amman "Oman". The capital words make it a city; a country named
beside them ("of Jordan", "الأردنية") picks its city by the name's consonant skeleton
(:func:`~liftwatch.kb._text.skeleton`: Oman and Amman are both m-n), so a misspelt capital still finds its country's
city and never another country's. Without these words "عمان" and "Oman" stay the Sultanate: the name alone cannot
tell them apart, and the country is what most pages mean.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from liftwatch.errors import PlaceError
from liftwatch.kb._text import norm_key, skeleton
from liftwatch.kb.place_guard import COMPASS
from liftwatch.kb.ru_forms import nominatives

if TYPE_CHECKING:
    from liftwatch.kb.cities import City
    from liftwatch.kb.place_refs import PlaceRef

_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
# a name of up to four such words ("Южно-Африканской Республике", "Исламской Республики Афганистан"): declined word
# by word, as :func:`~liftwatch.kb.ru_forms.ru_nominatives` reads it
_CYRILLIC_PHRASE = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*(?:\s+[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*){0,3}")
_EXACT = frozenset({"id", "alias", "name"})
# "X, the capital of Y" / "X, la capitale de la Y" / "X, столица Y" / "X، عاصمة Y": X is the city, Y its country
_APPOSITION = re.compile(
    r"(?i)^\s*(?P<city>[^,،]+?)\s*[,،]\s*(?:the\s+|la\s+)?(?:capital(?:e)?|столица|عاصمة)\s+"
    r"(?:(?:of|de|du|des|d['’])\s*(?:(?:the|la|l['’])\s*)?)?(?P<country>.+?)\s*$"
)
# "the capital Amman" / "la capitale Oman" / "العاصمة عمان" / "столица Иордании Амман": the city is the last word(s)
_LEADING = re.compile(r"(?i)^\s*(?:the\s+|la\s+)?(?:capital(?:e)?|столица|العاصمة)\s+(?P<rest>.+?)\s*$")


# "southern Red Sea", "the southern part of the Red Sea", "sud de la mer Rouge", "la partie sud de la mer Rouge",
# "южная часть Красного моря", "جنوب البحر الأحمر": a compass word (and a word for "part") before the water's name
_PART_BEFORE = re.compile(
    rf"(?i)^\s*(?:(?:the|le|la|l['’])\s*)?(?:(?:partie|part)\s+)?(?:{COMPASS})"
    r"(?:\s+(?:part|parts|часть|части|частью|частях))?"
    r"(?:\s+(?:of\s+the|of|de\s+la|de\s+l['’]|du|des|de|d['’]))?\s*(?P<rest>\S.*?)\s*$"
)
# "mer Rouge méridionale", "Red Sea north": the compass word after it
_PART_AFTER = re.compile(rf"(?i)^\s*(?P<rest>\S.*?)\s+(?:{COMPASS})\s*$")


def water_part(text: str) -> PlaceRef | None:
    """The sea, gulf or strait ``text`` names a part of by its compass direction ("southern Red Sea", "sud de la mer
    Rouge", "южная часть Красного моря", "جنوب البحر الأحمر"), or None. A part of a water region lies in it, and the kb
    draws no ring for a sea's halves, so the part is the water region itself. Only water: "southern Libya" or "east
    Congo" is a land region of its own where the kb has one, and a country's part is not the country (a claim
    keyed to the whole of it would say more than the text)."""
    from liftwatch.kb.places import _exact
    from liftwatch.kb.regions import regions

    for rx in (_PART_BEFORE, _PART_AFTER):
        m = rx.match(text)
        if m is None or m["rest"].strip() == text.strip():
            continue
        rest = m["rest"]
        try:
            ref = _exact(rest) or declined(rest)
        except PlaceError:
            continue
        if ref is None or ref.kind != "region":
            continue
        region = regions().get(ref.id)
        if region is not None and region.is_water:
            return replace(ref, text=text)
    return None


# "the waters of Iran", "Iran's territorial waters", "les eaux de l'Iran", "воды Ирана", "в территориальных водах
# Ирана", "воздушное пространство Сирии", "مياه إيران", "أجواء سوريا": a state's waters or airspace named with the state
_STATE_SPACE = re.compile(
    r"(?i)^\s*(?:"
    r"(?:the\s+)?(?:territorial\s+)?(?:waters|airspace|air\s+space)\s+of\s+(?:the\s+)?(?P<en>\S.*?)"
    r"|(?P<pos>\S.*?)['’]s?\s+(?:territorial\s+)?(?:waters|airspace)"
    r"|(?:les\s+|l['’]\s*)?(?:eaux(?:\s+territoriales)?|espace\s+a[ée]rien)\s+"
    r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)(?P<fr>\S.*?)"
    r"|(?:территориальн[а-яё]+\s+)?(?:воды|вод|водах|водам|водами)\s+(?P<ru>\S.*?)"
    r"|воздушн[а-яё]+\s+пространств[а-яё]*\s+(?P<ru2>\S.*?)"
    r"|(?:مياه|أجواء)\s+(?P<ar>\S.*?)"
    r")\s*$"
)


def state_space(text: str) -> PlaceRef | None:
    """The state whose waters or airspace ``text`` names with the state's own name ("воды Ирана", "the waters of
    Iran", "les eaux de l'Iran", "مياه إيران"), or None. A ship "arrived in Iran's waters" or an aircraft "entered
    Syria's airspace" is in that state, as the claim reader already takes "Iranian waters" and "l'espace aérien
    libyen" (the state's adjective) to be; the rest must be a state (a Russian genitive read by its nominative), so
    "the waters of the Red Sea" or "воды Балтики" stay what they were."""
    from liftwatch.kb.place_refs import _country_ref

    m = _STATE_SPACE.match(text)
    if m is None:
        return None
    rest = next(g for g in m.groups() if g is not None)
    code = country_code(rest.strip())
    return None if code is None else _country_ref(text, code, "alias")


def declined(text: str) -> PlaceRef | None:
    """The place a declined Russian word or name of a few words names ("Гаваны": Havana; "Сирии": Syria;
    "Исламской Республики Афганистан": Afghanistan), or None."""
    from liftwatch.kb.places import _exact

    word = text.strip()
    if not _CYRILLIC_PHRASE.fullmatch(word):
        return None
    for nominative in nominatives(word):
        try:
            ref = _exact(nominative)
        except PlaceError:
            continue
        if ref is not None and ref.matched in _EXACT:
            return replace(ref, text=text)
    return None


# "عمّان": Amman ('Ammān) doubles its m, and the shadda that writes the doubling is never Oman's ('Umān); the name
# folding drops it, so the doubled spelling is read here, before the bare word's country
_AMMAN_DOUBLED = re.compile(
    "^\\s*ع[\u064e\u064f\u0650]?م(?:\u0651[\u064e]?|[\u064e]\u0651)ا[\u0652]?ن[\u064b-\u0650]?\\s*$"
)


def capital_city(text: str) -> PlaceRef | None:
    """The city ``text`` tells as a capital, or None (no capital words, or no such city); Amman's doubled
    Arabic spelling ("عمّان") is the city without them."""
    if _AMMAN_DOUBLED.match(text):
        return _city_of(text, "عمان", "الأردن")
    m = _APPOSITION.match(text)
    if m:
        return _city_of(text, m["city"], m["country"])
    m = _LEADING.match(text)
    if not m:
        return None
    words = m["rest"].split()
    for i in range(len(words)):  # "столица Иордании Амман", "العاصمة الأردنية عمان": the city is what is left
        country = " ".join(words[:i])
        found = _city_of(text, " ".join(words[i:]), country or None)
        if found is not None:
            return found
    return None


def country_code(name: str) -> str | None:
    """The ISO2 code of a country named as written, in a Russian declined form, or as an Arabic nisba adjective
    ("الأردنية": Jordanian; "الليبي": Libyan)."""
    from liftwatch.kb.countries import resolve_country

    tries = [name]
    if _CYRILLIC_WORD.fullmatch(name):
        tries += nominatives(name)
    if name.startswith("ال") and name.endswith(("ية", "ي")):  # the nisba: الأردنية -> الأردن
        stem = name.removesuffix("ة").removesuffix("ي")
        tries.append(stem)
        if len(name) > 5:  # a name in "يا" drops it: الليبي, السورية -> ليبيا, سوريا
            tries.append(stem[2:] + "يا")
    for t in tries:
        country = resolve_country(t)
        if country is not None:
            return country.code
    return None


def _city_of(text: str, city: str, country: str | None) -> PlaceRef | None:
    """The city named ``city`` (of ``country`` where given: by name, else by consonant skeleton), as a city ref or
    its one airfield; None when there is none, or when a country is named but unknown."""
    from liftwatch.kb.cities import cities_named
    from liftwatch.kb.places import _city

    code = country_code(country.strip()) if country else None
    if country and code is None:
        return None
    named = [c for c in cities_named(city) if code is None or c.country == code]
    if not named and code is not None:
        named = _by_skeleton(city, code)
    if not named:
        return None
    try:
        ref = _city(text, named, "alias")
    except PlaceError:
        return None
    return None if ref is None else replace(ref, text=text)


def _by_skeleton(name: str, code: str) -> list[City]:
    """The cities of country ``code`` whose name keeps ``name``'s consonants in order (a misspelt capital)."""
    from liftwatch.kb.cities import _cities

    want = skeleton(name)
    if len(want) < 2 or not norm_key(name):
        return []
    return [c for group in _cities().values() for c in group if c.country == code and skeleton(c.name) == want]

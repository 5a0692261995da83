"""Russian where against whither: the locative after "в"/"на" is where a thing is, the accusative where it goes.

Russian tells whither by the accusative after "в"/"на" and where by the locative ("в Сирию" against "в Сирии"), and
the reader takes a name ending in "-ии" or "-е" right after the preposition (or after at most two words) for the
locative. Where a facility noun in the accusative stands between them ("на аэродром Душанбе", "в аэропорт Латакии",
"в порты Индии, Шри-Ланки", "в китайский порт Циндао"), the preposition governs the noun: the name after it is the
facility's own (an indeclinable name, "Душанбе") or its owner in the genitive ("Латакии", "Индии"), so its ending
says nothing of whither or where; the accusative noun has already said whither. The locative of the noun ("в порту
Латакии", "на аэродроме Душанбе") is where, as before.
"""

from __future__ import annotations

import re

from liftwatch.claims.places import Mention

# the preposition, at most two adjectives in the accusative ("в китайский порт", "на военный аэродром"), then a
# facility noun in the accusative, singular or plural, right before the name
_TO_FACILITY = re.compile(
    r"(?<![\w-])(?:в|во|на)\s+(?:[а-яё-]+(?:ый|ий|ой|ую|юю|ое|ее|ые|ие)\s+){0,2}"
    r"(?:порты?|аэродромы?|аэропорты?|авиабаз[уы]|баз[уы]|гавань|пункт)\s+$",
    re.I,
)


def to_facility_named(before: str) -> bool:
    """Whether ``before``, the text right before a place's name, ends with a preposition and a facility noun in
    the accusative ("на аэродром ", "в порты "): the name after it is no locative."""
    return _TO_FACILITY.search(before) is not None


# Russian "в"/"на" take the locative (place where: "в Сирии", "на авиабазе") or the accusative (place to:
# "в Сирию", "на авиабазу"); only the latter is a destination. Indeclinable names ("в Бенгази") stay.
# (not after "в сторону", "в направлении": "в сторону Сирии" is whither, the place in the genitive)
_RU_LOCATIVE = re.compile(r"(?<![\w-])(?:в|во|на)\s+(?!сторону\s|направлении\s)(?:\w+\s+){0,2}?[А-ЯЁа-яё-]+(?:ии|е)$")


def ru_locative(pre: str, men: Mention) -> bool:
    """ "в Сирии", "на авиабазе": the locative (where), not the accusative (whither). A sea is told by its
    adjective: "в Средиземное море" (whither) against "в Средиземном море" (where)."""
    words = men.place.text.split()
    if to_facility_named(pre):
        return False  # "на аэродром Душанбе", "в порты Индии": the noun is whither, the name its own or its owner
    if men.source == "water" and len(words) > 1:
        return bool(re.search(r"(?:в|во|на)\s+$", pre)) and words[0].endswith(("ом", "ем", "ой"))
    return _RU_LOCATIVE.search(pre + words[0]) is not None

"""A Russian place followed by the formal name of its state in the genitive: the place, not an unknown one.

Russian official reporting names a town or an airfield, then the state it lies in by its form of government in the
genitive ("из Алма-Аты Республики Казахстан", "в аэропорту Майкетия Боливарианской Республики Венесуэла"). Capital
words run into one candidate phrase, and the whole phrase is no name the kb knows, so the place was kept as an
unknown one. The state's name after the place only says where the place is: the place is read without it.

The state named alone by its formal name in any case ("из Киргизской Республики", "в порт Алжирской Народной
Демократической Республики") is the state its first adjective names (``kb.nationalities.russian_stems``): the kb
lists a state's formal names in the nominative, and not every one.
"""

from __future__ import annotations

import re
from typing import Protocol

from liftwatch.claims.model import Place
from liftwatch.kb.nationalities import russian_stems

# the place, then up to three adjectives of the state's name in the genitive ("Боливарианской", "Народной
# Демократической"), "Республики" and up to two words of its name ("Республики Казахстан")
_STATE_TAIL = re.compile(
    r"(?P<place>\S.*?)\s+(?:[А-ЯЁ][а-яё-]*(?:ой|ей)\s+){0,3}"
    r"(?:Республики|Федерации|Королевства|Султаната|Эмирата|Княжества)(?:\s+[А-ЯЁ][а-яё-]*){0,2}"
)


# the state's adjective, the adjectives of its form of government, then the form ("Киргизская Республика",
# "Алжирская Народная Демократическая Республика"), in any case
_FORMAL_NAME = re.compile(
    r"(?P<adj>[А-ЯЁ][а-яё-]+)\s+(?:(?:[Аа]рабск|[Нн]ародн|[Дд]емократическ|[Ии]сламск|[Фф]едеративн|[Сс]оциалистическ)"
    r"[а-яё]+\s+){0,3}(?:Республик|Федераци|Королевств|Султанат|Эмират|Княжеств)[а-яё]*"
)


class _Lookup(Protocol):
    def lookup(self, text: str, carrier: str | None = None) -> Place | None: ...

    def country_place(self, iso2: str, text: str) -> Place: ...


def place_before_state(phrase: str, gaz: _Lookup) -> Place | None:
    """The place ``phrase`` names before its state's formal genitive name, if the kb knows it; else None."""
    formal = _FORMAL_NAME.fullmatch(phrase)
    if formal is not None:
        adjective = formal.group("adj").lower()
        stems = russian_stems()
        for stem in sorted(stems, key=len, reverse=True):
            if adjective.startswith(stem):
                return gaz.country_place(stems[stem], phrase)
        return None
    m = _STATE_TAIL.fullmatch(phrase)
    if m is None:
        return None
    return gaz.lookup(m.group("place"))

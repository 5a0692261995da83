"""A Russian place followed by the formal name of its state in the genitive: the place, not an unknown one.

Russian official reporting names a town or an airfield, then the state it lies in by its form of government in the
genitive ("из Алма-Аты Республики Казахстан", "в аэропорту Майкетия Боливарианской Республики Венесуэла"). Capital
words run into one candidate phrase, and the whole phrase is no name the kb knows, so the place was kept as an
unknown one. The state's name after the place only says where the place is: the place is read without it.
"""

from __future__ import annotations

import re
from typing import Protocol

from liftwatch.claims.model import Place

# the place, then up to three adjectives of the state's name in the genitive ("Боливарианской", "Народной
# Демократической"), "Республики" and up to two words of its name ("Республики Казахстан")
_STATE_TAIL = re.compile(
    r"(?P<place>\S.*?)\s+(?:[А-ЯЁ][а-яё-]*(?:ой|ей)\s+){0,3}"
    r"(?:Республики|Федерации|Королевства|Султаната|Эмирата|Княжества)(?:\s+[А-ЯЁ][а-яё-]*){0,2}"
)


class _Lookup(Protocol):
    def lookup(self, text: str, carrier: str | None = None) -> Place | None: ...


def place_before_state(phrase: str, gaz: _Lookup) -> Place | None:
    """The place ``phrase`` names before its state's formal genitive name, if the kb knows it; else None."""
    m = _STATE_TAIL.fullmatch(phrase)
    if m is None:
        return None
    return gaz.lookup(m.group("place"))

"""Words that say whose or where a ship is, not what it is called: a "name" made of them alone is no ship's name.

Reporting puts a state, its adjective or an alliance where a ship's name stands in the forms the ship reader accepts:
"the French frigate Provence" (English also writes the name before the class noun: "the Yantar research vessel"),
"the mine ships Fulda (M1058, Germany)", "a suspicious vessel, Nato is ...", "корабли КНР", "Военные корабли Ирана",
"корабли Саудовской Аравии". The kb's states (any script, Russian case forms) and adjectives say which words these
are; a ship named after a state alone is rarer in this reporting than these phrases (a state's name is kept where the
text quotes it: the caller asks only of names it read unquoted or bracketed). A word of where a ship is based or
flagged ("Southampton-based", "Panama-flagged") says the same.
"""

from __future__ import annotations

import re
from functools import cache

from liftwatch.claims.place_names import COUNTRIES
from liftwatch.claims.places import norm_key
from liftwatch.kb.countries import resolve_country
from liftwatch.kb.nationalities import arabic_adjectives, demonym_rows, nationality_adjectives, russian_stems
from liftwatch.kb.ru_forms import ru_variants

# alliances reporting names beside ships, in the four languages
_ALLIANCES = frozenset({"nato", "otan", "нато", "الناتو", "ناتو", "eu", "ue"})
_BASED = re.compile(r"[\w.-]+-(?:based|flagged)", re.I)


@cache
def _adjectives() -> frozenset[str]:
    """English and French adjectives and English state names, lower-cased."""
    names = {name.lower() for name, _ in demonym_rows().values()}
    return frozenset(names | set(nationality_adjectives()) | set(arabic_adjectives()))


def _is_state(text: str) -> bool:
    """Whether ``text`` names a state in any script or Russian case form ("Ирана", "КНР", "Саудовской Аравии")."""
    key = norm_key(text)
    if key in _country_keys():
        return True
    return any(resolve_country(v) is not None or v in _country_keys() for v in (text, *ru_variants(key)))


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(norm_key(k) for k in COUNTRIES)


def _is_whose_word(word: str) -> bool:
    low = word.lower()
    if low in _ALLIANCES or low in _adjectives() or _BASED.fullmatch(word):
        return True
    if any(low.startswith(stem) for stem in russian_stems()):
        return True  # "Саудовской", "российского": a Russian adjective of a state, any case
    return _is_state(word)


def is_whose_name(name: str) -> bool:
    """Whether a ship's "name" only says whose or where the ship is: a state, its adjective, an alliance or a base
    ("French", "Germany", "Nato", "КНР", "Саудовской Аравии", "Southampton-based")."""
    words = name.split()
    if not words:
        return False
    return _is_state(name) or all(_is_whose_word(w) for w in words)

"""A place named with its generic word in an oblique Russian case: "на аэродроме Чкаловский", "в порту Кейптаун",
"на авиабазе Хмеймим", "в международном аэропорту Сунан".

Russian declines the generic word before a name and leaves the name as it is ("аэродром Чкаловский", "на аэродроме
Чкаловский"); the kb holds the phrase in the nominative where it holds it at all, and the name alone otherwise. So a
phrase whose generic word is in another case is read as the nominative phrase, and, where the kb has no such phrase,
as the name alone, read for the carrier the generic word says (a port is a ship's place, an airport or an air base
an aircraft's: "порту Кейптаун" is Cape Town's harbour, not its airport), unless the caller gave a carrier. The name
alone must be an exact reading (no fuzzy or by-ear match): the generic word does not make a guess surer.

Only a generic word in an oblique case is read here: a nominative phrase is the resolver's own reading already, and a
name that holds the word as a part of itself ("Порт-Судан", "Порт-Саид") is written with a hyphen, which this does not
take.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from liftwatch.errors import PlaceError

if TYPE_CHECKING:
    from liftwatch.kb.carriers import Carrier
    from liftwatch.kb.place_refs import PlaceRef


@dataclass(frozen=True)
class _Word:
    """A generic word: its nominative, its oblique endings after the stem, and the carrier whose place it names."""

    stem: str
    nominative_ending: str
    oblique: tuple[str, ...]
    carrier: Carrier


_WORDS = (
    _Word("аэропорт", "", ("а", "у", "ом", "е"), "air"),
    _Word("аэродром", "", ("а", "у", "ом", "е"), "air"),
    _Word("авиабаз", "а", ("ы", "е", "у", "ой"), "air"),
    _Word("военно-морск", "ая база", ("ой базы", "ой базе", "ую базу", "ой базой"), "sea"),
    _Word("порт", "", ("а", "у", "ом", "е"), "sea"),
)

#: An adjective a generic phrase may open with ("международном аэропорту", "военном аэродроме"); the phrase is read
#: without it
_ADJECTIVE = r"(?:(?:международн|военн|гражданск|морск|торгов)[а-яё]{2,3}\s+)?"


def _pattern(word: _Word) -> re.Pattern[str]:
    endings = "|".join(re.escape(e) for e in word.oblique)
    return re.compile(rf"(?i)^\s*{_ADJECTIVE}{re.escape(word.stem)}(?:{endings})\s+(?P<name>[^\s\-].*?)\s*$")


_PATTERNS = tuple((word, _pattern(word)) for word in _WORDS)

#: Readings of the name alone that are exact enough to stand for the phrase
_EXACT = frozenset({"id", "code", "alias", "name"})


def generic_phrase(text: str) -> tuple[str, str, Carrier] | None:
    """(the nominative phrase, the name alone, the generic word's carrier) of a phrase whose generic word is in an
    oblique case ("аэродроме Чкаловский" -> ("аэродром Чкаловский", "Чкаловский", "air")), or None."""
    for word, rx in _PATTERNS:
        m = rx.match(text)
        if m is not None:
            name = m["name"]
            return f"{word.stem}{word.nominative_ending} {name}", name, word.carrier
    return None


def resolve_generic(text: str, carrier: Carrier | None) -> PlaceRef | None:
    """The place a phrase with its generic word in an oblique case names (see the module docstring), or None when
    ``text`` is no such phrase or neither reading finds the place."""
    from liftwatch.kb.places import resolve_place

    found = generic_phrase(text)
    if found is None:
        return None
    phrase, name, implied = found
    mode = carrier or implied
    with contextlib.suppress(PlaceError):  # the phrase as the kb may hold it, else the name alone
        return replace(resolve_place(phrase, mode), text=text)
    try:
        ref = resolve_place(name, mode)
    except PlaceError:
        return None
    return replace(ref, text=text) if ref.matched in _EXACT else None

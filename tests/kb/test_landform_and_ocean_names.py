"""Names the resolver misread: a salt flat's generic word as a Libyan town, and the Pacific as a Colombian airport.

"Sebkha" (a salt flat, the first word of many Maghreb place names) folds for transliteration onto Sebha (Sabha,
Libya), and its letters are close enough for the fuzzy pass too: alone it is no place. "the Pacific" and "le
Pacifique" are the Pacific Ocean, not El Pacifico Airport, which only a fuzzy match reached.
"""

from __future__ import annotations

import pytest

from liftwatch.errors import PlaceError
from liftwatch.kb import resolve_place
from liftwatch.kb.lookup import resolve_site


@pytest.mark.parametrize("name", ["Sebkha", "sebkha", "Sabkha", "Sebkhet"])
def test_salt_flat_word_alone_is_no_place(name: str) -> None:
    with pytest.raises(PlaceError):
        resolve_place(name)
    assert resolve_site(name) is None


@pytest.mark.parametrize("name", ["Sebha", "Sabha", "Себха"])
def test_sebha_itself_still_resolves(name: str) -> None:
    assert resolve_place(name).id == "sabha"


@pytest.mark.parametrize("name", ["the Pacific", "Pacific", "le Pacifique", "Pacifique", "Western Pacific"])
def test_bare_pacific_is_the_ocean(name: str) -> None:
    ref = resolve_place(name)
    assert (ref.kind, ref.id) == ("region", "pacific-ocean")


def test_bare_pacific_is_the_ocean_for_a_ship() -> None:
    assert resolve_place("the Pacific", "sea").id == "pacific-ocean"

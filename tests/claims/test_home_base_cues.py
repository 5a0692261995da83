"""Where carriers are based is where they came from, and a base's address is not a second place: sentences written
fresh for these shapes (places and dates other than the gold corpus's)."""

from __future__ import annotations

import pytest

from tests.claims.conftest import one_claim, place_ids


@pytest.mark.parametrize(
    "text",
    [
        "Two B-1B bombers based at Dyess Air Force Base landed at Misawa Air Base on 4 May.",
        "Deux bombardiers B-1B issus de la base de Dyess ont atterri à Misawa le 4 mai.",
        "Deux bombardiers B-1B issus des bases aériennes de Dyess ont atterri à Misawa le 4 mai.",
    ],
)
def test_the_home_base_is_the_origin(text: str) -> None:
    c = one_claim(text)
    assert place_ids(c.origin) and not set(place_ids(c.origin)) & set(place_ids(c.destination))


def test_a_known_base_keeps_its_state_as_its_address_not_a_second_origin() -> None:
    c = one_claim("The tankers, deployed from Barksdale Air Force Base, Louisiana, arrived at Morón on 2 March.")
    assert len(c.origin) == 1, [p.text for p in c.origin]
    assert c.destination

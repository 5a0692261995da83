"""A carrier in place resolution breaks ties and chooses what an unknown name lists.

A misspelt "Sevastopol" is as close to the naval base as to the airport, so without a carrier it is ambiguous; a
ship's filter means the naval base and an aircraft's the airport. An unknown name in a ship's filter lists ports a
voyage can start or end at, never airfields (and the other way round)."""

from __future__ import annotations

import re

import pytest

import liftwatch.kb as kb
from liftwatch.errors import PlaceError
from liftwatch.kb.carriers import carrier_of_kind


def _listed_sites(exc: PlaceError) -> list[str]:
    return [m[1] for c in exc.candidates if (m := re.search(r"\(site ([^,]+),", c))]


def test_a_carrier_breaks_a_tie_between_a_towns_port_and_airfield() -> None:
    with pytest.raises(PlaceError, match="ambiguous"):
        kb.resolve_place("Sevastopl")
    assert kb.resolve_place("Sevastopl", "sea").id == "sevastopol"
    assert kb.resolve_place("Sevastopl", "air").id == "URFB"


@pytest.mark.parametrize("carrier", ["sea", "air"])
def test_an_unknown_name_lists_only_places_the_carrier_uses(carrier: str) -> None:
    with pytest.raises(PlaceError, match="unknown place 'Narnia'") as info:
        kb.resolve_endpoint("Narnia", carrier)  # type: ignore[arg-type]
    listed = _listed_sites(info.value)
    assert listed, info.value.candidates
    assert {carrier_of_kind(kb.site(s).kind) for s in listed} == {carrier}


def test_a_ships_unknown_name_lists_the_port_index_too() -> None:
    with pytest.raises(PlaceError) as info:
        kb.resolve_endpoint("Narnia", "sea")
    assert any(c.startswith("Sarnia (site wpi-") for c in info.value.candidates)  # Ontario's port, one letter off
    with pytest.raises(PlaceError) as plain:
        kb.resolve_endpoint("Narnia")
    assert any("Nariya Airport" in c for c in plain.value.candidates)  # no carrier: the closest names of any kind


def test_an_ambiguous_name_keeps_its_tied_readings() -> None:
    with pytest.raises(PlaceError, match="ambiguous") as info:
        kb.resolve_endpoint("Sevastopl")
    assert {"sevastopol", "URFB"} <= set(_listed_sites(info.value))


@pytest.mark.parametrize(
    ("text", "carrier", "expected"),
    [
        ("Sydney, Australia", "sea", "wpi-53650"),  # "Sydney" alone: harbours in Australia and Nova Scotia
        ("Sydney, Canada", "sea", "wpi-6000"),
        ("Victoria, Seychelles", "sea", "wpi-47220"),
        ("Cartagena, Colombia", None, "SKCG"),  # no carrier: the name alone is an airport and a naval base far apart
        ("Cartagena, Spain", None, "cartagena-naval-base"),
    ],
)
def test_a_country_after_a_comma_chooses_among_a_names_places(text: str, carrier: str | None, expected: str) -> None:
    assert kb.resolve_endpoint(text, carrier).id == expected  # type: ignore[arg-type]


def test_a_country_that_holds_no_place_of_the_name_is_an_error() -> None:
    with pytest.raises(PlaceError, match="unknown place 'Tobruk, Egypt'"):
        kb.resolve_endpoint("Tobruk, Egypt")

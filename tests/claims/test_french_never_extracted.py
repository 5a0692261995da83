"""French movements the extractor lost or merged away: a leg back told by "avant de" and an infinitive of going back
("..., avant de retourner dans la région de Moscou") is a leg of its own, from the goal before it, and the place it
goes back to is where the first leg came from when the text does not say (rule 26). Sentences written for these
tests.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.clauses import RETURN_OPENING
from liftwatch.claims.extract import extract
from liftwatch.claims.model import Claim

PUB = date(2025, 3, 20)


def _legs(text: str) -> list[tuple[list[str], list[str], list[str]]]:
    def ids(c: Claim, role: str) -> list[str]:
        return [p.id or p.text for p in getattr(c, role)]

    return [
        (ids(c, "origin"), ids(c, "destination"), ids(c, "via")) for c in extract(text, PUB, use_model=False).claims
    ]


def test_the_place_before_a_return_is_the_goal_not_a_stop() -> None:
    legs = _legs("Un An-124 a décollé de Libye pour Lattaquié mardi, avant de retourner dans la région de Moscou.")
    assert not any(via for _, _, via in legs)
    assert any(d == ["hmeimim"] for _, d, _ in legs)


def test_the_return_is_a_leg_of_its_own_from_that_goal() -> None:
    legs = _legs(
        "Le 3 mars, un Il-76 russe a volé depuis la Libye vers Lattaquié, avant de retourner dans la région de Moscou."
    )
    assert (["hmeimim"], ["moscow-oblast"], []) in legs


def test_the_return_without_a_comma_is_cut_as_well() -> None:
    legs = _legs("Un Il-76 russe a fait escale à Lattaquié avant de regagner la région de Moscou.")
    assert (["hmeimim"], ["moscow-oblast"], []) in legs


def test_going_back_to_a_place_says_the_first_leg_came_from_it() -> None:
    legs = _legs("Un Il-76 russe a fait escale à Lattaquié avant de retourner dans la région de Moscou.")
    assert (["moscow-oblast"], ["hmeimim"], []) in legs


def test_a_told_origin_is_kept_and_the_return_place_is_not_made_one() -> None:
    legs = _legs(
        "Le 3 mars, un Il-76 russe a volé depuis la Libye vers Lattaquié, avant de retourner dans la région de Moscou."
    )
    assert (["libya"], ["hmeimim"], []) in legs
    assert not any(o == ["moscow-oblast"] for o, _, _ in legs)


def test_the_french_return_opens_a_clause_of_motion() -> None:
    assert RETURN_OPENING.match("avant de retourner dans la région de Moscou") is not None
    assert RETURN_OPENING.match("avant de décharger sa cargaison à Lattaquié") is None


_BRIDGE = "Des navires russes ont quitté la Syrie pour la mer Baltique. Il y a aussi eu un pont aérien depuis la base de Hmeimim."


def test_an_air_bridge_is_flown_by_aircraft() -> None:
    claims = extract(_BRIDGE, PUB, use_model=False).claims
    bridge = [c for c in claims if [p.id for p in c.origin] == ["hmeimim"]]
    assert bridge and [a.label for a in bridge[0].assets] == ["aircraft"]


def test_an_air_bridge_is_not_merged_into_the_ships_voyage() -> None:
    legs = _legs(_BRIDGE)
    assert (["syria"], ["baltic-sea"], []) in legs

"""Carriers told by type or class after an escort word are a movement of their own, with the escorted movement's
places and their own count; the escorted movement keeps its own carriers. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.assets import find_assets
from liftwatch.claims.extract import extract
from liftwatch.claims.model import Claim
from liftwatch.claims.typed_escorts import typed_escorts_in
from tests.claims.conftest import place_ids

PUB = date(2025, 3, 10)


def _with(claims: list[Claim], label: str) -> list[Claim]:
    return [c for c in claims if any(a.label == label for a in c.assets)]


def test_a_pronoun_object_escort_in_the_next_sentence_takes_the_route_and_its_own_count() -> None:
    text = (
        "Шесть истребителей МиГ-29 перелетели с авиабазы Хмеймим на восток Ливии. "
        "Их сопровождали два истребителя Су-35."
    )
    claims = extract(text, PUB, use_model=False).claims
    (su35,) = _with(claims, "Su-35")
    assert place_ids(su35.origin) == {"hmeimim"}
    assert place_ids(su35.destination) == {"eastern-libya"}
    assert (su35.min_count, su35.max_count) == (2, 2)


def test_the_escorted_movement_keeps_its_own_carriers_and_count() -> None:
    text = "Шесть истребителей МиГ-29 перелетели с авиабазы Хмеймим на восток Ливии. Их сопровождали два истребителя Су-35."
    claims = extract(text, PUB, use_model=False).claims
    (mig,) = _with(claims, "MiG-29")
    assert {a.label for a in mig.assets} == {"MiG-29"}
    assert (mig.min_count, mig.max_count) == (6, 6)


def test_coordinated_escorts_are_one_movement() -> None:
    (esc,) = typed_escorts_in("Десять самолетов Ил-76 в сопровождении МиГ-31 и Су-35 пролетели над городом.")
    assert {a.label for a in esc.assets} == {"MiG-31", "Su-35"}
    assert esc.min_count is None


def test_an_escort_count_in_english() -> None:
    (esc,) = typed_escorts_in("The survey ship will be accompanied by three naval frigates on its voyage.")
    assert (esc.min_count, esc.max_count) == (3, 3)
    assert esc.assets[0].domain == "sea"


def test_the_list_ends_at_as_well_as() -> None:
    (esc,) = typed_escorts_in("The tanker was escorted by two corvettes, as well as by a fighter aircraft.")
    assert [a.domain for a in esc.assets] == ["sea"]


def test_a_french_auxiliary_makes_the_escort_word_active() -> None:
    assert typed_escorts_in("La frégate a accompagné de nombreux navires civils en mer Rouge.") == []


def test_other_ships_are_the_rest_of_a_group_not_escorts() -> None:
    assert typed_escorts_in("Le croiseur, accompagné de deux autres bateaux, est entré dans la Manche.") == []


def test_a_phrase_opening_on_an_unread_noun_tells_no_escort() -> None:
    assert typed_escorts_in("Le pétrolier est escorté par des vedettes, des canots et des avions de la marine.") == []


def test_a_bare_russian_escort_verb_is_not_read() -> None:
    assert typed_escorts_in("Катер береговой охраны сопровождал российские военные корабли через пролив.") == []


def test_an_arabic_tanker_plane_is_an_aircraft() -> None:
    labels = [a.label for _, _, a in find_assets("وأقلعت مقاتلتان برفقة طائرة ناقلة من القاعدة")]
    assert "tanker aircraft" in labels
    assert "tanker" not in labels

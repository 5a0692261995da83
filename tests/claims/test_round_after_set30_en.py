"""English forms of the round after set 30: a list of ship names closed by ", and", a ship's name ending in "-an"
before its class noun, and a naval group whose make-up a sentence of its own names. Sentences written for these
tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from liftwatch.claims.ships import named_ships

PUB = date(2025, 1, 10)


def _labels(text: str) -> list[list[str]]:
    return [sorted(a.label for a in c.assets) for c in extract(text, PUB, use_model=False).claims]


@pytest.mark.parametrize(
    "text",
    [
        "Three tankers, named Alpha Star, Coral, and Meridian, sailed from Bandar Abbas to Latakia on Monday.",
        "The tankers Alpha Star, Coral, and Meridian sailed from Bandar Abbas to Latakia on Monday.",
    ],
)
def test_a_list_of_names_closed_by_a_comma_and_and_keeps_its_last_name(text: str) -> None:
    names = [n for _, _, n in named_ships(text)]
    assert names == ["Alpha Star", "Coral", "Meridian"]


def test_the_names_before_a_plural_class_noun_closed_by_a_comma_and_and() -> None:
    text = "The Azov, Yamal, and Minsk landing ships left Sevastopol on Monday."
    assert [n for _, _, n in named_ships(text)] == ["Azov", "Yamal", "Minsk"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Jamaran destroyer docked at Port Sudan on Monday.", ["Jamaran"]),
        ("The Sahand frigate and the Makran ship left Bandar Abbas.", ["Sahand", "Makran"]),
        # a state's adjective or name in "-an" says whose the ship is: no name
        ("The American destroyer docked at Souda Bay on Monday.", []),
        ("The Moroccan frigate docked at Tangier on Monday.", []),
        ("The Iran frigate docked at Port Sudan on Monday.", []),
        # "-ian" and "-ean" stay nationalities or seas
        ("The Indian destroyer docked at Port Sudan on Monday.", []),
        ("The Korean destroyer docked at Busan on Monday.", []),
    ],
)
def test_a_name_in_an_before_its_class_noun(text: str, names: list[str]) -> None:
    assert [n for _, _, n in named_ships(text)] == names


def test_a_group_takes_the_ships_its_make_up_names() -> None:
    text = (
        "Iran's naval fleet docked at Port Sudan on Saturday. The fleet comprises the destroyer Alborz and the "
        "supply ship Kharg, the navy said."
    )
    claims = extract(text, PUB, use_model=False).claims
    docked = [c for c in claims if any(p.text == "Port Sudan" for p in c.destination)]
    assert docked
    assert sorted(a.label for a in docked[0].assets) == ["Alborz", "Kharg"]
    assert docked[0].min_count == docked[0].max_count == 2


def test_a_make_up_of_classes_only_names_no_ship() -> None:
    text = "The naval fleet docked at Port Sudan on Saturday. The fleet is composed of a destroyer and a supply ship."
    for labels in _labels(text):
        assert not any(label[0].isupper() for label in labels)


def test_a_movement_with_carriers_of_its_own_keeps_them() -> None:
    text = (
        "The fleet comprises the destroyer Alborz and the supply ship Kharg. The frigate Sabalan of the fleet docked at "
        "Port Sudan on Saturday."
    )
    labels = _labels(text)
    assert ["Sabalan"] in labels


def test_a_movement_told_without_the_group_takes_no_ship_of_it() -> None:
    text = (
        "The fleet comprises the destroyer Alborz and the supply ship Kharg. Two aircraft landed at Port Sudan on "
        "Saturday."
    )
    for labels in _labels(text):
        assert "Alborz" not in labels


def _route(text: str) -> list[tuple[list[str], list[str]]]:
    return [
        ([p.text for p in c.origin], [p.text for p in c.destination])
        for c in extract(text, PUB, use_model=False).claims
    ]


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("The transport plane took off for Ankara on Monday.", ([], ["Ankara"])),
        ("In the afternoon the aircraft took off again for Ankara.", ([], ["Ankara"])),
        ("The aircraft took off from Misrata for Ankara on Monday.", (["Misrata"], ["Ankara"])),
    ],
)
def test_a_plane_taking_off_for_a_place(text: str, route: tuple[list[str], list[str]]) -> None:
    assert route in _route(text)


def test_people_brought_to_a_place_by_planes() -> None:
    text = "The evacuated citizens were brought to Ankara by two military planes on Monday."
    assert ([], ["Ankara"]) in _route(text)


def test_a_mission_after_taking_off_is_no_goal() -> None:
    text = "The jets took off from Incirlik for a mission over the sea on Monday."
    assert all("Incirlik" not in dest for _, dest in _route(text))


@pytest.mark.parametrize(
    ("text", "route"),
    [
        (
            "The frigate and the tanker have finished their long mission in the Mediterranean Sea and set off for "
            "Baltiysk, the spokesman said.",
            (["Mediterranean Sea"], ["Baltiysk"]),
        ),
        ("The frigate completed its patrol off Somalia and sailed for Djibouti.", (["Somalia"], ["Djibouti"])),
    ],
)
def test_a_task_finished_in_the_finite_past_is_where_the_voyage_began(
    text: str, route: tuple[list[str], list[str]]
) -> None:
    assert route in _route(text)


def test_a_finished_unloading_is_no_task_and_no_origin() -> None:
    text = "The ship completed the unloading in Tartus on Monday."
    assert all("Tartus" not in origin for origin, _ in _route(text))


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("Two Il-76 planes left for Caracas on Friday, stopping along the way in Syria.", "Syria"),
        ("The planes flew to Bamako, refuelling en route at Benghazi.", "Benghazi"),
        ("The plane flew to Caracas, stopping on its way in Damascus.", "Damascus"),
    ],
)
def test_a_stop_told_with_the_way_between(text: str, via: str) -> None:
    claims = extract(text, PUB, use_model=False).claims
    assert any(via in [p.text for p in c.via] for c in claims)

"""A named ship escorting or accompanying a convoy is a movement of its own on the convoy's route, in the four
languages, told in the convoy's sentence or in the one after it; a watcher ("shadowed by") and an unnamed escort
are none. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.escorts import escorts_in
from liftwatch.claims.extract import extract
from tests.claims.conftest import place_ids

PUB = date(2025, 3, 10)


def _by_ship(text: str) -> dict[str, tuple[set[str], set[str]]]:
    out: dict[str, tuple[set[str], set[str]]] = {}
    for c in extract(text, PUB, use_model=False).claims:
        for a in c.assets:
            if a.ship_name:
                out[a.label] = (place_ids(c.origin), place_ids(c.destination))
    return out


@pytest.mark.parametrize(
    ("text", "ship"),
    [
        ("The cargo ship Sparta IV left Tartus, escorted by the frigate Admiral Makarov.", "Admiral Makarov"),
        ("Le cargo Sparta IV a quitté Tartous, escorté par la frégate Amiral Makarov.", "Amiral Makarov"),
        ("La frégate Amiral Makarov, accompagnée par le pétrolier Akademik Pachine, a quitté Tartous.", None),
    ],
)
def test_the_escort_word_names_the_escort(text: str, ship: str | None) -> None:
    names = [a.label for a in escorts_in(text)]
    if ship is None:
        assert names == ["Akademik Pachine"]
    else:
        assert names == [ship]


def test_a_watcher_is_no_escort() -> None:
    assert escorts_in("The cargo ship Sparta IV left Tartus, shadowed by the frigate HMS Somerset.") == []


def test_an_escort_in_the_convoys_sentence_sails_its_route() -> None:
    got = _by_ship("The cargo ship Sparta IV left Tartus for Baltiysk, escorted by the frigate Admiral Makarov.")
    assert got["Sparta IV"] == got["Admiral Makarov"]
    assert "tartus" in " ".join(got["Admiral Makarov"][0])


def test_an_escort_told_in_the_next_sentence_takes_the_convoys_places() -> None:
    text = (
        "Two Russian cargo ships, Sparta IV and Ursa Major, left Tartus on 3 March. "
        "They were escorted by the corvette Boikiy, which sailed without its transponder."
    )
    got = _by_ship(text)
    assert "Boikiy" in got
    assert "tartus" in " ".join(got["Boikiy"][0])
    # the convoy keeps its own two ships
    claims = extract(text, PUB, use_model=False).claims
    convoy = [c for c in claims if {a.label for a in c.assets} >= {"Sparta IV", "Ursa Major"}]
    boikiy = [c for c in claims if [a.label for a in c.assets] == ["Boikiy"]]
    assert len(boikiy) == 1 and boikiy[0].min_count is None
    assert all("Boikiy" not in {a.label for a in c.assets} for c in convoy)


@pytest.mark.parametrize(
    "text",
    [
        "Le cargo Sparta IV a quitté Tartous le 3 mars. Il est escorté par la frégate Amiral Makarov.",
        "Сухогруз «Спарта IV» вышел из Тартуса 3 марта в сопровождении фрегата «Адмирал Макаров».",
    ],
)
def test_an_escort_in_french_and_russian(text: str) -> None:
    claims = extract(text, PUB, use_model=False).claims
    escorts = [c for c in claims if c.escort]
    assert len(escorts) == 1
    assert "tartus" in " ".join(place_ids(escorts[0].origin))


def test_an_unnamed_escort_adds_no_claim() -> None:
    text = "The cargo ship Sparta IV left Tartus on 3 March under naval escort."
    assert not [c for c in extract(text, PUB, use_model=False).claims if c.escort]


def test_a_later_sentence_naming_the_escort_joins_its_claim() -> None:
    text = (
        "The cargo ship Sparta IV left Tartus, escorted by the frigate Admiral Makarov. "
        "The Admiral Makarov was seen off Malta on 5 March."
    )
    claims = extract(text, PUB, use_model=False).claims
    makarov = [c for c in claims if any(a.label == "Admiral Makarov" for a in c.assets)]
    assert len(makarov) == 1

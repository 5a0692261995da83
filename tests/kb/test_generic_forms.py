"""A place named with its generic word in an oblique Russian case ("на аэродроме Чкаловский", "в порту Кейптаун") is
the nominative phrase's place, or the name's alone, read for the carrier the word says. Invented phrases."""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb.generic_forms import generic_phrase


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("аэродроме Чкаловский", ("аэродром Чкаловский", "Чкаловский", "air")),
        ("авиабазе Хмеймим", ("авиабаза Хмеймим", "Хмеймим", "air")),
        ("международном аэропорту Сунан", ("аэропорт Сунан", "Сунан", "air")),
        ("порту Кейптаун", ("порт Кейптаун", "Кейптаун", "sea")),
        ("военно-морской базе Тартус", ("военно-морская база Тартус", "Тартус", "sea")),
    ],
)
def test_the_generic_word_is_read_in_its_nominative(text: str, want: tuple[str, str, str]) -> None:
    assert generic_phrase(text) == want


@pytest.mark.parametrize("text", ["аэродром Чкаловский", "Порт-Судан", "порт", "Чкаловский", "аэропорт-Внуково"])
def test_a_nominative_or_hyphenated_word_is_no_oblique_phrase(text: str) -> None:
    assert generic_phrase(text) is None


@pytest.mark.parametrize(
    ("text", "carrier", "want"),
    [
        ("аэродроме Чкаловский", "air", "chkalovsky"),
        ("аэродроме Чкаловский", None, "chkalovsky"),
        ("аэропорту Сунан", "air", "ZKPY"),
        ("порту Кейптаун", None, "wpi-46770"),  # the word says port: the harbour, not the city's airport
        ("порту Кейптауна", "sea", "wpi-46770"),
        ("порту Тартус", "sea", "tartus-port"),
    ],
)
def test_an_oblique_generic_phrase_resolves(text: str, carrier: str | None, want: str) -> None:
    ref = kb.resolve_place(text, carrier=carrier)  # type: ignore[arg-type]
    assert ref.id == want
    assert ref.text == text


def test_an_unknown_name_after_the_word_stays_unknown() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("аэродроме Ыыыщщщ", carrier="air")


@pytest.mark.parametrize(("text", "want"), [("Феодосии", "wpi-43850"), ("порту Феодосии", "wpi-43850")])
def test_a_declined_russian_town_is_its_index_port_for_a_ship(text: str, want: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == want

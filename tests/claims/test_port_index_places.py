"""A ship's harbour the kb curates no port for reaches the World Port Index tier; an aircraft's place does not."""

from __future__ import annotations

import pytest

from liftwatch.claims import extract
from tests.claims.conftest import real_kb_gazetteer


@pytest.fixture(scope="module", autouse=True)
def _kb() -> None:
    real_kb_gazetteer()


def _ends(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    return [([p.id for p in c.origin or []], [p.id for p in c.destination or []]) for c in extract(text).claims]


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("The Russian frigate Admiral Grigorovich arrived in Haifa on 3 May 2024.", [], ["wpi-45080"]),
        ("The cargo ship Sparta IV left Duqm on 3 May 2024.", ["wpi-48235"], []),
        ("Сухогруз «Спарта IV» вошёл в Феодосию 3 мая 2024 года.", [], ["wpi-43850"]),
        ("La frégate Karel Doorman a fait escale à Souda le 3 mai 2024.", [], ["wpi-43100"]),
    ],
)
def test_a_ships_port_from_the_index(text: str, origin: list[str], destination: list[str]) -> None:
    assert _ends(text) == [(origin, destination)]


def test_an_aircrafts_haifa_is_its_airport() -> None:
    assert _ends("A Russian Il-76 landed in Haifa on 3 May 2024.") == [([], ["LLHA"])]

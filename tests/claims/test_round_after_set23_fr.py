"""French routes told by their two ends, "de X à Y" and "de X vers Y" (the round after set 23): the start is the
origin where a heading or a word of motion makes the "de" a route's, and stays no place's role where "de" is the
genitive."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from tests.claims.conftest import real_kb_gazetteer

_DAY = date(2023, 3, 14)


def _ends(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    claims = extract(text, _DAY, use_model=False).claims
    return [([p.id for p in c.origin], [p.id for p in c.destination]) for c in claims]


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        # "vers" after "de X": always a heading
        ("Le navire a transporté des armes de la Corée du Nord vers la Russie.", "country:KP", "russia"),
        ("Les Égyptiens ont été évacués du Soudan vers l'Arabie saoudite.", "country:SD", "country:SA"),
        # "à" after "de X": a route where a route noun or a verb of motion governs the "de"
        ("La compagnie a commencé des vols de Téhéran à Beyrouth en novembre.", "OIII", "OLBA"),
        ("Les avions ont volé sur une ligne allant de la base aérienne de Machulishchi à Minsk.", "machulishchy", None),
    ],
)
def test_a_french_route_told_by_its_ends_gives_the_origin(text: str, origin: str, destination: str | None) -> None:
    real_kb_gazetteer()
    ends = _ends(text)
    assert any(origin in o for o, _ in ends), (text, ends)
    if destination is not None:
        assert any(origin in o and destination in d for o, d in ends), (text, ends)


@pytest.mark.parametrize(
    "text",
    [
        # "de" as the genitive, then a place where: no route
        "L'ambassadeur de Chine au Kenya a salué l'arrivée du navire.",
        "Des responsables de l'ambassade de Russie à Khartoum ont vu l'avion atterrir.",
        "Moscou ne veut pas laisser la base de Tartous à la Turquie, a dit le ministre après le vol.",
        # a country after a city says where the city is
        "Un Il-76 a atterri à l'aéroport international de Caracas au Venezuela.",
        # a state after a noun of people says where they are from; two states joined by "à" start no route
        "Un A400M a procédé à l'évacuation sanitaire de 34 blessés de Somalie vers la Turquie.",
        "Les avions ont volé sur une ligne du Bélarus au Kazakhstan.",
    ],
)
def test_a_genitive_de_before_a_place_makes_no_origin(text: str) -> None:
    real_kb_gazetteer()
    assert all(o == [] for o, _ in _ends(text)), text


def test_ce_and_a_weekday_between_a_verb_of_leaving_and_its_de() -> None:
    real_kb_gazetteer()
    ends = _ends("Les deux avions de transport ont décollé ce jeudi d'Ouganda pour le Burundi.")
    assert any("country:UG" in o for o, _ in ends), ends

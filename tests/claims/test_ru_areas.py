"""A Russian place told by its area or part: "в район Персидского залива", "из района Пальмиры", "в южную часть
Ливана".

Invented sentences: the noun of the area, in the case that says whither or whence, stands between the preposition
and the place as a facility noun does, so the place takes the preposition's role.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract


def _ends(text: str) -> tuple[set[str], set[str]]:
    claims = extract(text, date(2025, 1, 2)).claims
    return {p.id or "" for c in claims for p in c.origin}, {p.id or "" for c in claims for p in c.destination}


def test_area_entered_is_the_destination() -> None:
    assert "persian-gulf" in _ends("Фрегат ВМФ России прибыл в район Персидского залива.")[1]


def test_area_left_is_the_origin() -> None:
    assert "OSPR" in _ends("Два вертолета Ми-8 вылетели из района Пальмиры на авиабазу Хмеймим.")[0]


def test_part_of_a_state_reached_is_the_destination() -> None:
    assert "country:LB" in _ends("Самолет доставил гуманитарный груз в южную часть Ливана.")[1]

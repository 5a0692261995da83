"""A Russian town's port named by the town's adjective: "в новороссийский порт", "из петербургского порта".

Invented sentences: the adjective's stem is the town the kb knows exactly, read as a ship's place; a plural (a
sea's or region's ports), a state's adjective and a port whose name follows are not read here.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract


def _ends(text: str) -> tuple[set[str], set[str]]:
    claims = extract(text, date(2025, 1, 2)).claims
    return {p.id or "" for c in claims for p in c.origin}, {p.id or "" for c in claims for p in c.destination}


@pytest.mark.parametrize(
    ("text", "port"),
    [
        ("Танкер под флагом Либерии прибыл в новороссийский порт.", "novorossiysk"),
        ("Десантный корабль вошёл в севастопольскую бухту после похода.", "sevastopol"),
        ("Фрегат вернулся в мурманский порт в пятницу.", "wpi-62950"),
    ],
)
def test_town_adjective_port_is_a_destination(text: str, port: str) -> None:
    assert port in _ends(text)[1]


def test_town_adjective_port_is_an_origin() -> None:
    assert "st-petersburg-port" in _ends("Сухогруз вышел из петербургского порта в среду.")[0]


def test_plural_ports_are_no_town() -> None:
    origins, goals = _ends("Корабли НАТО зашли в балтийские порты.")
    assert "baltiysk" not in origins | goals


def test_named_port_keeps_its_name() -> None:
    assert "ust-luga-port" in _ends("Судно прибыло в морской порт Усть-Луга.")[1]

"""The bare name of Suez after "through" is the canal a ship passes, in four languages; an end named Suez is the port
of Suez (Port Tewfik), which the kb holds. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract


def _roles(text: str) -> list[tuple[list[str], list[str]]]:
    claims = extract(text, date(2025, 1, 2)).claims
    return [([p.id or p.text for p in c.via], [p.id or p.text for p in c.destination]) for c in claims]


@pytest.mark.parametrize(
    "text",
    ["The frigate sailed through Suez to the Red Sea on 3 January.",
     "Фрегат прошёл через Суэц 3 января и направился в Джибути.",
     "عبرت الفرقاطة عبر السويس يوم 3 يناير متجهة إلى جيبوتي."],
)  # fmt: skip
def test_through_suez_is_the_canal(text: str) -> None:
    roles = _roles(text)
    assert roles and all("suez-canal" in via and "suez-port" not in via for via, _ in roles)


def test_a_ship_that_arrived_in_suez_is_at_the_port() -> None:
    roles = _roles("The tanker arrived in Suez on 3 January from Jeddah.")
    assert roles and roles[0][1] == ["suez-port"]


def test_the_suez_canal_written_out_is_unchanged() -> None:
    roles = _roles("The destroyer sailed through the Suez Canal on 3 January to Djibouti.")
    assert roles and roles[0][0] == ["suez-canal"]

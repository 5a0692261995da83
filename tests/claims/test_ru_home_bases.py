"""A Russian state's port or base named by its adjective and no name is the state (rule 32)."""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract
from tests.claims.conftest import real_kb_gazetteer


def _destinations(text: str) -> list[str | None]:
    claims = extract(text, date(2024, 5, 6), use_model=False).claims
    return [p.id for c in claims for p in c.destination]


def test_a_state_port_with_no_name_is_the_state() -> None:
    real_kb_gazetteer()
    assert _destinations("Фрегат «Адмирал Макаров» взял курс на сирийский порт.") == ["syria"]
    assert _destinations("Два сухогруза направились в российские порты.") == ["russia"]
    assert _destinations("Два истребителя Су-30 прибыли на турецкую военную авиабазу.") == ["country:TR"]
    # "один из": the preposition before it gives the role
    assert _destinations("Партия вертолётов Ми-8 прибыла на один из белорусских аэродромов.") == ["belarus"]


def test_a_named_port_is_read_by_its_name() -> None:
    real_kb_gazetteer()
    assert _destinations("Большой десантный корабль идёт в сирийский порт Тартус.") == ["tartus-port"]
    assert "syria" not in _destinations("Судно идёт в сирийский порт «Тартус».")

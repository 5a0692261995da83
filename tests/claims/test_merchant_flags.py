"""A state's adjective on a merchant ship's noun names its flag or nationality, not its mover (rules 6 and 8).

Invented sentences. Russian puts the adjective before the noun ("российский танкер", "российское судно",
"турецкий сухогруз", "российских судов"), Arabic after the noun and its cargo ("سفينة شحن روسية", "ناقلة النفط
الإيرانية"). A warship, a state's military transport, a ship with no word of cargo, and the singular "суда" ("of
the court") keep their reading.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.merchant_flags import names_arabic_merchant_flag, names_merchant_flag

from .conftest import one_claim


def _ru(text: str, adjective: str) -> bool:
    start = text.index(adjective)
    return names_merchant_flag(text, start, start + len(adjective))


def _ar(text: str, adjective: str) -> bool:
    return names_arabic_merchant_flag(text, text.index(adjective))


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("Российский танкер вышел из порта", "Российский"),
        ("российское судно «Волна» прибыло в порт", "российское"),
        ("снимок российского транспорта «Северный путь»", "российского"),
        ("турецкий сухогруз зашёл в порт", "турецкий"),
        ("российский нефтяной танкер дрейфует", "российский"),
        ("движение российских судов в проливе", "российских"),
        ("российские контейнеровозы выполнили рейсы", "российские"),
    ],
)
def test_a_russian_adjective_on_a_merchant_ship_is_its_flag(text: str, adjective: str) -> None:
    assert _ru(text, adjective)


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("российский военный корабль вошёл в пролив", "российский"),
        ("российский военный транспорт прибыл", "российский"),
        ("российский большой десантный корабль", "российский"),
        ("российский транспортный самолёт Ил-76 приземлился", "российский"),
        ("решение российского суда", "российского"),  # "of the court": no ship
        ("российское военное судно", "российское"),
    ],
)
def test_a_russian_adjective_on_a_warship_or_aircraft_is_not_a_flag(text: str, adjective: str) -> None:
    assert not _ru(text, adjective)


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("رصدت سفينة شحن روسية في الميناء", "روسية"),
        ("وصلت سفينة الشحن الروسية إلى الميناء", "الروسية"),
        ("غادرت ناقلة النفط الإيرانية الميناء", "الإيرانية"),
        ("رست باخرة تركية في الميناء", "تركية"),
        ("عبرت سفينة تجارية روسية المضيق", "روسية"),
    ],
)
def test_an_arabic_adjective_after_a_merchant_ship_is_its_flag(text: str, adjective: str) -> None:
    assert _ar(text, adjective)


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("عبرت سفينة حربية روسية المضيق", "روسية"),
        ("رست سفينة روسية في الميناء", "روسية"),  # no word of cargo or trade: left to the other rules
        ("هبطت طائرة شحن روسية في المطار", "روسية"),
    ],
)
def test_an_arabic_adjective_after_a_warship_or_aircraft_is_not_a_flag(text: str, adjective: str) -> None:
    assert not _ar(text, adjective)


def test_a_russian_merchant_ship_gets_no_actor_from_its_flag() -> None:
    claim = one_claim("Российский танкер «Волна» вышел из порта Усть-Луга 6 января.")
    assert claim.actor is None


def test_a_russian_warship_keeps_its_state() -> None:
    claim = one_claim("Российский военный корабль «Смелый» вышел из порта Усть-Луга 6 января.")
    assert claim.actor == "Russia"


def test_an_arabic_merchant_ship_gets_no_actor_from_its_flag() -> None:
    claim = one_claim("وصلت سفينة الشحن الروسية إلى ميناء طرطوس يوم الاثنين.")
    assert claim.actor is None

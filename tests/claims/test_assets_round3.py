"""A Russian news agency's quoted name after "РИА"/"ИА" ("сообщает РИА «Новости»") is the agency, not a ship
(invented sentences, one behaviour each)."""

from __future__ import annotations

from liftwatch.claims.ships import named_ships


def _names(text: str) -> list[str]:
    return [name for _, _, name in named_ships(text)]


def test_a_quoted_name_after_a_russian_news_agencys_abbreviation_is_no_ship() -> None:
    assert _names("Корвет «Дерзкий» вышел из Владивостока, сообщает РИА «Вестник».") == ["Дерзкий"]


def test_a_quoted_name_after_the_short_abbreviation_is_no_ship_either() -> None:
    assert _names("Фрегат «Стойкий» прибыл в Тартус, передает ИА «Прибой».") == ["Стойкий"]

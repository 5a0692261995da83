"""An Arabic name of two words the kb knows only whole (``claims/candidates.py``), and a Russian place followed by
its state's formal name in the genitive (``claims/ru_state_tails.py``), on sentences written for them."""

from __future__ import annotations

from liftwatch.claims.places import default_gazetteer
from liftwatch.claims.ru_state_tails import place_before_state
from tests.claims.conftest import place_ids, shape_extract


def test_an_arabic_name_of_two_words_is_looked_up_whole() -> None:
    ex = shape_extract("هبطت طائرة مساعدات سعودية صباح الخميس في مطار غازي عنتاب بعد رحلة طويلة.")
    assert any("LTAJ" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_an_unknown_arabic_name_of_two_words_stays_unknown() -> None:
    ex = shape_extract("هبطت طائرة شحن في مطار زرقون بلقيس قادمة من القاهرة.")
    assert not any("LTAJ" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_russian_town_before_its_states_formal_name_is_the_town() -> None:
    gaz = default_gazetteer()
    place = place_before_state("Алма-Аты Республики Казахстан", gaz)
    assert place is not None and place.id == "UAAA"
    place = place_before_state("Майкетия Боливарианской Республики Венесуэла", gaz)
    assert place is not None and place.id == "SVMI"
    ex = shape_extract("Два самолета Ил-76 вылетели вчера из Алма-Аты Республики Казахстан в Бишкек.")
    assert any("UAAA" in place_ids(c.origin) for c in ex.claims), ex.claims


def test_a_phrase_with_no_state_tail_or_no_known_place_is_left_alone() -> None:
    gaz = default_gazetteer()
    assert place_before_state("Алма-Аты", gaz) is None
    assert place_before_state("Зелёногорска Республики Казахстан", gaz) is None


def test_a_state_named_by_its_formal_name_in_any_case_is_the_state() -> None:
    gaz = default_gazetteer()
    place = place_before_state("Киргизской Республики", gaz)
    assert place is not None and place.id == "country:KG"
    place = place_before_state("Алжирской Народной Демократической Республики", gaz)
    assert place is not None and place.id == "country:DZ"
    assert place_before_state("Неведомой Республики", gaz) is None
    ex = shape_extract("Военно-транспортный самолет прибыл вчера в Киргизскую Республику из Новосибирска.")
    assert any("country:KG" in place_ids(c.destination) for c in ex.claims), ex.claims

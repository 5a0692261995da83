"""A sea entered alone is the destination where no movement of the article tells a goal (rule 52,
``entered_seas.goal_where_none_beyond``), each behaviour on sentences written fresh for it: in English, Russian and
Arabic; a goal told by another movement of the article keeps the sea off (a guard); a goal in a clause of no
movement does not (a place named in passing is no voyage's end)."""

from __future__ import annotations

from liftwatch.claims.entered_seas import goal_where_none_beyond
from liftwatch.claims.places import default_gazetteer
from liftwatch.claims.reading import read_sentences
from tests.claims.conftest import one_claim, place_ids, shape_extract


def test_english_sea_entered_alone_in_the_article_is_the_destination() -> None:
    c = one_claim("A Spanish frigate has entered the Black Sea for the first time this spring, a tracking site said.")
    assert place_ids(c.destination) == {"black-sea"}


def test_russian_sea_entered_alone_in_the_article_is_the_destination() -> None:
    c = one_claim("Итальянский фрегат «Карло Бергамини» во вторник вошёл в Чёрное море.")
    assert place_ids(c.destination) == {"black-sea"}


def test_arabic_sea_entered_alone_in_the_article_is_the_destination() -> None:
    c = one_claim("دخلت الفرقاطة الإسبانية مياه البحر الأسود يوم الثلاثاء.")
    assert place_ids(c.destination) == {"black-sea"}


def test_a_goal_another_movement_tells_keeps_the_sea_entered_off() -> None:
    ex = shape_extract(
        "A Spanish frigate entered the Black Sea on Tuesday. Two Spanish transport aircraft flew to Constanta on Monday."
    )
    assert all("black-sea" not in place_ids(c.destination) for c in ex.claims)


def test_a_goal_in_a_clause_of_no_movement_does_not_keep_the_sea_off() -> None:
    ex = shape_extract(
        "A Spanish frigate entered the Black Sea on Tuesday. The ministry said its allies add greatly to Romania's security."
    )
    assert any("black-sea" in place_ids(c.destination) for c in ex.claims)


def test_the_rule_gives_no_role_to_a_place_that_is_no_sea_entered() -> None:
    _, clauses = read_sentences("The minister spoke about Romania on Tuesday.", default_gazetteer(), None)
    before = [r.role for s in clauses for r in s.roles]
    goal_where_none_beyond(clauses, lambda t: True)
    assert [r.role for s in clauses for r in s.roles] == before

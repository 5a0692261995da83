"""Movements the merge step lost: a grouping of states told in one sentence and the states in it told in another.

Invented sentences, one behaviour each. "The Middle East" is a grouping the kb lists by its states (no polygon, and
its sites only some of theirs), so a movement told first to the region and then to Qatar and Jordan kept all three
as its goal; now the region folds into the states it lists, as "Libya" folds into "Al-Khadim air base". Russian
landings told by "совершить/осуществить посадку" in the plural or with adjectives name where the carrier landed.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract
from liftwatch.claims.merge import contains, fold_role
from liftwatch.claims.model import Place
from liftwatch.claims.places import default_gazetteer


def _place(name: str) -> Place:
    p = default_gazetteer().lookup(name)
    assert p is not None
    return p


def _goals(text: str) -> list[set[str]]:
    claims = extract(text, date(2026, 3, 2), use_model=False).claims
    return [{p.id or "" for p in c.destination} for c in claims]


def test_a_grouping_of_states_contains_a_state_it_lists() -> None:
    assert contains(_place("Middle East"), _place("Qatar"))


def test_the_grouping_folds_into_the_states_as_their_qualifier() -> None:
    folded = fold_role([_place("Middle East"), _place("Qatar"), _place("Jordan")])
    assert {p.id for p in folded} == {"country:QA", "country:JO"}
    assert all("Middle East" in p.qualifiers for p in folded)


def test_russian_plural_landings_with_an_adjective_name_the_goal() -> None:
    text = "Военно-транспортные самолеты совершили успешные посадки на авиабазах в Катаре и Иордании."
    assert any({"country:QA", "country:JO"} <= g for g in _goals(text))


def test_russian_landing_told_by_osushchestvit_names_the_goal() -> None:
    assert any(g for g in _goals("Вчера Ил-76 осуществил вынужденную посадку в Сербии."))

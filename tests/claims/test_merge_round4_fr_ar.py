"""The Arabic verb "accompanies it" ("ترافقها", "يرافقها") with the escort as its subject after it: the escort is a
movement of its own on the escorted carrier's route, as after "بمرافقة"; and the Arabic plurals of warships
("فرقاطات", "مدمرات") and the navy's "pieces" ("قطع حربية") are ships. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.assets import find_assets
from liftwatch.claims.extract import extract
from liftwatch.claims.model import Claim
from liftwatch.claims.typed_escorts import typed_escorts_in
from tests.claims.conftest import place_ids

PUB = date(2025, 3, 10)


def _with(claims: list[Claim], label: str) -> list[Claim]:
    return [c for c in claims if any(a.label == label for a in c.assets)]


def test_the_escort_after_the_verb_with_a_pronoun_object_is_a_movement_on_the_route() -> None:
    text = "هبطت طائرة شحن روسية في قاعدة حميميم يرافقها عدد من المقاتلات."
    claims = extract(text, PUB, use_model=False).claims
    (fighters,) = _with(claims, "fighter jets")
    assert place_ids(fighters.destination) == {"hmeimim"}


def test_the_escorted_carrier_keeps_its_own_movement() -> None:
    text = "هبطت طائرة شحن روسية في قاعدة حميميم يرافقها عدد من المقاتلات."
    claims = extract(text, PUB, use_model=False).claims
    (cargo,) = _with(claims, "cargo aircraft")
    assert {a.label for a in cargo.assets} == {"cargo aircraft"}


def test_the_verb_after_and_is_read() -> None:
    (esc,) = typed_escorts_in("أقلعت طائرة الشحن من القاعدة وترافقها مقاتلات تركية.")
    assert [a.label for a in esc.assets] == ["fighter jets"]


def test_the_escort_may_carry_the_arabic_article() -> None:
    (esc,) = typed_escorts_in("أقلعت طائرة الشحن من القاعدة ترافقها المقاتلات.")
    assert [a.label for a in esc.assets] == ["fighter jets"]


def test_the_verb_with_no_pronoun_puts_the_escort_first_and_is_not_read() -> None:
    assert typed_escorts_in("الطائرة تحلق فوق البحر وترافق المقاتلات قافلة السفن.") == []


def test_the_plural_of_frigates_is_a_ship() -> None:
    assert [a.label for _, _, a in find_assets("وصلت ثلاث فرقاطات إلى الميناء")] == ["ship"]


def test_the_plural_of_destroyers_with_the_article_is_a_ship() -> None:
    assert [a.label for _, _, a in find_assets("عبرت المدمرات القناة")] == ["ship"]


def test_warships_told_as_pieces_are_ships() -> None:
    assert [a.label for _, _, a in find_assets("عبرت 4 قطع حربية القناة")] == ["ship"]


def test_a_word_that_only_ends_like_pieces_is_no_ship() -> None:
    assert find_assets("نشر مقطع حربية قديم") == []


def test_escorts_told_as_pieces_after_the_verb_are_counted() -> None:
    (esc,) = typed_escorts_in("وصلت طائرة الشحن إلى القاعدة ترافقها 4 قطع حربية.")
    assert (esc.min_count, esc.max_count) == (4, 4)

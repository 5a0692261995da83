"""Russian case forms of place names, read back to the kb's nominatives by one grammar that both the kb's resolver
and the claim extractor use: a name one layer reads in a case form, the other reads too."""

from __future__ import annotations

import pytest

import liftwatch.kb as kb
from liftwatch.kb.ru_forms import declines_to, fold, nominatives


@pytest.mark.parametrize(
    ("form", "nominative"),
    [
        ("Тартусе", "тартус"),  # a consonant stem, prepositional
        ("Гаваны", "гавана"),  # -а declension, genitive
        ("Сирией", "сирия"),  # -ия, instrumental
        ("Израиля", "израиль"),  # a soft sign
        ("Египта", "египет"),  # a vowel the oblique cases drop
        ("Чада", "чад"),  # a three-letter stem
        ("Сану", "сана"),  # a four-letter name of the -а declension
        ("Грозном", "грозныи"),  # a town that declines as an adjective (й folded to и)
        ("Северного", "северныи"),
        ("Объединённых Арабских Эмиратов", "объединенные арабские эмираты"),  # word by word
        ("Республики Куба", "куба"),  # the form of government left out
    ],
)
def test_nominatives_reach_the_kb_name(form: str, nominative: str) -> None:
    assert nominative in nominatives(form)


def test_nominatives_of_other_scripts_and_of_the_nominative_itself() -> None:
    assert nominatives("Chad") == [] and nominatives("تشاد") == []
    assert "тартус" not in nominatives("Тартус")  # the word as written is the caller's first try, not a guess
    assert fold(" Ёлкино  Озёрный ") == "елкино озерныи"


def test_a_case_form_belongs_to_its_own_declension_only() -> None:
    assert declines_to("гаване", "гавана") and declines_to("тартусом", "тартус")
    assert not declines_to("балтииского", "балтииск")  # an adjective's ending is no case of the town


@pytest.mark.parametrize(
    ("text", "kind", "ident"),
    [
        ("Египта", "country", "country:EG"),  # resolved by the fleeting vowel the kb's old endings list missed
        ("Иорданией", "country", "country:JO"),
        ("Гаване", "city", "city:CU:havana"),
    ],
)
def test_the_kb_resolves_declined_names(text: str, kind: str, ident: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == (kind, ident)


def test_a_town_airport_prefers_an_exact_nominative_to_a_stem_that_only_sounds_alike() -> None:
    # "Грозного": the stem "грозни" sounds like Grozny, but the nominative "Грозный" is the kb's own name
    ref = kb.resolve_place("аэропорт Грозного")
    assert (ref.id, ref.matched) == ("URMG", "alias")

"""A state named by its form of government before its name ("the Kingdom of Saudi Arabia", "le Sultanat d'Oman")
and a state's dotted initials ("U.S.", "U.K."): the kb reads the state, never the form word or one letter. Invented
forms of real states; the look-alikes stay what they were."""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb.countries import resolve_country


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Kingdom of Morocco", "MA"),
        ("the Sultanate of Brunei", "BN"),
        ("the Republic of the Gambia", "GM"),
        ("Republic of Mali", "ML"),
        ("the Emirate of Kuwait", "KW"),
        ("the Principality of Liechtenstein", "LI"),
        ("the Grand Duchy of Luxembourg", "LU"),
        ("the Islamic Republic of Pakistan", "PK"),
        ("the Hashemite Kingdom of Jordan", "JO"),
        ("the Federal Republic of Nigeria", "NG"),
        ("le Royaume du Maroc", "MA"),
        ("la République du Tchad", "TD"),
        ("le Sultanat de Brunei", "BN"),
        ("la République islamique de Mauritanie", "MR"),
        ("la République fédérale d'Allemagne", "DE"),
        ("دولة تشاد", "TD"),
        ("جمهورية النيجر", "NE"),
        ("مملكة المغرب", "MA"),
        ("دولة الكويت", "KW"),
        ("جمهورية موريتانيا الإسلامية", "MR"),  # an adjective that leaves the state the same, dropped
        ("دوله تشاد", "TD"),  # the key's folded form
        ("U.S.", "US"),
        ("u.s", "US"),
        ("U.K.", "GB"),
        ("U.A.E.", "AE"),
        ("U.S.A.", "US"),
    ],
)
def test_a_form_of_government_or_dotted_initials_name_the_state(text: str, code: str) -> None:
    country = resolve_country(text)
    assert country is not None and country.code == code
    # the place is the state's, as its plain name reads it (a country the kb draws a region for is that region)
    assert kb.resolve_place(text).id == kb.resolve_place(country.name).id


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # another state than the "Republic of" one: read by its own listed name, never by the name after the form
        ("Democratic Republic of the Congo", "CD"),
        ("the Republic of the Congo", "CG"),
        ("Republic of China", "TW"),
        ("People's Republic of China", "CN"),
    ],
)
def test_a_state_whose_full_name_differs_keeps_it(text: str, code: str) -> None:
    country = resolve_country(text)
    assert country is not None and country.code == code


@pytest.mark.parametrize(
    "text",
    [
        "the Republic of Texas",  # no state the kb lists after the form word
        "دولة الاحتلال",  # "the occupying state": no state's name after the form word
        "the State of Georgia",  # "State of" is left out: a US state as often as the country
        "Kingdom",
        "L.A.",  # dotted initials that spell a code are no state unless listed: Los Angeles, not Laos
        "S.A.",
        "us",  # the word, not the state
    ],
)
def test_look_alikes_name_no_state(text: str) -> None:
    assert resolve_country(text) is None


def test_a_bare_form_word_is_no_place_of_its_own() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("Kingdom")

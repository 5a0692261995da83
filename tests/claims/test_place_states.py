"""A state named as a place or a clock is no mover: its French or Arabic noun after a preposition of place, its
adjective on a place, a capital telling the hour (``claims.place_states``).

Invented sentences, one behaviour each. The annotation's rule 7 gives no actor where the text describes only a
place; a state's military carrier is still its state's (rule 6).
"""

from __future__ import annotations

from liftwatch.claims import extract
from liftwatch.claims.place_states import state_in_place_phrase


def _actors(text: str) -> list[str | None]:
    return [c.actor for c in extract(text).claims]


def _at(text: str, word: str, place_ends: frozenset[int] = frozenset()) -> bool:
    start = text.index(word)
    return state_in_place_phrase(text, start, start + len(word), place_ends)


def test_an_arabic_state_after_a_preposition_of_place_is_a_place() -> None:
    assert _at("عبرت سفينة حربية روسية مضيق جبل طارق في تركيا", "تركيا")


def test_an_arabic_state_joined_to_its_preposition_is_a_place() -> None:
    assert _at("أبحرت السفينة بعد ذلك لتركيا", "تركيا")


def test_an_arabic_carrier_belonging_to_a_state_is_no_place() -> None:
    assert not _at("سفينة تابعة لتركيا", "تركيا")


def test_an_arabic_adjective_after_a_place_noun_is_the_place_s() -> None:
    assert _at("وصلت السفينة إلى السواحل التركية", "التركية")


def test_an_arabic_adjective_after_a_named_place_is_the_place_s() -> None:
    text = "أقلعت الطائرة نحو مدينة سامسون التركية"
    assert _at(text, "التركية", frozenset({text.index("سامسون") + len("سامسون")}))


def test_an_arabic_adjective_on_a_carrier_is_no_place() -> None:
    assert not _at("وصلت سفينة حربية تركية إلى الميناء", "تركية")


def test_a_capital_telling_the_hour_is_no_state() -> None:
    assert _at("هبطت الطائرة عند الساعة 10:20 بتوقيت موسكو", "موسكو")
    assert _at("The plane landed at 10:20 Moscow time on 3 May.", "Moscow")
    assert _at("L'avion a atterri à 10 h 20 heure de Moscou.", "Moscou")


def test_a_french_state_after_a_preposition_of_place_is_a_place() -> None:
    assert _at("L'avion a stationné aux Émirats jusqu'au 3 mai.", "Émirats")
    assert _at("Le navire fait route vers la Turquie.", "Turquie")


def test_a_french_adjective_after_a_place_noun_is_the_place_s() -> None:
    assert _at("L'appareil a disparu près de la base émiratie de Zouara.", "émiratie")


def test_a_french_force_after_a_preposition_is_read_as_before() -> None:
    assert not _at("Un avion de transport rattaché à Marine nationale du Maroc", "Marine nationale du Maroc")


def test_the_russian_warship_is_the_mover_not_the_strait_s_state() -> None:
    assert _actors("عبرت سفينة حربية روسية يوم 3 مايو مضيق البوسفور في تركيا متجهة إلى البحر الأسود.") == ["Russia"]


def test_the_landing_place_s_state_moves_nothing() -> None:
    assert _actors("Le 3 mai, l'avion a atterri aux Émirats arabes unis.") == [None]

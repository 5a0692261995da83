"""Ships named after a class the reader missed (invented sentences, one behaviour each): a French class noun whose
long description the navy's bracketed abbreviation closes ("le bâtiment de soutien et d'assistance (BSAM) X"), a
French class abbreviation written alone before the name ("la FREMM X"), "de haute mer" between a patrol vessel and
its name, and the Russian navy's class abbreviations and the helicopter carrier before a quoted name ("БПК «X»")."""

from __future__ import annotations

from liftwatch.claims.assets import find_assets


def _labels(text: str) -> list[str]:
    return [a.label for _, _, a in find_assets(text)]


def test_a_long_french_description_closed_by_a_bracketed_abbreviation() -> None:
    assert _labels("Le bâtiment de commandement et de ravitaillement (BCR) Marne a quitté Brest mardi.") == ["Marne"]


def test_lower_case_adjectives_before_a_bracketed_abbreviation() -> None:
    assert _labels("La frégate multi-missions (FREMM) Aquitaine est arrivée à Toulon.") == ["Aquitaine"]


def test_a_bracketed_abbreviation_written_in_small_letters_after_its_capital() -> None:
    assert _labels("Le bâtiment de transport léger (Batral) Champlain est arrivé à Nouméa.") == ["Champlain"]


def test_a_capitalised_word_before_the_brackets_is_no_description() -> None:
    # "de Sa Majesté" is a title, not the class's lower-case full name: the name stays unread
    assert "Halifax" not in _labels("Le navire de Sa Majesté (NCSM) Halifax est rentré.")


def test_a_french_class_abbreviation_alone_before_the_name() -> None:
    assert _labels("Depuis juin, la FREMM Auvergne patrouille en mer Rouge.") == ["Auvergne"]


def test_a_french_class_abbreviation_is_case_sensitive() -> None:
    assert _labels("La pha Tonnerre.") == []


def test_de_haute_mer_between_a_patrol_vessel_and_its_name() -> None:
    assert _labels("Le patrouilleur de haute mer Commandant Bouan a appareillé de Brest.") == ["Commandant Bouan"]


def test_a_russian_class_abbreviation_before_a_quoted_name() -> None:
    assert _labels("БПК «Адмирал Пантелеев» вышел из Владивостока.") == ["Адмирал Пантелеев"]


def test_a_russian_patrol_ship_abbreviation_before_a_quoted_name() -> None:
    assert _labels('СКР "Неустрашимый" прибыл в Балтийск.') == ["Неустрашимый"]


def test_the_russian_helicopter_carrier_before_a_quoted_name() -> None:
    assert _labels('Вертолетоносец "Анвар Садат" прибыл в Александрию.') == ["Анвар Садат"]


def test_a_submarine_in_the_genitive_is_a_sentence_about_ships() -> None:
    assert _labels('Экипаж подводной лодки "Краснодар" завершил переход в Средиземное море.') == ["Краснодар"]

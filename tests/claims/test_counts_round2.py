"""Counts told by forms of number words (``claims.counts``): a ten and a unit written as one number in the four
languages, English "dozens of" as a lower bound of two dozen (the corpus's reading; Russian and Arabic "dozens" no count), a Russian "pair" as two carriers, and
"N pairs" / "N dozen" multiplying their figure. Invented sentences (other carriers, places and numbers than the gold
corpus).
"""

from __future__ import annotations

from liftwatch.claims.counts import best, count_before, find_counts


def _bounds(text: str) -> tuple[int | None, int | None] | None:
    c = best(find_counts(text))
    return None if c is None else (c.min, c.max)


def test_an_english_ten_and_unit_with_a_hyphen_is_one_number() -> None:
    assert _bounds("Thirty-four flights landed at Entebbe last month.") == (34, 34)


def test_a_french_ten_and_unit_is_one_number() -> None:
    assert _bounds("Quarante-deux vols ont rejoint Niamey en mars.") == (42, 42)


def test_a_french_ten_with_et_un_is_one_number() -> None:
    assert _bounds("Trente et un avions ont décollé de Bamako.") == (31, 31)


def test_a_russian_ten_and_unit_is_one_number() -> None:
    assert _bounds("На аэродром прибыли тридцать четыре самолета из Энгельса.") == (34, 34)


def test_a_russian_genitive_ten_and_unit_under_a_bound() -> None:
    assert _bounds("Было выполнено не менее сорока двух рейсов в Дамаск.") == (42, None)


def test_an_arabic_unit_and_ten_is_one_number() -> None:
    assert _bounds("هبطت أربع وثلاثون طائرة في مطار بنغازي.") == (34, 34)


def test_english_dozens_is_at_least_two_dozen() -> None:
    assert _bounds("Dozens of cargo planes flew into Tripoli in May.") == (24, None)


def test_russian_dozens_is_no_count() -> None:
    assert _bounds("В Латакию прибыли десятки транспортных самолетов.") is None


def test_arabic_dozens_is_no_count() -> None:
    assert _bounds("وصلت عشرات طائرات الشحن إلى مطار الخادم.") is None


def test_a_russian_pair_of_aircraft_is_two() -> None:
    assert _bounds("Пара самолетов вылетела из Моздока в Хмеймим.") == (2, 2)


def test_russian_pairs_multiply_their_figure() -> None:
    text = "На аэродром Кант приземлились четыре пары бомбардировщиков Су-24."
    s = text.index("Су-24")
    got = count_before(text, [(s, s + 5)])
    assert got is not None and (got.min, got.max) == (8, 8)


def test_french_dozens_multiply_their_figure() -> None:
    assert _bounds("Environ trois douzaines de vols ont été comptés vers Minsk.") == (36, 36)


def test_english_dozen_multiplies_its_figure() -> None:
    assert _bounds("Two dozen flights reached Amman this week.") == (24, 24)

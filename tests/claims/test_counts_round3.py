"""Counts told by the verb: an Arabic verb of movement in the feminine dual ("عبرتا", "هبطتا", "حطتا") says its
subject is two carriers, where the carriers were named before by a definite dual ("السفينتان") or by their names.
And the forms of a count the reader missed: a number restated in digits in brackets ("quatre (04) avions"), French
bombers and frigates counted by their kind, and an indefinite Arabic dual of aircraft or flights away from its verb.
Invented sentences, one behaviour each.
"""

from __future__ import annotations

from liftwatch.claims.counts import best, find_counts


def _bounds(text: str) -> tuple[int | None, int | None] | None:
    c = best(find_counts(text))
    return None if c is None else (c.min, c.max)


def test_an_arabic_dual_verb_after_a_definite_dual_counts_two() -> None:
    assert _bounds("السفينتان عبرتا مضيق جبل طارق صباح الأحد.") == (2, 2)


def test_an_arabic_dual_verb_after_two_named_ships_counts_two() -> None:
    assert _bounds("المدمرة دنا برفقة السفينة خارك رستا في ميناء جدة.") == (2, 2)


def test_an_arabic_singular_verb_counts_nothing() -> None:
    assert _bounds("الطائرة هبطت في مطار بنغازي صباح الأحد.") is None


def test_a_written_count_wins_over_the_dual_verb() -> None:
    assert _bounds("ثلاث طائرات شحن وصلت، ثم أقلعت الطائرتان الأخريان وهبطتا في مطار جيبوتي.") == (3, 3)


def test_a_french_number_restated_in_brackets_counts() -> None:
    assert _bounds("L'aide a été acheminée vers Niamey à bord de trois (03) avions militaires.") == (3, 3)


def test_an_arabic_number_restated_in_brackets_counts() -> None:
    assert _bounds("نقلت المساعدات إلى نيامي على متن ثلاث (03) طائرات نقل عسكرية.") == (3, 3)


def test_french_bombers_are_counted_by_their_kind() -> None:
    assert _bounds("Trois bombardiers ont atterri mercredi à Fairford.") == (3, 3)


def test_helicopters_carried_as_a_load_count_nothing() -> None:
    assert _bounds("Le navire transportait deux hélicoptères vers Toulon.") is None


def test_an_arabic_dual_of_aircraft_away_from_its_verb_counts_two() -> None:
    assert _bounds("وكانت طائرتا شحن عسكرية تابعة للقوات الجوية قد هبطت صباح اليوم بمطار نيامي.") == (2, 2)


def test_an_arabic_dual_of_ships_away_from_its_verb_counts_nothing() -> None:
    assert _bounds("فيما ترسو على الرصيف الجديد للميناء في منطقة الميناء سفينتان طبيتان.") is None


def test_an_arabic_dual_of_aircraft_with_no_verb_of_movement_counts_nothing() -> None:
    assert _bounds("تملك القوات الجوية طائرتين من هذا الطراز.") is None

"""Counts told by the verb: an Arabic verb of movement in the feminine dual ("عبرتا", "هبطتا", "حطتا") says its
subject is two carriers, where the carriers were named before by a definite dual ("السفينتان") or by their names.
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

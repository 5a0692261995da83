"""The place candidates score a Cyrillic or Arabic name only against the names of the region, country and city
tables that share its script, and keep every answer: the same closest names, scores and order as a pass over the
whole table, on a broad sample of words (names of the tables themselves, altered, and words so short or rare that
fewer than the list's length share a letter with them, where the whole table decides)."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz, process

from liftwatch.kb import place_fuzzy
from liftwatch.kb.script_classes import scripts

TABLES = sorted(place_fuzzy._TABLES)
INVENTED = ["хмеймим", "латакии", "тартусе2", "по", "ъ", "бенгази", "حميميم", "طرطوس", "في", "ء", "москва1", "ёж"]


def _sample() -> list[str]:
    """Every twentieth Cyrillic or Arabic name of each table, whole, without its last letter and with its first two
    letters swapped, and the invented words."""
    out = list(INVENTED)
    for table in TABLES:
        names = [k for k in place_fuzzy._TABLES[table]() if scripts(k) & {"cyrillic", "arabic"}]
        for name in names[::20]:
            out += [name, name[:-1], name[1:2] + name[:1] + name[2:]]
    return [q for q in dict.fromkeys(out) if q]


def _full_pass(key: str, table: str, n: int) -> tuple[tuple[str, float], ...]:
    hits = process.extract(key, list(place_fuzzy._TABLES[table]()), scorer=fuzz.WRatio, limit=n)
    return tuple((alias, float(score)) for alias, score, _ in hits)


@pytest.mark.parametrize("table", TABLES)
def test_the_narrowed_pass_ranks_as_the_whole_table(table: str) -> None:
    place_fuzzy._closest.cache_clear()
    queries = _sample()
    assert len(queries) > 100
    for q in queries:
        assert place_fuzzy._closest(q, table, 15) == _full_pass(q, table, 15), q


def test_a_word_few_names_share_a_letter_with_is_scored_against_the_whole_table() -> None:
    place_fuzzy._closest.cache_clear()
    ranked = place_fuzzy._closest("ъ", "city", 15)
    assert len(ranked) == 15 and ranked[-1][1] == 0  # the tail the whole table gives, in its order
    assert ranked == _full_pass("ъ", "city", 15)


def test_the_narrowing_leaves_out_the_names_of_other_scripts() -> None:
    for table in TABLES:
        every = place_fuzzy._aliases(table, frozenset())
        cyrillic = place_fuzzy._aliases(table, frozenset({"cyrillic"}))
        assert 0 < len(cyrillic) < len(every) / 2
        assert every == list(place_fuzzy._TABLES[table]())
    assert place_fuzzy._aliases("city", frozenset({"latin", "cyrillic"})) == place_fuzzy._aliases("city", frozenset())


@pytest.mark.parametrize("text", ["Хмеймим", "Латакии", "Средиземное море", "طرطوس", "قاعدة حميميم", "Benghazi"])
def test_place_candidates_are_those_of_the_whole_tables(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    place_fuzzy._closest.cache_clear()
    narrowed = place_fuzzy.place_candidates(text)
    monkeypatch.setattr(place_fuzzy, "_closest", _full_pass)
    assert place_fuzzy.place_candidates(text) == narrowed

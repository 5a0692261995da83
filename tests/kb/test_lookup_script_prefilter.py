"""The fuzzy site search scores a Cyrillic or Arabic query only against the keys that share its script: the same
answers as scoring every key (a key sharing no character but spaces cannot reach the cutoff), in a fraction of
the time."""

from __future__ import annotations

import pytest

from liftwatch.kb import lookup

QUERIES = ["Хмеймим", "аэродром Латакия", "Ил-76 Хмеймим", "Тартусе 2", "طرطوس", "قاعدة حميميم", "مطار بنينا"]


def test_a_query_in_one_script_is_scored_against_that_script_and_the_rest_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lookup._fuzzy_scores.cache_clear()
    fast = [lookup._search(q, 5) for q in QUERIES]
    keys = lookup._index().keys
    monkeypatch.setattr(lookup, "_fuzzy_choices", lambda scripts: (keys, list(range(len(keys)))))
    lookup._fuzzy_scores.cache_clear()  # the kept passes were narrowed: score every key afresh
    assert [lookup._search(q, 5) for q in QUERIES] == fast


def test_the_prefilter_leaves_out_the_latin_names() -> None:
    keys = lookup._index().keys
    cyrillic, positions = lookup._fuzzy_choices(frozenset({"cyrillic"}))
    assert 0 < len(cyrillic) < len(keys) / 10
    assert all(keys[p] == k for k, p in zip(cyrillic, positions, strict=True))
    latin, _ = lookup._fuzzy_choices(frozenset({"latin", "cyrillic"}))
    assert len(latin) == len(keys)  # a query with a Latin letter is scored against every key, as before


def test_spellings_that_fold_alike_share_one_fuzzy_pass() -> None:
    lookup._fuzzy_scores.cache_clear()
    first = lookup._search("Хмеймима", 5)
    misses = lookup._fuzzy_scores.cache_info().misses
    assert lookup._search("ХМЕЙМИМА", 5) == first
    assert lookup._fuzzy_scores.cache_info().misses == misses

"""The data set builder of ``scripts/place_role_data.py`` (``scripts/place_role_experiment.py``) on an invented excerpt: every place the reading
finds is one row, labelled from the gold by key and from the extractor's claims the same way, with the context
features the experiment learns from."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "place_role_data.py"


def _experiment() -> ModuleType:
    spec = importlib.util.spec_from_file_location("place_role_data", _SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is made
    spec.loader.exec_module(mod)
    return mod


TEXT = (
    "A Russian Il-76 cargo plane flew from Hmeimim to Benina on Monday, monitors said. "
    "Officials in Libya did not comment."
)
GOLD = [{"assets": ["Il-76"], "origin": ["hmeimim"], "destination": ["benina"]}]


def test_each_place_is_one_row_labelled_from_the_gold_by_key() -> None:
    exp = _experiment()
    rows = exp.read_excerpt("en-q9-invented.toml", "en", TEXT, GOLD).rows
    by_key = {r.key: r for r in rows}
    assert by_key["hmeimim"].gold == "origin"
    assert by_key["benina"].gold == "destination"
    assert by_key["libya"].gold == "none"  # in no gold claim of the excerpt
    assert by_key["hmeimim"].gold_keys == ["hmeimim"]
    assert all(r.group == "q" and r.lang == "en" for r in rows)


def test_the_rules_role_comes_from_the_extractors_claims() -> None:
    exp = _experiment()
    rows = {r.key: r for r in exp.read_excerpt("en-q9-invented.toml", "en", TEXT, GOLD).rows}
    assert rows["hmeimim"].rules == "origin"
    assert rows["benina"].rules == "destination"
    assert rows["hmeimim"].features["rules"] == "origin"


def test_context_features_name_the_words_and_the_verb_around_a_place() -> None:
    exp = _experiment()
    f = {r.key: r for r in exp.read_excerpt("en-q9-invented.toml", "en", TEXT, GOLD).rows}["benina"].features
    assert f["b1"] == "to" and f["pb1"] == "to"  # the preposition right before, marked as one
    assert f["b2"] == "hmeimim"
    assert f["a1"] == "on"
    assert f["verb"] == "flew" and f["verb_side"] == "before"
    assert f["kind"] == "site" and f["last_place"] and not f["first_place"]


def test_sets_are_the_letter_after_the_language_and_the_originals_one_set() -> None:
    exp = _experiment()
    assert exp.group_of("ar-k3-tsezar-kunikov.toml") == "k"
    assert exp.group_of("en-07-some-original.toml") == "0"
    assert exp.group_of("fr-12-another.toml") == "0"


def test_every_set_letter_is_its_own_set_and_two_letter_sets_are_read_whole() -> None:
    exp = _experiment()
    # the sets that joined after the first measurement, each one fold, none merged with the originals
    for letter in "abcdeijl":
        assert exp.group_of(f"ru-{letter}7-invented.toml") == letter
    assert exp.group_of("en-aa1-invented.toml") == "aa"
    assert exp.group_of("ar-ab12-invented.toml") == "ab"


def test_a_name_of_no_set_is_refused_rather_than_read_as_an_original() -> None:
    exp = _experiment()
    with pytest.raises(ValueError):
        exp.group_of("README.toml")

"""Watchlist loading, validation errors (file + rule + field) and vectorised matching."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from liftwatch import kb
from liftwatch.errors import KnowledgeBaseError


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "w.toml"
    p.write_text(text, encoding="utf-8")
    return p


def _flights() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "flight_id": ["a", "b", "c", "d"],
            "asset_id": ["1546a2", "151d8e", "1546a3", "1546a4"],
            "callsigns": [["RFF7012"], ["AFL12"], ["RSD74"], ["RFF7013", "RA78830"]],
            "registration": ["RA-78817", "RA-73212", "RA-96017", None],
            "type_code": ["IL76", "A320", "IL96", "IL76"],
            "dep_site": ["hmeimim", "UUEE", "UUWW", "hmeimim"],
            "arr_site": ["al-khadim", "LCLK", None, "al-jufra"],
        }
    )


def test_example_watchlist_loads_and_matches_founding_case() -> None:
    w = kb.load_watchlist(kb.example_watchlist_path())
    out = w.match_flights(_flights())
    rules = dict(zip(out["flight_id"], out["watch_rules"].to_list(), strict=True))
    assert "russian-state-airlift-libya" in rules["a"]
    assert "founding-case-sites" in rules["a"]
    assert rules["b"] == []
    assert rules["c"] == ["rossiya-government-fleet"]
    assert "russian-state-airlift-libya" in rules["d"]  # Al-Jufra is central Libya
    assert out.columns[: len(_flights().columns)] == _flights().columns
    matched = w.match_flights(_flights(), only_matched=True)
    assert matched["flight_id"].to_list() == ["a", "c", "d"]


def test_match_points(tmp_path: Path) -> None:
    w = kb.load_watchlist(_write(tmp_path, '[[rule]]\nname="near-khadim"\nsites=["Al Khadem"]\nradius_km=20\n'
                                           '[[rule]]\nname="in-syria"\nsites=["Syria"]\ncallsigns=["^RFF"]\n'))  # fmt: skip
    pts = pl.DataFrame(
        {"asset_id": ["1546a2", "1546a2", "151d8e"], "callsign": ["RFF7012", "RFF7012", "AFL1"],
         "lat": [32.05, 35.40, 32.0], "lon": [21.20, 35.95, 21.19]}
    )  # fmt: skip
    out = w.match_points(pts)
    assert out["watch_rules"].to_list() == [["near-khadim"], ["in-syria"], ["near-khadim"]]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ('[[rule]]\nname="x"\ncallsigns=["(RFF"]\n', "rule 'x': field 'callsigns': bad regular expression"),
        ('[[rule]]\nname="x"\nsites=["Qqzzxx Vvwwjj"]\n', "rule 'x': field 'sites'"),
        ('[[rule]]\nname="x"\ncountries=["Russia"]\n', "field 'countries'"),
        ('[[rule]]\nname="x"\nclassification=["spooky"]\n', "field 'classification'"),
        ('[[rule]]\nname="x"\naddresses=["12"]\n', "field 'addresses'"),
        ('[[rule]]\nname="x"\ncolour="red"\n', "field 'colour': unknown field"),
        ('[[rule]]\nname="x"\ncorridors=[{from="hmeimim"}]\n', "field 'corridors'"),
        ('[[rule]]\nname="x"\n', "has no criteria"),
        ('[[rule]]\ncallsigns=["^RFF"]\n', "field 'name' is required"),
        ('[[rule]]\nname="x"\ntypes=["IL76"]\n[[rule]]\nname="x"\ntypes=["A124"]\n', "duplicate rule name"),
        ("rule = 3\n", "must be a table array"),
        ("[[rule]\n", "invalid TOML"),
        ("", "no [[rule]] tables"),
    ],
)
def test_bad_rules_raise_clear_errors(tmp_path: Path, body: str, needle: str) -> None:
    p = _write(tmp_path, body)
    with pytest.raises(KnowledgeBaseError) as exc:
        kb.load_watchlist(p)
    assert needle in str(exc.value)
    assert str(p) in str(exc.value)


def test_missing_file_is_a_kb_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError):
        kb.load_watchlist(tmp_path / "nope.toml")

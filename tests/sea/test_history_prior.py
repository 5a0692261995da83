"""The history prior of dark-arrival ranking: a ship's own earlier calls tell harbours on one approach apart."""

from __future__ import annotations

from datetime import timedelta

import polars as pl

from liftwatch.sea import destinations
from liftwatch.sea.portcalls import PORTCALL_SCHEMA

from .gapkit import T0, silent_gap

# two invented harbours on one bearing from the gap's start, the nearer ("Near") slightly cheaper by geometry
PORTS = pl.DataFrame(
    {"site_id": ["near", "far", "home"], "lat": [34.0, 34.0, 32.0], "lon": [33.0, 34.0, 20.0]},
)


def _calls(asset: str, sites: list[tuple[str, int]]) -> pl.DataFrame:
    """Observed calls of ``asset`` at ``sites``, each (site, days before T0 it ended)."""
    rows = [
        {
            "asset_id": asset,
            "visit": i,
            "site_id": site,
            "start": T0 - timedelta(days=days, hours=12),
            "end": T0 - timedelta(days=days),
            "n_points": 10,
            "min_sog_kt": 0.0,
            "max_gap_s": 60.0,
            "is_call": True,
            "reason": "stopped",
        }
        for i, (site, days) in enumerate(sites)
    ]
    return pl.DataFrame(rows, schema=PORTCALL_SCHEMA)


def _top(ranked: pl.DataFrame) -> list[str]:
    return [c["site_id"] for c in ranked["candidates"][0]]


def test_geometry_alone_prefers_the_nearer_harbour() -> None:
    assert _top(destinations.rank(silent_gap("a"), PORTS))[0] == "near"


def test_a_harbour_the_ship_called_at_before_outranks_one_it_never_used() -> None:
    calls = _calls("a", [("far", 10), ("home", 0)])
    assert _top(destinations.rank(silent_gap("a"), PORTS, calls))[0] == "far"


def test_the_harbour_just_left_gets_no_weight() -> None:
    """Leaving a port says nothing of going back to it: the last call before the silence is not a prior."""
    calls = _calls("a", [("far", 0)])
    assert _top(destinations.rank(silent_gap("a"), PORTS, calls))[0] == "near"


def test_other_ships_calls_weigh_less_than_the_ships_own() -> None:
    """Harbours the rest of the fleet uses are working ports, but the ship's own record is the stronger prior."""
    calls = pl.concat([_calls("b", [("near", 10)]), _calls("a", [("far", 10), ("home", 0)])])
    assert _top(destinations.rank(silent_gap("a"), PORTS, calls))[0] == "far"


def test_a_harbour_other_ships_use_outranks_one_none_used() -> None:
    """A slightly nearer harbour no ship called at loses to one other ships use (a fishing harbour on the track)."""
    calls = _calls("b", [("far", 10), ("home", 0)])
    ranked = _top(destinations.rank(silent_gap("a"), PORTS, calls))
    assert ranked[0] == "far" and ranked[1] == "near"


def test_more_ships_calling_weigh_more() -> None:
    one = destinations.rank(silent_gap("a"), PORTS, _calls("b", [("far", 10)]))["candidates"][0]
    many = destinations.rank(
        silent_gap("a"), PORTS, pl.concat([_calls(s, [("far", 10)]) for s in ("b", "c", "d", "e", "f", "g", "h")])
    )["candidates"][0]
    share = {c["site_id"]: c["prob"] for c in one}, {c["site_id"]: c["prob"] for c in many}
    assert share[1]["far"] > share[0]["far"] and share[1]["near"] < share[0]["near"]

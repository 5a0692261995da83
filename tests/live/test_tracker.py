"""Flight tracker rules on constructed point batches (no network)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl

from liftwatch.live.tracker import FlightTracker
from liftwatch.schema import conform

T0 = datetime(2025, 1, 5, 12, 0, tzinfo=UTC)


def _pts(asset: str, secs: list[float], lat: list[float], ground: list[bool], alt: list[float | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "source": "modes",
            "domain": "air",
            "asset_id": asset,
            "ts": [T0 + timedelta(seconds=s) for s in secs],
            "lat": lat,
            "lon": [35.9487] * len(secs),
            "alt_baro_ft": alt,
            "on_ground": ground,
        }
    )


def test_takeoff_and_landing_across_batches() -> None:
    tr = FlightTracker(dark_after_s=60, site_lookup=lambda lat, lon: "hmeimim" if abs(lat - 35.40) < 0.05 else None)
    ev1 = tr.update(conform(_pts("155abc", [0, 1, 2], [35.40] * 3, [True] * 3, [None] * 3)))
    assert [e.kind for e in ev1] == ["new_flight"]
    ev2 = tr.update(conform(_pts("155abc", [3, 4], [35.401, 35.41], [False, False], [800.0, 1200.0])))
    assert [(e.kind, e.site) for e in ev2] == [("takeoff", "hmeimim")]
    ev3 = tr.update(conform(_pts("155abc", [600, 601], [35.401, 35.400], [True, True], [None, None])))
    assert [e.kind for e in ev3] == ["landing"]


def test_new_flight_after_long_gap_and_low_first_fix_is_a_takeoff() -> None:
    tr = FlightTracker(site_lookup=lambda lat, lon: "hmeimim")
    tr.update(conform(_pts("155abc", [0, 10], [35.5, 35.6], [False, False], [20000.0, 21000.0])))
    first_flight = tr.assets["155abc"].flight_id
    ev = tr.update(conform(_pts("155abc", [4000, 4001], [35.41, 35.42], [False, False], [900.0, 1100.0])))
    assert [e.kind for e in ev] == ["new_flight", "takeoff"]
    assert ev[0].flight_id == ev[1].flight_id == tr.assets["155abc"].flight_id != first_flight


def test_dark_needs_coverage_near_the_last_fix() -> None:
    tr = FlightTracker(dark_after_s=60, site_lookup=lambda lat, lon: None)
    tr.update(conform(_pts("155abc", [0, 10], [35.5, 35.6], [False, False], [20000.0, 21000.0])))
    assert tr.check_dark(200.0 + T0.timestamp()) == []  # nobody else heard there: out of coverage, not dark
    tr.update(conform(_pts("4ca123", [100, 110], [35.62, 35.63], [False, False], [30000.0, 30000.0])))
    tr.update(conform(_pts("aaaaaa", [100, 110], [10.0, 10.1], [False, False], [30000.0, 30000.0])))
    dark = tr.check_dark(150.0 + T0.timestamp())
    assert [(e.kind, e.asset_id) for e in dark] == [("dark", "155abc")]  # aaaaaa: nobody near it; 4ca123: 40 s
    assert tr.check_dark(160.0 + T0.timestamp()) == []  # reported once


def test_dark_found_when_the_next_batch_comes_after_the_silence() -> None:
    """A replay can jump past the silence between two periodic checks; the gap is then judged on arrival."""
    tr = FlightTracker(dark_after_s=60, site_lookup=lambda lat, lon: None)
    tr.update(conform(_pts("155abc", [0, 10], [35.5, 35.6], [False, False], [20000.0, 21000.0])))
    tr.update(conform(_pts("4ca123", [20, 30], [35.62, 35.63], [False, False], [30000.0, 30000.0])))
    ev = tr.update(conform(_pts("155abc", [900, 910], [35.9, 36.0], [False, False], [9000.0, 8000.0])))
    assert [e.kind for e in ev] == ["dark"]
    assert ev[0].ts == 10.0 + T0.timestamp() and ev[0].state is not None

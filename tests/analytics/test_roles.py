"""Home bases and leg roles: an airlift's loaded direction is told from its returns by where airframes live."""

from __future__ import annotations

from datetime import timedelta

import polars as pl
import pytest

from liftwatch.analytics import corridors, destination_legs, top_corridor
from liftwatch.analytics.roles import home_bases
from tests.analytics.factory import REGIONS, T0, TYPES, flight, frame


def _shuttle(asset: str, start_at_far_end: bool = False) -> list[dict[str, object]]:
    """Out to Al-Khadim, 3 h turnaround, back to Hmeimim, 2 days on the ground; three times."""
    rows, t = [], T0
    legs = [("hmeimim", "al-khadim"), ("al-khadim", "hmeimim")] * 3
    if start_at_far_end:
        legs = [("al-khadim", "hmeimim"), *legs]
    for i, (a, b) in enumerate(legs):
        rows.append(flight(f"{asset}-{i}", a, b, t, asset=asset))
        t += timedelta(hours=4 + (3 if b == "al-khadim" else 48))
    return rows


def test_home_base_from_ground_time_not_departure_count() -> None:
    f = frame(_shuttle("aa01") + _shuttle("aa02", start_at_far_end=True))
    homes = home_bases(f)
    assert homes["home_site"].to_list() == ["hmeimim", "hmeimim"]
    assert homes["home_hours"].to_list() == pytest.approx([96.0, 144.0])  # 2 / 3 stays of 48 h


def test_roles_and_lift_exclude_returns() -> None:
    f = frame(_shuttle("aa01") + _shuttle("aa02", start_at_far_end=True))
    legs = destination_legs(f, site_regions=REGIONS, types=TYPES)
    roles = legs.group_by("origin", "role").len().sort("origin")
    assert roles.rows() == [("al-khadim", "return", 7), ("hmeimim", "outbound", 6)]
    t = corridors(f, level="region", site_regions=REGIONS, types=TYPES)
    out = t.filter(pl.col("corridor") == "syria->eastern-libya").row(0, named=True)
    back = t.filter(pl.col("corridor") == "eastern-libya->syria").row(0, named=True)
    assert out["tonnes_expected"] == pytest.approx(6 * 30.0) and out["return_flights"] == 0
    assert back["tonnes_expected"] == 0 and back["return_flights"] == 7 and back["flights_expected"] == 7
    top = top_corridor(t)  # more flights come back than go out here, but the lift goes out
    assert top is not None and top["corridor"] == "syria->eastern-libya"


def test_single_flight_airframe_is_outbound() -> None:
    legs = destination_legs(frame([flight("solo-1", "hmeimim", "al-khadim", T0)]), site_regions=REGIONS, types=TYPES)
    assert legs["home_site"].to_list() == ["hmeimim"] and legs["role"].to_list() == ["outbound"]

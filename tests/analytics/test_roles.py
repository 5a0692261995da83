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
    # 2 (3) bracketed stays of 48 h, plus aa01's censored stay at home after its last landing (to the data end)
    assert homes["home_hours"].to_list() == pytest.approx([96.0 + 52.0, 144.0])


def test_roles_and_lift_exclude_returns() -> None:
    f = frame(_shuttle("aa01") + _shuttle("aa02", start_at_far_end=True))
    legs = destination_legs(f, site_regions=REGIONS, types=TYPES)
    roles = legs.group_by("origin", "role").len().sort("origin")
    roles = roles.sort("origin", "role")
    # aa02's first leg comes back from a trip the data never showed: "other" (costed), not a return
    assert roles.rows() == [("al-khadim", "other", 1), ("al-khadim", "return", 6), ("hmeimim", "outbound", 6)]
    t = corridors(f, level="region", site_regions=REGIONS, types=TYPES)
    out = t.filter(pl.col("corridor") == "syria->eastern-libya").row(0, named=True)
    back = t.filter(pl.col("corridor") == "eastern-libya->syria").row(0, named=True)
    assert out["tonnes_expected"] == pytest.approx(6 * 30.0) and out["return_flights"] == 0
    assert back["tonnes_expected"] == 30.0 and back["return_flights"] == 6 and back["flights_expected"] == 7
    top = top_corridor(t)  # more flights come back than go out here, but the lift goes out
    assert top is not None and top["corridor"] == "syria->eastern-libya"


def test_one_out_and_back_is_home_at_the_start() -> None:
    """Seen once out and back: the far-end turnaround is hours, home is where it sat before and after."""
    rows = [
        flight("early-1", "LCLK", "LLBG", T0, asset="other", classification="civil"),
        flight("bb01-1", "hmeimim", "al-khadim", T0 + timedelta(days=5), asset="bb01"),
        flight("bb01-2", "al-khadim", "hmeimim", T0 + timedelta(days=5, hours=8), asset="bb01"),
        flight("late-1", "LCLK", "LLBG", T0 + timedelta(days=9), asset="other2", classification="civil"),
    ]
    legs = destination_legs(frame(rows), site_regions=REGIONS, types=TYPES).filter(pl.col("asset_id") == "bb01")
    assert set(legs["home_site"].to_list()) == {"hmeimim"}
    assert legs.sort("first_ts")["role"].to_list() == ["outbound", "return"]


def test_single_flight_airframe_is_outbound() -> None:
    legs = destination_legs(frame([flight("solo-1", "hmeimim", "al-khadim", T0)]), site_regions=REGIONS, types=TYPES)
    assert legs["home_site"].to_list() == ["hmeimim"] and legs["role"].to_list() == ["outbound"]

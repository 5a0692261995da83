"""A voyage first seen at sea starts at the port its course leads back to, not merely the nearest one behind it.

Invented positions: two ports both behind a ship's first report, one dead astern and farther, one nearer but well off
the course's back line (the geometry of Tartus and Lebanon's Tripoli for a ship first seen west of them heading SW).
"""

from __future__ import annotations

import polars as pl

from liftwatch.geodesy import bearing_deg
from liftwatch.sea.voyages import near_port_start


def _summary(lat: float, lon: float, cog: float) -> pl.DataFrame:
    return pl.DataFrame({"first_lat": [lat], "first_lon": [lon], "first_cog": [cog]})


PORTS = pl.DataFrame({"site_id": ["astern", "aside"], "lat": [34.9, 34.45], "lon": [35.87, 35.83]})


def test_the_port_dead_astern_wins_over_a_nearer_one_off_the_line() -> None:
    lat, lon = 34.59, 35.19
    cog = float(bearing_deg(34.9, 35.87, lat, lon))  # sailing straight away from "astern" (~72 km behind)
    got = near_port_start(_summary(lat, lon, cog), PORTS)
    assert got["near_site"].to_list() == ["astern"]
    assert 65 < got["near_km"][0] < 80  # the distance reported is the chosen port's


def test_a_far_nearer_port_still_wins_off_the_line() -> None:
    lat, lon = 34.40, 35.72  # ~11 km from "aside" (about 45° off the line), 57 km from "astern"
    cog = float(bearing_deg(34.9, 35.87, lat, lon))
    got = near_port_start(_summary(lat, lon, cog), PORTS)
    assert got["near_site"].to_list() == ["aside"]


def test_without_a_course_the_nearest_port_behind_is_taken() -> None:
    got = near_port_start(_summary(34.59, 35.19, float("nan")), PORTS)
    assert got["near_site"].to_list() == ["aside"]

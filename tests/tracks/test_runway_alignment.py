"""Runway alignment reads the straight run next to a flight's end, not a turn onto course within the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl

from liftwatch.geodesy import destination
from liftwatch.tracks.sites import SiteIndex, endpoint_frame, infer_sites

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)
FIELD = (36.40, 28.08)  # an invented airport with runway 24/06


def _departure(turn_after_s: float, new_course: float) -> pl.DataFrame:
    """Lift-off at FIELD on 240, a straight climb, then a turn onto ``new_course``; a fix every 10 s for 4 min."""
    lat, lon, rows = FIELD[0], FIELD[1], []
    for k in range(25):
        t = 10.0 * k
        track = 240.0 if t < turn_after_s else new_course
        lat, lon = (float(v) for v in destination(lat, lon, track, 0.8 if k else 0.0))  # ~155 kt
        rows.append(
            {
                "flight_idx": 0,
                "ts": T0 + timedelta(seconds=t),
                "lat": lat,
                "lon": lon,
                "_alt": 50.0 + 200.0 * k,
                "ground": False,
                "gs_kt": 155.0,
                "vrate_fpm": 1200.0,
                "track_deg": track,
            }
        )
    return pl.DataFrame(rows)


def _sites() -> pl.DataFrame:
    # a second field 3 km south-east whose runway 26/08 matches the mean of a climb-out and a turn to the west
    other = destination(FIELD[0], FIELD[1], 140.0, 3.0)
    return pl.DataFrame(
        {
            "site_id": ["main", "other"],
            "name": ["Main", "Other"],
            "kind": ["airport", "airport"],
            "lat": [FIELD[0], float(other[0])],
            "lon": [FIELD[1], float(other[1])],
            "elevation_ft": [20.0, 200.0],
            "country": ["GR", "GR"],
            "runway_headings": [[240.0, 60.0], [260.0, 80.0]],
        }
    )


def test_the_alignment_track_stops_at_the_first_turn() -> None:
    ends = endpoint_frame(_departure(turn_after_s=90.0, new_course=300.0), "dep")
    assert abs(ends["align_track_deg"][0] - 240.0) < 1.0
    assert ends["track_deg"][0] > 255.0  # the whole window's mean spans the turn


def test_a_straight_climb_out_reads_the_same_either_way() -> None:
    ends = endpoint_frame(_departure(turn_after_s=1e9, new_course=300.0), "dep")
    assert abs(ends["align_track_deg"][0] - 240.0) < 1.0 and abs(ends["track_deg"][0] - 240.0) < 1.0


def test_a_departure_that_turns_soon_keeps_the_field_it_left() -> None:
    ends = endpoint_frame(_departure(turn_after_s=90.0, new_course=300.0), "dep")
    got = infer_sites(ends, SiteIndex(_sites()), np.array([True]), "dep")
    assert got["site"][0] == "main"
    # without the straight run the mean track matches the other field's runway and it wins
    spanned = infer_sites(
        ends.with_columns(pl.col("track_deg").alias("align_track_deg")), SiteIndex(_sites()), np.array([True]), "dep"
    )
    assert spanned["site"][0] == "other"

"""A named ship's fixes against the place and window a claim gives it: the times each fix rules out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl
import pytest

from liftwatch.claims.reach import MAX_KMH, _ruled_out
from liftwatch.geodesy import haversine_km

T0 = datetime(2023, 1, 10, tzinfo=UTC)
SITE = (np.array([35.0]), np.array([35.0]))  # one site, off the Levant
KMH = MAX_KMH["sea"]


def _fixes(*rows: tuple[float, float, float]) -> pl.DataFrame:
    """(hours after T0, lat, lon) rows."""
    return pl.DataFrame(
        {
            "ts": [T0 + timedelta(hours=h) for h, _, _ in rows],
            "lat": [a for _, a, _ in rows],
            "lon": [o for _, _, o in rows],
        }
    )


def _lat_at(km: float) -> float:
    """A latitude due south of the site ``km`` away (haversine, so the tests agree with the module)."""
    return 35.0 - km / 111.195


def test_a_fix_an_ocean_away_rules_the_whole_window_out() -> None:
    fixes = _fixes((24.0, 32.4, -79.5))  # off Charleston, a day into a two-day window
    assert _ruled_out(fixes, *SITE, T0, T0 + timedelta(hours=48), KMH) == 0


def test_a_fix_within_a_fast_passage_leaves_the_claim_possible() -> None:
    km = 0.9 * KMH * 24  # 90 % of a day's top-speed run from a window edge a day away
    fixes = _fixes((24.0, _lat_at(km), 35.0))
    assert float(haversine_km(_lat_at(km), 35.0, 35.0, 35.0)) == pytest.approx(km, rel=1e-3)
    assert _ruled_out(fixes, *SITE, T0, T0 + timedelta(hours=48), KMH) is None


def test_two_fixes_that_each_leave_room_rule_it_out_together() -> None:
    km = 0.7 * KMH * 48  # each fix alone leaves the far end of the 48 h window reachable ...
    fixes = _fixes((0.0, _lat_at(km), 35.0), (48.0, _lat_at(km), 35.0))
    assert _ruled_out(fixes.head(1), *SITE, T0, T0 + timedelta(hours=48), KMH) is None
    assert _ruled_out(fixes.tail(1), *SITE, T0, T0 + timedelta(hours=48), KMH) is None
    # ... but it cannot be 33.6 h away from both the start and the end of a 48 h window
    assert _ruled_out(fixes, *SITE, T0, T0 + timedelta(hours=48), KMH) is not None


def test_a_gap_between_ruled_out_times_leaves_the_claim_possible() -> None:
    km = KMH * 10  # each fix rules out 10 h either side
    fixes = _fixes((0.0, _lat_at(km), 35.0), (40.0, _lat_at(km), 35.0))  # 10-30 h stays open
    assert _ruled_out(fixes, *SITE, T0, T0 + timedelta(hours=40), KMH) is None


def test_the_nearest_fix_is_the_one_reported() -> None:
    fixes = _fixes((10.0, 32.4, -79.5), (20.0, 36.0, -5.0))  # Charleston, then Gibraltar
    assert _ruled_out(fixes, *SITE, T0, T0 + timedelta(hours=30), KMH) == 1

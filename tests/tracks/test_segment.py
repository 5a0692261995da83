"""Flight split per airframe: ground stops, gaps over the sea, callsign changes, readsb new-leg flags."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch.schema import PointFlag
from liftwatch.tracks.clean import clean_points
from liftwatch.tracks.segment import segment
from tests.frames import typed
from tests.tracks.synth import T0, fly, points


def _n_flights(df: pl.DataFrame) -> int:
    seg, _ = segment(clean_points(df)[0])
    return int(seg["flight_idx"].n_unique())


def test_round_trip_is_two_flights() -> None:
    a = fly("155abc", "hmeimim", "al-khadim")
    b = fly("155abc", "al-khadim", "hmeimim", T0 + timedelta(hours=3))
    assert _n_flights(points(a, b)) == 2


def test_quick_turnaround_without_gap_is_split() -> None:
    a = fly("155abc", "hmeimim", "OLBA", ground_s=120)
    t1 = typed(a["ts"].max(), datetime) + timedelta(seconds=10)
    b = fly("155abc", "OLBA", "hmeimim", t1, ground_s=120)
    seg, reasons = segment(clean_points(points(a, b))[0])
    assert seg["flight_idx"].n_unique() == 2 and reasons["ground_stop"] == 1


def test_callsign_change_does_not_split() -> None:
    a = fly("155abc", "hmeimim", "al-khadim")
    a = a.with_columns(
        pl.when(pl.int_range(pl.len()) > 300).then(pl.lit("RA78854")).otherwise(pl.col("callsign")).alias("callsign")
    )
    assert _n_flights(a) == 1


def test_long_gap_at_cruise_over_sea_is_one_flight() -> None:
    a = fly("155abc", "hmeimim", "al-khadim", gap=(0.25, 0.7))  # ~640 km, > 40 min without a fix at FL300
    gap = a["ts"].diff().max()
    assert isinstance(gap, timedelta) and gap > timedelta(minutes=40)
    assert _n_flights(a) == 1


def test_dark_landing_then_reappearing_climb_is_two_flights() -> None:
    a = fly("155abc", "hmeimim", "al-khadim", dark_below_ft=15000)
    b = fly(
        "155abc", "al-khadim", "hmeimim", typed(a["ts"].max(), datetime) + timedelta(minutes=70), start_above_ft=8000
    )
    assert _n_flights(points(a, b)) == 2


def test_new_leg_flag_splits() -> None:
    a = fly("155abc", "hmeimim", "al-khadim")
    flagged = a.with_columns(
        pl.when(pl.int_range(pl.len()) == 400)
        .then(pl.lit(int(PointFlag.NEW_LEG), pl.UInt16))
        .otherwise(pl.col("flags"))
        .alias("flags")
    )
    assert _n_flights(a) == 1 and _n_flights(flagged) == 2


def test_low_gap_splits_but_short_gap_does_not() -> None:
    a = fly("155abc", "LCLK", "OLBA", kt=250, cruise_ft=2500)
    idx = a.height // 2
    shifted = a.with_columns(
        pl.when(pl.int_range(pl.len()) >= idx)
        .then(pl.col("ts") + timedelta(minutes=30))
        .otherwise(pl.col("ts"))
        .alias("ts")
    )
    assert _n_flights(shifted) == 2
    brief = a.with_columns(
        pl.when(pl.int_range(pl.len()) >= idx)
        .then(pl.col("ts") + timedelta(minutes=3))
        .otherwise(pl.col("ts"))
        .alias("ts")
    )
    assert _n_flights(brief) == 1


def test_parked_aircraft_tail_trimmed() -> None:
    a = fly("155abc", "hmeimim", "al-khadim", ground_s=3 * 3600)
    seg, _ = segment(clean_points(a)[0])
    span = typed(seg["ts"].max(), datetime) - typed(seg["ts"].min(), datetime)
    assert span < timedelta(hours=2 + 1.2)  # ~2 h flight + 30 min padding each side


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(["hmeimim", "al-khadim", "benina", "LCLK", "OLBA", "HLLT"]), min_size=2, max_size=5),
    st.floats(min_value=0.3, max_value=0.45),
    st.floats(min_value=0.05, max_value=0.2),
    st.integers(min_value=20, max_value=600),
)
def test_n_legs_make_n_flights_whatever_the_cruise_gap(route: list[str], g0: float, glen: float, turn_min: int) -> None:
    legs = [(a, b) for a, b in itertools.pairwise(route) if a != b]
    if not legs:
        return
    frames: list[pl.DataFrame] = []
    t = T0
    for a, b in legs:
        f = fly("155abc", a, b, t, dt_s=20.0, gap=(g0, g0 + glen), callsign=f"RFF{len(frames)}")
        frames.append(f)
        t = typed(f["ts"].max(), datetime) + timedelta(minutes=turn_min)
    assert _n_flights(points(*frames)) == len(legs)

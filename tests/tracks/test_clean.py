"""Cleaning: duplicates, order, speed gate, first-fix confirmation, altitude spikes."""

from __future__ import annotations

from datetime import timedelta

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch.tracks.clean import DEFAULT_MAX_KT, clean_points, gate_table
from tests.tracks.synth import T0, fly


def _base() -> pl.DataFrame:
    return fly("155abc", "hmeimim", "al-khadim")


def test_clean_track_is_untouched() -> None:
    pts = _base()
    out, rep = clean_points(pts)
    assert out.height == pts.height
    assert sum(rep.dropped.values()) == 0 and sum(rep.altered.values()) == 0


def test_duplicates_and_out_of_order() -> None:
    pts = _base()
    shuffled = pl.concat([pts, pts.head(20)]).sample(fraction=1.0, shuffle=True, seed=1)
    out, rep = clean_points(shuffled)
    assert rep.dropped["duplicate"] == 20
    assert rep.altered["out_of_order"] > 0
    assert out.height == pts.height
    assert out["ts"].is_sorted()


def test_isolated_jump_and_unconfirmed_first_fix() -> None:
    pts = _base()
    bad_mid = pts.with_columns(
        pl.when(pl.int_range(pl.len()) == 200).then(pl.col("lat") + 3.0).otherwise(pl.col("lat")).alias("lat")
    )
    out, rep = clean_points(bad_mid)
    assert rep.dropped["speed_jump"] == 1 and out.height == pts.height - 1
    bad_first = pts.with_columns(
        pl.when(pl.int_range(pl.len()) == 0).then(pl.col("lon") - 5.0).otherwise(pl.col("lon")).alias("lon")
    )
    out, rep = clean_points(bad_first)
    assert rep.dropped["unconfirmed_first_fix"] == 1
    assert out["ts"][0] == pts["ts"][1]


def test_type_gate_is_tighter_than_default() -> None:
    # a 1000 kt "jump" between two fixes 60 s apart: possible under the 1500 kt default, not for an Il-76
    pts = _base().filter(pl.int_range(pl.len()) % 6 == 0)
    i = 60
    shift = 1000 * 1.852 / 60.0 / 111.0  # degrees of latitude flown in 60 s at 1000 kt
    moved = pts.with_columns(
        pl.when(pl.int_range(pl.len()) == i).then(pl.col("lat") + shift).otherwise(pl.col("lat")).alias("lat")
    )
    _, rep_default = clean_points(moved)
    assert rep_default.dropped["speed_jump"] == 0
    gates = gate_table(pl.DataFrame({"type_code": ["IL76"], "max_kt": [470.0]}))
    assert gates["IL76"] < DEFAULT_MAX_KT
    _, rep_typed = clean_points(moved, gates=gates)
    assert rep_typed.dropped["speed_jump"] == 1


def test_altitude_spike_nulled() -> None:
    pts = _base()
    spiked = pts.with_columns(
        pl.when(pl.int_range(pl.len()) == 300)
        .then(pl.lit(60000.0))
        .otherwise(pl.col("alt_baro_ft"))
        .alias("alt_baro_ft")
    )
    out, rep = clean_points(spiked)
    assert rep.altered["alt_spike"] == 1
    assert out["alt_baro_ft"][300] is None and out.height == pts.height


def test_callsign_filled_from_identity_rows() -> None:
    pts = _base().with_columns(pl.lit(None, pl.String).alias("callsign"))
    ident = pts.head(1).with_columns(
        pl.lit(None, pl.Float64).alias("lat"), pl.lit("RFF9999").alias("callsign"), pl.col("ts") - timedelta(seconds=1)
    )
    out, rep = clean_points(pl.concat([ident, pts]))
    assert rep.dropped["no_position"] == 1
    assert out["callsign"][0] == "RFF9999"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=400), min_size=0, max_size=30),
    st.lists(st.integers(min_value=0, max_value=400), min_size=0, max_size=5),
)
def test_properties(dups: list[int], jumps: list[int]) -> None:
    base = _base().head(401)
    extra = base[dups] if dups else base.head(0)
    df = base.with_columns(
        pl.when(pl.int_range(pl.len()).is_in(jumps)).then(pl.col("lon") + 4.0).otherwise(pl.col("lon")).alias("lon")
    )
    out, rep = clean_points(pl.concat([df, extra]).sort("ts"))
    assert out.select(pl.struct("asset_id", "ts").is_unique().all()).item()
    assert out["ts"].is_sorted()
    assert rep.rows_in == rep.rows_out + sum(rep.dropped.values())
    # no jumped fix survives unless it was adjacent to another jump (then they confirm each other)
    assert out.height >= base.height - len(set(jumps)) - 2 * len(set(jumps))
    assert out.height <= base.height
    _ = T0

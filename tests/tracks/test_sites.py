"""Site inference and dark endings on synthetic flights (no kb/sim: a small site table)."""

from __future__ import annotations

from datetime import datetime, timedelta

import polars as pl

from liftwatch.tracks.flights import KbInputs, build_flights
from tests.frames import typed
from tests.tracks.synth import SITES, T0, fly, points


def _mil(df: pl.DataFrame) -> pl.DataFrame:
    """Stand-in classifier: RU-block addresses (1xxxxx) are military, others civil."""
    mil = df["asset_id"].str.starts_with("1")
    return df.with_columns(
        pl.when(mil).then(pl.lit("military")).otherwise(pl.lit("civil")).alias("classification"),
        pl.when(mil).then(pl.lit("RU")).otherwise(pl.lit("CY")).alias("country"),
        pl.lit(None, pl.String).alias("operator"),
    )


INPUTS = KbInputs(sites=SITES, classify_frame=_mil)


def _build(pts: pl.DataFrame, inputs: KbInputs = INPUTS) -> pl.DataFrame:
    out = pl.from_arrow(build_flights(pts, inputs=inputs))
    assert isinstance(out, pl.DataFrame)
    return out.sort("first_ts")


def _background(n: int = 6) -> list[pl.DataFrame]:
    """Other traffic through eastern Libya on the same days: teaches the coverage grid it is covered."""
    out = []
    for k in range(n):
        t = T0 + timedelta(hours=3 * k)
        out.append(fly(f"0a{k:04d}", "HLLT", "al-khadim", t, callsign=f"LAA{k}", type_code="A320"))
        out.append(fly(f"0b{k:04d}", "benina", "HLLT", t, callsign=f"LAB{k}", type_code="A320"))
    return out


def test_shared_field_military_vs_civil() -> None:
    mil = fly("155abc", "hmeimim", "al-khadim")
    civ = fly("4b1234", "OSLK", "LCLK", callsign="SYR401", type_code="A320")
    f = _build(points(mil, civ))
    by = {r["asset_id"]: r for r in f.iter_rows(named=True)}
    assert by["155abc"]["dep_site"] == "hmeimim" and by["155abc"]["arr_site"] == "al-khadim"
    assert by["4b1234"]["dep_site"] == "OSLK" and by["4b1234"]["arr_site"] == "LCLK"
    assert all(r["ending"] == "landed" and r["start_kind"] == "takeoff" for r in by.values())
    assert by["155abc"]["arr_conf"] > 0.8


def test_coverage_lost_on_short_final_still_lands() -> None:
    a = fly("155abc", "hmeimim", "al-khadim", dark_below_ft=2000)
    f = _build(points(a))
    assert f["arr_site"][0] == "al-khadim"


def test_cruise_end_is_never_a_landing_and_is_ranked() -> None:
    # vanishes at FL300 heading to Al-Khadim; Benina and Tobruk are nearer the last fix than nothing else
    a = fly("155abc", "hmeimim", "al-khadim", dark_below_ft=29000)
    bg = _background()
    f = _build(points(a, *bg)).filter(pl.col("asset_id") == "155abc")
    row = f.row(0, named=True)
    assert row["ending"] in ("dark", "out_of_coverage")
    assert row["arr_site"] is not None
    assert row["arr_candidates"] and abs(sum(c["prob"] for c in row["arr_candidates"]) - 1.0) < 0.05


def test_dark_vs_out_of_coverage() -> None:
    dark = fly("155abc", "hmeimim", "al-khadim", dark_below_ft=15000)
    f = _build(points(dark, *_background()))
    assert f.filter(pl.col("asset_id") == "155abc")["ending"][0] == "dark"
    # without anyone else seen there, the same vanishing looks like leaving coverage
    later = fly("4b1234", "LCLK", "OLBA", T0 + timedelta(days=1), callsign="CYP1", type_code="A320")
    alone = _build(points(dark, later)).filter(pl.col("asset_id") == "155abc")
    assert alone["ending"][0] == "out_of_coverage"
    assert alone["arr_site"][0] == "al-khadim"


def test_next_departure_decides_between_close_sites() -> None:
    # vanishes at FL150 between Benina and Al-Khadim, heading roughly at both; next seen taking off at Benina
    a = fly("155abc", "hmeimim", "benina", dark_below_ft=16000)
    b = fly("155abc", "benina", "hmeimim", typed(a["ts"].max(), datetime) + timedelta(hours=3))
    f = _build(points(a, b, *_background()))
    first = f.filter(pl.col("asset_id") == "155abc").row(0, named=True)
    assert first["ending"] == "dark"
    assert first["arr_site"] == "benina"
    ev = first["evidence"]
    assert '"next_departure_matches":true' in ev


def test_history_of_airframe_raises_its_sites() -> None:
    # a dark ending aimed at Benina; an airframe that used Al-Khadim twice before makes Al-Khadim likelier
    def p_khadim(with_history: bool) -> float:
        hist = [fly("155abc", "hmeimim", "al-khadim", T0 + timedelta(days=d)) for d in range(2)]
        hist += [fly("155abc", "al-khadim", "hmeimim", T0 + timedelta(days=d, hours=5)) for d in range(2)]
        a = fly("155abc", "hmeimim", "benina", T0 + timedelta(days=3), dark_below_ft=22000)
        later = fly("4b1234", "LCLK", "OLBA", T0 + timedelta(days=4), callsign="CYP1", type_code="A320")
        f = _build(points(*(hist if with_history else []), a, later, *_background()))
        last = f.filter(pl.col("asset_id") == "155abc").sort("first_ts").row(-1, named=True)
        assert last["ending"] in ("dark", "out_of_coverage")
        return float(sum(c["prob"] for c in last["arr_candidates"] if c["site_id"] == "al-khadim"))

    assert p_khadim(True) > p_khadim(False)


def test_in_air_start_gets_probable_origin() -> None:
    a = fly("155abc", "hmeimim", "al-khadim", start_above_ft=12000)
    f = _build(points(a))
    row = f.row(0, named=True)
    assert row["start_kind"] in ("in_air", "data_start")
    assert row["dep_site"] in ("hmeimim", "OSLK")

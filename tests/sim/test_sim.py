"""Simulator: determinism, truth consistency, the bundled scenario, and round trips through every reader."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from liftwatch import io as lio
from liftwatch import sim
from liftwatch.geodesy import haversine_km
from liftwatch.io.base import RejectLog
from liftwatch.modes import accounting
from liftwatch.sim.coverage import covered
from tests.frames import frame, num


@pytest.fixture(scope="module")
def small() -> sim.Scenario:
    return sim.generate(days=3, seed=11, scale=0.25, surge_day=1)


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_gives_byte_identical_files(tmp_path: Path, small: sim.Scenario) -> None:
    fmts = [f for f in sim.FORMATS if f != "aircraft_json"]
    sim.write(small, tmp_path / "a", fmts)
    again = sim.generate(days=3, seed=11, scale=0.25, surge_day=1)
    sim.write(again, tmp_path / "b", fmts)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    other = sim.generate(days=3, seed=12, scale=0.25, surge_day=1)
    assert not other.points.equals(small.points)


def test_points_follow_truth(small: sim.Scenario) -> None:
    pts = small.points
    assert pts["ts"].is_not_null().all()
    assert pts.filter(pl.col("lat").abs() > 90).height == 0
    tf = small.truth_flights
    # every observed asset has truth, and dark flights have no points after they went dark
    assert set(pts["asset_id"].unique()) <= set(tf["asset_id"].unique())
    dark = tf.filter(pl.col("ending") == "dark")
    for row in dark.iter_rows(named=True):
        after = pts.filter(
            (pl.col("asset_id") == row["asset_id"])
            & (pl.col("ts") > row["went_dark_at"])
            & (pl.col("ts") < row["arr_time"])
        )
        assert after.height == 0, row["flight_id"]


def test_kinematics_are_consistent(small: sim.Scenario) -> None:
    """Ground speed reported matches distance over time between consecutive clean points (within 15%)."""
    p = small.points.filter(pl.col("domain") == "air").unique(["asset_id", "ts"]).sort("asset_id", "ts")
    p = p.with_columns(
        dt=(pl.col("ts").diff().over("asset_id").dt.total_microseconds() / 1e6),
        plat=pl.col("lat").shift().over("asset_id"),
        plon=pl.col("lon").shift().over("asset_id"),
    ).filter((pl.col("dt") > 15) & (pl.col("dt") < 40) & (pl.col("gs_kt") > 250))
    d_nm = haversine_km(p["plat"].to_numpy(), p["plon"].to_numpy(), p["lat"].to_numpy(), p["lon"].to_numpy()) / 1.852
    implied = d_nm / (p["dt"].to_numpy() / 3600.0)
    ratio = np.median(implied / p["gs_kt"].to_numpy())
    assert 0.85 < ratio < 1.15


def test_coverage_model_is_higher_is_further() -> None:
    # 200 NM south of Cyprus over the sea: heard at FL300, not at 1,000 ft
    assert covered([31.6], [33.5], [30000.0])[0]
    assert not covered([31.6], [33.5], [1000.0])[0]
    # central Libya (Al-Jufra) at low level: no receivers
    assert not covered([29.2], [16.0], [2000.0])[0]


def test_bundled_default_scenario_has_what_the_demo_needs() -> None:
    folder = sim.default_scenario_path()
    tf = pl.read_csv(folder / "truth_flights.csv", try_parse_dates=True)
    meta = json.loads((folder / "meta.json").read_text())
    airlift = tf.filter(
        (pl.col("classification") == "military")
        & pl.col("dep_site").eq("hmeimim")
        & pl.col("arr_site").is_in(["al-khadim", "al-jufra", "benina", "tobruk"])
    )
    assert airlift.height >= 20
    assert num((airlift["ending"] == "dark").mean()) >= 0.30
    assert tf.filter(pl.col("classification") == "civil").height >= 500
    assert meta["surge_start"] > meta["start"]
    # the surge is real in the truth itself: the daily sortie rate at least doubles after surge_start
    days_before = (date.fromisoformat(meta["surge_start"][:10]) - date.fromisoformat(meta["start"][:10])).days
    rate_before = airlift.filter(~pl.col("surge")).height / days_before
    rate_after = airlift.filter(pl.col("surge")).height / (meta["days"] - days_before)
    assert rate_after >= 2.0 * rate_before
    assert any((folder / "traces").rglob("trace_full_*.json.gz"))


@pytest.mark.parametrize("fmt", ["opensky_csv", "opensky_parquet", "readsb_trace", "sbs", "aircraft_json"])
def test_round_trip_through_readers(tmp_path: Path, small: sim.Scenario, fmt: str) -> None:
    paths = sim.write(small, tmp_path, [fmt])[fmt]
    inputs = [tmp_path / "aircraft_json"] if fmt == "aircraft_json" else paths
    rejects = RejectLog()
    tables = [t for p in inputs for t in lio.read(p, rejects=rejects)]
    assert rejects.total == 0, rejects.samples[:3]
    got = frame(tables).filter(pl.col("lat").is_not_null())
    want = small.points.filter(pl.col("domain") == "air").unique(["asset_id", "ts"])
    key = ["asset_id", "ts"]
    got = got.with_columns(pl.col("ts").dt.truncate("1s")).unique(key)
    want = want.with_columns(pl.col("ts").dt.truncate("1s")).unique(key)
    joined = want.join(got, on=key, how="inner", suffix="_r")
    share = joined.height / want.height
    assert share > (0.2 if fmt == "aircraft_json" else 0.98), share  # snapshots keep 1 point/min
    assert num((joined["lat"] - joined["lat_r"]).abs().max()) < 1e-4
    assert num((joined["lon"] - joined["lon_r"]).abs().max()) < 1e-4
    air = joined.filter(pl.col("alt_baro_ft").is_not_null() & pl.col("alt_baro_ft_r").is_not_null())
    assert num((air["alt_baro_ft"] - air["alt_baro_ft_r"]).abs().max()) <= 2.0


@pytest.mark.slow
def test_rebuilding_the_bundle_is_byte_identical(tmp_path: Path) -> None:
    """`liftwatch sim` with the bundle's seed, cadence and formats reproduces the shipped files exactly."""
    from typer.testing import CliRunner

    from liftwatch.cli import app
    from liftwatch.sim.bundle import (
        BUNDLE_KINDS,
        BUNDLE_RECEPTION,
        BUNDLE_RUNWAYS,
        DEFAULT_CADENCE_S,
        DEFAULT_DAYS,
        DEFAULT_SEED,
        default_formats,
    )

    args = ["sim", "--days", str(DEFAULT_DAYS), "--seed", str(DEFAULT_SEED), "--cadence", str(DEFAULT_CADENCE_S)]
    args += ["--kinds", ",".join(BUNDLE_KINDS) or "none", "--reception", BUNDLE_RECEPTION, "--runways", BUNDLE_RUNWAYS]
    res = CliRunner().invoke(app, [*args, "--formats", ",".join(default_formats()), "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    shipped = _digest(sim.default_scenario_path())
    rebuilt = _digest(tmp_path)
    assert rebuilt == shipped


def test_raw_modes_round_trip(tmp_path: Path, small: sim.Scenario) -> None:
    """DF17 messages written by the simulator decode back to the simulated fixes (CPR precision ~5 m)."""
    path = sim.write(small, tmp_path, ["modes_hex"])["modes_hex"][0]
    rejects = RejectLog()
    got = frame(lio.read(path, rejects=rejects))
    # every message accounted for; none is a problem except positions that found no CPR pair or reference
    assert got.height + rejects.total == sum(1 for line in Path(path).read_text().splitlines() if line.strip())
    assert rejects.total - rejects.ignored == rejects.counts[accounting.UNRESOLVED]
    got = got.filter(pl.col("lat").is_not_null())
    want = small.points.filter(
        (pl.col("domain") == "air") & pl.col("alt_baro_ft").is_not_null() & ~pl.col("on_ground")
    ).unique(["asset_id", "ts"])
    # the even message carries the fix's own time (to the millisecond)
    got = got.with_columns(pl.col("ts").dt.round("1ms"))
    want = want.with_columns(pl.col("ts").dt.round("1ms"))
    joined = want.join(got, on=["asset_id", "ts"], suffix="_r")
    assert joined.height > 0.9 * want.height
    err_m = haversine_km(joined["lat"], joined["lon"], joined["lat_r"], joined["lon_r"]) * 1000.0
    assert float(np.max(err_m)) < 10.0
    assert num((joined["alt_baro_ft"] - joined["alt_baro_ft_r"]).abs().max()) <= 25.0


def test_ais_nmea_round_trip(tmp_path: Path) -> None:
    """Ship points written as !AIVDM sentences read back to the same positions (AIS 1/10000 minute)."""
    sc = sim.generate(days=6, seed=11, scale=0.05)
    want = sc.points.filter(pl.col("domain") == "sea").unique(["asset_id", "ts"])
    assert want.height > 100
    path = sim.write(sc, tmp_path, ["ais_nmea"])["ais_nmea"][0]
    rejects = RejectLog()
    got = frame(lio.read(path, rejects=rejects))
    # static reports are counted as "ignored ... not a position message"; nothing else may be set aside
    assert not [r for r in rejects.counts if not r.startswith("ignored")], rejects.samples[:3]
    got = got.filter(pl.col("lat").is_not_null()).with_columns(pl.col("ts").dt.truncate("1s"))
    want = want.with_columns(pl.col("ts").dt.truncate("1s"))
    joined = want.join(got, on=["asset_id", "ts"], suffix="_r")
    assert joined.height >= 0.98 * want.height
    err_m = haversine_km(joined["lat"], joined["lon"], joined["lat_r"], joined["lon_r"]) * 1000.0
    assert float(np.max(err_m)) < 2.0
    assert num((joined["gs_kt"] - joined["gs_kt_r"]).abs().max()) <= 0.11


def test_cli_rejects_unknown_format(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from liftwatch.cli import app

    res = CliRunner().invoke(app, ["sim", "--days", "1", "--formats", "opensky_csv,nope", "--out", str(tmp_path)])
    assert res.exit_code == 2
    assert not any(tmp_path.iterdir())
    for bad, listed in [
        ("--kinds=zeppelin", "helicopter"),
        ("--reception=perfect", "realistic"),
        ("--crop=1,2", "LAT_MIN"),
    ]:
        res = CliRunner().invoke(app, ["sim", "--days", "1", bad, "--out", str(tmp_path)])
        assert res.exit_code == 2 and listed in res.output, res.output
    assert not any(tmp_path.iterdir())

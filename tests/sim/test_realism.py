"""What real recordings taught the simulator: reception by altitude with a fading rim, crops, single receivers,
helicopters, patrols, orbits, carrier decks and overflights, each with exact truth."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from liftwatch import kb, sim
from liftwatch.errors import LiftwatchError
from liftwatch.geodesy import KM_PER_NM, destination, haversine_km
from liftwatch.sim.coverage import Crop, network
from liftwatch.sim.missions import KINDS
from tests.frames import num

PAPHOS = (34.78, 32.42, 600.0, 240.0)  # lat, lon, antenna ft, max range NM


@pytest.fixture(scope="module")
def sc() -> sim.Scenario:
    return sim.generate(days=3, seed=5, scale=0.2, surge_day=1)


def _at(bearing: float, nm: float) -> tuple[float, float]:
    la, lo = destination(PAPHOS[0], PAPHOS[1], bearing, nm * KM_PER_NM)
    return float(la), float(lo)


def test_reach_grows_with_altitude_and_fades_at_the_rim() -> None:
    one = network(receivers=["Paphos"])
    # horizon at 10,000 ft: 1.23 * (sqrt(600) + sqrt(10050)) = 153 NM; at FL350 the 240 NM cap binds
    for nm, alt, want in [(100, 10000, 1.0), (170, 10000, 0.0), (170, 35000, 1.0), (235, 35000, None), (245, 45000, 0)]:
        la, lo = _at(200.0, nm)
        p = float(one.probability([la], [lo], [alt])[0])
        if want is None:
            assert 0.0 < p < 1.0, (nm, alt, p)  # inside the last 15 % of reach: heard only sometimes
        else:
            assert p == want, (nm, alt, p)
    # the "ideal" model keeps one 250 NM hard edge
    ideal = network("ideal", ["Paphos"])
    la, lo = _at(200.0, 245)
    assert ideal.probability([la], [lo], [45000.0])[0] == 1.0
    with pytest.raises(LiftwatchError, match="known: Larnaca"):
        network(receivers=["Nowhere"])
    with pytest.raises(LiftwatchError, match="realistic"):
        network("perfect")


def test_single_receiver_loses_airliners_at_altitude_dependent_ranges() -> None:
    sc = sim.generate(days=2, seed=3, scale=0.3, receivers=["Paphos"])
    p = sc.points.filter((pl.col("domain") == "air") & pl.col("alt_baro_ft").is_not_null())
    d_nm = haversine_km(PAPHOS[0], PAPHOS[1], p["lat"].to_numpy(), p["lon"].to_numpy()) / KM_PER_NM
    alt = p["alt_baro_ft"].to_numpy()
    horizon = 1.23 * (np.sqrt(PAPHOS[2]) + np.sqrt(alt + 50.0))
    assert np.all(d_nm <= np.minimum(horizon, PAPHOS[3]) + 1.0)  # nothing beyond line of sight or max range
    assert d_nm[alt < 10000].max() < 160.0
    assert d_nm[alt > 30000].max() > 200.0  # cruising airliners heard far out
    tf = sc.truth_flights
    over = tf.filter(pl.col("flight_kind") == "overflight")
    assert over.height > 0
    assert set(over["start"]) == {"in_air"}
    assert set(over["ending"]) <= {"out_of_coverage", "data_end"}
    assert sc.meta["receivers"] == ["Paphos"]


def test_every_kind_is_one_flight_in_truth(sc: sim.Scenario) -> None:
    tf = sc.truth_flights
    assert set(KINDS) <= set(tf["flight_kind"].drop_nulls())
    assert set(tf["ending"]) <= {"landed", "landed_unknown_site", "dark", "out_of_coverage", "data_end"}
    loops = tf.filter(pl.col("flight_kind").is_in(["helicopter", "patrol", "isr_orbit", "tanker_orbit"]))
    assert (loops["dep_site"] == loops["arr_site"]).all()
    hours = (loops["arr_time"] - loops["dep_time"]).dt.total_seconds() / 3600.0
    patrol = tf.filter(pl.col("flight_kind") == "patrol")
    ph = (patrol["arr_time"] - patrol["dep_time"]).dt.total_seconds() / 3600.0
    assert patrol.height > 0 and num(ph.min()) > 3.0
    assert num(hours.max()) > 4.0
    # patrols: ~1,000 ft and 30-70 kt between take-off and landing, a single flight
    pp = sc.points.filter(pl.col("asset_id").is_in(patrol["asset_id"].to_list()) & ~pl.col("on_ground"))
    cruise = pp.filter(pl.col("alt_baro_ft") > 700)
    assert cruise.height > 100
    assert num(cruise["alt_baro_ft"].max()) <= 1300
    assert 25 <= num(cruise["gs_kt"].min()) < 40 and 60 < num(cruise["gs_kt"].max()) <= 75
    # helicopters stay low
    helo = tf.filter(pl.col("flight_kind") == "helicopter")
    hp = sc.points.filter(pl.col("asset_id").is_in(helo["asset_id"].to_list()))
    assert num(hp["alt_baro_ft"].max()) <= 2100


def test_carrier_deck_is_an_unknown_site(sc: sim.Scenario) -> None:
    tf = sc.truth_flights.filter(pl.col("flight_kind") == "carrier")
    to_deck = tf.filter(pl.col("arr_site").is_null())
    from_deck = tf.filter(pl.col("dep_site").is_null())
    assert to_deck.height > 0 and from_deck.height > 0
    assert set(to_deck["ending"]) <= {"landed_unknown_site", "out_of_coverage", "data_end"}
    assert "landed_unknown_site" in set(to_deck["ending"])
    assert set(from_deck["start"]) <= {"takeoff_unknown_site", "in_air"}
    assert "landed_unknown_site" not in set(tf.filter(pl.col("arr_site").is_not_null())["ending"])
    # the deck is at sea, far from every airfield of the knowledge base
    for row in to_deck.iter_rows(named=True):
        near = kb.nearest_sites(row["arr_lat"], row["arr_lon"], radius_km=60.0)
        assert near == [], near  # nothing in the gazetteer within 60 km
    # departures leave from where that day's landings ended (the same ship)
    land_pos = {
        (r["arr_time"].date(), round(r["arr_lat"], 3), round(r["arr_lon"], 3)) for r in to_deck.iter_rows(named=True)
    }
    dep_pos = {
        (r["dep_time"].date(), round(r["dep_lat"], 3), round(r["dep_lon"], 3)) for r in from_deck.iter_rows(named=True)
    }
    assert land_pos & dep_pos
    # a recovered aircraft's last fixes are low over the sea
    ids = to_deck.filter(pl.col("ending") == "landed_unknown_site")["asset_id"].to_list()
    last = sc.points.filter(pl.col("asset_id").is_in(ids) & ~pl.col("on_ground")).sort("ts").group_by("asset_id").last()
    assert num(last["alt_baro_ft"].min()) < 1500


def test_crop_never_makes_dark_flights() -> None:
    crop = Crop.around(34.9, 33.3, 150.0)  # Cyprus: the Libyan end of every airlift sortie is outside
    full = sim.generate(days=6, seed=2, scale=0.1, surge_day=1, kinds=())
    cut = sim.generate(days=6, seed=2, scale=0.1, surge_day=1, kinds=(), crop=crop)
    assert (full.truth_flights["ending"] == "dark").sum() > 0
    pts = cut.points
    assert crop.contains(pts["lat"].to_numpy(), pts["lon"].to_numpy()).all()
    tf = cut.truth_flights
    assert (tf["ending"] == "dark").sum() == 0
    libya = tf.filter(pl.col("arr_site").is_in(["al-khadim", "al-jufra", "benina", "tobruk"]))
    assert libya.height > 0 and set(libya["ending"]) <= {"out_of_coverage", "data_end"}
    assert cut.meta["crop"] == crop.as_list()
    # the gap truth stays exact: a transponder switched off is "dark", anything else "coverage"
    assert set(cut.truth_gaps["reason"]) <= {"dark", "coverage"}
    with pytest.raises(LiftwatchError, match="LAT_MIN"):
        Crop.parse("1,2")
    assert Crop.parse("30,20,40,35") == Crop(30.0, 20.0, 40.0, 35.0)


def test_classic_scenario_is_still_available() -> None:
    """``kinds=()`` and ``reception="ideal"`` reproduce the earlier scenario's observations exactly."""
    sc = sim.generate(days=2, seed=4, scale=0.1, kinds=(), reception="ideal")
    assert set(sc.truth_flights["flight_kind"]) <= {"transport", "airline", "charter", "voyage"}
    with pytest.raises(LiftwatchError, match="known: helicopter"):
        sim.generate(days=1, kinds=["zeppelin"])


def test_cli_crop_and_single_receiver(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from liftwatch.cli import app

    args = ["sim", "--days", "1", "--kinds", "overflight", "--receivers", "Paphos", "--crop", "34.9,33.3,300"]
    res = CliRunner().invoke(app, [*args, "--formats", "opensky_csv", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    meta = json.loads((tmp_path / "meta.json").read_text())
    assert meta["receivers"] == ["Paphos"] and meta["kinds"] == ["overflight"] and len(meta["crop"]) == 4
    truth = pl.read_csv(tmp_path / "truth_flights.csv")
    assert "dark" not in set(truth["ending"])


def test_flights_use_the_sites_runways() -> None:
    """Take-off from a runway threshold on its heading, touch-down past the threshold of the aligned end."""
    from liftwatch.geodesy import bearing_deg
    from liftwatch.sim.kinematics import Performance, fly
    from liftwatch.sim.scenario import _field

    lgrp, lcph = _field("LGRP"), _field("LCPH")
    assert lgrp.ends and {round(e.heading) for e in lgrp.ends} == {70, 250}  # OurAirports 06/24
    assert not _field("LGRP", "gazetteer").ends
    tr = fly(lcph, lgrp, Performance(cruise_kt=450.0), 30000.0, [], np.random.default_rng(1))
    start = min(lcph.ends, key=lambda e: haversine_km(e.lat, e.lon, tr.lat[0], tr.lon[0]))
    assert haversine_km(start.lat, start.lon, tr.lat[0], tr.lon[0]) < 0.01
    rolling = np.flatnonzero(tr.gs_kt > 0)[:30]  # the take-off roll runs along the runway's heading
    assert abs((float(tr.track_deg[rolling[-1]]) - start.heading + 180) % 360 - 180) < 2
    # coming from the east-south-east: lands on 24, over a final fix 12 NM out on the extended centre line
    end = next(e for e in lgrp.ends if round(e.heading) == 250)
    air = np.flatnonzero(~tr.on_ground)
    final = air[-120:]
    assert np.all(np.abs((tr.track_deg[final] - end.heading + 180) % 360 - 180) < 3)
    touch = air[-1]
    assert 0.1 < haversine_km(end.lat, end.lon, tr.lat[touch], tr.lon[touch]) < 0.6
    stop = float(bearing_deg(end.lat, end.lon, tr.lat[-1], tr.lon[-1]))
    assert abs((stop - end.heading + 180) % 360 - 180) < 2  # rolled out along the runway, not at the ARP
    with pytest.raises(LiftwatchError, match="runway source"):
        sim.generate(days=1, scale=0.1, kinds=(), ships=False, runways="osm")

"""Flights built from real OpenSky recordings, judged by what each recording itself shows.

The four small MIT samples are bundled (``tests/data/real/adsb``, see ``ATTRIBUTION.md``); the Paris
quickstart collection (6 MB, 284k rows) is read from the shared data folder beside the repository and the
test skips, saying why, when it is absent (set ``LIFTWATCH_SHARED_DATA`` to point elsewhere).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

from liftwatch.geodesy import haversine_km
from liftwatch.store import Store
from liftwatch.tracks.flights import build_flights
from liftwatch.tracks.guesses import mark_guesses
from tests.frames import num

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "real" / "adsb"
SHARED = Path(os.environ.get("LIFTWATCH_SHARED_DATA", ROOT / ".." / "shared" / "data" / "real"))
QUICKSTART = SHARED / "traffic" / "sample_quickstart.opensky.csv.gz"


def _flights(path: Path, tmp: Path) -> pl.DataFrame:
    with Store(tmp / "x.duckdb") as s:
        s.ingest(path)
        out = pl.from_arrow(build_flights(s))
    assert isinstance(out, pl.DataFrame)
    return out.sort("first_ts")


@pytest.fixture(scope="module")
def tmp_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("real")


def test_border_patrol_is_one_flight_from_and_to_lydd(tmp_path: Path) -> None:
    # 4 h at ~1,000 ft and 30-70 kt over the Channel: slow and low is not on the ground
    f = _flights(DATA / "sample_border_control.opensky.csv.gz", tmp_path)
    assert f.height == 1, f.select("dep_site", "arr_site", "ending")
    r = f.row(0, named=True)
    assert (r["dep_site"], r["start_kind"], r["arr_site"], r["ending"]) == ("EGMD", "takeoff", "EGMD", "landed")
    assert r["dep_conf"] > 0.9 and r["arr_conf"] > 0.9


def test_carrier_deck_landings_are_landed_unknown_site(tmp_path: Path) -> None:
    f = _flights(DATA / "sample_aircraft_carrier.opensky.csv.gz", tmp_path)
    assert "dark" not in f["ending"].to_list()
    deck = f.filter(pl.col("ending") == "landed_unknown_site")
    assert deck.height >= 2
    assert deck["arr_site"].null_count() == deck.height  # no airfield is invented for a deck
    # at sea, 120-150 km off San Diego (KNZY 32.70 N 117.21 W), at the surface
    km = haversine_km(deck["last_lat"].to_numpy(), deck["last_lon"].to_numpy(), 32.70, -117.21)
    assert ((km > 100) & (km < 180)).all(), km
    assert (deck["last_alt_ft"] <= 100).all()
    last = f.row(-1, named=True)
    assert (last["arr_site"], last["ending"]) == ("KNZY", "landed")
    # launches from the deck are take-offs from an unknown site, not departures from a distant airfield
    assert set(f["start_kind"].to_list()[1:]) == {"takeoff_unknown_site"}
    assert f["dep_site"].to_list()[1:] == [None] * (f.height - 1)
    assert f.row(0, named=True)["dep_site"] == "KNZY"


def test_tanker_departs_and_lands_istres(tmp_path: Path) -> None:
    # first fix 2,550 ft, 10 km from LFMI, climbing: a take-off from Istres, not a guess among far fields
    f = _flights(DATA / "sample_inflight_refuelling.opensky.csv.gz", tmp_path)
    assert f.height == 1
    r = f.row(0, named=True)
    assert (r["dep_site"], r["start_kind"]) == ("LFMI", "takeoff")
    assert r["dep_conf"] >= 0.8
    assert (r["arr_site"], r["ending"]) == ("LFMI", "landed")


def test_qantas_departs_sydney_and_its_destination_stays_a_guess(tmp_path: Path) -> None:
    f = _flights(DATA / "sample_qantas747.opensky.csv.gz", tmp_path)
    assert f.height == 1
    r = f.row(0, named=True)
    assert (r["dep_site"], r["start_kind"]) == ("YSSY", "takeoff") and r["dep_conf"] > 0.9
    # the sample ends over the Tasman at FL330 (KLAX is not reached): no arrival may be shown as a fact
    assert r["ending"] == "data_end"
    shown = mark_guesses(f).row(0, named=True)
    assert shown["arr_site"] is None and shown["arr_time"] is None


@pytest.fixture(scope="module")
def paris(tmp_module: Path) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    if not QUICKSTART.exists():
        pytest.skip(f"Paris quickstart sample not available at {QUICKSTART} (shared data folder absent)")
    with Store(tmp_module / "paris.duckdb") as s:
        s.ingest(QUICKSTART)
        flights = pl.from_arrow(build_flights(s))
        raw = s.points()
    pts = raw if isinstance(raw, pl.DataFrame) else pl.from_arrow(raw)
    assert isinstance(flights, pl.DataFrame) and isinstance(pts, pl.DataFrame)
    yield flights, pts


def test_paris_no_flight_ending_at_the_crop_edge_is_dark(paris: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    flights, pts = paris
    pts = pts.filter(pl.col("lat").is_not_null())
    # the crop's rim, per 15° bearing sector from the sample's centre: the farthest fixes seen there
    c_lat, c_lon = num(pts["lat"].mean()), num(pts["lon"].mean())
    from liftwatch.geodesy import bearing_deg

    def polar(lat: pl.Series, lon: pl.Series) -> pl.DataFrame:
        la, lo = lat.to_numpy(), lon.to_numpy()
        return pl.DataFrame(
            {
                "d": haversine_km(c_lat, c_lon, la, lo),
                "sec": (bearing_deg(c_lat, c_lon, la, lo) // 15).astype(int),
            }
        )

    rim = polar(pts["lat"], pts["lon"]).group_by("sec").agg(pl.col("d").quantile(0.999).alias("rim"))
    ends = pl.concat([flights.select("ending"), polar(flights["last_lat"], flights["last_lon"])], how="horizontal")
    at_edge = ends.join(rim, on="sec").filter(pl.col("d") >= pl.col("rim") - 15.0)
    assert at_edge.height >= 20  # the sample really is cropped: many flights leave through its rim
    assert "dark" not in at_edge["ending"].to_list()
    # and "dark" stays rare: a handful among 260 flights, not one in six
    assert (flights["ending"] == "dark").sum() <= 0.03 * flights.height


def test_paris_sites_where_low_fixes_show_them(paris: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    flights, _ = paris
    takeoffs = flights.filter(pl.col("start_kind") == "takeoff")
    landings = flights.filter(pl.col("ending") == "landed")
    assert takeoffs.height >= 60 and landings.height >= 60
    paris_fields = {"LFPG", "LFPO", "LFPB", "LFOB"}
    assert set(takeoffs["dep_site"].to_list()) >= {"LFPG", "LFPO", "LFPB"}
    assert set(landings["arr_site"].to_list()) >= {"LFPG", "LFPO"}
    # every observed take-off and landing is at an airfield with a site, and mostly the big Paris ones
    assert takeoffs["dep_site"].null_count() == 0 and landings["arr_site"].null_count() == 0
    share = landings["arr_site"].is_in(list(paris_fields)).mean()
    assert isinstance(share, float) and share >= 0.8


def test_paris_traffic_through_one_receiver_leaves_coverage_not_dark(
    paris: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    """Real traffic as one home receiver would log it: heard out to a range that grows with altitude.

    The receiver south of Paris hears each fix within 30 % of radio line of sight (1.23 x sqrt(h ft) NM, an
    obstructed horizon), so every airliner climbing or cruising away crosses the rim of its coverage. None
    of the flights that end in the outer tenth of the range at their altitude, flying away, may be "dark".
    """
    import json

    import numpy as np

    from liftwatch.geodesy import KM_PER_NM, bearing_deg

    _, pts = paris
    rx_lat, rx_lon = 48.75, 2.30

    def reach_km(alt: np.ndarray) -> np.ndarray:
        return np.asarray(0.3 * 1.23 * np.sqrt(np.maximum(alt, 100.0) + 300.0) * KM_PER_NM)

    pts = pts.filter(pl.col("lat").is_not_null())
    alt = pts["alt_baro_ft"].fill_null(pts["alt_geom_ft"]).fill_null(0.0).to_numpy()
    d = haversine_km(rx_lat, rx_lon, pts["lat"].to_numpy(), pts["lon"].to_numpy())
    heard = pts.filter(pl.Series(d <= reach_km(alt)))
    flights = pl.from_arrow(build_flights(heard))
    assert isinstance(flights, pl.DataFrame)
    lat, lon = flights["last_lat"].to_numpy(), flights["last_lon"].to_numpy()
    d_end = haversine_km(rx_lat, rx_lon, lat, lon)
    r_end = reach_km(flights["last_alt_ft"].fill_null(0.0).to_numpy())
    track = np.array([json.loads(e)["arr"]["last_track_deg"] or np.nan for e in flights["evidence"].to_list()])
    away = np.abs((track - bearing_deg(rx_lat, rx_lon, lat, lon) + 180.0) % 360.0 - 180.0) < 90.0
    leaving = flights.filter(pl.Series((d_end >= 0.9 * r_end) & away))
    assert leaving.height >= 30
    assert leaving.filter(pl.col("ending") == "dark").height == 0, leaving.filter(pl.col("ending") == "dark")
    assert (flights["ending"] == "dark").sum() <= 0.05 * flights.height

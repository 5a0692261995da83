"""The World Port Index's harbours in the sea pipeline: observed calls anywhere, inferred places only where ships
were seen calling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl
import pytest

from liftwatch import kb, sea
from liftwatch.geodesy import destination, haversine_km
from liftwatch.sea import destinations, portcalls
from liftwatch.sea.portcalls import PORTCALL_SCHEMA

from .gapkit import T0, silent_gap

LONG_BEACH = "wpi-16070"  # the index's Long Beach, California: no curated port within 5 km


@pytest.fixture(scope="module")
def ports() -> pl.DataFrame:
    return portcalls.port_sites()


def test_the_port_list_adds_index_harbours_beyond_every_curated_port(ports: pl.DataFrame) -> None:
    curated = ports.filter(~pl.col("indexed"))
    indexed = ports.filter(pl.col("indexed"))
    assert curated["site_id"].to_list() == portcalls.port_sites(kb.sites())["site_id"].to_list()
    assert indexed.height > 1000 and LONG_BEACH in indexed["site_id"].to_list()
    assert indexed["site_id"].str.starts_with("wpi-").all() and indexed["host_states"].is_null().all()
    d = haversine_km(
        indexed["lat"].to_numpy()[:, None],
        indexed["lon"].to_numpy()[:, None],
        curated["lat"].to_numpy()[None, :],
        curated["lon"].to_numpy()[None, :],
    )
    assert d.min() > portcalls.HARBOUR_KM  # a harbour beside a curated port is that port's
    assert not portcalls.port_sites(kb.sites())["indexed"].any()  # a caller's own table is its whole list


def _moored_at(lat: float, lon: float, asset: str) -> pl.DataFrame:
    """A ship sailing in from 40 km west, moored six hours, sailing out again: a report every ten minutes."""
    km = np.concatenate([np.linspace(40, 1, 12), np.full(36, 0.3), np.linspace(1, 40, 12)])
    sog = np.concatenate([np.full(12, 11.0), np.full(36, 0.0), np.full(12, 11.0)])
    la, lo = destination(np.full(km.size, lat), np.full(km.size, lon), 270.0, km)
    t0 = datetime(2024, 3, 1, tzinfo=UTC)
    return pl.DataFrame(
        {
            "domain": "sea",
            "source": "test",
            "asset_id": asset,
            "ts": [t0 + timedelta(minutes=10 * i) for i in range(km.size)],
            "lat": la,
            "lon": lo,
            "gs_kt": sog,
        }
    ).with_columns(pl.col("ts").cast(pl.Datetime("us", "UTC")))


def test_a_ship_moored_at_an_index_harbour_calls_there() -> None:
    site = kb.site(LONG_BEACH)
    res = sea.analyse(_moored_at(site.lat, site.lon, "366000001"))
    calls = res.port_calls.filter(pl.col("is_call"))
    assert calls["site_id"].to_list() == [LONG_BEACH] and calls["reason"].to_list() == ["stopped"]
    assert LONG_BEACH in res.voyages["arr_site"].to_list()  # the voyage in ends at the harbour, not nowhere


def _call(asset: str, site: str) -> pl.DataFrame:
    row = {
        "asset_id": asset,
        "visit": 1,
        "site_id": site,
        "start": T0 - timedelta(days=3),
        "end": T0 - timedelta(days=2),
        "n_points": 20,
        "min_sog_kt": 0.0,
        "max_gap_s": 600.0,
        "is_call": True,
        "reason": "stopped",
    }
    return pl.DataFrame([row], schema=PORTCALL_SCHEMA)


def test_an_index_harbour_competes_for_a_silence_once_a_ship_called_there() -> None:
    # silent_gap: a ship last seen at (34.0, 30.0) sailing east; a curated port far ahead, an index harbour nearer
    ports = pl.DataFrame(
        {
            "site_id": ["curated", "wpi-1"],
            "lat": [34.0, 34.0],
            "lon": [33.5, 31.5],
            "indexed": [False, True],
        }
    )
    gap = silent_gap("273000001")
    unused = portcalls.inferable_ports(ports, None)
    assert unused["site_id"].to_list() == ["curated"]
    first = destinations.rank(gap, unused)["candidates"][0][0]["site_id"]
    assert first == "curated"
    used = _call("273000002", "wpi-1")  # another ship was seen calling at the index harbour
    likely = portcalls.inferable_ports(ports, used)
    assert likely["site_id"].to_list() == ["curated", "wpi-1"]
    ranked = [c["site_id"] for c in destinations.rank(gap, likely, used)["candidates"][0]]
    assert ranked[0] == "wpi-1" and "curated" in ranked
    assert portcalls.inferable_ports(ports.drop("indexed"), None).height == 2  # a caller's own list: all of it


def test_harbour_pooling_is_the_first_listed_port_within_reach() -> None:
    rng = np.random.default_rng(5)
    lat = 34.0 + rng.uniform(-0.1, 0.1, 60)
    lon = 35.0 + rng.uniform(-0.1, 0.1, 60)
    ports = pl.DataFrame({"site_id": [f"p{i}" for i in range(60)], "lat": lat, "lon": lon})
    d = haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
    want = {f"p{i}": f"p{int(np.argmax(d[i] <= 5.0))}" for i in range(60)}
    assert portcalls.harbour_of(ports) == want
    assert portcalls.harbour_of(ports.head(1)) == {"p0": "p0"}

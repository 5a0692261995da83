"""The founding airlift scenario end to end on the sea side: sim -> AIS NMEA file -> store -> voyages."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from liftwatch import sea, sim
from liftwatch.io import ais_nmea
from liftwatch.sea.portcalls import harbour_of, port_sites
from liftwatch.sim.ais_writer import write_ais_nmea
from liftwatch.store import Store

pytestmark = pytest.mark.slow  # generating the 14-day scenario takes ~20 s


@pytest.fixture(scope="module")
def scenario() -> sim.Scenario:
    return sim.generate("syria-libya-airlift", days=14, seed=7)


def test_voyages_from_nmea_through_the_store(scenario: sim.Scenario, tmp_path: Path) -> None:
    sea_pts = scenario.points.filter(pl.col("domain") == "sea")
    truth = scenario.truth_flights.filter(pl.col("domain") == "sea")
    assert truth.height >= 4
    path = tmp_path / "ais.nmea"
    write_ais_nmea(sea_pts, path)
    with Store(tmp_path / "s.duckdb") as store:
        rep = store.ingest(path)
        assert not [r for r in rep.rejects.counts if not r.startswith("ignored")]  # static lines are counted
        # the air side keeps the data running after the last ship report (data end of all domains)
        store.ingest_table(
            scenario.points.filter(pl.col("domain") == "air")
            .head(1)
            .with_columns(pl.lit(scenario.points["ts"].max()).alias("ts"))
        )
        store.save_ais_static(ais_nmea.read_static(str(path)))
        table = sea.build_voyages(store)
        store.write_flights(table)
        v = store.flights("domain = 'sea'")
    h = harbour_of(port_sites())
    assert v.height == truth.height
    # Tartus -> Tobruk: departure inferred from the first reports, arrival an observed port call
    tob = v.filter(pl.col("arr_site") == "tobruk-port")
    assert tob.height >= 1 and tob["ending"][0] == "landed" and h[tob["dep_site"][0]] == "tartus"
    assert tob["operator"][0] is not None and "Oboronlogistika" in tob["operator"][0]
    assert tob["country"][0] == "RU"
    assert "SPARTA II" in tob["callsigns"][0]  # the name, from the static reports, for claims and watch lists
    # every truth arrival is found (observed call or top-ranked port of a silence), same harbour
    got = sorted((a, h[s]) for a, s in v.select("asset_id", "arr_site").drop_nulls().iter_rows())
    want = sorted((a, h[s]) for a, s in truth.select("asset_id", "arr_site").iter_rows())
    assert got == want
    # the ship that went dark approaching Benghazi: dark ending, Benghazi ranked first
    dark = v.filter(pl.col("arr_site") == "benghazi-port")
    assert dark["ending"].to_list() == ["dark"]
    assert dark["arr_candidates"][0][0]["site_id"] == "benghazi-port"

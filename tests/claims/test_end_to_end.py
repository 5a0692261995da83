"""Acceptance on the simulator's demo scenario: the seed article is supported by the airlift flights, and an
article about a movement absent from the data gets "no evidence" with its coverage stated."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from liftwatch.claims import CONTRADICTED, NO_EVIDENCE, SUPPORTED, check, extract
from liftwatch.store import Store
from tests.claims.conftest import TEXTS, real_kb_gazetteer

pytestmark = pytest.mark.slow


def _sim() -> Any:
    try:
        sim = importlib.import_module("liftwatch.sim")
    except ImportError as exc:
        pytest.skip(f"liftwatch.sim not available yet ({exc})")
    if not callable(getattr(sim, "generate", None)):
        pytest.skip("liftwatch.sim.generate not available yet")
    return sim


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Any]]:
    sim = _sim()
    real_kb_gazetteer()
    from liftwatch.tracks import build_flights

    sc = sim.generate("syria-libya-airlift", days=14, seed=7)
    store = Store(Path(tmp_path_factory.mktemp("e2e")) / "demo.duckdb")
    store.ingest_table(sc.points)
    store.write_flights(build_flights(store))
    from liftwatch.sea.build import build_voyages

    store.write_flights(build_voyages(store))
    yield store, sc
    store.close()


def _airlift_truth(sc: Any) -> pl.DataFrame:
    t: pl.DataFrame = sc.truth_flights
    return t.filter((pl.col("dep_site") == "hmeimim") & (pl.col("arr_site") == "al-khadim"))


def test_seed_article_supported_with_the_airlift_flights(demo: tuple[Store, Any]) -> None:
    store, sc = demo
    ex = extract((TEXTS / "russia_syria_libya_transfer.txt").read_text(encoding="utf-8"))
    r = check(ex, store)[0]
    assert r.verdict == SUPPORTED, (r.reasons, r.caveats)
    truth = _airlift_truth(sc)
    assert truth.height >= 2
    full = r.flights.filter(pl.col("match") == "full")
    # every listed full match is a real airlift flight, and most airlift flights are listed
    truth_assets = set(truth["asset_id"].to_list())
    assert set(full["asset_id"].to_list()) <= truth_assets | set(sc.truth_flights["asset_id"].to_list())
    found = 0
    for row in truth.iter_rows(named=True):
        near = full.filter(
            (pl.col("asset_id") == row["asset_id"]) & ((pl.col("t") - row["dep_time"]).abs() <= timedelta(hours=2))
        )
        found += near.height > 0
    assert found / truth.height >= 0.8, (found, truth.height)
    # dark arrivals count through their ranked destination
    if (truth["ending"] == "dark").any():
        assert (full["ending"] != "landed").any()


def test_seed_article_dated_at_scenario_end_is_supported(demo: tuple[Store, Any]) -> None:
    store, sc = demo
    end = sc.truth_flights["dep_time"].max().date()
    ex = extract((TEXTS / "russia_syria_libya_transfer.txt").read_text(encoding="utf-8"), end)
    r = check(ex, store)[0]
    assert r.verdict == SUPPORTED and r.window is not None
    assert sum(n for _, n in r.counts_by_day) == r.n_full


def test_absent_movement_is_no_evidence_with_coverage(demo: tuple[Store, Any]) -> None:
    store, sc = demo
    end = sc.truth_flights["dep_time"].max().date()
    ex = extract((TEXTS / "bamako_absent.txt").read_text(encoding="utf-8"), end)
    r = next(x for x in check(ex, store) if x.claim.destination and x.claim.destination[0].id == "bamako")
    assert r.verdict == NO_EVIDENCE
    assert r.coverage and r.coverage[0].level in ("none", "sparse")
    assert any("coverage" in reason for reason in r.reasons)


def test_dated_flight_claim_on_the_demo(demo: tuple[Store, Any]) -> None:
    """A one-day claim about a real airlift sortie of the scenario is supported by exactly that sortie."""
    store, sc = demo
    row = _airlift_truth(sc).sort("dep_time").row(0, named=True)
    day = row["dep_time"].date()
    text = f"A Russian cargo plane flew from Khmeimim to the Al-Khadem air base on {day:%d %B %Y}."
    r = check(extract(text), store)[0]
    assert r.verdict == SUPPORTED
    assert row["asset_id"] in r.flights.filter(pl.col("match") == "full")["asset_id"].to_list()


def test_ship_claim_on_the_demo(demo: tuple[Store, Any]) -> None:
    store, sc = demo
    if store.sql("SELECT count(*) AS n FROM flights WHERE domain = 'sea'").item() == 0:
        pytest.skip("upstream builds no sea voyages into the flights table yet (tracks covers aircraft only)")
    voyage = sc.truth_flights.filter((pl.col("domain") == "sea") & (pl.col("registration") == "SPARTA II")).row(
        0, named=True
    )
    text = f"The Russian cargo ship Sparta II left Tartus on {voyage['dep_time']:%d %B %Y} and docked in Tobruk."
    r = check(extract(text), store)[0]
    assert r.verdict in (SUPPORTED, "partly supported")


def test_repeated_flights_to_a_covered_airport_are_contradicted(demo: tuple[Store, Any]) -> None:
    """The scenario has no Russian cargo flights to Mitiga (Tripoli), which receivers cover well."""
    store, sc = demo
    truth = sc.truth_flights
    assert truth.filter((pl.col("arr_site") == "mitiga") & pl.col("asset_id").str.starts_with("1")).height == 0
    start = truth["dep_time"].min().date() + timedelta(days=1)
    end = truth["dep_time"].max().date() - timedelta(days=1)
    text = (
        f"Russian cargo planes made multiple flights from Hmeimim to Mitiga between {start:%d %B} and {end:%d %B %Y}."
    )
    r = check(extract(text), store)[0]
    assert r.verdict == CONTRADICTED, (r.reasons, [c.describe() for c in r.coverage])
    assert all(c.level == "good" for c in r.coverage)

"""``Flights.home_base()``: the library answer the airframe page shows."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from fastapi.testclient import TestClient

import liftwatch
from liftwatch.store import Store
from liftwatch.web import create_app


def _airframe_store(demo_db: Path, db: Path, deps: list[str | None]) -> Path:
    """A store at ``db`` holding one airframe (``abcdef``) whose flights leave from ``deps`` in turn (None: unknown),
    each a copy of the demo's first flight."""
    with Store(demo_db, read_only=True) as src:
        template = src.flights().head(1)
    rows = pl.concat(
        [
            template.with_columns(
                flight_id=pl.lit(f"abcdef-2024010{i}T000000Z"),
                asset_id=pl.lit("abcdef"),
                dep_site=pl.lit(d, dtype=pl.Utf8),
            )
            for i, d in enumerate(deps)
        ]
    )
    with Store(db) as store:
        store.write_flights(rows)
    return db


def test_home_base_is_the_most_frequent_departure(demo_db: Path, tmp_path: Path) -> None:
    db = _airframe_store(demo_db, tmp_path / "home.duckdb", ["hmeimim", "hmeimim", "benina", None, "benina", "hmeimim"])
    with liftwatch.open(db, read_only=True) as lw:
        home = lw.flights(asset="abcdef").home_base()
        assert home is not None
        assert (home.site_id, home.departures, home.known, home.flights) == ("hmeimim", 3, 5, 6)
        assert home.share == 0.6
        assert home.name == "Hmeimim Air Base"
        assert lw.flights(asset="000000").home_base() is None


def test_airframe_page_shows_the_library_home_base(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    asset = lw.flights().military().to_polars()["asset_id"][0]
    home = lw.flights(asset=asset).home_base()
    assert home is not None
    html = client.get(f"/airframe/{asset}").text
    assert f"/site/{home.site_id}" in html
    assert f"{home.departures} of {home.known} flights" in html


def test_a_tie_between_two_bases_is_said(demo_db: Path, tmp_path: Path) -> None:
    # an airframe shuttling Hmeimim <-> Al-Khadim had been "based" at whichever id sorts first
    db = _airframe_store(demo_db, tmp_path / "tie.duckdb", ["hmeimim", "al-khadim", "hmeimim", "al-khadim", "benina"])
    with liftwatch.open(db, read_only=True) as lw:
        home = lw.flights(asset="abcdef").home_base()
        assert home is not None and (home.site_id, home.tied, home.departures) == ("al-khadim", ("hmeimim",), 2)
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    html = client.get("/airframe/abcdef").text
    assert 'tied with <a href="/site/hmeimim">hmeimim</a> (no single home), 2 of 5 flights' in html

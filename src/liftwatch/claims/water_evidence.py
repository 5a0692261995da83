"""Seas and straits in a claim, checked against where the ships were: "sailed through the Bosphorus", "entered
the Red Sea", "left the Baltic".

A sea has no airfield or port to land at, so the site-based tests of a claim see nothing in it: before this,
"a Russian frigate entered the Red Sea" checked only its other places and called the sea's coverage unknown.
Here a voyage passes a water region when one of its positions between its first and last fix lies inside the
region's polygon, and the region's coverage is the positions inside it in the window.

Positions are reduced in DuckDB to grid cells (per asset and hour, or per day for coverage) before the
polygon test, so a month of AIS over a sea is thousands of cells, not millions of points; a cell is tested by
its centre, with cells 1/100 of the region's extent (0.01° to 0.1°, 1 to 11 km): finer than any polygon's
stated tolerance, so the Bosphorus corridor is not missed between two cells. Written here because it is one
grouped query and the kb's vectorised point-in-polygon test (``kb.regions.points_in_region``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np
import polars as pl

from liftwatch.claims.coverage import GOOD_DAY_FRACTION, MIN_POINTS, Coverage
from liftwatch.claims.model import Place
from liftwatch.kb.regions import Region, points_in_region, regions
from liftwatch.store import Store


def water_ids(places: list[Place]) -> list[str]:
    """The kb water regions among a role's places."""
    known = regions()
    return [str(p.id) for p in places if p.kind == "region" and p.id in known and known[str(p.id)].is_water]


def _box(region: Region) -> tuple[float, float, float, float, float]:
    """(lat min, lat max, lon min, lon max, cell size in degrees) of a region."""
    pts = np.array([xy for ring in region.rings for xy in ring], dtype=np.float64)
    lon0, lat0 = pts.min(axis=0)
    lon1, lat1 = pts.max(axis=0)
    cell = float(np.clip(max(lat1 - lat0, lon1 - lon0) / 100.0, 0.01, 0.1))
    return float(lat0), float(lat1), float(lon0), float(lon1), cell


def _cells(
    store: Store, region_id: str, keys: str, window: tuple[datetime, datetime] | None, where: str, params: list[Any]
) -> pl.DataFrame:
    """Grid cells of the positions inside a region, grouped by ``keys`` besides the cell."""
    lat0, lat1, lon0, lon1, cell = _box(regions()[region_id])
    clauses = ["lat BETWEEN ? AND ?", "lon BETWEEN ? AND ?", where]
    args: list[Any] = [lat0, lat1, lon0, lon1, *params]
    if window is not None:
        clauses.append("ts >= CAST(? AS TIMESTAMPTZ) AND ts < CAST(? AS TIMESTAMPTZ)")
        args += list(window)
    cells = store.sql(
        f"SELECT floor(lat / {cell}) AS y, floor(lon / {cell}) AS x, {keys}, count(*) AS n, min(ts) AS t0, "
        f"max(ts) AS t1 FROM points WHERE {' AND '.join(clauses)} GROUP BY ALL",
        args,
    )
    if cells.height == 0:
        return cells
    inside = points_in_region(region_id, ((cells["y"] + 0.5) * cell).to_numpy(), ((cells["x"] + 0.5) * cell).to_numpy())
    return cells.filter(pl.Series(inside))


def voyages_through(
    store: Store, voyages: pl.DataFrame, region_ids: list[str], window: tuple[datetime, datetime] | None
) -> set[str]:
    """flight_ids of the voyages with a position inside any of the regions between their first and last fix."""
    if voyages.height == 0 or not region_ids:
        return set()
    assets = voyages["asset_id"].unique().sort().to_list()
    out: set[str] = set()
    spans = voyages.select("flight_id", "asset_id", "first_ts", "last_ts")
    for rid in region_ids:
        cells = _cells(
            store,
            rid,
            "asset_id, date_trunc('hour', ts) AS h",
            window,
            "domain = 'sea' AND asset_id IN (SELECT unnest(?))",
            [assets],
        )
        if cells.height == 0:
            continue
        hit = spans.join(cells.select("asset_id", "t0", "t1"), on="asset_id").filter(
            (pl.col("t1") >= pl.col("first_ts")) & (pl.col("t0") <= pl.col("last_ts"))
        )
        out |= set(hit["flight_id"].to_list())
    return out


def water_coverage(
    store: Store, place: Place, window: tuple[datetime, datetime] | None, *, domain: str | None = None
) -> Coverage:
    """Positions of the claim's domain inside a water region in the window (``Coverage`` levels)."""
    where, params = ("domain = ?", [domain]) if domain else ("TRUE", [])
    cells = _cells(store, str(place.id), "asset_id, CAST(ts AS DATE) AS d", window, where, params)
    if window is not None:
        days = max(1, round((window[1] - window[0]).total_seconds() / 86400))
    else:
        days = max(1, int(store.sql("SELECT count(DISTINCT CAST(ts AS DATE)) AS d FROM points").item() or 0))
    n = int(cells["n"].sum()) if cells.height else 0
    assets = cells["asset_id"].n_unique() if cells.height else 0
    with_data = cells["d"].n_unique() if cells.height else 0
    level = "none" if n == 0 else "good" if with_data >= GOOD_DAY_FRACTION * days and n >= MIN_POINTS else "sparse"
    return Coverage(place.label(), level, n, assets, with_data, days)

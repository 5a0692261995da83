"""Selecting flights from the store by what an analyst asks: asset class, country, site, corridor, time.

Site and region names are resolved through the knowledge base (any alias or script: "Khmeimim", "eastern
Libya"), so ``--corridor hmeimim:"eastern libya"`` works without knowing site ids. Filters are pushed into
one DuckDB query over the ``flights`` table.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np
import polars as pl

from liftwatch.errors import LiftwatchError
from liftwatch.store import Store


def _kb() -> Any:
    try:
        from liftwatch import kb
    except ImportError:  # pragma: no cover - kb is part of the package; guard for partial installs
        return None
    return kb


def resolve_places(text: str) -> list[str]:
    """Site ids named by ``text``: one site (id or alias), or every air site of a region."""
    kb = _kb()
    t = text.strip()
    if kb is None:
        return [t]
    sites = kb.sites()
    if t in set(sites["site_id"].to_list()):
        return [t]
    if t.upper() in set(sites["icao"].drop_nulls().to_list()):
        return sites.filter(pl.col("icao") == t.upper())["site_id"].to_list()
    region = kb.resolve_region(t)
    if region is not None:
        return sites_in_region(region, sites)
    site = kb.resolve_site(t)
    if site is not None:
        return [site.site_id]
    raise LiftwatchError(f"unknown site or region: {text!r}")


def sites_in_region(region: Any, sites: pl.DataFrame) -> list[str]:
    """Air sites listed for the region, tagged with it, inside its polygons, or (no polygon) in its countries."""
    ids = set(region.site_ids or [])
    if "region" in sites.columns:
        ids |= set(sites.filter(pl.col("region") == region.id)["site_id"].to_list())
    lat, lon = sites["lat"].to_numpy(), sites["lon"].to_numpy()
    rings = list(getattr(region, "rings", None) or ([region.polygon] if region.polygon else []))
    kb = _kb()
    if rings and kb is not None and hasattr(kb, "points_in_region"):
        inside = np.asarray(kb.points_in_region(region.id, lat, lon), dtype=bool)
        ids |= set(sites.filter(pl.Series(inside))["site_id"].to_list())
    elif rings:
        from matplotlib.path import Path

        inside = np.zeros(sites.height, dtype=bool)
        for ring in rings:
            inside |= Path(np.asarray(ring, dtype=float)).contains_points(np.column_stack([lon, lat]))
        ids |= set(sites.filter(pl.Series(inside))["site_id"].to_list())
    elif getattr(region, "countries", None):
        ids |= set(sites.filter(pl.col("country").is_in(list(region.countries)))["site_id"].to_list())
    return sorted(ids)


def flights_where(
    *,
    classification: str | None = None,
    country: str | None = None,
    site: str | None = None,
    corridor: str | None = None,
    start: datetime | str | None = None,
    end: datetime | str | None = None,
    asset: str | None = None,
    ending: str | None = None,
) -> tuple[str | None, list[Any]]:
    """SQL ``WHERE`` clause and parameters for the flights table."""
    clauses: list[str] = []
    params: list[Any] = []
    if classification:
        clauses.append("classification = ?")
        params.append(classification.lower())
    if country:
        clauses.append("upper(country) = ?")
        params.append(country.upper())
    if asset:
        clauses.append("asset_id = ?")
        params.append(asset.lower())
    if ending:
        clauses.append("ending = ?")
        params.append(ending)
    if site:
        ids = resolve_places(site)
        clauses.append("(dep_site IN (SELECT unnest(?)) OR arr_site IN (SELECT unnest(?)))")
        params += [ids, ids]
    if corridor:
        if ":" not in corridor:
            raise LiftwatchError(f"corridor must be FROM:TO, got {corridor!r}")
        a, b = corridor.split(":", 1)
        if a.strip():
            clauses.append("dep_site IN (SELECT unnest(?))")
            params.append(resolve_places(a))
        if b.strip():
            clauses.append("arr_site IN (SELECT unnest(?))")
            params.append(resolve_places(b))
    if start is not None:
        clauses.append("last_ts >= CAST(? AS TIMESTAMPTZ)")
        params.append(start)
    if end is not None:
        clauses.append("first_ts < CAST(? AS TIMESTAMPTZ)")
        params.append(end)
    return (" AND ".join(clauses) or None), params


def query_flights(store: Store, **filters: Any) -> pl.DataFrame:
    """Flights matching the filters of :func:`flights_where`, ordered by first fix."""
    where, params = flights_where(**filters)
    return store.flights(where, params or None)


DEFAULT_MIN_CONFIDENCE = 0.5  # below this a departure/arrival site is a guess, not a finding


def mark_guesses(flights: pl.DataFrame, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> pl.DataFrame:
    """Move sites below ``min_confidence`` out of ``dep_site``/``arr_site`` into ``*_site_guess`` columns.

    A flight first seen at cruise or lost in the air gets a ranked best guess for where it came from or went,
    often at a few percent. Shown in a ``dep_site`` column that guess reads as a fact, so every display (table,
    CSV, map, report) goes through this: ``dep_site``/``arr_site`` keep only sites at or above the threshold,
    ``dep_site_guess``/``arr_site_guess`` hold the rest, and ``arr_time`` is nulled when it was only
    estimated from a guessed destination (``arr_time_estimated`` says when a shown arrival time is an
    estimate). The stored table is unchanged.
    """
    if not 0.0 <= min_confidence <= 1.0:
        raise LiftwatchError(f"min confidence {min_confidence!r} must be between 0 and 1")
    landed = pl.col("ending").is_in(["landed", "landed_unknown_site"]).fill_null(False)

    def weak(side: str) -> pl.Expr:
        return pl.col(f"{side}_site").is_not_null() & (pl.col(f"{side}_conf").fill_null(0.0) < min_confidence)

    return flights.with_columns(
        pl.when(weak("dep")).then(pl.col("dep_site")).alias("dep_site_guess"),
        pl.when(weak("arr")).then(pl.col("arr_site")).alias("arr_site_guess"),
        pl.when(weak("dep")).then(None).otherwise(pl.col("dep_site")).alias("dep_site"),
        pl.when(weak("arr")).then(None).otherwise(pl.col("arr_site")).alias("arr_site"),
        pl.when(weak("arr") & ~landed).then(None).otherwise(pl.col("arr_time")).alias("arr_time"),
        (~landed & pl.col("arr_time").is_not_null() & ~weak("arr")).alias("arr_time_estimated"),
    )

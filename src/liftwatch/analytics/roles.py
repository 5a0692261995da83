"""Which way is the cargo going? Home bases of airframes and the role of each leg (outbound / return).

An airlift flown by a few airframes shows up as two corridors of almost equal size: A->B loaded and B->A
coming back. Open data cannot see the cargo, but it can see where an airframe *lives*: a transport spends days
on the ground at its base between sorties and hours at the far end. So an airframe's **home base** is the site
where its observed ground time (arrival to next departure from the same site, plus the time before its first
departure and after its last arrival within the data) adds up longest; else its most frequent departure site. A leg from home is ``outbound``, a leg back to home from elsewhere is
``return``, anything else (a hop between two foreign sites) is ``other``. Lift counts outbound and other legs;
return legs are counted but not costed, stated in the tables (they may carry something back; it is not
observable).
"""

from __future__ import annotations

from datetime import datetime

import polars as pl

OUTBOUND, RETURN, OTHER = "outbound", "return", "other"
MAX_STAY_H = 24.0 * 14  # a gap longer than two weeks is a data gap, not a stay


def home_bases(flights: pl.DataFrame, span: tuple[datetime, datetime] | None = None) -> pl.DataFrame:
    """``asset_id``, ``home_site``, ``home_hours`` (ground hours observed there; 0 when from departures only).

    ``span`` is the data's first and last time (default: of ``flights``); a caller working on a share of the
    flights (one partition of airframes) passes the whole table's, so censored stays come out the same.
    """
    if flights.is_empty():
        return pl.DataFrame(schema={"asset_id": pl.String, "home_site": pl.String, "home_hours": pl.Float64})
    f = flights.sort("asset_id", "first_ts").with_columns(
        pl.col("dep_site").shift(-1).over("asset_id").alias("_next_dep"),
        pl.coalesce("dep_time", "first_ts").shift(-1).over("asset_id").alias("_next_start"),
        pl.coalesce("arr_time", "last_ts").alias("_end"),
    )
    t_lo, t_hi = span if span is not None else (f["first_ts"].min(), f["last_ts"].max())

    def hours(a: pl.Expr, b: pl.Expr) -> pl.Expr:
        return ((b - a).dt.total_seconds() / 3600.0).clip(0.0, MAX_STAY_H).alias("_hours")

    between = f.filter(pl.col("arr_site").is_not_null() & (pl.col("arr_site") == pl.col("_next_dep"))).select(
        "asset_id", "arr_site", hours(pl.col("_end"), pl.col("_next_start"))
    )
    # Censored stays: on the ground at the first departure site since the data began, and at the last arrival
    # site until it ended (an airframe flying one out-and-back is home before and after, not at the far end).
    ranked = f.with_columns(pl.int_range(pl.len()).over("asset_id").alias("_i"), pl.len().over("asset_id").alias("_n"))
    lead = ranked.filter((pl.col("_i") == 0) & pl.col("dep_site").is_not_null()).select(
        "asset_id", pl.col("dep_site").alias("arr_site"), hours(pl.lit(t_lo), pl.coalesce("dep_time", "first_ts"))
    )
    trail = ranked.filter((pl.col("_i") == pl.col("_n") - 1) & pl.col("arr_site").is_not_null()).select(
        "asset_id", "arr_site", hours(pl.col("_end"), pl.lit(t_hi))
    )
    stays = (
        pl.concat([between, lead, trail], how="vertical_relaxed")
        .group_by("asset_id", "arr_site")
        .agg(pl.col("_hours").sum())
        .filter(pl.col("_hours") > 0)
        .sort(["asset_id", "_hours", "arr_site"], descending=[False, True, False])
        .group_by("asset_id", maintain_order=True)
        .first()
        .select("asset_id", pl.col("arr_site").alias("home_site"), pl.col("_hours").alias("home_hours"))
    )
    deps = (
        f.filter(pl.col("dep_site").is_not_null())
        .group_by("asset_id", "dep_site")
        .agg(pl.len().alias("_n"), pl.col("first_ts").min().alias("_first"))
        .sort(["asset_id", "_n", "_first"], descending=[False, True, False])
        .group_by("asset_id", maintain_order=True)
        .first()
        .select("asset_id", pl.col("dep_site").alias("_dep_home"))
    )
    assets = f.select("asset_id").unique()
    out = assets.join(stays, on="asset_id", how="left").join(deps, on="asset_id", how="left")
    return out.select(
        "asset_id",
        pl.coalesce("home_site", "_dep_home").alias("home_site"),
        pl.col("home_hours").fill_null(0.0),
    ).sort("asset_id")


def role_expr(origin: str = "origin", destination: str = "destination", home: str = "home_site") -> pl.Expr:
    """``outbound`` / ``return`` / ``other`` for a leg, given its airframe's home site.

    A leg is a ``return`` only if the airframe was seen flying before it: its first observed flight cannot be
    coming back from a trip the data never showed it leave on (it is ``other``, and costed).
    """
    o, d, h = pl.col(origin), pl.col(destination), pl.col(home)
    seen_before = pl.col("first_ts") > pl.col("first_ts").min().over("asset_id")
    return (
        pl.when(h.is_not_null() & (o == h))
        .then(pl.lit(OUTBOUND))
        .when(h.is_not_null() & (d == h) & (o != h) & seen_before)
        .then(pl.lit(RETURN))
        .otherwise(pl.lit(OTHER))
        .alias("role")
    )

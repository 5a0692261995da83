"""Corridor, lift and daily-series aggregates as mergeable partial states, for a tree reduction.

A corridor table over a year of global flights is a reduction: each partition of airframes turns its legs into
a *partial* (per corridor key: sums of weights, of Bernoulli variances, of weighted payloads and payload
variances, the set of airframes and type codes, first and last time), two partials merge by adding sums,
uniting sets and taking min/max, and :func:`finish_corridors` turns the merged state into exactly the columns of
:func:`liftwatch.analytics.corridors.corridor_table` (square roots and the payload range are taken only at the
end, which is why the state keeps sums of squares). ``corridor_table`` itself is one partial, finished: the
formulas exist once. Daily counts per corridor (the input of surge detection)
merge by adding. Airframe sets are kept rather than per-partition counts so a merge is right even when the same
airframe appears in two partitions.

Floating-point sums depend on the order they are added in, so the reduced table equals the single-process one
to ~1e-12 relative in its float columns (keys, counts, sets and times exactly); for a fixed partitioning the
reduction is deterministic, whatever the number of workers.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from liftwatch.analytics.keys import SEP, Level, Period, corridor_keys
from liftwatch.analytics.lift import LIFT_SUMS, Z90, lift_columns, lift_terms

__all__ = ["corridor_partial", "daily_partial", "finish_corridors", "merge_corridor_partials", "merge_daily"]

_SUMS = ("s_w", "s_bern", "s_landed", "s_dark", *LIFT_SUMS)


def _keys(level: Level, by: Sequence[str], period: Period) -> list[str]:
    o, d = corridor_keys(level)
    return [o, d, *by] + ([period] if period else [])


def corridor_partial(
    legs: pl.DataFrame,
    *,
    level: Level = "site",
    by: Sequence[str] = (),
    period: Period = None,
    cost_returns: bool = False,
) -> pl.DataFrame:
    """One partition's legs (:func:`~liftwatch.analytics.corridors.destination_legs`) as a partial state."""
    w = pl.col("weight")
    return legs.group_by(_keys(level, by, period)).agg(
        w.sum().alias("s_w"),
        (w * (1.0 - w)).sum().alias("s_bern"),
        pl.col("top1").sum().cast(pl.Int64).alias("s_top1"),
        pl.when(pl.col("ending") == "landed").then(w).otherwise(0.0).sum().alias("s_landed"),
        pl.when(pl.col("dark")).then(w).otherwise(0.0).sum().alias("s_dark"),
        pl.col("asset_id").unique().alias("asset_set"),
        pl.col("type_code").drop_nulls().unique().alias("type_set"),
        pl.col("first_ts").min().alias("first_seen"),
        pl.col("first_ts").max().alias("last_seen"),
        *[e.sum().alias(k) for k, e in lift_terms("weight", cost_returns=cost_returns).items()],
    )


def merge_corridor_partials(
    parts: Sequence[pl.DataFrame], *, level: Level = "site", by: Sequence[str] = (), period: Period = None
) -> pl.DataFrame:
    """Merge partial states (any number, any order of rows): sums added, sets united, min/max kept."""
    both = pl.concat(list(parts), how="diagonal_relaxed")
    return both.group_by(_keys(level, by, period)).agg(
        *[pl.col(c).sum() for c in _SUMS],
        pl.col("s_top1").sum(),
        pl.col("asset_set").explode().drop_nulls().unique().alias("asset_set"),
        pl.col("type_set").explode().drop_nulls().unique().alias("type_set"),
        pl.col("first_seen").min(),
        pl.col("last_seen").max(),
    )


def finish_corridors(
    state: pl.DataFrame,
    *,
    level: Level = "site",
    by: Sequence[str] = (),
    period: Period = None,
    z: float = Z90,
) -> pl.DataFrame:
    """The corridor table (columns and order of ``corridor_table``) from a merged partial state."""
    o, d = corridor_keys(level)
    agg = state.select(
        *_keys(level, by, period),
        pl.col("s_w").alias("flights_expected"),
        pl.col("s_bern").sqrt().alias("flights_sd"),
        pl.col("s_top1").alias("flights_top1"),
        pl.col("s_landed").alias("flights_landed"),
        pl.col("s_dark").alias("flights_dark_expected"),
        pl.col("asset_set").list.len().alias("assets"),
        pl.col("type_set").list.sort().alias("type_codes"),
        "first_seen",
        "last_seen",
        *lift_columns({k: pl.col(k) for k in LIFT_SUMS}, z),
    )
    agg = agg.rename({o: "origin", d: "destination"}) if level == "region" else agg
    agg = agg.with_columns((pl.col("origin") + SEP + pl.col("destination")).alias("corridor"))
    front = ["corridor", "origin", "destination", *by] + ([period] if period else [])
    sort_cols = [*([period] if period else []), "flights_expected", "corridor"]
    desc = [False] * (1 if period else 0) + [True, False]
    return agg.select(*front, pl.exclude(front)).sort(sort_cols, descending=desc)


def daily_partial(legs: pl.DataFrame, *, level: Level = "site", by: Sequence[str] = ()) -> pl.DataFrame:
    """Expected flights per corridor and departure day (``y``), the mergeable input of surge detection."""
    o, d = corridor_keys(level)
    return legs.group_by([o, d, *by, "day"]).agg(pl.col("weight").sum().alias("y"))


def merge_daily(parts: Sequence[pl.DataFrame], *, level: Level = "site", by: Sequence[str] = ()) -> pl.DataFrame:
    o, d = corridor_keys(level)
    return pl.concat(list(parts), how="vertical_relaxed").group_by([o, d, *by, "day"]).agg(pl.col("y").sum())

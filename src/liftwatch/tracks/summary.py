"""Per-flight aggregates of segmented points: identity, span, distance, simplified geometry, fix cadence.

One ``group_by`` over a whole partition; the geometry is simplified by even decimation to at most
``max_vertices`` vertices (always keeping the ends) as a JSON ``[[lon, lat], ...]`` string built with string
expressions, so no Python runs per point or per flight.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from liftwatch.geodesy import haversine_expr


def flight_summary(points: pl.DataFrame, max_vertices: int = 80) -> pl.DataFrame:
    """Aggregate segmented points (``flight_idx``, ``ground`` present) into one row per flight."""
    same = pl.col("flight_idx") == pl.col("flight_idx").shift(1)
    step = haversine_expr(pl.col("lat").shift(1), pl.col("lon").shift(1), pl.col("lat"), pl.col("lon"))
    dt = (pl.col("ts") - pl.col("ts").shift(1)).dt.total_seconds().cast(pl.Float64)
    # a flight's rows are contiguous (segmented points): position in the flight and its length from the
    # run boundaries, without a window per flight
    fi = points["flight_idx"].to_numpy()
    n = fi.shape[0]
    first = np.r_[True, fi[1:] != fi[:-1]] if n else np.zeros(0, dtype=bool)
    starts = np.flatnonzero(first)
    lengths = np.diff(np.r_[starts, n])
    run = np.cumsum(first) - 1
    pos = np.arange(n) - starts[run]
    size = lengths[run]
    stride = np.maximum((size + max_vertices - 1) // max_vertices, 1)
    vert = (pos % stride == 0) | (pos == size - 1)
    p = points.with_columns(
        pl.when(same).then(step).otherwise(0.0).alias("_step"),
        pl.when(same).then(dt).otherwise(None).alias("_dt"),
    )
    coord = pl.concat_str(
        [
            pl.lit("["),
            pl.col("lon").round(4).cast(pl.String),
            pl.lit(","),
            pl.col("lat").round(4).cast(pl.String),
            pl.lit("]"),
        ]
    )
    # the simplified line: only the kept vertices are formatted (the first fix of a flight always is one)
    coords = (
        points.select("flight_idx", "lat", "lon")
        .filter(pl.Series(vert))
        .group_by("flight_idx", maintain_order=True)
        .agg(coord.str.join(",").alias("_coords"))
    )
    air_ts = pl.when(~pl.col("ground")).then(pl.col("ts"))
    tail = pl.col("ts") >= pl.col("ts").max() - pl.duration(minutes=10)
    out = p.group_by("flight_idx", maintain_order=True).agg(
        pl.col("asset_id").first(),
        pl.col("domain").first(),
        pl.col("callsign").drop_nulls().unique(maintain_order=True).alias("callsigns"),
        pl.col("registration").drop_nulls().first().alias("registration"),
        pl.col("type_code").drop_nulls().first().alias("type_code"),
        pl.col("ts").min().alias("first_ts"),
        pl.col("ts").max().alias("last_ts"),
        air_ts.min().alias("air_first_ts"),
        air_ts.max().alias("air_last_ts"),
        pl.len().cast(pl.Int32).alias("n_points"),
        pl.col("_step").sum().cast(pl.Float32).alias("distance_km"),
        pl.col("lat").last().alias("last_lat"),
        pl.col("lon").last().alias("last_lon"),
        pl.col("_alt").last().cast(pl.Float32).alias("last_alt_ft"),
        pl.col("lat").first().alias("first_lat"),
        pl.col("lon").first().alias("first_lon"),
        pl.col("_alt").first().cast(pl.Float32).alias("first_alt_ft"),
        pl.col("_dt").median().alias("median_dt_s"),
        pl.col("_dt").filter(tail).median().alias("tail_dt_s"),
    )
    # both aggregates list the flights in order of appearance, and every flight has a vertex (its first fix)
    return (
        out.with_columns(coords["_coords"])
        .with_columns(
            pl.concat_str([pl.lit("["), pl.col("_coords"), pl.lit("]")]).alias("geometry"),
            ((pl.col("last_ts") - pl.col("first_ts")).dt.total_seconds().cast(pl.Float32)).alias("duration_s"),
        )
        .drop("_coords")
    )

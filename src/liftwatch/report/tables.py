"""What the report's site-corridor table shows: minor corridors folded per origin, air and sea capped apart.

A dark flight's destination is spread over its ranked candidates, so one flight leaves a trail of corridors
worth 0.01-0.3 of a flight each. Sorted military-first and cut at a fixed number of rows, those fragments
used to push whole corridors out of the page — a military sealift (several real voyages) vanished behind
dozens of hundredths of an airlift. The page therefore folds, per origin and class, every corridor below
``min_expected`` expected flights into one "other or uncertain destinations" row (the mass is kept, only the
split is hidden), and caps air and sea rows separately so neither domain can crowd out the other. The
``site_corridors`` CSV beside the report keeps every corridor unfolded.
"""

from __future__ import annotations

import polars as pl

from liftwatch.analytics.corridors import SEP

MIN_EXPECTED = 0.5  # below half an expected flight a corridor is a share of a guess, not a route
OTHER = "other or uncertain"

_SUMMED = (
    "flights_expected",
    "flights_top1",
    "flights_landed",
    "flights_dark_expected",
    "tonnes_expected",
    "tonnes_low",
    "tonnes_high",
    "unknown_type_flights",
    "return_flights",
)


def _is_sea() -> pl.Expr:
    return pl.col("asset_class").fill_null("").str.ends_with("(sea)")


def fold_minor_corridors(table: pl.DataFrame, min_expected: float = MIN_EXPECTED) -> pl.DataFrame:
    """``table`` with, per (origin, asset_class), the corridors below ``min_expected`` flights summed into one
    row whose destination reads "other or uncertain (N destinations)"; ``folded`` = N (0 on ordinary rows).

    A lone minor corridor of an origin stays as it is: folding one row would only hide its name. Counts,
    expected tonnes and dark shares are sums (exact); ``assets`` is left empty on a folded row, because
    distinct airframes cannot be summed, and ``flights_sd`` is recombined as a root sum of squares.
    """
    if table.is_empty() or "flights_expected" not in table.columns:
        return table.with_columns(pl.lit(0, pl.Int64).alias("folded"))
    keys = ["origin", "asset_class"] if "asset_class" in table.columns else ["origin"]
    minor = pl.col("flights_expected") < min_expected
    t = table.with_columns((minor.cast(pl.Int64).sum().over(keys) >= 2).alias("_n_minor") & minor)
    keep = t.filter(~pl.col("_n_minor")).drop("_n_minor").with_columns(pl.lit(0, pl.Int64).alias("folded"))
    small = t.filter(pl.col("_n_minor"))
    if small.is_empty():
        return keep
    aggs: list[pl.Expr] = [pl.col(c).sum() for c in _SUMMED if c in small.columns]
    if "flights_sd" in small.columns:
        aggs.append((pl.col("flights_sd") ** 2).sum().sqrt().alias("flights_sd"))
    if "type_codes" in small.columns:
        aggs.append(
            pl.col("type_codes").list.explode(keep_nulls=False, empty_as_null=False).unique().sort().alias("type_codes")
        )
    for c, how in (("first_seen", "min"), ("last_seen", "max")):
        if c in small.columns:
            aggs.append(getattr(pl.col(c), how)())
    aggs.append(pl.len().cast(pl.Int64).alias("folded"))
    other = small.group_by(keys, maintain_order=True).agg(aggs)
    label = pl.lit(f"{OTHER} (") + pl.col("folded").cast(pl.Utf8) + pl.lit(" destinations)")
    other = other.with_columns(label.alias("destination"), (pl.col("origin") + pl.lit(SEP + OTHER)).alias("corridor"))
    other = other.with_columns(
        [pl.lit(None, dtype=keep.schema[c]).alias(c) for c in keep.columns if c not in other.columns]
    )
    return pl.concat([keep, other.select(keep.columns).cast(keep.schema)], how="vertical")


def site_table(table: pl.DataFrame, limit: int = 60, min_expected: float = MIN_EXPECTED) -> tuple[pl.DataFrame, int]:
    """The rows the report shows and how many corridors (of the unfolded table) it leaves to the CSV.

    Order: military/state air, military/state sea, then every other class; within each, by expected flights
    (folded rows take their place by their sum). Air and sea get ``limit`` rows each.
    """
    if table.is_empty():
        return table, 0
    if "asset_class" not in table.columns:
        table = table.with_columns(pl.lit(None, pl.Utf8).alias("asset_class"))
    folded = fold_minor_corridors(table, min_expected)
    group = (
        pl.when(pl.col("asset_class") == "military/state")
        .then(0)
        .when(pl.col("asset_class").fill_null("").str.starts_with("military/state"))
        .then(1)
        .otherwise(2)
    )
    ordered = folded.with_columns(group.alias("_g")).sort(
        ["_g", "flights_expected", "corridor"], descending=[False, True, False]
    )
    ordered = ordered.with_columns(_is_sea().alias("_sea"))
    shown = pl.concat([ordered.filter(~pl.col("_sea")).head(limit), ordered.filter(pl.col("_sea")).head(limit)])
    shown = shown.sort(["_g", "_sea", "flights_expected", "corridor"], descending=[False, False, True, False])
    represented = int(shown["folded"].clip(lower_bound=1).sum())
    return shown.drop("_g", "_sea"), table.height - represented

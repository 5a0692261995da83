"""Corridors: who flew from where to where, how often — at site and region level, per day or ISO week.

The unit of counting is a *leg*: one row per (flight, possible destination) with a ``weight`` — the probability
that the flight ended there. A flight seen landing is one leg of weight 1. A flight that went dark (or left
coverage) is split over its ranked destination candidates by their probabilities, and whatever probability
the ranking leaves unassigned goes to an explicit ``unknown`` destination, so weights per flight always sum
to 1 and no flight is silently dropped or double counted. Corridor counts are then

* ``flights_expected`` = Σ weights (the expected number of flights), with ``flights_sd`` = √Σ w(1-w) (the
  spread due to destination uncertainty, Poisson-binomial), and
* ``flights_top1`` = flights whose *best* destination is this one (the number a human would tally by hand).

Everything is a pure function over Polars frames in :data:`liftwatch.schema.FLIGHT_SCHEMA`; the knowledge base
is consulted only once per distinct site (to map sites to regions) and can be replaced by a mapping in tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache

import polars as pl
import pyarrow as pa

from liftwatch.analytics.keys import SEP, Level, Period, corridor_keys
from liftwatch.analytics.lift import flight_lift
from liftwatch.analytics.partials import corridor_partial, finish_corridors
from liftwatch.analytics.roles import home_bases, role_expr
from liftwatch.schema import FLIGHT_SCHEMA

__all__ = [
    "SEP",
    "UNKNOWN",
    "Level",
    "Period",
    "SiteRegions",
    "as_flights",
    "corridor_keys",
    "corridor_table",
    "corridors",
    "destination_legs",
    "filter_legs",
    "top_corridor",
]

UNKNOWN = "unknown"

#: Maps a site id to the region ids containing it, most specific first (``kb.region_of_site`` shape).
SiteRegions = Callable[[str], list[str]] | Mapping[str, Sequence[str]]

# from_batches, not FLIGHT_SCHEMA.empty_table(): that imports pandas (~0.2 CPU s) for every command using this module
_FLIGHT_PL_SCHEMA: dict[str, pl.DataType] = dict(pl.DataFrame(pa.Table.from_batches([], schema=FLIGHT_SCHEMA)).schema)


def as_flights(df: pl.DataFrame) -> pl.DataFrame:
    """Cast a (possibly partial) frame to the flights schema: missing columns become typed nulls.

    Lets callers (and tests) build flights with only the columns they care about while every function here
    can rely on the full set.
    """
    exprs = []
    for name, dtype in _FLIGHT_PL_SCHEMA.items():
        if name in df.columns:
            exprs.append(pl.col(name).cast(dtype, strict=False))
        else:
            exprs.append(pl.lit(None, dtype=dtype).alias(name))
    extra = [c for c in df.columns if c not in _FLIGHT_PL_SCHEMA]
    return df.select(*exprs, *extra)


@lru_cache(maxsize=4096)
def _kb_regions(site_id: str) -> tuple[str, ...]:
    """Regions of a site from the knowledge base, most specific first; the site's country code stands in for a
    country the kb has no region for, ahead of the continents and groupings of states ("Frankfurt" is in
    ``DE``, then ``europe``): a corridor "Syria -> Europe" would hide which country the flights went to."""
    try:
        from liftwatch import kb
    except ImportError:  # knowledge base not installed: regions are unknown, not guessed
        return ()
    try:
        regions = list(kb.region_of_site(site_id) or [])
        specific = [r for r in regions if kb.regions()[r].rank <= 2]
        broad = [r for r in regions if r not in specific]
        if specific:
            return tuple(specific + broad)
        country = kb.site(site_id).country
    except Exception:  # unknown site id (e.g. an ICAO code the KB lacks): no region
        return ()
    return ((str(country).upper(),) if country else ()) + tuple(broad)


def _regions_of(site_ids: Iterable[str], site_regions: SiteRegions | None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in site_ids:
        if s is None or s == UNKNOWN:
            continue
        if site_regions is None:
            out[s] = list(_kb_regions(s))
        elif isinstance(site_regions, Mapping):
            out[s] = list(site_regions.get(s, ()))
        else:
            out[s] = list(site_regions(s) or [])
    return out


def destination_legs(
    flights: pl.DataFrame,
    *,
    site_regions: SiteRegions | None = None,
    types: pl.DataFrame | None = None,
    span: tuple[datetime, datetime] | None = None,
) -> pl.DataFrame:
    """Expand flights into weighted legs (one row per flight × destination), with regions, period keys and lift.

    Columns added to the flight's own: ``origin``, ``destination`` (site id or ``unknown``), ``weight``,
    ``rank`` (1 = best destination; null for the unassigned remainder), ``top1``, ``dark`` (ending is dark),
    ``origin_region``/``destination_region`` (most specific region, ``unknown`` when none) and the full
    ``origin_regions``/``destination_regions`` lists, ``day`` (date of departure, else first point), ``week``
    (ISO week ``YYYY-Www``), the lift columns of :func:`liftwatch.analytics.lift.flight_lift`, and the
    airframe's ``home_site`` with the leg's ``role`` (outbound / return / other, :mod:`liftwatch.analytics.roles`).
    ``span``: the whole flights table's first and last time when ``flights`` is one partition of it.
    """
    f = flight_lift(as_flights(flights), types)
    when = pl.coalesce("dep_time", "first_ts")
    f = f.with_columns(
        when.dt.date().alias("day"),
        when.dt.strftime("%G-W%V").alias("week"),
        pl.coalesce("dep_site", pl.lit(UNKNOWN)).alias("origin"),
    )
    uncertain = (pl.col("ending").fill_null("") != "landed") & (pl.col("arr_candidates").list.len().fill_null(0) > 0)
    certain = f.filter(~uncertain).with_columns(
        pl.coalesce("arr_site", pl.lit(UNKNOWN)).alias("destination"),
        pl.lit(1.0).alias("weight"),
        pl.lit(1, dtype=pl.UInt32).alias("rank"),
    )
    cand = (
        f.filter(uncertain)
        .with_columns(pl.col("arr_candidates").alias("_cand"))
        .explode("_cand")
        .with_columns(
            pl.col("_cand").struct.field("site_id").alias("destination"),
            pl.col("_cand")
            .struct.field("prob")
            .cast(pl.Float64)
            .round(6)
            .fill_null(0.0)
            .clip(0.0, 1.0)
            .alias("weight"),
        )
        .drop("_cand")
        .filter(pl.col("destination").is_not_null() & (pl.col("weight") > 0))
    )
    # Merge duplicate candidates of one flight, then rank by probability (best first).
    cand = cand.group_by("flight_id", "destination", maintain_order=True).agg(
        pl.all().exclude("weight").first(), pl.col("weight").sum().clip(upper_bound=1.0)
    )
    cand = cand.with_columns(
        pl.col("weight").rank("ordinal", descending=True).over("flight_id").cast(pl.UInt32).alias("rank")
    )
    # Probability the ranking does not place anywhere: an explicit unknown destination.
    assigned = cand.group_by("flight_id").agg(pl.col("weight").sum().alias("_assigned"))
    rest = (
        f.filter(uncertain)
        .join(assigned, on="flight_id", how="left")
        .with_columns((1.0 - pl.col("_assigned").fill_null(0.0)).clip(lower_bound=0.0).alias("weight"))
        .filter(pl.col("weight") > 1e-6)
        .drop("_assigned")
        .with_columns(pl.lit(UNKNOWN).alias("destination"), pl.lit(None, dtype=pl.UInt32).alias("rank"))
    )
    cols = [*f.columns, "destination", "weight", "rank"]
    legs = pl.concat([certain.select(cols), cand.select(cols), rest.select(cols)], how="vertical")

    sites = set(legs["origin"].unique().to_list()) | set(legs["destination"].unique().to_list())
    regions = _regions_of(sorted(s for s in sites if s), site_regions)
    region_lists = pl.DataFrame(
        {"_site": list(regions), "_regions": [regions[s] for s in regions]},
        schema={"_site": pl.String, "_regions": pl.List(pl.String)},
    )

    legs = (
        legs.join(region_lists.rename({"_site": "origin", "_regions": "origin_regions"}), on="origin", how="left")
        .join(
            region_lists.rename({"_site": "destination", "_regions": "destination_regions"}),
            on="destination",
            how="left",
        )
        .with_columns(
            pl.col("origin_regions").fill_null(pl.lit([], dtype=pl.List(pl.String))),
            pl.col("destination_regions").fill_null(pl.lit([], dtype=pl.List(pl.String))),
            (pl.col("rank") == 1).fill_null(False).alias("top1"),
            (pl.col("ending") == "dark").fill_null(False).alias("dark"),
        )
    ).with_columns(
        pl.col("origin_regions").list.first().fill_null(UNKNOWN).alias("origin_region"),
        pl.col("destination_regions").list.first().fill_null(UNKNOWN).alias("destination_region"),
    )
    homes = home_bases(f, span)
    legs = legs.join(homes.select("asset_id", "home_site"), on="asset_id", how="left").with_columns(role_expr())
    return legs.sort("first_ts", "flight_id", "rank", nulls_last=True)


def filter_legs(
    legs: pl.DataFrame,
    *,
    origin: str | Sequence[str] | None = None,
    destination: str | Sequence[str] | None = None,
    region: str | Sequence[str] | None = None,
    classification: str | Sequence[str] | None = None,
) -> pl.DataFrame:
    """Keep legs whose origin/destination is one of the given site *or region* ids.

    ``region`` keeps legs touching the region at either end. Filtering legs (not flights) keeps dark flights in
    with only the probability that they flew the corridor asked about.
    """

    def as_list(v: str | Sequence[str]) -> list[str]:
        return [v] if isinstance(v, str) else list(v)

    def at(side: str, ids: list[str]) -> pl.Expr:
        return pl.col(side).is_in(ids) | pl.col(f"{side}_regions").list.eval(pl.element().is_in(ids)).list.any()

    out = legs
    if origin is not None:
        out = out.filter(at("origin", as_list(origin)))
    if destination is not None:
        out = out.filter(at("destination", as_list(destination)))
    if region is not None:
        ids = as_list(region)
        out = out.filter(at("origin", ids) | at("destination", ids))
    if classification is not None:
        out = out.filter(pl.col("classification").is_in(as_list(classification)))
    return out


def corridor_table(
    legs: pl.DataFrame,
    *,
    level: Level = "site",
    by: Sequence[str] = (),
    period: Period = None,
) -> pl.DataFrame:
    """Aggregate legs into corridors (``origin``, ``destination``, ``corridor`` = ``"a->b"``).

    ``by``: extra grouping columns (``classification``, ``country``, ``operator``, ``type_code`` ...);
    ``period``: ``"day"`` or ``"week"`` for a time series. Sorted by expected flights, largest first.
    The table is the one-partition case of the reduction in :mod:`liftwatch.analytics.partials` (the same
    formulas whether computed here or merged from many partitions).
    """
    state = corridor_partial(legs, level=level, by=by, period=period)
    return finish_corridors(state, level=level, by=by, period=period)


def corridors(
    flights: pl.DataFrame,
    *,
    level: Level = "site",
    by: Sequence[str] = (),
    period: Period = None,
    site_regions: SiteRegions | None = None,
    types: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One call from flights to a corridor table (see :func:`destination_legs`, :func:`corridor_table`)."""
    legs = destination_legs(flights, site_regions=site_regions, types=types)
    return corridor_table(legs, level=level, by=by, period=period)


def top_corridor(table: pl.DataFrame, *, classification: str | Sequence[str] | None = None) -> dict[str, object] | None:
    """The corridor carrying the most estimated lift (ties: most expected flights), as a dict; None if empty.

    Ranking by lift rather than by flights is what separates an airlift's loaded direction from its return
    legs (same count, not costed: :mod:`liftwatch.analytics.roles`); with no type known anywhere it is a
    ranking by flights. Corridors ending ``unknown`` are not candidates: they say nothing about a route.
    """
    t = table.filter(~((pl.col("origin") == UNKNOWN) & (pl.col("destination") == UNKNOWN)))
    t = t.filter(pl.col("destination") != UNKNOWN)
    if classification is not None and "classification" in t.columns:
        cls = [classification] if isinstance(classification, str) else list(classification)
        t = t.filter(pl.col("classification").is_in(cls))
    if t.is_empty():
        return None
    return t.sort(["tonnes_expected", "flights_expected", "corridor"], descending=[True, True, False]).row(
        0, named=True
    )

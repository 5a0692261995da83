"""Per-flight tests of a claim, as Polars expressions over the flights table.

Each role of a claim becomes one vectorised column (actor, asset, origin, destination probability, via
chain) so a claim is checked against any number of flights without a Python loop per flight; the verdict
logic in ``evidence.py`` only counts and explains these columns.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import polars as pl

from liftwatch.claims.model import Claim, Place
from liftwatch.claims.places import Gazetteer
from liftwatch.geodesy import haversine_expr

DEST_PROB_FULL = 0.5
DEST_PROB_PARTIAL = 0.2
VIA_MAX_GAP = timedelta(hours=48)
NEAR_SITE_KM = 10.0  # a last point this close to a site, low, counts as having arrived there
NEAR_SITE_MAX_ALT_FT = 3000.0
MAX_NEAR_SITES = 200


def role_sites(places: list[Place]) -> tuple[list[str], list[str]]:
    """Most specific sites of a role, and those plus the broader places' sites."""
    primary = sorted({s for p in places for s in p.site_ids})
    broad = sorted(set(primary) | {s for p in places for s in p.broader_site_ids})
    return primary, broad


def near_expr(sites: list[str], gaz: Gazetteer) -> pl.Expr:
    """Last point within ``NEAR_SITE_KM`` of one of ``sites`` and low (or altitude unknown)."""
    lat, lon = gaz.site_latlon(sites[:MAX_NEAR_SITES])
    if lat.size == 0:
        return pl.lit(False)
    dists = [
        haversine_expr(pl.col("last_lat"), pl.col("last_lon"), pl.lit(slat), pl.lit(slon))
        for slat, slon in zip(lat.tolist(), lon.tolist(), strict=True)
    ]
    low = pl.col("last_alt_ft").is_null() | (pl.col("last_alt_ft") < NEAR_SITE_MAX_ALT_FT)
    return (pl.min_horizontal(dists) <= NEAR_SITE_KM).fill_null(False) & low


def dest_prob(sites: list[str], gaz: Gazetteer) -> pl.Expr:
    """Probability a flight ended at one of ``sites``.

    1 if it landed there or its last point is on/near the ground there (whatever the ending), else the
    probability mass its ranked candidates put on the sites (dark and out-of-coverage endings).
    """
    if not sites:
        return pl.lit(0.0)
    landed = ((pl.col("ending") == "landed") & pl.col("arr_site").is_in(sites)).cast(pl.Float64)
    near = near_expr(sites, gaz).cast(pl.Float64)
    cand = (
        pl.col("arr_candidates")
        .list.eval(
            pl.when(pl.element().struct.field("site_id").is_in(sites))
            .then(pl.element().struct.field("prob").cast(pl.Float64))
            .otherwise(0.0)
        )
        .list.sum()
        .fill_null(0.0)
    )
    top = (
        pl.when(pl.col("arr_site").is_in(sites) & (pl.col("arr_candidates").list.len().fill_null(0) == 0))
        .then(pl.col("arr_conf").cast(pl.Float64).fill_null(0.5))
        .otherwise(0.0)
    )
    return pl.max_horizontal(landed, near, cand, top)


def asset_expr(claim: Claim, gaz: Gazetteer) -> tuple[pl.Expr, pl.Expr]:
    """(exact asset match, same-category match) over the flights frame."""
    if not claim.assets:
        return pl.lit(True), pl.lit(True)
    types = gaz.kb.aircraft_types()
    cargo = types.filter(pl.col("category") == "cargo")["type_code"].to_list()
    known = gaz.kb.known_assets()
    exact: list[pl.Expr] = []
    loose: list[pl.Expr] = []
    for a in claim.assets:
        dom = pl.col("domain") == a.domain
        if a.ship_name:
            ids = known.filter(pl.col("registration").str.to_uppercase() == a.ship_name)["asset_id"].drop_nulls()
            name = a.ship_name.upper()
            by_name = pl.col("registration").str.to_uppercase().eq(name).fill_null(False) | pl.col(
                "callsigns"
            ).list.eval(pl.element().str.to_uppercase() == name).list.any().fill_null(False)
            exact.append(dom & (pl.col("asset_id").is_in(ids.to_list()) | by_name))
            loose.append(dom)
        elif a.type_codes:
            exact.append(dom & pl.col("type_code").is_in(list(a.type_codes)))
            # a flight whose type the data does not give (no registration database entry) may be the named type
            unknown = pl.col("type_code").is_null()
            loose.append(
                dom & ((pl.col("type_code").is_in(cargo) | unknown) if a.category == "cargo" else pl.lit(True))
            )
        elif a.category == "cargo":
            exact.append(dom & pl.col("type_code").is_in(cargo))
            loose.append(dom & pl.col("type_code").is_null())
        else:
            exact.append(dom)
            loose.append(dom)
    # a flight without a type is no exact match, not an unknown that would void the partial test beside it
    return pl.any_horizontal(exact).fill_null(False), pl.any_horizontal(loose).fill_null(False)


def actor_expr(claim: Claim) -> pl.Expr:
    if not claim.actor:
        return pl.lit(True)
    expr = pl.col("country").is_in(list(claim.actor_countries)).fill_null(False)
    for op in claim.actor_operators:
        expr = expr | pl.col("operator").str.to_lowercase().str.contains(op, literal=True).fill_null(False)
    return expr


def claim_window(
    claim: Claim, tolerance_days: int
) -> tuple[tuple[datetime, datetime] | None, tuple[datetime, datetime] | None]:
    if claim.window is None:
        return None, None
    s = datetime.combine(claim.window[0], time(), tzinfo=UTC)
    e = datetime.combine(claim.window[1] + timedelta(days=1), time(), tzinfo=UTC)
    tol = timedelta(days=tolerance_days)
    return (s, e), (s - tol, e + tol)


def via_chains(df: pl.DataFrame, via: list[str], dest: list[str], origin: list[str]) -> set[str]:
    """flight_ids of legs origin->via followed within 48 h by via->destination, same asset."""
    leg1 = df.filter((pl.col("p_via") >= DEST_PROB_FULL) & (pl.col("dep_ok") if origin else pl.lit(True)))
    leg2 = df.filter(pl.col("dep_site").is_in(via) & ((pl.col("p_dest") >= DEST_PROB_FULL) if dest else pl.lit(True)))
    if not leg1.height or not leg2.height:
        return set()
    j = leg1.select("asset_id", "flight_id", "last_ts").join(
        leg2.select("asset_id", pl.col("flight_id").alias("f2"), pl.col("first_ts").alias("t2")), on="asset_id"
    )
    j = j.filter((pl.col("t2") >= pl.col("last_ts")) & (pl.col("t2") - pl.col("last_ts") <= VIA_MAX_GAP))
    return set(j["flight_id"].to_list()) | set(j["f2"].to_list())

"""Check each claimed movement against the store and decide a verdict, with the reasons and the flights.

Verdict rules (documented for users in ``docs/claims.md``; ``N`` = the number of movements the claim
implies: its explicit count, 2 for "multiple/several/regular flights", else 1):

* A flight **fully matches** when, within the claim's window, its actor (country / operator), asset (type
  or cargo category, named ship), origin (departure site among the claim's most specific origin sites)
  and destination (landed there, or last point low and within 10 km of it, or — for dark / out-of-coverage
  endings — the ranked candidates put probability >= 0.5 on the claimed sites) all agree; roles the claim leaves open are not tested; a claim
  with a "via" needs a leg into the via site followed within 48 h by a leg out of it to the destination.
* A flight **partly matches** when actor and asset agree and the route only half agrees: it went to the
  broader place the article also named but not the specific one (Benina instead of Al-Khadim), its dark
  ending gives the claimed destination only 0.2-0.5 (or ranks it first with less), its departure was not observed, it flew direct
  instead of via, or it falls within the tolerance just outside the window.
* **supported**: at least N full matches. **partly supported**: some full matches but fewer than N, or
  only partial matches. **contradicted**: no matching flights at all *and* either a named ship's fixes show it could
  not have been at a claimed place in the window even at 35 kn (``claims.reach``), or the named assets
  (named ships / registrations) are seen elsewhere in the window while the destination is covered, or the
  claim says the movement was repeated (N >= 2 or "ongoing") and the data covers the destination (and the
  origin, when one is named) well. **no evidence in the data**: everything else, with the coverage stated
  ("no coverage" vs "despite coverage"), and unknown places named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
import polars as pl

from liftwatch.claims.coverage import Coverage, coverage
from liftwatch.claims.matching import (
    DEST_PROB_FULL,
    DEST_PROB_PARTIAL,
    actor_expr,
    asset_expr,
    claim_window,
    dest_prob,
    role_sites,
    via_chains,
)
from liftwatch.claims.model import Claim, Extraction
from liftwatch.claims.places import Gazetteer, default_gazetteer
from liftwatch.claims.reach import OutOfReach, out_of_reach
from liftwatch.claims.support import count_check, dark_check, parts, vessel_sightings
from liftwatch.claims.verdict import decide
from liftwatch.claims.water_evidence import voyages_through, water_coverage, water_ids
from liftwatch.store import Store
from liftwatch.tracks.guesses import with_guesses


@dataclass
class ClaimResult:
    """The evidence for one claim."""

    claim: Claim
    verdict: str
    reasons: list[str]
    caveats: list[str]
    coverage: list[Coverage]
    flights: pl.DataFrame  # matched flights (full first), with ``match``, ``dest_prob``, ``why``
    counts_by_day: list[tuple[date, int]]
    assets: list[dict[str, Any]]
    window: tuple[datetime, datetime] | None
    other_route_traffic: int = 0
    notes: list[str] = field(default_factory=list)
    parts: list[dict[str, str]] = field(default_factory=list)  # per part of the claim: supported / not seen / ...
    count_check: dict[str, Any] | None = None  # claimed vs observed number of movements
    dark_check: dict[str, Any] | None = None  # "stopped sharing location" vs the flights' endings
    vessels: list[dict[str, Any]] = field(default_factory=list)  # named ships vs AIS static names

    def __repr__(self) -> str:
        return (
            f"ClaimResult({self.claim.claim_id}: {self.verdict}, {self.n_full} full / {self.n_partial} partial "
            f"matches; {self.claim.summary()})"
        )

    @property
    def n_full(self) -> int:
        return int((self.flights["match"] == "full").sum()) if self.flights.height else 0

    @property
    def n_partial(self) -> int:
        return int((self.flights["match"] == "partial").sum()) if self.flights.height else 0

    @property
    def shown_flights(self) -> pl.DataFrame:
        """The matched flights as every display shows them: a site below the confidence threshold moves to
        ``dep_site_guess``/``arr_site_guess`` (:func:`liftwatch.tracks.guesses.mark_guesses`). A dark flight's
        ranked guess is what makes it a match, but printed as ``arr_site`` it would read as a seen landing;
        ``dest_prob`` and ``why`` say how much the guess weighs."""
        return with_guesses(self.flights)

    def to_dict(self) -> dict[str, Any]:
        shown = self.shown_flights
        cols = [c for c in _OUT_COLS if c in shown.columns]
        rows = shown.select(cols).to_dicts() if shown.height else []
        for r in rows:
            for k, v in r.items():
                if isinstance(v, datetime):
                    r[k] = v.isoformat()
        return {
            "claim": self.claim.to_dict(),
            "verdict": self.verdict,
            "reasons": self.reasons,
            "caveats": self.caveats,
            "coverage": [c.to_dict() for c in self.coverage],
            "window": [w.isoformat() for w in self.window] if self.window else None,
            "full_matches": self.n_full,
            "partial_matches": self.n_partial,
            "other_route_traffic": self.other_route_traffic,
            "counts_by_day": [{"day": d.isoformat(), "flights": n} for d, n in self.counts_by_day],
            "parts": self.parts,
            "count_check": self.count_check,
            "dark_check": self.dark_check,
            "vessels": self.vessels,
            "assets": self.assets,
            "flights": rows,
        }


_OUT_COLS = (
    "match", "flight_id", "domain", "asset_id", "registration", "type_code", "callsign", "country", "operator",
    "dep_site", "dep_site_guess", "dep_time", "arr_site", "arr_site_guess", "arr_time", "ending", "dest_prob", "why",
)  # fmt: skip


def check_claim(
    claim: Claim, store: Store, *, tolerance_days: int = 2, gazetteer: Gazetteer | None = None
) -> ClaimResult:
    """Query the flights and points behind one claim and decide its verdict (rules in the module doc)."""
    gaz = gazetteer or default_gazetteer()
    strict, loose = claim_window(claim, tolerance_days)
    reasons: list[str] = []
    caveats: list[str] = []
    where, params = None, None
    if loose is not None:
        where, params = "last_ts >= CAST(? AS TIMESTAMPTZ) AND first_ts < CAST(? AS TIMESTAMPTZ)", list(loose)
    flights = store.flights(where, params)
    if claim.domain:
        flights = flights.filter(pl.col("domain") == claim.domain)
    total_flights = store.sql("SELECT count(*) AS n FROM flights").item()
    if not total_flights:
        caveats.append("the store has no flights: run `liftwatch flights` (track building) first")
    o_pri, o_broad = role_sites(claim.origin)
    d_pri, d_broad = role_sites(claim.destination)
    v_pri, _ = role_sites(claim.via)
    for name in claim.unknown_places:
        caveats.append(f"unknown place: {name} (not in the knowledge base; that part of the claim is not checked)")
    exact_asset, loose_asset = asset_expr(claim, gaz)
    t = pl.coalesce("dep_time", "first_ts")
    df = flights.with_columns(
        callsign=pl.col("callsigns").list.first(),
        t=t,
        actor_ok=actor_expr(claim),
        asset_ok=exact_asset,
        asset_loose=loose_asset,
        dep_ok=pl.col("dep_site").is_in(o_pri).fill_null(False),
        dep_broad=pl.col("dep_site").is_in(o_broad).fill_null(False),
        dep_unseen=pl.col("dep_site").is_null(),
        p_dest=dest_prob(d_pri, gaz),
        p_broad=dest_prob(d_broad, gaz),
        p_via=dest_prob(v_pri, gaz),
        top_dest=(pl.col("arr_site").is_in(d_pri) & (pl.col("ending") != "landed")).fill_null(False),
        in_window=(t >= strict[0]) & (t < strict[1]) if strict else pl.lit(True),
    )
    has_o, has_d, has_v = bool(o_pri), bool(d_pri), bool(v_pri)
    df, w_o, w_d, w_v = _through_waters(claim, store, df, loose)
    origin_ok = (pl.col("dep_ok") if has_o else pl.lit(True)) & w_o
    dest_ok = (pl.col("p_dest") >= DEST_PROB_FULL if has_d else pl.lit(True)) & w_d
    who = pl.col("actor_ok") & pl.col("asset_ok")
    route = origin_ok & dest_ok
    chains = via_chains(df.filter(who & pl.col("in_window")), v_pri, d_pri, o_pri) if has_v else set()
    full = who & pl.col("in_window") & w_v & (pl.col("flight_id").is_in(list(chains)) if has_v else route)
    half_o = (pl.col("dep_broad") | pl.col("dep_unseen")) if has_o else pl.lit(True)
    half_d = (
        (pl.col("p_broad") >= DEST_PROB_FULL) | (pl.col("p_dest") >= DEST_PROB_PARTIAL) | pl.col("top_dest")
        if has_d
        else pl.lit(True)
    )
    partial_route = (origin_ok & half_d) | (half_o & dest_ok)
    partial = ~full & (
        (who & partial_route) | (pl.col("actor_ok") & pl.col("asset_loose") & route & pl.col("in_window"))
    )
    why = (
        pl.when(full)
        .then(pl.lit("all parts match"))
        .when(who & route & pl.col("in_window") & ~w_v)
        .then(pl.lit("no position in the claimed passage or sea seen"))
        .when(who & route & has_v)
        .then(pl.lit("direct flight, no stop at the via site seen"))
        .when(who & route & ~pl.col("in_window"))
        .then(pl.lit(f"outside the claimed window (within {tolerance_days} days)"))
        .when(who & origin_ok & pl.col("top_dest") & (pl.col("p_dest") < DEST_PROB_FULL))
        .then(
            pl.concat_str(
                pl.lit("track ended ("),
                pl.col("ending").fill_null("?"),
                pl.lit(") with the claimed destination ranked first but p="),
                pl.col("p_dest").round(2).cast(pl.String),
            )
        )
        .when(who & origin_ok & (pl.col("p_dest") >= DEST_PROB_PARTIAL) & (pl.col("p_dest") < DEST_PROB_FULL))
        .then(pl.lit("went dark; claimed destination only a low-ranked candidate"))
        .when(who & origin_ok & (pl.col("p_broad") >= DEST_PROB_FULL))
        .then(pl.concat_str(pl.lit("ended at "), pl.col("arr_site").fill_null("?"), pl.lit(", not the named site")))
        .when(who & pl.col("dep_unseen") & dest_ok)
        .then(pl.lit("departure not observed"))
        .when(who & pl.col("dep_broad") & dest_ok)
        .then(pl.concat_str(pl.lit("departed "), pl.col("dep_site").fill_null("?"), pl.lit(", not the named site")))
        .otherwise(pl.lit("route and actor match; asset type differs or is unknown"))
    )
    df = df.with_columns(full=full, partial=partial, why=why)
    matched = df.filter(pl.col("full") | pl.col("partial")).with_columns(
        match=pl.when(pl.col("full")).then(pl.lit("full")).otherwise(pl.lit("partial")),
        # no destination claimed: no probability of reaching it (not 0)
        dest_prob=pl.col("p_dest").round(3) if d_pri else pl.lit(None, pl.Float64),
    )
    matched = matched.sort(["match", "t"])
    n_full = int(matched["full"].sum()) if matched.height else 0
    n_part = matched.height - n_full
    other = df.filter(route & ~pl.col("actor_ok") & pl.col("in_window")).height if (has_o or has_d) else 0

    cov_role = {
        role: [
            water_coverage(store, p, strict, domain=claim.domain)
            if water_ids([p])
            else coverage(
                store, p, strict[0] if strict else None, strict[1] if strict else None, gaz, domain=claim.domain
            )
            if p.known
            else Coverage(p.label(), "unknown")
            for p in getattr(claim, role)
        ]
        for role in ("destination", "origin", "via")
    }
    cov = [c for cs in cov_role.values() for c in cs]
    need = claim.min_count or 1
    far = _named_out_of_reach(claim, store, df, loose, gaz) if loose is not None else None
    verdict = decide(claim, n_full, n_part, need, cov_role, df, reasons, far)
    if other:
        reasons.append(f"{other} other flights on the route by other actors/types (not counted)")
    if n_full and {"transponders off", "ceased location-sharing"} & set(claim.hints):
        dark = int((matched.filter(pl.col("full"))["ending"] == "dark").sum())
        reasons.append(
            f"{dark} of the {n_full} matching flights went dark before arrival "
            + ("(consistent with the reported transponder switch-off)" if dark else "(the claim says they went dark)")
        )
    elif n_part and {"transponders off", "ceased location-sharing"} & set(claim.hints):
        dark = int((matched["ending"] == "dark").sum())
        reasons.append(f"{dark} of the {n_part} partly matching flights went dark before arrival")
    if claim.window is None:
        caveats.append("the article gives no date: every flight in the store was considered")
    else:
        caveats.append(f"window {claim.window[0]} to {claim.window[1]} ({claim.window_source}), ±{tolerance_days} days")
    full_df = matched.filter(pl.col("match") == "full")
    by_day = full_df.group_by(pl.col("t").dt.date().alias("day")).len().sort("day") if full_df.height else None
    counts = [(r[0], int(r[1])) for r in by_day.iter_rows()] if by_day is not None else []
    assets = (
        matched.group_by("asset_id")
        .agg(
            pl.col("registration").drop_nulls().first(),
            pl.col("type_code").drop_nulls().first(),
            pl.col("callsign").drop_nulls().first(),
            pl.col("full").sum().alias("full"),
            pl.len().alias("flights"),
        )
        .sort(["flights", "full", "asset_id"], descending=[True, True, False])  # ties in a stable order
        .to_dicts()
        if matched.height
        else []
    )
    result = ClaimResult(claim, verdict, reasons, caveats, cov, matched, counts, assets, strict, other)
    result.count_check = count_check(claim, n_full, n_part, counts)
    if result.count_check is not None:
        reasons.append(f"count: {result.count_check['detail']}")
    result.dark_check = dark_check(claim, matched)
    names = [a.label for a in claim.assets if a.ship_name]
    result.vessels = vessel_sightings(store, names, strict) if names and claim.domain != "air" else []
    result.parts = parts(claim, matched, cov_role, result.count_check, result.dark_check, result.vessels)
    return result


def _through_waters(
    claim: Claim, store: Store, df: pl.DataFrame, window: tuple[datetime, datetime] | None
) -> tuple[pl.DataFrame, pl.Expr, pl.Expr, pl.Expr]:
    """The flights frame with, per role naming seas or straits, whether each voyage had a position inside them
    (``water_evidence``), and the (origin, destination, via) conditions those give; true where none is named."""
    waters = {role: water_ids(getattr(claim, role)) for role in ("origin", "destination", "via")}
    if claim.domain == "air" or not any(waters.values()) or not df.height:
        return df, pl.lit(True), pl.lit(True), pl.lit(True)
    ships = df.filter(pl.col("domain") == "sea")
    passed = {role: voyages_through(store, ships, ids, window) for role, ids in waters.items() if ids}
    df = df.with_columns(**{f"w_{role}": pl.col("flight_id").is_in(sorted(ids)) for role, ids in passed.items()})
    conds = [pl.col(f"w_{role}") if role in passed else pl.lit(True) for role in ("origin", "destination", "via")]
    return df, conds[0], conds[1], conds[2]


def _named_out_of_reach(
    claim: Claim, store: Store, df: pl.DataFrame, window: tuple[datetime, datetime], gaz: Gazetteer
) -> OutOfReach | None:
    """A fix of a named ship that shows it could not have been at one of the claim's places in the window."""
    if not any(a.ship_name for a in claim.assets) or not df.height:
        return None
    ids = df.filter(pl.col("asset_ok"))["asset_id"].unique().sort().to_list()
    for role in ("destination", "origin", "via"):
        for place in getattr(claim, role):
            if not place.known or not place.site_ids:
                continue
            lat, lon = gaz.site_latlon(place.site_ids[:60])
            ok = np.isfinite(lat) & np.isfinite(lon)
            hit = out_of_reach(store, ids, role, place.label(), lat[ok], lon[ok], window, domain="sea")
            if hit is not None:
                return hit
    return None


def check(
    extraction: Extraction, store: Store, *, tolerance_days: int = 2, gazetteer: Gazetteer | None = None
) -> list[ClaimResult]:
    """Evidence for every claim of an article."""
    return [check_claim(c, store, tolerance_days=tolerance_days, gazetteer=gazetteer) for c in extraction.claims]

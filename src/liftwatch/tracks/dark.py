"""Where did a flight that ended in the air go? Ranking probable destinations (or origins) of airborne ends.

The founding pattern: Il-76s switch their transponders off 100-200 km before landing at Al-Khadim. Picking
the nearest airport to the last fix (traffic's ``infer_airport``) is wrong there by construction. Instead,
every air site within reach is scored by independent pieces of evidence, summed as log-likelihoods and
normalised to probabilities:

* **ahead along the track**: the bearing from the last fix to the site against the track flown (tolerance
  widening close in, where aircraft manoeuvre on approach);
* **descent profile**: height above the site's elevation and the vertical rate at loss give the distance
  still to fly (3° path, or height / descent rate x ground speed); a site closer than a steep descent could
  reach is penalised;
* **the airframe's next appearance**: if the same aircraft next takes off from site S after an interval long
  enough to have flown there, S is very likely where it landed (strongest single cue); if it reappears in the
  air, sites near where it reappeared are favoured;
* **its history**: sites where this airframe landed or took off before in the data;
* **site kind**: military and state aircraft favour air bases;
* **controlling actor** (``kb.controller_at``): sites held by the actor that holds the sites this airframe
  uses are favoured, so a Russian transport is sent to an LNA/Russian base rather than a GNU-held airport.

The same ranking run backwards (previous arrival instead of next departure, reversed track, climb profile)
gives the probable origin of a flight first seen in the air.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
import polars as pl

from liftwatch.geodesy import KM_PER_NM, angle_diff_deg, bearing_deg, haversine_km
from liftwatch.tracks.sites import GLIDE_FT_PER_NM, SiteIndex

REACH_KM = 1500.0
STEEP_FT_PER_NM = 700.0
NEXT_DEP_BONUS = np.log(60.0)
MAX_CANDIDATES = 60
CRUISE_FT = 20000.0
ELSEWHERE_WEIGHT = 3.0  # weight (relative to the best candidate's 1) of "none of these" for cruise ends  # per end, kept after the geometric/next-departure/kind scoring

ControllerFn = Callable[[str, datetime], "str | None"]


def _empty() -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            "flight_idx": pl.Int64,
            "site": pl.String,
            "conf": pl.Float32,
            "candidates": pl.List(pl.Struct({"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32})),
            "n_candidates": pl.UInt32,
            "next_match": pl.Boolean,
        }
    )


def rank_sites(
    ends: pl.DataFrame,
    index: SiteIndex,
    history: pl.DataFrame,
    which: str = "arr",
    controller_at: ControllerFn | None = None,
    top_k: int = 5,
    chunk: int = 500,
) -> pl.DataFrame:
    """Rank sites for airborne ends.

    ``ends`` columns: flight_idx, asset_id, lat, lon, alt_ft, track_deg, vrate_fpm, gs_kt, ts, military,
    home_site (this flight's other-end site), nb_site / nb_conf / nb_at_site / nb_lat / nb_lon / nb_gap_s
    (the same airframe's next flight start for ``arr``, previous flight end for ``dep``).
    ``history`` columns: asset_id, site_id, visits (landings + take-offs of the airframe at the site).

    Ends are scored ``chunk`` at a time: each has thousands of sites within reach, so memory stays bounded
    however many flights ended in the air.
    """
    if ends.height == 0 or len(index) == 0:
        return _empty()
    parts = [
        _rank_chunk(ends.slice(i, chunk), index, history, which, controller_at, top_k)
        for i in range(0, ends.height, chunk)
    ]
    return pl.concat(parts)


def _top_per_group(q: np.ndarray, score: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` best scores within each group ``q`` (vectorised)."""
    order = np.lexsort((-score, q))
    qs = q[order]
    starts = np.r_[0, np.flatnonzero(np.diff(qs)) + 1]
    group_start = np.repeat(starts, np.diff(np.r_[starts, qs.size]))
    return np.asarray(order[np.arange(qs.size) - group_start < n])


def _rank_chunk(
    ends: pl.DataFrame,
    index: SiteIndex,
    history: pl.DataFrame,
    which: str,
    controller_at: ControllerFn | None,
    top_k: int,
) -> pl.DataFrame:
    lat = ends["lat"].to_numpy().astype(np.float64)
    lon = ends["lon"].to_numpy().astype(np.float64)
    q, s, d = index.pairs(lat, lon, REACH_KM)
    # the airframe's next take-off site is a candidate however far it is (long dark legs, ferry flights)
    nb_ids = ends["nb_site"].to_list()
    nb_ok = ends["nb_at_site"].fill_null(False).to_list()
    extra = [(i, index.pos[x]) for i, (x, ok) in enumerate(zip(nb_ids, nb_ok, strict=True)) if ok and x in index.pos]
    if extra:  # one per flight end at most, not per point
        eq, es = (np.asarray(v, dtype=np.int64) for v in zip(*extra, strict=True))
        m = len(index)
        new = ~np.isin(eq * m + es, q * m + s)
        if new.any():
            eq, es = eq[new], es[new]
            q = np.r_[q, eq]
            s = np.r_[s, es]
            d = np.r_[d, haversine_km(lat[eq], lon[eq], index.lat[es], index.lon[es])]
    if q.size == 0:
        return _empty()
    col = ends.select(
        pl.col("alt_ft").cast(pl.Float64).fill_null(0.0),
        pl.col("track_deg").cast(pl.Float64).fill_null(np.nan),
        pl.col("vrate_fpm").cast(pl.Float64).fill_null(0.0),
        pl.col("gs_kt").cast(pl.Float64).fill_null(300.0),
        pl.col("nb_conf").cast(pl.Float64).fill_null(0.0),
        pl.col("nb_gap_s").cast(pl.Float64).fill_null(np.nan),
        pl.col("nb_lat").cast(pl.Float64).fill_null(np.nan),
        pl.col("nb_lon").cast(pl.Float64).fill_null(np.nan),
    )
    alt, trk, vr, gs, nb_conf, nb_gap, nb_lat, nb_lon = (col[c].to_numpy() for c in col.columns)
    military = ends["military"].fill_null(False).to_numpy()
    nb_site = np.asarray(ends["nb_site"].to_list(), dtype=object)
    nb_at = ends["nb_at_site"].fill_null(False).to_numpy()
    if which == "dep":  # run backwards: the track towards the origin, a climb instead of a descent
        trk = (trk + 180.0) % 360.0
        vr = -vr
    agl = np.maximum(alt[q] - index.elev[s], 0.0)
    # 1. ahead along the track
    brg = bearing_deg(lat[q], lon[q], index.lat[s], index.lon[s])
    sig_b = 20.0 + 70.0 * np.exp(-d / 40.0)
    db = angle_diff_deg(trk[q], brg)
    ll = np.where(np.isnan(trk[q]), 0.0, -0.5 * (db / sig_b) ** 2)
    # 2. descent profile: distance still to fly
    d_min = agl / STEEP_FT_PER_NM * KM_PER_NM
    ll += np.where(d < d_min, -0.5 * ((d_min - d) / 15.0) ** 2, 0.0)
    desc = vr[q] < -300.0
    d_glide = agl / GLIDE_FT_PER_NM * KM_PER_NM
    d_rate = gs[q] * KM_PER_NM * (agl / np.maximum(-vr[q], 300.0)) / 60.0
    d_exp = np.maximum(np.sqrt(np.maximum(d_glide, 1.0) * np.maximum(d_rate, 1.0)), 8.0)
    ll += np.where(desc, -0.5 * (np.log(np.maximum(d, 5.0) / d_exp) / 0.6) ** 2, -d / 1500.0)
    # 3. next departure (or previous arrival) of the same airframe
    sid = index.site_id[s]
    nb_match = (sid == nb_site[q]) & nb_at[q]
    t_need = d / np.maximum(gs[q] * KM_PER_NM, 150.0) * 3600.0
    plausible = ~(nb_gap[q] < 0.7 * t_need)  # NaN gap (unknown) stays plausible
    ll += np.where(nb_match & plausible, NEXT_DEP_BONUS * np.clip(nb_conf[q], 0.3, 1.0), 0.0)
    r_nb = haversine_km(nb_lat[q], nb_lon[q], index.lat[s], index.lon[s])
    ll += np.where(~nb_at[q] & np.isfinite(r_nb), np.log1p(8.0 * np.exp(-np.nan_to_num(r_nb, nan=1e9) / 150.0)), 0.0)
    # 5. site kind (air base for military/state) and prominence
    ll += index.kind_prior(s, military[q])
    # keep the best candidates per end before building frames (history/controller can only add ~log 4)
    keep = _top_per_group(q, ll, MAX_CANDIDATES)
    q, s, d, ll, sid = q[keep], s[keep], d[keep], ll[keep], sid[keep]
    nb_match, plausible = nb_match[keep], plausible[keep]
    pairs = pl.DataFrame(
        {
            "q": q,
            "asset_id": np.asarray(ends["asset_id"].to_list(), dtype=object)[q].astype(str),
            "site_id": sid.astype(str),
            "distance_km": d.astype(np.float32),
            "ll": ll,
            "next_match": nb_match & plausible,
        }
    )
    # 4. history of the airframe at each site
    if history.height:
        pairs = pairs.join(history.select("asset_id", "site_id", "visits"), on=["asset_id", "site_id"], how="left")
        pairs = pairs.with_columns((pl.col("ll") + pl.col("visits").fill_null(0).cast(pl.Float64).log1p()).alias("ll"))
    # 6. controlling actor, for the few best candidates of each end (kb look-ups are per pair)
    if controller_at is not None:
        pairs = _controller_bonus(pairs, ends, history, controller_at)
    pairs = pairs.with_columns((pl.col("ll") - pl.col("ll").max().over("q")).exp().alias("w"))
    # an end lost at cruise and not descending may be bound anywhere, beyond reach too: that share of the
    # probability is left to "elsewhere" (candidates then sum to < 1), so a guess is not shown as a finding
    cruise = (alt >= CRUISE_FT) & (vr > -300.0)
    pairs = pairs.with_columns(pl.Series("_else", np.where(cruise, ELSEWHERE_WEIGHT, 0.0)[q]))
    pairs = (
        pairs.with_columns((pl.col("w") / (pl.col("w").sum().over("q") + pl.col("_else"))).alias("prob"))
        .drop("_else")
        .sort(["q", "prob"], descending=[False, True])
    )
    top = pairs.group_by("q", maintain_order=True).agg(
        pl.col("site_id").first().alias("site"),
        pl.col("prob").first().cast(pl.Float32).alias("conf"),
        pl.struct(pl.col("site_id"), pl.col("prob").cast(pl.Float32), pl.col("distance_km"))
        .head(top_k)
        .alias("candidates"),
        pl.len().alias("n_candidates"),
        pl.col("next_match").any().alias("next_match"),
    )
    fid = ends.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("q"), "flight_idx")
    return fid.join(top, on="q", how="inner").drop("q")


def _controller_bonus(
    pairs: pl.DataFrame, ends: pl.DataFrame, history: pl.DataFrame, controller_at: ControllerFn
) -> pl.DataFrame:
    """Favour sites held by whoever holds the sites this airframe uses (its home and visited sites)."""
    best = pairs.sort("ll", descending=True).group_by("q", maintain_order=True).head(8)
    ts = ends["ts"].to_list()
    home = ends["home_site"].to_list()
    assets = ends["asset_id"].to_list()
    visited: dict[str, list[str]] = {}
    if history.height:
        for a, sites in history.group_by("asset_id").agg(pl.col("site_id")).iter_rows():
            visited[a] = sites
    cache: dict[tuple[str, datetime], str | None] = {}

    def ctrl(site: str, when: datetime) -> str | None:
        key = (site, when.replace(hour=0, minute=0, second=0, microsecond=0))
        if key not in cache:
            try:
                cache[key] = controller_at(site, key[1])
            except Exception:  # unknown site in a kb without control data: no evidence
                cache[key] = None
        return cache[key]

    bonus_rows: list[tuple[int, str, float]] = []
    for qi, site in best.select("q", "site_id").iter_rows():  # <= 8 per flight end, not per point
        when = ts[qi] if isinstance(ts[qi], datetime) else datetime.now(UTC)
        c = ctrl(site, when)
        if c is None:
            continue
        friends = {ctrl(h, when) for h in [home[qi], *visited.get(assets[qi], [])] if h and h != site}
        if c in friends:
            bonus_rows.append((qi, site, float(np.log(2.0))))
    if not bonus_rows:
        return pairs
    b = pl.DataFrame(bonus_rows, schema={"q": pl.Int64, "site_id": pl.String, "cb": pl.Float64}, orient="row")
    return (
        pairs.join(b, on=["q", "site_id"], how="left")
        .with_columns((pl.col("ll") + pl.col("cb").fill_null(0.0)).alias("ll"))
        .drop("cb")
    )

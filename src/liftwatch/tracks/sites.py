"""Departure and arrival sites: where a flight was on the ground, with a confidence and the alternatives.

Candidates come from the knowledge base (``kb.sites()``) through a KD-tree on 3-D unit vectors (so the
radius query is exact on the sphere and does not break at the antimeridian). Every (flight end, site) pair
within ``radius_km`` is scored in one vectorised pass:

* horizontal distance from the *projected touch-down point*: an airborne last fix on approach is carried
  forward along its track by its height above the field on a 3° path (318 ft/NM), a first fix after take-off
  back along its track on a climb gradient, so coverage that stops at 1,000 ft still points at the runway;
* height above field elevation: beyond ``max_agl_ft`` the flight is *not* at this site at all. This is what
  keeps a flight that vanished at cruise altitude from "landing" at the nearest airport (traffic's
  ``infer_airport`` flaw); such endings go to :mod:`liftwatch.tracks.dark`;
* runway alignment of the final/initial track where headings are known;
* on-ground / low-speed evidence (the fix is on the field);
* a site-kind prior: military and state aircraft prefer air bases, civil ones airports, and curated sites
  (which resolve shared fields such as Hmeimim/Latakia OSLK) rank above generic airstrips.

Scores are likelihoods; the confidence is the best candidate's share times how well it fits on its own.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl
from scipy.spatial import cKDTree

from liftwatch.geodesy import (
    EARTH_RADIUS_KM,
    KM_PER_NM,
    angle_diff_deg,
    bearing_deg,
    chord_for_km,
    destination,
    haversine_km,
    unit_vectors,
)
from liftwatch.kb.sites import AIR_KINDS

GLIDE_FT_PER_NM = 318.0  # 3° approach path
CLIMB_FT_PER_NM = 500.0
MILITARY_CLASSES = ("military", "state")


@dataclass(frozen=True)
class SiteParams:
    radius_km: float = 30.0  # OpenSky: 15 km departure / 30 km arrival; we score rather than cut at 15
    max_agl_ft: float = 5000.0  # above this height over the field the flight is not at the site
    landed_agl_ft: float = 1500.0  # an airborne end this low and this close counts as a landing
    landed_km: float = 8.0
    path_agl_ft: float = 3000.0  # ... or up to this high when on the runway's climb-out/approach path
    sigma_km: float = 4.0  # airfield extent + position noise
    sigma_ft: float = 1500.0


class SiteIndex:
    """The knowledge base's air sites as arrays plus a KD-tree, built once per pipeline run."""

    def __init__(self, sites: pl.DataFrame, kinds: Collection[str] = AIR_KINDS) -> None:
        s = sites.filter(pl.col("kind").is_in(list(kinds)) & pl.col("lat").is_not_null() & pl.col("lon").is_not_null())
        self.frame = s
        self.site_id = np.asarray(s["site_id"].to_list(), dtype=object)
        self.name = np.asarray(s["name"].to_list(), dtype=object)
        self.kind = np.asarray(s["kind"].to_list(), dtype=object)
        self.lat = s["lat"].to_numpy().astype(np.float64)
        self.lon = s["lon"].to_numpy().astype(np.float64)
        self.elev = s["elevation_ft"].fill_null(0.0).to_numpy().astype(np.float64)
        self.country = np.asarray(s["country"].to_list(), dtype=object)
        rw = s["runway_headings"].to_list() if "runway_headings" in s.columns else [None] * s.height
        k = max([len(r) for r in rw if r] or [1])
        self.runways = np.full((s.height, k), np.nan)
        for i, r in enumerate(rw):  # once per site at start-up, not per point
            if r:
                self.runways[i, : len(r)] = r
        if "curated" in s.columns:
            curated = s["curated"].fill_null(False).to_numpy()
        elif "source" in s.columns:
            src = s["source"].fill_null("airportsdata")
            curated = (~src.str.contains("airportsdata") & (src != "")).to_numpy()
        else:
            curated = np.zeros(s.height, dtype=bool)
        has_iata = s["iata"].is_not_null().to_numpy() if "iata" in s.columns else np.zeros(s.height, bool)
        self.prominence = np.where(curated, 2.0, np.where(has_iata, 1.0, 0.5))
        # civil traffic goes where scheduled service is (OurAirports class): Spokane International, not
        # Fairchild AFB next door; military and state aircraft are not drawn to airline airports
        self.civil_prominence = self.prominence.copy()
        if "scheduled" in s.columns and "field_type" in s.columns:
            sched = s["scheduled"].fill_null(False).to_numpy().astype(bool)
            ftype = np.asarray(s["field_type"].fill_null("").to_list(), dtype=object)
            size = np.select(
                [ftype == "large_airport", ftype == "medium_airport", ftype == "small_airport"], [3.0, 2.0, 1.0], 0.7
            )
            self.civil_prominence = np.where(sched, size, np.where(curated, 2.0, np.minimum(size, 1.0)))
        self.pos = {sid: i for i, sid in enumerate(self.site_id)}
        self.tree = cKDTree(unit_vectors(self.lat, self.lon)) if s.height else None

    def __len__(self) -> int:
        return int(self.lat.shape[0])

    def pairs(
        self, lat: npt.ArrayLike, lon: npt.ArrayLike, radius_km: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All (query index, site index, distance km) with distance <= radius, vectorised."""
        lat_a, lon_a = np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
        ok = np.isfinite(lat_a) & np.isfinite(lon_a)
        if self.tree is None or not ok.any():
            e = np.empty(0, dtype=np.int64)
            return e, e, np.empty(0)
        qi = np.flatnonzero(ok)
        qtree = cKDTree(unit_vectors(lat_a[qi], lon_a[qi]))
        res = qtree.sparse_distance_matrix(self.tree, chord_for_km(radius_km), output_type="ndarray")
        q = qi[res["i"].astype(np.int64)]
        s = res["j"].astype(np.int64)
        chord = res["v"]
        d = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.clip(chord / 2.0, 0.0, 1.0))
        return q, s, d

    def field_elevation(self, lat: npt.ArrayLike, lon: npt.ArrayLike, within_km: float = 6.0) -> np.ndarray:
        """Elevation (ft) of the nearest air site within ``within_km`` of each position, NaN where none is.

        Used to tell an aircraft on a field (slow, at the field's height) from one loitering slowly above it.
        """
        lat_a, lon_a = np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
        out = np.full(lat_a.shape, np.nan)
        ok = np.isfinite(lat_a) & np.isfinite(lon_a)
        if self.tree is None or not ok.any():
            return out
        _, j = self.tree.query(unit_vectors(lat_a[ok], lon_a[ok]), k=1, distance_upper_bound=chord_for_km(within_km))
        hit = j < len(self)
        vals = np.full(j.shape, np.nan)
        vals[hit] = self.elev[j[hit]]
        out[ok] = vals
        return out

    def kind_prior(self, s: np.ndarray, military: np.ndarray) -> np.ndarray:
        """Log prior of landing at site ``s`` for a military/state (True) or civil (False) aircraft."""
        kind = self.kind[s]
        mil_w = np.select([kind == "air_base", kind == "heliport"], [np.log(4.0), np.log(0.2)], 0.0)
        civ_w = np.select(
            [kind == "air_base", kind == "heliport", kind == "airstrip"], [np.log(0.3), np.log(0.2), np.log(0.5)], 0.0
        )
        return np.asarray(
            np.where(military, mil_w + np.log(self.prominence[s]), civ_w + np.log(self.civil_prominence[s]))
        )


def with_runways(sites: pl.DataFrame) -> pl.DataFrame:
    """Sites plus OurAirports runway headings (where the site has none) and field class, by ICAO code.

    Adds ``field_type`` (``large_airport`` ...) and ``scheduled`` (bool); a site without an ICAO match keeps
    what it had (curated headings are never replaced).
    """
    from liftwatch.kb.runways import airfields, runway_headings

    if "icao" not in sites.columns:
        return sites
    rh = runway_headings().rename({"icao": "_icao"})
    af = airfields().select(
        pl.col("icao").alias("_icao"), pl.col("type").alias("field_type"), (pl.col("scheduled") == 1).alias("scheduled")
    )
    out = (
        sites.with_columns(pl.col("icao").alias("_icao"))
        .join(rh, on="_icao", how="left")
        .join(af, on="_icao", how="left")
    )
    empty = pl.col("runway_headings").is_null() | (pl.col("runway_headings").list.len() == 0)
    return out.with_columns(
        pl.when(empty & pl.col("headings").is_not_null())
        .then(pl.col("headings"))
        .otherwise(pl.col("runway_headings"))
        .alias("runway_headings")
    ).drop("_icao", "headings")


def endpoint_frame(points: pl.DataFrame, which: str, window_s: float = 240.0) -> pl.DataFrame:
    """One row per flight describing its first (``dep``) or last (``arr``) fixes.

    The track near the end is the mean over the airborne fixes of the last/first ``window_s`` seconds, so a
    single noisy track angle does not decide runway alignment; ``align_track_deg``, the one runway alignment reads,
    is the same mean cut at the first turn counted from the end (:func:`_before_first_turn`).
    """
    last = which == "arr"
    g = points.group_by("flight_idx", maintain_order=True)
    edge = pl.col("ts").max() if last else pl.col("ts").min()
    base = g.agg(
        (pl.col("lat").last() if last else pl.col("lat").first()).alias("lat"),
        (pl.col("lon").last() if last else pl.col("lon").first()).alias("lon"),
        (pl.col("_alt").last() if last else pl.col("_alt").first()).alias("alt_ft"),
        (pl.col("ground").last() if last else pl.col("ground").first()).alias("ground"),
        # speed and vertical rate come in other messages than positions: the nearest known value to the end
        (pl.col("gs_kt").drop_nulls().last() if last else pl.col("gs_kt").drop_nulls().first()).alias("gs_kt"),
        (pl.col("vrate_fpm").last() if last else pl.col("vrate_fpm").first()).alias("vrate_fpm"),
        (pl.col("vrate_fpm").drop_nulls().last() if last else pl.col("vrate_fpm").drop_nulls().first()).alias("_vr"),
        edge.alias("ts"),
    )
    # the track is measured around the last (first) *airborne* fix: touch-down (lift-off) shows the runway
    air = pl.when(~pl.col("ground")).then(pl.col("ts"))
    edges = g.agg((air.max() if last else air.min()).dt.epoch("us").alias("_edge"))["_edge"]
    # a flight's rows are contiguous: its edge reaches each row by run number, not by a join of all points
    fi = points["flight_idx"].to_numpy()
    run = np.cumsum(np.r_[True, fi[1:] != fi[:-1]]) - 1 if fi.shape[0] else np.zeros(0, dtype=np.int64)
    has_edge = ~edges.is_null().to_numpy()
    edge_us = edges.fill_null(0).to_numpy()
    # whole seconds, truncated toward zero (Polars' total_seconds), within the window
    dts = np.abs(points["ts"].dt.epoch("us").to_numpy() - edge_us[run]) // 1_000_000
    keep = has_edge[run] & (dts <= window_s) & ~points["ground"].fill_null(True).to_numpy()
    near = points.filter(pl.Series(keep))
    rad = pl.col("track_deg").cast(pl.Float64).radians()
    trk = near.group_by("flight_idx").agg(
        rad.sin().mean().alias("_s"),
        rad.cos().mean().alias("_c"),
        # feeds that send positions without velocity messages: track and climb from the fixes themselves
        pl.col("lat").first().alias("_la0"),
        pl.col("lon").first().alias("_lo0"),
        pl.col("lat").last().alias("_la1"),
        pl.col("lon").last().alias("_lo1"),
        pl.col("_alt").drop_nulls().first().alias("_a0"),
        pl.col("_alt").drop_nulls().last().alias("_a1"),
        pl.col("ts").filter(pl.col("_alt").is_not_null()).first().alias("_t0"),
        pl.col("ts").filter(pl.col("_alt").is_not_null()).last().alias("_t1"),
    )
    moved = haversine_km(trk["_la0"], trk["_lo0"], trk["_la1"], trk["_lo1"])
    fix_track = np.where(moved >= 0.5, bearing_deg(trk["_la0"], trk["_lo0"], trk["_la1"], trk["_lo1"]), np.nan)
    span_min = (trk["_t1"] - trk["_t0"]).dt.total_seconds().cast(pl.Float64).to_numpy() / 60.0
    with np.errstate(divide="ignore", invalid="ignore"):
        fix_vr = np.where(span_min >= 0.5, (trk["_a1"] - trk["_a0"]).cast(pl.Float64).to_numpy() / span_min, np.nan)
    trk = trk.with_columns(
        (pl.arctan2("_s", "_c").degrees() % 360.0).fill_null(pl.Series(fix_track).fill_nan(None)).alias("track_deg"),
        pl.Series("_fix_vr", fix_vr).fill_nan(None),
    ).select("flight_idx", "track_deg", "_fix_vr")
    # the runway is told by the straight run next to the end, not by a turn onto course within the window
    straight = (
        _before_first_turn(near, last)
        .group_by("flight_idx")
        .agg((pl.arctan2(rad.sin().mean(), rad.cos().mean()).degrees() % 360.0).alias("align_track_deg"))
    )
    # airborne fixes near a ground end (touch-down / lift-off point) tell the runway even on the ground
    out = base.join(trk, on="flight_idx", how="left").join(straight, on="flight_idx", how="left")
    out = out.with_columns(pl.col("align_track_deg").fill_null(pl.col("track_deg")))
    return out.with_columns(pl.col("vrate_fpm").fill_null(pl.col("_fix_vr")).fill_null(pl.col("_vr"))).drop(
        "_fix_vr", "_vr"
    )


TURN_DEG = 20.0


def _before_first_turn(near: pl.DataFrame, last: bool) -> pl.DataFrame:
    """The airborne fixes near a flight's end up to its first turn, counted from the end.

    A departure climbs out on the runway's heading and then turns onto its course, often within the window: a mean
    over the turn points between the two (Rhodes' runway 24 then north-west reads as 270, the heading of the disused
    field next door). Fixes are kept from the edge (first airborne fix of a departure, last of an arrival) while their
    track stays within ``TURN_DEG`` of the edge's; a fix with no track neither breaks nor extends the run.
    """
    if near.height == 0:
        return near
    trk = pl.col("track_deg").cast(pl.Float64)
    edge_trk = (trk.drop_nulls().last() if last else trk.drop_nulls().first()).over("flight_idx")
    diff = ((trk - edge_trk + 540.0) % 360.0 - 180.0).abs()
    turned = (diff > TURN_DEG).fill_null(False)
    ordered = near.with_row_index("_r").sort(["flight_idx", "ts"], descending=[False, last], maintain_order=True)
    ordered = ordered.with_columns(turned.cast(pl.Int32).cum_max().over("flight_idx").alias("_turned"))
    return ordered.filter(pl.col("_turned") == 0).sort("_r").drop("_r", "_turned")


def infer_sites(
    ends: pl.DataFrame,
    index: SiteIndex,
    military: np.ndarray,
    which: str,
    params: SiteParams | None = None,
    top_k: int = 5,
) -> pl.DataFrame:
    """Score sites for flight ends (``endpoint_frame`` rows, aligned with ``military``).

    Returns ``flight_idx``, ``site`` (null when no site fits), ``conf``, ``at_site`` (the end is on or just
    above the field: landed / took off) and ``candidates`` (list of site_id, prob, distance_km) plus a short
    evidence string per flight.
    """
    p = params or SiteParams()
    n = ends.height
    lat = ends["lat"].to_numpy().astype(np.float64)
    lon = ends["lon"].to_numpy().astype(np.float64)
    alt = ends["alt_ft"].cast(pl.Float64).fill_null(np.nan).to_numpy()
    ground = ends["ground"].fill_null(False).to_numpy()
    trk = ends["track_deg"].cast(pl.Float64).fill_null(np.nan).to_numpy()
    vr = ends["vrate_fpm"].cast(pl.Float64).fill_null(0.0).to_numpy()
    # climbing away after take-off / descending towards touch-down: the end is on a field's path
    on_path = (vr >= 300.0) if which == "dep" else (vr <= -300.0)
    q, s, d0 = index.pairs(lat, lon, p.radius_km + 25.0)
    elev = index.elev[s]
    agl = np.where(ground[q], 0.0, np.where(np.isnan(alt[q]), 0.0, alt[q] - elev))
    agl_pos = np.maximum(agl, 0.0)
    # project an airborne end to its touch-down / lift-off point
    slope = GLIDE_FT_PER_NM if which == "arr" else CLIMB_FT_PER_NM
    proj_km = np.where(np.isnan(trk[q]) | ground[q], 0.0, agl_pos / slope * KM_PER_NM)
    brg = trk[q] if which == "arr" else (trk[q] + 180.0) % 360.0
    plat, plon = destination(lat[q], lon[q], np.nan_to_num(brg), proj_km)
    d = np.minimum(haversine_km(plat, plon, index.lat[s], index.lon[s]), d0)
    keep = (d <= p.radius_km) & (agl <= p.max_agl_ft)
    q, s, d, agl_pos = q[keep], s[keep], d[keep], agl_pos[keep]
    # runway alignment: best match over the site's runway ends (NaN when unknown -> neutral)
    align_col = "align_track_deg" if "align_track_deg" in ends.columns else "track_deg"
    align_trk = ends[align_col].cast(pl.Float64).fill_null(np.nan).to_numpy()[q]
    rw = index.runways[s]
    diff = angle_diff_deg(align_trk[:, None], rw)
    best = np.nanmin(np.where(np.isnan(diff), np.inf, diff), axis=1)
    known = np.isfinite(best)
    align = np.where(known, np.where(best <= 12.0, np.log(3.0), np.where(best <= 30.0, 0.0, np.log(0.4))), 0.0)
    loglik = (
        -0.5 * (d / p.sigma_km) ** 2
        - 0.5 * (agl_pos / p.sigma_ft) ** 2
        + align
        + index.kind_prior(s, military[q])
        + np.where(ground[q], np.log(2.0), 0.0)
    )
    # height counts against the fit less on the climb-out / approach path, where it is expected
    sig_h = np.where(on_path[q], 2 * p.path_agl_ft, 2 * p.sigma_ft)
    fit = np.exp(-0.5 * (np.maximum(d - 2.0, 0.0) / (2 * p.sigma_km)) ** 2 - 0.5 * (agl_pos / sig_h) ** 2)
    pairs = pl.DataFrame(
        {
            "q": q,
            "site_id": index.site_id[s].astype(str) if s.size else np.array([], dtype=str),
            "distance_km": d.astype(np.float32),
            "agl_ft": agl_pos.astype(np.float32),
            "ll": loglik,
            "fit": fit,
            "aligned": known & (best <= 12.0),
        },
        schema={
            "q": pl.Int64,
            "site_id": pl.String,
            "distance_km": pl.Float32,
            "agl_ft": pl.Float32,
            "ll": pl.Float64,
            "fit": pl.Float64,
            "aligned": pl.Boolean,
        },
    )
    pairs = pairs.with_columns((pl.col("ll") - pl.col("ll").max().over("q")).exp().alias("w"))
    pairs = pairs.with_columns((pl.col("w") / pl.col("w").sum().over("q")).alias("prob")).sort(
        ["q", "prob"], descending=[False, True]
    )
    top = pairs.group_by("q", maintain_order=True).agg(
        pl.col("site_id").first().alias("site"),
        (pl.col("prob").first() * pl.col("fit").first()).cast(pl.Float32).alias("conf"),
        pl.col("distance_km").first().alias("site_km"),
        pl.col("agl_ft").first().alias("site_agl_ft"),
        pl.col("aligned").first().alias("aligned"),
        pl.struct(pl.col("site_id"), pl.col("prob").cast(pl.Float32), pl.col("distance_km"))
        .head(top_k)
        .alias("candidates"),
    )
    out = pl.DataFrame({"q": np.arange(n, dtype=np.int64), "flight_idx": ends["flight_idx"]}).join(
        top, on="q", how="left"
    )
    # at the site: seen on the ground there, or low and close (coverage stopped on short final / initial climb)
    # or on the climb-out / approach path (projected onto the field, climbing away / descending, <= 3,000 ft)
    at_site = (pl.col("site_km") <= p.landed_km) & (
        (pl.col("site_agl_ft") <= p.landed_agl_ft) | (pl.col("on_path") & (pl.col("site_agl_ft") <= p.path_agl_ft))
    )
    out = (
        out.with_columns(pl.Series("on_path", on_path), pl.Series("ground_end", ground))
        .with_columns(
            at_site.fill_null(False).alias("_low_close"),
        )
        .with_columns(((pl.col("ground_end") & pl.col("site").is_not_null()) | pl.col("_low_close")).alias("at_site"))
    )
    return out.drop("q", "_low_close", "on_path")

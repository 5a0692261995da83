"""Pass 1 of the flights pipeline on one partition of points: a pure function, so any process can run it.

A partition holds every point of the airframes it contains (asset-hash buckets, :mod:`liftwatch.partitioning`),
so cleaning, splitting, site inference and destination ranking need nothing from other partitions. What pass 2
needs from everywhere (the coverage grid, the data's time span) comes back in :class:`Pass1Part` and is merged
by the caller, in whatever order the partitions finish.

Flight keys (``fkey``, the identity coverage counts flights by) are a fixed 64-bit hash of the airframe and the
flight's first fix (:func:`flight_keys`), not a running counter: the same flight gets the same key whichever
partition it is in and whichever order partitions run in, which is what makes a parallel or distributed build
give the single-process result exactly.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np
import polars as pl

from liftwatch.rowkey import row_keys
from liftwatch.tracks.clean import CleanReport, clean_points, gate_table
from liftwatch.tracks.coverage import Coverage
from liftwatch.tracks.dark import rank_sites
from liftwatch.tracks.endings import surface_ends
from liftwatch.tracks.segment import SplitParams, segment
from liftwatch.tracks.sites import MILITARY_CLASSES, SiteIndex, endpoint_frame, infer_sites
from liftwatch.tracks.summary import flight_summary

if TYPE_CHECKING:
    from liftwatch.tracks.flights import KbInputs

Span = tuple[datetime | None, datetime | None]


class Pass1Context:
    """What every partition's pass 1 needs: knowledge-base inputs, the site index and speed gates (built once
    per process; picklable, so a worker process rebuilds the index from the inputs)."""

    def __init__(self, inputs: KbInputs, split: SplitParams | None = None) -> None:
        self.inputs = inputs
        self.split = split or SplitParams()
        self.index = SiteIndex(inputs.sites)
        self.gates = gate_table(inputs.types)

    def __getstate__(self) -> dict[str, object]:
        return {"inputs": self.inputs, "split": self.split}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["inputs"], state["split"])  # type: ignore[misc]


@dataclass
class Pass1Part:
    """One partition's pass-1 output: per-flight rows for pass 2 and its share of the global state."""

    flights: pl.DataFrame | None
    coverage: Coverage
    span: Span = (None, None)
    clean: CleanReport = field(default_factory=CleanReport)
    split: Counter[str] = field(default_factory=Counter)
    points: int = 0


def merge_span(a: Span, b: Span) -> Span:
    lo = b[0] if a[0] is None or (b[0] is not None and b[0] < a[0]) else a[0]
    hi = b[1] if a[1] is None or (b[1] is not None and b[1] > a[1]) else a[1]
    return (lo, hi)


def flight_keys(asset_id: pl.Series, first_ts: pl.Series) -> np.ndarray:
    """Stable non-negative int64 key per flight from (airframe, first fix): the row-key hash of the two."""
    h = row_keys([asset_id.to_arrow(), first_ts.to_arrow()])
    return np.asarray(h >> np.uint64(1), dtype=np.uint64).astype(np.int64)


def pass1(points: pl.DataFrame, ctx: Pass1Context, coverage: Coverage | None = None) -> Pass1Part:
    """Clean, split, summarise, classify, infer sites and rank airborne ends for one partition.

    ``coverage`` (empty, with the pipeline's parameters) receives this partition's grid and edges.
    """
    cov = coverage if coverage is not None else Coverage()
    out = Pass1Part(flights=None, coverage=cov, points=points.height)
    pts = points.filter(pl.col("domain") == "air") if "domain" in points.columns else points
    if pts.height == 0:
        return out
    out.span = (pts["ts"].min(), pts["ts"].max())  # type: ignore[assignment]
    cleaned, _ = clean_points(pts, gates=ctx.gates, report=out.clean)
    seg, reasons = segment(_with_field_elevation(cleaned, ctx), ctx.split)
    out.split.update(reasons)
    if seg.height == 0:
        return out
    summary = flight_summary(seg)
    keys = flight_keys(summary["asset_id"], summary["first_ts"])
    lookup = np.zeros(int(summary["flight_idx"].max()) + 1, dtype=np.int64)  # type: ignore[arg-type]
    lookup[summary["flight_idx"].to_numpy()] = keys
    cov.add(seg, lookup)
    f = _classify(summary, ctx.inputs).with_columns(pl.Series("fkey", lookup[summary["flight_idx"].to_numpy()]))
    military = f["classification"].is_in(list(MILITARY_CLASSES)).to_numpy()
    cov.add_state_flights(f["fkey"].to_numpy()[military])
    dep_e = endpoint_frame(seg, "dep")
    arr_e = endpoint_frame(seg, "arr")
    dep = infer_sites(dep_e, ctx.index, military, "dep")
    arr = infer_sites(arr_e, ctx.index, military, "arr")
    f = f.join(_site_cols(dep, "dep"), on="flight_idx").join(_site_cols(arr, "arr"), on="flight_idx")
    # a site only counts where the end is at it; elsewhere the near-site score is just a candidate
    f = f.join(surface_ends(ctx.index, arr_e, "arr"), on="flight_idx").join(
        surface_ends(ctx.index, dep_e, "dep"), on="flight_idx"
    )
    f = f.with_columns(
        pl.when(pl.col("dep_at_site")).then(pl.col("dep_site")).alias("dep_site"),
        pl.when(pl.col("dep_at_site")).then(pl.col("dep_conf")).alias("dep_conf"),
        pl.when(pl.col("arr_at_site")).then(pl.col("arr_site")).alias("arr_site"),
        pl.when(pl.col("arr_at_site")).then(pl.col("arr_conf")).alias("arr_conf"),
    )
    _add_edges(cov, f, arr_e, dep_e, lookup)
    f = _neighbours(f)
    hist = _history(f)
    # rank sites for ends seen in the air (both directions)
    arr_air = _ends(f.filter(~pl.col("arr_at_site")), arr_e, "arr")
    dep_air = _ends(f.filter(~pl.col("dep_at_site")), dep_e, "dep")
    ctrl = ctx.inputs.controller_at
    ra = rank_sites(arr_air, ctx.index, hist, "arr", ctrl)
    rd = rank_sites(dep_air, ctx.index, hist, "dep", ctrl)
    f = f.join(
        ra.select(
            "flight_idx",
            pl.col("site").alias("arr_rank_site"),
            pl.col("conf").alias("arr_rank_conf"),
            pl.col("candidates").alias("arr_rank_cands"),
            pl.col("next_match").alias("arr_next_match"),
        ),
        on="flight_idx",
        how="left",
    ).join(
        rd.select(
            "flight_idx",
            pl.col("site").alias("dep_rank_site"),
            pl.col("conf").alias("dep_rank_conf"),
            pl.col("candidates").alias("dep_rank_cands"),
            pl.col("next_match").alias("dep_prev_match"),
        ),
        on="flight_idx",
        how="left",
    )
    end = arr_e.select(
        "flight_idx",
        pl.col("track_deg").alias("end_track"),
        pl.col("vrate_fpm").alias("end_vrate"),
        pl.col("gs_kt").alias("end_gs"),
    )
    out.flights = f.join(end, on="flight_idx", how="left").drop("flight_idx")
    return out


def _with_field_elevation(pts: pl.DataFrame, ctx: Pass1Context) -> pl.DataFrame:
    """``_ref_elev_ft``: elevation of the field under each slow fix (the only ones the ground test needs)."""
    slow = (pts["gs_kt"] < ctx.split.ground_kt).fill_null(False).to_numpy()
    elev = np.full(pts.height, np.nan)
    if slow.any():
        elev[slow] = ctx.index.field_elevation(pts["lat"].to_numpy()[slow], pts["lon"].to_numpy()[slow])
    return pts.with_columns(pl.Series("_ref_elev_ft", elev).fill_nan(None))


def _add_edges(cov: Coverage, f: pl.DataFrame, arr_e: pl.DataFrame, dep_e: pl.DataFrame, lookup: np.ndarray) -> None:
    """Feed the coverage rim test with where flights appeared/vanished in the air (not at a site)."""
    for e, at in ((arr_e, "arr"), (dep_e, "dep")):
        air = f.select("flight_idx", (~pl.col(f"{at}_at_site") & ~pl.col(f"{at}_surface")).alias("air"))
        x = e.join(air, on="flight_idx").filter(pl.col("air"))
        cov.add_edges(
            x["lat"].to_numpy(),
            x["lon"].to_numpy(),
            x["alt_ft"].cast(pl.Float64).fill_null(np.nan).to_numpy(),
            x["track_deg"].cast(pl.Float64).fill_null(np.nan).to_numpy(),
            x["ts"].dt.epoch("ms").to_numpy().astype(np.float64) / 1e3,
            lookup[x["flight_idx"].to_numpy()],
        )


def _classify(summary: pl.DataFrame, inputs: KbInputs) -> pl.DataFrame:
    base = summary.with_columns(pl.col("callsigns").list.first().alias("callsign"))
    cols = ["asset_id", "registration", "callsign", "type_code"]
    if inputs.classify_frame is None:
        return summary.with_columns(
            pl.lit(None, pl.String).alias("country"),
            pl.lit(None, pl.String).alias("operator"),
            pl.lit("unknown").alias("classification"),
        )
    cls = inputs.classify_frame(base.select("flight_idx", *cols))
    keep = [c for c in ("country", "operator", "classification", "type_code", "registration") if c in cls.columns]
    return summary.drop([c for c in keep if c in summary.columns]).join(
        cls.select("flight_idx", *keep), on="flight_idx", how="left"
    )


def _neighbours(f: pl.DataFrame) -> pl.DataFrame:
    """Next flight's start (for arrivals) and previous flight's end (for departures) of the same airframe."""
    f = f.sort("asset_id", "first_ts")
    same_next = pl.col("asset_id") == pl.col("asset_id").shift(-1)
    same_prev = pl.col("asset_id") == pl.col("asset_id").shift(1)

    def nxt(c: str) -> pl.Expr:
        return pl.when(same_next).then(pl.col(c).shift(-1))

    def prv(c: str) -> pl.Expr:
        return pl.when(same_prev).then(pl.col(c).shift(1))

    return f.with_columns(
        nxt("dep_site").alias("next_site"),
        nxt("dep_conf").alias("next_conf"),
        nxt("dep_at_site").fill_null(False).alias("next_at_site"),
        nxt("first_lat").alias("next_lat"),
        nxt("first_lon").alias("next_lon"),
        (nxt("first_ts") - pl.col("last_ts")).dt.total_seconds().cast(pl.Float64).alias("next_gap_s"),
        prv("arr_site").alias("prev_site"),
        prv("arr_conf").alias("prev_conf"),
        prv("arr_at_site").fill_null(False).alias("prev_at_site"),
        prv("last_lat").alias("prev_lat"),
        prv("last_lon").alias("prev_lon"),
        (pl.col("first_ts") - prv("last_ts")).dt.total_seconds().cast(pl.Float64).alias("prev_gap_s"),
    )


def _history(f: pl.DataFrame) -> pl.DataFrame:
    """Visits (confident landings and take-offs) per airframe and site."""
    arr = f.filter(pl.col("arr_at_site") & pl.col("arr_site").is_not_null()).select(
        "asset_id", pl.col("arr_site").alias("site_id")
    )
    dep = f.filter(pl.col("dep_at_site") & pl.col("dep_site").is_not_null()).select(
        "asset_id", pl.col("dep_site").alias("site_id")
    )
    return pl.concat([arr, dep]).group_by("asset_id", "site_id").agg(pl.len().alias("visits"))


def _ends(f: pl.DataFrame, e: pl.DataFrame, which: str) -> pl.DataFrame:
    nb = "next" if which == "arr" else "prev"
    home = "dep_site" if which == "arr" else "arr_site"
    return e.join(
        f.select(
            "flight_idx",
            "asset_id",
            pl.col("classification").is_in(list(MILITARY_CLASSES)).alias("military"),
            pl.col(home).alias("home_site"),
            pl.col(f"{nb}_site").alias("nb_site"),
            pl.col(f"{nb}_conf").alias("nb_conf"),
            pl.col(f"{nb}_at_site").alias("nb_at_site"),
            pl.col(f"{nb}_lat").alias("nb_lat"),
            pl.col(f"{nb}_lon").alias("nb_lon"),
            pl.col(f"{nb}_gap_s").alias("nb_gap_s"),
        ),
        on="flight_idx",
    )


def _site_cols(inferred: pl.DataFrame, side: str) -> pl.DataFrame:
    """``infer_sites`` output renamed for one end of the flight (``dep_site``, ``arr_conf``, ...)."""
    names = {"site": "site", "conf": "conf", "at_site": "at_site", "candidates": "candidates", "site_km": "km"}
    return inferred.select("flight_idx", *[pl.col(c).alias(f"{side}_{n}") for c, n in names.items()])


__all__ = ["Pass1Context", "Pass1Part", "flight_keys", "merge_span", "pass1"]

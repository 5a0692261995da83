"""AIS gaps of ``GAP_S`` (6 h) or more, classified *dark* (transponder off) vs *out of coverage*, from learned reception.

Reception is learned from the data itself, as Global Fishing Watch models it: on a 0.5-degree grid, the rate of
received reports per ship-hour, counted over consecutive report pairs shorter than the gap threshold (so the
silences being judged do not teach the model that an area is deaf). Terrestrial coverage near coasts gives tens
of reports an hour, satellite AIS over open sea a few, unknown cells none (shrunk towards zero by a prior).

A gap is then judged by whether a transmitting ship would have been heard: the reports it should have produced
along where it probably was (straight from A to B, or, when the gap lingers, A to the top-ranked port, a stay
there, and on to B), at the rates learned there (:mod:`liftwatch.sea.reception`; cells without traffic borrow
their neighbours', one ring). Hearing none has a probability (``p_unheard``) that also weighs how much was
heard: the rate's Gamma posterior makes it the negative binomial's zero, which is exp(-expected) where the
cells are well known (below ``DARK_P`` = 5 % from 3 expected reports) and stays large where the grid holds a
single pair of reports (a sampled feed). Below ``DARK_P`` the silence was chosen: dark, provided it was
listened to for ``DARK_MIN_S`` (12 h, GFW's threshold for intentional disabling; shorter silences stay out of
coverage, as a 6-12 h hole in thin satellite coverage happens by chance). Otherwise out of coverage. Gaps
with both ends inside the same port visit are ``in_port`` (ports are often deaf; a ship at the quay is not news),
and so is a lingering silence that starts within ``APPROACH_KM`` of its top-ranked port: the ship arrived, then
was silent in port.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from liftwatch.geodesy import KM_PER_NM, haversine_km
from liftwatch.sea.reception import (
    CELL_DEG,
    GAP_S,
    PRIOR_H,
    cell_of,
    collection_of,
    evidence,
    log_p_unheard,
    reception,
    with_rate,
)

__all__ = [
    "CELL_DEG",
    "GAP_S",
    "PRIOR_H",
    "cell_of",
    "classify",
    "collection_starts",
    "find_gaps",
    "heard_hours",
    "judge_silences",
    "listened_s",
    "reception",
    "with_rate",
]

DARK_P = 0.05  # hearing nothing from a transmitting ship less likely than this: the silence was chosen
DARK_MIN_S = 12 * 3600.0  # GFW: gap events from 6 h, intentional disabling only from 12 h
SAMPLES = 24
APPROACH_KM = 15.0  # last heard this close to the top-ranked port before a lingering silence: it arrived


def heard_hours(marked: pl.DataFrame) -> pl.DataFrame:
    """The UTC epoch hours (``hour``) in which anything at all was heard.

    A store may hold one receiver's afternoon from 2010 beside a satellite day from 2021, or two satellite passes
    a day and a half apart: between them nobody listened, so a ship's silence there says nothing. This is the
    data's own record of when it was collected, small enough to merge across partitions (a year is 8,760 rows).
    It is global, not per area: a ship that goes quiet where no other ship is in the data must still be able to
    look dark, as long as the data kept coming from elsewhere.
    """
    return pl.DataFrame({"hour": marked["ts"].dt.epoch("us") // 3_600_000_000}, schema={"hour": pl.Int64}).unique()


def _collections(heard: pl.DataFrame | None) -> tuple[np.ndarray, np.ndarray] | None:
    """(first moment, end) of each collection in epoch seconds: the runs of heard hours between the data's
    holes (runs of ``GAP_S`` or more with nothing heard at all); a collection ends where its first hole
    begins, the hour after its last heard hour. None without a listening record."""
    if heard is None or heard.height == 0:
        return None
    hs = np.sort(heard["hour"].to_numpy()).astype(np.float64)
    k = np.flatnonzero(np.diff(hs) > GAP_S / 3600.0)
    return np.append(hs[0], hs[k + 1]) * 3600.0, np.append(hs[k] + 1.0, hs[-1] + 1.0) * 3600.0


def collection_starts(heard: pl.DataFrame | None) -> np.ndarray | None:
    """Epoch seconds at which each collection starts (see :func:`_collections`); None is one collection."""
    runs = _collections(heard)
    return None if runs is None else runs[0]


def listened_s(gaps: pl.DataFrame, heard: pl.DataFrame, end_us: np.ndarray) -> np.ndarray:
    """Seconds of each silence (``ts_a`` to ``end_us``) in the collection it began in: a silence ends at that
    collection's first hole, heard again later or not, since what the data holds after a hole is another
    collection (a later download, another source), not the same listening that the ship fell silent in.
    Quiet spells shorter than a hole are the ordinary sparseness of a small data set (every other ship in port
    or between satellite passes) and still count as listening. ``heard`` holds the hours of the ships' own
    reports too, as the store's record does."""
    dt = gaps["dt_s"].to_numpy().astype(np.float64)
    runs = _collections(heard)
    if gaps.height == 0 or runs is None:
        return dt
    starts, ends = runs
    a = gaps["ts_a"].dt.epoch("us").to_numpy() / 1e6
    b = end_us / 1e6
    end = ends[collection_of(a, starts)]
    return np.asarray(np.clip(np.minimum(b, end) - a, 0.0, None), dtype=np.float64)


def find_gaps(marked: pl.DataFrame, data_end: object | None = None) -> pl.DataFrame:
    """Silences >= GAP_S between consecutive reports of a ship, plus open silences up to the data's end.

    Columns: asset_id, ts_a, lat_a, lon_a, cog_a, speed_kn (median SOG under way before A), ts_b, lat_b, lon_b,
    cog_b (null for open gaps), dt_s, in_port.
    """
    end = data_end if data_end is not None else marked["ts"].max()
    nxt = marked.with_columns(
        pl.col("ts").shift(-1).over("asset_id").alias("ts_b"),
        pl.col("lat").shift(-1).over("asset_id").alias("lat_b"),
        pl.col("lon").shift(-1).over("asset_id").alias("lon_b"),
        pl.col("visit").shift(-1).over("asset_id").alias("visit_b"),
        pl.col("track_deg").shift(-1).over("asset_id").cast(pl.Float64).alias("cog_b"),
        pl.when(pl.col("gs_kt") > 3.0)
        .then(pl.col("gs_kt"))
        .otherwise(None)
        .rolling_median(window_size=20, min_samples=1)
        .over("asset_id")
        .alias("speed_kn"),
    )
    nxt = nxt.with_columns(pl.col("speed_kn").forward_fill().over("asset_id"))
    dt = (pl.coalesce("ts_b", pl.lit(end)) - pl.col("ts")).dt.total_microseconds() / 1e6
    gaps = nxt.with_columns(dt.alias("dt_s")).filter(
        (pl.col("dt_s") >= GAP_S) & (pl.col("ts_b").is_not_null() | pl.col("visit").is_null())
    )
    return gaps.select(
        "asset_id",
        pl.col("ts").alias("ts_a"),
        pl.col("lat").alias("lat_a"),
        pl.col("lon").alias("lon_a"),
        pl.col("track_deg").cast(pl.Float64).alias("cog_a"),
        pl.col("speed_kn").cast(pl.Float64),
        "ts_b",
        "lat_b",
        "lon_b",
        "cog_b",
        "dt_s",
        (pl.col("visit").is_not_null() & (pl.col("visit") == pl.col("visit_b"))).fill_null(False).alias("in_port"),
    )


def judge_silences(
    gaps: pl.DataFrame,
    grid: pl.DataFrame,
    ports: pl.DataFrame,
    share: np.ndarray | None = None,
    starts: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per gap (needs ``candidates``, ``lingers``): the reports a transmitting ship would have produced, and the
    probability it would have gone unheard all the same (:func:`~liftwatch.sea.reception.p_unheard`, cell by
    cell along its probable path), over the ``share`` of each gap that was listened to, by the reception of the
    collection the gap began in (``starts``: :func:`collection_starts`)."""
    g = gaps.height
    if g == 0:
        return np.zeros(0), np.ones(0)
    pos = {r[0]: (r[1], r[2]) for r in ports.select("site_id", "lat", "lon").iter_rows()}
    la, loa = gaps["lat_a"].to_numpy(), gaps["lon_a"].to_numpy()
    lb = np.asarray(gaps["lat_b"].fill_null(np.nan).to_numpy(), dtype=np.float64)
    lob = np.asarray(gaps["lon_b"].fill_null(np.nan).to_numpy(), dtype=np.float64)
    open_end = ~np.isfinite(lb)
    top = [c[0]["site_id"] if c else None for c in gaps["candidates"].to_list()]
    lingers = gaps["lingers"].to_numpy() & np.array([t is not None for t in top])
    plat = np.array([pos[t][0] if t else np.nan for t in top])
    plon = np.array([pos[t][1] if t else np.nan for t in top])
    # waypoints: A -> (P if lingering) -> B (or P / A for open gaps)
    mid_lat = np.where(lingers, plat, np.where(open_end, la, (la + np.nan_to_num(lb)) / 2))
    mid_lon = np.where(lingers, plon, np.where(open_end, loa, (loa + np.nan_to_num(lob)) / 2))
    end_lat = np.where(open_end, mid_lat, lb)
    end_lon = np.where(open_end, mid_lon, lob)
    dt_h = gaps["dt_s"].to_numpy() / 3600.0
    speed = np.clip(np.nan_to_num(gaps["speed_kn"].fill_null(12.0).to_numpy(), nan=12.0), 6.0, 25.0) * KM_PER_NM
    t1 = haversine_km(la, loa, mid_lat, mid_lon) / speed
    t3 = haversine_km(mid_lat, mid_lon, end_lat, end_lon) / speed
    travel = t1 + t3
    scale = np.where(travel > dt_h, dt_h / np.maximum(travel, 1e-9), 1.0)
    t1, t3 = np.where(lingers, t1 * scale, dt_h / 2), np.where(lingers, t3 * scale, dt_h / 2)
    t2 = np.maximum(dt_h - t1 - t3, 0.0)
    f = (np.arange(SAMPLES) + 0.5) / SAMPLES
    lat1 = la[:, None] + (mid_lat - la)[:, None] * f
    lon1 = loa[:, None] + (mid_lon - loa)[:, None] * f
    lat3 = mid_lat[:, None] + (end_lat - mid_lat)[:, None] * f
    lon3 = mid_lon[:, None] + (end_lon - mid_lon)[:, None] * f
    cells = np.concatenate([cell_of(lat1, lon1), cell_of(mid_lat, mid_lon)[:, None], cell_of(lat3, lon3)], axis=1)
    w = np.concatenate(
        [np.repeat((t1 / SAMPLES)[:, None], SAMPLES, 1), t2[:, None], np.repeat((t3 / SAMPLES)[:, None], SAMPLES, 1)],
        axis=1,
    )
    if share is not None:
        w = w * share[:, None]
    # hours per (gap, cell): a cell's unknown rate is shared by every sample in it, so its evidence counts once
    per_cell = (
        pl.DataFrame(
            {
                "i": np.repeat(np.arange(g), cells.shape[1]),
                "cell": cells.ravel(),
                "t": w.ravel(),
            }
        )
        .group_by("i", "cell", maintain_order=True)
        .agg(pl.col("t").sum())
    )
    coll = collection_of(gaps["ts_a"].dt.epoch("us").to_numpy() / 1e6, starts)
    per_cell = per_cell.with_columns(pl.Series("coll", coll[per_cell["i"].to_numpy()]))
    known = per_cell.select("cell", "coll").unique(maintain_order=True)
    alpha, beta = evidence(known["cell"].to_numpy(), known["coll"].to_numpy(), grid)
    judged = per_cell.join(
        known.with_columns(pl.Series("alpha", alpha), pl.Series("beta", beta)),
        on=["cell", "coll"],
        how="left",
        maintain_order="left",
    )
    t = judged["t"].to_numpy()
    a_, b_ = judged["alpha"].to_numpy(), judged["beta"].to_numpy()
    i = judged["i"].to_numpy()
    expected = np.bincount(i, weights=a_ / b_ * t, minlength=g)
    log_p = np.bincount(i, weights=log_p_unheard(a_, b_, t), minlength=g)
    return expected, np.exp(log_p)


def classify(
    gaps: pl.DataFrame,
    grid: pl.DataFrame,
    ports: pl.DataFrame,
    heard: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Add ``expected_reports``, ``p_unheard``, ``listened_s`` and ``gap_class`` (in_port | dark | out_of_coverage).

    With ``heard`` (:func:`heard_hours`), a silence counts only the hours in which the data kept coming: reports
    are expected over those hours alone, a silence is dark only if it was *listened to* for ``DARK_MIN_S`` (a
    ship heard in two collections years apart was silent for years, but listened to for a few hours), and an
    open silence (no later report of the ship) heard for less than ``GAP_S`` is dropped: the data ends there,
    the ship did not go quiet.
    """
    if heard is not None and gaps.height:
        end_us = gaps["ts_a"].dt.epoch("us").to_numpy() + np.round(gaps["dt_s"].to_numpy() * 1e6).astype(np.int64)
        listened = listened_s(gaps, heard, end_us)
        share = listened / np.maximum(gaps["dt_s"].to_numpy(), 1e-9)
        gaps = gaps.with_columns(pl.Series("_share", share), pl.Series("listened_s", listened)).filter(
            pl.col("lat_b").is_not_null() | (pl.col("listened_s") >= GAP_S)
        )
        exp, p_silent = judge_silences(gaps, grid, ports, gaps["_share"].to_numpy(), collection_starts(heard))
        gaps = gaps.drop("_share")
    else:
        exp, p_silent = judge_silences(gaps, grid, ports)
        gaps = gaps.with_columns(pl.col("dt_s").alias("listened_s"))
    top_km = pl.col("candidates").list.first().struct.field("distance_km")
    arrived = pl.col("lingers") & (top_km <= APPROACH_KM).fill_null(False)
    return gaps.with_columns(
        pl.Series("expected_reports", exp, dtype=pl.Float64), pl.Series("p_unheard", p_silent, dtype=pl.Float64)
    ).with_columns(
        pl.when(pl.col("in_port") | arrived)
        .then(pl.lit("in_port"))
        .when((pl.col("p_unheard") < DARK_P) & (pl.col("listened_s") >= DARK_MIN_S))
        .then(pl.lit("dark"))
        .otherwise(pl.lit("out_of_coverage"))
        .alias("gap_class")
    )

"""AIS reception learned from the data: reports per ship-hour on a 0.5-degree grid, and how sure a silence can be.

The grid is global (every partition's share summed between the two passes): per cell, the reports heard over
consecutive report pairs shorter than ``GAP_S`` and the ship-hours those pairs span. Both are kept, not just
their ratio, because a silence must be judged by how much was heard, not only at what rate: one pair of reports
and a thousand give the same rate, not the same certainty. A sampled global feed keeps one or two reports of a
ship in a day; its grid is made of single pairs, whose rates say little, and a ship's silence after its own two
reports must not look like a transponder switched off (:func:`p_unheard`).
"""

from __future__ import annotations

import numpy as np
import polars as pl

GAP_S = 6 * 3600.0
CELL_DEG = 0.5
PRIOR_H = 2.0
_US_PER_H = 3.6e9


def cell_of(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Integer key of the grid cell of each position."""
    i = np.floor((np.asarray(lat) + 90.0) / CELL_DEG).astype(np.int64)
    j = np.floor((np.asarray(lon) + 180.0) / CELL_DEG).astype(np.int64)
    return i * 100_000 + j


def collection_of(t_s: np.ndarray, starts: np.ndarray | None) -> np.ndarray:
    """Index of the collection (:func:`liftwatch.sea.gaps.collection_starts`) each time in epoch seconds is in."""
    if starts is None or starts.size == 0:
        return np.zeros(np.shape(t_s), dtype=np.int64)
    return np.maximum(np.searchsorted(starts, t_s, side="right") - 1, 0).astype(np.int64)


def _pairs(marked: pl.DataFrame, starts: np.ndarray | None = None) -> pl.DataFrame:
    """Consecutive report pairs of a ship shorter than GAP_S: ``asset_id``, ``cell`` of the midpoint, ``coll``
    (the collection both reports are in: a pair shorter than a hole cannot span one), ``dt_us``."""
    pairs = marked.with_columns(
        pl.col("ts").diff().over("asset_id").dt.total_microseconds().alias("dt_us"),
        ((pl.col("lat") + pl.col("lat").shift(1).over("asset_id")) / 2).alias("mlat"),
        ((pl.col("lon") + pl.col("lon").shift(1).over("asset_id")) / 2).alias("mlon"),
    ).filter(pl.col("dt_us").is_not_null() & ((pl.col("dt_us") / _US_PER_H) < GAP_S / 3600.0))
    cells = cell_of(pairs["mlat"].to_numpy(), pairs["mlon"].to_numpy())
    coll = collection_of(pairs["ts"].dt.epoch("us").to_numpy() / 1e6, starts)
    return pl.DataFrame({"asset_id": pairs["asset_id"], "cell": cells, "coll": coll, "dt_us": pairs["dt_us"]})


def reception(marked: pl.DataFrame, starts: np.ndarray | None = None) -> pl.DataFrame:
    """Reports per ship-hour by grid cell and collection (``cell``, ``coll``, ``msgs``, ``us``, ``hours``,
    ``rate``). ``starts``: the collections' first moments (:func:`liftwatch.sea.gaps.collection_starts`); None
    is one collection.

    Reception is learned per collection because a store may hold several: a receiver's 2010 afternoon, a
    sampled satellite day of 2021, a dense coastal file of 2023. What one heard says nothing of what another
    would have: a 2021 sample's ship is not "dark" where a 2023 terrestrial receiver hears everything.
    """
    pairs = _pairs(marked, starts)
    if pairs.height == 0:
        return pl.DataFrame(
            schema={
                "cell": pl.Int64,
                "coll": pl.Int64,
                "msgs": pl.UInt32,
                "us": pl.Int64,
                "hours": pl.Float64,
                "rate": pl.Float64,
            }
        )
    grid = pairs.group_by("cell", "coll").agg(pl.len().alias("msgs"), pl.col("dt_us").sum().alias("us"))
    return with_rate(grid)


def with_rate(grid: pl.DataFrame) -> pl.DataFrame:
    """Hours and rate from a grid's whole microseconds.

    Listening time is summed as integer microseconds, not float hours: a float sum depends on the order the
    threads add it in, so the same data gave rates differing in the last digit from run to run; an integer sum
    does not, whatever the partitioning or thread count.
    """
    return grid.with_columns((pl.col("us") / _US_PER_H).alias("hours")).with_columns(
        (pl.col("msgs") / (pl.col("hours") + PRIOR_H)).alias("rate")
    )


def evidence(cells: np.ndarray, colls: np.ndarray, grid: pl.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """What the grid tells of each cell in its collection: reports heard (``alpha``) over ship-hours plus the prior (``beta``); the
    rate is ``alpha / beta``.

    A cell nobody was heard in takes the mean evidence of its neighbours that were heard in (one ring, about
    50 km: ships rarely pass exactly where another was heard), else none. Neighbours are summed in a fixed
    order, so the same data gives the same figures whatever the partitioning.
    """
    if cells.size == 0 or grid.height == 0:
        return np.zeros(cells.size), np.full(cells.size, PRIOR_H)
    ring = np.array([di * 100_000 + dj for di in (-1, 0, 1) for dj in (-1, 0, 1) if (di, dj) != (0, 0)])
    q = pl.DataFrame({"q": np.arange(cells.size), "cell": cells.astype(np.int64), "coll": colls.astype(np.int64)})
    near = pl.DataFrame(
        {
            "q": np.repeat(np.arange(cells.size), ring.size),
            "cell": (cells.astype(np.int64)[:, None] + ring[None, :]).ravel(),
            "coll": np.repeat(colls.astype(np.int64), ring.size),
        }
    )
    borrowed = (
        _known(near, grid)
        .filter(pl.col("alpha") > 0)
        .sort("q", "cell")
        .group_by("q", maintain_order=True)
        .agg(pl.col("alpha").mean().alias("n_alpha"), pl.col("beta").mean().alias("n_beta"))
    )
    out = _known(q, grid).join(borrowed, on="q", how="left").sort("q")
    heard = (out["alpha"] > 0).to_numpy()
    alpha = np.where(heard, out["alpha"].to_numpy(), out["n_alpha"].fill_null(0.0).to_numpy())
    beta = np.where(heard, out["beta"].to_numpy(), out["n_beta"].fill_null(PRIOR_H).to_numpy())
    return alpha.astype(np.float64), beta.astype(np.float64)


def _known(q: pl.DataFrame, grid: pl.DataFrame) -> pl.DataFrame:
    """``q`` with the ``alpha`` and ``beta`` of its cell (0 and the prior where nothing was heard)."""
    known = grid.select("cell", "coll", pl.col("msgs").cast(pl.Float64), pl.col("us").cast(pl.Int64))
    g = q.join(known, on=["cell", "coll"], how="left")
    return g.select(
        "q",
        "cell",
        pl.col("msgs").fill_null(0.0).alias("alpha"),
        (pl.col("us").fill_null(0) / _US_PER_H + PRIOR_H).alias("beta"),
    )


def p_unheard(alpha: np.ndarray, beta: np.ndarray, hours: np.ndarray) -> np.ndarray:
    """Probability that a transmitting ship goes unheard for ``hours`` in a cell of evidence ``alpha``/``beta``.

    Reception is Poisson at an unknown rate whose posterior, after ``alpha`` reports over ``beta`` ship-hours, is
    Gamma(alpha, beta); hearing nothing for T hours then has probability (beta / (beta + T)) ** alpha (the
    negative binomial's zero). With much evidence this is exp(-rate * T), the plain Poisson answer; with one
    report it stays large: a single pair of reports does not make a cell's silence telling.
    """
    return np.asarray(np.exp(log_p_unheard(alpha, beta, hours)), dtype=np.float64)


def log_p_unheard(alpha: np.ndarray, beta: np.ndarray, hours: np.ndarray) -> np.ndarray:
    """Natural log of :func:`p_unheard`, without underflow (a busy lane's silence is far below 1e-300)."""
    return np.asarray(alpha * (np.log(beta) - np.log(beta + hours)), dtype=np.float64)

"""AIS gaps of ``GAP_S`` (6 h) or more, classified *dark* (transponder off) vs *out of coverage*, from learned reception.

Reception is learned from the data itself, as Global Fishing Watch models it: on a 0.5-degree grid, the rate of
received reports per ship-hour, counted over consecutive report pairs shorter than the gap threshold (so the
silences being judged do not teach the model that an area is deaf). Terrestrial coverage near coasts gives tens
of reports an hour, satellite AIS over open sea a few, unknown cells none (shrunk towards zero by a prior).

A gap is then judged by the number of reports the ship *should* have produced had it kept transmitting: the
reception rate integrated along where it probably was (straight from A to B, or, when the gap lingers, A to the
top-ranked port, a stay there, and on to B); cells without traffic borrow their neighbours' rate (one ring). Expecting ``DARK_EXPECTED`` (3) or more reports and hearing none has
a probability below 5 % under Poisson reception, so the silence was chosen: dark, provided it lasted
``DARK_MIN_S`` (12 h, GFW's threshold for intentional disabling; shorter silences stay out of coverage, as a
6-12 h hole in thin satellite coverage happens by chance), and provided the ship itself was being tracked when it
fell silent: heard at least ``DARK_MIN_HEARD`` (3) times in the ``GAP_S`` before (the silence's first end
included; three fixes make a track, as in radar track initiation). A ship heard once or twice has shown no
reception of its own to lose: a sampled global feed keeps one or two reports of a ship in a day, and those two
reports are also what taught the grid that the cell hears ships, so the silence would be judged by the ship's own
chance sample; a lone report from the edge of a receiver's reach is no track that stopped either. Fewer: out of coverage. Gaps
with both ends inside the same port visit are ``in_port`` (ports are often deaf; a ship at the quay is not news),
and so is a lingering silence that starts within ``APPROACH_KM`` of its top-ranked port: the ship arrived, then
was silent in port.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from liftwatch.geodesy import KM_PER_NM

GAP_S = 6 * 3600.0
CELL_DEG = 0.5
PRIOR_H = 2.0
DARK_EXPECTED = 3.0
DARK_MIN_S = 12 * 3600.0  # GFW: gap events from 6 h, intentional disabling only from 12 h
DARK_MIN_HEARD = 3  # the ship's own reports in the GAP_S up to the silence: fewer is no track that stopped
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


def listened_s(gaps: pl.DataFrame, heard: pl.DataFrame, end_us: np.ndarray) -> np.ndarray:
    """Seconds of each silence (``ts_a`` to ``end_us``) outside the data's own holes: runs of ``GAP_S`` or more
    in which nothing at all was heard. Shorter quiet spells are the ordinary sparseness of a small data set
    (every other ship in port or between satellite passes) and still count as listening. An open silence (no
    later report of the ship) ends at the first hole."""
    if gaps.height == 0:
        return np.zeros(0)
    hs = np.sort(heard["hour"].to_numpy()).astype(np.float64)
    a = gaps["ts_a"].dt.epoch("us").to_numpy() / 1e6
    b = end_us / 1e6
    gap_h = GAP_S / 3600.0
    k = np.flatnonzero(np.diff(hs) > gap_h)
    starts = np.append((hs[k] + 1.0) * 3600.0, (hs[-1] + 1.0) * 3600.0 if hs.size else np.inf)
    ends = np.append(hs[k + 1] * 3600.0, np.inf)
    lengths = np.minimum(ends - starts, 1e18)
    before = np.concatenate([[0.0], np.cumsum(lengths)[:-1]])

    def holes_below(x: np.ndarray) -> np.ndarray:
        i = np.searchsorted(starts, x, side="right") - 1
        j = np.maximum(i, 0)
        inside = np.clip(x - starts[j], 0.0, lengths[j])
        return np.where(i >= 0, before[j] + inside, 0.0)

    silent = np.maximum(holes_below(b) - holes_below(a), 0.0)
    listened = np.clip(gaps["dt_s"].to_numpy() - silent, 0.0, None)
    # an open silence ends at the first hole: what the data holds after it is another collection (a later
    # download, another source), not the same listening that the ship fell silent in
    first_hole = starts[np.minimum(np.searchsorted(starts, a, side="right"), starts.size - 1)]
    open_end = gaps["lat_b"].is_null().to_numpy()
    listened = np.where(open_end, np.minimum(listened, np.maximum(first_hole - a, 0.0)), listened)
    return np.asarray(listened, dtype=np.float64)


def _cell(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Integer key of the grid cell of each position."""
    i = np.floor((np.asarray(lat) + 90.0) / CELL_DEG).astype(np.int64)
    j = np.floor((np.asarray(lon) + 180.0) / CELL_DEG).astype(np.int64)
    return i * 100_000 + j


def reception(marked: pl.DataFrame) -> pl.DataFrame:
    """Reports per ship-hour by grid cell (``cell``, ``msgs``, ``hours``, ``rate``) from pairs shorter than GAP_S."""
    pairs = marked.with_columns(
        pl.col("ts").diff().over("asset_id").dt.total_microseconds().alias("dt_us"),
        ((pl.col("lat") + pl.col("lat").shift(1).over("asset_id")) / 2).alias("mlat"),
        ((pl.col("lon") + pl.col("lon").shift(1).over("asset_id")) / 2).alias("mlon"),
    ).filter(pl.col("dt_us").is_not_null() & ((pl.col("dt_us") / 3.6e9) < GAP_S / 3600.0))
    if pairs.height == 0:
        return pl.DataFrame(
            schema={"cell": pl.Int64, "msgs": pl.UInt32, "us": pl.Int64, "hours": pl.Float64, "rate": pl.Float64}
        )
    cells = _cell(pairs["mlat"].to_numpy(), pairs["mlon"].to_numpy())
    grid = (
        pl.DataFrame({"cell": cells, "dt_us": pairs["dt_us"]})
        .group_by("cell")
        .agg(pl.len().alias("msgs"), pl.col("dt_us").sum().alias("us"))
    )
    return with_rate(grid)


def with_rate(grid: pl.DataFrame) -> pl.DataFrame:
    """Hours and rate from a grid's whole microseconds.

    Listening time is summed as integer microseconds, not float hours: a float sum depends on the order the
    threads add it in, so the same data gave rates differing in the last digit from run to run; an integer sum
    does not, whatever the partitioning or thread count.
    """
    return grid.with_columns((pl.col("us") / 3.6e9).alias("hours")).with_columns(
        (pl.col("msgs") / (pl.col("hours") + PRIOR_H)).alias("rate")
    )


def find_gaps(marked: pl.DataFrame, data_end: object | None = None) -> pl.DataFrame:
    """Silences >= GAP_S between consecutive reports of a ship, plus open silences up to the data's end.

    Columns: asset_id, ts_a, lat_a, lon_a, cog_a, speed_kn (median SOG under way before A), ts_b, lat_b, lon_b,
    cog_b (null for open gaps), dt_s, in_port, heard_before (the ship's reports in the ``GAP_S`` up to A, A
    included). ``marked`` is sorted by asset and time.
    """
    end = data_end if data_end is not None else marked["ts"].max()
    nxt = marked.with_columns(heard_before().alias("heard_before")).with_columns(
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
        "heard_before",
    )


def heard_before() -> pl.Expr:
    """Each report's count of the same ship's reports in the ``GAP_S`` up to it (itself included)."""
    return pl.len().rolling(index_column="ts", period=f"{int(GAP_S)}s").over("asset_id").cast(pl.Int64)


def expected_reports(gaps: pl.DataFrame, grid: pl.DataFrame, ports: pl.DataFrame) -> np.ndarray:
    """Reports a transmitting ship would have produced during each gap (needs ``candidates``, ``lingers``)."""
    g = gaps.height
    if g == 0:
        return np.zeros(0)
    rate = _smoothed(grid)
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
    from liftwatch.geodesy import haversine_km

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
    cells = np.concatenate([_cell(lat1, lon1), _cell(mid_lat, mid_lon)[:, None], _cell(lat3, lon3)], axis=1)
    uniq, inv = np.unique(cells, return_inverse=True)
    r = np.array([rate.get(int(c), 0.0) for c in uniq])[inv.reshape(cells.shape)]  # one lookup per distinct cell
    w = np.concatenate(
        [np.repeat((t1 / SAMPLES)[:, None], SAMPLES, 1), t2[:, None], np.repeat((t3 / SAMPLES)[:, None], SAMPLES, 1)],
        axis=1,
    )
    return np.asarray((r * w).sum(axis=1), dtype=np.float64)


def _smoothed(grid: pl.DataFrame) -> dict[int, float]:
    """Rate per cell; a cell without traffic takes the mean of its neighbours with traffic (one ring).

    Ships rarely pass exactly where another was heard; one ring of smoothing (about 50 km) lets a gap's path
    borrow the reception of the lanes beside it, without inventing coverage far from any observation.
    """
    if grid.height == 0:
        return {}
    cells = grid["cell"].to_numpy()
    rates = grid["rate"].to_numpy()
    own = dict(zip(cells.tolist(), rates.tolist(), strict=True))
    acc: dict[int, list[float]] = {}
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            if di == 0 and dj == 0:
                continue
            for c, r in zip((cells + di * 100_000 + dj).tolist(), rates.tolist(), strict=True):
                if c not in own:
                    acc.setdefault(c, []).append(r)
    own.update({c: float(np.mean(v)) for c, v in acc.items()})
    return own


def classify(
    gaps: pl.DataFrame, grid: pl.DataFrame, ports: pl.DataFrame, heard: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Add ``expected_reports``, ``listened_s`` and ``gap_class`` (in_port | dark | out_of_coverage).

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
        exp = expected_reports(gaps, grid, ports) * gaps["_share"].to_numpy()
        gaps = gaps.drop("_share")
    else:
        exp = expected_reports(gaps, grid, ports)
        gaps = gaps.with_columns(pl.col("dt_s").alias("listened_s"))
    top_km = pl.col("candidates").list.first().struct.field("distance_km")
    arrived = pl.col("lingers") & (top_km <= APPROACH_KM).fill_null(False)
    return gaps.with_columns(pl.Series("expected_reports", exp, dtype=pl.Float64)).with_columns(
        pl.when(pl.col("in_port") | arrived)
        .then(pl.lit("in_port"))
        .when(
            (pl.col("expected_reports") >= DARK_EXPECTED)
            & (pl.col("listened_s") >= DARK_MIN_S)
            & (pl.col("heard_before") >= DARK_MIN_HEARD)
        )
        .then(pl.lit("dark"))
        .otherwise(pl.lit("out_of_coverage"))
        .alias("gap_class")
    )

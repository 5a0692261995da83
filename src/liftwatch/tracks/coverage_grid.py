"""The receiver-coverage grid: where and at what altitude flights were seen, learned from the data itself.

A lat/lon grid of ``cell_deg`` cells x altitude bands x day holds which flights were seen there, and where
flights appeared or vanished in the air. No receiver list is needed, and coverage that changes (a feeder
going down) shows up by day. :mod:`liftwatch.tracks.coverage` asks it whether a flight that went silent was
inside what was observed (*dark*) or left it (*out of coverage*).

Why per altitude band: a receiver's radio line of sight reaches about 1.23 x sqrt(height in ft) nautical
miles (≈ 39 NM at 1,000 ft, 123 NM at 10,000 ft, 230 NM at FL350), so every receiver's coverage is a stack
of discs that widen with altitude, cut by terrain. Coverage seen at a band proves coverage above it, never
below. Bands: ground-1k, 1-3k, 3-10k, 10-20k, 20-30k, above FL300.

The grid is a plain Polars aggregate (one ``group_by`` per partition, merged), so it costs one pass over the
points and memory proportional to the area covered. A lat/lon grid rather than H3/S2 keeps the dependency
list short; 0.2° (~22 km) cells are fine enough to find the rim and coarse enough that sparse traffic
fills them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from liftwatch.tracks.neighbours import CellTable

BANDS_FT = (1000.0, 3000.0, 10000.0, 20000.0, 30000.0)  # band 0: ground-1k ... 5: above FL300


def band_expr(alt: pl.Expr) -> pl.Expr:
    """Altitude band index; missing altitude (ground) is band 0."""
    b = pl.lit(0, pl.Int8)
    for i, edge in enumerate(BANDS_FT, start=1):
        b = pl.when(alt >= edge).then(pl.lit(i, pl.Int8)).otherwise(b)
    return b.fill_null(0)


def band_of(alt: np.ndarray) -> np.ndarray:
    a = np.nan_to_num(alt, nan=0.0)
    return np.asarray(np.searchsorted(np.asarray(BANDS_FT), a, side="right"), dtype=np.int8)


def _changed(*cols: str) -> pl.Expr:
    """True for a row that differs from the previous one in any of ``cols`` (and for the first row)."""
    diff = pl.lit(False)
    for c in cols:
        diff = diff | pl.col(c).ne_missing(pl.col(c).shift(1))
    return diff | (pl.int_range(pl.len()) == 0)


@dataclass
class CoverageGrid:
    """Which flights were seen per (cell, band, day); build with :meth:`add`, :meth:`add_edges` and
    :meth:`add_state_flights` (one partition at a time, merged with :meth:`merge`).

    Holds distinct (cell, band, day, flight) tuples (tens per flight, not per point) so a query can count
    *distinct other* flights over a neighbourhood of cells, and the lookups the coverage test joins against,
    built once after the last add.
    """

    cell_deg: float = 0.2
    cap: int = 32  # flight keys kept per (cell, band, day): enough for the thresholds and the rim share
    _edges: list[pl.DataFrame] = field(default_factory=list)
    _state: list[np.ndarray] = field(default_factory=list)
    _parts: list[pl.DataFrame] = field(default_factory=list)
    _seen: pl.DataFrame | None = None
    # tables every score() call needs, built once after the last add (pass 2 scores partition by partition)
    _cache: dict[str, pl.DataFrame] = field(default_factory=dict, repr=False)
    _cells: dict[str, CellTable | None] = field(default_factory=dict, repr=False)

    def add(self, points: pl.DataFrame, keys: np.ndarray | int = 0) -> None:
        """Add one partition's segmented points. ``keys`` maps ``flight_idx`` to the flight's global key (an
        array indexed by ``flight_idx``), or is an offset added to it; keys must be unique across partitions.

        Keeps the ``cap`` smallest flight keys per (cell, band, day, octant): thresholds are small counts, so
        knowing "at least ``cap``" is enough, and memory stays proportional to the area covered, not the
        traffic. "Smallest" rather than "first seen" makes the grid the same whatever the partitioning and
        the order partitions are added in (flight keys are hashes, so the kept ones are a fair sample).
        """
        if points.height == 0:
            return
        if isinstance(keys, np.ndarray):
            fkey = pl.Series("fkey", keys[points["flight_idx"].to_numpy()], dtype=pl.Int64)
        else:
            fkey = (points["flight_idx"] + keys).cast(pl.Int64).alias("fkey")
        alt = pl.col("alt_baro_ft").fill_null(pl.col("alt_geom_ft"))
        # a fix without altitude (nulled as a spike, or never sent) proves nothing about a band, unless the
        # aircraft is on the ground
        known = alt.is_not_null() | pl.col("on_ground").fill_null(False)
        part = (
            points.select("lat", "lon", "alt_baro_ft", "alt_geom_ft", "on_ground", "ts", "track_deg")
            .with_columns(fkey)
            .lazy()
            .filter(known)
            .select(
                (pl.col("lat") / self.cell_deg).floor().cast(pl.Int32).alias("cy"),
                (pl.col("lon") / self.cell_deg).floor().cast(pl.Int32).alias("cx"),
                band_expr(alt).alias("band"),
                (pl.col("ts").dt.epoch("d")).cast(pl.Int32).alias("day"),
                # direction of travel in octants (-1 unknown): the rim test compares like with like
                (pl.col("track_deg") / 45.0).floor().cast(pl.Int8).fill_null(-1).alias("oct"),
                "fkey",
            )
            # a flight stays in one cell, band and heading for many fixes in a row: drop those repeats
            # first (cheap comparisons), so the exact de-duplication below hashes far fewer rows
            .filter(_changed("cy", "cx", "band", "day", "oct", "fkey"))
            .unique()
            .group_by("cy", "cx", "band", "day", "oct")
            .agg(pl.col("fkey").sort().head(self.cap))
            .collect()
        )
        self._parts.append(part)
        self._invalidate()

    def merge(self, other: CoverageGrid) -> None:
        """Take in another (partition's) coverage: grid parts, edges and state flights."""
        self._parts.extend(other._parts)
        self._edges.extend(other._edges)
        self._state.extend(other._state)
        self._invalidate()

    def _invalidate(self) -> None:
        self._seen = None
        self._clear_caches()

    def _clear_caches(self) -> None:
        self._cache.clear()
        self._cells.clear()

    def add_edges(
        self, lat: np.ndarray, lon: np.ndarray, alt: np.ndarray, track: np.ndarray, ts_s: np.ndarray, fkey: np.ndarray
    ) -> None:
        """Record where flights appeared or vanished in the air (ends not at a site), for the rim test.

        A reception boundary, whether a receiver's range or the border of a spatial crop, is where many
        flights start or stop being seen; a transponder switched off is one vanishing among many that fly on.
        """
        if lat.shape[0] == 0:
            return
        self._clear_caches()
        self._edges.append(
            pl.DataFrame(
                {
                    "cy": np.floor(lat / self.cell_deg).astype(np.int32),
                    "cx": np.floor(lon / self.cell_deg).astype(np.int32),
                    "band": band_of(alt),
                    "track": track.astype(np.float64),
                    "ts_s": ts_s.astype(np.float64),
                    "fkey": fkey.astype(np.int64),
                }
            )
        )

    def add_state_flights(self, fkey: np.ndarray) -> None:
        """Flights of military/state aircraft: left out of the rim test's reference population.

        Reception is a property of receivers, not of aircraft, so the rim is measured on traffic that has no
        reason to go silent. A state operator's flights switching off at the same place on every run (the
        founding pattern) must not make that place look like the edge of coverage.
        """
        if fkey.shape[0]:
            self._state.append(fkey.astype(np.int64))
            self._clear_caches()

    def _cell_table(self, name: str, table: pl.DataFrame) -> CellTable | None:
        """``table`` sorted by cell for neighbourhood counts (:mod:`liftwatch.tracks.neighbours`), built once."""
        if name not in self._cells:
            self._cells[name] = CellTable.build(table)
        return self._cells[name]

    def _state_keys(self) -> pl.Series:
        return pl.Series("s", np.concatenate(self._state) if self._state else np.zeros(0, dtype=np.int64))

    def _civil_edges(self) -> pl.DataFrame:
        """Air ends of civil flights (state flights are not the reference population of the rim test)."""
        if "edges" not in self._cache:
            state = self._state_keys()
            self._cache["edges"] = pl.concat(self._edges).filter(~pl.col("fkey").is_in(state.implode()))
        return self._cache["edges"]

    def _civil_seen(self) -> pl.DataFrame:
        """(cell, band, octant) -> civil flight keys, any day."""
        if "civil_seen" not in self._cache:
            state = self._state_keys()
            self._cache["civil_seen"] = (
                self.seen.explode("fkey")
                .select("cy", "cx", "band", "oct", "fkey")
                .unique()
                .filter(~pl.col("fkey").is_in(state.implode()))
            )
        return self._cache["civil_seen"]

    @property
    def seen(self) -> pl.DataFrame:
        """(cy, cx, band, day) -> up to ``cap`` keys of flights seen there (merged across partitions)."""
        if self._seen is None:
            if self._parts:
                g = (
                    pl.concat(self._parts)
                    .explode("fkey")
                    .group_by("cy", "cx", "band", "day", "oct")
                    .agg(pl.col("fkey").unique().sort().head(self.cap))
                )
                self._parts = [g]
            else:
                g = pl.DataFrame(
                    schema={
                        "cy": pl.Int32,
                        "cx": pl.Int32,
                        "band": pl.Int8,
                        "day": pl.Int32,
                        "oct": pl.Int8,
                        "fkey": pl.List(pl.Int64),
                    }
                )
            self._seen = g
        return self._seen

    def _cumulative(self, by_day: bool, head: int | None = None) -> pl.DataFrame:
        """Keys seen at each band *or below* (lower reception implies higher), capped, optionally per day.

        ``head`` keeps only each cell's ``head`` smallest keys. The queries only ask whether at least ``t``
        flights other than the one being scored were seen around a probe; the union of every list's ``t + 1``
        smallest keys holds the ``t + 1`` smallest of the full union, so it answers that exactly, and the
        lists it explodes are a few keys long instead of up to ``cap``.
        """
        name = f"cumulative:{by_day}"
        if head is None or head >= self.cap:
            if name not in self._cache:
                self._cache[name] = self._build_cumulative(by_day)
            return self._cache[name]
        short = f"{name}:{head}"
        if short not in self._cache:
            # only the short lists are kept: a worker holds them for every partition of pass 2
            full = self._cache.get(name)
            full = self._build_cumulative(by_day) if full is None else full
            self._cache[short] = full.with_columns(pl.col("fkey").list.head(head))
        return self._cache[short]

    def _build_cumulative(self, by_day: bool) -> pl.DataFrame:
        g = self.seen.explode("fkey")
        keys = ["cy", "cx", "day"] if by_day else ["cy", "cx"]
        parts = [
            g.filter(pl.col("band") <= b)
            .group_by(keys)
            .agg(pl.col("fkey").unique().sort().head(self.cap))
            .with_columns(pl.lit(b, pl.Int8).alias("pb"))
            for b in range(len(BANDS_FT) + 1)
        ]
        return pl.concat(parts)

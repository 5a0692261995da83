"""Receiver coverage learned from the data itself: where and at what altitude *other* flights were seen.

A flight that stops broadcasting where every other aircraft keeps being tracked switched its transponder off
(*dark*); one that fades where nobody is ever seen left coverage (*out of coverage*). Global Fishing Watch
does the same for AIS with modelled reception; here reception is measured from the observations: a lat/lon
grid of ``cell_deg`` cells x altitude bands x day, holding how many distinct flights were seen there.
No receiver list is needed, and coverage that changes (a feeder going down) shows up by day.

The grid is a plain Polars aggregate (one ``group_by`` per partition, summed), so it costs one pass over the
points and a few thousand rows of memory. A lat/lon grid rather than H3/S2 keeps the dependency list short;
at 0.25° (~25 km) cells the distortion up to 60° latitude is irrelevant for this question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from liftwatch.geodesy import destination

BANDS_FT = (3000.0, 10000.0, 20000.0)  # band 0: ground-3k, 1: 3-10k, 2: 10-20k, 3: above FL200
PROBE_KM = (0.0, 30.0, 60.0, 100.0)


def band_expr(alt: pl.Expr) -> pl.Expr:
    """Altitude band index; missing altitude (ground) is band 0."""
    b = pl.lit(0, pl.Int8)
    for i, edge in enumerate(BANDS_FT, start=1):
        b = pl.when(alt >= edge).then(pl.lit(i, pl.Int8)).otherwise(b)
    return b.fill_null(0)


def band_of(alt: np.ndarray) -> np.ndarray:
    a = np.nan_to_num(alt, nan=0.0)
    return np.asarray(np.searchsorted(np.asarray(BANDS_FT), a, side="right"), dtype=np.int8)


@dataclass
class Coverage:
    """Which flights were seen per (cell, band, day); build with :meth:`add`, query with :meth:`score`.

    Holds distinct (cell, band, day, flight) tuples (tens per flight, not per point) so a query can count
    *distinct other* flights over a neighbourhood of cells: sparse traffic rarely crosses the exact cell
    where a flight vanished, and a flight seen low in a cell proves coverage above it too (line of sight
    only improves with height), so a probe at band ``b`` counts flights seen at bands ``<= b``.
    """

    cell_deg: float = 0.25
    day_window: int = 1  # days either side counted as "around that time"
    radius_cells: int = 1  # neighbourhood half-width in cells (1 -> 3x3, ~75 km)
    min_flights: int = 2  # other flights needed around a probe (within day_window) to call its coverage good
    min_flights_ever: int = 4  # ... or this many on any day
    cap: int = 8  # flight keys kept per (cell, band, day): enough to decide the thresholds above
    _parts: list[pl.DataFrame] = field(default_factory=list)
    _seen: pl.DataFrame | None = None

    def add(self, points: pl.DataFrame, key_offset: int = 0) -> None:
        """Add one partition's segmented points (flight_idx + key_offset must be unique across partitions).

        Keeps at most ``cap`` flight keys per (cell, band, day): thresholds are small counts, so knowing
        "at least ``cap``" is enough, and memory stays proportional to the area covered, not the traffic.
        """
        if points.height == 0:
            return
        alt = pl.col("alt_baro_ft").fill_null(pl.col("alt_geom_ft"))
        part = (
            points.lazy()
            .select(
                (pl.col("lat") / self.cell_deg).floor().cast(pl.Int32).alias("cy"),
                (pl.col("lon") / self.cell_deg).floor().cast(pl.Int32).alias("cx"),
                band_expr(alt).alias("band"),
                (pl.col("ts").dt.epoch("d")).cast(pl.Int32).alias("day"),
                (pl.col("flight_idx") + key_offset).cast(pl.Int64).alias("fkey"),
            )
            .unique()
            .group_by("cy", "cx", "band", "day")
            .agg(pl.col("fkey").head(self.cap))
            .collect()
        )
        self._parts.append(part)
        self._seen = None

    @property
    def seen(self) -> pl.DataFrame:
        """(cy, cx, band, day) -> up to ``cap`` keys of flights seen there (merged across partitions)."""
        if self._seen is None:
            if self._parts:
                g = (
                    pl.concat(self._parts)
                    .explode("fkey")
                    .group_by("cy", "cx", "band", "day")
                    .agg(pl.col("fkey").unique().head(self.cap))
                )
                self._parts = [g]
            else:
                g = pl.DataFrame(
                    schema={
                        "cy": pl.Int32,
                        "cx": pl.Int32,
                        "band": pl.Int8,
                        "day": pl.Int32,
                        "fkey": pl.List(pl.Int64),
                    }
                )
            self._seen = g
        return self._seen

    def _cumulative(self, by_day: bool) -> pl.DataFrame:
        """Keys seen at each band *or below* (lower reception implies higher), capped, optionally per day."""
        g = self.seen.explode("fkey")
        keys = ["cy", "cx", "day"] if by_day else ["cy", "cx"]
        parts = [
            g.filter(pl.col("band") <= b)
            .group_by(keys)
            .agg(pl.col("fkey").unique().head(self.cap))
            .with_columns(pl.lit(b, pl.Int8).alias("pb"))
            for b in range(len(BANDS_FT) + 1)
        ]
        return pl.concat(parts)

    def score(
        self,
        lat: np.ndarray,
        lon: np.ndarray,
        alt: np.ndarray,
        track: np.ndarray,
        vrate: np.ndarray,
        day: np.ndarray,
        own: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Coverage score in [0, 1] where each end vanished, and the number of probes behind it.

        Probes the vanish point and points 30/60/100 km ahead along the track, at the end's band (one band
        lower further ahead when descending, where the aircraft would have been next). A probe is covered
        when at least ``min_flights`` flights other than ``own`` were seen within ``radius_cells`` cells,
        at its band or below, within ``day_window`` days.
        """
        n = lat.shape[0]
        if n == 0:
            return np.zeros(0), np.zeros(0)
        band = band_of(alt)
        desc = np.nan_to_num(vrate, nan=0.0) < -300
        trk = np.nan_to_num(track, nan=0.0)
        rows = []
        for k, dist in enumerate(PROBE_KM):
            plat, plon = destination(lat, lon, trk, np.full(n, dist))
            b = np.where(desc & (k >= 2), np.maximum(band - 1, 0), band)
            # the vanish point itself is always near *some* fixes (others reach the same coverage edge), so
            # only the probes ahead decide; without a track the vanish point is all there is
            valid = np.isfinite(track) != (dist == 0.0)
            rows.append(
                pl.DataFrame(
                    {
                        "e": np.arange(n),
                        "probe": np.full(n, k),
                        "py": np.floor(plat / self.cell_deg).astype(np.int32),
                        "px": np.floor(plon / self.cell_deg).astype(np.int32),
                        "pb": b.astype(np.int8),
                        "pd": day.astype(np.int32),
                        "own": own.astype(np.int64),
                    }
                ).filter(pl.Series(valid))
            )
        probes = pl.concat(rows)
        r, w = self.radius_cells, self.day_window
        offs = pl.DataFrame(
            [(dy, dx, dd) for dy in range(-r, r + 1) for dx in range(-r, r + 1) for dd in range(-w, w + 1)],
            schema={"dy": pl.Int32, "dx": pl.Int32, "dd": pl.Int32},
            orient="row",
        )
        expanded = probes.join(offs, how="cross").select(
            "e",
            "probe",
            "pb",
            "own",
            (pl.col("py") + pl.col("dy")).alias("cy"),
            (pl.col("px") + pl.col("dx")).alias("cx"),
            (pl.col("pd") + pl.col("dd")).alias("day"),
        )
        recent = self._cumulative(by_day=True)
        hits = (
            expanded.join(recent, on=["cy", "cx", "day", "pb"], how="inner")
            .explode("fkey")
            .filter(pl.col("fkey") != pl.col("own"))
            .group_by("e", "probe")
            .agg(pl.col("fkey").n_unique().alias("others"))
        )
        # receiver geography changes slowly: flights seen there on any day also count, with a higher bar
        ever_t = self._cumulative(by_day=False)
        ever = (
            expanded.filter(pl.col("day") == pl.col("day").min().over("e", "probe"))
            .join(ever_t, on=["cy", "cx", "pb"], how="inner")
            .explode("fkey")
            .filter(pl.col("fkey") != pl.col("own"))
            .group_by("e", "probe")
            .agg(pl.col("fkey").n_unique().alias("ever"))
        )
        per_probe = (
            probes.select("e", "probe")
            .join(hits, on=["e", "probe"], how="left")
            .join(ever, on=["e", "probe"], how="left")
        )
        per_probe = per_probe.with_columns(
            (
                (pl.col("others").fill_null(0) >= self.min_flights)
                | (pl.col("ever").fill_null(0) >= self.min_flights_ever)
            ).alias("covered")
        )
        agg = per_probe.group_by("e").agg(pl.col("covered").mean().alias("score"), pl.len().alias("n"))
        full = pl.DataFrame({"e": np.arange(n)}).join(agg, on="e", how="left").sort("e")
        return full["score"].fill_null(0.0).to_numpy(), full["n"].fill_null(0).to_numpy()

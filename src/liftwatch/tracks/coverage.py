"""Dark or out of coverage: was a flight that went silent inside what receivers were observing?

A flight that stops broadcasting where every other aircraft keeps being tracked switched its transponder off
(*dark*); one that fades where nobody is ever seen left coverage (*out of coverage*). Global Fishing Watch
does the same for AIS with modelled reception; here reception is measured from the observations, in the
grid of :mod:`liftwatch.tracks.coverage_grid` (which flights were seen per cell, altitude band and day).

"Dark" needs positive evidence twice over:

* the vanish point lies *inside* what was observed at that band, not on its rim: others were seen in its
  cell at that height, and few of the flights around it (under ``edge_ratio``) appeared or vanished there
  in the air. The edge of a receiver's range or of a spatial crop of the data is exactly where many flights
  start and stop being seen, whatever their altitude;
* the places the aircraft would have flown through next (probes 20/40/60 km ahead on its track, at the
  height its vertical rate would have taken it to) were each seen covered by other flights, at that band or lower, around that
  time (within a day, or by more flights on any day).

Only then would it still have been seen, and its silence is a transponder switched off. The checks are pure
lookups into the grid (joins), so scoring all ends is vectorised.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from liftwatch.geodesy import KM_PER_NM, destination
from liftwatch.tracks.coverage_grid import BANDS_FT, CoverageGrid, band_expr, band_of
from liftwatch.tracks.neighbours import CellTable, count_others

__all__ = ["BANDS_FT", "PROBE_KM", "Coverage", "CoverageGrid", "band_expr", "band_of"]

PROBE_KM = (20.0, 40.0, 60.0)  # where the aircraft would have been in the next few minutes

_EMPTY_SEEN = pl.DataFrame(schema={"cy": pl.Int32, "cx": pl.Int32, "band": pl.Int8, "oct": pl.Int8, "fkey": pl.Int64})

# an end heading octant ``to`` (null: unknown) and a grid row's octant ``oct`` (-1: unknown): same direction
_OCT_DIFF = (pl.col("oct").cast(pl.Int16) - pl.col("to")).abs()
_same_way = pl.col("to").is_null() | (pl.col("oct") < 0) | (_OCT_DIFF <= 1) | (_OCT_DIFF >= 7)
# an end's track ``trk`` and an air end's ``track`` within 67.5 degrees (either unknown: counts)
_D = (pl.col("track") - pl.col("trk")).abs() % 360.0
_edge_way = pl.col("trk").is_null() | pl.col("track").is_null() | (pl.min_horizontal(_D, 360.0 - _D) <= 67.5)


@dataclass
class Coverage(CoverageGrid):
    """The coverage grid (:class:`~liftwatch.tracks.coverage_grid.CoverageGrid`) and the test it answers:
    :meth:`score` for the ends of flights that went silent.

    Sparse traffic rarely crosses the exact cell where a flight vanished, and a flight seen low in a cell
    proves coverage above it too (line of sight only improves with height), so a probe at band ``b`` counts
    the distinct other flights seen over a neighbourhood of cells at bands ``<= b``.
    """

    day_window: int = 1  # days either side counted as "around that time"
    radius_cells: int = 1  # a probe counts flights seen in the cells this far around it (1 -> 3x3, ~65 km)
    min_flights: int = 2  # other flights seen in a probe's cell (within day_window) to call it covered
    min_flights_ever: int = 4  # ... or this many on any day
    rim_flights: int = 2  # other flights (any day) seen around the vanish point at its band or below
    edge_ratio: float = 0.1  # share of flights around a cell that appear/vanish there in the air -> a rim

    def _edge_share(
        self,
        cy: np.ndarray,
        cx: np.ndarray,
        band: np.ndarray,
        track: np.ndarray,
        own: np.ndarray,
        span_s: tuple[float, float],
    ) -> np.ndarray:
        """Share of other (civil) flights seen in the 3x3 cells around each end (its band ± 1, flying the same
        way, within ±67.5°) that began or ended there in the air.

        Like with like: at the border of a crop the flights flying out all vanish on one line while those
        flying in pass it; a receiver's rim is crossed outwards by every flight that vanishes there. Starts
        and ends within ten minutes of the data's first/last fix are the data's edges in time, not
        reception, and are left out.
        """
        n = cy.shape[0]
        if n == 0 or not self._edges:
            return np.zeros(n)
        lo, hi = span_s
        edges = self._civil_edges().filter((pl.col("ts_s") > lo + 600.0) & (pl.col("ts_s") < hi - 600.0))
        ends = pl.DataFrame(
            {"e": np.arange(n), "y": cy, "x": cx, "band": band.astype(np.int8), "own": own, "trk": track}
        ).with_columns(pl.col("trk").fill_nan(None))
        ends = ends.with_columns((pl.col("trk") / 45.0).floor().cast(pl.Int16).alias("to"))
        if "civil_seen" not in self._cells:
            # indexed once; the plain table (the size of the index) is kept only if it cannot be indexed
            self._cells["civil_seen"] = CellTable.build(self._civil_seen())
            if self._cells["civil_seen"] is not None:
                self._cache.pop("civil_seen", None)
        civil_cells = self._cells["civil_seen"]
        civil = self._civil_seen() if civil_cells is None else _EMPTY_SEEN
        seen = count_others(ends, ["y", "x", "band", "to"], civil, _same_way, civil_cells)
        edge_rows = edges.select("cy", "cx", pl.col("band").cast(pl.Int8), pl.col("track").fill_nan(None), "fkey")
        # the span is the same for every partition of a build: the filtered air ends are indexed once
        cells = self._cell_table(f"edges:{lo}:{hi}", edge_rows)
        edge = count_others(ends, ["y", "x", "band", "trk"], edge_rows, _edge_way, cells)
        return np.asarray(edge / np.maximum(seen, 1), dtype=np.float64)

    def score(
        self,
        lat: np.ndarray,
        lon: np.ndarray,
        alt: np.ndarray,
        track: np.ndarray,
        vrate: np.ndarray,
        day: np.ndarray,
        own: np.ndarray,
        span_s: tuple[float, float] | None = None,
        gs: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Coverage score in [0, 1] for each end, and whether its vanish point was inside the observed area.

        Inside means: its cell saw other flights at that band or below, and fewer than ``edge_ratio`` of the
        flights around it appeared or vanished there in the air (not a reception boundary that many flights
        cross, such as the border of a crop or a receiver's range).

        The score is 0 when the vanish cell is on the rim of what was observed at its band; otherwise the
        fraction of probes ahead (20/40/60 km on the track, at the band it would have reached there at its
        ground speed ``gs`` and vertical rate)
        where at least ``min_flights`` flights other than ``own`` were seen, at that band or below, within
        ``day_window`` days (or ``min_flights_ever`` on any day). Without a track, the vanish cell itself is
        the only probe.
        """
        n = lat.shape[0]
        if n == 0:
            return np.zeros(0), np.zeros(0, dtype=bool)
        band = band_of(alt)
        # where it would have been: carried along its track at its ground speed and vertical rate (a steep
        # descent near the rim drops below the radio horizon before it gets anywhere covered)
        vr = np.clip(np.nan_to_num(vrate, nan=0.0), -4000.0, 4000.0)
        speed_km_min = np.clip(np.nan_to_num(gs if gs is not None else np.full(n, 300.0), nan=300.0), 60.0, 700.0)
        speed_km_min = speed_km_min * KM_PER_NM / 60.0
        has_trk = np.isfinite(track)
        trk = np.nan_to_num(track, nan=0.0)
        cy0 = np.floor(lat / self.cell_deg).astype(np.int32)
        cx0 = np.floor(lon / self.cell_deg).astype(np.int32)
        rows = []
        for k, dist in enumerate(PROBE_KM):
            plat, plon = destination(lat, lon, trk, np.full(n, dist))
            alt_then = np.nan_to_num(alt, nan=0.0) + vr * (dist / speed_km_min)
            b = np.minimum(band_of(np.maximum(alt_then, 0.0)), band)  # climbing: coverage at its band suffices
            py = np.where(has_trk, np.floor(plat / self.cell_deg), cy0).astype(np.int32)
            px = np.where(has_trk, np.floor(plon / self.cell_deg), cx0).astype(np.int32)
            keep = has_trk | (k == 0)
            rows.append(
                pl.DataFrame(
                    {
                        "e": np.arange(n)[keep],
                        "probe": np.full(int(keep.sum()), k),
                        "cy": py[keep],
                        "cx": px[keep],
                        "pb": b[keep].astype(np.int8),
                        "pd": day[keep].astype(np.int32),
                        "own": own[keep].astype(np.int64),
                    }
                )
            )
        probes = pl.concat(rows).unique(subset=["e", "cy", "cx", "pb"], keep="first")
        w, r = self.day_window, self.radius_cells
        days = pl.DataFrame({"dd": np.arange(-w, w + 1, dtype=np.int32)})
        cells = pl.DataFrame(
            [(dy, dx) for dy in range(-r, r + 1) for dx in range(-r, r + 1)],
            schema={"dy": pl.Int32, "dx": pl.Int32},
            orient="row",
        )
        # sparse traffic rarely crosses the exact cell ahead: a probe looks at the cells around it too (the
        # rim test above keeps this from reaching across the edge of what was observed)
        probes = probes.join(cells, how="cross").with_columns(
            (pl.col("cy") + pl.col("dy")).alias("cy"), (pl.col("cx") + pl.col("dx")).alias("cx")
        )
        recent = self._cumulative(by_day=True, head=self.min_flights + 1)
        hits = (
            probes.join(days, how="cross")
            .with_columns((pl.col("pd") + pl.col("dd")).alias("day"))
            .join(recent, on=["cy", "cx", "day", "pb"], how="inner")
            .explode("fkey")
            .filter(pl.col("fkey") != pl.col("own"))
            .group_by("e", "probe")
            .agg(pl.col("fkey").n_unique().alias("others"))
        )
        # receiver geography changes slowly: flights seen there on any day also count, with a higher bar
        ever_t = self._cumulative(by_day=False, head=self._ever_head)
        ever = (
            probes.join(ever_t, on=["cy", "cx", "pb"], how="inner")
            .explode("fkey")
            .filter(pl.col("fkey") != pl.col("own"))
            .group_by("e", "probe")
            .agg(pl.col("fkey").n_unique().alias("ever"))
        )
        per_probe = (
            probes.select("e", "probe")
            .unique()
            .join(hits, on=["e", "probe"], how="left")
            .join(ever, on=["e", "probe"], how="left")
            .with_columns(
                (
                    (pl.col("others").fill_null(0) >= self.min_flights)
                    | (pl.col("ever").fill_null(0) >= self.min_flights_ever)
                ).alias("covered")
            )
        )
        agg = per_probe.group_by("e").agg(pl.col("covered").mean().alias("score"))
        interior = self._seen_here(cy0, cx0, band)
        if span_s is not None:
            share = self._edge_share(cy0, cx0, band, track, own.astype(np.int64), span_s)
            interior &= share < self.edge_ratio
        full = pl.DataFrame({"e": np.arange(n)}).join(agg, on="e", how="left").sort("e")
        score = full["score"].fill_null(0.0).to_numpy() * interior
        return score, interior

    @property
    def _ever_head(self) -> int:
        """Keys per cell the any-day queries need: ``min_flights_ever`` others, or ``rim_flights + 1`` in all."""
        return max(self.min_flights_ever + 1, self.rim_flights + 1)

    def _seen_here(self, cy: np.ndarray, cx: np.ndarray, band: np.ndarray) -> np.ndarray:
        """True where the cells around the vanish point (``radius_cells``) saw >= ``rim_flights`` flights at
        ``band`` or below (any day)."""
        n = cy.shape[0]
        r = self.radius_cells
        cells = pl.DataFrame(
            [(dy, dx) for dy in range(-r, r + 1) for dx in range(-r, r + 1)],
            schema={"dy": pl.Int32, "dx": pl.Int32},
            orient="row",
        )
        q = (
            pl.DataFrame({"e": np.arange(n), "y": cy, "x": cx, "pb": band.astype(np.int8)})
            .join(cells, how="cross")
            .select("e", "pb", (pl.col("y") + pl.col("dy")).alias("cy"), (pl.col("x") + pl.col("dx")).alias("cx"))
        )
        hit = (
            q.join(self._cumulative(by_day=False, head=self._ever_head), on=["cy", "cx", "pb"], how="inner")
            .explode("fkey")
            .group_by("e")
            .agg(pl.col("fkey").n_unique().alias("nf"))
        )
        full = pl.DataFrame({"e": np.arange(n)}).join(hit, on="e", how="left").sort("e")
        return np.asarray(full["nf"].fill_null(0).to_numpy() > self.rim_flights)

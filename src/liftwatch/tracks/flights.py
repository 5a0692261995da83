"""The pipeline from canonical points to the flights table (``FLIGHT_SCHEMA``).

Two passes with bounded memory. Pass 1 runs partition by partition (the store hashes assets into partitions,
so every flight of an airframe is in one partition): clean, split, summarise, classify the airframe, infer
sites at both ends, rank destinations of airborne ends using the airframe's next/previous flight and history,
and add the partition to the coverage grid. Only per-flight rows survive a partition. Pass 2
(:mod:`liftwatch.tracks.endings`), once coverage is known everywhere, decides how each flight started and
ended: at a site, on the surface elsewhere, *dark*, *out of coverage* or cut by the data.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch import kb
from liftwatch.schema import FLIGHT_SCHEMA, POLARS_POINT_SCHEMA, conform
from liftwatch.tracks.clean import CleanReport, clean_points, gate_table
from liftwatch.tracks.coverage import Coverage
from liftwatch.tracks.dark import ControllerFn, rank_sites
from liftwatch.tracks.endings import decide_endings, surface_ends
from liftwatch.tracks.segment import SplitParams, segment
from liftwatch.tracks.sites import MILITARY_CLASSES, SiteIndex, endpoint_frame, infer_sites, with_runways
from liftwatch.tracks.summary import flight_summary

if TYPE_CHECKING:
    from liftwatch.store import Store


@dataclass
class BuildReport:
    """What the pipeline did (cleaning drops, split reasons, endings), for the CLI and evidence."""

    clean: CleanReport = field(default_factory=CleanReport)
    split: Counter[str] = field(default_factory=Counter)
    flights: int = 0
    endings: dict[str, int] = field(default_factory=dict)
    partitions: int = 0


@dataclass
class KbInputs:
    """What the pipeline needs from the knowledge base (injectable for tests)."""

    sites: pl.DataFrame
    types: pl.DataFrame | None = None
    classify_frame: Callable[[pl.DataFrame], pl.DataFrame] | None = None
    controller_at: ControllerFn | None = None

    @classmethod
    def from_kb(cls) -> KbInputs:
        return cls(
            sites=with_runways(kb.sites()),
            types=kb.aircraft_types(),
            classify_frame=kb.classify_frame,
            controller_at=kb.controller_at,
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


class FlightBuilder:
    """Builds flights from canonical points; reusable across partitions (site index and gates built once)."""

    def __init__(self, inputs: KbInputs | None = None, split: SplitParams | None = None) -> None:
        self.inputs = inputs or KbInputs.from_kb()
        self.index = SiteIndex(self.inputs.sites)
        self.gates = gate_table(self.inputs.types)
        self.split = split or SplitParams()
        self.coverage = Coverage()
        self.report = BuildReport()
        # the PID in the name lets the next run remove the folder of a run that was killed
        self._spill = tempfile.TemporaryDirectory(prefix=f"liftwatch-flights-{os.getpid()}-")
        self._parts: list[Path] = []
        self._span: tuple[datetime | None, datetime | None] = (None, None)
        self._next_key = 0

    def add_partition(self, points: pl.DataFrame) -> None:
        """Pass 1 on one partition of canonical points (all rows of the assets it holds)."""
        self.report.partitions += 1
        pts = points.filter(pl.col("domain") == "air") if "domain" in points.columns else points
        if pts.height == 0:
            return
        lo: datetime = pts["ts"].min()  # type: ignore[assignment]
        hi: datetime = pts["ts"].max()  # type: ignore[assignment]
        a, b = self._span
        self._span = (lo if a is None or lo < a else a, hi if b is None or hi > b else b)
        cleaned, _ = clean_points(pts, gates=self.gates, report=self.report.clean)
        seg, reasons = segment(self._with_field_elevation(cleaned), self.split)
        self.report.split.update(reasons)
        if seg.height == 0:
            return
        key0 = self._next_key
        self._next_key += seg.height  # flight_idx < number of rows, so keys never collide
        self.coverage.add(seg, key0)
        f = _classify(flight_summary(seg), self.inputs).with_columns((pl.col("flight_idx") + key0).alias("fkey"))
        military = f["classification"].is_in(list(MILITARY_CLASSES)).to_numpy()
        self.coverage.add_state_flights(f["fkey"].to_numpy()[military])
        dep_e = endpoint_frame(seg, "dep")
        arr_e = endpoint_frame(seg, "arr")
        dep = infer_sites(dep_e, self.index, military, "dep")
        arr = infer_sites(arr_e, self.index, military, "arr")
        f = f.join(_site_cols(dep, "dep"), on="flight_idx").join(_site_cols(arr, "arr"), on="flight_idx")
        # a site only counts where the end is at it; elsewhere the near-site score is just a candidate
        f = f.join(surface_ends(self.index, arr_e, "arr"), on="flight_idx").join(
            surface_ends(self.index, dep_e, "dep"), on="flight_idx"
        )
        f = f.with_columns(
            pl.when(pl.col("dep_at_site")).then(pl.col("dep_site")).alias("dep_site"),
            pl.when(pl.col("dep_at_site")).then(pl.col("dep_conf")).alias("dep_conf"),
            pl.when(pl.col("arr_at_site")).then(pl.col("arr_site")).alias("arr_site"),
            pl.when(pl.col("arr_at_site")).then(pl.col("arr_conf")).alias("arr_conf"),
        )
        self._add_edges(f, arr_e, dep_e, key0)
        f = _neighbours(f)
        hist = _history(f)
        # rank sites for ends seen in the air (both directions)
        arr_air = _ends(f.filter(~pl.col("arr_at_site")), arr_e, "arr")
        dep_air = _ends(f.filter(~pl.col("dep_at_site")), dep_e, "dep")
        ctrl = self.inputs.controller_at
        ra = rank_sites(arr_air, self.index, hist, "arr", ctrl)
        rd = rank_sites(dep_air, self.index, hist, "dep", ctrl)
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
        # per-flight rows wait on disk for pass 2, so memory does not grow with the number of partitions
        path = Path(self._spill.name) / f"part-{len(self._parts):05d}.parquet"
        f.join(end, on="flight_idx", how="left").drop("flight_idx").write_parquet(path, compression="lz4")
        self._parts.append(path)

    def _add_edges(self, f: pl.DataFrame, arr_e: pl.DataFrame, dep_e: pl.DataFrame, key0: int) -> None:
        """Feed the coverage rim test with where flights appeared/vanished in the air (not at a site)."""
        for e, at in ((arr_e, "arr"), (dep_e, "dep")):
            air = f.select("flight_idx", (~pl.col(f"{at}_at_site") & ~pl.col(f"{at}_surface")).alias("air"))
            x = e.join(air, on="flight_idx").filter(pl.col("air"))
            self.coverage.add_edges(
                x["lat"].to_numpy(),
                x["lon"].to_numpy(),
                x["alt_ft"].cast(pl.Float64).fill_null(np.nan).to_numpy(),
                x["track_deg"].cast(pl.Float64).fill_null(np.nan).to_numpy(),
                x["ts"].dt.epoch("ms").to_numpy().astype(np.float64) / 1e3,
                (x["flight_idx"] + key0).to_numpy(),
            )

    def _with_field_elevation(self, pts: pl.DataFrame) -> pl.DataFrame:
        """``_ref_elev_ft``: elevation of the field under each slow fix (the only ones the ground test needs)."""
        slow = (pts["gs_kt"] < self.split.ground_kt).fill_null(False).to_numpy()
        elev = np.full(pts.height, np.nan)
        if slow.any():
            elev[slow] = self.index.field_elevation(pts["lat"].to_numpy()[slow], pts["lon"].to_numpy()[slow])
        return pts.with_columns(pl.Series("_ref_elev_ft", elev).fill_nan(None))

    def finish(self) -> pa.Table:
        """Pass 2 on every partition; the whole FLIGHT_SCHEMA table, sorted by first_ts and asset."""
        parts = list(self.finish_parts())
        if not parts:
            return FLIGHT_SCHEMA.empty_table()
        return pa.concat_tables(parts).sort_by([("first_ts", "ascending"), ("asset_id", "ascending")])

    def finish_parts(self) -> Iterator[pa.Table]:
        """Pass 2, one partition at a time (bounded memory): dark vs out-of-coverage for airborne ends.

        Each partition holds whole airframes, so its table can be stored on its own (``Store.write_flights``).
        """
        self.report.flights = 0
        endings: Counter[str] = Counter()
        for path in self._parts:
            out = self._finish_part(pl.read_parquet(path))
            endings.update(out["ending"].to_list())
            self.report.flights += out.height
            self.report.endings = dict(endings)
            yield out.to_arrow().cast(FLIGHT_SCHEMA)
        self._spill.cleanup()

    def _finish_part(self, f: pl.DataFrame) -> pl.DataFrame:
        return decide_endings(f, self.coverage, self._span)


def _site_cols(inferred: pl.DataFrame, side: str) -> pl.DataFrame:
    """``infer_sites`` output renamed for one end of the flight (``dep_site``, ``arr_conf``, ...)."""
    names = {"site": "site", "conf": "conf", "at_site": "at_site", "candidates": "candidates", "site_km": "km"}
    return inferred.select("flight_idx", *[pl.col(c).alias(f"{side}_{n}") for c, n in names.items()])


def _frames(source: Any, n_partitions: int | None) -> Iterator[pl.DataFrame]:
    from liftwatch.store import Store

    if isinstance(source, Store):
        yield from source.iter_partitions(n_partitions)
        return
    if isinstance(source, pa.Table):
        source = pl.from_arrow(conform(source))
    if isinstance(source, pl.DataFrame):
        df = source.select([c for c in POLARS_POINT_SCHEMA if c in source.columns])
        if set(POLARS_POINT_SCHEMA) - set(df.columns):
            frame = pl.from_arrow(conform(df))
            assert isinstance(frame, pl.DataFrame)
            df = frame
        n = n_partitions or max(1, df.height // 5_000_000 + 1)
        if n == 1:
            yield df
            return
        part = df["asset_id"].hash() % n
        for k in range(n):
            chunk = df.filter(part == k)
            if chunk.height:
                yield chunk
        return
    if isinstance(source, Iterable):
        yield from source
        return
    raise TypeError(f"cannot build flights from {type(source).__name__}")


def build_flights(
    source: Any,
    *,
    inputs: KbInputs | None = None,
    n_partitions: int | None = None,
    on_partition: Callable[[int], None] | None = None,
    report: BuildReport | None = None,
) -> pa.Table:
    """Points (a :class:`~liftwatch.store.Store`, Polars/Arrow table or iterable of partitions) -> flights.

    Returns an Arrow table in ``FLIGHT_SCHEMA``. Pass a ``BuildReport`` to receive counts of what was
    dropped and why.
    """
    b = _pass1(source, inputs, n_partitions, on_partition)
    out = b.finish()
    _copy_report(b, report)
    return out


def store_flights(
    store: Store,
    *,
    inputs: KbInputs | None = None,
    n_partitions: int | None = None,
    on_partition: Callable[[int], None] | None = None,
    report: BuildReport | None = None,
) -> int:
    """Build flights from a store's points and write them back partition by partition; returns the count.

    What ``liftwatch flights build`` runs: unlike ``build_flights`` it never holds the whole flights table,
    so memory stays bounded by the largest partition however many points the store holds.
    """
    b = _pass1(store, inputs, n_partitions, on_partition)
    n = store.replace_flights(b.finish_parts(), domain="air")  # one transaction: all new flights or none
    _copy_report(b, report)
    return n


def _pass1(
    source: Any, inputs: KbInputs | None, n_partitions: int | None, on_partition: Callable[[int], None] | None
) -> FlightBuilder:
    b = FlightBuilder(inputs)
    for frame in _frames(source, n_partitions):
        b.add_partition(frame)
        if on_partition is not None:
            on_partition(frame.height)
    return b


def _copy_report(b: FlightBuilder, report: BuildReport | None) -> None:
    if report is not None:
        report.clean, report.split, report.flights = b.report.clean, b.report.split, b.report.flights
        report.endings, report.partitions = b.report.endings, b.report.partitions


def evidence(flight_row: dict[str, Any]) -> dict[str, Any]:
    """Parse a flight's evidence JSON (convenience for API users)."""
    raw = flight_row.get("evidence")
    return json.loads(raw) if isinstance(raw, str) else {}

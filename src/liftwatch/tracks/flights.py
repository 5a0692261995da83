"""The pipeline from canonical points to the flights table (``FLIGHT_SCHEMA``).

Two passes with bounded memory. Pass 1 runs partition by partition (the store hashes assets into partitions,
so every flight of an airframe is in one partition): clean, split, summarise, classify the airframe, infer
sites at both ends, rank destinations of airborne ends using the airframe's next/previous flight and history,
and add the partition to the coverage grid. Only per-flight rows survive a partition. Pass 2, once coverage
is known everywhere, decides whether each airborne ending was *dark* or *out of coverage*.
"""

from __future__ import annotations

import json
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
from liftwatch.tracks.segment import SplitParams, segment
from liftwatch.tracks.sites import MILITARY_CLASSES, SiteIndex, endpoint_frame, infer_sites
from liftwatch.tracks.summary import flight_summary

if TYPE_CHECKING:
    from liftwatch.store import Store

DARK_THRESHOLD = 0.5  # coverage score at/ahead of the vanish point above which an airborne end is "dark"
DATA_EDGE_S = 600.0  # a flight starting/ending this close to the data's first/last fix is cut by the data


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
            sites=kb.sites(),
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
        self._spill = tempfile.TemporaryDirectory(prefix="liftwatch-flights-")
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
        seg, reasons = segment(cleaned, self.split)
        self.report.split.update(reasons)
        if seg.height == 0:
            return
        key0 = self._next_key
        self._next_key += seg.height  # flight_idx < number of rows, so keys never collide
        self.coverage.add(seg, key0)
        f = _classify(flight_summary(seg), self.inputs).with_columns((pl.col("flight_idx") + key0).alias("fkey"))
        military = f["classification"].is_in(list(MILITARY_CLASSES)).to_numpy()
        dep_e = endpoint_frame(seg, "dep")
        arr_e = endpoint_frame(seg, "arr")
        dep = infer_sites(dep_e, self.index, military, "dep")
        arr = infer_sites(arr_e, self.index, military, "arr")
        f = f.join(_site_cols(dep, "dep"), on="flight_idx").join(_site_cols(arr, "arr"), on="flight_idx")
        # a site only counts where the end is at it; elsewhere the near-site score is just a candidate
        f = f.with_columns(
            pl.when(pl.col("dep_at_site")).then(pl.col("dep_site")).alias("dep_site"),
            pl.when(pl.col("dep_at_site")).then(pl.col("dep_conf")).alias("dep_conf"),
            pl.when(pl.col("arr_at_site")).then(pl.col("arr_site")).alias("arr_site"),
            pl.when(pl.col("arr_at_site")).then(pl.col("arr_conf")).alias("arr_conf"),
        )
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
        lo, hi = self._span
        lat = f["last_lat"].to_numpy()
        lon = f["last_lon"].to_numpy()
        alt = f["last_alt_ft"].cast(pl.Float64).fill_null(np.nan).to_numpy()
        trk = f["end_track"].cast(pl.Float64).fill_null(np.nan).to_numpy()
        vr = f["end_vrate"].cast(pl.Float64).fill_null(np.nan).to_numpy()
        day = f["last_ts"].dt.epoch("d").to_numpy()
        cov, _ = self.coverage.score(lat, lon, alt, trk, vr, day, f["fkey"].to_numpy())
        f = f.with_columns(pl.Series("coverage", cov.astype(np.float32)))
        at_start = (pl.col("first_ts") - pl.lit(lo)).dt.total_seconds() <= DATA_EDGE_S
        at_end = (pl.lit(hi) - pl.col("last_ts")).dt.total_seconds() <= DATA_EDGE_S
        ending = (
            pl.when(pl.col("arr_at_site"))
            .then(pl.lit("landed"))
            .when(at_end)
            .then(pl.lit("data_end"))
            .when(pl.col("coverage") >= DARK_THRESHOLD)
            .then(pl.lit("dark"))
            .otherwise(pl.lit("out_of_coverage"))
        )
        start_kind = (
            pl.when(pl.col("dep_at_site")).then(pl.lit("takeoff")).when(at_start).then(pl.lit("data_start"))
        ).otherwise(pl.lit("in_air"))
        f = f.with_columns(ending.alias("ending"), start_kind.alias("start_kind"))
        air_arr = pl.col("ending") != "landed"
        air_dep = pl.col("start_kind") != "takeoff"
        f = f.with_columns(
            pl.when(air_arr).then(pl.col("arr_rank_site")).otherwise(pl.col("arr_site")).alias("arr_site"),
            pl.when(air_arr).then(pl.col("arr_rank_conf")).otherwise(pl.col("arr_conf")).alias("arr_conf"),
            pl.when(air_arr).then(pl.col("arr_rank_cands")).otherwise(pl.col("arr_candidates")).alias("arr_candidates"),
            pl.when(air_dep).then(pl.col("dep_rank_site")).otherwise(pl.col("dep_site")).alias("dep_site"),
            pl.when(air_dep).then(pl.col("dep_rank_conf")).otherwise(pl.col("dep_conf")).alias("dep_conf"),
            pl.when(air_dep).then(pl.col("dep_rank_cands")).otherwise(pl.col("dep_candidates")).alias("dep_cands"),
            pl.when(pl.col("start_kind") == "takeoff")
            .then(pl.col("air_first_ts"))
            .otherwise(pl.col("first_ts"))
            .alias("dep_time"),
            pl.when(pl.col("ending") == "landed").then(pl.col("air_last_ts")).otherwise(None).alias("arr_time"),
        )
        # estimated arrival time for airborne ends: distance to the top site at the last ground speed
        top_km = pl.col("arr_candidates").list.first().struct.field("distance_km").cast(pl.Float64)
        eta = top_km / (pl.col("end_gs").cast(pl.Float64).fill_null(300.0).clip(lower_bound=150.0) * 1.852) * 3600.0
        f = f.with_columns(
            pl.when(air_arr & pl.col("arr_site").is_not_null())
            .then(pl.col("last_ts") + pl.duration(seconds=eta.fill_null(0.0).cast(pl.Int64)))
            .otherwise(pl.col("arr_time"))
            .alias("arr_time"),
            pl.format("{}-{}", pl.col("asset_id"), pl.col("first_ts").dt.strftime("%Y%m%dT%H%M%SZ")).alias("flight_id"),
        )
        f = f.with_columns(_evidence_expr().alias("evidence"))
        return f.select(FLIGHT_SCHEMA.names).sort("first_ts", "asset_id")


def _site_cols(inferred: pl.DataFrame, side: str) -> pl.DataFrame:
    """``infer_sites`` output renamed for one end of the flight (``dep_site``, ``arr_conf``, ...)."""
    names = {"site": "site", "conf": "conf", "at_site": "at_site", "candidates": "candidates", "site_km": "km"}
    return inferred.select("flight_idx", *[pl.col(c).alias(f"{side}_{n}") for c, n in names.items()])


def _evidence_expr() -> pl.Expr:
    """Evidence JSON: the alternatives and the numbers each decision rested on."""
    return pl.struct(
        pl.struct(
            pl.col("start_kind").alias("kind"),
            pl.col("dep_km").alias("site_km"),
            pl.col("dep_cands").alias("candidates"),
            pl.col("dep_prev_match").alias("previous_arrival_matches"),
        ).alias("dep"),
        pl.struct(
            pl.col("ending").alias("kind"),
            pl.col("arr_km").alias("site_km"),
            pl.col("coverage").alias("coverage_score"),
            pl.col("arr_next_match").alias("next_departure_matches"),
            pl.col("end_track").alias("last_track_deg"),
            pl.col("end_vrate").alias("last_vrate_fpm"),
            pl.col("median_dt_s"),
            pl.col("tail_dt_s"),
        ).alias("arr"),
    ).struct.json_encode()


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
    n = sum(store.write_flights(part) for part in b.finish_parts())
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

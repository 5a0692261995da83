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

import polars as pl
import pyarrow as pa

from liftwatch import kb
from liftwatch.partitioning import asset_buckets
from liftwatch.schema import FLIGHT_SCHEMA, POLARS_POINT_SCHEMA, conform
from liftwatch.tracks.clean import CleanReport
from liftwatch.tracks.coverage import Coverage
from liftwatch.tracks.dark import ControllerFn
from liftwatch.tracks.endings import decide_endings
from liftwatch.tracks.partition import Pass1Context, Pass1Part, merge_span, pass1
from liftwatch.tracks.segment import SplitParams
from liftwatch.tracks.sites import with_runways

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


class FlightBuilder:
    """Builds flights from canonical points; reusable across partitions (site index and gates built once)."""

    def __init__(self, inputs: KbInputs | None = None, split: SplitParams | None = None) -> None:
        self.inputs = inputs or KbInputs.from_kb()
        self.context = Pass1Context(self.inputs, split)
        self.index = self.context.index
        self.split = self.context.split
        self.coverage = Coverage()
        self.report = BuildReport()
        # the PID in the name lets the next run remove the folder of a run that was killed
        self._spill = tempfile.TemporaryDirectory(prefix=f"liftwatch-flights-{os.getpid()}-")
        self._parts: list[Path] = []
        self._span: tuple[datetime | None, datetime | None] = (None, None)

    def add_partition(self, points: pl.DataFrame) -> None:
        """Pass 1 on one partition of canonical points (all rows of the assets it holds)."""
        self.add_part(pass1(points, self.context, Coverage()))

    def add_part(self, part: Pass1Part, flights_path: Path | None = None) -> None:
        """Take in one partition's pass-1 result (computed here or by a worker process), in any order.

        Per-flight rows wait on disk for pass 2, so memory does not grow with the number of partitions; a
        worker that already wrote them passes ``flights_path``.
        """
        self.report.partitions += 1
        self.report.clean.merge(part.clean)
        self.report.split.update(part.split)
        self._span = merge_span(self._span, part.span)
        self.coverage.merge(part.coverage)
        if self.report.partitions % 32 == 0:
            _ = self.coverage.seen  # fold the grid shares so far into one (memory grows with area, not partitions)
        if flights_path is not None:
            self._parts.append(flights_path)
        elif part.flights is not None and part.flights.height:
            path = Path(self._spill.name) / f"part-{len(self._parts):05d}.parquet"
            part.flights.write_parquet(path, compression="lz4")
            self._parts.append(path)

    @property
    def span(self) -> tuple[datetime | None, datetime | None]:
        """First and last fix of the data (ends that close are cut by the data)."""
        return self._span

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
        part = pl.Series(asset_buckets(df["asset_id"], n))
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

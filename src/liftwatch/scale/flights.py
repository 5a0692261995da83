"""The flights build on many workers: the same kernels as the single-process run, task by task.

1. the store's points are spilled once into per-partition files (:func:`liftwatch.partitions.spill_store`);
2. pass 1 (:func:`liftwatch.tracks.partition.pass1`) runs on each partition wherever the executor puts it; the
   worker writes the partition's per-flight rows next to the spill files and returns only the small part of
   the result the global step needs (coverage grid share, edges, time span, counters);
3. the client merges those into the coverage (the global step) and writes it once to the work folder;
4. pass 2 (:func:`liftwatch.tracks.endings.decide_endings`) runs per partition on the workers, which read the
   coverage once per process; the finished tables come back in partition order and are stored in one
   transaction, as in the single-process build.

Workers read their inputs from the work folder by path, so on a cluster it must be a folder every worker sees
under the same path (a shared filesystem; ``docs/scale.md``). Flight keys are hashes of (airframe, first fix)
and the coverage grid keeps the smallest keys per cell, so the result does not depend on how many workers
there are or in which order partitions finish: it is the single-process result, row for row.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl
import pyarrow as pa

from liftwatch.partitions import PartitionSpec, load_partition, spill_prefix, spill_store
from liftwatch.scale.executors import InlineExecutor, ordered_map
from liftwatch.schema import FLIGHT_SCHEMA
from liftwatch.tracks.coverage import Coverage
from liftwatch.tracks.endings import decide_endings
from liftwatch.tracks.flights import BuildReport, FlightBuilder, KbInputs
from liftwatch.tracks.partition import Pass1Context, Pass1Part, Span, pass1

if TYPE_CHECKING:
    from liftwatch.store import Store

__all__ = ["pass1_task", "pass2_task", "store_flights_on", "work_folder"]

_LOADED: dict[str, Any] = {}  # per worker process: context and coverage read once, by path


def _load(path: str) -> Any:
    obj = _LOADED.get(path)
    if obj is None:
        with open(path, "rb") as fh:
            obj = pickle.load(fh)
        _LOADED.clear()  # one build at a time per worker: drop the previous build's state
        _LOADED[path] = obj
    return obj


def _dump(obj: Any, path: Path, executor: Executor) -> str:
    """Hand ``obj`` to the workers by path (written once, read once per worker process)."""
    if isinstance(executor, InlineExecutor):  # same process: no copy needed
        _LOADED.clear()
        _LOADED[str(path)] = obj
        return str(path)
    with open(path, "wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return str(path)


def pass1_task(spec: PartitionSpec, context_path: str, out_dir: str) -> tuple[Pass1Part, str | None]:
    """Pass 1 on one partition (runs on a worker): per-flight rows to ``out_dir``, the rest returned."""
    ctx: Pass1Context = _load(context_path)
    part = pass1(load_partition(spec), ctx, Coverage())
    path = None
    if part.flights is not None and part.flights.height:
        path = os.path.join(out_dir, f"flights-{spec.index:05d}.parquet")
        part.flights.write_parquet(path, compression="lz4")
    part.flights = None
    return part, path


def pass2_task(flights_path: str, coverage_path: str, span: Span) -> pa.Table:
    """Pass 2 on one partition's per-flight rows (runs on a worker): endings against the global coverage."""
    coverage: Coverage = _load(coverage_path)
    out = decide_endings(pl.read_parquet(flights_path), coverage, span)
    return out.to_arrow().cast(FLIGHT_SCHEMA)


def work_folder(base: str | os.PathLike[str] | None = None) -> str:
    """A fresh work folder for one build: in ``base`` (a shared folder for a cluster) or the system temp."""
    if base is not None:
        Path(base).mkdir(parents=True, exist_ok=True)
    return tempfile.mkdtemp(prefix=spill_prefix(), dir=os.fspath(base) if base is not None else None)


def store_flights_on(
    store: Store,
    executor: Executor,
    *,
    inputs: KbInputs | None = None,
    n_partitions: int | None = None,
    on_partition: Callable[[int], None] | None = None,
    report: BuildReport | None = None,
    spill_dir: str | os.PathLike[str] | None = None,
    specs: list[PartitionSpec] | None = None,
    window: int = 4,
) -> int:
    """Build the air flights of ``store`` with tasks on ``executor`` and replace the stored ones; the count.

    ``specs`` (partitions already on disk, e.g. a Parquet dataset's bucket files) skips the spill step;
    ``window`` bounds how many finished pass-2 tables may wait for the store (memory).
    """
    work = work_folder(spill_dir)
    try:
        if specs is None:
            specs = spill_store(store, os.path.join(work, "points"), n_partitions, domain="air")
        builder = FlightBuilder(inputs)
        context_path = _dump(builder.context, Path(work) / "context.pkl", executor)
        done: list[str] = []
        # as_completed holds the only references to the futures and drops each once it is yielded, so a
        # partition's pass-1 share (its coverage grid, ~10 MB) is freed once merged; a list of the futures
        # kept every share alive until the last partition (~1.7 GB in the client at 100 M points)
        for fut in as_completed([executor.submit(pass1_task, spec, context_path, work) for spec in specs]):
            part, path = fut.result()
            builder.add_part(part, flights_path=None)
            if path is not None:
                done.append(path)
            if on_partition is not None:
                on_partition(part.points)
            del fut, part
        done.sort()  # partition order, whatever order they finished in
        _ = builder.coverage.seen  # merge the grid once, before it is shipped
        coverage_path = _dump(builder.coverage, Path(work) / "coverage.pkl", executor)
        n = store.replace_flights(_pass2(executor, done, coverage_path, builder, window), domain="air")
        if report is not None:
            _copy(builder.report, report)
        return n
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _pass2(
    executor: Executor, paths: list[str], coverage_path: str, builder: FlightBuilder, window: int
) -> Iterator[pa.Table]:
    endings: Counter[str] = Counter()
    builder.report.flights = 0
    args = [(p, coverage_path, builder.span) for p in paths]
    for table in ordered_map(executor, pass2_task, args, window):
        endings.update(table.column("ending").to_pylist())
        builder.report.flights += table.num_rows
        builder.report.endings = dict(endings)
        yield table


def _copy(src: BuildReport, dst: BuildReport) -> None:
    dst.clean, dst.split, dst.flights = src.clean, src.split, src.flights
    dst.endings, dst.partitions = src.endings, src.partitions

"""The voyages pipeline on many workers: the same per-partition kernels as ``sea.analyse``.

The store's ship points are spilled once into per-partition files; pass 1 (reception grid share and last
report) runs per partition on the workers; the client merges the grid (the global step); pass 2 (port calls,
silences, voyages) runs per partition against it, and the outputs are combined in partition order, exactly
as the single-process run combines them.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any

import polars as pl

from liftwatch.partitions import PartitionSpec, load_partition, spill_store
from liftwatch.scale.executors import ordered_map
from liftwatch.scale.flights import work_folder
from liftwatch.sea import portcalls
from liftwatch.sea.build import (
    SeaResult,
    _data_end,
    combine,
    empty_result,
    later,
    merge_grids,
    pass1_frame,
    pass2_frame,
)

if TYPE_CHECKING:
    from liftwatch.store import Store

__all__ = ["analyse_on"]


def _pass1(spec: PartitionSpec, ports: pl.DataFrame) -> tuple[pl.DataFrame, Any] | None:
    return pass1_frame(load_partition(spec), ports)


def _pass2(
    spec: PartitionSpec, ports: pl.DataFrame, grid: pl.DataFrame, end: Any, static: pl.DataFrame | None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame] | None:
    return pass2_frame(load_partition(spec), ports, grid, end, static)


def analyse_on(
    store: Store,
    executor: Executor,
    *,
    sites: pl.DataFrame | None = None,
    spill_dir: str | os.PathLike[str] | None = None,
    window: int = 4,
) -> SeaResult:
    """``sea.analyse(store)`` with the per-partition work on ``executor``; the same result."""
    static = store.ais_static()
    ports = portcalls.port_sites(sites)
    work = work_folder(spill_dir)
    try:
        specs = spill_store(store, os.path.join(work, "points"), domain="sea")
        end = _data_end(store)
        grids = []
        for got in ordered_map(executor, _pass1, [(s, ports) for s in specs], window):
            if got is not None:
                grids.append(got[0])
                end = later(end, got[1])
        if not grids:
            return empty_result()
        grid = merge_grids(grids)
        args = [(s, ports, grid, end, static) for s in specs]
        return combine([p for p in ordered_map(executor, _pass2, args, window) if p is not None])
    finally:
        shutil.rmtree(work, ignore_errors=True)

"""The voyages pipeline on many workers: :func:`liftwatch.sea.build.analyse_store` with its tasks on an executor.

The store's ship points are spilled once into per-partition files in a work folder every worker sees; pass 1
(reception grid share and last report) runs per partition on the workers; the client merges the grid (the
global step); pass 2 (port calls, silences, voyages) runs per partition against it, and the outputs are
combined in partition order. The loop is the single-process one (``sea.analyse(store)``), only the task
runner differs, so the result is the same.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any

import polars as pl

from liftwatch.scale.executors import ordered_map
from liftwatch.scale.flights import work_folder
from liftwatch.sea.build import SeaResult, TaskRunner, analyse_store

if TYPE_CHECKING:
    from liftwatch.store import Store

__all__ = ["analyse_on"]


def on_executor(executor: Executor, window: int = 4) -> TaskRunner:
    """A task runner for the sea passes: tasks on ``executor``, results in order, ``window`` in flight."""

    def run(fn: Callable[..., Any], args: list[tuple[Any, ...]]) -> Iterator[Any]:
        return ordered_map(executor, fn, args, window)

    return run


def analyse_on(
    store: Store,
    executor: Executor,
    *,
    sites: pl.DataFrame | None = None,
    spill_dir: str | os.PathLike[str] | None = None,
    window: int = 4,
) -> SeaResult:
    """``sea.analyse(store)`` with the per-partition work on ``executor``; the same result."""
    work = work_folder(spill_dir)
    try:
        return analyse_store(store, work, sites=sites, run=on_executor(executor, window))
    finally:
        shutil.rmtree(work, ignore_errors=True)

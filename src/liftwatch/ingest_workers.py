"""Where ingest parses: a thread of this process, local worker processes, or a Dask distributed cluster.

The store has one writer (DuckDB allows one), so parallel ingest splits the work where it is heavy and
independent: decompressing, parsing, validating and hashing chunks of files
(:func:`liftwatch.ingest_parse.parse_chunk`) runs on ``workers`` processes or on a Dask cluster, and this
process appends the parsed chunks in input order. The order is what makes the result identical to a
single-process run: the same rows, row keys, rows added per file (the earliest file keeps a row two files
bring) and rejects.

By default (``workers`` 1, and the automatic choice on two cores) chunks are parsed by one thread of this
process while the main thread stores the previous ones (:class:`ParseThread`). The readsb trace parse is
mostly C that releases the GIL (``liftwatch.io.trace_native``, zlib, Arrow), and DuckDB's append and commit
release it too, so the two overlap; the thread parses the very bytes the main thread read and hashed, so
nothing is read twice or shipped between processes, and DuckDB stores on the remaining cores. On two cores
this measured faster than two worker processes (``docs/benchmarks.md``): the storing process is the
bottleneck, and the processes' CPU went into copying parsed chunks back to it. Worker processes parallelise
what the GIL would serialise (Python-level parses of other formats), for machines with cores to spare:
``workers`` >= 2, or the automatic choice on more than two cores. ``workers`` 0 parses in the storing thread
itself (the automatic choice on one core, where a second thread would only contend).

Why ``spawn``: the parent holds an open DuckDB connection and its threads; a forked child would inherit them.
A Dask cluster must see the input files at the same paths (a shared or network file system).

What a worker costs besides its share of the parse, and what keeps it small:

* ``spawn`` normally re-runs the parent's main script in every child. For the ``liftwatch`` command that
  script imports the whole command line (Typer, Rich, every subcommand's library): 2.0 CPU s per worker,
  against 0.7 s for what parsing needs. The parse function is a library function, never one of the script's,
  so workers are started without it (:func:`_main_script_hidden`).
* Each worker is one of ``N`` processes sharing the cores, so it runs Arrow and Polars on one thread
  (:func:`_init_worker`); their own thread pools would only contend with the other workers and the storing
  process.
* A chunk's big buffers (the joined CSV text of its points, the pickled result, tens of MiB each) are
  allocated and freed once per chunk. glibc serves them by ``mmap`` and unmaps them on free, so every chunk
  paid the page faults again: ~0.5 s of system time per worker per 3 M points. Workers start with glibc's
  mmap and trim thresholds raised (:data:`WORKER_ENV`), so freed memory is reused; a worker's resident
  memory stays at its peak working set (one chunk's), which it reaches anyway. A value the user set is kept.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from liftwatch.errors import LiftwatchError
from liftwatch.io import split_parts
from liftwatch.scale.executors import SCHEDULER_FORM, connect_scheduler

WORKER_ENV = {"MALLOC_MMAP_THRESHOLD_": str(1 << 30), "MALLOC_TRIM_THRESHOLD_": str(1 << 30)}
POOL_MIN_CHUNKS = (
    16  # ~64 MiB of small files: below that, starting worker processes (~0.9 CPU s each) costs more than it saves
)
THREAD_CORES = 2  # up to this many cores, the automatic choice parses in a thread of this process (measured)
THREAD_WINDOW = 16  # chunks parsed ahead by the parse thread: enough to cover one store step (see FileBatch)


def default_workers() -> int:
    """The cores this process may use (the scheduler's affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def auto_workers(paths: Sequence[Path], chunk_bytes: int, max_file_bytes: int) -> int:
    """``--workers`` default: 0 (parse in the storing thread) on one core, where a parse thread would only
    contend; 1 (this process's parse thread) on up to :data:`THREAD_CORES` cores or with few small files;
    otherwise one worker process per core."""
    cores = default_workers()
    if cores == 1:
        return 0
    if cores <= THREAD_CORES:
        return 1
    small = 0
    for p in paths:
        try:
            size = p.stat().st_size
        except OSError:
            continue
        if p.is_file() and size <= max_file_bytes and not split_parts.is_split(p):
            small += size
    chunks = math.ceil(small / chunk_bytes)
    return min(cores, chunks) if chunks >= POOL_MIN_CHUNKS else 1


class ParseThread:
    """``submit`` on one parse thread of this process; the bytes already read go with the task."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="liftwatch-parse")

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        return self.pool.submit(fn, *args)


def parses_here(executor: Any) -> bool:
    """Whether chunks are parsed in this process (no executor, or its parse thread): the caller then hands
    over the bytes it read and hashed instead of having the file read and hashed again."""
    return executor is None or isinstance(executor, ParseThread)


class _DaskSubmitter:
    """``submit`` in the shape :class:`liftwatch.store_batch.FileBatch` expects, on a Dask client."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)


def dask_client(address: Any) -> tuple[Any, bool]:
    """(client, created here) for a scheduler address (``tcp://host:8786``) or an existing ``Client``."""
    try:
        from distributed import Client
    except ImportError:
        raise LiftwatchError(
            "--dask needs Dask distributed: pip install 'liftwatch[dask]' (or dask[distributed])"
        ) from None
    if isinstance(address, Client):
        return address, False
    return connect_scheduler(Client, address, "20s", f"give {SCHEDULER_FORM}"), True


def _init_worker() -> None:
    """A worker process: Arrow and Polars on one thread (the workers are the parallelism), parse code loaded."""
    os.environ["POLARS_MAX_THREADS"] = "1"  # read when Polars is first imported, just below
    import pyarrow as pa

    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    import liftwatch.ingest_parse  # noqa: F401 - loaded while the parent hashes the first chunk's files


@contextmanager
def _main_script_hidden() -> Iterator[None]:
    """While processes start: ``spawn`` sees no main script to re-run (its imports would be paid per worker).

    Only a script run by path (``liftwatch``, ``python script.py``) is re-run by ``spawn``; a module run with
    ``-m`` or an interactive session is not, and is left alone.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or getattr(main, "__spec__", None) is not None:
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


@contextmanager
def _worker_environment() -> Iterator[None]:
    """While processes start: :data:`WORKER_ENV` in the environment they inherit (values the user set win)."""
    added = [k for k in WORKER_ENV if k not in os.environ]
    os.environ.update({k: WORKER_ENV[k] for k in added})
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)


class _LocalPool:
    """A spawn process pool whose workers start lean (see the module docstring); ``submit`` as in the stdlib.

    The standard pool starts a process on a ``submit`` when no worker is idle, so every ``submit`` runs with
    the main script hidden.
    """

    def __init__(self, workers: int) -> None:
        self.pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker
        )

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        with _main_script_hidden(), _worker_environment():
            return self.pool.submit(fn, *args)


@contextmanager
def parse_executor(workers: int | None, dask: Any = None) -> Iterator[tuple[Any, int]]:
    """(submitter, chunks kept in flight) for the given choice: 0 parses in the caller's thread (None, 0),
    1 in a parse thread of this process, more in that many worker processes; ``dask`` on the cluster."""
    if dask is not None:
        client, own = dask_client(dask)
        try:
            n = max(1, sum(client.nthreads().values()))
            yield _DaskSubmitter(client), 2 * n
        finally:
            if own:
                client.close()
        return
    if workers == 0:
        yield None, 0
        return
    if workers is None or workers <= 1:
        thread = ParseThread()
        try:
            yield thread, THREAD_WINDOW
        finally:
            thread.pool.shutdown(wait=True, cancel_futures=True)
        return
    local = _LocalPool(workers)
    try:
        yield local, 2 * workers
    finally:
        local.pool.shutdown(wait=True, cancel_futures=True)


__all__ = [
    "WORKER_ENV",
    "ParseThread",
    "auto_workers",
    "dask_client",
    "default_workers",
    "parse_executor",
    "parses_here",
]

"""Where per-partition tasks run: in this process, in local worker processes, or on a Dask cluster.

Every backend is a :class:`concurrent.futures.Executor`, so the orchestration (``scale.flights``,
``scale.sea``, ``scale.analytics``) is written once: the standard library's process pool for ``workers=N`` on
one machine (no extra dependency), ``distributed.Client.get_executor()`` for a Dask cluster, and
:class:`InlineExecutor` (runs each task at once, in order) for a single process. Dask is optional (the
``dask`` extra) and imported only when a Dask backend is asked for.

Local worker processes are started with ``spawn`` (never ``fork``: the parent's Polars and DuckDB thread pools
must not be copied mid-flight), so a script that asks for workers needs the usual
``if __name__ == "__main__":`` guard; the library therefore defaults to one process and the command line to
one worker per core. Worker processes run Polars single-threaded (``POLARS_MAX_THREADS=1``): the parallelism is across
partitions, and N workers each starting a thread per core would fight over the same cores.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from liftwatch.errors import LiftwatchError

T = TypeVar("T")

DASK_EXTRA = "dask"
LOCAL = "local"  # --dask local: start a Dask LocalCluster on this machine
SCHEDULER_FORM = "a scheduler address such as tcp://scheduler:8786"
DASK_FORMS = f"give 'local' or {SCHEDULER_FORM}"
WORKER_ENV = {"POLARS_MAX_THREADS": "1"}
# Polars' allocator (jemalloc) keeps freed pages 0.5-1 s (the defaults ``import polars`` writes into the
# environment, which workers inherit). Keeping them 5-20 s cut a worker's system time by half (15 M points:
# 27.3 -> 24.0 CPU s in the workers) but raised the build's peak memory from 2.45 to 3.6-4.0 GB, too much for
# the 100 M-point build's 4 GB, so Polars' decay stays. One arena instead of one per thread (a worker's Polars
# thread and its main thread take turns, so they never contend) reuses pages across them: 15 M points, 2 workers:
# 25.1-26.0 -> 24.1-24.5 CPU s, same peak. ``import polars`` writes its defaults into the environment; that value
# is not the user's, and one the user set is kept.
POLARS_JEMALLOC_CONF = "dirty_decay_ms:500,muzzy_decay_ms:1000"
WORKER_JEMALLOC_CONF = "narenas:1"
# NumPy's arrays come from the C library's malloc, which maps each array above a moving threshold afresh and
# trims its heap after every free: a partition's NumPy temporaries then fault their pages in again each time.
# Keeping arrays up to 32 MB on the heap and the heap untrimmed halved a worker's page faults (0.73 M -> 0.38 M
# per 10 M points) for the same peak memory. Local worker processes only: Dask's nanny sets its own trim
# threshold on purpose (it watches worker memory).
POOL_ENV_DEFAULTS = {"MALLOC_MMAP_THRESHOLD_": "33554432", "MALLOC_TRIM_THRESHOLD_": "1073741824"}
WORKER_MEMORY_GB = 1.5  # working memory of one worker on a ~1 M-point partition (docs/scale.md)
AUTO_MIN_POINTS = 2_000_000  # below this, starting worker processes costs more than it saves

__all__ = [
    "LOCAL",
    "Backend",
    "InlineExecutor",
    "auto_workers",
    "open_executor",
    "ordered_map",
    "require_distributed",
]


class InlineExecutor(Executor):
    """Runs each submitted task immediately in this process (the single-process backend)."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        fut: Future[T] = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            fut.set_exception(exc)
        return fut

    def map(
        self, fn: Callable[..., T], *iterables: Any, timeout: float | None = None, chunksize: int = 1
    ) -> Iterator[T]:
        """Lazily, one call at a time (the base class would run every call before yielding the first)."""
        for args in zip(*iterables, strict=False):
            yield fn(*args)


def ordered_map(executor: Executor, fn: Callable[..., T], args: list[tuple[Any, ...]], window: int) -> Iterator[T]:
    """``fn(*a)`` for each ``a`` in ``args``, results in order, at most ``window`` tasks ahead of the consumer
    (so results a slow consumer has not taken yet do not pile up in memory)."""
    if isinstance(executor, InlineExecutor):
        for a in args:
            yield fn(*a)
        return
    pending: list[Future[T]] = []
    it = iter(args)
    for a in it:
        pending.append(executor.submit(fn, *a))
        if len(pending) >= window:
            break
    while pending:
        fut = pending.pop(0)
        nxt = next(it, None)
        if nxt is not None:
            pending.append(executor.submit(fn, *nxt))
        yield fut.result()


@dataclass(frozen=True)
class Backend:
    """Which executor a build uses: ``workers`` local processes, or a Dask scheduler address (or ``local``)."""

    workers: int = 1
    dask: str | None = None

    @property
    def distributed(self) -> bool:
        """Tasks run in other processes (their arguments and results are pickled)."""
        return self.dask is not None or self.workers > 1

    def describe(self) -> str:
        if self.dask == LOCAL:
            return f"Dask local cluster, {self.workers} workers"
        if self.dask:
            return f"Dask cluster at {self.dask}"
        return "1 process" if self.workers == 1 else f"{self.workers} local worker processes"


def auto_workers(total_points: int, n_partitions: int) -> int:
    """Default worker count: one per core, no more than partitions, and as many as memory allows."""
    if total_points < AUTO_MIN_POINTS or n_partitions < 2:
        return 1
    import psutil

    cores = os.cpu_count() or 1
    by_memory = int(psutil.virtual_memory().available / (WORKER_MEMORY_GB * 1024**3))
    return max(1, min(cores, n_partitions, by_memory))


def backend(
    workers: int | Literal["auto"] | None, dask: str | None, *, total_points: int = 0, n_partitions: int = 1
) -> Backend:
    """Resolve user options into a :class:`Backend`: ``workers`` None is one process (or, with ``dask``, one
    Dask worker per core), ``"auto"`` is :func:`auto_workers`."""
    if workers == "auto":
        workers = None if dask is not None else auto_workers(total_points, n_partitions)
    if workers is not None and workers < 1:
        raise LiftwatchError(f"workers={workers}: must be at least 1 (or left out: one per core)")
    if dask is not None:
        dask = dask.strip()
        if not dask:
            raise LiftwatchError("dask: give a scheduler address such as tcp://scheduler:8786, or 'local'")
        return Backend(workers=workers or os.cpu_count() or 1, dask=dask)
    return Backend(workers=workers or 1)


def require_distributed() -> Any:
    """The ``distributed`` module, or an error naming the extra to install."""
    try:
        import distributed
    except ImportError as exc:
        raise LiftwatchError(
            f"Dask is not installed: running on a Dask cluster needs the optional '{DASK_EXTRA}' extra "
            f"(pip install 'liftwatch[{DASK_EXTRA}]')"
        ) from exc
    return distributed


def worker_env(pool: bool = False) -> dict[str, str]:
    """Environment variables for worker processes (``WORKER_ENV``, the allocator's arena setting unless the user
    set one; with ``pool``, for local worker processes, also the ``POOL_ENV_DEFAULTS`` the user has not set)."""
    env = {k: v for k, v in POOL_ENV_DEFAULTS.items() if k not in os.environ} if pool else {}
    if os.environ.get("_RJEM_MALLOC_CONF", POLARS_JEMALLOC_CONF) == POLARS_JEMALLOC_CONF:
        env["_RJEM_MALLOC_CONF"] = WORKER_JEMALLOC_CONF  # the worker's Polars puts its defaults before it
    env.update(WORKER_ENV)
    return env


@contextmanager
def _worker_env() -> Iterator[None]:
    """Environment inherited by the local worker processes started inside the block."""
    env = worker_env(pool=True)
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def connect_scheduler(make: Callable[..., Any], address: Any, timeout: str, forms: str) -> Any:
    """``make(address, timeout=timeout)`` (a Dask ``Client``), its two ways of failing said plainly: a scheduler that
    does not answer, and a value that is no address at all ("missing port number"), with ``forms`` saying what one
    looks like. A text that is no address is refused before a client (and its event-loop thread) is made."""
    if isinstance(address, str):
        from distributed.comm.addressing import parse_address, parse_host_port

        try:
            scheme, location = parse_address(address if "://" in address else f"tcp://{address}")
            if scheme in ("tcp", "tls"):
                parse_host_port(location)
        except ValueError as exc:
            raise LiftwatchError(f"--dask {address!r}: {exc}; {forms}") from None
    try:
        return make(address, timeout=timeout)
    except OSError as exc:
        raise LiftwatchError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    except ValueError as exc:
        raise LiftwatchError(f"--dask {address!r}: {exc}; {forms}") from None


@contextmanager
def open_executor(b: Backend) -> Iterator[Executor]:
    """An executor for the backend, shut down (and a local cluster stopped) when the block ends."""
    if b.dask is not None:
        distributed = require_distributed()
        cluster = None
        if b.dask == LOCAL:
            cluster = distributed.LocalCluster(
                n_workers=b.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                env=worker_env(),
            )
            client = distributed.Client(cluster)
        else:
            client = connect_scheduler(distributed.Client, b.dask, "30s", DASK_FORMS)
        try:
            with client.get_executor(pure=False) as ex:
                yield ex
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        return
    if b.workers > 1:
        with (
            _worker_env(),
            ProcessPoolExecutor(max_workers=b.workers, mp_context=multiprocessing.get_context("spawn")) as ex,
        ):
            yield ex
        return
    yield InlineExecutor()

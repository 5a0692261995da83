"""Run an iterator of batches a few steps ahead of its consumer, in a thread.

Why: a big input (a globe_history day archive, a directory of ``aircraft.json`` snapshots, a big CSV) is one
stream of batches that one process parses and stores. Decompressing (zlib), the C trace parser, Arrow and
Polars kernels and DuckDB's append all release the GIL, so a thread that prepares the next batches while the
store appends the current one puts a second core to work without shipping data between processes (small
files get the same from :class:`liftwatch.ingest_workers.ParseThread`). The standard library has no such
bounded, context-carrying prefetch for a generator, hence this small module.

What it keeps from running the iterator in place:

* the same items in the same order; an exception the iterator raises is raised to the consumer where the
  item would have come, with its traceback;
* context variables (such as the assumed time of untimed messages, :func:`liftwatch.io.assuming`): the
  iterator runs in a copy of the caller's context;
* bounded memory: at most ``depth`` items wait in the queue (plus the one being produced);
* a consumer that stops early (an error while storing, a kill) stops the producer after the item it is on
  and closes the iterator in the producer's thread, so its files are closed.
"""

from __future__ import annotations

import contextvars
import queue
import threading
from collections.abc import Generator, Iterable
from typing import TypeVar, cast

T = TypeVar("T")

_ITEM, _ERROR, _END = 0, 1, 2


def readahead(items: Iterable[T], depth: int = 2) -> Generator[T, None, None]:
    """``items``, produced in a background thread up to ``depth`` items ahead of the caller.

    Close the generator (``contextlib.closing``) when you may stop before the end: that stops the thread at
    once rather than when the generator is collected."""
    if depth < 1:
        raise ValueError(f"depth must be 1 or more, got {depth}")
    source = iter(items)
    slots: queue.Queue[tuple[int, object]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(kind: int, value: object) -> bool:
        """Hand one thing over; False once the consumer has gone."""
        while not stop.is_set():
            try:
                slots.put((kind, value), timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in source:
                if not put(_ITEM, item):
                    break
            else:
                put(_END, None)
        except BaseException as exc:  # handed to the consumer, raised there
            put(_ERROR, exc)
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()

    worker = threading.Thread(
        target=contextvars.copy_context().run, args=(produce,), name="liftwatch-readahead", daemon=True
    )
    return _consume(slots, stop, worker)


def _consume(
    slots: queue.Queue[tuple[int, object]], stop: threading.Event, worker: threading.Thread
) -> Generator[T, None, None]:
    worker.start()
    try:
        while True:
            kind, value = slots.get()
            if kind == _ITEM:
                yield cast(T, value)
            elif kind == _ERROR:
                assert isinstance(value, BaseException)
                raise value
            else:
                return
    finally:
        stop.set()
        worker.join()


__all__ = ["readahead"]

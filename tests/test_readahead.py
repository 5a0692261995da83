"""The read-ahead thread a big input's batches go through: same items, same errors, bounded, stoppable."""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Iterator

import pytest

from liftwatch.readahead import readahead

WHO: contextvars.ContextVar[str] = contextvars.ContextVar("WHO", default="nobody")


def test_items_come_in_order_from_another_thread() -> None:
    threads: list[str] = []

    def gen() -> Iterator[int]:
        for i in range(100):
            threads.append(threading.current_thread().name)
            yield i

    assert list(readahead(gen(), depth=3)) == list(range(100))
    assert set(threads) == {"liftwatch-readahead"}


def test_an_error_is_raised_where_its_item_would_have_come() -> None:
    def gen() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("member 3 is corrupt")

    got: list[int] = []
    with pytest.raises(ValueError, match="member 3 is corrupt"):
        for x in readahead(gen()):
            got.append(x)
    assert got == [1, 2]


def test_the_callers_context_reaches_the_producer() -> None:
    """The assumed time of untimed messages is a context variable the reader reads."""

    def gen() -> Iterator[str]:
        yield WHO.get()

    token = WHO.set("analyst")
    try:
        assert list(readahead(gen())) == ["analyst"]
    finally:
        WHO.reset(token)


def test_the_producer_stays_at_most_depth_items_ahead() -> None:
    made: list[int] = []

    def gen() -> Iterator[int]:
        for i in range(50):
            made.append(i)
            yield i

    it = readahead(gen(), depth=2)
    assert next(it) == 0
    time.sleep(0.3)  # ample time to run ahead as far as it may
    assert len(made) <= 1 + 2 + 1  # the one taken, the queue, the one waiting to be put
    assert list(it) == list(range(1, 50))


def test_a_consumer_that_stops_early_stops_and_closes_the_producer() -> None:
    closed = threading.Event()

    def gen() -> Iterator[int]:
        try:
            yield from range(10_000)
        finally:
            closed.set()  # what closes the reader's files

    before = threading.active_count()
    it = readahead(gen(), depth=2)
    with pytest.raises(RuntimeError, match="store failed"):
        for x in it:
            if x == 5:
                raise RuntimeError("store failed")
    it.close()
    assert closed.wait(2)
    deadline = time.monotonic() + 2
    while threading.active_count() > before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert threading.active_count() == before


def test_depth_must_be_positive() -> None:
    with pytest.raises(ValueError, match="depth"):
        readahead([1], depth=0)

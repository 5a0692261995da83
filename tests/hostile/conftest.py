"""Probes of hostile and clumsy input. Each is bounded in time (``deadline``) and never touches the network
except loopback servers the test starts itself."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""

    def on_alarm(_sig: int, _frame: Any) -> None:
        raise TimeoutError(f"still running after {seconds} s (hang)")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def deadline() -> Callable[[float], Any]:
    return _deadline

"""The server's access to the store: a read-only handle opened per request, one request at a time.

The store is opened read-only: the dashboard never writes, and a bug in it cannot damage the evidence. DuckDB
lets one process write a file or several read it, never both; holding the file open would lock out
``liftwatch flights build`` or ``ingest`` for as long as the dashboard runs. So each request opens the
database (~20 ms), uses it and closes it, and writers get the file between requests; the live stream sees
their rows on its next poll. While another process writes, requests answer 503 "busy" instead of failing.
One DuckDB connection is not for concurrent use, so requests take turns through a lock (FastAPI runs the
sync handlers in a thread pool); the expensive analysis is cached until the number of stored flights changes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

import liftwatch
from liftwatch.api import LiftWatch
from liftwatch.errors import LiftwatchError, StoreLockedError
from liftwatch.report import Analysis

DEFAULT_MAX_UPLOAD = 2_000_000  # bytes: a long article is ~100 kB of text


@dataclass
class Settings:
    db: str
    token: str | None = None
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
    max_upload: int = DEFAULT_MAX_UPLOAD
    live_poll_s: float = 2.0


class StoreBusy(LiftwatchError):
    """Another process is writing the database; the request can be retried in a moment."""


@dataclass
class WebState:
    """Where the store is, the lock requests take turns through, and small caches."""

    settings: Settings
    lock: threading.RLock = field(default_factory=threading.RLock)
    _analysis: dict[tuple[Any, ...], Analysis] = field(default_factory=dict)
    _lw: LiftWatch | None = None
    _depth: int = 0

    @classmethod
    def open(cls, settings: Settings) -> WebState:
        state = cls(settings)
        try:
            with state.session():  # fail at start-up, with the reason, on a path that is not a liftwatch database
                pass
        except StoreBusy:
            pass  # a running `liftwatch watch` holds it: pages answer 503 until it stops, the live channel flows
        return state

    @contextmanager
    def session(self) -> Iterator[LiftWatch]:
        """The store, opened read-only for the duration of the block (nested blocks share one handle)."""
        with self.lock:
            if self._lw is None:
                try:
                    self._lw = liftwatch.open(self.settings.db, read_only=True)
                except (duckdb.IOException, StoreLockedError) as exc:
                    raise StoreBusy(
                        f"{self.settings.db}: another process is writing this database; retry in a moment ({exc})"
                    ) from None
            self._depth += 1
            try:
                yield self._lw
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._lw.close()
                    self._lw = None

    def analysis(self, start: date | None = None, end: date | None = None) -> Analysis:
        """Corridors, lift and alerts for the window (cached per window and stored-flights count)."""
        with self.session() as lw:
            key = (start, end, len(lw.flights()))
            if key not in self._analysis:
                self._analysis.clear()
                self._analysis[key] = lw.analyse(start=start, end=end, title="liftwatch dashboard")
            return self._analysis[key]

    def close(self) -> None:
        with self.lock:
            if self._lw is not None:
                self._lw.close()
                self._lw = None


def db_path(db: str | os.PathLike[str]) -> str:
    return os.fspath(db)

"""The server's one handle on the store, shared by every request.

The store is opened read-only: the dashboard never writes, and a bug in it cannot damage the evidence. One
DuckDB connection is not for concurrent use, so requests take turns through a lock (FastAPI runs the sync
handlers in a thread pool); library calls are short, and the expensive analysis is cached until the number of
stored flights changes.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import liftwatch
from liftwatch.api import LiftWatch
from liftwatch.report import Analysis

DEFAULT_MAX_UPLOAD = 2_000_000  # bytes: a long article is ~100 kB of text


@dataclass
class Settings:
    db: str
    token: str | None = None
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
    max_upload: int = DEFAULT_MAX_UPLOAD
    live_poll_s: float = 2.0


@dataclass
class WebState:
    """The read-only store, its lock and small caches."""

    settings: Settings
    lw: LiftWatch
    lock: threading.RLock = field(default_factory=threading.RLock)
    _analysis: dict[tuple[Any, ...], Analysis] = field(default_factory=dict)

    @classmethod
    def open(cls, settings: Settings) -> WebState:
        return cls(settings, liftwatch.open(settings.db, read_only=True))

    def flights_count(self) -> int:
        with self.lock:
            return len(self.lw.flights())

    def analysis(self, start: date | None = None, end: date | None = None) -> Analysis:
        """Corridors, lift and alerts for the window (cached per window and stored-flights count)."""
        with self.lock:
            key = (start, end, len(self.lw.flights()))
            if key not in self._analysis:
                self._analysis.clear()
                self._analysis[key] = self.lw.analyse(start=start, end=end, title="liftwatch dashboard")
            return self._analysis[key]

    def close(self) -> None:
        with self.lock:
            self.lw.close()


def db_path(db: str | os.PathLike[str]) -> str:
    return os.fspath(db)

"""Batched, de-duplicated writes of live points to the store, off the event loop.

Points arrive in small pieces (every socket read); DuckDB is efficient with few large inserts, so pieces are
buffered and flushed when ``max_rows`` accumulate or the oldest is ``max_age_s`` old. The insert runs in a
worker thread (``asyncio.to_thread``) so reading the socket never waits on the disk; flushes are serialised
by a lock because one DuckDB connection is not for concurrent writers.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import pyarrow as pa

from liftwatch.store import Store


@dataclass
class WriterStats:
    rows_in: int = 0
    rows_added: int = 0
    flushes: int = 0
    write_seconds: float = 0.0


class BatchWriter:
    def __init__(self, store: Store | None, *, max_rows: int = 50_000, max_age_s: float = 2.0) -> None:
        self.store = store
        self.max_rows = max_rows
        self.max_age_s = max_age_s
        self._buf: list[pa.Table] = []
        self._rows = 0
        self._since: float | None = None
        self._lock = asyncio.Lock()
        self.stats = WriterStats()

    def add(self, table: pa.Table) -> None:
        if table.num_rows == 0:
            return
        if self._since is None:
            self._since = time.monotonic()
        self._buf.append(table)
        self._rows += table.num_rows
        self.stats.rows_in += table.num_rows

    def due(self) -> bool:
        if not self._buf:
            return False
        return self._rows >= self.max_rows or (time.monotonic() - (self._since or 0.0)) >= self.max_age_s

    def _take(self) -> pa.Table | None:
        if not self._buf:
            return None
        table = pa.concat_tables(self._buf)
        self._buf, self._rows, self._since = [], 0, None
        return table

    async def flush(self) -> int:
        """Write everything buffered; returns rows new to the store."""
        async with self._lock:
            table = self._take()
            if table is None or self.store is None:
                return 0
            t0 = time.perf_counter()
            added = await asyncio.to_thread(self.store.ingest_table, table)
            self.stats.write_seconds += time.perf_counter() - t0
            self.stats.flushes += 1
            self.stats.rows_added += added
            return added

"""Ingest into the DuckDB store: each input's rows keyed, looked up and appended, in transactions.

Separate from :mod:`liftwatch.store` (opening, schema, queries, flights) because this is the write path every
reader's output goes through: what makes re-ingest add nothing (the file's SHA-256 in ``ingested_files``, each
row's content key looked up among the stored points of its time span) and what makes a failure or a kill leave
nothing half-written. :mod:`liftwatch.store_batch` groups many small inputs into one step on top of it.

An input commits every ``COMMIT_ROWS`` rows read, and is recorded in ``ingested_files`` with its last commit.
One transaction for a whole input held DuckDB's uncommitted rows in memory: a globe_history day archive
(~38 M points, one input) grew by ~240 bytes a point, ~9 GB. A step's rows are valid observations whatever
happens later, so a failure or a kill after some steps keeps them; the file is not recorded, the next ingest
reads it again, and the row keys make it add nothing twice (:class:`liftwatch.errors.PartlyStoredError` says
how many rows were kept). An input smaller than one step is still all or nothing.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch import io as lio
from liftwatch.errors import FileChangedError, LiftwatchError, PartlyStoredError
from liftwatch.io.base import RejectLog
from liftwatch.io.timewindow import filter_table
from liftwatch.readahead import readahead
from liftwatch.rowkey import table_row_keys
from liftwatch.schema import POINT_SCHEMA, conform
from liftwatch.store_files import check_regular, file_digest, fingerprint
from liftwatch.store_keys import StoredKeys
from liftwatch.store_sql import append_rows, new_rows

STAGE_ROWS = 1_000_000  # rows de-duplicated and appended at once (bounds the memory of one step)
AHEAD = 4  # batches a big input's reader may run ahead of the store (each up to ~250,000 rows)
COMMIT_ROWS = 1_000_000  # rows read per commit of one input (bounds DuckDB's uncommitted state; see above)


@dataclass
class IngestReport:
    """What one file's ingest did; the CLI prints these as its summary table."""

    path: str
    format: str = ""
    rows_read: int = 0  # good rows the reader produced
    rows_added: int = 0  # rows new to the store
    rejects: RejectLog = field(default_factory=RejectLog)
    assets: int = 0
    t_min: datetime | None = None
    t_max: datetime | None = None
    skipped: bool = False  # the identical file was ingested before
    seconds: float = 0.0
    error: str | None = None

    @property
    def rows_in(self) -> int:
        return self.rows_read + self.rejects.total

    @property
    def duplicates(self) -> int:
        return self.rows_read - self.rows_added


def error_text(exc: BaseException) -> str:
    """One line for a failed input: our own errors speak for themselves, others say what they are."""
    from liftwatch.io.textchunks import one_line

    if isinstance(exc, LiftwatchError):
        return one_line(exc, 300)
    return f"unexpected {type(exc).__name__}: {one_line(exc, 250)}"


class StoreIngest:
    """The ingest methods of :class:`liftwatch.store.Store` (which supplies the open connection)."""

    con: duckdb.DuckDBPyConnection
    keys: StoredKeys  # the stored row keys held in memory while ingesting (liftwatch.store_keys)

    def ingest(
        self,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        on_batch: Callable[[int], None] | None = None,
        force: bool = False,
        read_ahead: bool = True,
    ) -> IngestReport:
        """Ingest one file (or aircraft.json directory) idempotently (atomically up to ``COMMIT_ROWS`` rows).
        ``read_ahead``: read and key the next batches in a thread while this one stores (False: one thread)."""
        p = os.fspath(path)
        report = IngestReport(path=p)
        t0 = time.perf_counter()
        check_regular(p)
        before = fingerprint(p)
        report.format = format or lio.detect_format(p)
        digest = file_digest(p)
        seen = self.con.execute("SELECT 1 FROM ingested_files WHERE sha256 = ?", [digest]).fetchall()
        if seen and not force:
            report.skipped = True
            report.seconds = time.perf_counter() - t0
            return report
        batches = lio.read(p, format=report.format, rejects=report.rejects)
        self._ingest_batches(batches, report, digest, before, on_batch=on_batch, read_ahead=read_ahead)
        report.seconds = time.perf_counter() - t0
        return report

    def _ingest_batches(
        self,
        batches: Iterator[pa.Table],
        report: IngestReport,
        digest: str,
        before: Any,
        on_batch: Callable[[int], None] | None = None,
        read_ahead: bool = True,
    ) -> None:
        """One input's batches in transactions of ``COMMIT_ROWS`` rows read, recorded in ``ingested_files`` with
        the last (also used by file batches for an input that turned out too big to hold)."""
        p = report.path
        con = self.con
        kept = 0  # rows added by the steps already committed

        def still_unchanged() -> None:  # a file growing under the reader: stop before its rows are kept
            if fingerprint(p) != before:
                raise FileChangedError(p)

        def commit_step(added_so_far: int) -> None:
            nonlocal kept
            still_unchanged()
            con.execute("COMMIT")
            con.execute("BEGIN TRANSACTION")
            kept = added_so_far

        con.execute("BEGIN TRANSACTION")
        try:
            added = self._merge_batches(batches, report, on_batch=on_batch, commit_step=commit_step, ahead=read_ahead)
            still_unchanged()
            # --force re-reads a file: its new rows add to what it brought before, never overwrite the count
            con.execute(
                "INSERT INTO ingested_files VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT (sha256) DO UPDATE SET "
                "path = excluded.path, format = excluded.format, rejected = excluded.rejected, "
                "rows_added = ingested_files.rows_added + excluded.rows_added, ingested_at = excluded.ingested_at",
                [digest, p, report.format, added, report.rejects.total],
            )
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            if kept:
                raise PartlyStoredError(p, kept, exc) from exc
            raise
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def ingest_many(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        format: str | None = None,
        force: bool = False,
        on_batch: Callable[[int], None] | None = None,
        on_file: Callable[[IngestReport], None] | None = None,
    ) -> list[IngestReport]:
        """Ingest several inputs; one that fails is reported (``error``) and the others still go in.

        Each input has its own transactions, so a failure costs only that input (a big one keeps its committed
        steps, see the module docstring). ``KeyboardInterrupt`` still
        stops the loop (after rolling back the input in progress).
        """
        reports: list[IngestReport] = []
        for path in paths:
            try:
                rep = self.ingest(path, format=format, force=force, on_batch=on_batch)
            except Exception as exc:  # any failure of one input must not cost the others
                rep = IngestReport(path=os.fspath(path), error=error_text(exc))
            reports.append(rep)
            if on_file is not None:
                on_file(rep)
        return reports

    def ingest_table(self, table: pa.Table | pl.DataFrame) -> int:
        """Insert already-canonical points (simulator, live feeds); de-duplicated, one transaction."""
        report = IngestReport(path="<table>")
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            added = self._merge_batches(iter([conform(table)]), report)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return added

    def _merge_batches(
        self,
        batches: Iterator[pa.Table],
        report: IngestReport,
        on_batch: Callable[[int], None] | None = None,
        commit_step: Callable[[int], None] | None = None,
        ahead: bool = False,
    ) -> int:
        """Append each batch's new rows (:func:`new_rows`); runs inside the caller's transaction, which
        ``commit_step`` (given the rows added so far) commits and reopens every ``COMMIT_ROWS`` rows read.

        Rows outside the time window are refused here too (whoever produced them), as rejects. A batch is
        checked against everything stored before it, earlier batches of this input included, so memory
        holds one batch and its keys, whatever the size of the input. With ``ahead``, the batches are read,
        checked and keyed in a thread (:func:`liftwatch.readahead.readahead`) while this one stores: the
        reject log is only written there until the batches end.
        """
        keyed = _keyed(batches, report)
        stream = readahead(keyed, AHEAD) if ahead else keyed
        with contextlib.closing(stream):  # a failure while storing stops the reader thread at once
            return self._merge_stream(stream, report, on_batch, commit_step)

    def _merge_stream(
        self,
        stream: Iterator[pa.Table],
        report: IngestReport,
        on_batch: Callable[[int], None] | None,
        commit_step: Callable[[int], None] | None,
    ) -> int:
        """The body of :meth:`_merge_batches` over prepared (canonical, in-window, keyed) batches."""
        con = self.con
        span: list[Any] = [None, None]
        assets: set[str] = set()
        added = 0
        held: list[pa.Table] = []  # small batches (tar members, snapshot groups) looked up together
        held_rows = 0
        uncommitted = 0

        def store_held() -> int:
            table = pa.concat_tables(held) if len(held) > 1 else held[0]
            held.clear()
            got = 0
            for start in range(0, table.num_rows, STAGE_ROWS):
                new = new_rows(con, table.slice(start, STAGE_ROWS), self.keys)
                if new.num_rows:
                    append_rows(con, new, self.keys)
                got += new.num_rows
            return got

        for batch in stream:
            lo, hi = (x.as_py() for x in pc.min_max(batch.column("ts")).values())
            span = [lo if span[0] is None else min(span[0], lo), hi if span[1] is None else max(span[1], hi)]
            assets.update(pc.unique(batch.column("asset_id")).to_pylist())
            held.append(batch)
            held_rows += batch.num_rows
            if held_rows >= STAGE_ROWS:  # each lookup scans the stored keys of its span: fewer, bigger lookups
                added += store_held()
                uncommitted += held_rows
                held_rows = 0
                if commit_step is not None and uncommitted >= COMMIT_ROWS:
                    commit_step(added)
                    uncommitted = 0
            report.rows_read += batch.num_rows
            if on_batch is not None:
                on_batch(batch.num_rows)
        if held:
            added += store_held()
        report.assets, report.t_min, report.t_max = len(assets), span[0], span[1]
        report.rows_added = added
        return added


def _keyed(batches: Iterator[pa.Table], report: IngestReport) -> Generator[pa.Table, None, None]:
    """Non-empty canonical batches of rows inside the time window, each with its ``row_key`` column."""
    for batch in batches:
        if batch.num_rows == 0:
            continue
        batch = batch if batch.schema.equals(POINT_SCHEMA) else conform(batch)
        batch = filter_table(batch, report.rejects, report.path)
        if batch.num_rows:
            batch = batch.replace_schema_metadata(None)
            yield batch.append_column("row_key", table_row_keys(batch))

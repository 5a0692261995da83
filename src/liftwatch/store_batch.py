"""Many small input files in one store transaction, with each file still accounted for on its own.

A globe_history day is ~50,000 trace files of a few hundred points each. Given one transaction each, a file
costs a staging table, a de-duplication join against the stored points and a commit: ~25 ms, against ~3 ms
to read it, so a day would take hours. :class:`FileBatch` reads each small file completely (its rows held in
memory, bounded by ``max_rows`` for the whole batch), then stores the held files together: one Arrow table,
one de-duplicating merge, one ``ingested_files`` insert and one commit per batch.

What a file keeps from the one-file path:

* idempotence: a file whose content hash is stored (or already waiting in the batch) is skipped; rows carry
  the same ``row_key`` and the merge keeps a key once, so re-ingest adds nothing;
* its own report: rows read, rows added (counted per file in the merge; a row brought by two files of one
  batch counts for the first, as in a file-by-file run), rejects, assets and time span;
* atomicity: a file that fails to read, or changes while read, is left out before anything is written; a
  batch that fails to store is rolled back whole and each of its files is reported failed (none is recorded,
  so the next run reads them again). A kill leaves every batch either committed with its ``ingested_files``
  rows or absent.

A file larger than ``max_file_bytes`` on disk, a directory input, or a file that reads to more than
``max_rows`` rows goes through :meth:`Store.ingest`'s own transaction (after the waiting batch is stored).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain

import pyarrow as pa
import pyarrow.compute as pc

from liftwatch import io as lio
from liftwatch.errors import FileChangedError
from liftwatch.io.timewindow import filter_table
from liftwatch.rowkey import table_row_keys
from liftwatch.schema import POINT_COLUMNS, POINT_SCHEMA, conform
from liftwatch.store import STAGE_ROWS, IngestReport, Store
from liftwatch.store_files import check_regular, file_digest, fingerprint

MAX_FILE_BYTES = 8 << 20  # bigger inputs (on disk) get their own transaction: their rows would crowd a batch
MAX_FILES = 5000  # files per transaction (bounds the per-file bookkeeping of one commit)

_COLS = ", ".join(f'"{c}"' for c in POINT_COLUMNS)
# New rows of the batch: one per row_key (the earliest file wins, as if the files were stored one by one),
# none whose key is already stored. The ts range lets DuckDB skip row groups outside the batch's span.
_NEW_SQL = """
    CREATE TEMP TABLE _batch_new AS
    SELECT * EXCLUDE (_dup) FROM (
        SELECT *, row_number() OVER (PARTITION BY row_key ORDER BY _file) AS _dup FROM _batch
    ) s
    WHERE _dup = 1 AND NOT EXISTS (
        SELECT 1 FROM points p WHERE p.row_key = s.row_key AND p.ts BETWEEN ? AND ?
    )
"""
_RECORD_SQL = (
    "INSERT INTO ingested_files SELECT sha256, path, format, rows_added, rejected, now() FROM _batch_files "
    "ON CONFLICT (sha256) DO UPDATE SET path = excluded.path, format = excluded.format, "
    "rejected = excluded.rejected, rows_added = ingested_files.rows_added + excluded.rows_added, "
    "ingested_at = excluded.ingested_at"
)


@dataclass
class _Held:
    report: IngestReport
    digest: str
    table: pa.Table  # canonical points + row_key + _file


@dataclass
class BatchFailure:
    """A file of a batch that could not be stored (the batch was rolled back)."""

    path: str
    message: str


@dataclass
class FileBatch:
    """Collect small files' rows and store them in shared transactions; call :meth:`flush` at the end."""

    store: Store
    max_rows: int = STAGE_ROWS
    max_files: int = MAX_FILES
    max_file_bytes: int = MAX_FILE_BYTES
    on_batch: Callable[[int], None] | None = None
    failures: list[BatchFailure] = field(default_factory=list)
    _held: list[_Held] = field(default_factory=list)
    _rows: int = 0
    _digests: set[str] = field(default_factory=set)

    def ingest(self, path: str | os.PathLike[str], *, format: str | None = None, force: bool = False) -> IngestReport:
        """Read one input; small ones wait for the batch's commit (their ``rows_added`` is filled in then)."""
        p = os.fspath(path)
        check_regular(p)
        if os.path.isdir(p) or os.path.getsize(p) > self.max_file_bytes:
            self.flush()
            return self.store.ingest(p, format=format, force=force, on_batch=self.on_batch)
        t0 = time.perf_counter()
        report = IngestReport(path=p)
        before = fingerprint(p)
        report.format = format or lio.detect_format(p)
        digest = file_digest(p)
        if digest in self._digests:
            if not force:
                report.skipped = True
                return report
            self.flush()  # --force of a file twice in one run: one ingested_files row can take one update
        seen = self.store.con.execute("SELECT 1 FROM ingested_files WHERE sha256 = ?", [digest]).fetchall()
        if seen and not force:
            report.skipped = True
            report.seconds = time.perf_counter() - t0
            return report
        reader = lio.read(p, format=report.format, rejects=report.rejects)
        raw: list[pa.Table] = []
        rows = 0
        for t in reader:
            raw.append(t)
            rows += t.num_rows
            if rows > self.max_rows:  # not small after all: its own transaction, streaming the rest
                self.flush()
                self.store._ingest_batches(chain(raw, reader), report, digest, before, on_batch=self.on_batch)
                report.seconds = time.perf_counter() - t0
                return report
        if fingerprint(p) != before:
            raise FileChangedError(p)
        table = _prepare(raw, report, len(self._held))
        self._held.append(_Held(report, digest, table))
        self._digests.add(digest)
        self._rows += table.num_rows
        report.seconds = time.perf_counter() - t0
        if self._rows >= self.max_rows or len(self._held) >= self.max_files:
            self.flush()
        return report

    def flush(self) -> None:
        """Store every waiting file in one transaction; on failure roll back and report each file failed."""
        if not self._held:
            return
        held, self._held, self._rows, self._digests = self._held, [], 0, set()
        t0 = time.perf_counter()
        try:
            self._store(held)
        except Exception as exc:  # the whole batch is rolled back: each of its files failed, none recorded
            from liftwatch.store import _error_text

            message = _error_text(exc)
            for h in held:
                h.report.error = "failed"
                h.report.rows_added = 0
                self.failures.append(BatchFailure(h.report.path, f"{h.report.path}: {message}"))
            return
        share = (time.perf_counter() - t0) / len(held)
        for h in held:
            h.report.seconds += share
            if self.on_batch is not None and h.report.rows_read:
                self.on_batch(h.report.rows_read)

    def _store(self, held: list[_Held]) -> None:
        con = self.store.con
        batch = pa.concat_tables([h.table for h in held])
        files = pa.table(
            {
                "sha256": [h.digest for h in held],
                "path": [h.report.path for h in held],
                "format": [h.report.format for h in held],
                "rows_added": pa.array([0] * len(held), pa.int64()),
                "rejected": pa.array([h.report.rejects.total for h in held], pa.int64()),
            }
        )
        added = [0] * len(held)
        con.execute("BEGIN TRANSACTION")
        try:
            if batch.num_rows:
                con.register("_batch", batch)
                lo, hi = (x.as_py() for x in pc.min_max(batch.column("ts")).values())
                con.execute("DROP TABLE IF EXISTS _batch_new")
                con.execute(_NEW_SQL, [lo, hi])
                con.unregister("_batch")
                for i, n in con.execute("SELECT _file, count(*) FROM _batch_new GROUP BY _file").fetchall():
                    added[int(i)] = int(n)  # _file is the file's position in this batch
                con.execute(f"INSERT INTO points SELECT {_COLS}, row_key FROM _batch_new")
                con.execute("DROP TABLE _batch_new")
            files = files.set_column(3, "rows_added", pa.array(added, pa.int64()))
            con.register("_batch_files", files)
            con.execute(_RECORD_SQL)
            con.unregister("_batch_files")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        for h, n in zip(held, added, strict=True):
            h.report.rows_added = n


def _prepare(raw: list[pa.Table], report: IngestReport, file_id: int) -> pa.Table:
    """One file's tables as canonical rows with row keys and the file's number; fills the report's counts."""
    parts: list[pa.Table] = []
    assets: set[str] = set()
    for batch in raw:
        if batch.num_rows == 0:
            continue
        b = batch if batch.schema.equals(POINT_SCHEMA) else conform(batch)
        b = filter_table(b, report.rejects, report.path)
        if b.num_rows:
            parts.append(b.replace_schema_metadata(None))
    table = pa.concat_tables(parts) if parts else POINT_SCHEMA.empty_table()
    if table.num_rows:
        lo, hi = (x.as_py() for x in pc.min_max(table.column("ts")).values())
        report.t_min, report.t_max = lo, hi
        assets.update(pc.unique(table.column("asset_id")).to_pylist())
    report.assets = len(assets)
    report.rows_read = table.num_rows
    table = table.append_column("row_key", table_row_keys(table))
    return table.append_column("_file", pa.array([file_id] * table.num_rows, pa.int32()))


__all__ = ["MAX_FILES", "MAX_FILE_BYTES", "BatchFailure", "FileBatch"]

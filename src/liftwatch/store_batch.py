"""Many small input files in one store transaction, with each file still accounted for on its own.

A globe_history day is ~50,000 trace files of a few hundred points each. Given one transaction each, a file
costs a staging table, a de-duplication join against the stored points and a commit: ~25 ms, against ~1 ms
to read it, so a day would take hours. :class:`FileBatch` queues small files into chunks (at most
``max_files`` files / ``chunk_bytes`` on disk), has each chunk parsed in one call of
:func:`liftwatch.ingest_parse.parse_chunk` (in this process, in worker processes or on a Dask cluster; see
:mod:`liftwatch.ingest_workers`), and stores the parsed chunks in input order, as the only writer, holding them until ~1 M rows
(``COMMIT_ROWS``): one de-duplicating lookup, one append, one ``ingested_files`` insert and one commit per step.

De-duplication is exact and cheap: within a step the first row of each ``row_key`` is kept (a hash pass, the
earliest file wins, as in a file-by-file run); against the store only the step's distinct keys are looked
up, and only among the stored points of the step's time span (identical content has the identical ``ts``,
so DuckDB skips row groups outside it). Nothing is staged in DuckDB: the new rows go in straight from Arrow.

What a file keeps from the one-file path:

* idempotence: a file whose content hash is stored (or already queued) is skipped; re-ingest adds nothing;
* its own report: rows read, rows added (a row brought by two files of one chunk counts for the first),
  rejects with their point/line, assets and time span;
* atomicity: a file that fails to read, or changes while read, is left out before anything is written; a
  step that fails to store is rolled back whole and each of its files is reported failed (none is recorded,
  so the next run reads them again). A kill leaves every step either committed with its ``ingested_files``
  rows or absent.

A file larger than ``max_file_bytes`` on disk, a directory input, or a file that reads to more than
``max_rows`` rows goes through :meth:`Store.ingest`'s own streaming transaction (in its place in the order).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch import io as lio
from liftwatch.errors import LiftwatchError
from liftwatch.ingest_parse import FileTask, ParsedChunk, parse_chunk
from liftwatch.ingest_workers import parses_here
from liftwatch.io import assumed_time, split_parts
from liftwatch.store import STAGE_ROWS, IngestReport, Store
from liftwatch.store_files import check_regular
from liftwatch.store_ingest import error_text
from liftwatch.store_sql import append_rows, duckdb_threads, new_rows

MAX_FILE_BYTES = 8 << 20  # bigger inputs (on disk) get their own transaction: their rows would crowd a chunk
MAX_FILES = 5000  # files per chunk (bounds the per-file bookkeeping of one commit)
CHUNK_BYTES = 4 << 20  # on-disk bytes per chunk: ~250,000 points of gzip readsb traces (~300 MiB parsed)
# Parsed rows held before they are stored in one step (one lookup, one append, one commit). DuckDB writes a
# transaction's full row groups (122,880 rows) straight to the database file, compressed, so a commit per ~1 M
# rows costs 0.35 µs a row, where a commit per chunk of ~50,000 rows cost 1.0-1.5 µs a row (each commit goes
# through the write-ahead log and re-compresses the table's last, partial row group at every automatic
# checkpoint). One lookup per step also matters as the store grows: each lookup scans the stored keys of its
# time span (a whole day for globe_history traces), so its count, not its size, sets the cost.
COMMIT_ROWS = 1_000_000

_RECORD_SQL = (
    "INSERT INTO ingested_files SELECT sha256, path, format, rows_added, rejected, now() FROM _batch_files "
    "ON CONFLICT (sha256) DO UPDATE SET path = excluded.path, format = excluded.format, "
    "rejected = excluded.rejected, rows_added = ingested_files.rows_added + excluded.rows_added, "
    "ingested_at = excluded.ingested_at"
)


class ParseFuture(Protocol):
    def result(self) -> ParsedChunk: ...


class Submitter(Protocol):
    """Runs :func:`parse_chunk` somewhere (a process pool, a Dask client); see :mod:`liftwatch.ingest_workers`."""

    def submit(self, fn: Callable[..., ParsedChunk], /, *args: Any) -> Any: ...


@dataclass
class BatchFailure:
    """A file of a chunk that could not be read or stored (``unexpected``: not a liftwatch error)."""

    path: str
    message: str
    unexpected: bool = True


@dataclass
class _Queued:
    task: FileTask
    report: IngestReport
    force: bool
    raw: bytes | None = None  # the bytes hashed at queue time, until this process parses them


@dataclass
class FileBatch:
    """Queue small files and store them in shared transactions; call :meth:`flush` at the end.

    ``executor`` (anything with ``submit(fn, *args) -> future``) parses chunks elsewhere while this process
    stores the previous ones; at most ``window`` chunks are in flight (memory stays bounded). Without one,
    chunks are parsed here.
    """

    store: Store
    max_rows: int = STAGE_ROWS
    max_files: int = MAX_FILES
    max_file_bytes: int = MAX_FILE_BYTES
    chunk_bytes: int = CHUNK_BYTES
    on_batch: Callable[[int], None] | None = None
    on_stored: Callable[[IngestReport], None] | None = None
    executor: Submitter | None = None
    window: int = 2
    # DuckDB threads while a step is stored, when this process also parses (its parse thread takes a core:
    # a second DuckDB thread only contended with it, ~0.9 CPU s more per 5 M trace points, no faster)
    step_threads: int | None = None
    read_ahead: bool = True  # a big input's batches read in a thread while they are stored (False: one thread)
    commit_rows: int = COMMIT_ROWS
    raise_unexpected: bool = False
    failures: list[BatchFailure] = field(default_factory=list)
    _pending: list[_Queued] = field(default_factory=list)
    _pending_bytes: int = 0
    _inflight: deque[tuple[list[_Queued], Any]] = field(default_factory=deque)
    _digests: set[str] = field(default_factory=set)
    _held: list[tuple[list[_Queued], list[int], pa.Table]] = field(default_factory=list)  # parsed, not stored
    _held_rows: int = 0

    def ingest(self, path: str | os.PathLike[str], *, format: str | None = None, force: bool = False) -> IngestReport:
        """Queue one input (its report is filled when its chunk is stored); big inputs are stored at once."""
        p = os.fspath(path)
        try:
            st = os.stat(p)
        except OSError:
            st = None
        if st is None or not stat.S_ISREG(st.st_mode) or st.st_size > self.max_file_bytes or split_parts.is_split(p):
            check_regular(p)  # a pipe or a device is refused with its reason; a missing file too
            self.flush()
            rep = self.store.ingest(p, format=format, force=force, on_batch=self.on_batch, read_ahead=self.read_ahead)
            if not rep.skipped:
                self._stored(rep)
            return rep
        report = IngestReport(path=p)
        # what fingerprint() and file_digest() give, from the one stat and one read: ~12 µs a file, not ~35
        # (a Path's str is already the normalised name fingerprint() uses: no second Path for it)
        before = ((p if isinstance(path, Path) else str(Path(p)), st.st_size, st.st_mtime_ns, st.st_ino),)
        with open(p, "rb") as fh:
            raw = fh.read()
        digest = hashlib.sha256(raw).hexdigest()
        if digest in self._digests:
            if not force:
                report.skipped = True
                report.format = format or skipped_format(p)
                return report
            self.flush()  # --force of a file twice in one run: one ingested_files row can take one update
        task = FileTask(p, digest, before, format, assumed_time.current())
        # parsed in this process, the bytes just hashed are the ones parsed (not read and hashed again); parsed
        # elsewhere, the parser reads the file itself and checks its hash
        self._pending.append(_Queued(task, report, force, raw if parses_here(self.executor) else None))
        self._digests.add(digest)
        self._pending_bytes += st.st_size
        if len(self._pending) >= self.max_files or self._pending_bytes >= self.chunk_bytes:
            self._dispatch()
        return report

    def flush(self) -> None:
        """Parse and store everything queued, in order."""
        self._dispatch()
        while self._inflight:
            self._store_next()
        self._store_held()

    # -- queue ------------------------------------------------------------------------------------------
    def _dispatch(self) -> None:
        """Send the queued files to be parsed; files whose content is stored already are skipped here."""
        items, self._pending, self._pending_bytes = self._pending, [], 0
        if not items:
            return
        digests = [q.task.digest for q in items]
        seen = {
            str(r[0])
            for r in self.store.con.execute(
                "SELECT sha256 FROM ingested_files WHERE sha256 IN (SELECT unnest(?))", [digests]
            ).fetchall()
        }
        todo: list[_Queued] = []
        for q in items:
            if q.task.digest in seen and not q.force:
                q.report.skipped = True
                q.report.format = q.task.format or skipped_format(q.task.path)
                self._digests.discard(q.task.digest)
            else:
                todo.append(q)
        if not todo:
            return
        tasks = [q.task for q in todo]
        raws = [q.raw for q in todo]
        for q in items:
            q.raw = None  # held rows keep their _Queued until committed: not their bytes
        if self.executor is None:
            chunk = parse_chunk(tasks, self.max_rows, self.raise_unexpected, raws)
            del raws
            self._inflight.append((todo, _Done(chunk)))
            self._store_next()
            return
        if parses_here(self.executor):  # this process's parse thread: it parses the bytes read and hashed here
            job = self.executor.submit(parse_chunk, tasks, self.max_rows, self.raise_unexpected, raws)
        else:
            job = self.executor.submit(parse_chunk, tasks, self.max_rows, self.raise_unexpected)
        del raws
        self._inflight.append((todo, job))
        while len(self._inflight) > self.window:
            self._store_next()

    def _store_next(self) -> None:
        todo, fut = self._inflight.popleft()
        try:
            chunk: ParsedChunk = fut.result()
        except Exception as exc:  # a worker died or the cluster went away: these files failed, none recorded
            if self.raise_unexpected:
                raise
            message = error_text(exc)
            for q in todo:
                self._fail(q, f"{q.report.path}: {message}", unexpected=True)
            return
        for q, pf in zip(todo, chunk.files, strict=True):
            rep = q.report
            got = pf.report
            rep.format, rep.rows_read, rep.rejects = got.format, got.rows_read, got.rejects
            rep.assets, rep.t_min, rep.t_max = got.assets, got.t_min, got.t_max
            rep.seconds = chunk.seconds / len(todo)
            if pf.error is not None:
                self._fail(q, pf.error, unexpected=pf.unexpected)
        table = chunk.table
        owner = table.column("_file").to_numpy()
        start = 0
        for i, pf in enumerate(chunk.files):
            if pf.oversize:
                self._hold(todo, range(start, i), _rows(table, owner, start, i))
                self._store_held()
                self._alone(todo[i])
                start = i + 1
        self._hold(todo, range(start, len(todo)), _rows(table, owner, start, len(todo)))

    def _fail(self, q: _Queued, message: str, unexpected: bool) -> None:
        q.report.error = "failed" if unexpected else "unreadable"
        q.report.rows_added = 0
        self._digests.discard(q.task.digest)
        self.failures.append(BatchFailure(q.report.path, message, unexpected))

    def _alone(self, q: _Queued) -> None:
        """A file that reads to more rows than a chunk holds: its own streaming transaction."""
        rep = q.report
        rep.rejects.counts.clear()
        rep.rejects.samples.clear()
        rep.rows_read = 0
        try:
            batches = lio.read(rep.path, format=rep.format, rejects=rep.rejects)
            self.store._ingest_batches(
                batches, rep, q.task.digest, q.task.before, on_batch=self.on_batch, read_ahead=self.read_ahead
            )
        except LiftwatchError as exc:
            from liftwatch.io.textchunks import one_line

            self._fail(q, one_line(exc, 300), unexpected=False)
            return
        except Exception as exc:
            if self.raise_unexpected:
                raise
            self._fail(q, f"{rep.path}: {error_text(exc)}", unexpected=True)
            return
        self._digests.discard(q.task.digest)
        self._stored(rep)

    # -- store ------------------------------------------------------------------------------------------
    def _hold(self, todo: list[_Queued], span: range, table: pa.Table) -> None:
        """Keep the parsed rows of ``todo[span]`` (in file order) until ``commit_rows`` rows are held."""
        ok = [i for i in span if todo[i].report.error is None]
        if not ok:
            return
        self._held.append((todo, ok, table))
        self._held_rows += table.num_rows
        if self._held_rows >= self.commit_rows:
            self._store_held()

    def _store_held(self) -> None:
        """Store the held rows and record their files, in one transaction: one de-duplication lookup and one
        append for up to ``commit_rows`` rows. A failure rolls back the whole step: each of its files failed,
        none is recorded (the next run reads them again)."""
        held, self._held, self._held_rows = self._held, [], 0
        if not held:
            return
        queued: list[_Queued] = []  # every file of the held chunks: ``_file`` is re-based to index this list
        parts: list[pa.Table] = []
        ok: list[int] = []
        for todo, ok_here, table in held:
            base = len(queued)
            if table.num_rows:
                k = table.schema.get_field_index("_file")
                parts.append(table.set_column(k, "_file", pc.add(table.column(k), pa.scalar(base, pa.int32()))))
            ok += [base + i for i in ok_here]
            queued += todo
        table = pa.concat_tables(parts) if len(parts) > 1 else parts[0] if parts else None
        con = self.store.con
        added = np.zeros(len(queued), dtype=np.int64)
        with duckdb_threads(con, self.step_threads):
            self._commit_step(queued, ok, table, added)

    def _commit_step(self, queued: list[_Queued], ok: list[int], table: pa.Table | None, added: np.ndarray) -> None:
        """The transaction of :meth:`_store_held` (``added`` is filled with each file's new rows)."""
        con = self.store.con
        con.execute("BEGIN TRANSACTION")
        try:
            if table is not None:
                new = new_rows(con, table, self.store.keys)
                if new.num_rows:
                    added += np.bincount(new.column("_file").to_numpy(), minlength=len(queued))
                    append_rows(con, new, self.store.keys)
            files = pa.table(
                {
                    "sha256": [queued[i].task.digest for i in ok],
                    "path": [queued[i].report.path for i in ok],
                    "format": [queued[i].report.format for i in ok],
                    "rows_added": pa.array([int(added[i]) for i in ok], pa.int64()),
                    "rejected": pa.array([queued[i].report.rejects.total for i in ok], pa.int64()),
                }
            )
            con.register("_batch_files", files)
            con.execute(_RECORD_SQL)
            con.unregister("_batch_files")
            con.execute("COMMIT")
        except Exception as exc:  # the whole step is rolled back: each of its files failed, none recorded
            con.execute("ROLLBACK")
            if self.raise_unexpected:
                raise
            message = error_text(exc)
            for i in ok:
                self._fail(queued[i], f"{queued[i].report.path}: {message}", unexpected=True)
            return
        except BaseException:
            con.execute("ROLLBACK")
            raise
        for i in ok:
            rep = queued[i].report
            rep.rows_added = int(added[i])
            self._digests.discard(queued[i].task.digest)
            self._stored(rep)

    def _stored(self, rep: IngestReport) -> None:
        """After a file is committed: progress, and what else it carries (AIS static reports)."""
        if self.on_batch is not None and rep.rows_read and rep.path and not rep.error:
            self.on_batch(rep.rows_read)
        if self.on_stored is None:
            return
        try:
            self.on_stored(rep)
        except LiftwatchError as exc:
            from liftwatch.io.textchunks import one_line

            rep.error = "unreadable"
            self.failures.append(BatchFailure(rep.path, one_line(exc, 300), False))
        except Exception as exc:
            if self.raise_unexpected:
                raise
            rep.error = "failed"
            self.failures.append(BatchFailure(rep.path, f"{rep.path}: {error_text(exc)}", True))


def _rows(table: pa.Table, owner: np.ndarray, lo: int, hi: int) -> pa.Table:
    """The rows of files ``lo`` .. ``hi - 1`` (the table is in file order): a zero-copy slice."""
    a, b = np.searchsorted(owner, [lo, hi])
    return table.slice(int(a), int(b - a))


def skipped_format(path: str) -> str:
    """Format of a skipped file, for its report line (never an error: the file is not read)."""
    try:
        return lio.detect_format(path)
    except Exception:
        return ""


class _Done:
    """An already computed result in the shape of a future."""

    def __init__(self, value: ParsedChunk) -> None:
        self._value = value

    def result(self) -> ParsedChunk:
        return self._value


__all__ = ["CHUNK_BYTES", "COMMIT_ROWS", "MAX_FILES", "MAX_FILE_BYTES", "BatchFailure", "FileBatch", "skipped_format"]

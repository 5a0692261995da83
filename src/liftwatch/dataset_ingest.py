"""Files into a Parquet dataset (``liftwatch ingest --to DIR``), with the same guarantees as the DuckDB store.

Inputs are expanded exactly as for the store (:func:`liftwatch.ingest.expand_paths`) and read by the same
readers; each input gets the same :class:`~liftwatch.store.IngestReport`. What differs is where rows go:

* a file whose SHA-256 is in the dataset's ``ingested_files`` (or met earlier in the run) is skipped;
* small files are parsed in chunks of a few MiB, as for the store (:func:`liftwatch.ingest_parse.parse_chunk`:
  50,000 trace files are converted a chunk at a time, not one by one), each file's rows staged under its
  own id (a file that fails to read adds nothing), then buffered together, so they do not become 50,000
  commits or 50,000 tiny Parquet files;
* a file too big to hold streams into the transaction behind a savepoint: if it fails or changes while
  read, the files it staged are dropped and the other inputs' rows stay;
* the transaction commits (manifest written last) every ``COMMIT_ROWS`` new rows and at the end, so a kill
  costs at most the rows since the last commit and leaves nothing half-visible; the inputs that were not
  committed are simply read again by the next run.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import deque
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch import io as lio
from liftwatch.dataset_pending import DatasetStore, Pending, commit_pending, failed, open_pending
from liftwatch.dataset_write import STAGE_ROWS
from liftwatch.errors import FileChangedError, LiftwatchError
from liftwatch.ingest import STATIC_READERS, IngestRun, expand_paths
from liftwatch.ingest_parse import ARCHIVE_ERRORS, FileTask, ParsedChunk, ParsedFile, parse_chunk
from liftwatch.ingest_workers import auto_workers, parse_executor, parses_here
from liftwatch.io import split_parts
from liftwatch.io.assumed_time import AssumeTime, check
from liftwatch.io.base import RejectLog
from liftwatch.io.textchunks import one_line
from liftwatch.io.timewindow import filter_table
from liftwatch.readahead import readahead
from liftwatch.schema import POINT_SCHEMA, conform
from liftwatch.store import IngestReport
from liftwatch.store_batch import CHUNK_BYTES, MAX_FILE_BYTES, MAX_FILES, skipped_format
from liftwatch.store_files import check_regular, file_digest, fingerprint
from liftwatch.store_ingest import AHEAD

COMMIT_ROWS = 20_000_000  # new rows per commit: what a kill can cost, against the manifest rewrite per commit

__all__ = ["COMMIT_ROWS", "ingest_into"]


def _canonical(batch: pa.Table, rejects: RejectLog, path: str) -> pa.Table:
    b = batch if batch.schema.equals(POINT_SCHEMA) else conform(batch)
    return filter_table(b, rejects, path).replace_schema_metadata(None)


def _account(report: IngestReport, table: pa.Table, assets: set[str]) -> None:
    if table.num_rows == 0:
        return
    lo, hi = (x.as_py() for x in pc.min_max(table.column("ts")).values())
    report.t_min = lo if report.t_min is None else min(report.t_min, lo)
    report.t_max = hi if report.t_max is None else max(report.t_max, hi)
    assets.update(pc.unique(table.column("asset_id")).to_pylist())
    report.rows_read += table.num_rows


def ingest_into(
    store: DatasetStore,
    paths: Iterable[str | os.PathLike[str]],
    *,
    format: str | None = None,
    force: bool = False,
    on_file: Callable[[Path], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
    raise_unexpected: bool = False,
    assume_time: AssumeTime | None = None,
    expand: bool = True,
    max_rows: int = STAGE_ROWS,
    commit_rows: int = COMMIT_ROWS,
    workers: int | None = None,
    dask: Any = None,
) -> IngestRun:
    """Ingest every input ``paths`` names into the dataset; a failed input is reported and the others go in.

    ``assume_time`` times messages without a time of their own, as for the DuckDB store
    (:func:`liftwatch.ingest.ingest_paths`); a bad value is refused before any file is read. ``workers``
    processes (default: one per core when there is enough to share) or the Dask cluster ``dask`` parse the
    chunks of small files; this process writes them in input order, so the result is the same.
    """
    assume_time = check(assume_time)
    run = IngestRun()
    known = set(store.sql("SELECT sha256 FROM ingested_files")["sha256"].to_list())
    inputs = expand_paths(paths) if expand else [Path(p) for p in paths]
    if workers is not None and workers < 0:
        raise LiftwatchError(
            f"workers must be 0 (parse in the storing thread), 1 (a parse thread) or more (processes), got {workers}"
        )
    n = workers if workers is not None else auto_workers(inputs, CHUNK_BYTES, MAX_FILE_BYTES)
    with parse_executor(n, dask) as (executor, window):
        state = _Run(store, run, known, format, force, on_batch, raise_unexpected, assume_time, max_rows, commit_rows)
        state.executor, state.window, state.read_ahead = executor, window, n != 0
        try:
            _feed(state, inputs, on_file)
        except BaseException:
            state.pending.tx.abort()
            raise
    commit_pending(store, state.pending, run, max_rows, reopen=False)
    return run


def _feed(state: _Run, inputs: list[Path], on_file: Callable[[Path], None] | None) -> None:
    queued: list[Path] = []
    queued_bytes = 0
    for f in inputs:
        if on_file is not None:
            on_file(f)
        size = _small_size(f)
        if size is not None:  # parsed with other small files: one conversion for the lot, not one per file
            queued.append(f)
            queued_bytes += size
            if queued_bytes >= CHUNK_BYTES or len(queued) >= MAX_FILES:
                state.chunk(queued)
                queued, queued_bytes = [], 0
            continue
        state.chunk(queued)
        queued, queued_bytes = [], 0
        state.one(f)
    state.chunk(queued)
    state.drain()


def _small_size(path: Path) -> int | None:
    """The on-disk size of a regular file small enough to parse in a chunk (None: read it on its own)."""
    try:
        st = path.stat()
    except OSError:
        return None  # its own read reports why
    small = stat.S_ISREG(st.st_mode) and st.st_size <= MAX_FILE_BYTES and not split_parts.is_split(path)
    return st.st_size if small else None


@dataclass
class _Run:
    """One ingest run's state: where rows go, what is known, the options; files in, reports out in order."""

    store: DatasetStore
    run: IngestRun
    known: set[str]
    format: str | None
    force: bool
    on_batch: Callable[[int], None] | None
    raise_unexpected: bool
    assume: AssumeTime | None
    max_rows: int
    commit_rows: int
    pending: Pending = field(init=False)
    next_id: int = 0
    executor: Any = None  # parses chunks elsewhere (None: here, at once)
    window: int = 0  # chunks kept in flight
    read_ahead: bool = True  # a big input's batches read in a thread while they are written (False: one thread)
    inflight: deque[tuple[int, dict[int, IngestReport], list[tuple[int, Path, FileTask]], Any]] = field(
        default_factory=deque
    )

    def __post_init__(self) -> None:
        self.pending = open_pending(self.store, self.max_rows)

    def one(self, f: Path) -> None:
        """Read one input on its own (big files stream behind a savepoint), after the chunks before it."""
        self.drain()
        self._done(self._alone(f))

    def drain(self) -> None:
        while self.inflight:
            self._finish()

    def _alone(self, f: Path) -> IngestReport:
        rep = IngestReport(path=os.fspath(f))
        self.next_id += 1
        try:
            _read_one(
                self.store,
                self.pending,
                rep,
                self.next_id,
                self.known,
                format=self.format,
                force=self.force,
                on_batch=self.on_batch,
                assume=self.assume,
                read_ahead=self.read_ahead,
            )
        except Exception as exc:
            rep = self._failure(f, exc)
        return rep

    def chunk(self, files: list[Path]) -> None:
        """Parse small inputs together (:func:`liftwatch.ingest_parse.parse_chunk`) and stage each file's rows
        under its own id, exactly as if each had been read alone; reports stay in input order."""
        if not files:
            return
        todo: list[tuple[int, Path, FileTask]] = []
        raws: list[bytes | None] = []  # parsed in this process: the bytes just hashed are the ones parsed
        reports: dict[int, IngestReport] = {}
        for k, f in enumerate(files):
            p = os.fspath(f)
            try:
                check_regular(p)
                before = fingerprint(p)
                raw: bytes | None = None
                if parses_here(self.executor):
                    with open(p, "rb") as fh:
                        raw = fh.read()
                    digest = hashlib.sha256(raw).hexdigest()
                else:  # parsed elsewhere: the parser reads the file itself and checks its hash
                    digest = file_digest(p)
                if (digest in self.known or digest in self.pending.digests) and not self.force:
                    reports[k] = IngestReport(path=p, format=self.format or skipped_format(p), skipped=True)
                    continue
                self.known.add(digest)  # a second copy later in the same chunk is skipped too
                todo.append((k, f, FileTask(p, digest, before, self.format, self.assume)))
                raws.append(raw)
            except Exception as exc:
                reports[k] = self._failure(f, exc)
        tasks = [t for _, _, t in todo]
        if not tasks:
            job: Any = None
        elif self.executor is None:
            job = parse_chunk(tasks, self.max_rows, self.raise_unexpected, raws)
            del raws
        elif parses_here(self.executor):
            job = self.executor.submit(parse_chunk, tasks, self.max_rows, self.raise_unexpected, raws)
            del raws
        else:
            job = self.executor.submit(parse_chunk, tasks, self.max_rows, self.raise_unexpected)
        self.inflight.append((len(files), reports, todo, job))
        while len(self.inflight) > self.window:
            self._finish()

    def _finish(self) -> None:
        """Stage the oldest chunk in flight and report its files, in input order."""
        n, reports, todo, job = self.inflight.popleft()
        parsed: ParsedChunk | None = job if job is None or isinstance(job, ParsedChunk) else job.result()
        if parsed is not None:
            fid = np.full(len(todo), -1, dtype=np.int32)  # each parsed file's id in the writer (-1: none)
            for i, (k, f, task) in enumerate(todo):
                pf = parsed.files[i]
                if pf.oversize:  # read to more rows than a chunk holds: on its own, streaming
                    self.known.discard(task.digest)
                    reports[k] = self._alone(f)
                    continue
                reports[k] = self._stage(pf, task)
                reports[k].seconds = parsed.seconds / len(todo)
                if pf.error is None:
                    fid[i] = self.next_id
            ids = fid[parsed.table.column("_file").to_numpy()]
            keep = ids >= 0
            rows = parsed.table.drop_columns(["_file"])
            if not keep.all():
                rows, ids = rows.filter(pa.array(keep)), ids[keep]
            self.pending.writer.add(rows, ids)  # one conversion for the chunk, each row under its file's id
            if self.on_batch is not None and rows.num_rows:
                self.on_batch(rows.num_rows)
        for k in range(n):
            self._done(reports[k])

    def _stage(self, pf: ParsedFile, task: FileTask) -> IngestReport:
        """Record a parsed file (its rows are added with the chunk's), or its failure."""
        rep = pf.report
        if pf.error is not None:
            self.known.discard(task.digest)
            out = failed(self.run, Path(task.path), pf.error, pf.unexpected)
            if rep.rejects.total:  # nothing kept: the reasons stay in the summary's reject table
                out.format, out.rejects = rep.format, rep.rejects
            return out
        self.next_id += 1
        reader = STATIC_READERS.get(rep.format)
        if reader is not None:
            self.pending.static.append(reader(task.path))
        self.pending.files.append((rep, task.digest, self.next_id))
        self.pending.digests.add(task.digest)
        return rep

    def _failure(self, f: Path, exc: Exception) -> IngestReport:
        if isinstance(exc, lio.NothingKeptError):  # the reasons stay in the summary's reject table
            rep = failed(self.run, f, one_line(exc, 1000))
            rep.format, rep.rejects = exc.format, exc.rejects
            return rep
        if isinstance(exc, LiftwatchError):
            return failed(self.run, f, one_line(exc, 300))
        if isinstance(exc, ARCHIVE_ERRORS):
            return failed(self.run, f, f"{f}: cannot read or decompress: {one_line(exc)}")
        if self.raise_unexpected:
            self.pending.tx.abort()
            raise exc
        return failed(self.run, f, f"{f}: unexpected {type(exc).__name__}: {one_line(exc, 300)}", unexpected=True)

    def _done(self, rep: IngestReport) -> None:
        self.run.reports.append(rep)
        if sum(self.pending.writer.added_by_file.values()) >= self.commit_rows:
            self.pending = commit_pending(self.store, self.pending, self.run, self.max_rows)


def _read_one(
    store: DatasetStore,
    pending: Pending,
    rep: IngestReport,
    fid: int,
    known: set[str],
    *,
    format: str | None,
    force: bool,
    on_batch: Callable[[int], None] | None,
    assume: AssumeTime | None = None,
    read_ahead: bool = True,
) -> None:
    p = rep.path
    check_regular(p)
    before = fingerprint(p)
    rep.format = format or lio.detect_format(p)
    digest = file_digest(p)
    if (digest in known or digest in pending.digests) and not force:
        rep.skipped = True
        return
    import time

    t0 = time.perf_counter()
    w = pending.writer
    assets: set[str] = set()
    held: list[pa.Table] = []
    rows = 0
    mark: int | None = None

    def canonical() -> Generator[pa.Table, None, None]:  # read and checked in a thread while this one writes
        for batch in lio.read(p, format=rep.format, rejects=rep.rejects, assume_time=assume):
            if batch.num_rows:
                yield _canonical(batch, rep.rejects, p)

    stream = readahead(canonical(), AHEAD) if read_ahead else canonical()
    try:
        for table in stream:
            _account(rep, table, assets)
            if on_batch is not None:
                on_batch(table.num_rows)
            if mark is not None:
                w.add(table, fid)
                continue
            held.append(table)
            rows += table.num_rows
            if rows > w.max_rows:  # not small after all: stream it behind a savepoint
                w.flush()
                mark = pending.tx.savepoint()
                for t in held:
                    w.add(t, fid)
                held = []
        if fingerprint(p) != before:
            raise FileChangedError(p)
        if mark is not None:
            w.flush()
    except BaseException:
        stream.close()  # the reader thread stops now, not when the generator is collected
        if mark is not None:
            w.rollback_to(mark)
            w.added_by_file.pop(fid, None)
        raise
    for t in held:
        w.add(t, fid)
    rep.assets = len(assets)
    reader = STATIC_READERS.get(rep.format)
    if reader is not None:
        pending.static.append(reader(p))
    pending.files.append((rep, digest, fid))
    pending.digests.add(digest)
    known.add(digest)
    rep.seconds = time.perf_counter() - t0

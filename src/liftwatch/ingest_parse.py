"""The parse half of ingest: a chunk of small input files -> one Arrow table with row keys, plus per-file accounting.

Kept apart from the store so that it can run anywhere: :func:`parse_chunk` is a plain picklable function of
plain data, so the same code runs in the ingesting process, in local worker processes (``--workers N``) or on
a Dask cluster (``--dask ADDRESS``), while the one store writer only de-duplicates and appends. Everything
per point is done here, in the worker: decompression, JSON parsing, validation, conversion, the time window
and the row keys.

readsb trace files (the bulk of a globe_history day: tens of thousands of files of a few hundred points) are
parsed one by one but converted together (:func:`liftwatch.io.readsb_points.convert`), so the per-file cost
is the parse and not a dozen array operations. Other formats are read file by file with their reader.

Each file keeps its own accounting, exactly as if it were ingested alone: rows read, rejects with file and
point/line, assets, time span, and the error that made it unreadable (the other files of the chunk are kept).
"""

from __future__ import annotations

import gc
import hashlib
import lzma
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch import io as lio
from liftwatch.errors import FileChangedError, LiftwatchError
from liftwatch.io import packed_csv, readsb_points, readsb_trace
from liftwatch.io.base import RejectLog, compression_of, head_of_bytes, read_head
from liftwatch.io.readsb_common import decompress_bytes
from liftwatch.io.textchunks import one_line
from liftwatch.io.timewindow import TIME_MIN_S, TIME_REASON, time_max_s
from liftwatch.rowkey import table_row_keys
from liftwatch.schema import POINT_SCHEMA, conform
from liftwatch.store import IngestReport
from liftwatch.store_files import unchanged

# What a damaged archive can raise from format detection before any reader runs (stdlib decompressors).
ARCHIVE_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error, lzma.LZMAError)


@dataclass(frozen=True)
class FileTask:
    """One input to parse: its path, the SHA-256 and size/mtime/inode it was hashed with, a forced format.

    ``assume_time`` travels with the task (not in a context variable) because the task may be parsed in
    another process.
    """

    path: str
    digest: str
    before: tuple[tuple[str, int, int, int], ...]
    format: str | None = None
    assume_time: lio.AssumeTime | None = None


@dataclass
class ParsedFile:
    """One file's outcome: its report (format, rows read, rejects, span) or why it could not be read.

    ``oversize``: it reads to more rows than a chunk may hold; the store ingests it on its own, streaming.
    """

    report: IngestReport
    error: str | None = None
    unexpected: bool = False
    oversize: bool = False


@dataclass
class ParsedChunk:
    """Canonical points of a chunk's files in file order, with ``row_key`` and ``_file`` (index in the chunk)."""

    files: list[ParsedFile]
    table: pa.Table
    seconds: float = 0.0
    cpu_seconds: float = 0.0


@dataclass
class _Pieces:
    tables: list[pa.Table] = field(default_factory=list)
    owners: list[np.ndarray] = field(default_factory=list)

    def add(self, table: pa.Table, owner: np.ndarray) -> None:
        if table.num_rows:
            self.tables.append(table)
            self.owners.append(owner.astype(np.int32, copy=False))


@contextmanager
def _no_gc() -> Iterator[None]:
    """Parsed JSON is millions of small lists: the cyclic GC would rescan them all again and again (it cost
    more than the parse itself), and none of them can form a cycle."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_chunk(
    tasks: list[FileTask], max_rows: int, raise_unexpected: bool = False, raws: list[bytes | None] | None = None
) -> ParsedChunk:
    """Parse ``tasks`` into one table (see the module docstring); never raises for one bad file.

    ``raws``: the bytes each task's digest was computed from, when the caller has them (it read and hashed
    the file in this process): parsed as they are, without reading and hashing the file again; a stat
    still refuses a file that changed since. Without them (a worker process, a Dask worker) each file is
    read here and its hash checked against the task's.
    """
    w0, c0 = time.perf_counter(), time.process_time()
    files = [ParsedFile(IngestReport(path=t.path)) for t in tasks]
    pieces = _Pieces()
    traces: list[tuple[int, readsb_points.TraceFile]] = []
    with _no_gc():
        for i, task in enumerate(tasks):
            pf = files[i]
            try:
                got = _parse_one(task, pf, max_rows, raws[i] if raws is not None else None)
            except lio.NothingKeptError as exc:  # its reject log is the report's: the summary shows why
                pf.error = one_line(exc, 1000)
                continue
            except LiftwatchError as exc:
                pf.error = one_line(exc, 300)
                continue
            except ARCHIVE_ERRORS as exc:
                pf.error = f"{task.path}: cannot read or decompress: {one_line(exc)}"
                continue
            except Exception as exc:
                if raise_unexpected:
                    raise
                pf.error = f"{task.path}: unexpected {type(exc).__name__}: {one_line(exc, 300)}"
                pf.unexpected = True
                continue
            if isinstance(got, readsb_points.TraceFile):
                traces.append((i, got))
            elif got is not None:
                pieces.add(got, np.full(got.num_rows, i, dtype=np.int32))
        _convert_traces(traces, pieces)
        del traces  # freed while the collector is off: re-enabling it must not find them
    table = _assemble(pieces, files)
    for pf in files:  # a trace file converted with others was not read by io.read: the same refusal here
        if pf.error is None and not pf.oversize and pf.report.rows_read == 0 and pf.report.format:
            try:
                lio.refuse_nothing_kept(pf.report.path, pf.report.format, pf.report.rejects)
            except lio.NothingKeptError as exc:
                pf.error = one_line(exc, 1000)
    return ParsedChunk(files, table, time.perf_counter() - w0, time.process_time() - c0)


def _parse_one(
    task: FileTask, pf: ParsedFile, max_rows: int, hashed: bytes | None = None
) -> readsb_points.TraceFile | pa.Table | None:
    """A trace file's parsed points (converted later with the others), another format's table, or None.

    ``hashed``: the file's bytes that ``task.digest`` was computed from, or None to read them here.
    """
    p = task.path
    rep = pf.report
    before = task.before
    # the file is small (a chunk holds only files up to a few MiB): read once, its format told from memory
    raw = b""
    if task.format in (None, readsb_trace.FORMAT):
        raw = hashed if hashed is not None else _read(p)
    rep.format = task.format or lio.detect_format_of_head(head_of_bytes(raw, p), p)
    if rep.format != readsb_trace.FORMAT:
        raw = b""
    if raw and not packed_csv.is_tar(_head(raw, p)):
        if (hashed is None and hashlib.sha256(raw).hexdigest() != task.digest) or not unchanged(p, before):
            raise FileChangedError(p)
        data, note = decompress_bytes(raw, p)
        tf = readsb_trace.load_trace(data, note, p, rep.rejects)
        if tf.count > max_rows:
            pf.oversize = True
            return None
        return tf
    parts: list[pa.Table] = []
    rows = 0
    for t in lio.read(p, format=rep.format, rejects=rep.rejects, assume_time=task.assume_time):
        if t.num_rows == 0:
            continue
        rows += t.num_rows
        if rows > max_rows:  # not small after all: the store streams it in its own transaction
            pf.oversize = True
            rep.rejects = RejectLog()
            return None
        parts.append((t if t.schema.equals(POINT_SCHEMA) else conform(t)).replace_schema_metadata(None))
    if not unchanged(p, before):
        raise FileChangedError(p)
    return pa.concat_tables(parts) if parts else None


def _read(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def _head(raw: bytes, path: str) -> bytes:
    """The first 512 decompressed bytes (is it a tar?), from memory for gzip and plain files."""
    kind = compression_of(raw[:6])
    if kind is None:
        return raw[:512]
    if kind == "gzip":
        try:
            return zlib.decompressobj(wbits=31).decompress(raw[:65536], 512)
        except zlib.error:
            return b""  # a damaged stream: the salvaging reader decides what is left of it
    return read_head(path, 512)


def _convert_traces(traces: list[tuple[int, readsb_points.TraceFile]], pieces: _Pieces) -> None:
    """Shortcut documents together (one CSV parse), clean parsed ones together, the rare others one by one."""
    text = [(i, tf) for i, tf in traces if tf.prepared is not None]
    clean = [(i, tf) for i, tf in traces if tf.prepared is None and tf.clean]
    groups = [g for g in (text, clean) if g]
    groups += [[(i, tf)] for i, tf in traces if tf.prepared is None and not tf.clean]
    for group in groups:
        ids = np.array([i for i, _ in group], dtype=np.int32)
        table, owner = readsb_points.convert([tf for _, tf in group])
        pieces.add(table, ids[owner])


def _assemble(pieces: _Pieces, files: list[ParsedFile]) -> pa.Table:
    """One table in file order, outside-the-window rows dropped (rejects of their file), keys and counts."""
    schema = POINT_SCHEMA.append(pa.field("row_key", pa.uint64(), nullable=False)).append(
        pa.field("_file", pa.int32(), nullable=False)
    )
    if not pieces.tables:
        return schema.empty_table()
    table = pa.concat_tables(pieces.tables)
    owner = np.concatenate(pieces.owners)
    if len(pieces.tables) > 1 and bool((np.diff(owner) < 0).any()):
        order = np.argsort(owner, kind="stable")
        table, owner = table.take(pa.array(order)), owner[order]
    us = table.column("ts").cast(pa.int64()).to_numpy()
    ok = (us >= int(TIME_MIN_S * 1_000_000)) & (us <= int(time_max_s() * 1_000_000))
    if not ok.all():
        bad_per_file = np.bincount(owner[~ok], minlength=len(files))
        for k in np.flatnonzero(bad_per_file):
            rep = files[int(k)].report
            rep.rejects.add(rep.path, "rows", TIME_REASON)
            rep.rejects.counts[TIME_REASON] += int(bad_per_file[k]) - 1
        table, owner = table.filter(pa.array(ok)), owner[ok]
    _count(table, owner, files)
    table = table.append_column("row_key", table_row_keys(table))
    return table.append_column("_file", pa.array(owner, pa.int32()))


def _count(table: pa.Table, owner: np.ndarray, files: list[ParsedFile]) -> None:
    """Rows, assets and time span of each file (one grouped pass, not one per file)."""
    if table.num_rows == 0:
        return
    frame = pl.from_arrow(table.select(["ts", "asset_id"]))
    assert isinstance(frame, pl.DataFrame)
    stats = (
        frame.with_columns(pl.Series("_file", owner))
        .group_by("_file")
        .agg(pl.len().alias("n"), pl.col("asset_id").n_unique().alias("a"), pl.min("ts"), pl.max("ts").alias("hi"))
    )
    for k, n, a, lo, hi in stats.iter_rows():
        rep = files[int(k)].report
        rep.rows_read, rep.assets, rep.t_min, rep.t_max = int(n), int(a), lo, hi


__all__ = ["ARCHIVE_ERRORS", "FileTask", "ParsedChunk", "ParsedFile", "parse_chunk"]

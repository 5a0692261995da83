"""Reader for OpenSky Network state vectors, as CSV (header or not) and as Parquet, gzip/bz2/xz/zstd transparent.

Covers the historical database schema (``state_vectors_data4`` as exported from Trino/Impala or the public
``states_*.csv`` dumps, with or without ``serials``/``hour``) and the REST API's 17/18-field state vector saved as
CSV or Parquet, or the API's JSON answers (:mod:`liftwatch.io.opensky_json`); see
:mod:`liftwatch.io.opensky_columns` for the column roles, units and the choice of time.

CSV goes through :mod:`liftwatch.io.textchunks`: line-aligned chunks parsed by pyarrow's C++ parser with typed
columns (the fast path, > 1 M rows/s on one core); a chunk that fails typed parsing is parsed again as text and
converted by Polars so that only its bad rows are rejected. Lines with the wrong number of fields are quarantined
with their line numbers. Parquet is streamed row group by row group; a corrupt row group is rejected as a whole
(with its row range) and the rest of the file is kept, while a column whose type cannot be converted (the same in
every row group) makes the whole file unreadable: a systematic problem is never reported as per-row losses.
Time columns may be numbers (epoch seconds) or Arrow timestamps of any unit (pandas writes ``timestamp[ns]``).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from liftwatch.errors import UnreadableFileError
from liftwatch.io import opensky_json, packed_csv
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog, compression_of, read_all_bytes
from liftwatch.io.opensky_columns import Layout, layout_from_fields, layout_from_names, to_points
from liftwatch.io.textchunks import (
    Chunk,
    ParsedChunk,
    chunk_bytes_for,
    head_bytes,
    iter_chunks,
    one_line,
    parse_chunk,
)
from liftwatch.io.vector import DATA_ERRORS as _DATA_ERRORS
from liftwatch.io.vector import log_rejects

FORMATS = ("opensky_csv", "opensky_parquet", "opensky_json")
FORMAT = "opensky_csv"
_PARQUET_MAGIC = b"PAR1"


# --- sniffing ------------------------------------------------------------------------------------------------
def _first_line(head: bytes) -> tuple[str, int] | None:
    """First non-blank line of ``head`` (decoded) and how many lines up to and including it."""
    text = head.decode("utf-8", "replace").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", " ")
    for i, line in enumerate(text.split("\n"), start=1):  # line breaks exactly as the chunker counts them
        if line.strip():
            return line, i
    return None


def csv_layout(head: bytes) -> tuple[Layout, int] | None:
    """The CSV layout from the first line, and the number of lines to skip before data (header)."""
    first = _first_line(head)
    if first is None:
        return None
    line, n = first
    if line.lstrip().startswith("{") and "icao24" not in line.replace('"', "").lower():
        # a JSON object (a trace, a snapshot): its first field is no epoch or hex id, and its names cannot
        # hold "icao24" when the line has none with its quotes removed. Refused before the CSV parse of a
        # 4 KiB line, which cost ~35 µs for every trace file whose format is detected.
        return None
    try:
        fields = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return None
    by_name = layout_from_names(fields)
    if by_name is not None:
        return by_name, n
    by_shape = layout_from_fields(fields)
    if by_shape is not None:
        return by_shape, n - 1
    return None


def _parquet_layout(path: str) -> Layout | None:
    try:
        names = pq.read_schema(_parquet_source(path)).names
    except (*_DATA_ERRORS, UnreadableFileError):
        return None
    return layout_from_names(names)


def sniff(head: bytes, path: str) -> str | bool:
    """``"opensky_parquet"`` / ``"opensky_csv"`` / ``"opensky_json"`` for OpenSky state vectors, else False."""
    if opensky_json.sniff(head):
        return "opensky_json"
    if head.startswith(_PARQUET_MAGIC):
        return "opensky_parquet" if _parquet_layout(path) else False
    return "opensky_csv" if csv_layout(head[:65536]) is not None else False


# --- reading -------------------------------------------------------------------------------------------------
def read(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Read either form, deciding by content (Parquet magic or not)."""
    head = head_bytes(path)
    found = sniff(head, path)
    fmt = found if isinstance(found, str) else "opensky_csv"
    yield from read_format(path, fmt, rejects, batch_rows)


def read_format(path: str, fmt: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Stream canonical point tables from one OpenSky file in the given form."""
    p = os.fspath(path)
    if os.path.isdir(p):
        raise UnreadableFileError(p, "is a directory, not an OpenSky file")
    if fmt == "opensky_parquet":
        yield from _read_parquet(p, rejects, batch_rows)
    elif fmt == "opensky_csv":
        yield from _read_csv(p, rejects, batch_rows)
    elif fmt == "opensky_json":
        yield from opensky_json.read(p, rejects, batch_rows)
    else:
        raise UnreadableFileError(p, f"unknown OpenSky form {fmt!r}")


def _read_csv(path: str, rejects: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    head = head_bytes(path)
    if not head.strip():
        return
    found = csv_layout(head)
    if found is None:
        why = packed_csv.why_not_read(path) if packed_csv.kind_of(head[:512]) else None
        raise UnreadableFileError(
            path,
            why or "not an OpenSky state-vector CSV (no icao24/time/lat/lon header and no known header-less layout)",
        )
    layout, skip = found
    for chunk in iter_chunks(path, chunk_bytes_for(batch_rows, head), rejects):
        if skip:
            chunk, skip = _drop_lines(chunk, skip)
            if not chunk.data:
                continue
        table = _csv_chunk(path, chunk, layout, rejects)
        if table is not None and table.num_rows:
            yield table


def _drop_lines(chunk: Chunk, n: int) -> tuple[Chunk, int]:
    data = chunk.data
    pos = 0
    dropped = 0
    while dropped < n:
        nl = data.find(b"\n", pos)
        if nl < 0:  # the chunk ends inside the lines to skip
            partial = 1 if pos < len(data) else 0
            return Chunk(b"", chunk.first_line + dropped + partial), n - dropped - partial
        pos = nl + 1
        dropped += 1
    return Chunk(data[pos:], chunk.first_line + dropped), 0


def _csv_chunk(path: str, chunk: Chunk, layout: Layout, rejects: RejectLog) -> pa.Table | None:
    """Parse, convert and validate one chunk; rejects go to ``rejects`` with their line numbers."""
    parsed: ParsedChunk | None = None
    try:
        parsed = parse_chunk(chunk, layout.names, layout.arrow_types(), layout.include)
    except _DATA_ERRORS:
        try:  # a value did not convert: parse as text and let Polars find exactly which rows are bad
            parsed = parse_chunk(chunk, layout.names, dict.fromkeys(layout.include, pa.string()), layout.include)
        except _DATA_ERRORS as exc:
            n = sum(1 for line in chunk.data.split(b"\n") if line.strip())
            rejects.add(path, f"line {chunk.first_line}", "unparsable block of lines", one_line(exc))
            rejects.counts["unparsable block of lines"] += n - 1
            return None
    expected = len(layout.names)
    quote_lines = set(parsed.quote_lines)
    for line, text, nfields in zip(parsed.invalid_lines, parsed.invalid_text, parsed.invalid_fields, strict=True):
        if line in quote_lines:
            rejects.add(path, f"line {line}", "unbalanced quote", text)
        else:
            rejects.add(path, f"line {line}", f"wrong number of fields ({nfields}, expected {expected})", text)
    try:
        good, groups = to_points(parsed.table, layout)
    except _DATA_ERRORS:
        n = parsed.table.num_rows
        log_rejects(rejects, path, parsed.lines, [("unconvertible rows", np.arange(n))])
        return None
    log_rejects(rejects, path, parsed.lines, groups)
    return good


def _parquet_source(path: str) -> str | pa.BufferReader:
    with open(path, "rb") as fh:
        head = fh.read(6)
    if compression_of(head) is None:
        return path
    return pa.BufferReader(read_all_bytes(path))


def _read_parquet(path: str, rejects: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    try:
        pf = pq.ParquetFile(_parquet_source(path))
        names = pf.schema_arrow.names
        n_groups = pf.metadata.num_row_groups
    except UnreadableFileError:
        raise
    except _DATA_ERRORS as exc:
        raise UnreadableFileError(path, f"not a readable Parquet file: {one_line(exc)}") from None
    layout = layout_from_names(names)
    if layout is None:
        raise UnreadableFileError(path, "Parquet file without OpenSky state-vector columns (icao24, time, lat, lon)")
    columns = [names[[n.strip().lower() for n in names].index(c)] for c in layout.include]
    rename = dict(zip(columns, layout.include, strict=True))
    first_row = 1
    for rg in range(n_groups):
        try:
            n_rg = pf.metadata.row_group(rg).num_rows
        except _DATA_ERRORS:
            n_rg = 0
        done = 0
        batches = pf.iter_batches(batch_size=max(batch_rows, 1), row_groups=[rg], columns=columns)
        while True:
            try:
                batch = next(batches, None)
            except _DATA_ERRORS as exc:  # the bytes of this row group do not decode: lose it, keep the rest
                lost = max(n_rg - done, 1)
                where = f"rows {first_row + done}-{first_row + done + lost - 1} (row group {rg})"
                rejects.add(path, where, "corrupt Parquet row group", one_line(exc))
                rejects.counts["corrupt Parquet row group"] += lost - 1
                break
            if batch is None:
                break
            rows = np.arange(first_row + done, first_row + done + batch.num_rows, dtype=np.int64)
            done += batch.num_rows
            table = pa.Table.from_batches([batch]).rename_columns([rename[c] for c in batch.schema.names])
            try:
                table, groups = to_points(table, layout)
            except _DATA_ERRORS as exc:
                # The data decoded but a column's type cannot be converted: that is the same for every row group,
                # so it is the file's problem (never a silent per-row-group loss).
                types = ", ".join(f"{c}: {batch.schema.field(c).type}" for c in batch.schema.names)
                raise UnreadableFileError(path, f"cannot convert OpenSky columns ({types}): {one_line(exc)}") from None
            log_rejects(rejects, path, rows, groups, "row")
            if table.num_rows:
                yield table
        first_row += max(n_rg, done)


__all__ = ["FORMAT", "FORMATS", "read", "read_format", "sniff"]

"""Reader for raw Mode S messages kept as *tables*: one message per row with its time and often its address.

Three forms real users hold:

* **rs1090 / jet1090 JSON Lines** (``{"timestamp": 1720248189.525094, "frame": "8f39...", "df": "17",
  "icao24": "393322", ...decoded fields}``): the raw frame with a microsecond time, and rs1090's own decode,
  which is not trusted here (liftwatch decodes the frame itself) except for ``icao24``.
* **CSV of raw messages**, as pyModeS's sample data and many receiver scripts write them: ``timestamp,"hex",
  "icao",tc`` or ``ts,icao,hex`` (with or without a header, a UTF-8 BOM, quoted or not). Columns are found by
  header name (time: ``timestamp``/``ts``/``time``/``mintime``; message: ``rawmsg``/``msg``/``message``/``hex``/
  ``frame``; address: ``icao24``/``icao``/``address``) or, without a header, by content: the column of 14/28 hex
  digits is the message, a column of epoch seconds the time, a column of 6 hex digits the address.
* **OpenSky raw-message Parquet** (``mintime``, ``rawmsg``, ``icao24``, as the OpenSky database's
  ``rollcall_replies_data4``/``position_data4`` tables export them).

A stated address matters for DF20/21 Comm-B replies: their parity field is often overlaid (with the
interrogator's BDS request), so the CRC remainder is not the address and the reply could not be attributed from
the message alone. Where the row names the address (OpenSky's ``icao24``, the CSV's ``icao``), that address is
used for address/parity replies; DF11/17/18 keep their own CRC-checked address.

Rows are decoded in file order with one stateful decoder (:mod:`liftwatch.modes.decode`), so pairs span
batches, and accounted for as the other raw readers do (:class:`liftwatch.io.raw_modes.Tally`): each row becomes
a point, a reject with its line (bad time, not a Mode S message), or a counted non-position message.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from liftwatch.errors import UnreadableFileError
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog, compression_of, read_all_bytes
from liftwatch.io.raw_modes import Tally
from liftwatch.io.textchunks import Chunk, chunk_bytes_for, head_bytes, iter_chunks, one_line, parse_chunk
from liftwatch.io.vector import DATA_ERRORS, as_float, as_text, log_rejects
from liftwatch.modes.crc import hex_to_bytes
from liftwatch.modes.decode import DecoderConfig, ModesDecoder

FORMATS = ("modes_jsonl", "modes_csv", "modes_parquet")
FORMAT = "modes_csv"

TIME_NAMES = ("timestamp", "ts", "time", "mintime", "t")
MESSAGE_NAMES = ("rawmsg", "msg", "message", "hex", "frame", "raw")
ADDRESS_NAMES = ("icao24", "icao", "address", "hex_ident", "icao_address")
TS_MIN_S, TS_MAX_S = 946_684_800.0, 4_102_444_800.0  # 2000-2100, as the other readers

BAD_TIME = "bad or missing time"
NOT_MODES = "not a Mode S message"
NOT_JSON = "not an rs1090 JSON line (no timestamp/frame)"


@dataclass(frozen=True)
class CsvLayout:
    """Column positions of a raw-message CSV (``address`` may be absent) and whether line 1 is a header."""

    n_fields: int
    time: int
    message: int
    address: int | None
    header: bool


# --- sniffing ------------------------------------------------------------------------------------------------
def _strip(v: str) -> str:
    return v.strip().strip('"').strip()


def _is_hex(v: str, lengths: tuple[int, ...]) -> bool:
    return len(v) in lengths and all(c in "0123456789abcdefABCDEF" for c in v)


def _is_epoch(v: str) -> bool:
    try:
        x = float(v)
    except ValueError:
        return False
    return TS_MIN_S <= x <= TS_MAX_S or TS_MIN_S * 1e3 <= x <= TS_MAX_S * 1e3


def csv_layout(head: bytes, *, strict: bool = True) -> CsvLayout | None:
    """Layout of a raw-message CSV from its first lines, or None.

    ``strict`` (format sniffing): at least 3 columns (2-column ``time,hex`` files are the plain hex reader's),
    every sampled line of the same width and every value of the chosen columns well-formed. Reading a file
    already known to be such a CSV (``strict=False``) goes by the header names alone, or by what most lines show,
    so a file that opens with damaged lines is still read, and those lines rejected.
    """
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    lines = [ln for ln in text.replace("\r", "").split("\n")[:21] if ln.strip()]
    if len(head) >= 4096 and len(lines) > 1:
        lines = lines[:-1]  # may be cut
    if not lines:
        return None
    try:
        rows = [[_strip(v) for v in r] for r in csv.reader(lines)]
    except csv.Error:
        return None
    n = len(rows[0])
    if n < 3 or (strict and any(len(r) != n for r in rows)):
        return None
    names = [v.lower() for v in rows[0]]
    if any(v in MESSAGE_NAMES for v in names):
        t = next((names.index(x) for x in TIME_NAMES if x in names), None)
        m = next(names.index(x) for x in MESSAGE_NAMES if x in names)
        a = next((names.index(x) for x in ADDRESS_NAMES if x in names), None)
        if t is None or (strict and (len(rows) < 2 or not all(_is_hex(r[m], (14, 28)) for r in rows[1:]))):
            return None
        return CsvLayout(n, t, m, a, True)
    body = [r for r in rows if len(r) == n]
    need = len(body) if strict else max(len(body) // 2, 1)

    def columns(ok: Callable[[str], bool]) -> list[int]:
        return [i for i in range(n) if sum(1 for r in body if ok(r[i])) >= need]

    msg = columns(lambda v: _is_hex(v, (14, 28)))
    tim = columns(_is_epoch)
    adr = columns(lambda v: _is_hex(v, (6,)))
    if len(msg) != 1 or not tim:
        return None
    return CsvLayout(n, tim[0], msg[0], adr[0] if adr else None, False)


def _jsonl(head: bytes) -> bool:
    h = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    first = h.split(b"\n", 1)[0]
    return first.startswith(b"{") and b'"frame"' in first and b'"timestamp"' in first


def _parquet_columns(path: str) -> tuple[str, str, str | None] | None:
    """(time, message, address) column names of a raw-message Parquet file, or None."""
    try:
        names = pq.read_schema(_parquet_source(path)).names
    except (*DATA_ERRORS, UnreadableFileError):
        return None
    low = {n.strip().lower(): n for n in names}
    t = next((low[x] for x in TIME_NAMES if x in low), None)
    m = next((low[x] for x in MESSAGE_NAMES if x in low), None)
    a = next((low[x] for x in ADDRESS_NAMES if x in low), None)
    return (t, m, a) if t and m else None


def sniff(head: bytes, path: str) -> str | bool:
    """``modes_jsonl`` / ``modes_parquet`` / ``modes_csv`` for tables of raw Mode S messages, else False."""
    if head.startswith(b"PAR1"):
        return "modes_parquet" if _parquet_columns(path) else False
    if _jsonl(head):
        return "modes_jsonl"
    return "modes_csv" if csv_layout(head[:65536]) is not None else False


# --- reading -------------------------------------------------------------------------------------------------
def read(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    found = sniff(head_bytes(path), path)
    yield from read_format(path, found if isinstance(found, str) else FORMAT, rejects, batch_rows)


def read_format(path: str, fmt: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    p = os.fspath(path)
    if os.path.isdir(p):
        raise UnreadableFileError(p, "is a directory, not a raw Mode S message table")
    decoder = ModesDecoder(DecoderConfig())
    tally = Tally(p, rejects)
    if fmt == "modes_parquet":
        rows = _parquet_rows(p, rejects, batch_rows)
    elif fmt == "modes_jsonl":
        rows = _jsonl_rows(p, rejects, batch_rows)
    elif fmt == "modes_csv":
        rows = _csv_rows(p, rejects, batch_rows)
    else:
        raise UnreadableFileError(p, f"unknown raw-message table form {fmt!r}; known: {', '.join(FORMATS)}")
    prefix = "row" if fmt == "modes_parquet" else "line"
    for ts, hexes, addr, where in rows:
        msgs, nbytes, ok = hex_to_bytes(hexes)
        res = decoder.decode(ts, msgs, nbytes, ok, addresses=addr)
        tally.add(res, _locations(prefix, where))
        if res.points.num_rows:
            yield res.points
    tally.close()


def _locations(prefix: str, where: np.ndarray) -> Callable[[np.ndarray], list[str]]:
    """Batch rows -> ``line N`` / ``row N`` of the file."""
    return lambda rows: [f"{prefix} {int(x)}" for x in where[rows]]


Rows = Iterator[tuple[np.ndarray, pl.Series, np.ndarray, np.ndarray]]  # time, hex, stated address, line/row


def _finish(
    path: str, rejects: RejectLog, where: np.ndarray, t: pl.Series, msg: pl.Series, adr: pl.Series | None, prefix: str
) -> tuple[np.ndarray, pl.Series, np.ndarray, np.ndarray] | None:
    """Validate one batch's columns; bad rows go to ``rejects`` with their line/row; the rest are returned as
    (epoch seconds, hex, stated address or -1, line/row number) in file order (the decoder orders by aircraft
    and time itself). Times are epoch seconds or milliseconds, or ISO-8601 text (UTC unless it says)."""
    if t.dtype == pl.String:
        text = t.str.strip_chars().str.strip_chars('"')
        iso = text.str.to_datetime(time_zone="UTC", strict=False, time_unit="us").dt.epoch("us") / 1e6
        t = text.cast(pl.Float64, strict=False).fill_null(iso)
    t = t.cast(pl.Float64, strict=False)
    t = pl.select(pl.when(t > TS_MAX_S).then(t / 1000.0).otherwise(t)).to_series()
    bad_t = (t.is_null() | t.is_nan() | (t < TS_MIN_S) | (t > TS_MAX_S)).fill_null(True).to_numpy()
    msg = msg.str.strip_chars().str.strip_chars('"')
    n_hex = msg.str.len_bytes().fill_null(0)
    bad_m = ~(msg.str.contains(r"^[0-9a-fA-F]+$").fill_null(False) & ((n_hex == 14) | (n_hex == 28))).to_numpy()
    groups = [(BAD_TIME, np.flatnonzero(bad_t)), (NOT_MODES, np.flatnonzero(bad_m & ~bad_t))]
    log_rejects(rejects, path, where, [(r, i) for r, i in groups if i.size], prefix)
    keep = ~(bad_t | bad_m)
    if not keep.any():
        return None
    given = np.full(len(msg), -1, dtype=np.int64)
    if adr is not None:
        a = adr.str.strip_chars().str.strip_chars('"')
        given = a.str.to_integer(base=16, strict=False).fill_null(-1).to_numpy().astype(np.int64)
        given = np.where(a.str.len_bytes().fill_null(0).to_numpy() == 6, given, -1)
    idx = np.flatnonzero(keep)
    return t.to_numpy()[idx].astype(np.float64), msg.gather(idx), given[idx], where[idx]


def _csv_rows(path: str, rejects: RejectLog, batch_rows: int) -> Rows:
    head = head_bytes(path)
    if not head.strip():
        return
    layout = csv_layout(head, strict=False)
    if layout is None:
        raise UnreadableFileError(path, "not a CSV of raw Mode S messages (no time and 14/28-hex message columns)")
    names = [f"c{i}" for i in range(layout.n_fields)]
    skip = 1 if layout.header else 0
    for chunk in iter_chunks(path, chunk_bytes_for(batch_rows, head), rejects):
        if skip:
            chunk, skip = _drop_first_line(chunk)
            if not chunk.data:
                continue
        parsed = parse_chunk(chunk, names, dict.fromkeys(names, pa.string()))
        for line, text, nf in zip(parsed.invalid_lines, parsed.invalid_text, parsed.invalid_fields, strict=True):
            rejects.add(path, f"line {line}", f"wrong number of fields ({nf}, expected {layout.n_fields})", text)
        tab = parsed.table
        col = {i: _series(tab.column(i)) for i in range(tab.num_columns)}
        adr = col[layout.address] if layout.address is not None else None
        out = _finish(path, rejects, parsed.lines, col[layout.time], col[layout.message], adr, "line")
        if out is not None:
            yield out


def _drop_first_line(chunk: Chunk) -> tuple[Chunk, int]:
    """Drop the header (the first non-blank line); returns the rest and how many headers are still to drop."""
    data, first = chunk.data, chunk.first_line
    while data:
        nl = data.find(b"\n")
        line, data = (data, b"") if nl < 0 else (data[:nl], data[nl + 1 :])
        first += 1
        if line.strip():
            return Chunk(data, first), 0
    return Chunk(b"", first), 1


def _series(col: pa.ChunkedArray | pa.Array) -> pl.Series:
    s = pl.from_arrow(as_text(col))
    assert isinstance(s, pl.Series)
    return s


_J_TS = r'"timestamp"\s*:\s*"?([-+0-9.eE]+)'
_J_FRAME = r'"frame"\s*:\s*"([^"]*)"'
_J_ICAO = r'"icao24"\s*:\s*"([^"]*)"'


def _jsonl_rows(path: str, rejects: RejectLog, batch_rows: int) -> Rows:
    """JSON Lines: the three fields are pulled out of each line by pattern (vectorised), not by a JSON parser
    per line; rs1090 writes them as plain scalars, and a line without them is rejected with its number."""
    head = head_bytes(path)
    for chunk in iter_chunks(path, chunk_bytes_for(batch_rows, head), rejects):
        text = chunk.data.decode("utf-8", "replace")
        lines = pl.Series("l", text.split("\n"), dtype=pl.String)
        if text.endswith("\n"):
            lines = lines.head(len(lines) - 1)
        numbers = np.arange(chunk.first_line, chunk.first_line + len(lines), dtype=np.int64)
        nonblank = (lines.str.strip_chars().str.len_bytes() > 0).to_numpy()
        lines, numbers = lines.filter(pl.Series(nonblank)), numbers[nonblank]
        frame = lines.str.extract(_J_FRAME, 1)
        ts = lines.str.extract(_J_TS, 1)
        is_obj = lines.str.strip_chars().str.starts_with("{").to_numpy()
        bad = ~is_obj | frame.is_null().to_numpy() | ts.is_null().to_numpy()
        if bad.any():
            log_rejects(rejects, path, numbers, [(NOT_JSON, np.flatnonzero(bad))], "line")
            good = pl.Series(~bad)
            lines, frame, ts, numbers = lines.filter(good), frame.filter(good), ts.filter(good), numbers[~bad]
        if len(lines) == 0:
            continue
        out = _finish(path, rejects, numbers, ts, frame, lines.str.extract(_J_ICAO, 1), "line")
        if out is not None:
            yield out


def _parquet_source(path: str) -> str | pa.BufferReader:
    with open(path, "rb") as fh:
        head = fh.read(6)
    if compression_of(head) is None:
        return path
    return pa.BufferReader(read_all_bytes(path))


def _parquet_rows(path: str, rejects: RejectLog, batch_rows: int) -> Rows:
    cols = _parquet_columns(path)
    if cols is None:
        raise UnreadableFileError(path, "Parquet file without raw Mode S columns (time such as mintime, rawmsg)")
    try:
        pf = pq.ParquetFile(_parquet_source(path))
        n_groups = pf.metadata.num_row_groups
    except DATA_ERRORS as exc:
        raise UnreadableFileError(path, f"not a readable Parquet file: {one_line(exc)}") from None
    t_name, m_name, a_name = cols
    wanted = [c for c in (t_name, m_name, a_name) if c]
    first = 1
    for rg in range(n_groups):
        try:
            n_rg = pf.metadata.row_group(rg).num_rows
            tab = pf.read_row_group(rg, columns=wanted)
        except DATA_ERRORS:
            lost = max(n_rg, 1)
            rejects.add(path, f"rows {first}-{first + lost - 1} (row group {rg})", "corrupt Parquet row group")
            rejects.counts["corrupt Parquet row group"] += lost - 1
            first += lost
            continue
        for off in range(0, tab.num_rows, max(batch_rows, 1)):
            part = tab.slice(off, max(batch_rows, 1))
            where = np.arange(first + off, first + off + part.num_rows, dtype=np.int64)
            t_val, _ = as_float(part.column(t_name))
            t = pl.from_arrow(t_val)
            assert isinstance(t, pl.Series)
            adr = _series(part.column(a_name)) if a_name else None
            out = _finish(path, rejects, where, t, _series(part.column(m_name)), adr, "row")
            if out is not None:
                yield out
        first += tab.num_rows


def messages(path: str, fmt: str | None = None) -> pl.DataFrame:
    """Every valid message of a raw-message table, decoded field by field (``icao``, ``df``, ``tc``, ``lat``,
    ``lon``, ``altitude``, ...; see :func:`liftwatch.modes.output.message_frame`) with ``given_icao``, the address
    the row itself states (null where none) and ``line`` (the row's line, or row for Parquet): for inspecting a recording and checking attribution."""
    found = fmt or sniff(head_bytes(path), path)
    if not isinstance(found, str):
        raise UnreadableFileError(path, "not a raw Mode S message table")
    rows = {"modes_parquet": _parquet_rows, "modes_jsonl": _jsonl_rows, "modes_csv": _csv_rows}[found]
    decoder = ModesDecoder(DecoderConfig())
    parts = []
    for ts, hexes, addr, where in rows(path, RejectLog(), DEFAULT_BATCH_ROWS):
        res = decoder.decode_hex(ts, hexes, messages=True, addresses=addr)
        if res.messages is not None and res.messages.height:
            given = pl.Series("given_icao", [f"{a:06x}" if a >= 0 else None for a in addr.tolist()], dtype=pl.String)
            row = res.messages["row"]
            parts.append(
                res.messages.with_columns(given.gather(row).alias("given_icao"), pl.Series("line", where).gather(row))
            )
    return pl.concat(parts, how="vertical_relaxed") if parts else pl.DataFrame()


__all__ = ["FORMAT", "FORMATS", "csv_layout", "messages", "read", "read_format", "sniff"]

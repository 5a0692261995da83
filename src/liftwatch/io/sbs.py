"""Reader for SBS-1 / BaseStation text (the port-30003 CSV of dump1090, readsb, Virtual Radar Server, BaseStation).

Each line has 22 comma-separated fields: message type (MSG, SEL, ID, AIR, STA, CLK), transmission type (1-8),
session/aircraft ids, hex ident, flight id, date and time *generated*, date and time *logged*, callsign,
altitude (ft), ground speed (kt), track (deg), latitude, longitude, vertical rate (ft/min), squawk, alert
(squawk changed), emergency, SPI (ident) and is-on-ground (``-1``/``1`` true, ``0`` false).

One point per ``MSG`` line: position messages (MSG,2 surface, flagged ``SURFACE``; MSG,3 airborne) carry lat/lon,
the others give identity, velocity, altitude or squawk with a null position (the point schema allows it), so
later stages can join them. ``SEL``,
``ID``, ``AIR``, ``STA`` and ``CLK`` lines are session bookkeeping of BaseStation, not observations: they are
counted in the reject log under "ignored non-MSG line" so the line accounting stays complete.

Time: the *generated* date/time (fields 7-8, when the receiver decoded the message) is used; the *logged* one
(fields 9-10, when the logging program wrote it, later by the feed's buffering) only when the generated one is
missing or broken. SBS carries no time zone; dump1090 and readsb write the receiver's local time, so set the
receiver to UTC or set ``LIFTWATCH_SBS_TZ`` (an IANA name such as ``Europe/Berlin``) to convert. Alert, emergency
and SPI have no column in the point schema and are not kept (an emergency shows in ``squawk`` 7500/7600/7700).

Parsing is vectorised: chunks of lines go through pyarrow's C++ CSV parser (no quoting in SBS), wrong field counts
are quarantined with their line numbers (:mod:`liftwatch.io.textchunks`), columns are validated with Arrow compute
(:mod:`liftwatch.io.vector`) and times parsed by Polars.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.errors import UnreadableFileError
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog
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
from liftwatch.io.vector import (
    Problems,
    as_bool,
    as_float,
    clean_callsign,
    clean_hex,
    clean_squawk,
    const_string,
    flat,
    log_rejects,
    plausible,
    position_problems,
)
from liftwatch.schema import POINT_SCHEMA, PointFlag

FORMAT = "sbs"
SOURCE = "sbs"
ENV_TZ = "LIFTWATCH_SBS_TZ"
TS_MIN = 946_684_800_000_000  # 2000-01-01 in µs
TS_MAX = 4_102_444_800_000_000  # 2100-01-01 in µs

NAMES = (
    "message_type",
    "transmission_type",
    "session_id",
    "aircraft_id",
    "hex_ident",
    "flight_id",
    "date_generated",
    "time_generated",
    "date_logged",
    "time_logged",
    "callsign",
    "altitude",
    "ground_speed",
    "track",
    "lat",
    "lon",
    "vertical_rate",
    "squawk",
    "alert",
    "emergency",
    "spi",
    "is_on_ground",
)
_FLOATS = ("altitude", "ground_speed", "track", "lat", "lon", "vertical_rate")
_TEXT = (
    "message_type",
    "transmission_type",
    "hex_ident",
    "date_generated",
    "time_generated",
    "date_logged",
    "time_logged",
    "callsign",
    "squawk",
)
_INCLUDE = [n for n in NAMES if n in _FLOATS or n in _TEXT or n == "is_on_ground"]
_TYPES: dict[str, pa.DataType] = {
    **dict.fromkeys(_TEXT, pa.string()),
    **dict.fromkeys(_FLOATS, pa.float64()),
    "is_on_ground": pa.bool_(),
}
_NON_MSG = ("SEL", "ID", "AIR", "STA", "CLK")
_IGNORED = "ignored non-MSG line (SEL/ID/AIR/STA/CLK)"
_SNIFF = re.compile(rb"^(MSG,[1-8]|SEL|ID|AIR|STA|CLK),[^\n]*,")
_DATE_FORMATS = ("%Y/%m/%d", "%Y-%m-%d", "%Y%m%d")


def sniff(head: bytes, path: str) -> bool:
    """True when the first non-blank line is an SBS message line."""
    for line in head.lstrip(b"\xef\xbb\xbf").splitlines():
        if line.strip():
            return bool(_SNIFF.match(line.strip()))
    return False


def read(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Stream canonical points, one per MSG line, in file order."""
    p = os.fspath(path)
    if os.path.isdir(p):
        raise UnreadableFileError(p, "is a directory, not an SBS file")
    head = head_bytes(p)
    if not head.strip():
        return
    if not sniff(head, p):
        raise UnreadableFileError(p, "not SBS-1/BaseStation text (first line is not MSG/SEL/ID/AIR/STA/CLK)")
    tz = os.environ.get(ENV_TZ, "UTC")
    for chunk in iter_chunks(p, chunk_bytes_for(batch_rows, head), rejects):
        table = _chunk(p, chunk, rejects, tz)
        if table is not None and table.num_rows:
            yield table


def _chunk(path: str, chunk: Chunk, rejects: RejectLog, tz: str) -> pa.Table | None:
    parsed: ParsedChunk
    try:
        parsed = parse_chunk(chunk, NAMES, _TYPES, _INCLUDE, quoted=False)
    except _DATA_ERRORS:
        try:
            parsed = parse_chunk(chunk, NAMES, dict.fromkeys(_INCLUDE, pa.string()), _INCLUDE, quoted=False)
        except _DATA_ERRORS as exc:
            n = sum(1 for line in chunk.data.split(b"\n") if line.strip())
            rejects.add(path, f"line {chunk.first_line}", "unparsable block of lines", one_line(exc))
            rejects.counts["unparsable block of lines"] += n - 1
            return None
    for line, text, nfields in zip(parsed.invalid_lines, parsed.invalid_text, parsed.invalid_fields, strict=True):
        kind = text.split(",", 1)[0].strip()
        reason = _IGNORED if kind in _NON_MSG else f"wrong number of fields ({nfields}, expected 22)"
        rejects.add(path, f"line {line}", reason, text)
    try:
        table, groups = to_points(parsed.table, tz)
    except _DATA_ERRORS:
        log_rejects(rejects, path, parsed.lines, [("unconvertible rows", np.arange(parsed.table.num_rows))])
        return None
    log_rejects(rejects, path, parsed.lines, groups)
    return table


def _day_us(date: pa.ChunkedArray) -> pa.Array:
    """Date text -> µs of midnight UTC; parsed once per distinct date (a chunk holds one or two)."""
    enc = pc.dictionary_encode(pc.utf8_trim_whitespace(flat(date)))
    days = pl.Series("d", enc.dictionary.to_pylist(), dtype=pl.String)
    parsed = pl.select(pl.coalesce([days.str.to_date(f, strict=False) for f in _DATE_FORMATS])).to_series()
    us = (parsed.cast(pl.Int64) * 86_400_000_000).to_arrow()
    return pc.take(us, enc.indices)


def _time_us(time: pa.ChunkedArray) -> pa.Array:
    """``HH:MM:SS[.fff]`` -> µs since midnight, null when malformed (fixed-position slicing, no strptime)."""
    s = pl.from_arrow(flat(time))
    assert isinstance(s, pl.Series)
    frame = pl.DataFrame({"t": s.str.strip_chars()})
    t = pl.col("t")
    h = t.str.slice(0, 2).cast(pl.Int64, strict=False)
    m = t.str.slice(3, 2).cast(pl.Int64, strict=False)
    sec = t.str.slice(6).cast(pl.Float64, strict=False)
    ok = (
        (t.str.slice(2, 1) == ":")
        & (t.str.slice(5, 1) == ":")
        & h.is_between(0, 23)
        & m.is_between(0, 59)
        & sec.is_between(0.0, 60.999999)
    )
    us = h * 3_600_000_000 + m * 60_000_000 + (sec * 1e6).round().cast(pl.Int64)
    return frame.select(pl.when(ok).then(us).alias("us"))["us"].to_arrow()


def _timestamps(date: pa.ChunkedArray, time: pa.ChunkedArray, tz: str) -> pa.Array:
    """date + time text -> µs since epoch (int64, null when unparsable), interpreted in ``tz``."""
    us = pc.add(_day_us(date), _time_us(time))
    if tz != "UTC":
        local = pl.from_arrow(pc.cast(us, pa.timestamp("us")))
        assert isinstance(local, pl.Series)
        utc = local.dt.replace_time_zone(tz, ambiguous="earliest", non_existent="null").dt.convert_time_zone("UTC")
        us = utc.dt.epoch("us").to_arrow()
    return us


def to_points(table: pa.Table, tz: str = "UTC") -> tuple[pa.Table, list[tuple[str, np.ndarray]]]:
    """Canonical points for the good MSG rows of a parsed chunk, and ``[(reason, row indices)]`` for the others."""
    n = table.num_rows
    problems = Problems(n)
    kind = pc.utf8_trim_whitespace(table.column("message_type"))
    is_msg = pc.fill_null(pc.equal(kind, "MSG"), False)
    problems.add(pc.and_(pc.invert(is_msg), pc.is_in(kind, pa.array(_NON_MSG))), _IGNORED)
    problems.add(pc.invert(is_msg), "unknown message type")
    tx = pc.utf8_trim_whitespace(table.column("transmission_type"))
    problems.add(pc.invert(pc.fill_null(pc.is_in(tx, pa.array(list("12345678"))), False)), "bad transmission type")
    ids, id_ok = clean_hex(table.column("hex_ident"), tilde=True)
    if id_ok is not None:
        problems.add(pc.invert(id_ok), "bad hex ident")
    us = _timestamps(table.column("date_generated"), table.column("time_generated"), tz)
    if us.null_count:  # the logged time only stands in where the generated one is missing or broken
        us = pc.coalesce(us, _timestamps(table.column("date_logged"), table.column("time_logged"), tz))
    problems.add(pc.is_null(us), "bad date/time")
    problems.add(pc.fill_null(pc.or_(pc.less(us, TS_MIN), pc.greater(us, TS_MAX)), False), "time out of range")
    v = {}
    for name in _FLOATS:
        v[name], bad = as_float(table.column(name))
        problems.add(bad, f"unparsable {name}")
    ground, bad = as_bool(table.column("is_on_ground"))
    problems.add(bad, "unparsable is_on_ground")
    position_problems(problems, v["lat"], v["lon"])
    keep, groups = problems.resolve()

    cols = {
        "asset_id": ids,
        "surface": pc.fill_null(pc.equal(tx, "2"), False),
        "us": us,
        "ground": ground,
        "callsign": table.column("callsign"),
        "squawk": table.column("squawk"),
        **v,
    }
    if keep is not None:
        mask = pa.array(keep)
        cols = {k: pc.filter(c, mask) for k, c in cols.items()}
        n = int(keep.sum())
    f32 = pa.float32()
    arrays = [
        const_string(SOURCE, n),
        const_string("air", n),
        cols["asset_id"],
        pc.cast(cols["us"], pa.timestamp("us", tz="UTC")),
        cols["lat"],
        cols["lon"],
        pc.cast(plausible(cols["altitude"], "alt_baro_ft"), f32),
        pa.nulls(n, f32),
        pc.cast(plausible(cols["ground_speed"], "gs_kt"), f32),
        pc.cast(plausible(cols["track"], "track_deg"), f32),
        pc.cast(plausible(cols["vertical_rate"], "vrate_fpm"), f32),
        pa.nulls(n, f32),
        cols["ground"],
        clean_callsign(cols["callsign"]),
        clean_squawk(cols["squawk"]),
        pc.multiply(pc.cast(cols["surface"], pa.uint16()), pa.scalar(int(PointFlag.SURFACE), pa.uint16())),
        pa.nulls(n, pa.string()),
        pa.nulls(n, pa.string()),
    ]
    return pa.Table.from_arrays(arrays, schema=POINT_SCHEMA), groups

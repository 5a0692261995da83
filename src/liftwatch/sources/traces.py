"""Turning readsb ``trace_full_<hex>.json`` members (gzip despite the name) into kept points, filtering early.

Shared by the adsb.lol day archives and the ADS-B Exchange sample traces. The address in the file name is
checked before anything is decompressed; the tar1090-db military flag is read from the header (readsb writes
it before the points) before the points are parsed; only then is the trace loaded by the readsb reader
(:func:`~liftwatch.io.readsb_trace.load_trace`). Loaded members are converted together, many at a time
(:func:`convert_members`, about :data:`GROUP_POINTS` points a pass, as the reader does for a tar archive): one
conversion per member paid a fixed cost per member that dominated a day of small traces. The area and watch
list apply per aircraft, so a group's table is filtered as one.
"""

from __future__ import annotations

import json
import re
import zlib

import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io import readsb_points
from liftwatch.io.base import RejectLog
from liftwatch.io.readsb_common import decompress_bytes
from liftwatch.io.readsb_points import TraceFile
from liftwatch.io.readsb_trace import MEMBER_GROUP_POINTS, load_trace
from liftwatch.sources.selection import Selection

GROUP_POINTS = MEMBER_GROUP_POINTS  # points converted in one pass: the reader's own group size for tar members

NAME_HEX = re.compile(r"trace_full_(~?[0-9a-fA-F]{6})\.json$")
_TRACE_KEY = re.compile(rb'"trace"\s*:\s*\[')
_FLAGS = re.compile(rb'"dbFlags"\s*:\s*(\d+)')


def member_hex(name: str) -> str | None:
    """The ICAO address of a ``traces/<xx>/trace_full_<hex>.json`` member (None for acas/, heatmap/, …)."""
    m = NAME_HEX.search(name)
    return m.group(1).lower() if m else None


def header_flags(raw: bytes) -> int:
    """``dbFlags`` from the header part of a decompressed trace (0 when absent)."""
    m = _TRACE_KEY.search(raw, 0, 1 << 16)
    head = raw[: m.start()] if m else raw[: 1 << 16]
    f = _FLAGS.search(head)
    if f is None and m is None:  # header not first: look at the whole document (-1: it is not all here)
        try:
            doc = json.loads(raw)
            v = doc.get("dbFlags", 0) if isinstance(doc, dict) else 0
            return v if isinstance(v, int) else 0
        except ValueError:
            return -1
    return int(f.group(1)) if f else 0


def _head(data: bytes, n: int = 8192) -> bytes:
    """The first ``n`` decompressed bytes: readsb writes the ~200-byte header first, so this rules a member out
    without inflating it (a header that is not there makes :func:`header_flags` say so, and all is inflated)."""
    if data[:2] != b"\x1f\x8b":
        return data[:n]
    try:
        return zlib.decompressobj(wbits=31).decompress(data, n)
    except zlib.error:
        return b""


def load_member(data: bytes, name: str, origin: str, selection: Selection, rejects: RejectLog) -> TraceFile | None:
    """One member loaded for conversion, or None (ruled out by the military flag, or unreadable: damage costs only
    this member, logged on ``rejects``). The address is the caller's to check first (nothing decompressed)."""
    hexid = member_hex(name) or ""
    flags = header_flags(_head(data)) if selection.military else 0
    if flags >= 0 and not selection.military_ok(flags, hexid):
        return None
    try:
        raw, note = decompress_bytes(data, name)
        if flags < 0 and not selection.military_ok(max(0, header_flags(raw)), hexid):
            return None
        return load_trace(raw, note, origin, rejects, where=name)
    except UnreadableFileError as exc:
        rejects.add(origin, name, f"unreadable trace file: {exc.reason}")
        return None


def convert_members(group: list[TraceFile], selection: Selection) -> pa.Table | None:
    """The kept points of loaded members, converted in one pass and filtered by area / watch list per aircraft."""
    if not group:
        return None
    table, _owner = readsb_points.convert(group)
    if table.num_rows and (selection.has_area or selection.watchlist is not None):
        table = selection.apply_points(table)
    return table if table.num_rows else None


def trace_points(data: bytes, name: str, origin: str, selection: Selection, rejects: RejectLog) -> pa.Table | None:
    """Kept points of one trace file (None when the selection drops it); damage costs only this member."""
    tf = load_member(data, name, origin, selection, rejects)
    return convert_members([tf], selection) if tf is not None else None

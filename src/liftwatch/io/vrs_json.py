"""Virtual Radar Server ``AircraftList.json`` snapshots: ``{"src": 1, "feeds": [...], "acList": [{...}, ...]}``.

What Virtual Radar Server answers and what ADS-B Exchange served and archived from 2016 to 2019: one snapshot a
minute of every aircraft the network heard, the years of the Russian airlift to Syria, archived as one zip a day
of 1,440 minute files (``2018-05-05.zip`` holding ``2018-05-05-0545Z.json``, ...). A snapshot file or such a zip
is one input; the zip's members are read in turn without extracting them (a member that is no snapshot is one
reject naming it). Each aircraft entry has
``Icao`` (hex address), ``Lat``/``Long`` with ``PosTime`` (the position's time, Unix ms), ``Alt`` (barometric
feet), ``Spd`` (knots; ground speed when ``SpdTyp`` is 0 or absent), ``Trak`` (track, or heading when ``TrkH``),
``Vsi`` (ft/min; geometric when ``VsiT`` is 1), ``Gnd``, ``Mlat``, ``Tisb``, ``Call``, ``Sqk``, ``Reg`` and
``Type``. One point per aircraft with a position; an aircraft heard without one in that snapshot is counted as
ignored. ``GAlt`` is the barometric altitude corrected for the local pressure, not a GNSS altitude, so it fills
no column; the short trails (``Cos``/``Cot``) are not read (the next snapshots carry the same positions).

Parsed by orjson (a salvaging parser keeps the entries before a cut or damage); the entries are turned into
columns by Polars in one call. Only a document holding a wrong-typed value (a string where a number belongs)
takes a slower pass that rejects exactly the entries carrying one.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io import packed_csv
from liftwatch.io import readsb_common as rc
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog, compression_of, max_document_bytes
from liftwatch.schema import PointFlag, conform

FORMAT = "vrs_json"
SOURCE = "vrs"

FIELDS: dict[str, Any] = {
    "Icao": pl.String,
    "Lat": pl.Float64,
    "Long": pl.Float64,
    "PosTime": pl.Float64,
    "Alt": pl.Float64,
    "Spd": pl.Float64,
    "SpdTyp": pl.Float64,
    "Trak": pl.Float64,
    "TrkH": pl.Boolean,
    "Vsi": pl.Float64,
    "VsiT": pl.Float64,
    "Gnd": pl.Boolean,
    "Mlat": pl.Boolean,
    "Tisb": pl.Boolean,
    "Call": pl.String,
    "Sqk": pl.String,
    "Reg": pl.String,
    "Type": pl.String,
}
_PY_TYPES = {pl.String: (str,), pl.Float64: (int, float), pl.Boolean: (bool,)}
_MS_MIN, _MS_MAX = 946_684_800_000.0, 4_102_444_800_000.0  # 2000-01-01 .. 2100-01-01


def _is_snapshot(head: bytes) -> bool:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return h.startswith(b"{") and b'"acList"' in h


def sniff(head: bytes, path: str) -> bool:
    """A snapshot (``acList`` in its head), or a zip whose first data member is one (a day of the archive)."""
    if head.startswith(b"PK\x03\x04"):
        return _first_member_head(path) is not None
    return _is_snapshot(head)


def _members(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    return [m for m in packed_csv.zip_files(zf) if not m.filename.rsplit("/", 1)[-1].startswith((".", "_"))]


def _first_member_head(path: str) -> bytes | None:
    """The first 4 KiB of a zip's first member when it is a snapshot (plain or gzip), else None."""
    try:
        with zipfile.ZipFile(path) as zf:
            members = _members(zf)
            if not members or packed_csv.zip_problem(members[0]) is not None:
                return None
            with zf.open(members[0]) as fh:
                head = fh.read(4096)
    except packed_csv.ARCHIVE_ERRORS:
        return None
    if compression_of(head) == "gzip":
        head = zlib.decompressobj(wbits=31).decompress(head, 4096)
    return head if _is_snapshot(head) else None


def read(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Stream canonical points from one snapshot file or a zip of them."""
    p = os.fspath(path)
    if os.path.isdir(p):
        raise UnreadableFileError(p, "is a directory, not a Virtual Radar Server snapshot")
    with open(p, "rb") as fh:
        zipped = fh.read(4) == b"PK\x03\x04"
    if zipped:
        yield from _batches(_zip_tables(p, rejects), batch_rows)
        return
    raw, note = rc.decompress_salvaging(p)
    yield from _batches(iter([_snapshot(raw, note, p, rejects)]), batch_rows)


def _snapshot(raw: bytes, note: str | None, path: str, rejects: RejectLog, where: str = "") -> pa.Table:
    doc, _ = rc.parse_document_clean(raw, note, path, "acList", "}", rejects, where=where)
    entries = doc.get("acList")
    if not isinstance(entries, list):
        raise UnreadableFileError(path, f"{where + ': ' if where else ''}no acList array of aircraft in the document")
    prefix = f"{where}: " if where else ""
    return conform(_convert(_frame(entries, path, rejects, prefix), path, rejects, prefix))


def _zip_tables(path: str, rejects: RejectLog) -> Iterator[pa.Table]:
    """Each member snapshot of a day's zip, in archive order; a member that is none is one reject."""
    limit = max_document_bytes()
    try:
        zf = zipfile.ZipFile(path)
    except packed_csv.ARCHIVE_ERRORS as exc:  # cut short, or a zip feature Python lacks: say which
        raise UnreadableFileError(path, packed_csv.why_not_read(path) or str(exc)) from None
    with zf:
        for m in _members(zf):
            if m.file_size > limit:
                rejects.add(path, m.filename, f"zip member larger than {limit >> 20} MiB; skipped")
                continue
            problem = packed_csv.zip_problem(m)
            if problem is not None:  # encrypted, or compressed in a way zipfile cannot read
                rejects.add(path, m.filename, problem)
                continue
            try:
                with zf.open(m) as fh:
                    raw, note = rc.decompress_bytes(fh.read(), m.filename)
                yield _snapshot(raw, note, path, rejects, where=m.filename)
            except UnreadableFileError as exc:
                rejects.add(path, m.filename, f"not a readable snapshot: {exc.reason}")
            except packed_csv.ARCHIVE_ERRORS as exc:
                rejects.add(path, m.filename, f"zip member unreadable: {exc}")


def _batches(tables: Iterator[pa.Table], batch_rows: int) -> Iterator[pa.Table]:
    """The snapshots' rows in tables of about ``batch_rows`` (a day's 1,440 snapshots are not 1,440 tables)."""
    held: list[pa.Table] = []
    rows = 0
    for t in tables:
        if t.num_rows:
            held.append(t)
            rows += t.num_rows
        if rows >= batch_rows:
            yield pa.concat_tables(held)
            held, rows = [], 0
    if held:
        yield pa.concat_tables(held)


def _frame(entries: list[Any], path: str, rejects: RejectLog, prefix: str = "") -> pl.DataFrame:
    """The entries' fields as typed columns (entry index in ``_entry``); wrong-typed entries rejected."""
    try:
        df = pl.from_dicts(entries, schema=FIELDS) if entries else pl.DataFrame(schema=FIELDS)
        return df.with_row_index("_entry")
    except (pl.exceptions.ComputeError, TypeError, ValueError, OverflowError, pl.exceptions.PolarsError):
        pass
    ok = np.fromiter((_well_typed(e) for e in entries), dtype=bool, count=len(entries))
    bad = np.flatnonzero(~ok)
    where = (f"{prefix}aircraft {i}" for i in bad)
    rejects.add_many(path, where, "aircraft entry with a wrong-typed field", int(bad.size))
    kept = [e for e, good in zip(entries, ok, strict=True) if good]
    df = pl.from_dicts(kept, schema=FIELDS) if kept else pl.DataFrame(schema=FIELDS)
    return df.with_columns(pl.Series("_entry", np.flatnonzero(ok), dtype=pl.UInt32)).select("_entry", *FIELDS)


def _well_typed(entry: Any) -> bool:
    """An entry is a JSON object whose used fields are null or of their type (booleans are not numbers)."""
    if type(entry) is not dict:
        return False
    for name, dtype in FIELDS.items():
        v = entry.get(name)
        if v is None:
            continue
        if type(v) is bool and dtype is not pl.Boolean:
            return False
        if not isinstance(v, _PY_TYPES[dtype]):
            return False
        if type(v) is int and not -(1 << 53) <= v <= 1 << 53:
            return False
    return True


def _convert(df: pl.DataFrame, path: str, rejects: RejectLog, prefix: str = "") -> pl.DataFrame:
    no_pos = df["Lat"].is_null() | df["Long"].is_null() | df["PosTime"].is_null()
    if no_pos.any():
        rejects.add_many(path, [], "ignored aircraft without a position in the snapshot", int(no_pos.sum()))
    df = df.filter(~no_pos).with_columns(pl.col("Icao").str.strip_chars().str.to_lowercase().alias("asset_id"))
    checks = [
        (~df["asset_id"].str.contains(r"^[0-9a-f]{6}$").fill_null(False), "bad ICAO address"),
        (~df["PosTime"].is_between(_MS_MIN, _MS_MAX), "position time outside 2000-01-01 .. 2100-01-01"),
        (~df["Lat"].is_between(-90.0, 90.0) | ~df["Long"].is_between(-180.0, 180.0), "position out of range"),
    ]
    bad = np.zeros(df.height, dtype=bool)
    for mask, reason in checks:
        m = mask.fill_null(True).to_numpy() & ~bad
        if m.any():
            where = (f"{prefix}aircraft {i}" for i in df["_entry"].filter(pl.Series(m)).head(rejects.max_samples))
            rejects.add_many(path, where, reason, int(m.sum()))
        bad |= m
    df = df.filter(pl.Series(~bad))
    ground = pl.col("Gnd").fill_null(False)
    heading = pl.col("TrkH").fill_null(False)
    flags = (
        pl.when(pl.col("VsiT") == 1).then(int(PointFlag.VRATE_GEOM)).otherwise(0)
        + pl.when(pl.col("Mlat").fill_null(False)).then(int(PointFlag.MLAT)).otherwise(0)
        + pl.when(pl.col("Tisb").fill_null(False)).then(int(PointFlag.TISB)).otherwise(0)
    )
    call = pl.col("Call").str.strip_chars().str.to_uppercase()
    return df.select(
        pl.lit(SOURCE).alias("source"),
        pl.lit("air").alias("domain"),
        "asset_id",
        (pl.col("PosTime").round(0).cast(pl.Int64) * 1000).cast(pl.Datetime("us", "UTC")).alias("ts"),
        pl.col("Lat").alias("lat"),
        pl.col("Long").alias("lon"),
        pl.when(ground).then(None).otherwise(pl.col("Alt")).alias("alt_baro_ft"),
        pl.lit(None, dtype=pl.Float64).alias("alt_geom_ft"),
        pl.when(pl.col("SpdTyp").fill_null(0) == 0).then(pl.col("Spd")).otherwise(None).alias("gs_kt"),
        pl.when(heading).then(None).otherwise(pl.col("Trak")).alias("track_deg"),
        pl.col("Vsi").alias("vrate_fpm"),
        pl.when(heading).then(pl.col("Trak")).otherwise(None).alias("heading_deg"),
        ground.alias("on_ground"),
        pl.when(call == "").then(None).otherwise(call).alias("callsign"),
        pl.when(pl.col("Sqk").str.contains(r"^[0-7]{4}$")).then(pl.col("Sqk")).otherwise(None).alias("squawk"),
        flags.cast(pl.UInt16).alias("flags"),
        pl.col("Reg").str.strip_chars().alias("registration"),
        pl.col("Type").str.strip_chars().str.to_uppercase().alias("type_code"),
    )

"""Reader for readsb / tar1090 / globe_history trace files (``trace_full_<hex>.json``, ``trace_recent_<hex>.json``).

A trace file holds one airframe: a header (``icao``, ``r``, ``t``, ``dbFlags``, ``desc``, ``ownOp``, ``year``,
``timestamp``) and ``trace``, a list of points ``[dt, lat, lon, alt|"ground"|null, gs, track, flags, vrate,
aircraft_obj|null, source_type, geom_alt, geom_rate, ias, roll]`` (older files stop after 8-9 elements).
Times are ``timestamp + dt``. Files are per aircraft and small, so the stdlib ``json`` parses a whole file; the
list of points is then turned into columns in C (``operator.itemgetter`` per field, NumPy type masks, Polars
casts) rather than by a Python loop over points.

Truncated or corrupt files are salvaged (complete points before and after the damage are kept) by
:mod:`liftwatch.io.readsb_common`.

The header's ``dbFlags`` (tar1090-db: 1 military, 2 interesting, 4 PIA, 8 LADD) has no column in the point
schema; it is exposed per file by :func:`read_header` / :func:`header_frame` and carried as Arrow schema
metadata (``liftwatch.readsb.db_flags``) on every table this reader yields.
"""

from __future__ import annotations

import json
import os
import re
import tarfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import compress
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog, max_document_bytes, read_head
from liftwatch.io.readsb_common import (
    HEX_RE,
    NONE_TYPE,
    TS_MAX_S,
    clean_callsign,
    clean_squawk,
    decompress_bytes,
    epoch_ms_to_us,
    first_reasons,
    load_document,
    numeric,
    on_ground,
    parse_document,
    point_column,
    reject_mask,
    strings,
    type_is,
    types_of,
)
from liftwatch.schema import PointFlag, conform

FORMAT = "readsb_trace"
SOURCE = "readsb"

_TRACE_KEY = re.compile(r'"trace"\s*:\s*\[')
_NAME_HEX = re.compile(r"trace_(?:full|recent)_(~?[0-9a-fA-F]{6})")


# --- the trace reader ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TraceHeader:
    """Per-file facts from a trace header; ``db_flags`` bits: 1 military, 2 interesting, 4 PIA, 8 LADD."""

    asset_id: str
    timestamp: float
    registration: str | None = None
    type_code: str | None = None
    db_flags: int = 0
    desc: str | None = None
    own_op: str | None = None
    year: str | None = None

    @property
    def military(self) -> bool:
        return bool(self.db_flags & 1)

    @property
    def interesting(self) -> bool:
        return bool(self.db_flags & 2)

    def metadata(self) -> dict[str, str]:
        """Arrow schema metadata attached to the tables of this file."""
        return {
            "liftwatch.readsb.asset_id": self.asset_id,
            "liftwatch.readsb.db_flags": str(self.db_flags),
            "liftwatch.readsb.military": "true" if self.military else "false",
        }


def _opt_str(v: Any) -> str | None:
    if isinstance(v, (str, int)) and not isinstance(v, bool):
        s = str(v).strip()
        return s or None
    return None


def parse_header(obj: dict[str, Any], path: str) -> TraceHeader:
    """Validate the header of a parsed trace document; no usable address or timestamp makes it unreadable."""
    icao = obj.get("icao")
    hexid = icao.strip().lower() if isinstance(icao, str) else ""
    if not re.match(HEX_RE, hexid):
        m = _NAME_HEX.search(os.path.basename(path))
        if m is None:
            raise UnreadableFileError(path, f"trace header has no valid 'icao' address ({icao!r})")
        hexid = m.group(1).lower()
    ts = obj.get("timestamp")
    if not isinstance(ts, (int, float)) or isinstance(ts, bool) or not (0.0 < ts < TS_MAX_S):  # no float(): huge ints
        raise UnreadableFileError(path, f"trace header has no valid 'timestamp' ({ts!r}); relative times unresolvable")
    flags = obj.get("dbFlags")
    t = _opt_str(obj.get("t"))
    return TraceHeader(
        asset_id=hexid,
        timestamp=float(ts),
        registration=_opt_str(obj.get("r")),
        type_code=t.upper() if t else None,
        db_flags=flags if type(flags) is int and 0 <= flags < 1 << 16 else 0,
        desc=_opt_str(obj.get("desc")),
        own_op=_opt_str(obj.get("ownOp")),
        year=_opt_str(obj.get("year")),
    )


def sniff(head: bytes, path: str) -> bool:
    """A JSON trace object, or a tar archive (a globe_history day); content decides, the name only helps.

    JSON: ``icao`` plus ``trace``/``timestamp`` in the head, or ``trace`` plus ``timestamp`` (third-party
    writers omit ``icao``), or ``trace`` in a file named ``trace_full_<hex>``/``trace_recent_<hex>``.
    """
    h = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if h.startswith(b"{"):
        has_trace, has_ts = b'"trace"' in h, b'"timestamp"' in h
        if b'"icao"' in h and (has_trace or has_ts):
            return True
        return has_trace and (has_ts or _NAME_HEX.search(os.path.basename(path)) is not None)
    return is_tar(head)


def is_tar(head: bytes) -> bool:
    """POSIX/GNU tar header magic (globe_history daily archives are tars of ``traces/<xx>/trace_full_*``)."""
    return len(head) >= 262 and head[257:262] == b"ustar"


def read_header(path: str | os.PathLike[str]) -> TraceHeader:
    """The header of one trace file (e.g. for the dbFlags military bit of many files).

    readsb writes the header before the points, so only the first 64 KiB are decompressed and parsed; files
    written in another key order fall back to a full parse.
    """
    p = os.fspath(path)
    head = read_head(p, 1 << 16).removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    m = _TRACE_KEY.search(head)
    if m is not None:
        try:
            obj = json.loads(head[: m.end()] + "]}")
        except (ValueError, RecursionError):
            obj = None
        if isinstance(obj, dict) and "timestamp" in obj:
            return parse_header(obj, p)
    return parse_header(load_document(p, "trace", "]", RejectLog()), p)


def header_frame(paths: Iterable[str | os.PathLike[str]]) -> pl.DataFrame:
    """One row per readable trace file: asset_id, registration, type_code, db_flags, military, desc, own_op, year."""
    rows = []
    for p in paths:
        try:
            h = read_header(p)
        except UnreadableFileError:
            continue
        rows.append({**h.__dict__, "military": h.military, "path": os.fspath(p)})
    return pl.DataFrame(rows, schema_overrides={"db_flags": pl.UInt16})


def read(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Stream canonical point tables from one trace file (plain or gzip) or a tar of them, file by file."""
    p = os.fspath(path)
    if is_tar(read_head(p, 512)):
        yield from read_tar(p, rejects, batch_rows)
        return
    obj = load_document(p, "trace", "]", rejects)
    yield from read_document(obj, p, rejects, batch_rows)


def read_tar(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Every ``trace_full_*``/``trace_recent_*`` member of a (possibly compressed) tar, streamed in one pass.

    Memory holds one member at a time. A bad member costs that member (reject at ``<member>``); a truncated
    archive keeps the members before the cut. Split releases (``.tar.aa``, ``.tar.ab``) must be concatenated.
    """
    try:
        tf = tarfile.open(path, mode="r|*")  # noqa: SIM115 - closed by the `with tf` below (errors differ)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise UnreadableFileError(path, f"cannot open tar archive: {exc}") from None
    members = 0
    try:
        with tf:
            for m in tf:
                if not m.isfile() or not _NAME_HEX.search(m.name.rsplit("/", 1)[-1]):
                    continue
                members += 1
                if m.size > max_document_bytes():  # never read a member bigger than a document may be
                    rejects.add(path, m.name, f"tar member larger than {max_document_bytes() >> 20} MiB; skipped")
                    continue
                fh = tf.extractfile(m)
                data = fh.read() if fh is not None else b""
                try:
                    raw, note = decompress_bytes(data, m.name)
                    obj = parse_document(raw, note, path, "trace", "]", rejects, where=m.name)
                    yield from read_document(obj, path, rejects, batch_rows, where=m.name)
                except UnreadableFileError as exc:
                    rejects.add(path, m.name, f"unreadable trace file: {exc.reason}")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        rejects.add(path, f"after member {members}", f"tar archive truncated or corrupt, rest lost: {exc}")
    if members == 0:
        rejects.add(path, "archive", "no trace_full_*/trace_recent_* files in the tar archive")


def read_document(
    obj: dict[str, Any], path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS, where: str = ""
) -> Iterator[pa.Table]:
    """Convert an already parsed trace document (also for traces in snapshot directories and tar archives)."""
    header = parse_header(obj, where or path)
    trace = obj.get("trace")
    if not isinstance(trace, list):
        raise UnreadableFileError(where or path, "no 'trace' list in the file")
    meta = header.metadata()
    carry: list[str | None] = [None, None]
    step = max(1, batch_rows)
    for start in range(0, len(trace), step):
        table = _convert(trace[start : start + step], start, header, path, rejects, carry, where)
        if table.num_rows:
            yield table.replace_schema_metadata(meta)


def _ffill(values: pl.Series, carry: str | None) -> pl.Series:
    """Forward-fill a sparse column ("" = set to unknown), continuing from the previous chunk's last value."""
    filled = pl.concat([pl.Series([carry], dtype=pl.String), values]).forward_fill()
    return filled.slice(1)


def _convert(
    chunk: list[Any],
    start: int,
    h: TraceHeader,
    path: str,
    rejects: RejectLog,
    carry: list[str | None],
    where: str,
) -> pa.Table:
    n = len(chunk)
    prefix = f"{where}: " if where else ""

    def loc(i: int) -> str:
        return f"{prefix}point {start + i}"

    ptypes = types_of(chunk)
    is_list = type_is(ptypes, list)
    lens = np.zeros(n, dtype=np.int64)
    lens[is_list] = np.fromiter(map(len, compress(chunk, is_list)), np.int64)
    # One object column per field; non-arrays and short points give None there (rejected or null below).
    cols = [point_column(chunk, lens, k) for k in range(12)]  # ias (12) and roll (13) have no column

    dt, _, dt_bad = numeric(cols[0])
    lat, _, lat_bad = numeric(cols[1])
    lon, _, lon_bad = numeric(cols[2])
    at = types_of(cols[3])
    ground = type_is(at, str) & (np.fromiter(cols[3], object, n) == "ground")
    alt_t = at.copy()
    alt_t[ground] = NONE_TYPE
    alt, alt_ok, alt_bad = numeric(cols[3], alt_t)
    gs, _, gs_bad = numeric(cols[4])
    trk, _, trk_bad = numeric(cols[5])
    fl, fl_ok, fl_bad = numeric(cols[6])
    vr, vr_ok, vr_bad = numeric(cols[7])
    ot = types_of(cols[8])
    is_obj = type_is(ot, dict)
    obj_bad = ~is_obj & ~type_is(ot, NONE_TYPE)
    src, src_bad = strings(cols[9])
    galt, galt_ok, galt_bad = numeric(cols[10])
    grate, grate_ok, grate_bad = numeric(cols[11])
    fl_int = np.where(fl_ok, fl, 0.0)
    fl_bad |= fl_ok & ((fl_int < 0) | (fl_int >= 65536) | (fl_int != np.floor(fl_int)))

    ts_s = h.timestamp + dt
    checks = [
        (~is_list, "point is not a JSON array"),
        (is_list & (lens < 3), "point has fewer than 3 elements (dt, lat, lon)"),
        (dt_bad | np.isnan(dt), "bad or missing relative time"),
        (~np.isnan(dt) & ~((ts_s > 0) & (ts_s < TS_MAX_S)), "time out of range"),
        (lat_bad | lon_bad | np.isnan(lat) | np.isnan(lon), "bad or missing lat/lon"),
        ((np.abs(lat) > 90) | (np.abs(lon) > 180), "lat/lon out of range"),
        (alt_bad | (type_is(at, str) & ~ground), "bad altitude (not a number or 'ground')"),
        ((alt < -2000) | (alt > 150_000) | (galt < -2000) | (galt > 150_000), "altitude out of range"),
        (gs_bad | trk_bad | vr_bad | galt_bad | grate_bad, "wrong type in a kinematic field"),
        ((gs < 0) | (gs > 5000) | (trk < 0) | (trk > 360), "speed or track out of range"),
        ((np.abs(vr) > 100_000) | (np.abs(grate) > 100_000), "vertical rate out of range"),
        (fl_bad, "bad flags (not a small non-negative integer)"),
        (obj_bad, "aircraft field is neither an object nor null"),
        (src_bad, "source type is not a string"),
    ]
    bad, reasons = first_reasons(checks, n)
    for mask, reason in reasons:
        reject_mask(rejects, path, mask, reason, loc)

    # Callsign/squawk: set at points carrying an aircraft object, carried forward (bad points still update
    # the state: their object is valid information about the airframe).
    oidx = np.flatnonzero(is_obj)
    objs = list(compress(cols[8], is_obj))  # sparse: only points with an aircraft object
    cs_val = clean_callsign(strings([o.get("flight") for o in objs])[0]).fill_null("")
    sq_val = clean_squawk(strings([o.get("squawk") for o in objs])[0]).fill_null("")
    cs = pl.Series([None] * n, dtype=pl.String).scatter(oidx, cs_val) if n else pl.Series([], dtype=pl.String)
    sq = pl.Series([None] * n, dtype=pl.String).scatter(oidx, sq_val) if n else pl.Series([], dtype=pl.String)
    cs, sq = _ffill(cs, carry[0]), _ffill(sq, carry[1])
    if n:
        carry[0], carry[1] = cs[-1], sq[-1]

    flags = (np.where(fl_bad, 0.0, fl_int).astype(np.int64) & 0xF).astype(np.uint16)
    alt_geom_flag = (flags & PointFlag.ALT_GEOM) != 0
    vr_from_geom = ~vr_ok & grate_ok
    flags |= np.where(vr_from_geom, np.uint16(PointFlag.VRATE_GEOM), np.uint16(0))
    stype = src.fill_null("")
    flags |= np.where((stype == "mlat").to_numpy(), np.uint16(PointFlag.MLAT), np.uint16(0))
    tisb = (stype.str.starts_with("tisb") | stype.str.starts_with("adsr")).to_numpy()
    flags |= np.where(tisb, np.uint16(PointFlag.TISB), np.uint16(0))

    frame = pl.DataFrame(
        {
            "ts": epoch_ms_to_us(ts_s),
            "lat": lat,
            "lon": lon,
            "alt_baro_ft": np.where(alt_geom_flag, np.nan, alt),
            "alt_geom_ft": np.where(galt_ok, galt, np.where(alt_geom_flag, alt, np.nan)),
            "gs_kt": gs,
            "track_deg": trk,
            "vrate_fpm": np.where(vr_ok, vr, grate),
            "on_ground": on_ground(ground, alt_ok),
            "callsign": cs.replace("", None),
            "squawk": sq.replace("", None),
            "flags": flags,
        },
        nan_to_null=True,
    )
    if bad.any():  # a Polars filter costs ~2 ms even when it keeps every row: most files have no rejects
        frame = frame.filter(pl.Series(~bad))
    frame = frame.with_columns(
        pl.col("ts").cast(pl.Datetime("us", "UTC")),
        pl.lit(SOURCE).alias("source"),
        pl.lit("air").alias("domain"),
        pl.lit(h.asset_id).alias("asset_id"),
        pl.lit(h.registration, dtype=pl.String).alias("registration"),
        pl.lit(h.type_code, dtype=pl.String).alias("type_code"),
    )
    return conform(frame)

"""Reader for readsb / tar1090 / globe_history trace files (``trace_full_<hex>.json``, ``trace_recent_<hex>.json``).

A trace file holds one airframe: a header (``icao``, ``r``, ``t``, ``dbFlags``, ``desc``, ``ownOp``, ``year``,
``timestamp``) and ``trace``, a list of points ``[dt, lat, lon, alt|"ground"|null, gs, track, flags, vrate,
aircraft_obj|null, source_type, geom_alt, geom_rate, ias, roll]`` (older files stop after 8-9 elements).
Times are ``timestamp + dt``. Files are per aircraft and small, so the stdlib ``json`` parses a whole file; the
list of points is then turned into columns in C (``operator.itemgetter`` per field, NumPy type masks, Polars
casts) rather than by a Python loop over points.

Complete documents are parsed into columns by the optional C accelerator (:mod:`liftwatch.io.trace_native`)
or the CSV shortcut (:mod:`liftwatch.io.readsb_text`) where those can prove the result identical; the parse
described above is the general path. Truncated or corrupt files are salvaged (complete points before and
after the damage are kept) by :mod:`liftwatch.io.readsb_common`.

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
from dataclasses import dataclass, replace
from typing import IO, Any

import polars as pl
import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io import packed_csv, readsb_points, readsb_text, split_parts, trace_native
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog, max_document_bytes, read_head
from liftwatch.io.json_columns import HEX_RE, TS_MAX_S, utf8_encodable
from liftwatch.io.readsb_common import decompress_bytes, decompress_salvaging, load_document, parse_document_clean
from liftwatch.io.readsb_points import TraceFile

FORMAT = "readsb_trace"
SOURCE = "readsb"

MEMBER_GROUP_POINTS = 250_000  # tar members held for one conversion (bounds memory, amortises fixed costs)
SHORTCUT_MIN_POINTS = 5_000  # below this, one file's CSV parse costs more in fixed overhead than it saves
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
    """A header text field, or None; a string no UTF-8 column can hold (a lone surrogate escape) is None too."""
    if isinstance(v, (str, int)) and not isinstance(v, bool):
        s = str(v).strip()
        return s if s and utf8_encodable(s) else None
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
    return packed_csv.is_tar(head)


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
    if split_parts.is_split(p) or packed_csv.is_tar(read_head(p, 512)):
        yield from read_tar(p, rejects, batch_rows)
        return
    raw, note = decompress_salvaging(p)
    yield from _tables(load_trace(raw, note, p, rejects), batch_rows)


def read_tar(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Every ``trace_full_*``/``trace_recent_*`` member of a (possibly compressed) tar, streamed in one pass.

    Members are converted in groups of up to ``MEMBER_GROUP_POINTS`` points (one pass each, as an ingest of
    many files does), so memory holds one group. A bad member costs that member (reject at ``<member>``); a truncated
    archive keeps the members before the cut. A split release (``.tar.aa``, ``.tar.ab``, ...) is read from its
    parts in turn (:mod:`liftwatch.io.split_parts`).
    """
    try:
        stream = split_parts.open_input(path)
    except OSError as exc:
        raise UnreadableFileError(path, exc.strerror or str(exc)) from None
    with stream:  # tarfile leaves a file object it was given open
        yield from _tar_members(stream, path, rejects, batch_rows)


def _tar_members(stream: IO[bytes], path: str, rejects: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    """:func:`read_tar` of an open archive stream."""
    try:
        tf = tarfile.open(fileobj=stream, mode="r|*")  # noqa: SIM115 - closed by the `with tf` below (errors differ)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise UnreadableFileError(path, f"cannot open tar archive: {exc}") from None
    members = 0
    group: list[TraceFile] = []  # members converted together: a day is ~50,000 small ones
    held, limit = 0, max(1, min(batch_rows, MEMBER_GROUP_POINTS))
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
                    member = load_trace(raw, note, path, rejects, where=m.name)
                except UnreadableFileError as exc:
                    rejects.add(path, m.name, f"unreadable trace file: {exc.reason}")
                    continue
                if member.count > limit:  # a big member alone, in chunks
                    yield from _flush(group)
                    yield from _tables(member, batch_rows)
                    continue
                group.append(member)
                held += member.count
                if held >= limit:
                    yield from _flush(group)
                    held = 0
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        rejects.add(path, f"after member {members}", f"tar archive truncated or corrupt, rest lost: {exc}")
    yield from _flush(group)
    if members == 0:
        rejects.add(path, "archive", "no trace_full_*/trace_recent_* files in the tar archive")


def _flush(group: list[TraceFile]) -> Iterator[pa.Table]:
    """Convert the held tar members in one pass (tables of several members carry no per-file metadata)."""
    if group:
        table, _ = readsb_points.convert(group)
        meta = group[0].meta if len(group) == 1 else None
        group.clear()
        if table.num_rows:
            yield table.replace_schema_metadata(meta)


def read_document(
    obj: dict[str, Any],
    path: str,
    rejects: RejectLog,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    where: str = "",
    clean: bool = False,
) -> Iterator[pa.Table]:
    """Convert an already parsed trace document (also for traces in snapshot directories and tar archives)."""
    yield from _tables(trace_file(obj, path, rejects, where, clean), batch_rows)


def load_trace(data: bytes, note: str | None, path: str, rejects: RejectLog, where: str = "") -> TraceFile:
    """A decompressed trace document ready to convert: when complete, parsed into columns by the C
    accelerator (:mod:`liftwatch.io.trace_native`) or checked for the CSV shortcut of
    :mod:`liftwatch.io.readsb_text`; else parsed (salvaged when damaged, rejects logged)."""
    prep = None
    if note is None:
        nat = trace_native.prepare(data)
        if nat is not None:
            prep = readsb_text.Prepared(nat[0], b"", [], nat[1].n, native=nat[1])
        else:
            prep = readsb_text.prepare(data)
    if prep is not None:
        return trace_file(prep.header, path, rejects, where, prepared=prep, data=data)
    obj, clean = parse_document_clean(data, note, path, "trace", "]", rejects, where)
    return trace_file(obj, path, rejects, where, clean)


def _tables(tf: TraceFile, batch_rows: int) -> Iterator[pa.Table]:
    """One file's canonical tables of at most ``batch_rows`` rows, with the header's schema metadata."""
    meta = tf.meta
    step = max(1, batch_rows)
    native = tf.prepared.native if tf.prepared is not None else None
    if tf.prepared is not None and (native is not None or tf.count >= SHORTCUT_MIN_POINTS) and tf.count <= step:
        table, _ = readsb_points.convert([tf])  # a shortcut converts a file whole
        if table.num_rows:
            yield table.replace_schema_metadata(meta)
        return
    carry: list[str | None] = [None, None]
    if native is not None and tf.prepared is not None:  # a big file, in chunks of its columns
        for start in range(0, tf.count, step):
            chunk = native.slice(start, min(start + step, tf.count))
            part = replace(tf.prepared, count=chunk.n, native=chunk)
            table, _ = readsb_points.convert([replace(tf, prepared=part, start=start)], carry)
            if table.num_rows:
                yield table.replace_schema_metadata(meta)
        return
    trace = tf.parse_points()
    for start in range(0, len(trace), step):
        table, _ = readsb_points.convert([replace(tf, points=trace[start : start + step], start=start)], carry)
        if table.num_rows:
            yield table.replace_schema_metadata(meta)


def trace_file(
    obj: dict[str, Any],
    path: str,
    rejects: RejectLog,
    where: str = "",
    clean: bool = False,
    prepared: readsb_text.Prepared | None = None,
    data: bytes | None = None,
) -> TraceFile:
    """A trace document (parsed, or its header when ``prepared``) checked and ready for
    :func:`liftwatch.io.readsb_points.convert`. No usable header (address, timestamp) or no ``trace`` list
    makes the file unreadable."""
    header = parse_header(obj, where or path)
    trace = obj.get("trace")
    if not isinstance(trace, list):
        raise UnreadableFileError(where or path, "no 'trace' list in the file")
    return TraceFile(
        points=None if prepared is not None else trace,
        timestamp=header.timestamp,
        asset_id=header.asset_id,
        registration=header.registration,
        type_code=header.type_code,
        path=path,
        rejects=rejects,
        where=where,
        clean=clean,
        prepared=prepared,
        data=data,
        meta=header.metadata(),
    )

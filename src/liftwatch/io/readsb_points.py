"""readsb trace points of many files -> canonical point rows, validated and converted in one pass.

A globe_history day is ~50,000 trace files of a few hundred points each. Converting them file by file paid a
dozen NumPy/Polars/Arrow calls per file (~3 ms a file, far more than parsing its JSON); here the points of a
whole batch of files are concatenated into one Python list and every check and conversion runs once over the
batch, with a per-point file index so that rejects, forward-filled callsigns and header fields (timestamp,
address, registration, type) stay exactly per file. One file (or one chunk of a big file) is the batch of
one, so the single-file reader and the batched ingest share this code and cannot drift apart.

The columns come from the JSON bytes where the C accelerator (:mod:`liftwatch.io.trace_native`, when built)
or the CSV shortcut (:mod:`liftwatch.io.readsb_text`) can prove that exact, else from the parsed points
(:mod:`liftwatch.io.readsb_objects`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.io import readsb_text, trace_native
from liftwatch.io.base import RejectLog
from liftwatch.io.json_columns import TS_MAX_S, clean_callsign, clean_squawk, epoch_ms_to_us, first_reasons, strings
from liftwatch.io.readsb_objects import fields_from_objects
from liftwatch.io.readsb_text import Fields
from liftwatch.schema import POINT_SCHEMA, PointFlag

SOURCE = "readsb"


@dataclass
class TraceFile:
    """One trace file (or one chunk of it) to convert and where its rejects go.

    Either ``points`` (the parsed ``trace`` list) or ``prepared`` (the document checked for the CSV shortcut
    of :mod:`liftwatch.io.readsb_text`; ``data`` is then kept so the points can still be parsed if the
    shortcut steps aside). ``where`` prefixes reject locations (a tar member name); ``start`` is the index of
    the first point in the file, so a chunk of a big file names its points as the whole file would.
    ``clean``: parsed by orjson and no JSON boolean anywhere in its bytes (see the module docstring).
    """

    points: list[Any] | None
    timestamp: float
    asset_id: str
    registration: str | None
    type_code: str | None
    path: str
    rejects: RejectLog
    where: str = ""
    start: int = 0
    clean: bool = False
    prepared: readsb_text.Prepared | None = None
    data: bytes | None = None
    meta: dict[str, str] | None = None  # Arrow schema metadata of the file's tables (its header facts)

    @property
    def count(self) -> int:
        if self.points is not None:
            return len(self.points)
        return self.prepared.count if self.prepared is not None else 0

    def parse_points(self) -> list[Any]:
        """The parsed points (parsed now from ``data`` if only the shortcut's text was kept)."""
        if self.points is None:
            from liftwatch.io.readsb_common import parse_document_clean

            doc, self.clean = parse_document_clean(
                self.data or b"", None, self.path, "trace", "]", self.rejects, self.where
            )
            trace = doc.get("trace")
            self.points = trace if isinstance(trace, list) else []
            self.prepared = None
        return self.points


def convert(files: Sequence[TraceFile], carry: list[str | None] | None = None) -> tuple[pa.Table, np.ndarray]:
    """Canonical point rows of ``files`` (in file order) and each row's file index (int32).

    ``carry`` holds the callsign and squawk in force before the first file's first point (chunks of one big
    file) and receives those in force after the last point. Rejected points are logged on their file's
    :class:`RejectLog` with ``point <index>``.
    """
    got = _fields(files)
    lens_f = np.fromiter((f.count for f in files), np.int64, len(files))
    n = int(lens_f.sum())
    starts = np.concatenate([[0], np.cumsum(lens_f)[:-1]]).astype(np.int64)
    file_of = np.repeat(np.arange(len(files), dtype=np.int32), lens_f)
    if n == 0:
        return POINT_SCHEMA.empty_table(), file_of
    if got is None:
        pts = [p for f in files for p in f.parse_points()] if len(files) > 1 else files[0].parse_points()
        got = fields_from_objects(pts, n, all(f.clean for f in files))
    F = got
    dt, lat, lon, alt, galt, gs, trk, vr, grate = F.dt, F.lat, F.lon, F.alt, F.galt, F.gs, F.trk, F.vr, F.grate
    ground, alt_ok, galt_ok, vr_ok, grate_ok, fl_bad = F.ground, F.alt_ok, F.galt_ok, F.vr_ok, F.grate_ok, F.fl_bad
    is_list, lens, is_obj = F.is_list, F.lens, F.is_obj
    fl_int = np.where(F.fl_ok, F.fl, 0.0)
    fl_bad |= F.fl_ok & ((fl_int < 0) | (fl_int >= 65536) | (fl_int != np.floor(fl_int)))

    ts0 = np.repeat(np.array([f.timestamp for f in files], dtype=np.float64), lens_f)
    ts_s = ts0 + dt
    checks = [
        (~is_list, "point is not a JSON array"),
        (is_list & (lens < 3), "point has fewer than 3 elements (dt, lat, lon)"),
        (F.dt_bad | np.isnan(dt), "bad or missing relative time"),
        (~np.isnan(dt) & ~((ts_s > 0) & (ts_s < TS_MAX_S)), "time out of range"),
        (F.lat_bad | F.lon_bad | np.isnan(lat) | np.isnan(lon), "bad or missing lat/lon"),
        ((np.abs(lat) > 90) | (np.abs(lon) > 180), "lat/lon out of range"),
        (F.alt_bad | F.alt_str_bad, "bad altitude (not a number or 'ground')"),
        ((alt < -2000) | (alt > 150_000) | (galt < -2000) | (galt > 150_000), "altitude out of range"),
        (F.gs_bad | F.trk_bad | F.vr_bad | F.galt_bad | F.grate_bad, "wrong type in a kinematic field"),
        ((gs < 0) | (gs > 5000) | (trk < 0) | (trk > 360), "speed or track out of range"),
        ((np.abs(vr) > 100_000) | (np.abs(grate) > 100_000), "vertical rate out of range"),
        (fl_bad, "bad flags (not a small non-negative integer)"),
        (F.obj_bad, "aircraft field is neither an object nor null"),
        (F.src_bad, "source type is not a string"),
    ]
    bad, reasons = first_reasons(checks, n)
    if reasons:
        _log_rejects(files, reasons, file_of, starts)

    cs, sq = _idents(F.objs, is_obj, file_of, starts, carry)

    flags = (np.where(fl_bad, 0.0, fl_int).astype(np.int64) & 0xF).astype(np.uint16)
    alt_geom_flag = (flags & PointFlag.ALT_GEOM) != 0
    flags |= np.where(~vr_ok & grate_ok, np.uint16(PointFlag.VRATE_GEOM), np.uint16(0))
    mlat, tisb = _source_flags(F.stype)
    flags |= np.where(mlat, np.uint16(PointFlag.MLAT), np.uint16(0))
    flags |= np.where(tisb, np.uint16(PointFlag.TISB), np.uint16(0))

    def per_file(values: list[str | None]) -> pa.Array:
        return repeat_strings(values, lens_f)

    known = ground | alt_ok
    arrays = {
        "source": pa.repeat(pa.scalar(SOURCE), n),
        "domain": pa.repeat(pa.scalar("air"), n),
        "asset_id": per_file([f.asset_id for f in files]),
        "ts": pa.array(epoch_ms_to_us(ts_s), pa.timestamp("us", tz="UTC")),
        "lat": _f64(lat),
        "lon": _f64(lon),
        "alt_baro_ft": _f32(np.where(alt_geom_flag, np.nan, alt)),
        "alt_geom_ft": _f32(np.where(galt_ok, galt, np.where(alt_geom_flag, alt, np.nan))),
        "gs_kt": _f32(gs),
        "track_deg": _f32(trk),
        "vrate_fpm": _f32(np.where(vr_ok, vr, grate)),
        "heading_deg": pa.nulls(n, pa.float32()),
        "on_ground": pa.array(ground, pa.bool_(), mask=~known),
        "callsign": cs,
        "squawk": sq,
        "flags": pa.array(flags, pa.uint16()),
        "registration": per_file([f.registration for f in files]),
        "type_code": per_file([f.type_code for f in files]),
    }
    table = pa.Table.from_arrays([arrays[c] for c in POINT_SCHEMA.names], schema=POINT_SCHEMA)
    if bad.any():
        keep = ~bad
        return table.filter(pa.array(keep)), file_of[keep]
    return table, file_of


def _fields(files: Sequence[TraceFile]) -> Fields | None:
    """The fields of the files' points from the bytes (C accelerator or CSV shortcut); None: parse them.

    A batch the C accelerator took only in part (one odd document among thousands) is not sent down the
    slow path whole: the other documents' fields are made their own way and interleaved back in file order,
    so checks and reject logging still run once, in file order."""
    if not files:
        return None
    is_native = [f.prepared is not None and f.prepared.native is not None for f in files]
    if all(is_native):
        return trace_native.fields([f.prepared.native for f in files if f.prepared and f.prepared.native])
    if any(is_native):
        rest = [f for f, nat in zip(files, is_native, strict=True) if not nat]
        others = _fields(rest)
        if others is None:
            pts = [p for f in rest for p in f.parse_points()]
            others = fields_from_objects(pts, len(pts), all(f.clean for f in rest))
        native = trace_native.fields([f.prepared.native for f in files if f.prepared and f.prepared.native])
        return readsb_text.interleave(native, others, [f.count for f in files], is_native)
    if all(f.prepared is not None for f in files):
        preps = [f.prepared for f in files if f.prepared is not None]
        got = readsb_text.fields([p.text for p in preps], [p.objects for p in preps], sum(p.count for p in preps))
        if got is not None:
            return got
    for f in files:
        f.parse_points()
    return None


def _source_flags(stype: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(MLAT, TIS-B/ADS-R) per point from the source type; a dictionary array is decided per distinct value."""
    if isinstance(stype, pa.DictionaryArray):
        mlat, tisb = _source_flags(stype.dictionary)
        idx = stype.indices.fill_null(len(stype.dictionary)).to_numpy(zero_copy_only=False)
        return np.append(mlat, False)[idx], np.append(tisb, False)[idx]
    st = pc.fill_null(stype, "")
    mlat = np.asarray(pc.equal(st, "mlat").to_numpy(zero_copy_only=False), dtype=bool)
    tisb = pc.or_(pc.starts_with(st, "tisb"), pc.starts_with(st, "adsr"))
    return mlat, np.asarray(tisb.to_numpy(zero_copy_only=False), dtype=bool)


def repeat_strings(values: Sequence[str | None], counts: np.ndarray) -> pa.Array:
    """``values[i]`` repeated ``counts[i]`` times, as one string array built from its buffers.

    Why not ``take``: Arrow's take on a string array costs 0.03-0.2 µs a row (measured on 50,000-row
    batches), more than everything else this module does per row; the runs here are few and long (one per
    file, or per aircraft object), so bytes repetition and a cumulative sum build the same array ~100× faster.
    """
    n = int(counts.sum())
    try:
        enc = [v.encode() if v is not None else b"" for v in values]
    except UnicodeEncodeError:  # a lone surrogate (salvaged JSON): Arrow's own answer, as before
        enc = []
    sizes = np.fromiter(map(len, enc), np.int64, len(enc))
    if len(enc) != len(values) or int((sizes * counts).sum()) >= 1 << 31:
        idx = np.repeat(np.arange(len(values)), counts)
        return pa.array(values, pa.string()).take(pa.array(idx))
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(np.repeat(sizes, counts), out=offsets[1:])
    data = b"".join(e * int(c) for e, c in zip(enc, counts, strict=True))
    ok = np.fromiter((v is not None for v in values), bool, len(values))
    if ok.all():
        return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(data))
    valid = np.repeat(ok, counts)
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little"))
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(data), bitmap, n - int(valid.sum()))


def _f64(v: np.ndarray) -> pa.Array:
    return pa.array(v, pa.float64(), from_pandas=True)  # NaN -> null


def _f32(v: np.ndarray) -> pa.Array:
    with np.errstate(over="ignore"):  # beyond float32: inf, as a Polars cast gives
        return pa.array(v.astype(np.float32), pa.float32(), from_pandas=True)


def _log_rejects(
    files: Sequence[TraceFile], reasons: list[tuple[np.ndarray, str]], file_of: np.ndarray, starts: np.ndarray
) -> None:
    for mask, reason in reasons:
        idx = np.flatnonzero(mask)
        owners = file_of[idx]
        for k in np.unique(owners):
            f = files[int(k)]
            rows = idx[owners == k]
            base = f.start - int(starts[k])
            prefix = f"{f.where}: " if f.where else ""
            locs = (f"{prefix}point {base + int(i)}" for i in rows)
            f.rejects.add_many(f.path, locs, reason, count=int(rows.size))


def _idents(
    objs: list[Any], is_obj: np.ndarray, file_of: np.ndarray, starts: np.ndarray, carry: list[str | None] | None
) -> tuple[pa.Array, pa.Array]:
    """Callsign and squawk of every point: set at points carrying an aircraft object, carried forward within
    the file (bad points still update the state: their object is valid information about the airframe)."""
    n = len(is_obj)
    oidx = np.flatnonzero(is_obj)
    cs_val = clean_callsign(strings([o.get("flight") for o in objs])[0]).fill_null("")
    sq_val = clean_squawk(strings([o.get("squawk") for o in objs])[0]).fill_null("")
    # slot 0: the carried value (first file only), slot 1: unknown (other files' starts), 2 + j: object j
    key = np.full(n, -1, dtype=np.int64)
    key[starts[starts < n]] = 1
    if carry is not None and n:
        key[0] = 0
    key[oidx] = 2 + np.arange(oidx.size)
    pos = np.maximum.accumulate(np.where(key >= 0, np.arange(n), 0))
    take = key[pos]
    c0 = carry if carry is not None else [None, None]
    out = []
    for k, (vals, head) in enumerate(((cs_val, c0[0]), (sq_val, c0[1]))):
        slots = pa.concat_arrays([pa.array([head, None], pa.string()), vals.to_arrow().cast(pa.string())])
        out.append(_carried(slots, take))
        if carry is not None and n:
            carry[k] = slots[int(take[-1])].as_py()
    return out[0], out[1]


def _carried(slots: pa.Array, take: np.ndarray) -> pa.Array:
    """``slots[take[i]]`` for every point ("" read as null), built by repetition over runs of one value.

    Successive aircraft objects of a trace mostly repeat the callsign and squawk, so runs are taken over the
    value (its dictionary code), not over the object that set it: a trace with an object every 20 points has
    a run a file, not a run an object, and the per-run work (Python) stays small."""
    n = len(take)
    if not n:
        return pa.array([], pa.string())
    enc = pc.dictionary_encode(pc.if_else(pc.equal(slots, ""), pa.scalar(None, pa.string()), slots))
    codes = enc.indices.fill_null(len(enc.dictionary)).to_numpy(zero_copy_only=False)[take]
    firsts = np.concatenate([[0], np.flatnonzero(codes[1:] != codes[:-1]) + 1])
    runs = np.diff(np.append(firsts, n))
    values: list[str | None] = [*enc.dictionary.to_pylist(), None]
    return repeat_strings([values[i] for i in codes[firsts].tolist()], runs)

"""Decoding of AIS messages into canonical points and static rows, for the NMEA reader.

Single-sentence position reports of types 1/2/3 (class A) and 18 (class B) -- the bulk of any log -- are decoded
as whole arrays by :mod:`liftwatch.io.ais_sixbit`; static reports (5, 24), type 19, type 27 and anything
multi-sentence go through pyais one message at a time (few per ship). Other message types carry no ship position
and are counted as such, so every line stays accounted for.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl
from pyais import decode as pyais_decode
from pyais.exceptions import AISBaseException

from liftwatch.io.ais_lines import arrow_bytes, ignore, reject
from liftwatch.io.ais_sixbit import CLASS_A, CLASS_B, POSITION_CHARS, armored_ok, byte_field, dearmor, to_bytes
from liftwatch.io.ais_static import conform_static, empty_static
from liftwatch.io.base import RejectLog

SOURCE = "ais"
STATIC_MSG = "ignored AIS static/voyage report (not a position message; identity joined to positions)"
STATIC_TYPES = {5, 19, 24}
POS_SLOW_TYPES = {19, 27}


def split_fast(path: str, single: pl.DataFrame, rejects: RejectLog) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Single-sentence 168-bit position reports (vectorised) vs the rest (pyais or ignored)."""
    first = single["payload"].str.slice(0, 1)
    code = first.str.encode("hex").str.to_integer(base=16, strict=False).fill_null(0)
    mtype = pl.Series(np.where(code.to_numpy() > 87, code.to_numpy() - 56, code.to_numpy() - 48)).clip(-1, 64)
    single = single.with_columns(mtype.alias("mtype"))
    is_pos = pl.col("mtype").is_in([1, 2, 3, 18])
    fast = single.filter(is_pos & (pl.col("payload").str.len_bytes() == POSITION_CHARS))
    slow = single.filter(
        pl.col("mtype").is_in(sorted(STATIC_TYPES | POS_SLOW_TYPES))
        | (is_pos & ~pl.col("line").is_in(fast["line"].implode()))
    )
    other = single.filter(~is_pos & ~pl.col("mtype").is_in(sorted(STATIC_TYPES | POS_SLOW_TYPES)))
    for (t,), grp in other.group_by("mtype"):
        type_no = int(str(t))
        if 1 <= type_no <= 27:
            ignore(rejects, grp.height, _other_type(type_no))
        else:
            reject(rejects, path, grp, "unknown AIS message type (not 1-27)")
    return fast, slow


def _other_type(t: int) -> str:
    return f"ignored AIS message type {t} (not a position message)"


def _empty_positions() -> pl.DataFrame:
    z = np.zeros(0, dtype=np.int64)
    return _positions("", z, z, dict.fromkeys(("mmsi", "speed", "lon", "lat", "course", "heading"), z), z, RejectLog())


def decode_fast(path: str, fast: pl.DataFrame, rejects: RejectLog) -> pl.DataFrame:
    if fast.height == 0:
        return _empty_positions()
    data, off = arrow_bytes(fast["payload"])
    chars = data[off[0] : off[-1]].reshape(-1, POSITION_CHARS)
    good = armored_ok(chars) & (fast["fill"].to_numpy() == 0)
    reject(rejects, path, fast.filter(~pl.Series(good)), "bad 6-bit armoring or fill bits")
    fast, chars = fast.filter(pl.Series(good)), chars[good]
    is_b = fast["mtype"].to_numpy() == 18
    data = to_bytes(dearmor(chars))
    fa = {k: byte_field(data, *spec) for k, spec in CLASS_A.items()}
    fb = {k: byte_field(data, *spec) for k, spec in CLASS_B.items()}
    get = {k: np.where(is_b, fb[k], fa[k]) for k in ("mmsi", "speed", "lon", "lat", "course", "heading")}
    status = np.where(is_b, 15, fa["status"])
    return _positions(path, fast["line"].to_numpy(), fast["ts_us"].to_numpy(), get, status, rejects)


def _positions(
    path: str, line: np.ndarray, ts_us: np.ndarray, f: dict[str, np.ndarray], status: np.ndarray, rejects: RejectLog
) -> pl.DataFrame:
    """Canonical columns from raw AIS integers (1/10 min positions, 1/10 kn speed, 1/10 deg course)."""
    lat = f["lat"] / 600000.0
    lon = f["lon"] / 600000.0
    na = (f["lat"] == 91 * 600000) | (f["lon"] == 181 * 600000)
    bad = ~na & ((np.abs(lat) > 90) | (np.abs(lon) > 180))
    bad |= (f["mmsi"] <= 0) | (f["mmsi"] > 999_999_999)
    if bad.any():
        rejects.add_many(
            path,
            (f"line {ln}" for ln in line[bad][: rejects.max_samples]),
            "position or MMSI out of range",
            int(bad.sum()),
        )
    keep = ~bad
    speed = np.where(f["speed"] >= 1023, np.nan, f["speed"] / 10.0)
    course = np.where(f["course"] >= 3600, np.nan, f["course"] / 10.0)
    heading = np.where(f["heading"] >= 360, np.nan, f["heading"].astype(np.float64))
    frame = pl.DataFrame(
        {
            "source": SOURCE,
            "domain": "sea",
            "asset_id": pl.Series(f["mmsi"][keep]).cast(pl.String).str.zfill(9),
            "ts": pl.Series(ts_us[keep], dtype=pl.Int64).cast(pl.Datetime("us", "UTC")),
            "lat": pl.Series(np.where(na, np.nan, lat)[keep]).fill_nan(None),
            "lon": pl.Series(np.where(na, np.nan, lon)[keep]).fill_nan(None),
            "gs_kt": pl.Series(speed[keep]).fill_nan(None).cast(pl.Float32),
            "track_deg": pl.Series(course[keep]).fill_nan(None).cast(pl.Float32),
            "heading_deg": pl.Series(heading[keep]).fill_nan(None).cast(pl.Float32),
            "on_ground": pl.Series(np.isin(status[keep], (1, 5))),  # at anchor / moored
            "callsign": pl.Series([None] * int(keep.sum()), dtype=pl.String),
            "registration": pl.Series([None] * int(keep.sum()), dtype=pl.String),
            "type_code": pl.Series([None] * int(keep.sum()), dtype=pl.String),
            "_line": pl.Series(line[keep], dtype=pl.Int64),
        }
    )
    return frame


def decode_slow(
    path: str, msgs: list[tuple[str, int, int | None]], rejects: RejectLog
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """pyais for static reports and rare position types; returns (positions, static rows)."""
    pos: dict[str, list[int]] = {
        k: [] for k in ("mmsi", "speed", "lon", "lat", "course", "heading", "status", "line", "ts")
    }
    static: list[dict[str, object]] = []
    for sent, line, ts in msgs:
        try:
            msg: dict[str, Any] = pyais_decode(*sent.split("\n")).asdict()
        except (AISBaseException, ValueError, IndexError, KeyError) as exc:
            rejects.add(path, f"line {line}", f"undecodable AIS message: {type(exc).__name__}", sent)
            continue
        t = int(msg.get("msg_type", 0))
        assert ts is not None
        is_pos = t in (1, 2, 3, 18, 19, 27)
        if is_pos and (msg.get("lat") is None or msg.get("lon") is None or msg.get("mmsi") is None):
            rejects.add(path, f"line {line}", "undecodable AIS position report (fields missing)", sent)
            continue
        if not is_pos:
            if t in STATIC_TYPES and msg.get("mmsi") is not None:
                ignore(rejects, 1, STATIC_MSG)
            else:
                ignore(rejects, 1, _other_type(t))
                continue
        if is_pos:
            pos["mmsi"].append(int(msg["mmsi"]))
            for k, scale, na in (("speed", 10, 1023), ("course", 10, 3600), ("lon", 600000, 181), ("lat", 600000, 91)):
                v = msg.get(k)
                pos[k].append(round(float(v) * scale) if v is not None else na * (scale if k in ("lat", "lon") else 1))
            hd = msg.get("heading")
            pos["heading"].append(int(hd) if hd is not None else 511)
            pos["status"].append(int(msg.get("status") or 15) if t != 18 else 15)
            pos["line"].append(line)
            pos["ts"].append(ts)
        if t in STATIC_TYPES:
            static.append(
                {
                    "asset_id": f"{int(msg['mmsi']):09d}",
                    "ts": ts,
                    "name": msg.get("shipname"),
                    "imo": str(msg["imo"]) if msg.get("imo") else None,
                    "callsign": msg.get("callsign"),
                    "ship_type": str(int(msg["ship_type"])) if msg.get("ship_type") is not None else None,
                    "to_bow": msg.get("to_bow"),
                    "to_stern": msg.get("to_stern"),
                    "to_port": msg.get("to_port"),
                    "to_starboard": msg.get("to_starboard"),
                    "draught": msg.get("draught"),
                    "destination": msg.get("destination"),
                }
            )
    arrs = {k: np.asarray(v, dtype=np.int64) for k, v in pos.items()}
    positions = (
        _positions(path, arrs["line"], arrs["ts"], arrs, arrs["status"], rejects)
        if len(arrs["line"])
        else _empty_positions()
    )
    st = pl.DataFrame(static, infer_schema_length=None) if static else empty_static()
    if static:
        st = st.with_columns(pl.col("ts").cast(pl.Datetime("us", "UTC")))
    return positions, conform_static(st)

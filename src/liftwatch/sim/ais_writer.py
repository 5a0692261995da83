"""Encode canonical sea points as an AIS NMEA 0183 log (``!AIVDM`` with ``\\c:<epoch>*hh\\`` tag blocks).

Position reports (type 1, one sentence each) are encoded as whole arrays with :mod:`liftwatch.io.ais_sixbit`,
because the benchmark needs millions of sentences and pyais's encoder costs tens of microseconds per message;
static and voyage reports (type 5, two sentences, a few per ship) use pyais's encoder, which also keeps the
multi-sentence framing honest. Tests decode everything written here with pyais and compare fields.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import polars as pl
from pyais.encode import encode_dict

from liftwatch.io.ais_sixbit import CLASS_A, armor, digits, hex2, put_field, xor_rows
from liftwatch.schema import conform, points_frame

STATIC_EVERY_S = 6 * 3600  # real transponders repeat type 5 every 6 min; one per 6 h keeps logs small
_CARGO = 70


def _nmea_checksum(body: bytes) -> int:
    c = 0
    for b in body:
        c ^= b
    return c


def _position_lines(pts: pl.DataFrame) -> np.ndarray:
    """One fixed-width tag-block + type 1 sentence per row, as a (n, width) byte matrix with newline."""
    n = pts.height
    ts_s = (pts["ts"].dt.epoch("us") // 1_000_000).to_numpy().astype(np.int64)
    gs = pts["gs_kt"].cast(pl.Float64).to_numpy()
    speed = np.where(np.isfinite(gs), np.clip(np.round(gs * 10.0), 0, 1022), 1023).astype(np.int64)
    lat = pts["lat"].cast(pl.Float64).to_numpy()
    lon = pts["lon"].cast(pl.Float64).to_numpy()
    lat_i = np.where(np.isfinite(lat), np.round(np.nan_to_num(lat) * 600000.0), 91 * 600000).astype(np.int64)
    lon_i = np.where(np.isfinite(lon), np.round(np.nan_to_num(lon) * 600000.0), 181 * 600000).astype(np.int64)
    cog = pts["track_deg"].cast(pl.Float64).to_numpy()
    course = np.where(np.isfinite(cog), np.round(np.nan_to_num(cog) * 10.0) % 3600, 3600).astype(np.int64)
    hdg = pts["heading_deg"].cast(pl.Float64).to_numpy()
    heading = np.where(np.isfinite(hdg), np.round(np.nan_to_num(hdg)) % 360, 511).astype(np.int64)
    status = np.where(np.isfinite(gs) & (gs < 0.5), 5, 0).astype(np.int64)  # moored when stopped
    bits = np.zeros((n, 168), dtype=np.uint8)
    put_field(bits, *CLASS_A["msg_type"][:2], np.ones(n, dtype=np.int64))
    put_field(bits, *CLASS_A["mmsi"][:2], pts["asset_id"].cast(pl.Int64).to_numpy())
    put_field(bits, *CLASS_A["status"][:2], status)
    put_field(bits, 42, 8, np.full(n, -128, dtype=np.int64))  # rate of turn not available
    put_field(bits, *CLASS_A["speed"][:2], speed)
    put_field(bits, *CLASS_A["lon"][:2], lon_i)
    put_field(bits, *CLASS_A["lat"][:2], lat_i)
    put_field(bits, *CLASS_A["course"][:2], course)
    put_field(bits, *CLASS_A["heading"][:2], heading)
    put_field(bits, *CLASS_A["second"][:2], ts_s % 60)
    payload = armor(bits)
    chan = np.where(np.arange(n) % 2 == 0, ord("A"), ord("B")).astype(np.uint8)[:, None]
    head = np.frombuffer(b"AIVDM,1,1,,", dtype=np.uint8)
    tail = np.frombuffer(b",0", dtype=np.uint8)
    body = np.hstack([np.broadcast_to(head, (n, head.size)), chan, np.full((n, 1), ord(","), np.uint8), payload])
    body = np.hstack([body, np.broadcast_to(tail, (n, tail.size))])
    tag_body = np.hstack([np.broadcast_to(np.frombuffer(b"c:", np.uint8), (n, 2)), digits(ts_s, 10)])
    parts = [
        np.full((n, 1), ord("\\"), np.uint8),
        tag_body,
        np.full((n, 1), ord("*"), np.uint8),
        hex2(xor_rows(tag_body)),
        np.full((n, 1), ord("\\"), np.uint8),
        np.full((n, 1), ord("!"), np.uint8),
        body,
        np.full((n, 1), ord("*"), np.uint8),
        hex2(xor_rows(body)),
        np.full((n, 1), ord("\n"), np.uint8),
    ]
    return np.ascontiguousarray(np.hstack(parts))


def _static_rows(pts: pl.DataFrame, static: pl.DataFrame | None) -> pl.DataFrame:
    """Static fields per MMSI: from ``static`` when given, else what the points carry (name in callsign)."""
    ids = pts.select(pl.col("asset_id").unique().sort())
    if static is not None and static.height:
        st = static.rename({"mmsi": "asset_id"}) if "mmsi" in static.columns else static
        st = st.with_columns(pl.col("asset_id").cast(pl.String))
        return ids.join(st.unique("asset_id", keep="last"), on="asset_id", how="left")
    first = (
        pts.sort("ts")
        .group_by("asset_id", maintain_order=True)
        .agg(
            pl.col("callsign").drop_nulls().first().alias("name"),
            pl.col("registration").drop_nulls().first().alias("registration"),
            pl.col("type_code").drop_nulls().first().alias("type_code"),
        )
    )
    return first.with_columns(
        pl.when(pl.col("registration").str.contains(r"^\d{7}$"))
        .then(pl.col("registration").cast(pl.Int64, strict=False))
        .otherwise(None)
        .alias("imo"),
        pl.col("type_code").cast(pl.Int64, strict=False).fill_null(_CARGO).alias("ship_type"),
    )


def _static_lines(pts: pl.DataFrame, static: pl.DataFrame | None) -> pl.DataFrame:
    """Type 5 sentence pairs at each ship's first report and every ``STATIC_EVERY_S`` after (few rows)."""
    rows = _static_rows(pts, static)
    when = (
        pts.with_columns((pl.col("ts").dt.epoch("us") // 1_000_000).alias("s"))
        .with_columns(((pl.col("s") - pl.col("s").min().over("asset_id")) // STATIC_EVERY_S).alias("slot"))
        .group_by("asset_id", "slot")
        .agg(pl.col("s").min())
        .join(rows, on="asset_id", how="left")
        .sort("s", "asset_id")
    )
    out_s: list[int] = []
    out_line: list[str] = []
    for i, r in enumerate(when.iter_rows(named=True)):  # a few per ship: pyais's encoder per message is fine
        data: dict[str, str | int | float | bytes | bool] = {"type": 5, "mmsi": int(r["asset_id"]), "ais_version": 0}
        for key in ("callsign", "destination"):
            if r.get(key):
                data[key] = str(r[key])[:20]
        if r.get("name"):
            data["shipname"] = str(r["name"])[:20]
        for key in ("imo", "ship_type", "to_bow", "to_stern", "to_port", "to_starboard"):
            if r.get(key) is not None:
                data[key] = int(r[key])
        if r.get("draught") is not None:
            data["draught"] = float(r["draught"])
        sentences = encode_dict(data, talker_id="AI", sentence_type="VDM", radio_channel="A", seq_id=i % 10)
        tag = f"c:{int(r['s'])}".encode()
        prefix = f"\\c:{int(r['s'])}*{_nmea_checksum(tag):02X}\\"
        for s in sentences:
            out_s.append(int(r["s"]))
            out_line.append(prefix + s + "\n")
    return pl.DataFrame({"s": out_s, "line": out_line}, schema={"s": pl.Int64, "line": pl.String})


def write_ais_nmea(points: pl.DataFrame, path: str | os.PathLike[str], static: pl.DataFrame | None = None) -> Path:
    """Write sea points (canonical schema, asset_id = MMSI) as a tag-blocked ``!AIVDM`` log in time order.

    ``static`` optionally gives per-MMSI columns ``mmsi``/``asset_id``, ``name``, ``callsign``, ``imo``,
    ``ship_type`` (AIS code), ``destination``, ``to_bow``, ``to_stern``, ``to_port``, ``to_starboard``,
    ``draught``; without it, the ship name is taken from the points' ``callsign`` (the simulator's convention).
    """
    out = Path(path)
    pts = points_frame(conform(points)).filter(pl.col("asset_id").str.contains(r"^\d{9}$")).sort("ts", "asset_id")
    mat = _position_lines(pts) if pts.height else np.zeros((0, 1), dtype=np.uint8)
    pos_s = (pts["ts"].dt.epoch("us") // 1_000_000).to_numpy().astype(np.int64) if pts.height else np.zeros(0)
    stat = _static_lines(pts, static) if pts.height else pl.DataFrame({"s": [], "line": []})
    # merge: static sentences go just before the first position report of the same second
    order_keys = np.concatenate([stat["s"].to_numpy().astype(np.int64), pos_s.astype(np.int64)])
    kind = np.concatenate([np.zeros(stat.height, np.int8), np.ones(len(pos_s), np.int8)])
    order = np.lexsort((kind, order_keys))
    width = mat.shape[1]
    pos_bytes = mat.tobytes()
    static_lines = [s.encode() for s in stat["line"].to_list()]
    n_static = stat.height
    with out.open("wb") as fh:
        # positions keep their order in the merge, so between two static lines they are one slice of the matrix
        next_pos = 0
        for at in np.flatnonzero(order < n_static).tolist():
            n_before = at - int((order[:at] < n_static).sum())
            fh.write(pos_bytes[next_pos * width : n_before * width])
            next_pos = n_before
            fh.write(static_lines[int(order[at])])
        fh.write(pos_bytes[next_pos * width :])
    return out

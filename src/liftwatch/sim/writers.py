"""Render a scenario in the real input formats, so every reader is exercised on the same truth.

Formats follow the real layouts of the tools that write them (docs/formats.md). Output is byte-for-byte
deterministic: rows are written in a fixed order, floats with fixed precision, gzip without a timestamp
in its header, Parquet with fixed settings.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from liftwatch.modes import encode
from liftwatch.sim import ais_writer
from liftwatch.sim.scenario import Scenario

FT_PER_M = 3.28084
KT_PER_MS = 1.943844
FPM_PER_MS = 196.850394


def _gz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=6) as fh:
        fh.write(data)
    return buf.getvalue()


def _air(sc: Scenario) -> pl.DataFrame:
    return sc.points.filter(pl.col("domain") == "air")


def _opensky_frame(sc: Scenario) -> pl.DataFrame:
    """state_vectors_data4 columns: SI units, epoch seconds, position time in lastposupdate."""
    p = _air(sc).sort("ts", "asset_id")
    epoch = p["ts"].dt.epoch("us").cast(pl.Float64) / 1e6
    return pl.DataFrame(
        {
            "time": epoch.floor().cast(pl.Int64),
            "icao24": p["asset_id"],
            "lat": p["lat"].round(6),
            "lon": p["lon"].round(6),
            "velocity": (p["gs_kt"].cast(pl.Float64) / KT_PER_MS).round(3),
            "heading": p["track_deg"].cast(pl.Float64).round(2),
            "vertrate": (p["vrate_fpm"].cast(pl.Float64) / FPM_PER_MS).round(3),
            "callsign": p["callsign"],
            "onground": p["on_ground"],
            "alert": pl.Series([False] * p.height),
            "spi": pl.Series([False] * p.height),
            "squawk": p["squawk"],
            "baroaltitude": (p["alt_baro_ft"].cast(pl.Float64) / FT_PER_M).round(2),
            "geoaltitude": (p["alt_baro_ft"].cast(pl.Float64) / FT_PER_M + 30.0).round(2),
            "lastposupdate": epoch.round(3),
            "lastcontact": epoch.round(3),
            "hour": (epoch.floor().cast(pl.Int64) // 3600) * 3600,
        }
    )


def write_opensky_csv(sc: Scenario, out: Path) -> list[Path]:
    path = out / "opensky_states.csv.gz"
    df = _opensky_frame(sc)
    text = df.write_csv(float_precision=None, null_value="")
    path.write_bytes(_gz(text.encode()))
    return [path]


def write_opensky_parquet(sc: Scenario, out: Path) -> list[Path]:
    path = out / "opensky_states.parquet"
    table = _opensky_frame(sc).to_arrow()
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=9,
        row_group_size=200_000,
        write_statistics=True,
        store_schema=False,
    )
    return [path]


def _num(x: float | None, nd: int) -> float | None:
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return None
    return round(float(x), nd)


def write_readsb_trace(sc: Scenario, out: Path) -> list[Path]:
    """One ``traces/<last2>/trace_full_<hex>.json.gz`` per aircraft (globe_history layout)."""
    paths: list[Path] = []
    p = _air(sc).unique(maintain_order=True).sort("asset_id", "ts")
    for (hx,), g in p.group_by(["asset_id"], maintain_order=True):
        t0 = float(g["ts"][0].timestamp())
        ep = g["ts"].dt.epoch("us").to_numpy() / 1e6
        cs_prev: str | None = None
        trace = []
        for j, r in enumerate(g.iter_rows(named=True)):
            alt: object = "ground" if r["on_ground"] else (None if r["alt_baro_ft"] is None else int(r["alt_baro_ft"]))
            obj = None
            if r["callsign"] != cs_prev:
                obj = {"flight": f"{r['callsign']:<8}", "squawk": r["squawk"], "type": "adsb_icao"}
                cs_prev = r["callsign"]
            trace.append(
                [
                    round(float(ep[j] - t0), 2),
                    round(r["lat"], 6),
                    round(r["lon"], 6),
                    alt,
                    _num(r["gs_kt"], 1),
                    _num(r["track_deg"], 1),
                    int(r["flags"]) & 15,
                    None if r["vrate_fpm"] is None else int(r["vrate_fpm"]),
                    obj,
                    "adsb_icao",
                    None if r["alt_baro_ft"] is None else int(r["alt_baro_ft"]) + 100,
                    None,
                    None,
                    None,
                ]
            )
        head = {
            "icao": hx,
            "r": g["registration"][0],
            "t": g["type_code"][0],
            "dbFlags": 1 if str(g["registration"][0] or "").startswith("RA-") else 0,
            "timestamp": t0,
            "trace": trace,
        }
        path = out / "traces" / hx[-2:] / f"trace_full_{hx}.json.gz"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_gz(json.dumps(head, separators=(",", ":")).encode()))
        paths.append(path)
    return paths


def write_aircraft_json(sc: Scenario, out: Path, every_s: int = 60) -> list[Path]:
    """``aircraft_json/history_<n>.json`` snapshots every ``every_s`` seconds (latest state per aircraft)."""
    p = _air(sc).unique(maintain_order=True).sort("ts", "asset_id")
    ep = p["ts"].dt.epoch("us") / 1e6
    p = p.with_columns(ep.alias("_e"), ((ep // every_s + 1) * every_s).cast(pl.Int64).alias("_snap"))
    latest = p.group_by("_snap", "asset_id").agg(pl.all().sort_by("_e").last()).sort("_snap", "asset_id")
    d = out / "aircraft_json"
    d.mkdir(parents=True, exist_ok=True)
    paths = []
    for (snap,), g in latest.group_by(["_snap"], maintain_order=True):
        ac = []
        for r in g.iter_rows(named=True):
            a: dict[str, object] = {
                "hex": r["asset_id"],
                "flight": f"{r['callsign']:<8}",
                "r": r["registration"],
                "t": r["type_code"],
            }
            a["alt_baro"] = (
                "ground" if r["on_ground"] else (None if r["alt_baro_ft"] is None else int(r["alt_baro_ft"]))
            )
            a.update(
                {
                    "gs": _num(r["gs_kt"], 1),
                    "track": _num(r["track_deg"], 1),
                    "squawk": r["squawk"],
                    "lat": round(r["lat"], 6),
                    "lon": round(r["lon"], 6),
                    "seen_pos": round(int(snap) - r["_e"], 1),
                    "seen": round(int(snap) - r["_e"], 1),
                }
            )
            if r["vrate_fpm"] is not None:
                a["baro_rate"] = int(r["vrate_fpm"])
            ac.append({k: v for k, v in a.items() if v is not None})
        path = d / f"history_{int(snap)}.json"
        path.write_text(json.dumps({"now": int(snap), "messages": len(ac), "aircraft": ac}, separators=(",", ":")))
        paths.append(path)
    return paths


def write_sbs(sc: Scenario, out: Path) -> list[Path]:
    """BaseStation port-30003 lines: MSG,1 on callsign change, MSG,3 positions, MSG,4 velocities."""
    p = _air(sc).sort("ts", "asset_id")
    ts = p["ts"]
    date = ts.dt.strftime("%Y/%m/%d")
    tod = ts.dt.strftime("%H:%M:%S%.3f")
    alt = p["alt_baro_ft"].cast(pl.Int64).cast(pl.String).fill_null("")
    gnd = pl.when(p["on_ground"]).then(pl.lit("-1")).otherwise(pl.lit("0"))
    df = pl.DataFrame(
        {
            "date": date,
            "tod": tod,
            "hex": p["asset_id"].str.to_uppercase(),
            "alt": alt,
            "lat": p["lat"].round(5).cast(pl.String),
            "lon": p["lon"].round(5).cast(pl.String),
            "gs": p["gs_kt"].round(0).cast(pl.Int64).cast(pl.String),
            "trk": p["track_deg"].round(0).cast(pl.Int64).cast(pl.String),
            "vr": p["vrate_fpm"].cast(pl.Int64).cast(pl.String).fill_null(""),
            "cs": p["callsign"].fill_null(""),
            "sq": p["squawk"].fill_null(""),
        }
    ).with_columns(gnd=gnd)
    pre = pl.lit("MSG,")
    common = pl.concat_str(
        [
            pl.lit(",1,1,"),
            pl.col("hex"),
            pl.lit(",1,"),
            pl.col("date"),
            pl.lit(","),
            pl.col("tod"),
            pl.lit(","),
            pl.col("date"),
            pl.lit(","),
            pl.col("tod"),
            pl.lit(","),
        ]
    )
    pos = pl.concat_str(
        [
            pre,
            pl.lit("3"),
            common,
            pl.lit(","),
            pl.col("alt"),
            pl.lit(",,,"),
            pl.col("lat"),
            pl.lit(","),
            pl.col("lon"),
            pl.lit(",,,0,0,0,"),
            pl.col("gnd"),
        ]
    )
    vel = pl.concat_str(
        [
            pre,
            pl.lit("4"),
            common,
            pl.lit(",,"),
            pl.col("gs"),
            pl.lit(","),
            pl.col("trk"),
            pl.lit(",,,"),
            pl.col("vr"),
            pl.lit(",,,,,"),
        ]
    )
    ident = pl.concat_str([pre, pl.lit("1"), common, pl.col("cs"), pl.lit(",,,,,,,,,,,")])
    changed = pl.col("cs") != pl.col("cs").shift(1).over("hex")
    lines = df.select(
        pl.when(changed.fill_null(True)).then(ident).otherwise(None).alias("a"), pos.alias("b"), vel.alias("c")
    )
    seq = lines.select(pl.concat_list("a", "b", "c").alias("l")).explode("l").drop_nulls()
    path = out / "basestation.sbs"
    path.write_text("\r\n".join(seq["l"].to_list()) + "\r\n")
    return [path]


def write_ais_nmea(sc: Scenario, out: Path) -> list[Path]:
    """``ais.nmea``: ships as !AIVDM with tag-block times (encoder in liftwatch.sim.ais_writer)."""
    sea = sc.points.filter(pl.col("domain") == "sea").unique(maintain_order=True).sort("ts", "asset_id")
    if sea.height == 0:
        return []
    path = out / "ais.nmea"
    ais_writer.write_ais_nmea(sea, path)
    return [path]


def write_modes_hex(sc: Scenario, out: Path) -> list[Path]:
    """``modes.csv``: ``timestamp,hex`` raw DF17 messages as a receiver logs them.

    Each airborne fix becomes an even and an odd position message 0.2 s apart (a real receiver hears ~2 a
    second, so pairs are always within the 10 s CPR limit), a velocity message, and an identification message
    on every tenth fix; ground points are left out (their surface encoding needs a reference position).
    """
    p = _air(sc).filter(pl.col("alt_baro_ft").is_not_null() & ~pl.col("on_ground").fill_null(False))
    p = p.unique(["asset_id", "ts"], maintain_order=True).sort("ts", "asset_id")
    icao = np.array([int(x, 16) for x in p["asset_id"].to_list()], dtype=np.int64)
    t = p["ts"].dt.epoch("us").to_numpy() / 1e6
    lat, lon = p["lat"].to_numpy(), p["lon"].to_numpy()
    alt = p["alt_baro_ft"].cast(pl.Float64).to_numpy()
    n = len(icao)
    even, odd = np.zeros(n, dtype=np.int64), np.ones(n, dtype=np.int64)
    parts = [
        (t, encode.airborne_position(icao, lat, lon, alt, even)),
        (t + 0.2, encode.airborne_position(icao, lat, lon, alt, odd)),
        (
            t + 0.1,
            encode.velocity(
                icao,
                p["gs_kt"].cast(pl.Float64).fill_null(0).to_numpy(),
                p["track_deg"].cast(pl.Float64).fill_null(0).to_numpy(),
                p["vrate_fpm"].cast(pl.Float64).fill_null(0).to_numpy(),
            ),
        ),
    ]
    every = np.arange(n) % 10 == 0
    parts.append((t[every] + 0.3, encode.identification(icao[every], p["callsign"].fill_null("").to_numpy()[every])))
    ts = np.concatenate([x[0] for x in parts])
    hexes = np.concatenate([np.asarray(encode.to_hex(x[1]), dtype=object) for x in parts])
    order = np.argsort(ts, kind="stable")
    frame = pl.DataFrame({"timestamp": np.round(ts[order], 3), "hex": hexes[order].tolist()})
    path = out / "modes.csv"
    path.write_text(frame.write_csv(include_header=False))
    return [path]


def write_truth(sc: Scenario, out: Path) -> list[Path]:
    paths = [out / "truth_flights.csv", out / "truth_gaps.parquet", out / "meta.json"]
    sc.truth_flights.write_csv(paths[0])
    pq.write_table(sc.truth_gaps.sort("asset_id", "start").to_arrow(), paths[1], compression="zstd", store_schema=False)
    paths[2].write_text(json.dumps(sc.meta, indent=2, sort_keys=True) + "\n")
    return paths


WRITERS: dict[str, Callable[[Scenario, Path], list[Path]]] = {
    "opensky_csv": write_opensky_csv,
    "opensky_parquet": write_opensky_parquet,
    "readsb_trace": write_readsb_trace,
    "aircraft_json": write_aircraft_json,
    "sbs": write_sbs,
    "ais_nmea": write_ais_nmea,
    "modes_hex": write_modes_hex,
}
FORMATS = tuple(WRITERS)


def write(sc: Scenario, out_dir: str | Path, formats: tuple[str, ...] | list[str] = FORMATS) -> dict[str, list[Path]]:
    """Write the scenario in ``formats`` plus the truth tables; returns the paths per format."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    res: dict[str, list[Path]] = {}
    for fmt in formats:
        if fmt not in WRITERS:
            from liftwatch.errors import LiftwatchError

            raise LiftwatchError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
        res[fmt] = WRITERS[fmt](sc, out)
    res["truth"] = write_truth(sc, out)
    return res


_ = pa  # pyarrow is used through pq

"""Ingest benchmark: rows/s and peak memory of each reader, alone and end to end through ``liftwatch ingest``.

Generates ``--rows`` rows (default 5,000,000) per format into a temporary directory, in the formats' real layouts:
OpenSky state vectors (history-dump CSV and Parquet), SBS-1 port-30003 text, readsb ``trace_full_*.json`` files and
a directory of readsb ``aircraft.json`` snapshots, and (``readsb_tar``) the trace files packed in one tar, as a
globe_history day archive comes. Each measurement runs in a fresh (spawned) process; ``reader`` and ``store`` are
pinned to one thread (Polars, Arrow and DuckDB set to 1 thread, ``--workers 0``), so CPU seconds are the fair
single-core figure; ``default`` runs ``liftwatch ingest`` as it runs by default on this machine (its parse or
read-ahead thread, DuckDB's threads, any worker processes, whose CPU is counted), so its wall seconds are what a
user waits. Peak RSS and CPU time belong to that measurement alone.

    python benchmarks/ingest.py                   # 5 M rows per format
    python benchmarks/ingest.py --rows 200000     # quick look
    python benchmarks/ingest.py --formats opensky_csv,opensky_parquet
"""

from __future__ import annotations

import os

os.environ.setdefault("POLARS_MAX_THREADS", "1")  # before polars is imported, here and in spawned children

import argparse
import json
import multiprocessing as mp
import resource
import shutil
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

FORMATS = ("opensky_csv", "opensky_parquet", "sbs", "readsb_trace", "readsb_tar", "aircraft_json")
T0 = 1_717_200_000  # 2024-06-01
N_AIRCRAFT = 2000


# --- generators (vectorised: NumPy columns written by Arrow, or one string join per file) -----------------------
def _tracks(n: int, seed: int = 7) -> dict[str, np.ndarray]:
    """``n`` state samples of N_AIRCRAFT aircraft flying random-walk tracks, interleaved in time order."""
    rng = np.random.default_rng(seed)
    ac = np.arange(n) % N_AIRCRAFT
    step = np.arange(n) // N_AIRCRAFT
    lat0 = rng.uniform(25, 45, N_AIRCRAFT)
    lon0 = rng.uniform(5, 45, N_AIRCRAFT)
    hdg = rng.uniform(0, 360, N_AIRCRAFT)
    rad = np.deg2rad(hdg[ac])
    return {
        "ac": ac,
        "time": T0 + step * 5 + (ac % 5),
        "lat": np.round(lat0[ac] + np.cos(rad) * step * 0.01, 5),
        "lon": np.round(lon0[ac] + np.sin(rad) * step * 0.01, 5),
        "gs_ms": np.round(rng.uniform(100, 250, n), 2),
        "track": np.round(hdg[ac], 2),
        "vrate_ms": np.round(rng.uniform(-10, 10, n), 2),
        "alt_m": np.round(rng.uniform(300, 11_000, n), 2),
    }


def _hex(ac: np.ndarray) -> np.ndarray:
    ids = np.array([f"{0x150000 + i:06x}" for i in range(N_AIRCRAFT)])
    return ids[ac]


def _callsign(ac: np.ndarray) -> np.ndarray:
    names = np.array([f"RFF{7000 + i:04d}" for i in range(N_AIRCRAFT)])
    return names[ac]


def _squawk(ac: np.ndarray) -> np.ndarray:
    codes = np.array([f"{i % 8}{i // 8 % 8}{i // 64 % 8}{i // 512 % 8}" for i in range(N_AIRCRAFT)])
    return codes[ac]


def opensky_table(n: int) -> pa.Table:
    t = _tracks(n)
    return pa.table(
        {
            "time": t["time"],
            "icao24": _hex(t["ac"]),
            "lat": t["lat"],
            "lon": t["lon"],
            "velocity": t["gs_ms"],
            "heading": t["track"],
            "vertrate": t["vrate_ms"],
            "callsign": np.char.add(_callsign(t["ac"]), " "),
            "onground": np.zeros(n, dtype=bool),
            "alert": np.zeros(n, dtype=bool),
            "spi": np.zeros(n, dtype=bool),
            "squawk": _squawk(t["ac"]),
            "baroaltitude": t["alt_m"],
            "geoaltitude": np.round(t["alt_m"] + 120, 2),
            "lastposupdate": t["time"] - 0.75,
            "lastcontact": t["time"] - 0.25,
        }
    )


def gen_opensky_csv(n: int, out: Path) -> Path:
    p = out / "states_2024-06-01.csv"
    pacsv.write_csv(opensky_table(n), p, pacsv.WriteOptions(quoting_style="none"))
    return p


def gen_opensky_parquet(n: int, out: Path) -> Path:
    p = out / "states_2024-06-01.parquet"
    pq.write_table(opensky_table(n), p, row_group_size=1_000_000, compression="snappy")
    return p


def gen_sbs(n: int, out: Path) -> Path:
    """MSG,3 position lines interleaved with MSG,4 velocity lines, as dump1090 emits them."""
    t = _tracks(n)
    ts = (T0 + t["time"] - T0).astype("datetime64[s]").astype("datetime64[ms]") + (t["ac"] % 1000).astype(
        "timedelta64[ms]"
    )
    stamp = np.datetime_as_string(ts, unit="ms")
    date = np.char.replace(np.char.ljust(stamp, 10).astype("U10"), "-", "/")
    clock = np.array([s[11:] for s in stamp.tolist()])
    dt = np.char.add(np.char.add(date, ","), clock)
    hexid = np.char.upper(_hex(t["ac"]))
    head = np.char.add(np.char.add("1,1,", hexid), ",1,")
    pos = n // 2
    lines = np.empty(n, dtype=object)
    lat = t["lat"].astype(str)
    lon = t["lon"].astype(str)
    alt = (t["alt_m"] / 0.3048).round().astype(int).astype(str)
    gs = (t["gs_ms"] * 1.943844).round(1).astype(str)
    trk = t["track"].astype(str)
    vr = (t["vrate_ms"] * 196.85).round().astype(int).astype(str)
    i3 = np.arange(0, n, 2)
    i4 = np.arange(1, n, 2)
    lines[i3] = (
        "MSG,3," + head[i3] + dt[i3] + "," + dt[i3] + ",," + alt[i3] + ",,," + lat[i3] + "," + lon[i3] + ",,,0,0,0,0"
    )
    lines[i4] = (
        "MSG,4," + head[i4] + dt[i4] + "," + dt[i4] + ",,," + gs[i4] + "," + trk[i4] + ",,," + vr[i4] + ",,0,0,0,0"
    )
    del pos
    p = out / "feed.sbs"
    with p.open("w") as fh:
        for k in range(0, n, 1_000_000):
            fh.write("\n".join(lines[k : k + 1_000_000].tolist()) + "\n")
    return p


def gen_readsb_trace(n: int, out: Path) -> Path:
    """``traces/<xx>/trace_full_<hex>.json``: one file per aircraft, points relative to the header timestamp."""
    files = 200
    per = -(-n // files)
    root = out / "traces"
    rng = np.random.default_rng(3)
    made = 0
    for f in range(files):
        k = min(per, n - made)
        if k <= 0:
            break
        hexid = f"{0x150000 + f:06x}"
        dt = np.round(np.arange(k) * 4.0 + rng.uniform(0, 0.9, k), 2)
        lat = np.round(30 + np.arange(k) * 0.0005, 5)
        lon = np.round(20 + np.arange(k) * 0.0007, 5)
        alt = (np.arange(k) % 40_000).tolist()
        pts = [
            [d, a, o, h, 420.5, 245.3, 0, -64, None, "adsb_icao", h + 350, -64, 280, 0.0]
            for d, a, o, h in zip(dt.tolist(), lat.tolist(), lon.tolist(), alt, strict=True)
        ]
        pts[0][8] = {"type": "adsb_icao", "flight": "RFF7012 ", "squawk": "1234", "category": "A5"}
        doc = {
            "icao": hexid,
            "r": f"RA-78{f:03d}",
            "t": "IL76",
            "dbFlags": 1,
            "desc": "ILYUSHIN Il-76",
            "timestamp": T0,
            "trace": pts,
        }
        d = root / hexid[-2:]
        d.mkdir(parents=True, exist_ok=True)
        (d / f"trace_full_{hexid}.json").write_text(json.dumps(doc, separators=(",", ":")))
        made += k
    return root


def gen_readsb_tar(n: int, out: Path) -> Path:
    """The same trace files packed in one plain tar, as a globe_history day archive is: one input, streamed."""
    gen_readsb_trace(n, out / "unpacked")
    tar = out / "day.tar"
    with tarfile.open(tar, "w") as tf:
        tf.add(out / "unpacked" / "traces", arcname="traces")
    shutil.rmtree(out / "unpacked")
    return tar


def gen_aircraft_json(n: int, out: Path) -> Path:
    """A directory of 1-s ``aircraft.json`` snapshots (``history_<i>.json`` naming, as tar1090 keeps them), written
    as readsb writes them (one aircraft object per line)."""
    root = out / "snapshots"
    root.mkdir()
    per = 2000
    snaps = -(-n // per)
    made = 0
    hexes = [f"{0x150000 + i:06x}" for i in range(per)]
    base_lat = np.random.default_rng(5).uniform(25, 45, per)
    for s in range(snaps):
        k = min(per, n - made)
        lat = np.round(base_lat[:k] + s * 0.001, 5).tolist()
        ac = [
            {
                "hex": h,
                "type": "adsb_icao",
                "flight": "RFF7012 ",
                "alt_baro": 31000 + s,
                "alt_geom": 31350 + s,
                "gs": 421.7,
                "track": 245.3,
                "baro_rate": -64,
                "squawk": "1234",
                "lat": la,
                "lon": 20.5 + s * 0.001,
                "seen_pos": 0.4,
                "seen": 0.1,
                "messages": 1000 + s,
                "rssi": -21.5,
            }
            for h, la in zip(hexes[:k], lat, strict=True)
        ]
        # readsb's own layout: the envelope on three lines, then one compact aircraft object per line
        lines = ",\n".join(json.dumps(a, separators=(",", ":")) for a in ac)
        head = f'{{ "now" : {T0 + s:.1f},\n  "messages" : {10**6 + s},\n  "aircraft" : [\n'
        (root / f"history_{s}.json").write_text(head + lines + "\n  ]\n}\n")
        made += k
    return root


GENERATORS = {
    "opensky_csv": gen_opensky_csv,
    "opensky_parquet": gen_opensky_parquet,
    "sbs": gen_sbs,
    "readsb_trace": gen_readsb_trace,
    "readsb_tar": gen_readsb_tar,
    "aircraft_json": gen_aircraft_json,
}
READER = {"readsb_tar": "readsb_trace"}  # the reader of a benchmark input that is not a format name itself


# --- measurement (in a spawned child) ------------------------------------------------------------------------
@dataclass
class Result:
    format: str
    mode: str  # reader | store | dataset | default
    rows: int
    rejects: int
    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    base_rss_mib: float
    error: str = ""


def _peak_rss_mib() -> float:
    """High-water RSS of this process image (VmHWM; unlike ru_maxrss it is not inherited from the parent at spawn)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _inputs(fmt: str, path: Path) -> list[Path]:
    if fmt == "readsb_trace":
        return sorted(path.rglob("trace_full_*.json"))
    return [path]


def _child(fmt: str, mode: str, path: str, db: str, q: Any) -> None:
    import pyarrow as pa_

    if mode != "default":
        pa_.set_cpu_count(1)
        pa_.set_io_thread_count(1)
    import polars as pl_
    import pyarrow.compute as pc_

    from liftwatch import io as lio
    from liftwatch.ingest import ingest_paths
    from liftwatch.io.base import RejectLog
    from liftwatch.store import Store

    pc_.add(pa_.array([1]), 1)  # pyarrow.compute imports its pandas shim lazily on first use: keep it out of the timing
    pl_.from_arrow(pa_.table({"x": [1]}))
    inputs = _inputs(fmt, Path(path))
    reader = READER.get(fmt, fmt)
    if mode == "dataset":  # one thread into a Parquet dataset (`liftwatch ingest --to DIR --workers 0`)
        _dataset_child(fmt, inputs, reader, db, q)
        return
    store = Store(db) if mode in ("store", "default") else None
    if store is not None and mode == "store":
        store.con.execute("SET threads TO 1")
    base = _peak_rss_mib()
    rows = rejects = 0
    w0, c0 = time.perf_counter(), time.process_time()
    try:
        if store is None:
            for p in inputs:
                log = RejectLog()
                for t in lio.read(p, format=reader, rejects=log):
                    rows += t.num_rows
                rejects += log.total
        else:  # what `liftwatch ingest` runs (small files share transactions): in one thread, or as by default
            run = ingest_paths(store, inputs, format=reader, workers=0 if mode == "store" else None)
            rows, rejects = run.rows_added, sum(r.rejects.total for r in run.reports)
            if run.failures:
                raise RuntimeError(run.failures[0].message)
        err = ""
    except Exception as exc:  # reported in the table, the benchmark goes on
        err = f"{type(exc).__name__}: {exc}"[:120]
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes the default may start (reaped)
    cpu += kids.ru_utime + kids.ru_stime
    if store is not None:
        store.close()
    peak = _peak_rss_mib()
    q.put(Result(fmt, mode, rows, rejects, wall, cpu, peak, base, err))


def _dataset_child(fmt: str, inputs: list[Path], reader: str, db: str, q: Any) -> None:
    from liftwatch.dataset_ingest import ingest_into
    from liftwatch.store_dataset import DatasetStore

    target = Path(db).with_suffix(".dataset")
    shutil.rmtree(target, ignore_errors=True)
    store = DatasetStore(target, create=True)
    w0, c0 = time.perf_counter(), time.process_time()
    rows = rejects = 0
    try:
        run = ingest_into(store, inputs, format=reader, workers=0)
        rows, rejects = run.rows_added, sum(r.rejects.total for r in run.reports)
        err = f"RuntimeError: {run.failures[0].message}"[:120] if run.failures else ""
    except Exception as exc:  # reported in the table, the benchmark goes on
        err = f"{type(exc).__name__}: {exc}"[:120]
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    store.close()
    shutil.rmtree(target, ignore_errors=True)
    q.put(Result(fmt, "dataset", rows, rejects, wall, cpu, _peak_rss_mib(), 0.0, err))


def measure(fmt: str, mode: str, path: Path, work: Path) -> Result:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    db = work / f"bench_{fmt}.duckdb"
    if db.exists():
        db.unlink()
    proc = ctx.Process(target=_child, args=(fmt, mode, str(path), str(db), q))
    proc.start()
    res: Result = q.get()
    proc.join()
    return res


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=5_000_000, help="rows generated per format (default 5,000,000)")
    ap.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset of " + ", ".join(FORMATS))
    ap.add_argument(
        "--modes",
        default="reader,store",
        help="comma-separated: reader, store (one thread), dataset (one thread into a Parquet dataset, `ingest "
        "--to DIR`), default (`liftwatch ingest` as it runs by default, all cores: compare wall seconds) "
        "(default: reader,store)",
    )
    ap.add_argument("--keep", type=Path, default=None, help="generate into this directory and keep the files")
    ap.add_argument(
        "--data", type=Path, default=None, help="reuse the inputs a --keep run left in this directory (no generating)"
    )
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="liftwatch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: list[tuple[Result, int]] = []
    try:
        for fmt in args.formats.split(","):
            t = time.perf_counter()
            out = work / fmt
            if args.data is not None:  # inputs of an earlier --keep run: the single entry of <data>/<format>
                (path,) = list((args.data / fmt).iterdir())
            else:
                if out.exists():
                    shutil.rmtree(out)
                out.mkdir()
                path = GENERATORS[fmt](args.rows, out)
            size = _size(path)
            print(
                f"{fmt}: {args.rows:,} rows, {size / 2**20:,.0f} MiB, ready in {time.perf_counter() - t:.0f} s",
                flush=True,
            )
            for mode in args.modes.split(","):
                r = measure(fmt, mode, path, work)
                results.append((r, size))
                print(
                    f"  {mode:6s} {r.rows:>11,} rows  {r.rows / r.cpu_s / 1e6 if r.cpu_s else 0:5.2f} M rows/s CPU  "
                    f"{r.rows / r.wall_s / 1e6 if r.wall_s else 0:5.2f} M rows/s wall  peak {r.peak_rss_mib:,.0f} MiB"
                    + (f"  ERROR {r.error}" if r.error else ""),
                    flush=True,
                )
            if args.keep is None and args.data is None:
                shutil.rmtree(out)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(
        "| format | mode | rows | rejects | MiB in | CPU s | wall s | M rows/s (CPU) | M rows/s (wall) | peak RSS MiB |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r, size in results:
        print(
            f"| {r.format} | {r.mode} | {r.rows:,} | {r.rejects:,} | {size / 2**20:,.0f} | {r.cpu_s:.1f} | {r.wall_s:.1f} | "
            f"{r.rows / r.cpu_s / 1e6 if r.cpu_s else 0:.2f} | {r.rows / r.wall_s / 1e6 if r.wall_s else 0:.2f} | "
            f"{r.peak_rss_mib:,.0f} |" + (f" error: {r.error}" if r.error else "")
        )


if __name__ == "__main__":
    main()

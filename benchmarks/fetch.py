"""Fetch benchmark: stream + filter + ingest of an adsb.lol-layout day archive served from loopback, against
``curl | tar -x`` of the same bytes.

Builds (once, cached in ``bench-out/fetch``) a globe_history day in the real layout: ``--members`` readsb
``trace_full_<hex>.json`` members (gzip inside, 14-field points, an aircraft object every 20 points), with
``acas/`` and ``heatmap/`` members around them, split into ``.tar.aa`` / ``.tar.ab`` parts, and a GitHub
release list naming them. About 3 % of the addresses are Russian (a third of those over the eastern
Mediterranean), 2 % carry the tar1090-db military flag. A loopback HTTP server with range support serves it.

Each measurement runs in its own process (peak RSS is that process's high-water mark):

* ``curl | tar -x``: the bytes fetched and unpacked to disk, nothing parsed (the manual way, and the floor);
* ``stream``: liftwatch's part-joining stream and tar walk, every member ruled out by address (the glue alone);
* ``country``: ``--country RU --region "eastern mediterranean"`` (the new-user path);
* ``military``: ``--military`` (every member's header is inflated and read);
* ``all``: no filter, every point parsed and stored (points/s end to end);
* ``ingest``: ``liftwatch ingest`` of the parts on disk on one core (a day fetched by hand; no download).

    python benchmarks/fetch.py                       # 20,000 members, ~3 M points
    python benchmarks/fetch.py --members 5000 --mean-points 100 --modes curl,country
    python benchmarks/fetch.py --members 50000 --mean-points 2000 --out /work/bench-cache/fetch-50k  # ~100 M points

The machine may be shared: each result carries the load average before and after, and CPU seconds (the
process's own user + system time) next to wall time; throughput is per CPU second.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import os
import resource
import shutil
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

TAG = "v2024.12.10-planes-readsb-prod-0"
DAY_T0 = 1_733_788_800  # 2024-12-10 00:00 UTC
MODES = ("curl", "stream", "country", "military", "all", "ingest")


# --- the archive ---------------------------------------------------------------------------------------------
def _addresses(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exactly ``n`` unique addresses: 3 % Russian (0x1xxxxx), the rest in US/European blocks; military flags;
    a third of the Russian ones fly over the eastern Mediterranean."""
    draw = int(n * 1.2) + 100
    ru = rng.random(draw) < 0.03
    addr = np.where(ru, rng.integers(0x100000, 0x200000, draw), rng.integers(0x380000, 0x4FFFFF, draw))
    addr = np.where(~ru & (rng.random(draw) < 0.4), rng.integers(0xA00000, 0xADF7C7, draw), addr)
    addr = np.unique(addr)
    addr = np.sort(rng.choice(addr, size=min(n, addr.size), replace=False))
    ru = (addr >= 0x100000) & (addr < 0x200000)
    mil = rng.random(addr.size) < 0.02
    east_med = ru & (rng.random(addr.size) < 0.33)
    return addr, mil, east_med


def _member_texts(
    rng: np.random.Generator, addr: np.ndarray, mil: np.ndarray, east_med: np.ndarray, counts: np.ndarray
) -> list[bytes]:
    """Some members' JSON texts, formatted columnar by Polars (no per-point Python).

    Each aircraft flies a smooth loop (+-3 degrees around its start, ~400 kt), so positions stay valid however
    long the trace is and the eastern-Mediterranean ones stay in that region.
    """
    n = addr.size
    member = np.repeat(np.arange(n), counts)
    k = np.concatenate([np.arange(c) for c in counts])
    lat0 = np.where(east_med, rng.uniform(33.0, 35.0, n), rng.uniform(25, 60, n))
    lon0 = np.where(east_med, rng.uniform(26.0, 33.0, n), rng.uniform(-20, 40, n))
    w = rng.uniform(0.003, 0.006, n)  # radians of the loop per point
    ph = rng.uniform(0, 2 * np.pi, n)
    a = w[member] * k + ph[member]
    lat = lat0[member] + 2.5 * np.sin(a)
    lon = lon0[member] + 3.0 * np.cos(a)
    trk = (np.degrees(np.arctan2(-3.0 * np.sin(a), 2.5 * np.cos(a))) % 360).round(1)
    alt = np.minimum(35000, 500 + 300 * k).astype(np.int64)
    pts = pl.DataFrame(
        {
            "m": member,
            "dt": (k * 8.0).round(1),
            "lat": lat.round(6),
            "lon": lon.round(6),
            "alt": alt,
            "gs": rng.uniform(150, 480, member.size).round(1),
            "trk": trk,
            "vr": np.where(alt < 35000, 1536, 0),
            "obj": k % 20 == 0,
        }
    )
    rows = (
        pts.select(
            "m",
            pl.format(
                '[{},{},{},{},{},{},0,{},{},"adsb_icao",{},{},null,null]',
                "dt",
                "lat",
                "lon",
                "alt",
                "gs",
                "trk",
                "vr",
                pl.when(pl.col("obj"))
                .then(pl.lit('{"type":"adsb_icao","flight":"TEST123 ","squawk":"1000"}'))
                .otherwise(pl.lit("null")),
                pl.col("alt") + 75,
                "vr",
            ).alias("p"),
        )
        .group_by("m", maintain_order=True)
        .agg(pl.col("p").str.join(","))
    )
    texts = []
    for i, body in zip(rows["m"].to_list(), rows["p"].to_list(), strict=True):
        head = {
            "icao": f"{addr[i]:06x}",
            "r": "TEST",
            "t": "A320",
            "dbFlags": int(mil[i]),
            "desc": "AIRBUS A-320",
            "timestamp": float(DAY_T0 + 1800 * (i % 8)),
            "trace": [],
        }
        texts.append(json.dumps(head, separators=(",", ":"))[:-3].encode() + b"[" + body.encode() + b"]}")
    return texts


PART_BYTES = 2 << 30  # GitHub release assets are at most 2 GiB: adsb.lol splits each day's tar at 2 GiB


def build(out: Path, members: int, mean_points: float, seed: int = 7, chunk: int = 500) -> dict[str, Any]:
    """Write the day's tar (members generated ``chunk`` at a time, so memory stays bounded at any scale), then
    split it into ``.tar.aa`` / ``.tar.ab`` at 2 GiB (or at 2/3 of a smaller archive, so both parts exist)."""
    import io
    import tarfile

    meta_path = out / "meta.json"
    want = {"members": members, "mean_points": mean_points, "seed": seed, "layout": 2}
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if all(meta.get(k) == v for k, v in want.items()):
            return meta  # type: ignore[no-any-return]
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(f"{TAG}.tar*"):
        old.unlink()
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    addr, mil, east_med = _addresses(rng, members)
    # lognormal sizes with the requested mean (E = exp(mu + s^2/2)); 10,800 points of 8 s = a day
    counts = np.clip(rng.lognormal(np.log(mean_points) - 0.5, 1.0, addr.size).astype(np.int64), 5, 10_800)
    full = out / f"{TAG}.tar"
    points = 0
    with tarfile.open(full, "w", format=tarfile.GNU_FORMAT) as tf:

        def add(name: str, data: bytes) -> None:
            ti = tarfile.TarInfo(name)
            ti.size, ti.mtime = len(data), DAY_T0
            tf.addfile(ti, io.BytesIO(data))

        add("./acas/acas.csv", b"time,hex,ra\n" * 1000)
        for lo in range(0, addr.size, chunk):
            sl = slice(lo, lo + chunk)
            texts = _member_texts(rng, addr[sl], mil[sl], east_med[sl], counts[sl])
            for a, text in zip(addr[sl], texts, strict=True):
                add(f"./traces/{a & 0xFF:02x}/trace_full_{a:06x}.json", gzip.compress(text, compresslevel=4, mtime=0))
            points += int(counts[sl].sum())
            print(f"  built {min(lo + chunk, addr.size):,}/{addr.size:,} members, {points:,} points", flush=True)
        for h in range(16):
            add(f"./heatmap/{h:02d}.bin.ttf", rng.bytes(50_000))
    size = full.stat().st_size
    cut = min(PART_BYTES, size * 2 // 3)
    with full.open("rb") as src, (out / f"{TAG}.tar.ab").open("wb") as dst:
        src.seek(cut)
        shutil.copyfileobj(src, dst, 8 << 20)
    os.truncate(full, cut)
    full.rename(out / f"{TAG}.tar.aa")
    meta = {
        **want,
        "bytes": size,
        "points": points,
        "trace_members": int(addr.size),
        "ru": int(((addr >= 0x100000) & (addr < 0x200000)).sum()),
        "ru_east_med": int(east_med.sum()),
        "military": int(mil.sum()),
        "build_s": round(time.perf_counter() - t0, 1),
    }
    meta_path.write_text(json.dumps(meta))
    return meta


# --- the server ----------------------------------------------------------------------------------------------
def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a: Any) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path.startswith("/repos/"):
                assets = [
                    {"name": p.name, "size": p.stat().st_size, "browser_download_url": f"{base}/dl/{p.name}"}
                    for p in sorted(root.glob(f"{TAG}.tar.a?"))
                ]
                body = json.dumps([{"tag_name": TAG, "assets": assets}]).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            f = root / path.rsplit("/", 1)[-1]
            size = f.stat().st_size
            start = 0
            rng = self.headers.get("Range")
            if rng:
                start = int(rng[6:].split("-")[0])
            self.send_response(206 if rng else 200)
            if rng:
                self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
            self.send_header("Content-Length", str(size - start))
            self.end_headers()
            with f.open("rb") as fh:
                fh.seek(start)
                shutil.copyfileobj(fh, self.wfile, 1 << 20)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, base


# --- the measurements ----------------------------------------------------------------------------------------
def _child(mode: str, base: str, work: str, q: Any) -> None:
    from liftwatch import sources
    from liftwatch.sources.selection import Selection
    from liftwatch.store import Store

    sel = {
        "stream": lambda: Selection.build(addresses=["000001"]),
        "country": lambda: Selection.build(countries="RU", region="eastern mediterranean"),
        "military": lambda: Selection.build(military=True),
        "all": lambda: Selection(),
    }[mode]()
    c0 = time.process_time()
    t0 = time.perf_counter()
    with Store(Path(work) / f"{mode}.duckdb") as store:
        rep = sources.fetch(
            "adsblol", store, start="2024-12-10", selection=sel, base_url=base, cache_dir=Path(work) / f"cache-{mode}"
        )
    item = rep.items[0]
    q.put(
        {
            "mode": mode,
            "wall_s": time.perf_counter() - t0,
            "cpu_s": time.process_time() - c0,
            "bytes": item.bytes,
            "members_seen": item.members_seen,
            "members_kept": item.members_kept,
            "points": item.points,
            "rows_added": item.rows_added,
            "status": item.status,
            "peak_rss_mib": _vm_hwm_mib(),
        }
    )


def _ingest_child(root: str, work: str, q: Any) -> None:
    """``liftwatch ingest`` of the downloaded parts (as a user who fetched the day by hand), on one core: Polars,
    Arrow and DuckDB on one thread, no parse thread or worker processes (``--workers 0``)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    pc.add(pa.array(np.zeros(1)), 1)  # pyarrow's first NumPy conversion imports pandas: not part of the ingest

    from liftwatch.ingest import ingest_paths
    from liftwatch.store import Store

    first = sorted(Path(root).glob("*.tar.aa"))[0]
    c0 = time.process_time()
    t0 = time.perf_counter()
    with Store(Path(work) / "ingest.duckdb") as store:
        store.con.execute("SET threads = 1")
        run = ingest_paths(store, [first], workers=0)
    q.put(
        {
            "mode": "ingest",
            "wall_s": time.perf_counter() - t0,
            "cpu_s": time.process_time() - c0,
            "bytes": sum(p.stat().st_size for p in Path(root).glob(first.name[:-2] + "*")),
            "members_seen": 0,
            "members_kept": 0,
            "points": run.rows_added,
            "rows_added": run.rows_added,
            "status": "done" if not run.failures else run.failures[0].message,
            "peak_rss_mib": _vm_hwm_mib(),
        }
    )


def _vm_hwm_mib() -> float:
    """This process's own high-water mark (VmHWM; ru_maxrss would include the parent's before exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _result(q: Any, p: Any) -> dict[str, Any]:
    """The child's result; a child that died says so instead of hanging the benchmark."""
    import queue

    while True:
        try:
            return q.get(timeout=5)  # type: ignore[no-any-return]
        except queue.Empty:
            if not p.is_alive():
                raise RuntimeError(f"benchmark child died (exit code {p.exitcode})") from None


def run_curl(base: str, root: Path, work: Path) -> dict[str, Any]:
    dest = work / "curl-x"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    urls = [f"{base}/dl/{p.name}" for p in sorted(root.glob(f"{TAG}.tar.a?"))]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(f"curl -sS {' '.join(urls)} | tar -x -C {dest}", shell=True, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    size = sum(p.stat().st_size for p in root.glob(f"{TAG}.tar.a?"))
    files = sum(1 for _ in dest.rglob("trace_full_*"))
    shutil.rmtree(dest)
    return {
        "mode": "curl",
        "wall_s": wall,
        "cpu_s": cpu,
        "bytes": size,
        "members_seen": files,
        "members_kept": files,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--members", type=int, default=20_000)
    ap.add_argument("--mean-points", type=float, default=150.0)
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--out", type=Path, default=Path("bench-out/fetch"), help="archive cache (built once)")
    ap.add_argument("--work", type=Path, default=None, help="where curl unpacks (default: a temporary directory)")
    args = ap.parse_args()
    meta = build(args.out, args.members, args.mean_points)
    print(json.dumps(meta))
    httpd, base = serve(args.out)
    results = []
    with tempfile.TemporaryDirectory(prefix="lw-fetch-") as tmp:
        for mode in args.modes.split(","):
            if mode == "curl":
                load0 = os.getloadavg()[0]
                res = run_curl(base, args.out, Path(args.work or tmp))
                res["load"] = f"{load0:.1f}->{os.getloadavg()[0]:.1f}"
            else:
                q: Any = mp.get_context("spawn").Queue()
                target, targs = (
                    (_ingest_child, (str(args.out), tmp, q)) if mode == "ingest" else (_child, (mode, base, tmp, q))
                )
                p = mp.get_context("spawn").Process(target=target, args=targs)
                load0 = os.getloadavg()[0]
                p.start()
                res = _result(q, p)
                p.join()
                res["load"] = f"{load0:.1f}->{os.getloadavg()[0]:.1f}"
            # the machine is shared: throughput per CPU second is the fair figure (wall time is printed too)
            res["MB_per_s"] = res["bytes"] / 1e6 / res["cpu_s"]
            res["points_per_s"] = meta["points"] / res["cpu_s"]
            results.append(res)
            print(json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in res.items()}), flush=True)
    httpd.shutdown()
    print()
    print(
        "| mode | wall s | CPU s | MB/s (CPU) | archive points/s (CPU) | members kept | points stored | peak RSS MiB "
        "| load |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        print(
            f"| {r['mode']} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | {r['MB_per_s']:.0f} | "
            f"{r['points_per_s'] / 1e6:.2f} M | {r['members_kept']:,} / {r['members_seen']:,} | "
            f"{r.get('rows_added', 0):,} | {r.get('peak_rss_mib', float('nan')):.0f} | {r.get('load', '')} |"
        )


if __name__ == "__main__":
    os.environ.setdefault("POLARS_MAX_THREADS", "2")
    main()

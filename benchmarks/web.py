"""Dashboard speed on 50,000 stored flights: first paint and filter round trips, server and browser.

    .venv/bin/python benchmarks/web.py [--flights 50000] [--source liftwatch-demo/liftwatch.duckdb] [--repeat 3]

Synthesises the flights table by replicating the demo's flights (``--source``; built from the bundled
scenario into a temporary folder when absent) with new airframe ids, shifted by two weeks per copy, until
``--flights`` rows are stored; then serves the store with ``liftwatch.web.create_app`` (uvicorn on a free
loopback port) and times:

* server: ``GET /api/flights`` (first page, 2,000 tracks), the same with the corridor filter
  ``Khmeimim:eastern Libya``, and ``GET /api/count`` for it (median of ``--repeat``);
* browser (headless Debian chromium through Playwright, skipped when absent): navigation to the tracks
  drawn on the map (``#lw-status[data-ready=1]``: first paint of a full page of tracks), and filling the
  corridor box, pressing Apply, until the filtered tracks are drawn (filter round trip).
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import polars as pl

import liftwatch
from liftwatch.demo import scenario_inputs
from liftwatch.sim import default_scenario_path
from liftwatch.store import Store

CORRIDOR = "Khmeimim:eastern Libya"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def source_flights(source: Path | None, tmp: Path) -> pl.DataFrame:
    if source is None or not source.exists():
        db = tmp / "demo.duckdb"
        print("building the demo store from the bundled scenario ...")
        with liftwatch.open(db) as lw:
            lw.ingest(*scenario_inputs(default_scenario_path()))
            lw.build()
        source = db
    with liftwatch.open(source, read_only=True) as lw:
        return lw.flights().to_polars()


def synthesise(base: pl.DataFrame, n: int) -> pl.DataFrame:
    """``n`` flights: copies of ``base`` with fresh airframe ids, each copy two weeks later than the last."""
    copies = -(-n // base.height)
    frames = []
    for k in range(copies):
        shift = pl.duration(days=14 * k)
        f = base.with_columns(
            pl.format("{}{}", pl.lit(f"{k:02x}"), pl.col("asset_id").str.slice(2)).alias("asset_id"),
            *(pl.col(c) + shift for c in ("first_ts", "last_ts", "dep_time", "arr_time")),
        )
        frames.append(f.with_columns(pl.format("{}-{}-{}", "asset_id", pl.lit(k), "flight_id").alias("flight_id")))
    return pl.concat(frames).head(n)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def timed(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--flights", type=int, default=50_000)
    ap.add_argument("--source", type=Path, default=Path("liftwatch-demo/liftwatch.duckdb"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    import uvicorn

    from liftwatch.web import create_app

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        flights = synthesise(source_flights(a.source, tmp), a.flights)
        db = tmp / "web-bench.duckdb"
        with Store(db) as store:
            store.write_flights(flights, replace_assets=False)
        with liftwatch.open(db, read_only=True) as lw:
            stored, matching = len(lw.flights()), len(lw.flights(corridor=CORRIDOR))
        print(f"{stored:,} flights stored; {matching:,} match corridor {CORRIDOR!r}")

        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        url = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=url, timeout=120) as c:
            c.get("/api/count", params={"corridor": CORRIDOR})  # warm: place index, first query
            page = c.get("/api/flights", params={"z": 5}).json()
            t_page = timed(lambda: c.get("/api/flights", params={"z": 5}), a.repeat)
            t_filter = timed(lambda: c.get("/api/flights", params={"z": 5, "corridor": CORRIDOR}), a.repeat)
            t_count = timed(lambda: c.get("/api/count", params={"corridor": CORRIDOR}), a.repeat)
            t_html = timed(lambda: c.get("/"), a.repeat)
            size = len(c.get("/api/flights", params={"z": 5}).content)
        print(f"server  GET /               {t_html * 1000:7.0f} ms")
        print(
            f"server  GET /api/flights    {t_page * 1000:7.0f} ms  ({len(page['flights']):,} tracks, {size / 1e6:.1f} MB)"
        )
        print(f"server  corridor filter     {t_filter * 1000:7.0f} ms")
        print(f"server  corridor count      {t_count * 1000:7.0f} ms")

        exe = shutil.which("chromium")
        if exe is None:
            print("browser: chromium not installed (make browser); skipped")
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=exe, args=ARGS)
                paints, rounds = [], []
                for _ in range(a.repeat):
                    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                    pg = ctx.new_page()
                    t = time.perf_counter()
                    pg.goto(url + "/")
                    pg.wait_for_selector('#lw-status[data-ready="1"]', state="attached", timeout=120_000)
                    paints.append(time.perf_counter() - t)
                    drawn = pg.eval_on_selector("#lw-status", "el => el.dataset.tracks")
                    pg.fill('input[name="corridor"]', CORRIDOR)
                    t = time.perf_counter()
                    pg.click("#lw-apply")
                    pg.wait_for_url("**corridor=*")
                    pg.wait_for_selector('#lw-status[data-ready="1"]', state="attached", timeout=120_000)
                    rounds.append(time.perf_counter() - t)
                    shown = pg.inner_text("#lw-count")
                    ctx.close()
                browser.close()
            print(f"browser first paint         {statistics.median(paints) * 1000:7.0f} ms  ({drawn} tracks drawn)")
            print(f"browser filter round trip   {statistics.median(rounds) * 1000:7.0f} ms  (count shown {shown})")
        server.should_exit = True


if __name__ == "__main__":
    main()

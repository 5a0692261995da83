"""Replay simulator output through a loopback Beast feed (skips until ``liftwatch.sim`` exists)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from liftwatch.live.feeds import Backoff, FeedSpec
from liftwatch.live.runner import Watch, WatchConfig
from liftwatch.modes import encode
from liftwatch.modes.framing import encode_beast

from .conftest import ReplayServer


def _sim_points() -> pl.DataFrame:
    sim = pytest.importorskip("liftwatch.sim")
    if not hasattr(sim, "generate"):
        pytest.skip("liftwatch.sim.generate not available yet")
    sc = sim.generate("syria-libya-airlift", days=1, seed=7)
    pts = sc.points if isinstance(sc.points, pl.DataFrame) else pl.from_arrow(sc.points)
    assert isinstance(pts, pl.DataFrame)
    air = pts.filter((pl.col("domain") == "air") & pl.col("lat").is_not_null() & pl.col("alt_baro_ft").is_not_null())
    if air.height == 0:
        pytest.skip("scenario has no airborne points")
    return air.sort("ts").head(20_000)


def test_sim_points_replayed_as_beast(tmp_path: Path) -> None:
    """Each simulated fix becomes an even+odd airborne pair 0.2 s apart; the feed keeps the receiver's counter
    spacing (``time_source="receiver"``), so a day replayed in seconds still pairs and passes the speed gate."""
    air = _sim_points()
    icao_all = np.array([int(a, 16) if len(a) == 6 else 0 for a in air["asset_id"].to_list()], dtype=np.int64)
    air = air.filter(pl.Series(icao_all > 0))
    icao = icao_all[icao_all > 0]
    t = air["ts"].dt.epoch("us").to_numpy() / 1e6
    lat, lon, alt = air["lat"].to_numpy(), air["lon"].to_numpy(), air["alt_baro_ft"].to_numpy().astype(float)
    n = icao.size
    ts = np.concatenate([t, t + 0.2])
    msgs = np.concatenate(
        [
            encode.airborne_position(icao, lat, lon, alt, np.zeros(n, dtype=np.int64)),
            encode.airborne_position(icao, lat, lon, alt, np.ones(n, dtype=np.int64)),
        ]
    )
    order = np.argsort(ts, kind="stable")
    ts, msgs = ts[order], msgs[order]
    data = encode_beast(msgs, np.full(len(ts), 14), np.round((ts - ts[0]) * 12e6).astype(np.int64))
    cut = data.find(b"\x1a3", len(data) // 2)
    segments = [data[:cut], data[cut:]]

    async def main() -> Watch:
        server = ReplayServer(segments)
        await server.start()
        cfg = WatchConfig(
            feeds=[FeedSpec("beast", "127.0.0.1", server.port)],
            decode_every_s=0.1,
            backoff=Backoff(0.05, 2, 0.2),
            time_source="receiver",
        )
        watch = Watch(cfg)
        stop = asyncio.Event()
        task = asyncio.ensure_future(watch.run(stop))
        for _ in range(400):
            await asyncio.sleep(0.05)
            if server.done.is_set() and watch.clients[0].stats.messages >= len(ts) and not watch._pending:
                break
        stop.set()
        await task
        await server.stop()
        return watch

    watch = asyncio.run(main())
    assert watch.clients[0].stats.messages == len(ts)
    assert watch.summary.decode_stats["valid"] == len(ts)
    # one position per simulated fix (the newer message of each pair), less first-fix chains and gaps
    assert watch.summary.decode_stats["positions"] > 0.8 * n


def test_sim_sbs_output_replayed_with_drops(tmp_path: Path) -> None:
    """The simulator's BaseStation output, served in three connections with garbage between: every line
    arrives, take-offs from Hmeimim by Russian aircraft raise the watch-list alert."""
    sim = pytest.importorskip("liftwatch.sim")
    if not hasattr(sim, "write"):
        pytest.skip("liftwatch.sim.write not available yet")
    from liftwatch import kb

    sc = sim.generate("syria-libya-airlift", days=1, seed=7)
    paths = sim.write(sc, tmp_path / "sim", formats=("sbs",))
    data = Path(paths["sbs"][0]).read_bytes()
    lines = data.split(b"\r\n")
    n_lines = sum(1 for ln in lines if ln.startswith(b"MSG"))
    third = len(lines) // 3
    segments = [
        b"\r\n".join(lines[:third]) + b"\r\nGARBAGE,,,\r\n",
        b"\x00\xff\r\n" + b"\r\n".join(lines[third : 2 * third]) + b"\r\n",
        b"\r\n".join(lines[2 * third :]),
    ]
    rules = tmp_path / "w.toml"
    rules.write_text('[[rule]]\nname = "ru-at-hmeimim"\ncountries = ["RU"]\nsites = ["Khmeimim"]\n')

    async def main() -> Watch:
        server = ReplayServer(segments)
        await server.start()
        cfg = WatchConfig(feeds=[FeedSpec("sbs", "127.0.0.1", server.port)], backoff=Backoff(0.05, 2, 0.2))
        watch = Watch(cfg, watchlist=kb.load_watchlist(rules))
        stop = asyncio.Event()
        task = asyncio.ensure_future(watch.run(stop))
        for _ in range(400):
            await asyncio.sleep(0.05)
            if server.done.is_set() and watch.summary.points >= n_lines:
                break
        stop.set()
        await task
        await server.stop()
        return watch

    watch = asyncio.run(main())
    assert watch.clients[0].stats.disconnects >= 2
    assert watch.summary.points == n_lines
    assert watch.summary.bad >= 2
    truth = sc.truth_flights if isinstance(sc.truth_flights, pl.DataFrame) else pl.from_arrow(sc.truth_flights)
    assert isinstance(truth, pl.DataFrame)
    ru_deps = truth.filter((pl.col("dep_site") == "hmeimim") & pl.col("asset_id").str.starts_with("1"))
    if ru_deps.height:
        assert any(a.rule == "ru-at-hmeimim" and a.kind == "takeoff" for a in watch.summary.alerts)

"""Live watch against a loopback replay server: drops, garbage, no loss after reconnect, alerts, store."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest

from liftwatch.live import JsonlSink, WebhookSink
from liftwatch.live.alerts import Sink
from liftwatch.live.feeds import Backoff, FeedSpec
from liftwatch.live.runner import Watch, WatchConfig
from liftwatch.modes import encode
from liftwatch.modes.framing import encode_beast
from liftwatch.modes.synth import stream
from liftwatch.store import Store

from .conftest import ReplayServer

WATCHED = 0x155ABC  # Russian address block
HMEIMIM = (35.4011, 35.9487)


class StubWatchlist:
    """Stands in for kb.load_watchlist(...) output: Russian take-off from Hmeimim; watched aircraft dark."""

    def match_flights(self, flights: pl.DataFrame) -> pl.DataFrame:
        rules = []
        for r in flights.iter_rows(named=True):
            hit = []
            if r.get("country") == "RU" and r.get("dep_site") == "hmeimim" and r.get("event") == "takeoff":
                hit.append("ru-takeoff-hmeimim")
            if r["asset_id"] == f"{WATCHED:06x}" and r.get("ending") == "dark":
                hit.append("watched-dark")
            rules.append(hit)
        return flights.with_columns(rules=pl.Series(rules, dtype=pl.List(pl.String)))


def _watched_departure(t0: float) -> tuple[np.ndarray, np.ndarray]:
    """Taxi on the surface at Hmeimim, then climb out north; 0.5 s cadence, alternating CPR formats."""
    n_s, n_a = 20, 40
    t = np.arange(n_s + n_a) * 0.5
    lat = HMEIMIM[0] + np.concatenate([np.zeros(n_s), np.arange(n_a) * 0.002])
    lon = np.full(t.size, HMEIMIM[1])
    fmt = (np.arange(t.size) % 2).astype(np.int64)
    ic = np.full(t.size, WATCHED)
    surf = encode.surface_position(ic[:n_s], lat[:n_s], lon[:n_s], np.full(n_s, 10.0), np.zeros(n_s), fmt[:n_s])
    alt_ft = (500.0 + np.arange(n_a) * 100.0).astype(np.float64)
    air = encode.airborne_position(ic[n_s:], lat[n_s:], lon[n_s:], alt_ft, fmt[n_s:])
    ident = encode.identification(np.array([WATCHED]), ["RFF7012"])
    msgs = np.concatenate([ident, surf, air])
    return np.concatenate([[t0], t0 + t]), msgs


def _beast(msgs: np.ndarray, ts: np.ndarray) -> bytes:
    return encode_beast(msgs, np.full(len(msgs), 14), np.round((ts - ts[0]) * 12e6).astype(np.int64))


async def _run(watch: Watch, server: ReplayServer, expect_messages: int, timeout: float = 20.0) -> None:
    stop = asyncio.Event()
    task = asyncio.ensure_future(watch.run(stop))
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        await asyncio.sleep(0.05)
        got = sum(c.stats.messages for c in watch.clients)
        if server.done.is_set() and got >= expect_messages and not watch._pending:
            break
    await asyncio.sleep(0.6)  # let the dark check and a flush run
    stop.set()
    await task


def _scenario(tmp_path: Path, watchlist: Any, url: str) -> tuple[Watch, pl.DataFrame, ReplayServer, int]:
    others = stream(6, 30, seed=4, center=(35.6, 36.0), spread_deg=0.3)
    dep_ts, dep_msgs = _watched_departure(others.ts[0])
    # four connections: three forced drops; garbage between and inside segments
    seg_msgs = np.array_split(np.arange(len(others.ts)), 4)
    segments = []
    for k, idx in enumerate(seg_msgs):
        data = _beast(others.msgs[idx], others.ts[idx])
        if k == 0:
            data = _beast(dep_msgs, dep_ts) + b"\x00\xffGARBAGE\x1a9junk" + data
        if k == 1:
            data = data + bytes(range(256)) * 4
        segments.append(data)
    n_valid = len(others.ts) + len(dep_ts)

    async def main() -> tuple[Watch, pl.DataFrame, ReplayServer]:
        server = ReplayServer(segments)
        await server.start()
        store = Store(tmp_path / "w.duckdb")
        cfg = WatchConfig(
            feeds=[FeedSpec("beast", "127.0.0.1", server.port)],
            receiver=HMEIMIM,
            dark_after_s=0.3,
            flush_s=0.2,
            decode_every_s=0.05,
            backoff=Backoff(initial=0.2, factor=2.0, maximum=0.4),  # segments >= 1 s apart,
        )
        sinks: list[Sink] = [JsonlSink(tmp_path / "alerts.jsonl"), WebhookSink(url, allow_private=True)]
        watch = Watch(cfg, store=store, watchlist=watchlist, sinks=sinks)
        # the watched aircraft falls silent after the first segment; the others keep being received, which
        # arrive >= 0.3 s later because of the reconnects
        await _run(watch, server, n_valid)
        await server.stop()
        pts = store.points()
        store.close()
        return watch, pts, server

    watch, pts, server = asyncio.run(main())
    return watch, pts, server, n_valid


def test_beast_feed_drops_garbage_and_alerts(tmp_path: Path, webhook: tuple[str, list[dict[str, Any]]]) -> None:
    url, received = webhook
    watch, pts, server, n_valid = _scenario(tmp_path, StubWatchlist(), url)
    s = watch.summary
    client = watch.clients[0]
    assert server.connections >= 4 and client.stats.disconnects >= 3
    assert client.stats.messages == n_valid, "every frame sent after each reconnect arrived"
    assert s.decode_stats["valid"] == n_valid
    assert s.bad >= 1
    assert s.rows_added > 0 and pts.height == s.rows_added
    assert set(pts["source"].unique()) == {"modes"}
    watched = pts.filter(pl.col("asset_id") == f"{WATCHED:06x}")
    assert watched.filter(pl.col("on_ground")).height > 0 and watched["callsign"].drop_nulls().unique().to_list() == [
        "RFF7012"
    ]
    kinds = {(a.rule, a.kind) for a in s.alerts}
    assert ("ru-takeoff-hmeimim", "takeoff") in kinds
    assert ("watched-dark", "dark") in kinds
    lines = [json.loads(x) for x in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert {(x["rule"], x["kind"]) for x in lines} == kinds
    assert {(x["rule"], x["kind"]) for x in received} == kinds
    take = next(a for a in s.alerts if a.kind == "takeoff")
    assert take.site == "hmeimim" and take.country == "RU"


def test_avr_and_sbs_feeds_survive_garbage(tmp_path: Path) -> None:
    s = stream(4, 20, seed=8)
    hexes = s.hex()
    avr = "".join(f"*{h};\n" for h in hexes[:300]) + "this is not AVR\n*ZZZZ;\n" + "x" * 70000 + "\n"
    avr2 = "".join(f"*{h};\n" for h in hexes[300:])
    sbs_lines = [
        f"MSG,3,1,1,{a:06X},1,2025/01/05,12:00:{i % 60:02d}.000,2025/01/05,12:00:{i % 60:02d}.000,,30000,,,35.{i:03d},36.0,,,,,,0"
        for i, a in enumerate([WATCHED] * 50)
    ]
    sbs = "\n".join(sbs_lines[:25]) + "\nMSG,garbage\n\x00\x01\n" + "\n".join(sbs_lines[25:]) + "\n"

    async def main() -> tuple[Watch, Watch]:
        out = []
        for proto, segs, n in (
            ("avr", [avr.encode(), avr2.encode()], len(hexes)),
            ("sbs", [sbs.encode()[:1000], sbs.encode()[1000:]], 52),
        ):
            server = ReplayServer(segs)
            await server.start()
            cfg = WatchConfig(
                feeds=[FeedSpec(proto, "127.0.0.1", server.port)],
                decode_every_s=0.05,
                backoff=Backoff(initial=0.05, maximum=0.1),
            )
            watch = Watch(cfg)
            await _run(watch, server, n, timeout=10)
            await server.stop()
            out.append(watch)
        return out[0], out[1]

    w_avr, w_sbs = asyncio.run(main())
    assert w_avr.clients[0].stats.disconnects >= 1
    assert w_avr.summary.decode_stats["valid"] == len(hexes)
    assert w_avr.summary.bad >= 2
    assert w_sbs.summary.points == 50 and w_sbs.summary.bad >= 2


def test_feed_spec_and_backoff() -> None:
    assert FeedSpec.parse("beast", "localhost:30005") == FeedSpec("beast", "localhost", 30005)
    assert FeedSpec.parse("avr", "[::1]:30002").host == "::1"
    from liftwatch.errors import LiftwatchError

    for bad in ("localhost", "host:port", ":30005", "h:70000"):
        with pytest.raises(LiftwatchError):
            FeedSpec.parse("sbs", bad)
    b = Backoff(initial=0.5, factor=2, maximum=3)
    b.reset()
    assert [b.next_delay() for _ in range(5)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    b.reset()
    assert b.next_delay() == 0.5


def test_refused_connection_retries_with_backoff() -> None:
    async def main() -> Watch:
        srv = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = srv.sockets[0].getsockname()[1]
        srv.close()
        await srv.wait_closed()
        cfg = WatchConfig(feeds=[FeedSpec("beast", "127.0.0.1", port)], duration_s=0.8, backoff=Backoff(0.05, 2, 0.4))
        watch = Watch(cfg)
        await watch.run()
        return watch

    w = asyncio.run(main())
    assert 3 <= w.clients[0].stats.failed_connects <= 8


def test_alerts_with_a_knowledge_base_watchlist(tmp_path: Path, webhook: tuple[str, list[dict[str, Any]]]) -> None:
    from liftwatch import kb

    if not hasattr(kb, "load_watchlist"):
        pytest.skip("knowledge base without watch lists")
    rules = tmp_path / "watch.toml"
    rules.write_text(
        '[[rule]]\nname = "ru-at-hmeimim"\ncountries = ["RU"]\nsites = ["Khmeimim"]\n\n'
        '[[rule]]\nname = "watched"\naddresses = ["155abc"]\n'
    )
    url, _received = webhook
    watch, _pts, _server, _n = _scenario(tmp_path, kb.load_watchlist(rules), url)
    kinds = {(a.rule, a.kind) for a in watch.summary.alerts}
    assert ("ru-at-hmeimim", "takeoff") in kinds
    assert ("watched", "takeoff") in kinds
    assert ("watched", "dark") in kinds
    assert all(a.asset_id == "155abc" for a in watch.summary.alerts), "no other aircraft matches these rules"


def test_receiver_clock_keeps_counter_spacing_and_reanchors() -> None:
    from liftwatch.live.feeds import ReceiverClock
    from liftwatch.modes.framing import Frames

    def frames(counter_s: list[float]) -> Frames:
        k = len(counter_s)
        return Frames(
            np.zeros((k, 14), dtype=np.uint8),
            np.full(k, 14, dtype=np.int8),
            np.ones(k, dtype=bool),
            np.array(counter_s),
            np.full(k, np.nan),
        )

    clk = ReceiverClock()
    a = clk.times(frames([100.0, 130.0, 160.0]), received=1000.0)
    assert a.tolist() == [1000.0, 1030.0, 1060.0]  # replayed in no time, original spacing kept
    b = clk.times(frames([190.0, 5.0, 6.0]), received=1000.5)  # counter restarts: re-anchored after the last time
    assert b[0] == 1090.0 and b[1] == pytest.approx(1090.001) and b[2] == pytest.approx(1091.001)

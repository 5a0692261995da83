"""The live feed under attack: a clock from 2099, alert storms, floods of invented addresses, silent and
garbage-only servers, and a webhook pointed at places it must not reach. Loopback only."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import numpy as np
import polars as pl
import pyarrow as pa
import pytest

from liftwatch.errors import LiftwatchError
from liftwatch.live.alerts import Alert, AlertEngine
from liftwatch.live.feeds import Backoff, Chunk, FeedClient, FeedSpec
from liftwatch.live.runner import Watch, WatchConfig
from liftwatch.live.sbs import parse_sbs
from liftwatch.live.tracker import FlightEvent, FlightTracker
from liftwatch.live.webhook import WebhookSink
from liftwatch.schema import conform


class MatchAll:
    def match_flights(self, flights: pl.DataFrame) -> pl.DataFrame:
        return flights.with_columns(rules=pl.Series([["all"]] * flights.height, dtype=pl.List(pl.String)))


class Collect:
    def __init__(self) -> None:
        self.alerts: list[Alert] = []

    def send(self, alert: Alert) -> None:
        self.alerts.append(alert)

    def close(self) -> None:
        return None


def _sbs(icao: str, when: time.struct_time, lat: float = 35.1) -> bytes:
    d, t = time.strftime("%Y/%m/%d", when), time.strftime("%H:%M:%S", when)
    return f"MSG,3,1,1,{icao},1,{d},{t}.000,{d},{t}.000,,35000,,,{lat:.3f},33.2,,,0,0,0,0\n".encode()


def test_feed_dated_2099_is_refused_and_raises_no_dark_alerts() -> None:
    now = time.gmtime()
    lines = b"".join(_sbs(f"4B18{k:02X}", now, 35.0 + 0.01 * k) for k in range(60))
    lines += _sbs("4B1899", time.gmtime(4_070_908_800))  # 2099-01-01
    sink = Collect()
    watch = Watch(WatchConfig(feeds=[], dark_after_s=60), watchlist=MatchAll(), sinks=[sink])
    pts, _ = parse_sbs(lines)
    watch._on_chunk(Chunk("sbs", time.time(), points=pts))  # what the feed client hands over per read
    assert watch.summary.bad_time == 1
    assert watch.tracker.now < time.time() + 3600
    assert not [e for e in watch.tracker.check_dark() if e.kind == "dark"]
    assert not [a for a in sink.alerts if a.kind == "dark"]


def test_alert_storm_is_capped() -> None:
    clock = [0.0]
    sink = Collect()
    engine = AlertEngine(MatchAll(), [sink], max_per_minute=50, clock=lambda: clock[0])
    tracker = FlightTracker()
    events = [FlightEvent("dark", f"{k:06x}", f"f{k}", 1.7e9, 35.0, 33.0, 30000.0) for k in range(2000)]
    engine.on_events(events, tracker)
    real = [a for a in sink.alerts if a.kind != "suppressed"]
    assert len(real) == 50
    assert engine.suppressed == 1950
    assert sum(a.kind == "suppressed" for a in sink.alerts) == 1
    clock[0] += 60.0  # a minute later the bucket is full again
    engine.on_events([FlightEvent("dark", "abcdef", "g1", 1.7e9, 35.0, 33.0, 1.0)], tracker)
    assert sink.alerts[-1].asset_id == "abcdef"


def test_ident_flood_keeps_tracker_bounded() -> None:
    tracker = FlightTracker(max_assets=1000)
    n = 30_000
    rng = np.random.default_rng(3)
    ts = pa.array(np.full(n, 1_700_000_000_000_000), pa.timestamp("us", tz="UTC"))
    table = conform(
        pa.table(
            {
                "source": ["sbs"] * n,
                "domain": ["air"] * n,
                "asset_id": [f"{x:06x}" for x in rng.choice(1 << 24, n, replace=False)],
                "ts": ts,
                "lat": rng.uniform(30, 40, n),
                "lon": rng.uniform(30, 40, n),
                "callsign": ["FLOOD"] * n,
            }
        )
    )
    for k in range(0, n, 5000):
        tracker.update(table.slice(k, 5000))
        assert len(tracker.assets) <= 1000
    assert tracker.evicted >= n - 1000
    assert sum(len(c) for c in tracker._cells.values()) <= 1000


async def _client_against(handler: Any, until: Any = None, **kw: Any) -> FeedClient:
    """Run a client against ``handler`` for 1.5 s, or (``until``) until the predicate holds (at most 30 s),
    so a loaded machine that schedules the loop late does not fail a test that waits for events."""
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = FeedClient(FeedSpec("sbs", "127.0.0.1", port), lambda c: None, **kw)
    stop = asyncio.Event()
    task = asyncio.ensure_future(client.run(stop))
    if until is None:
        await asyncio.sleep(1.5)
    else:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 30.0
        while not until(client) and loop.time() < deadline:
            await asyncio.sleep(0.05)
    stop.set()
    await task
    server.close()
    return client


def test_silent_connection_is_dropped_after_idle_timeout() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # never writes

    def two_drops(c: FeedClient) -> bool:
        return c.stats.idle_timeouts >= 2 and c.stats.connects >= 2

    client = asyncio.run(_client_against(silent, two_drops, idle_timeout=0.4, backoff=Backoff(0.05, 2.0, 0.1)))
    assert client.stats.idle_timeouts >= 2
    assert client.stats.connects >= 2


def test_garbage_does_not_reset_the_backoff() -> None:
    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"\x00\xffGARBAGE,,,\n" * 10)
        await writer.drain()
        writer.close()

    # 0.1, 0.2, 0.4, 0.8 s: about 4 connects in 1.5 s; reset by garbage it would be ~15 (every 0.1 s)
    client = asyncio.run(_client_against(garbage, backoff=Backoff(0.1, 2.0, 30.0)))
    assert client.stats.connects <= 5
    assert client.stats.bad > 0


# -- webhook -----------------------------------------------------------------------------------------------
class _Hook(BaseHTTPRequestHandler):
    paths: ClassVar[list[str]] = []
    delay: ClassVar[float] = 0.0

    def do_POST(self) -> None:
        type(self).paths.append(self.path)
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        time.sleep(type(self).delay)
        if self.path == "/redirect":
            self.send_response(307)
            self.send_header("Location", "/internal")
        else:
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def hook() -> Iterator[tuple[str, type[_Hook]]]:
    handler = type("Hook", (_Hook,), {"paths": [], "delay": 0.0})
    srv = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", handler
    srv.shutdown()
    srv.server_close()


ALERT = Alert("dark", "r", "4b1801", "f", "2024-12-14T06:00:00Z", 35.0, 33.0, 1.0, "<script>", None, None, None)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x", "http:///nohost", "/tmp/x"])
def test_webhook_only_http_and_https(url: str) -> None:
    with pytest.raises(LiftwatchError, match="only http"):
        WebhookSink(url)


@pytest.mark.parametrize("host", ["127.0.0.1", "169.254.169.254", "10.0.0.1", "[::1]", "0.0.0.0"])
def test_webhook_refuses_private_addresses_by_default(host: str) -> None:
    sink = WebhookSink(f"http://{host}:9/hook", timeout=1.0)
    sink.send(ALERT)
    sink.close()
    assert sink.refused == 1 and sink.sent == 0 and sink.failed == 0


def test_webhook_private_opt_in_delivers(hook: tuple[str, type[_Hook]]) -> None:
    base, handler = hook
    sink = WebhookSink(base + "/hook", allow_private=True)
    sink.send(ALERT)
    sink.close()
    assert sink.sent == 1 and handler.paths == ["/hook"]


def test_webhook_does_not_follow_redirects(hook: tuple[str, type[_Hook]]) -> None:
    base, handler = hook
    sink = WebhookSink(base + "/redirect", allow_private=True)
    sink.send(ALERT)
    sink.close()
    assert handler.paths == ["/redirect"] and sink.failed == 1


def test_webhook_queue_and_threads_are_bounded(hook: tuple[str, type[_Hook]]) -> None:
    base, handler = hook
    handler.delay = 0.2
    before = threading.active_count()
    sink = WebhookSink(base + "/slow", allow_private=True, max_queue=5, timeout=2.0)
    for _ in range(500):
        sink.send(ALERT)
    assert threading.active_count() <= before + 2
    assert sink.dropped >= 490
    sink.close()

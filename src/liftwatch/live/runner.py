"""The watch loop: feeds -> decoder -> (store writer, flight tracker -> alert engine), until stopped.

Everything runs in one asyncio loop: socket reads and Mode S decoding are cheap per chunk; the only slow
step, the DuckDB insert, runs in a worker thread. Raw Mode S frames are pooled and decoded every
``decode_every_s`` (or ``decode_rows`` frames), because the vectorised decoder pays a fixed cost per call.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.io.timewindow import in_window_s
from liftwatch.live.alerts import Alert, AlertEngine, Sink, WatchlistLike
from liftwatch.live.channel import DEFAULT_MAX_BYTES, LiveChannel
from liftwatch.live.feeds import Backoff, Chunk, FeedClient, FeedSpec
from liftwatch.live.tracker import FlightEvent, FlightTracker
from liftwatch.live.writer import BatchWriter
from liftwatch.modes.decode import DecoderConfig, ModesDecoder
from liftwatch.store import Store


@dataclass
class WatchConfig:
    feeds: list[FeedSpec]
    duration_s: float | None = None
    receiver: tuple[float, float] | None = None
    flush_rows: int = 50_000
    flush_s: float = 2.0
    decode_every_s: float = 1.0
    decode_rows: int = 50_000
    dark_after_s: float = 600.0
    coverage_window_s: float = 3600.0  # "covered" = another aircraft heard near the last fix within this
    backoff: Backoff = field(default_factory=Backoff)
    time_source: str = "arrival"  # or "receiver": Beast / AVR-MLAT 12 MHz counter spacing (replays)
    # A point dated more than this after the receive clock is a broken clock, not news: one SBS line dated 2099
    # would otherwise make every aircraft look silent (dark alerts). Times in the past stay (replays).
    max_future_s: float = 300.0
    max_past_s: float | None = None  # set to reject old times too (a live-only deployment)
    idle_timeout_s: float = 60.0  # a feed silent this long is reconnected
    max_alerts_per_minute: int = 120
    sources: list[Any] = field(default_factory=list)  # polled APIs / WebSocket streams: ``await s.run(stop, emit)``
    # Events and alerts appended as JSON lines here (``liftwatch.live.channel``) so readers that cannot open the
    # store while the watch writes it (the dashboard) follow the watch; None: no channel.
    live_path: Path | None = None
    live_max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class WatchSummary:
    seconds: float = 0.0
    messages: int = 0  # frames / lines received
    bad: int = 0  # garbage lines or frames skipped
    points: int = 0  # canonical points produced
    bad_time: int = 0  # points refused: time too far from the receive clock, or outside 1990 .. now + 1 day
    rows_added: int = 0  # new rows in the store
    connects: int = 0
    disconnects: int = 0
    failed_connects: int = 0
    alerts: list[Alert] = field(default_factory=list)
    decode_stats: dict[str, int] = field(default_factory=dict)


class Watch:
    """One watch session; ``await run(stop)``. Tests drive it directly; the CLI through :func:`run_watch`."""

    def __init__(
        self,
        config: WatchConfig,
        *,
        store: Store | None = None,
        watchlist: WatchlistLike | None = None,
        sinks: Sequence[Sink] = (),
        on_points: Callable[[pa.Table], None] | None = None,
        on_event: Callable[[str], None] | None = None,
    ) -> None:
        self.config = config
        self.decoder = ModesDecoder(DecoderConfig(receiver=config.receiver))
        self.writer = BatchWriter(store, max_rows=config.flush_rows, max_age_s=config.flush_s)
        self.tracker = FlightTracker(dark_after_s=config.dark_after_s, coverage_window_s=config.coverage_window_s)
        self.alerts = AlertEngine(watchlist, sinks, max_per_minute=config.max_alerts_per_minute)
        self.channel = (
            LiveChannel(config.live_path, max_bytes=config.live_max_bytes) if config.live_path is not None else None
        )
        self.on_points = on_points
        self.on_event = on_event or (lambda _m: None)
        self.clients = [
            FeedClient(
                spec,
                self._on_chunk,
                backoff=Backoff(config.backoff.initial, config.backoff.factor, config.backoff.maximum),
                on_event=self.on_event,
                time_source=config.time_source,
                idle_timeout=config.idle_timeout_s,
            )
            for spec in config.feeds
        ]
        self._pending: list[Chunk] = []
        self._pending_rows = 0
        self._last_decode = time.monotonic()
        self.summary = WatchSummary()

    # -- per chunk ------------------------------------------------------------------------------------
    def _on_chunk(self, chunk: Chunk) -> None:
        self.summary.bad += chunk.bad
        if chunk.points is not None:
            self._emit(chunk.points)
        elif chunk.frames is not None and len(chunk.frames):
            self._pending.append(chunk)
            self._pending_rows += len(chunk.frames)
            if self._pending_rows >= self.config.decode_rows:
                self._decode_pending()

    def _decode_pending(self) -> None:
        self._last_decode = time.monotonic()
        if not self._pending:
            return
        chunks, self._pending, self._pending_rows = self._pending, [], 0
        ts = np.concatenate([c.ts for c in chunks if c.ts is not None])
        msgs = np.concatenate([c.frames.msgs for c in chunks if c.frames is not None])
        nbytes = np.concatenate([c.frames.nbytes for c in chunks if c.frames is not None])
        ok = np.concatenate([c.frames.ok for c in chunks if c.frames is not None])
        res = self.decoder.decode(ts, msgs, nbytes, ok)
        for k, v in res.stats.items():
            self.summary.decode_stats[k] = self.summary.decode_stats.get(k, 0) + v
        self._emit(res.points)

    def _emit(self, points: pa.Table) -> None:
        points = self._check_times(points)
        if points.num_rows == 0:
            return
        self.summary.points += points.num_rows
        self.writer.add(points)
        if self.on_points is not None:
            self.on_points(points)
        events = self.tracker.update(points)
        if events:
            self._on_events(events)

    def _on_events(self, events: list[FlightEvent]) -> None:
        """Alerts first (their rules read the tracker), then both onto the live channel."""
        alerts = self.alerts.on_events(events, self.tracker)
        if self.channel is not None:
            self.channel.flight_events(events, self.tracker)
            if alerts:
                self.channel.alerts(alerts)

    def _check_times(self, points: pa.Table) -> pa.Table:
        """Refuse points dated too far from the receive clock (see ``WatchConfig.max_future_s``)."""
        if points.num_rows == 0:
            return points
        now = time.time()
        ts = pc.divide(pc.cast(pc.cast(points.column("ts"), pa.int64()), pa.float64()), 1e6).to_numpy()
        ok = in_window_s(ts, now) & (ts <= now + self.config.max_future_s)
        if self.config.max_past_s is not None:
            ok &= ts >= now - self.config.max_past_s
        if ok.all():
            return points
        self.summary.bad_time += int((~ok).sum())
        return points.filter(pa.array(ok))

    # -- loop -----------------------------------------------------------------------------------------
    async def _housekeeping(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.1)
            if time.monotonic() - self._last_decode >= self.config.decode_every_s:
                self._decode_pending()
            dark = self.tracker.check_dark()
            if dark:
                self._on_events(dark)
            if self.writer.due():
                await self.writer.flush()

    async def run(self, stop: asyncio.Event | None = None) -> WatchSummary:
        stop = stop or asyncio.Event()
        t0 = time.perf_counter()
        tasks = [asyncio.ensure_future(c.run(stop)) for c in self.clients]
        tasks += [asyncio.ensure_future(src.run(stop, self._emit)) for src in self.config.sources]
        tasks.append(asyncio.ensure_future(self._housekeeping(stop)))
        try:
            if self.config.duration_s is not None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.config.duration_s)
                stop.set()
            await asyncio.gather(*tasks)
        finally:
            stop.set()
            for t in tasks:
                t.cancel()
            self._decode_pending()
            await self.writer.flush()
            self.alerts.close()
        s = self.summary
        s.seconds = time.perf_counter() - t0
        s.rows_added = self.writer.stats.rows_added
        s.messages = sum(c.stats.messages for c in self.clients)
        s.messages += sum(int(getattr(src.stats, "messages", 0)) for src in self.config.sources)
        s.connects = sum(c.stats.connects for c in self.clients)
        s.disconnects = sum(c.stats.disconnects for c in self.clients)
        s.failed_connects = sum(c.stats.failed_connects for c in self.clients)
        s.alerts = list(self.alerts.alerts)
        return s


def run_watch(config: WatchConfig, **kwargs: object) -> WatchSummary:
    """Blocking entry point (Ctrl-C stops cleanly and still flushes)."""

    async def main() -> WatchSummary:
        watch = Watch(config, **kwargs)  # type: ignore[arg-type]
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        import signal

        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        return await watch.run(stop)

    return asyncio.run(main())

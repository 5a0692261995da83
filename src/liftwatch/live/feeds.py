"""TCP clients for receiver feeds: SBS (BaseStation text, port 30003), Beast binary (30005), AVR text (30002).

One asyncio task per feed reads whatever the socket gives, cuts it into complete lines/frames (keeping the
incomplete tail for the next read), and hands each chunk to a callback. A dropped or refused connection is
retried with exponential backoff (0.5 s doubling to 30 s, reset only once a *valid* message arrives: a
server that accepts and sends garbage is retried ever more slowly, not every 0.5 s). A connection silent for
``idle_timeout`` seconds (default 60) is dropped and reconnected, so a half-open socket is never held forever.
Garbage bytes cost only the lines/frames they touch, and a runaway tail without any delimiter is discarded at
64 KiB, so no input can kill or bloat the client.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from liftwatch.errors import LiftwatchError
from liftwatch.live.sbs import parse_sbs
from liftwatch.modes.framing import Frames, parse_beast, parse_text, split_lines

PROTOCOLS = ("sbs", "beast", "avr")
MAX_TAIL = 64 * 1024
IDLE_FLUSH_S = 0.3  # a held-back last frame is released after this long without new bytes
IDLE_TIMEOUT_S = 60.0  # a connection without a byte for this long is dropped and reconnected


@dataclass(frozen=True)
class FeedSpec:
    protocol: str
    host: str
    port: int

    @classmethod
    def parse(cls, protocol: str, hostport: str) -> FeedSpec:
        """``HOST:PORT`` (IPv6 as ``[::1]:30005``); raises LiftwatchError with a usable message."""
        if protocol not in PROTOCOLS:
            raise LiftwatchError(f"unknown feed protocol {protocol!r} (one of {', '.join(PROTOCOLS)})")
        host, sep, port = hostport.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise LiftwatchError(f"--{protocol} expects HOST:PORT, got {hostport!r}")
        return cls(protocol, host.strip("[]"), int(port))

    def __str__(self) -> str:
        return f"{self.protocol}://{self.host}:{self.port}"


@dataclass
class Backoff:
    """Exponential reconnect delays: initial, x factor per failed attempt, capped."""

    initial: float = 0.5
    factor: float = 2.0
    maximum: float = 30.0
    _next: float = field(default=0.0, init=False)

    def reset(self) -> None:
        self._next = self.initial

    def next_delay(self) -> float:
        d = self._next or self.initial
        self._next = min(d * self.factor, self.maximum)
        return d


@dataclass
class Chunk:
    """What one read produced: decoded-ready Mode S frames with times, or SBS points."""

    protocol: str
    received: float
    frames: Frames | None = None
    ts: np.ndarray | None = None
    points: pa.Table | None = None
    bad: int = 0


@dataclass
class FeedStats:
    connects: int = 0
    disconnects: int = 0
    failed_connects: int = 0
    bytes: int = 0
    messages: int = 0
    bad: int = 0
    dropped_tail_bytes: int = 0
    idle_timeouts: int = 0


def frame_times(frames: Frames, received: float) -> np.ndarray:
    """Epoch seconds for frames read at wall time ``received``: the 12 MHz counter spreads a chunk's frames
    back in time by their counter distance to the chunk's newest frame, clamped to [0, 2] s so that order is
    kept even when a replay runs faster than real time (then older frames share ``received - 2``); frames
    without a counter, or a counter that ran backwards (receiver restart), get the arrival time."""
    ts = np.full(len(frames), received)
    c = frames.counter_s
    ok = ~np.isnan(c)
    if ok.sum() > 1 and (np.diff(c[ok]) >= 0).all():
        span = np.clip(np.nanmax(c) - c, 0.0, 2.0)
        ts = np.where(ok, received - span, ts)
    return ts


class ReceiverClock:
    """Message times from the receiver's 12 MHz counter ("receiver" time source): the first frame is anchored
    at its arrival time and later frames keep the counter's spacing, so a replay served faster (or slower)
    than real time keeps its original timing. A counter that jumps back (receiver restart, replay loop)
    re-anchors just after the last assigned time."""

    def __init__(self) -> None:
        self.anchor_wall: float | None = None
        self.anchor_counter = 0.0
        self.last_counter = -np.inf
        self.last_ts = -np.inf

    def times(self, frames: Frames, received: float) -> np.ndarray:
        ts = np.full(len(frames), received)
        c = frames.counter_s
        idx = np.flatnonzero(~np.isnan(c))
        if idx.size == 0:
            return ts
        cc = c[idx]
        reset = cc < np.concatenate([[self.last_counter], cc[:-1]]) - 1.0  # the counter went back
        if self.anchor_wall is None:
            reset[0] = True
        bounds = sorted({0, *np.flatnonzero(reset).tolist(), cc.size})
        out = np.empty(cc.size)
        for a, b in itertools.pairwise(bounds):
            if reset[a]:
                self.anchor_wall = received if self.anchor_wall is None else self.last_ts + 1e-3
                self.anchor_counter = float(cc[a])
            assert self.anchor_wall is not None
            out[a:b] = self.anchor_wall + (cc[a:b] - self.anchor_counter)
            self.last_ts = float(out[b - 1])
        self.last_counter = float(cc[-1])
        ts[idx] = out
        return ts


class FeedClient:
    """Reads one feed until ``stop`` is set, reconnecting with backoff; calls ``on_chunk`` per parsed read."""

    def __init__(
        self,
        spec: FeedSpec,
        on_chunk: Callable[[Chunk], None],
        *,
        backoff: Backoff | None = None,
        read_size: int = 1 << 16,
        connect_timeout: float = 5.0,
        clock: Callable[[], float] = time.time,
        on_event: Callable[[str], None] | None = None,
        time_source: str = "arrival",
        idle_timeout: float = IDLE_TIMEOUT_S,
    ) -> None:
        if time_source not in ("arrival", "receiver"):
            raise LiftwatchError(f"time source must be 'arrival' or 'receiver', got {time_source!r}")
        self.spec = spec
        self.receiver_clock = ReceiverClock() if time_source == "receiver" else None
        self.on_chunk = on_chunk
        self.backoff = backoff or Backoff()
        self.read_size = read_size
        self.connect_timeout = connect_timeout
        self.clock = clock
        self.on_event = on_event or (lambda _msg: None)
        self.stats = FeedStats()
        self.idle_timeout = idle_timeout
        self._valid = 0  # valid messages on the current connection

    async def run(self, stop: asyncio.Event) -> None:
        self.backoff.reset()
        while not stop.is_set():
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(self.spec.host, self.spec.port), self.connect_timeout
                )
            except (OSError, TimeoutError) as exc:
                self.stats.failed_connects += 1
                await self._sleep(stop, self.backoff.next_delay(), f"connect failed ({exc.__class__.__name__})")
                continue
            self.stats.connects += 1
            self.on_event(f"connected to {self.spec}")
            try:
                await self._read(reader, stop)
            except (OSError, asyncio.IncompleteReadError) as exc:
                self.on_event(f"connection error: {exc.__class__.__name__}")
            finally:
                writer.close()
                with contextlib.suppress(Exception):
                    await writer.wait_closed()
            if stop.is_set():
                break
            self.stats.disconnects += 1
            await self._sleep(stop, self.backoff.next_delay(), "disconnected")

    async def _sleep(self, stop: asyncio.Event, delay: float, why: str) -> None:
        self.on_event(f"{self.spec}: {why}; retrying in {delay:.1f} s")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)

    async def _read(self, reader: asyncio.StreamReader, stop: asyncio.Event) -> None:
        tail = b""
        self._valid = 0
        reset = False
        last_data = time.monotonic()
        stop_task: asyncio.Future[Any] = asyncio.ensure_future(stop.wait())
        try:
            read_task: asyncio.Future[Any] | None = None
            while not stop.is_set():
                if read_task is None:
                    read_task = asyncio.ensure_future(reader.read(self.read_size))
                done, _ = await asyncio.wait(
                    {read_task, stop_task}, timeout=IDLE_FLUSH_S, return_when=asyncio.FIRST_COMPLETED
                )
                if not done:  # the feed paused: the frame held back as a possible partial is complete
                    if tail:
                        self._consume(tail, final=True)
                        tail = b""
                    if time.monotonic() - last_data > self.idle_timeout:
                        self.stats.idle_timeouts += 1
                        self.on_event(f"{self.spec}: no data for {self.idle_timeout:.0f} s; reconnecting")
                        read_task.cancel()
                        return
                    continue
                if read_task not in done:
                    read_task.cancel()
                    return
                data = read_task.result()
                read_task = None
                if not data:  # EOF: the server closed; what it sent before closing is complete
                    self._consume(tail, final=True)
                    tail = b""
                    return
                last_data = time.monotonic()
                self.stats.bytes += len(data)
                tail = self._consume(tail + data)
                if self._valid and not reset:  # a real message, not just bytes: the feed works again
                    reset = True
                    self.backoff.reset()
        finally:
            stop_task.cancel()
            if tail:  # stopping: the last frame held back for a possible continuation is complete enough
                self._consume(tail, final=True)

    def _times(self, frames: Frames, now: float) -> np.ndarray:
        if self.receiver_clock is not None:
            return self.receiver_clock.times(frames, now)
        return frame_times(frames, now)

    def _consume(self, data: bytes, *, final: bool = False) -> bytes:
        """Parse complete lines/frames, emit a chunk, return the incomplete tail (bounded)."""
        if not data:
            return b""
        now = self.clock()
        proto = self.spec.protocol
        if proto == "beast":
            frames, tail, bad = parse_beast(data, final=final)
            chunk = Chunk(proto, now, frames=frames, ts=self._times(frames, now), bad=bad)
            n = len(frames)
            valid = int(frames.ok.sum())
        else:
            body, tail = (data, b"") if final else split_lines(data)
            if proto == "sbs":
                pts, bad = parse_sbs(body)
                chunk = Chunk(proto, now, points=pts, bad=bad)
                n = pts.num_rows + bad
                valid = pts.num_rows
            else:
                frames = parse_text(body)
                bad = int(frames.bad_lines.size)
                chunk = Chunk(proto, now, frames=frames, ts=self._times(frames, now), bad=bad)
                n = len(frames)
                valid = int(frames.ok.sum())
        self._valid += valid
        if len(tail) > MAX_TAIL:
            self.stats.dropped_tail_bytes += len(tail)
            tail = b""
        self.stats.messages += n
        self.stats.bad += chunk.bad
        if n or chunk.bad:
            self.on_chunk(chunk)
        return tail

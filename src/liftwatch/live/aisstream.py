"""aisstream.io: live AIS position reports over a WebSocket, for ships in ``liftwatch watch``.

The client subscribes with the user's free key (``$AISSTREAM_API_KEY`` or the keys file, see
:mod:`liftwatch.sources.keys`), bounding boxes and optionally MMSIs; the service then pushes one JSON message per
AIS message. Position reports (class A, class B standard and extended) become canonical sea points, batched every
``flush_s`` or ``flush_rows``. A dropped connection reconnects with backoff; a refused key is reported without the
key and ends the stream (retrying a bad key would only get it banned).

Each message is its own small JSON document, so it is parsed by ``json.loads`` one at a time (that is the
protocol); the values are gathered into columns and converted in one vectorised step per batch.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import polars as pl
import pyarrow as pa

from liftwatch.errors import LiftwatchError
from liftwatch.live.feeds import Backoff
from liftwatch.schema import conform
from liftwatch.sources.keys import Secret
from liftwatch.sources.selection import BBox

URL = "wss://stream.aisstream.io/v0/stream"
POSITION_TYPES = ("PositionReport", "StandardClassBPositionReport", "ExtendedClassBPositionReport")
LICENCE = "aisstream.io terms of service (free key)"
ATTRIBUTION = "Contains live AIS data from aisstream.io."
_TIME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:\.(\d+))?")


def parse_time(text: str) -> float | None:
    """``2022-12-29 18:22:32.318353 +0000 UTC`` (Go's format, up to 9 fraction digits) -> epoch seconds."""
    m = _TIME.match(text or "")
    if m is None:
        return None
    base = datetime.fromisoformat(m.group(1) + "+00:00").timestamp()
    frac = m.group(2) or "0"
    return float(base + int(frac) / 10 ** len(frac))


@dataclass
class AisStreamStats:
    connects: int = 0
    messages: int = 0
    positions: int = 0
    bad: int = 0


@dataclass
class AisStream:
    """One subscription; ``await run(stop, emit)`` like :class:`~liftwatch.live.poll.PollGroup`."""

    key: Secret
    boxes: list[BBox]
    mmsi: list[str] = field(default_factory=list)
    url: str = URL
    flush_s: float = 1.0
    flush_rows: int = 5000
    on_event: Callable[[str], None] = lambda _m: None
    backoff: Backoff = field(default_factory=lambda: Backoff(initial=1.0, maximum=60.0))
    stats: AisStreamStats = field(default_factory=AisStreamStats)

    def __post_init__(self) -> None:
        if not self.boxes:
            raise LiftwatchError(
                "aisstream needs at least one bounding box (--ais-bbox LAT_MIN,LON_MIN,LAT_MAX,LON_MAX)"
            )
        self._rows: dict[str, list[Any]] = {k: [] for k in ("asset_id", "t", "lat", "lon", "sog", "cog", "hdg", "nav")}

    def subscription(self) -> str:
        sub: dict[str, Any] = {
            "APIKey": self.key.reveal(),
            "BoundingBoxes": [[[b.lat_min, b.lon_min], [b.lat_max, b.lon_max]] for b in self.boxes],
            "FilterMessageTypes": list(POSITION_TYPES),
        }
        if self.mmsi:
            sub["FiltersShipMMSI"] = self.mmsi
        return json.dumps(sub)

    async def run(self, stop: asyncio.Event, emit: Callable[[pa.Table], None]) -> None:
        import websockets

        self.backoff.reset()
        while not stop.is_set():
            try:
                async with websockets.connect(self.url, open_timeout=20, max_size=1 << 22) as ws:
                    await ws.send(self.subscription())
                    self.stats.connects += 1
                    self.on_event(f"aisstream: connected, {len(self.boxes)} box(es)")
                    await self._read(ws, stop, emit)
            except LiftwatchError as exc:
                self.on_event(f"aisstream: {exc}; stopping this stream")
                return
            except (OSError, TimeoutError, websockets.exceptions.WebSocketException) as exc:
                self.on_event(f"aisstream: {exc.__class__.__name__}; reconnecting")
            finally:
                self._flush(emit)
            if stop.is_set():
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.backoff.next_delay())

    async def _read(self, ws: Any, stop: asyncio.Event, emit: Callable[[pa.Table], None]) -> None:
        last = time.monotonic()
        stop_task = asyncio.ensure_future(stop.wait())
        try:
            while not stop.is_set():
                recv = asyncio.ensure_future(ws.recv())
                done, _ = await asyncio.wait(
                    {recv, stop_task}, timeout=self.flush_s, return_when=asyncio.FIRST_COMPLETED
                )
                if recv in done:
                    self._message(recv.result())
                    self.backoff.reset()
                else:
                    recv.cancel()
                    with contextlib.suppress(asyncio.CancelledError, Exception):
                        await recv
                if len(self._rows["t"]) >= self.flush_rows or time.monotonic() - last >= self.flush_s:
                    self._flush(emit)
                    last = time.monotonic()
        finally:
            stop_task.cancel()

    def _message(self, raw: str | bytes) -> None:
        self.stats.messages += 1
        try:
            msg = json.loads(raw)
        except ValueError:
            self.stats.bad += 1
            return
        if not isinstance(msg, dict):
            self.stats.bad += 1
            return
        if "error" in msg:  # e.g. {"error": "Api Key Is Not Valid"}: the key is never echoed
            raise LiftwatchError(f"server refused the subscription: {str(msg['error'])[:200]}")
        kind = msg.get("MessageType")
        body = (msg.get("Message") or {}).get(kind) if kind in POSITION_TYPES else None
        meta = msg.get("MetaData") or {}
        if not isinstance(body, dict) or not isinstance(meta, dict):
            return
        t = parse_time(str(meta.get("time_utc", "")))
        mmsi = body.get("UserID", meta.get("MMSI"))
        if t is None or not isinstance(mmsi, int):
            self.stats.bad += 1
            return
        r = self._rows
        r["asset_id"].append(f"{mmsi:09d}")
        r["t"].append(t)
        r["lat"].append(body.get("Latitude"))
        r["lon"].append(body.get("Longitude"))
        r["sog"].append(body.get("Sog"))
        r["cog"].append(body.get("Cog"))
        r["hdg"].append(body.get("TrueHeading"))
        r["nav"].append(body.get("NavigationalStatus"))
        self.stats.positions += 1

    def _flush(self, emit: Callable[[pa.Table], None]) -> None:
        if not self._rows["t"]:
            return
        rows, self._rows = self._rows, {k: [] for k in self._rows}
        emit(positions_table(rows))


def positions_table(rows: dict[str, list[Any]]) -> pa.Table:
    """Columns of position reports -> canonical sea points (AIS "not available" values become nulls)."""
    f = pl.DataFrame(
        {k: pl.Series(v, dtype=pl.Float64, strict=False) for k, v in rows.items() if k != "asset_id"}
    ).with_columns(pl.Series("asset_id", rows["asset_id"], dtype=pl.String))
    frame = f.select(
        pl.lit("aisstream").alias("source"),
        pl.lit("sea").alias("domain"),
        "asset_id",
        (pl.col("t") * 1e6).cast(pl.Int64).cast(pl.Datetime("us", "UTC")).alias("ts"),
        pl.when(pl.col("lat").abs() <= 90).then(pl.col("lat")).alias("lat"),
        pl.when(pl.col("lon").abs() <= 180).then(pl.col("lon")).alias("lon"),
        pl.when(pl.col("sog") < 102.2).then(pl.col("sog")).alias("gs_kt"),
        pl.when(pl.col("cog") < 360).then(pl.col("cog")).alias("track_deg"),
        pl.when(pl.col("hdg") < 360).then(pl.col("hdg")).alias("heading_deg"),
        pl.col("nav").is_in([1.0, 5.0, 6.0]).alias("on_ground"),  # at anchor, moored, aground
    ).filter(pl.col("lat").is_not_null() & pl.col("lon").is_not_null())
    return conform(frame)

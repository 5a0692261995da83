"""Keyless live APIs polled at their published rate limits, merged into one feed for ``liftwatch watch``.

adsb.lol, airplanes.live and adsb.fi serve readsb ``aircraft.json``-shaped answers (``{"ac": [...], "now": ms}``)
for military aircraft (``/v2/mil``) and for a circle (``/v2/point/{lat}/{lon}/{radius_nm}``). Each answer is
converted by the aircraft.json reader; the :class:`Merger` then keeps, per address, only positions fresher than
the freshest already emitted (one row per address and time, whichever network reported it first), and each point
keeps its network in ``source``. The merged points go through the watch's tracker, store and alerts like points
from the TCP feeds.

Rates: one request per second per network at most (airplanes.live and adsb.fi publish 1 req/s; adsb.lol asks
for moderate use), shared by all endpoints of a network, with the poll interval (default 5 s) on top; 429 and
5xx answers wait for ``Retry-After`` or back off exponentially.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.errors import LiftwatchError
from liftwatch.io.aircraft_json import convert
from liftwatch.io.base import RejectLog
from liftwatch.live.feeds import Backoff


@dataclass(frozen=True)
class Endpoint:
    network: str  # the ``source`` of its points
    path: str  # appended to the network's base URL; {lat} {lon} {radius} for circles
    circle: bool = False


NETWORKS: dict[str, tuple[str, float, str]] = {
    # network -> (base URL, minimum seconds between requests, licence/terms)
    "adsblol": ("https://api.adsb.lol", 1.0, "ODbL-1.0 (adsb.lol)"),
    "airplaneslive": ("https://api.airplanes.live", 1.0, "airplanes.live API terms (non-commercial, attribution)"),
    "adsbfi": ("https://opendata.adsb.fi/api", 1.0, "adsb.fi open data terms (non-commercial, attribution)"),
}
ENDPOINTS: dict[str, Endpoint] = {
    "adsblol-mil": Endpoint("adsblol", "/v2/mil"),
    "adsblol-point": Endpoint("adsblol", "/v2/point/{lat}/{lon}/{radius}", circle=True),
    "airplaneslive-mil": Endpoint("airplaneslive", "/v2/mil"),
    "airplaneslive-point": Endpoint("airplaneslive", "/v2/point/{lat}/{lon}/{radius}", circle=True),
    "adsbfi-mil": Endpoint("adsbfi", "/v2/mil"),
    "adsbfi-point": Endpoint("adsbfi", "/v2/lat/{lat}/lon/{lon}/dist/{radius}", circle=True),
}
MAX_RADIUS_NM = 250.0


@dataclass(frozen=True)
class PollSpec:
    """``NAME`` or ``NAME:LAT,LON,RADIUS_NM`` (circles), optionally with a mirror ``base_url``."""

    name: str
    url: str
    network: str
    min_interval_s: float

    @classmethod
    def parse(cls, text: str, base_url: str | None = None) -> PollSpec:
        name, _, args = text.partition(":")
        ep = ENDPOINTS.get(name)
        if ep is None:
            raise LiftwatchError(
                f"--poll {name!r}: unknown; one of {', '.join(ENDPOINTS)} (circles as NAME:LAT,LON,NM)"
            )
        base, min_s, _terms = NETWORKS[ep.network]
        fmt: dict[str, str] = {}
        if ep.circle:
            try:
                lat, lon, radius = (float(x) for x in args.split(","))
            except ValueError:
                raise LiftwatchError(f"--poll {name} expects {name}:LAT,LON,RADIUS_NM (e.g. 35.4,35.9,250)") from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < radius <= MAX_RADIUS_NM):
                raise LiftwatchError(f"--poll {text!r}: latitude/longitude out of range or radius not in (0, 250] NM")
            # the APIs take whole nautical miles (adsb.lol answers 422 to "12.5"): round up, the circle covers the ask
            fmt = {
                "lat": f"{lat:.6f}".rstrip("0").rstrip("."),
                "lon": f"{lon:.6f}".rstrip("0").rstrip("."),
                "radius": str(math.ceil(radius)),
            }
        elif args:
            raise LiftwatchError(f"--poll {name} takes no arguments")
        url = (base_url or base).rstrip("/") + ep.path.format(**fmt)
        return cls(text, url, ep.network, min_s)

    def __str__(self) -> str:
        return self.name


class RateLimiter:
    """Minimum spacing between requests to one network, shared by all its endpoints."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.next_ok: dict[str, float] = {}
        self.lock = asyncio.Lock()

    async def wait(self, network: str, spacing: float) -> None:
        async with self.lock:
            now = self.clock()
            at = max(now, self.next_ok.get(network, now))
            self.next_ok[network] = at + spacing
        if at > now:
            await asyncio.sleep(at - now)

    def hold(self, network: str, seconds: float) -> None:
        """A 429's Retry-After: no request to the network before then."""
        self.next_ok[network] = max(self.next_ok.get(network, 0.0), self.clock() + seconds)


class Merger:
    """One row per address and instant across networks: only positions fresher than the freshest emitted pass."""

    def __init__(self) -> None:
        self.last = pl.DataFrame(schema={"asset_id": pl.String, "_last": pl.Datetime("us", "UTC")})

    def merge(self, table: pa.Table) -> pa.Table:
        if table.num_rows == 0:
            return table
        frame = pl.from_arrow(table)
        assert isinstance(frame, pl.DataFrame)
        fresh = (
            frame.sort("ts")
            .unique(["asset_id", "ts"], keep="first", maintain_order=True)
            .join(self.last, on="asset_id", how="left")
            .filter(pl.col("_last").is_null() | (pl.col("ts") > pl.col("_last")))
            .drop("_last")
        )
        if fresh.height:
            newest = fresh.group_by("asset_id").agg(pl.col("ts").max().alias("_last"))
            self.last = pl.concat([self.last, newest]).group_by("asset_id").agg(pl.col("_last").max())
        return fresh.to_arrow().cast(table.schema)


@dataclass
class PollStats:
    requests: int = 0
    answers: int = 0
    errors: int = 0
    aircraft: int = 0
    points: int = 0

    @property
    def messages(self) -> int:
        """Aircraft entries received (the watch summary's "messages" for polled feeds)."""
        return self.aircraft


@dataclass
class PollGroup:
    """All ``--poll`` endpoints of a watch: one task per endpoint, one merger, one output callback."""

    specs: list[PollSpec]
    interval_s: float = 5.0
    timeout_s: float = 20.0
    on_event: Callable[[str], None] = lambda _m: None
    transport: httpx.AsyncBaseTransport | None = None
    stats: PollStats = field(default_factory=PollStats)

    def __post_init__(self) -> None:
        self.merger = Merger()
        self.limiter = RateLimiter()
        self.rejects = RejectLog()

    async def run(self, stop: asyncio.Event, emit: Callable[[pa.Table], None]) -> None:
        from liftwatch.sources.http import USER_AGENT

        async with httpx.AsyncClient(
            timeout=self.timeout_s, headers={"User-Agent": USER_AGENT}, transport=self.transport, follow_redirects=True
        ) as client:
            await asyncio.gather(*(self._poll(client, spec, stop, emit) for spec in self.specs))

    async def _poll(
        self, client: httpx.AsyncClient, spec: PollSpec, stop: asyncio.Event, emit: Callable[[pa.Table], None]
    ) -> None:
        backoff = Backoff(initial=max(1.0, spec.min_interval_s), maximum=120.0)
        backoff.reset()
        while not stop.is_set():
            started = time.monotonic()
            await self.limiter.wait(spec.network, spec.min_interval_s)
            delay = max(self.interval_s, spec.min_interval_s)
            try:
                self.stats.requests += 1
                r = await client.get(spec.url)
                if r.status_code == 429 or r.status_code >= 500:
                    from liftwatch.sources.http import retry_after_seconds

                    wait = retry_after_seconds(r.headers.get("Retry-After")) or backoff.next_delay()
                    self.limiter.hold(spec.network, wait)
                    self.stats.errors += 1
                    self.on_event(f"{spec}: HTTP {r.status_code}; waiting {wait:.0f} s")
                    delay = wait
                elif r.status_code >= 400:
                    self.stats.errors += 1
                    self.on_event(f"{spec}: HTTP {r.status_code}; retrying in {backoff.next_delay():.0f} s")
                    delay = max(delay, backoff.next_delay())
                else:
                    backoff.reset()
                    self._answer(spec, r.content, emit)
            except (httpx.TransportError, ValueError) as exc:
                self.stats.errors += 1
                delay = backoff.next_delay()
                self.on_event(f"{spec}: {exc.__class__.__name__}; retrying in {delay:.1f} s")
            left = delay - (time.monotonic() - started)
            if left > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), left)

    def _answer(self, spec: PollSpec, body: bytes, emit: Callable[[pa.Table], None]) -> None:
        table = answer_points(body, spec, self.rejects)
        self.stats.answers += 1
        if table is None:
            return
        self.stats.aircraft += table.num_rows
        fresh = self.merger.merge(table)
        if fresh.num_rows:
            self.stats.points += fresh.num_rows
            emit(fresh)


def answer_points(body: bytes, spec: PollSpec, rejects: RejectLog) -> pa.Table | None:
    """Canonical points of one API answer (``ac`` or ``aircraft`` list, ``now`` in ms or s), source = network."""
    doc = json.loads(body)
    if not isinstance(doc, dict):
        raise ValueError("answer is not a JSON object")
    acs = doc.get("ac") if isinstance(doc.get("ac"), list) else doc.get("aircraft")
    now = doc.get("now")
    if not isinstance(acs, list) or not isinstance(now, (int, float)) or isinstance(now, bool):
        raise ValueError("answer has no aircraft list or no 'now'")
    if now > 1e11:
        now = now / 1000.0
    if not 1e9 < now < 1e10:  # 2001..2286: anything else is not a live answer's clock
        raise ValueError(f"answer 'now' out of range ({now!r})")
    if not acs:
        return None
    try:
        table = convert([(spec.name, float(now), acs)], spec.name, rejects)
    except (TypeError, pl.exceptions.PolarsError, pa.ArrowException) as exc:  # hostile shapes the reader trips on
        raise ValueError(f"unusable answer: {exc.__class__.__name__}") from None
    table = table.filter(pc.is_valid(table.column("lat")))  # live positions only
    if table.num_rows == 0:
        return None
    idx = table.schema.get_field_index("source")
    return table.set_column(idx, "source", pa.array([spec.network] * table.num_rows, pa.string()))

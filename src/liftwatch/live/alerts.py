"""Alerts: flight events matched against watch-list rules, delivered to the terminal, a JSON-lines file and
an optional webhook.

Rules live in the knowledge base's watch-list format (``liftwatch.kb.load_watchlist``); the engine does not
interpret them: each event becomes a one-row *flight* frame in the ``FLIGHT_SCHEMA`` vocabulary (departure
site and time for a take-off, ``ending = "dark"`` for a silent aircraft, country/classification from the
knowledge base) and the watch list says which rules match. Every (flight, rule, event) fires once. Delivery
failures (a webhook down) are counted and never stop the watch.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import polars as pl

from liftwatch import kb
from liftwatch.live.tracker import FlightEvent, FlightTracker
from liftwatch.live.webhook import WebhookSink

__all__ = ["Alert", "AlertEngine", "JsonlSink", "TerminalSink", "WebhookSink"]

MAX_ALERTS_PER_MINUTE = 120  # per engine; beyond it alerts are counted, not delivered (see AlertEngine)


class WatchlistLike(Protocol):
    def match_flights(self, flights: pl.DataFrame) -> pl.DataFrame: ...


@dataclass
class Alert:
    kind: str  # takeoff | landing | dark | new_flight
    rule: str
    asset_id: str
    flight_id: str
    ts: str  # ISO-8601 UTC of the event
    lat: float | None
    lon: float | None
    alt_ft: float | None
    callsign: str | None
    site: str | None
    country: str | None
    classification: str | None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    def text(self) -> str:
        where = (
            f" at {self.site}"
            if self.site
            else (f" near {self.lat:.3f},{self.lon:.3f}" if self.lat is not None else "")
        )
        who = self.callsign or "-"
        return f"{self.ts} [{self.rule}] {self.kind}: {self.asset_id} ({who}, {self.country or '?'}){where}"


class Sink(Protocol):
    def send(self, alert: Alert) -> None: ...
    def close(self) -> None: ...


class TerminalSink:
    def __init__(self, console: Any = None) -> None:
        from rich.console import Console

        self.console = console or Console(stderr=True)

    def send(self, alert: Alert) -> None:
        self.console.print(f"[bold red]ALERT[/bold red] {alert.text()}")

    def close(self) -> None:
        return None


class JsonlSink:
    """One JSON object per line, flushed per alert (a crash loses nothing already reported)."""

    def __init__(self, path: str | Path) -> None:
        self.fh = Path(path).open("a", encoding="utf-8")  # noqa: SIM115 (kept open for the watch's lifetime)

    def send(self, alert: Alert) -> None:
        self.fh.write(alert.to_json() + "\n")
        self.fh.flush()

    def close(self) -> None:
        self.fh.close()


def _suppressed_notice(n: int, cap: int) -> Alert:
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    return Alert(
        "suppressed", f"rate cap {cap}/min", "-", "-", now, None, None, None, f"{n} alerts held back", None, None, None
    )


def _rules_of(matched: pl.DataFrame) -> list[list[str]]:
    """Rule names per row from whatever column the watch list uses (list or comma-separated string)."""
    for name in ("watch_rules", "rules", "matched_rules", "rule", "matched", "rule_names"):
        if name in matched.columns:
            out: list[list[str]] = []
            for v in matched[name].to_list():
                if v is None:
                    out.append([])
                elif isinstance(v, list):
                    out.append([str(x) for x in v if x])
                else:
                    out.append([x.strip() for x in str(v).split(",") if x.strip()])
            return out
    return [[] for _ in range(matched.height)]


def _classify(frame: pl.DataFrame) -> pl.DataFrame:
    """Add country/classification/operator/type_code from the knowledge base."""
    try:
        out = kb.classify_frame(frame)
        if out.height == frame.height:
            return out
    except Exception:
        pass
    try:
        countries = kb.icao_countries(frame["asset_id"].to_numpy())
        return frame.with_columns(country=pl.Series(list(np.asarray(countries).tolist()), dtype=pl.String))
    except Exception:
        return frame


_TS = pl.Datetime("us", "UTC")
_EVENT_SCHEMA: dict[str, pl.DataType] = {
    "flight_id": pl.String(),
    "domain": pl.String(),
    "asset_id": pl.String(),
    "callsigns": pl.List(pl.String()),
    "callsign": pl.String(),
    "registration": pl.String(),
    "type_code": pl.String(),
    "first_ts": _TS,
    "last_ts": _TS,
    "dep_site": pl.String(),
    "dep_time": _TS,
    "start_kind": pl.String(),
    "arr_site": pl.String(),
    "ending": pl.String(),
    "last_lat": pl.Float64(),
    "last_lon": pl.Float64(),
    "last_alt_ft": pl.Float32(),
    "n_points": pl.Int32(),
    "event": pl.String(),
}


class AlertEngine:
    """Matches events against the watch list and delivers each new alert to the sinks.

    Delivery is rate-capped (``max_per_minute``, wall clock, a token bucket): a feed that suddenly makes every
    aircraft look dark or new (a bad clock, a flood of invented addresses) must not turn into thousands of
    messages and webhook calls. Alerts over the cap are counted in ``suppressed`` and announced once per
    minute through the sinks as a single ``suppressed`` alert.
    """

    def __init__(
        self,
        watchlist: WatchlistLike | None,
        sinks: Sequence[Sink],
        *,
        max_per_minute: int = MAX_ALERTS_PER_MINUTE,
        clock: Any = time.monotonic,
    ) -> None:
        self.watchlist = watchlist
        self.sinks = list(sinks)
        self.fired: set[tuple[str, str, str]] = set()
        self.alerts: list[Alert] = []
        self.errors = 0
        self.max_per_minute = max_per_minute
        self.suppressed = 0
        self._clock = clock
        self._tokens = float(max_per_minute)
        self._last = clock()
        self._suppressed_unreported = 0
        self._last_notice = -1e18

    def _allow(self) -> bool:
        now = self._clock()
        self._tokens = min(float(self.max_per_minute), self._tokens + (now - self._last) * self.max_per_minute / 60)
        self._last = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        self.suppressed += 1
        self._suppressed_unreported += 1
        if now - self._last_notice >= 60.0:
            self._last_notice = now
            self._deliver(_suppressed_notice(self._suppressed_unreported, self.max_per_minute))
            self._suppressed_unreported = 0
        return False

    def _deliver(self, alert: Alert) -> None:
        for sink in self.sinks:
            try:
                sink.send(alert)
            except Exception:
                self.errors += 1

    def flights_frame(self, events: Sequence[FlightEvent], tracker: FlightTracker) -> pl.DataFrame:
        rows = []
        for ev in events:
            st = ev.state or tracker.assets.get(ev.asset_id)
            callsigns = list(st.callsigns) if st else []
            rows.append(
                {
                    "flight_id": ev.flight_id,
                    "domain": "air",
                    "asset_id": ev.asset_id,
                    "callsigns": callsigns,
                    "callsign": callsigns[-1] if callsigns else None,
                    "registration": None,
                    "type_code": None,
                    "first_ts": datetime.fromtimestamp(st.first_ts if st else ev.ts, tz=UTC),
                    "last_ts": datetime.fromtimestamp(st.last_ts if st else ev.ts, tz=UTC),
                    "dep_site": st.dep_site if st else None,
                    "dep_time": datetime.fromtimestamp(st.dep_time, tz=UTC) if st and st.dep_time else None,
                    "start_kind": st.start_kind if st else "in_air",
                    "arr_site": ev.site if ev.kind == "landing" else None,
                    "ending": {"dark": "dark", "landing": "landed"}.get(ev.kind),
                    "last_lat": ev.lat,
                    "last_lon": ev.lon,
                    "last_alt_ft": ev.alt_ft,
                    "n_points": st.n_points if st else 0,
                    "event": ev.kind,
                }
            )
        frame = pl.DataFrame(rows, schema=_EVENT_SCHEMA)
        return _classify(frame)

    def on_events(self, events: Sequence[FlightEvent], tracker: FlightTracker) -> list[Alert]:
        events = [e for e in events if e.kind != "new_flight"]
        if not events or self.watchlist is None:
            return []
        frame = self.flights_frame(events, tracker)
        try:
            matched = self.watchlist.match_flights(frame)
        except Exception:
            self.errors += 1
            return []
        if "flight_id" in matched.columns and matched.height != frame.height:
            by_id: dict[str, list[str]] = {}
            for fid, rules in zip(matched["flight_id"].to_list(), _rules_of(matched), strict=True):
                by_id.setdefault(fid, []).extend(rules)
            rules_per_row = [by_id.get(fid, []) for fid in frame["flight_id"].to_list()]
        else:
            rules_per_row = _rules_of(matched)
        new: list[Alert] = []
        for ev, row, rules in zip(events, frame.iter_rows(named=True), rules_per_row, strict=True):
            for rule in rules:
                key = (ev.flight_id, rule, ev.kind)
                if key in self.fired:
                    continue
                self.fired.add(key)
                alert = Alert(
                    kind=ev.kind,
                    rule=rule,
                    asset_id=ev.asset_id,
                    flight_id=ev.flight_id,
                    ts=ev.when.isoformat().replace("+00:00", "Z"),
                    lat=ev.lat,
                    lon=ev.lon,
                    alt_ft=ev.alt_ft,
                    callsign=row.get("callsign"),
                    site=ev.site or row.get("dep_site"),
                    country=row.get("country"),
                    classification=row.get("classification"),
                )
                if not self._allow():
                    continue
                new.append(alert)
                self._deliver(alert)
        self.alerts.extend(new)
        return new

    def close(self) -> None:
        for sink in self.sinks:
            try:
                sink.close()
            except Exception:
                self.errors += 1

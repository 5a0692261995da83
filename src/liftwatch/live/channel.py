"""The live channel: a watch's events as JSON lines beside the store, for readers that cannot open the store.

DuckDB lets one process write a database file or several read it, never both; ``liftwatch watch`` holds the
store open for writing for as long as it runs, so the dashboard cannot read its new flights from the store.
The watcher therefore also appends each event (a flight started, took off, landed, went dark; an alert) as one
JSON object per line to ``<db>.live.jsonl`` and readers tail that file. Each event carries an ``id`` that only
grows (continued across restarts from the file already there) and the time it was written, so a reader that
reconnects with the last id it saw (SSE's ``Last-Event-ID``) gets exactly what it missed.

The file is bounded: past ``max_bytes`` it is renamed to ``<db>.live.jsonl.1`` (replacing the previous one) and
a new file starts, so at most twice the cap is on disk and a reader that fell behind by less than one file loses
nothing. Written by hand because it is a few lines on top of ``open(..., "a")``: a message broker would be a
server to run for what one append-only file does. Lines are written whole and flushed per batch; a reader skips
a line that is not (yet) complete JSON.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from liftwatch.live.alerts import Alert
    from liftwatch.live.tracker import FlightEvent, FlightTracker

DEFAULT_MAX_BYTES = 4_000_000  # ~10,000 events per file
SUFFIX = ".live.jsonl"
MAX_READ = 1000  # events one read returns at most (a reader far behind catches up over several reads)


def channel_path(db: str | os.PathLike[str]) -> Path:
    """The live channel of a database file: ``liftwatch.duckdb`` -> ``liftwatch.duckdb.live.jsonl``."""
    p = Path(db)
    return p.with_name(p.name + SUFFIX)


def _files(path: Path) -> list[Path]:
    """The rotated file then the current one (oldest events first)."""
    return [p for p in (path.with_name(path.name + ".1"), path) if p.exists()]


def _lines(path: Path) -> Iterable[dict[str, Any]]:
    try:
        with path.open("r", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if not line.endswith("\n"):
                    return  # being written
                try:
                    ev = json.loads(line)
                except ValueError:
                    continue
                if isinstance(ev, dict) and isinstance(ev.get("id"), int):
                    yield ev
    except FileNotFoundError:  # rotated between listing and opening
        return


def read_events(path: str | os.PathLike[str], after: int = 0, limit: int = MAX_READ) -> list[dict[str, Any]]:
    """Events with ``id > after``, oldest first, at most ``limit``. A missing file is no events: no watch has
    written yet."""
    out: list[dict[str, Any]] = []
    for f in _files(Path(path)):
        out.extend(ev for ev in _lines(f) if ev["id"] > after)
    out.sort(key=lambda e: e["id"])
    return out[:limit]


def last_id(path: str | os.PathLike[str]) -> int:
    """The highest id in the channel (0 when empty): where a new reader that wants only new events starts."""
    best = 0
    for f in _files(Path(path)):
        for ev in _lines(f):
            best = max(best, ev["id"])
    return best


class LiveChannel:
    """Appends events to the channel file; ``flight_events`` and ``alerts`` are what the watch calls."""

    def __init__(self, path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        if max_bytes < 1000:
            raise ValueError(f"max_bytes must be at least 1000 (got {max_bytes})")
        self.path = Path(path)
        self.max_bytes = max_bytes
        self._next = last_id(self.path) + 1
        self._torn = self._ends_mid_line()
        self._lock = threading.Lock()
        self.written = 0
        self.rotations = 0
        self.errors = 0

    def append(self, events: Sequence[dict[str, Any]]) -> list[int]:
        """Write ``events`` (JSON-able dicts), each with a new ``id`` and ``at``; returns the ids. A disk error
        is counted, never raised: the channel is a convenience beside the store, not a reason to stop watching."""
        if not events:
            return []
        with self._lock:
            at = datetime.now(UTC).isoformat().replace("+00:00", "Z")
            ids: list[int] = []
            lines: list[str] = []
            for ev in events:
                ids.append(self._next)
                lines.append(json.dumps({"id": self._next, "at": at, **ev}, ensure_ascii=False, default=str))
                self._next += 1
            try:
                self._rotate_if_full()
                with self.path.open("a", encoding="utf-8") as fh:
                    fh.write(("\n" if self._torn else "") + "\n".join(lines) + "\n")
                self._torn = False
            except OSError:
                self.errors += 1
                return []
            self.written += len(lines)
            return ids

    def _ends_mid_line(self) -> bool:
        """A previous writer died mid-line: start on a fresh line so the first new event stays readable."""
        try:
            with self.path.open("rb") as fh:
                fh.seek(-1, os.SEEK_END)
                return fh.read(1) != b"\n"
        except OSError:  # missing or empty
            return False

    def _rotate_if_full(self) -> None:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        if size >= self.max_bytes:
            os.replace(self.path, self.path.with_name(self.path.name + ".1"))
            self.rotations += 1

    def flight_events(self, events: Sequence[FlightEvent], tracker: FlightTracker | None = None) -> list[int]:
        """The tracker's events: ``new_flight`` (a flight split off), ``takeoff``, ``landing`` and ``dark`` (the
        flight ended: on the ground, or silent inside coverage), with the flight's callsigns and departure."""
        rows: list[dict[str, Any]] = []
        for ev in events:
            st = ev.state or (tracker.assets.get(ev.asset_id) if tracker is not None else None)
            if st is not None and st.flight_id != ev.flight_id:
                st = None  # the aircraft has started another flight since
            rows.append(
                {
                    "type": "flight",
                    "kind": ev.kind,
                    "asset_id": ev.asset_id,
                    "flight_id": ev.flight_id,
                    "ts": ev.when.isoformat().replace("+00:00", "Z"),
                    "lat": ev.lat,
                    "lon": ev.lon,
                    "alt_ft": ev.alt_ft,
                    "site": ev.site,
                    "callsigns": list(st.callsigns) if st is not None else [],
                    "dep_site": st.dep_site if st is not None else None,
                }
            )
        return self.append(rows)

    def alerts(self, alerts: Sequence[Alert]) -> list[int]:
        """Watch-list alerts, with every field the alert sinks get."""
        return self.append([{"type": "alert", **asdict(a)} for a in alerts])

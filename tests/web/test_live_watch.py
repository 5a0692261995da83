"""The dashboard follows a running ``liftwatch watch``: the watch (another process, holding the store for
writing) appends events to the live channel and ``/api/live`` delivers them, hostile callsign as data."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from liftwatch.live.channel import channel_path, read_events

HOSTILE = '<SCRIPT>ALERT("X")</SCRIPT>'
HEX = "155ABC"  # Russian address block


def _sbs() -> bytes:
    """An identification with a hostile callsign, then a low climb-out over Hmeimim (a take-off there)."""
    t0 = datetime.now(UTC) - timedelta(seconds=60)
    lines = []
    for i in range(12):
        t = t0 + timedelta(seconds=i)
        d, h = t.strftime("%Y/%m/%d"), t.strftime("%H:%M:%S.000")
        if i == 0:
            lines.append(f"MSG,1,1,1,{HEX},1,{d},{h},{d},{h},{HOSTILE},,,,,,,,,,,0")
        lines.append(f"MSG,3,1,1,{HEX},1,{d},{h},{d},{h},,{800 + 100 * i},,,{35.4011 + 0.002 * i:.4f},35.9487,,,,,,0")
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def feed() -> Iterator[int]:
    """A loopback SBS server: sends the replay to each connection and keeps it open."""
    srv = socket.create_server(("127.0.0.1", 0))
    srv.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        conns = []
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except TimeoutError:
                continue
            conn.sendall(_sbs())
            conns.append(conn)
        for c in conns:
            c.close()

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield srv.getsockname()[1]
    stop.set()
    t.join(5)
    srv.close()


def _frames(text: str) -> list[dict[str, str]]:
    out = []
    for block in text.split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            if line.startswith(":"):
                continue
            key, _, value = line.partition(": ")
            fields[key] = value
        if fields:
            out.append(fields)
    return out


def test_serve_follows_a_running_watch(tmp_path: Path, feed: int) -> None:
    db = tmp_path / "live.duckdb"
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "watched"\naddresses = ["155abc"]\n')
    code = "import sys; from liftwatch.cli import app; sys.argv[0] = 'liftwatch'; app()"
    args = ["watch", "--sbs", f"127.0.0.1:{feed}", "--db", str(db), "--rules", str(rules), "--duration", "60"]
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        channel = channel_path(db)
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and not any(e["type"] == "alert" for e in read_events(channel)):
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.2)
        events = read_events(channel)
        assert {(e["type"], e["kind"]) for e in events} >= {
            ("flight", "new_flight"),
            ("flight", "takeoff"),
            ("alert", "takeoff"),
        }
        assert proc.poll() is None, "the watch is still running (and holding the store for writing)"

        from liftwatch.web import create_app

        app = create_app(db, allowed_hosts=("testserver",), live_poll_s=0.1)  # starts although the store is locked
        with TestClient(app) as client:
            page = client.get("/live")
            assert page.status_code == 200 and "following its live channel" in page.text
            frames = _frames(client.get("/api/live?once=1").text)
            assert frames[0]["event"] == "busy", "the store itself is locked by the watch"
            live = [f for f in frames if f.get("event") == "live"]
            assert [int(f["id"]) for f in live] == [e["id"] for e in events]
            payloads = [json.loads(f["data"]) for f in live]
            alert = next(p for p in payloads if p["type"] == "alert")
            assert (alert["rule"], alert["asset_id"], alert["site"], alert["callsign"]) == (
                "watched",
                "155abc",
                "hmeimim",
                HOSTILE,
            )
            takeoff = next(p for p in payloads if p["kind"] == "takeoff" and p["type"] == "flight")
            assert takeoff["callsigns"] == [HOSTILE]
            resp = client.get("/api/live?once=1")
            assert resp.headers["content-type"].startswith("text/event-stream")
            assert all(json.loads(f["data"]) for f in _frames(resp.text)), "every frame is one JSON data line"
            # a reconnecting browser sends Last-Event-ID: it gets only what came after
            first = events[0]["id"]
            again = _frames(client.get("/api/live?once=1", headers={"Last-Event-ID": str(first)}).text)
            assert [int(f["id"]) for f in again if f.get("event") == "live"] == [e["id"] for e in events[1:]]
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err

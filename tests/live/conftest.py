"""Loopback replay server and helpers for live-feed tests (no network beyond 127.0.0.1)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import pytest


class ReplayServer:
    """Serves ``segments[k]`` to the k-th connection; closes after each segment except the last (a forced
    drop), and records what was fully written on each connection."""

    def __init__(self, segments: list[bytes], *, keep_last_open: bool = True) -> None:
        self.segments = segments
        self.keep_last_open = keep_last_open
        self.connections = 0
        self.sent: list[bytes] = []
        self.server: asyncio.base_events.Server | None = None
        self.port = 0
        self.done = asyncio.Event()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        k = self.connections
        self.connections += 1
        if k >= len(self.segments):
            writer.close()
            return
        data = self.segments[k]
        for i in range(0, len(data), 4096):  # several writes, like a real feed
            writer.write(data[i : i + 4096])
            await writer.drain()
        self.sent.append(data)
        if k == len(self.segments) - 1:
            self.done.set()
            if self.keep_last_open:
                with contextlib.suppress(ConnectionError):
                    await reader.read()  # until the client goes away
        writer.close()

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    received: list[dict[str, Any]] = []
    handler = type("Hook", (_Hook,), {"received": received})
    srv = HTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/hook", received
    srv.shutdown()
    srv.server_close()

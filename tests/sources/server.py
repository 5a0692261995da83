"""A loopback HTTP server for the source tests: files in each source's real layout, plus injected faults.

Faults are queued per path and consumed in order: ``("status", 429, {"Retry-After": "1"})`` answers once with
that status; ``("cut", n)`` sends the headers and the first ``n`` bytes of the body, then drops the connection.
Range requests (``bytes=N-`` and ``bytes=N-M``) are honoured (206 with Content-Range) unless ``ranges=False``.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Site:
    def __init__(self) -> None:
        self.files: dict[str, bytes | Callable[[str], tuple[bytes, dict[str, str]]]] = {}
        self.faults: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        self.requests: list[tuple[str, str | None]] = []  # (path with query, Range header)
        self.ranges = True
        self.base = ""


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            rng = self.headers.get("Range")
            site.requests.append((self.path, rng))
            path = self.path.split("?", 1)[0]
            faults = site.faults.get(path) or site.faults.get(self.path)
            cut: int | None = None
            if faults:
                f = faults.pop(0)
                if f[0] == "status":
                    body = b"slow down"
                    self.send_response(f[1])
                    for k, v in (f[2] if len(f) > 2 else {}).items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                if f[0] == "cut":
                    cut = f[1]
            entry = site.files.get(self.path, site.files.get(path))
            if entry is None:
                body = b"not found"
                self.send_response(404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            headers: dict[str, str] = {}
            if callable(entry):
                data, headers = entry(self.path)
            else:
                data = entry
            start, end = 0, len(data)
            status = 200
            if rng and site.ranges and rng.startswith("bytes="):
                first, _, last = rng[6:].partition("-")
                start = int(first)
                if last.strip():
                    end = min(end, int(last) + 1)
                if start >= len(data):
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(data)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status = 206
            body = data[start:end]
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v.replace("{base}", site.base))
            if status == 206:
                self.send_header("Content-Range", f"bytes {start}-{end - 1}/{len(data)}")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if cut is not None:
                self.wfile.write(body[:cut])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(body)

    return H


@contextmanager
def serve() -> Iterator[Site]:
    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    httpd.daemon_threads = True
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()

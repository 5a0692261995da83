"""The webhook alert sink: POST each alert as JSON, from one worker thread, to a public http(s) endpoint.

A watch runs unattended for days and its webhook URL may come from a shared configuration, so the sink is
careful about where it sends: only ``http``/``https`` (urllib would happily read ``file://``); by default no
address that is private, loopback, link-local (cloud metadata at 169.254.169.254), multicast or reserved,
checked against every address the host name resolves to before each request; no redirects (a public endpoint
answering 302 to an internal one); and a bounded queue feeding a single worker thread, so an alert storm costs
at most ``max_queue`` pending bodies, never a thread per alert. Local receivers (a home-automation box, a test
server) are an explicit opt-in: ``allow_private=True`` or ``LIFTWATCH_WEBHOOK_ALLOW_PRIVATE=1``.
"""

from __future__ import annotations

import ipaddress
import os
import queue
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING, Any

from liftwatch.errors import LiftwatchError

if TYPE_CHECKING:
    from liftwatch.live.alerts import Alert

ENV_ALLOW_PRIVATE = "LIFTWATCH_WEBHOOK_ALLOW_PRIVATE"
MAX_QUEUE = 1000
CLOSE_WAIT_S = 30.0  # at most this long to deliver what is queued when the watch stops


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # urllib then raises HTTPError for the 3xx answer: counted as a failed delivery


def check_url(url: str) -> urllib.parse.SplitResult:
    """The parsed URL when it is http(s) with a host; LiftwatchError (listing what is allowed) otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LiftwatchError(f"webhook URL {url!r}: only http:// and https:// URLs with a host are allowed")
    return parts


def blocked_address(host: str, port: int | None) -> str | None:
    """The first non-public address ``host`` resolves to (or the resolution error), None when all are public."""
    try:
        infos = socket.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM)
    except OSError as exc:
        return f"cannot resolve {host}: {exc}"
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not addr.is_global or addr.is_multicast:
            return str(addr)
    return None


class WebhookSink:
    """POSTs each alert as JSON from one background worker (the feed never waits on a slow endpoint)."""

    def __init__(
        self,
        url: str,
        timeout: float = 5.0,
        *,
        allow_private: bool | None = None,
        follow_redirects: bool = False,
        max_queue: int = MAX_QUEUE,
    ) -> None:
        self.parts = check_url(url)
        self.url = url
        self.timeout = timeout
        env = os.environ.get(ENV_ALLOW_PRIVATE, "").strip().lower() in ("1", "true", "yes")
        self.allow_private = env if allow_private is None else allow_private
        handlers: list[Any] = [] if follow_redirects else [_NoRedirect()]
        # no proxy handler either: an environment proxy would be another place the body goes
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), *handlers)
        self.sent = 0
        self.failed = 0
        self.refused = 0  # not sent: the host resolves to a private/reserved address
        self.dropped = 0  # not sent: the queue was full (alert storm or endpoint too slow)
        self.last_error: str | None = None
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=max_queue)
        self._worker = threading.Thread(target=self._run, name="liftwatch-webhook", daemon=True)
        self._worker.start()

    def _run(self) -> None:
        while (body := self._queue.get()) is not None:
            self._post(body)

    def _post(self, body: bytes) -> None:
        if not self.allow_private:
            blocked = blocked_address(self.parts.hostname or "", self.parts.port)
            if blocked is not None:
                self.refused += 1
                self.last_error = f"refused: {self.parts.hostname} is not a public address ({blocked})"
                return
        req = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"}, method="POST")
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                resp.read(1 << 16)
            self.sent += 1
        except Exception as exc:  # any failure of delivery is counted, never raised into the watch
            self.failed += 1
            self.last_error = f"{type(exc).__name__}: {exc}"

    def send(self, alert: Alert) -> None:
        try:
            self._queue.put_nowait(alert.to_json().encode())
        except queue.Full:
            self.dropped += 1

    def close(self) -> None:
        """Deliver what is queued (each request bounded by ``timeout``), then stop the worker."""
        pending = self._queue.qsize()
        try:
            self._queue.put(None, timeout=self.timeout)
        except queue.Full:
            return
        self._worker.join(min(self.timeout * (pending + 2), CLOSE_WAIT_S))

"""What stands between the dashboard and a hostile network or page: one ASGI middleware.

Written by hand (a few dozen lines) because it must wrap ``receive`` to cap request bodies while they stream,
which Starlette's ``BaseHTTPMiddleware`` cannot do, and because each rule is a deliberate policy:

- **Host check.** Only the host names the server was bound for are answered, so a web page cannot reach a
  loopback dashboard through DNS rebinding.
- **Token.** When one is configured (mandatory off loopback) every request must carry it, as
  ``Authorization: Bearer``, the ``lw_token`` cookie or ``?token=`` once (which sets the cookie); compared in
  constant time (``hmac.compare_digest``).
- **Headers.** A Content-Security-Policy allowing only same-origin scripts (no inline script, no ``eval``),
  no framing, no plug-ins; ``nosniff``; no referrer.
- **Upload size.** A body larger than the limit is refused with 413, checked on ``Content-Length`` and again
  on the bytes actually received.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "lw_token"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def is_loopback(host: str) -> bool:
    return host.strip("[]") in LOOPBACK or host.startswith("127.")


class TooLarge(Exception):
    pass


class Guard:
    """The security middleware (see the module docstring)."""

    def __init__(self, app: ASGIApp, *, token: str | None, hosts: tuple[str, ...], max_body: int) -> None:
        self.app = app
        self.token = token
        self.hosts = {h.strip("[]").lower() for h in hosts}
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = _host_name(headers.get("host", ""))
        if self.hosts and host not in self.hosts:
            await _plain(send, 421, f"unexpected Host {host!r}: this dashboard answers {sorted(self.hosts)}")
            return
        set_cookie = False
        if self.token is not None:
            given, from_query = self._given(scope, headers)
            if given is None or not hmac.compare_digest(given.encode(), self.token.encode()):
                await _plain(send, 401, "a valid token is required (?token=..., or Authorization: Bearer ...)")
                return
            set_cookie = from_query
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await _plain(send, 413, f"request body over the {self.max_body:,}-byte limit")
            return

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise TooLarge
            return message

        started = False

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = list(HEADERS)
                if set_cookie and self.token is not None:
                    cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
                    extra.append((b"set-cookie", cookie.encode("latin-1")))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except TooLarge:
            if not started:
                await _plain(send, 413, f"request body over the {self.max_body:,}-byte limit")

    def _given(self, scope: Scope, headers: dict[str, str]) -> tuple[str | None, bool]:
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip(), False
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if query.get("token"):
            return query["token"][0], True
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed cookie header is just "no token"
            return None, False
        morsel = cookie.get(TOKEN_COOKIE)
        return (morsel.value if morsel is not None else None), False


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})

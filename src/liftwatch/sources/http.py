"""HTTP for the sources: polite retries and downloads into the cache that resume by range.

httpx does the HTTP and tenacity the retry loop; written here is only the glue neither provides: honouring
``Retry-After`` (seconds or an HTTP date) as the wait before the next attempt, turning a GitHub API quota into a
clear message, and downloading through a ``.part`` file that a later run continues by range (the byte streams
themselves are :mod:`liftwatch.sources.stream`).

No network is touched at import; every request goes to a URL built from a template the user can point
elsewhere with ``base_url`` (the tests serve the sources' real layouts from loopback).
"""

from __future__ import annotations

import email.utils
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from liftwatch import __version__
from liftwatch.errors import LiftwatchError

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
USER_AGENT = f"liftwatch/{__version__} (+https://pypi.org/project/liftwatch/)"
CHUNK = 1 << 20


class FetchError(LiftwatchError):
    """A download failed for good (after retries), or the server sent something unusable."""


class NotFound(FetchError):
    """The server answered 404: the item does not exist (a day without a release, a missing sample)."""


@dataclass
class RetryPolicy:
    """How hard to try: attempts per request, exponential backoff, and the cap on a server's Retry-After."""

    attempts: int = 6
    initial_s: float = 1.0
    max_s: float = 60.0
    retry_after_cap_s: float = 300.0
    sleep: Callable[[float], None] = time.sleep


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds to wait: delta-seconds or an HTTP date; None when absent or unparsable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _Retryable(Exception):
    """A 429/5xx answer: retry after ``wait`` seconds if the server said so."""

    def __init__(self, url: str, status: int, wait: float | None) -> None:
        super().__init__(f"{url}: HTTP {status}")
        self.status = status
        self.wait = wait


def _is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, (_Retryable, httpx.TransportError))


@dataclass
class Http:
    """One HTTP client for a fetch: connection reuse, retries, a user agent naming liftwatch, never a key in logs."""

    policy: RetryPolicy = field(default_factory=RetryPolicy)
    timeout_s: float = 60.0
    headers: dict[str, str] = field(default_factory=dict)
    on_event: Callable[[str], None] = lambda _m: None
    _client: httpx.Client | None = field(default=None, init=False, repr=False)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout_s, connect=min(self.timeout_s, 20.0)),
                follow_redirects=True,
                headers={"User-Agent": USER_AGENT, **self.headers},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Http:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- retries ----------------------------------------------------------------------------------------
    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome is not None else None
        backoff = min(self.policy.max_s, self.policy.initial_s * 2 ** (state.attempt_number - 1))
        if isinstance(exc, _Retryable) and exc.wait is not None:
            return float(min(exc.wait, self.policy.retry_after_cap_s))
        return float(backoff)

    def _before_sleep(self, state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome is not None else None
        wait = state.next_action.sleep if state.next_action is not None else 0.0
        self.on_event(f"{describe(exc)}; retry {state.attempt_number}/{self.policy.attempts - 1} in {wait:.1f} s")

    def retrying(self) -> Retrying:
        return Retrying(
            retry=retry_if_exception(_is_retryable),
            stop=stop_after_attempt(self.policy.attempts),
            wait=self._wait,
            sleep=self.policy.sleep,
            before_sleep=self._before_sleep,
            reraise=True,
        )

    def call(self, fn: Callable[[], Any], what: str) -> Any:
        """Run ``fn`` under the retry policy; the final failure becomes a :class:`FetchError` naming ``what``."""
        try:
            return self.retrying()(fn)
        except _Retryable as exc:
            raise FetchError(f"{what}: HTTP {exc.status} after {self.policy.attempts} attempts") from None
        except httpx.TransportError as exc:
            raise FetchError(f"{what}: {describe(exc)} after {self.policy.attempts} attempts") from None

    @staticmethod
    def check(response: httpx.Response) -> None:
        """Raise the retryable/NotFound/FetchError a status deserves (the body of a streamed error is not read)."""
        status = response.status_code
        if status < 400:
            return
        url = str(response.request.url)
        if status in RETRY_STATUS:
            raise _Retryable(url, status, retry_after_seconds(response.headers.get("Retry-After")))
        if status == 404:
            raise NotFound(f"{url}: not found (HTTP 404)")
        if status == 403 and response.headers.get("X-RateLimit-Remaining") == "0":  # GitHub's API quota
            reset = response.headers.get("X-RateLimit-Reset", "")
            when = time.strftime("%H:%M UTC", time.gmtime(int(reset))) if reset.isdigit() else "later"
            raise FetchError(f"{url}: API rate limit reached; set $GITHUB_TOKEN or try again after {when}")
        raise FetchError(f"{url}: HTTP {status} {response.reason_phrase}")

    # -- simple requests --------------------------------------------------------------------------------
    def get(
        self, url: str, *, params: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        """A whole (small) response: release lists, API answers, directory indexes."""

        def once() -> httpx.Response:
            r = self.client.get(url, params=params, headers=headers)
            self.check(r)
            return r

        return self.call(once, url)  # type: ignore[no-any-return]

    # -- downloads --------------------------------------------------------------------------------------
    def download(
        self,
        url: str,
        dest: Path,
        *,
        sha256: str | None = None,
        on_bytes: Callable[[int], None] | None = None,
        on_total: Callable[[int | None], None] | None = None,
    ) -> Path:
        """Download ``url`` to ``dest`` through ``dest.part``, resuming a partial file by range; verify sha256.

        A complete ``dest`` is not fetched again (the cache makes a second run free).
        """
        if dest.exists():
            if on_total is not None:
                on_total(dest.stat().st_size)
            if on_bytes is not None:
                on_bytes(dest.stat().st_size)
            return dest
        from liftwatch.sources.stream import RangeStream  # the stream module builds on this one

        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        stream = RangeStream(self, [url], on_bytes=on_bytes, start=part.stat().st_size if part.exists() else 0)
        if on_total is not None:
            on_total(stream.total)
        with part.open("ab") as out:
            while block := stream.read(CHUNK):
                out.write(block)
        stream.close()
        if sha256 is not None:
            got = file_sha256(part)
            if got != sha256.lower():
                part.unlink()
                raise FetchError(f"{url}: checksum mismatch (sha256 {got[:12]}…, expected {sha256[:12]}…); removed")
        os.replace(part, dest)
        return dest


def describe(exc: BaseException | None) -> str:
    if exc is None:
        return "error"
    if isinstance(exc, _Retryable):
        return f"HTTP {exc.status}" + (f" (Retry-After {exc.wait:.0f} s)" if exc.wait is not None else "")
    return f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            h.update(block)
    return h.hexdigest()

"""HTTP for the sources: polite retries, range resume, downloads into the cache and byte streams over many parts.

httpx does the HTTP and tenacity the retry loop; what is written here is only the glue neither provides:
honouring ``Retry-After`` (seconds or an HTTP date) as the wait before the next attempt, continuing a body that
was cut mid-way with a ``Range`` request from the byte where it stopped (checking the server's
``Content-Range``; a server that ignores ranges is read past the bytes already had), and presenting a list of
split archive parts (``.tar.aa``, ``.tar.ab``) as one continuous read-only stream so that ``tarfile`` can read
them as one archive without the archive ever being written to disk.

No network is touched at import; every request goes to a URL built from a template the user can point
elsewhere with ``base_url`` (the tests serve the sources' real layouts from loopback).
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import os
import time
from collections.abc import Callable, Iterator
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
            return min(exc.wait, self.policy.retry_after_cap_s)
        return backoff

    def _before_sleep(self, state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome is not None else None
        wait = state.next_action.sleep if state.next_action is not None else 0.0
        self.on_event(f"{_describe(exc)}; retry {state.attempt_number}/{self.policy.attempts - 1} in {wait:.1f} s")

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
            raise FetchError(f"{what}: {_describe(exc)} after {self.policy.attempts} attempts") from None

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


def _describe(exc: BaseException | None) -> str:
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


@dataclass
class Part:
    """One piece of a (possibly split) remote file; ``size`` and ``sha256`` when the source publishes them."""

    url: str
    size: int | None = None
    sha256: str | None = None


class RangeStream(io.RawIOBase):
    """Several remote parts read as one byte stream from offset ``start``; cut connections resume by range.

    ``tarfile.open(fileobj=stream, mode="r|")`` reads it sequentially, so a split archive of gigabytes flows
    through a few megabytes of memory. Each part's SHA-256 is checked when the part was read from its first
    byte in this stream and the source published a digest. ``position`` is the offset in the joined stream.
    """

    def __init__(
        self,
        http: Http,
        parts: list[str] | list[Part],
        *,
        start: int = 0,
        on_bytes: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        self.http = http
        self.parts = [p if isinstance(p, Part) else Part(p) for p in parts]
        self.on_bytes = on_bytes or (lambda _n: None)
        self.position = start
        self.resumes = 0
        self._idx = 0
        self._offset = start  # offset within the current part
        # skip whole parts that lie before ``start`` (sizes known), else the server's answer tells the size
        while self._idx < len(self.parts) - 1 and self.parts[self._idx].size is not None:
            size = self.parts[self._idx].size or 0
            if self._offset < size:
                break
            self._offset -= size
            self._idx += 1
        self._response: httpx.Response | None = None
        self._iter: Iterator[bytes] | None = None
        self._buf = b""
        self._hash: Any = None
        self._total: int | None = None
        self._open()

    @property
    def total(self) -> int | None:
        """Bytes still to come from the current part when known (first part only, for a progress bar total)."""
        return self._total

    def readable(self) -> bool:
        return True

    def _open(self) -> None:
        """Open the current part at ``_offset`` with retries; a 200 to a range request is read past the prefix."""
        part = self.parts[self._idx]
        offset = self._offset

        def once() -> tuple[httpx.Response, int]:
            headers = {"Range": f"bytes={offset}-"} if offset else {}
            req = self.http.client.build_request("GET", part.url, headers=headers)
            r = self.http.client.send(req, stream=True)
            try:
                if r.status_code == 416 and part.size is not None and offset >= part.size:
                    return r, 0  # nothing left of this part
                self.http.check(r)
            except BaseException:
                r.close()
                raise
            skip = 0
            if offset and r.status_code == 206:
                got = _content_range_start(r.headers.get("Content-Range"))
                if got is None or got != offset:
                    r.close()
                    raise FetchError(f"{part.url}: asked for byte {offset}, server sent from {got}")
            elif offset:
                skip = offset  # server ignored the range: read past what we already have
            return r, skip

        r, skip = self.http.call(once, part.url)
        self._response = r
        self._iter = r.iter_raw()  # as received: a cut loses nothing already read
        self._hash = hashlib.sha256() if offset == 0 and part.sha256 else self._hash if offset else None
        if r.status_code == 416:
            self._iter = iter(())
        length = r.headers.get("Content-Length")
        if length is not None and length.isdigit():
            self._total = int(length) - skip
            if part.size is None and r.status_code == 200:
                part.size = int(length)
        while skip > 0:
            block = next(self._iter, b"")
            if not block:
                break
            if len(block) > skip:
                self._buf = block[skip:]
                skip = 0
            else:
                skip -= len(block)

    def _next_block(self) -> bytes:
        """The next bytes of the joined stream; b"" at the end of the last part."""
        while True:
            if self._buf:
                block, self._buf = self._buf, b""
                return block
            assert self._iter is not None
            try:
                block = next(self._iter, b"")
            except httpx.TransportError as exc:  # connection cut mid-body: continue from here by range
                self.resumes += 1
                if self.resumes > self.http.policy.attempts * max(1, len(self.parts)):
                    raise FetchError(f"{self.parts[self._idx].url}: too many broken connections ({exc})") from None
                self.http.on_event(f"connection broken at byte {self._offset} ({_describe(exc)}); resuming by range")
                self._close_response()
                self._open()
                continue
            if block:
                return block
            part = self.parts[self._idx]
            if part.size is not None and self._offset < part.size:  # clean close, short body: resume
                self.resumes += 1
                if self.resumes > self.http.policy.attempts * max(1, len(self.parts)):
                    raise FetchError(f"{part.url}: body ended at byte {self._offset} of {part.size}")
                self._close_response()
                self._open()
                continue
            self._finish_part()
            if self._idx + 1 >= len(self.parts):
                return b""
            self._idx += 1
            self._offset = 0
            self._hash = None
            self._open()

    def _finish_part(self) -> None:
        part = self.parts[self._idx]
        self._close_response()
        if self._hash is not None and part.sha256:
            got = self._hash.hexdigest()
            if got != part.sha256.lower():
                raise FetchError(f"{part.url}: checksum mismatch (sha256 {got[:12]}…, published {part.sha256[:12]}…)")
        self._hash = None

    def _close_response(self) -> None:
        if self._response is not None:
            self._response.close()
            self._response = None

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        if size is None or size < 0:
            chunks = []
            while block := self.read(CHUNK):
                chunks.append(block)
            return b"".join(chunks)
        out: list[bytes] = []
        got = 0
        while got < size:
            block = self._next_block()
            if not block:
                break
            need = size - got
            if len(block) > need:
                self._buf = block[need:]
                block = block[:need]
            out.append(block)
            got += len(block)
            self._advance(block)
        return b"".join(out)

    def _advance(self, block: bytes) -> None:
        n = len(block)
        self._offset += n
        self.position += n
        if self._hash is not None:
            self._hash.update(block)
        self.on_bytes(n)

    def readinto(self, b: Any) -> int:
        data = self.read(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._close_response()
        super().close()


def _content_range_start(value: str | None) -> int | None:
    """Start byte of ``Content-Range: bytes 100-199/200``."""
    if not value or not value.startswith("bytes "):
        return None
    first = value[6:].split("-", 1)[0]
    return int(first) if first.isdigit() else None

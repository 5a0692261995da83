"""Several remote parts read as one byte stream, resuming cut connections by HTTP range.

Hand-written because no maintained library joins split archive parts into one sequential stream with range
resume: httpx streams one response, ``tarfile`` reads one file object. This glue presents ``….tar.aa``,
``….tar.ab``, … as one read-only stream, so a split archive of gigabytes flows through ``tarfile`` in stream
mode with a few megabytes of memory and is never written to disk.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from liftwatch.sources.http import CHUNK, FetchError, Http, describe


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
                self.http.on_event(f"connection broken at byte {self._offset} ({describe(exc)}); resuming by range")
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

    def read(self, size: int = -1) -> bytes:
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

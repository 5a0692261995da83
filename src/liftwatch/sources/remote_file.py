"""A remote file read by HTTP range requests, seekable, so that ``zipfile`` can read one member of a large zip
without downloading the rest.

Why by hand: the DMA publishes the years 2006 to early 2024 as one zip a month (tens of GB, one CSV a day inside);
a user asking for three days should not download a month. ``zipfile`` needs only ``seek``/``tell``/``read``:
the directory at the zip's end costs a block or two, then the member's compressed bytes are read in order. No
library in the dependencies offers a seekable HTTP file with the retry policy of :class:`Http` (fsspec's
HTTPFileSystem would bring aiohttp); this is that glue only.

Each block (``block`` bytes, aligned) is one ``Range: bytes=a-b`` request under the retry policy (a connection
cut mid-block is asked again); a server that sends more than asked (an open range) is read only as far as
needed; one that ignores ranges raises :class:`RangesUnsupported` so the caller can download the file instead.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable

import httpx

from liftwatch.io.seekable import SeekableReader, WriteableBuffer
from liftwatch.sources.http import FetchError, Http

_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")


class RangesUnsupported(FetchError):
    """The server answered a range request with the whole file (HTTP 200)."""


class RemoteFile(SeekableReader):
    """Read-only, seekable view of ``url``; blocks of ``block`` bytes, the last ``keep`` blocks cached."""

    def __init__(
        self,
        http: Http,
        url: str,
        *,
        block: int = 8 << 20,
        keep: int = 4,
        on_bytes: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        self.http, self.url, self.block, self.keep = http, url, block, keep
        self.on_bytes = on_bytes or (lambda _n: None)
        self.fetched = 0  # bytes received, for progress and reports
        self._blocks: OrderedDict[int, bytes] = OrderedDict()
        self._pos = 0
        self._size = -1
        self._block(0)  # learns the size (Content-Range) and fails early on 404 or a server without ranges

    @property
    def size(self) -> int:
        return self._size

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        done = 0
        while done < len(view) and self._pos < self._size:
            k, off = divmod(self._pos, self.block)
            data = self._block(k)
            n = min(len(view) - done, len(data) - off)
            if n <= 0:
                break
            view[done : done + n] = data[off : off + n]
            done += n
            self._pos += n
        return done

    def _block(self, k: int) -> bytes:
        data = self._blocks.get(k)
        if data is not None:
            self._blocks.move_to_end(k)
            return data
        start = k * self.block
        want = self.block if self._size < 0 else min(self.block, self._size - start)
        fresh: bytes = self.http.call(lambda: self._get(start, want), self.url)
        self._blocks[k] = fresh
        while len(self._blocks) > self.keep:
            self._blocks.popitem(last=False)
        return fresh

    def _get(self, start: int, want: int) -> bytes:
        headers = {"Range": f"bytes={start}-{start + want - 1}"}
        req = self.http.client.build_request("GET", self.url, headers=headers)
        r = self.http.client.send(req, stream=True)
        try:
            self.http.check(r)
            if r.status_code != 206:
                raise RangesUnsupported(f"{self.url}: the server ignores range requests (HTTP {r.status_code})")
            m = _CONTENT_RANGE.match(r.headers.get("Content-Range", ""))
            if m is None or int(m.group(1)) != start:
                got_range = r.headers.get("Content-Range")
                raise FetchError(f"{self.url}: asked for byte {start}, got Content-Range {got_range!r}")
            if m.group(3) != "*":
                self._size = int(m.group(3))
            if self._size >= 0:
                want = min(want, self._size - start)
            chunks: list[bytes] = []
            got = 0
            for chunk in r.iter_raw():
                chunks.append(chunk)
                got += len(chunk)
                if got >= want:
                    break
        finally:
            r.close()
        data = b"".join(chunks)[:want]
        if len(data) < want:  # the body stopped early without an error: ask again (the retry policy decides)
            raise httpx.ReadError(f"{self.url}: got {len(data)} of {want} bytes from {start}")
        self.fetched += len(data)
        self.on_bytes(len(data))
        return data

"""Line-aligned chunks of a (possibly compressed) text file, with the physical line number each starts at.

The readers of line-based formats (CSV, SBS, NMEA, hex dumps) go through here so that memory stays bounded
whatever the file size, every reject can name its line, and the hostile cases are handled once: lines longer
than :data:`MAX_LINE_BYTES` are rejected (not buffered), CR/CRLF and invalid UTF-8 are normalised, and a
compressed file damaged mid-way keeps everything decoded before the damage (:mod:`liftwatch.io.decompress`):
the line the damage cut in two is rejected, and one reject records the byte offset of the damage. Chunks of
CSV are parsed with :func:`parse_chunk` (:mod:`liftwatch.io.chunkcsv`); both modules' names are importable
from here too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from liftwatch.errors import UnreadableFileError
from liftwatch.errors import one_line as one_line
from liftwatch.io.base import RejectLog
from liftwatch.io.chunkcsv import FALSE_VALUES, NULL_VALUES, TRUE_VALUES, ParsedChunk, parse_chunk
from liftwatch.io.decompress import Damaged, decoded_pieces, head_bytes, read_text

# re-exported: the readers import the CSV parse and the decompression from here
__all__ = [
    "FALSE_VALUES",
    "MAX_CHUNK_BYTES",
    "MAX_LINE_BYTES",
    "MIN_CHUNK_BYTES",
    "NULL_VALUES",
    "TRUE_VALUES",
    "Chunk",
    "Damaged",
    "ParsedChunk",
    "chunk_bytes_for",
    "decoded_pieces",
    "head_bytes",
    "iter_chunks",
    "one_line",
    "parse_chunk",
    "read_text",
]

MIN_CHUNK_BYTES = 1 << 16
MAX_CHUNK_BYTES = 8 << 20  # small chunks stay in cache and avoid page-faulting huge fresh buffers: ~35% less CPU
MAX_LINE_BYTES = 1 << 24  # a "line" longer than 16 MiB is not text we can use


@dataclass
class Chunk:
    """Whole lines of a file; ``first_line`` is the 1-based physical line number of ``data``'s first line."""

    data: bytes
    first_line: int

    @cached_property
    def n_lines(self) -> int:
        """Physical lines in ``data`` (a last line without newline counts), counted once per chunk."""
        d = self.data
        return d.count(b"\n") + (1 if d and not d.endswith(b"\n") else 0)


def _clean(data: bytes) -> bytes:
    """Make a chunk safe for the CSV parser: CRLF -> LF, lone CR -> space, invalid UTF-8 -> U+FFFD.

    Lone carriage returns would otherwise count as line breaks for pyarrow but not for us; invalid UTF-8 would
    make pyarrow fail the whole chunk instead of the one broken field.
    """
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b" ")
    if not data.isascii():
        data = data.decode("utf-8", "replace").encode("utf-8")
    return data


def iter_chunks(path: str, chunk_bytes: int, rejects: RejectLog) -> Iterator[Chunk]:
    """Yield line-aligned, cleaned chunks of about ``chunk_bytes`` decompressed bytes each."""
    size = max(int(chunk_bytes), MIN_CHUNK_BYTES)
    pieces = decoded_pieces(path)
    line = 1
    decoded = 0
    pending = b""
    want = size  # bytes to gather before looking for the last newline
    while True:
        parts = [pending]
        got = len(pending)
        error: str | None = None
        eof = False
        while got < want:
            try:
                block = next(pieces)
            except StopIteration:
                eof = True
                break
            except Damaged as exc:
                error = str(exc)
                break
            if decoded == 0 and block.startswith(b"\xef\xbb\xbf"):
                block = block[3:]
            decoded += len(block)
            parts.append(block)
            got += len(block)
        buf = b"".join(parts)
        if error is not None:
            if decoded == 0:
                raise UnreadableFileError(path, f"cannot decompress: {one_line(error)}")
            rejects.add(path, f"byte {decoded}", "compressed data truncated or corrupt; rest of file lost", error)
            keep = buf[: buf.rfind(b"\n") + 1]
            tail = buf[len(keep) :]
            if tail.strip():
                cut = tail[:200].decode("utf-8", "replace")
                cut_line = line + keep.count(b"\n")
                rejects.add(path, f"line {cut_line}", "line cut by damaged compressed data", cut)
            if keep:
                yield Chunk(_clean(keep), line)
            return
        first_nl = buf.find(b"\n")
        if first_nl > MAX_LINE_BYTES or (first_nl < 0 and len(buf) > MAX_LINE_BYTES):
            sample = buf[:200].decode("utf-8", "replace")
            rejects.add(path, f"line {line}", f"line longer than {MAX_LINE_BYTES} bytes", sample)
            line += 1
            pending = buf[first_nl + 1 :] if first_nl >= 0 else (b"" if eof else _skip_to_newline(pieces))
            want = size
            if eof and not pending:
                return
            continue
        if eof:
            if buf:
                yield from _without_long_lines(buf, line, path, rejects)
            return
        cut_at = buf.rfind(b"\n")
        if cut_at < 0:
            # no newline yet: gather more (doubling, up to the line limit) before looking again, so a long line
            # ends or reaches the MAX_LINE_BYTES guard instead of being re-examined forever
            pending = buf
            want = min(max(size, 2 * len(buf)), MAX_LINE_BYTES + 1)
            continue
        want = size
        data = buf[: cut_at + 1]
        pending = buf[cut_at + 1 :]
        yield from _without_long_lines(data, line, path, rejects)
        line += data.count(b"\n")


def _without_long_lines(data: bytes, first_line: int, path: str, rejects: RejectLog) -> Iterator[Chunk]:
    """``data`` as cleaned chunks, each line over MAX_LINE_BYTES rejected (only a buffer longer than the limit
    can hold one, so the usual chunk costs one length test)."""
    if len(data) <= MAX_LINE_BYTES:
        yield Chunk(_clean(data), first_line)
        return
    buf = np.frombuffer(data, dtype=np.uint8)
    nl = np.flatnonzero(buf == 10)
    ends = nl if data.endswith(b"\n") else np.append(nl, len(data))
    starts = np.concatenate([[0], ends[:-1] + 1])
    start = 0
    for k in np.flatnonzero(ends - starts > MAX_LINE_BYTES):
        a, z = int(starts[k]), int(ends[k])
        if a > start:
            yield Chunk(_clean(data[start:a]), first_line + data.count(b"\n", 0, start))
        sample = data[a : a + 200].decode("utf-8", "replace")
        rejects.add(path, f"line {first_line + int(k)}", f"line longer than {MAX_LINE_BYTES} bytes", sample)
        start = z + 1
    if start < len(data):
        yield Chunk(_clean(data[start:]), first_line + data.count(b"\n", 0, start))


def _skip_to_newline(pieces: Iterator[bytes]) -> bytes:
    """Discard bytes up to and including the next newline; return what follows it.

    Damage met while skipping ends the skip like the end of the file: the over-long line is rejected already.
    """
    try:
        for block in pieces:
            nl = block.find(b"\n")
            if nl >= 0:
                return block[nl + 1 :]
    except Damaged:
        return b""
    return b""


def chunk_bytes_for(batch_rows: int, head: bytes) -> int:
    """Byte size of a chunk holding about ``batch_rows`` lines, from the line length seen in ``head``."""
    lines = head.count(b"\n")
    avg = len(head) / lines if lines else 200.0
    return min(MAX_CHUNK_BYTES, max(MIN_CHUNK_BYTES, int(batch_rows * avg)))

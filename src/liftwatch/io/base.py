"""What every reader shares: transparent decompression, reject bookkeeping and the reader contract.

A reader is a module exposing ``FORMAT`` (a short name), ``sniff(head: bytes, path: str) -> bool`` and
``read(path, rejects, batch_rows) -> Iterator[pa.Table]`` yielding tables in the canonical point schema
(``liftwatch.schema.POINT_SCHEMA``). Bad rows never raise: they go to the :class:`RejectLog` with their file,
line (or byte offset / point index) and a reason, and the good rows around them are kept. Only a file that
cannot be read at all raises :class:`~liftwatch.errors.UnreadableFileError`.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io import packed_csv, zstd

DEFAULT_BATCH_ROWS = 500_000
MAX_REJECT_SAMPLES = 1000

_MAGIC = {b"\x1f\x8b": "gzip", b"BZh": "bz2", b"\xfd7zXZ\x00": "xz", zstd.MAGIC: "zstd"}

# Whole-document formats (trace JSON, aircraft.json, tar members) must be held decompressed to be parsed; this
# bounds that (1 MB of gzip can expand to GBs). Line formats stream and need no bound.
ENV_MAX_DOCUMENT = "LIFTWATCH_MAX_DOCUMENT"
DEFAULT_MAX_DOCUMENT = 256 << 20
_UNITS = {"": 1, "B": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def max_document_bytes() -> int:
    """Largest decompressed size of one JSON document or tar member (``LIFTWATCH_MAX_DOCUMENT``, e.g. ``1GiB``)."""
    text = os.environ.get(ENV_MAX_DOCUMENT, "").strip().upper().replace("IB", "").replace("B", "")
    if not text:
        return DEFAULT_MAX_DOCUMENT
    num, unit = text[:-1] if text[-1] in _UNITS else text, text[-1] if text[-1] in _UNITS else ""
    try:
        return max(1, int(float(num) * _UNITS[unit]))
    except ValueError:
        raise UnreadableFileError(ENV_MAX_DOCUMENT, f"expected a size such as 512MiB or 2GB, got {text!r}") from None


def compression_of(head: bytes) -> str | None:
    """Name of the compression whose magic number starts ``head``, or None."""
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return name
    return None


def open_binary(path: str | os.PathLike[str]) -> IO[bytes]:
    """Open a file for reading bytes, decompressing gzip/bz2/xz/zstd by content (not by extension)."""
    p = Path(path)
    try:
        raw = p.open("rb")
    except OSError as exc:
        raise UnreadableFileError(str(p), exc.strerror or str(exc)) from None
    head = raw.read(6)
    raw.seek(0)
    kind = compression_of(head)
    if kind == "gzip":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if kind == "bz2":
        return bz2.BZ2File(raw)
    if kind == "xz":
        return lzma.LZMAFile(raw)
    if kind == "zstd":
        return zstd.ZstdFile(raw)  # type: ignore[return-value]
    return raw


def read_head(path: str | os.PathLike[str], n: int = 4096) -> bytes:
    """First ``n`` decompressed bytes of a file (for format sniffing).

    A truncated compressed stream still yields what decompresses (so a cut-off trace is recognised and salvaged
    by its reader); a stream corrupt from its start gives empty bytes.
    """
    p = Path(path)
    with p.open("rb") as raw:
        head = raw.read(512)
        kind = compression_of(head)
        if kind == "gzip":
            raw.seek(0)
            return _gzip_head(iter(lambda: raw.read(65536), b""), n)
        if kind is not None:  # bz2, xz, zstd: the salvaging decoder (a file object drops a cut stream's bytes)
            return _decoded_head(p, n)
        packed = packed_csv.kind_of(head)
        if packed is not None:
            raw.seek(0)
            if packed_csv.carries_csv(raw, packed):  # an OpenSky hourly tar, a day of AIS: the CSV's head
                return _decoded_head(p, n)
        raw.seek(0)
        return raw.read(n)


def _decoded_head(path: Path, n: int) -> bytes:
    from liftwatch.io.decompress import head_bytes  # it reads with this module's helpers

    try:
        return head_bytes(path, n)
    except UnreadableFileError:
        return b""


def head_of_bytes(data: bytes, path: str | os.PathLike[str], n: int = 4096) -> bytes:
    """:func:`read_head` of a file whose raw bytes ``data`` are in memory already (gzip and plain files are
    not read again; bz2/xz are read by :func:`read_head`)."""
    kind = compression_of(data[:6])
    if kind is None:
        return read_head(path, n) if packed_csv.kind_of(data[:512]) else data[:n]
    if kind == "gzip":
        return _gzip_head((data[i : i + 65536] for i in range(0, len(data), 65536)), n)
    return read_head(path, n)


def _gzip_head(chunks: Iterable[bytes], n: int) -> bytes:
    """First ``n`` bytes inflated from gzip ``chunks``; what decompressed before a damaged or cut stream."""
    d = zlib.decompressobj(wbits=31)
    out = b""
    try:
        for chunk in chunks:
            out += d.decompress(chunk, n - len(out))
            if len(out) >= n:
                break
    except zlib.error:
        pass
    return out[:n]


def read_all_bytes(path: str | os.PathLike[str]) -> bytes:
    """Whole decompressed content (at most :func:`max_document_bytes`); a corrupt or truncated archive, or one
    that expands beyond the limit, is an unreadable file."""
    limit = max_document_bytes()
    with open_binary(path) as fh:
        try:
            data = fh.read(limit + 1)
        except (OSError, EOFError, lzma.LZMAError, zstd.ZstdError) as exc:
            raise UnreadableFileError(str(path), f"cannot decompress: {exc}") from None
    if len(data) > limit:
        raise UnreadableFileError(str(path), f"more than {limit >> 20} MiB decompressed (raise {ENV_MAX_DOCUMENT})")
    return data


@dataclass(frozen=True)
class Reject:
    """One rejected row: where it was and why."""

    path: str
    location: str  # "line 12", "byte 4096", "point 7"
    reason: str
    raw: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.location}: {self.reason}"


@dataclass
class RejectLog:
    """Counts rejects by reason and keeps the first samples (bounded memory on hostile input).

    ``notes`` counts rows that were *kept* but deserve a mention (e.g. a tag block accepted unverified); they
    are not rejects and do not enter :attr:`total`.
    """

    max_samples: int = MAX_REJECT_SAMPLES
    counts: Counter[str] = field(default_factory=Counter)
    samples: list[Reject] = field(default_factory=list)
    notes: Counter[str] = field(default_factory=Counter)

    def add(self, path: str, location: str, reason: str, raw: str = "") -> None:
        self.counts[reason] += 1
        if len(self.samples) < self.max_samples:
            self.samples.append(Reject(str(path), location, reason, raw[:200]))

    def add_many(self, path: str, locations: Iterable[str], reason: str, count: int | None = None) -> None:
        """Record a vectorised mask of rejects; only up to ``max_samples`` locations are materialised."""
        n = 0
        for loc in locations:
            if len(self.samples) >= self.max_samples:
                break
            self.samples.append(Reject(str(path), loc, reason))
            n += 1
        self.counts[reason] += count if count is not None else n

    def note(self, what: str, count: int = 1) -> None:
        """Count kept rows that carry a caveat (not a reject)."""
        self.notes[what] += count

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def ignored(self) -> int:
        """Rows a format legitimately skips (reasons starting with "ignored": no position in them), not problems."""
        return sum(n for reason, n in self.counts.items() if reason.startswith("ignored"))

    def merge(self, other: RejectLog) -> None:
        self.counts.update(other.counts)
        self.notes.update(other.notes)
        room = self.max_samples - len(self.samples)
        self.samples.extend(other.samples[: max(room, 0)])


class NothingKeptError(UnreadableFileError):
    """Nothing of a file was kept and rows were rejected: a total loss, reported with its reject log.

    ``rejects`` lets the ingest summary show every reason although the file failed; ``format`` is the reader
    that tried. Raised by :func:`liftwatch.io.read`.
    """

    def __init__(self, path: str, reason: str, format: str, rejects: RejectLog) -> None:
        super().__init__(path, reason)
        self.format = format
        self.rejects = rejects


class ReaderModule(Protocol):
    """The module-level interface each reader implements (see module docstring)."""

    FORMAT: str

    def sniff(self, head: bytes, path: str) -> bool: ...

    def read(self, path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]: ...

"""Decompressed bytes of a (possibly compressed) file, in pieces, salvaging everything before any damage.

A compressed stream that is cut short or corrupt mid-way is salvaged: every byte decoded before the damage
comes out, then :class:`Damaged` says where the stream broke (the readers keep what they got and record one
reject with the byte offset). Only a file from which nothing at all can be decoded is an
:class:`~liftwatch.errors.UnreadableFileError`. gzip (multi-member), bz2, xz and zstd are recognised by content,
whatever the file is called.
"""

from __future__ import annotations

import bz2
import lzma
import os
import zlib
from collections.abc import Generator, Iterator
from typing import IO, Any

from liftwatch.errors import UnreadableFileError, one_line
from liftwatch.io import packed_csv, zstd
from liftwatch.io.base import compression_of

_PIECE = 1 << 18  # decompressed bytes per read call
# raw bytes per read of an archive member: a read that meets the end of a cut tar raises and returns nothing,
# so small reads lose at most this much before the cut
_MEMBER_READ = 1 << 14
_DECOMPRESS_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError, zstd.ZstdError, ValueError)


class Damaged(Exception):
    """The compressed stream ended early or is corrupt; everything before was already yielded."""


def decoded_pieces(path: str) -> Generator[bytes, None, None]:
    """Decompressed bytes of a file in pieces; gzip (multi-member), bz2, xz and zstd (multi-frame) are detected by content.

    Hand-rolled over ``zlib``/``bz2``/``lzma`` decompressor objects rather than ``gzip.GzipFile`` because the file
    objects drop the bytes they decoded in a call that then hits the damage; here every decodable byte comes out
    before :class:`Damaged` is raised. Output per step is capped, so a decompression bomb costs no more memory
    than any other piece. A tar or zip carrying CSV files (:mod:`liftwatch.io.packed_csv`) yields its CSV members'
    bytes.
    """
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        raise UnreadableFileError(path, one_line(exc.strerror or exc)) from None
    try:
        try:
            head = raw.read(512)
            raw.seek(0)
            packed = packed_csv.kind_of(head)
            if packed is not None and not packed_csv.carries_csv(raw, packed):
                packed = None
            raw.seek(0)
        except OSError as exc:
            raise UnreadableFileError(path, one_line(exc.strerror or exc)) from None
        if packed is not None:
            yield from _packed_pieces(raw, packed)
            return
        kind = compression_of(head)
        if kind is None:
            while block := raw.read(_PIECE):
                yield block
            return
        yield from _decompress(raw, kind)
    finally:
        raw.close()


def _packed_pieces(raw: IO[bytes], kind: str) -> Iterator[bytes]:
    """The decompressed bytes of each CSV member of a tar or zip, one member after the other."""
    try:
        for member in packed_csv.csv_members(raw, kind):
            yield from _stream_pieces(member)
    except packed_csv.NotCsvMember as exc:
        raise Damaged(str(exc)) from None
    except packed_csv.ARCHIVE_ERRORS as exc:
        raise Damaged(f"{kind} archive truncated or corrupt: {one_line(exc)}") from None


def _stream_pieces(stream: IO[bytes]) -> Iterator[bytes]:
    """Decompressed pieces of a stream that cannot seek back (a tar member), compression told by content."""
    first = stream.read(_MEMBER_READ)
    kind = compression_of(first[:6])
    if kind is None:
        if first:
            yield first
        while block := stream.read(_MEMBER_READ):
            yield block
        return
    yield from _decompress(_Prefixed(first, stream), kind)


class _Prefixed:
    """``read`` of bytes already taken from a stream, then of the stream itself."""

    def __init__(self, first: bytes, stream: IO[bytes]) -> None:
        self._first, self._stream = first, stream

    def read(self, n: int) -> bytes:
        if self._first:
            out, self._first = self._first, b""
            return out
        return self._stream.read(min(n, _MEMBER_READ))


def _new_decompressor(kind: str) -> Any:
    if kind == "gzip":
        return zlib.decompressobj(wbits=31)
    if kind == "zstd":
        return zstd.ZstdDecompressor()
    return bz2.BZ2Decompressor() if kind == "bz2" else lzma.LZMADecompressor()


def _decompress(raw: Any, kind: str) -> Iterator[bytes]:
    d = _new_decompressor(kind)
    fed = False  # the current decompressor has been given data
    while True:
        comp = raw.read(_PIECE)
        if not comp:
            break
        while comp:
            fed = True
            try:
                if kind == "gzip":
                    out = d.decompress(comp, _PIECE)
                    comp = d.unconsumed_tail
                    if out:
                        yield out
                    while not comp and not d.eof and (out := d.decompress(b"", _PIECE)):
                        yield out  # drain output still buffered inside zlib
                else:
                    out = d.decompress(comp, _PIECE)
                    comp = b""
                    if out:
                        yield out
                    while not d.eof and not d.needs_input:
                        out = d.decompress(b"", _PIECE)
                        if out:
                            yield out
            except _DECOMPRESS_ERRORS as exc:
                raise Damaged(f"{kind} data corrupt: {one_line(exc)}") from None
            if d.eof:
                rest = d.unused_data
                d = _new_decompressor(kind)
                fed = False
                if not rest.strip(b"\x00"):
                    break  # trailing padding after the last member
                comp = rest
    if fed and not d.eof:
        raise Damaged(f"{kind} data truncated (file ends before the end-of-stream marker)")


def head_bytes(path: str | os.PathLike[str], n: int = 65536) -> bytes:
    """First ``n`` decompressed bytes, for layout detection.

    A damaged archive may still have a readable beginning, which is returned; only a file with no readable
    beginning at all raises UnreadableFileError.
    """
    out = bytearray()
    p = os.fspath(path)
    pieces = decoded_pieces(p)
    try:
        for block in pieces:
            out += block
            if len(out) >= n:
                break
    except Damaged as exc:
        if not out:
            raise UnreadableFileError(p, f"cannot decompress: {one_line(exc)}") from None
    finally:
        pieces.close()
    return bytes(out[:n])


def read_text(path: str, limit: int) -> bytes:
    """The whole decompressed content of a small document; damaged or larger than ``limit`` is unreadable."""
    out = bytearray()
    try:
        for piece in decoded_pieces(path):
            out += piece
            if len(out) > limit:
                raise UnreadableFileError(path, f"larger than {limit >> 20} MiB decompressed; not a single document")
    except Damaged as exc:
        raise UnreadableFileError(path, f"cannot decompress: {one_line(exc)}") from None
    return bytes(out)

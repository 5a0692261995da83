"""Line-aligned chunks of a (possibly compressed) text file, parsed as CSV with exact physical line numbers.

Why hand-written around pyarrow rather than ``pyarrow.csv.open_csv`` alone: the streaming reader stops for good at
the first conversion error, and when multi-threaded it cannot say on which line a malformed row was. Our readers
must quarantine bad lines *by line number* and keep the good ones. So the decompressed stream is cut into
line-aligned byte chunks (bounded memory), each chunk is parsed by pyarrow's single-threaded C++ CSV parser
(whose ``invalid_row_handler`` numbers the rows it skips), and the row -> line mapping is rebuilt with NumPy only
when a chunk had blank or malformed lines. A chunk whose typed parse fails is parsed again as plain text by the
caller, which then converts columns with Polars and rejects exactly the unparsable rows.

A compressed stream that is cut short or corrupt mid-way is salvaged: everything decoded before the damage is
kept, the line the damage cut in two is rejected, and one reject records the byte offset of the damage. Only a
file from which nothing at all can be decoded is an :class:`~liftwatch.errors.UnreadableFileError`.
"""

from __future__ import annotations

import bz2
import lzma
import os
import zlib
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from liftwatch.errors import UnreadableFileError
from liftwatch.errors import one_line as one_line  # re-exported: the readers import it from here
from liftwatch.io.base import RejectLog, compression_of

# Text that means "no value" in the CSV dialects we meet (pandas, Trino/Impala CLI, Python str(None), MySQL dumps).
# "NaN" is deliberately *not* here: a NaN latitude is a broken value to reject, not a missing one.
NULL_VALUES = ["", "NULL", "null", "None", "none", "\\N"]
TRUE_VALUES = ["1", "-1", "true", "True", "TRUE", "t", "T"]
FALSE_VALUES = ["0", "false", "False", "FALSE", "f", "F"]
MIN_CHUNK_BYTES = 1 << 16
MAX_CHUNK_BYTES = 8 << 20  # small chunks stay in cache and avoid page-faulting huge fresh buffers: ~35% less CPU
MAX_LINE_BYTES = 1 << 24  # a "line" longer than 16 MiB is not text we can use
_PIECE = 1 << 18  # decompressed bytes per read call
_DECOMPRESS_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError, ValueError)


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


class _Damaged(Exception):
    """The compressed stream ended early or is corrupt; everything before was already yielded."""


Damaged = _Damaged  # public name for readers that consume ``decoded_pieces`` themselves


def decoded_pieces(path: str) -> Generator[bytes, None, None]:
    """Decompressed bytes of a file in pieces; gzip (multi-member), bz2 and xz are detected by content.

    Hand-rolled over ``zlib``/``bz2``/``lzma`` decompressor objects rather than ``gzip.GzipFile`` because the file
    objects drop the bytes they decoded in a call that then hits the damage; here every decodable byte comes out
    before :class:`_Damaged` is raised. Output per step is capped, so a decompression bomb costs no more memory
    than any other piece.
    """
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        raise UnreadableFileError(path, one_line(exc.strerror or exc)) from None
    try:
        try:
            head = raw.read(6)
            raw.seek(0)
        except OSError as exc:
            raise UnreadableFileError(path, one_line(exc.strerror or exc)) from None
        kind = compression_of(head)
        if kind is None:
            while block := raw.read(_PIECE):
                yield block
            return
        yield from _decompress(raw, kind)
    finally:
        raw.close()


def _new_decompressor(kind: str) -> Any:
    if kind == "gzip":
        return zlib.decompressobj(wbits=31)
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
                raise _Damaged(f"{kind} data corrupt: {one_line(exc)}") from None
            if d.eof:
                rest = d.unused_data
                d = _new_decompressor(kind)
                fed = False
                if not rest.strip(b"\x00"):
                    break  # trailing padding after the last member
                comp = rest
    if fed and not d.eof:
        raise _Damaged(f"{kind} data truncated (file ends before the end-of-stream marker)")


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
            except _Damaged as exc:
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
    except _Damaged:
        return b""
    return b""


@dataclass
class ParsedChunk:
    """A parsed chunk: the table, the physical line of each row, and the lines pyarrow could not split."""

    table: pa.Table
    lines: np.ndarray  # int64, one per table row
    invalid_lines: list[int] = field(default_factory=list)
    invalid_text: list[str] = field(default_factory=list)
    invalid_fields: list[int] = field(default_factory=list)
    quote_lines: list[int] = field(default_factory=list)  # lines blanked for an unbalanced quote


def parse_chunk(
    chunk: Chunk,
    names: Sequence[str],
    types: dict[str, pa.DataType],
    include: Sequence[str] | None = None,
    *,
    quoted: bool = True,
) -> ParsedChunk:
    """Parse one chunk with the given column names and types (single-threaded pyarrow).

    Raises ``pa.ArrowInvalid`` when a value does not convert to its column type; the caller then parses the
    chunk again with string columns. Rows with the wrong number of fields never raise: they are returned in
    ``invalid_*`` with their physical line numbers.
    """
    table, bad_numbers, bad_text, bad_fields = _read_csv(chunk.data, names, types, include, quoted)
    n = table.num_rows
    if not bad_numbers and n == chunk.n_lines:
        return ParsedChunk(table, np.arange(chunk.first_line, chunk.first_line + n, dtype=np.int64))
    data = chunk.data
    nonblank = _nonblank_lines(data)
    quote_lines: list[int] = []
    if quoted and n + len(bad_numbers) != nonblank.size and b'"' in data:
        # An unbalanced quote makes pyarrow run the field on over the following lines (to the end of the chunk):
        # blank out the lines with an odd number of quotes and parse again, so each costs only itself.
        data, odd = _neutralise_unbalanced_quotes(data)
        quote_lines = (odd + chunk.first_line).tolist()
        table, bad_numbers, bad_text, bad_fields = _read_csv(data, names, types, include, quoted)
        n = table.num_rows
    nonblank = nonblank + chunk.first_line  # physical line numbers of the lines pyarrow saw
    numbers = np.asarray(bad_numbers, dtype=np.int64)  # 1-based among non-blank lines
    known = (numbers >= 1) & (numbers <= nonblank.size)
    keep = np.ones(nonblank.size, dtype=bool)
    keep[numbers[known] - 1] = False
    lines = nonblank[keep]
    bad_lines = np.where(known, nonblank[np.clip(numbers - 1, 0, max(nonblank.size - 1, 0))], -1)
    if lines.size != n:  # should not happen; never misattribute a line number silently
        lines = np.full(n, -1, dtype=np.int64)
    return ParsedChunk(table, lines, bad_lines.tolist(), bad_text, bad_fields, quote_lines)


def _read_csv(
    data: bytes, names: Sequence[str], types: dict[str, pa.DataType], include: Sequence[str] | None, quoted: bool
) -> tuple[pa.Table, list[int], list[str], list[int]]:
    bad_numbers: list[int] = []
    bad_text: list[str] = []
    bad_fields: list[int] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        bad_numbers.append(row.number if row.number is not None else -1)
        bad_text.append(row.text)
        bad_fields.append(row.actual_columns)
        return "skip"

    table = pacsv.read_csv(
        pa.py_buffer(data),
        # one block for the whole chunk: a row longer than the block size would fail the whole chunk
        read_options=pacsv.ReadOptions(
            use_threads=False, column_names=list(names), block_size=max(1 << 22, len(data) + 1)
        ),
        parse_options=pacsv.ParseOptions(
            quote_char='"' if quoted else False,
            newlines_in_values=False,
            ignore_empty_lines=True,
            invalid_row_handler=on_invalid,
        ),
        convert_options=pacsv.ConvertOptions(
            column_types=types,
            include_columns=list(include) if include is not None else [],
            null_values=NULL_VALUES,
            true_values=TRUE_VALUES,
            false_values=FALSE_VALUES,
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
        ),
    )
    return table, bad_numbers, bad_text, bad_fields


def _neutralise_unbalanced_quotes(data: bytes) -> tuple[bytes, np.ndarray]:
    """Replace every line holding an odd number of ``"`` by spaces; return the data and those 0-based lines."""
    buf = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(buf == 34)
    nl = np.flatnonzero(buf == 10)
    ends = nl if data.endswith(b"\n") else np.append(nl, len(data))
    starts = np.concatenate([[0], ends[:-1] + 1]) if ends.size else ends
    per_line = np.searchsorted(quotes, ends) - np.searchsorted(quotes, starts)
    odd = np.flatnonzero(per_line % 2 == 1)
    if not odd.size:
        return data, odd
    marks = np.zeros(len(data) + 1, dtype=np.int32)
    np.add.at(marks, starts[odd], 1)
    np.add.at(marks, ends[odd], -1)
    out = buf.copy()
    out[np.cumsum(marks[:-1]) > 0] = 32
    return out.tobytes(), odd


def _nonblank_lines(data: bytes) -> np.ndarray:
    """0-based indices of the non-empty lines of ``data`` (LF line ends), vectorised."""
    buf = np.frombuffer(data, dtype=np.uint8)
    nl = np.flatnonzero(buf == 10)
    ends = nl if data.endswith(b"\n") else np.append(nl, len(data))
    starts = np.empty_like(ends)
    if ends.size:
        starts[0] = 0
        starts[1:] = nl[: ends.size - 1] + 1
    return np.flatnonzero(ends > starts).astype(np.int64)


def chunk_bytes_for(batch_rows: int, head: bytes) -> int:
    """Byte size of a chunk holding about ``batch_rows`` lines, from the line length seen in ``head``."""
    lines = head.count(b"\n")
    avg = len(head) / lines if lines else 200.0
    return min(MAX_CHUNK_BYTES, max(MIN_CHUNK_BYTES, int(batch_rows * avg)))


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
    except _Damaged as exc:
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
    except _Damaged as exc:
        raise UnreadableFileError(path, f"cannot decompress: {one_line(exc)}") from None
    return bytes(out)

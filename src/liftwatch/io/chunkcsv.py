"""One chunk of CSV text parsed by pyarrow, with the exact physical line of every row and of every bad line.

Why hand-written around pyarrow rather than ``pyarrow.csv.open_csv`` alone: the streaming reader stops for good at
the first conversion error, and when multi-threaded it cannot say on which line a malformed row was. Our readers
must quarantine bad lines *by line number* and keep the good ones. So each line-aligned chunk
(:mod:`liftwatch.io.textchunks`) is parsed by pyarrow's single-threaded C++ CSV parser (whose
``invalid_row_handler`` numbers the rows it skips), and the row -> line mapping is rebuilt with NumPy only
when a chunk had blank or malformed lines. A chunk whose typed parse fails is parsed again as plain text by the
caller, which then converts columns with Polars and rejects exactly the unparsable rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

if TYPE_CHECKING:
    from liftwatch.io.textchunks import Chunk

# Text that means "no value" in the CSV dialects we meet (pandas, Trino/Impala CLI, Python str(None), MySQL dumps).
# "NaN" is deliberately *not* here: a NaN latitude is a broken value to reject, not a missing one.
NULL_VALUES = ["", "NULL", "null", "None", "none", "\\N"]
TRUE_VALUES = ["1", "-1", "true", "True", "TRUE", "t", "T"]
FALSE_VALUES = ["0", "false", "False", "FALSE", "f", "F"]


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
    delimiter: str = ",",
) -> ParsedChunk:
    """Parse one chunk with the given column names and types (single-threaded pyarrow).

    Raises ``pa.ArrowInvalid`` when a value does not convert to its column type; the caller then parses the
    chunk again with string columns. Rows with the wrong number of fields never raise: they are returned in
    ``invalid_*`` with their physical line numbers.
    """
    table, bad_numbers, bad_text, bad_fields = _read_csv(chunk.data, names, types, include, quoted, delimiter)
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
        table, bad_numbers, bad_text, bad_fields = _read_csv(data, names, types, include, quoted, delimiter)
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
    data: bytes,
    names: Sequence[str],
    types: dict[str, pa.DataType],
    include: Sequence[str] | None,
    quoted: bool,
    delimiter: str = ",",
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
            delimiter=delimiter,
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

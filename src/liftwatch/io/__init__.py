"""Readers for navigation data formats, all emitting the canonical point schema.

``read(path)`` picks the reader by content sniffing (``format=`` overrides) and yields record batches, so
files far larger than memory stream through.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from types import ModuleType
from typing import cast

import pyarrow as pa

from liftwatch.errors import UnknownFormatError, UnreadableFileError
from liftwatch.io import aircraft_json, ais_csv, ais_nmea, opensky, raw_modes, readsb_trace, sbs
from liftwatch.io.base import DEFAULT_BATCH_ROWS, ReaderModule, RejectLog, read_head

# Order matters: more specific sniffers first.
READERS: tuple[ModuleType, ...] = (opensky, readsb_trace, aircraft_json, sbs, raw_modes, ais_nmea, ais_csv)


def readers() -> dict[str, ReaderModule]:
    """Available readers by format name."""
    out: dict[str, ReaderModule] = {}
    for mod in READERS:
        formats = getattr(mod, "FORMATS", None) or (mod.FORMAT,)
        for fmt in formats:
            out[fmt] = cast(ReaderModule, mod)
    return out


def detect_format(path: str | os.PathLike[str]) -> str:
    """Name of the format of ``path``, by content; raises UnknownFormatError."""
    p = os.fspath(path)
    if os.path.isdir(p):
        return aircraft_json.FORMAT
    if not os.path.exists(p):
        raise UnreadableFileError(p, "no such file")
    head = read_head(p)
    if not head.strip():
        raise UnknownFormatError(p, "file is empty")
    for mod in READERS:
        detected = mod.sniff(head, p)
        if detected:
            return detected if isinstance(detected, str) else cast(str, mod.FORMAT)
    raise UnknownFormatError(p, "unrecognised format (use --format to choose a reader)")


def read(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    rejects: RejectLog | None = None,
    batch_rows: int = DEFAULT_BATCH_ROWS,
) -> Iterator[pa.Table]:
    """Stream canonical point tables from one file (or an aircraft.json directory)."""
    p = os.fspath(path)
    fmt = format or detect_format(p)
    table = readers()
    if fmt not in table:
        raise UnknownFormatError(p, f"unknown format {fmt!r}; known: {', '.join(sorted(table))}")
    log = rejects if rejects is not None else RejectLog()
    mod = table[fmt]
    reader = getattr(mod, "read_format", None)
    if reader is not None:
        yield from reader(p, fmt, log, batch_rows)
    else:
        yield from mod.read(p, log, batch_rows)


__all__ = ["RejectLog", "detect_format", "read", "readers"]

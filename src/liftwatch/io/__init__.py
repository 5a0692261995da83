"""Readers for navigation data formats, all emitting the canonical point schema.

``read(path)`` picks the reader by content sniffing (``format=`` overrides) and yields record batches, so
files far larger than memory stream through.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from types import ModuleType
from typing import cast

import pyarrow as pa

from liftwatch.errors import UnknownFormatError, UnreadableFileError
from liftwatch.io.base import DEFAULT_BATCH_ROWS, ReaderModule, RejectLog, read_head
from liftwatch.io.timewindow import filter_table

# Order matters: more specific sniffers first. Each entry is a module under liftwatch.io.
READER_MODULES: tuple[str, ...] = (
    "opensky",
    "readsb_trace",
    "aircraft_json",
    "sbs",
    "raw_modes",
    "ais_nmea",
    "ais_csv",
)


def _load(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"liftwatch.io.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"liftwatch.io.{name}":
            return None  # reader not built in this version
        raise


def readers() -> dict[str, ReaderModule]:
    """Available readers by format name."""
    out: dict[str, ReaderModule] = {}
    for name in READER_MODULES:
        mod = _load(name)
        if mod is None:
            continue
        formats = getattr(mod, "FORMATS", None) or (mod.FORMAT,)
        for fmt in formats:
            out[fmt] = cast(ReaderModule, mod)
    return out


def detect_format(path: str | os.PathLike[str]) -> str:
    """Name of the format of ``path``, by content; raises UnknownFormatError."""
    p = os.fspath(path)
    if os.path.isdir(p):
        mod = _load("aircraft_json")
        if mod is not None:
            return cast(str, mod.FORMAT)
    if not os.path.exists(p):
        raise UnreadableFileError(p, "no such file")
    head = read_head(p)
    if not head.strip():
        raise UnknownFormatError(p, "file is empty")
    for name in READER_MODULES:
        mod = _load(name)
        if mod is None:
            continue
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
    batches = reader(p, fmt, log, batch_rows) if reader is not None else mod.read(p, log, batch_rows)
    for batch in batches:  # one time window for every reader (rows outside it are rejects, not errors)
        yield filter_table(batch, log, p)


__all__ = ["RejectLog", "detect_format", "read", "readers"]

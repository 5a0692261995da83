"""Readers for navigation data formats, all emitting the canonical point schema.

``read(path)`` picks the reader by content sniffing (``format=`` overrides) and yields record batches, so
files far larger than memory stream through.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from types import ModuleType
from typing import cast

import pyarrow as pa

from liftwatch.errors import UnknownFormatError, UnreadableFileError
from liftwatch.io import aircraft_json, ais_csv, ais_nmea, modes_table, opensky, raw_modes, readsb_trace, sbs
from liftwatch.io.base import DEFAULT_BATCH_ROWS, ReaderModule, Reject, RejectLog, read_head
from liftwatch.io.timewindow import filter_table

# Order matters: more specific sniffers first.
READERS: tuple[ModuleType, ...] = (
    opensky,
    readsb_trace,
    aircraft_json,
    sbs,
    modes_table,
    raw_modes,
    ais_nmea,
    ais_csv,
)


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
    before = Counter(log.counts)
    n_samples = len(log.samples)
    rows = 0
    batches = reader(p, fmt, log, batch_rows) if reader is not None else mod.read(p, log, batch_rows)
    for batch in batches:  # one time window for every reader (rows outside it are rejects, not errors)
        batch = filter_table(batch, log, p)
        rows += batch.num_rows
        yield batch
    if rows == 0:
        _refuse_systematic(p, fmt, log.counts - before, log.samples[n_samples:])


def _refuse_systematic(path: str, fmt: str, counts: Counter[str], samples: list[Reject]) -> None:
    """A file whose every row was rejected for one and the same reason is unreadable, not "read with rejects".

    One reason for everything means the file is not what the reader expects (a column type, a time unit, a
    variant of the format), never a scattering of bad rows; reporting it as a successful ingest with rejects
    would hide a total loss. Rows a format legitimately ignores (``ignored ...``) are not rejects.
    """
    real = {reason: n for reason, n in counts.items() if n > 0 and not reason.startswith("ignored")}
    if len(real) != 1 or sum(counts.values()) != sum(real.values()):
        return
    ((reason, n),) = real.items()
    where = next((f" (first: {s.location})" for s in samples if s.reason == reason), "")
    rows = f"{n:,} row" + ("s" if n != 1 else "")
    raise UnreadableFileError(
        path, f"read as {fmt}, every row was rejected for the same reason: {reason} ({rows}){where}"
    )


__all__ = ["RejectLog", "detect_format", "read", "readers"]

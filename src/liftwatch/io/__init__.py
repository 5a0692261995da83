"""Readers for navigation data formats, all emitting the canonical point schema.

``read(path)`` picks the reader by content sniffing (``format=`` overrides) and yields record batches, so
files far larger than memory stream through. ``assume_time=`` times messages that carry no time of their own
(AIS NMEA; see :mod:`liftwatch.io.assumed_time`). A file of which nothing is kept while rows were rejected
raises :class:`~liftwatch.errors.NothingKeptError`, which carries the reject log.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from types import ModuleType
from typing import cast

import pyarrow as pa

from liftwatch.errors import UnknownFormatError, UnreadableFileError
from liftwatch.io import (
    aircraft_json,
    ais_csv,
    ais_nmea,
    modes_table,
    opensky,
    packed_csv,
    raw_modes,
    readsb_trace,
    sbs,
    split_parts,
    vrs_json,
)
from liftwatch.io.assumed_time import AssumeTime, assuming
from liftwatch.io.base import DEFAULT_BATCH_ROWS, NothingKeptError, ReaderModule, RejectLog, read_head
from liftwatch.io.timewindow import filter_table

# Order matters: more specific sniffers first.
READERS: tuple[ModuleType, ...] = (
    opensky,
    readsb_trace,
    vrs_json,
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
    return detect_format_of_head(read_head(split_parts.parts(p)[0]), p)


def detect_format_of_head(head: bytes, path: str) -> str:
    """:func:`detect_format` from the file's first 4 KiB decompressed (:func:`~liftwatch.io.base.read_head`,
    or :func:`~liftwatch.io.base.head_of_bytes` when the file is in memory already)."""
    p = path
    if not head.strip():
        raise UnknownFormatError(p, "file is empty")
    for mod in READERS:
        detected = mod.sniff(head, p)
        if detected:
            return detected if isinstance(detected, str) else cast(str, mod.FORMAT)
    why = packed_csv.why_not_read(p) if packed_csv.kind_of(head[:512]) else None
    raise UnknownFormatError(p, why or "unrecognised format (use --format to choose a reader)")


def read(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    rejects: RejectLog | None = None,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    assume_time: AssumeTime | None = None,
) -> Iterator[pa.Table]:
    """Stream canonical point tables from one file (or an aircraft.json directory).

    ``assume_time`` (UTC datetime, ISO text or ``"file-mtime"``; default: the one set by
    :func:`~liftwatch.io.assumed_time.assuming`, else none) is the time of messages without one of their own,
    for the formats that have such messages (AIS NMEA); for raw Mode S recordings with only a receiver
    counter (Beast, AVR-MLAT, bare hex) it is the first message's time (``"file-mtime"``, the default, puts
    the last one at the file's modification time). In every other format each row carries its time and the
    option changes nothing.
    """
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
    timing = {"assume_time": assume_time} if getattr(mod, "ASSUME_TIME", False) else {}
    batches = (
        reader(p, fmt, log, batch_rows, **timing) if reader is not None else mod.read(p, log, batch_rows, **timing)
    )
    for batch in batches:  # one time window for every reader (rows outside it are rejects, not errors)
        batch = filter_table(batch, log, p)
        rows += batch.num_rows
        yield batch
    if rows == 0:
        _refuse_nothing_kept(p, fmt, mod, log, before, n_samples)


def refuse_nothing_kept(path: str, fmt: str, log: RejectLog) -> None:
    """Raise :class:`NothingKeptError` for a file of which nothing was kept (``log`` holds its rejects only).

    For ingest paths that convert a format without :func:`read` (trace files parsed in batches): the same rule
    and the same message as a file read alone.
    """
    _refuse_nothing_kept(path, fmt, readers()[fmt], log, Counter(), 0)


def _refuse_nothing_kept(
    path: str, fmt: str, mod: ReaderModule, log: RejectLog, before: Counter[str], n_samples: int
) -> None:
    """A file of which nothing was kept while rows were rejected is a failure, not "read with rejects".

    Either one reason for everything (the file is not what the reader expects: a column type, a time unit, a
    variant of the format) or a mix (a truncated or damaged file, a log without times): reporting it as a
    successful ingest would hide a total loss. The error names the reasons and, where the reader knows one, the
    fix; it carries the reject log so the summary still shows every reason. Rows a format legitimately
    ignores (``ignored ...``: no position in them) are not rejects: a file of only those is no failure.
    """
    counts = log.counts - before
    samples = log.samples[n_samples:]
    real = Counter({reason: n for reason, n in counts.items() if n > 0 and not reason.startswith("ignored")})
    if not real:
        return
    ignored = sum(counts.values()) - sum(real.values())

    def first(reason: str) -> str:
        return next((f", first: {s.location}" for s in samples if s.reason == reason), "")

    if len(real) == 1 and not ignored:
        ((reason, n),) = real.items()
        rows = f"{n:,} row" + ("s" if n != 1 else "")
        where = f" ({first(reason)[2:]})" if first(reason) else ""
        what = f"every row was rejected for the same reason: {reason} ({rows}){where}"
    else:
        parts = [f"{reason} ({n:,}{first(reason)})" for reason, n in real.most_common(3)]
        more = f"; and {len(real) - 3} more reasons" if len(real) > 3 else ""
        skipped = f"; {ignored:,} more ignored (no position in them)" if ignored else ""
        what = f"nothing was kept, {real.total():,} rows rejected: " + "; ".join(parts) + more + skipped
    hints: dict[str, str] = getattr(mod, "HINTS", {})
    fixes = [hints[reason] for reason, _ in real.most_common() if reason in hints]
    fix = fixes[0] if fixes else "check that the file is complete and in this format (--format chooses a reader)"
    kept_log = RejectLog(max_samples=log.max_samples, counts=counts, samples=samples, notes=log.notes.copy())
    raise NothingKeptError(path, f"read as {fmt}, {what}. Fix: {fix}", fmt, kept_log)


__all__ = [
    "AssumeTime",
    "NothingKeptError",
    "RejectLog",
    "assuming",
    "detect_format",
    "detect_format_of_head",
    "read",
    "readers",
    "refuse_nothing_kept",
]

"""Reader for raw Mode S / ADS-B recordings: hex lines (``timestamp,hex`` or one hex per line), AVR
(``*8D...;`` and ``@<12-hex MLAT ts><msg>;``) and Beast binary files.

The file is read in chunks (bounded memory), split into messages by :mod:`liftwatch.modes.framing` and
decoded by one stateful :class:`~liftwatch.modes.decode.ModesDecoder`, so CPR pairs and first-fix chains span
chunk boundaries. Times: ``timestamp,hex`` lines give absolute time (epoch s/ms or ISO-8601). AVR-MLAT and
Beast only give a 12 MHz receiver counter, and plain hex/AVR lines no time at all; for those the recording is
anchored so that its last message falls on the file's modification time (uncompressed files; compressed ones
start at it), counter differences keep the spacing and counter-less lines are spaced 1 us apart in file
order. That absolute time is an assumption (a copied file has a new mtime), so those points carry
``PointFlag.ASSUMED_TIME`` and the reject log notes the anchor. ``assume_time=`` (``--assume-time``) given
as a UTC time places the first message at it instead (the start of the recording, as a receiver log or the
analyst knows it); ``"file-mtime"`` is the default anchor. ``read_messages(..., base_time=)`` does the same
for library callers holding epoch seconds.

Every message is accounted for: it becomes a point (a decoded position or a velocity), or it is counted in the
reject log under why not: a problem (corrupt frame, CRC failure, unattributable reply, undecodable position) or
``ignored ...`` for messages that carry no position (all-call, altitude and identity replies, identification
and status squitters, by downlink format and type code; see :mod:`liftwatch.modes.accounting`).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterator

import numpy as np
import pyarrow as pa

from liftwatch.io import assumed_time
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog, compression_of
from liftwatch.io.textchunks import Damaged, decoded_pieces
from liftwatch.io.timewindow import TIME_REASON, in_window_s
from liftwatch.modes import accounting
from liftwatch.modes.decode import DecoderConfig, DecodeResult, ModesDecoder
from liftwatch.modes.framing import Frames, parse_beast, parse_text, split_lines
from liftwatch.schema import PointFlag

FORMAT = "modes_hex"
FORMATS = ("modes_hex", "modes_avr", "modes_beast")
CHUNK_BYTES = 32 << 20
NOT_MODES = "not a Mode S message"
BAD_TIME = "bad or missing time"
BEAST_MODEAC = "ignored Beast Mode A/C frame (not a position message)"
BEAST_STATUS = "ignored Beast receiver status frame (not a position message)"
ASSUME_TIME = True  # io.read passes ``assume_time``: it anchors recordings that have only a receiver counter

_HEX_LINE = re.compile(rb"^\s*(?:[0-9T:.\-+Z ]{1,40},\s*)?(?:[0-9A-Fa-f]{14}|[0-9A-Fa-f]{28})\s*;?\s*$")
_AVR_LINE = re.compile(rb"^\s*(?:\*[0-9A-Fa-f]{14}|\*[0-9A-Fa-f]{28}|@[0-9A-Fa-f]{26}|@[0-9A-Fa-f]{40});\s*$")


def sniff(head: bytes, path: str) -> str | bool:
    """Beast: starts with 0x1A and a frame type; AVR / hex: the first non-blank lines all match."""
    if len(head) >= 2 and head[0] == 0x1A and head[1] in b"1234":
        return "modes_beast"
    lines = [ln for ln in head.split(b"\n")[:20] if ln.strip()]
    if len(lines) > 1 and len(head) >= 4096:
        lines = lines[:-1]  # the last line of a head may be cut
    if len(lines) > 1 and b"," in lines[0] and not _HEX_LINE.match(lines[0]):
        lines = lines[1:]  # a CSV header such as "timestamp,message"
    if not lines:
        return False
    if all(_AVR_LINE.match(ln) for ln in lines):
        return "modes_avr"
    if all(_HEX_LINE.match(ln) for ln in lines):
        return "modes_hex"
    return False


def read(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    yield from read_format(path, FORMAT, rejects, batch_rows)


def read_format(
    path: str,
    fmt: str,
    rejects: RejectLog,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    *,
    assume_time: assumed_time.AssumeTime | None = None,
) -> Iterator[pa.Table]:
    """Canonical points from a raw recording (``fmt`` one of ``FORMATS``)."""
    chosen = assumed_time.chosen(assume_time)
    base = None if chosen is None or chosen == assumed_time.FILE_MTIME else assumed_time.epoch_us(chosen, path)
    yield from read_messages(path, fmt, rejects, base_time=None if base is None else base / 1e6)


def read_messages(
    path: str,
    fmt: str,
    rejects: RejectLog,
    *,
    base_time: float | None = None,
    receiver: tuple[float, float] | None = None,
    chunk_bytes: int = CHUNK_BYTES,
) -> Iterator[pa.Table]:
    """Decode a recording chunk by chunk; see the module docstring for how times are anchored."""
    anchor = base_time if base_time is not None else _anchor(path, fmt)
    how = "given start time" if base_time is not None else "file modification time (end of recording)"
    n_assumed = 0
    decoder = ModesDecoder(DecoderConfig(receiver=receiver))
    tally = Tally(path, rejects)
    line0 = 0
    seq = 0
    first_counter: float | None = None
    blocks = _blocks(path, chunk_bytes, rejects)
    offset = 0
    tail = b""
    while True:
        chunk = next(blocks, b"")
        offset += len(chunk)
        final = not chunk
        data = tail + chunk
        if fmt == "modes_beast":
            frames, tail, bad = parse_beast(data, final=final)
            if bad:
                rejects.add(path, f"chunk ending byte {offset if not final else 'end'}", "corrupt Beast frame")
                rejects.counts["corrupt Beast frame"] += bad - 1
        else:
            if line0 == 0 and seq == 0 and fmt == "modes_hex":
                data, skipped = _strip_header(data)
                line0 += skipped
            body, tail = (data, b"") if final else split_lines(data)
            frames = parse_text(body)
            not_modes = np.setdiff1d(frames.bad_lines, frames.bad_time_lines)
            for reason, where in ((NOT_MODES, not_modes), (BAD_TIME, frames.bad_time_lines)):
                if where.size:
                    locs = (f"line {line0 + int(i) + 1}" for i in where[:50])
                    rejects.add_many(path, locs, reason, count=int(where.size))
            line0 += frames.n_lines
        if frames.modeac:
            rejects.add_many(path, [], BEAST_MODEAC, frames.modeac)
        if frames.status:
            rejects.add_many(path, [], BEAST_STATUS, frames.status)
        if len(frames):
            ts, first_counter = _times(frames, anchor, seq, first_counter)
            if not (inside := in_window_s(ts)).all():  # inf / 1e300 / year 5138 never reach the decoder
                rejects.add_many(path, [], TIME_REASON, count=int((frames.ok & ~inside).sum()))
                frames.ok &= inside
            seq += len(frames)
            res = decoder.decode(ts, frames.msgs, frames.nbytes, frames.ok)
            tally.add(res, _locator(fmt, frames, line0 - frames.n_lines, seq - len(frames)))
            if res.points.num_rows:
                points, flagged = _flag_assumed(res.points, ts[np.isnan(frames.epoch_s)])
                n_assumed += flagged
                yield points
        if final:
            break
    tally.close()
    if n_assumed:
        rejects.note(
            f"no absolute time: anchored on the {how}, {assumed_time.describe(round(anchor * 1e6))} "
            "(--assume-time to set the start; flagged ASSUMED_TIME)",
            n_assumed,
        )


def _flag_assumed(points: pa.Table, assumed_ts: np.ndarray) -> tuple[pa.Table, int]:
    """Flag the points whose time came from the anchor (matched by their message's time to the microsecond)."""
    if assumed_ts.size == 0:
        return points, 0
    ts_us = points.column("ts").cast(pa.int64()).to_numpy(zero_copy_only=False)
    hit = np.isin(ts_us, np.round(assumed_ts * 1e6).astype(np.int64))
    if not hit.any():
        return points, 0
    flags = points.column("flags").to_numpy(zero_copy_only=False)
    flags = np.where(hit, flags | np.uint16(PointFlag.ASSUMED_TIME), flags).astype(np.uint16)
    i = points.schema.get_field_index("flags")
    return points.set_column(i, points.schema.field(i), pa.array(flags)), int(hit.sum())


class Tally:
    """Settles the decoder's per-batch accounting into the reject log, so that points plus rejects plus
    ``ignored`` messages equal the messages read (see :mod:`liftwatch.modes.accounting`).

    Position messages left undecoded by a batch may be confirmed by a later one (emitted "late"); only what
    is still undecoded at the end of the file is counted as a reject.
    """

    def __init__(self, path: str, rejects: RejectLog) -> None:
        self.path, self.rejects = path, rejects
        self.pending = 0
        self.late = 0

    def add(self, res: DecodeResult, locate: Callable[[np.ndarray], list[str]] | None = None) -> None:
        """Count a batch; ``locate`` turns batch rows into locations (``line N``) for the problems' samples."""
        acc = Counter(res.accounting)
        self.pending += acc.pop(accounting.PENDING, 0)
        self.late += int(res.stats.get("positions_late", 0))
        for reason, n in sorted(acc.items()):
            rows = res.problem_rows.get(reason)
            locs = locate(rows) if locate is not None and rows is not None else []
            self.rejects.add_many(self.path, locs, reason, n)

    def close(self) -> None:
        lost = self.pending - self.late
        if lost > 0:
            self.rejects.add_many(self.path, [], accounting.UNRESOLVED, lost)
        self.pending = self.late = 0


def _locator(fmt: str, frames: Frames, line0: int, seq0: int) -> Callable[[np.ndarray], list[str]]:
    """Batch rows -> ``line N`` (text: 1-based physical line) or ``frame N`` (Beast: N-th Mode S frame)."""
    if fmt == "modes_beast" or frames.line_of.size != len(frames):
        return lambda rows: [f"frame {seq0 + int(r) + 1}" for r in rows]
    return lambda rows: [f"line {line0 + int(frames.line_of[r]) + 1}" for r in rows]


def _blocks(path: str, size: int, rejects: RejectLog) -> Iterator[bytes]:
    """Decompressed blocks of about ``size`` bytes; a cut or corrupt gzip/bz2/xz/zstd stream keeps what decoded
    before the damage (one reject), like the text readers, instead of losing the whole file."""
    buf = bytearray()
    try:
        for piece in decoded_pieces(path):
            buf += piece
            if len(buf) >= size:
                yield bytes(buf)
                buf = bytearray()
    except Damaged as exc:
        rejects.add(path, "end", "compressed data truncated or corrupt; rest of file lost", str(exc))
    if buf:
        yield bytes(buf)


def _strip_header(data: bytes) -> tuple[bytes, int]:
    """Drop a CSV header line (``timestamp,message``) at the very start of a hex file.

    A header names its columns: its first field has no digit. A damaged first data line (a time, then bad hex)
    is data, to be rejected with its line number, not silently taken for a header.
    """
    nl = data.find(b"\n")
    first = data[: nl if nl >= 0 else len(data)]
    name = first.split(b",", 1)[0]
    if b"," in first and not _HEX_LINE.match(first) and not any(c in b"0123456789" for c in name):
        return data[nl + 1 :] if nl >= 0 else b"", 1
    return data, 0


def _anchor(path: str, fmt: str) -> float:
    """Epoch seconds given to the first message when the format has no absolute time.

    The recording ends about when the file was last written, so the first message is placed at the mtime
    minus the counter span between the first and last frames (read from the file's head and tail when it
    is uncompressed; otherwise the first message gets the mtime).
    """
    try:
        mtime = os.path.getmtime(path)
        with open(path, "rb") as fh:
            head = fh.read(65536)
            if compression_of(head) is not None:
                return mtime
            fh.seek(max(0, os.path.getsize(path) - 65536))
            end = fh.read()
    except OSError:
        return 0.0
    if fmt == "modes_beast":
        first, last = parse_beast(head, final=False)[0], parse_beast(end[end.find(b"\x1a") :])[0]
    else:
        first, last = parse_text(split_lines(head)[0] or head), parse_text(end[end.find(b"\n") + 1 :])
    c0, c1 = first.counter_s[~np.isnan(first.counter_s)], last.counter_s[~np.isnan(last.counter_s)]
    if c0.size and c1.size and c1[-1] >= c0[0]:
        return mtime - float(c1[-1] - c0[0])
    return mtime


def _times(frames: Frames, anchor: float, seq: int, first_counter: float | None) -> tuple[np.ndarray, float | None]:
    """Epoch seconds per message: absolute where given, else counter offsets or file order from the anchor."""
    ts = frames.epoch_s.copy()
    has_counter = ~np.isnan(frames.counter_s)
    if has_counter.any():
        if first_counter is None:
            first_counter = float(frames.counter_s[has_counter][0])
        ts = np.where(np.isnan(ts) & has_counter, anchor + (frames.counter_s - first_counter), ts)
    rest = np.isnan(ts)
    if rest.any():
        ts[rest] = anchor + (seq + np.flatnonzero(rest)) * 1e-6
    return ts, first_counter

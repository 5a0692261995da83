"""Splitting raw receiver output into messages: AVR text (``*8D...;``, ``@<ts><msg>;``), hex-per-line text
(optionally ``timestamp,hex``) and Beast binary. Shared by the file reader and the live feed clients.

Every parser takes a chunk of bytes and returns the messages it found plus the unconsumed tail (an incomplete
last line or frame), so a stream can be fed in arbitrary pieces. Beast de-escaping is vectorised: in Beast, a
literal 0x1A inside a frame is doubled, so in every run of 0x1A bytes an even length is all escapes and an
odd length ends with a frame start; that rule finds every frame boundary with array operations.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import polars as pl

from liftwatch.modes.crc import hex_to_bytes

BEAST_ESC = 0x1A
BEAST_LEN = {ord("1"): 2, ord("2"): 7, ord("3"): 14, ord("4"): 14}  # payload bytes by frame type
MLAT_HZ = 12_000_000.0  # Beast / AVR-MLAT timestamp: 12 MHz counter
TS_MIN_S, TS_MAX_S = 946_684_800.0, 4_102_444_800.0  # 2000-01-01 .. 2100-01-01


@dataclass
class Frames:
    """Messages found in a chunk: bytes, lengths, optional receiver timestamps and where bad input was."""

    msgs: npt.NDArray[np.uint8]
    nbytes: npt.NDArray[np.int8]
    ok: npt.NDArray[np.bool_]
    counter_s: npt.NDArray[np.float64]  # 12 MHz counter in seconds (NaN when the format has none)
    epoch_s: npt.NDArray[np.float64]  # absolute epoch seconds given by the input (NaN when none)
    raw: list[str] = field(default_factory=list)  # only filled on request (tests, debugging)
    bad_lines: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # unusable lines
    bad_time_lines: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    n_lines: int = 0
    line_of: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # text: 0-based line
    modeac: int = 0  # Beast Mode A/C frames (type '1') seen and skipped
    status: int = 0  # Beast receiver status frames (type '4') seen and skipped

    def __len__(self) -> int:
        return int(self.msgs.shape[0])


def _empty() -> Frames:
    return Frames(
        np.zeros((0, 14), dtype=np.uint8),
        np.zeros(0, dtype=np.int8),
        np.zeros(0, dtype=bool),
        np.zeros(0),
        np.zeros(0),
    )


def split_lines(data: bytes) -> tuple[bytes, bytes]:
    """Complete lines and the incomplete tail."""
    cut = data.rfind(b"\n")
    if cut < 0:
        return b"", data
    return data[: cut + 1], data[cut + 1 :]


_CONTROL_TO_INVALID = bytes.maketrans(bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]), b"\xff" * 30)


def _lines(data: bytes) -> pl.Series:
    """Lines as a string column (multi-threaded CSV machinery with no separator and no quoting)."""
    if not data.strip():
        return pl.Series("l", [], dtype=pl.String)
    # control bytes (0x1F is the separator below) become invalid UTF-8, so their line fails as a bad line
    data = data.translate(_CONTROL_TO_INVALID)
    df = pl.read_csv(
        io.BytesIO(data),
        has_header=False,
        separator="\x1f",
        quote_char=None,
        new_columns=["l"],
        schema={"l": pl.String},
        encoding="utf8-lossy",
        truncate_ragged_lines=True,
    )
    return df["l"].str.strip_chars()


def parse_text(data: bytes) -> Frames:
    """AVR (``*hex;`` and ``@<12 hex ts><hex>;``) and plain hex lines (``hex`` or ``timestamp,hex``).

    Lines are classified by their first character; blank lines are skipped; anything unparseable is listed
    in ``bad_lines`` (0-based line numbers within ``data``) and never stops the parse.
    """
    lines = _lines(data)
    if lines.len() == 0:
        return _empty()
    frame = pl.DataFrame({"l": lines}).with_row_index("line")
    frame = frame.filter(pl.col("l").str.len_bytes() > 0)
    first = pl.col("l").str.slice(0, 1)
    body = pl.col("l").str.strip_suffix(";")
    has_comma = pl.col("l").str.contains(",", literal=True)
    frame = frame.with_columns(
        hex=pl.when(first == "*")
        .then(body.str.slice(1))
        .when(first == "@")
        .then(body.str.slice(13))
        .when(has_comma)
        .then(pl.col("l").str.split(",").list.last().str.strip_chars())
        .otherwise(body),
        counter=pl.when(first == "@").then(pl.col("l").str.slice(1, 12).str.to_integer(base=16, strict=False)),
        when=pl.when(has_comma & (first != "*") & (first != "@")).then(pl.col("l").str.split(",").list.first()),
    )
    epoch = _parse_epoch(frame["when"])
    msgs, nbytes, ok = hex_to_bytes(frame["hex"])
    bad_time = frame["when"].is_not_null().to_numpy() & np.isnan(epoch)
    counter = frame["counter"].cast(pl.Float64).fill_null(np.nan).to_numpy() / MLAT_HZ
    line_no = frame["line"].to_numpy().astype(np.int64)
    fr = Frames(msgs, nbytes, ok & ~bad_time, counter, epoch, n_lines=int(lines.len()), line_of=line_no)
    fr.bad_lines = line_no[~(ok & ~bad_time)]
    fr.bad_time_lines = line_no[ok & bad_time]  # the subset of bad_lines whose hex is fine but time is not
    return fr


def _parse_epoch(when: pl.Series) -> npt.NDArray[np.float64]:
    """Epoch seconds from numbers (s or ms) or ISO-8601 text; NaN where unparseable or outside 2000-2100 (no
    receiver recording is older; such a number is a counter or a corrupt field, not a time)."""
    num = when.str.strip_chars().cast(pl.Float64, strict=False)
    iso = when.str.strip_chars().str.to_datetime(time_zone="UTC", strict=False, time_unit="us")
    iso_s = iso.dt.epoch("us").cast(pl.Float64) / 1e6
    num = pl.select(pl.when(num > 1e11).then(num / 1000.0).otherwise(num)).to_series()
    out = num.fill_null(iso_s).fill_null(np.nan).to_numpy().astype(np.float64)
    out[~((out >= TS_MIN_S) & (out <= TS_MAX_S))] = np.nan
    return out


def parse_beast(data: bytes, *, raw: bool = False, final: bool = True) -> tuple[Frames, bytes, int]:
    """Beast binary frames of types '1' (Mode A/C, skipped), '2' (short), '3' (long); '4' status skipped.

    Returns (frames of Mode S messages, unconsumed tail, number of corrupt frames skipped). With
    ``final=False`` (a stream chunk) the last frame is always held back as the tail, because a chunk may end
    inside an escape pair and the frame's true end is only certain once the next marker arrives.
    """
    if not final:
        last = _last_marker(data)
        if last < 0:
            return _empty(), data[-65536:], 0
        frames, _, bad = parse_beast(data[:last], raw=raw, final=True)
        return frames, data[last:], bad
    buf = np.frombuffer(data, dtype=np.uint8)
    n = buf.size
    if n == 0:
        return _empty(), b"", 0
    is_esc = buf == BEAST_ESC
    # runs of 0x1A: start index and length
    edge = np.diff(np.concatenate([[0], is_esc.astype(np.int8), [0]]))
    run_start = np.flatnonzero(edge == 1)
    run_len = np.flatnonzero(edge == -1) - run_start
    odd = (run_len % 2) == 1
    marker_raw = run_start[odd] + run_len[odd] - 1  # a frame starts at the last 0x1A of an odd run
    # drop the second byte of every escape pair: inside a run, positions 1, 3, 5, ... (before a marker)
    pos_in_run = np.arange(n) - np.repeat(run_start, run_len)[np.cumsum(is_esc) - 1] if is_esc.any() else None
    keep = np.ones(n, dtype=bool)
    if pos_in_run is not None:
        esc_idx = np.flatnonzero(is_esc)
        p = pos_in_run[esc_idx]
        run_of = np.searchsorted(run_start, esc_idx, side="right") - 1
        is_marker = odd[run_of] & (p == run_len[run_of] - 1)
        keep[esc_idx[(p % 2 == 1) & ~is_marker]] = False
    new_pos = np.cumsum(keep) - 1
    un = buf[keep]
    markers = new_pos[marker_raw]
    if markers.size == 0:
        return _empty(), data[-4096:] if n > 4096 else data, 0
    typ = un[np.minimum(markers + 1, un.size - 1)]
    plen = np.zeros(markers.size, dtype=np.int64)
    for t, ln in BEAST_LEN.items():
        plen[typ == t] = ln
    total = 1 + 1 + 6 + 1 + plen
    nxt = np.concatenate([markers[1:], [un.size]])
    complete = markers + total <= un.size
    last_complete_is_tail = ~complete
    # a frame is whole when its bytes end at or before the next frame start; bytes between frames are noise
    good = (plen > 0) & complete & (markers + total <= nxt)
    bad = int(((plen == 0) | (complete & (markers + total > nxt))).sum())
    # tail: from the first incomplete frame's marker (in raw bytes) onward
    tail = b""
    if last_complete_is_tail.any():
        first_inc = int(np.flatnonzero(last_complete_is_tail)[0])
        tail = data[int(marker_raw[first_inc]) :]
    modes = good & ((typ == ord("2")) | (typ == ord("3")))
    mk = markers[modes]
    k = mk.size
    msgs = np.zeros((k, 14), dtype=np.uint8)
    if k:
        plen_k = plen[modes]
        cols = np.arange(14)
        idx = mk[:, None] + 9 + np.minimum(cols[None, :], plen_k[:, None] - 1)
        msgs = un[np.minimum(idx, un.size - 1)].copy()
        msgs[plen_k == 7, 7:] = 0
        ts_bytes = un[mk[:, None] + 2 + np.arange(6)[None, :]].astype(np.int64)
        counter = np.zeros(k, dtype=np.int64)
        for j in range(6):
            counter = (counter << 8) | ts_bytes[:, j]
        counter_s = counter / MLAT_HZ
        nbytes = np.where(plen_k == 14, 14, 7).astype(np.int8)
    else:
        counter_s = np.zeros(0)
        nbytes = np.zeros(0, dtype=np.int8)
    fr = Frames(msgs, nbytes, np.ones(k, dtype=bool), counter_s.astype(np.float64), np.full(k, np.nan))
    fr.modeac = int((good & (typ == ord("1"))).sum())
    fr.status = int((good & (typ == ord("4"))).sum())
    if raw:
        from liftwatch.modes.crc import bytes_to_hex

        fr.raw = bytes_to_hex(msgs, nbytes)
    return fr, tail, bad


def _last_marker(data: bytes) -> int:
    """Byte offset of the last frame start (last 0x1A of an odd run of 0x1A followed by a type byte)."""
    i = len(data) - 1
    while i >= 0:
        j = data.rfind(b"\x1a", 0, i + 1)
        if j < 0:
            return -1
        k = j
        while k > 0 and data[k - 1] == BEAST_ESC:
            k -= 1
        if (j - k + 1) % 2 == 1 and j + 1 < len(data) and data[j + 1] in BEAST_LEN:
            return j
        i = k - 1
    return -1


def encode_beast(msgs: npt.NDArray[np.uint8], nbytes: npt.NDArray[np.integer], counter: npt.NDArray[np.int64]) -> bytes:
    """Beast frames for messages (for tests, replay servers and the simulator); 0x1A bytes are escaped."""
    out = bytearray()
    for m, nb, c in zip(msgs, np.asarray(nbytes).tolist(), np.asarray(counter).tolist(), strict=True):
        body = bytes([ord("3") if nb == 14 else ord("2")]) + int(c).to_bytes(6, "big") + b"\x80" + bytes(m[:nb])
        out += b"\x1a" + body[:1] + body[1:].replace(b"\x1a", b"\x1a\x1a")
    return bytes(out)

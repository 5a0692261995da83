"""Reader for AIS NMEA 0183 logs: ``!AIVDM`` / ``!AIVDO`` sentences (any talker: ``!BSVDM``, ``!ABVDM``, ...) as
receivers, AIS-catcher, gpsd, coastal and satellite networks and aggregators write them.

Accepted line shapes (one sentence per line):

* bare ``!AIVDM,1,1,,A,<payload>,0*hh`` (then a time must come from elsewhere on the line, see below);
* NMEA 4.0 tag blocks ``\\s:station,c:1734567890*hh\\!AIVDM...`` (``c:`` in seconds, or milliseconds);
* a time prefix: ISO 8601 (``2024-12-20T10:00:00Z !AIVDM...``, ``2024-12-20 10:00:00.123 ...``) or epoch seconds
  (``1734688800.25 !AIVDM...``);
* network trailers after the checksum: ``,<epoch s>``, ``,<epoch ms>`` (AMSA), USCG/NAIS station trailers;
* GateHouse ``$PGHP`` time sentences next to the sentence they time.

Line classification and times are in :mod:`liftwatch.io.ais_lines`. A sentence with no time at all is
rejected (an AIS message itself carries only the UTC second) unless the caller gives ``assume_time``
(:mod:`liftwatch.io.assumed_time`): then it takes that time, its point is flagged
``PointFlag.ASSUMED_TIME`` and the count is noted in the reject log. Every line is accounted for: a kept position, a
reject with its line number and reason, or a counted "ignored ... (not a position message)" line (static and
voyage reports, base stations and other message types, $PGHP time lines, other NMEA sentences, comments and blank
lines, continuation fragments of a multi-sentence message).

Multi-sentence messages (type 5 static/voyage data, long type 19) are reassembled by sequential message id and
channel; fragments that arrive out of order, without their first part, or never completed are rejected as orphan
fragments with their line numbers. Checksum errors (sentence or tag block), payload characters outside the 6-bit
alphabet (a NUL byte does not change an XOR checksum), truncated or malformed sentences are rejected line by line;
the good lines around them are kept.

Decoding (:mod:`liftwatch.io.ais_decode`): single-sentence position reports of types 1/2/3 (class A) and 18
(class B) -- the bulk of any log -- are decoded as whole arrays by :mod:`liftwatch.io.ais_sixbit`; static reports
(5, 24), type 19 and type 27 go through pyais one message at a time (few per ship).

Static data joins positions through :mod:`liftwatch.io.ais_static`: callsign = ship call sign, registration = IMO
number as text, type_code = AIS ship type code as text ("70" cargo). The per-file static table, with the declared
destination, is available from :func:`read_static`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import polars as pl
import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io import ais_decode as ad
from liftwatch.io import ais_lines as al
from liftwatch.io import assumed_time
from liftwatch.io.ais_lines import LOOKAROUND
from liftwatch.io.ais_static import attach_static, empty_static, latest_static
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog
from liftwatch.io.textchunks import chunk_bytes_for, head_bytes, iter_chunks
from liftwatch.schema import PointFlag, conform

FORMAT = "ais_nmea"
SOURCE = "ais"

_SNIFF = re.compile(rb"[!$][A-Z]{2}VD[MO],\d,\d,")
BAD_PAYLOAD = "illegal character in AIS payload (outside the 6-bit alphabet)"
FRAGMENT = "ignored continuation fragment of a multi-sentence message (counted on its first line)"
STATIC_MSG = ad.STATIC_MSG
ASSUME_TIME = True  # io.read passes ``assume_time`` to this reader
HINTS = {
    al.NO_TIME: "if you know when the log was recorded, ingest with --assume-time 2024-05-01T12:00Z "
    "(or --assume-time file-mtime; library: assume_time=)",
}


def assumed_note(us: int) -> str:
    """The reject-log note counting rows timed by assumption."""
    return f"no time of its own: assumed {assumed_time.describe(us)} (--assume-time; flagged ASSUMED_TIME)"


def sniff(head: bytes, path: str) -> bool:
    """True when one of the first lines holds a VDM/VDO sentence of any NMEA talker (AI, BS, AB, SA, ...)."""
    return any(_SNIFF.search(line) for line in head.splitlines()[:20])


@dataclass
class _Pending:
    """A multi-sentence message being reassembled."""

    count: int
    nums: list[int]
    sentences: list[str]
    lines: list[int]
    ts_us: int


@dataclass
class _State:
    """What carries across chunks: open multi-sentence messages and the last static data per MMSI."""

    pending: dict[tuple[str, str], _Pending] = field(default_factory=dict)
    static: pl.DataFrame = field(default_factory=empty_static)
    pghp: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(schema={"line": pl.Int64, "key": pl.String, "pghp_us": pl.Int64})
    )
    keys: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema={"line": pl.Int64, "key": pl.String}))
    assumed_us: int | None = None  # time given to messages without their own (None: they are rejected)
    assumed_lines: list[int] = field(default_factory=list)  # first lines of messages timed so, this chunk


def read(
    path: str,
    rejects: RejectLog,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    *,
    assume_time: assumed_time.AssumeTime | None = None,
) -> Iterator[pa.Table]:
    """Stream canonical sea points (one per position report) in file order.

    ``assume_time`` (a UTC datetime, ISO text or ``"file-mtime"``) times the messages that carry no time.
    """
    for table, _ in _read(path, rejects, batch_rows, assume_time):
        if table.num_rows:
            yield table


def read_static(
    path: str, rejects: RejectLog | None = None, *, assume_time: assumed_time.AssumeTime | None = None
) -> pl.DataFrame:
    """The file's static/voyage reports (one row per report, :data:`ais_static.STATIC_SCHEMA`)."""
    frames = [st for _, st in _read(path, rejects or RejectLog(), DEFAULT_BATCH_ROWS, assume_time)]
    return pl.concat(frames) if frames else empty_static()


def _read(
    path: str, rejects: RejectLog, batch_rows: int, assume_time: assumed_time.AssumeTime | None
) -> Iterator[tuple[pa.Table, pl.DataFrame]]:

    p = os.fspath(path)
    if os.path.isdir(p):
        raise UnreadableFileError(p, "is a directory, not an AIS NMEA log")
    head = head_bytes(p)
    if not head.strip():
        return
    if not sniff(head, p):
        raise UnreadableFileError(p, "not an AIS NMEA log (no !xxVDM/!xxVDO sentence in the first lines)")
    state = _State(assumed_us=assumed_time.epoch_us(assume_time, p))
    carry = _no_lines()
    for chunk in iter_chunks(p, chunk_bytes_for(batch_rows, head), rejects):
        lines = pl.concat([carry, _lines(chunk.data, chunk.first_line)])
        # the last lines wait for the next chunk: a $PGHP time may follow its sentence
        cut = int(lines["line"].max()) - LOOKAROUND  # type: ignore[arg-type]
        carry = lines.filter(pl.col("line") > cut)
        yield _chunk(p, lines, cut, rejects, state)
    if carry.height:
        yield _chunk(p, carry, None, rejects, state)
    for pend in state.pending.values():
        rejects.add_many(p, [f"line {ln}" for ln in pend.lines], "orphan fragment (message never completed)")


def _no_lines() -> pl.DataFrame:
    return pl.DataFrame(schema={"raw": pl.String, "line": pl.Int64})


def _lines(data: bytes, first_line: int) -> pl.DataFrame:
    text = data.decode("utf-8", errors="replace").split("\n")
    if text and text[-1] == "":
        text.pop()
    lines = pl.DataFrame({"raw": pl.Series(text, dtype=pl.String).str.strip_chars_end("\r")})
    return lines.with_columns((pl.int_range(pl.len(), dtype=pl.Int64) + first_line).alias("line"))


def _chunk(
    path: str, lines: pl.DataFrame, cut: int | None, rejects: RejectLog, state: _State
) -> tuple[pa.Table, pl.DataFrame]:
    """Points and static rows of the lines up to ``cut`` (all when None); later lines only lend $PGHP times."""
    state.assumed_lines = []
    lines = al.classify(lines)
    pghp, bad_pghp = al.pghp_times(lines.filter(pl.col("kind") == "pghp"))
    pghp = pl.concat([state.pghp, pghp]).unique("line", keep="last").sort("line")
    # sentence checksums are only needed near a PGHP: all of them when this stretch has one, else the tail
    reach = pl.col("kind") == "ais"
    if pghp.height == 0 and cut is not None:
        reach = reach & (pl.col("line") > cut - LOOKAROUND)
    keys = pl.concat([state.keys, al.sentence_keys(lines.filter(reach))]).unique("line")
    if cut is not None:
        near = (pl.col("line") > cut - LOOKAROUND) & (pl.col("line") <= cut)
        state.pghp, state.keys = pghp.filter(near), keys.filter(near)
        lines = lines.filter(pl.col("line") <= cut)
        bad_pghp = bad_pghp.filter(pl.col("line") <= cut)
    kinds = lines["kind"]
    al.ignore(rejects, int((kinds == "blank").sum()), al.BLANK)
    al.ignore(rejects, int((kinds == "other").sum()), al.OTHER_NMEA)
    al.ignore(rejects, int((kinds == "pghp").sum()) - bad_pghp.height, al.PGHP_LINE)
    for (reason,), grp in bad_pghp.group_by("reason"):
        al.reject(rejects, path, grp, str(reason))
    ais = lines.filter(pl.col("kind") == "ais")
    ascii_ok = (ais["raw"].str.len_bytes() == ais["raw"].str.len_chars()).to_numpy()
    al.reject(rejects, path, ais.filter(~pl.Series(ascii_ok)), "non-ASCII character in an NMEA line")
    df = al.split_sentences(ais.filter(pl.Series(ascii_ok)))
    matched = df["sent"].is_not_null().to_numpy()
    al.reject(rejects, path, df.filter(~pl.Series(matched)), "malformed or truncated sentence")
    df = df.filter(pl.Series(matched))
    # Spire writes all parts of a message on one line: the trailer is then what follows the last sentence
    packed = pl.col("trail").str.contains(al.SENTENCE).fill_null(False)
    df = df.with_columns(
        packed.alias("_packed"),
        pl.when(packed)
        .then(pl.col("raw").str.extract(r"\*[0-9A-Fa-f]{2}([^*]*)$", 1))
        .otherwise("trail")
        .alias("trail"),
    )
    ok = al.checksum_ok(df["body"], df["cs"])
    al.reject(rejects, path, df.filter(~pl.Series(ok)), "NMEA checksum mismatch")
    df = df.filter(pl.Series(ok))
    tag_ok, unverified = al.tag_status(df)
    al.reject(rejects, path, df.filter(~pl.Series(tag_ok)), "tag block checksum mismatch")
    if unverified[tag_ok].any():
        rejects.note(al.UNVERIFIED_TAG, int(unverified[tag_ok].sum()))
    df = df.filter(pl.Series(tag_ok))
    empty = (df["payload"].fill_null("") == "").to_numpy()
    al.reject(rejects, path, df.filter(pl.Series(empty)), "empty AIS payload")
    alphabet = df["payload"].str.contains(r"^[0-W`-w]+$").fill_null(False).to_numpy()
    al.reject(rejects, path, df.filter(~pl.Series(alphabet | empty)), BAD_PAYLOAD)
    df = df.filter(pl.Series(alphabet))
    df = df.with_columns(al.match_pghp(df, pghp, keys))
    ts_us, out_of_range = al.times(df)
    df = df.with_columns(ts_us.alias("ts_us"), out_of_range.alias("_oor"))
    df = df.with_columns(pl.col("count").cast(pl.Int8), pl.col("num").cast(pl.Int8), pl.col("fill").cast(pl.Int8))
    bad_frag = (pl.col("count") < 1) | (pl.col("num") < 1) | (pl.col("num") > pl.col("count"))
    al.reject(rejects, path, df.filter(bad_frag), "bad fragment numbering")
    df = df.filter(~bad_frag)
    packed_msgs = _packed(path, df.filter(pl.col("_packed")), rejects, state)
    df = df.filter(~pl.col("_packed"))
    single = df.filter(pl.col("count") == 1)
    no_time = pl.col("ts_us").is_null()
    al.reject(rejects, path, single.filter(no_time & pl.col("_oor")), al.BAD_TIME)
    if state.assumed_us is None:
        al.reject(rejects, path, single.filter(no_time & ~pl.col("_oor")), al.NO_TIME)
    else:
        untimed = no_time & ~pl.col("_oor")
        state.assumed_lines = single.filter(untimed)["line"].to_list()
        single = single.with_columns(pl.when(untimed).then(state.assumed_us).otherwise("ts_us").alias("ts_us"))
    single = single.filter(pl.col("ts_us").is_not_null())
    multi = df.filter(pl.col("count") > 1)
    fast, slow = ad.split_fast(path, single, rejects)
    pos_fast = ad.decode_fast(path, fast, rejects)
    slow_msgs = [(s, ln, t) for s, ln, t in zip(slow["sent"], slow["line"], slow["ts_us"], strict=True)]
    slow_msgs += _reassemble(path, multi, rejects, state) + packed_msgs
    pos_slow, static = ad.decode_slow(path, slow_msgs, rejects)
    points = pl.concat([pos_fast, pos_slow], how="vertical_relaxed") if pos_slow.height else pos_fast
    points = _flag_assumed(points, state, rejects)
    points = points.sort("_line").drop("_line") if points.height else points.drop("_line")
    state.static = latest_static(pl.concat([state.static, static])) if static.height else state.static
    points = attach_static(points, pl.concat([state.static, static]) if static.height else state.static)
    return conform(points), static


def _flag_assumed(points: pl.DataFrame, state: _State, rejects: RejectLog) -> pl.DataFrame:
    """Mark the points whose time was assumed (by their message's first line) and count them as a note."""
    if state.assumed_us is None:
        return points
    assumed = pl.col("_line").is_in(pl.Series(state.assumed_lines, dtype=pl.Int64).implode())
    points = points.with_columns(
        pl.when(assumed).then(int(PointFlag.ASSUMED_TIME)).otherwise(0).cast(pl.UInt16).alias("flags")
    )
    n = int(points.filter(assumed).height)
    if n:
        rejects.note(assumed_note(state.assumed_us), n)
    return points


_PACKED_PART = re.compile(r"[!$][A-Z]{2}VD[MO],(\d),(\d),(\d?),[A-Za-z0-9]?,([^,*]*),[0-5]\*([0-9A-Fa-f]{2})")
PACKED_BAD = "several AIS sentences on one line that are not one complete message"


def _packed(path: str, rows: pl.DataFrame, rejects: RejectLog, state: _State) -> list[tuple[str, int, int | None]]:
    """Messages whose parts share one line (Spire): all parts present, in order, checksums and payloads valid.

    A loop over these lines only (a Python regex per line): they are rare outside Spire files.
    """
    out: list[tuple[str, int, int | None]] = []
    for raw, line, ts in zip(rows["raw"], rows["line"], rows["ts_us"], strict=True):
        parts = list(_PACKED_PART.finditer(raw))
        ok = bool(parts) and all(
            int(m[1]) == len(parts) and int(m[2]) == i and m[3] == parts[0][3] for i, m in enumerate(parts, start=1)
        )
        for m in parts if ok else []:
            body = m[0][1:-3]
            ok = (
                ok and al.checksum_ok(pl.Series([body]), pl.Series([m[5]]))[0] and _ALPHABET.fullmatch(m[4]) is not None
            )
        if not ok:
            rejects.add(path, f"line {line}", PACKED_BAD, raw)
        elif ts is None and state.assumed_us is None:
            rejects.add(path, f"line {line}", al.NO_TIME, raw)
        elif ts is None:
            state.assumed_lines.append(line)
            out.append(("\n".join(m[0] for m in parts), line, state.assumed_us))
        else:
            out.append(("\n".join(m[0] for m in parts), line, ts))
    return out


_ALPHABET = re.compile(r"[0-W`-w]+")


def _reassemble(path: str, multi: pl.DataFrame, rejects: RejectLog, state: _State) -> list[tuple[str, int, int | None]]:
    """Join fragments by (sequence id, channel); a loop over multi-sentence lines only (a small share of a log)."""
    out: list[tuple[str, int, int | None]] = []
    for sent, line, count, num, seq, chan, ts in zip(
        multi["sent"],
        multi["line"],
        multi["count"],
        multi["num"],
        multi["seq"],
        multi["chan"],
        multi["ts_us"],
        strict=True,
    ):
        key = (seq or "", chan or "")
        pend = state.pending.get(key)
        if num == 1:
            if pend is not None:
                rejects.add_many(path, [f"line {ln}" for ln in pend.lines], "orphan fragment (message never completed)")
            pend = _Pending(count, [1], [sent], [line], ts)
            state.pending[key] = pend
        elif pend is None or pend.count != count or pend.nums[-1] != num - 1:
            rejects.add(path, f"line {line}", "orphan fragment (no preceding part)", sent)
            continue
        else:
            pend.nums.append(num)
            pend.sentences.append(sent)
            pend.lines.append(line)
        if num == count:
            del state.pending[key]
            al.ignore(rejects, len(pend.lines) - 1, FRAGMENT)
            t = pend.ts_us if pend.ts_us is not None else ts
            if t is None and state.assumed_us is not None:
                t = state.assumed_us
                state.assumed_lines.append(pend.lines[0])
            if t is None:
                rejects.add(path, f"line {pend.lines[0]}", al.NO_TIME)
                continue
            out.append(("\n".join(pend.sentences), pend.lines[0], t))
    return out

"""Line level of the AIS NMEA reader: what each line of a log is, and when it was received.

A real AIS log is more than ``!AIVDM`` sentences. Networks prefix or suffix their own receive time, and some
interleave other lines; every one of them is classified here so the ingest summary can account for each line:

* AIS sentences from any NMEA talker (``!AIVDM``, ``!BSVDM`` base stations, ``!ABVDM``/``!ANVDM``, ``!SAVDM``
  satellites, ``!AIVDO`` own ship, ...);
* GateHouse ``$PGHP,1,<yyyy>,<mm>,<dd>,<hh>,<mi>,<ss>,<ms>,...,<hh>*cs`` time sentences (exactEarth via AMSA,
  Danish and Norwegian feeds). The last field is the NMEA checksum of the AIS sentence the time belongs to; it
  sits a few lines before or after that sentence. A PGHP time goes to the sentence with that checksum nearest
  in the file (within :data:`PGHP_WINDOW` lines) when that sentence is also the PGHP's nearest such sentence,
  so two sentences that happen to share a checksum never take each other's time;
* other NMEA sentences (``$GPGGA`` of the receiver, ...), comment lines (``# ...``) and blank lines, which
  carry no ship position and are counted as such.

Times, first found wins: the tag block ``c:`` (seconds or milliseconds), a matched PGHP time, a time prefix
(ISO 8601 or epoch seconds), the first bare epoch field after the checksum (``...*hh,1272412827``; USCG/NAIS
``...*hh,b003669794,1272412827`` and ``...*hh,d-109,S2105,t050056.00,T56.13,r003669946,1325394060,1325394001``
where the first epoch after the station is the receive time; AMSA ``...*hh,1328182324635`` in milliseconds).

Tag blocks written with the placeholder checksum ``*00`` (AMSA, Spire) are accepted as unverified, as real
decoders do, and counted; any other wrong tag block checksum rejects the line.

Why hand-written: pyais parses one sentence at a time in Python and knows none of the network trailers; this
module works on whole chunks of lines with Polars string kernels.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.io.ais_sixbit import xor_ragged
from liftwatch.io.base import RejectLog

TS_MIN_S = 946_684_800  # 2000-01-01
TS_MAX_S = 4_102_444_800  # 2100-01-01
PGHP_WINDOW = 32  # lines between a PGHP time and its AIS sentence (AMSA: 95 % within 10, all within 30)
LOOKAROUND = 2 * PGHP_WINDOW  # lines a chunk's PGHP matching must see on each side (sentence -> PGHP -> sentence)
SENTENCE = r"[!$][A-Z]{2}VD[MO],"
_ISO_FORMATS = ("%Y-%m-%dT%H:%M:%S%.fZ", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f")

BLANK = "ignored blank or comment line (not a position message)"
OTHER_NMEA = "ignored non-AIS NMEA sentence (not a position message)"
PGHP_LINE = "ignored $PGHP time sentence (not a position message; times an AIS sentence)"
NO_TIME = "no timestamp (no tag block c:, $PGHP time, time prefix or trailing epoch; see --assume-time)"
BAD_TIME = "timestamp outside 2000-01-01 .. 2100-01-01"
UNVERIFIED_TAG = "tag block with placeholder checksum *00 accepted unverified"


def arrow_bytes(s: pl.Series) -> tuple[np.ndarray, np.ndarray]:
    """Data bytes and int64 offsets of a string Series (nulls as empty)."""
    arr = pc.cast(s.fill_null("").to_arrow(), pa.large_string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    bufs = arr.buffers()
    offsets = np.frombuffer(bufs[1], dtype=np.int64)[arr.offset : arr.offset + len(arr) + 1]
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None else np.zeros(0, np.uint8)
    return data, offsets


def checksum_ok(body: pl.Series, given: pl.Series) -> np.ndarray:
    """Per row: the XOR of ``body`` equals the two hex digits ``given``."""
    data, off = arrow_bytes(body)
    calc = xor_ragged(data, off[:-1], off[1:]).astype(np.int64)
    want = given.str.to_integer(base=16, strict=False).fill_null(-1).to_numpy()
    return np.asarray(calc == want, dtype=bool)


def classify(lines: pl.DataFrame) -> pl.DataFrame:
    """Add ``kind`` to (raw, line): "blank", "pghp", "other" (non-AIS NMEA) or "ais" (everything else).

    Only the lines without an AIS sentence (few, in any log) go through the other patterns.
    """
    is_ais = lines["raw"].str.contains(SENTENCE).fill_null(False)
    if is_ais.all():
        return lines.with_columns(pl.lit("ais").alias("kind"))
    raw = pl.col("raw")
    stripped = raw.str.strip_chars()
    rest = lines.filter(~is_ais).with_columns(
        pl.when((stripped.str.len_bytes() == 0) | stripped.str.starts_with("#"))
        .then(pl.lit("blank"))
        .when(raw.str.contains(r"\$PGHP,"))
        .then(pl.lit("pghp"))
        .when(raw.str.contains(r"(?:^|\\|\s)[!$][A-Z][A-Z0-9]{2,5},[^*]*\*[0-9A-Fa-f]{2}"))
        .then(pl.lit("other"))
        .otherwise(pl.lit("ais"))
        .alias("kind")
    )
    return pl.concat([lines.filter(is_ais).with_columns(pl.lit("ais").alias("kind")), rest]).sort("line")


def pghp_times(lines: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(good PGHP rows: line, key, pghp_us; bad rows: line, reason) from ``kind == "pghp"`` lines."""
    df = lines.select("line", pl.col("raw").str.extract(r"\$(PGHP,[^*]*)\*([0-9A-Fa-f]{2})", 1).alias("body"))
    df = df.with_columns(lines["raw"].str.extract(r"\$PGHP,[^*]*\*([0-9A-Fa-f]{2})", 1).alias("cs"))
    shaped = df["body"].is_not_null().to_numpy()
    ok = np.zeros(df.height, dtype=bool)
    if shaped.any():
        ok[shaped] = checksum_ok(df["body"].filter(pl.Series(shaped)), df["cs"].filter(pl.Series(shaped)))
    f = pl.col("body").str.split(",")

    def part(i: int, width: int) -> pl.Expr:
        return f.list.get(i, null_on_oob=True).str.zfill(width)

    seps = ["-", "-", " ", ":", ":", ".", ""]
    pieces: list[pl.Expr] = []
    for i, (width, sep) in enumerate(zip((4, 2, 2, 2, 2, 2, 3), seps, strict=True)):
        pieces += [part(2 + i, width), pl.lit(sep)]
    stamp = pl.concat_str(pieces)
    out = df.with_columns(
        pl.Series("_ok", ok),
        (f.list.get(1, null_on_oob=True) == "1").alias("_t"),
        stamp.str.to_datetime("%Y-%m-%d %H:%M:%S%.3f", strict=False, time_unit="us", time_zone="UTC")
        .dt.epoch("us")
        .alias("pghp_us"),
        f.list.last().str.to_uppercase().alias("key"),
    )
    bad_cs = out.filter(pl.col("body").is_not_null() & ~pl.col("_ok"))
    good = out.filter(pl.col("_ok"))
    in_range = (pl.col("pghp_us") >= TS_MIN_S * 1_000_000) & (pl.col("pghp_us") < TS_MAX_S * 1_000_000)
    bad_time = good.filter(pl.col("_t").fill_null(False) & ~in_range.fill_null(False))
    good = good.filter(
        pl.col("_t").fill_null(False) & in_range.fill_null(False) & pl.col("key").str.contains(r"^[0-9A-F]{2}$")
    )
    bad = pl.concat(
        [
            out.filter(pl.col("body").is_null()).select("line", pl.lit("malformed $PGHP sentence").alias("reason")),
            bad_cs.select("line", pl.lit("NMEA checksum mismatch").alias("reason")),
            bad_time.select("line", pl.lit("bad $PGHP time").alias("reason")),
        ]
    )
    return good.select("line", "key", "pghp_us"), bad


def sentence_keys(lines: pl.DataFrame) -> pl.DataFrame:
    """(line, key): the checksum of the AIS sentence on every AIS line, valid or not (what a PGHP may name)."""
    key = pl.col("raw").str.extract(SENTENCE + r"[^*]*\*([0-9A-Fa-f]{2})", 1).str.to_uppercase()
    return lines.select("line", key.alias("key")).filter(pl.col("key").is_not_null())


def match_pghp(ais: pl.DataFrame, pghp: pl.DataFrame, keys: pl.DataFrame) -> pl.Series:
    """PGHP time (µs) for each AIS row (``line``, ``cs``): mutual nearest by referenced checksum, else null.

    ``keys`` holds every AIS line within reach (:func:`sentence_keys`), so a PGHP's own nearest sentence is
    judged among all of them, whatever was already emitted or still waits in the next chunk.
    """
    if ais.height == 0 or pghp.height == 0:
        return pl.Series("pghp_us", [None] * ais.height, dtype=pl.Int64)
    a = ais.select("line", pl.col("cs").str.to_uppercase().alias("key")).with_row_index("_i").sort("line")
    p = pghp.rename({"line": "pline"}).sort("pline")
    fwd = a.join_asof(
        p, left_on="line", right_on="pline", by="key", strategy="nearest", tolerance=PGHP_WINDOW, check_sortedness=False
    )
    back = p.join_asof(
        keys.select(pl.col("line").alias("aline"), "key").sort("aline"),
        left_on="pline",
        right_on="aline",
        by="key",
        strategy="nearest",
        tolerance=PGHP_WINDOW,
        check_sortedness=False,
    )
    pairs = back.filter(pl.col("aline").is_not_null()).select("pline", pl.col("aline").alias("line"), "pghp_us")
    got = fwd.select("_i", "line", "pline").join(pairs, on=["line", "pline"], how="left").sort("_i")
    return got["pghp_us"].alias("pghp_us")


def times(df: pl.DataFrame) -> tuple[pl.Series, pl.Series]:
    """(epoch µs per line or null, True where a time was found but lies outside the plausible window).

    Sources by priority: tag ``c:``, PGHP match (column ``pghp_us``), time prefix, first epoch after the checksum.
    """
    c = df["tag"].str.extract(r"(?:^|,)c:(\d{1,16}(?:\.\d+)?)(?:,|\*|$)", 1).cast(pl.Float64, strict=False)
    c_s = pl.Series(np.where(c.fill_null(0).to_numpy() > 1e11, c.to_numpy() / 1000.0, c.to_numpy()))
    pre = df["pre"].str.strip_chars().str.strip_chars_end(":").str.strip_chars()
    pre_epoch = pre.str.extract(r"^(\d{9,10}(?:\.\d+)?)$", 1).cast(pl.Float64, strict=False)
    iso = pl.Series([None] * df.height, dtype=pl.Datetime("us", "UTC"))
    for fmt in _ISO_FORMATS:
        parsed = pre.str.to_datetime(fmt, strict=False, time_unit="us", time_zone="UTC")
        iso = iso.fill_null(parsed)
    iso_s = iso.dt.epoch("us").cast(pl.Float64) / 1e6
    trail = df["trail"].str.extract(r",(\d{13}|\d{9,10}(?:\.\d+)?)\s*(?:,|$)", 1)
    trail_s = pl.Series(
        np.where(trail.str.len_chars().fill_null(0).to_numpy() == 13, 1e-3, 1.0)
        * trail.cast(pl.Float64, strict=False).to_numpy()
    )
    pghp_s = df["pghp_us"].cast(pl.Float64) / 1e6 if "pghp_us" in df.columns else pl.Series([None] * df.height)
    sec = pl.select(
        pl.coalesce(c_s.fill_nan(None), pghp_s.cast(pl.Float64), iso_s, pre_epoch, trail_s.fill_nan(None))
    ).to_series()
    if not sec.len():
        return sec.cast(pl.Int64), pl.Series([], dtype=pl.Boolean)
    out = (sec < TS_MIN_S) | (sec >= TS_MAX_S) | sec.is_nan()
    us = (sec.set(out.fill_null(False), None) * 1e6).round(0).cast(pl.Int64)
    return us, out.fill_null(False)


def split_sentences(lines: pl.DataFrame) -> pl.DataFrame:
    """Cut AIS lines into prefix, tag block, sentence fields, checksum and trailer; ``sent`` null when malformed.

    Done with literal finds, slices and one ``split_exact`` rather than one big regex with captures (about 3x
    faster in Polars); the structure is then validated by cheap per-field checks.
    """
    raw = pl.col("raw")
    df = lines.with_columns(raw.str.find(SENTENCE).alias("_p"))
    df = df.with_columns(raw.str.slice(0, pl.col("_p")).alias("_head"), raw.str.slice(pl.col("_p")).alias("_s"))
    df = df.with_columns(pl.col("_s").str.find("*", literal=True).alias("_star"))
    df = df.with_columns(
        pl.col("_s").str.slice(0, pl.col("_star") + 3).alias("sent"),
        pl.col("_s").str.slice(1, pl.col("_star") - 1).alias("body"),
        pl.col("_s").str.slice(pl.col("_star") + 1, 2).alias("cs"),
        pl.col("_s").str.slice(pl.col("_star") + 3).alias("trail"),
        pl.col("_head").str.extract(r"\\([^\\]*)\\", 1).alias("tag"),
        pl.col("_head").str.replace(r"\\[^\\]*\\", "").alias("pre"),
    )
    names = ["_talker", "count", "num", "seq", "chan", "payload", "fill"]
    df = df.with_columns(pl.col("body").str.split_exact(",", 6).struct.rename_fields(names).alias("_f")).unnest("_f")
    ok = (
        pl.col("_star").is_not_null()
        & (pl.col("body").str.count_matches(",", literal=True) == 6)
        & pl.col("cs").str.contains(r"^[0-9A-Fa-f]{2}$")
        & pl.col("count").str.contains(r"^\d$")
        & pl.col("num").str.contains(r"^\d$")
        & pl.col("fill").str.contains(r"^[0-5]$")
        & pl.col("seq").str.contains(r"^\d?$")
        & pl.col("chan").str.contains(r"^[A-Za-z0-9]?$")
    ).fill_null(False)
    return df.with_columns(pl.when(ok).then(pl.col("sent")).otherwise(None).alias("sent")).drop(
        "_p", "_head", "_s", "_star", "_talker"
    )


def tag_status(df: pl.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(tag block acceptable, tag block accepted unverified with a ``*00`` placeholder) per row."""
    tag = df["tag"]
    has_cs = tag.str.contains(r"\*[0-9A-Fa-f]{2}$").fill_null(False).to_numpy()
    body = tag.str.replace(r"\*[0-9A-Fa-f]{2}$", "")
    given = tag.str.extract(r"\*([0-9A-Fa-f]{2})$", 1)
    verified = checksum_ok(body, given)
    placeholder = has_cs & (given == "00").fill_null(False).to_numpy() & ~verified
    return (verified | ~has_cs | placeholder), placeholder


def ignore(rejects: RejectLog, n: int, reason: str) -> None:
    """Count lines that are accounted for but carry no ship position (no sample: they are not problems)."""
    if n > 0:
        rejects.add_many("", [], reason, n)


def reject(rejects: RejectLog, path: str, bad: pl.DataFrame, reason: str) -> None:
    """Reject the lines of ``bad`` (column ``line``) with one reason; samples bounded by the log."""
    if bad.height:
        rejects.add_many(path, (f"line {ln}" for ln in bad["line"].head(rejects.max_samples)), reason, bad.height)

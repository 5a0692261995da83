"""SBS-1 / BaseStation text lines (port 30003) to canonical points, a whole chunk of lines at once.

Fields (0-based): 0 ``MSG``, 1 transmission type, 4 hex ident, 6/7 date/time generated, 10 callsign,
11 altitude (ft), 12 ground speed (kt), 13 track, 14 lat, 15 lon, 16 vertical rate (ft/min), 17 squawk,
21 is-on-ground. Times are taken as UTC (dump1090/readsb write UTC on most installs; the feed's own clock
is used, so replays keep their times). Lines that are not ``MSG`` rows or lack an address are counted as bad,
and so is a line holding a control byte (0x00-0x1F other than tab/CR, or 0x7F): SBS is printable text, so such
a line is line noise, and the byte must not reach the line splitter (0x1F is its separator). Non-ICAO
addresses keep readsb's ``~`` prefix, as in file ingest, so they never merge with a real airframe.
Kinematics outside physical ranges (``KINEMATIC_RANGES``) become null, as in file ingest.
"""

from __future__ import annotations

import io

import polars as pl
import pyarrow as pa

from liftwatch.io.vector import KINEMATIC_RANGES
from liftwatch.schema import PointFlag, conform, empty_points

# Control bytes map to 0xFF, which no UTF-8 text holds: the lossy decoder turns it into U+FFFD, marking the line.
CONTROL_TO_INVALID = bytes.maketrans(bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]), b"\xff" * 30)


def in_range(name: str) -> pl.Expr:
    lo, hi = KINEMATIC_RANGES[name]
    return pl.when(pl.col(name).is_between(lo, hi)).then(pl.col(name))


def parse_sbs(data: bytes) -> tuple[pa.Table, int]:
    """Canonical points (``source = "sbs"``) from complete SBS lines; returns (points, bad line count)."""
    if not data.strip():
        return empty_points(), 0
    data = data.translate(CONTROL_TO_INVALID)
    raw = pl.read_csv(
        io.BytesIO(data),
        has_header=False,
        separator="\x1f",
        quote_char=None,
        new_columns=["l"],
        schema={"l": pl.String},
        encoding="utf8-lossy",
        truncate_ragged_lines=True,
    ).filter(pl.col("l").str.strip_chars().str.len_bytes() > 0)
    parts = raw.select(pl.col("l").str.strip_chars().str.split(",").alias("f"))
    f = pl.col("f")

    def g(i: int) -> pl.Expr:
        return f.list.get(i, null_on_oob=True).str.strip_chars()

    frame = parts.select(
        noise=pl.col("f").list.join(",").str.contains("\ufffd", literal=True),
        kind=g(0),
        asset_id=g(4).str.to_lowercase(),
        ts=pl.concat_str([g(6), pl.lit(" "), g(7)]).str.to_datetime(
            "%Y/%m/%d %H:%M:%S%.f", time_zone="UTC", strict=False, time_unit="us"
        ),
        callsign=pl.when(g(10).str.len_bytes() > 0).then(g(10).str.to_uppercase()),  # noise lines are dropped
        alt_baro_ft=g(11).cast(pl.Float32, strict=False),
        gs_kt=g(12).cast(pl.Float32, strict=False),
        track_deg=g(13).cast(pl.Float32, strict=False),
        lat=g(14).cast(pl.Float64, strict=False),
        lon=g(15).cast(pl.Float64, strict=False),
        vrate_fpm=g(16).cast(pl.Float32, strict=False),
        squawk=pl.when(g(17).str.len_bytes() > 0).then(g(17)),
        on_ground=pl.when(g(21) == "-1").then(True).when(g(21) == "0").then(False),
    )
    ok = (
        ~pl.col("noise")
        & (pl.col("kind") == "MSG")
        & pl.col("asset_id").str.contains(r"^~?[0-9a-f]{6}$")
        & pl.col("ts").is_not_null()
        & (pl.col("lat").is_null() | pl.col("lat").is_between(-90, 90))
        & (pl.col("lon").is_null() | pl.col("lon").is_between(-180, 180))
    )
    good = frame.filter(ok.fill_null(False))
    bad = frame.height - good.height
    good = good.with_columns(
        source=pl.lit("sbs"),
        domain=pl.lit("air"),
        **{name: in_range(name) for name in KINEMATIC_RANGES},
        flags=pl.when(pl.col("on_ground").fill_null(False) & pl.col("lat").is_not_null())
        .then(pl.lit(int(PointFlag.SURFACE)))
        .otherwise(0)
        .cast(pl.UInt16),
    )
    return conform(good), bad

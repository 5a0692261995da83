"""The canonical tables every reader emits and every kernel takes.

One Arrow schema for points (aircraft and ships alike) keeps the pipeline one-way: readers only have to
reach this shape, and kernels never branch on where a row came from. Types are chosen compact (float32 for
kinematics, float64 only for positions, where float32 would cost ~1 m of precision) because a year of a
region's traffic is billions of rows. Documented for users in ``docs/schema.md``.
"""

from __future__ import annotations

from enum import IntFlag

import polars as pl
import pyarrow as pa


class PointFlag(IntFlag):
    """Bit flags carried in ``points.flags``; bits 0-3 mirror readsb's trace flags."""

    STALE = 1  # readsb: no fresh position for ~15-20 s; position is a repeat
    NEW_LEG = 2  # readsb: this point starts a new leg
    VRATE_GEOM = 4  # vertical rate is geometric (GNSS), not barometric
    ALT_GEOM = 8  # altitude given is geometric
    MLAT = 16  # position from multilateration
    TISB = 32  # position from TIS-B / ADS-R rebroadcast
    SURFACE = 64  # decoded from a surface-position message
    SIMULATED = 128  # produced by liftwatch.sim
    ASSUMED_TIME = 256  # the message had no time of its own; ts is the one given at ingest (--assume-time)


POINT_SCHEMA = pa.schema(
    [
        pa.field(
            "source", pa.string(), nullable=False
        ),  # opensky | readsb | aircraft_json | vrs | sbs | modes | ais | sim
        pa.field("domain", pa.string(), nullable=False),  # air | sea
        pa.field("asset_id", pa.string(), nullable=False),  # lower-case ICAO 24-bit hex, or 9-digit MMSI
        pa.field("ts", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("lat", pa.float64()),
        pa.field("lon", pa.float64()),
        pa.field("alt_baro_ft", pa.float32()),
        pa.field("alt_geom_ft", pa.float32()),
        pa.field("gs_kt", pa.float32()),
        pa.field("track_deg", pa.float32()),
        pa.field("vrate_fpm", pa.float32()),
        pa.field("heading_deg", pa.float32()),  # true heading (ships), magnetic/true heading (aircraft) if given
        pa.field("on_ground", pa.bool_()),
        pa.field("callsign", pa.string()),  # stripped, upper-case; ship call sign for AIS
        pa.field("squawk", pa.string()),  # 4 octal digits as text
        pa.field("flags", pa.uint16(), nullable=False),  # PointFlag bits
        pa.field("registration", pa.string()),
        pa.field("type_code", pa.string()),  # ICAO type designator (IL76, A124) or AIS ship type as text
    ]
)

POINT_COLUMNS: tuple[str, ...] = tuple(POINT_SCHEMA.names)

# Derived from the Arrow schema so the two can never drift apart (Polars maps each Arrow type one to one).
# ``Table.from_batches`` rather than ``Schema.empty_table()``: the latter imports pandas (~0.2 CPU s), which
# every process importing this module (each ingest worker) would pay for nothing.
POLARS_POINT_SCHEMA: dict[str, pl.DataType] = dict(pl.DataFrame(pa.Table.from_batches([], schema=POINT_SCHEMA)).schema)


def empty_points() -> pa.Table:
    """A zero-row table with the canonical schema (readers return it for empty input)."""
    return POINT_SCHEMA.empty_table()


def conform(df: pl.DataFrame | pa.Table) -> pa.Table:
    """Cast a frame to the canonical point schema: add missing optional columns as nulls, order columns.

    Readers build their columns with whatever is natural for the format and call this last, so the
    exact types live in one place.
    """
    frame = df if isinstance(df, pl.DataFrame) else pl.from_arrow(df)
    assert isinstance(frame, pl.DataFrame)
    exprs = []
    for name, dtype in POLARS_POINT_SCHEMA.items():
        if name in frame.columns:
            exprs.append(pl.col(name).cast(dtype, strict=False))
        elif name == "flags":
            exprs.append(pl.lit(0, dtype=pl.UInt16()).alias(name))
        else:
            exprs.append(pl.lit(None, dtype=dtype).alias(name))
    out = frame.select(exprs).to_arrow()
    return out.cast(POINT_SCHEMA)


def points_frame(table: pa.Table | pl.DataFrame) -> pl.DataFrame:
    """View a canonical point table as a Polars DataFrame (zero-copy where Arrow allows)."""
    if isinstance(table, pl.DataFrame):
        return table
    out = pl.from_arrow(table)
    assert isinstance(out, pl.DataFrame)
    return out


# --- flights ------------------------------------------------------------------------------------------
# Produced by liftwatch.tracks, stored in the DuckDB table ``flights``; read by analytics, claims, report.
CANDIDATE_TYPE = pa.struct(
    [
        pa.field("site_id", pa.string()),
        pa.field("prob", pa.float32()),
        pa.field("distance_km", pa.float32()),
    ]
)

FLIGHT_SCHEMA = pa.schema(
    [
        pa.field("flight_id", pa.string(), nullable=False),  # f"{asset_id}-{first_ts:%Y%m%dT%H%M%SZ}"
        pa.field("domain", pa.string(), nullable=False),  # air | sea (voyages share the table)
        pa.field("asset_id", pa.string(), nullable=False),
        pa.field("callsigns", pa.list_(pa.string())),
        pa.field("registration", pa.string()),
        pa.field("type_code", pa.string()),
        pa.field("country", pa.string()),  # ISO 3166 alpha-2 of registration / address block / MMSI MID
        pa.field("operator", pa.string()),
        pa.field("classification", pa.string()),  # military | state | civil | unknown
        pa.field("first_ts", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("last_ts", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("dep_site", pa.string()),  # kb site_id, null when unknown
        pa.field("dep_time", pa.timestamp("us", tz="UTC")),
        pa.field("dep_conf", pa.float32()),
        pa.field("start_kind", pa.string()),  # takeoff | takeoff_unknown_site | in_air | data_start
        pa.field("arr_site", pa.string()),  # best arrival site (top-1 for dark endings)
        pa.field("arr_time", pa.timestamp("us", tz="UTC")),
        pa.field("arr_conf", pa.float32()),
        pa.field("ending", pa.string()),  # landed | landed_unknown_site | dark | out_of_coverage | data_end
        pa.field("arr_candidates", pa.list_(CANDIDATE_TYPE)),  # ranked, probabilities sum to <= 1
        pa.field("distance_km", pa.float32()),
        pa.field("duration_s", pa.float32()),
        pa.field("n_points", pa.int32()),
        pa.field("last_lat", pa.float64()),
        pa.field("last_lon", pa.float64()),
        pa.field("last_alt_ft", pa.float32()),
        pa.field("geometry", pa.string()),  # simplified track as GeoJSON LineString coordinates JSON
        pa.field("evidence", pa.string()),  # JSON object: why these sites/ending were chosen
    ]
)

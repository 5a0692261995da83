"""Reader for the common AIS CSV exports: Danish Maritime Authority (DMA) and US MarineCadastre.

* DMA (``aisdata.ais.dk``): ``# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,
  Heading,IMO,Callsign,Name,Ship type,Cargo type,Width,Length,...,Draught,Destination,ETA,...``; time
  ``dd/mm/yyyy HH:MM:SS`` UTC; rows of base stations, aids to navigation and SAR aircraft are not ships and are
  counted as ignored; IMO is ``Unknown`` when absent; ship type is a word (``Cargo``).
* MarineCadastre (``AIS_YYYY_MM_DD.csv``): ``MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,
  VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass``; time ISO ``YYYY-MM-DDTHH:MM:SS`` UTC; IMO as
  ``IMO9743033``; ship type a numeric AIS code.

Both carry static fields on every row, so no join is needed: callsign, registration (IMO digits) and type_code
(ship type as given) come from the row; name and declared destination go to :func:`read_static`. AIS "not
available" values (heading 511, SOG 102.3, COG 360, lat 91, lon 181) become nulls. Parsing is by chunks through
pyarrow's CSV parser with physical line numbers (:mod:`liftwatch.io.textchunks`); values are converted with Polars
and bad rows rejected by line.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io import ais_decoded_csv
from liftwatch.io.ais_static import conform_static, empty_static, imo_number
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog
from liftwatch.io.textchunks import chunk_bytes_for, head_bytes, iter_chunks, parse_chunk
from liftwatch.schema import conform

FORMAT = "ais_csv"
FORMATS = ("ais_csv", ais_decoded_csv.FORMAT)  # one sniffer for the AIS CSV family
SOURCE = "ais"

# canonical name -> header name per dialect
DIALECTS: dict[str, dict[str, str]] = {
    "dma": {
        "ts": "# Timestamp",
        "mobile": "Type of mobile",
        "mmsi": "MMSI",
        "lat": "Latitude",
        "lon": "Longitude",
        "status": "Navigational status",
        "sog": "SOG",
        "cog": "COG",
        "heading": "Heading",
        "imo": "IMO",
        "callsign": "Callsign",
        "name": "Name",
        "ship_type": "Ship type",
        "length": "Length",
        "width": "Width",
        "draught": "Draught",
        "destination": "Destination",
    },
    "marinecadastre": {
        "ts": "BaseDateTime",
        "mmsi": "MMSI",
        "lat": "LAT",
        "lon": "LON",
        "sog": "SOG",
        "cog": "COG",
        "heading": "Heading",
        "name": "VesselName",
        "imo": "IMO",
        "callsign": "CallSign",
        "ship_type": "VesselType",
        "status": "Status",
        "length": "Length",
        "width": "Width",
        "draught": "Draft",
    },
}
_TS_MIN = datetime(2000, 1, 1, tzinfo=UTC)  # AIS began in 2002; earlier or far-future dates are corrupt
_TS_MAX = datetime(2100, 1, 1, tzinfo=UTC)
_TS_FORMATS = {"dma": ("%d/%m/%Y %H:%M:%S",), "marinecadastre": ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S")}


def _header(head: bytes) -> list[str]:
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace").strip("\r ")
    return [c.strip().strip('"') for c in first.split(",")]


def dialect_of(head: bytes) -> str | None:
    cols = set(_header(head))
    for name, mapping in DIALECTS.items():
        need = {mapping[k] for k in ("ts", "mmsi", "lat", "lon")}
        if need <= cols:
            return name
    return None


def sniff(head: bytes, path: str) -> str | bool:
    """The format of an AIS CSV header: "ais_csv" (DMA, MarineCadastre), "ais_decoded_csv" (Spire style), or False."""
    if dialect_of(head) is not None:
        return FORMAT
    if ais_decoded_csv.sniff(head, path):
        return ais_decoded_csv.FORMAT
    return False


def read_format(path: str, fmt: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Dispatch to the reader of ``fmt`` (both formats are detected here)."""
    if fmt == ais_decoded_csv.FORMAT:
        yield from ais_decoded_csv.read(path, rejects, batch_rows)
    else:
        yield from read(path, rejects, batch_rows)


def read(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Stream canonical sea points, one per data row, in file order."""
    for frame in _frames(path, rejects, batch_rows):
        if frame.height:
            yield conform(frame.drop("name", "destination", "_line"))


def read_static(path: str, rejects: RejectLog | None = None) -> pl.DataFrame:
    """Static rows (name, IMO, call sign, type, destination) when they change, per MMSI."""
    out = []
    for f in _frames(path, rejects or RejectLog(), DEFAULT_BATCH_ROWS):
        st = f.select(
            "asset_id",
            "ts",
            "name",
            pl.col("registration").alias("imo"),
            "callsign",
            pl.col("type_code").alias("ship_type"),
            "destination",
        )
        out.append(conform_static(st).unique(["asset_id", "name", "imo", "callsign", "destination"], keep="first"))
    return pl.concat(out).sort("asset_id", "ts") if out else empty_static()


def _frames(path: str, rejects: RejectLog, batch_rows: int) -> Iterator[pl.DataFrame]:
    p = os.fspath(path)
    if os.path.isdir(p):
        raise UnreadableFileError(p, "is a directory, not an AIS CSV export")
    head = head_bytes(p)
    if not head.strip():
        return
    dialect = dialect_of(head)
    if dialect is None:
        raise UnreadableFileError(p, "not a DMA or MarineCadastre AIS CSV (header lacks timestamp/MMSI/lat/lon)")
    names = _header(head)
    mapping = DIALECTS[dialect]
    for chunk in iter_chunks(p, chunk_bytes_for(batch_rows, head), rejects):
        parsed = parse_chunk(chunk, names, dict.fromkeys(names, pa.string()))
        for ln in parsed.invalid_lines:
            rejects.add(p, f"line {ln}", "wrong number of fields")
        raw = pl.from_arrow(parsed.table)
        assert isinstance(raw, pl.DataFrame)
        raw = raw.with_columns(pl.Series("_line", parsed.lines, dtype=pl.Int64)).filter(pl.col("_line") != 1)
        yield _convert(p, raw, mapping, dialect, rejects)


def _col(raw: pl.DataFrame, mapping: dict[str, str], key: str) -> pl.Expr:
    name = mapping.get(key)
    if name is None or name not in raw.columns:
        return pl.lit(None, dtype=pl.String)
    return pl.col(name).str.strip_chars()


def _convert(path: str, raw: pl.DataFrame, mapping: dict[str, str], dialect: str, rejects: RejectLog) -> pl.DataFrame:
    ts = pl.coalesce(
        [
            _col(raw, mapping, "ts").str.to_datetime(f, strict=False, time_unit="us", time_zone="UTC")
            for f in _TS_FORMATS[dialect]
        ]
    )
    num = {k: _col(raw, mapping, k).cast(pl.Float64, strict=False) for k in ("lat", "lon", "sog", "cog", "heading")}
    df = raw.select(
        pl.col("_line"),
        _col(raw, mapping, "mobile").alias("mobile"),
        _col(raw, mapping, "mmsi").alias("mmsi_raw"),
        ts.alias("ts"),
        *[v.alias(k) for k, v in num.items()],
        imo_number(_col(raw, mapping, "imo")).alias("registration"),
        _col(raw, mapping, "callsign").str.to_uppercase().alias("callsign"),
        _col(raw, mapping, "name").str.to_uppercase().alias("name"),
        _col(raw, mapping, "ship_type").alias("type_code"),
        _col(raw, mapping, "status").alias("status"),
        _col(raw, mapping, "destination").str.to_uppercase().alias("destination"),
    )
    not_ship = df["mobile"].is_not_null() & ~df["mobile"].is_in(["Class A", "Class B"])
    if not_ship.any():
        rejects.add_many(path, [], "ignored non-ship row (base station, AtoN, SAR aircraft)", int(not_ship.sum()))
    df = df.filter(~not_ship)
    mmsi_ok = df["mmsi_raw"].str.contains(r"^\d{1,9}$").fill_null(False) & (df["mmsi_raw"] != "0")
    checks = [
        (~mmsi_ok, "bad MMSI"),
        (df["ts"].is_null(), "bad or missing timestamp"),
        ((df["ts"] < _TS_MIN) | (df["ts"] >= _TS_MAX), "timestamp outside 2000-01-01 .. 2100-01-01"),
        (df["lat"].is_not_null() & ((df["lat"].abs() > 91) | df["lat"].is_nan()), "latitude out of range"),
        (df["lon"].is_not_null() & ((df["lon"].abs() > 181) | df["lon"].is_nan()), "longitude out of range"),
    ]
    bad = np.zeros(df.height, dtype=bool)
    for mask, reason in checks:
        m = mask.fill_null(False).to_numpy() & ~bad
        if m.any():
            rejects.add_many(
                path,
                (f"line {ln}" for ln in df["_line"].filter(pl.Series(m)).head(rejects.max_samples)),
                reason,
                int(m.sum()),
            )
        bad |= m
    df = df.filter(pl.Series(~bad))
    na_pos = (
        (pl.col("lat").abs() > 90) | (pl.col("lon").abs() > 180) | pl.col("lat").is_null() | pl.col("lon").is_null()
    )
    status = pl.col("status").str.to_lowercase()
    code = status.cast(pl.Float64, strict=False)  # MarineCadastre writes the status code as "5.0"
    return df.select(
        pl.lit(SOURCE).alias("source"),
        pl.lit("sea").alias("domain"),
        pl.col("mmsi_raw").str.zfill(9).alias("asset_id"),
        "ts",
        pl.when(na_pos).then(None).otherwise(pl.col("lat")).alias("lat"),
        pl.when(na_pos).then(None).otherwise(pl.col("lon")).alias("lon"),
        pl.when(pl.col("sog") >= 102.3).then(None).otherwise(pl.col("sog")).alias("gs_kt"),
        pl.when((pl.col("cog") >= 360) | (pl.col("cog") < 0)).then(None).otherwise(pl.col("cog")).alias("track_deg"),
        pl.when((pl.col("heading") >= 360) | (pl.col("heading") < 0))
        .then(None)
        .otherwise(pl.col("heading"))
        .alias("heading_deg"),
        (status.str.contains("moored|at anchor").fill_null(False) | code.is_in([1.0, 5.0]).fill_null(False)).alias(
            "on_ground"
        ),
        pl.when(pl.col("callsign").is_in(["", "UNKNOWN"])).then(None).otherwise(pl.col("callsign")).alias("callsign"),
        "registration",
        pl.when(pl.col("type_code").is_in(["", "Undefined", "0"]))
        .then(None)
        .otherwise(pl.col("type_code"))
        .alias("type_code"),
        pl.when(pl.col("name").is_in(["", "UNKNOWN"])).then(None).otherwise(pl.col("name")).alias("name"),
        "destination",
        "_line",
    )

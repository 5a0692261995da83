"""Reader for AIS CSV exports: Danish Maritime Authority (DMA), US MarineCadastre, and any other by its header.

* DMA (``aisdata.ais.dk``): ``# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,
  Heading,IMO,Callsign,Name,Ship type,Cargo type,Width,Length,...,Draught,Destination,ETA,...``; time
  ``dd/mm/yyyy HH:MM:SS`` UTC; rows of base stations, aids to navigation and SAR aircraft are not ships and are
  counted as ignored; IMO is ``Unknown`` when absent; ship type is a word (``Cargo``).
* MarineCadastre (``AIS_YYYY_MM_DD.csv``): ``MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,
  VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass``; time ISO ``YYYY-MM-DDTHH:MM:SS`` UTC; IMO as
  ``IMO9743033``; ship type a numeric AIS code.

* Any other export whose header names the MMSI, a time, the latitude and the longitude in a spelling AIS
  exporters use, separated by ``,``, ``;``, a tab or ``|`` (the Norwegian Coastal Administration's and Statsat's
  ``mmsi;lon;lat;date_time_utc;sog;cog;true_heading;nav_status;...``, AISHub's and VesselFinder's
  ``MMSI,TIME|TIMESTAMP,LONGITUDE,LATITUDE,COG|COURSE,SOG|SPEED,HEADING,NAVSTAT,IMO,NAME,CALLSIGN,TYPE,...``):
  columns are matched by name (case, spaces and underscores ignored, :data:`ALIASES`); times are ISO 8601 (``T``
  or space, fractions, a ``Z``/``UTC``/``GMT`` suffix) or Unix seconds or milliseconds, all UTC. Day-first and
  month-first dates (``01/02/2024``) cannot be told apart without the exporter, so such a column is rejected row
  by row rather than guessed.

AISHub's web service writes positions either in degrees ("human readable") or, by default, in the units of
the AIS messages themselves under the same column names: latitude and longitude in 1/10000 minute (degrees
× 600000), COG and SOG in tenths. The header cannot tell them apart, so the first rows holding positions decide
for the whole file (:func:`ais_units`): integer positions, nine in ten beyond ±91/±181 and all within the AIS
range, are AIS units and are scaled; anything else is read as degrees and out-of-range rows are rejected by line.

All carry static fields on every row, so no join is needed: callsign, registration (IMO digits) and type_code
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
# canonical name -> the header spellings of other exporters, compared without case, spaces or punctuation
ALIASES: dict[str, tuple[str, ...]] = {
    "mmsi": ("mmsi", "userid", "ssvid"),
    "ts": ("timestamp", "time", "datetime", "datetimeutc", "basedatetime", "msgtime", "timestamputc", "ts"),
    "lat": ("lat", "latitude"),
    "lon": ("lon", "long", "lng", "longitude"),
    "sog": ("sog", "speed", "speedoverground"),
    "cog": ("cog", "course", "courseoverground"),
    "heading": ("heading", "trueheading", "hdg"),
    "status": ("navstat", "navstatus", "navigationalstatus", "navigationstatus", "status"),
    "imo": ("imo", "imonumber"),
    "callsign": ("callsign",),
    "name": ("name", "shipname", "vesselname"),
    "ship_type": ("shiptype", "vesseltype", "type"),
    "destination": ("destination", "dest"),
    "length": ("length",),
    "width": ("width",),
    "draught": ("draught", "draft"),
}
_DELIMITERS = (",", ";", "\t", "|")
_TS_MIN = datetime(2000, 1, 1, tzinfo=UTC)  # AIS began in 2002; earlier or far-future dates are corrupt
_TS_MAX = datetime(2100, 1, 1, tzinfo=UTC)
_ISO = ("%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M")
_TS_FORMATS = {
    "dma": ("%d/%m/%Y %H:%M:%S",),
    "marinecadastre": ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"),
    "generic": _ISO,
}
_REQUIRED = ("ts", "mmsi", "lat", "lon")
_AIS_DEG = 600_000.0  # AIS positions: 1/10000 minute
_AIS_SHARE = 0.9  # share of positions beyond degree range that marks a file as written in AIS units


def _first_line(head: bytes) -> str:
    return head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace").strip("\r ")


def _delimiter(line: str) -> str:
    """The separator a header line uses: the most frequent of ``,``, ``;``, tab and ``|``."""
    return max(_DELIMITERS, key=line.count)


def _header(head: bytes, delimiter: str = ",") -> list[str]:
    return [c.strip().strip('"') for c in _first_line(head).split(delimiter)]


def _norm(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


def _generic(names: list[str]) -> dict[str, str] | None:
    """The column of each canonical field a header names by one of :data:`ALIASES` (None: not an AIS CSV)."""
    by_norm: dict[str, str] = {}
    for n in names:
        by_norm.setdefault(_norm(n), n)
    mapping = {
        key: next(by_norm[a] for a in aliases if a in by_norm)
        for key, aliases in ALIASES.items()
        if any(a in by_norm for a in aliases)
    }
    return mapping if all(k in mapping for k in _REQUIRED) else None


def layout_of(head: bytes) -> tuple[str, dict[str, str], str] | None:
    """(dialect, canonical field -> column, delimiter) of an AIS CSV header, or None."""
    cols = set(_header(head))
    for name, mapping in DIALECTS.items():
        need = {mapping[k] for k in _REQUIRED}
        if need <= cols:
            return name, mapping, ","
    delimiter = _delimiter(_first_line(head))
    generic = _generic(_header(head, delimiter))
    return ("generic", generic, delimiter) if generic is not None else None


def dialect_of(head: bytes) -> str | None:
    """``"dma"``, ``"marinecadastre"`` or ``"generic"`` for an AIS CSV header, else None."""
    found = layout_of(head)
    return found[0] if found is not None else None


def sniff(head: bytes, path: str) -> str | bool:
    """The format of an AIS CSV header: "ais_csv" (DMA, MarineCadastre, others by column names),
    "ais_decoded_csv" (Spire style), or False. Spire's header is tried before the generic match, which it
    would satisfy too."""
    found = layout_of(head)
    if found is not None and found[0] != "generic":
        return FORMAT
    if ais_decoded_csv.sniff(head, path):
        return ais_decoded_csv.FORMAT
    return FORMAT if found is not None else False


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
    found = layout_of(head)
    if found is None:
        raise UnreadableFileError(
            p,
            "not an AIS CSV: the header names no MMSI, time, latitude and longitude columns (DMA, MarineCadastre "
            f"or the spellings in liftwatch.io.ais_csv.ALIASES); it has: {_first_line(head)[:200]!r}",
        )
    dialect, mapping, delimiter = found
    names = _unique(_header(head, delimiter))
    scaled: bool | None = None if dialect == "generic" else False  # the named dialects write degrees
    for chunk in iter_chunks(p, chunk_bytes_for(batch_rows, head), rejects):
        parsed = parse_chunk(chunk, names, dict.fromkeys(names, pa.string()), delimiter=delimiter)
        for ln in parsed.invalid_lines:
            rejects.add(p, f"line {ln}", "wrong number of fields")
        raw = pl.from_arrow(parsed.table)
        assert isinstance(raw, pl.DataFrame)
        raw = raw.with_columns(pl.Series("_line", parsed.lines, dtype=pl.Int64)).filter(pl.col("_line") != 1)
        if scaled is None and {mapping["lat"], mapping["lon"]} <= set(raw.columns):
            scaled = ais_units(raw[mapping["lat"]], raw[mapping["lon"]])
        yield _convert(p, raw, mapping, dialect, rejects, scaled=bool(scaled))


def ais_units(lat: pl.Series, lon: pl.Series) -> bool | None:
    """Whether positions are written in AIS units (1/10000 minute), from a file's first rows; None when they hold
    no position yet (the next rows decide).

    Degrees never exceed ±91/±181 (91 and 181 being AIS's "not available"), so a file whose positions mostly do
    is in AIS units, provided they are whole numbers within the AIS range: a degrees file with a few corrupt
    rows, or garbage, stays degrees and its bad rows are rejected.
    """
    y = lat.cast(pl.String).str.strip_chars().cast(pl.Float64, strict=False)
    x = lon.cast(pl.String).str.strip_chars().cast(pl.Float64, strict=False)
    both = y.is_not_null() & x.is_not_null() & y.is_finite() & x.is_finite()
    ya, xa = y.filter(both).to_numpy(), x.filter(both).to_numpy()
    if ya.size == 0:
        return None
    whole = bool(np.all(ya == np.round(ya)) and np.all(xa == np.round(xa)))
    in_range = bool(np.all(np.abs(ya) <= 91 * _AIS_DEG) and np.all(np.abs(xa) <= 181 * _AIS_DEG))
    beyond = float(np.mean((np.abs(ya) > 91) | (np.abs(xa) > 181)))
    return whole and in_range and beyond >= _AIS_SHARE


def _unique(names: list[str]) -> list[str]:
    """Header names made unique for the parser (a repeated or empty name gets a suffix; the first keeps its own)."""
    out: list[str] = []
    for n in names:
        name, k = n or "column", 1
        while name in out:
            k += 1
            name = f"{n or 'column'}_{k}"
        out.append(name)
    return out


def _col(raw: pl.DataFrame, mapping: dict[str, str], key: str) -> pl.Expr:
    name = mapping.get(key)
    if name is None or name not in raw.columns:
        return pl.lit(None, dtype=pl.String)
    return pl.col(name).str.strip_chars()


def _epoch(text: pl.Expr) -> pl.Expr:
    """Unix seconds (10 digits, fractions allowed) or milliseconds (13 digits) as UTC times; anything else null."""
    x = text.cast(pl.Float64, strict=False)
    us = (
        pl.when((x >= 9.4e8) & (x < 4.2e9))
        .then(x * 1e6)
        .when((x >= 9.4e11) & (x < 4.2e12))
        .then(x * 1e3)
        .otherwise(None)
    )
    return us.round(0).cast(pl.Int64).cast(pl.Datetime("us", "UTC"))


def _convert(
    path: str, raw: pl.DataFrame, mapping: dict[str, str], dialect: str, rejects: RejectLog, *, scaled: bool = False
) -> pl.DataFrame:
    text = _col(raw, mapping, "ts")
    if dialect == "generic":  # "…Z", "… UTC", "… GMT", "…+00:00": all UTC
        text = text.str.replace(r"(?i)\s*(z|utc|gmt|\+00:?00)$", "")
    parsed = [text.str.to_datetime(f, strict=False, time_unit="us", time_zone="UTC") for f in _TS_FORMATS[dialect]]
    if dialect == "generic":
        parsed.append(_epoch(text))
    ts = pl.coalesce(parsed)
    num = {k: _col(raw, mapping, k).cast(pl.Float64, strict=False) for k in ("lat", "lon", "sog", "cog", "heading")}
    if scaled:  # AIS units: positions in 1/10000 minute, COG and SOG in tenths (3600 and 1023 stay "not available")
        num = {k: v / {"lat": _AIS_DEG, "lon": _AIS_DEG, "sog": 10.0, "cog": 10.0}.get(k, 1.0) for k, v in num.items()}
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
    header = (df["mmsi_raw"].str.to_lowercase() == mapping["mmsi"].lower()).fill_null(False)
    if header.any():  # files joined end to end (the days of a month's zip): each later file's header line
        where = (f"line {ln}" for ln in df["_line"].filter(header).head(rejects.max_samples))
        rejects.add_many(path, where, "repeated header line", int(header.sum()))
        df = df.filter(~header)
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

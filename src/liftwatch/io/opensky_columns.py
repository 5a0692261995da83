"""OpenSky state-vector columns -> canonical points: column layouts, unit conversion, vectorised validation.

Both OpenSky shapes are covered by naming *roles* (position time, latitude, ...) and the column names each shape
uses for them: the historical database table ``state_vectors_data4`` (Trino/Impala; ``time, icao24, lat, lon,
velocity, heading, vertrate, callsign, onground, alert, spi, squawk, baroaltitude, geoaltitude, lastposupdate,
lastcontact[, serials][, hour]``) and the REST API state vector (``icao24, callsign, origin_country,
time_position, last_contact, longitude, latitude, baro_altitude, on_ground, velocity, true_track,
vertical_rate, sensors, geo_altitude, squawk, spi, position_source[, category]``).

Conversion and validation are whole-column Arrow compute (:mod:`liftwatch.io.vector`) so CSV chunks and Parquet
batches share one code path: columns may arrive typed (fast CSV path, Parquet) or as text (a CSV chunk that failed
typed parsing); a non-empty value that does not convert rejects its row as "unparsable <column>".

Time: OpenSky's ``time`` is the sampling instant of the state-vector grid (every 10 s in history), not when the
position was measured; the position time is ``lastposupdate`` (REST: ``time_position``). A point's ``ts`` is the
position time when given, else the sampling time (``time``; REST: ``last_contact``). When the position is more
than :data:`STALE_AFTER_S` older than the sampling time the point is flagged ``PointFlag.STALE``, like readsb's
stale bit: it repeats an old position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.io.vector import (
    Column,
    Problems,
    as_bool,
    as_float,
    clean_callsign,
    clean_hex,
    clean_squawk,
    const_string,
    finite,
    position_problems,
    seconds_to_ts,
)
from liftwatch.schema import POINT_SCHEMA, PointFlag

SOURCE = "opensky"
M_TO_FT = 1.0 / 0.3048
MS_TO_KT = 3600.0 / 1852.0
MS_TO_FPM = 60.0 / 0.3048
STALE_AFTER_S = 15.0
TS_MIN_S = 946_684_800.0  # 2000-01-01: ADS-B networks did not exist before; earlier means a corrupt time
TS_MAX_S = 4_102_444_800.0  # 2100-01-01
POSITION_SOURCE_MLAT = 2  # REST position_source: 0 ADS-B, 1 ASTERIX, 2 MLAT, 3 FLARM

HISTORY_COLUMNS = (
    "time",
    "icao24",
    "lat",
    "lon",
    "velocity",
    "heading",
    "vertrate",
    "callsign",
    "onground",
    "alert",
    "spi",
    "squawk",
    "baroaltitude",
    "geoaltitude",
    "lastposupdate",
    "lastcontact",
    "serials",
    "hour",
)
REST_COLUMNS = (
    "icao24",
    "callsign",
    "origin_country",
    "time_position",
    "last_contact",
    "longitude",
    "latitude",
    "baro_altitude",
    "on_ground",
    "velocity",
    "true_track",
    "vertical_rate",
    "sensors",
    "geo_altitude",
    "squawk",
    "spi",
    "position_source",
    "category",
)

# role -> column names that carry it, first present wins
ROLES: dict[str, tuple[str, ...]] = {
    "icao24": ("icao24",),
    "pos_time": ("lastposupdate", "time_position"),
    "time": ("time", "last_contact", "lastcontact"),
    "lat": ("lat", "latitude"),
    "lon": ("lon", "longitude"),
    "velocity": ("velocity",),
    "track": ("heading", "true_track"),
    "vrate": ("vertrate", "vertical_rate"),
    "callsign": ("callsign",),
    "on_ground": ("onground", "on_ground"),
    "squawk": ("squawk",),
    "baro": ("baroaltitude", "baro_altitude"),
    "geo": ("geoaltitude", "geo_altitude"),
    "position_source": ("position_source",),
}
_TEXT_ROLES = frozenset({"icao24", "callsign", "squawk"})
_BOOL_ROLES = frozenset({"on_ground"})
_EPOCH = re.compile(r"^\d{9,11}(\.\d*)?$")
_HEX6 = re.compile(r"^[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Layout:
    """Which file column plays which role; ``names`` are all columns in file order."""

    names: tuple[str, ...]
    roles: dict[str, str]

    @property
    def include(self) -> list[str]:
        return list(dict.fromkeys(self.roles.values()))

    def arrow_types(self) -> dict[str, pa.DataType]:
        """Types for the fast typed CSV parse (times as float64: real files carry fractional seconds)."""
        out: dict[str, pa.DataType] = {}
        for role, col in self.roles.items():
            if role in _TEXT_ROLES:
                out[col] = pa.string()
            elif role in _BOOL_ROLES:
                out[col] = pa.bool_()
            else:
                out[col] = pa.float64()
        return out


def normalise_name(name: str) -> str:
    return name.strip().strip('"').strip().lower()


def layout_from_names(names: Sequence[str]) -> Layout | None:
    """Layout of a file whose column names are known (CSV header, Parquet schema); None if not OpenSky."""
    if "icao24" not in ",".join(names).lower():  # the one required name: cheap refusal of long non-OpenSky lines
        return None
    norm = tuple(normalise_name(n) for n in names)
    present = set(norm)
    roles: dict[str, str] = {}
    for role, candidates in ROLES.items():
        for c in candidates:
            if c in present:
                roles[role] = c
                break
    if not {"icao24", "lat", "lon"} <= roles.keys() or not ({"time", "pos_time"} & roles.keys()):
        return None
    return Layout(norm, roles)


def layout_from_fields(fields: Sequence[str]) -> Layout | None:
    """Layout of a header-less CSV from its first row: history rows start with an epoch, REST rows with a hex id."""
    n = len(fields)
    if n < 2:
        return None
    f0 = fields[0].strip().strip('"')
    f1 = fields[1].strip().strip('"')
    if _EPOCH.match(f0) and _HEX6.match(f1) and n in (16, 17, 18):
        if n == 17:
            last = fields[16].strip()
            extra = "serials" if (not last or last[0] in "[{(") else "hour"
            names: tuple[str, ...] = (*HISTORY_COLUMNS[:16], extra)
        else:
            names = HISTORY_COLUMNS[:n]
        return layout_from_names(names)
    if _HEX6.match(f0) and n in (17, 18):
        return layout_from_names(REST_COLUMNS[:n])
    return None


# --- conversion ----------------------------------------------------------------------------------------------
_FLOAT_ROLES = ("pos_time", "time", "lat", "lon", "velocity", "track", "vrate", "baro", "geo", "position_source")


def to_points(table: pa.Table, layout: Layout) -> tuple[pa.Table, list[tuple[str, np.ndarray]]]:
    """Canonical points for the good rows of ``table`` and ``[(reason, row indices)]`` for the others."""
    n = table.num_rows
    roles = layout.roles
    problems = Problems(n)

    ids, id_ok = clean_hex(table.column(roles["icao24"]))
    if id_ok is not None:
        problems.add(pc.equal(ids, "icao24"), "repeated header line")
        problems.add(pc.invert(id_ok), "bad icao24 (not 6 hex digits)")
    v: dict[str, Column] = {}
    for role in _FLOAT_ROLES:
        if role not in roles:
            v[role] = pa.nulls(n, pa.float64())
            continue
        v[role], bad = as_float(table.column(roles[role]))
        problems.add(bad, f"unparsable {roles[role]}")
    if "on_ground" in roles:
        ground, bad = as_bool(table.column(roles["on_ground"]))
        problems.add(bad, f"unparsable {roles['on_ground']}")
    else:
        ground = pa.nulls(n, pa.bool_())
    t = pc.coalesce(v["pos_time"], v["time"])
    problems.add(pc.is_null(t), "no time")
    problems.add(
        pc.invert(pc.fill_null(pc.and_(pc.greater_equal(t, TS_MIN_S), pc.less_equal(t, TS_MAX_S)), True)),
        "time out of range",
    )
    position_problems(problems, v["lat"], v["lon"])
    keep, groups = problems.resolve()

    cols: dict[str, Column] = {
        "asset_id": ids,
        "t": t,
        "ground": ground,
        "callsign": table.column(roles["callsign"]) if "callsign" in roles else pa.nulls(n, pa.string()),
        "squawk": table.column(roles["squawk"]) if "squawk" in roles else pa.nulls(n, pa.string()),
        **v,
    }
    if keep is not None:
        mask = pa.array(keep)
        cols = {k: pc.filter(c, mask) for k, c in cols.items()}
        n = int(keep.sum())
    stale = pc.fill_null(pc.greater(pc.subtract(cols["time"], cols["pos_time"]), STALE_AFTER_S), False)
    mlat = pc.fill_null(pc.equal(cols["position_source"], POSITION_SOURCE_MLAT), False)
    flags = pc.add(
        pc.multiply(pc.cast(stale, pa.uint16()), int(PointFlag.STALE)),
        pc.multiply(pc.cast(mlat, pa.uint16()), int(PointFlag.MLAT)),
    )
    f32 = pa.float32()
    arrays = [
        const_string(SOURCE, n),
        const_string("air", n),
        cols["asset_id"],
        seconds_to_ts(cols["t"]),
        cols["lat"],
        cols["lon"],
        pc.cast(pc.multiply(finite(cols["baro"]), M_TO_FT), f32),
        pc.cast(pc.multiply(finite(cols["geo"]), M_TO_FT), f32),
        pc.cast(pc.multiply(finite(cols["velocity"]), MS_TO_KT), f32),
        pc.cast(finite(cols["track"]), f32),
        pc.cast(pc.multiply(finite(cols["vrate"]), MS_TO_FPM), f32),
        pa.nulls(n, f32),
        cols["ground"],
        clean_callsign(cols["callsign"]),
        clean_squawk(cols["squawk"]),
        pc.cast(flags, pa.uint16()),
        pa.nulls(n, pa.string()),
        pa.nulls(n, pa.string()),
    ]
    return pa.Table.from_arrays(arrays, schema=POINT_SCHEMA), groups

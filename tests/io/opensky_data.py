"""Builders for OpenSky state-vector files in their exact real layouts (shared by the reader and fuzz tests)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# The public ``states_<date>-<hour>.csv`` dumps and a Trino/Impala export of state_vectors_data4.
HISTORY_DUMP_HEADER = (
    "time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,"
    "baroaltitude,geoaltitude,lastposupdate,lastcontact"
)
HISTORY_FULL_HEADER = HISTORY_DUMP_HEADER + ",serials,hour"
REST_HEADER = (
    "icao24,callsign,origin_country,time_position,last_contact,longitude,latitude,baro_altitude,on_ground,"
    "velocity,true_track,vertical_rate,sensors,geo_altitude,squawk,spi,position_source"
)


@dataclass(frozen=True)
class SV:
    """One state vector in SI units, as OpenSky stores it."""

    time: int
    icao24: str
    lat: float | None
    lon: float | None
    velocity: float = 200.0  # m/s
    heading: float = 245.5
    vertrate: float = -5.08  # m/s
    callsign: str = "RFF7012 "
    onground: bool = False
    squawk: str = "1234"
    baro: float = 9144.0  # m
    geo: float = 9300.0
    lastposupdate: float | None = None
    lastcontact: float | None = None

    @property
    def pos_time(self) -> float:
        return self.lastposupdate if self.lastposupdate is not None else float(self.time)


def _f(x: float | None) -> str:
    return "" if x is None else repr(x)


def history_line(v: SV, *, serials: bool = False, hour: bool = False) -> str:
    fields = [
        str(v.time),
        v.icao24,
        _f(v.lat),
        _f(v.lon),
        _f(v.velocity),
        _f(v.heading),
        _f(v.vertrate),
        v.callsign,
        "true" if v.onground else "false",
        "false",
        "false",
        v.squawk,
        _f(v.baro),
        _f(v.geo),
        _f(v.lastposupdate),
        _f(v.lastcontact if v.lastcontact is not None else v.time - 0.2),
    ]
    if serials:
        fields.append('"[1433801924,-1408232560]"')
    if hour:
        fields.append(str(v.time - v.time % 3600))
    return ",".join(fields)


def rest_line(v: SV, *, category: bool = False, position_source: int = 0) -> str:
    fields = [
        v.icao24,
        v.callsign,
        "Russian Federation",
        _f(v.lastposupdate if v.lastposupdate is not None else (v.time if v.lat is not None else None)),
        str(v.time),
        _f(v.lon),
        _f(v.lat),
        _f(v.baro),
        "True" if v.onground else "False",
        _f(v.velocity),
        _f(v.heading),
        _f(v.vertrate),
        "",
        _f(v.geo),
        v.squawk,
        "False",
        str(position_source),
    ]
    if category:
        fields.append("6")
    return ",".join(fields)


def write_lines(path: Path, header: str | None, lines: Sequence[str]) -> Path:
    text = "\n".join(([header] if header else []) + list(lines)) + "\n"
    path.write_text(text)
    return path


def track(n: int = 20, icao24: str = "155abc", t0: int = 1_717_236_000) -> list[SV]:
    """An Il-76 leaving Hmeimim towards Libya: one state vector every 10 s, positions 1-3 s older."""
    return [
        SV(
            time=t0 + 10 * i,
            icao24=icao24,
            lat=round(35.40 - 0.02 * i, 5),
            lon=round(35.95 - 0.03 * i, 5),
            lastposupdate=t0 + 10 * i - 1.5,
            lastcontact=t0 + 10 * i - 0.3,
        )
        for i in range(n)
    ]

"""Virtual Radar Server ``AircraftList.json`` snapshots (the ADS-B Exchange archive of 2016-2019)."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch import io as lio
from liftwatch.errors import LiftwatchError
from liftwatch.ingest import ingest_paths
from liftwatch.io.base import RejectLog
from liftwatch.schema import PointFlag
from liftwatch.store import Store
from tests.frames import frame
from tests.io.archives import write_zip

T_MS = 1525499141196  # 2018-05-05 05:45:41.196 UTC


def _doc(entries: list[Any]) -> dict[str, Any]:
    """A snapshot in the layout the server answers (its bookkeeping keys before the aircraft)."""
    feeds = [{"id": 1, "name": "From Consolidator", "polarPlot": False}]
    return {"src": 1, "feeds": feeds, "srcFeed": 1, "showSil": True, "flgH": 20, "flgW": 85, "acList": entries}


IL76 = {
    "Id": 1418226, "Rcvr": 1, "Icao": "15A3F2", "Reg": "RA-78830", "Alt": 31000, "GAlt": 31180, "InHg": 29.9,
    "AltT": 0, "Call": "RFF7073 ", "Lat": 34.9, "Long": 35.9, "PosTime": T_MS, "Mlat": True, "Tisb": False,
    "Spd": 420.5, "Trak": 230.1, "TrkH": False, "Type": "IL76", "Sqk": "7700", "Vsi": -640, "VsiT": 1,
    "Gnd": False, "Mil": True, "Cou": "Russia", "FSeen": "/Date(1525489330170)/",
}  # fmt: skip
ON_GROUND = {"Icao": "A38C95", "Lat": 33.43, "Long": -112.0, "PosTime": T_MS - 60_000, "Alt": 1075, "Gnd": True,
             "Spd": 12.0, "SpdTyp": 0, "Trak": 101.0, "TrkH": True, "Sqk": "", "Call": ""}  # fmt: skip


def _write(path: Path, entries: list[Any], gz: bool = False) -> Path:
    data = json.dumps(_doc(entries)).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_snapshot_fields(tmp_path: Path, gz: bool) -> None:
    p = _write(tmp_path / "2018-05-05-0545Z.json", [IL76, ON_GROUND, {"Icao": "ABCDEF", "Alt": 5000}], gz)
    assert lio.detect_format(p) == "vrs_json"
    log = RejectLog()
    df = frame(lio.read(p, rejects=log)).sort("asset_id")
    assert df["asset_id"].to_list() == ["15a3f2", "a38c95"]
    il = df.row(0, named=True)
    assert il["ts"] == datetime(2018, 5, 5, 5, 45, 41, 196000, tzinfo=UTC)
    assert (il["lat"], il["lon"], il["alt_baro_ft"], il["alt_geom_ft"]) == (34.9, 35.9, 31000.0, None)
    assert il["gs_kt"] == pytest.approx(420.5) and il["track_deg"] == pytest.approx(230.1)
    assert il["heading_deg"] is None and il["vrate_fpm"] == -640.0
    assert il["flags"] == PointFlag.MLAT | PointFlag.VRATE_GEOM
    assert (il["callsign"], il["squawk"], il["registration"], il["type_code"]) == (
        "RFF7073",
        "7700",
        "RA-78830",
        "IL76",
    )
    assert il["source"] == "vrs" and il["domain"] == "air" and not il["on_ground"]
    gnd = df.row(1, named=True)
    assert gnd["on_ground"] and gnd["alt_baro_ft"] is None  # on the ground: no barometric altitude
    assert gnd["track_deg"] is None and gnd["heading_deg"] == 101.0  # TrkH: the angle is a heading
    assert gnd["callsign"] is None and gnd["squawk"] is None
    assert log.ignored == 1 and log.total == 1  # the aircraft heard without a position


def test_minute_snapshots_ingest_once_each_position(tmp_path: Path) -> None:
    folder = tmp_path / "2018-05-05"
    folder.mkdir()
    moved = {**IL76, "Lat": 34.7, "Long": 35.7, "PosTime": T_MS + 60_000}
    _write(folder / "2018-05-05-0545Z.json", [IL76, ON_GROUND])
    _write(folder / "2018-05-05-0546Z.json", [moved, ON_GROUND])  # the parked aircraft repeats its position
    with Store(tmp_path / "s.duckdb") as store:
        run = ingest_paths(store, [folder], workers=0)
        assert not run.failures and len(run.reports) == 2
        assert run.rows_added == 3
        assert store.con.execute("SELECT count(*) FROM points WHERE source = 'vrs'").fetchone() == (3,)


def test_hostile_entries_are_rejected_one_by_one(tmp_path: Path) -> None:
    entries: list[Any] = [
        IL76,
        "not an object",
        {**IL76, "Icao": "XYZ"},
        {**IL76, "Lat": "34.9"},
        {**IL76, "Alt": True},
    ]
    entries += [{**IL76, "Lat": 95.0}, {**IL76, "PosTime": 12}, {**IL76, "Spd": 1 << 80}]
    log = RejectLog()
    df = frame(lio.read(_write(tmp_path / "x.json", entries), rejects=log))
    assert df.height == 2  # the first, and the one with a huge (but numeric) speed
    assert log.counts["aircraft entry with a wrong-typed field"] == 3
    assert log.counts["bad ICAO address"] == 1
    assert log.counts["position out of range"] == 1
    assert log.counts["position time outside 2000-01-01 .. 2100-01-01"] == 1


def test_truncated_snapshot_keeps_the_entries_before_the_cut(tmp_path: Path) -> None:
    data = json.dumps(_doc([IL76, ON_GROUND, {**IL76, "Icao": "15A3F3"}])).encode()
    p = tmp_path / "cut.json"
    p.write_bytes(data[: data.index(b'"15A3F3"')])
    log = RejectLog()
    assert set(frame(lio.read(p, rejects=log))["asset_id"]) == {"15a3f2", "a38c95"}
    assert any("truncated" in r for r in log.counts)


def test_a_document_without_an_aircraft_list(tmp_path: Path) -> None:
    p = tmp_path / "x.json"
    p.write_text('{"acList": {"Icao": "15A3F2"}}')
    with pytest.raises(LiftwatchError, match="no acList array"):
        list(lio.read(p))


_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(1 << 70), 1 << 70), st.floats(allow_nan=False), st.text(max_size=8)
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["Icao", "Lat", "Long", "PosTime", "Alt", "Gnd", "Call", "Sqk",
                                                   "TrkH", "Spd", "SpdTyp", "VsiT"]), _VALUES), max_size=6))  # fmt: skip
def test_random_entries_never_crash(tmp_path_factory: pytest.TempPathFactory, entries: list[dict[str, Any]]) -> None:
    p = _write(tmp_path_factory.mktemp("v") / "x.json", [IL76, *entries])
    log = RejectLog()
    df = frame(lio.read(p, rejects=log))
    assert "15a3f2" in df["asset_id"].to_list()
    assert df.height + log.total == 1 + len(entries)
    assert df.filter(pl.col("lat").abs() > 90).height == 0


def test_a_day_zip_of_minute_files_is_one_input(tmp_path: Path) -> None:
    moved = {**IL76, "Lat": 34.7, "Long": 35.7, "PosTime": T_MS + 60_000}
    z = write_zip(
        tmp_path / "2018-05-05.zip",
        [
            ("2018-05-05-0545Z.json", json.dumps(_doc([IL76, ON_GROUND])).encode()),
            ("2018-05-05-0546Z.json", gzip.compress(json.dumps(_doc([moved, ON_GROUND])).encode())),
            ("2018-05-05-0547Z.json", b"<html>rate limited</html>"),
        ],
    )
    assert lio.detect_format(z) == "vrs_json"
    log = RejectLog()
    df = frame(lio.read(z, rejects=log))
    assert df.height == 4 and set(df["asset_id"]) == {"15a3f2", "a38c95"}
    assert [s.location for s in log.samples] == ["2018-05-05-0547Z.json"]
    with Store(tmp_path / "s.duckdb") as store:
        run = ingest_paths(store, [z], workers=0)
        assert not run.failures and run.rows_added == 3  # the parked aircraft's repeated position once


def test_member_rejects_name_the_member(tmp_path: Path) -> None:
    z = write_zip(tmp_path / "d.zip", [("a.json", json.dumps(_doc([IL76, {**IL76, "Icao": "XYZ"}])).encode())])
    log = RejectLog()
    assert frame(lio.read(z, rejects=log)).height == 1
    assert [s.location for s in log.samples] == ["a.json: aircraft 1"]


def test_a_zip_of_other_json_is_not_taken(tmp_path: Path) -> None:
    z = write_zip(tmp_path / "o.zip", [("a.json", b'{"states": []}')])
    with pytest.raises(LiftwatchError, match=r"first data file a\.json is in no format"):
        lio.detect_format(z)


def test_an_encrypted_member_of_a_day_zip_is_one_named_reject(tmp_path: Path) -> None:
    z = write_zip(tmp_path / "d.zip", [("a.json", json.dumps(_doc([IL76])).encode()), ("b.json", b"{}")])
    data = bytearray(z.read_bytes())
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # the second member claims encryption
        i = data.find(sig, data.find(sig) + 4)
        data[i + off] |= 1
    z.write_bytes(bytes(data))
    log = RejectLog()
    assert frame(lio.read(z, rejects=log)).height == 1
    assert [(s.location, s.reason) for s in log.samples] == [
        ("b.json", "zip member b.json is encrypted (a password is needed)")
    ]

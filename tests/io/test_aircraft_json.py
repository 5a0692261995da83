"""aircraft.json snapshot reader: one file, a directory of snapshots, overlaps, bad snapshots."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from liftwatch import io as lio
from liftwatch.errors import UnreadableFileError
from liftwatch.io import aircraft_json
from liftwatch.io.base import RejectLog
from liftwatch.schema import POINT_SCHEMA, PointFlag
from liftwatch.store import Store
from tests.frames import frame, to_frame

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "readsb"
SNAPS = FIX / "aircraft_json"
T0 = datetime(2025, 1, 5, 8, 0, tzinfo=UTC)


def _read(path: Path, log: RejectLog | None = None, **kw: int) -> pl.DataFrame:
    tables = list(aircraft_json.read(str(path), log if log is not None else RejectLog(), **kw))
    for t in tables:
        assert t.schema.equals(POINT_SCHEMA)
    return frame(tables) if tables else to_frame(POINT_SCHEMA.empty_table())


def test_detects_file_and_directory() -> None:
    assert lio.detect_format(SNAPS) == "aircraft_json"
    assert lio.detect_format(SNAPS / "aircraft.json") == "aircraft_json"


def test_single_snapshot_position_time_and_fields() -> None:
    log = RejectLog()
    df = _read(SNAPS / "aircraft.json", log)
    assert df.height == 5
    assert set(df["source"]) == {"aircraft_json"}
    il76 = df.filter(pl.col("asset_id") == "15a3f2").row(0, named=True)
    assert il76["ts"] == T0 + timedelta(seconds=600)  # now (T0+604) - seen_pos (4.0)
    assert (il76["lat"], il76["lon"]) == (34.952080, 35.120400)
    assert (il76["alt_baro_ft"], il76["alt_geom_ft"], il76["vrate_fpm"]) == (16000, 16150, 1344)
    assert il76["heading_deg"] == pytest.approx(243.9)
    assert (il76["callsign"], il76["squawk"], il76["registration"], il76["type_code"]) == (
        "RFF7012",
        "2371",
        "RA-78817",
        "IL76",
    )
    assert il76["flags"] == 0 and il76["on_ground"] is False
    # the aircraft without position, callsign or altitude is rejected with its location
    assert log.total == 1
    assert str(log.samples[0]).endswith(
        "aircraft 5: ignored aircraft with nothing usable (no position, callsign or altitude)"
    )


def test_mlat_tisb_non_icao_and_no_position_rows() -> None:
    df = _read(SNAPS / "aircraft.json")
    rows = {r["asset_id"]: r for r in df.iter_rows(named=True)}
    assert rows["0180a4"]["flags"] == PointFlag.MLAT
    assert rows["0180a4"]["ts"] == T0 + timedelta(seconds=604 - 2.2)
    anon = rows["~2a1b3c"]
    assert anon["flags"] == PointFlag.TISB and anon["on_ground"] and anon["alt_baro_ft"] is None
    modes = rows["15b0c4"]
    assert modes["lat"] is None and modes["alt_baro_ft"] == 24975 and modes["squawk"] == "1000"
    assert modes["ts"] == T0 + timedelta(seconds=604 - 4.5)  # now - seen when there is no position


def test_directory_overlapping_snapshots_give_one_row_per_position() -> None:
    log = RejectLog()
    df = _read(SNAPS, log)
    # the Il-76 position is in all three snapshots (seen_pos grows with now): one row
    assert df.filter(pl.col("asset_id") == "15a3f2").height == 1
    assert df.height == 13
    assert log.total == 3  # receiver.json is skipped silently, the empty aircraft once per snapshot
    assert {r.location for r in log.samples} == {
        f"aircraft 5 in snapshot {n}" for n in ("aircraft.json", "history_0.json", "history_1.json")
    }
    # across batch boundaries the repeats are byte-identical rows (the store drops them)
    small = _read(SNAPS, batch_rows=4)
    assert small.height > df.height
    assert small.unique().sort("asset_id", "ts").equals(df.sort("asset_id", "ts"))


def test_store_ingest_directory_twice_adds_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        rep = store.ingest(SNAPS)
        assert (rep.format, rep.rows_added) == ("aircraft_json", 13)
        assert store.ingest(SNAPS).rows_added == 0
        assert store.ingest(SNAPS, force=True).rows_added == 0
        assert store.ingest(SNAPS / "history_0.json").rows_added == 0  # overlapping snapshot
        assert store.info()["points"] == 13


def test_cli_ingests_snapshot_directory_as_one_input(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from liftwatch.cli import app

    db = tmp_path / "c.duckdb"
    res = CliRunner().invoke(app, ["ingest", str(SNAPS), "--db", str(db)])
    assert res.exit_code == 0, res.output
    with Store(db, read_only=True) as store:
        assert store.info()["points"] == 13


def test_bad_and_truncated_snapshots_in_directory(tmp_path: Path) -> None:
    d = tmp_path / "snaps"
    shutil.copytree(SNAPS, d)
    good = (SNAPS / "aircraft.json").read_bytes()
    (d / "history_2.json.gz").write_bytes(gzip.compress(good.replace(b"1736064604.0", b"1736064610.0"))[:-30])
    (d / "history_3.json").write_bytes(good[: good.index(b'{"hex":"0180a4"') + 30])
    (d / "history_4.json").write_bytes(b"\x00\x01 not json")
    (d / "notes.txt").write_text("ignored: not a json file")
    log = RejectLog()
    df = _read(d, log)
    assert df.height > 13
    reasons = "\n".join(str(r) for r in log.samples)
    assert "snapshot history_4.json: unreadable snapshot" in reasons
    assert "history_3.json:bytes" in reasons and "history_2.json.gz:byte" in reasons


def test_hostile_aircraft_entries_are_rejected_with_location(tmp_path: Path) -> None:
    doc = json.loads((SNAPS / "aircraft.json").read_text())
    doc["aircraft"][0]["lat"] = "north"
    doc["aircraft"][1]["hex"] = 12345
    doc["aircraft"].append(["not", "an", "object"])
    doc["aircraft"].append({"hex": "4b1806", "lat": 35.0, "lon": 33.0, "seen_pos": 1e400})
    p = tmp_path / "a.json"
    p.write_text(json.dumps(doc))
    log = RejectLog()
    df = _read(p, log)
    assert df.height == 3
    assert {r.location: r.reason for r in log.samples} == {
        "aircraft 0": "bad or incomplete lat/lon",
        "aircraft 1": "bad or missing hex address",
        "aircraft 5": "ignored aircraft with nothing usable (no position, callsign or altitude)",
        "aircraft 6": "aircraft entry is not a JSON object",
        "aircraft 7": "bad seen/seen_pos age",
    }


@pytest.mark.parametrize(
    "content",
    [b'{"now": 17360', b'{"now": "yesterday", "aircraft": []}', b'{"now": 1736064000, "aircraft": 5}', b"[]"],
)
def test_unreadable_single_snapshot(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "aircraft.json"
    p.write_bytes(content)
    with pytest.raises(UnreadableFileError) as exc:
        list(aircraft_json.read(str(p), RejectLog()))
    assert "\n" not in str(exc.value) and str(p) in str(exc.value)


def test_trace_file_inside_snapshot_directory_is_read_as_trace(tmp_path: Path) -> None:
    d = tmp_path / "mixed"
    shutil.copytree(SNAPS, d)
    shutil.copy(FIX / "trace_full_15a3f2.json", d / "trace_full_15a3f2.json")
    df = _read(d)
    assert df.filter(pl.col("source") == "readsb").height == 14
    assert df.filter(pl.col("source") == "aircraft_json").height == 13


def test_tar1090_chunk_files(tmp_path: Path) -> None:
    snaps = [(SNAPS / n).read_text() for n in ("history_0.json", "history_1.json", "aircraft.json")]
    chunk = '{ "files" : [\n' + ",\n".join(snaps) + ',\n{"now": "bad"}\n] }\n'
    p = tmp_path / "chunk_7.gz"
    p.write_bytes(gzip.compress(chunk.encode()))
    assert lio.detect_format(p) == "aircraft_json"
    log = RejectLog()
    df = _read(p, log)
    assert df.height == 13  # same rows as the three snapshots
    assert log.counts["ignored aircraft with nothing usable (no position, callsign or altitude)"] == 3
    assert any(r.location == f"snapshot {p}[3]" for r in log.samples)
    # a truncated chunk keeps its complete snapshots
    cut = tmp_path / "chunk_8.json"
    cut.write_text(chunk[: chunk.index('"aircraft" : [', chunk.index("1736064604.0")) + 40])
    log = RejectLog()
    assert _read(cut, log).height == 9 and log.total > 0


def test_callsign_only_aircraft_kept_with_unknown_ground_state(tmp_path: Path) -> None:
    doc = {"now": 1736064000.0, "aircraft": [{"hex": "15a3f2", "flight": "RFF7012 ", "seen": 2.0}]}
    p = tmp_path / "aircraft.json"
    p.write_text(json.dumps(doc))
    row = _read(p).row(0, named=True)
    assert (row["callsign"], row["lat"], row["on_ground"]) == ("RFF7012", None, None)
    assert row["ts"] == T0 - timedelta(seconds=2)


def test_repeat_positions_keep_the_snapshot_closest_to_the_position_time(tmp_path: Path) -> None:
    d = tmp_path / "snaps"
    d.mkdir()
    base = {"hex": "15a3f2", "lat": 34.9, "lon": 35.1, "alt_baro": 16000}
    # aircraft.json (newest) sorts first but saw the position 6 s ago; history_0 saw it 0.5 s after
    snaps = {"aircraft.json": (1736064006.5, 6.5, 16300), "history_0.json": (1736064001.0, 1.0, 16050)}
    for name, (now, seen_pos, alt) in snaps.items():
        ac = dict(base, seen_pos=seen_pos, alt_baro=alt)
        (d / name).write_text(json.dumps({"now": now, "aircraft": [ac]}))
    df = _read(d)
    assert df.height == 1 and df["alt_baro_ft"][0] == 16050


def test_last_position_used_when_the_current_one_expired(tmp_path: Path) -> None:
    """readsb keeps a >60 s old position in lastPosition: the aircraft that went dark still has a last fix."""
    ac = {
        "hex": "15a3f2",
        "flight": "RFF7013 ",
        "alt_baro": 9000,
        "gs": 250.0,
        "lastPosition": {"lat": 32.574410, "lon": 21.501200, "nic": 8, "rc": 186, "seen_pos": 95.3},
        "seen": 40.0,
    }
    bad_lp = {"hex": "15a3f3", "alt_baro": 9000, "lastPosition": {"lat": 132.0, "lon": 21.0, "seen_pos": 3.0}}
    p = tmp_path / "aircraft.json"
    p.write_text(json.dumps({"now": 1736071320.0, "aircraft": [ac, bad_lp]}))
    df = _read(p)
    row = df.filter(pl.col("asset_id") == "15a3f2").row(0, named=True)
    assert (row["lat"], row["lon"]) == (32.574410, 21.501200)
    assert row["ts"] == datetime(2025, 1, 5, 10, 0, 24, 700000, tzinfo=UTC)  # now - 95.3 s
    assert row["callsign"] == "RFF7013"
    assert row["alt_baro_ft"] is None and row["gs_kt"] is None and row["on_ground"] is None  # not from that time
    other = df.filter(pl.col("asset_id") == "15a3f3").row(0, named=True)
    assert other["lat"] is None and other["alt_baro_ft"] == 9000  # an invalid lastPosition is ignored


def test_last_position_with_ground_altitude_is_on_the_ground(tmp_path: Path) -> None:
    """alt_baro "ground" beside an expired position: on the ground with no altitude, not a bad altitude."""
    ac = {"hex": "15a3f4", "alt_baro": "ground", "lastPosition": {"lat": 32.1, "lon": 20.2, "seen_pos": 70.0}}
    p = tmp_path / "aircraft.json"
    p.write_text(json.dumps({"now": 1736071320.0, "aircraft": [ac]}))
    log = RejectLog()
    row = _read(p, log).row(0, named=True)
    assert log.total == 0
    assert (row["lat"], row["lon"], row["on_ground"], row["alt_baro_ft"]) == (32.1, 20.2, True, None)


def test_aggregator_api_answer(tmp_path: Path) -> None:
    """adsb.lol / adsb.fi / airplanes.live answers: ``{"ac": [...], ..., "now": <epoch ms>}``."""
    body = (
        '{"ac":[{"hex":"15a3f2","type":"adsb_icao","flight":"RFF7012 ","r":"RA-78817","t":"IL76","dbFlags":1,'
        '"alt_baro":16000,"gs":352.4,"track":245.1,"lat":34.95208,"lon":35.1204,"seen_pos":4.0,"seen":0.5},'
        '{"hex":"0180a4","type":"mlat","alt_baro":22000,"lat":33.1,"lon":23.5,"seen_pos":2.2,"mlat":["lat","lon"]}],'
        '"msg":"No error","now":1736064604000,"total":2,"ctime":1736064604000,"ptime":0}'
    )
    p = tmp_path / "mil.json"
    p.write_text(body)
    assert lio.detect_format(p) == "aircraft_json"
    df = _read(p)
    assert df.height == 2
    il76 = df.filter(pl.col("asset_id") == "15a3f2").row(0, named=True)
    assert il76["ts"] == T0 + timedelta(seconds=600) and il76["registration"] == "RA-78817"


def test_old_dump1090_keys_altitude_speed_vert_rate(tmp_path: Path) -> None:
    """dump1090-mutability / old dump1090-fa name the fields altitude, speed, vert_rate; a current key wins."""
    doc = {
        "now": 1698751404.7,
        "aircraft": [
            {"hex": "151ec2", "flight": "SBI1010 ", "altitude": 2975, "speed": 180, "vert_rate": -640, "seen": 0.0},
            {"hex": "151e14", "altitude": "ground", "lat": 55.9, "lon": 37.4, "seen_pos": 1.0, "seen": 0.5},
            {"hex": "4ca2d6", "alt_baro": 30000, "altitude": 1, "gs": 450, "speed": 2, "seen": 0.1},
        ],
    }
    p = tmp_path / "aircraft.json"
    p.write_text(json.dumps(doc))
    df = _read(p).sort("asset_id")
    rows = {r["asset_id"]: r for r in df.iter_rows(named=True)}
    assert (rows["151ec2"]["alt_baro_ft"], rows["151ec2"]["gs_kt"], rows["151ec2"]["vrate_fpm"]) == (2975, 180, -640)
    assert rows["151e14"]["on_ground"] is True and rows["151e14"]["alt_baro_ft"] is None
    assert (rows["4ca2d6"]["alt_baro_ft"], rows["4ca2d6"]["gs_kt"]) == (30000, 450)

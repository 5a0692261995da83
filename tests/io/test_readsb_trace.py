"""readsb / globe_history trace reader on fixtures in the exact readsb layout."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal, cast

import polars as pl
import pytest

from liftwatch import io as lio
from liftwatch.errors import UnreadableFileError
from liftwatch.io import readsb_trace
from liftwatch.io.base import RejectLog
from liftwatch.schema import POINT_SCHEMA, PointFlag
from liftwatch.store import Store
from tests.frames import frame

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "readsb"
IL76 = FIX / "trace_full_15a3f2.json"
A124_LEGACY = FIX / "trace_full_150c21.json"
T0 = datetime(2025, 1, 5, 8, 0, tzinfo=UTC)


def _read(path: Path, log: RejectLog | None = None, **kw: int) -> pl.DataFrame:
    tables = list(readsb_trace.read(str(path), log if log is not None else RejectLog(), **kw))
    for t in tables:
        assert t.schema.equals(POINT_SCHEMA)
    return frame(tables) if tables else pl.DataFrame()


def test_il76_trace_times_positions_and_fields() -> None:
    log = RejectLog()
    df = _read(IL76, log)
    assert log.total == 0
    assert df.height == 14
    assert set(df["source"]) == {"readsb"} and set(df["domain"]) == {"air"}
    assert set(df["asset_id"]) == {"15a3f2"}
    assert set(df["registration"]) == {"RA-78817"} and set(df["type_code"]) == {"IL76"}
    ts = df["ts"].to_list()
    assert ts[0] == T0
    assert ts[1] == T0 + timedelta(seconds=12.51)
    assert ts[8] == T0 + timedelta(seconds=600)
    assert ts[-1] == T0 + timedelta(seconds=7320)
    assert df["lat"][0] == pytest.approx(35.408211) and df["lon"][0] == pytest.approx(35.947563)
    assert df["lat"][-1] == pytest.approx(32.574410) and df["lon"][-1] == pytest.approx(21.501200)


def test_ground_altitude_and_kinematics() -> None:
    df = _read(IL76)
    assert df["on_ground"][:3].to_list() == [True, True, True]
    assert df["alt_baro_ft"][:3].null_count() == 3
    assert not df["on_ground"][3]
    row = df.row(3, named=True)
    assert (row["alt_baro_ft"], row["alt_geom_ft"], row["vrate_fpm"]) == (300, 425, 1856)
    assert row["gs_kt"] == pytest.approx(142.3)
    assert row["track_deg"] == pytest.approx(179.2)


def test_flags_bits_and_source_types() -> None:
    df = _read(IL76)
    flags = df["flags"].to_list()
    assert flags[0] == PointFlag.NEW_LEG
    assert flags[6] == PointFlag.STALE
    assert flags[7] == PointFlag.MLAT
    assert flags[10] == PointFlag.ALT_GEOM | PointFlag.VRATE_GEOM
    assert flags[11] == PointFlag.TISB
    # altitude flagged geometric goes to the geometric column, not the barometric one
    assert df["alt_baro_ft"][10] is None and df["alt_geom_ft"][10] == 31025


def test_callsign_and_squawk_carried_forward_until_next_aircraft_object() -> None:
    df = _read(IL76)
    assert df["callsign"].to_list() == ["RFF7012"] * 8 + ["RFF7013"] * 6
    assert df["squawk"].to_list() == ["7012"] * 8 + ["2371"] * 6


def test_carry_forward_crosses_batches() -> None:
    whole = _read(IL76)
    small = _read(IL76, batch_rows=3)
    assert small.equals(whole)


def test_legacy_short_points() -> None:
    df = _read(A124_LEGACY)
    assert df.height == 5
    assert df["callsign"].to_list() == ["RFF7055"] * 5
    assert df["ts"][-1] == datetime(2025, 1, 6, 8, 2, 30, tzinfo=UTC)
    assert df["alt_geom_ft"].null_count() == 5 and df["flags"][0] == PointFlag.NEW_LEG


def test_header_db_flags_military() -> None:
    h = readsb_trace.read_header(IL76)
    assert h.military and h.db_flags == 1 and h.registration == "RA-78817" and h.type_code == "IL76"
    assert h.own_op == "Russian Air Force"
    t = next(readsb_trace.read(str(IL76), RejectLog()))
    assert t.schema.metadata[b"liftwatch.readsb.military"] == b"true"
    frame = readsb_trace.header_frame([IL76, A124_LEGACY])
    assert frame["asset_id"].to_list() == ["15a3f2", "150c21"]
    assert frame["military"].to_list() == [True, True]


def test_gzip_globe_history_layout_and_sniff(tmp_path: Path) -> None:
    # globe_history writes gzip content under a plain .json name
    d = tmp_path / "traces" / "f2"
    d.mkdir(parents=True)
    gz = d / "trace_full_15a3f2.json"
    gz.write_bytes(gzip.compress(IL76.read_bytes()))
    assert lio.detect_format(gz) == "readsb_trace"
    assert lio.detect_format(IL76) == "readsb_trace"
    assert _read(gz).equals(_read(IL76))
    recent = tmp_path / "trace_recent_15a3f2.json.gz"
    shutil.copy(gz, recent)
    assert lio.detect_format(recent) == "readsb_trace"


def test_store_ingest_is_idempotent(tmp_path: Path) -> None:
    gz = tmp_path / "trace_full_15a3f2.json.gz"
    gz.write_bytes(gzip.compress(IL76.read_bytes()))
    with Store(tmp_path / "s.duckdb") as store:
        first = store.ingest(IL76)
        assert (first.format, first.rows_added, first.rejects.total) == ("readsb_trace", 14, 0)
        assert store.ingest(IL76).rows_added == 0
        assert store.ingest(IL76, force=True).rows_added == 0
        assert store.ingest(gz).rows_added == 0  # same content, different bytes
        assert store.info()["points"] == 14
        pts = store.points(assets=["15A3F2"])
        assert pts["ts"][0] == T0 and pts["callsign"][-1] == "RFF7013"


def test_cli_expands_trace_directory(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from liftwatch.cli import app

    for hexid, src in (("f2", IL76), ("21", A124_LEGACY)):
        d = tmp_path / "traces" / hexid
        d.mkdir(parents=True)
        (d / src.name).write_bytes(gzip.compress(src.read_bytes()))
    db = tmp_path / "c.duckdb"
    res = CliRunner().invoke(app, ["ingest", str(tmp_path / "traces"), "--db", str(db)])
    assert res.exit_code == 0, res.output
    with Store(db, read_only=True) as store:
        assert store.info()["points"] == 19


def test_truncated_file_keeps_complete_points(tmp_path: Path) -> None:
    data = IL76.read_bytes()
    cut = data.index(b"[3600.00")  # truncate inside point 10
    p = tmp_path / "trace_full_15a3f2.json"
    p.write_bytes(data[: cut + 20])
    log = RejectLog()
    df = _read(p, log)
    assert df.height == 10
    assert df["ts"][-1] == T0 + timedelta(seconds=1800.5)
    assert log.total == 1 and "truncated" in log.samples[0].reason
    # the same, inside a gzip stream
    g = gzip.compress(data)
    pg = tmp_path / "t.json.gz"
    pg.write_bytes(g[: len(g) * 3 // 4])
    log = RejectLog()
    n = _read(pg, log).height
    assert 0 < n < 14 and any("gzip stream truncated" in r for r in log.counts)


def test_corrupt_point_in_middle_loses_only_that_region(tmp_path: Path) -> None:
    data = IL76.read_bytes().replace(b"[210.00,35.300400", b"[210.00,35.3004@@")
    p = tmp_path / "x.json"
    p.write_bytes(data)
    log = RejectLog()
    df = _read(p, log)
    assert df.height == 13
    assert T0 + timedelta(seconds=210) not in df["ts"].to_list()
    assert log.total == 1 and log.samples[0].location.startswith("bytes ")


def test_bad_points_rejected_with_location(tmp_path: Path) -> None:
    doc = json.loads(IL76.read_text())
    doc["trace"][2][1] = 95.5  # latitude out of range
    doc["trace"][4][4] = "fast"  # wrong type
    doc["trace"][5] = "not a point"
    p = tmp_path / "t.json"
    p.write_text(json.dumps(doc))
    log = RejectLog()
    df = _read(p, log)
    assert df.height == 11
    where = {r.location: r.reason for r in log.samples}
    assert where == {
        "point 2": "lat/lon out of range",
        "point 4": "wrong type in a kinematic field",
        "point 5": "point is not a JSON array",
    }


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b'{"icao":"15a3f2","timest', "truncated"),
        (b'{"icao":"15a3f2","trace":[[0,1,2]]}', "timestamp"),
        (b'{"icao":"nothex","timestamp":1736064000,"trace":[]}', "icao"),
        (b"[1,2,3]", "not a JSON object"),
        (b"\x1f\x8b\x08\x00garbage", "gzip"),
        (b"", "empty"),
    ],
)
def test_unreadable_files_raise_one_clear_error(tmp_path: Path, content: bytes, why: str) -> None:
    p = tmp_path / "bad.json"
    p.write_bytes(content)
    with pytest.raises(UnreadableFileError) as exc:
        list(readsb_trace.read(str(p), RejectLog()))
    msg = str(exc.value)
    assert "\n" not in msg and str(p) in msg and why.lower() in msg.lower()


TarWriteMode = Literal["w:", "w:gz", "w:bz2", "w:xz"]


def _day_tar(tmp_path: Path, compress: str = "") -> Path:
    """A globe_history day archive: traces/<xx>/trace_full_<hex>.json (gzip content) plus other folders."""
    import io
    import tarfile

    out = tmp_path / f"day.tar{'.' + compress if compress else ''}"
    with tarfile.open(out, cast(TarWriteMode, f"w:{compress}")) as tf:
        for name, data in (
            ("./heatmap/00.bin.ttf", b"\0" * 64),
            ("./traces/f2/trace_full_15a3f2.json", gzip.compress(IL76.read_bytes())),
            ("./traces/21/trace_full_150c21.json", A124_LEGACY.read_bytes()),
            ("./traces/00/trace_full_150000.json", b"\x1f\x8b\x08 broken"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return out


@pytest.mark.parametrize("compress", ["", "gz"])
def test_globe_history_tar_archive(tmp_path: Path, compress: str) -> None:
    tar = _day_tar(tmp_path, compress)
    assert lio.detect_format(tar) == "readsb_trace"
    log = RejectLog()
    df = _read(tar, log)
    assert df.height == 19
    assert sorted(set(df["asset_id"])) == ["150c21", "15a3f2"]
    assert df.filter(pl.col("asset_id") == "15a3f2")["ts"][0] == T0
    assert [r.location for r in log.samples] == ["./traces/00/trace_full_150000.json"]
    with Store(tmp_path / "s.duckdb") as store:
        assert store.ingest(tar).rows_added == 19
        assert store.ingest(tar, force=True).rows_added == 0


def test_truncated_tar_keeps_earlier_members(tmp_path: Path) -> None:
    data = _day_tar(tmp_path).read_bytes()
    cut = data.index(b"trace_full_150c21") + 600  # inside the second trace member
    p = tmp_path / "cut.tar"
    p.write_bytes(data[:cut])
    log = RejectLog()
    df = _read(p, log)
    assert set(df["asset_id"]) == {"15a3f2"} and df.height == 14
    assert any("truncated" in r for r in log.counts)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    p = tmp_path / "trace_full_15a3f2.json"
    p.write_bytes(b"\xef\xbb\xbf" + IL76.read_bytes())
    assert lio.detect_format(p) == "readsb_trace"
    assert _read(p).height == 14


def test_deeply_nested_json_is_a_clean_error(tmp_path: Path) -> None:
    p = tmp_path / "trace_full_15a3f2.json"
    p.write_bytes(b'{"icao":"15a3f2","timestamp":1736064000,"trace":[' + b"[" * 100_000)
    with pytest.raises(UnreadableFileError, match="nested too deeply"):
        list(readsb_trace.read(str(p), RejectLog()))


def test_unknown_altitude_means_unknown_ground_state(tmp_path: Path) -> None:
    doc = json.loads(IL76.read_text())
    doc["trace"][4][3] = None
    p = tmp_path / "t.json"
    p.write_text(json.dumps(doc))
    df = _read(p)
    assert df["on_ground"].to_list()[2:6] == [True, False, None, False]
    assert df["alt_baro_ft"][4] is None


def test_salvage_resumes_after_a_stray_bracket() -> None:
    from liftwatch.io.readsb_common import loads_salvaging

    text = '{"icao":"15a3f2","timestamp":1,"trace":[[0,1,2],[1,1,2,@],[2,[9]],[3,1,2]],[4,1,2],[5,1,2]]}'
    doc = loads_salvaging(text, "trace", "]", "x")
    assert [p[0] for p in doc.obj["trace"]] == [0, 2, 3, 4, 5]
    assert len(doc.lost) == 2


def test_read_header_with_trace_before_header_keys(tmp_path: Path) -> None:
    doc = json.loads(IL76.read_text())
    reordered = {"trace": doc.pop("trace"), **doc}
    p = tmp_path / "trace_full_15a3f2.json"
    p.write_text(json.dumps(reordered))
    h = readsb_trace.read_header(p)
    assert h.military and h.registration == "RA-78817"
    assert _read(p).height == 14

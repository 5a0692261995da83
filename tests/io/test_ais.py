"""AIS readers: NMEA (vectorised decoding checked against pyais), tag blocks, prefixes, reassembly, CSV exports."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import polars as pl
import pyais
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch import io
from liftwatch.io import ais_csv, ais_nmea
from liftwatch.io.base import RejectLog
from liftwatch.schema import POINT_SCHEMA
from liftwatch.sim.ais_writer import write_ais_nmea
from tests.frames import to_frame, typed


def _read(path: Path) -> tuple[pl.DataFrame, RejectLog]:
    log = RejectLog()
    tables = list(io.read(path, rejects=log))
    for t in tables:
        assert t.schema == POINT_SCHEMA
    frames = [to_frame(t) for t in tables]
    return (pl.concat(frames) if frames else pl.DataFrame()), log


def _problems(log: RejectLog) -> int:
    """Real rejects (lines counted as "ignored ... not a position message" are accounted, not problems)."""
    return sum(n for reason, n in log.counts.items() if not reason.startswith("ignored"))


def _sea_points(n: int = 400, seed: int = 1) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    t0 = int(datetime(2024, 12, 20, tzinfo=UTC).timestamp()) * 1_000_000
    ids = rng.choice(["273906301", "273887583", "636012345", "002734567"], n)
    return pl.DataFrame(
        {
            "source": "sim",
            "domain": "sea",
            "asset_id": ids,
            "ts": pl.Series(t0 + np.sort(rng.integers(0, 86_400, n)) * 1_000_000).cast(pl.Datetime("us", "UTC")),
            "lat": rng.uniform(-89, 89, n).round(5),
            "lon": rng.uniform(-179, 179, n).round(5),
            "gs_kt": rng.uniform(0, 30, n).round(1).astype(np.float32),
            "track_deg": rng.uniform(0, 359.9, n).round(1).astype(np.float32),
            "heading_deg": rng.integers(0, 360, n).astype(np.float32),
            "callsign": pl.Series(["SPARTA II"] * n),
            "type_code": "70",
        }
    )


def test_nmea_roundtrip_matches_input_and_pyais(tmp_path: Path) -> None:
    pts = _sea_points()
    path = tmp_path / "a.nmea"
    write_ais_nmea(pts, path)
    assert io.detect_format(path) == "ais_nmea"
    got, log = _read(path)
    assert _problems(log) == 0
    assert set(log.counts) == {ais_nmea.STATIC_MSG, ais_nmea.FRAGMENT}  # type 5 static reports, 2 lines each
    want = pts.sort("ts", "asset_id")
    assert got.height == want.height
    assert got["asset_id"].to_list() == want["asset_id"].to_list()
    assert np.allclose(got["lat"], want["lat"], atol=2e-6) and np.allclose(got["lon"], want["lon"], atol=2e-6)
    assert np.allclose(got["gs_kt"], want["gs_kt"], atol=0.051)
    assert np.allclose(got["track_deg"], want["track_deg"], atol=0.051)
    assert got["type_code"].unique().to_list() == ["70"]
    # oracle: pyais decodes every position sentence to the same fields
    lines = [ln for ln in path.read_text().splitlines() if ",1,1,," in ln]
    for ln, row in zip(lines, got.iter_rows(named=True), strict=True):
        m = pyais.decode(ln.split("\\")[-1]).asdict()
        assert f"{typed(m['mmsi'], int):09d}" == row["asset_id"]
        assert m["lat"] == pytest.approx(row["lat"], abs=1e-6) and m["lon"] == pytest.approx(row["lon"], abs=1e-6)
        assert m["speed"] == pytest.approx(row["gs_kt"], abs=1e-3)
        assert m["course"] == pytest.approx(row["track_deg"], abs=1e-3)
        assert m["heading"] == row["heading_deg"]
    static = ais_nmea.read_static(str(path))
    assert set(static["name"].unique().to_list()) == {"SPARTA II"}


GOOD = "!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24"  # pyais's example: MMSI 265547250
TYPE5 = [
    "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
    "!AIVDM,2,2,1,A,88888888880,2*25",
]


def test_time_forms_checksums_and_reassembly(tmp_path: Path) -> None:
    bad_cs = GOOD[:-2] + "25"
    lines = [
        f"\\s:rx1,c:1734688800*{_cs('s:rx1,c:1734688800')}\\{GOOD}",  # 1 tag block
        f"2024-12-20T10:00:01Z {GOOD}",  # 2 ISO prefix
        f"1734688802.5 {GOOD}",  # 3 epoch prefix
        f"{GOOD},1734688803",  # 4 trailing epoch
        GOOD,  # 5 no time
        f"1734688804 {bad_cs}",  # 6 checksum
        f"1734688805 {TYPE5[1]}",  # 7 orphan second part
        f"1734688806 {TYPE5[0]}",  # 8
        f"1734688806 {TYPE5[1]}",  # 9
        "1734688807 !AIVDM,1,1,,A,13u?etPv2;0n",  # 10 truncated
        f"\\c:1734688808*01\\{GOOD}",  # 11 tag checksum
        f"1734688809 {TYPE5[0]}",  # 12 never completed
        "",
    ]
    path = tmp_path / "b.nmea"
    path.write_text("\n".join(lines))
    got, log = _read(path)
    assert got["ts"].dt.epoch("us").to_list() == [
        1734688800_000000,
        1734688801_000000,
        1734688802_500000,
        1734688803_000000,
    ]
    assert set(got["asset_id"]) == {"265547250"}
    where = {s.location: s.reason for s in log.samples}
    assert where["line 5"].startswith("no timestamp")
    assert where["line 6"] == "NMEA checksum mismatch"
    assert where["line 7"].startswith("orphan fragment")
    assert where["line 10"].startswith("malformed")
    assert where["line 11"] == "tag block checksum mismatch"
    assert where["line 12"].startswith("orphan fragment")
    static = ais_nmea.read_static(str(path))
    assert static.height == 1 and static["name"][0] and static["asset_id"][0] == "351759000"


def _cs(s: str) -> str:
    c = 0
    for ch in s.encode():
        c ^= ch
    return f"{c:02X}"


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.text(alphabet="!AIVDM,0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWabcdefw`*\\c-TZ. \t", max_size=90), max_size=25
    )
)
def test_fuzz_never_raises_and_accounts_lines(tmp_path_factory: pytest.TempPathFactory, rows: list[str]) -> None:
    path = tmp_path_factory.mktemp("fz") / "f.nmea"
    body = [f"1734688800 {GOOD}", *[r.replace("\n", " ") for r in rows]]
    path.write_text("\n".join(body) + "\n")
    log = RejectLog()
    tables = list(ais_nmea.read(str(path), log))
    n = sum(t.num_rows for t in tables)
    assert n >= 1
    for t in tables:
        assert t.schema == POINT_SCHEMA


def test_dma_and_marinecadastre(tmp_path: Path) -> None:
    dma = tmp_path / "aisdk.csv"
    dma.write_text(
        "# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,Callsign,Name,"
        "Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,Destination,ETA,Data source type,A,B,C,D\n"
        "01/12/2024 00:00:01,Class A,273123456,55.123,12.456,Under way using engine,0.0,12.3,45.6,46,IMO9743033,UBCX3,"
        "SPARTA IV,Cargo,,20,122,GPS,6.5,TARTUS,,AIS,100,22,10,10\n"
        "01/12/2024 00:00:02,Base Station,2190068,55.0,12.0,Unknown value,,,,,Unknown,,,Undefined,,,,GPS,,,,AIS,,,,\n"
        "01/12/2024 00:00:03,Class A,273123456,91,181,Moored,,0,,511,Unknown,,,Cargo,,,,GPS,,,,AIS,,,,\n"
        "bad/date,Class A,273123456,55.1,12.4,Moored,,0,,511,Unknown,,,Cargo,,,,GPS,,,,AIS,,,,\n"
    )
    got, log = _read(dma)
    assert got.height == 2 and got["registration"][0] == "9743033" and got["callsign"][0] == "UBCX3"
    assert got["lat"][1] is None and got["heading_deg"][1] is None and got["on_ground"][1]
    assert [s.location for s in log.samples] == ["line 5"]
    assert ais_csv.read_static(str(dma))["destination"][0] == "TARTUS"
    mc = tmp_path / "AIS_2024_01_01.csv"
    mc.write_text(
        "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,"
        "TransceiverClass\n367123450,2024-01-01T00:00:03,29.9,-90.1,0.1,360.0,511,EVER GIVEN,IMO9811000,H3RC,70,5,400,59,"
        "14.5,70,A\n"
    )
    got, _ = _read(mc)
    assert got["asset_id"][0] == "367123450" and got["track_deg"][0] is None and got["type_code"][0] == "70"


def test_class_b_and_type_2_3_match_pyais(tmp_path: Path) -> None:
    from pyais.encode import DATA_DICT, encode_dict

    rng = np.random.default_rng(4)
    lines, want = [], []
    for i in range(60):
        t = (2, 3, 18)[i % 3]
        d: DATA_DICT = {
            "type": t,
            "mmsi": int(rng.integers(200_000_000, 799_999_999)),
            "lat": round(float(rng.uniform(-80, 80)), 4),
            "lon": round(float(rng.uniform(-179, 179)), 4),
            "speed": round(float(rng.uniform(0, 30)), 1),
            "course": round(float(rng.uniform(0, 359)), 1),
            "heading": int(rng.integers(0, 360)),
        }
        for s in encode_dict(d, talker_id="AI", sentence_type="VDM"):
            lines.append(f"{1734688800 + i} {s}")
        want.append(pyais.decode(lines[-1].split(" ", 1)[1]).asdict())
    path = tmp_path / "b.nmea"
    path.write_text("\n".join(lines) + "\n")
    got, log = _read(path)
    assert log.total == 0 and got.height == 60
    for w, g in zip(want, got.iter_rows(named=True), strict=True):
        assert f"{typed(w['mmsi'], int):09d}" == g["asset_id"]
        assert w["lat"] == pytest.approx(g["lat"], abs=1e-6) and w["lon"] == pytest.approx(g["lon"], abs=1e-6)
        assert w["speed"] == pytest.approx(g["gs_kt"], abs=1e-3) and w["course"] == pytest.approx(
            g["track_deg"], abs=1e-3
        )
        assert w["heading"] == g["heading_deg"]

"""AIS CSV exports told by their column names (Kystverket/Statsat, AISHub, VesselFinder, ...), not by a fixed header."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch import io as lio
from liftwatch.errors import LiftwatchError
from liftwatch.io import ais_csv
from liftwatch.io.base import RejectLog
from tests.frames import frame

T0 = datetime(2020, 1, 1, tzinfo=UTC)
# a real Spire-style export (AGPL): read from ../shared when it is there
SPIRE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "real" / "aisdb" / "test_data_20210701.csv.gz"


def _read(path: Path, log: RejectLog | None = None) -> pl.DataFrame:
    return frame(lio.read(path, rejects=log if log is not None else RejectLog()))


def test_norwegian_semicolon_export(tmp_path: Path) -> None:
    p = tmp_path / "ais_20200101.csv"
    p.write_text(
        "mmsi;lon;lat;date_time_utc;sog;cog;true_heading;nav_status;rot;message_nr;source\n"
        "257123450;10.5;59.9;2020-01-01 00:00:00;12.3;180.0;511;0;0;1;g\n"
        "257123450;10.6;59.8;2020-01-01 00:05:00;12.1;181.0;179;5;0;1;s\n"
    )
    assert lio.detect_format(p) == "ais_csv" and ais_csv.dialect_of(p.read_bytes()) == "generic"
    df = _read(p)
    assert df["asset_id"].to_list() == ["257123450"] * 2
    assert df["ts"].to_list() == [T0, datetime(2020, 1, 1, 0, 5, tzinfo=UTC)]
    assert df["lat"].to_list() == [59.9, 59.8] and df["lon"].to_list() == [10.5, 10.6]
    assert df["heading_deg"].to_list() == [None, 179.0]  # 511 = not available
    assert df["on_ground"].to_list() == [False, True]  # nav status 5 = moored
    assert set(df["domain"]) == {"sea"} and set(df["source"]) == {"ais"}


def test_aishub_human_readable_export(tmp_path: Path) -> None:
    p = tmp_path / "aishub.csv"
    p.write_text(
        "MMSI,TIME,LONGITUDE,LATITUDE,COG,SOG,HEADING,NAVSTAT,IMO,NAME,CALLSIGN,TYPE,A,B,C,D,DRAUGHT,DEST,ETA\n"
        "413811000,2011-04-12 10:40:27 GMT,118.44586666667,38.874833333333,356,0.1,116,1,9118824,JIN HAI XIANG,"
        "BVKU,70,197,27,20,12,7.5,CAOFEIDIAN,04-10 07:00\n"
    )
    df = _read(p)
    row = df.row(0, named=True)
    assert row["ts"] == datetime(2011, 4, 12, 10, 40, 27, tzinfo=UTC)
    assert (row["callsign"], row["registration"], row["type_code"], row["on_ground"]) == ("BVKU", "9118824", "70", True)
    static = ais_csv.read_static(str(p))
    assert static["name"].to_list() == ["JIN HAI XIANG"] and static["destination"].to_list() == ["CAOFEIDIAN"]


def test_aishub_ais_format_export_is_scaled_to_degrees(tmp_path: Path) -> None:
    """AISHub's default "AIS format": the same header, positions in 1/10000 minute, COG and SOG in tenths, Unix
    times (the first row is AISHub's own example of that format)."""
    p = tmp_path / "aishub_ais.csv"
    p.write_text(
        "MMSI,TIME,LONGITUDE,LATITUDE,COG,SOG,HEADING,ROT,NAVSTAT,IMO,NAME,CALLSIGN,TYPE,A,B,C,D,DRAUGHT,DEST,ETA\n"
        "235085131,1302264927,-818067,30453520,2351,59,511,0,0,0,ZAC V,ZIYX3,36,8,4,2,2,0,,\n"
        "235085131,1302264987,-817900,30453700,3600,1023,120,0,0,0,ZAC V,ZIYX3,36,8,4,2,2,0,,\n"
        "235085131,1302265047,108600000,54600000,2351,59,511,0,0,0,ZAC V,ZIYX3,36,8,4,2,2,0,,\n"
    )
    df = _read(p)
    assert df["ts"][0] == datetime.fromtimestamp(1302264927, tz=UTC)
    assert df["lat"][0] == pytest.approx(50.7558667, abs=1e-6) and df["lon"][0] == pytest.approx(-1.363445, abs=1e-6)
    assert df["track_deg"].to_list()[:2] == [pytest.approx(235.1), None]  # 3600 = not available
    assert df["gs_kt"].to_list()[:2] == [pytest.approx(5.9), None]  # 1023 = not available
    assert df["heading_deg"].to_list()[:2] == [None, 120.0]  # heading is in whole degrees in both formats
    assert df["lat"][2] is None and df["lon"][2] is None  # 91 / 181 degrees: position not available


def test_degrees_file_with_corrupt_rows_is_not_scaled(tmp_path: Path) -> None:
    p = tmp_path / "vessels.csv"
    p.write_text(
        "MMSI,TIME,LATITUDE,LONGITUDE\n"
        "273351870,2024-03-01T12:00:00Z,44.6,33.5\n"
        "273351870,2024-03-01T12:01:00Z,4461000,33.51\n"  # corrupt
        "273351870,2024-03-01T12:02:00Z,44.62,33.52\n"
    )
    log = RejectLog()
    df = _read(p, log)
    assert df["lat"].to_list() == [44.6, 44.62]
    assert log.counts["latitude out of range"] == 1


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (["30453520", "30453700"], ["-818067", "-817900"], True),
        (["50.7558", "50.7559"], ["-1.3634", "-1.3633"], False),
        (["30453520.5"], ["-818067"], False),  # AIS units are whole numbers
        (["99999999999"], ["1"], False),  # beyond even the AIS range: garbage, not units
        (["", "abc"], ["", "x"], None),  # no position yet: the next rows decide
        (["0", "30453520", "30453700", "30453800", "30453900", "30454000", "30454100", "30454200", "30454300",
          "30454400"], ["0"] * 10, True),  # a ship at 0/0 among AIS-unit rows
    ],
)  # fmt: skip
def test_ais_units_decision(lat: list[str], lon: list[str], expected: bool | None) -> None:
    assert ais_csv.ais_units(pl.Series(lat), pl.Series(lon)) is expected


def test_tab_separated_with_utc_suffix_and_epochs(tmp_path: Path) -> None:
    p = tmp_path / "vessels.tsv"
    p.write_text(
        "MMSI\tTIMESTAMP\tLATITUDE\tLONGITUDE\tCOURSE\tSPEED\n"
        "273351870\t2024-03-01T12:00:00Z\t44.6\t33.5\t90\t10\n"
        "273351870\t1709294460\t44.61\t33.51\t91\t10\n"  # Unix seconds
        "273351870\t1709294520000\t44.62\t33.52\t92\t10\n"  # Unix milliseconds
        "273351870\t2024-03-01 12:03:00.500 UTC\t44.63\t33.53\t93\t10\n"
    )
    df = _read(p)
    assert [t.isoformat() for t in df["ts"]] == [
        "2024-03-01T12:00:00+00:00",
        "2024-03-01T12:01:00+00:00",
        "2024-03-01T12:02:00+00:00",
        "2024-03-01T12:03:00.500000+00:00",
    ]
    assert df["track_deg"].to_list() == [90.0, 91.0, 92.0, 93.0]


def test_ambiguous_slash_dates_are_rejected_not_guessed(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text(
        "mmsi,time,lat,lon\n273351870,01/02/2024 10:00:00,44.6,33.5\n273351870,2024-02-01T10:00:00,44.6,33.5\n"
    )
    log = RejectLog()
    assert _read(p, log).height == 1
    assert log.counts["bad or missing timestamp"] == 1 and log.samples[0].location == "line 2"


def test_named_dialects_and_spire_keep_their_readers(tmp_path: Path) -> None:
    mc = tmp_path / "AIS_2023_01_11.csv"
    mc.write_text(
        "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading\n367752440,2023-01-11T00:00:00,43.07917,-70.75733,0,360,95\n"
    )
    assert ais_csv.dialect_of(mc.read_bytes()) == "marinecadastre"
    if SPIRE.is_file():  # Spire's decoded CSV names mmsi/timestamp/latitude/longitude too: its own reader first
        assert lio.detect_format(SPIRE) == "ais_decoded_csv"
    # an OpenSky CSV (no MMSI) is no AIS CSV
    assert ais_csv.layout_of(b"time,icao24,lat,lon,velocity\n1,abc,1,2,3\n") is None


def test_header_without_the_needed_columns_lists_what_it_has(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text("mmsi;when;y;x\n1;2;3;4\n")
    with pytest.raises(LiftwatchError, match="mmsi;when;y;x"):
        list(lio.read(p, format="ais_csv"))


_COLS = {"mmsi": "273351870", "timestamp": "2024-03-01T12:00:00", "lat": "44.6", "lon": "33.5", "sog": "10"}


@settings(max_examples=60, deadline=None)
@given(
    order=st.permutations(list(_COLS)),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    case=st.sampled_from([str.lower, str.upper, str.title]),
    junk=st.lists(st.text(min_size=0, max_size=12).filter(lambda s: "\n" not in s and "\r" not in s), max_size=3),
)
def test_any_order_case_and_separator_read_the_same(
    tmp_path_factory: pytest.TempPathFactory, order: list[str], delimiter: str, case: object, junk: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("g")
    header = delimiter.join(case(c) for c in order)  # type: ignore[operator]
    row = delimiter.join(_COLS[c] for c in order)
    lines = [header, row, *(j.replace(delimiter, " ") for j in junk), row.replace("44.6", "44.7")]
    p = folder / "x.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    log = RejectLog()
    try:
        df = _read(p, log)
    except LiftwatchError:
        return  # junk that makes the file unreadable says why; never a crash
    assert set(df["asset_id"]) == {"273351870"} and {44.6, 44.7} <= set(df["lat"].to_list())


def test_files_joined_end_to_end_lose_only_their_header_lines(tmp_path: Path) -> None:
    one = "# Timestamp,Type of mobile,MMSI,Latitude,Longitude\n01/01/2024 00:00:00,Class A,219000001,55.1,12.1\n"
    two = "# Timestamp,Type of mobile,MMSI,Latitude,Longitude\n02/01/2024 00:00:00,Class A,219000001,55.2,12.2\n"
    p = tmp_path / "aisdk-2024-01.csv"
    p.write_text(one + two)  # what the days of a month's zip read one after another look like
    log = RejectLog()
    assert _read(p, log).height == 2
    assert dict(log.counts) == {"repeated header line": 1} and log.samples[0].location == "line 3"

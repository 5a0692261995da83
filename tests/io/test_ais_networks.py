"""What real AIS networks write: talkers, receive-time trailers, $PGHP times, *00 tag blocks, hostile payloads.

Each case is what a real coastal or satellite network writes (or an attacker could), checked line by line; the
hypothesis tests cut the same logs into tiny chunks to prove a $PGHP time is found across chunk boundaries.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyais.encode import DATA_DICT, encode_dict
from typer.testing import CliRunner

from liftwatch import io
from liftwatch.cli import app
from liftwatch.io import ais_csv, ais_decoded_csv, ais_lines, ais_nmea
from liftwatch.io.base import NothingKeptError, RejectLog
from liftwatch.store import Store
from tests.frames import to_frame

from .fuzzkit import data_lines, run, small_chunks

SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTWATCH_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _cs(s: str) -> str:
    c = 0
    for ch in s.encode():
        c ^= ch
    return f"{c:02X}"


def _sentence(talker: str = "AI", lat: float = 34.74, lon: float = 35.51, mmsi: int = 273906301, t: int = 1) -> str:
    d: DATA_DICT = {"type": t, "mmsi": mmsi, "lat": lat, "lon": lon, "speed": 12.5, "course": 90.0}
    return encode_dict(d, talker_id=talker, sentence_type="VDM")[0]


def _pghp(when: datetime, ref: str) -> str:
    body = f"PGHP,1,{when.year},{when.month},{when.day},{when.hour},{when.minute},{when.second},"
    body += f"{when.microsecond // 1000},316,2,316000002,1AIS_S,{ref}"
    return f"${body}*{_cs(body)}"


def _read(path: Path) -> tuple[pl.DataFrame, RejectLog]:
    log = RejectLog()
    frames = [to_frame(t) for t in io.read(path, rejects=log)]
    return (pl.concat(frames) if frames else pl.DataFrame()), log


def _where(log: RejectLog) -> dict[str, str]:
    return {s.location: s.reason for s in log.samples}


def test_any_talker_is_ais(tmp_path: Path) -> None:
    lines = [f"{_sentence(t)},{1328182324 + i}" for i, t in enumerate(("BS", "AB", "AN", "SA", "AI"))]
    path = tmp_path / "talkers.nmea"
    path.write_text("\n".join(lines) + "\n")
    assert io.detect_format(path) == "ais_nmea"
    got, log = _read(path)
    assert got.height == 5 and log.total == 0


def test_trailers_of_real_networks(tmp_path: Path) -> None:
    s = _sentence()
    lines = [
        f"{s},1328182324635",  # AMSA: epoch milliseconds
        f"{s},b003669794,1272412827",  # USCG: station, epoch
        f"{s},d-109,S2105,t050056.00,T56.13,r003669946,1325394060,1325394001",  # USCG extended
        f"{s},rSTATION",  # a station but no time
        f"{s},99999999999999",  # not an epoch (14 digits)
    ]
    path = tmp_path / "trail.nmea"
    path.write_text("\n".join(lines) + "\n")
    got, log = _read(path)
    assert got["ts"].dt.epoch("ms").to_list() == [1328182324635, 1272412827000, 1325394060000]
    assert _where(log) == {"line 4": ais_lines.NO_TIME, "line 5": ais_lines.NO_TIME}


def test_pghp_times_the_sentence_it_names_before_or_after(tmp_path: Path) -> None:
    a = _sentence(mmsi=111111111)
    b = _sentence(mmsi=222222222, lat=10.0)
    c = _sentence(mmsi=333333333, lat=20.0)
    ta, tb = datetime(2012, 2, 1, 20, 19, 5, 651000, tzinfo=UTC), datetime(2012, 2, 1, 20, 19, 11, 720000, tzinfo=UTC)
    lines = [
        _pghp(ta, a[-2:]),  # 1 before its sentence (GateHouse)
        f"{a},1328133720087",  # 2
        f"{b},1328133720097",  # 3
        _pghp(tb, b[-2:]),  # 4 after its sentence (exactEarth via AMSA)
        f"{c},1328133720099",  # 5 no PGHP: arrival trailer
        _pghp(ta, "ZZ")[:-2] + "00",  # 6 bad checksum
        "$PGHP,1,2012,13,45,99,0,0,0,316,2,,1,09*" + _cs("PGHP,1,2012,13,45,99,0,0,0,316,2,,1,09"),  # 7 bad time
        "# comment",  # 8
        "",  # 9
        "$GPGGA,184353.07,1929.045,S,02410.506,E,1,04,2.6,100.00,M,-33.9,M,,0000*6D",  # 10
    ]
    path = tmp_path / "gh.nmea"
    path.write_text("\n".join(lines) + "\n")
    got, log = _read(path)
    assert got["ts"].to_list() == [ta, tb, datetime.fromtimestamp(1328133720.099, tz=UTC)]
    assert _where(log) == {"line 6": "NMEA checksum mismatch", "line 7": "bad $PGHP time"}
    assert log.counts[ais_lines.PGHP_LINE] == 2
    assert log.counts[ais_lines.BLANK] == 2 and log.counts[ais_lines.OTHER_NMEA] == 1
    assert got.height + log.total == len(lines)


@settings(SETTINGS, max_examples=max(10, SETTINGS.max_examples // 4))  # each example reads ~200 tiny chunks
@given(
    n=st.integers(min_value=1, max_value=40),
    offsets=st.lists(st.integers(min_value=-6, max_value=6), min_size=40, max_size=40),
    compress=st.booleans(),
)
def test_pghp_matching_does_not_depend_on_chunking(n: int, offsets: list[int], compress: bool) -> None:
    """Sentences with their PGHP a few lines away: same times whole or cut into ~1-line chunks."""
    t0 = datetime(2012, 2, 1, 20, 0, tzinfo=UTC)
    rows: list[tuple[float, str]] = []
    for i in range(n):
        s = _sentence(mmsi=200000000 + i, lat=round(-60 + 3 * i, 2))
        rows.append((i, f"{s},{1328133720000 + i}"))
        when = t0.replace(second=i % 60, minute=i // 60)
        rows.append((i + offsets[i] + 0.5, _pghp(when, s[-2:])))
    text = ("\n".join(r for _, r in sorted(rows, key=lambda x: x[0])) + "\n").encode()
    data = gzip.compress(text) if compress else text

    def reader(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
        return ais_nmea.read(path, log, batch_rows)

    whole, log1 = run(reader, data, name="p.nmea")
    with small_chunks(211):
        cut, log2 = run(reader, data, name="p.nmea", batch_rows=2)
    assert whole is not None and cut is not None
    assert whole.equals(cut) and log1.counts == log2.counts
    assert whole.height == n and whole.height + log1.total == 2 * n


def test_placeholder_tag_checksum_is_unverified_not_rejected(tmp_path: Path) -> None:
    s = _sentence("AB")
    lines = [f"\\c:1420030798*00\\{s}", f"\\c:1420030798*01\\{s}", f"\\c:1420030799*{_cs('c:1420030799')}\\{s}"]
    path = tmp_path / "tag.nmea"
    path.write_text("\n".join(lines) + "\n")
    got, log = _read(path)
    assert got.height == 2
    assert _where(log) == {"line 2": "tag block checksum mismatch"}
    assert log.notes == {ais_lines.UNVERIFIED_TAG: 1}


@pytest.mark.parametrize("bad", ["\x00", "\x01", "~", " ", "\x7f"])
def test_characters_outside_the_payload_alphabet_reject_the_sentence(tmp_path: Path, bad: str) -> None:
    s = _sentence()
    head, payload, rest = s.split(",", 5)[:5], s.split(",")[5], s.split(",", 6)[6]
    for where in (0, 5, len(payload)):
        hostile_payload = payload[:where] + bad + payload[where:]
        body = ",".join([*head, hostile_payload, rest.split("*")[0]])[1:]
        line = f"!{body}*{_cs(body)},1734688800"
        path = tmp_path / "nul.nmea"
        # a good line after it: a file whose every line fails for one reason is refused whole (tested elsewhere)
        path.write_bytes((line + "\n" + f"{s},1734688860\n").encode())
        got, log = _read(path)
        assert got.height == 1, (bad, where)  # never 0.0, 0.0 or any other invented position
        assert _where(log) == {"line 1": ais_nmea.BAD_PAYLOAD}


def test_nul_replacing_payload_characters_is_rejected(tmp_path: Path) -> None:
    s = _sentence()
    payload = s.split(",")[5]
    hostile = s.replace(payload, payload[:10] + "\x00" * 8 + payload[18:]).split("*")[0]
    hostile = f"{hostile}*{_cs(hostile[1:])}"  # a valid checksum over the damaged sentence
    path = tmp_path / "nul.nmea"
    path.write_bytes((hostile + ",1734688800\n" + f"{s[:-3]}\ufffd{s[-3:]},1734688800\n").encode())
    log = RejectLog()
    with pytest.raises(NothingKeptError, match="nothing was kept, 2 rows rejected") as caught:
        list(io.read(path, rejects=log))  # nothing kept: a failure that carries its reasons
    assert caught.value.rejects.counts == log.counts
    assert _where(log) == {"line 1": ais_nmea.BAD_PAYLOAD, "line 2": "non-ASCII character in an NMEA line"}


def test_file_of_only_type_27_and_corrupt_positions_ingests(tmp_path: Path) -> None:
    """A chunk whose only positions come from the pyais path (27/19) or are all rejected must not crash."""
    t27 = encode_dict({"type": 27, "mmsi": 273906301, "lat": 34.9, "lon": 35.8, "speed": 10, "course": 90})[0]
    only27 = tmp_path / "a27.nmea"
    only27.write_text(f"{t27},1734688800\n{t27},1734688860\n")
    corrupt = tmp_path / "b_corrupt.nmea"
    corrupt.write_text(f"{_sentence(lat=34.7)[:-2]}00,1734688800\n")
    good = tmp_path / "c_good.nmea"
    good.write_text(f"{_sentence()},1734688900\n")
    db = str(tmp_path / "s.duckdb")
    res = CliRunner().invoke(app, ["ingest", str(only27), str(corrupt), str(good), "--db", db])
    # the one-line corrupt file is refused whole (exit 2, named); the files around it are ingested
    assert res.exit_code == 2, res.output
    flat = "".join(res.output.split())  # rich wraps long lines at the terminal width
    assert "b_corrupt.nmea" in flat and "everyrowwasrejected" in flat
    with Store(db) as store:
        pts = store.points()
    assert pts.height == 3
    assert sorted(pts["lat"].to_list()) == pytest.approx([34.74, 34.9, 34.9], abs=1e-3)


def test_dma_implausible_years_are_rejected_with_a_reason(tmp_path: Path) -> None:
    head = (
        "# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,Callsign,Name,"
        "Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,Destination,ETA,Data source type,"
        "A,B,C,D\n"
    )
    row = ",Class A,273123456,55.1,12.4,Moored,,0,,511,IMO1001266646,,,Cargo,,,,GPS,,,,AIS,,,,\n"
    path = tmp_path / "aisdk.csv"
    path.write_text(head + "01/12/1800 00:00:01" + row + "01/12/9999 00:00:01" + row + "01/12/2024 00:00:01" + row)
    got, log = _read(path)
    assert got.height == 1 and got["registration"][0] is None  # 10-digit IMO: nulled, never cut to 7 digits
    reason = "timestamp outside 2000-01-01 .. 2100-01-01"
    assert _where(log) == {"line 2": reason, "line 3": reason}


def test_marinecadastre_status_codes_as_float_text(tmp_path: Path) -> None:
    head = "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft\n"
    rows = [
        "367752440,2023-01-11T00:00:00,43.07,-70.75,0.0,360.0,95.0,A,IMO9307839,W,31,5.0,,,\n",
        "367752441,2023-01-11T00:00:00,43.07,-70.75,0.0,360.0,95.0,B,IMO9307830,W,31,1.0,,,\n",
        "367752442,2023-01-11T00:00:00,43.07,-70.75,9.0,360.0,95.0,C,,W,31,0.0,,,\n",
        "367752443,2023-01-11T00:00:00,43.07,-70.75,9.0,360.0,95.0,C,,W,31,,,,\n",
    ]
    path = tmp_path / "AIS_2023_01_11.csv"
    path.write_text(head + "".join(rows))
    got, _ = _read(path)
    assert got["on_ground"].to_list() == [True, True, False, False]
    assert got["registration"].to_list() == ["9307839", None, None, None]  # 9307830 fails the check digit


DECODED_HEAD = (
    "MMSI,Message_ID,Repeat_indicator,Time,Millisecond,Region,Vessel_Name,Call_sign,IMO,Ship_Type,Destination,"
    "Navigational_status,SOG,Longitude,Latitude,COG,Heading\n"
)


def test_decoded_csv_rows(tmp_path: Path) -> None:
    rows = [
        '"273906301","5","0","20210701_000000","0","66","SPARTA IV","UBCX3","9743033","70","TARTUS","","","","","",""',
        '"273906301","1","0","20210701_000010","250","66","","","","","","5","0.1","35.8","34.9","12.0","511"',
        '"273906302","3","0","20210701_000011","0","66","","","","","","0","12.0","181","91","360","90"',
        '"2190068","4","0","20210701_000012","0","66","","","","","","","","12.0","55.0","",""',
        '"273906303","1","0","18000701_000010","0","66","","","","","","0","1","1","1","1","1"',
        '"27390630x","1","0","20210701_000010","0","66","","","","","","0","1","1","1","1","1"',
        '"273906304","1","0","20210701_000010","0","66","","","","","","0","1","200","1","1","1"',
        '"273906305","99","0","20210701_000010","0","66","","","","","","0","1","1","1","1","1"',
        '"273906306","1","0"',
    ]
    path = tmp_path / "spire.csv"
    path.write_text(DECODED_HEAD + "\n".join(rows) + "\n")
    assert io.detect_format(path) == "ais_decoded_csv"
    got, log = _read(path)
    assert got["asset_id"].to_list() == ["273906301", "273906302"]
    assert got["ts"][0] == datetime(2021, 7, 1, 0, 0, 10, 250000, tzinfo=UTC)
    assert got["on_ground"].to_list() == [True, False] and got["heading_deg"][0] is None
    assert got["lat"][1] is None and got["track_deg"][1] is None
    assert got["callsign"][0] == "UBCX3" and got["registration"][0] == "9743033" and got["type_code"][0] == "70"
    assert _where(log) == {
        "line 6": "timestamp outside 2000-01-01 .. 2100-01-01",
        "line 7": "bad MMSI",
        "line 8": "position out of range",
        "line 9": "bad or missing AIS message type",
        "line 10": "wrong number of fields",
    }
    assert got.height + log.total == len(rows)
    static = ais_decoded_csv.read_static(str(path))
    assert static["destination"].to_list() == ["TARTUS"]


@SETTINGS
@given(data=st.binary(max_size=2000), cut=st.integers(min_value=0, max_value=400))
def test_decoded_csv_hostile_and_truncated(data: bytes, cut: int) -> None:
    good = '"273906301","1","0","20210701_000010","250","66","","","","","","5","0.1","35.8","34.9","12.0","511"\n'
    text = (DECODED_HEAD + good * 3).encode() + data
    df, log = run(_decoded, text, name="d.csv")
    assert df is not None and df.height >= 3
    assert df.height + log.total <= data_lines(text, skip=1) + 1
    packed = gzip.compress(text)
    run(_decoded, packed[: len(packed) - cut], name="d.csv.gz")


def _decoded(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    return ais_csv.read_format(path, ais_decoded_csv.FORMAT, log, batch_rows)


def test_all_parts_of_a_message_on_one_line(tmp_path: Path) -> None:
    """Spire writes a multi-part message on one line: read as one message; anything else on one line is rejected."""
    t5 = encode_dict(
        {"type": 5, "mmsi": 273906301, "shipname": "SPARTA IV", "callsign": "UBCX3", "imo": 9743033, "ship_type": 70},
        talker_id="AI",
        sentence_type="VDM",
        seq_id=1,
    )
    assert len(t5) == 2
    pos = f"\\c:1662052390,s:FM112*00\\{_sentence(mmsi=273906301)}"
    lines = [
        f"\\c:1662052384,s:FM112*00\\{t5[0]}\\g:2-1-1*00\\{t5[1]}",  # 1 Spire: both parts, one line
        f"\\c:1662052384*00\\{t5[1]}{t5[0]}",  # 2 parts out of order
        f"\\c:1662052384*00\\{t5[0]}{t5[1][:-2]}00",  # 3 second part's checksum wrong
        f"\\c:1662052384*00\\{_sentence()}{_sentence()}",  # 4 two single-part messages
        f"{t5[0]}{t5[1]}",  # 5 no time
        pos,  # 6
    ]
    path = tmp_path / "spire.nmea"
    path.write_text("\n".join(lines) + "\n")
    got, log = _read(path)
    assert got.height == 1 and got["callsign"][0] == "UBCX3" and got["registration"][0] == "9743033"
    bad = ais_nmea.PACKED_BAD
    assert _where(log) == {"line 2": bad, "line 3": bad, "line 4": bad, "line 5": ais_lines.NO_TIME}
    assert log.counts[ais_nmea.STATIC_MSG] == 1 and got.height + log.total == len(lines)

"""NUL and control bytes, U+FFFD and impossible kinematics in SBS / AVR / hex input, live and from files."""

from __future__ import annotations

from pathlib import Path

import pytest

from liftwatch import io as lio
from liftwatch.io.base import NothingKeptError, RejectLog
from liftwatch.live.sbs import parse_sbs
from liftwatch.modes.framing import parse_text
from tests.hostile.payloads import SBS_GOOD

CONTROL = [bytes([b]) for b in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)]


@pytest.mark.parametrize("byte", CONTROL)
def test_live_sbs_control_byte_costs_one_line(byte: bytes) -> None:
    bad = SBS_GOOD.replace(b"4B1801", b"4B" + byte + b"1801")
    pts, n_bad = parse_sbs(SBS_GOOD + bad + SBS_GOOD.replace(b"4B1801", b"4B1802"))
    assert pts.column("asset_id").to_pylist() == ["4b1801", "4b1802"]
    assert n_bad == 1


@pytest.mark.parametrize("byte", [b"\x1f", b"\x00", b"\x7f"])
def test_avr_control_byte_costs_one_line(byte: bytes) -> None:
    frames = parse_text(b"*8D4840D6202CC371C32CE0576098;\n*8D4840D6202CC" + byte + b"71C32CE0576098;\n")
    assert frames.bad_lines.tolist() == [1]
    assert int(frames.ok.sum()) == 1


@pytest.mark.parametrize("fmt", ["modes_avr", "modes_hex"])
def test_ingest_raw_modes_with_control_bytes(tmp_path: Path, fmt: str) -> None:
    f = tmp_path / "x.txt"
    f.write_bytes(b"*8D4840D6202CC371C32CE0576098;\n*8D48\x1f40D6202CC371C32CE0576098;\n\x00\x00\x00\n")
    rejects = RejectLog()
    with pytest.raises(NothingKeptError):  # nothing usable: a clear failure with its reasons, never a crash
        list(lio.read(f, format=fmt, rejects=rejects))
    assert rejects.total >= 1


def test_live_sbs_keeps_non_icao_tilde_like_file_ingest(tmp_path: Path) -> None:
    line = SBS_GOOD.replace(b"4B1801", b"~4B1801")
    pts, _ = parse_sbs(line)
    f = tmp_path / "a.sbs"
    f.write_bytes(line)
    from_file = next(iter(lio.read(f)))
    assert pts.column("asset_id").to_pylist() == from_file.column("asset_id").to_pylist() == ["~4b1801"]


def test_sbs_callsign_with_nul_or_replacement_char_is_dropped(tmp_path: Path) -> None:
    ident = b"MSG,1,1,1,4B1801,1,2024/12/14,06:00:01.000,2024/12/14,06:00:01.000,%s,,,,,,,,,,,0\n"
    f = tmp_path / "cs.sbs"
    f.write_bytes(SBS_GOOD + ident % b"RFF\x007012" + ident % b"RFF\xff7012" + ident % b"RFF7012")
    t = next(iter(lio.read(f)))
    assert t.column("callsign").to_pylist() == [None, None, None, "RFF7012"]


def test_sbs_impossible_kinematics_become_null(tmp_path: Path) -> None:
    row = b"MSG,3,1,1,4B1801,1,2024/12/14,06:00:00.000,2024/12/14,06:00:00.000,,%s,%s,%s,35.1,33.2,%s,,0,0,0,0\n"
    f = tmp_path / "k.sbs"
    f.write_bytes(row % (b"1e20", b"-5", b"720", b"1e9") + row % (b"35000", b"450", b"90", b"-1500"))
    t = next(iter(lio.read(f)))
    assert t.column("alt_baro_ft").to_pylist() == [None, 35000.0]
    assert t.column("gs_kt").to_pylist() == [None, 450.0]
    assert t.column("track_deg").to_pylist() == [None, 90.0]
    assert t.column("vrate_fpm").to_pylist() == [None, -1500.0]
    pts, _ = parse_sbs(row % (b"1e20", b"-5", b"720", b"1e9"))
    assert pts.column("gs_kt").to_pylist() == [None] and pts.column("alt_baro_ft").to_pylist() == [None]

"""CSV files packed in a tar (OpenSky's hourly ``states_<date>-<hh>.csv.tar``) or a zip (a day of AIS), read as the
CSV they carry."""

from __future__ import annotations

import contextlib
import gzip
import io
import struct
import zipfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch import io as lio
from liftwatch.errors import LiftwatchError
from liftwatch.ingest import ingest_paths
from liftwatch.io import packed_csv
from liftwatch.io.base import RejectLog, head_of_bytes, read_head
from liftwatch.store import Store
from tests.frames import frame
from tests.io.archives import write_tar, write_zip

# real OpenSky state vectors (MIT, see tests/data/real/ATTRIBUTION.md): a UK border patrol flight, 1,465 rows
REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "adsb" / "sample_border_control.opensky.csv.gz"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "real"
NOAA = SHARED / "aisdb" / "test_data_noaa_20230101.csv"  # MarineCadastre CSV, AGPL: read from ../shared only


def _hour(folder: Path, licence_first: bool = True) -> Path:
    """What OpenSky's sample dumps hold: the hour's CSV (gzip) with a licence and a readme."""
    docs = [("LICENSE.txt", b"non-profit research only\n" * 40), ("README.txt", b"states of one hour\n")]
    csv = [("states_2020-04-17-10.csv.gz", REAL.read_bytes())]
    return write_tar(folder / "states_2020-04-17-10.csv.tar", docs + csv if licence_first else csv + docs)


def _points(path: Path, log: RejectLog | None = None) -> pl.DataFrame:
    return frame(lio.read(path, rejects=log)).sort("asset_id", "ts")


@pytest.mark.parametrize("licence_first", [True, False])
def test_opensky_hourly_tar_reads_as_its_csv(tmp_path: Path, licence_first: bool) -> None:
    tar = _hour(tmp_path, licence_first)
    assert lio.detect_format(tar) == "opensky_csv"
    log = RejectLog()
    got = _points(tar, log)
    want = _points(REAL)
    assert got.height == want.height == 1465 and got.equals(want)
    assert log.total == 0
    head = read_head(tar, 64)
    assert head == gzip.decompress(REAL.read_bytes())[:64]
    assert head_of_bytes(tar.read_bytes(), tar, 64) == head


def test_store_ingest_of_the_hourly_tar(tmp_path: Path) -> None:
    tar = _hour(tmp_path)
    with Store(tmp_path / "s.duckdb") as store:
        run = ingest_paths(store, [tar], workers=0)
        assert not run.failures and run.rows_added == 1465 and run.reports[0].format == "opensky_csv"


def test_plain_csv_members_are_read_one_after_another(tmp_path: Path) -> None:
    text = gzip.decompress(REAL.read_bytes())
    header, _, body = text.partition(b"\n")
    lines = body.splitlines(keepends=True)
    first, second = header + b"\n" + b"".join(lines[:700]), header + b"\n" + b"".join(lines[700:])
    tar = write_tar(tmp_path / "two.tar", [("./a.csv", first), ("README", b"x"), ("./b.csv", second)])
    log = RejectLog()
    got = _points(tar, log)
    assert got.height == 1465 and got.equals(_points(REAL))
    assert log.total <= 1  # the second member's header line, if the reader counts it


def test_a_member_that_is_no_csv_stops_the_read_with_a_reject(tmp_path: Path) -> None:
    tar = write_tar(tmp_path / "mixed.tar", [("states.csv.gz", REAL.read_bytes()), ("extra.parquet", b"PAR1....")])
    log = RejectLog()
    got = _points(tar, log)
    assert got.height == 1465
    assert log.total == 1 and "extra.parquet is not a CSV file" in log.samples[0].raw  # the reason, with the byte


def test_a_globe_history_day_with_acas_csv_first_is_still_a_trace_archive(tmp_path: Path) -> None:
    tar = write_tar(
        tmp_path / "day.tar", [("./acas/acas.csv", b"time,hex\n"), ("./traces/f2/trace_full_15a3f2.json", b"{}")]
    )
    assert lio.detect_format(tar) == "readsb_trace"
    assert not packed_csv.carries_csv(io.BytesIO(tar.read_bytes()), "tar")


def test_truncated_hourly_tar_keeps_what_came_before(tmp_path: Path) -> None:
    data = _hour(tmp_path).read_bytes()
    cut = tmp_path / "cut.csv.tar"
    cut.write_bytes(data[: len(data) // 2])
    log = RejectLog()
    got = _points(cut, log)
    assert 0 < got.height < 1465 and log.total >= 1


@settings(max_examples=40, deadline=None)
@given(frac=st.floats(0.0, 1.0), flip=st.integers(0, 1 << 20))
def test_cut_or_damaged_tars_never_crash(tmp_path_factory: pytest.TempPathFactory, frac: float, flip: int) -> None:
    folder = tmp_path_factory.mktemp("t")
    data = bytearray(_hour(folder).read_bytes())
    data = data[: int(len(data) * frac)]
    if data:
        data[flip % len(data)] ^= 0xFF
    p = folder / "bad.csv.tar"
    p.write_bytes(bytes(data))
    log = RejectLog()
    try:
        rows = sum(t.num_rows for t in lio.read(p, rejects=log))
    except LiftwatchError:
        return  # unreadable, with its reason: fine
    assert rows <= 1465


def test_zip_of_a_csv_reads_as_its_csv(tmp_path: Path) -> None:
    z = write_zip(
        tmp_path / "states.zip",
        [("README.txt", b"x"), ("states_2020-04-17-10.csv", gzip.decompress(REAL.read_bytes()))],
    )
    assert lio.detect_format(z) == "opensky_csv"
    log = RejectLog()
    assert _points(z, log).equals(_points(REAL)) and log.total == 0
    with Store(tmp_path / "s.duckdb") as store:
        assert ingest_paths(store, [z], workers=0).rows_added == 1465


@pytest.mark.skipif(not NOAA.is_file(), reason="the real MarineCadastre recording (AGPL) is read from ../shared")
def test_marinecadastre_day_zip_as_downloaded(tmp_path: Path) -> None:
    z = write_zip(tmp_path / "AIS_2023_01_11.zip", [("AIS_2023_01_11.csv", NOAA.read_bytes())])
    assert lio.detect_format(z) == lio.detect_format(NOAA)
    assert _points(z).equals(_points(NOAA))


def test_zip_with_a_member_that_is_no_csv(tmp_path: Path) -> None:
    z = write_zip(tmp_path / "m.zip", [("a.csv", gzip.decompress(REAL.read_bytes())), ("b.xlsx", b"PK..")])
    log = RejectLog()
    assert _points(z, log).height == 1465
    assert log.total == 1 and "b.xlsx is not a CSV file" in log.samples[0].raw


def test_a_cut_zip_is_unreadable_with_its_reason(tmp_path: Path) -> None:
    data = write_zip(tmp_path / "m.zip", [("a.csv", gzip.decompress(REAL.read_bytes()))]).read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: len(data) // 2])  # the directory is at the end: nothing says what the zip holds
    with pytest.raises(LiftwatchError, match="zip archive cut short or corrupt"):
        list(lio.read(cut))


def test_a_zip_of_other_files_says_what_it_holds(tmp_path: Path) -> None:
    z = write_zip(tmp_path / "x.zip", [("LICENSE", b"x"), ("data.xlsx", b"abc")])
    with pytest.raises(LiftwatchError, match=r"first data file data\.xlsx is in no format liftwatch reads"):
        lio.detect_format(z)


@settings(max_examples=80, deadline=None)
@given(frac=st.floats(0.0, 1.0), flips=st.lists(st.integers(0, 1 << 20), max_size=4))
def test_cut_or_damaged_zips_never_crash(
    tmp_path_factory: pytest.TempPathFactory, frac: float, flips: list[int]
) -> None:
    folder = tmp_path_factory.mktemp("z")
    text = gzip.decompress(REAL.read_bytes())[:20000]
    data = bytearray(
        write_zip(
            folder / "ok.zip", [("README", b"r"), ("a.csv", text), ("b.csv.gz", gzip.compress(text))]
        ).read_bytes()
    )
    data = data[: max(1, int(len(data) * frac))] if frac < 0.98 else data
    for f in flips:
        data[f % len(data)] ^= 0x5A
    p = folder / "bad.zip"
    p.write_bytes(bytes(data))
    with contextlib.suppress(LiftwatchError):  # unreadable, with its reason: fine
        sum(t.num_rows for t in lio.read(p, rejects=RejectLog()))


def _patched_zip(folder: Path, name: str, *, flag: int = 0, method: int | None = None, second: bool = False) -> Path:
    """A zip whose (first or second) member claims encryption or a compression method Python cannot read."""
    text = gzip.decompress(REAL.read_bytes())[:5000]
    text = text[: text.rfind(b"\n") + 1]
    members = [("a.csv", text), ("b.csv", text)] if second else [("a.csv", text)]
    data = bytearray(write_zip(folder / name, members).read_bytes())
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        if second:
            i = data.find(sig, i + 4)
        data[i + off] |= flag
        if method is not None:
            data[i + off + 2 : i + off + 4] = struct.pack("<H", method)
    p = folder / name
    p.write_bytes(bytes(data))
    return p


@pytest.mark.parametrize(("flag", "method", "why"), [(1, None, "is encrypted"), (0, 99, "uses compression method 99")])
def test_hostile_zip_members_are_named_not_crashed_on(tmp_path: Path, flag: int, method: int | None, why: str) -> None:
    first = _patched_zip(tmp_path, "first.zip", flag=flag, method=method)
    with pytest.raises(LiftwatchError, match=f"zip member a.csv {why}"):
        lio.detect_format(first)
    later = _patched_zip(tmp_path, "later.zip", flag=flag, method=method, second=True)
    log = RejectLog()
    assert frame(lio.read(later, rejects=log)).height > 0
    assert log.total == 1 and f"zip member b.csv {why}" in log.samples[0].raw


@pytest.mark.parametrize(
    ("flag", "why"), [(0x40, "is encrypted"), (0x20, "holds patched data")]
)  # fmt: skip
def test_zip_features_python_lacks_are_named(tmp_path: Path, flag: int, why: str) -> None:
    z = _patched_zip(tmp_path, "f.zip", flag=flag)
    with pytest.raises(LiftwatchError, match=f"zip member a.csv {why}"):
        lio.detect_format(z)


def test_zip_of_a_newer_version_or_with_a_nameless_member(tmp_path: Path) -> None:
    text = gzip.decompress(REAL.read_bytes())
    data = bytearray(write_zip(tmp_path / "v.zip", [("a.csv", text)]).read_bytes())
    i = data.find(b"PK\x01\x02")
    data[i + 6 : i + 8] = struct.pack("<H", 64)  # "version needed to extract": 6.4
    newer = tmp_path / "newer.zip"
    newer.write_bytes(bytes(data))
    with pytest.raises(LiftwatchError, match="feature Python cannot read"):
        lio.detect_format(newer)
    p = tmp_path / "nameless.zip"
    with zipfile.ZipFile(p, "w") as zf:  # a member with an empty name (ZipInfo.is_dir fails on it)
        zf.writestr("a.csv", text)
        zf.writestr(zipfile.ZipInfo(""), b"x")
    assert _points(p).height == 1465

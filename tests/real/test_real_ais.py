"""Real AIS recordings (coastal, satellite and national networks), ingested as a user would, judged by pyais.

For every file: ingest through the store without a crash; every line accounted for (kept + rejected + "ignored
... not a position message" == lines); every kept position equal to pyais's decode of the same sentence (to 1e-4
degree) and every pyais position either kept or on a line rejected for having no time; receive times taken from
the tag blocks, $PGHP sentences and network trailers; then ``voyages build`` runs. Apache-2.0/MIT files are in
``tests/data/real/ais`` (see ``tests/data/real/ATTRIBUTION.md``); the others are read from the shared recordings
next to the repository and the tests skip, saying why, when those are absent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pyais
import pytest
from pyais.exceptions import AISBaseException
from typer.testing import CliRunner

from liftwatch import io, sea
from liftwatch.cli import app
from liftwatch.io import ais_lines, ais_nmea
from liftwatch.io.base import NothingKeptError, RejectLog
from liftwatch.schema import PointFlag
from liftwatch.store import IngestReport, Store
from tests.frames import num, to_frame

REPO = Path(__file__).resolve().parents[2]
OWN = REPO / "tests" / "data" / "real" / "ais"
_CANDIDATES = [p / "shared" / "data" / "real" for p in (REPO.parent, REPO.parent.parent)]
SHARED = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])
OWN_NMEA = sorted(p.name for p in OWN.iterdir()) if OWN.is_dir() else []
SHARED_NMEA = [
    "amsa-risky/exact-earth-augmented.txt",
    "aisdb/test_data_201201.nmea",
    "gfw-ais-tools/mixed_types.nmea",
    "gfw-ais-tools/multi-part.nmea",
    "gfw-ais-tools/sample.nmea",
    "gfw-ais-tools/spire-test.nmea",
]
# AISHub-style dumps without any receive time: nothing kept unless a time is assumed
UNTIMED = {"nmea_data_sample.txt", "mixed_types.nmea", "multi-part.nmea"}
ASSUMED = datetime(2021, 7, 1, 12, 0, tzinfo=UTC)
SENTENCE = re.compile(r"[!$][A-Z]{2}VD[MO],(\d),(\d),(\d?),([A-Za-z0-9]?),[^*]*\*[0-9A-Fa-f]{2}")
POSITION_TYPES = {1, 2, 3, 18, 19, 27}


def _shared(rel: str) -> Path:
    path = SHARED / rel
    if not path.exists():
        pytest.skip(f"shared real recordings not present ({path}); only the bundled ones are tested")
    return path


def _path(name: str) -> Path:
    return OWN / name if (OWN / name).exists() else _shared(name)


def _lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n").splitlines()


def _problems(log: RejectLog) -> Counter[str]:
    return Counter({r: n for r, n in log.counts.items() if not r.startswith("ignored")})


def _ignored(log: RejectLog) -> int:
    return sum(n for r, n in log.counts.items() if r.startswith("ignored"))


def _oracle(lines: list[str]) -> Iterator[tuple[int, Mapping[str, object]]]:
    """(first line, pyais decode) of every checksum-valid AIS message of the file, fragments joined."""
    pending: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for i, text in enumerate(lines, start=1):
        m = SENTENCE.search(text)
        if m is None:
            continue
        count, num, seq, chan = int(m[1]), int(m[2]), m[3], m[4]
        parts: list[str]
        first = i
        if count == 1:
            parts = [m[0]]
        elif num == 1:
            pending[(seq, chan)] = (i, [m[0]])
            continue
        else:
            got = pending.get((seq, chan))
            if got is None:
                continue
            got[1].append(m[0])
            if num < count:
                continue
            first, parts = pending.pop((seq, chan))
        try:
            yield first, pyais.decode(*parts, error_if_checksum_invalid=True).asdict()
        except (AISBaseException, ValueError, IndexError, KeyError, TypeError):
            continue


def _valid_position(msg: Mapping[str, object]) -> bool:
    lat, lon, mmsi = msg.get("lat"), msg.get("lon"), msg.get("mmsi")
    if msg.get("msg_type") not in POSITION_TYPES or lat is None or lon is None or mmsi is None:
        return False
    assert isinstance(lat, float | int) and isinstance(lon, float | int) and isinstance(mmsi, int)
    return 0 < mmsi <= 999_999_999 and abs(lat) <= 90 and abs(lon) <= 180


def _read(path: Path, assume_time: datetime | None = None) -> tuple[pl.DataFrame, RejectLog]:
    log = RejectLog()
    frames = [to_frame(t) for t in io.read(path, rejects=log, assume_time=assume_time)]
    df = pl.concat(frames) if frames else pl.DataFrame()
    return df, log


def _ingest(path: Path, tmp_path: Path, assume_time: datetime | None = None) -> tuple[IngestReport, str]:
    db = str(tmp_path / "real.duckdb")
    with Store(db) as store, io.assuming(assume_time):
        rep = store.ingest(path)
    return rep, db


def _voyages_build(db: str, kept: int) -> None:
    res = CliRunner().invoke(app, ["voyages", "build", "--db", db])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.output
    if kept:
        assert res.exit_code == 0, res.output
    else:
        assert res.exit_code == 1 and "no sea points" in res.output


def _match(points: pl.DataFrame, msg: Mapping[str, object]) -> pl.DataFrame:
    return points.filter(
        (pl.col("asset_id") == f"{msg['mmsi']:09d}")
        & ((pl.col("lat") - num(msg["lat"])).abs() < 1e-4)
        & ((pl.col("lon") - num(msg["lon"])).abs() < 1e-4)
    )


def check_nmea(path: Path, tmp_path: Path, assume_time: datetime | None = None) -> dict[str, int]:
    """All the per-file assertions; returns the figures (lines, kept, rejected, non-position, pyais)."""
    lines = _lines(path)
    rep, db = _ingest(path, tmp_path, assume_time)
    assert rep.error is None and rep.format == "ais_nmea"
    assert rep.rows_read + rep.rejects.total == len(lines), rep.rejects.counts
    points, log = _read(path, assume_time)
    assert points.height == rep.rows_read
    positions = [(ln, m) for ln, m in _oracle(lines) if _valid_position(m)]
    no_time = {int(s.location.split()[1]) for s in log.samples if s.reason in (ais_lines.NO_TIME, ais_lines.BAD_TIME)}
    # every pyais position is kept, or its line has no time; every kept position is one of pyais's
    untimed = [ln for ln, _ in positions if ln in no_time]
    with_pos = points.filter(pl.col("lat").is_not_null()) if points.height else points
    assert with_pos.height == len(positions) - len(untimed)
    remaining = with_pos.with_row_index("_i")
    agree = 0
    for ln, msg in positions:
        if ln in no_time:
            continue
        hit = _match(remaining, msg)
        assert hit.height >= 1, (path.name, ln, msg)
        remaining = remaining.filter(pl.col("_i") != hit["_i"][0])
        agree += 1
    assert remaining.height == 0
    _voyages_build(db, rep.rows_read)
    return {
        "lines": len(lines),
        "kept": rep.rows_read,
        "rejected": sum(_problems(rep.rejects).values()),
        "non_position": _ignored(rep.rejects),
        "pyais_positions": len(positions),
        "agree": agree,
    }


def _check_nmea_untimed(path: Path, tmp_path: Path) -> None:
    """An untimed log: nothing kept is a failure naming the fix; with an assumed time it decodes like pyais."""
    log = RejectLog()
    with pytest.raises(NothingKeptError, match="--assume-time") as caught:
        list(io.read(path, rejects=log))
    assert caught.value.rejects.counts[ais_lines.NO_TIME] > 0
    figures = check_nmea(path, tmp_path, ASSUMED)
    assert figures["agree"] == figures["pyais_positions"]
    points, log = _read(path, ASSUMED)
    if points.height:  # every position got the assumed time and says so
        assert (points["ts"] == ASSUMED).all()
        assert (points["flags"] == int(PointFlag.ASSUMED_TIME)).all()
        assert log.notes[ais_nmea.assumed_note(round(ASSUMED.timestamp() * 1e6))] == points.height


@pytest.mark.parametrize("name", OWN_NMEA)
def test_bundled_nmea(name: str, tmp_path: Path) -> None:
    if name in UNTIMED:
        _check_nmea_untimed(OWN / name, tmp_path)
    else:
        check_nmea(OWN / name, tmp_path)


@pytest.mark.parametrize("rel", SHARED_NMEA)
def test_shared_nmea(rel: str, tmp_path: Path) -> None:
    if Path(rel).name in UNTIMED:
        _check_nmea_untimed(_shared(rel), tmp_path)
    else:
        check_nmea(_shared(rel), tmp_path)


def _ts_of_line(path: Path, line: int) -> datetime:
    """Time the reader gave the position decoded (by pyais) from ``line`` of ``path``."""
    text = _lines(path)[line - 1]
    m = SENTENCE.search(text)
    assert m is not None
    msg = pyais.decode(m[0]).asdict()
    points, _ = _read(path)
    hit = _match(points, msg)
    assert hit.height >= 1, (path.name, line)
    ts = hit["ts"][0]
    assert isinstance(ts, datetime)
    return ts


@pytest.mark.parametrize(
    ("name", "line", "want"),
    [
        # satellite sentence: the $PGHP on the next line (checksum 22) times it, not the AMSA arrival trailer
        ("exact-earth-augmented-2.txt", 2, datetime(2012, 2, 1, 20, 19, 5, 651000, tzinfo=UTC)),
        ("exact-earth-with-tag-block.txt", 3, datetime.fromtimestamp(1334337317, tz=UTC)),
        ("nmea-timestamped.txt", 1, datetime.fromtimestamp(1420030798, tz=UTC)),  # tag block *00, unverified
        ("tagblock.nmea", 2, datetime.fromtimestamp(1418172113, tz=UTC)),
        ("test.aivdm", 4, datetime.fromtimestamp(1272412827, tz=UTC)),  # USCG ,bSTATION,epoch
        ("typeexamples.nmea", 2, datetime.fromtimestamp(1325394060, tz=UTC)),  # USCG ,d..,r..,epoch,epoch
        ("gatehouse.nmea", 2, datetime(2008, 5, 9, 0, 0, 0, 10000, tzinfo=UTC)),  # $PGHP before it
    ],
)
def test_receive_times(name: str, line: int, want: datetime) -> None:
    assert _ts_of_line(OWN / name, line) == want


def test_millisecond_trailer_times_terrestrial_reports() -> None:
    """AMSA's terrestrial relays (!BSVDM, no $PGHP) are timed by the trailing epoch in milliseconds."""
    path = OWN / "exact-earth-augmented-2.txt"
    line1 = _lines(path)[0]  # !BSVDM,1,1,0,1,53F=...,2*67,1328133720012 (type 5)
    mmsi = pyais.decode(line1.rsplit(",", 1)[0]).asdict()["mmsi"]
    assert isinstance(mmsi, int)
    static = ais_nmea.read_static(str(path)).filter(pl.col("asset_id") == f"{mmsi:09d}")
    assert datetime(2012, 2, 1, 22, 2, 0, 12000, tzinfo=UTC) in static["ts"].to_list()


def test_pghp_times_most_satellite_sentences() -> None:
    """In exactEarth data every satellite sentence has a $PGHP: nearly all are matched (the rest use arrival)."""
    path = OWN / "exact-earth-augmented-2.txt"
    lines = _lines(path)
    points, log = _read(path)
    trailer_s = {}
    for text in lines:
        m = SENTENCE.search(text)
        if m and text.startswith("!AIVDM") and m[1] == "1":
            try:
                msg = pyais.decode(m[0]).asdict()
            except (AISBaseException, ValueError):
                continue
            if _valid_position(msg):
                mmsi, lat = msg["mmsi"], msg["lat"]
                assert isinstance(mmsi, int) and isinstance(lat, float | int)
                trailer_s[(f"{mmsi:09d}", round(float(lat), 4))] = int(text.rsplit(",", 1)[1]) / 1000
    sat = points.filter(
        pl.struct("asset_id", pl.col("lat").round(4)).is_in(
            [{"asset_id": a, "lat": la} for a, la in trailer_s], nulls_equal=False
        )
    )
    # satellite store-and-forward: the observation ($PGHP) is an hour or more before the arrival at AMSA
    early = [
        trailer_s[(a, round(la, 4))] - ts.timestamp() > 600
        for a, la, ts in sat.select("asset_id", "lat", "ts").iter_rows()
    ]
    assert len(early) > 400 and sum(early) / len(early) > 0.9
    assert log.counts[ais_lines.PGHP_LINE] == sum(1 for t in lines if t.startswith("$PGHP"))


def test_untimed_logs_decode_like_pyais_when_given_a_time(tmp_path: Path) -> None:
    """AISHub-style logs carry no time, so ingest rejects them; with a time prefix the decode matches pyais."""
    for name in ("nmea_data_sample.txt", "mixed.txt"):
        src = OWN / name
        timed = tmp_path / name
        timed.write_text("\n".join(f"1625097600 {t}" if SENTENCE.search(t) else t for t in _lines(src)) + "\n")
        work = tmp_path / name.replace(".", "_")
        work.mkdir()
        figures = check_nmea(timed, work)
        assert figures["agree"] == figures["pyais_positions"] >= 10


def test_marinecadastre_status_and_imo(tmp_path: Path) -> None:
    path = _shared("aisdb/test_data_noaa_20230101.csv")
    rep, db = _ingest(path, tmp_path)
    rows = len(_lines(path)) - 1
    assert rep.rows_read + rep.rejects.total == rows
    points, _ = _read(path)
    raw = pl.read_csv(path, infer_schema_length=0)
    moored_or_anchored = raw["Status"].is_in(["5.0", "1.0"]).sum()
    assert moored_or_anchored == 56 and points["on_ground"].sum() == moored_or_anchored
    jerry = points.filter(pl.col("asset_id") == "368059440")
    assert jerry["registration"].to_list() == [None]  # IMO1001266646 fails the check digit: no IMO, not "1001266"
    imos = points["registration"].drop_nulls()
    assert imos.len() > 300 and imos.str.contains(r"^\d{7}$").all()
    _voyages_build(db, rep.rows_read)


def test_marinecadastre_moored_ships_call_at_their_harbour(tmp_path: Path) -> None:
    """The file's own navigational status is the truth: a ship reporting "moored" (5) lies at a quay, one "at
    anchor" (1) mostly off the harbour. With the World Port Index's harbours in the port list, 23 of the 39 moored
    US ships make a call (1 with the curated ports alone, which cover the seas reporting names), one anchored
    does; the rest are moored farther than 3 km from any index point (river wharves, shipyards)."""
    path = _shared("aisdb/test_data_noaa_20230101.csv")
    _, db = _ingest(path, tmp_path)
    with Store(db) as store:
        calls = sea.analyse(store).port_calls.filter(pl.col("is_call"))
    status = pl.read_csv(path, infer_schema_length=0).select(pl.col("MMSI").alias("asset_id"), "Status")
    called = status.join(calls.select("asset_id", "site_id"), on="asset_id", how="left")
    moored = called.filter(pl.col("Status") == "5.0")
    anchored = called.filter(pl.col("Status") == "1.0")
    assert moored.height == 39 and moored["site_id"].is_not_null().sum() >= 22
    assert anchored.height == 17 and anchored["site_id"].is_not_null().sum() <= 1
    # the one curated port among US harbours is Mayport's naval station; the rest are index harbours
    assert set(moored["site_id"].drop_nulls().filter(~moored["site_id"].drop_nulls().str.starts_with("wpi-"))) <= {
        "mayport-naval-station"
    }


def test_decoded_csv(tmp_path: Path) -> None:
    path = _shared("aisdb/test_data_20210701.csv.gz")
    assert io.detect_format(path) == "ais_decoded_csv"
    rep, db = _ingest(path, tmp_path)
    raw = pl.read_csv(path, infer_schema_length=0)
    assert rep.rows_read + rep.rejects.total == raw.height
    positions = raw.filter(pl.col("Message_ID").is_in([str(t) for t in POSITION_TYPES]))
    assert rep.rows_read == positions.height - sum(_problems(rep.rejects).values())
    points, _ = _read(path)
    # values as the provider decoded them; "not available" 91/181 becomes null
    first = positions.row(0, named=True)
    assert points["asset_id"][0] == f"{int(first['MMSI']):09d}"
    assert points["lat"][0] == pytest.approx(float(first["Latitude"]))
    assert points["ts"][0] == datetime(2021, 7, 1, 18, 51, 51, 680000, tzinfo=UTC)
    assert points.filter(pl.col("lat").is_null()).height == 11
    assert points["callsign"].drop_nulls().len() > 0  # static reports (5/24/19) joined to positions
    static = ais_nmea_static_check(path)
    assert static > 0
    _voyages_build(db, rep.rows_read)


def ais_nmea_static_check(path: Path) -> int:
    from liftwatch.io import ais_decoded_csv

    st = ais_decoded_csv.read_static(str(path))
    assert st["imo"].drop_nulls().str.contains(r"^\d{7}$").all()
    return st.height


def test_every_real_ais_file_is_covered() -> None:
    """A new recording in the shared set is not silently left out of these tests."""
    if not SHARED.is_dir():
        pytest.skip(f"shared real recordings not present ({SHARED})")
    ais_dirs = ("amsa-risky", "libais", "pyais", "gfw-ais-tools", "aisdb")
    present = {str(p.relative_to(SHARED)) for d in ais_dirs for p in (SHARED / d).glob("*") if p.is_file()}
    covered = set(SHARED_NMEA) | {"aisdb/test_data_noaa_20230101.csv", "aisdb/test_data_20210701.csv.gz"}
    own = {f"{d}/{n}" for d in ais_dirs for n in OWN_NMEA}
    assert present - covered - own == set()
    assert ais_nmea.FORMAT == "ais_nmea"

"""Real ADS-B / Mode S recordings, ingested as a user would, checked against what each recording itself shows.

Every file: detected format, exit code of ``liftwatch ingest``, every row/frame accounted for (points + rejects +
ignored = input units) and values checked against the recording (rs1090's own decode per frame, per-message CPR
decoded by pyModeS, OpenSky rows with their units converted, the ICAO address a row states). Small MIT files are
in ``tests/data/real/adsb``; GPL/AGPL and unlicensed ones are read from ``shared/data/real`` beside the repository
and their tests skip, saying why, when it is absent.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow.parquet as pq
import pyModeS as pms
import pytest
from pyModeS.position import airborne_position_with_ref
from typer.testing import CliRunner

from liftwatch import io as lio
from liftwatch.cli import app
from liftwatch.geodesy import haversine_km
from liftwatch.io.base import RejectLog
from liftwatch.io.modes_table import messages
from liftwatch.modes import accounting
from liftwatch.modes.decode import ModesDecoder
from liftwatch.modes.framing import parse_beast
from liftwatch.store import IngestReport, Store
from tests.frames import num, typed

HERE = Path(__file__).resolve().parents[1] / "data" / "real" / "adsb"
ROOT = Path(__file__).resolve().parents[2]
# ``shared/`` sits beside the repository (a worktree one level deeper sees it one level further up)
SHARED = next(
    (
        p
        for p in (ROOT / ".." / "shared" / "data" / "real", ROOT / ".." / ".." / "shared" / "data" / "real")
        if p.is_dir()
    ),
    ROOT / ".." / "shared" / "data" / "real",
)
runner = CliRunner()

M_TO_FT = 1 / 0.3048
MS_TO_KT = 3600 / 1852


def _shared(rel: str) -> Path:
    p = SHARED / rel
    if not p.exists():
        pytest.skip(f"{rel}: licence forbids copying it into the repository and shared/data/real is absent")
    return p


def _ingest(path: Path, tmp_path: Path) -> tuple[IngestReport, pl.DataFrame]:
    """Ingest with the CLI (exit code 0 and the summary), then read the report and points through the library."""
    res = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "cli.duckdb")])
    assert res.exit_code == 0, res.output
    assert "ingest summary" in res.output
    with Store(tmp_path / "lib.duckdb") as st:
        rep = st.ingest(path)
        pts = st.points()
    return rep, pts


def _problems(log: RejectLog) -> dict[str, int]:
    return {r: n for r, n in log.counts.items() if not r.startswith("ignored")}


def _m(a: pl.DataFrame, b: pl.DataFrame) -> np.ndarray:
    return haversine_km(a["lat"].to_numpy(), a["lon"].to_numpy(), b["lat"].to_numpy(), b["lon"].to_numpy()) * 1000


# --- raw Mode S ------------------------------------------------------------------------------------------------
def test_beast_sample_every_frame_accounted_and_cpr_as_pymodes(tmp_path: Path) -> None:
    path = HERE / "sample_dump1090.bin"
    assert lio.detect_format(path) == "modes_beast"
    rep, pts = _ingest(path, tmp_path)
    assert rep.rows_in == 239  # 185 short + 54 long frames, every one accounted for
    c = rep.rejects.counts
    # the DF mix of the recording: DF11 90, DF0 44 + DF16 1, DF4 39 + DF20 16, DF5 12 + DF21 14
    assert c[accounting.ALLCALL] == 90
    assert c[accounting.AIR_AIR] == 45
    assert c[accounting.ALTITUDE] == 55
    assert c[accounting.IDENTITY] == 26
    assert _problems(rep.rejects) == {accounting.UNRESOLVED: 1}  # the first position, before any pair
    pos = pts.filter(pl.col("lat").is_not_null())
    assert pos.height == 3 and set(pts["asset_id"]) == {"48520a"}
    assert pts["callsign"].drop_nulls().unique().to_list() == ["TRA89M"]
    assert (pos["alt_baro_ft"] == 38000).all()  # FL380
    # per-message CPR: pyModeS's local decode of each message against Toulouse (the receiver's area)
    frames, _, _ = parse_beast(path.read_bytes(), raw=True)
    res = ModesDecoder().decode(frames.counter_s + 1.7e9, frames.msgs, frames.nbytes, frames.ok, messages=True)
    assert res.messages is not None
    mine = res.messages.filter(pl.col("lat").is_not_null())
    ref = []
    for row in mine["row"].to_list():
        d = pms.decode(frames.raw[row])
        ref.append(airborne_position_with_ref(d["cpr_format"], d["cpr_lat"], d["cpr_lon"], 43.6, 1.45))
    refs = pl.DataFrame({"lat": [r[0] for r in ref], "lon": [r[1] for r in ref]})
    assert _m(mine, refs).max() < 1.0


def test_rs1090_jsonl_positions_equal_rs1090_per_frame(tmp_path: Path) -> None:
    path = HERE / "rs1090_full_flight_short.jsonl.gz"
    assert lio.detect_format(path) == "modes_jsonl"
    rep, pts = _ingest(path, tmp_path)
    assert rep.rows_in == 57_793
    assert _problems(rep.rejects) == {accounting.UNRESOLVED: 2}
    assert set(pts["asset_id"]) == {"393322"} and "AFR34ZG" in pts["callsign"].drop_nulls().to_list()

    with gzip.open(path) as fh:
        ref = pl.read_ndjson(fh.read(), schema={"latitude": pl.Float64, "longitude": pl.Float64})
    ref = ref.rename({"latitude": "lat", "longitude": "lon"}).with_row_index("line", offset=1)
    ref = ref.with_columns(pl.col("line").cast(pl.Int64))
    mine = messages(str(path)).filter(pl.col("lat").is_not_null()).select("line", "lat", "lon")
    both = mine.join(ref.drop_nulls(), on="line", suffix="_rs")
    assert mine.height == both.height == 8_322  # of rs1090's 8,324: every position decoded is one rs1090 decoded
    d = haversine_km(
        both["lat"].to_numpy(), both["lon"].to_numpy(), both["lat_rs"].to_numpy(), both["lon_rs"].to_numpy()
    )
    assert (d * 1000).max() < 1.0
    # the flight's own ends: taxi at Paris-CDG, taxi at Toulouse-Blagnac (first and last surface positions)
    surface = pts.filter(pl.col("on_ground") & pl.col("lat").is_not_null()).sort("ts")
    first, last = surface.head(1), surface.tail(1)
    assert _m(first, pl.DataFrame({"lat": [49.0097], "lon": [2.5479]}))[0] < 5_000  # LFPG
    assert _m(last, pl.DataFrame({"lat": [43.6293], "lon": [1.3638]}))[0] < 5_000  # LFBO


def test_opensky_rawmsg_parquet_addresses_from_icao24(tmp_path: Path) -> None:
    path = HERE / "opensky_8efd4e7164d355dc0568214d15811db1.parquet"
    assert lio.detect_format(path) == "modes_parquet"
    rep, _ = _ingest(path, tmp_path)
    table = pl.from_arrow(pq.read_table(path))
    assert isinstance(table, pl.DataFrame)
    assert rep.rows_in == table.height == 2_283
    assert rep.rejects.ignored == 2_283 and not _problems(rep.rejects)  # roll-call replies: no positions
    m = messages(str(path))
    assert m.height == 2_283
    assert (m["icao"] == m["given_icao"]).all() and set(m["icao"]) == {"4b1901"}
    assert set(m["df"].to_list()) == {4, 5, 20, 21}
    assert m["callsign_own"].drop_nulls().unique().to_list() == ["EDW24"]  # Comm-B BDS 2,0


@pytest.mark.parametrize("name", ["sample_data_commb_df20.csv", "sample_data_commb_df21.csv"])
def test_pymodes_commb_csv_address_per_message(tmp_path: Path, name: str) -> None:
    path = _shared(f"pymodes/{name}")
    assert lio.detect_format(path) == "modes_csv"
    rep, _ = _ingest(path, tmp_path)
    assert rep.rows_in == 5_000 and not _problems(rep.rejects)
    m = messages(str(path))
    icao = pl.read_csv(path, has_header=False, new_columns=["ts", "icao", "hex"], encoding="utf8-lossy")["icao"]
    assert m.height == 5_000
    assert (m.sort("line")["icao"] == icao.str.strip_chars("\ufeff").str.to_lowercase()).all()


def test_pymodes_adsb_csv_positions_are_per_message_cpr(tmp_path: Path) -> None:
    path = _shared("pymodes/sample_data_adsb.csv")
    assert lio.detect_format(path) == "modes_csv"
    rep, pts = _ingest(path, tmp_path)
    assert rep.rows_in == 2_000
    assert _problems(rep.rejects) == {accounting.UNRESOLVED: 4}  # the odd frames before the first even one
    assert set(pts["asset_id"]) == {"406b90"} and set(pts["callsign"].drop_nulls()) == {"EZY85MH"}
    assert typed((pts["alt_baro_ft"].drop_nulls() == 36000).mean(), float) > 0.9  # FL360
    m = messages(str(path)).filter(pl.col("lat").is_not_null())
    assert m.height == 933  # of 937 airborne position messages
    ref_lat, ref_lon = 50.0, 7.0  # western Germany: within 180 NM of every position of this 12-minute record
    hexes = pl.read_csv(path, has_header=False, new_columns=["ts", "msg", "icao", "tc"])["msg"].to_list()
    ref = []
    for line in m["line"].to_list():
        d = pms.decode(hexes[line - 1])
        ref.append(airborne_position_with_ref(d["cpr_format"], d["cpr_lat"], d["cpr_lon"], ref_lat, ref_lon))
    assert _m(m, pl.DataFrame({"lat": [r[0] for r in ref], "lon": [r[1] for r in ref]})).max() < 1.0


# --- OpenSky state vectors --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "rows", "callsign"),
    [
        ("opensky_47d844199f365a05b1f5e46528cb4c22.parquet", 1_200, "RYR2RG"),
        ("opensky_5a3cd3c3fd1305596a12f01b3d1a1df0.parquet", 1_396, "EDW24"),
        ("opensky_28d23de4eabad6ea298fb639612d5e4a.parquet", 3_600, "EZY158T"),
    ],
)
def test_opensky_pandas_parquet_rows_preserved(tmp_path: Path, name: str, rows: int, callsign: str) -> None:
    path = HERE / name
    assert lio.detect_format(path) == "opensky_parquet"
    log = RejectLog()
    got = pl.from_arrow(lio.read(path, rejects=log).__next__())
    assert isinstance(got, pl.DataFrame)
    assert got.height == rows and log.total == 0  # every row read, none rejected
    src = pl.from_arrow(pq.read_table(path))
    assert isinstance(src, pl.DataFrame)
    assert got.height == src.height  # rows without a position are kept too (who was there, at what altitude)
    assert (got["lat"].is_null() == src["lat"].is_null()).all()
    assert np.allclose(got["lat"].fill_null(0).to_numpy(), src["lat"].fill_null(0).to_numpy())
    t_pos = src["lastposupdate"].fill_null(src["time"].dt.epoch("us").cast(pl.Float64) / 1e6).to_numpy()
    assert np.allclose(got["ts"].dt.epoch("us").to_numpy() / 1e6, t_pos, atol=1e-6)
    for mine, theirs, k in (("alt_baro_ft", "baroaltitude", M_TO_FT), ("gs_kt", "velocity", MS_TO_KT)):
        a, b = got[mine].cast(pl.Float64).to_numpy(), src[theirs].to_numpy() * k
        assert np.allclose(np.nan_to_num(a), np.nan_to_num(b), rtol=1e-5)
    assert set(got["callsign"].drop_nulls()) == {callsign}
    rep, pts = _ingest(path, tmp_path)
    assert rep.rows_read == rows and rep.rejects.total == 0
    assert rep.rows_added == pts.height == got.unique().height  # only exact repeats (1 s rows, one fix) dropped
    if callsign == "EDW24":  # taxi and take-off at Zurich: the surface fixes are at LSZH
        ground = pts.filter(pl.col("on_ground"))
        assert ground.height > 100
        assert (
            _m(ground, pl.DataFrame({"lat": [47.4647] * ground.height, "lon": [8.5492] * ground.height})).max() < 4000
        )


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("sample_qantas747.opensky.csv.gz", 1_088),
        ("sample_aircraft_carrier.opensky.csv.gz", 9_024),
        ("sample_inflight_refuelling.opensky.csv.gz", 10_397),
        ("sample_border_control.opensky.csv.gz", 1_465),
    ],
)
def test_opensky_csv_samples_rows_preserved(tmp_path: Path, name: str, rows: int) -> None:
    path = HERE / name
    assert lio.detect_format(path) == "opensky_csv"
    rep, _ = _ingest(path, tmp_path)
    src = pl.read_csv(path, infer_schema_length=None)
    assert src.height == rows
    assert rep.rows_in == rep.rows_read == src.height and rep.rejects.total == 0
    got = pl.from_arrow(next(iter(lio.read(path))))
    assert isinstance(got, pl.DataFrame)
    assert (got["lat"].is_null() == src["lat"].is_null()).all()
    for mine, theirs, k in (("alt_baro_ft", "baroaltitude", M_TO_FT), ("gs_kt", "velocity", MS_TO_KT)):
        a, b = got[mine].cast(pl.Float64).to_numpy(), src[theirs].cast(pl.Float64).to_numpy() * k
        assert np.allclose(np.nan_to_num(a), np.nan_to_num(b), rtol=1e-5)


def test_opensky_quickstart_sample(tmp_path: Path) -> None:
    path = _shared("traffic/sample_quickstart.opensky.csv.gz")  # MIT but 6 MB: not copied
    with Store(tmp_path / "q.duckdb") as st:
        rep = st.ingest(path)
    assert rep.format == "opensky_csv" and rep.rows_in == 284_505
    assert rep.rows_read + rep.rejects.total == 284_505 and rep.assets >= 200


# --- aircraft.json ----------------------------------------------------------------------------------------------
def test_old_dump1090_aircraft_json_keeps_altitude(tmp_path: Path) -> None:
    path = _shared("aircraft-json/esin_dump1090_exporter_aircraft_20231031.json")
    rep, pts = _ingest(path, tmp_path)
    assert rep.rows_in == 4 and rep.rejects.ignored == 3 and not _problems(rep.rejects)
    row = pts.filter(pl.col("asset_id") == "151ec2").row(0, named=True)
    assert row["alt_baro_ft"] == 2975 and row["callsign"] == "SBI1010" and row["squawk"] == "0726"


@pytest.mark.parametrize(
    ("name", "aircraft", "with_position", "mlat"),
    [
        ("kdriver_planes_aircraft_20180730.json", 48, 34, {"405b8c", "40078a"}),
        ("roob1090_aircraft_20200212.json", 23, 14, set()),
        ("roob1090_pump1090_aircraft_20200519.json", 36, 16, {"ae0c36"}),
    ],
)
def test_aircraft_json_every_positioned_aircraft_kept(
    tmp_path: Path, name: str, aircraft: int, with_position: int, mlat: set[str]
) -> None:
    path = _shared(f"aircraft-json/{name}")
    rep, pts = _ingest(path, tmp_path)
    doc = json.loads(path.read_text())
    assert rep.rows_in == aircraft == len(doc["aircraft"])
    assert not _problems(rep.rejects)  # address-only entries are ignored, nothing is damaged
    positioned = {a["hex"] for a in doc["aircraft"] if "lat" in a}
    assert len(positioned) == with_position
    assert set(pts.filter(pl.col("lat").is_not_null())["asset_id"]) == positioned
    assert set(pts.filter((pl.col("flags") & 16) > 0)["asset_id"]) == mlat
    for a in doc["aircraft"]:
        if "lat" in a and isinstance(a.get("alt_baro"), int):
            got = pts.filter(pl.col("asset_id") == a["hex"])["alt_baro_ft"][0]
            assert got == a["alt_baro"]


def test_rs1090_frames_as_hex_lines_decode_the_same(tmp_path: Path) -> None:
    """The same frames written as ``time,hex`` lines (the generic raw reader) give the same points and the same
    accounting: the table reader adds only the stated address, which these frames do not need."""
    with gzip.open(HERE / "rs1090_full_flight_short.jsonl.gz", "rt") as fh:
        lines = fh.readlines()[:5000]
    jl = tmp_path / "first.jsonl"
    jl.write_text("".join(lines))
    hx = tmp_path / "first.csv"
    hx.write_text("".join(f"{json.loads(x)['timestamp']:.6f},{json.loads(x)['frame']}\n" for x in lines))
    out = []
    for p, fmt in ((jl, "modes_jsonl"), (hx, "modes_hex")):
        assert lio.detect_format(p) == fmt
        log = RejectLog()
        got = pl.concat([pl.DataFrame(pl.from_arrow(t)) for t in lio.read(p, rejects=log)])
        assert got.height + log.total == 5_000
        out.append((got.sort("ts", "lat", "gs_kt", nulls_last=True), log.counts))
    (a, ca), (b, cb) = out
    assert ca == cb
    assert a.height == b.height > 1000
    assert a.drop("ts").equals(b.drop("ts"))
    assert num((a["ts"].dt.epoch("us") - b["ts"].dt.epoch("us")).abs().max()) <= 1

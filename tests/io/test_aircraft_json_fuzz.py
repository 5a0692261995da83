"""Hostile input for the aircraft.json reader: canonical tables or UnreadableFileError, nothing else.

LIFTWATCH_FUZZ_EXAMPLES=800 raises the number of hypothesis examples for a deeper run.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import polars as pl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from liftwatch.errors import UnreadableFileError
from liftwatch.io import aircraft_json
from liftwatch.io.base import RejectLog
from liftwatch.schema import POINT_SCHEMA
from tests.frames import frame, to_frame, typed

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "readsb" / "aircraft_json"
SNAP = (FIX / "aircraft.json").read_bytes()
SNAP_GZ = gzip.compress(SNAP, mtime=0)
N_AC = len(json.loads(SNAP)["aircraft"])
SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTWATCH_FUZZ_EXAMPLES", "80")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
FIELDS = ["hex", "flight", "alt_baro", "alt_geom", "gs", "track", "baro_rate", "lat", "lon", "seen_pos", "seen"]
FIELDS += ["squawk", "mlat", "tisb", "type", "r", "t", "true_heading", "lastPosition"]

HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.just(10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.just("ground"),
    st.just("~abcdef"),
    st.lists(st.one_of(st.integers(), st.text(max_size=3)), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _run(files: dict[str, bytes], as_dir: bool = False) -> tuple[pl.DataFrame | None, RejectLog]:
    log = RejectLog()
    with tempfile.TemporaryDirectory() as d:
        for name, data in files.items():
            (Path(d) / name).write_bytes(data)
        target = d if as_dir else str(Path(d) / next(iter(files)))
        try:
            tables = list(aircraft_json.read(target, log))
        except UnreadableFileError as exc:
            assert "\n" not in str(exc) and not as_dir  # a directory never fails as a whole
            return None, log
    for t in tables:
        assert t.schema.equals(POINT_SCHEMA)
    df = frame(tables) if tables else to_frame(POINT_SCHEMA.empty_table())
    assert df.filter((pl.col("lat").abs() > 90) | (pl.col("lon").abs() > 180)).height == 0
    for c in ("lat", "lon", "alt_baro_ft", "gs_kt", "track_deg", "vrate_fpm", "heading_deg"):
        assert df.filter(pl.col(c).is_nan() | pl.col(c).is_infinite()).height == 0
    assert df["asset_id"].str.contains(r"^~?[0-9a-f]{6}$").all()
    return df, log


GOOD = typed(_run({"aircraft.json": SNAP})[0], pl.DataFrame)
assert GOOD.height == N_AC - 1


@SETTINGS
@given(st.binary(max_size=1500))
def test_random_bytes_single_file(data: bytes) -> None:
    _run({"aircraft.json": data})


@SETTINGS
@given(st.lists(st.binary(max_size=400), min_size=1, max_size=4))
def test_random_files_in_a_directory(blobs: list[bytes]) -> None:
    files = {f"history_{i}.json": b for i, b in enumerate(blobs)}
    files["aircraft.json"] = SNAP
    df, _ = _run(files, as_dir=True)
    assert df is not None and df.height >= N_AC - 1


@SETTINGS
@given(st.integers(min_value=0, max_value=len(SNAP)))
def test_truncation(cut: int) -> None:
    df, log = _run({"aircraft.json": SNAP[:cut]})
    if df is not None:
        assert set(df["asset_id"]) <= set(GOOD["asset_id"])
        if cut < len(SNAP) - 2:
            assert log.total >= 1


@SETTINGS
@given(st.integers(min_value=0, max_value=len(SNAP_GZ)))
def test_truncation_inside_gzip(cut: int) -> None:
    df, _ = _run({"aircraft.json.gz": SNAP_GZ[:cut]})
    if df is not None:
        assert set(df["asset_id"]) <= set(GOOD["asset_id"])


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, N_AC - 1), st.sampled_from(FIELDS), HOSTILE), min_size=1, max_size=10))
@example(edits=[(0, "true_heading", 3.4028235677973366e38)])  # beyond float32: once slipped through as inf
def test_wrong_types_only_hurt_their_own_aircraft(edits: list[tuple[int, str, Any]]) -> None:
    doc = json.loads(SNAP)
    touched = set()
    for i, key, value in edits:
        doc["aircraft"][i][key] = value
        touched.add(i)
    df, log = _run({"aircraft.json": json.dumps(doc).encode()})
    assert df is not None
    assert df.height + log.total <= N_AC  # == unless an edit made two entries the same (hex, time)
    assert df.height + log.total >= N_AC - len(touched)
    untouched = {doc["aircraft"][i]["hex"] for i in range(N_AC) if i not in touched} & set(GOOD["asset_id"])
    assert untouched <= set(df["asset_id"])


@SETTINGS
@given(st.lists(st.one_of(HOSTILE, st.dictionaries(st.sampled_from(FIELDS), HOSTILE, max_size=6)), max_size=8))
def test_garbage_entries(garbage: list[Any]) -> None:
    doc = json.loads(SNAP)
    doc["aircraft"].extend(garbage)
    df, log = _run({"aircraft.json": json.dumps(doc).encode()})
    assert df is not None
    assert set(GOOD["asset_id"]) <= set(df["asset_id"])
    assert df.height + log.total >= N_AC  # repeats of (hex, time) may be dropped as duplicates


@SETTINGS
@given(st.lists(st.floats(-5, 120), min_size=1, max_size=5), st.randoms(use_true_random=False))
def test_duplicate_and_out_of_order_snapshots(nows: list[float], rnd: Any) -> None:
    files = {}
    for k, dn in enumerate(nows):
        doc = json.loads(SNAP)
        doc["now"] = doc["now"] + round(dn, 1)
        rnd.shuffle(doc["aircraft"])
        files[f"history_{k}.json"] = json.dumps(doc).encode()
    df, _ = _run(files, as_dir=True)
    assert df is not None
    assert df.select("asset_id", "ts").is_duplicated().sum() == 0
    assert set(df["asset_id"]) == set(GOOD["asset_id"])


@SETTINGS
@given(HOSTILE, st.one_of(HOSTILE, st.just([])))
def test_hostile_snapshot_header(now: Any, aircraft: Any) -> None:
    doc = {"now": now, "messages": 1, "aircraft": aircraft}
    df, _ = _run({"aircraft.json": json.dumps(doc).encode()})
    df_dir, log = _run({"history_0.json": json.dumps(doc).encode(), "aircraft.json": SNAP}, as_dir=True)
    assert df_dir is not None and df_dir.height >= N_AC - 1
    if df is None:
        assert any("unreadable snapshot" in r for r in log.counts)

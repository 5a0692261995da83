"""The typed (msgspec) path of the aircraft.json reader gives exactly what the dict path gives, or steps aside."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftwatch.io import aircraft_json, aircraft_typed
from liftwatch.io.base import RejectLog

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "readsb" / "aircraft_json"
SNAP = json.loads((FIX / "aircraft.json").read_bytes())
SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTWATCH_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
NUM = st.one_of(
    st.none(),
    st.integers(-(10**25), 10**25),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0, -0.0, 90.0, 180.5, 86_400.5, 1e300]),
)
TEXT = st.one_of(st.none(), st.text(max_size=8), st.sampled_from(["~abc123", "ABC123", " rff1 ", "7777", "mlat"]))
TYPED: dict[str, Any] = {
    "hex": TEXT,
    "flight": TEXT,
    "squawk": TEXT,
    "type": st.one_of(TEXT, st.sampled_from(["tisb_icao", "adsr_icao", "adsb_icao"])),
    "r": TEXT,
    "t": TEXT,
    "alt_baro": st.one_of(NUM, st.just("ground"), TEXT),
    "altitude": st.one_of(NUM, st.just("ground")),
    "mlat": st.one_of(st.none(), st.lists(st.sampled_from(["lat", "lon", "gs", 1]), max_size=3)),
    "tisb": st.one_of(st.none(), st.lists(st.sampled_from(["lat", "track"]), max_size=2)),
    "lastPosition": st.one_of(
        st.none(), st.fixed_dictionaries({"lat": NUM, "lon": NUM, "seen_pos": NUM}), st.just({"lat": 12.5})
    ),
}
FIELDS = ["alt_geom", "gs", "track", "baro_rate", "geom_rate", "lat", "lon", "seen_pos", "seen"]
FIELDS += ["true_heading", "mag_heading", "speed", "vert_rate"]
TYPED |= dict.fromkeys(FIELDS, NUM)
HOSTILE = st.one_of(st.booleans(), st.just(10**400), st.lists(st.integers(), max_size=2), st.just({"a": 1}))
VALUE = {k: st.one_of(v, HOSTILE) if k in ("lat", "hex", "alt_baro") else v for k, v in TYPED.items()}


def _read(path: Path, typed: bool) -> tuple[list[dict[str, Any]], dict[str, int], list[str]]:
    log = RejectLog()
    if typed:
        tables = list(aircraft_json.read(str(path), log))
    else:
        with mock.patch.object(aircraft_typed, "decode", lambda raw: None):
            tables = list(aircraft_json.read(str(path), log))
    rows = [r for t in tables for r in t.to_pylist()]
    return rows, dict(log.counts), [str(s) for s in log.samples]


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, len(SNAP["aircraft"]) - 1), st.data()), min_size=1, max_size=12))
def test_typed_path_equals_dict_path(tmp_path: Path, edits: list[tuple[int, Any]]) -> None:
    doc = json.loads(json.dumps(SNAP))
    for i, data in edits:
        key = data.draw(st.sampled_from(sorted(VALUE)))
        doc["aircraft"][i][key] = data.draw(VALUE[key])
    p = tmp_path / "aircraft.json"
    p.write_text(json.dumps(doc))
    assert _read(p, typed=True) == _read(p, typed=False)


def test_typed_path_is_taken_for_readsb_layout_and_steps_aside_otherwise(tmp_path: Path) -> None:
    lines = ",\n".join(json.dumps(a, separators=(",", ":")) for a in SNAP["aircraft"])
    raw = f'{{ "now" : {SNAP["now"]},\n  "messages" : 1,\n  "aircraft" : [\n{lines}\n  ]\n}}\n'.encode()
    got = aircraft_typed.decode(raw)
    assert got is not None and len(got["aircraft"]) == len(SNAP["aircraft"]) and got["now"] == SNAP["now"]
    api = aircraft_typed.decode(json.dumps({"ac": SNAP["aircraft"], "now": 1}).encode())
    assert api is not None and len(api["aircraft"]) == len(SNAP["aircraft"])
    for bad in (
        raw.replace(b'"aircraft" : [', b'"aircraft" : [{"hex":true},', 1),  # a type the dict path must name
        raw.replace(b"1,", b"NaN,", 1),  # not JSON: orjson refuses it, the salvage path decides
        raw[:-20],  # cut
        json.dumps({"now": 1, "aircraft": None}).encode(),
        json.dumps({"now": 1, "files": [SNAP]}).encode(),  # a tar1090 chunk
        json.dumps({"now": 10**30, "aircraft": []}).encode(),
    ):
        assert aircraft_typed.decode(bad) is None
    p = tmp_path / "aircraft.json"
    p.write_bytes(raw)
    assert _read(p, typed=True) == _read(p, typed=False)


ROOT = Path(__file__).resolve().parents[2]
REAL = (
    next(
        (p for p in (ROOT / ".." / "shared", ROOT / ".." / ".." / "shared") if (p / "data" / "real").is_dir()),
        ROOT / ".." / "shared",
    )
    / "data"
    / "real"
    / "aircraft-json"
)
REAL_FILES = sorted(REAL.glob("*.json")) if REAL.is_dir() else []


def test_real_snapshots_read_the_same_both_ways(tmp_path: Path) -> None:
    if not REAL_FILES:
        import pytest

        pytest.skip(f"real recordings not found at {REAL} (shared data folder absent)")
    for f in REAL_FILES:
        raw = f.read_bytes()
        assert aircraft_typed.decode(raw) is not None, f.name  # real layouts take the typed path
        assert _read(f, typed=True) == _read(f, typed=False), f.name

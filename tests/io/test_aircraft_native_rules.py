"""The C accelerator applies the aircraft.json reader's rules itself (cleaning, old names, lastPosition, freshness,
checks, float32 columns): every row, value, reject and row order must be the pure-Python path's, on real
snapshots and on generated hostile ones, or the accelerator steps aside for that document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwatch.io import aircraft_native
from tests.io.test_aircraft_native import SETTINGS, _read, _same

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / ".." / "shared" / "data" / "real" / "aircraft-json"
needs_native = pytest.mark.skipif(not aircraft_native.active(), reason="C accelerator not built or turned off")


def _real_snapshots() -> list[Path]:
    return sorted(REAL.glob("*.json")) if REAL.is_dir() else []


@needs_native
@pytest.mark.skipif(not _real_snapshots(), reason="the shared real recordings are not here")
def test_real_snapshots_identical() -> None:
    """Real receivers' aircraft.json (readsb, dump1090-fa, old dump1090 with "altitude"): each file alone and all
    of them as one directory give the pure path's rows and rejects, and the accelerator takes every one."""
    files = {p.name: p.read_bytes() for p in _real_snapshots()}
    for name, raw in files.items():
        assert _same({name: raw}) == 1, name
    assert _same(files, as_dir=True) == len(files)
    rows, _, _ = _read(files, True, True, 100_000)
    assert rows  # positions really came out


# Values meant to break a rule or the parser: huge and tiny numbers, negative zero, integers beyond 19 digits,
# numbers in strings ("NaN", "1e400"), escapes, non-ASCII, controls, wrong types.
HOSTILE_NUMBERS = [
    "0", "-0", "-0.0", "0.0e-5", "1e308", "-1.7976931348623157e308", "1e400", "4.9e-324", "1e-400",
    "12345678901234567890", "1234567890123456789", "-9223372036854775808", "90", "90.0000000000000001", "-90.5",
    "180", "180.00001", "86400", "86400.0001", "150000", "150000.5", "-2000", "-2000.1", "5000", "360", "360.01",
    "100000", "-100000.01", "0.1", "36.123450000000006", "17.99999999999999999999999", "1E2", "2.5e+1",
]  # fmt: skip
HOSTILE_STRINGS = [
    "", " ", "abcdef", "ABCDEF", " abcdef ", "~abcdef", "~ABCDEF", "~~abcde", "abcdeg", "abcdef0", "NaN", "1e400",
    "ground", "Ground", "mlat", "tisb_icao", "adsr_icao", "adsb_icao", "7700", "77", "  12", "1234 ", "8888",
    "12345", "0", "rff7012 ", "  ", "a b", "\u00e9t\u00e9", "\\u0041", "tab\there", "\u2603", "x\u0000y",
]  # fmt: skip
FIELDS = [
    "hex", "type", "flight", "r", "t", "squawk", "alt_baro", "altitude", "alt_geom", "gs", "speed", "track",
    "baro_rate", "vert_rate", "geom_rate", "true_heading", "mag_heading", "lat", "lon", "seen_pos", "seen", "mlat",
    "tisb", "lastPosition", "messages", "nav_modes",
]  # fmt: skip


def _value() -> st.SearchStrategy[str]:
    """JSON text of one value."""
    number = st.sampled_from(HOSTILE_NUMBERS) | st.floats(allow_nan=False, allow_infinity=False).map(repr)
    text = st.sampled_from(HOSTILE_STRINGS).map(lambda s: json.dumps(s, ensure_ascii=False))
    escaped = st.sampled_from(HOSTILE_STRINGS).map(json.dumps)
    small = number | text | escaped | st.sampled_from(["null", "true", "false", "[]", "{}", '["lat"]', '["gs"]'])
    lastpos = st.tuples(number, number, number).map(lambda t: f'{{"lat":{t[0]},"lon":{t[1]},"seen_pos":{t[2]}}}')
    return small | lastpos | st.lists(small, max_size=3).map(lambda v: "[" + ",".join(v) + "]")


ASCII = [v for v in HOSTILE_STRINGS if v.isascii() and v.isprintable() and "\\" not in v]
REFUSED = ("1e400", "12345678901234567890")  # beyond float64, integer beyond 19 digits: the pure path's
NUMBER = st.sampled_from([v for v in HOSTILE_NUMBERS if v not in REFUSED]) | st.floats(
    allow_nan=False, allow_infinity=False
).map(repr)
STRING = st.sampled_from(ASCII).map(json.dumps)


def _typed_value(field: str) -> st.SearchStrategy[str]:
    """JSON text of a value of the type the field takes (what the accelerator reads), or null."""
    if field in ("hex", "type", "flight", "r", "t", "squawk"):
        kind = STRING
    elif field in ("alt_baro", "altitude"):
        kind = NUMBER | STRING
    elif field in ("mlat", "tisb", "nav_modes"):
        kind = st.lists(STRING, max_size=3).map(lambda v: "[" + ",".join(v) + "]")
    elif field == "lastPosition":
        kind = st.tuples(NUMBER | st.just("null"), NUMBER, NUMBER).map(
            lambda t: f'{{"lat":{t[0]},"lon":{t[1]},"seen_pos":{t[2]},"nic":8}}'
        )
    else:
        kind = NUMBER
    return kind | st.just("null")


@st.composite
def _aircraft(draw: st.DrawFn, typed: bool = False) -> str:
    good = {
        "hex": '"15a3f2"',
        "lat": "34.95",
        "lon": "35.12",
        "seen_pos": "4.5",
        "alt_baro": "16000",
        "flight": '"RFF7012 "',
    }
    members = {k: v for k, v in good.items() if draw(st.booleans())}
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=6 if not typed else 12)):
        members[name] = draw(_typed_value(name) if typed else _value())
    pairs = [f'"{k}":{v}' for k, v in members.items()]
    if pairs and draw(st.integers(0, 40 if typed else 9)) == 0:  # a key given twice
        k = draw(st.sampled_from(list(members)))
        pairs.insert(draw(st.integers(0, len(pairs))), f'"{k}":{draw(_value())}')
    return "{" + ",".join(pairs) + "}"


@st.composite
def _snapshot(draw: st.DrawFn, typed: bool = False) -> bytes:
    acs = draw(st.lists(_aircraft(typed), max_size=8))
    now = draw(st.sampled_from(["1736064000.5", "1736064000123", "86000", "4102444799", "1", '"x"']))
    raw = ('{"now":' + now + ',"messages":5,"aircraft":[' + ",".join(acs) + "]}").encode()
    if draw(st.integers(0, 30 if typed else 7)) == 0:  # truncated
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


@SETTINGS
@given(_snapshot())
def test_generated_hostile_snapshots_identical(raw: bytes) -> None:
    _same({"aircraft.json": raw})


@SETTINGS
@given(_snapshot(typed=True))
def test_generated_snapshots_the_accelerator_takes_identical(raw: bytes) -> None:
    """Hostile values of the types the accelerator reads (so its rules, not its refusals, are what is tested):
    out-of-range and huge numbers, negative zero, odd hex, callsigns, squawks, lastPosition, old names."""
    _same({"aircraft.json": raw})


@SETTINGS
@given(st.lists(_snapshot() | _snapshot(typed=True), min_size=2, max_size=4), st.sampled_from([1, 7, 100_000]))
def test_generated_directories_identical(raws: list[bytes], batch_rows: int) -> None:
    """Several snapshots per batch, some the accelerator's and some the pure path's: one de-duplication, one
    reject order over the batch."""
    _same({f"history_{k}.json": raw for k, raw in enumerate(raws)}, as_dir=True, batch_rows=batch_rows)


def _one(ac: dict[str, Any], now: float = 1736064000.5) -> list[tuple[Any, ...]]:
    raw = json.dumps({"now": now, "aircraft": [ac]}).encode()
    assert _same({"aircraft.json": raw}) == 1
    rows, _, _ = _read({"aircraft.json": raw}, True, False, 100_000)
    return rows


@needs_native
def test_rules_spelled_out() -> None:
    """A few rules whose every branch the accelerator takes, each checked against the pure path by _one."""
    base = {"hex": " ~15A3F2 ", "lat": 34.9, "lon": 35.1, "seen_pos": 1.5, "seen": 0.2}
    assert len(_one(base)) == 1
    assert len(_one(dict(base, squawk="77", flight="  rff7012 ", r="ra-78817", t="il76"))) == 1
    assert len(_one(dict(base, lat=None, lon=None, lastPosition={"lat": 1, "lon": 2, "seen_pos": 70}))) == 1
    assert len(_one(dict(base, alt_baro=None, altitude="ground", speed=3, vert_rate=-64, gs=None))) == 1
    assert len(_one(dict(base, baro_rate=None, geom_rate=128, type="mlat", tisb=["lat"]))) == 1
    assert _one(dict(base, seen_pos=100_000)) == []  # too old
    assert _one(base, now=1.0) == []  # before 1970: the time check, which needs "now"
    assert _one({"hex": "15a3f2"}) == []  # nothing usable

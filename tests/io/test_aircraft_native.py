"""The C accelerator for aircraft.json snapshots (liftwatch.io.aircraft_native) gives exactly the pure-Python
path's rows and rejects, or steps aside; and it really runs wherever it can be built."""

from __future__ import annotations

import gzip
import json
import math
import os
import random
import shutil
import struct
import sysconfig
import tempfile
import threading
from pathlib import Path
from typing import Any

import msgspec
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from liftwatch.errors import UnreadableFileError
from liftwatch.io import aircraft_json, aircraft_native
from liftwatch.io.base import RejectLog

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "readsb" / "aircraft_json"
SNAP = (FIX / "aircraft.json").read_bytes()
SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTWATCH_FUZZ_EXAMPLES", "80")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
needs_native = pytest.mark.skipif(not aircraft_native.active(), reason="C accelerator not built or turned off")


class Num:
    """A number written exactly as given (exponents, trailing zeros, -0)."""

    def __init__(self, text: str) -> None:
        self.text = text


def dump(v: Any, rnd: random.Random) -> str:
    """JSON text with random spacing and string escaping; Num objects written verbatim."""
    sp = rnd.choice(["", "", " ", "\n  "])
    if isinstance(v, Num):
        return v.text
    if isinstance(v, dict):
        return "{" + sp + ("," + sp).join(f"{json.dumps(k)}{sp}:{sp}{dump(x, rnd)}" for k, x in v.items()) + sp + "}"
    if isinstance(v, list):
        return "[" + sp + ("," + sp).join(dump(x, rnd) for x in v) + sp + "]"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=rnd.random() < 0.5)
    return json.dumps(v)


def _num(rnd: random.Random, lo: float, hi: float) -> Any:
    v = rnd.uniform(lo, hi)
    return rnd.choice(
        [
            round(v, rnd.randint(0, 6)),
            v,
            int(v),
            Num(f"{v:.3e}"),
            Num(f"{v:.20f}"),
            Num(repr(round(v, 2)) + "000"),
            Num("-0"),
            Num("-0.0"),
            Num("1E2"),
            None,
        ]
    )


def _aircraft(rnd: random.Random, k: int) -> dict[str, Any]:
    hexs = f"{0x150000 + k:06x}"
    ac: dict[str, Any] = {
        "hex": rnd.choice([hexs, hexs, "~" + hexs, hexs.upper(), " " + hexs, "zz", "", None]),
        "type": rnd.choice(["adsb_icao", "mlat", "tisb_icao", "adsr_icao", "mode_s", None]),
        "flight": rnd.choice(["RFF7012 ", "  ", "", "ab1", None]),
        "r": rnd.choice(["RA-78817", "", None]),
        "t": rnd.choice(["IL76", "a124", None]),
        "alt_baro": rnd.choice([_num(rnd, -3000, 160_000), "ground", "Ground", "x", None]),
        "alt_geom": _num(rnd, -3000, 160_000),
        "gs": _num(rnd, -10, 6000),
        "track": _num(rnd, -10, 370),
        "baro_rate": _num(rnd, -200_000, 200_000),
        "geom_rate": _num(rnd, -3000, 3000),
        "true_heading": _num(rnd, -10, 370),
        "mag_heading": _num(rnd, -10, 370),
        "squawk": rnd.choice(["1234", "777", "8888", "", None]),
        "lat": _num(rnd, -95, 95),
        "lon": _num(rnd, -185, 185),
        "seen_pos": _num(rnd, -5, 90_000),
        "seen": _num(rnd, -5, 90_000),
        "mlat": rnd.choice([[], ["lat", "lon"], ["gs"], None]),
        "tisb": rnd.choice([[], ["lat"], ["altitude", "track"], None]),
        "lastPosition": rnd.choice(
            [
                None,
                {"lat": _num(rnd, -95, 95), "lon": _num(rnd, -185, 185), "seen_pos": _num(rnd, -5, 90_000)},
                {"lat": 34.5, "lon": 35.1},
                {},
            ]
        ),
        "altitude": rnd.choice([_num(rnd, 0, 40_000), "ground", None]),
        "speed": _num(rnd, 0, 500),
        "vert_rate": _num(rnd, -3000, 3000),
        "messages": rnd.randint(0, 10**6),
        "rssi": -21.5,
        "nav_modes": ["autopilot", "vnav"],
        "desc": rnd.choice(["ILYUSHIN Il-76", "Société Générale", 'a\tb\\c"d', "\u2603"]),
        "gpsOkBefore": rnd.choice([True, False, 1.7e9]),
        "extra": {"deep": [1, {"x": [None, "y", 1e-5]}]},
    }
    keys = list(ac)
    rnd.shuffle(keys)
    return {key: ac[key] for key in keys if rnd.random() < 0.7}


def _snapshot(rnd: random.Random, n: int, now: Any = None) -> bytes:
    doc: dict[str, Any] = {"now": now if now is not None else Num(f"{1_736_064_000 + rnd.uniform(0, 900):.1f}")}
    doc["messages"] = rnd.randint(0, 10**9)
    doc["aircraft"] = [_aircraft(rnd, rnd.randrange(2 * n + 1)) for _ in range(n)]
    if rnd.random() < 0.3:
        doc = {"aircraft": doc.pop("aircraft"), **doc}
    return dump(doc, rnd).encode()


def _read(
    files: dict[str, bytes], native: bool, as_dir: bool, batch_rows: int
) -> tuple[list[tuple[Any, ...]], list[str], int]:
    """(rows with float bits, rejects, documents the C parser took) reading files as one file or a directory."""
    saved, calls = aircraft_native._ext, []
    real = aircraft_native.prepare

    def counting(data: bytes) -> Any:
        got = real(data)
        calls.append(got is not None)
        return got

    if not native:
        aircraft_native._ext = None
    aircraft_native.prepare = counting
    log = RejectLog()
    try:
        with tempfile.TemporaryDirectory() as d:
            for name, data in files.items():
                (Path(d) / name).write_bytes(data)
            target = d if as_dir else str(Path(d) / next(iter(files)))
            try:
                tables = list(aircraft_json.read(target, log, batch_rows=batch_rows))
            except UnreadableFileError as exc:
                return [], [f"unreadable: {exc.reason}"], sum(calls)
    finally:
        aircraft_native._ext = saved
        aircraft_native.prepare = real
    rows = pa.concat_tables(tables).to_pylist() if tables else []
    rejects = [f"{s.location}|{s.reason}" for s in log.samples] + [str(sorted(log.counts.items()))]
    return _bits(rows), rejects, sum(calls)


def _bits(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Rows with floats as their bit patterns (-0.0 and 0.0 differ; NaN equals NaN)."""

    def key(v: Any) -> Any:
        return struct.pack("<d", v) if isinstance(v, float) else v

    return [tuple(key(v) for v in r.values()) for r in rows]


def _same(files: dict[str, bytes], as_dir: bool = False, batch_rows: int = 100_000) -> int:
    a, ra, used = _read(files, True, as_dir, batch_rows)
    b, rb, _ = _read(files, False, as_dir, batch_rows)
    assert a == b
    assert ra == rb
    return used


def test_built_wherever_it_can_be() -> None:
    """A checkout with a C compiler must run the accelerator: a failed build must not pass silently."""
    if os.environ.get("LIFTWATCH_NATIVE", "1") in ("0", "false", "no", "off"):
        pytest.skip("turned off by LIFTWATCH_NATIVE")
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if not (ROOT / "csrc" / "aircraft_scan.c").exists() or shutil.which(cc) is None:
        pytest.skip("no C compiler or no C source: the pure-Python path is the answer here")
    assert aircraft_native.active(), "the C accelerator is not built: `pip install -e .` with a compiler builds it"
    assert _same({"aircraft.json": SNAP}) == 1  # the reader really takes the fixture


@needs_native
def test_fixtures_identical() -> None:
    for name in ("aircraft.json", "history_0.json", "history_1.json"):
        raw = (FIX / name).read_bytes()
        assert _same({name: raw}) == 1
        assert _same({name + ".gz": gzip.compress(raw, mtime=0)}) == 1
    files = {p.name: p.read_bytes() for p in FIX.iterdir()}
    assert _same(files, as_dir=True) >= 3


@needs_native
@pytest.mark.parametrize("seed", range(6))
def test_random_snapshots_identical(seed: int) -> None:
    rnd = random.Random(seed)
    used = 0
    for _ in range(12):
        raw = _snapshot(rnd, rnd.randint(0, 60))
        used += _same({"aircraft.json": raw})
    assert used >= 6  # most documents are the accelerator's (the rest: escapes or non-ASCII in a field read)


@needs_native
@pytest.mark.parametrize("seed", range(3))
def test_directories_identical(seed: int) -> None:
    """Several snapshots in one batch, some taken by the accelerator and some not (a boolean where a number is
    read), with overlapping aircraft: the same table (de-duplicated across snapshots) and rejects."""
    rnd = random.Random(100 + seed)
    files = {}
    for k in range(8):
        raw = _snapshot(rnd, rnd.randint(1, 40), now=Num(f"{1_736_064_000 + k * 0.5:.1f}"))
        if k % 3 == 1:
            raw = raw.replace(b'"aircraft"', b'"aircraft":[{"hex":"abcdef","gs":true}],"x"', 1)
        name = f"history_{k}.json" + (".gz" if k % 4 == 3 else "")
        files[name] = gzip.compress(raw, mtime=0) if name.endswith(".gz") else raw
    files["receiver.json"] = b'{"version":"x","refresh":1000}'
    used = _same(files, as_dir=True, batch_rows=rnd.choice([1, 50, 100_000]))
    assert 0 < used < 8


NUMBER = st.from_regex(r"-?(0|[1-9][0-9]{0,24})(\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?", fullmatch=True)


@needs_native
@SETTINGS
@given(NUMBER)
@example("-0")
@example("-0.0")
@example("9007199254740993")
@example("1234567890123456789")
@example("12345678901234567890")
@example("1e400")
@example("2.2250738585072011e-308")
@example("0.1e-400")
@example("89.99999999999999999999")
@example("45.12345678901234567")
def test_numbers_rounded_as_the_typed_path_does(text: str) -> None:
    raw = b'{"now":1736064000,"aircraft":[{"hex":"abcdef","lon":0,"lat":' + text.encode() + b"}]}"
    got = aircraft_native.prepare(raw)
    is_int = not any(c in text for c in ".eE")
    want = float(int(text)) if is_int else float(text)
    if math.isinf(want) or (is_int and len(text.lstrip("-")) > 19):
        assert got is None  # beyond float64, or an integer the Python parsers do not agree on: not ours
        return
    assert got is not None
    run = aircraft_native.rows([got["aircraft"]], [1736064000.0], "aircraft_json")
    if abs(want) > 90:
        assert run.table.num_rows == 0 and list(run.reasons) == [4]  # lat/lon out of range
        return
    value = run.table.column("lat")[0].as_py()
    assert struct.pack("<d", value) == struct.pack("<d", want)
    typed = msgspec.json.decode(raw, type=dict[str, Any])["aircraft"][0]["lat"]
    assert struct.pack("<d", value) == struct.pack("<d", float(typed))


TOKENS = [
    b"null", b"true", b"false", b"0", b"-0", b"1.5", b"1e400", b"NaN", b"01", b"1.", b"-", b'"ground"', b'"x"',
    b'"lat"', b'"a\\"b"', b'"\\u0041"', b'"\\ud800"', b'"\xc3\xa9"', b'"\xff"', b'"\xed\xa0\x80"', b"[]", b'["lat"]',
    b"[1]", b"{}", b'{"lat":1}', b'{"lat":1,"lat":2}', b'{"a":{"b":[1]}}', b" ", b"\t", b"\n", b",", b":", b"]",
    b"[", b"{", b"}", b'"', b"\\", b"\x00", b'"hex":"abcdef"', b'"lat":1',
]  # fmt: skip
SLOTS = ["hex", "flight", "alt_baro", "altitude", "gs", "lat", "lon", "seen_pos", "mlat", "lastPosition", "desc"]


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=12), st.sampled_from(SLOTS), st.integers(0, 2))
def test_hostile_documents_identical(tokens: list[bytes], slot: str, which: int) -> None:
    """Odd tokens spliced in place of one field's value: same rows and rejects, or the same refusal."""
    base = {
        "hex": "15a3f2",
        "flight": "RFF7012 ",
        "alt_baro": 16000,
        "altitude": None,
        "gs": 300.5,
        "lat": 34.95,
        "lon": 35.12,
        "seen_pos": 4.0,
        "mlat": [],
        "lastPosition": None,
        "desc": "x",
    }
    acs = [dict(base, hex=f"15a3f{k}") for k in range(3)]
    acs[which][slot] = "@@"
    raw = json.dumps({"now": 1736064604.0, "messages": 5, "aircraft": acs}).encode()
    raw = raw.replace(b'"@@"', b"".join(tokens) or b"null")
    _same({"aircraft.json": raw})


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=8), st.booleans())
def test_hostile_headers_identical(tokens: list[bytes], first: bool) -> None:
    body = b'"aircraft":[{"hex":"15a3f2","lat":34.9,"lon":35.1,"seen_pos":1}]'
    head = b'"now":' + (b"".join(tokens) or b"null")
    raw = b"{" + (head + b"," + body if first else body + b"," + head) + b"}"
    _same({"aircraft.json": raw})
    _same({"history_0.json": raw, "history_1.json": SNAP}, as_dir=True)


@SETTINGS
@given(st.data())
def test_truncated_and_corrupt_documents(data: st.DataObject) -> None:
    raw = SNAP
    cut = data.draw(st.integers(0, len(raw) - 1))
    if raw[:cut].rstrip() != raw.rstrip():
        assert aircraft_native.prepare(raw[:cut]) is None  # never a prefix of a document
    _same({"aircraft.json": raw[:cut]})
    flip = data.draw(st.integers(0, len(raw) - 1))
    bad = raw[:flip] + data.draw(st.sampled_from([b"{", b"]", b'"', b"\\", b"\xff", b"x", b"", b"1"])) + raw[flip + 1 :]
    _same({"aircraft.json": bad})
    gz = gzip.compress(raw, mtime=0)
    _same({"aircraft.json.gz": gz[: data.draw(st.integers(0, len(gz)))]})


def test_pure_path_without_the_accelerator(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the extension the reader reads the same documents (the install-without-compiler case)."""
    monkeypatch.setattr(aircraft_native, "_ext", None)
    assert not aircraft_native.active()
    assert aircraft_native.prepare(SNAP) is None
    rows = list(aircraft_json.read(str(FIX / "aircraft.json"), RejectLog()))
    assert sum(t.num_rows for t in rows) == 5


@needs_native
def test_steps_aside() -> None:
    ok = b'{"now":1736064000,"aircraft":[{"hex":"abcdef","lat":1,"lon":2,"mlat":["lat"]}]}'
    assert aircraft_native.prepare(ok) is not None
    for bad in [
        ok.replace(b'"aircraft"', b'"aircr\\u0061ft"'),  # an escaped key
        ok.replace(b'"lat":1', b'"l\\u0061t":1'),
        ok[:-1] + b',"aircraft":[]}',  # twice
        ok.replace(b'"lat":1', b'"lat":1,"lat":3'),  # a field read given twice
        ok.replace(b'"lat":1', b'"lat":true'),
        ok.replace(b'"lat":1', b'"lat":"1"'),
        ok.replace(b'"lat":1', b'"lat":[1]'),
        ok.replace(b'"lat":1', b'"lat":NaN'),
        ok.replace(b'"lat":1', b'"lat":1e400'),
        ok.replace(b'"lat":1', b'"lat":12345678901234567890'),
        ok.replace(b'"abcdef"', b'"abc\\u0064ef"'),
        ok.replace(b'"abcdef"', b'"abc\xc3\xa9"'),
        ok.replace(b'["lat"]', b'["lat",1]'),
        ok.replace(b'"now"', b'"files":[],"now"'),  # a tar1090 chunk
        ok.replace(b'"now"', b'"ac":[],"now"'),
        ok.replace(b'"now":1736064000', b'"now":[1e400]'),
        ok.replace(b"}]}", b"},null]}"),
        ok.replace(b"}]}", b"}]"),
        ok + b"x",
        b"[" + ok + b"]",
        b'{"now":1736064000}',
    ]:
        assert aircraft_native.prepare(bad) is None, bad
    with pytest.raises(TypeError):
        aircraft_native._ext.scan(bytearray(ok))  # type: ignore[union-attr]


@needs_native
def test_threads_share_nothing() -> None:
    """The scan runs with the GIL released: concurrent calls give each the same columns as one alone."""
    rnd = random.Random(7)
    acs = [{"hex": f"{k:06x}", "lat": rnd.uniform(-90, 90), "lon": rnd.uniform(-180, 180), "seen_pos": 1.5}
           for k in range(3000)]  # fmt: skip
    raw = json.dumps({"now": 1736064000.5, "aircraft": acs}).encode()

    def table() -> pa.Table:
        doc = aircraft_native.prepare(raw)
        assert doc is not None
        return aircraft_native.rows([doc["aircraft"]] * 2, [doc["now"], doc["now"] + 1], "aircraft_json").table

    one = table()
    assert one.num_rows == 6000
    got: list[Any] = []

    def work() -> None:
        got.extend(table() for _ in range(5))

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 15 and all(g.equals(one) for g in got)


@needs_native
@pytest.mark.parametrize(
    "head",
    [b"", b'"now":1736064000123,', b'"now":"1736064000",', b'"now":null,', b'"now":-1,', b'"now":5e9,'],
)
def test_header_rules_are_the_readers(head: bytes) -> None:
    """Missing, millisecond, string, null or out-of-range ``now``: the accelerator parses the aircraft, the
    reader's own header rules decide, as on the pure path (an unreadable snapshot in a file or a directory)."""
    raw = b"{" + head + b'"aircraft":[{"hex":"~15a3f2","lat":34.9,"lon":35.1,"seen_pos":1.5,"alt_baro":"ground"}]}'
    assert aircraft_native.prepare(raw) is not None
    assert _same({"aircraft.json": raw}) == 1
    _same({"history_0.json": raw, "history_1.json": SNAP}, as_dir=True)


@needs_native
def test_string_columns_beyond_32_bit_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch whose strings outgrow 32-bit Arrow offsets (assemble answers None) is assembled by halves and
    joined: the same table and rejects."""
    rnd = random.Random(3)
    files = {f"history_{k}.json": _snapshot(rnd, 30, now=Num(f"{1_736_064_000 + k}.0")) for k in range(5)}
    want = _read(files, True, True, 100_000)
    ext = aircraft_native._ext
    assert ext is not None
    real, real_scan = ext.assemble, ext.scan

    class Split:
        scan = real_scan

        @staticmethod
        def assemble(docs: list[Any], now: Any) -> Any:
            return None if len(docs) > 1 else real(docs, now)

    monkeypatch.setattr(aircraft_native, "_ext", Split)
    assert _read(files, True, True, 100_000) == want

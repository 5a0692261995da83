"""The C accelerator for trace documents (liftwatch.io.trace_native) gives exactly the pure-Python path's
rows and rejects, or steps aside; and it really runs wherever it can be built."""

from __future__ import annotations

import gzip
import json
import math
import os
import random
import shutil
import struct
import sysconfig
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from liftwatch.errors import UnreadableFileError
from liftwatch.io import readsb_points, readsb_trace, trace_native
from liftwatch.io.base import RejectLog

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "readsb"
SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTWATCH_FUZZ_EXAMPLES", "80")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
needs_native = pytest.mark.skipif(not trace_native.active(), reason="C accelerator not built or turned off")


@pytest.fixture
def pure(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(trace_native, "_ext", None)
    yield


def _run(raw: bytes, native: bool, batch_rows: int = 500_000) -> tuple[list[dict[str, Any]], list[str], bool]:
    """(rows, rejects, whether the C parser took the document) through load_trace and the reader's tables."""
    saved = trace_native._ext
    if not native:
        trace_native._ext = None
    try:
        log = RejectLog()
        try:
            tf = readsb_trace.load_trace(raw, None, "f", log)
        except UnreadableFileError as exc:
            return [], [f"unreadable: {exc.reason}"], False
        used = tf.prepared is not None and tf.prepared.native is not None
        tables = list(readsb_trace._tables(tf, batch_rows))
    finally:
        trace_native._ext = saved
    rows = pa.concat_tables(tables).to_pylist() if tables else []
    rejects = [f"{s.location}|{s.reason}" for s in log.samples] + [str(log.counts)]
    return rows, rejects, used


def _bits(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Rows with floats as their bit patterns (-0.0 and 0.0 differ; NaN equals NaN)."""

    def key(v: Any) -> Any:
        return struct.pack("<d", v) if isinstance(v, float) else v

    return [tuple(key(v) for v in r.values()) for r in rows]


def _same(raw: bytes, batch_rows: int = 500_000) -> bool:
    a, ra, used = _run(raw, True, batch_rows)
    b, rb, _ = _run(raw, False, batch_rows)
    assert _bits(a) == _bits(b)
    assert ra == rb
    return used


def _point(rnd: random.Random) -> list[Any]:
    obj: dict[str, Any] = {
        "flight": f"AB{rnd.randint(0, 9)} ",
        "squawk": rnd.choice(["1234", "777", None]),
        "mlat": [],
        "tisb": [],
    }
    return [
        round(rnd.uniform(0, 1000), rnd.randint(0, 6)),
        rnd.uniform(-80, 80),
        rnd.uniform(-170, 170),
        rnd.choice([30000, "ground", None, 1200.5]),
        400.1,
        90.0,
        rnd.choice([0, 1, 2, 4, 8, 15]),
        rnd.choice([-64, None]),
        rnd.choice([None, None, obj]),
        rnd.choice(["adsb_icao", "mlat", "tisb_other", "adsr_icao", "odd source!", None]),
        rnd.choice([35000, None]),
        rnd.choice([-64, None]),
        rnd.choice([280, None]),
        rnd.choice([0.0, None, "x"]),
    ][: rnd.choice([14, 14, 14, 12, 9, 8, 3, 2])]


def test_built_wherever_it_can_be() -> None:
    """A checkout with a C compiler must run the accelerator: a failed build must not pass silently."""
    if os.environ.get("LIFTWATCH_NATIVE", "1") in ("0", "false", "no", "off"):
        pytest.skip("turned off by LIFTWATCH_NATIVE")
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if not (ROOT / "csrc" / "trace_native.c").exists() or shutil.which(cc) is None:
        pytest.skip("no C compiler or no C source: the pure-Python path is the answer here")
    assert trace_native.active(), "the C accelerator is not built: `pip install -e .` with a compiler builds it"
    raw = (FIX / "trace_full_15a3f2.json").read_bytes()
    tf = readsb_trace.load_trace(raw, None, "f", RejectLog())
    assert tf.prepared is not None and tf.prepared.native is not None  # the reader really takes it


@needs_native
@pytest.mark.parametrize("name", ["trace_full_15a3f2.json", "trace_full_150c21.json"])
def test_fixture_traces_identical(name: str) -> None:
    raw = (FIX / name).read_bytes()
    assert _same(raw)
    assert _same(gzip.decompress(gzip.compress(raw)))


@needs_native
@pytest.mark.parametrize("seed", range(4))
def test_random_documents_identical(seed: int) -> None:
    rnd = random.Random(seed)
    used = 0
    for it in range(40):
        pts = [_point(rnd) for _ in range(rnd.randint(0, 40))]
        doc: dict[str, Any] = {"icao": "abc123", "timestamp": 1_717_200_000 + it, "r": "RA-1", "t": "il76"}
        doc["trace"] = pts
        if it % 3 == 0:
            doc["after"] = {"x": [1, "]"]}  # trace not the last member
        seps = (",", ":") if it % 2 else (", ", ": ")
        used += _same(json.dumps(doc, separators=seps, indent=1 if it % 5 == 0 else None).encode())
    assert used >= 30


@needs_native
def test_chunks_of_a_big_file_identical() -> None:
    rnd = random.Random(9)
    pts = [_point(rnd) for _ in range(300)]
    raw = json.dumps({"icao": "abc123", "timestamp": 1_717_200_000, "trace": pts}).encode()
    for step in (1, 7, 50, 299, 300):
        assert _same(raw, batch_rows=step)


NUMBER = st.from_regex(r"-?(0|[1-9][0-9]{0,24})(\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?", fullmatch=True)


@needs_native
@SETTINGS
@given(NUMBER)
@example("-0")
@example("-0.0")
@example("9007199254740993")
@example("18446744073709551615")
@example("123456789012345678901234")
@example("1e400")
@example("2.2250738585072011e-308")
@example("0.1e-400")
@example("89.99999999999999999999")
def test_numbers_rounded_as_float_does(text: str) -> None:
    raw = b'{"trace":[[1,' + text.encode() + b',2]],"timestamp":1717200000,"icao":"abc123"}'
    got = trace_native.prepare(raw)
    is_int = not any(c in text for c in ".eE")
    want = float(int(text)) if is_int else float(text)
    if math.isinf(want):
        assert got is None  # orjson refuses the document: the salvage path decides
        return
    assert got is not None
    assert struct.pack("<d", float(got[1].cols[1][0])) == struct.pack("<d", want)


TOKENS = [
    b"null", b"true", b"false", b"0", b"-0", b"1.5", b"1e400", b"NaN", b"01", b"1.", b'"ground"', b'"x"',
    b'"a\\"b"', b'"\\u0041"', b'"\xc3\xa9"', b'"\xff"', b"[]", b"[1]", b"{}", b'{"flight":"X"}', b'{"a":{"b":[1]}}',
    b'{"a":1,"a":2}', b" ", b"\t", b"\n", b",", b"]", b"[", b"{", b"}", b'"', b"\\", b"\x00",
]  # fmt: skip


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=30), st.integers(0, 13), st.booleans())
def test_hostile_documents_identical(tokens: list[bytes], at: int, last: bool) -> None:
    """Odd tokens spliced into a point (or into the header): same rows and rejects, or the same refusal."""
    pts = [[1.0, 30.0, 20.0, 100, 1.0, 2.0, 0, 0, None, "adsb_icao", 100, 0, 0, 0.0] for _ in range(3)]
    text = json.dumps(pts, separators=(",", ":")).encode()
    cells = text.split(b",")
    cells[14 + at] = b"".join(tokens) or b"null"
    trace = b",".join(cells)
    head = b'"icao":"abc123","timestamp":1717200000'
    raw = b"{" + (head + b',"trace":' + trace if last else b'"trace":' + trace + b"," + head) + b"}"
    _same(raw)


@SETTINGS
@given(st.data())
def test_truncated_and_corrupt_documents(data: st.DataObject) -> None:
    raw = (FIX / "trace_full_15a3f2.json").read_bytes()
    cut = data.draw(st.integers(0, len(raw) - 1))
    if raw[:cut].rstrip() != raw.rstrip():
        assert trace_native.prepare(raw[:cut]) is None  # never a prefix of a document
    _same(raw[:cut])
    flip = data.draw(st.integers(0, len(raw) - 1))
    bad = raw[:flip] + data.draw(st.sampled_from([b"{", b"]", b'"', b"\\", b"\xff", b"x", b""])) + raw[flip + 1 :]
    _same(bad)


def test_pure_path_without_the_accelerator(pure: None) -> None:
    """Without the extension the reader reads the same documents (the install-without-compiler case)."""
    assert not trace_native.active()
    assert trace_native.prepare((FIX / "trace_full_15a3f2.json").read_bytes()) is None
    rows = list(readsb_trace.read(str(FIX / "trace_full_15a3f2.json"), RejectLog()))
    assert sum(t.num_rows for t in rows) > 0


@needs_native
def test_steps_aside() -> None:
    ok = b'{"icao":"abc123","timestamp":1717200000,"trace":[[1,2,3]]}'
    assert trace_native.prepare(ok) is not None
    for bad in [
        ok.replace(b'"trace"', b'"tr\\u0061ce"'),  # an escaped key
        ok[:-1] + b',"trace":[]}',  # duplicate trace: orjson keeps the last
        ok.replace(b"[[1,2,3]]", b"[[1,true,3]]"),
        ok.replace(b"[[1,2,3]]", b"[[1,[2],3]]"),
        ok.replace(b"[[1,2,3]]", b'[[1,"2",3]]'),
        ok.replace(b"[[1,2,3]]", b"[[1,NaN,3]]"),
        ok.replace(b"[[1,2,3]]", b"[[1,2,3]"),
        ok + b"x",
        b"[" + ok + b"]",
    ]:
        assert trace_native.prepare(bad) is None, bad
    batch = [readsb_trace.load_trace(ok, None, f"f{k}", RejectLog()) for k in range(3)]
    table, owner = readsb_points.convert(batch)
    assert table.num_rows == 3 and owner.tolist() == [0, 1, 2]


@needs_native
@pytest.mark.parametrize("seed", range(3))
def test_mixed_batch_identical(seed: int) -> None:
    """A batch where the accelerator takes some documents and not others (booleans, odd strings): the same
    table, file indices and rejects (in order, on one shared log as tar members have) as the pure path."""
    rnd = random.Random(seed)
    raws = []
    for k in range(8):
        pts = [_point(rnd) for _ in range(rnd.randint(1, 25))]
        if k % 3 == 1:  # the accelerator refuses these documents
            odd = pts[rnd.randrange(len(pts))]
            odd[min(1, len(odd) - 1)] = rnd.choice([True, "x", [1]])
        doc = {"icao": f"abc12{k}", "timestamp": 1_717_200_000, "trace": pts}
        raws.append(json.dumps(doc, separators=(",", ":")).encode())

    def run(native: bool) -> tuple[list[tuple[Any, ...]], list[int], list[str], int]:
        saved = trace_native._ext
        if not native:
            trace_native._ext = None
        try:
            log = RejectLog()
            tfs = [readsb_trace.load_trace(r, None, "tar", log, where=f"m{k}") for k, r in enumerate(raws)]
            used = sum(tf.prepared is not None and tf.prepared.native is not None for tf in tfs)
            table, owner = readsb_points.convert(tfs)
        finally:
            trace_native._ext = saved
        return _bits(table.to_pylist()), owner.tolist(), [f"{s.location}|{s.reason}" for s in log.samples], used

    a, b = run(True), run(False)
    assert a[:3] == b[:3]
    assert 0 < a[3] < len(raws)  # really a mix

"""The CSV shortcut for trace points (readsb_text) gives exactly what the parsed-object path gives, or steps aside."""

from __future__ import annotations

import json
import random
from typing import Any

import pyarrow as pa
import pytest

from liftwatch.io import readsb_points, readsb_text, readsb_trace
from liftwatch.io.base import RejectLog
from liftwatch.io.readsb_common import parse_document_clean

ODD: list[Any] = [None, 0, -1, 2.5, 2**63 - 1, 2**64 - 1, 12345678901234567890, 5e-324, -0.0, 1e300, 91.0]
ODD += ["ground", "x", "", "12", "a,b", "a],[b", "ml{a}at", "a}b", "{", "x y", 'a\\"b', "mlat", "null", "tisb_x"]
ODD += [[], [1], {}, {"flight": " rff1 ", "z": "}{"}, True, False, 65536, 3.5]


def _point(rnd: random.Random) -> list[Any]:
    obj = {"flight": f"AB{rnd.randint(0, 9)} ", "squawk": rnd.choice(["1234", "777", None]), "nav": ["a", "b"]}
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
        rnd.choice(["adsb_icao", "mlat", "tisb_other", "adsr_icao", None]),
        rnd.choice([35000, None]),
        rnd.choice([-64, None]),
        rnd.choice([280, None]),
        rnd.choice([0.0, None]),
    ]


def _both(raw: bytes) -> tuple[list[Any], list[Any], RejectLog, RejectLog, bool]:
    """(object path rows, shortcut-or-fallback rows, their rejects, whether the shortcut held)."""
    obj, clean = parse_document_clean(raw, None, "f", "trace", "]", RejectLog())
    a_log, b_log = RejectLog(), RejectLog()
    a = list(readsb_trace.read_document(obj, "f", a_log, clean=clean))
    b = [readsb_points.convert([readsb_trace.load_trace(raw, None, "f", b_log)])[0]]  # as a batch of files
    prep = readsb_text.prepare(raw)
    used = prep is not None and readsb_text.fields([prep.text], [prep.objects], prep.count) is not None
    rows = [pa.concat_tables(t).to_pylist() if t else [] for t in (a, b)]
    return rows[0], rows[1], a_log, b_log, used


@pytest.mark.parametrize("seed", range(6))
def test_shortcut_equals_object_path(seed: int) -> None:
    rnd = random.Random(seed)
    used = 0
    for it in range(60):
        pts = [_point(rnd) for _ in range(rnd.randint(0, 30))]
        if it % 2:  # half of the documents carry odd values somewhere
            for p in pts:
                if rnd.random() < 0.15:
                    p[rnd.randrange(14)] = rnd.choice(ODD)
        doc = {"icao": "abc123", "timestamp": 1_717_200_000 + it, "r": "RA-1", "t": "il76", "trace": pts}
        a, b, la, lb, ok = _both(json.dumps(doc, separators=(",", ":")).encode())
        assert a == b
        assert la.counts == lb.counts and [str(x) for x in la.samples] == [str(x) for x in lb.samples]
        used += ok
    assert used >= 20  # the shortcut is really taken on ordinary documents


def test_shortcut_steps_aside_when_it_cannot_be_exact() -> None:
    pts = [[1.0, 30.0, 20.0, 100, 1.0, 2.0, 0, 0, None, "adsb_icao", 100, 0, 0, 0.0]]
    compact = {"icao": "abc123", "timestamp": 1_717_200_000, "trace": pts}
    raw = json.dumps(compact, separators=(",", ":")).encode()
    prep = readsb_text.prepare(raw)
    assert prep is not None and prep.count == 1 and prep.header["icao"] == "abc123"
    assert readsb_text.prepare(json.dumps(compact).encode()) is None  # whitespace between values
    not_last = json.dumps({"trace": pts, "icao": "abc123", "timestamp": 1}, separators=(",", ":")).encode()
    assert readsb_text.prepare(not_last) is None
    assert readsb_text.prepare(raw[:-3]) is None  # cut: not valid JSON, the salvage path reads it
    assert readsb_text.prepare(raw.replace(b"30.0", b"030")) is None  # not a JSON number
    assert readsb_text.prepare(raw.replace(b"30.0", b"1e400")) is not None  # valid JSON, orjson refuses it
    a, b, *_ = _both(raw.replace(b"30.0", b"1e400"))
    assert a == b == []  # out of range both ways (the shortcut stepped aside: not finite)
    short = [[1.0, 30.0, 20.0, 100, 1.0, 2.0, 0, 0]]  # old readsb: 8 elements, the object path reads it
    raw8 = json.dumps({"icao": "abc123", "timestamp": 1_717_200_000, "trace": short}, separators=(",", ":")).encode()
    prep8 = readsb_text.prepare(raw8)
    assert prep8 is not None and readsb_text.fields([prep8.text], [prep8.objects], 1) is None
    a, b, *_ = _both(raw8)
    assert a == b and len(a) == 1
    # a separator hidden in an ignored string must not split a point into two well-formed rows
    sneaky = [[1.0, 30.0, 20.0, 100, 1.0, 2.0, 0, 0, None, "adsb_icao", 100, 0, "a,b],[2.0", 0.0]]
    raw_s = json.dumps({"icao": "abc123", "timestamp": 1_717_200_000, "trace": sneaky}, separators=(",", ":"))
    a, b, _, _, used = _both(raw_s.encode())
    assert a == b and len(a) == 1 and not used


def test_batch_of_files_keeps_per_file_accounting() -> None:
    rnd = random.Random(3)
    files = []
    for k in range(5):
        pts = [_point(rnd) for _ in range(10 + k)]
        pts[k][1] = "x"  # one bad latitude per file, at point k
        doc = {"icao": f"abc12{k}", "timestamp": 1_717_200_000, "trace": pts}
        raw = json.dumps(doc, separators=(",", ":")).encode()
        files.append(readsb_trace.load_trace(raw, None, f"f{k}", RejectLog()))
    table, owner = readsb_points.convert(files)
    assert table.num_rows == sum(10 + k - 1 for k in range(5)) == len(owner)
    for k, f in enumerate(files):
        assert f.rejects.total == 1 and f.rejects.samples[0].location == f"point {k}"
    assert table.column("asset_id").to_pylist()[-1] == "abc124"

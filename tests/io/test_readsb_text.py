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


def _both(raw: bytes, batch: int = 100_000) -> tuple[list[Any], list[Any], RejectLog, RejectLog, bool]:
    obj, clean = parse_document_clean(raw, None, "f", "trace", "]", RejectLog())
    a_log, b_log = RejectLog(), RejectLog()
    a = list(readsb_trace.read_document(obj, "f", a_log, batch, clean=clean))  # no bytes: object path
    b = list(readsb_trace.read_document(obj, "f", b_log, batch, clean=clean, data=raw))
    text = readsb_trace.trace_file(obj, "f", RejectLog(), clean=clean, data=raw).text
    used = text is not None and readsb_text.fields([text], obj["trace"], len(obj["trace"])) is not None
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
    assert readsb_text.trace_text(raw, json.loads(raw)) is not None
    spaced = json.dumps(compact).encode()  # whitespace between values
    assert readsb_text.trace_text(spaced, json.loads(spaced)) is None
    not_last = json.dumps({"trace": pts, "icao": "abc123", "timestamp": 1}, separators=(",", ":")).encode()
    assert readsb_text.trace_text(not_last, json.loads(not_last)) is None
    short = [[1.0, 30.0, 20.0, 100, 1.0, 2.0, 0, 0]]  # old readsb: 8 elements, the object path reads it
    raw8 = json.dumps({"icao": "abc123", "timestamp": 1_717_200_000, "trace": short}, separators=(",", ":")).encode()
    text = readsb_text.trace_text(raw8, json.loads(raw8))
    assert text is not None and readsb_text.fields([text], short, 1) is None
    a, b, *_ = _both(raw8)
    assert a == b and len(a) == 1


def test_batch_of_files_keeps_per_file_accounting() -> None:
    rnd = random.Random(3)
    files = []
    for k in range(5):
        pts = [_point(rnd) for _ in range(10 + k)]
        pts[k][1] = "x"  # one bad latitude per file, at point k
        doc = {"icao": f"abc12{k}", "timestamp": 1_717_200_000, "trace": pts}
        raw = json.dumps(doc, separators=(",", ":")).encode()
        obj, clean = parse_document_clean(raw, None, f"f{k}", "trace", "]", RejectLog())
        files.append(readsb_trace.trace_file(obj, f"f{k}", RejectLog(), clean=clean, data=raw))
    table, owner = readsb_points.convert(files)
    assert table.num_rows == sum(10 + k - 1 for k in range(5)) == len(owner)
    for k, f in enumerate(files):
        assert f.rejects.total == 1 and f.rejects.samples[0].location == f"point {k}"
    assert table.column("asset_id").to_pylist()[-1] == "abc124"

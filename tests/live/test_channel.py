"""The live channel: ids only grow (across restarts and rotation), readers resume from an id, torn lines wait."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from liftwatch.live.channel import LiveChannel, channel_path, last_id, read_events
from liftwatch.live.tracker import FlightEvent


def test_channel_path_sits_beside_the_database(tmp_path: Path) -> None:
    assert channel_path(tmp_path / "x.duckdb") == tmp_path / "x.duckdb.live.jsonl"


def test_ids_grow_across_restarts_and_rotation(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb.live.jsonl"
    ch = LiveChannel(path, max_bytes=2000)
    ids = [i for k in range(80) for i in ch.append([{"type": "flight", "kind": "new_flight", "n": k}])]
    assert ids == list(range(1, 81))
    assert ch.rotations >= 1 and path.with_name(path.name + ".1").exists()
    # bounded: the current file stays under the cap plus one batch, at most two files exist
    assert path.stat().st_size < 2000 + 200
    assert len(list(tmp_path.iterdir())) == 2
    again = LiveChannel(path, max_bytes=2000)  # a new watch continues the numbering
    assert again.append([{"type": "alert"}]) == [81]
    assert last_id(path) == 81
    tail = read_events(path, after=75)
    assert [e["id"] for e in tail] == [76, 77, 78, 79, 80, 81]
    assert all(isinstance(e["at"], str) for e in tail)
    assert read_events(path, after=0)[0]["id"] > 1, "the oldest events were rotated away"
    assert read_events(path, after=0, limit=3) == read_events(path, after=0)[:3]


def test_torn_and_corrupt_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "c.live.jsonl"
    path.write_text('{"id": 1, "kind": "a"}\nnot json\n[1,2]\n{"id": "x"}\n{"id": 2, "kind": "b"}\n{"id": 3, "ki')
    assert [e["id"] for e in read_events(path)] == [1, 2]
    # a writer that died mid-line: the next one starts on a fresh line, so its first event is not lost
    assert LiveChannel(path).append([{"kind": "c"}]) == [3]
    assert [(e["id"], e["kind"]) for e in read_events(path)] == [(1, "a"), (2, "b"), (3, "c")]
    assert read_events(tmp_path / "missing.jsonl") == [] and last_id(tmp_path / "missing.jsonl") == 0
    with pytest.raises(ValueError, match="max_bytes"):
        LiveChannel(path, max_bytes=10)


def test_flight_events_carry_the_callsign_verbatim(tmp_path: Path) -> None:
    hostile = '<img src=x onerror="alert(1)">\n\u2028'
    ch = LiveChannel(tmp_path / "f.live.jsonl")
    ev = FlightEvent("takeoff", "155abc", "155abc-20250105T120000Z", 1736078400.0, 35.4, 35.9, 900.0, "hmeimim")
    ch.flight_events([ev])
    raw = (tmp_path / "f.live.jsonl").read_text(encoding="utf-8")
    assert raw.count("\n") == 1, "one event, one line, whatever the text"
    (got,) = read_events(tmp_path / "f.live.jsonl")
    assert (got["type"], got["kind"], got["site"], got["ts"]) == (
        "flight",
        "takeoff",
        "hmeimim",
        "2025-01-05T12:00:00Z",
    )
    ch.append([{"type": "flight", "callsigns": [hostile]}])
    assert read_events(tmp_path / "f.live.jsonl", after=1)[0]["callsigns"] == [hostile]
    assert json.loads(raw)["id"] == 1

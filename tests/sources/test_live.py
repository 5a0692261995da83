"""Keyless live APIs (polled, merged) and aisstream.io (WebSocket) through the watch loop, against loopback servers."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch.errors import LiftwatchError
from liftwatch.live.aisstream import AisStream, parse_time
from liftwatch.live.poll import Merger, PollGroup, PollSpec
from liftwatch.live.runner import Watch, WatchConfig
from liftwatch.sources.keys import Secret, secret
from liftwatch.sources.selection import BBox
from liftwatch.store import Store
from tests.sources.server import serve

T0 = datetime(2026, 11, 30, 6, 0, tzinfo=UTC).timestamp()


def _api(step: list[int], *, shared_lag: float) -> Any:
    """An aircraft.json-shaped API answer; each request moves the clock 2 s on (``now`` in ms as the APIs do)."""

    def answer(_path: str) -> tuple[bytes, dict[str, str]]:
        k = step[0]
        step[0] += 1
        now = T0 + 2 * k
        ac = [
            # seen by both networks at the same instant (seen_pos makes the position time identical)
            {
                "hex": "1546a2",
                "lat": 35.4 + 0.01 * k,
                "lon": 35.9,
                "alt_baro": 15000,
                "seen_pos": shared_lag,
                "flight": "RFF7012 ",
                "t": "IL76",
                "dbFlags": 1,
            },
            {"hex": "ae0455", "lat": 32.7, "lon": -117.2 + 0.01 * k, "alt_baro": 2000, "seen_pos": 0.5, "t": "C2"},
            {"hex": "3b7777", "alt_baro": 30000, "seen": 1},  # no position: not a live point
        ]
        return json.dumps({"ac": ac, "msg": "No error", "now": int(now * 1000), "total": 3}).encode(), {}

    return answer


def test_polled_networks_merge_one_row_per_address_and_instant(tmp_path: Path) -> None:
    with serve() as a, serve() as b:
        a.files["/v2/mil"] = _api([0], shared_lag=1.0)
        b.files["/v2/mil"] = _api([0], shared_lag=1.0)
        b.faults["/v2/mil"] = [("status", 429, {"Retry-After": "0"})]
        specs = [
            dataclasses.replace(PollSpec.parse("adsblol-mil", base_url=a.base), min_interval_s=0.05),
            dataclasses.replace(PollSpec.parse("airplaneslive-mil", base_url=b.base), min_interval_s=0.05),
        ]
        events: list[str] = []
        group = PollGroup(specs, interval_s=0.2, on_event=events.append)
        store = Store(tmp_path / "w.duckdb")
        watch = Watch(WatchConfig(feeds=[], sources=[group]), store=store)

        async def main() -> Any:
            stop = asyncio.Event()

            async def until_answered() -> None:  # both networks answered 3 times (not a wall-clock guess)
                for _ in range(600):
                    if len(a.requests) >= 3 and len(b.requests) >= 4:
                        break
                    await asyncio.sleep(0.05)
                stop.set()

            waiter = asyncio.ensure_future(until_answered())
            out = await watch.run(stop)
            await waiter
            return out

        summary = asyncio.run(main())
        pts = store.points()
        store.close()
    assert summary.points == pts.height > 0
    assert pts.select("asset_id", "ts").is_duplicated().sum() == 0  # one row per address and instant
    assert set(pts["asset_id"]) == {"1546a2", "ae0455"}
    assert set(pts["source"]) <= {"adsblol", "airplaneslive"} and "adsblol" in set(pts["source"])
    assert any("HTTP 429" in e for e in events)
    assert group.stats.aircraft > pts.height  # the second network's duplicates were dropped by the merger


def test_merger_freshest_wins_and_keeps_source() -> None:
    import pyarrow as pa

    from liftwatch.schema import conform

    def table(src: str, rows: list[tuple[str, float]]) -> pa.Table:
        import polars as pl

        return conform(
            pl.DataFrame(
                {
                    "source": [src] * len(rows),
                    "domain": ["air"] * len(rows),
                    "asset_id": [r[0] for r in rows],
                    "ts": [datetime.fromtimestamp(r[1], UTC) for r in rows],
                    "lat": [1.0] * len(rows),
                    "lon": [2.0] * len(rows),
                }
            )
        )

    m = Merger()
    first = m.merge(table("adsblol", [("aaaaaa", 10.0), ("bbbbbb", 10.0)]))
    assert first.num_rows == 2
    second = m.merge(table("adsbfi", [("aaaaaa", 10.0), ("aaaaaa", 12.0), ("bbbbbb", 9.0)]))
    assert second.num_rows == 1 and second.column("source").to_pylist() == ["adsbfi"]


def test_poll_spec_validation() -> None:
    assert PollSpec.parse("adsbfi-point:35.4,35.9,250").url.endswith("/v2/lat/35.4/lon/35.9/dist/250")
    assert PollSpec.parse("adsblol-point:35.4,35.9,100").url == "https://api.adsb.lol/v2/point/35.4/35.9/100"
    # whole NM (adsb.lol's route takes an int radius); coordinates keep their 6 decimals
    assert PollSpec.parse("adsblol-point:35.412345,-5.9,12.5").url == "https://api.adsb.lol/v2/point/35.412345/-5.9/13"
    assert PollSpec.parse("airplaneslive-mil").url == "https://api.airplanes.live/v2/mil"
    assert PollSpec.parse("adsbfi-mil").url == "https://opendata.adsb.fi/api/v2/mil"
    assert PollSpec.parse("airplaneslive-point:35,35,250").url == "https://api.airplanes.live/v2/point/35/35/250"
    with pytest.raises(LiftwatchError, match="one of adsblol-mil"):
        PollSpec.parse("flightradar-mil")
    with pytest.raises(LiftwatchError, match="RADIUS_NM"):
        PollSpec.parse("adsblol-point")
    with pytest.raises(LiftwatchError, match="250"):
        PollSpec.parse("adsblol-point:35,35,900")


# --- aisstream.io -----------------------------------------------------------------------------------------------
def _position(mmsi: int, lat: float, lon: float, t: str, kind: str = "PositionReport") -> str:
    return json.dumps(
        {
            "Message": {
                kind: {
                    "Cog": 308,
                    "Latitude": lat,
                    "Longitude": lon,
                    "Sog": 12.5,
                    "TrueHeading": 511,
                    "UserID": mmsi,
                    "NavigationalStatus": 0,
                    "Valid": True,
                }
            },
            "MessageType": kind,
            "MetaData": {"MMSI": mmsi, "ShipName": "SPARTA IV", "latitude": lat, "longitude": lon, "time_utc": t},
        }
    )


def test_aisstream_subscribes_reconnects_and_never_shows_the_key(tmp_path: Path) -> None:
    from websockets.asyncio.server import serve as ws_serve

    key = "SECRET-KEY-123"
    subs: list[dict[str, Any]] = []

    async def handler(ws: Any) -> None:
        subs.append(json.loads(await ws.recv()))
        if len(subs) == 1:
            await ws.send(_position(273123456, 34.9, 35.8, "2026-11-30 06:00:01.123456789 +0000 UTC"))
            await ws.send("{not json")
            await ws.send(
                _position(273123457, 35.0, 35.7, "2026-11-30 06:00:02 +0000 UTC", "StandardClassBPositionReport")
            )
            await ws.close()  # a drop: the client reconnects
        else:
            await ws.send(json.dumps({"error": "Api Key Is Not Valid"}))
            await asyncio.sleep(0.5)

    async def main() -> tuple[Any, list[str]]:
        events: list[str] = []
        async with ws_serve(handler, "127.0.0.1", 0) as server:
            port = server.sockets[0].getsockname()[1]
            stream = AisStream(
                Secret(key),
                [BBox.parse("30,25,38,37")],
                url=f"ws://127.0.0.1:{port}",
                flush_s=0.1,
                on_event=events.append,
            )
            stream.backoff.initial = 0.05
            store = Store(tmp_path / "a.duckdb")
            watch = Watch(WatchConfig(feeds=[], duration_s=2.0, sources=[stream]), store=store)
            await watch.run()
            pts = store.points()
            store.close()
            return (pts, stream), events

    (pts, stream), events = asyncio.run(main())
    assert subs[0]["APIKey"] == key and subs[0]["BoundingBoxes"] == [[[30.0, 25.0], [38.0, 37.0]]]
    assert len(subs) == 2 and stream.stats.bad == 1
    assert set(pts["asset_id"]) == {"273123456", "273123457"} and set(pts["domain"]) == {"sea"}
    assert pts["heading_deg"].null_count() == 2  # 511 = not available
    assert any("Api Key Is Not Valid" in e for e in events)
    assert not any(key in e for e in events) and key not in repr(stream)


def test_parse_time_and_keys(tmp_path: Path, monkeypatch: Any) -> None:
    assert parse_time("2022-12-29 18:22:32.318353 +0000 UTC") == pytest.approx(1672338152.318353)
    monkeypatch.delenv("AISSTREAM_API_KEY", raising=False)
    monkeypatch.setenv("LIFTWATCH_KEYS", str(tmp_path / "keys.toml"))
    with pytest.raises(LiftwatchError, match="AISSTREAM_API_KEY"):
        secret("aisstream", "AISSTREAM_API_KEY")
    (tmp_path / "keys.toml").write_text('[aisstream]\napi_key = "abc"\n')
    s = secret("aisstream", "AISSTREAM_API_KEY")
    assert s.reveal() == "abc" and "abc" not in f"{s} {s!r}"
    monkeypatch.setenv("AISSTREAM_API_KEY", "from-env")
    assert secret("aisstream", "AISSTREAM_API_KEY").reveal() == "from-env"


# --- hostile input ------------------------------------------------------------------------------------------------
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)
_keys = st.sampled_from(["hex", "lat", "lon", "alt_baro", "seen_pos", "seen", "flight", "gs", "track", "dbFlags"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.dictionaries(_keys, _json, max_size=8), max_size=5),
    st.one_of(st.integers(), st.floats(allow_nan=True), st.text(max_size=5)),
)
def test_poll_answers_never_crash_the_feed(acs: list[dict[str, Any]], now: Any) -> None:
    from liftwatch.io.base import RejectLog
    from liftwatch.live.poll import answer_points
    from liftwatch.schema import POINT_SCHEMA

    spec = PollSpec.parse("adsblol-mil", base_url="http://127.0.0.1:9")
    try:
        table = answer_points(json.dumps({"ac": acs, "now": now}).encode(), spec, RejectLog())
    except (ValueError, LiftwatchError):
        return  # counted as a failed poll by the group; the feed goes on
    assert table is None or (table.schema == POINT_SCHEMA and set(table.column("source").to_pylist()) == {"adsblol"})


@settings(max_examples=60, deadline=None)
@given(st.one_of(_json, st.text(max_size=30)))
def test_aisstream_messages_never_crash_the_stream(doc: Any) -> None:
    stream = AisStream(Secret("k"), [BBox.parse("30,25,38,37")])
    raw = doc if isinstance(doc, str) else json.dumps(doc)
    try:
        stream._message(raw)
    except LiftwatchError:
        assert isinstance(doc, dict) and "error" in doc
    got: list[Any] = []
    stream._flush(got.append)
    assert all(t.num_rows <= 1 for t in got)

"""Port visits: entry/exit hysteresis, stop criteria, gaps in port, pass-by without a call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl

from liftwatch.geodesy import destination
from liftwatch.sea import portcalls

PORTS = pl.DataFrame({"site_id": ["p"], "lat": [34.0], "lon": [35.0], "kind": ["port"]})


def _track(km_from_port: list[float], sog: list[float], minutes: list[float], asset: str = "273000001") -> pl.DataFrame:
    lat, lon = destination(np.full(len(km_from_port), 34.0), np.full(len(km_from_port), 35.0), 270.0, km_from_port)
    t0 = datetime(2024, 12, 1, tzinfo=UTC)
    return pl.DataFrame(
        {
            "asset_id": asset,
            "ts": [t0 + timedelta(minutes=m) for m in minutes],
            "lat": lat,
            "lon": lon,
            "gs_kt": [float(x) for x in sog],
        }
    ).with_columns(pl.col("ts").cast(pl.Datetime("us", "UTC")))


def test_hysteresis_keeps_one_visit_and_stop_makes_a_call() -> None:
    km = [20, 10, 2.5, 3.5, 2.0, 3.8, 2.2, 4.5, 10]
    sog = [12, 10, 3, 2, 0.2, 1, 2, 6, 12]
    df = _track(km, sog, [0, 30, 60, 90, 120, 150, 180, 210, 240])
    marked = portcalls.mark_visits(df, portcalls.port_sites(PORTS))
    assert marked["in_port"].to_list() == [False, False, True, True, True, True, True, False, False]
    calls = portcalls.port_calls(marked)
    assert calls.height == 1 and calls["is_call"][0] and calls["reason"][0] == "stopped"


def test_pass_by_is_a_visit_not_a_call_and_gap_in_port_is() -> None:
    pass_by = _track([20, 10, 2.0, 10, 20], [12] * 5, [10, 40, 70, 100, 130])
    gap = _track([20, 2.0, 2.5, 20], [8, 5, 5, 8], [0, 30, 30 + 24 * 60, 60 + 24 * 60], asset="273000002")
    marked = portcalls.mark_visits(pl.concat([pass_by, gap]).sort("asset_id", "ts"), portcalls.port_sites(PORTS))
    calls = portcalls.port_calls(marked)
    by = dict(zip(calls["asset_id"], calls["reason"], strict=True))
    assert by["273000001"] is None
    assert by["273000002"] == "gap_in_port"

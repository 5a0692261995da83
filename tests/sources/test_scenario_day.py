"""The bundled scenario's readsb traces packed as a globe_history day: fetching them gives exactly what the
readsb reader gives for the same files (only ``source`` differs), for the kept countries."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import polars as pl

import liftwatch
from liftwatch import sources
from liftwatch.kb import icao_country
from liftwatch.sources.selection import Selection
from liftwatch.store import Store
from tests.sources.layouts import release, split
from tests.sources.server import serve

TRACES = Path(liftwatch.__file__).parent / "data" / "scenarios" / "default" / "traces"


def test_fetched_day_equals_reading_the_same_traces(tmp_path: Path) -> None:
    files = sorted(TRACES.rglob("trace_full_*.json.gz"))
    assert len(files) > 10
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for f in files:
            hexid = f.name.split("_")[2].split(".")[0]
            ti = tarfile.TarInfo(f"./traces/{hexid[-2:]}/trace_full_{hexid}.json")  # gzip inside, as published
            data = f.read_bytes()
            ti.size = len(data)
            tf.addfile(ti, io.BytesIO(data))
    tar = buf.getvalue()
    ru = [f for f in files if icao_country(f.name.split("_")[2].split(".")[0]) == "RU"]
    assert 0 < len(ru) < len(files)
    tag = "v2024.12.10-planes-readsb-prod-0"
    with serve() as site, Store(tmp_path / "fetched.duckdb") as fetched, Store(tmp_path / "read.duckdb") as read:
        parts = split(tar, len(tar) // 3)
        rel = release(site.base, tag, parts)
        site.files["/repos/adsblol/globe_history_2024/releases?per_page=100"] = json.dumps([rel]).encode()
        for a, p in zip(rel["assets"], parts, strict=True):
            site.files[a["browser_download_url"].removeprefix(site.base)] = p
        rep = sources.fetch(
            "adsblol",
            fetched,
            start="2024-12-10",
            selection=Selection.build(countries="RU"),
            base_url=site.base,
            cache_dir=tmp_path / "c",
        )
        for f in ru:
            read.ingest(f)
        cols = ["asset_id", "ts", "lat", "lon", "alt_baro_ft", "gs_kt", "callsign", "squawk", "flags", "type_code"]
        got = fetched.points().select(cols).sort("asset_id", "ts")
        want = read.points().select(cols).sort("asset_id", "ts")
    assert rep.items[0].status == "done" and rep.items[0].members_kept == len(ru)
    assert got.height == want.height > 1000
    assert got.equals(want, null_equal=True)
    assert isinstance(got, pl.DataFrame)

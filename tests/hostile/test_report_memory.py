"""``report`` on many flights with long stored tracks: map/KML capped and thinned, GeoJSON paged, so the
Python-side memory has a fixed budget instead of ~45 KB per flight."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import polars as pl

from liftwatch.report import build_report
from liftwatch.report.geo import MAX_VERTICES
from tests.report.fixtures import OPTS, report_flights, sitebook


def _many(copies: int, vertices: int) -> pl.DataFrame:
    base = report_flights()
    geom = json.dumps([[33.0 + i * 1e-4, 35.0 + i * 1e-4] for i in range(vertices)])
    return pl.concat(
        [
            base.with_columns((pl.col("flight_id") + f"-{k}").alias("flight_id"), pl.lit(geom).alias("geometry"))
            for k in range(copies)
        ]
    )


def test_report_of_many_long_tracks_stays_within_budget(tmp_path: Path) -> None:
    flights = _many(2, 2000)
    tracemalloc.start()
    try:
        build_report(flights, tmp_path, OPTS, sitebook=sitebook(), max_map_flights=150)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # unbounded, the tracks alone were ~2 x 300 flights x 2000 vertices as Python lists (~150 MB)
    assert peak < 80 << 20, f"peak {peak >> 20} MiB"
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    data = json.loads(html.split("window.LW_DATA = ", 1)[1].split(";</script>", 1)[0])
    tracks = data["flights"]["features"]
    assert len(tracks) <= 150 and data["not_drawn"] == flights.height - len(tracks)
    assert max(len(f["geometry"]["coordinates"]) for f in tracks) <= MAX_VERTICES
    assert all(f["geometry"]["coordinates"][-1] == [33.1999, 35.1999] for f in tracks)  # the end is kept
    gj = json.loads((tmp_path / "flights.geojson").read_text(encoding="utf-8"))
    assert sum(f["properties"]["kind"] == "flight" for f in gj["features"]) == flights.height
    assert (tmp_path / "flights.kml").read_text(encoding="utf-8").count("<LineString") <= 150 + len(
        data["projections"]["features"]
    )

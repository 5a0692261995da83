"""The licence notices of fetched data reach the report, the map, the GeoJSON and the exports; keys never do."""

from __future__ import annotations

import json
from pathlib import Path

from liftwatch.report import build_report
from liftwatch.sources import source_info
from liftwatch.sources.ledger import Ledger
from liftwatch.store import Store
from tests.report.fixtures import OPTS, report_flights, sitebook


def _fetched_store(path: Path) -> Store:
    store = Store(path)
    info = source_info("adsblol")
    Ledger(store, info.name, info.licence, info.attribution).record(
        "v2024.12.10-planes-readsb-prod-0", "{}", url="https://example.invalid/x", status="done", rows_added=5
    )
    return store


def test_report_map_geojson_and_exports_carry_the_odbl_notice(tmp_path: Path) -> None:
    with _fetched_store(tmp_path / "s.duckdb") as store:
        notices = store.attributions()
        store.export_parquet(tmp_path / "parquet")
    assert notices[0]["licence"] == "ODbL-1.0"
    res = build_report(report_flights(), tmp_path / "rep", OPTS, sitebook=sitebook(), attributions=notices)
    notice = source_info("adsblol").attribution
    assert "Open Database License" in notice
    assert notice in res.html.read_text()
    assert notice in res.map_html.read_text()
    assert json.loads((tmp_path / "rep" / "flights.geojson").read_text())["attribution"] == [notice]
    assert notice in (tmp_path / "rep" / "ATTRIBUTION.txt").read_text()
    assert notice in (tmp_path / "parquet" / "ATTRIBUTION.txt").read_text()


def test_store_without_fetches_has_no_notices(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert store.attributions() == []

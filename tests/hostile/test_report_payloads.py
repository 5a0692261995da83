"""Hostile text in every field that reaches an output: map.html, report.html, CSV, GeoJSON, KML."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import polars as pl
import pytest

from liftwatch.report import build_report
from tests.hostile.payloads import TEXT_PAYLOADS
from tests.report.fixtures import OPTS, report_flights, sitebook

TEXT_FIELDS = ("registration", "type_code", "operator", "country")


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    flights = report_flights()
    n = flights.height
    payload = [TEXT_PAYLOADS[i % len(TEXT_PAYLOADS)] for i in range(n)]
    flights = flights.with_columns(
        pl.Series("callsigns", [[p, "OK1"] for p in payload], dtype=pl.List(pl.String)),
        *[pl.Series(c, payload, dtype=pl.String) for c in TEXT_FIELDS if c in flights.columns],
    )
    out = tmp_path_factory.mktemp("hostile-report")
    build_report(flights, out, OPTS, sitebook=sitebook())
    return out


def _scripts(html: str) -> list[str]:
    return re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S)


def test_map_data_cannot_break_out_of_its_script(hostile_report: Path) -> None:
    html = (hostile_report / "map.html").read_text(encoding="utf-8")
    data = next(s for s in _scripts(html) if s.startswith("window.LW_DATA"))
    assert "<!--" not in data and "<script" not in data and "</" not in data
    assert "\u2028" not in data and "\u2029" not in data
    assert html.count("<script") == html.count("</script>")
    decoded = json.loads(data[len("window.LW_DATA = ") :].rstrip().rstrip(";"))
    callsigns = {f["properties"]["callsign"] for f in decoded["flights"]["features"]}
    assert any("<!--<script>" in c for c in callsigns)  # the text survives, inert


def test_report_html_escapes_payloads(hostile_report: Path) -> None:
    html = (hostile_report / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<!--<script>" not in html


def test_csv_cells_never_start_a_formula(hostile_report: Path) -> None:
    for path in hostile_report.glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        for row in rows:
            for key, value in row.items():
                try:
                    float(value)
                    continue  # a number (negative ones included) is not a formula
                except ValueError:
                    pass
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (path.name, key, value)


def test_geojson_and_kml_parse(hostile_report: Path) -> None:
    json.loads((hostile_report / "flights.geojson").read_text(encoding="utf-8"))
    ET.parse(hostile_report / "flights.kml")


def test_flights_list_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    """``liftwatch flights list --format csv`` goes through the same neutralising as the report's CSV."""
    from typer.testing import CliRunner

    from liftwatch.cli import app
    from liftwatch.store import Store

    flights = report_flights().head(len(TEXT_PAYLOADS))
    payload = TEXT_PAYLOADS[: flights.height]
    flights = flights.with_columns(pl.Series("callsigns", [[p] for p in payload], dtype=pl.List(pl.String)))
    db = str(tmp_path / "h.duckdb")
    with Store(db) as store:
        store.write_flights(flights)
    res = CliRunner().invoke(app, ["flights", "list", "--db", db, "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout, newline="")))
    assert rows and any(r["callsigns"].startswith("'=") for r in rows)  # a payload was there, shown as text
    for row in rows:
        for key, value in row.items():
            if value is None:  # a short row (a payload with a newline inside a quoted cell)
                continue
            try:
                float(value)
                continue
            except ValueError:
                pass
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (key, value)

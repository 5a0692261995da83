"""The report folder: HTML, map page, plots and exports, on a constructed airlift with a known surge."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import matplotlib.image as mpimg
import polars as pl
import pytest

from liftwatch.errors import InvalidValueError
from liftwatch.report import ReportResult, analyse, build_report
from tests.analytics.factory import T0
from tests.report.fixtures import OPTS, SURGE_DAY, report_flights, sitebook
from tests.report.geojson_check import validate

KML_NS = {"k": "http://www.opengis.net/kml/2.2"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ReportResult:
    return build_report(report_flights(), tmp_path_factory.mktemp("rep"), OPTS, sitebook=sitebook())


def test_headline_numbers_and_alerts(built: ReportResult) -> None:
    s = built.summary
    top = s["top_military_region_corridor"]
    assert top["corridor"] == "syria->eastern-libya"
    flights = report_flights()
    mil = flights.filter(pl.col("classification") == "military")
    # landed flights count 1 each, the 6 dark flights 0.7 each (0.2 to benina is the same region: 0.9)
    assert top["flights_expected"] == pytest.approx(mil.height - 6 + 6 * 0.9)
    assert top["flights_top1"] == mil.height
    assert top["unknown_type_flights"] == pytest.approx(0.9)
    surges = [a for a in built.alerts if a.kind == "surge"]
    assert {(a.level, a.corridor) for a in surges} == {
        ("region", "syria->eastern-libya"),
        ("site", "hmeimim->al-khadim"),
    }
    for a in surges:
        assert abs((a.start - (T0.date() + timedelta(days=SURGE_DAY))).days) <= 2
        assert a.group == "military/state" and a.flight_ids
    assert not [a for a in built.alerts if a.group == "civil"]


def test_report_html_is_self_contained(built: ReportResult) -> None:
    html = built.html.read_text()
    for section in ("Summary", "Alerts", "Corridors by region", "Lift", "Per-flight evidence", "Exports"):
        assert section in html
    assert "<code>syria-&gt;eastern-libya</code>" in html and "Surge</b>" in html
    assert "<svg" in html  # plot inlined
    assert 'src="http' not in html and 'href="http' not in html and "<link" not in html
    m = built.map_html.read_text()
    assert 'src="http' not in m and "<link" not in m and "L.map(" in m
    assert "Natural Earth" in m and "Leaflet 1.9.4" in m


def test_geojson_valid_rfc7946(built: ReportResult) -> None:
    gj = json.loads((built.out_dir / "flights.geojson").read_text())
    assert validate(gj) == []
    kinds = pl.Series([f["properties"]["kind"] for f in gj["features"]]).value_counts()
    counts = dict(zip(kinds[:, 0].to_list(), kinds[:, 1].to_list(), strict=True))
    assert counts["flight"] == built.summary["flights"]
    assert counts["site"] == 6
    assert counts["dark_projection"] == 12  # 6 dark flights x 2 candidates
    hm = next(f for f in gj["features"] if f["properties"].get("site_id") == "hmeimim")
    assert hm["properties"]["controller"] == "Russia"
    assert hm["geometry"]["coordinates"] == pytest.approx([35.949, 35.401])  # lon, lat order
    bad = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[30, 200]]}}
        ],
    }
    assert validate(bad)  # the validator can fail


def test_kml_parses_back(built: ReportResult) -> None:
    root = ET.parse(built.out_dir / "flights.kml").getroot()
    doc = root.find("k:Document", KML_NS)
    assert doc is not None
    folders = {f.findtext("k:name", namespaces=KML_NS): f for f in doc.findall("k:Folder", KML_NS)}
    assert set(folders) == {"Sites", "Flights", "Dark projections (probable destinations)"}
    assert len(folders["Sites"].findall("k:Placemark", KML_NS)) == 6
    lines = folders["Flights"].findall(".//k:Placemark", KML_NS)
    assert len(lines) == built.summary["flights"]
    coords = lines[0].findtext(".//k:LineString/k:coordinates", namespaces=KML_NS)
    assert coords is not None
    lon, lat = (float(v) for v in coords.split()[0].split(",")[:2])
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    corridor_folders = {f.findtext("k:name", namespaces=KML_NS) for f in folders["Flights"].findall("k:Folder", KML_NS)}
    assert "hmeimim->al-khadim" in corridor_folders
    assert len(folders["Dark projections (probable destinations)"].findall("k:Placemark", KML_NS)) == 12
    assert root.find(".//k:Style/k:LineStyle/k:color", KML_NS) is not None


def test_tables_and_plots(built: ReportResult) -> None:
    out = built.out_dir
    flights = pl.read_parquet(out / "flights.parquet")
    assert flights.height == built.summary["flights"]
    assert {"lift_typical_t", "type_status", "arr_candidates"} <= set(flights.columns)
    csv = pl.read_csv(out / "flights.csv")
    assert csv.height == flights.height
    assert "al-khadim 0.70, benina 0.20" in csv["arr_candidates"].drop_nulls().to_list()
    alerts = pl.read_csv(out / "alerts.csv")
    assert set(alerts["kind"]) == {"surge"}
    cor = pl.read_parquet(out / "corridors.parquet")
    assert cor.filter(pl.col("corridor") == "syria->eastern-libya").height == 1
    img = mpimg.imread(out / "military_corridors_daily.png")
    assert img.ndim == 3 and img.shape[0] > 100 and float(img[..., :3].std()) > 0.05
    ET.parse(out / "military_corridors_daily.svg")  # well-formed SVG


def test_filters_and_claims_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "liftwatch.report.builder.report_section_html",
        lambda results: f"<p id='claims-probe'>{len(results)} claims</p>",
    )
    res = build_report(
        report_flights(),
        tmp_path,
        OPTS.replace(origin=["syria"], destination=["eastern-libya"], claims=[1, 2]),
        sitebook=sitebook(),
    )
    assert res.summary["flights"] == report_flights().filter(pl.col("classification") == "military").height
    assert not res.site_corridors.filter(pl.col("asset_class") == "civil").height
    assert "<p id='claims-probe'>2 claims</p>" in res.html.read_text()


def test_empty_selection_still_renders(tmp_path: Path) -> None:
    res = build_report(report_flights(), tmp_path, OPTS.replace(region=["russia"]), sitebook=sitebook())
    assert res.summary["flights"] == 0 and res.summary["top_military_region_corridor"] is None
    assert "No military or state flights" in res.html.read_text()
    assert json.loads((tmp_path / "flights.geojson").read_text())["features"] == []


def test_map_caps_civil_tracks_but_exports_keep_all(tmp_path: Path) -> None:
    flights = report_flights()
    res = build_report(flights, tmp_path, OPTS, sitebook=sitebook(), max_map_flights=100)
    m = res.map_html.read_text()
    n_mil = flights.filter(pl.col("classification") == "military").height
    drawn = m.count('"kind":"flight"')
    assert drawn == 100 and n_mil < 100
    assert f'"not_drawn":{flights.height - 100}' in m
    gj = json.loads((tmp_path / "flights.geojson").read_text())
    assert sum(f["properties"]["kind"] == "flight" for f in gj["features"]) == flights.height


def test_sea_voyages_kept_apart_from_the_airlift(tmp_path: Path) -> None:
    from tests.analytics.factory import flight, frame

    ship = flight("273000001-1", "hmeimim", "al-khadim", T0 + timedelta(days=2), type_code="cargo")
    ship["domain"] = "sea"
    flights = pl.concat([report_flights(), frame([ship])], how="vertical_relaxed")
    res = build_report(flights, tmp_path, OPTS, sitebook=sitebook())
    classes = set(res.region_corridors["asset_class"].to_list())
    assert "military/state (sea)" in classes
    assert (
        res.summary["top_military_region_corridor"]["flights_top1"]
        == report_flights().filter(pl.col("classification") == "military").height
    )


def test_analysis_options_are_one_immutable_value() -> None:
    opts = OPTS.replace(origin=["syria"], claims=[])
    assert opts.origin == ("syria",) and opts.claims == () and OPTS.origin is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.title = "x"  # type: ignore[misc]
    with pytest.raises(InvalidValueError, match="coverage='everything' is not allowed; choose one of: background"):
        OPTS.replace(coverage="everything")
    flights = report_flights()
    assert analyse(flights, opts).summary == analyse(flights, OPTS.replace(origin=("syria",))).summary
    assert analyse(flights, opts).summary["flights"] < analyse(flights, OPTS).summary["flights"]

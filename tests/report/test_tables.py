"""The report's site-corridor table: fractional dark-destination corridors folded, air and sea capped apart."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import polars as pl
import pytest

from liftwatch.report import build_report
from liftwatch.report.tables import OTHER, fold_minor_corridors, site_table
from tests.analytics.factory import T0, flight, frame
from tests.report.fixtures import OPTS, report_flights, sitebook

MIL = "military/state"


def _table(rows: list[tuple[str, str, str, float]]) -> pl.DataFrame:
    """A corridor table as ``corridor_table`` returns it (the columns the report reads)."""
    return pl.DataFrame(
        {
            "corridor": [f"{o}->{d}" for o, d, _, _ in rows],
            "origin": [o for o, _, _, _ in rows],
            "destination": [d for _, d, _, _ in rows],
            "asset_class": [c for _, _, c, _ in rows],
            "flights_expected": [x for _, _, _, x in rows],
            "flights_sd": [0.1] * len(rows),
            "flights_top1": [int(x >= 0.5) for _, _, _, x in rows],
            "flights_dark_expected": [x if x < 0.5 else 0.0 for _, _, _, x in rows],
            "assets": [1] * len(rows),
            "type_codes": [["IL76"]] * len(rows),
            "tonnes_expected": [35.0 * x for _, _, _, x in rows],
        }
    )


def _crowded() -> pl.DataFrame:
    fractional = [("hmeimim", f"x{i:02d}", MIL, 0.01) for i in range(70)]
    airlift = [(f"o{i:02d}", "al-khadim", MIL, 2.0 + i) for i in range(65)]
    sealift = [("tartus", "tobruk", f"{MIL} (sea)", 3.0), ("tartus", "benghazi", f"{MIL} (sea)", 2.0)]
    return _table(fractional + airlift + sealift)


def test_fold_keeps_the_mass_and_names_the_count() -> None:
    t = _crowded()
    f = fold_minor_corridors(t)
    assert f.height == t.height - 70 + 1
    other = f.filter(pl.col("folded") > 0).row(0, named=True)
    assert other["origin"] == "hmeimim" and other["destination"] == f"{OTHER} (70 destinations)"
    assert other["flights_expected"] == pytest.approx(0.7)
    assert other["tonnes_expected"] == pytest.approx(24.5)
    assert other["assets"] is None  # distinct airframes cannot be summed
    assert f["flights_expected"].sum() == pytest.approx(t["flights_expected"].sum())


def test_lone_minor_corridor_keeps_its_name() -> None:
    t = _table([("hmeimim", "al-khadim", MIL, 4.0), ("hmeimim", "al-jufra", MIL, 0.2), ("tartus", "x", MIL, 0.3)])
    f = fold_minor_corridors(t)
    assert (f["folded"] == 0).all()
    assert sorted(f["destination"].to_list()) == ["al-jufra", "al-khadim", "x"]


def test_sea_corridors_not_pushed_out_by_air_rows() -> None:
    t = _crowded()
    assert "tartus" not in t.head(60)["origin"].to_list()  # the plain cap lost the sealift
    shown, omitted = site_table(t, limit=60)
    sea = shown.filter(pl.col("asset_class") == f"{MIL} (sea)")
    assert sea["destination"].to_list() == ["tobruk", "benghazi"]
    air = shown.filter(pl.col("asset_class") == MIL)
    assert air.height == 60
    assert air["flights_expected"].to_list() == sorted(air["flights_expected"].to_list(), reverse=True)
    # the 60 largest airlift rows fill the air cap: 5 airlift rows and the folded row (70 corridors) left out
    assert omitted == 5 + 70
    assert shown.height + omitted == t.height


def test_folded_row_shown_when_there_is_room() -> None:
    t = _crowded().filter(~pl.col("origin").is_in([f"o{i}" for i in range(59, 65)]))  # 59 airlift rows
    shown, omitted = site_table(t, limit=60)
    assert omitted == 0
    assert shown.filter(pl.col("folded") == 70).height == 1
    assert shown.height == t.height - 70 + 1


def test_report_page_shows_sealift_behind_many_dark_fractions(tmp_path: Path) -> None:
    """Dark flights spread over 80 candidate fields each: the page still lists the ship's corridor."""
    cands = [(f"zz{i:02d}", 1.0 / 80) for i in range(80)]
    dark = [flight(f"dk{i}-1", "hmeimim", None, T0 + timedelta(days=i), ending="dark", cands=cands) for i in range(3)]
    ship = flight("273000001-1", "hmeimim", "al-khadim", T0 + timedelta(days=2), type_code="cargo")
    ship["domain"] = "sea"
    flights = pl.concat([report_flights(), frame([*dark, ship])], how="vertical_relaxed")
    res = build_report(flights, tmp_path, OPTS, sitebook=sitebook())
    assert res.site_corridors.filter(pl.col("destination").str.starts_with("zz")).height == 80  # CSV keeps all
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    section = html.split('id="sites"', 1)[1].split("<h2", 1)[0]
    assert "military/state (sea)" in section
    assert re.search(r"other or uncertain \(80 destinations\)", section)
    assert "zz00" not in section

"""Corridor aggregation on hand-built flights with known answers."""

from __future__ import annotations

import math
from datetime import timedelta

import polars as pl
import pytest

from liftwatch.analytics import corridor_table, corridors, destination_legs, filter_legs, top_corridor
from tests.analytics.factory import REGIONS, T0, TYPES, flight, frame


@pytest.fixture
def flights() -> pl.DataFrame:
    rows = [
        flight("aaa001-1", "hmeimim", "al-khadim", T0),
        flight("aaa001-2", "hmeimim", "al-khadim", T0 + timedelta(days=1)),
        flight("aaa002-1", "hmeimim", "al-khadim", T0 + timedelta(days=8), type_code="A124"),
        flight("aaa003-1", "hmeimim", "benina", T0 + timedelta(days=1)),
        flight(
            "aaa004-1",
            "hmeimim",
            None,
            T0 + timedelta(days=2),
            ending="dark",
            cands=[("al-khadim", 0.6), ("benina", 0.3)],
        ),
        flight("ccc001-1", "LCLK", "LLBG", T0, type_code="A320", classification="civil", country="CY", operator=None),
        flight("ccc002-1", "LCLK", "LLBG", T0 + timedelta(days=1), type_code="A320", classification="civil"),
    ]
    return frame(rows)


def test_legs_weights_sum_to_one_per_flight(flights: pl.DataFrame) -> None:
    legs = destination_legs(flights, site_regions=REGIONS, types=TYPES)
    per = legs.group_by("flight_id").agg(pl.col("weight").sum())
    assert per.height == flights.height
    assert per["weight"].to_list() == pytest.approx([1.0] * flights.height)
    dark = legs.filter(pl.col("flight_id") == "aaa004-1").sort("rank", nulls_last=True)
    assert dark["destination"].to_list() == ["al-khadim", "benina", "unknown"]
    assert dark["weight"].to_list() == pytest.approx([0.6, 0.3, 0.1])
    assert dark["top1"].to_list() == [True, False, False]
    assert dark["dark"].all()


def test_site_level_expected_and_top1(flights: pl.DataFrame) -> None:
    t = corridors(flights, site_regions=REGIONS, types=TYPES)
    row = t.filter(pl.col("corridor") == "hmeimim->al-khadim").row(0, named=True)
    assert row["flights_expected"] == pytest.approx(3.6)
    assert row["flights_top1"] == 4
    assert row["flights_landed"] == pytest.approx(3.0)
    assert row["flights_dark_expected"] == pytest.approx(0.6)
    assert row["flights_sd"] == pytest.approx(math.sqrt(0.6 * 0.4))
    assert row["assets"] == 3
    assert row["type_codes"] == ["A124", "IL76"]
    ben = t.filter(pl.col("corridor") == "hmeimim->benina").row(0, named=True)
    assert ben["flights_expected"] == pytest.approx(1.3)
    assert ben["flights_top1"] == 1
    assert t.filter(pl.col("corridor") == "hmeimim->unknown")["flights_expected"].item() == pytest.approx(0.1)
    # total mass preserved
    assert t["flights_expected"].sum() == pytest.approx(flights.height)
    assert t["corridor"][0] == "hmeimim->al-khadim"  # sorted, largest first


def test_region_level_and_grouping(flights: pl.DataFrame) -> None:
    legs = destination_legs(flights, site_regions=REGIONS, types=TYPES)
    t = corridor_table(legs, level="region", by=["classification"])
    row = t.filter(pl.col("corridor") == "syria->eastern-libya").row(0, named=True)
    assert row["classification"] == "military"
    assert row["flights_expected"] == pytest.approx(4.9)
    assert row["flights_top1"] == 5
    civ = t.filter(pl.col("corridor") == "CY->IL").row(0, named=True)
    assert civ["classification"] == "civil" and civ["flights_expected"] == pytest.approx(2.0)
    top = top_corridor(t, classification=["military", "state"])
    assert top is not None and top["corridor"] == "syria->eastern-libya"
    by_country = corridor_table(legs, level="region", by=["country", "operator"])
    assert set(by_country["country"].to_list()) == {"RU", "CY"}


def test_per_day_and_week(flights: pl.DataFrame) -> None:
    legs = destination_legs(flights, site_regions=REGIONS, types=TYPES)
    daily = corridor_table(legs, period="day").filter(pl.col("corridor") == "hmeimim->al-khadim")
    assert daily["day"].to_list() == [
        T0.date(),
        (T0 + timedelta(days=1)).date(),
        (T0 + timedelta(days=2)).date(),
        (T0 + timedelta(days=8)).date(),
    ]
    assert daily["flights_expected"].to_list() == pytest.approx([1.0, 1.0, 0.6, 1.0])
    weekly = corridor_table(legs, period="week").filter(pl.col("corridor") == "hmeimim->al-khadim")
    assert weekly["week"].to_list() == ["2026-W10", "2026-W11"]
    assert weekly["flights_expected"].to_list() == pytest.approx([2.6, 1.0])


def test_filter_by_site_and_region(flights: pl.DataFrame) -> None:
    legs = destination_legs(flights, site_regions=REGIONS, types=TYPES)
    east = filter_legs(legs, origin="syria", destination="eastern-libya")
    assert east["weight"].sum() == pytest.approx(4.9)
    assert set(east["flight_id"].to_list()) == {"aaa001-1", "aaa001-2", "aaa002-1", "aaa003-1", "aaa004-1"}
    libya = filter_legs(legs, region="libya")  # parent region matches via the region list
    assert libya["weight"].sum() == pytest.approx(4.9)
    site = filter_legs(legs, origin="hmeimim", destination="al-khadim")
    assert site["weight"].sum() == pytest.approx(3.6)
    assert filter_legs(legs, classification="civil").height == 2


def test_empty_flights_give_empty_table() -> None:
    t = corridors(frame([flight("x-1", "hmeimim", "al-khadim", T0)]).head(0), site_regions=REGIONS, types=TYPES)
    assert t.is_empty()
    assert top_corridor(t) is None

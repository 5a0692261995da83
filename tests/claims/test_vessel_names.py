"""A ship named in Cyrillic or Arabic is looked up among the Latin names ships broadcast over AIS."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from liftwatch.claims.support import name_score, vessel_sightings
from liftwatch.store import Store

from .flights_factory import coverage_points

T0 = datetime(2024, 12, 10, tzinfo=UTC)
BROADCAST = {
    "273000001": "SPARTA IV",
    "273000002": "MYS ZHELANIYA",
    "273000003": "GENERAL SKOBELEV",
    "273000004": "URSA MAJOR",
    "273000005": "SPARTA III",
}


@pytest.mark.parametrize(
    ("claimed", "broadcast"),
    [
        ("Спарта IV", "SPARTA IV"),
        ("Спарта-4", "SPARTA IV"),
        ("Мыс Желания", "MYS ZHELANIYA"),
        ("Генерал Скобелев", "GENERAL SKOBELEV"),
        ("سبارتا 4", "SPARTA IV"),
        ("سبارتا ٤", "SPARTA IV"),  # Arabic-Indic digit
        ("جنرال سكوبيليف", "GENERAL SKOBELEV"),
    ],
)
def test_other_scripts_match_the_broadcast_name(claimed: str, broadcast: str) -> None:
    assert name_score(claimed, broadcast) >= 90


@pytest.mark.parametrize(
    ("claimed", "broadcast"),
    [
        ("Спарта IV", "SPARTA III"),  # another ship of the line
        ("Спарта", "SPARTA IV"),
        ("سبارتا 4", "SPARTA III"),
        ("سبارتا", "SPARTA"),  # four consonants and no number: too short to tell ships apart
        ("Урса Мейджор", "MYS ZHELANIYA"),
    ],
)
def test_other_ships_and_short_skeletons_do_not_match(claimed: str, broadcast: str) -> None:
    assert name_score(claimed, broadcast) < 90


def test_sightings_of_a_ship_named_in_russian_and_in_arabic(store: Store) -> None:
    for mmsi, name in BROADCAST.items():
        pts = coverage_points(34.9, 35.87, T0, 2, domain="sea", asset=mmsi).with_columns(registration=pl.lit(name))
        store.ingest_table(pts)
    found = vessel_sightings(store, ["Спарта IV", "سبارتا 4", "Мыс Желания"], None)
    assert [[m["asset_id"] for m in v["matches"]] for v in found] == [["273000001"], ["273000001"], ["273000002"]]
    assert {v["status"] for v in found} == {"supported"}

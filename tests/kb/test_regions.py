"""Regions: polygons, site groups, resolution by name in several languages, vectorised point lookup."""

from __future__ import annotations

import numpy as np
import pytest

from liftwatch import kb


@pytest.mark.parametrize(
    ("text", "rid"),
    [("Syria", "syria"), ("eastern Libya", "eastern-libya"), ("Cyrenaica", "eastern-libya"),
     ("western Libya", "western-libya"), ("Libya", "libya"), ("Russia", "russia"), ("Россия", "russia"),
     ("شرق ليبيا", "eastern-libya"), ("Libye orientale", "eastern-libya"), ("Belarus", "belarus")],
)  # fmt: skip
def test_resolve_region(text: str, rid: str) -> None:
    r = kb.resolve_region(text)
    assert r is not None and r.id == rid


def test_region_of_site_most_specific_first() -> None:
    assert kb.region_of_site("al-khadim")[:2] == ["eastern-libya", "libya"]
    assert kb.region_of_site("hmeimim")[0] == "syria"
    assert kb.region_of_site("mitiga")[:2] == ["western-libya", "libya"]
    assert "lna-held" in kb.region_of_site("al-jufra")
    assert kb.region_of_site("chkalovsky")[0] == "russia"
    # a continent after every more specific region (Moscow Oblast is a site group, after the country polygon), the
    # smaller grouping of states (eastern Europe) before it
    assert kb.region_of_site("UUEE") == ["russia", "moscow-oblast", "eastern-europe", "europe"]


def test_regions_of_points_vectorised() -> None:
    lat = np.array([35.40, 31.99, 32.47, 55.88, 53.88, 29.20, 26.99, 48.85, np.nan])
    lon = np.array([35.95, 21.19, 11.90, 38.06, 28.03, 16.00, 14.47, 2.35, 1.0])
    got = kb.regions_of_points(lat, lon).tolist()
    assert got == ["syria", "eastern-libya", "western-libya", "russia", "belarus", "central-libya",
                   "southern-libya", None, None]  # fmt: skip
    assert kb.region_of_point(35.40, 35.95) == "syria"


def test_every_curated_site_is_inside_its_polygon_region() -> None:
    df = kb.sites().filter(kb.sites()["curated"])
    regs = kb.regions()
    for row in df.iter_rows(named=True):
        region = regs.get(row["region"]) if row["region"] else None
        if region is None or not region.rings:
            continue
        assert kb.points_in_region(region.id, np.array([row["lat"]]), np.array([row["lon"]]))[0], row["site_id"]


def test_large_point_batch_is_fast() -> None:
    rng = np.random.default_rng(0)
    lat = rng.uniform(20, 60, 500_000)
    lon = rng.uniform(0, 60, 500_000)
    out = kb.regions_of_points(lat, lon)
    assert out.shape == lat.shape


@pytest.mark.parametrize(("country", "rid"), [("SY", "syria"), ("LY", "libya"), ("RU", "russia"), ("BY", "belarus")])
def test_country_polygons_agree_with_airportsdata_countries(country: str, rid: str) -> None:
    """The hand-drawn outlines put every airportsdata field of the country inside, and (almost) no other."""
    import polars as pl

    df = kb.sites().filter(~pl.col("curated"))
    inside = kb.points_in_region(rid, df["lat"].to_numpy(), df["lon"].to_numpy())
    is_country = (df["country"] == country).fill_null(False).to_numpy()
    assert (inside & is_country).sum() == is_country.sum()
    wrong = df.filter(pl.Series(inside & ~is_country))["site_id"].to_list()
    assert set(wrong) <= {"LLFK"}  # Fiq airfield, Israeli-occupied Golan Heights (Syria de jure)


def test_sites_in_region_matches_region_of_site() -> None:
    east = kb.sites_in_region("eastern-libya")
    assert {"al-khadim", "benina", "tobruk", "al-abraq", "kufra"} <= set(east)
    assert "al-jufra" not in east and "mitiga" not in east
    assert set(kb.sites_in_region("lna-held", curated_only=True)) >= {"al-jufra", "al-khadim", "brak"}
    syria = kb.sites_in_region("syria", curated_only=True)
    assert {"hmeimim", "tartus", "latakia-port"} <= set(syria)
    for sid in east[:40]:
        assert "eastern-libya" in kb.region_of_site(sid), sid

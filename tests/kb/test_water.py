"""Seas, gulfs, straits and canals: water regions that hold points, never sites, in four languages."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest

from liftwatch import kb
from liftwatch.errors import KnowledgeBaseError, PlaceError
from liftwatch.filters import FlightFilter
from liftwatch.kb.endpoints import WaterEndpointError

WATER = [r for r in kb.regions().values() if r.is_water]
regions_mod = sys.modules["liftwatch.kb.regions"]  # the module (``liftwatch.kb.regions`` is also the function)


@pytest.mark.parametrize(
    ("text", "rid"),
    [("Red Sea", "red-sea"), ("la mer Rouge", "red-sea"), ("Красное море", "red-sea"), ("البحر الأحمر", "red-sea"),
     ("Black Sea", "black-sea"), ("mer Noire", "black-sea"), ("Черное море", "black-sea"), ("البحر الأسود", "black-sea"),
     ("Baltic Sea", "baltic-sea"), ("بحر البلطيق", "baltic-sea"), ("mer Baltique", "baltic-sea"),
     ("Caspian Sea", "caspian-sea"), ("mer Caspienne", "caspian-sea"), ("Каспийское море", "caspian-sea"),
     ("Gulf of Aden", "gulf-of-aden"), ("Аденский залив", "gulf-of-aden"), ("خليج عدن", "gulf-of-aden"),
     ("Bab el-Mandeb", "bab-el-mandeb"), ("Баб-эль-Мандебский пролив", "bab-el-mandeb"),
     ("Ла-Манш", "english-channel"), ("القنال الإنجليزي", "english-channel"), ("la Manche", "english-channel"),
     ("Босфор", "bosphorus"), ("Bosphore", "bosphorus"), ("البوسفور", "bosphorus"), ("Bosporus Strait", "bosphorus"),
     ("Дарданеллы", "dardanelles"), ("черноморские проливы", "turkish-straits"), ("المضائق التركية", "turkish-straits"),
     ("détroits de la mer Noire", "turkish-straits"), ("canal de Suez", "suez-canal"), ("قناة السويس", "suez-canal"),
     ("Суэцкий канал", "suez-canal"), ("Гибралтарский пролив", "strait-of-gibraltar"),
     ("Strait of Hormuz", "strait-of-hormuz"), ("مضيق هرمز", "strait-of-hormuz"), ("الخليج العربي", "persian-gulf"),
     ("golfe Persique", "persian-gulf"), ("Sea of Azov", "sea-of-azov"), ("Азовское море", "sea-of-azov"),
     ("Финский залив", "gulf-of-finland"), ("Северное море", "north-sea"), ("mer du Nord", "north-sea"),
     ("Sea of Japan", "sea-of-japan"), ("Японское море", "sea-of-japan"), ("Yellow Sea", "yellow-sea"),
     ("East China Sea", "east-china-sea"), ("Arabian Sea", "arabian-sea"), ("Gulf of Oman", "gulf-of-oman"),
     ("Sea of Marmara", "sea-of-marmara"), ("Kerch Strait", "kerch-strait"), ("Barents Sea", "barents-sea"),
     ("Aegean Sea", "aegean-sea"), ("Mediterranean Sea", "mediterranean-sea"), ("Средиземное море", "mediterranean-sea")],
)  # fmt: skip
def test_a_water_name_in_any_language_is_its_water_region(text: str, rid: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id, ref.matched) == ("region", rid, "alias")
    assert ref.site_ids == ()  # a sea holds no site


def test_the_airport_named_after_the_sea_is_still_the_airport() -> None:
    assert kb.resolve_place("Red Sea International Airport").id == "OERS"
    assert kb.resolve_place("OERS").id == "OERS"
    assert kb.resolve_place("Port Sudan").id == "city:SD:portsudan"  # unchanged: the city of two kb sites
    assert kb.resolve_place("Gulf Shores").id == "KJKA"  # a water word inside a site's own name
    assert kb.resolve_place("Kerch").id == "UKFK"  # the town's airport, not the strait


def test_a_sea_the_kb_lacks_is_unknown_not_its_namesake_on_land() -> None:
    for text, namesake in (("Gulf of Aqaba", "OJAQ"), ("golfe de Syrte", "ghardabiya")):
        with pytest.raises(PlaceError, match="unknown") as err:
            kb.resolve_place(text)
        assert any(namesake in c for c in err.value.candidates)  # listed as a candidate, never chosen silently


def test_a_sea_that_sounds_like_a_land_region_is_not_that_region() -> None:
    # "Ross Sea" folds to the transliteration key of "Russia" once its space is gone
    with pytest.raises(PlaceError, match="unknown"):
        kb.resolve_place("Ross Sea")
    assert kb.resolve_place("Rossiya").id == "russia"


@pytest.mark.parametrize(("text", "rid"), [("Strait of Hormus", "strait-of-hormuz"), ("Баренцово море", "barents-sea")])
def test_a_misspelt_sea_lists_the_sea_first(text: str, rid: str) -> None:
    kind, pid, _, _ = kb.place_candidates(text)[0]
    assert (kind, pid) == ("region", rid)


def test_the_word_sea_brings_no_airstrip_named_shea() -> None:
    for text in ("Sea of Okhotsk", "Adriatic Sea", "Norwegian Sea", "Baltic See"):
        names = [name for _, _, name, _ in kb.place_candidates(text)]
        assert not any("Shea" in n for n in names), (text, names)


def test_every_water_region_speaks_four_languages_and_states_its_accuracy() -> None:
    assert len(WATER) >= 27
    for r in WATER:
        names = [r.name, *r.aliases]
        assert any(re.search("[а-яА-Я]", a) for a in names), r.id
        assert any(re.search("[\u0621-\u064a]", a) for a in names), r.id
        french = r"\b(?:mer|golfe|baie|détroits?|canal|Manche|Bosphore|Dardanelles|océan|route maritime|cap)\b"
        assert any(re.search(french, a) for a in names), r.id
        assert "±" in r.source or "tolerance" in r.source, r.id  # how far the ring may be off
        assert r.polygon is not None and r.kind in ("sea", "gulf", "strait", "canal", "cape")


def test_no_site_belongs_to_a_water_region() -> None:
    water = {r.id for r in WATER}
    for r in WATER:
        assert kb.sites_in_region(r.id) == []
    assert not set(kb.sites()["region"].drop_nulls().to_list()) & water
    # curated bases on islands inside the Mediterranean ring are not "in the Mediterranean"
    for sid in ("akrotiri", "souda", "sigonella", "tartus", "port-sudan-port", "sevastopol", "baltiysk"):
        assert not set(kb.region_of_site(sid)) & water, sid


@pytest.mark.parametrize(
    ("icao", "rid"),
    [("OEJN", "red-sea"), ("HSPN", "red-sea"), ("HEGN", "red-sea"), ("OERS", "red-sea"), ("OYAA", "gulf-of-aden"),
     ("HDAM", "gulf-of-aden"), ("LTFM", "black-sea"), ("URSS", "black-sea"), ("URKA", "black-sea"),
     ("UKFK", "kerch-strait"), ("LTBA", "sea-of-marmara"), ("LTBA", "bosphorus"), ("LTFJ", "sea-of-marmara"),
     ("LTBH", "dardanelles"), ("LXGB", "strait-of-gibraltar"), ("GMTT", "strait-of-gibraltar"),
     ("OIKB", "strait-of-hormuz"), ("OMDB", "persian-gulf"), ("OTHH", "persian-gulf"), ("OTBD", "persian-gulf"),
     ("OOMS", "gulf-of-oman"), ("OMFJ", "gulf-of-oman"), ("OOSA", "arabian-sea"), ("VABB", "arabian-sea"),
     ("OPKC", "arabian-sea"), ("UATE", "caspian-sea"), ("UBBB", "caspian-sea"), ("URML", "caspian-sea"),
     ("URWA", "caspian-sea"), ("LFRC", "english-channel"), ("EGHI", "english-channel"), ("LFAC", "english-channel"),
     ("EGPD", "north-sea"), ("ENZV", "north-sea"), ("EHAM", "north-sea"), ("ULLI", "gulf-of-finland"),
     ("EETN", "baltic-sea"), ("EPGD", "baltic-sea"), ("UMKK", "baltic-sea"), ("UHWW", "sea-of-japan"),
     ("RKPK", "sea-of-japan"), ("RJSN", "sea-of-japan"), ("RKSI", "yellow-sea"), ("ZSQD", "yellow-sea"),
     ("ZSPD", "east-china-sea"), ("LEMG", "mediterranean-sea"), ("LFMN", "mediterranean-sea"),
     ("LIRF", "mediterranean-sea"), ("OLBA", "mediterranean-sea"), ("LLBG", "mediterranean-sea"),
     ("HEAX", "mediterranean-sea"), ("HLLM", "mediterranean-sea"), ("hmeimim", "mediterranean-sea"),
     ("LGAV", "aegean-sea"), ("LTBJ", "aegean-sea"), ("URRR", "sea-of-azov")],
)  # fmt: skip
def test_a_coastal_airfield_on_the_mainland_lies_outside_its_sea(icao: str, rid: str) -> None:
    s = kb.site(icao)
    assert not kb.points_in_region(rid, np.array([s.lat]), np.array([s.lon]))[0]


@pytest.mark.parametrize(
    ("icao", "rid"),
    [("LICC", "mediterranean-sea"), ("LICJ", "mediterranean-sea"), ("LIEE", "mediterranean-sea"),
     ("LFKJ", "mediterranean-sea"), ("LGIR", "mediterranean-sea"), ("LCLK", "mediterranean-sea"),
     ("LEPA", "mediterranean-sea"), ("LMML", "mediterranean-sea"), ("LGRP", "aegean-sea"), ("LGMT", "aegean-sea"),
     ("EGJJ", "english-channel"), ("ESSV", "baltic-sea")],
)  # fmt: skip
def test_a_large_island_is_cut_out_of_its_sea(icao: str, rid: str) -> None:
    s = kb.site(icao)
    assert not kb.points_in_region(rid, np.array([s.lat]), np.array([s.lon]))[0]
    assert kb.regions()[rid].holes


def test_sea_points_fall_in_their_water_region() -> None:
    pts = {  # (lat, lon) in open water, far from any edge
        "red-sea": (20.0, 38.6), "gulf-of-aden": (12.6, 47.5), "black-sea": (43.0, 34.0), "bosphorus": (41.12, 29.07),
        "dardanelles": (40.2, 26.42), "sea-of-marmara": (40.75, 28.0), "suez-canal": (30.32, 32.42),
        "strait-of-hormuz": (26.5, 56.7), "persian-gulf": (27.0, 51.0), "caspian-sea": (42.0, 50.5),
        "english-channel": (50.1, -1.5), "north-sea": (56.0, 3.0), "baltic-sea": (56.0, 19.0),
        "gulf-of-finland": (59.85, 26.0), "mediterranean-sea": (35.0, 18.0), "aegean-sea": (38.0, 25.0),
        "sea-of-azov": (46.0, 36.5), "sea-of-japan": (40.0, 135.0), "yellow-sea": (35.5, 124.0),
        "east-china-sea": (29.0, 125.0), "arabian-sea": (16.0, 63.0), "gulf-of-oman": (24.8, 58.5),
        "strait-of-gibraltar": (35.95, -5.6), "bab-el-mandeb": (12.6, 43.35), "kerch-strait": (45.2, 36.65),
        "barents-sea": (72.0, 40.0),
    }  # fmt: skip
    lat = np.array([p[0] for p in pts.values()])
    lon = np.array([p[1] for p in pts.values()])
    got = kb.regions_of_points(lat, lon)
    assert list(got) == list(pts)  # the most specific water region (a strait before its sea)
    land = kb.regions_of_points(lat, lon, water=False)  # Russia's coarse outline does take in the Barents Sea
    assert not set(land) & {r.id for r in WATER}
    assert "turkish-straits" in {r for r in kb.regions() if kb.points_in_region(r, lat[3:4], lon[3:4])[0]}


def test_a_sea_is_no_flight_origin_and_the_error_says_so() -> None:
    with pytest.raises(WaterEndpointError, match=r"red-sea.*no flight or voyage origin") as err:
        kb.resolve_endpoint("la mer Rouge")
    assert isinstance(err.value, PlaceError) and err.value.region_id == "red-sea"
    with pytest.raises(PlaceError, match="bosphorus"):
        FlightFilter(origin="Босфор")
    with pytest.raises(PlaceError, match="black-sea"):
        FlightFilter.from_options(corridor="hmeimim:Black Sea")
    assert FlightFilter(origin="OERS").places()["origin"].id == "OERS"  # the airport named after the sea is fine


def test_the_loader_refuses_a_water_region_with_sites_or_an_unknown_kind(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ring = "[[30.0, 40.0], [31.0, 40.0], [31.0, 41.0], [30.0, 40.0]]"
    for body, message in (
        (f'kind = "sea"\nsites = ["hmeimim"]\npolygon = {ring}', "cannot list sites"),
        (f'kind = "lake"\npolygon = {ring}', "not one of land, sea, gulf, strait, canal"),
    ):
        path = tmp_path / "regions.toml"
        path.write_text(f'[[region]]\nid = "x"\nname = "X"\n{body}\n', encoding="utf-8")
        monkeypatch.setattr(regions_mod, "data_path", lambda _name, p=path: p)
        regions_mod.regions.cache_clear()
        try:
            with pytest.raises(KnowledgeBaseError, match=message):
                regions_mod.regions()
        finally:
            monkeypatch.undo()
            regions_mod.regions.cache_clear()


def test_the_development_corpus_keys_a_water_body_the_kb_has_by_its_region() -> None:
    """The corpus convention (a place the kb has is its kb key) holds for water: no ``unknown:<sea>`` left."""
    import tomllib

    corpus = Path(__file__).resolve().parents[1] / "data" / "articles"
    stale = []
    for path in sorted(corpus.glob("*.toml")):
        for claim in tomllib.loads(path.read_text(encoding="utf-8")).get("claim", []):
            for role in ("origin", "via", "destination", "possible_destination"):
                for key in claim.get(role, []):
                    if not key.startswith("unknown:"):
                        continue
                    try:
                        ref = kb.resolve_place(key.split(":", 1)[1])
                    except PlaceError:
                        continue
                    if ref.kind == "region" and ref.matched == "alias" and kb.regions()[ref.id].is_water:
                        stale.append((path.name, key, ref.id))
    assert not stale, stale

"""The oceans, the Danish straits and the seas of the wider reporting: named in four languages, holding points
(a ship's AIS position) and never an airfield, their islands cut out."""

from __future__ import annotations

import numpy as np
import pytest

from liftwatch import kb
from liftwatch.kb.endpoints import WaterEndpointError

NEW = (
    "atlantic-ocean", "indian-ocean", "bay-of-biscay", "norwegian-sea", "skagerrak", "kattegat", "great-belt",
    "oresund", "gulf-of-guinea", "south-china-sea", "sea-of-okhotsk", "philippine-sea", "adriatic-sea",
    "ionian-sea", "tyrrhenian-sea", "strait-of-sicily", "levantine-sea",
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "rid"),
    [("Atlantic Ocean", "atlantic-ocean"), ("l'Atlantique", "atlantic-ocean"), ("Атлантическом океане", "atlantic-ocean"),
     ("المحيط الأطلسي", "atlantic-ocean"), ("Indian Ocean", "indian-ocean"), ("océan Indien", "indian-ocean"),
     ("Индийского океана", "indian-ocean"), ("المحيط الهندي", "indian-ocean"), ("Adriatic Sea", "adriatic-sea"),
     ("mer Adriatique", "adriatic-sea"), ("Адриатическом море", "adriatic-sea"), ("البحر الأدرياتيكي", "adriatic-sea"),
     ("Ionian Sea", "ionian-sea"), ("Ионическое море", "ionian-sea"), ("Tyrrhenian Sea", "tyrrhenian-sea"),
     ("mer Tyrrhénienne", "tyrrhenian-sea"), ("Norwegian Sea", "norwegian-sea"), ("Норвежском море", "norwegian-sea"),
     ("Great Belt", "great-belt"), ("Большой Бельт", "great-belt"), ("Grand Belt", "great-belt"),
     ("Øresund", "oresund"), ("пролив Эресунн", "oresund"), ("Kattegat", "kattegat"), ("Скагеррак", "skagerrak"),
     ("Gulf of Guinea", "gulf-of-guinea"), ("golfe de Guinée", "gulf-of-guinea"), ("خليج غينيا", "gulf-of-guinea"),
     ("South China Sea", "south-china-sea"), ("Южно-Китайском море", "south-china-sea"),
     ("بحر الصين الجنوبي", "south-china-sea"), ("Sea of Okhotsk", "sea-of-okhotsk"), ("Охотского моря", "sea-of-okhotsk"),
     ("Philippine Sea", "philippine-sea"), ("mer des Philippines", "philippine-sea"),
     ("Strait of Sicily", "strait-of-sicily"), ("canal de Sicile", "strait-of-sicily"), ("Bay of Biscay", "bay-of-biscay"),
     ("golfe de Gascogne", "bay-of-biscay"), ("Бискайском заливе", "bay-of-biscay"), ("Levantine Sea", "levantine-sea")],
)  # fmt: skip
def test_a_new_water_name_in_any_language_is_its_region(text: str, rid: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id, ref.matched) == ("region", rid, "alias")
    assert ref.site_ids == ()


def test_the_danish_straits_are_passages_and_the_oceans_are_not() -> None:
    regions = kb.regions()
    assert all(regions[r].is_passage for r in ("skagerrak", "kattegat", "great-belt", "oresund", "strait-of-sicily"))
    assert not regions["atlantic-ocean"].is_passage and regions["atlantic-ocean"].is_water


@pytest.mark.parametrize(
    "rid", ["atlantic-ocean", "indian-ocean", "gulf-of-guinea", "south-china-sea", "philippine-sea"]
)
def test_an_ocean_ring_holds_no_airfield_its_islands_are_cut_out(rid: str) -> None:
    s = kb.sites()
    inside = kb.points_in_region(rid, s["lat"].to_numpy(), s["lon"].to_numpy())
    assert not inside.any(), s.filter(inside)["site_id"].to_list()
    assert kb.regions()[rid].holes


@pytest.mark.parametrize(
    "icao",
    ["LPAZ", "LPMA", "GCLP", "GVAC", "TXKF", "FHAW", "FJDG", "FIMP", "FMEE", "FSIA", "VRMM", "FMMI", "FPST", "FGSL"],
)
def test_an_island_airfield_is_in_no_ocean(icao: str) -> None:
    s = kb.site(icao)
    got = kb.regions_of_points(np.array([s.lat]), np.array([s.lon]))[0]
    assert got is None or not kb.regions()[got].is_water, (icao, got)


@pytest.mark.parametrize(
    ("icao", "rid"),
    [("LPPT", "atlantic-ocean"), ("GOBD", "atlantic-ocean"), ("KJFK", "atlantic-ocean"), ("SBRJ", "atlantic-ocean"),
     ("FACT", "atlantic-ocean"), ("EINN", "atlantic-ocean"), ("FAOR", "indian-ocean"), ("HKMO", "indian-ocean"),
     ("HCMM", "indian-ocean"), ("YPPH", "indian-ocean"), ("LFBZ", "bay-of-biscay"), ("LEAS", "bay-of-biscay"),
     ("ENBO", "norwegian-sea"), ("ENTC", "norwegian-sea"), ("EKCH", "oresund"), ("ESMS", "oresund"),
     ("ENCN", "skagerrak"), ("DNMM", "gulf-of-guinea"), ("DGAA", "gulf-of-guinea"), ("FOOL", "gulf-of-guinea"),
     ("VHHH", "south-china-sea"), ("WSSS", "south-china-sea"), ("RPLL", "south-china-sea"), ("UHOO", "sea-of-okhotsk"),
     ("UHMM", "sea-of-okhotsk"), ("RJCW", "sea-of-okhotsk"), ("RCKH", "philippine-sea"), ("ROAH", "philippine-sea"),
     ("LDSP", "adriatic-sea"), ("LIBP", "adriatic-sea"), ("LGKR", "ionian-sea"), ("LIRN", "tyrrhenian-sea"),
     ("LICT", "strait-of-sicily"), ("DTTA", "strait-of-sicily"), ("OLBA", "levantine-sea"), ("LLBG", "levantine-sea")],
)  # fmt: skip
def test_a_coastal_airfield_lies_outside_the_new_water(icao: str, rid: str) -> None:
    s = kb.site(icao)
    assert not kb.points_in_region(rid, np.array([s.lat]), np.array([s.lon]))[0]


def test_open_water_falls_in_its_new_region() -> None:
    pts = {  # (lat, lon) in open water, far from any edge
        "atlantic-ocean": (30.0, -40.0), "indian-ocean": (-20.0, 80.0), "bay-of-biscay": (45.5, -4.0),
        "norwegian-sea": (67.0, 3.0), "skagerrak": (58.0, 9.5), "kattegat": (57.0, 11.5), "great-belt": (55.5, 11.0),
        "oresund": (55.75, 12.8), "gulf-of-guinea": (3.0, 2.0), "south-china-sea": (12.0, 114.0),
        "sea-of-okhotsk": (55.0, 148.0), "philippine-sea": (20.0, 130.0), "adriatic-sea": (43.0, 15.5),
        "ionian-sea": (38.0, 19.0), "tyrrhenian-sea": (40.0, 12.0), "strait-of-sicily": (37.4, 11.8),
        "levantine-sea": (33.5, 32.0),
    }  # fmt: skip
    got = kb.regions_of_points(np.array([p[0] for p in pts.values()]), np.array([p[1] for p in pts.values()]))
    assert list(got) == list(pts)
    assert set(NEW) == set(pts)


def test_an_ocean_is_no_voyage_endpoint() -> None:
    with pytest.raises(WaterEndpointError, match="atlantic-ocean"):
        kb.resolve_endpoint("l'océan Atlantique")

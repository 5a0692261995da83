"""The places held-out set 26's notes named: Iran's enrichment sites at Fordow and Natanz and the Severnaya Zemlya
archipelago (land regions: no airfield or port), HM Naval Base Portsmouth (a ship's Portsmouth, not the US city),
Hawaii and Novosibirsk Oblast (site groups), the Pacific Ocean (a water region either side of the 180th meridian);
names the kb had not reached (Gillot and base aérienne 181, Tontouta, Naypyidaw, Thiruvananthapuram, Saragosse,
Cocos Island, La Réunion, the Istanbul Straits). Invented phrases, one or more per place and script.
"""

from __future__ import annotations

import numpy as np
import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb.endpoints import WaterEndpointError


@pytest.mark.parametrize(
    ("text", "rid"),
    [("Fordow", "fordow"), ("Fordo", "fordow"), ("Fordow Fuel Enrichment Plant", "fordow"),
     ("site nucléaire de Fordo", "fordow"), ("Фордо", "fordow"), ("ядерный объект в Фордо", "fordow"),
     ("فوردو", "fordow"), ("منشأة فوردو النووية", "fordow"),
     ("Natanz", "natanz"), ("Natanz nuclear facility", "natanz"), ("site de Natanz", "natanz"), ("Натанз", "natanz"),
     ("ядерный объект в Натанзе", "natanz"), ("نطنز", "natanz"), ("منشأة نطنز", "natanz"),
     ("Severnaya Zemlya", "severnaya-zemlya"), ("Северная Земля", "severnaya-zemlya"),
     ("архипелаг Северная Земля", "severnaya-zemlya"), ("Terre du Nord", "severnaya-zemlya")],
)  # fmt: skip
def test_a_land_place_with_no_airfield_or_port_is_its_region(text: str, rid: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == ("region", rid)
    assert not kb.regions()[rid].is_water


@pytest.mark.parametrize("rid", ["fordow", "natanz"])
def test_an_enrichment_site_holds_no_airfield(rid: str) -> None:
    assert kb.resolve_place(rid).site_ids == ()
    assert kb.sites_in_region(rid) == []


@pytest.mark.parametrize(
    ("lat", "lon", "rid"),
    [(34.885, 50.996, "fordow"), (33.717, 51.717, "natanz"), (79.5, 97.25, "severnaya-zemlya"),
     (81.2, 95.7, "severnaya-zemlya")],
)  # fmt: skip
def test_the_plant_or_the_islands_fall_in_their_region(lat: float, lon: float, rid: str) -> None:
    assert kb.regions_of_points(np.array([lat]), np.array([lon]))[0] == rid


@pytest.mark.parametrize(
    ("lat", "lon"), [(34.64, 50.88), (33.507, 51.914), (77.72, 104.3)]
)  # Qom, the town of Natanz 33 km from its plant, Cape Chelyuskin on the mainland
def test_the_towns_beside_them_do_not(lat: float, lon: float) -> None:
    assert kb.regions_of_points(np.array([lat]), np.array([lon]))[0] not in {"fordow", "natanz", "severnaya-zemlya"}


@pytest.mark.parametrize(
    "text",
    ["HMNB Portsmouth", "Portsmouth Naval Base", "His Majesty's Naval Base Portsmouth", "base navale de Portsmouth",
     "ВМБ Портсмут", "военно-морская база Портсмут", "قاعدة بورتسموث البحرية"],
)  # fmt: skip
def test_portsmouths_naval_base_by_its_names(text: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == ("site", "portsmouth-naval-base")
    base = kb.site("portsmouth-naval-base")
    assert (base.kind, base.country) == ("naval_base", "GB")


def test_a_ships_portsmouth_is_the_base_an_aircrafts_the_us_field() -> None:
    """The airport table's 'Portsmouth' is a US city (Pease); the English city has no airfield, only the base."""
    assert kb.resolve_place("Portsmouth", carrier="sea").id == "portsmouth-naval-base"
    assert kb.resolve_place("Портсмут", carrier="sea").id == "portsmouth-naval-base"
    assert kb.resolve_place("بورتسموث", carrier="sea").id == "portsmouth-naval-base"
    assert kb.resolve_place("Portsmouth", carrier="air").id == "KPSM"


def test_portsmouth_without_a_carrier_names_both() -> None:
    with pytest.raises(PlaceError) as err:
        kb.resolve_place("Portsmouth")
    assert "ambiguous" in str(err.value) and "portsmouth-naval-base" in str(err.value)


def test_the_base_is_no_airfield() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("HMNB Portsmouth", carrier="air")


@pytest.mark.parametrize(
    ("text", "rid", "members"),
    [("Hawaii", "hawaii", {"PHNL", "hickam", "PHNG", "PHTO"}), ("Hawaï", "hawaii", {"PHNL"}),
     ("îles Hawaï", "hawaii", {"PHNL"}), ("Гавайи", "hawaii", {"PHNL"}), ("Гавайских островах", "hawaii", {"PHNL"}),
     ("هاواي", "hawaii", {"PHNL"}), ("ولاية هاواي", "hawaii", {"hickam"}),
     ("Новосибирская область", "novosibirsk-oblast", {"UNNT", "UNCC", "UNNE"}),
     ("Новосибирской области", "novosibirsk-oblast", {"UNNT"}),
     ("Novosibirsk region", "novosibirsk-oblast", {"UNNT"}), ("منطقة نوفوسيبيرسك", "novosibirsk-oblast", {"UNNT"})],
)  # fmt: skip
def test_a_state_or_oblast_is_its_site_group(text: str, rid: str, members: set[str]) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == ("region", rid)
    assert members <= set(ref.site_ids)


def test_the_city_keeps_its_bare_name() -> None:
    ref = kb.resolve_place("Новосибирск")
    assert (ref.kind, set(ref.site_ids)) == ("city", {"UNNT", "UNCC", "UNNE"})
    assert "Hawaii Island" not in kb.regions()["hawaii"].aliases  # the Big Island is one island of the state


@pytest.mark.parametrize(
    "text",
    ["Pacific Ocean", "the Pacific Ocean", "South Pacific", "océan Pacifique", "l'océan Pacifique", "Тихий океан",
     "Тихом океане", "Тихого океана", "المحيط الهادئ", "المحيط الهادي"],
)  # fmt: skip
def test_the_pacific_in_any_language_is_its_water_region(text: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id, ref.site_ids) == ("region", "pacific-ocean", ())
    assert kb.regions()["pacific-ocean"].is_water and not kb.regions()["pacific-ocean"].is_passage


@pytest.mark.parametrize("text", ["Pacific Fleet", "Indo-Pacifique"])
def test_a_fleet_or_a_strategic_area_is_not_the_ocean(text: str) -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place(text)


def test_the_pacific_is_no_voyage_end() -> None:
    with pytest.raises(WaterEndpointError):
        kb.resolve_endpoint("Pacific Ocean")


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(30.0, -150.0), (30.0, 170.0), (10.0, 179.99), (10.0, -179.99), (-40.0, 179.9), (-40.0, -179.9),
     (0.0, -120.0), (-30.0, -100.0), (40.0, 160.0)],
)  # fmt: skip
def test_open_water_either_side_of_the_180th_meridian_is_the_pacific(lat: float, lon: float) -> None:
    assert kb.regions_of_points(np.array([lat]), np.array([lon]))[0] == "pacific-ocean"


@pytest.mark.parametrize(
    ("lat", "lon", "rid"), [(15.0, 130.0, "philippine-sea"), (55.0, -175.0, "bering-sea"), (35.0, 135.0, None)]
)  # fmt: skip
def test_a_marginal_sea_or_the_land_beside_it_is_no_pacific(lat: float, lon: float, rid: str | None) -> None:
    assert kb.regions_of_points(np.array([lat]), np.array([lon]))[0] == rid


def test_the_pacific_holds_no_airfield_its_islands_are_cut_out() -> None:
    s = kb.sites()
    inside = kb.points_in_region("pacific-ocean", s["lat"].to_numpy(), s["lon"].to_numpy())
    assert not inside.any(), s.filter(inside)["site_id"].to_list()
    for sid in ("PHNL", "hickam", "PGUM", "PGUA", "NTAA", "NFFN", "SEGS", "SCIP", "PMDY", "PWAK"):
        assert "pacific-ocean" not in kb.region_of_site(sid)  # island fields: a water region never holds a site
        s1 = kb.site(sid)
        assert kb.regions_of_points(np.array([s1.lat]), np.array([s1.lon]))[0] != "pacific-ocean"


@pytest.mark.parametrize(
    ("text", "site_id"),
    [("Gillot", "FMEE"), ("aéroport de Gillot", "FMEE"), ("Base aérienne 181", "FMEE"), ("BA 181", "FMEE"),
     ("Roland-Garros", "FMEE"), ("Tontouta", "NWWW"), ("La Tontouta", "NWWW"), ("base aérienne 186", "NWWW"),
     ("Nay Pyi Taw", "VYEL"), ("Naypyitaw", "VYEL"), ("Нейпьидо", "VYEL"), ("Thiruvananthapuram", "VOTV"),
     ("Тируванантапурам", "VOTV"), ("Saragosse", "LEZG"), ("Сарагоса", "LEZG"), ("سرقسطة", "LEZG"),
     ("Cocos Island", "YPCC"), ("îles Cocos", "YPCC")],
)  # fmt: skip
def test_names_the_kb_had_not_reached(text: str, site_id: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == site_id


@pytest.mark.parametrize(("text", "kind", "pid"), [("La Réunion", "country", "country:RE"),
                                                   ("l'île de La Réunion", "country", "country:RE"),
                                                   ("Istanbul Straits", "region", "bosphorus")])  # fmt: skip
def test_a_territory_or_strait_by_its_other_names(text: str, kind: str, pid: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == (kind, pid)

"""The places held-out set 29's notes named: the Taiwan Strait as a water region; "mer d'Oman", French's other name of
the Arabian Sea; the Russian case forms of the Bab-el-Mandeb; the names reporting gives Hindon air force station,
Vladivostok's airport (Knevichi), Seoul Air Base (Seongnam) and Fua'amotu (Tongatapu); "بطرسبورغ" alone for St
Petersburg; and a Danish "ø" folded to "o" (Korsør's harbour). Invented phrases, one or more per place and script.
"""

from __future__ import annotations

import numpy as np
import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb._text import norm_key
from liftwatch.kb.regions import points_in_region, region_of_point
from liftwatch.kb.sites import airportsdata_rows


@pytest.mark.parametrize(
    "text",
    ["Taiwan Strait", "Strait of Taiwan", "Formosa Strait", "détroit de Taiwan", "détroit de Taïwan",
     "Тайваньский пролив", "Тайваньского пролива", "Тайваньском проливе", "مضيق تايوان"],
)  # fmt: skip
def test_the_taiwan_strait_in_four_languages(text: str) -> None:
    ref = kb.resolve_place(text, carrier="sea")
    assert (ref.kind, ref.id) == ("region", "taiwan-strait")
    assert kb.regions()["taiwan-strait"].is_water


@pytest.mark.parametrize(
    ("lat", "lon", "rid"),
    [(24.4, 119.5, "taiwan-strait"),  # mid-strait between Xiamen and Taichung
     (25.0, 120.3, "taiwan-strait"),  # off Hsinchu
     (24.15, 120.67, None),  # Taichung, on land
     (24.48, 118.09, None)],  # Xiamen, on land
)  # fmt: skip
def test_points_fall_in_the_strait_they_lie_in(lat: float, lon: float, rid: str | None) -> None:
    assert region_of_point(lat, lon) == rid


def test_no_airfield_lies_in_the_strait() -> None:
    """Penghu's three airfields are cut out, Kinmen's lies outside the ring."""
    table = airportsdata_rows()
    lat = np.array([a["lat"] for a in table.values()])
    lon = np.array([a["lon"] for a in table.values()])
    assert not points_in_region("taiwan-strait", lat, lon).any()


@pytest.mark.parametrize(
    ("text", "rid"),
    [("mer d'Oman", "arabian-sea"), ("mer d'Arabie", "arabian-sea"),
     ("golfe d'Oman", "gulf-of-oman"), ("Gulf of Oman", "gulf-of-oman"), ("Оманский залив", "gulf-of-oman")],
)  # fmt: skip
def test_french_mer_d_oman_is_the_arabian_sea(text: str, rid: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == rid


@pytest.mark.parametrize(
    "text", ["Баб-эль-Мандебского пролива", "Баб-эль-Мандебском проливе", "пролива Баб-эль-Мандеб"]
)
def test_bab_el_mandeb_declined_in_russian(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "bab-el-mandeb"


@pytest.mark.parametrize(
    ("text", "sid"),
    [("Hindan", "VIDX"), ("Hindon Air Force Station", "VIDX"), ("авиабаза Хиндон", "VIDX"),
     ("Кневичи", "UHWW"), ("аэропорт Кневичи", "UHWW"), ("Knevichi", "UHWW"),
     ("Seongnam", "RKSM"), ("Seongnam Air Base", "RKSM"), ("Соннам", "RKSM"),
     ("Tongatapu", "NFTF"), ("Fua'amotu", "NFTF"), ("Тонгатапу", "NFTF"),
     ("مطار رفيق الحريري الدولي", "OLBA")],
)  # fmt: skip
def test_airfields_by_the_names_reporting_gives(text: str, sid: str) -> None:
    ref = kb.resolve_place(text, carrier="air")
    assert (ref.kind, ref.id) == ("site", sid)


def test_seoul_stays_the_city() -> None:
    """Seoul Air Base's new names do not make the bare city name its own: "Seoul" is the city's airfields."""
    for text in ("Seoul", "Сеул", "Séoul"):
        assert kb.resolve_place(text, carrier="air").id == "city:KR:seoul"
    with pytest.raises(PlaceError):
        kb.resolve_place("سيول", carrier="air")  # also "floods" in Arabic: no place


@pytest.mark.parametrize("text", ["بطرسبورغ", "بطرسبرغ", "سان بطرسبورغ"])
def test_petersburg_alone_in_arabic(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "st-petersburg-port"
    assert kb.resolve_place(text, carrier="air").id == "city:RU:stpetersburg"


def test_o_slash_folds_to_o() -> None:
    assert norm_key("Korsør") == norm_key("Korsor")
    assert norm_key("Łódź") == "lodz"
    assert kb.resolve_place("Korsør", carrier="sea").id == kb.resolve_place("Korsor", carrier="sea").id
    assert kb.resolve_place("Bodø", carrier="air").id == "ENBO"

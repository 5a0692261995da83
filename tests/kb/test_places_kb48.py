"""Names the kb did not reach or read wrongly in reporting on Oman, Tunisia, Malta, Iraq, Lebanon, Crete,
Kyrgyzstan, Azerbaijan, the Philippines, Sulawesi, New York, Rio, Baltimore, Virginia and the Kola coast: Arabic
names of towns and airports (Sohar, Djerba, Valletta, Erbil, Selaata), Russian ones (Khabarovsk, Osh, Lankaran, JFK,
Rio de Janeiro), ports by their English, Russian and Arabic names (Heraklion, Canton Pier, Naval Weapons Station
Yorktown, Ostrovnoy/Gremikha), the French forces' "bande sahélo-saharienne", and two Arabic phrasings of a town's
field: "the airport of the city of X" and "X's military base"."""

from __future__ import annotations

from typing import Literal

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError

Carrier = Literal["air", "sea"] | None


@pytest.mark.parametrize(("text", "carrier", "key"), [("صحار", "air", "OOSH"), ("مطار صحار", "air", "OOSH"),
                                                      ("صحار", "sea", "wpi-48257"), ("ميناء صحار", "sea", "wpi-48257")])  # fmt: skip
def test_sohar_in_arabic_is_its_airport_for_a_flight_and_its_port_for_a_ship(
    text: str, carrier: Carrier, key: str
) -> None:
    assert kb.resolve_place(text, carrier=carrier).id == key


@pytest.mark.parametrize("text", ["جربة", "جربة جرجيس", "مطار جربة جرجيس الدولي", "aéroport de Djerba-Zarzis"])
def test_djerba_zarzis_by_its_arabic_and_french_names(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "DTTJ"


@pytest.mark.parametrize(("text", "carrier", "key"), [("لافاليتا", "air", "LMML"), ("مطار لافاليتا", "air", "LMML"),
                                                      ("لافاليتا", "sea", "valletta-port")])  # fmt: skip
def test_la_valletta_in_arabic_is_luqa_for_a_flight_and_grand_harbour_for_a_ship(
    text: str, carrier: Carrier, key: str
) -> None:
    assert kb.resolve_place(text, carrier=carrier).id == key


@pytest.mark.parametrize("text", ["أربيل", "اربيل", "مطار أربيل", "مطار أربيل الدولي", "Эрбиль"])
def test_erbil_in_arabic_and_russian_is_its_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "ORER"


@pytest.mark.parametrize("text", ["سلعاتا", "مرفأ سلعاتا", "ميناء سلعاتا"])
def test_selaata_in_arabic_is_its_harbour_for_a_ship(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-45027"


@pytest.mark.parametrize("text", ["Хабаровск", "Хабаровске"])
def test_khabarovsk_in_russian_is_the_city_of_three_fields(text: str) -> None:
    ref = kb.resolve_place(text, carrier="air")
    assert ref.id == "city:RU:khabarovsk"
    assert ref.matched == "alias"
    assert {"UHHH", "UHHT"} <= set(ref.site_ids)


@pytest.mark.parametrize(("text", "field"), [("Ош", "UCFO"), ("Ленкорань", "UBBL"), ("Лянкяран", "UBBL"),
                                             ("аэропорт имени Джона Кеннеди", "KJFK"), ("Tacloban", "RPVA"),
                                             ("Palu", "WAML"), ("Mutiara SIS Al-Jufri", "WAML")])  # fmt: skip
def test_towns_and_airports_by_the_names_the_press_gives_them(text: str, field: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == field


def test_kennedy_alone_is_no_airport() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("Кеннеди", carrier="air")


@pytest.mark.parametrize(("text", "key"), [("Рио-де-Жанейро", "wpi-12920"), ("Tacloban", "wpi-58690"),
                                           ("Heraklion", "wpi-43130"), ("port of Heraklion", "wpi-43130"),
                                           ("Ираклион", "wpi-43130"), ("Canton Pier", "wpi-8210"),
                                           ("Naval Weapons Station Yorktown", "wpi-8250"), ("NWS Yorktown", "wpi-8250"),
                                           ("Gremikha", "wpi-62910"), ("посёлок Островной", "wpi-62910")])  # fmt: skip
def test_harbours_by_the_names_the_press_gives_them(text: str, key: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == key


def test_an_aircrafts_heraklion_stays_its_airport() -> None:
    assert kb.resolve_place("Heraklion", carrier="air").id == "LGIR"


def test_rio_de_janeiro_in_russian_is_the_city_of_its_fields_for_a_flight() -> None:
    assert kb.resolve_place("Рио-де-Жанейро", carrier="air").id == "city:BR:riodejaneiro"


def test_the_sahelo_saharan_strip_is_the_sahel() -> None:
    assert kb.resolve_place("la bande sahélo-saharienne").id == "sahel"


def test_the_russian_adjective_insular_is_no_place_without_a_carrier() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("Островной")


@pytest.mark.parametrize(("text", "key"), [("مطار مدينة حلب", "OSAP"), ("مطار مدينة القامشلي", "qamishli"),
                                           ("مطار مدينة أضنة", "LTAF")])  # fmt: skip
def test_the_airport_of_the_city_of_a_town_is_the_towns_airport(text: str, key: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == key


@pytest.mark.parametrize(("text", "carrier", "key"), [("قاعدة حميميم العسكرية", "air", "hmeimim"),
                                                      ("قاعدة بنغازي العسكرية", "air", "benina"),
                                                      ("قاعدة طبرق العسكرية", "air", "tobruk"),
                                                      ("قاعدة بنغازي العسكرية", "sea", "benghazi-port")])  # fmt: skip
def test_an_arabic_military_base_named_by_its_town_is_read_as_the_english_military_base(
    text: str, carrier: Carrier, key: str
) -> None:
    assert kb.resolve_place(text, carrier=carrier).id == key

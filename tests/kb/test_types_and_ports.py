"""Aircraft types of the wider reporting (tankers, strategic transports, helicopters, bombers) with their
aliases, a city's port for a voyage in four languages, and the small alias gaps (Basel, Muwaffaq Salti in
Arabic, Afriqiyah alone)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from liftwatch import kb
from liftwatch.claims.extract import extract
from liftwatch.claims.known_operators import known_operators
from liftwatch.claims.types import find_types
from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb.types import AIRCRAFT_CATEGORIES


def test_every_type_row_is_valid_and_cites_its_source() -> None:
    df = kb.aircraft_types()
    assert df.height >= 70
    for code in ("C5M", "K35R", "R135", "KC46", "DC10", "MD11", "B748", "B762", "B763", "A310", "E390", "C27J", "C295",
                 "CN35", "Y20", "Y9", "A225", "V22", "H47", "MI8", "MI24", "MI26", "E3TF", "P8", "F16", "TU95", "T160",
                 "TU22", "SU57", "MG31", "IL38"):  # fmt: skip
        row = kb.aircraft_type(code)
        assert row is not None and row["category"] in AIRCRAFT_CATEGORIES and row["source"], code
    # the tankers are military-only types, as the "tanker aircraft" class expects; the MRTT stays an A332
    df = kb.aircraft_types()
    tankers = df.filter(df["type_code"].is_in(["K35R", "KC46", "IL78"]))
    assert set(tankers["category"].to_list()) == {"military_other"}
    assert "MRTT" in df.filter(df["type_code"] == "A332")["aliases"].to_list()[0]


@pytest.mark.parametrize(
    ("text", "code"),
    [("a KC-135R Stratotanker", "K35R"), ("самолёт-заправщик Стратотанкер", "K35R"), ("un C-135FR", "K35R"),
     ("an RC-135 Rivet Joint", "R135"), ("the RAF Voyager", "A332"), ("un A330 MRTT Phénix", "A332"),
     ("a KC-30A tanker", "A332"), ("the KC-10 Extender", "DC10"), ("a Boeing 747-8F", "B748"), ("a Boeing 747-400F", "B744"),
     ("a Boeing 767-300F", "B763"), ("a KC-767", "B762"), ("an A310 MRTT", "A310"), ("the KC-46A", "KC46"),
     ("a C-5M Super Galaxy", "C5M"), ("six Y-20 transports", "Y20"), ("طائرة واي-20", "Y20"), ("KC-390", "E390"),
     ("a C-27J", "C27J"), ("CASA C-295", "C295"), ("CN-235", "CN35"), ("An-225 Mriya", "A225"), ("«Мрия»", "A225"),
     ("MV-22B Ospreys", "V22"), ("a CH-47 Chinook", "H47"), ("Ми-8 и Ми-17", "MI8"), ("Mi-171Sh", "MI8"),
     ("مروحية مي-17", "MI8"), ("Ми-24", "MI24"), ("Mi-26", "MI26"), ("an E-3 Sentry", "E3TF"), ("P-8A Poseidon", "P8"),
     ("F-16 jets", "F16"), ("Ту-95МС", "TU95"), ("Tu-160", "T160"), ("Ту-22М3", "TU22"), ("Su-57", "SU57"),
     ("МиГ-31К", "MG31"), ("an Il-38N", "IL38"), ("Ту-214", "T204"), ("MD-11F", "MD11")],
)  # fmt: skip
def test_a_type_is_found_by_its_designation_or_alias(text: str, code: str) -> None:
    assert [k.type_code for _, _, k in find_types(text)][:1] == [code]


@pytest.mark.parametrize("text", ["с 5 по 7 марта", "с 17 по 20 марта", "с 27 марта", "от 16 до 20", "Pegasus spyware"])
def test_a_date_or_a_common_word_is_no_type(text: str) -> None:
    assert find_types(text) == []


def test_a_duplicate_alias_is_a_load_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    types_mod = sys.modules["liftwatch.kb.types"]
    src = types_mod.data_path("aircraft_types.csv").read_text(encoding="utf-8")
    bad = tmp_path / "aircraft_types.csv"
    bad.write_text(src.replace("Stratotanker|Stratotankers|", "Stratotanker|Stratotanker|"), encoding="utf-8")
    monkeypatch.setattr(types_mod, "data_path", lambda _name: bad)
    monkeypatch.setattr(types_mod, "read_csv", lambda _name: __import__("csv").DictReader(bad.open(encoding="utf-8")))
    types_mod.aircraft_types.cache_clear()
    try:
        with pytest.raises(KnowledgeBaseError, match="duplicate alias"):
            types_mod.aircraft_types()
    finally:
        monkeypatch.undo()
        types_mod.aircraft_types.cache_clear()


@pytest.mark.parametrize(
    ("text", "port"),
    [("Mogadishu", "mogadishu-port"), ("Могадишо", "mogadishu-port"), ("مقديشو", "mogadishu-port"),
     ("Qingdao", "qingdao-port"), ("Циндао", "qingdao-port"), ("Port Said", "port-said-port"),
     ("Порт-Саид", "port-said-port"), ("بورسعيد", "port-said-port"), ("Tartus", "tartus"), ("Benghazi", "benghazi-port"),
     ("Bandar Abbas", "shahid-rajaee-port")],
)  # fmt: skip
def test_port_of_gives_the_port_a_city_name_means_at_sea(text: str, port: str) -> None:
    ref = kb.port_of(text)
    assert ref is not None and ref.id == port
    assert kb.site(ref.id).kind in ("port", "naval_base")


def test_port_of_takes_no_port_by_distance_alone_and_none_for_a_country() -> None:
    assert kb.port_of("Moscow") is None  # no kb port carries the name
    assert kb.port_of("Cairo") is None
    assert kb.port_of("Djibouti") is None  # the country, which holds both its ports already
    assert kb.port_of("Qingdao", max_km=20.0) is None  # 38 km from Jiaodong airport
    assert kb.port_of("no such place at all") is None


@pytest.mark.parametrize(
    ("text", "port"),
    [("The Russian cargo ship Sparta IV arrived in Qingdao on 3 May.", "qingdao-port"),
     ("Le cargo Sparta IV a accosté à Qingdao le 3 mai.", "qingdao-port"),
     ("Судно Sparta IV прибыло в Циндао 3 мая.", "qingdao-port"),
     ("رست السفينة سبارتا 4 في بورسعيد في 3 مايو.", "port-said-port"),
     ("The ship Sparta IV arrived in Mogadishu on 3 May.", "mogadishu-port"),
     ("Судно Sparta IV вошло в Порт-Саид 3 мая.", "port-said-port")],
)  # fmt: skip
def test_a_ship_bound_for_a_city_is_bound_for_its_port(text: str, port: str) -> None:
    claims = extract(text, date(2024, 5, 10), use_model=False).claims
    assert claims and claims[0].domain == "sea"
    assert [p.id for p in claims[0].destination] == [port]


def test_a_flight_to_the_same_city_keeps_the_airport() -> None:
    claims = extract("An Il-76 landed in Qingdao on 3 May.", date(2024, 5, 10), use_model=False).claims
    assert [p.id for p in claims[0].destination] == ["ZSQD"]


@pytest.mark.parametrize("text", ["Basel", "Bâle", "Базель", "بازل"])
def test_basel_is_euroairport(text: str) -> None:
    assert kb.resolve_place(text).id == "LFSB"


@pytest.mark.parametrize(
    "text", ["قاعدة موفق السلطي الجوية", "موفق السلطي", "Муваффак ас-Салти", "base aérienne Muwaffaq Salti"]
)
def test_muwaffaq_salti_in_arabic_russian_and_french(text: str) -> None:
    assert kb.resolve_place(text).id == "OJ40"


@pytest.mark.parametrize("text", ["an Afriqiyah A320", "الخطوط الجوية الأفريقية", "рейс Африкия"])
def test_afriqiyah_alone_names_the_airline(text: str) -> None:
    assert [name for _, _, name in known_operators(text)] == ["Afriqiyah Airways"]

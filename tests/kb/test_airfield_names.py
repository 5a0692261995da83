"""Names of airportsdata fields in other languages, added without curating the field."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest

from liftwatch import kb
from liftwatch.errors import KnowledgeBaseError

# the module, not the function ``kb.sites`` the package exports under the same name
sites_mod = importlib.import_module("liftwatch.kb.sites")


@pytest.mark.parametrize(
    ("text", "icao"),
    [
        ("مطار رفيق الحريري الدولي", "OLBA"),
        ("аэропорт имени Рафика Харири", "OLBA"),
        ("aéroport Rafic-Hariri", "OLBA"),
        ("مطار أسن بوغا", "LTAC"),
        ("Эсенбога", "LTAC"),
        ("aéroport d'Esenboğa", "LTAC"),
        ("مطار أبو ظبي الدولي", "OMAA"),
        ("аэропорт Абу-Даби", "OMAA"),
        ("aéroport international d'Abou Dabi", "OMAA"),
    ],
)
def test_a_listed_name_reaches_its_field(text: str, icao: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == ("site", icao)


def test_naming_a_field_does_not_curate_it() -> None:
    # a curated field weighs twice as much as a dark flight's candidate destination: names alone must not
    for icao in ("OLBA", "LTAC"):
        site = kb.site(icao)
        assert not site.curated
        assert site.source.startswith("airportsdata")
    olba = kb.site("OLBA")
    assert olba.aliases[:2] == ["Beirut Rafic Hariri International Airport", "Beirut"]
    assert "مطار رفيق الحريري الدولي" in olba.aliases


def test_every_listed_field_is_an_uncurated_airportsdata_row() -> None:
    curated = set(kb.sites().filter(kb.sites()["curated"])["icao"].drop_nulls().to_list())
    named = sites_mod.airfield_names()
    assert named
    assert not set(named) & curated
    assert set(named) <= set(sites_mod.airportsdata_rows())


@pytest.fixture
def fake_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, str]]]:
    rows: list[dict[str, str]] = []

    def read(name: str) -> list[dict[str, str]]:
        assert name == "airfield_names.csv"
        return rows

    monkeypatch.setattr(sites_mod, "read_csv", read)
    sites_mod.airfield_names.cache_clear()
    yield rows
    sites_mod.airfield_names.cache_clear()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"icao": "XXXX", "names": "Nowhere", "source": "s"}], "not an airportsdata ICAO code"),
        ([{"icao": "OLBA", "names": " | ", "source": "s"}], "no names for OLBA"),
        (
            [{"icao": "OLBA", "names": "a", "source": "s"}, {"icao": "OLBA", "names": "b", "source": "s"}],
            "OLBA listed twice",
        ),
    ],
)
def test_a_bad_row_is_an_error_naming_it(
    fake_table: list[dict[str, str]], rows: list[dict[str, str]], message: str
) -> None:
    fake_table.extend(rows)
    with pytest.raises(KnowledgeBaseError, match=message):
        sites_mod.airfield_names()


def test_a_curated_field_cannot_be_named_here(fake_table: list[dict[str, str]]) -> None:
    fake_table.append({"icao": "OLBA", "names": "Beyrouth", "source": "s"})
    with pytest.raises(KnowledgeBaseError, match="put the names in the curated row"):
        sites_mod._airportsdata_frame({"OLBA"})


@pytest.mark.parametrize(
    ("text", "icao"),
    [
        ("قاعدة عبد الله المبارك الجوية", "OKKK"),
        ("Abdullah Al-Mubarak Air Base", "OKKK"),
        ("قاعدة الشهيد محمد علاء الجوية", "ORBI"),
        ("Shahid Muhammad Alaa Air Base", "ORBI"),
    ],
)
def test_an_air_force_base_on_an_airports_runways_is_that_field(text: str, icao: str) -> None:
    # named on the airport, not a curated row of its own: the field's weight as a dark flight's destination stays
    assert kb.resolve_place(text).id == icao
    assert not kb.site(icao).curated


@pytest.mark.parametrize("text", ["أبو ظبي", "Абу-Даби", "Abu Dhabi"])
def test_an_airports_name_leaves_the_bare_city_the_city(text: str) -> None:
    # the airport's names carry the city's: the bare city must stay the city (its port for a ship, its airfield
    # only when the text says airport), as it was before the airport was named
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == ("city", "city:AE:abudhabi")

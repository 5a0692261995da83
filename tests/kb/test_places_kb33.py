"""The places set 30's notes left open: Sudan's Darfur and Kordofan, Mozambique's Cabo Delgado province and Belarus's
Grodno region as site groups of the fields the airport table files under them, and the Hellenic Navy's Salamis naval
base. Invented phrases, one or more per place and script.
"""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError


@pytest.mark.parametrize(
    ("text", "group", "field"),
    [("Darfur", "darfur", "HSFS"), ("le Darfour", "darfur", "HSNN"), ("Дарфур", "darfur", "HSGN"),
     ("إقليم دارفور", "darfur", "HSZA"), ("Kordofan", "kordofan", "HSOB"), ("le Kordofan", "kordofan", "HSLI"),
     ("Кордофан", "kordofan", "HSNH"), ("كردفان", "kordofan", "HSOB"),
     ("Cabo Delgado", "cabo-delgado", "FQPB"), ("Cabo Delgado province", "cabo-delgado", "FQMP"),
     ("province du Cabo Delgado", "cabo-delgado", "FQMD"), ("Кабу-Делгаду", "cabo-delgado", "FQPB"),
     ("كابو ديلغادو", "cabo-delgado", "FQPB"), ("Гродненская область", "grodno-region", "UMMG"),
     ("Гродненской области", "grodno-region", "UMDD"), ("Grodno region", "grodno-region", "UMMR"),
     ("région de Grodno", "grodno-region", "UMMG"), ("منطقة غرودنو", "grodno-region", "UMMG")],
)  # fmt: skip
def test_a_region_named_for_its_fields_is_their_site_group(text: str, group: str, field: str) -> None:
    ref = kb.resolve_place(text, carrier="air")
    assert (ref.kind, ref.id) == ("region", group)
    assert field in ref.site_ids


def test_a_groups_towns_stay_their_own_airports() -> None:
    assert kb.resolve_place("Grodno", carrier="air").id == "UMMG"
    assert kb.resolve_place("El Fasher", carrier="air").id == "HSFS"
    assert kb.resolve_place("Lida", carrier="air").id == "UMDD"


def test_grodno_region_is_in_belarus_and_not_mogilevs() -> None:
    assert {"grodno-region", "belarus"} <= set(kb.region_of_site("UMDD"))
    assert "grodno-region" not in kb.region_of_site("UMOO")


@pytest.mark.parametrize(
    "text",
    ["Salamis Naval Base", "Salamis naval station", "base navale de Salamine", "военно-морская база Саламин",
     "قاعدة سالاميس البحرية"],
)  # fmt: skip
def test_the_salamis_naval_base(text: str) -> None:
    ref = kb.resolve_place(text, carrier="sea")
    assert (ref.kind, ref.id) == ("site", "salamis-naval-base")
    site = kb.site("salamis-naval-base")
    assert site.kind == "naval_base" and site.country == "GR"


def test_salamis_is_no_airfield() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("Salamis", carrier="air")

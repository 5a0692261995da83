"""The places held-out set 23's notes named: the ports of Safaga and Visakhapatnam, the Arabic name of Oran's port for
a ship, and the premises of the aircraft maker TUSAŞ, which lie within Mürted air base. Invented phrases, one or more
per place and script.
"""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError

PORTS = {"safaga-port": "EG", "visakhapatnam-port": "IN"}


@pytest.mark.parametrize(
    ("text", "carrier", "site_id"),
    [("port of Safaga", None, "safaga-port"), ("Port Safaga", None, "safaga-port"), ("Safaga", None, "safaga-port"),
     ("Safaga", "sea", "safaga-port"), ("Bur Safaga", None, "safaga-port"), ("port de Safaga", None, "safaga-port"),
     ("ميناء سفاجا", None, "safaga-port"), ("سفاجا", "sea", "safaga-port"), ("Сафага", "sea", "safaga-port"),
     ("порт Сафага", None, "safaga-port"),
     ("Port of Visakhapatnam", None, "visakhapatnam-port"), ("Visakhapatnam port", None, "visakhapatnam-port"),
     ("Vizag port", None, "visakhapatnam-port"), ("port de Visakhapatnam", None, "visakhapatnam-port"),
     ("ميناء فيساخاباتنام", None, "visakhapatnam-port"), ("порт Вишакхапатнам", None, "visakhapatnam-port"),
     ("Visakhapatnam", "sea", "visakhapatnam-port"), ("Вишакхапатнам", "sea", "visakhapatnam-port"),
     ("فيساخاباتنام", "sea", "visakhapatnam-port"), ("Vizag", "sea", "visakhapatnam-port")],
)  # fmt: skip
def test_kb25_ports(text: str, carrier: str | None, site_id: str) -> None:
    ref = kb.resolve_place(text, carrier=carrier)  # type: ignore[arg-type]
    assert (ref.kind, ref.id) == ("site", site_id)


def test_the_new_ports_have_the_kind_and_country_they_need() -> None:
    assert {sid: (kb.site(sid).kind, kb.site(sid).country) for sid in PORTS} == {
        sid: ("port", cc) for sid, cc in PORTS.items()
    }


def test_safaga_lies_on_egypts_red_sea_coast_south_of_hurghada() -> None:
    """The town's point, checked against Hurghada's airport 55 km north (a longitude west of Greenwich, as one copy
    of the coordinates prints it, would put it in the Atlantic)."""
    safaga, hurghada = kb.site("safaga-port"), kb.site("HEGN")
    assert 0.3 < hurghada.lat - safaga.lat < 0.6
    assert abs(hurghada.lon - safaga.lon) < 0.3


@pytest.mark.parametrize("text", ["Visakhapatnam", "Вишакхапатнам", "Vizag", "فيساخاباتنام"])
def test_visakhapatnams_bare_name_or_an_aircrafts_stays_its_airport(text: str) -> None:
    """The port is a ship's reading of the city; without a carrier or for an aircraft the city is its airport, like
    Gabès and Iskenderun ("Вишакхапатнам" had reached nothing: the airport table files VOVZ in Latin only)."""
    assert kb.resolve_place(text).id == "VOVZ"
    assert kb.resolve_place(text, carrier="air").id == "VOVZ"
    assert kb.resolve_place("port of Visakhapatnam", carrier="air").id == "VOVZ"


@pytest.mark.parametrize("text", ["Safaga", "Сафага", "سفاجا"])
def test_safaga_has_no_airfield_for_an_aircraft(text: str) -> None:
    with pytest.raises(PlaceError, match="carrier air"):
        kb.resolve_place(text, carrier="air")


@pytest.mark.parametrize(("text", "carrier"), [("وهران", "sea"), ("ميناء وهران", None), ("ميناء وهران", "sea")])
def test_a_ships_oran_in_arabic_is_its_port(text: str, carrier: str | None) -> None:
    """The port of Oran (kb23) in Arabic, bare for a ship or as "ميناء وهران"; an aircraft's is Es Senia."""
    assert kb.resolve_place(text, carrier=carrier).id == "oran-port"  # type: ignore[arg-type]
    assert kb.resolve_place("وهران", carrier="air").id == "DAOO"


@pytest.mark.parametrize(
    "text", ["TUSAS", "TUSAŞ", "installations de TUSAS", "TUSAS facilities", "توساش", "предприятие TUSAŞ"]
)
def test_tusas_premises_are_murted_air_base(text: str) -> None:
    """The maker's premises at Kahramankazan lie within Mürted's bounds and have no runway of their own: an aircraft
    leaving them uses the base's."""
    assert kb.resolve_place(text, carrier="air").id == "LTAE"


def test_tusas_is_no_port() -> None:
    with pytest.raises(PlaceError, match="carrier sea"):
        kb.resolve_place("TUSAS", carrier="sea")

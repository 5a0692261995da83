"""The ports of Beirut and Ashdod and the Nevatim air base resolve by the names reporting uses, and a ship's
"Beirut" is the port.

Before these rows a ship that docked in Beirut could only be at Rafic Hariri airport, "Ashdod", "Ашдод" and
"أسدود" were unknown (the nearest spelling was a strip in Arkansas), and so were TASS's "Набатим" and the
Arabic press's "نيفاطيم" for Nevatim.
"""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.kb import resolve_place
from liftwatch.sea.portcalls import port_sites

from .distances import km, km_to


@pytest.mark.parametrize(
    ("text", "site_id"),
    [("Port of Beirut", "beirut-port"), ("port de Beyrouth", "beirut-port"), ("مرفأ بيروت", "beirut-port"),
     ("ميناء بيروت", "beirut-port"), ("порт Бейрута", "beirut-port"),
     ("Ashdod", "ashdod-port"), ("Port of Ashdod", "ashdod-port"), ("port d'Ashdod", "ashdod-port"),
     ("أسدود", "ashdod-port"), ("ميناء أسدود", "ashdod-port"), ("Ашдод", "ashdod-port"), ("порт Ашдода", "ashdod-port"),
     ("Nevatim", "LLNV"), ("Набатим", "LLNV"), ("Неватим", "LLNV"), ("نيفاطيم", "LLNV"), ("قاعدة نيفاتيم", "LLNV"),
     ("base aérienne de Nevatim", "LLNV")],
)  # fmt: skip
def test_port_names_resolve_to_the_port(text: str, site_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("site", site_id)


@pytest.mark.parametrize("text", ["Beirut", "Beyrouth", "بيروت", "Бейрут"])
def test_bare_beirut_is_the_airport_and_a_ships_beirut_is_the_port(text: str) -> None:
    assert resolve_place(text).id == "OLBA"
    ported = kb.port_of(text)
    assert ported is not None and ported.id == "beirut-port"


def test_the_ports_lie_where_their_second_source_puts_them() -> None:
    assert km_to("beirut-port", 33 + 54 / 60, 35 + 31 / 60) < 1.5  # the terminal operator's 33 54'N 35 31'E
    assert 6.0 < km("beirut-port", "OLBA") < 12.0  # the airport is 8 km south
    assert (kb.site("beirut-port").country, kb.site("ashdod-port").country) == ("LB", "IL")
    assert {"beirut-port", "ashdod-port"} <= set(port_sites()["site_id"].to_list())

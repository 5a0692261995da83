"""A ship's harbour the kb curates no port for reaches the World Port Index tier; an aircraft's place does not."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims import check, extract
from liftwatch.store import Store
from tests.claims.conftest import real_kb_gazetteer
from tests.claims.flights_factory import T0, flight, flights_table


@pytest.fixture(scope="module", autouse=True)
def _kb() -> None:
    real_kb_gazetteer()


def _ends(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    return [([p.id for p in c.origin or []], [p.id for p in c.destination or []]) for c in extract(text).claims]


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("The Russian frigate Admiral Grigorovich arrived in Haifa on 3 May 2024.", [], ["wpi-45080"]),
        ("The cargo ship Sparta IV left Duqm on 3 May 2024.", ["wpi-48235"], []),
        ("Сухогруз «Спарта IV» вошёл в Феодосию 3 мая 2024 года.", [], ["wpi-43850"]),
        ("La frégate Karel Doorman a fait escale à Souda le 3 mai 2024.", [], ["wpi-43100"]),
    ],
)
def test_a_ships_port_from_the_index(text: str, origin: list[str], destination: list[str]) -> None:
    assert _ends(text) == [(origin, destination)]


def test_an_aircrafts_haifa_is_its_airport() -> None:
    assert _ends("A Russian Il-76 landed in Haifa on 3 May 2024.") == [([], ["LLHA"])]


def test_a_voyage_ending_at_an_index_port_is_an_arrival_there(store: Store) -> None:
    # the voyage carries no index id (port calls are named at curated ports only): its last point, moored at
    # Haifa's harbour, is what shows the arrival; a voyage that ends off Cyprus does not
    gaz = real_kb_gazetteer()
    text = "The Russian cargo ship Sparta IV arrived in Haifa on 10 December 2024."
    ex = extract(text, date(2024, 12, 11), gazetteer=gaz)
    claims = ex.claims
    assert [p.id for p in claims[0].destination] == ["wpi-45080"]
    lat, lon = gaz.site_latlon(["wpi-45080"])
    assert (lat.round(2).tolist(), lon.round(2).tolist()) == ([32.82], [35.0])
    at_haifa = flight("273311620", "tartus", None, T0, domain="sea", type_code=None, ending="data_end", hours=30)
    at_haifa.update(last_lat=32.82, last_lon=35.01, last_alt_ft=None)
    off_cyprus = flight("273311621", "tartus", None, T0, domain="sea", type_code=None, ending="data_end", hours=30)
    off_cyprus.update(last_lat=34.6, last_lon=33.1, last_alt_ft=None)
    store.write_flights(flights_table([at_haifa, off_cyprus]))
    r = check(ex, store, gazetteer=gaz)[0]
    probs = dict(zip(r.flights["asset_id"].to_list(), r.flights["dest_prob"].to_list(), strict=True))
    assert probs.get("273311620") == 1.0
    assert probs.get("273311621", 0.0) == 0.0

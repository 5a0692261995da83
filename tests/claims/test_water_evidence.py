"""Seas and straits in a claim checked against the ships' own positions (the kb's water regions)."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest

from liftwatch.claims import NO_EVIDENCE, PARTLY, SUPPORTED, check, extract
from liftwatch.claims.evidence import ClaimResult
from liftwatch.claims.places import Gazetteer
from liftwatch.claims.water_evidence import water_ids
from liftwatch.store import Store
from tests.claims.conftest import real_kb_gazetteer
from tests.claims.flights_factory import T0, flight, flights_table

PUB = date(2024, 12, 18)
TEXT = "The Russian cargo ship Sparta IV sailed from Novorossiysk through the Bosphorus to Tartus on 10 December 2024."
MMSI = "273311620"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return real_kb_gazetteer()


def _track(points: list[tuple[float, float]], *, asset: str = MMSI, hours: float = 2.0) -> pl.DataFrame:
    """A ship's positions, ``hours`` apart from T0."""
    n = len(points)
    return pl.DataFrame(
        {
            "source": ["test"] * n,
            "domain": ["sea"] * n,
            "asset_id": [asset] * n,
            "ts": [T0 + timedelta(hours=hours * i) for i in range(n)],
            "lat": [a for a, _ in points],
            "lon": [o for _, o in points],
        }
    )


def _voyage(store: Store) -> None:
    store.write_flights(
        flights_table(
            [
                flight(
                    MMSI, "novorossiysk", "tartus", T0, domain="sea", type_code=None, hours=90, registration="SPARTA IV"
                )
            ]
        )
    )


def _check(store: Store, gaz: Gazetteer, text: str = TEXT) -> ClaimResult:
    ex = extract(text, PUB, gazetteer=gaz)
    assert len(ex.claims) == 1, [c.summary() for c in ex.claims]
    assert water_ids(ex.claims[0].via) == ["bosphorus"]
    return check(ex, store, gazetteer=gaz)[0]


BLACK_SEA = (43.5, 35.0)
BOSPHORUS = (41.12, 29.06)  # mid-strait, off Sariyer
AEGEAN = (38.5, 25.5)


def test_a_voyage_with_a_position_in_the_strait_passed_it(store: Store, gaz: Gazetteer) -> None:
    store.ingest_table(_track([BLACK_SEA, BOSPHORUS, AEGEAN]))
    _voyage(store)
    r = _check(store, gaz)
    assert r.verdict == SUPPORTED, r.reasons
    assert [c.level for c in r.coverage if c.place.startswith("Bosphorus")] == ["sparse"]


def test_a_voyage_never_seen_in_the_strait_only_partly_matches(store: Store, gaz: Gazetteer) -> None:
    store.ingest_table(_track([BLACK_SEA, AEGEAN]))  # no fix in the strait: the passage is not seen
    _voyage(store)
    r = _check(store, gaz)
    assert r.verdict == PARTLY, r.reasons
    assert r.flights["why"].to_list() == ["no position in the claimed passage or sea seen"]


def test_a_strait_without_positions_is_not_covered(store: Store, gaz: Gazetteer) -> None:
    store.ingest_table(_track([BLACK_SEA], asset="273000001"))  # another ship, far from the strait
    r = _check(store, gaz)
    assert r.verdict == NO_EVIDENCE
    assert [c.level for c in r.coverage if c.place.startswith("Bosphorus")] == ["none"]

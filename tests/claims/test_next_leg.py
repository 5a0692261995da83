"""A leg that starts where another ended (``claims.merge``): "sent from Syria to Hmeimim" and "left Hmeimim" are two
legs, whether or not the first tells its origin; one movement told twice from the same start stays one. Invented
sentences (other carriers, places and days than the gold corpus).
"""

from __future__ import annotations

from tests.claims.conftest import place_ids, shape_extract


def test_a_leg_from_where_the_first_ended_is_its_own_claim() -> None:
    claims = shape_extract("Russia sent an Il-76 from Syria to Hmeimim. The Il-76 left Hmeimim on Monday.").claims
    assert len(claims) == 2, [c.summary() for c in claims]
    first, second = claims
    assert "hmeimim" in place_ids(first.destination) and "hmeimim" not in place_ids(first.origin)
    assert "hmeimim" in place_ids(second.origin) and not second.destination


def test_one_departure_told_twice_stays_one() -> None:
    claims = shape_extract("An Il-76 left Hmeimim for Benghazi. The Il-76 left Hmeimim on Monday.").claims
    assert len(claims) == 1, [c.summary() for c in claims]

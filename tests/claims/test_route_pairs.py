"""A route written as two names joined by a dash (``claims.route_pairs``, ``claims.routes``): the first name the
origin, the last the destination, with the route noun before or after. Invented sentences."""

from __future__ import annotations

import pytest

from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "text",
    [
        "Two cargo planes flew the Minsk-Damascus route on 3 May.",
        "The Il-76 was operating a Minsk–Damascus flight on 3 May.",
        "L'avion a effectué le vol Minsk-Damas le 3 mai.",
        "Самолёты выполняли рейсы Минск — Дамаск 3 мая.",
    ],
)
def test_a_dashed_pair_beside_a_route_noun_is_origin_and_destination(text: str) -> None:
    claims = shape_extract(text).claims
    assert len(claims) == 1, claims
    assert place_ids(claims[0].destination) == {"damascus"}
    assert claims[0].origin


def test_a_hyphenated_name_stays_one_place() -> None:
    claims = shape_extract("The tanker sailed on the Ust-Luga route on 3 May.").claims
    assert all(len(c.origin) + len(c.destination) <= 1 for c in claims)

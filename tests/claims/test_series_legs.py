"""One sentence telling several movements (``claims.paired_routes``): routes told one after the other, each from its
own origin to its own goal, are one claim each. Invented sentences (other carriers, places and numbers than the gold
corpus).
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    ("text", "goals"),
    [
        (
            "Two Il-76 cargo planes flew from Cairo to Tripoli and from Cairo to Benghazi on Monday.",
            {"tripoli-intl", "benina"},
        ),
        ("Un avion militaire a volé de Niamey vers Bamako et de Niamey vers Abidjan.", {"bamako", "DIAP"}),
        ("Два самолёта Ил-76 вылетели из Москвы в Минск и из Москвы в Брест.", {"minsk-national", "UMBB"}),
        ("أقلعت طائرة من القاهرة إلى طرابلس، وطائرة أخرى من القاهرة إلى بنغازي.", {"tripoli-intl", "benina"}),
    ],
)
def test_each_route_is_a_claim_of_its_own(text: str, goals: set[str]) -> None:
    claims = shape_extract(text).claims
    ends = [place_ids(c.destination) for c in claims]
    assert len(claims) == 2, [c.summary() for c in claims]
    assert {g for e in ends for g in e} == goals, [c.summary() for c in claims]
    assert all(len(e) == 1 for e in ends), [c.summary() for c in claims]


def test_each_route_keeps_its_origin() -> None:
    claims = shape_extract("A C-130 flew from Amman to Beirut and from Cairo to Damascus.").claims
    routes = {frozenset(place_ids(c.destination)): place_ids(c.origin) for c in claims}
    assert len(routes) == 2, [c.summary() for c in claims]
    origins = sorted(sorted(o) for o in routes.values())
    assert len({o[0] for o in origins}) == 2, [c.summary() for c in claims]


def test_carriers_as_many_as_routes_are_one_each() -> None:
    claims = shape_extract("Two Il-76 cargo planes flew from Cairo to Tripoli and from Cairo to Benghazi.").claims
    assert [(c.min_count, c.max_count) for c in claims] == [(1, 1), (1, 1)], [c.summary() for c in claims]


def test_the_same_route_told_twice_stays_one_claim() -> None:
    claims = shape_extract("The Il-76 flew from Cairo to Tripoli and from Cairo to Tripoli again.").claims
    assert len(claims) == 1, [c.summary() for c in claims]


def test_a_route_then_a_further_goal_is_not_two_routes() -> None:
    claims = shape_extract("The Il-76 flew from Cairo to Tripoli and then to Benghazi.").claims
    from_cairo = [c for c in claims if "HECA" in place_ids(c.origin)]
    assert len(from_cairo) == 1, [c.summary() for c in claims]

"""Kinds counted one after the other, each with places of its own (``claims.parallel_kinds``): one claim per kind,
each with its figure and its leg; kinds told on one route stay as they were. Invented sentences (other carriers,
places and numbers than the gold corpus).
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    ("text", "legs"),
    [
        (
            "Russia sent three Il-76 to Bangui and two An-124 to Bamako on Monday.",
            {("Il-76", 3): ("destination", "bangui"), ("An-124", 2): ("destination", "bamako")},
        ),
        (
            "La France a envoyé trois A400M vers Niamey et deux C-130 vers Abidjan.",
            {("A400M", 3): ("destination", "DRRN"), ("C-130", 2): ("destination", "DIAP")},
        ),
    ],
)
def test_each_counted_kind_keeps_its_own_leg(text: str, legs: dict[tuple[str, int], tuple[str, str]]) -> None:
    claims = shape_extract(text).claims
    got = {(c.assets[0].label, c.min_count): c for c in claims if len(c.assets) == 1}
    assert set(got) == set(legs), [c.summary() for c in claims]
    for key, (role, place) in legs.items():
        c = got[key]
        assert c.max_count == key[1]
        assert place in place_ids(getattr(c, role)), c.summary()
        others = {p for k, (_, p) in legs.items() if k != key}
        assert not others & place_ids(c.origin + c.destination + c.via), c.summary()


def test_a_place_before_the_kinds_is_shared() -> None:
    claims = shape_extract("From Hmeimim, Russia flew two Il-76 to Bangui and one An-124 to Bamako.").claims
    parts = [c for c in claims if len(c.assets) == 1 and c.min_count in (1, 2)]
    assert len(parts) == 2, [c.summary() for c in claims]
    assert all("hmeimim" in place_ids(c.origin) for c in parts), [c.summary() for c in parts]


def test_kinds_on_one_route_are_not_split_by_it() -> None:
    # the place follows the last kind only: both kinds fly to it, one claim (or a make-up), not parallel legs
    claims = shape_extract("Two Il-76 and three An-124 landed in Bangui on Monday.").claims
    assert all("bangui" in place_ids(c.destination) for c in claims), [c.summary() for c in claims]

"""Extraction never fails on odd input, and stays fast on a long article."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch.claims import extract
from liftwatch.claims.places import Gazetteer
from tests.claims import fakekb

_GAZ = Gazetteer(fakekb)
WORDS = [
    "Russian", "Il-76", "cargo", "planes", "flew", "from", "to", "via", "Hmeimim", "Khmeimim", "Al-Khadem",
    "Tobruk", "Sparta II", "left", "for", "between", "and", "in", "eastern Libya", "bases controlled by Haftar",
    "last week", "on 12 December", "since early December", "12/13/2024", "Хмеймим", "الخادم", "в", "Ливию",
    "at least", "six", "multiple flights", ".", ",", "\n", "Wadi Qirbazan", "the", "S-400", "transponders off",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.booleans())
def test_word_salad_never_raises(words: list[str], dated: bool) -> None:
    ex = extract(" ".join(words), date(2024, 12, 20) if dated else None, gazetteer=_GAZ)
    for c in ex.claims:
        # every claim says where, or, when its only place was a name of no place, who or what moved
        assert c.origin or c.destination or c.via or c.possible or c.assets or c.actor
        if c.window:
            assert c.window[0] <= c.window[1]
        c.to_dict()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    extract(text, gazetteer=_GAZ).to_dict()


def test_a_claim_whose_only_place_names_a_people_keeps_its_carrier() -> None:
    # found by the word salad above: the run after "from" is a people, not a place, and is dropped from the claim
    ex = extract("from Russian Russian multiple flights", None, gazetteer=_GAZ)
    assert [(c.origin, c.destination, c.via, [a.label for a in c.assets]) for c in ex.claims] == [
        ([], [], [], ["aircraft"])
    ]


def test_long_article_is_fast() -> None:
    para = (
        "Russian cargo planes have been making multiple flights from Hmeimim to the Al-Khadim air base in "
        "eastern Libya since early December, according to flight-tracking data. "
    )
    text = "Published: 2024-12-20\n" + "\n".join(para * 5 for _ in range(40))  # ~200 sentences
    # a guard against super-linear blow-ups (one sentence against every other), not a speed claim: CPU time,
    # so a loaded machine does not fail it, with room for slow runners (it takes well under a second)
    t0 = time.process_time()
    ex = extract(text, gazetteer=_GAZ)
    assert time.process_time() - t0 < 15.0
    assert len(ex.claims) == 1 and len(ex.claims[0].sentences) == 1  # identical sentences merge


def test_every_city_anchor_is_a_site_of_the_test_kb() -> None:
    """ "بطرسبورغ" (St Petersburg) reached the anchor ULLI, which this stand-in kb lacked: StopIteration."""
    from liftwatch.claims.place_names import CITY_ANCHORS
    from tests.claims.fakekb import site

    for anchor in set(CITY_ANCHORS.values()):
        assert site(anchor).site_id == anchor
    extract("Two Il-76 flew from بطرسبورغ and Москва to Hmeimim.", gazetteer=_GAZ).to_dict()

"""Movements whose places were found but never read as a movement: the Arabic masculine past of "anchor" written
with its final alif maqsura ("رسى"), where a carrier told moving is now ("and is now in the port of X"), and the
English participle "taking off from".
Sentences written for these tests.
"""

from __future__ import annotations

import re
from datetime import date

from liftwatch.claims.cues import MOVE
from liftwatch.claims.extract import extract

PUB = date(2025, 6, 12)


def _goals(text: str) -> list[list[str]]:
    return [[p.id or p.text for p in c.destination] for c in extract(text, PUB, use_model=False).claims]


def test_anchored_with_alif_maqsura_is_a_word_of_motion() -> None:
    assert re.search(MOVE, "رسى الطراد الروسي في الميناء") is not None


def test_anchored_with_alif_maqsura_at_a_port_after_bi_is_the_goal() -> None:
    assert ["alexandria-port"] in _goals('رسى الطراد الروسي "موسكفا" بميناء الإسكندرية يوم الاثنين.')


def test_anchored_with_alif_maqsura_and_conjunction_in_a_port_is_the_goal() -> None:
    assert ["tartus-port"] in _goals('ورسى الطراد الروسي "موسكفا" في ميناء طرطوس صباح الجمعة.')


def test_now_in_a_port_after_leaving_is_the_goal() -> None:
    assert ["latakia-port"] in _goals(
        "The bulk carrier Zarya Volgi left Sevastopol and is now in the Syrian port of Latakia."
    )


def test_currently_at_a_port_after_sailing_is_the_goal() -> None:
    assert ["alexandria-port"] in _goals(
        "Two Russian frigates sailed from Baltiysk and are currently at the port of Alexandria."
    )


def test_taking_off_from_a_base_is_a_word_of_motion() -> None:
    assert re.search(MOVE, "a patrol aircraft, taking off from the base at dawn") is not None


def test_taking_off_from_a_base_gives_the_origin() -> None:
    claims = extract(
        "A US Navy P-8A Poseidon, taking off from Sigonella, patrolled off the coast of Libya on Monday.",
        PUB,
        use_model=False,
    ).claims
    assert [[p.id for p in c.origin] for c in claims] == [["sigonella"]]

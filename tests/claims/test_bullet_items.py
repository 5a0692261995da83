"""Items of a bulleted list under a sentence of movement ending on a colon move by that sentence's verb; a bullet
under any other line, or a paragraph after the list, does not. Texts written for these tests.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.bullet_items import listed_under_movement
from liftwatch.claims.extract import extract

PUB = date(2025, 1, 10)

LIST = """Russian transport aircraft kept flying to the airfields of Belarus in December:

  • 3 Il-76 to Baranavichy airfield.
  • One An-12 to Lida airfield.

Officials gave no reason for the flights.
"""


def test_each_bullet_under_a_movement_is_a_movement_of_its_own() -> None:
    claims = extract(LIST, PUB, use_model=False).claims
    got = sorted((c.assets[0].label, c.min_count) for c in claims if c.destination and c.assets)
    assert ("Il-76", 3) in got and ("An-12", 1) in got, got


def test_a_bullet_is_listed_only_under_a_lead_sentence_of_movement_ending_on_a_colon() -> None:
    first = LIST.index("3 Il-76") - 4
    second = LIST.index("One An-12") - 4
    after = LIST.index("Officials")
    assert listed_under_movement(LIST, first)
    assert listed_under_movement(LIST, second)  # a bullet after a bullet: still under the lead sentence
    assert not listed_under_movement(LIST, after)  # the paragraph after the list


def test_a_bullet_under_a_line_that_tells_no_movement_is_not_listed() -> None:
    text = "Key findings of the report:\n  • 3 Il-76 to Baranavichy airfield.\n"
    assert not listed_under_movement(text, text.index("  •"))
    text = "Russian aircraft flew to Belarus in December.\n  • 3 Il-76 to Baranavichy airfield.\n"
    assert not listed_under_movement(text, text.index("  •"))  # no colon: the bullet is no item of that sentence

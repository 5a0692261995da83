"""`kb.lookup_asset`: a word of an ICAO address's length that is no hex number is refused naming the forms, not
answered "nothing known" as if it were a valid address."""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import InvalidValueError


@pytest.mark.parametrize(
    ("word", "field", "value"),
    [
        ("15A0E1", "asset_id", "15a0e1"),
        ("273451230", "asset_id", "273451230"),
        ("ra-78830", "registration", "RA-78830"),
        ("N123AB", "registration", "N123AB"),
        ("rff7654", "callsign", "RFF7654"),
    ],
)
def test_identify_names_the_field_a_word_fills(word: str, field: str, value: str) -> None:
    assert kb.identify(word) == {field: value}


@pytest.mark.parametrize("word", ["zzzzzz", "15a0eg", " qwerty "])
def test_six_characters_that_are_no_hex_number_and_nothing_known_are_malformed(word: str) -> None:
    with pytest.raises(kb.MalformedIdentifierError) as caught:
        kb.lookup_asset(word)
    assert isinstance(caught.value, InvalidValueError)
    message = str(caught.value)
    assert f"{word.strip()!r} is not a well-formed ICAO 24-bit address" in message
    assert "6 hex digits" in message and "9 digits" in message and "registration with its dash" in message


def test_a_known_six_character_callsign_and_an_unknown_hex_address_are_still_looked_up() -> None:
    assert kb.lookup_asset("AFL123").classification.classification == "civil"  # an airline's callsign
    assert kb.lookup_asset("zzzzzz", registration="RA-78817").known  # a registration beside it says something
    unheard = kb.lookup_asset("abcdef")
    assert unheard.identifier == "abcdef" and unheard.classification.country is not None  # a well-formed address
    assert not kb.lookup_asset("qqqq").known  # not an address's length: a callsign nobody knows

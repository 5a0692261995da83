"""A site named by its town's possessive ("Mogadishu's international airport") is the town's site of that kind: the
kind's words alone match some other field's alias, and a town's possessive is no other town ("Tripoli's" is not
Tripolis in Greece). A name whose possessive is its own ("St John's International Airport") is read as written."""

from __future__ import annotations

import pytest

import liftwatch.kb as kb


@pytest.mark.parametrize(
    ("text", "carrier", "expected"),
    [
        ("Mogadishu's international airport", "air", "HCMM"),  # had been Charleston's "International Airport"
        ("Mogadishu's international airport", None, "HCMM"),
        ("Tripoli's international airport", "air", "tripoli-intl"),  # had been Tripolis Airport, Greece
        ("Tripoli’s port", "sea", "tripoli-port"),
        ("Benghazi's airport", "air", "benina"),
        ("St John's International Airport", "air", "CYYT"),  # the possessive is the field's own name
        ("St. John's airport", None, "CYYT"),
    ],
)
def test_a_towns_possessive_names_its_site(text: str, carrier: str | None, expected: str) -> None:
    assert kb.resolve_place(text, carrier).id == expected  # type: ignore[arg-type]

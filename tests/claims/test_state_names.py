"""States named by their form of government ("from the Kingdom of Morocco", "le Sultanat de Brunei", "إلى دولة
تشاد") and by their dotted initials ("from the U.S. to ..."): one place, the state, never the form word or the first
letter alone; the initials before a name or a noun qualify it ("U.S. officials") and name no place. Sentences
written fresh."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from tests.claims.conftest import place_ids

MON = date(2023, 5, 15)


def _ends(text: str) -> tuple[set[str], set[str]]:
    ex = extract(text, MON, use_model=False)
    return (
        {i for c in ex.claims for i in place_ids(c.origin)},
        {i for c in ex.claims for i in place_ids(c.destination)},
    )


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("A cargo plane flew from the Kingdom of Morocco to Mali on Monday.", "country:MA", "country:ML"),
        ("Two Il-76s landed in the Sultanate of Brunei on Monday.", None, "country:BN"),
        ("An An-124 flew from the Republic of the Gambia to Chad on Monday.", "country:GM", "country:TD"),
        ("A C-130 flew from the Islamic Republic of Pakistan to Niger on Monday.", "country:PK", "country:NE"),
        ("Un avion cargo a décollé du Royaume du Maroc vers le Mali lundi.", "country:MA", "country:ML"),
        ("Deux Il-76 ont atterri dans le Sultanat de Brunei lundi.", None, "country:BN"),
        (
            "Un Il-76 a décollé de la République islamique de Mauritanie vers le Niger lundi.",
            "country:MR",
            "country:NE",
        ),
        ("وصلت طائرة شحن إلى دولة تشاد يوم الاثنين.", None, "country:TD"),
        ("أقلعت طائرة من جمهورية النيجر إلى ليبيا يوم الاثنين.", "country:NE", "libya"),
        ("وصلت طائرة إلى دولة مالي يوم الاثنين.", None, "country:ML"),  # "مالي" alone is also "financial"
        ("A Boeing 747 flew from the U.S. to Poland on Monday.", "country:US", "country:PL"),
        ("A C-17 arrived in Niger from the U.K. on Monday.", "country:GB", "country:NE"),
        ("Two C-17s landed in the U.A.E. on Monday.", None, "country:AE"),
    ],
)
def test_a_state_named_by_its_form_or_initials_is_that_state(text: str, origin: str | None, destination: str) -> None:
    origins, destinations = _ends(text)
    assert destination in destinations
    if origin is not None:
        assert origins == {origin}
    assert not any(i.startswith("unknown:") for i in origins | destinations)


@pytest.mark.parametrize(
    "text",
    [
        "A C-17 flew to Niger from U.S. bases in Europe on Monday.",
        "According to U.S. officials, a C-17 flew to Niger on Monday.",
        "A source from the U.S. Department of Defense said a C-17 flew to Niger on Monday.",
        "A C-17 flew to Niger from U.S.-run airfields on Monday.",
    ],
)
def test_initials_that_qualify_a_noun_name_no_place(text: str) -> None:
    origins, destinations = _ends(text)
    assert destinations == {"country:NE"}
    assert not any(i in ("country:US", "unknown:U", "unknown:U.S.") for i in origins)

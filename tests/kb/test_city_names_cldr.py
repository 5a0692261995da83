"""Cities named in French, Russian and Arabic from the CLDR exemplar cities (``data/kb/city_names_cldr.csv``)."""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb._data import read_csv


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Varsovie", "city:PL:warsaw"),
        ("Варшава", "city:PL:warsaw"),
        ("وارسو", "city:PL:warsaw"),
        ("Bruxelles", "city:BE:brussels"),
        ("Копенгаген", "city:DK:copenhagen"),
        ("Pékin", "city:CN:beijing"),  # the hand table's, not Pekin, Illinois
        ("Le Cap", "city:ZA:capetown"),
    ],
)
def test_a_capital_named_in_another_language_is_that_city(name: str, city: str) -> None:
    ref = kb.resolve_place(name)
    assert (ref.kind, ref.id) == ("city", city)


@pytest.mark.parametrize(
    ("name", "country"), [("Алжир", "country:DZ"), ("الجزائر", "country:DZ"), ("Кувейт", "country:KW")]
)
def test_a_name_shared_by_a_state_and_its_capital_stays_the_state(name: str, country: str) -> None:
    assert kb.resolve_place(name).id == country


def test_no_cldr_name_shadows_a_state_or_carries_a_qualifier() -> None:
    rows = read_csv("city_names_cldr.csv")
    assert len(rows) > 150
    for row in rows:
        for name in row["names"].split("|"):
            assert len(name.replace(" ", "")) >= 4 and not any(c in name for c in ",()،"), row
            try:
                ref = kb.resolve_place(name)
            except PlaceError:
                continue  # ambiguous between two cities of that name (both listed): the caller asks
            assert ref.kind != "country", (name, ref)

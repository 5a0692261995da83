"""The fields the bundled airport table (airportsdata) files under a city: what a city's kb airfields are
checked against."""

from __future__ import annotations

from functools import cache
from typing import Any

import airportsdata


@cache
def _rows() -> dict[str, Any]:
    return airportsdata.load("ICAO")


def city_fields(spellings: str | set[str], country: str) -> set[str]:
    """ICAO codes of the fields filed under a city (any of its spellings) in a country."""
    names = {spellings} if isinstance(spellings, str) else spellings
    return {r["icao"] for r in _rows().values() if r["city"] in names and r["country"] == country}

"""Lift (tonnes) per flight and per corridor, with the uncertainty arithmetic checked by hand."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest

from liftwatch.analytics import UNKNOWN_TYPE, corridors, flight_lift, total_lift
from liftwatch.analytics.lift import NO_PAYLOAD, Z90
from tests.analytics.factory import REGIONS, T0, TYPES, flight, frame


def test_flight_lift_known_unknown_and_no_payload() -> None:
    f = frame(
        [
            flight("a-1", "hmeimim", "al-khadim", T0, type_code="il76 "),
            flight("a-2", "hmeimim", "al-khadim", T0, type_code=None),
            flight("a-3", "hmeimim", "al-khadim", T0, type_code="ZZZZ"),
            flight("a-4", "hmeimim", "al-khadim", T0, type_code="SU24"),
        ]
    )
    out = flight_lift(f, TYPES)
    assert out["type_status"].to_list() == ["known", UNKNOWN_TYPE, UNKNOWN_TYPE, NO_PAYLOAD]
    assert out["lift_typical_t"].to_list() == [30.0, None, None, None]
    assert out["lift_low_t"][0] == 20.0 and out["lift_high_t"][0] == 47.0
    tot = total_lift(f, TYPES)
    assert tot["tonnes_expected"] == 30.0 and tot["unknown_type_flights"] == 3.0


def test_corridor_tonnage_with_dark_probability() -> None:
    rows = [flight(f"a-{i}", "hmeimim", "al-khadim", T0 + timedelta(days=i)) for i in range(3)]
    rows.append(flight("d-1", "hmeimim", None, T0, ending="dark", cands=[("al-khadim", 0.6), ("benina", 0.4)]))
    rows.append(flight("u-1", "hmeimim", "al-khadim", T0, type_code=None))
    t = corridors(frame(rows), site_regions=REGIONS, types=TYPES)
    row = t.filter(t["corridor"] == "hmeimim->al-khadim").row(0, named=True)
    sd_low, sd_typ, sd_high = (math.sqrt(0.24) * p for p in (20.0, 30.0, 47.0))
    assert row["tonnes_expected"] == pytest.approx(3.6 * 30.0)
    assert row["tonnes_low"] == pytest.approx(3.6 * 20.0 - Z90 * sd_low)
    assert row["tonnes_high"] == pytest.approx(3.6 * 47.0 + Z90 * sd_high)
    assert row["tonnes_sd_dest"] == pytest.approx(sd_typ)
    assert row["unknown_type_flights"] == pytest.approx(1.0)  # stated, not costed
    assert row["flights_expected"] == pytest.approx(4.6)
    assert row["tonnes_low"] <= row["tonnes_expected"] <= row["tonnes_high"]

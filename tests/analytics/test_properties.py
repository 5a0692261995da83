"""Properties of the leg expansion on arbitrary ranked-destination lists."""

from __future__ import annotations

from datetime import timedelta

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch.analytics import corridor_table, destination_legs
from tests.analytics.factory import REGIONS, SITES, T0, TYPES, flight, frame

SITE_IDS = sorted(SITES)

cands = st.lists(
    st.tuples(st.sampled_from(SITE_IDS), st.floats(min_value=0.0, max_value=1.0, allow_nan=False)),
    max_size=5,
).map(lambda xs: [(s, p / max(1.0, sum(q for _, q in xs))) for s, p in xs])  # probabilities sum to <= 1

flight_spec = st.tuples(st.sampled_from(["landed", "dark", "out_of_coverage"]), cands, st.sampled_from(SITE_IDS))


@settings(max_examples=80, deadline=None)
@given(st.lists(flight_spec, min_size=1, max_size=12))
def test_every_flight_counts_exactly_once(specs: list[tuple[str, list[tuple[str, float]], str]]) -> None:
    rows = []
    for i, (ending, cs, arr) in enumerate(specs):
        if ending == "landed":
            rows.append(flight(f"f{i}-x", "hmeimim", arr, T0 + timedelta(hours=i)))
        else:
            rows.append(flight(f"f{i}-x", "hmeimim", None, T0 + timedelta(hours=i), ending=ending, cands=cs))
    legs = destination_legs(frame(rows), site_regions=REGIONS, types=TYPES)
    per = legs.group_by("flight_id").agg(pl.col("weight").sum(), pl.col("top1").sum())
    assert per.height == len(specs)
    assert per["weight"].to_list() == pytest.approx([1.0] * len(specs), abs=1e-5)
    assert all(t <= 1 for t in per["top1"].to_list())
    for level in ("site", "region"):
        table = corridor_table(legs, level=level)
        assert table["flights_expected"].sum() == pytest.approx(len(specs), abs=1e-4)
        assert (table["flights_sd"] >= 0).all()
        assert (table["tonnes_low"] <= table["tonnes_expected"] + 1e-6).all()
        assert (table["tonnes_expected"] <= table["tonnes_high"] + 1e-6).all()

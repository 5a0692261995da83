"""Ship identity in voyages: flag state from the MMSI, whatever the order and kind of MMSIs."""

from __future__ import annotations

import polars as pl

from liftwatch import sea

from .simkit import generate


def test_voyages_when_the_first_ship_has_no_flag_state() -> None:
    """MMSIs without a flag (AIS-SART 970..., an unallocated MID) sort first: no Object column, no crash."""
    sc = generate(n_ships=3, days=4, seed=3)
    ids = sorted(sc.points["asset_id"].unique().to_list())
    rename = {ids[0]: "970012345", ids[1]: "100123456"}  # SART (no MID) and MID 100 (not allocated)
    pts = sc.points.with_columns(pl.col("asset_id").replace(rename))
    res = sea.analyse(pts)
    by_ship = dict(res.voyages.select("asset_id", "country").unique("asset_id").iter_rows())
    assert by_ship["970012345"] is None and by_ship["100123456"] is None
    assert by_ship[ids[2]] is not None  # the real flag of the remaining ship still resolves
    assert res.voyages.schema["country"] == pl.String

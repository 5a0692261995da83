"""Scoring of the simulator's flight kinds and new endings in ``liftwatch.evaluation.tracks`` (hand-made cases)."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from liftwatch.evaluation.tracks import _unknown_site_scores, kind_scores


def _t(h: float) -> datetime:
    return datetime(2024, 12, 14, int(h), round((h % 1) * 60), tzinfo=UTC)


def test_a_patrol_cut_into_pieces_counts_its_fake_landings() -> None:
    truth = pl.DataFrame(
        {
            "flight_id": ["p1", "h1"],
            "asset_id": ["aaa", "bbb"],
            "flight_kind": ["patrol", "helicopter"],
            "dep_time": [_t(10), _t(9)],
            "arr_time": [_t(14), _t(10)],
            "went_dark_at": [None, None],
        }
    )
    built = pl.DataFrame(
        {
            "asset_id": ["aaa", "aaa", "aaa", "bbb", "ccc"],
            "flight_id": ["b1", "b2", "b3", "b4", "b5"],
            "first_ts": [_t(10), _t(11.1), _t(12.2), _t(9), _t(9)],
            "last_ts": [_t(11), _t(12), _t(14), _t(10), _t(10)],
            "ending": ["landed", "landed", "landed", "landed", "landed"],
            "arr_time": [_t(11), _t(12), _t(14), _t(10), _t(10)],
        }
    )
    got = kind_scores(built, truth)
    assert got["patrol"] == {"true": 1, "built": 3, "one_flight": 0.0, "fake_landings": 2}
    assert got["helicopter"] == {"true": 1, "built": 1, "one_flight": 1.0, "fake_landings": 0}


def test_carrier_endings_and_starts() -> None:
    matched = pl.DataFrame(
        {
            "ending": ["landed_unknown_site", "landed_unknown_site", "landed_unknown_site", "landed"],
            "start": ["takeoff", "takeoff", "takeoff_unknown_site", "takeoff_unknown_site"],
            "b_ending": ["dark", "landed_unknown_site", "landed", "landed"],
            "b_arr_site": ["LCLK", None, None, "souda"],
            "b_start_kind": ["takeoff", "takeoff", "takeoff", "in_air"],
            "b_dep_site": ["souda", "souda", None, "akrotiri"],
            "b_last_lat": [33.9, 33.9, 33.95, 35.5],
            "b_last_lon": [33.0, 33.0, 33.0, 24.1],
            "arr_lat": [33.9, 33.9, 33.9, 35.5],
            "arr_lon": [33.0, 33.0, 33.0, 24.1],
        }
    )
    got = _unknown_site_scores(matched)
    assert got["unknown_arr_n"] == 3
    assert got["unknown_arr_acc"] == pytest.approx(2 / 3)  # "landed" with no site counts as right too
    assert got["unknown_arr_called_dark"] == 1
    assert got["unknown_arr_given_site"] == 1
    assert got["unknown_arr_last_fix_km"] == pytest.approx(0.0, abs=1e-6)
    assert got["unknown_dep_n"] == 2
    assert got["unknown_dep_acc"] == 0.5
    assert got["unknown_dep_given_site"] == 1


def test_ending_counts_truth_vs_built() -> None:
    from liftwatch.evaluation.analytics import ending_counts

    truth = pl.DataFrame(
        {"domain": ["air", "air", "air", "sea"], "ending": ["landed_unknown_site", "dark", "dark", "dark"]}
    )
    built = pl.DataFrame({"domain": ["air", "air", "air"], "ending": ["dark", "dark", "out_of_coverage"]})
    assert ending_counts(truth, built) == {"dark": (2, 2), "landed_unknown_site": (1, 0), "out_of_coverage": (0, 1)}

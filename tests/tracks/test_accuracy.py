"""Acceptance thresholds of the flights pipeline on a small simulator scenario (truth from liftwatch.sim)."""

from __future__ import annotations

from typing import Any

import pytest

sim = pytest.importorskip("liftwatch.sim", reason="liftwatch.sim not available")


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    if not hasattr(sim, "generate"):
        pytest.skip("liftwatch.sim.generate not available yet")
    from liftwatch.evaluation.tracks import run

    return run(days=4, seed=7, kinds=())  # transport and airline traffic; the other kinds: docs/accuracy.md


def test_flight_count_within_one_percent(result: dict[str, Any]) -> None:
    assert abs(result["count_error"]) <= 0.01, result


def test_covered_site_accuracy(result: dict[str, Any]) -> None:
    assert result["dep_n"] > 0 and result["arr_n"] > 0
    assert result["dep_acc"] >= 0.99, result
    assert result["arr_acc"] >= 0.99, result


def test_dark_endings_ranked(result: dict[str, Any]) -> None:
    assert result["dark_n"] > 0
    assert result["dark_top3"] >= 0.90, result
    assert result["dark_top1"] >= 0.70, result


def test_dark_vs_out_of_coverage(result: dict[str, Any]) -> None:
    assert result["dark_vs_ooc_n"] > 0
    assert result["dark_vs_ooc_acc"] >= 0.90, result

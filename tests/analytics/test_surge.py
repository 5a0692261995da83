"""Change detection: known jumps are found near their start; stable series (Poisson and NB) stay quiet."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import polars as pl
import pytest

from liftwatch.analytics import (
    alerts_frame,
    assess_series,
    coverage_factor,
    cusum,
    destination_legs,
    detect_changes,
    fit_baseline,
)
from tests.analytics.factory import REGIONS, T0, TYPES, frame, series_flights

DAYS, BASE = 28, 14


def nb(rng: np.random.Generator, mean: float, size: float, n: int) -> np.ndarray:
    return rng.negative_binomial(size, size / (size + mean), n).astype(float)


def test_fit_baseline_poisson_and_overdispersed() -> None:
    rng = np.random.default_rng(1)
    pois = fit_baseline(rng.poisson(4.0, 2000).astype(float))
    assert pois.mu == pytest.approx(4.0, rel=0.05)
    assert pois.size is None or pois.size > 30  # no real over-dispersion
    over = fit_baseline(nb(rng, 4.0, 2.0, 4000))
    assert over.model == "negative binomial"
    assert over.size == pytest.approx(2.0, rel=0.2)
    flat = fit_baseline(np.full(10, 3.0))
    assert flat.size is None and flat.mu == 3.0
    expo = np.r_[np.full(1000, 0.5), np.full(1000, 1.0)]
    scaled = fit_baseline(rng.poisson(4.0 * expo).astype(float), expo)
    assert scaled.mu == pytest.approx(4.0, rel=0.05)


def test_cusum_path_by_hand() -> None:
    base = fit_baseline(np.full(7, 1.0))  # mu0 = 1, Poisson
    s, run = cusum(np.array([0.0, 1.0, 4.0, 4.0]), base, ratio=2.0, min_jump=0.5)
    llr = np.array([0.0, 1.0, 4.0, 4.0]) * np.log(2.0) - 1.0
    acc, expect = 0.0, []
    for v in llr:
        acc = max(0.0, acc + v)
        expect.append(acc)
    assert s == pytest.approx(expect)
    assert run[-1] == 2  # the run started on the day of the jump


@pytest.mark.parametrize(
    ("mean", "size", "bound"),
    [(1.0, None, 0.03), (3.0, None, 0.03), (0.4, None, 0.03), (3.0, 3.0, 0.05), (8.0, 4.0, 0.05)],
)
def test_no_false_alarms_on_stable_series(mean: float, size: float | None, bound: float) -> None:
    """Over 300 stable 28-day series the alert rate stays bounded (Poisson 3 %, over-dispersed NB 5 %)."""
    rng = np.random.default_rng(int(mean * 100) + int(size or 0))
    runs, alarms = 300, 0
    for _ in range(runs):
        y = rng.poisson(mean, DAYS).astype(float) if size is None else nb(rng, mean, size, DAYS)
        alarms += assess_series(y, None, BASE) is not None
    assert alarms / runs <= bound, f"false-alarm rate {alarms / runs:.3f}"


@pytest.mark.parametrize(
    ("mean", "jump", "size", "max_delay"),
    [(1.0, 4.0, None, 2), (2.0, 2.5, None, 4), (1.0, 3.0, None, 5), (3.0, 2.5, 5.0, 5)],
)
def test_rate_jump_found_within_two_days(mean: float, jump: float, size: float | None, max_delay: int) -> None:
    """Jumps are detected; the estimated start is within 2 days of the truth; the alarm follows promptly."""
    rng = np.random.default_rng(42)
    runs, t_change = 100, 18
    starts, delays = [], []
    for _ in range(runs):
        means: np.ndarray = np.r_[np.full(t_change, mean), np.full(DAYS - t_change, mean * jump)]
        y = rng.poisson(means).astype(float) if size is None else rng.negative_binomial(size, size / (size + means))
        f = assess_series(y.astype(float), None, BASE)
        if f is not None and f.kind == "surge":
            starts.append(f.t_start - t_change)
            delays.append(f.t_alarm - t_change)
    assert len(starts) >= 0.8 * runs, f"detected {len(starts)}/{runs}"
    near = np.mean(np.abs(starts) <= 2)
    assert near >= 0.7, f"start within 2 days in {near:.2f} of detections"
    assert np.median(delays) <= max_delay, f"median alarm delay {np.median(delays)}"


def test_coverage_normalisation_prevents_outage_alarm() -> None:
    rng = np.random.default_rng(5)
    expo = np.r_[np.full(BASE, 0.3), np.full(DAYS - BASE, 1.0)]  # receivers down during the baseline
    raw_alarms = norm_alarms = 0
    for _ in range(100):
        y = rng.poisson(3.0 * expo).astype(float)
        raw_alarms += assess_series(y, None, BASE) is not None
        norm_alarms += assess_series(y, expo, BASE) is not None
    assert raw_alarms >= 80  # without normalisation the recovery looks like a surge
    assert norm_alarms <= 3


def test_new_corridor_and_frame_level_alerts() -> None:
    rng = np.random.default_rng(11)
    stable = rng.poisson(3.0, DAYS)
    surge = np.r_[rng.poisson(1.0, 18), rng.poisson(4.0, DAYS - 18)]
    new = np.r_[np.zeros(20, dtype=int), np.full(DAYS - 20, 2)]
    rows = (
        series_flights(stable, "LCLK", "LLBG", prefix="c")
        + series_flights(surge, "hmeimim", "al-khadim", prefix="m", classification="military", type_code="IL76")
        + series_flights(new, "hmeimim", "al-jufra", prefix="n", classification="military", type_code="IL76")
    )
    legs = destination_legs(frame(rows), site_regions=REGIONS, types=TYPES)
    start, end = T0.date(), T0.date() + timedelta(days=DAYS)
    alerts = detect_changes(legs, start, end)
    kinds = {a.corridor: a for a in alerts}
    assert set(kinds) == {"hmeimim->al-khadim", "hmeimim->al-jufra"}
    s = kinds["hmeimim->al-khadim"]
    assert s.kind == "surge" and abs((s.start - (start + timedelta(days=18))).days) <= 2
    assert s.rate_after > 2 * s.rate_before and s.p_value < 0.01 and s.statistic > s.threshold
    assert len(s.flight_ids) == int(surge[(s.start - start).days :].sum())
    n = kinds["hmeimim->al-jufra"]
    assert n.kind == "new_corridor" and n.start == start + timedelta(days=20) and n.flights_before == 0
    assert "new corridor" in n.summary and "surge" in s.summary
    region_alerts = detect_changes(legs, start, end, level="region", by=("classification",))
    assert {a.corridor for a in region_alerts} >= {"syria->eastern-libya"}
    assert all(a.group == "military" for a in region_alerts)
    table = alerts_frame(alerts)
    assert table.height == 2 and set(table["kind"]) == {"surge", "new_corridor"}


def test_coverage_factor_from_background() -> None:
    rows = series_flights(np.array([10, 10, 5, 10]), "LCLK", "LLBG", prefix="b")
    cov = coverage_factor(frame(rows))
    assert cov["coverage"].to_list() == pytest.approx([1.0, 1.0, 0.5, 1.0])
    assert cov.schema["day"] == pl.Date

"""The statistics behind change detection: baseline fit, NB-likelihood-ratio CUSUM, changepoint, predictive tail.

Separate from :mod:`liftwatch.analytics.surge` (which applies them to corridors) so the numerical core can be
read and tested on plain arrays. Rationale for each choice is in the ``surge`` module docstring.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats


@dataclass(frozen=True)
class Baseline:
    """A corridor's in-control rate: ``mu`` flights/day at exposure 1, NB ``size`` (None = Poisson)."""

    mu: float
    size: float | None
    days: int
    flights: float

    @property
    def model(self) -> str:
        return "poisson" if self.size is None else "negative binomial"


def fit_baseline(y: np.ndarray, exposure: np.ndarray | None = None) -> Baseline:
    """Method-of-moments NB fit of daily counts ``y`` with exposure ``c`` (Poisson if not over-dispersed)."""
    y = np.asarray(y, dtype=float)
    c = np.ones_like(y) if exposure is None else np.asarray(exposure, dtype=float)
    total_c = float(c.sum())
    mu = float(y.sum() / total_c) if total_c > 0 else 0.0
    size: float | None = None
    if len(y) >= 3 and mu > 0:
        m = mu * c
        excess = float(((y - m) ** 2).sum() * len(y) / (len(y) - 1) - m.sum())
        if excess > 0:
            size = float((m * m).sum() / excess)
    return Baseline(mu=mu, size=size, days=len(y), flights=float(y.sum()))


def _llr(y: np.ndarray, m0: np.ndarray, m1: np.ndarray, size: float | None) -> np.ndarray:
    """Per-day log-likelihood ratio of NB(m1, size) against NB(m0, size) (Poisson when size is None)."""
    if size is None:
        return np.asarray(y * np.log(m1 / m0) - (m1 - m0))
    r = size
    return np.asarray(y * np.log(m1 * (r + m0) / (m0 * (r + m1))) + r * np.log((r + m0) / (r + m1)))


def cusum(
    y: np.ndarray,
    baseline: Baseline,
    exposure: np.ndarray | None = None,
    *,
    ratio: float = 2.0,
    min_jump: float = 0.5,
    floor: float = 0.05,
) -> tuple[np.ndarray, np.ndarray]:
    """One-sided NB-LR CUSUM path ``S_t`` and, per day, the index where the current run started."""
    y = np.asarray(y, dtype=float)
    c = np.ones_like(y) if exposure is None else np.asarray(exposure, dtype=float)
    mu0 = max(baseline.mu, floor)
    mu1 = max(ratio * mu0, mu0 + min_jump)
    llr = _llr(y, mu0 * c, mu1 * c, baseline.size)
    s = np.zeros(len(y))
    run_start = np.zeros(len(y), dtype=int)
    acc, begin = 0.0, 0
    for t, v in enumerate(llr):  # a recursion over days (tens to hundreds), not over points
        if acc <= 0.0:
            begin = t
        acc = max(0.0, acc + float(v))
        s[t] = acc
        run_start[t] = begin
    return s, run_start


def changepoint(y: np.ndarray, exposure: np.ndarray, lo: int, hi: int) -> int:
    """Maximum-likelihood start of a rate increase in ``y`` (two Poisson segments), searched in ``[lo, hi]``.

    The CUSUM run start is biased when the true jump differs from the design ratio; the two-segment MLE uses
    the whole series (also the days after the alarm), so the start date in the alert is better located.
    """
    y = np.asarray(y, dtype=float)
    c = np.asarray(exposure, dtype=float)
    cy, cc = np.r_[0.0, np.cumsum(y)], np.r_[0.0, np.cumsum(c)]
    k = np.arange(max(lo, 1), max(hi, lo, 1) + 1)
    k = k[k < len(y)]
    if len(k) == 0:
        return int(min(max(lo, 0), len(y) - 1))
    y1, c1 = cy[k], cc[k]
    y2, c2 = cy[-1] - y1, cc[-1] - c1

    def seg(yy: np.ndarray, cc_: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(yy > 0, yy * np.log(yy / cc_), 0.0)

    ll = seg(y1, c1) + seg(y2, c2)
    ll = np.where(y2 / c2 > y1 / np.maximum(c1, 1e-12), ll, -np.inf)  # an increase, not a drop
    if not np.isfinite(ll).any():
        return int(k[-1])
    return int(k[int(np.argmax(ll))])


#: Added to the estimated 1/r, divided by the baseline days: a weak prior that counts are somewhat over-dispersed,
#: because a method-of-moments estimate from two weeks often misses real over-dispersion (and then alarms).
DISPERSION_PRIOR = 1.0


def predictive_tail(count: float, base: Baseline, exposure_after: float, days_after: int) -> float:
    """P(N >= count) for the total over the later days, *including* the baseline's own uncertainty.

    A plug-in baseline rate from a couple of weeks is itself noisy; a rate that happened to be estimated low
    would make ordinary days look like a surge. So the later total is compared with the posterior predictive:
    a negative binomial moment-matched to ``Var = m + m²/(r·A) + m²/(Y+½) + m²/(r·B)`` (day-to-day
    over-dispersion with NB size ``r`` over the ``A`` later days, plus the uncertainty of the rate estimated
    from ``Y`` flights on ``B`` baseline days: Gamma posterior with Jeffreys prior, and the extra spread
    over-dispersion adds to that estimate). ``1/r`` gets a weak prior :data:`DISPERSION_PRIOR`/B.
    """
    k = max(0, math.ceil(count - 1e-9))
    if k == 0:
        return 1.0
    m = max(base.mu, 0.0) * exposure_after
    if m <= 0:
        return 0.0
    inv_r = (1.0 / base.size if base.size is not None else 0.0) + DISPERSION_PRIOR / max(base.days, 1)
    inv_size = 1.0 / (base.flights + 0.5) + inv_r / max(days_after, 1) + inv_r / max(base.days, 1)
    size = 1.0 / inv_size
    return float(stats.nbinom.sf(k - 1, size, size / (size + m)))

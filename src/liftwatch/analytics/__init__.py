"""Analytics over the flights table: corridors, lift (tonnes) and change detection (surges, new corridors).

Pure functions over Polars frames in :data:`liftwatch.schema.FLIGHT_SCHEMA`; see ``docs/report.md``.
"""

from __future__ import annotations

from liftwatch.analytics.changestats import Baseline, changepoint, cusum, fit_baseline, predictive_tail
from liftwatch.analytics.corridors import (
    UNKNOWN,
    as_flights,
    corridor_table,
    corridors,
    destination_legs,
    filter_legs,
    top_corridor,
)
from liftwatch.analytics.lift import UNKNOWN_TYPE, flight_lift, lift_aggregations, total_lift
from liftwatch.analytics.roles import home_bases
from liftwatch.analytics.surge import (
    Alert,
    alerts_frame,
    assess_series,
    coverage_factor,
    daily_series,
    detect_changes,
    observed_days,
)

__all__ = [
    "UNKNOWN",
    "UNKNOWN_TYPE",
    "Alert",
    "Baseline",
    "alerts_frame",
    "as_flights",
    "assess_series",
    "changepoint",
    "corridor_table",
    "corridors",
    "coverage_factor",
    "cusum",
    "daily_series",
    "destination_legs",
    "detect_changes",
    "filter_legs",
    "fit_baseline",
    "flight_lift",
    "home_bases",
    "lift_aggregations",
    "observed_days",
    "predictive_tail",
    "top_corridor",
    "total_lift",
]

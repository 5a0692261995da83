"""Analytics over the flights table: corridors, lift (tonnes) and change detection (surges, new corridors).

Pure functions over Polars frames in :data:`liftwatch.schema.FLIGHT_SCHEMA`; see ``docs/report.md``.

Change detection (SciPy, ~0.6 CPU s to import) loads on first use of its names (PEP 562): a corridor table, a
flight list or a lift total does not need it. The corridor names stay plain imports, since one of them has
the name of its module (``corridors``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from liftwatch.analytics.observed import observed_days
from liftwatch.analytics.roles import home_bases

if TYPE_CHECKING:
    from liftwatch.analytics.changestats import Baseline, changepoint, cusum, fit_baseline, predictive_tail
    from liftwatch.analytics.surge import (
        Alert,
        alerts_frame,
        assess_series,
        coverage_factor,
        daily_series,
        detect_changes,
    )

_CHANGESTATS = ("Baseline", "changepoint", "cusum", "fit_baseline", "predictive_tail")
_SURGE = ("Alert", "alerts_frame", "assess_series", "coverage_factor", "daily_series", "detect_changes")


def __getattr__(name: str) -> Any:
    """Import the change-detection module that defines ``name`` the first time it is asked for."""
    value: Any
    if name in _CHANGESTATS:
        from liftwatch.analytics import changestats

        value = getattr(changestats, name)
    elif name in _SURGE:
        from liftwatch.analytics import surge

        value = getattr(surge, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


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

"""Trajectory engine: clean points, split flights per airframe, infer sites, rank destinations of dark flights.

Entry point: :func:`build_flights` (points or a store -> ``FLIGHT_SCHEMA`` table). See ``docs/tracks.md``.

The names below load on first use (PEP 562), so that code needing one small module of this package (the
site-guess threshold, the point cleaner) does not import the whole flight builder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from liftwatch.tracks.flights import BuildReport, FlightBuilder, KbInputs, build_flights, store_flights


def __getattr__(name: str) -> Any:
    """Import the flight builder the first time one of its names is asked for."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from liftwatch.tracks import flights

    value = getattr(flights, name)
    globals()[name] = value
    return value


__all__ = [
    "BuildReport",
    "FlightBuilder",
    "KbInputs",
    "build_flights",
    "store_flights",
]

"""Trajectory engine: clean points, split flights per airframe, infer sites, rank destinations of dark flights.

Entry point: :func:`build_flights` (points or a store -> ``FLIGHT_SCHEMA`` table). See ``docs/tracks.md``.
"""

from __future__ import annotations

from liftwatch.tracks.flights import BuildReport, FlightBuilder, KbInputs, build_flights, store_flights

__all__ = [
    "BuildReport",
    "FlightBuilder",
    "KbInputs",
    "build_flights",
    "store_flights",
]

"""Trajectory engine: clean points, split flights per airframe, infer sites, rank destinations of dark flights.

Entry point: :func:`build_flights` (points or a store -> ``FLIGHT_SCHEMA`` table). See ``docs/tracks.md``.
"""

from __future__ import annotations

from liftwatch.tracks.api import Flight, get_flight
from liftwatch.tracks.flights import BuildReport, FlightBuilder, KbInputs, build_flights, store_flights
from liftwatch.tracks.query import query_flights

__all__ = [
    "BuildReport",
    "Flight",
    "FlightBuilder",
    "KbInputs",
    "build_flights",
    "get_flight",
    "query_flights",
    "store_flights",
]

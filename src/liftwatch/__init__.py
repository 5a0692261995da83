"""liftwatch: who moved what, from where to where, how often, from open navigation data.

Three lines in a notebook::

    import liftwatch
    lw = liftwatch.open("liftwatch.duckdb")
    lw.points(assets=["155a2b"])          # Polars DataFrame
    lw.flights().military().dark()        # a lazy Flights collection (docs/notebook.md)
"""

from __future__ import annotations

__version__ = "0.1.0"  # set before the imports below: submodules read it (the HTTP user agent)

from liftwatch import errors
from liftwatch.api import LiftWatch, open, open_dataset
from liftwatch.filters import FlightFilter
from liftwatch.flights import Flight, Flights, HomeBase
from liftwatch.schema import FLIGHT_SCHEMA, POINT_SCHEMA

__all__ = [
    "FLIGHT_SCHEMA",
    "POINT_SCHEMA",
    "Flight",
    "FlightFilter",
    "Flights",
    "HomeBase",
    "LiftWatch",
    "__version__",
    "errors",
    "open",
    "open_dataset",
]

"""liftwatch: who moved what, from where to where, how often, from open navigation data.

Three lines in a notebook::

    import liftwatch
    lw = liftwatch.open("liftwatch.duckdb")
    lw.points(assets=["155a2b"])          # Polars DataFrame
    lw.flights().military().dark()        # a lazy Flights collection (docs/notebook.md)

The names below load on first use (PEP 562), so that a process needing one module (an ingest worker parsing
files) does not import the whole library (analytics, reports, Matplotlib): 1.7 CPU s per worker otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"  # submodules read it (the HTTP user agent)

if TYPE_CHECKING:
    from liftwatch import errors
    from liftwatch.api import LiftWatch, open, open_dataset
    from liftwatch.filters import FlightFilter
    from liftwatch.flights import Flight, Flights, HomeBase
    from liftwatch.schema import FLIGHT_SCHEMA, POINT_SCHEMA

_LAZY = {
    "errors": ("liftwatch", "errors"),
    "LiftWatch": ("liftwatch.api", "LiftWatch"),
    "open": ("liftwatch.api", "open"),
    "open_dataset": ("liftwatch.api", "open_dataset"),
    "FlightFilter": ("liftwatch.filters", "FlightFilter"),
    "Flight": ("liftwatch.flights", "Flight"),
    "Flights": ("liftwatch.flights", "Flights"),
    "HomeBase": ("liftwatch.flights", "HomeBase"),
    "FLIGHT_SCHEMA": ("liftwatch.schema", "FLIGHT_SCHEMA"),
    "POINT_SCHEMA": ("liftwatch.schema", "POINT_SCHEMA"),
}


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'liftwatch' has no attribute {name!r}")
    import importlib

    module = importlib.import_module(where[0]) if where[0] != "liftwatch" else None
    value = getattr(module, where[1]) if module is not None else importlib.import_module(f"liftwatch.{where[1]}")
    globals()[name] = value
    return value


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

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


def __getattr__(name: str) -> Any:
    """Import the module that defines a top-level name the first time it is asked for (PEP 562)."""
    value: Any
    if name in ("LiftWatch", "open", "open_dataset"):
        from liftwatch import api

        value = getattr(api, name)
    elif name in ("Flight", "Flights", "HomeBase"):
        from liftwatch import flights

        value = getattr(flights, name)
    elif name == "FlightFilter":
        from liftwatch.filters import FlightFilter as value
    elif name in ("FLIGHT_SCHEMA", "POINT_SCHEMA"):
        from liftwatch import schema

        value = getattr(schema, name)
    elif name == "errors":
        from liftwatch import errors as value
    else:
        raise AttributeError(f"module 'liftwatch' has no attribute {name!r}")
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

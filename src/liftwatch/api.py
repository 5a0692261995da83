"""The notebook-facing object: ``liftwatch.open(db)``.

Thin by design: it owns a :class:`~liftwatch.store.Store` and forwards to the kernels, so everything a
notebook can do the CLI does the same way. Results are Polars DataFrames; pass ``pandas=True`` for pandas.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import polars as pl

from liftwatch.store import IngestReport, Store


class LiftWatch:
    """A handle on one liftwatch database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def ingest(self, *paths: str | os.PathLike[str], format: str | None = None) -> builtins.list[IngestReport]:
        return [self.store.ingest(p, format=format) for p in paths]

    def points(
        self,
        assets: Sequence[str] | None = None,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        *,
        domain: str | None = None,
        pandas: bool = False,
    ) -> Any:
        df = self.store.points(assets=assets, start=start, end=end, domain=domain)
        return df.to_pandas() if pandas else df

    def sql(self, query: str, *, pandas: bool = False) -> Any:
        df = self.store.sql(query)
        return df.to_pandas() if pandas else df

    def info(self) -> dict[str, Any]:
        return self.store.info()

    def flights(
        self,
        classification: str | None = None,
        *,
        country: str | None = None,
        site: str | None = None,
        corridor: str | None = None,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        asset: str | None = None,
        ending: str | None = None,
        pandas: bool = False,
    ) -> Any:
        """Stored flights filtered like ``liftwatch flights list`` (site/region names resolved via the kb)."""
        from liftwatch.tracks.query import query_flights

        df = query_flights(
            self.store,
            classification=classification,
            country=country,
            site=site,
            corridor=corridor,
            start=start,
            end=end,
            asset=asset,
            ending=ending,
        )
        return df.to_pandas() if pandas else df

    def flight(self, flight_id: str) -> Any:
        """One stored flight as a fluent ``Flight`` (``.track``, ``.landing_site()``, ``.candidates()``)."""
        from liftwatch.tracks.api import get_flight

        return get_flight(self.store, flight_id)

    def flights_table(self, *, pandas: bool = False) -> Any:
        df: pl.DataFrame = self.store.flights()
        return df.to_pandas() if pandas else df

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> LiftWatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(db: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> LiftWatch:
    """Open (creating if needed) a liftwatch database; default ``./liftwatch.duckdb`` or ``$LIFTWATCH_DB``."""
    return LiftWatch(Store(db, read_only=read_only))

"""The questions asked of what a store holds — flights, voyages, port calls, corridors, changes, points, SQL —
as methods of :class:`liftwatch.LiftWatch` (which mixes :class:`StoreQueries` in; the pipeline that fills the
store is :mod:`liftwatch.api`).

Every method reads, none writes: flights come as a lazy :class:`~liftwatch.flights.Flights` collection,
tables as Polars DataFrames.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import polars as pl

from liftwatch.analysis_scope import change_window, flights_between
from liftwatch.analytics.corridors import Level, Period
from liftwatch.filters import Classification, Domain, Ending, FlightFilter, TimeLike
from liftwatch.flights import Flight, Flights, StoreRef, get_flight
from liftwatch.store import Store

# the engines (voyages, change detection with SciPy, the parallel backends) load when a question needs them
if TYPE_CHECKING:
    from liftwatch.analytics.surge import Alert
    from liftwatch.sea.build import SeaResult

__all__ = ["StoreQueries"]


class StoreQueries:
    """Read-only queries over one store (``self._ref``, set by :class:`liftwatch.LiftWatch`)."""

    _ref: StoreRef

    @property
    def store(self) -> Store:
        """The underlying store (raises a clear error once closed)."""
        return self._ref.store

    def sea(self) -> SeaResult:
        """Port calls, silences and voyages computed from the stored AIS points (not stored)."""
        from liftwatch import sea

        return sea.analyse(self.store)

    def flights(
        self,
        classification: Classification | tuple[Classification, ...] | None = None,
        *,
        country: str | None = None,
        site: str | None = None,
        corridor: str | None = None,
        start: TimeLike | None = None,
        end: TimeLike | None = None,
        asset: str | None = None,
        ending: Ending | None = None,
        domain: Domain | None = None,
    ) -> Flights:
        """Stored flights (and voyages) as a lazy, chainable collection; bad values raise with the allowed list."""
        filt = FlightFilter.from_options(
            corridor=corridor,
            classification=classification,
            country=country,
            site=site,
            start=start,
            end=end,
            asset=asset,
            ending=ending,
            domain=domain,
        )
        return Flights(self._ref, filt)

    def select(self, where: FlightFilter) -> Flights:
        """The flights a ready-made :class:`~liftwatch.filters.FlightFilter` selects."""
        return Flights(self._ref, where)

    def voyages(
        self,
        classification: Classification | tuple[Classification, ...] | None = None,
        *,
        country: str | None = None,
        site: str | None = None,
        corridor: str | None = None,
        start: TimeLike | None = None,
        end: TimeLike | None = None,
        asset: str | None = None,
        ending: Ending | None = None,
    ) -> Flights:
        """Stored ship voyages (the flights table, domain ``sea``), filtered as :meth:`flights` filters: a place is
        read as a ship's ("Tobruk" is the port) and a port stands for its harbour (Tartus's naval base and port)."""
        return self.flights(
            classification,
            country=country,
            site=site,
            corridor=corridor,
            start=start,
            end=end,
            asset=asset,
            ending=ending,
            domain="sea",
        )

    def flight(self, flight_id: str) -> Flight:
        """One stored flight by id."""
        return get_flight(self._ref, flight_id)

    def port_calls(self, asset: str | None = None) -> pl.DataFrame:
        """Port calls, observed and inferred from silences."""
        pc = self.sea().all_port_calls()
        return pc.filter(pl.col("asset_id") == asset) if asset else pc

    def corridors(
        self,
        *,
        level: Level = "region",
        by: Sequence[str] = ("classification",),
        period: Period = None,
        start: TimeLike | None = None,
        end: TimeLike | None = None,
        workers: int | None = None,
        dask: str | None = None,
    ) -> pl.DataFrame:
        """The corridor table of the stored flights first seen between ``start`` and ``end`` (days, inclusive).

        With ``workers`` > 1 or ``dask`` (as for :meth:`build`), computed as a tree reduction over partitions
        of airframes (:mod:`liftwatch.scale.analytics`): equal to the single-process table up to the order
        floats are added in.
        """
        from liftwatch.scale.analytics import corridors_with

        flights = flights_between(self.store, start, end)
        return corridors_with(flights, level=level, by=by, period=period, workers=workers, dask=dask)

    def changes(
        self,
        start: TimeLike | None = None,
        end: TimeLike | None = None,
        *,
        level: Level = "region",
        by: tuple[str, ...] = ("classification",),
        baseline_end: TimeLike | None = None,
        workers: int | None = None,
        dask: str | None = None,
    ) -> list[Alert]:
        """Surges and new corridors among the stored flights between ``start`` and ``end`` (days, inclusive;
        default: the whole data), the baseline before ``baseline_end`` (default: the first half)."""
        from liftwatch.scale.analytics import changes_with

        flights = flights_between(self.store, start, end)
        if flights.is_empty():
            return []
        first, last, b_end = change_window(flights, start, end, baseline_end)
        return changes_with(flights, first, last, baseline_end=b_end, level=level, by=by, workers=workers, dask=dask)

    def points(
        self,
        assets: Sequence[str] | None = None,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        *,
        domain: Domain | None = None,
    ) -> pl.DataFrame:
        return self.store.points(assets=assets, start=start, end=end, domain=domain)

    def sql(self, query: str, params: list[Any] | None = None) -> pl.DataFrame:
        return self.store.sql(query, params)

    def info(self) -> dict[str, Any]:
        return self.store.info()

    def count_points(self, domain: Domain | None = None) -> int:
        """Points in the store (of one domain, ``"air"`` or ``"sea"``); commands say "ingest first" on 0."""
        from liftwatch.build import count_points

        return count_points(self.store, domain)

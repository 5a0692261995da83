"""The notebook object model: a lazy :class:`Flights` collection and the :class:`Flight` it yields
(:mod:`liftwatch.flight`).

Modelled on traffic's ``Traffic``/``Flight`` (chaining, ``_repr_html_``, ``__geo_interface__``) but lazily
backed by the store: a collection is a :class:`~liftwatch.filters.FlightFilter` until rows are asked for, so
chaining ``lw.flights().military().corridor("hmeimim", "eastern libya").dark()`` costs one query at the end.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

import polars as pl

from liftwatch import kb
from liftwatch.analytics.corridors import Level, Period, corridors
from liftwatch.errors import LiftwatchError
from liftwatch.filters import MILITARY, FlightFilter, TimeLike
from liftwatch.flight import Flight, StoreRef, get_flight, svg, track_coords

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class HomeBase:
    """Where an airframe (or any selection) is based: its most frequent departure site.

    ``departures`` flights left ``site_id``, out of ``known`` flights with a known departure site (``share`` =
    departures / known) and ``flights`` in the selection; a thin share says the "home" is a guess. ``tied``
    names the other sites as many flights left (at most five, by id): an airframe shuttling between two bases
    has no one home, and the first id alone would say it had.
    """

    site_id: str
    name: str | None
    departures: int
    known: int
    flights: int
    tied: tuple[str, ...] = ()

    @property
    def share(self) -> float:
        return self.departures / self.known if self.known else 0.0


class Flights:
    """A lazy selection of stored flights; chain filters, then iterate, index or convert."""

    def __init__(self, ref: StoreRef, where: FlightFilter | None = None) -> None:
        self._ref = ref
        self.filter = where or FlightFilter()

    def _with(self, **changes: Any) -> Flights:
        return Flights(self._ref, self.filter.replace(**changes))

    # -- chaining -------------------------------------------------------------------------------------
    def military(self) -> Flights:
        """Military and state flights (state transport is how militaries move cargo)."""
        return self._with(classification=MILITARY)

    def corridor(self, origin: str | None, destination: str | None) -> Flights:
        """Flights from ``origin`` to ``destination`` (site or region names; either may be None)."""
        return self._with(origin=origin, destination=destination)

    def between(self, start: TimeLike | None, end: TimeLike | None) -> Flights:
        """Flights active in ``[start, end)`` (UTC)."""
        return self._with(start=start, end=end)

    def dark(self) -> Flights:
        """Flights that went dark (ended airborne inside receiver coverage)."""
        return self._with(ending="dark")

    def where(self, **fields: Any) -> Flights:
        """Any :class:`~liftwatch.filters.FlightFilter` field (``country="RU"``, ``site="tobruk"``...)."""
        return self._with(**fields)

    # -- results --------------------------------------------------------------------------------------
    def to_polars(self) -> pl.DataFrame:
        """The matching rows of the flights table, oldest first."""
        where, params = self.filter.where()
        return self._ref.store.flights(where, params or None)

    def page(self, offset: int = 0, limit: int = 500) -> pl.DataFrame:
        """Rows ``offset`` to ``offset + limit`` in time order (LIMIT/OFFSET in DuckDB, for paged views)."""
        if offset < 0 or limit < 0:
            raise LiftwatchError(f"offset and limit must be >= 0 (got {offset}, {limit})")
        where, params = self.filter.where()
        sql = (
            "SELECT * FROM flights"
            + (f" WHERE {where}" if where else "")
            + " ORDER BY first_ts, asset_id, flight_id LIMIT ? OFFSET ?"
        )
        return self._ref.store.sql(sql, [*params, limit, offset])

    def to_pandas(self) -> pd.DataFrame:
        return self.to_polars().to_pandas()

    def to_geojson(self) -> dict[str, Any]:
        """A GeoJSON FeatureCollection of the simplified tracks."""
        return {"type": "FeatureCollection", "features": [f.__geo_interface__ for f in self]}

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        return self.to_geojson()

    def corridors(
        self, level: Level = "region", by: Sequence[str] = ("classification",), period: Period = None
    ) -> pl.DataFrame:
        """Corridor table of these flights (expected flights incl. dark-ending probabilities, tonnage);
        ``period="day"``/``"week"`` gives a time series."""
        return corridors(self.to_polars(), level=level, by=by, period=period)

    def home_base(self) -> HomeBase | None:
        """The most frequent departure site of these flights (ties: the first site id, the others in ``tied``), or None when no flight
        has a known departure. One grouped query in DuckDB, so it costs nothing on a long history."""
        where, params = self.filter.where()
        sql = (
            "SELECT dep_site, count(*) AS n, sum(count(*)) OVER () AS known, "
            "(SELECT count(*) FROM flights" + (f" WHERE {where}" if where else "") + ") AS total "
            "FROM flights WHERE dep_site IS NOT NULL" + (f" AND ({where})" if where else "") + " "
            "GROUP BY dep_site ORDER BY n DESC, dep_site LIMIT 6"
        )
        df = self._ref.store.sql(sql, [*params, *params] or None)
        if df.height == 0:
            return None
        site_id, n, known, total = df.row(0)
        tied = tuple(str(r[0]) for r in df.rows()[1:] if r[1] == n)
        try:
            name: str | None = kb.site(str(site_id)).name
        except KeyError:  # a site id the knowledge base no longer has: still the home, without a name
            name = None
        return HomeBase(str(site_id), name, int(n), int(known), int(total), tied)

    def __iter__(self) -> Iterator[Flight]:
        for row in self.to_polars().iter_rows(named=True):
            yield Flight(row, self._ref)

    def __len__(self) -> int:
        where, params = self.filter.where()
        sql = "SELECT count(*) AS n FROM flights" + (f" WHERE {where}" if where else "")
        return int(self._ref.store.sql(sql, params or None)["n"][0])

    def __getitem__(self, key: str | int) -> Flight:
        """``flights["<flight_id>"]`` or ``flights[0]`` (position in time order)."""
        df = self.to_polars()
        if isinstance(key, int):
            if not -df.height <= key < df.height:
                raise IndexError(f"{key} out of range for {df.height} flights")
            return Flight(df.row(key, named=True), self._ref)
        hit = df.filter(pl.col("flight_id") == key)
        if hit.height == 0:
            raise KeyError(f"no flight {key!r} in this selection ({self.filter.describe()})")
        return Flight(hit.row(0, named=True), self._ref)

    def __repr__(self) -> str:
        if self._ref.closed:
            return f"Flights({self.filter.describe()}; database closed)"
        return f"Flights({self.filter.describe()}: {len(self):,})"

    def _repr_html_(self) -> str:
        df = self.to_polars()
        head = f"<b>{df.height:,} flights</b> ({escape(self.filter.describe())})"
        if df.height == 0:
            return f"<div>{head}</div>"
        lines = [track_coords(g) for g in df["geometry"].head(500).to_list()]
        summary = (
            df.group_by("classification", "ending")
            .agg(pl.len().alias("flights"))
            .sort("flights", descending=True)
            .head(12)
            ._repr_html_()
        )
        return f"<div>{head}<div style='display:flex;gap:1em'>{summary}{svg(lines)}</div></div>"


__all__ = ["Flight", "Flights", "HomeBase", "StoreRef", "get_flight", "track_coords"]

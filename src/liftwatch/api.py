"""The notebook-facing object: ``liftwatch.open(db)`` -> :class:`LiftWatch`, the whole pipeline in one place.

Every ``liftwatch`` command is a thin call into a method here, so a notebook gets the same result the CLI
prints: ``lw.ingest(folder)`` / ``lw.build()`` / ``lw.flights(...)`` / ``lw.check(article)`` /
``lw.analyse(...)`` / ``lw.report(out)``. Tables are Polars DataFrames (``.to_pandas()`` converts); flights
come as a lazy :class:`~liftwatch.flights.Flights` collection.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl

from liftwatch import kb, sea
from liftwatch.analytics.corridors import Level, Period, corridors
from liftwatch.claims import ClaimResult, Extraction, check, extract
from liftwatch.errors import LiftwatchError, NoDataError
from liftwatch.filters import Classification, Domain, Ending, FlightFilter, TimeLike, as_utc, split_corridor
from liftwatch.flights import Flight, Flights, StoreRef, get_flight
from liftwatch.ingest import IngestRun, ingest_paths
from liftwatch.kb.places import resolve_place
from liftwatch.report import Analysis, ReportResult, analyse, write_report
from liftwatch.sea.build import SeaResult
from liftwatch.sources import FetchReport, Selection
from liftwatch.sources import fetch as fetch_source
from liftwatch.sources.base import Progress
from liftwatch.store import Store
from liftwatch.tracks.clean import CleanReport
from liftwatch.tracks.flights import BuildReport, store_flights


@dataclass
class BuildSummary:
    """What ``build()`` did: flights from aircraft points, voyages from ship points."""

    flights: int = 0
    voyages: int = 0
    flights_report: BuildReport = field(default_factory=BuildReport)
    voyages_stats: dict[str, int] = field(default_factory=dict)
    voyage_endings: dict[str, int] = field(default_factory=dict)

    @property
    def clean(self) -> CleanReport:
        return self.flights_report.clean

    def __repr__(self) -> str:
        return f"BuildSummary({self.flights:,} flights, {self.voyages:,} voyages)"


@dataclass
class ClaimCheck:
    """The claims an article makes and what the data says about each."""

    extraction: Extraction
    results: list[ClaimResult]

    @property
    def positive(self) -> bool:
        """True when at least one claim is supported or partly supported."""
        return any(r.verdict in ("supported", "partly supported") for r in self.results)

    def __repr__(self) -> str:
        verdicts = ", ".join(f"{r.claim.claim_id}: {r.verdict}" for r in self.results) or "no claims found"
        return f"ClaimCheck({len(self.results)} claims; {verdicts})"


def read_article(article: str | os.PathLike[str]) -> str:
    """An article's text from a path (UTF-8, bad bytes replaced)."""
    path = Path(article)
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise LiftwatchError(f"{path}: cannot read ({exc.strerror or exc})") from None


def day_window(start: TimeLike | None, end: TimeLike | None) -> tuple[date | None, date | None]:
    """Inclusive first/last days -> (first day, day after the last) as the analysis takes them."""
    d0 = as_utc(start, "start").date() if start is not None else None
    d1 = as_utc(end, "end").date() + timedelta(days=1) if end is not None else None
    return d0, d1


class LiftWatch:
    """A handle on one liftwatch database (see :func:`open`)."""

    def __init__(self, store: Store) -> None:
        self._ref = StoreRef(store)

    @property
    def store(self) -> Store:
        """The underlying store (raises a clear error once closed)."""
        return self._ref.store

    # -- pipeline -------------------------------------------------------------------------------------
    def ingest(
        self,
        *paths: str | os.PathLike[str],
        format: str | None = None,
        force: bool = False,
        on_file: Callable[[Path], None] | None = None,
        on_batch: Callable[[int], None] | None = None,
        raise_unexpected: bool = False,
        workers: int | None = None,
        dask: Any = None,
    ) -> IngestRun:
        """Read files or folders into the store (folders expanded; AIS static data kept); see ``IngestRun``.

        ``workers`` processes parse small files in parallel (default: one per core when there is enough work),
        or ``dask`` (a scheduler address such as ``tcp://host:8786``, or a ``distributed.Client``) parses them
        on a cluster that sees the same paths; this process stores them in order, so the result is the same.
        """
        return ingest_paths(
            self.store,
            paths,
            format=format,
            force=force,
            on_file=on_file,
            on_batch=on_batch,
            raise_unexpected=raise_unexpected,
            workers=workers,
            dask=dask,
        )

    def build(
        self,
        *,
        flights: bool = True,
        voyages: bool = True,
        partitions: int | None = None,
        on_points: Callable[[int], None] | None = None,
    ) -> BuildSummary:
        """Flights from aircraft points and voyages from ship points, stored in the flights table."""
        out = BuildSummary()
        store = self.store
        if flights and self.count_points("air"):
            out.flights = store_flights(
                store, n_partitions=partitions, on_partition=on_points, report=out.flights_report
            )
        if voyages and self.count_points("sea"):
            res = self.sea()
            out.voyages = store.write_flights(res.voyages.to_arrow())
            out.voyages_stats = dict(res.stats)
            counts = res.voyages["ending"].value_counts().sort("ending").iter_rows()
            out.voyage_endings = {str(k): int(v) for k, v in counts}
        return out

    def sea(self) -> SeaResult:
        """Port calls, silences and voyages computed from the stored AIS points (not stored)."""
        return sea.analyse(self.store)

    def fetch(
        self,
        source: str,
        start: date | str,
        end: date | str | None = None,
        *,
        selection: Selection | None = None,
        country: str | Sequence[str] | None = None,
        military: bool = False,
        addresses: Sequence[str] | None = None,
        bbox: str | None = None,
        region: str | None = None,
        clip: bool = False,
        base_url: str | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
        progress: Progress | None = None,
        **options: Any,
    ) -> FetchReport:
        """Download ``source`` for the days ``start``..``end``, keep what the filters ask for, ingest it here.

        The same call as ``liftwatch fetch SOURCE``: ``country`` (ISO2 codes, by ICAO address block),
        ``military`` (tar1090-db flag), ``addresses``, ``bbox`` or ``region`` (any alias) build a
        :class:`~liftwatch.sources.Selection` unless one is given. Re-running does nothing already done; the
        source and its licence are recorded for the attributions every output carries (docs/sources.md).
        """
        sel = selection or Selection.build(
            countries=list(country) if country is not None and not isinstance(country, str) else country,
            military=military,
            addresses=list(addresses) if addresses else None,
            bbox=bbox,
            region=region,
            clip=clip,
        )
        return fetch_source(
            source,
            self.store,
            start=start,
            end=end,
            selection=sel,
            base_url=base_url,
            cache_dir=cache_dir,
            progress=progress,
            **options,
        )

    def check(
        self,
        article: str | os.PathLike[str],
        *,
        publication: date | None = None,
        window_days: int = 30,
        tolerance_days: int = 2,
        text: str | None = None,
        extraction: Extraction | None = None,
    ) -> ClaimCheck:
        """Extract an article's claims (path, or ``text=``, or an ``extraction`` already made) and check each."""
        if extraction is None:
            body = text if text is not None else read_article(article)
            extraction = extract(body, publication, default_window_days=window_days)
        return ClaimCheck(extraction, check(extraction, self.store, tolerance_days=tolerance_days))

    def analyse(
        self,
        *,
        start: TimeLike | None = None,
        end: TimeLike | None = None,
        corridor: str | None = None,
        region: str | None = None,
        watchlist: str | os.PathLike[str] | None = None,
        baseline_days: int | None = None,
        coverage: bool = False,
        title: str = "liftwatch report",
        articles: Sequence[str | os.PathLike[str]] = (),
        publication: date | None = None,
    ) -> Analysis:
        """Corridors, lift, alerts, summary (and claim verdicts for ``articles``) for the stored flights.

        ``start``/``end`` are the first and last day (inclusive); ``corridor`` is ``"FROM:TO"`` and ``region``
        one place, each a site or region name resolved like everywhere else.
        """
        flights = self.store.flights()
        if flights.is_empty():
            raise NoDataError(f"{self._ref.path}: no flights stored (run `liftwatch build` first)")
        d0, d1 = day_window(start, end)
        scope: list[str] = []
        origin = destination = regions = None
        if corridor:
            a, b = split_corridor(corridor)
            origin = list(resolve_place(a).ids) if a else None
            destination = list(resolve_place(b).ids) if b else None
            scope.append(f"corridor {a or 'anywhere'} → {b or 'anywhere'}")
        if region:
            regions = list(resolve_place(region).ids)
            scope.append(f"region {region}")
        if watchlist is not None:
            matched = kb.load_watchlist(Path(watchlist)).match_flights(flights, only_matched=True)
            flights = flights.filter(pl.col("flight_id").is_in(matched["flight_id"].unique().implode()))
            scope.append(f"watchlist {Path(watchlist).name}")
        baseline_end = None
        if baseline_days:
            first = d0 or _first_day(flights)
            baseline_end = first + timedelta(days=baseline_days)
        claims = [r for a in articles for r in self.check(a, publication=publication).results]
        return analyse(
            flights,
            start=d0,
            end=d1,
            title=title,
            scope=", ".join(scope) or "all flights",
            origin=origin,
            destination=destination,
            region=regions,
            baseline_end=baseline_end,
            coverage="background" if coverage else None,
            claims=claims,
        )

    def report(
        self, out: str | os.PathLike[str], analysis: Analysis | None = None, *, tiles: bool = False, **options: Any
    ) -> ReportResult:
        """Write report.html, map.html, plots and exports for ``analysis`` (default: ``analyse(**options)``).

        The store's data sources and their licence notices (ODbL for adsb.lol ...) go on every output."""
        return write_report(
            analysis if analysis is not None else self.analyse(**options),
            Path(out),
            tiles=tiles,
            attributions=self.store.attributions(),
        )

    # -- queries --------------------------------------------------------------------------------------
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

    def voyages(self, *, asset: str | None = None, ending: Ending | None = None) -> Flights:
        """Stored ship voyages (the flights table, domain ``sea``)."""
        return Flights(self._ref, FlightFilter(domain="sea", asset=asset, ending=ending))

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
    ) -> pl.DataFrame:
        """The corridor table of the stored flights first seen between ``start`` and ``end`` (days, inclusive)."""
        d0, d1 = day_window(start, end)
        flights = self.store.flights()
        if d0:
            flights = flights.filter(pl.col("first_ts").dt.date() >= d0)
        if d1:
            flights = flights.filter(pl.col("first_ts").dt.date() < d1)
        return corridors(flights, level=level, by=by, period=period)

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
        if domain is None:
            return int(self.store.sql("SELECT count(*) AS n FROM points")["n"][0])
        return int(self.store.sql("SELECT count(*) AS n FROM points WHERE domain = ?", [domain])["n"][0])

    # -- lifecycle ------------------------------------------------------------------------------------
    def close(self) -> None:
        self._ref.close()

    def __enter__(self) -> LiftWatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        if self._ref.closed:
            return f"LiftWatch({self._ref.path!r}, closed)"
        i = self.store.info()
        return (
            f"LiftWatch({i['path']!r}: {i['points']:,} points, {i['assets']:,} assets, {i['files']:,} files, "
            f"{i['flights']:,} flights and voyages; {i['first']} to {i['last']})"
        )


def _first_day(flights: pl.DataFrame) -> date:
    first = flights["first_ts"].min()
    assert isinstance(first, datetime)
    return first.date()


def open(db: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> LiftWatch:
    """Open (creating if needed) a liftwatch database; default ``./liftwatch.duckdb`` or ``$LIFTWATCH_DB``."""
    return LiftWatch(Store(db, read_only=read_only))

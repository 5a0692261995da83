"""The notebook-facing object: ``liftwatch.open(db)`` -> :class:`LiftWatch`, the whole pipeline in one place.

Every ``liftwatch`` command is a thin call into a method here, so a notebook gets the same result the CLI
prints: ``lw.ingest(folder)`` / ``lw.build()`` / ``lw.flights(...)`` / ``lw.check(article)`` /
``lw.analyse(...)`` / ``lw.report(out)``. Tables are Polars DataFrames (``.to_pandas()`` converts); flights
come as a lazy :class:`~liftwatch.flights.Flights` collection.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from liftwatch.errors import LiftwatchError, NoDataError
from liftwatch.flights import StoreRef
from liftwatch.queries import StoreQueries
from liftwatch.store import Store
from liftwatch.store_dataset import DatasetStore, open_store

# Each pipeline step imports its engine when it runs: opening a store for `liftwatch info` or an ingest
# should not load the report writer, the claims checker, the sources' HTTP client or SciPy (~1 CPU s).
if TYPE_CHECKING:
    from liftwatch.analysis_scope import day_window
    from liftwatch.article_check import ClaimCheck, read_article
    from liftwatch.build import BuildSummary
    from liftwatch.claims import Extraction
    from liftwatch.dataset_export import ExportReport
    from liftwatch.filters import TimeLike
    from liftwatch.ingest import IngestRun
    from liftwatch.io.assumed_time import AssumeTime
    from liftwatch.report import Analysis, AnalysisOptions, ReportResult
    from liftwatch.sources import FetchReport, Selection
    from liftwatch.sources.base import Progress

# re-exported: ``from liftwatch.api import BuildSummary, ClaimCheck, day_window, read_article`` keeps working
__all__ = [
    "BuildSummary",
    "ClaimCheck",
    "LiftWatch",
    "day_window",
    "open",
    "open_dataset",
    "read_article",
]


def __getattr__(name: str) -> Any:
    """The re-exported names, imported on first use (PEP 562)."""
    value: Any
    if name == "BuildSummary":
        from liftwatch.build import BuildSummary as value
    elif name in ("ClaimCheck", "read_article"):
        from liftwatch import article_check

        value = getattr(article_check, name)
    elif name == "day_window":
        from liftwatch.analysis_scope import day_window as value
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


class LiftWatch(StoreQueries):
    """A handle on one liftwatch database (see :func:`open`): a DuckDB file, or a Parquet dataset directory
    or URL (``LiftWatch("s3://bucket/liftwatch")``), which every method reads and writes alike.

    The pipeline (ingest, build, fetch, check, analyse, report, export) is here; the questions asked of what
    is stored (flights, voyages, corridors, changes, points, SQL) are :class:`~liftwatch.queries.StoreQueries`.
    """

    def __init__(self, store: Store | str | os.PathLike[str]) -> None:
        self._ref = StoreRef(store if isinstance(store, Store) else open_store(store))

    # -- pipeline -------------------------------------------------------------------------------------
    def ingest(
        self,
        *paths: str | os.PathLike[str],
        format: str | None = None,
        force: bool = False,
        on_file: Callable[[Path], None] | None = None,
        on_batch: Callable[[int], None] | None = None,
        raise_unexpected: bool = False,
        assume_time: AssumeTime | None = None,
        workers: int | None = None,
        dask: Any = None,
    ) -> IngestRun:
        """Read files or folders into the store (folders expanded; AIS static data kept); see ``IngestRun``.

        ``assume_time`` (UTC datetime, ISO text or ``"file-mtime"``) is the time given to AIS messages that
        carry none (untimed NMEA dumps); their points are flagged ``PointFlag.ASSUMED_TIME``.
        ``workers`` processes parse small files in parallel (default: one per core when there is enough work),
        or ``dask`` (a scheduler address such as ``tcp://host:8786``, or a ``distributed.Client``) parses them
        on a cluster that sees the same paths; this process stores them in order, so the result is the same.
        """
        from liftwatch.dataset_ingest import ingest_into
        from liftwatch.ingest import ingest_paths

        if isinstance(self.store, DatasetStore):
            return ingest_into(
                self.store,
                paths,
                format=format,
                force=force,
                on_file=on_file,
                on_batch=on_batch,
                raise_unexpected=raise_unexpected,
                assume_time=assume_time,
                workers=workers,
                dask=dask,
            )
        return ingest_paths(
            self.store,
            paths,
            format=format,
            force=force,
            on_file=on_file,
            on_batch=on_batch,
            raise_unexpected=raise_unexpected,
            assume_time=assume_time,
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
        workers: int | Literal["auto"] | None = None,
        dask: str | None = None,
        spill_dir: str | os.PathLike[str] | None = None,
    ) -> BuildSummary:
        """Flights from aircraft points and voyages from ship points, stored in the flights table.

        The per-partition kernels run in this process (default), on ``workers`` local processes (``"auto"``:
        one per core for stores of 2 M points or more, as memory allows; a script needs the
        ``if __name__ == "__main__":`` guard, as for any ``spawn`` process pool), or on a Dask cluster: ``dask="tcp://scheduler:8786"``, or
        ``dask="local"`` for a local Dask cluster of ``workers`` processes (needs the ``dask`` extra). Every
        backend gives the single-process result exactly. Workers exchange partitions through files in
        ``spill_dir`` (default: the system temporary folder), which on a cluster must be a folder every worker
        sees under the same path (``docs/scale.md``).
        """
        from liftwatch.build import build_store

        return build_store(
            self.store,
            flights=flights,
            voyages=voyages,
            partitions=partitions,
            on_points=on_points,
            workers=workers,
            dask=dask,
            spill_dir=spill_dir,
        )

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

        The same call as ``liftwatch fetch SOURCE``: ``country`` (ISO2 codes or names, by ICAO address block),
        ``military`` (tar1090-db flag), ``addresses``, ``bbox`` or ``region`` (any alias) build a
        :class:`~liftwatch.sources.Selection` unless one is given. Re-running does nothing already done; the
        source and its licence are recorded for the attributions every output carries (docs/sources.md).
        """
        from liftwatch.sources import Selection
        from liftwatch.sources import fetch as fetch_source

        if isinstance(self.store, DatasetStore):
            raise LiftwatchError(
                f"{self._ref.path}: fetch writes into a DuckDB store; fetch there, then `liftwatch export --parquet`"
            )
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
        article: str | os.PathLike[str] | None = None,
        *,
        publication: date | None = None,
        window_days: int = 30,
        tolerance_days: int = 2,
        text: str | None = None,
        extraction: Extraction | None = None,
    ) -> ClaimCheck:
        """Extract an article's claims and check each: give a path, or ``text=`` (the article's text), or an
        ``extraction`` already made (``liftwatch.claims.extract``), exactly one of them."""
        from liftwatch.article_check import check_article

        return check_article(
            self.store,
            article,
            publication=publication,
            window_days=window_days,
            tolerance_days=tolerance_days,
            text=text,
            extraction=extraction,
        )

    def analyse(
        self,
        options: AnalysisOptions | None = None,
        *,
        start: TimeLike | None = None,
        end: TimeLike | None = None,
        corridor: str | None = None,
        region: str | None = None,
        watchlist: str | os.PathLike[str] | None = None,
        baseline_days: int | None = None,
        coverage: bool | None = None,
        title: str | None = None,
        articles: Sequence[str | os.PathLike[str]] = (),
        publication: date | None = None,
    ) -> Analysis:
        """Corridors, lift, alerts, summary (and claim verdicts for ``articles``) for the stored flights.

        ``start``/``end`` are the first and last day (inclusive); ``corridor`` is ``"FROM:TO"`` and ``region``
        one place, each a site or region name resolved like everywhere else. ``coverage``: True/False turn the
        normalisation of change detection by daily civil traffic on/off (None keeps the options', on by
        default). ``options`` (an :class:`~liftwatch.report.AnalysisOptions`) is the starting point when given;
        the keywords refine it.
        """
        from liftwatch.analysis_scope import scoped_options
        from liftwatch.report import AnalysisOptions, analyse

        flights = self.store.flights()
        if flights.is_empty():
            raise NoDataError(f"{self._ref.path}: no flights stored (run `liftwatch build` first)")
        flights, chosen = scoped_options(
            flights,
            options or AnalysisOptions(),
            start=start,
            end=end,
            corridor=corridor,
            region=region,
            watchlist=watchlist,
            baseline_days=baseline_days,
            coverage=coverage,
            title=title,
        )
        claims = [r for a in articles for r in self.check(a, publication=publication).results]
        return analyse(flights, chosen.replace(claims=(*chosen.claims, *claims)))

    def report(
        self, out: str | os.PathLike[str], analysis: Analysis | None = None, *, tiles: bool = False, **options: Any
    ) -> ReportResult:
        """Write report.html, map.html, plots and exports for ``analysis`` (default: ``analyse(**options)``,
        which takes ``options=AnalysisOptions(...)`` as well as the keywords).

        The store's data sources and their licence notices (ODbL for adsb.lol ...) go on every output."""
        from liftwatch.report import write_report

        return write_report(
            analysis if analysis is not None else self.analyse(**options),
            Path(out),
            tiles=tiles,
            attributions=self.store.attributions(),
        )

    def export_dataset(
        self,
        target: str | os.PathLike[str],
        *,
        buckets: int | None = None,
        storage_options: dict[str, Any] | None = None,
    ) -> ExportReport:
        """Write this store into the partitioned Parquet dataset at ``target`` (a folder or an fsspec URL such
        as ``s3://bucket/prefix``), created if absent, de-duplicated against what it already holds."""
        from liftwatch.dataset_export import export_dataset

        return export_dataset(self.store, target, buckets=buckets, storage_options=storage_options)

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


def open(db: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> LiftWatch:
    """Open (creating if needed) a liftwatch database; default ``./liftwatch.duckdb`` or ``$LIFTWATCH_DB``.

    A directory holding a liftwatch Parquet dataset, or an fsspec URL (``s3://``, ``gs://``), opens that
    dataset instead (:func:`open_dataset` creates one)."""
    return LiftWatch(open_store(db, read_only=read_only))


def open_dataset(
    target: str | os.PathLike[str],
    *,
    create: bool = True,
    read_only: bool = False,
    buckets: int | None = None,
    storage_options: dict[str, Any] | None = None,
) -> LiftWatch:
    """Open a partitioned Parquet dataset (folder or fsspec URL), creating an empty one when absent."""
    return LiftWatch(
        DatasetStore(target, create=create, read_only=read_only, buckets=buckets, storage_options=storage_options)
    )

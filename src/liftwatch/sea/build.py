"""Sea points -> voyages in the flights table (``FLIGHT_SCHEMA``, ``domain = 'sea'``).

Two passes over the store's sea points, partition by partition (every report of a ship is in one partition):
pass 1 learns the reception grid and the data's end; pass 2 marks port visits and calls, finds and ranks
silences, classifies them with the global reception, splits voyages and writes one row per voyage. Ship identity
comes from the knowledge base: flag from the MMSI's MID, operator/classification from the curated assets (by
MMSI, IMO or name, e.g. Oboronlogistika's Sparta II). The declared AIS destination (from a static table, when
given) is copied into the evidence as ``declared_destination``, marked untrusted, and never used for the ranking.

One loop serves every backend: a store's ship points are spilled once into per-partition files and both passes
run over them through a *task runner*, :func:`in_process` here, or worker processes / a Dask cluster
(:mod:`liftwatch.scale.sea`), so a single process and a cluster compute the very same partitions in the same
order. The rows written per voyage are :mod:`liftwatch.sea.voyage_rows`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.partitions import load_partition, spill_prefix, spill_store
from liftwatch.schema import FLIGHT_SCHEMA, POLARS_POINT_SCHEMA, conform
from liftwatch.sea import destinations, gaps, portcalls, voyages
from liftwatch.sea.voyage_rows import voyage_rows

if TYPE_CHECKING:
    from liftwatch.store import Store

P = TypeVar("P")


@dataclass
class SeaResult:
    """Everything the sea pipeline decided, for the CLI, tests and evidence."""

    voyages: pl.DataFrame
    port_calls: pl.DataFrame  # observed visits (is_call says which were calls)
    gaps: pl.DataFrame  # silences >= 6 h with class and candidates
    stats: dict[str, int] = field(default_factory=dict)

    def all_port_calls(self, min_prob: float = 0.4) -> pl.DataFrame:
        """Observed port calls plus those inferred from lingering silences (top port with prob >= min_prob)."""
        obs = self.port_calls.filter(pl.col("is_call")).select(
            "asset_id", "site_id", "start", "end", pl.lit("observed").alias("basis"), pl.lit(1.0).alias("prob")
        )
        g = self.gaps.filter(pl.col("lingers") & ~pl.col("in_port") & (pl.col("candidates").list.len() > 0))
        inf = g.select(
            "asset_id",
            pl.col("candidates").list.first().struct.field("site_id").alias("site_id"),
            pl.col("ts_a").alias("start"),
            pl.coalesce("ts_b", "ts_a").alias("end"),
            pl.lit("inferred").alias("basis"),
            pl.col("candidates").list.first().struct.field("prob").cast(pl.Float64).alias("prob"),
        ).filter(pl.col("prob") >= min_prob)
        return pl.concat([obs, inf]).sort("asset_id", "start")


def _clean(points: pl.DataFrame) -> pl.DataFrame:
    df = points.filter((pl.col("domain") == "sea") & pl.col("lat").is_not_null() & pl.col("lon").is_not_null())
    return df.unique(["asset_id", "ts"], keep="first").sort("asset_id", "ts")


def _frame(source: pl.DataFrame | pa.Table) -> pl.DataFrame:
    """A table of points in the canonical columns (conformed when columns are missing)."""
    if isinstance(source, pa.Table):
        source = pl.from_arrow(conform(source))
    if isinstance(source, pl.DataFrame):
        df = source
        if set(POLARS_POINT_SCHEMA) - set(df.columns):
            frame = pl.from_arrow(conform(df))
            assert isinstance(frame, pl.DataFrame)
            df = frame
        return df
    raise TypeError(f"cannot build voyages from {type(source).__name__}")


def _data_end(source: Any) -> Any:
    """End of the data (all domains): a ship silent until then was silent while others were still heard."""
    from liftwatch.store import Store

    if isinstance(source, Store):
        return source.con.execute("SELECT max(ts) FROM points").fetchall()[0][0]
    if isinstance(source, pa.Table):
        return pl.from_arrow(source.select(["ts"]))["ts"].max()  # type: ignore[index]
    if isinstance(source, pl.DataFrame) and "ts" in source.columns:
        return source["ts"].max()
    return None


def _heard_hours(source: Any) -> pl.DataFrame | None:
    """Hours in which anything at all (any domain) was recorded: aircraft heard while every ship was silent
    show the data kept coming (see :func:`liftwatch.sea.gaps.heard_hours`)."""
    from liftwatch.store import Store

    if isinstance(source, Store):
        rows = source.con.execute("SELECT DISTINCT epoch_us(ts) // 3600000000 FROM points").fetchall()
        return pl.DataFrame({"hour": [r[0] for r in rows]}, schema={"hour": pl.Int64})
    if isinstance(source, pa.Table):
        source = pl.from_arrow(source.select(["ts"]))
    if isinstance(source, pl.DataFrame) and "ts" in source.columns:
        return gaps.heard_hours(source)
    return None


TaskRunner = Callable[[Callable[..., Any], list[tuple[Any, ...]]], Iterable[Any]]
"""Runs ``fn(*a)`` for each ``a`` and yields the results in order: :func:`in_process`, or a map on worker
processes or a Dask cluster (``liftwatch.scale.sea`` passes one built on an executor)."""


def in_process(fn: Callable[..., Any], args: list[tuple[Any, ...]]) -> Iterator[Any]:
    """The single-process runner: each task here, one at a time, in order."""
    for a in args:
        yield fn(*a)


def analyse(
    source: Any, *, sites: pl.DataFrame | None = None, static: pl.DataFrame | None = None, data_end: Any = None
) -> SeaResult:
    """Run the whole sea pipeline; ``source`` is a Store, or a Polars/Arrow table of canonical points.

    ``data_end`` (default: the last report of any domain in ``source``) bounds silences at the end of the data.
    ``static`` (AIS static reports; from a store, its ``ais_static`` table by default) gives names and declared
    destinations.
    """
    from liftwatch.store import Store

    if isinstance(source, Store):
        work = tempfile.mkdtemp(prefix=spill_prefix())
        try:
            return analyse_store(source, work, sites=sites, static=static, data_end=data_end)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    end = data_end if data_end is not None else _data_end(source)
    return run_passes([_frame(source)], _as_is, portcalls.port_sites(sites), static, end, heard=_heard_hours(source))


def analyse_store(
    store: Store,
    work: str,
    *,
    sites: pl.DataFrame | None = None,
    static: pl.DataFrame | None = None,
    data_end: Any = None,
    run: TaskRunner = in_process,
) -> SeaResult:
    """The sea pipeline over a store: its ship points spilled once into per-partition files in the folder
    ``work`` (which the caller removes), then both passes over those files with ``run``.

    Every backend goes through here, so one process and many workers read the same partitions and combine
    them in the same order: the result does not depend on where the tasks ran.
    """
    if static is None:
        static = store.ais_static()
    specs = spill_store(store, os.path.join(work, "points"), domain="sea")
    end = data_end if data_end is not None else _data_end(store)
    heard = _heard_hours(store)
    return run_passes(specs, load_partition, portcalls.port_sites(sites), static, end, run, heard=heard)


def run_passes(
    parts: Sequence[P],
    load: Callable[[P], pl.DataFrame],
    ports: pl.DataFrame,
    static: pl.DataFrame | None,
    end: Any,
    run: TaskRunner = in_process,
    heard: pl.DataFrame | None = None,
) -> SeaResult:
    """The two passes over ``parts`` (each turned into its points by ``load``, where the task runs): the
    reception grid shares and last reports, the global grid, then voyages, calls and gaps per partition,
    combined in partition order. ``load`` must be picklable when ``run`` uses other processes. ``heard``: the
    hours in which anything (any domain) was recorded (:func:`liftwatch.sea.gaps.heard_hours`), which bound
    the silences; None leaves them unbounded."""
    grids = []
    starts = gaps.collection_starts(heard)
    for got in run(_pass1_task, [(load, p, ports, starts) for p in parts]):
        if got is not None:
            grids.append(got[0])
            end = later(end, got[1])
    if not grids:
        return empty_result()
    grid = merge_grids(grids)
    found = run(_pass2_task, [(load, p, ports, grid, end, static, heard) for p in parts])
    return combine([p for p in found if p is not None])


def _as_is(frame: pl.DataFrame) -> pl.DataFrame:
    return frame


def _pass1_task(
    load: Callable[[Any], pl.DataFrame], part: Any, ports: pl.DataFrame, starts: np.ndarray | None = None
) -> tuple[pl.DataFrame, Any] | None:
    return pass1_frame(load(part), ports, starts)


def _pass2_task(
    load: Callable[[Any], pl.DataFrame],
    part: Any,
    ports: pl.DataFrame,
    grid: pl.DataFrame,
    end: Any,
    static: pl.DataFrame | None,
    heard: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame] | None:
    return pass2_frame(load(part), ports, grid, end, static, heard)


def later(a: Any, b: Any) -> Any:
    """The later of two timestamps (either may be None)."""
    return b if a is None or (b is not None and b > a) else a


def pass1_frame(
    frame: pl.DataFrame, ports: pl.DataFrame, starts: np.ndarray | None = None
) -> tuple[pl.DataFrame, Any] | None:
    """Pass 1 on one partition: its share of the reception grid (per collection, ``starts``:
    :func:`liftwatch.sea.gaps.collection_starts`) and its last report (None when no ship)."""
    pts = _clean(frame)
    if pts.height == 0:
        return None
    marked = portcalls.mark_visits(pts, ports)
    return gaps.reception(marked, starts).select("cell", "coll", "msgs", "us"), pts["ts"].max()


def merge_grids(grids: list[pl.DataFrame]) -> pl.DataFrame:
    """The global reception grid from the partitions' shares (the global step between the passes)."""
    return gaps.with_rate(pl.concat(grids).group_by("cell", "coll").agg(pl.col("msgs").sum(), pl.col("us").sum()))


def pass2_frame(
    frame: pl.DataFrame,
    ports: pl.DataFrame,
    grid: pl.DataFrame,
    end: Any,
    static: pl.DataFrame | None,
    heard: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame] | None:
    """Pass 2 on one partition: (voyages, port calls, gaps) against the global grid and listening record."""
    pts = _clean(frame)
    if pts.height == 0:
        return None
    marked = portcalls.mark_visits(pts, ports)
    calls = portcalls.port_calls(marked)
    likely = portcalls.inferable_ports(ports, calls)  # where a place is only inferred
    g = gaps.classify(destinations.rank(gaps.find_gaps(marked, end), likely, calls), grid, likely, heard)
    split = g.filter(pl.col("lingers") & ~pl.col("in_port"))
    assigned = voyages.assign_voyages(marked, calls, split)
    return voyage_rows(assigned, calls, g, likely, static), calls, g


def empty_result() -> SeaResult:
    empty = pl.from_arrow(FLIGHT_SCHEMA.empty_table())
    assert isinstance(empty, pl.DataFrame)
    return SeaResult(empty, pl.DataFrame(schema=portcalls.PORTCALL_SCHEMA), pl.DataFrame())


def combine(parts: list[tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]]) -> SeaResult:
    """The result from the partitions' pass-2 outputs, in partition order."""
    if not parts:
        return empty_result()
    v = pl.concat([p[0] for p in parts], how="diagonal_relaxed")
    c = pl.concat([p[1] for p in parts])
    gg = pl.concat([p[2] for p in parts], how="diagonal_relaxed")
    stats = {
        "voyages": v.height,
        "port_calls": int(c["is_call"].sum()),
        "gaps": gg.height,
        "dark_gaps": int((gg["gap_class"] == "dark").sum()) if gg.height else 0,
    }
    return SeaResult(v, c, gg, stats)


def build_voyages(
    source: Any, *, sites: pl.DataFrame | None = None, static: pl.DataFrame | None = None, data_end: Any = None
) -> pa.Table:
    """Voyages as an Arrow table in ``FLIGHT_SCHEMA`` (domain ``sea``); store with ``Store.write_flights``."""
    res = analyse(source, sites=sites, static=static, data_end=data_end)
    return res.voyages.to_arrow().select(FLIGHT_SCHEMA.names).cast(FLIGHT_SCHEMA)

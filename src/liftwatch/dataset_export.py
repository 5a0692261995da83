"""A DuckDB store into a Parquet dataset (``liftwatch export --parquet DIR``) in one commit.

The rows are written by DuckDB's own partitioned ``COPY`` (the fastest Parquet writer at hand, multi-threaded
and spilling) into the transaction's local staging folder, with the day and the asset bucket computed in the
same query (the bucket by :func:`liftwatch.partitioning.duckdb_bucket_udf`, the one fixed rule). Each
partition file is then adopted by the dataset transaction; a partition the dataset already holds rows of is
de-duplicated against its row keys first, so exporting twice, or exporting two stores into one dataset, adds
no row twice. The store's flights replace the dataset's; its ingested files, data-source licences and AIS
static reports are merged into the dataset's, so a later ``ingest --to`` skips files the store already had.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from liftwatch.dataset_commit import Transaction
from liftwatch.dataset_files import INGESTED_SCHEMA, SOURCE_FILES_SCHEMA, frame_of, query_arrow
from liftwatch.dataset_write import merge_static
from liftwatch.errors import LiftwatchError
from liftwatch.partitioning import duckdb_bucket_udf
from liftwatch.schema import FLIGHT_SCHEMA, POINT_COLUMNS
from liftwatch.store import Store
from liftwatch.store_dataset import DatasetStore

__all__ = ["ExportReport", "export_dataset"]

_PART = re.compile(r"day=(\d{4}-\d{2}-\d{2})/bucket=(\d+)/[^/]+\.parquet$")
_POINT_SELECT = ", ".join(
    'CAST("flags" AS INTEGER) AS "flags"' if c == "flags" else f'"{c}"' for c in POINT_COLUMNS
) + (
    ", CAST(CAST(row_key AS HUGEINT) - CASE WHEN row_key >= CAST(9223372036854775808 AS UBIGINT) "
    "THEN CAST(18446744073709551616 AS HUGEINT) ELSE CAST(0 AS HUGEINT) END AS BIGINT) AS row_key"
)


@dataclass
class ExportReport:
    """What an export wrote: rows new to the dataset, flights now held, data files added."""

    target: str
    points: int = 0
    duplicates: int = 0  # store rows the dataset already held
    flights: int = 0
    files: int = 0
    ingested_files: int = 0
    seconds: float = 0.0


def export_dataset(
    store: Store,
    target: str | os.PathLike[str],
    *,
    buckets: int | None = None,
    storage_options: dict[str, Any] | None = None,
) -> ExportReport:
    """Write ``store``'s points, flights and bookkeeping into the dataset at ``target`` (created if absent)."""
    if isinstance(store, DatasetStore):
        raise LiftwatchError(f"{store.path} is already a dataset: copy its folder, or export from a DuckDB store")
    t0 = time.perf_counter()
    out = DatasetStore(target, create=True, buckets=buckets, storage_options=storage_options)
    report = ExportReport(target=out.path)
    try:
        tx = out.begin()
        try:
            _register_udf(store.con)
            try:
                _points(store, out, tx, report)
                _flights(store, out, tx, report)
            finally:
                store.con.remove_function("lw_bucket")
            _sides(store, out, tx, report)
            report.files = len(tx.added)
            out.commit(tx)
        except BaseException:
            tx.abort()
            raise
    finally:
        out.close()
    report.seconds = time.perf_counter() - t0
    return report


def _register_udf(con: duckdb.DuckDBPyConnection) -> None:
    con.create_function(  # type: ignore[call-overload]
        "lw_bucket", duckdb_bucket_udf, ["VARCHAR", "INTEGER"], "USMALLINT", type="arrow", side_effects=False
    )


def _bucketed(table: str, day_of: str, n: int) -> str:
    """``table``'s rows with ``day`` and ``bucket``: the bucket rule runs once per distinct asset (a hash join
    brings it to the rows), not once per row."""
    return (
        f"WITH _b AS (SELECT asset_id, CAST(lw_bucket(asset_id, {int(n)}) AS INTEGER) AS bucket "
        f"FROM (SELECT DISTINCT asset_id FROM {table})) "
        f"SELECT {{cols}}, CAST({day_of} AS DATE) AS day, _b.bucket FROM {table} JOIN _b USING (asset_id)"
    )


def _copy(store: Store, select: str, scratch: Path) -> list[tuple[Path, date, int]]:
    """Run a partitioned COPY into ``scratch`` (the transaction's staging folder of one table, so adopting a
    file is a rename in place); the files written with their (day, bucket)."""
    store.con.execute(
        f"COPY ({select}) TO ? (FORMAT parquet, PARTITION_BY (day, bucket), COMPRESSION zstd, "
        "FILENAME_PATTERN 'f{i}', OVERWRITE_OR_IGNORE true)",
        [str(scratch)],
    )
    found = []
    for f in sorted(scratch.rglob("*.parquet")):
        m = _PART.search(f.relative_to(scratch).as_posix())
        if m is None:
            raise LiftwatchError(f"unexpected file {f} from DuckDB's partitioned COPY")
        found.append((f, date.fromisoformat(m.group(1)), int(m.group(2))))
    return found


def _points(store: Store, out: DatasetStore, tx: Transaction, report: ExportReport) -> None:
    scratch = tx.stage / "points"
    select = _bucketed("points", "ts", out.buckets).format(cols=_POINT_SELECT)
    files = out.files.filter(pc.equal(out.files.column("table"), "points"))
    held = set(zip(files.column("day").to_pylist(), files.column("bucket").to_pylist(), strict=True))
    writer = out.writer(tx)
    for f, day, bucket in _copy(store, select, scratch):
        rows = pq.ParquetFile(f).metadata.num_rows
        if (day, bucket) not in held:
            tx.adopt_file("points", day, bucket, f, rows)
            report.points += rows
            continue
        table = pq.read_table(f)
        keys = writer.keys((day, bucket))
        signed = pa.array(keys.view("int64"), pa.int64())
        fresh = table.filter(pc.invert(pc.is_in(table.column("row_key"), value_set=signed)))
        report.duplicates += rows - fresh.num_rows
        if fresh.num_rows:
            tx.stage_file("points", day, bucket, fresh)
            report.points += fresh.num_rows
        f.unlink()


def _flights(store: Store, out: DatasetStore, tx: Transaction, report: ExportReport) -> None:
    """The store's flights replace the dataset's (a store's flights table is a whole build)."""
    files = out.files.filter(pc.equal(out.files.column("table"), "flights"))
    tx.removed.update(files.column("path").to_pylist())
    scratch = tx.stage / "flights"
    cols = ", ".join(
        'CAST("evidence" AS VARCHAR) AS "evidence"' if c == "evidence" else f'"{c}"' for c in FLIGHT_SCHEMA.names
    )
    select = _bucketed("flights", "first_ts", out.buckets).format(cols=cols)
    for f, day, bucket in _copy(store, select, scratch):
        rows = pq.ParquetFile(f).metadata.num_rows
        tx.adopt_file("flights", day, bucket, f, rows)
        report.flights += rows


def _table(store: Store, sql: str, schema: pa.Schema) -> pa.Table:
    try:
        return query_arrow(store.con, sql, schema)
    except duckdb.CatalogException:  # an older store without this table
        return schema.empty_table()


def _sides(store: Store, out: DatasetStore, tx: Transaction, report: ExportReport) -> None:
    """Merge the store's bookkeeping into the dataset's: ingested files, licences, AIS static, build times."""
    mine = _table(store, "SELECT * FROM ingested_files", INGESTED_SCHEMA)
    theirs = query_arrow(out.con, "SELECT * FROM ingested_files", INGESTED_SCHEMA)
    new = mine.filter(pc.invert(pc.is_in(mine.column("sha256"), value_set=theirs.column("sha256"))))
    tx.sides["ingested_files"] = pa.concat_tables([theirs, new])
    report.ingested_files = mine.num_rows
    src = _table(store, "SELECT * FROM source_files", SOURCE_FILES_SCHEMA)
    old_src = query_arrow(out.con, "SELECT * FROM source_files", SOURCE_FILES_SCHEMA)
    both = pl.concat([frame_of(src), frame_of(old_src)])
    tx.sides["source_files"] = (
        both.unique(["source", "item", "selection"], keep="first", maintain_order=True)
        .to_arrow()
        .cast(SOURCE_FILES_SCHEMA)
    )
    tx.sides["ais_static"] = merge_static(out.ais_static(), store.ais_static()).to_arrow()
    for key in ("flights_built:air", "flights_built:sea"):
        value = store.meta(key)
        if value is not None:
            tx.meta[key] = value

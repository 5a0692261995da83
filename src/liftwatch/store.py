"""The embedded store: one DuckDB file holding points, flights and what was ingested.

DuckDB rather than a server because the product must run on a journalist's laptop with no set-up, and it
reads/writes Parquet natively for the hand-off to Dask. Ingest is idempotent twice over: a file whose
content hash was already ingested is skipped outright, and every row carries a 64-bit hash of its content
(``row_key``, including the source) so overlapping files of one source (two OpenSky extracts covering the
same hour, a gzip copy of an ingested trace) add no duplicates. The same position heard through two
different sources is kept once per source on purpose: which network heard it is evidence of coverage. Each file is ingested in one transaction, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa

from liftwatch import io as lio
from liftwatch.io.ais_static import STATIC_SCHEMA, conform_static, empty_static
from liftwatch.io.base import RejectLog
from liftwatch.schema import FLIGHT_SCHEMA, POINT_COLUMNS, POINT_SCHEMA, conform

DEFAULT_DB = "liftwatch.duckdb"
ENV_DB = "LIFTWATCH_DB"
ENV_MEMORY = "LIFTWATCH_DUCKDB_MEMORY"  # e.g. "4GB"; empty string keeps DuckDB's own default (80 % of RAM)
DEFAULT_MEMORY_LIMIT = "2GB"
PARTITION_POINTS = 1_000_000
# AIS static reports (name, IMO, call sign, type, declared destination): the point schema has no column for
# them, yet voyages need the name to match curated assets and the destination as untrusted evidence
STATIC_TABLE = "ais_static"

# Columns whose values define "the same observation" for de-duplication.
_KEY_COLUMNS = (
    "source",
    "asset_id",
    "ts",
    "lat",
    "lon",
    "alt_baro_ft",
    "alt_geom_ft",
    "gs_kt",
    "track_deg",
    "vrate_fpm",
    "on_ground",
    "callsign",
    "squawk",
)

_DUCK_TYPES = {
    pa.string(): "VARCHAR",
    pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ",
    pa.float64(): "DOUBLE",
    pa.float32(): "FLOAT",
    pa.bool_(): "BOOLEAN",
    pa.uint16(): "USMALLINT",
    pa.int32(): "INTEGER",
}


def _ddl(schema: pa.Schema) -> str:
    cols = []
    for f in schema:
        typ = _DUCK_TYPES.get(f.type)
        if typ is None:
            typ = "JSON" if f.name == "evidence" else _duck_nested(f.type)
        cols.append(f'"{f.name}" {typ}' + ("" if f.nullable else " NOT NULL"))
    return ", ".join(cols)


def _duck_nested(t: pa.DataType) -> str:
    if pa.types.is_list(t):
        return _duck_nested(t.value_type) + "[]"
    if pa.types.is_struct(t):
        inner = ", ".join(f'"{f.name}" {_duck_nested(f.type)}' for f in t)
        return f"STRUCT({inner})"
    typ = _DUCK_TYPES.get(t)
    if typ is None:
        raise TypeError(f"no DuckDB type for {t}")
    return typ


def _static_ddl() -> str:
    duck = {
        pl.String(): "VARCHAR",
        pl.Int32(): "INTEGER",
        pl.Float32(): "FLOAT",
        pl.Datetime("us", "UTC"): "TIMESTAMPTZ",
    }
    return ", ".join(f'"{name}" {duck[dtype]}' for name, dtype in STATIC_SCHEMA.items())


def default_db_path() -> str:
    return os.environ.get(ENV_DB, DEFAULT_DB)


@dataclass
class IngestReport:
    """What one file's ingest did; the CLI prints these as its summary table."""

    path: str
    format: str = ""
    rows_read: int = 0  # good rows the reader produced
    rows_added: int = 0  # rows new to the store
    rejects: RejectLog = field(default_factory=RejectLog)
    assets: int = 0
    t_min: datetime | None = None
    t_max: datetime | None = None
    skipped: bool = False  # the identical file was ingested before
    seconds: float = 0.0
    error: str | None = None

    @property
    def rows_in(self) -> int:
        return self.rows_read + self.rejects.total

    @property
    def duplicates(self) -> int:
        return self.rows_read - self.rows_added


def file_digest(path: str | os.PathLike[str]) -> str:
    """SHA-256 of the raw bytes (a directory hashes its sorted members' names and contents)."""
    h = hashlib.sha256()
    p = Path(path)
    files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
    for f in files:
        if p.is_dir():
            h.update(str(f.relative_to(p)).encode())
        with f.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    return h.hexdigest()


class Store:
    """A liftwatch database. Queries return Polars DataFrames."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path = os.fspath(path) if path is not None else default_db_path()
        if read_only and self.path != ":memory:" and not os.path.exists(self.path):
            from liftwatch.errors import LiftwatchError

            raise LiftwatchError(f"{self.path}: no liftwatch database here (run `liftwatch ingest` first)")
        self.con = duckdb.connect(self.path, read_only=read_only)
        # timestamps leave the store as "UTC" (DuckDB's default session zone is "Etc/UTC", which Polars treats
        # as a different zone): normalised here once so no caller has to convert
        self.con.execute("SET TimeZone = 'UTC'")
        # DuckDB would cache up to 80 % of RAM; liftwatch streams by partition and lets DuckDB spill instead
        limit = os.environ.get(ENV_MEMORY, DEFAULT_MEMORY_LIMIT)
        if limit:
            if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", limit.strip(), flags=re.IGNORECASE):
                from liftwatch.errors import LiftwatchError

                raise LiftwatchError(f"{ENV_MEMORY}={limit!r}: expected a size such as 2GB or 512MiB")
            self.con.execute(f"SET memory_limit = '{limit.strip()}'").fetchall()
        if not read_only:
            self._create()

    # -- schema ---------------------------------------------------------------------------------------
    def _create(self) -> None:
        self.con.execute(f"CREATE TABLE IF NOT EXISTS points ({_ddl(POINT_SCHEMA)}, row_key UBIGINT NOT NULL)")
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS ingested_files (sha256 VARCHAR PRIMARY KEY, path VARCHAR, "
            "format VARCHAR, rows_added BIGINT, rejected BIGINT, ingested_at TIMESTAMPTZ)"
        )
        self.con.execute(f"CREATE TABLE IF NOT EXISTS flights ({_ddl(FLIGHT_SCHEMA)})")
        self.con.execute(f"CREATE TABLE IF NOT EXISTS {STATIC_TABLE} ({_static_ddl()})")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ---------------------------------------------------------------------------------------
    def ingest(
        self,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        on_batch: Callable[[int], None] | None = None,
        force: bool = False,
    ) -> IngestReport:
        """Ingest one file (or aircraft.json directory) atomically and idempotently."""
        p = os.fspath(path)
        report = IngestReport(path=p)
        t0 = time.perf_counter()
        report.format = format or lio.detect_format(p)
        digest = file_digest(p)
        seen = self.con.execute("SELECT 1 FROM ingested_files WHERE sha256 = ?", [digest]).fetchall()
        if seen and not force:
            report.skipped = True
            report.seconds = time.perf_counter() - t0
            return report
        batches = lio.read(p, format=report.format, rejects=report.rejects)
        added = self._ingest_batches(batches, report, on_batch=on_batch)
        self.con.execute(
            "INSERT OR REPLACE INTO ingested_files VALUES (?, ?, ?, ?, ?, now())",
            [digest, p, report.format, added, report.rejects.total],
        )
        self.con.execute("COMMIT")
        report.seconds = time.perf_counter() - t0
        return report

    def ingest_table(self, table: pa.Table | pl.DataFrame) -> int:
        """Insert already-canonical points (simulator, live feeds); de-duplicated, one transaction."""
        report = IngestReport(path="<table>")
        added = self._ingest_batches(iter([conform(table)]), report)
        self.con.execute("COMMIT")
        return added

    def _ingest_batches(
        self,
        batches: Iterator[pa.Table],
        report: IngestReport,
        on_batch: Callable[[int], None] | None = None,
    ) -> int:
        """Stage batches in a temp table, then merge new rows; leaves the transaction open on success."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DROP TABLE IF EXISTS _staging")
            con.execute(f"CREATE TEMP TABLE _staging ({_ddl(POINT_SCHEMA)})")
            for batch in batches:
                if batch.num_rows == 0:
                    continue
                batch = batch if batch.schema.equals(POINT_SCHEMA) else conform(batch)
                con.register("_batch", batch)
                con.execute("INSERT INTO _staging SELECT * FROM _batch")
                con.unregister("_batch")
                report.rows_read += batch.num_rows
                if on_batch is not None:
                    on_batch(batch.num_rows)
            key = "hash(" + ", ".join(f'"{c}"' for c in _KEY_COLUMNS) + ")"
            cols = ", ".join(f'"{c}"' for c in POINT_COLUMNS)
            before = self._count("points")
            con.execute(
                f"""
                INSERT INTO points
                SELECT {cols}, row_key FROM (
                    SELECT *, {key} AS row_key,
                           row_number() OVER (PARTITION BY {key}) AS _dup
                    FROM _staging
                ) s
                WHERE _dup = 1 AND NOT EXISTS (
                    SELECT 1 FROM points p
                    WHERE p.row_key = s.row_key
                      AND p.ts BETWEEN (SELECT min(ts) FROM _staging) AND (SELECT max(ts) FROM _staging)
                )
                """
            )
            added = self._count("points") - before
            stats = con.execute("SELECT count(DISTINCT asset_id), min(ts), max(ts) FROM _staging").fetchall()[0]
            report.assets, report.t_min, report.t_max = stats
            con.execute("DROP TABLE _staging")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        report.rows_added = added
        return added

    def _count(self, table: str) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    # -- queries --------------------------------------------------------------------------------------
    def points(
        self,
        *,
        assets: Sequence[str] | None = None,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        domain: str | None = None,
        where: str | None = None,
    ) -> pl.DataFrame:
        """Points as a Polars DataFrame, filtered in DuckDB (so only what is asked for is materialised)."""
        sql, params = self._points_sql(assets=assets, start=start, end=end, domain=domain, where=where)
        return self._pl(sql + " ORDER BY asset_id, ts", params)

    def _points_sql(
        self,
        *,
        assets: Sequence[str] | None = None,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        domain: str | None = None,
        where: str | None = None,
    ) -> tuple[str, list[Any]]:
        cols = ", ".join(f'"{c}"' for c in POINT_COLUMNS)
        clauses: list[str] = []
        params: list[Any] = []
        if assets:
            clauses.append("asset_id IN (SELECT unnest(?))")
            params.append([a.lower() for a in assets])
        if start is not None:
            clauses.append("ts >= CAST(? AS TIMESTAMPTZ)")
            params.append(start)
        if end is not None:
            clauses.append("ts < CAST(? AS TIMESTAMPTZ)")
            params.append(end)
        if domain is not None:
            clauses.append("domain = ?")
            params.append(domain)
        if where:
            clauses.append(f"({where})")
        sql = f"SELECT {cols} FROM points" + (" WHERE " + " AND ".join(clauses) if clauses else "")
        return sql, params

    def iter_partitions(self, n_partitions: int | None = None, **filters: Any) -> Iterator[pl.DataFrame]:
        """Points split into asset-hash partitions, each sorted by (asset_id, ts).

        Kernels that work per airframe (cleaning, flight split) run partition by partition, so peak memory
        is bounded by the largest partition, not the store.
        """
        total = self._count("points")
        # ~1 M points a partition keeps the flights pipeline under ~3 GB at 100 M points (docs/benchmarks.md);
        # each partition is one scan of the table, so fewer, larger partitions trade memory for time
        n = n_partitions or max(1, -(-total // PARTITION_POINTS))
        base, params = self._points_sql(**filters)
        joiner = " AND " if " WHERE " in base else " WHERE "
        for k in range(n):
            sql = f"{base}{joiner}hash(asset_id) % {n} = {k} ORDER BY asset_id, ts"
            frame = self._pl(sql, params)
            if frame.height:
                yield frame

    def _pl(self, sql: str, params: list[Any] | None = None) -> pl.DataFrame:
        rel = self.con.sql(sql, params=params or None)
        out = pl.from_arrow(rel.to_arrow_table())
        assert isinstance(out, pl.DataFrame)
        return out

    def sql(self, query: str, params: list[Any] | None = None) -> pl.DataFrame:
        """Run any SQL against the store and get a Polars DataFrame."""
        return self._pl(query, params)

    def write_flights(self, flights: pa.Table | pl.DataFrame, *, replace_assets: bool = True) -> int:
        """Store flights; by default replaces earlier flights of the same assets (re-running is idempotent)."""
        table = flights.to_arrow() if isinstance(flights, pl.DataFrame) else flights
        table = table.select(FLIGHT_SCHEMA.names).cast(FLIGHT_SCHEMA)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.register("_flights", table)
            if replace_assets:
                con.execute("DELETE FROM flights WHERE asset_id IN (SELECT DISTINCT asset_id FROM _flights)")
            con.execute("INSERT INTO flights SELECT * FROM _flights")
            con.unregister("_flights")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return int(table.num_rows)

    def flights(self, where: str | None = None, params: list[Any] | None = None) -> pl.DataFrame:
        sql = "SELECT * FROM flights" + (f" WHERE {where}" if where else "") + " ORDER BY first_ts, asset_id"
        return self._pl(sql, params)

    def save_ais_static(self, static: pl.DataFrame) -> int:
        """Append AIS static rows (de-duplicated on every column); returns rows now in the table."""
        df = conform_static(static)
        cols = ", ".join(f'"{c}"' for c in STATIC_SCHEMA)
        con = self.con
        con.register("_static_in", df.to_arrow())
        try:
            con.execute(
                f"INSERT INTO {STATIC_TABLE} SELECT DISTINCT {cols} FROM _static_in "
                f"EXCEPT SELECT {cols} FROM {STATIC_TABLE}"
            )
        finally:
            con.unregister("_static_in")
        return self._count(STATIC_TABLE)

    def ais_static(self) -> pl.DataFrame:
        """The stored AIS static rows (empty in a read-only store created before the table existed)."""
        found = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [STATIC_TABLE]
        ).fetchall()[0][0]
        if not found:
            return empty_static()
        return conform_static(self.sql(f"SELECT * FROM {STATIC_TABLE}"))

    def info(self) -> dict[str, Any]:
        """Counts and spans for `liftwatch info`."""
        row = self.con.execute("SELECT count(*), count(DISTINCT asset_id), min(ts), max(ts) FROM points").fetchall()[0]
        by_source = self._pl(
            "SELECT source, domain, count(*) AS rows, count(DISTINCT asset_id) AS assets, "
            "min(ts) AS first, max(ts) AS last FROM points GROUP BY ALL ORDER BY rows DESC"
        )
        return {
            "path": self.path,
            "points": row[0],
            "assets": row[1],
            "first": row[2],
            "last": row[3],
            "files": self._count("ingested_files"),
            "flights": self._count("flights"),
            "by_source": by_source,
        }

    def export_parquet(self, out_dir: str | os.PathLike[str], *, table: str = "points") -> Path:
        """Write a table as Parquet (points partitioned by domain and day, for Dask/DuckDB readers)."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        if table == "points":
            cols = ", ".join(f'"{c}"' for c in POINT_COLUMNS)
            self.con.execute(
                f"COPY (SELECT {cols}, strftime(ts, '%Y-%m-%d') AS day FROM points) TO '{out / 'points'}' "
                "(FORMAT parquet, PARTITION_BY (domain, day), OVERWRITE_OR_IGNORE true, COMPRESSION zstd)"
            )
            return out / "points"
        target = out / f"{table}.parquet"
        self.con.execute(f"COPY {table} TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
        return target

"""The on-disk contract of a liftwatch Parquet dataset: layout, file types, manifest and the commit protocol.

A dataset is plain hive-partitioned Parquet that any engine can read, plus a small manifest that says which
files are committed::

    <root>/points/day=2024-12-10/bucket=17/part-000003-1a2b3c4d-0.parquet
    <root>/flights/day=2024-12-10/bucket=17/part-000004-5e6f7a8b-0.parquet
    <root>/_liftwatch/manifest.json              format version, bucket count, row-key scheme, commit number
    <root>/_liftwatch/files-000004.parquet       every committed data file (table, path, day, bucket, rows)
    <root>/_liftwatch/ingested_files-000004.parquet, source_files-..., ais_static-...

Why a manifest rather than "whatever files are there": object stores have no atomic rename of a directory,
so a writer killed half-way would otherwise leave half of its rows visible. Here new files are written under
``_liftwatch/staging`` (or a local temporary folder for remote targets), moved into their partitions, and
become part of the dataset only when the new ``manifest.json`` is written, one atomic file replace (a local
``rename``; one PUT on S3/GCS). liftwatch reads exactly the files the manifest lists; files a killed commit
left behind are removed by the next writer (the transaction itself is :mod:`liftwatch.dataset_commit`).
Names starting with ``_`` or ``.`` are skipped by Spark, Hive, Trino and pyarrow, so the bookkeeping never
shows up as data.

Types are the ones every engine reads: timestamps as microseconds UTC (``isAdjustedToUTC``), no unsigned
integers (the uint64 row key is stored as the int64 with the same bits; ``flags`` as int32), strings as
plain UTF-8, nested flight columns as standard Parquet LIST/STRUCT.

Filesystems come from fsspec (``s3://``, ``gs://``, ``memory://``, local paths), wrapped for pyarrow with
``pyarrow.fs.FSSpecHandler``; a local path uses pyarrow's own local filesystem.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeGuard

import duckdb
import fsspec
import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from liftwatch.errors import LiftwatchError
from liftwatch.partitioning import DEFAULT_BUCKETS
from liftwatch.rowkey import ROW_KEY_VERSION
from liftwatch.schema import FLIGHT_SCHEMA, POINT_SCHEMA

FORMAT_NAME = "liftwatch-dataset"
FORMAT_VERSION = 1
META_DIR = "_liftwatch"
MANIFEST = "manifest.json"
TABLES = ("points", "flights")
COMPRESSION = "zstd"

# Data file schemas: the canonical tables with engine-portable types (no unsigned integers).
POINT_FILE_SCHEMA = pa.schema(
    [pa.field("flags", pa.int32(), nullable=False) if f.name == "flags" else f for f in POINT_SCHEMA]
    + [pa.field("row_key", pa.int64(), nullable=False)]
)
FLIGHT_FILE_SCHEMA = FLIGHT_SCHEMA
FILE_SCHEMAS = {"points": POINT_FILE_SCHEMA, "flights": FLIGHT_FILE_SCHEMA}


# Strings unique to a row or long (a flight's id, its track, its evidence) get nothing from a dictionary.
_NOT_REPEATED = frozenset({"flight_id", "geometry", "evidence"})


def write_options(schema: pa.Schema) -> dict[str, Any]:
    """How a data file is written: zstd, and dictionary encoding for the repeated string columns only.

    Points' strings repeat (source, asset, callsign, ...) and shrink to a dictionary, while their float columns
    hardly ever repeat: pyarrow's default tries a dictionary for every column and falls back to plain once it
    fills, so floats paid for both. Strings only: 0.41 -> 0.22 µs a point written, files a third smaller
    (``docs/benchmarks.md``). Encodings stay the basic ones every engine reads (no byte-stream split).
    """
    strings = [f.name for f in schema if pa.types.is_string(f.type) and f.name not in _NOT_REPEATED]
    return {"compression": COMPRESSION, "use_dictionary": strings}


FILES_SCHEMA = pa.schema(
    [
        pa.field("table", pa.string()),
        pa.field("path", pa.string()),  # relative to the dataset root, "/"-separated
        pa.field("day", pa.date32()),
        pa.field("bucket", pa.int32()),
        pa.field("rows", pa.int64()),
        pa.field("bytes", pa.int64()),
        pa.field("commit", pa.int64()),
    ]
)
INGESTED_SCHEMA = pa.schema(
    [
        pa.field("sha256", pa.string()),
        pa.field("path", pa.string()),
        pa.field("format", pa.string()),
        pa.field("rows_added", pa.int64()),
        pa.field("rejected", pa.int64()),
        pa.field("ingested_at", pa.timestamp("us", tz="UTC")),
    ]
)
SOURCE_FILES_SCHEMA = pa.schema(
    [
        pa.field("source", pa.string()),
        pa.field("item", pa.string()),
        pa.field("selection", pa.string()),
        pa.field("url", pa.string()),
        pa.field("licence", pa.string()),
        pa.field("attribution", pa.string()),
        pa.field("status", pa.string()),
        pa.field("resume_offset", pa.int64()),
        pa.field("bytes", pa.int64()),
        pa.field("members", pa.int64()),
        pa.field("rows_added", pa.int64()),
        pa.field("fetched_at", pa.timestamp("us", tz="UTC")),
    ]
)
SIDE_TABLES = ("files", "ingested_files", "source_files", "ais_static")


def to_signed(keys: pa.Array | pa.ChunkedArray | np.ndarray) -> pa.Array:
    """uint64 row keys as the int64 with the same bits (what the files hold)."""
    arr = keys if isinstance(keys, np.ndarray) else np.asarray(keys.to_numpy(zero_copy_only=False))
    return pa.array(np.ascontiguousarray(arr, dtype=np.uint64).view(np.int64), type=pa.int64())


def to_unsigned(keys: pa.Array | pa.ChunkedArray | np.ndarray) -> np.ndarray:
    """int64 row keys read from files back to the uint64 keys of :mod:`liftwatch.rowkey`."""
    arr = keys if isinstance(keys, np.ndarray) else np.asarray(keys.to_numpy(zero_copy_only=False))
    return np.ascontiguousarray(arr, dtype=np.int64).view(np.uint64)


@dataclass(frozen=True)
class Location:
    """Where a dataset lives: an fsspec filesystem, its pyarrow view and the root path within it."""

    url: str  # as the user gave it (for messages)
    fs: fsspec.AbstractFileSystem
    root: str  # path inside ``fs``, no trailing "/"
    local: bool

    @property
    def arrow_fs(self) -> pafs.FileSystem:
        return pafs.LocalFileSystem() if self.local else pafs.PyFileSystem(pafs.FSSpecHandler(self.fs))

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts]) if self.root else "/".join(parts)

    @property
    def manifest_path(self) -> str:
        return self.path(META_DIR, MANIFEST)

    def exists(self) -> bool:
        try:
            return bool(self.fs.exists(self.manifest_path))
        except OSError:
            return False


def resolve(target: str | os.PathLike[str], storage_options: dict[str, Any] | None = None) -> Location:
    """A :class:`Location` for a local path or an fsspec URL (``s3://bucket/prefix``, ``memory://x``)."""
    url = os.fspath(target)
    if not url:
        raise LiftwatchError("empty dataset location: give a directory or a URL such as s3://bucket/prefix")
    try:
        fs, root = fsspec.core.url_to_fs(url, **(storage_options or {}))
    except (ImportError, ValueError) as exc:
        raise LiftwatchError(f"{url}: cannot open this location ({exc})") from None
    local = "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))
    if local:
        root = os.path.abspath(root)
    return Location(url, fs, str(root).rstrip("/"), local)


def looks_like_dataset(target: str | os.PathLike[str]) -> bool:
    """True for a URL (``s3://...``) or a directory that holds a dataset manifest (cheap, no remote calls for
    plain paths)."""
    text = os.fspath(target)
    if "://" in text and not text.startswith("file://"):
        return True
    p = Path(text.removeprefix("file://"))
    return p.is_dir() and (p / META_DIR / MANIFEST).is_file()


@dataclass
class Manifest:
    """What ``_liftwatch/manifest.json`` says; the side tables are loaded on demand by :class:`Snapshot`."""

    buckets: int = DEFAULT_BUCKETS
    commit: int = 0
    version: int = FORMAT_VERSION
    row_key: str = ROW_KEY_VERSION
    created: str = ""
    updated: str = ""
    tables: dict[str, str] = field(default_factory=dict)  # side table -> relative path
    meta: dict[str, str] = field(default_factory=dict)  # flights_built:<domain> and other bookkeeping
    counts: dict[str, int] = field(default_factory=dict)  # rows per data table (for quick info)

    def to_json(self) -> str:
        body = {
            "format": FORMAT_NAME,
            "version": self.version,
            "buckets": self.buckets,
            "partitioning": ["day", "bucket"],
            "bucket_rule": "liftwatch.partitioning.asset_buckets (BLAKE2b + SplitMix64, modulo buckets)",
            "row_key": self.row_key,
            "commit": self.commit,
            "created": self.created,
            "updated": self.updated,
            "tables": self.tables,
            "counts": self.counts,
            "meta": self.meta,
        }
        return json.dumps(body, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, where: str) -> Manifest:
        try:
            raw = json.loads(text)
        except ValueError as exc:
            raise LiftwatchError(f"{where}: not a liftwatch dataset manifest ({exc})") from None
        if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
            raise LiftwatchError(f"{where}: not a liftwatch dataset manifest (no format {FORMAT_NAME!r})")
        version = raw.get("version")
        if not _is_int(version) or version < 1 or version > FORMAT_VERSION:
            raise LiftwatchError(
                f"{where}: dataset format version {version!r}; this liftwatch reads 1 to {FORMAT_VERSION} "
                "(upgrade liftwatch if the dataset is newer)"
            )
        buckets = raw.get("buckets")
        if not _is_int(buckets) or not 1 <= buckets <= 65_535:
            raise LiftwatchError(f"{where}: bad bucket count {buckets!r}")
        if raw.get("row_key") != ROW_KEY_VERSION:
            raise LiftwatchError(
                f"{where}: rows keyed by {raw.get('row_key')!r}, this liftwatch uses {ROW_KEY_VERSION!r}; "
                "export the dataset again from a store"
            )
        commit = raw.get("commit", 0)
        if not _is_int(commit) or commit < 0:
            raise LiftwatchError(f"{where}: bad commit number {commit!r}")
        tables = _str_dict(raw.get("tables"), where, "tables")
        for name, rel in tables.items():
            # side tables live in the bookkeeping folder: a manifest must not send a reader anywhere else
            if name not in SIDE_TABLES or not rel.startswith(META_DIR + "/") or ".." in rel.split("/"):
                raise LiftwatchError(f"{where}: bad side table {name!r} -> {rel!r}")
        counts = raw.get("counts") or {}
        if not isinstance(counts, dict) or not all(_is_int(v) and v >= 0 for v in counts.values()):
            raise LiftwatchError(f"{where}: bad row counts {counts!r}")
        return cls(
            buckets=buckets,
            commit=commit,
            version=version,
            row_key=ROW_KEY_VERSION,
            created=str(raw.get("created", "")),
            updated=str(raw.get("updated", "")),
            tables=tables,
            meta=_str_dict(raw.get("meta"), where, "meta"),
            counts={str(k): int(v) for k, v in counts.items()},
        )


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _str_dict(value: object, where: str, what: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise LiftwatchError(f"{where}: bad {what} {value!r:.80}")
    return {str(k): v for k, v in value.items()}


def read_manifest(loc: Location) -> Manifest:
    try:
        text = loc.fs.cat_file(loc.manifest_path).decode("utf-8")
    except FileNotFoundError:
        raise LiftwatchError(
            f"{loc.url}: no liftwatch dataset here (no {META_DIR}/{MANIFEST}; create one with "
            "`liftwatch ingest --to` or `liftwatch export --parquet`)"
        ) from None
    except UnicodeDecodeError:
        raise LiftwatchError(f"{loc.url}: {META_DIR}/{MANIFEST} is not UTF-8 text") from None
    return Manifest.from_json(text, f"{loc.url}/{META_DIR}/{MANIFEST}")


def empty_side(name: str) -> pa.Table:
    from liftwatch.io.ais_static import empty_static

    schemas = {"files": FILES_SCHEMA, "ingested_files": INGESTED_SCHEMA, "source_files": SOURCE_FILES_SCHEMA}
    if name == "ais_static":
        return empty_static().to_arrow()
    return schemas[name].empty_table()


def read_side(loc: Location, manifest: Manifest, name: str) -> pa.Table:
    """A side table of the committed manifest (empty when the dataset never had one)."""
    rel = manifest.tables.get(name)
    if not rel:
        return empty_side(name)
    try:
        table = pq.read_table(loc.path(rel), filesystem=loc.arrow_fs)
    except (OSError, pa.ArrowInvalid) as exc:
        raise LiftwatchError(f"{loc.url}: cannot read {rel} named by the manifest ({exc})") from None
    if name not in ("files", "ingested_files", "source_files"):
        return table
    schema = empty_side(name).schema
    try:
        table = table.select(schema.names).cast(schema)
    except (KeyError, pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise LiftwatchError(f"{loc.url}: {rel} does not hold the {name} table ({exc})") from None
    if name == "files":
        for rel_path in table.column("path").to_pylist():
            # data files live in their table's folder: a manifest must not send a reader anywhere else
            if not isinstance(rel_path, str) or rel_path.split("/")[0] not in TABLES or ".." in rel_path.split("/"):
                raise LiftwatchError(f"{loc.url}: {rel} lists a data file outside the dataset: {rel_path!r}")
    return table


def partition_dir(table: str, day: date, bucket: int) -> str:
    return f"{table}/day={day.isoformat()}/bucket={int(bucket)}"


def duck_relation(
    con: duckdb.DuckDBPyConnection, loc: Location, files: pa.Table, table: str
) -> duckdb.DuckDBPyRelation | None:
    """DuckDB's own Parquet reader over exactly the committed files of ``table`` (None when there are none).

    DuckDB's reader is several times faster than scanning a pyarrow dataset through DuckDB; remote files
    reach it through the fsspec filesystem registered on ``con`` (:func:`register_fs`).
    """
    rows = files.filter(pa.compute.equal(files.column("table"), table))
    if rows.num_rows == 0:
        return None
    paths = [duck_path(loc, p) for p in rows.column("path").to_pylist()]
    return con.read_parquet(paths, hive_partitioning=True)


def duck_path(loc: Location, rel: str) -> str:
    full = loc.path(rel)
    return full if loc.local else str(loc.fs.unstrip_protocol(full))


def register_fs(con: duckdb.DuckDBPyConnection, loc: Location) -> None:
    """Let DuckDB read the dataset's files through its fsspec filesystem (never its own network extensions)."""
    if not loc.local:
        con.register_filesystem(loc.fs)


def query_arrow(con: duckdb.DuckDBPyConnection, sql: str, schema: pa.Schema) -> pa.Table:
    """A query's rows as an Arrow table in ``schema`` (column order and types)."""
    got = con.sql(sql).to_arrow_table()
    assert isinstance(got, pa.Table)
    return got.select(schema.names).cast(schema)


def frame_of(table: pa.Table) -> pl.DataFrame:
    out = pl.from_arrow(table)
    assert isinstance(out, pl.DataFrame)
    return out


def now_utc() -> datetime:
    return datetime.now(UTC)


def write_manifest(loc: Location, manifest: Manifest) -> None:
    """Replace ``manifest.json`` in one step: rename over it locally, a single PUT on an object store."""
    data = manifest.to_json().encode("utf-8")
    if loc.local:
        Path(loc.path(META_DIR)).mkdir(parents=True, exist_ok=True)
        tmp = loc.path(META_DIR, f".{MANIFEST}.{uuid.uuid4().hex[:8]}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, loc.manifest_path)
        return
    loc.fs.pipe_file(loc.manifest_path, data)

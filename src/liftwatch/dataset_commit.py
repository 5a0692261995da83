"""Dataset transactions: staging new files, committing them with the manifest last, cleaning up after kills.

The commit protocol of :mod:`liftwatch.dataset_files` in code. New files are written on local disk (inside the
dataset's ``_liftwatch/staging/<id>`` when the dataset is local, so moving them into place is a rename; in a
temporary folder otherwise, uploaded at commit). The manifest is written last, in one atomic step; until then
no reader sees anything new, and what a killed commit left behind is removed by the next writer
(:func:`remove_leftovers`), which touches only names liftwatch itself writes.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from liftwatch.dataset_files import (
    COMPRESSION,
    FILE_SCHEMAS,
    FILES_SCHEMA,
    META_DIR,
    TABLES,
    Location,
    Manifest,
    now_utc,
    partition_dir,
    write_manifest,
    write_options,
)

__all__ = ["Transaction", "remove_leftovers"]


class Transaction:
    """New data files and side tables, invisible until :meth:`commit` writes the manifest.

    Files are staged on local disk: inside the dataset (``_liftwatch/staging/<id>``) when it is local, so the
    commit is a rename; in a temporary folder otherwise, uploaded at commit. ``savepoint``/``rollback_to``
    drop the files one failed input staged without touching the others'.
    """

    def __init__(self, loc: Location, manifest: Manifest) -> None:
        self.loc = loc
        self.base = manifest
        self.id = f"{manifest.commit + 1:06d}-{uuid.uuid4().hex[:8]}"
        if loc.local:
            self.stage = Path(loc.path(META_DIR, "staging", self.id))
            self.stage.mkdir(parents=True, exist_ok=False)
        else:
            self.stage = Path(tempfile.mkdtemp(prefix="liftwatch-dataset-"))
        self.added: list[dict[str, Any]] = []  # staged data files (table, path, day, bucket, rows, local)
        self.removed: set[str] = set()  # committed relative paths this transaction drops
        self.sides: dict[str, pa.Table] = {}  # side tables replaced by this transaction
        self.meta: dict[str, str] = {}
        self._seq = 0

    def stage_file(self, table: str, day: date, bucket: int, data: pa.Table) -> str:
        """Write one partition file to staging; returns its future relative path."""
        rel = f"{partition_dir(table, day, bucket)}/part-{self.id}-{self._seq}.parquet"
        self._seq += 1
        local = self.stage / rel
        local.parent.mkdir(parents=True, exist_ok=True)
        data = data.select(FILE_SCHEMAS[table].names).cast(FILE_SCHEMAS[table])
        pq.write_table(data, local, **write_options(FILE_SCHEMAS[table]))
        self.added.append(
            {"table": table, "path": rel, "day": day, "bucket": int(bucket), "rows": data.num_rows, "local": local}
        )
        return rel

    def adopt_file(self, table: str, day: date, bucket: int, local: Path, rows: int) -> None:
        """Register a file already written under the staging folder (by DuckDB's partitioned COPY)."""
        rel = f"{partition_dir(table, day, bucket)}/part-{self.id}-{self._seq}.parquet"
        self._seq += 1
        target = self.stage / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(local, target)
        self.added.append(
            {"table": table, "path": rel, "day": day, "bucket": int(bucket), "rows": rows, "local": target}
        )

    def savepoint(self) -> int:
        return len(self.added)

    def rollback_to(self, mark: int) -> list[dict[str, Any]]:
        dropped, self.added = self.added[mark:], self.added[:mark]
        for f in dropped:
            Path(f["local"]).unlink(missing_ok=True)
        return dropped

    def staged(self, table: str, day: date, bucket: int) -> list[Path]:
        return [
            Path(f["local"]) for f in self.added if f["table"] == table and f["day"] == day and f["bucket"] == bucket
        ]

    @property
    def empty(self) -> bool:
        return not self.added and not self.removed and not self.sides and not self.meta

    def commit(self, files: pa.Table) -> Manifest:
        """Move staged files into place, write side tables, then the manifest (the one atomic step)."""
        loc, commit = self.loc, self.base.commit + 1
        new_rows = []
        for f in self.added:
            dest = loc.path(f["path"])
            size = Path(f["local"]).stat().st_size
            if loc.local:
                Path(dest).parent.mkdir(parents=True, exist_ok=True)
                os.replace(f["local"], dest)
            else:
                loc.fs.put_file(str(f["local"]), dest)
            new_rows.append({**{k: f[k] for k in ("table", "path", "day", "bucket", "rows")}, "bytes": size})
        kept = files
        if self.removed:
            keep = [p not in self.removed for p in files.column("path").to_pylist()]
            kept = files.filter(pa.array(keep, pa.bool_()))
        added = pa.Table.from_pylist([{**r, "commit": commit} for r in new_rows], schema=FILES_SCHEMA)
        all_files = pa.concat_tables([kept.cast(FILES_SCHEMA), added])
        sides = {**self.sides, "files": all_files}
        manifest = Manifest(
            buckets=self.base.buckets,
            commit=commit,
            created=self.base.created or now_utc().isoformat(),
            updated=now_utc().isoformat(),
            tables=dict(self.base.tables),
            meta={**self.base.meta, **self.meta},
        )
        for name, table in sides.items():
            rel = f"{META_DIR}/{name}-{commit:06d}.parquet"
            with loc.fs.open(loc.path(rel), "wb") as fh:
                pq.write_table(table, fh, compression=COMPRESSION)
            manifest.tables[name] = rel
        counts = pc.sum(all_files.column("rows")).as_py() if all_files.num_rows else 0
        by_table = {t: 0 for t in TABLES}
        for t, n in zip(all_files.column("table").to_pylist(), all_files.column("rows").to_pylist(), strict=True):
            by_table[t] = by_table.get(t, 0) + int(n)
        manifest.counts = by_table
        assert counts == sum(by_table.values())
        write_manifest(loc, manifest)
        self._cleanup()
        # what the old manifest listed and this one does not is garbage now (replaced flights, old side tables)
        for rel in sorted(self.removed):
            _remove(loc, loc.path(rel))
        for name, rel in self.base.tables.items():
            if manifest.tables.get(name) != rel:
                _remove(loc, loc.path(rel))
        return manifest

    def abort(self) -> None:
        self.added.clear()
        self._cleanup()

    def _cleanup(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)
        if self.loc.local:
            with contextlib.suppress(OSError):
                self.stage.parent.rmdir()  # "staging" itself, once no transaction uses it


def _remove(loc: Location, path: str) -> None:
    with contextlib.suppress(OSError):
        loc.fs.rm_file(path)


# What liftwatch writes, and so may remove: data files, side tables, manifest temporaries. Anything else a user
# puts in the folders is left alone.
_OWN_NAMES = re.compile(
    r"(part-\d{6}-[0-9a-f]{8}-\d+\.parquet|(files|ingested_files|source_files|ais_static)-\d{6}\.parquet"
    r"|\.manifest\.json\.[0-9a-f]{8}\.tmp)$"
)


def remove_leftovers(loc: Location, manifest: Manifest, files: pa.Table) -> list[str]:
    """Delete what killed writers left: staging folders, and liftwatch's files that no manifest lists.

    Only a writer calls this (a dataset has one writer at a time), so nothing in flight is removed.
    """
    listed = {loc.path(p) for p in files.column("path").to_pylist()}
    listed |= {loc.path(p) for p in manifest.tables.values()}
    listed.add(loc.manifest_path)
    removed: list[str] = []
    for table in (*TABLES, META_DIR):
        top = loc.path(table)
        try:
            found = loc.fs.find(top) if loc.fs.exists(top) else []
        except OSError:
            continue
        for f in found:
            norm = f if loc.local else _with_root_style(loc, f)
            if norm in listed or not _OWN_NAMES.search(norm.rsplit("/", 1)[-1]):
                continue
            _remove(loc, f)
            removed.append(norm)
    if loc.local:
        shutil.rmtree(loc.path(META_DIR, "staging"), ignore_errors=True)
    return removed


def _with_root_style(loc: Location, found: str) -> str:
    """fsspec's ``find`` may drop a leading "/" that the root kept (memory://): compare like with like."""
    if loc.root.startswith("/") and not found.startswith("/"):
        return "/" + found
    return found

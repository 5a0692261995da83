"""Datasets on object storage through fsspec: ``memory://`` and a loopback S3 server (moto), never the network."""

from __future__ import annotations

import contextlib
import json
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fsspec
import pyarrow.dataset as ds
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import liftwatch
from liftwatch.dataset_export import export_dataset
from liftwatch.dataset_files import Manifest
from liftwatch.errors import LiftwatchError
from liftwatch.store import Store
from liftwatch.store_dataset import DatasetStore

from .conftest import demo_inputs


def test_memory_filesystem_round_trip(small_store: Path) -> None:
    url = f"memory://lw-{uuid.uuid4().hex[:8]}/data"
    with Store(small_store, read_only=True) as s:
        rep = export_dataset(s, url, buckets=8)
        want_points, want_flights = s.points(), s.flights()
    assert rep.points == want_points.height and rep.flights == want_flights.height
    fs = fsspec.filesystem("memory")
    names = fs.find(url)
    assert any("/points/day=" in n and "/bucket=" in n for n in names)
    assert not any("staging" in n for n in names)
    with liftwatch.open(url, read_only=True) as lw:  # a URL opens the dataset
        assert lw.points().equals(want_points)
        assert lw.store.flights().equals(want_flights)
    with liftwatch.open(url) as lw:  # and it can be written through the same URL
        assert all(r.skipped for r in lw.ingest(*demo_inputs(4)))
        assert lw.ingest(*demo_inputs()[4:5]).rows_added > 0
    fs.rm(url.removeprefix("memory://"), recursive=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def s3() -> Iterator[dict[str, Any]]:
    """A moto S3 server on loopback with one bucket; the storage options that reach it."""
    server_mod = pytest.importorskip("moto.server", reason="moto[server] not installed")
    pytest.importorskip("s3fs", reason="s3fs not installed")
    port = _free_port()
    server = server_mod.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    opts = {
        "key": "testing",
        "secret": "testing",
        "client_kwargs": {"endpoint_url": f"http://127.0.0.1:{port}", "region_name": "eu-west-1"},
    }
    fs = fsspec.filesystem("s3", skip_instance_cache=True, **opts)
    fs.mkdir("lw-test")
    try:
        yield opts
    finally:
        server.stop()


def test_s3_export_read_and_ingest(small_store: Path, s3: dict[str, Any]) -> None:
    url = "s3://lw-test/liftwatch"
    with Store(small_store, read_only=True) as s:
        export_dataset(s, url, buckets=8, storage_options=s3)
        want_points, want_flights = s.points(), s.flights()
    with DatasetStore(url, storage_options=s3) as d:
        assert d.points().equals(want_points)
        assert d.flights().equals(want_flights)
        assert sum(p.height for p in d.iter_partitions(3)) == want_points.height
        assert all(r.skipped for r in d.ingest_many(demo_inputs(4)))  # the store's files travel with it
        # other engines reach the same files through the same filesystem
        dataset = ds.dataset(
            "lw-test/liftwatch/points", filesystem=d.loc.arrow_fs, format="parquet", partitioning="hive"
        )
        assert dataset.count_rows() == want_points.height
        assert d.loc.fs.exists("lw-test/liftwatch/_liftwatch/manifest.json")


_ANY = st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.lists(st.integers(), max_size=3)
_VALID = {
    "format": "liftwatch-dataset",
    "version": 1,
    "buckets": 64,
    "row_key": "lw-rowkey-v1",
    "commit": 3,
    "tables": {"files": "_liftwatch/files-000003.parquet"},
    "meta": {"k": "v"},
    "counts": {"points": 5},
}
# a valid manifest with some fields replaced by anything (or removed), so every field's check is reached
_MANIFESTS = st.dictionaries(
    st.sampled_from(sorted(_VALID)), _ANY | st.dictionaries(st.text(max_size=5), _ANY, max_size=3), max_size=3
).map(lambda bad: json.dumps({**_VALID, **bad}))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | _MANIFESTS | _MANIFESTS.map(lambda t: t[: len(t) // 2]))
def test_manifest_reader_fuzz(text: str) -> None:
    """Whatever the manifest holds, reading it gives a manifest or a LiftwatchError, never a crash."""
    with contextlib.suppress(LiftwatchError):
        m = Manifest.from_json(text, "fuzz")
        assert 1 <= m.buckets <= 65_535 and m.version == 1

"""Split archives (``day.tar.aa``, ``.ab``, ...): read, hashed and ingested as the one archive their parts make."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from liftwatch import io as lio
from liftwatch.cli import app
from liftwatch.cli.common import console
from liftwatch.dataset_ingest import ingest_into
from liftwatch.errors import UnreadableFileError
from liftwatch.ingest import expand_paths, ingest_paths
from liftwatch.io import split_parts
from liftwatch.io.base import RejectLog
from liftwatch.store import Store
from liftwatch.store_dataset import DatasetStore
from liftwatch.store_files import file_digest, fingerprint
from tests.frames import frame

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "readsb"
HEXES = [f"15a{i:03x}" for i in range(12)]


def _day_tar(folder: Path) -> Path:
    """A globe_history-like day: 12 gzip trace members (14 points each) under traces/<xx>/, plus a heatmap."""
    doc = json.loads((FIX / "trace_full_15a3f2.json").read_text())
    out = folder / "day.tar"
    with tarfile.open(out, "w:") as tf:
        members = [("./heatmap/00.bin.ttf", b"\0" * 700)]
        members += [
            (f"./traces/{h[-2:]}/trace_full_{h}.json", gzip.compress(json.dumps({**doc, "icao": h}).encode()))
            for h in HEXES
        ]
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return out


def _split(tar: Path, folder: Path, size: int, digits: bool = False) -> list[Path]:
    """What ``split -b SIZE [-d] day.tar day.tar.`` writes."""
    data = tar.read_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k, i in enumerate(range(0, len(data), size)):
        suffix = f"{k:02d}" if digits else chr(97 + k // 26) + chr(97 + k % 26)
        p = folder / f"{tar.name}.{suffix}"
        p.write_bytes(data[i : i + size])
        out.append(p)
    return out


def _points(path: Path, log: RejectLog | None = None) -> pl.DataFrame:
    return frame(lio.read(path, rejects=log)).sort("asset_id", "ts")


@pytest.mark.parametrize("digits", [False, True])
def test_parts_read_as_the_archive(tmp_path: Path, digits: bool) -> None:
    tar = _day_tar(tmp_path)
    parts = _split(tar, tmp_path / "parts", 1500, digits)
    assert len(parts) > 5
    assert split_parts.parts(parts[0]) == parts
    assert split_parts.parts(parts[3]) == parts  # any part names its archive
    assert lio.detect_format(parts[0]) == "readsb_trace"
    log = RejectLog()
    got = _points(parts[0], log)
    assert log.total == 0
    assert got.height == 12 * 14 and sorted(set(got["asset_id"])) == HEXES
    assert got.equals(_points(tar))
    assert file_digest(parts[0]) == file_digest(tar)  # the whole archive's hash: either copy skips the other
    assert [f[0] for f in fingerprint(str(parts[0]))] == [str(p) for p in parts]


def test_ingest_of_the_parts_is_one_input(tmp_path: Path) -> None:
    tar = _day_tar(tmp_path)
    parts = _split(tar, tmp_path / "parts", 2000)
    # every part named (in any order), or the folder: one input, named by its first part
    assert expand_paths([parts[2], parts[0], *parts[1:]]) == [parts[0]]
    assert expand_paths([tmp_path / "parts"]) == [parts[0]]
    with Store(tmp_path / "s.duckdb") as store:
        run = ingest_paths(store, [tmp_path / "parts"], workers=0)
        assert [r.path for r in run.reports] == [str(parts[0])] and not run.failures
        assert run.rows_added == 12 * 14
        again = ingest_paths(store, [tar], workers=0)  # the same archive, re-assembled: already ingested
        assert again.reports[0].skipped and again.rows_added == 0
        assert store.con.execute("SELECT count(*) FROM points").fetchone() == (12 * 14,)
    assert split_parts.label(parts[0]) == f"day.tar.aa (+{len(parts) - 1} parts)"
    assert split_parts.label(tar) == "day.tar"


def test_dataset_ingest_of_the_parts(tmp_path: Path) -> None:
    parts = _split(_day_tar(tmp_path), tmp_path / "parts", 2000)
    with DatasetStore(tmp_path / "ds", create=True) as ds:
        run = ingest_into(ds, [*parts], workers=0)
    assert len(run.reports) == 1 and run.rows_added == 12 * 14 and not run.failures


def test_missing_first_part_and_gaps_are_named(tmp_path: Path) -> None:
    parts = _split(_day_tar(tmp_path), tmp_path / "parts", 2000)
    gap = parts[2]
    gap.rename(tmp_path / gap.name)
    with pytest.raises(UnreadableFileError, match=f"part {gap.name} is missing"):
        split_parts.parts(parts[0])
    with Store(tmp_path / "s.duckdb") as store:
        run = ingest_paths(store, [parts[0]], workers=0)
        assert run.failures and gap.name in run.failures[0].message and run.rows_added == 0
    (tmp_path / gap.name).rename(gap)
    parts[0].unlink()
    with pytest.raises(UnreadableFileError, match=r"first part day\.tar\.aa is not in"):
        split_parts.parts(parts[1])
    with Store(tmp_path / "t.duckdb") as store:
        run = ingest_paths(store, parts[1:], workers=0)
        assert len(run.reports) == len(parts) - 1 and all("day.tar.aa" in f.message for f in run.failures)
        assert run.rows_added == 0


def test_last_part_missing_keeps_the_members_before_the_cut(tmp_path: Path) -> None:
    parts = _split(_day_tar(tmp_path), tmp_path / "parts", 2000)
    for part in parts[len(parts) // 2 :]:  # nothing tells the last parts are missing: the archive ends early
        part.unlink()
    log = RejectLog()
    got = _points(parts[0], log)
    assert 0 < got.height < 12 * 14 and got.height % 14 == 0
    assert any("truncated" in reason for reason in log.counts)


@pytest.mark.parametrize(
    "name", ["day.tar", "day.tar.gz", "day.tar.xz", "day.tar.zst", "day.tgz", "trace.json.aa", "day.tar.a", "x.aa"]
)
def test_names_that_are_not_parts(name: str) -> None:
    assert split_parts.part_of(name) is None
    assert split_parts.parts(name) == [Path(name)]


@pytest.mark.parametrize(
    ("name", "first", "index"),
    [
        ("day.tar.aa", "day.tar.aa", 0),
        ("day.tar.ab", "day.tar.aa", 1),
        ("day.tar.ba", "day.tar.aa", 26),
        ("day.tar.aab", "day.tar.aaa", 1),
        ("day.tar.07", "day.tar.00", 7),
        ("day.tar.gz.ac", "day.tar.gz.aa", 2),
        ("v2024.01.01-planes-readsb-prod-0.tar.ab", "v2024.01.01-planes-readsb-prod-0.tar.aa", 1),
    ],
)
def test_part_names(name: str, first: str, index: int) -> None:
    assert split_parts.part_of(name) == (Path(first), index)


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 300), min_size=1, max_size=6),
    reads=st.lists(st.tuples(st.integers(0, 1200), st.integers(0, 400)), max_size=12),
)
def test_joined_parts_read_and_seek_as_their_concatenation(
    tmp_path_factory: pytest.TempPathFactory, sizes: list[int], reads: list[tuple[int, int]]
) -> None:
    folder = tmp_path_factory.mktemp("j")
    data = bytes(i % 251 for i in range(sum(sizes)))
    at = 0
    for k, n in enumerate(sizes):
        (folder / f"a.tar.a{chr(97 + k)}").write_bytes(data[at : at + n])
        at += n
    with split_parts.open_input(folder / "a.tar.aa") as fh:
        assert fh.read() == data
        for pos, n in reads:
            fh.seek(pos)
            assert fh.read(n) == data[pos : pos + n]
            assert fh.tell() == min(pos + n, max(pos, len(data)))


def test_a_corrupt_part_costs_only_what_it_holds(tmp_path: Path) -> None:
    parts = _split(_day_tar(tmp_path), tmp_path / "parts", 2000)
    bad = parts[len(parts) // 2]
    bad.write_bytes(b"\xff" * bad.stat().st_size)  # same size, garbage: a damaged download
    log = RejectLog()
    got = _points(parts[0], log)
    assert 0 < got.height < 12 * 14 and log.total >= 1  # a member it held is rejected, or the rest is lost
    assert all(r.path == str(parts[0]) for r in log.samples)


def test_cli_summary_names_the_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "width", 200)  # the summary table is read below, not wrapped
    parts = _split(_day_tar(tmp_path), tmp_path / "parts", 2000)
    res = CliRunner().invoke(app, ["ingest", *map(str, parts), "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 0, res.output
    assert f"day.tar.aa (+{len(parts) - 1} parts)" in res.output and "unrecognised" not in res.output


def test_names_with_glob_characters(tmp_path: Path) -> None:
    folder = tmp_path / "parts"
    tar = _day_tar(tmp_path)
    parts = _split(tar, folder, 2000)
    odd = [p.rename(p.with_name(p.name.replace("day", "day[1]*"))) for p in parts]
    assert split_parts.parts(odd[0]) == odd
    assert _points(odd[0]).equals(_points(tar))

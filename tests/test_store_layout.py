"""Points stored with coded ``source``/``domain``: read back as the canonical text through ``points``, new names
coded in the step's own transaction, and stores written before upgraded once without losing a row."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from liftwatch.schema import POINT_SCHEMA
from liftwatch.store import Store

from .conftest import make_points


def _mixed() -> pl.DataFrame:
    a = make_points(20, asset="155abc").with_columns(source=pl.lit("readsb"))
    b = make_points(15, asset="273000001").with_columns(source=pl.lit("it's ais"), domain=pl.lit("sea"))
    c = make_points(10, asset="4b1801").with_columns(
        source=pl.Series(["sbs", "modes"] * 5), domain=pl.Series(["air"] * 10)
    )
    return pl.concat([a, b, c])


def _points(s: Store) -> pl.DataFrame:
    return pl.from_arrow(s.con.sql("SELECT * EXCLUDE (row_key) FROM points ORDER BY asset_id, ts, source").arrow())  # type: ignore[return-value]


def test_points_read_back_as_text_with_the_canonical_types(tmp_path: Path) -> None:
    frame = _mixed()
    with Store(tmp_path / "s.duckdb") as s:
        assert s.ingest_table(frame) == len(frame)
        got = _points(s)
        assert dict(zip(got.columns, got.dtypes, strict=True))["source"] == pl.String
        stored = s.con.sql("SELECT DISTINCT typeof(source), typeof(domain) FROM point_rows").fetchall()
        assert stored == [("UTINYINT", "UTINYINT")]
        assert sorted(got["source"].unique()) == ["it's ais", "modes", "readsb", "sbs"]
        assert got.filter(pl.col("asset_id") == "273000001")["domain"].unique().to_list() == ["sea"]
        by = s.info()["by_source"]
        assert sorted(by["source"].to_list()) == ["it's ais", "modes", "readsb", "sbs"]
        assert s.con.sql("SELECT count(*) FROM points WHERE domain = 'sea'").fetchall()[0][0] == 15
        assert s.con.sql("DESCRIBE points").fetchall()[0][:2] == ("source", "VARCHAR")


def test_a_rolled_back_step_takes_its_new_codes_with_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import liftwatch.store_sql as sql

    with Store(tmp_path / "s.duckdb") as s:
        s.ingest_table(make_points(5))
        real = sql.append_rows

        def failing(*args: object, **kwargs: object) -> None:
            real(*args, **kwargs)  # type: ignore[arg-type]
            raise RuntimeError("disk full")

        monkeypatch.setattr("liftwatch.store_ingest.append_rows", failing)
        with pytest.raises(RuntimeError):
            s.ingest_table(make_points(5, asset="aaaaaa").with_columns(source=pl.lit("vrs")))
        assert s.con.sql("SELECT name FROM point_codes WHERE col = 'source'").fetchall() == [("test",)]
        monkeypatch.setattr("liftwatch.store_ingest.append_rows", real)
        s.ingest_table(make_points(5, asset="bbbbbb").with_columns(source=pl.lit("sim")))
        assert sorted(_points(s)["source"].unique()) == ["sim", "test"]


def _downgrade(db: Path) -> None:
    """Rewrite a store as liftwatch wrote it before the coded layout: ``points`` a plain table of text."""
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE old_points AS SELECT * FROM points")
    con.execute("DROP VIEW points")
    con.execute("DROP TABLE point_rows")
    con.execute("DROP TABLE point_codes")
    con.execute("ALTER TABLE old_points RENAME TO points")
    assert con.sql("SELECT typeof(source) FROM points LIMIT 1").fetchall() == [("VARCHAR",)]
    con.close()


def test_an_older_store_is_read_as_it_is_and_upgraded_once_when_written(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    frame = _mixed()
    with Store(db) as s:
        s.ingest_table(frame)
        before = _points(s)
        keys = s.con.sql("SELECT row_key FROM points ORDER BY row_key").fetchall()
    _downgrade(db)
    with Store(db, read_only=True) as s:  # read-only: nothing is changed, and it reads as before
        assert _points(s).equals(before)
    with Store(db) as s:
        assert s.con.sql("SELECT DISTINCT typeof(source) FROM point_rows").fetchall() == [("UTINYINT",)]
        assert _points(s).equals(before)
        assert s.con.sql("SELECT row_key FROM points ORDER BY row_key").fetchall() == keys
        assert s.ingest_table(frame) == 0
        assert s.ingest_table(make_points(3, asset="cccccc").with_columns(source=pl.lit("opensky"))) == 3
    with Store(db) as s:  # opened again: nothing more to upgrade
        assert s.info()["points"] == len(frame) + 3


def test_the_view_has_the_canonical_columns_in_order(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        cols = [r[0] for r in s.con.sql("DESCRIBE points").fetchall()]
        assert cols == [*POINT_SCHEMA.names, "row_key"]
        assert s.con.sql("SELECT count(*) FROM points").fetchall() == [(0,)]

"""Every CLI command against its library twin on the demo data, the demo's golden numbers, docs/notebook.md.

The demo database is built once per test session, by the ``demo`` command that tests/test_demo.py checks (the
``demo_run`` fixture of tests/conftest.py, ~25 s); the commands then run on it (or on a copy, for commands that
write) and must give what a notebook gets from the same call.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import matplotlib
import polars as pl
import pytest
from typer.testing import CliRunner

import liftwatch
from liftwatch.cli import app
from liftwatch.demo import founding_article
from liftwatch.errors import LiftwatchError
from liftwatch.report import AnalysisOptions
from liftwatch.report.exports import flat_table
from liftwatch.sim import default_scenario_path
from tests.conftest import DemoRun

matplotlib.use("Agg")
ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LIFTWATCH_UPDATE_GOLDEN") == "1"  # regenerate after an intended change in results
runner = CliRunner()


@pytest.fixture(scope="module")
def demo_dir(demo_run: DemoRun) -> Path:
    assert demo_run.exit_code == 0, demo_run.output
    return demo_run.folder


@pytest.fixture
def db(demo_dir: Path) -> str:
    return str(demo_dir / "liftwatch-demo" / "liftwatch.duckdb")


@pytest.fixture
def lw(db: str) -> Iterator[liftwatch.LiftWatch]:
    with liftwatch.open(db, read_only=True) as handle:
        yield handle


def _cli(*args: str) -> str:
    res = runner.invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return res.output


# -- golden snapshot ----------------------------------------------------------------------------------------
def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
        if not UPDATE:
            pytest.fail(f"{path} was missing and has been written; review and commit it")
    assert text == path.read_text(), f"{name} changed; if intended, rerun with LIFTWATCH_UPDATE_GOLDEN=1"


def test_demo_summary_and_corridors_match_the_golden_snapshot(demo_dir: Path) -> None:
    out = demo_dir / "liftwatch-demo"
    with liftwatch.open(out / "liftwatch.duckdb", read_only=True) as handle:
        analysis = handle.analyse(title="liftwatch demo: Syria -> Libya airlift", coverage=True)
    summary = {k: v for k, v in analysis.summary.items() if k not in ("title",)}
    _check_golden("demo_summary.json", json.dumps(_rounded(summary), indent=1, sort_keys=True, default=str) + "\n")
    cols = ["corridor", "asset_class", "flights_expected", "flights_top1", "flights_dark_expected", "assets"]
    cols += ["tonnes_expected", "tonnes_low", "tonnes_high"]
    for name, table in (("region", analysis.region_corridors), ("site", analysis.site_corridors)):
        t = flat_table(table.select(cols)).with_columns(pl.col(pl.Float64, pl.Float32).round(2))
        _check_golden(f"demo_{name}_corridors.csv", t.write_csv())


# -- CLI commands and their library twins ---------------------------------------------------------------------
def test_ingest_and_build_cli_equal_library(tmp_path: Path) -> None:
    scenario = default_scenario_path()
    inputs = [scenario / "ais.nmea", *sorted((scenario / "traces").rglob("trace_full_*"))[:6]]
    cli_db, lib_db = str(tmp_path / "cli.duckdb"), str(tmp_path / "lib.duckdb")
    _cli("ingest", *map(str, inputs), "--db", cli_db)
    _cli("build", "--db", cli_db)
    with liftwatch.open(lib_db) as handle:
        handle.ingest(*inputs)
        summary = handle.build()
    q = "SELECT flight_id, domain, dep_site, arr_site, ending, round(arr_conf, 4) AS c FROM flights ORDER BY flight_id"
    with liftwatch.open(cli_db, read_only=True) as a, liftwatch.open(lib_db, read_only=True) as b:
        assert a.info()["points"] == b.info()["points"] > 0
        assert a.sql("SELECT count(*) AS n FROM ais_static")["n"][0] > 0  # ship names kept during ingest
        assert a.sql(q).equals(b.sql(q))
        assert summary.flights + summary.voyages == b.info()["flights"]


def test_flights_list_and_show(db: str, lw: liftwatch.LiftWatch) -> None:
    out = _cli(
        "flights", "list", "--db", db, "--corridor", "OSLK:eastern Libya", "--class", "military", "--format", "csv"
    )
    cli = pl.read_csv(out.encode())
    lib = lw.flights("military", corridor="OSLK:eastern Libya").to_polars()
    assert cli["flight_id"].to_list() == lib["flight_id"].to_list() and lib.height > 10
    one = lw.flight(lib["flight_id"][0])
    assert repr(one) in _cli("flights", "show", lib["flight_id"][0], "--db", db).replace("\n", "")


def test_voyages_list_and_calls(db: str, lw: liftwatch.LiftWatch) -> None:
    voyages = lw.voyages().to_polars()
    out = _cli("voyages", "list", "--db", db, "--limit", "1000")
    assert f"voyages ({voyages.height:,})" in out
    calls = lw.port_calls()
    assert f"port calls ({calls.height:,})" in _cli("voyages", "calls", "--db", db)
    # a filter that matches nothing is not a store without voyages: no advice to build them again
    none = runner.invoke(app, ["voyages", "list", "--db", db, "--asset", "000000000"])
    assert none.exit_code == 1 and f"no voyages match ({voyages.height:,} stored)" in none.output
    assert "voyages build" not in none.output


def test_corridors(db: str, lw: liftwatch.LiftWatch, tmp_path: Path) -> None:
    _cli("corridors", "--db", db, "--level", "site", "--csv", str(tmp_path / "c.csv"))
    cli = pl.read_csv(tmp_path / "c.csv")
    lib = flat_table(lw.corridors(level="site"))
    assert cli.shape == lib.shape
    assert cli["corridor"].to_list() == lib["corridor"].to_list()
    # --by is repeatable and comma-separated, and its help names every allowed key (it had left out `domain`)
    _cli("corridors", "--db", db, "--by", "type_code,domain", "--csv", str(tmp_path / "by.csv"))
    assert {"type_code", "domain"} <= set(pl.read_csv(tmp_path / "by.csv").columns)
    assert "domain" in _cli("corridors", "--help")
    assert cli["flights_expected"].round(6).to_list() == lib["flights_expected"].round(6).to_list()


def test_report(db: str, lw: liftwatch.LiftWatch, tmp_path: Path) -> None:
    out = _cli("report", "--db", db, "--out", str(tmp_path / "r"), "--corridor", "OSLK:eastern Libya")
    analysis = lw.analyse(corridor="OSLK:eastern Libya")
    assert analysis.summary["flights"] > 10  # OSLK resolves to the site, not kept as typed
    assert re.search(rf"\b{analysis.summary['flights']:,}\b flights", out)
    cli = pl.read_csv(tmp_path / "r" / "corridors.csv")
    assert cli["corridor"].to_list() == analysis.region_corridors["corridor"].to_list()
    # one options value carries the same analysis; keywords refine it
    opts = AnalysisOptions(title="from options", origin=analysis.legs["origin"].unique().to_list())
    same = lw.analyse(opts, corridor="OSLK:eastern Libya")
    assert same.title == "from options" and same.summary["flights"] == analysis.summary["flights"]
    assert lw.analyse(opts).summary["flights"] >= analysis.summary["flights"]


def test_claims(db: str, lw: liftwatch.LiftWatch, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(founding_article())
    res = runner.invoke(app, ["claims", str(article), "--db", db, "--json", "--date", "2024-12-27"])
    assert res.exit_code == 0, res.output
    cli = json.loads(res.output)
    lib = lw.check(article, publication=date(2024, 12, 27))
    assert lib.positive and lib.results
    assert [r["verdict"] for r in cli["results"]] == [r.verdict for r in lib.results]
    assert [r.to_dict() for r in lib.results] == cli["results"] or all(
        a["verdict"] == b.verdict for a, b in zip(cli["results"], lib.results, strict=True)
    )


def test_check_takes_a_path_or_text_and_says_which_when_mixed_up(lw: liftwatch.LiftWatch, tmp_path: Path) -> None:
    text = founding_article()
    article = tmp_path / "a.txt"
    article.write_text(text)
    by_text = lw.check(text=text, publication=date(2024, 12, 27))
    by_path = lw.check(article, publication=date(2024, 12, 27))
    assert by_text.results  # the same verdicts either way (compared as JSON: a NaN equals itself there)
    assert json.dumps([r.to_dict() for r in by_text.results], default=str) == json.dumps(
        [r.to_dict() for r in by_path.results], default=str
    )
    with pytest.raises(LiftwatchError, match=r"no file named .*pass it as text="):
        lw.check(text[:200])  # the text where a path goes
    with pytest.raises(LiftwatchError, match=r"cannot read"):
        lw.check(tmp_path / "missing.txt")
    with pytest.raises(LiftwatchError, match=r"give one of: article .* got none"):
        lw.check()
    with pytest.raises(LiftwatchError, match=r"got article, text"):
        lw.check(article, text=text)


def test_info(db: str, lw: liftwatch.LiftWatch) -> None:
    assert f"{lw.info()['points']:,} points" in " ".join(_cli("info", "--db", db).split())


# -- docs/notebook.md ----------------------------------------------------------------------------------------
def test_notebook_doc_runs(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every python block of docs/notebook.md, in order, in one namespace (like pyais's examples test)."""
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "notebook.md").read_text(), flags=re.S)
    assert len(blocks) >= 8
    monkeypatch.chdir(demo_dir)
    ns: dict[str, object] = {"__name__": "notebook"}
    for i, block in enumerate(blocks):
        try:
            exec(compile(block, f"docs/notebook.md block {i + 1}", "exec"), ns)
        except Exception as exc:  # pragma: no cover - the message says which block broke
            raise AssertionError(f"docs/notebook.md block {i + 1} failed: {exc!r}\n{block}") from exc
    shutil.rmtree(demo_dir / "notebook-report", ignore_errors=True)

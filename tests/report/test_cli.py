"""`liftwatch report` and `liftwatch corridors` end to end on a stored flights table (real knowledge base)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from liftwatch.cli import app
from liftwatch.store import Store
from tests.report.fixtures import report_flights

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("db") / "lw.duckdb"
    with Store(path) as s:
        s.write_flights(report_flights())
    return str(path)


def test_report_command_writes_folder(db: str, tmp_path: Path) -> None:
    out = tmp_path / "rep"
    res = runner.invoke(app, ["report", "--db", db, "--out", str(out), "--title", "Test airlift"])
    assert res.exit_code == 0, res.output
    assert "top military/state corridor" in res.output and "syria" in res.output.lower()
    assert "alert" in res.output
    for name in ("report.html", "map.html", "flights.geojson", "flights.kml", "flights.csv", "flights.parquet"):
        assert (out / name).stat().st_size > 0
    assert "Test airlift" in (out / "report.html").read_text()


def test_report_command_corridor_filter_with_aliases(db: str, tmp_path: Path) -> None:
    res = runner.invoke(
        app,
        [
            "report",
            "--db",
            db,
            "--out",
            str(tmp_path),
            "--corridor",
            "Khmeimim:eastern Libya",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-20",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "corridor Khmeimim → eastern Libya" in (tmp_path / "report.html").read_text()


def test_report_command_usage_errors(db: str, tmp_path: Path) -> None:
    assert runner.invoke(app, ["report", "--db", db, "--out", str(tmp_path), "--corridor", "hmeimim"]).exit_code == 2
    res = runner.invoke(app, ["report", "--db", db, "--out", str(tmp_path), "--region", "qqzzxxkkjj"])
    assert res.exit_code == 2


def test_report_command_empty_db_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    Store(path).close()
    res = runner.invoke(app, ["report", "--db", str(path), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1


def test_corridors_command(db: str, tmp_path: Path) -> None:
    csv = tmp_path / "c.csv"
    res = runner.invoke(app, ["corridors", "--db", db, "--level", "region", "--csv", str(csv)])
    assert res.exit_code == 0, res.output
    assert "corridors (region)" in res.output
    text = csv.read_text()
    assert "syria->eastern-libya" in text and text.count("\n") >= 3
    week = runner.invoke(app, ["corridors", "--db", db, "--level", "site", "--period", "week", "--by", "type_code"])
    assert week.exit_code == 0 and "corridors (site)" in week.output


def test_report_command_embeds_claim_check(db: str, tmp_path: Path) -> None:
    article = Path(__file__).resolve().parents[3] / "shared" / "data" / "articles" / "russia_syria_libya_transfer.txt"
    if not article.exists():
        pytest.skip(f"shared data absent: {article}")
    res = runner.invoke(app, ["report", "--db", db, "--out", str(tmp_path), "--article", str(article)])
    assert res.exit_code == 0, res.output
    html = (tmp_path / "report.html").read_text()
    assert 'id="claims"' in html and "Claims checked" in html


def test_report_command_watchlist(db: str, tmp_path: Path) -> None:
    wl = tmp_path / "wl.toml"
    wl.write_text('[[rule]]\nname = "khadim"\nsites = ["Al-Khadim"]\n')
    res = runner.invoke(app, ["report", "--db", db, "--out", str(tmp_path / "o"), "--watchlist", str(wl)])
    assert res.exit_code == 0, res.output
    flights = (tmp_path / "o" / "flights.csv").read_text().splitlines()
    assert 1 < len(flights) < 200  # only the airlift flights landing at (or last heading for) Al-Khadim
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense = 1\n")
    assert (
        runner.invoke(app, ["report", "--db", db, "--out", str(tmp_path / "b"), "--watchlist", str(bad)]).exit_code == 2
    )

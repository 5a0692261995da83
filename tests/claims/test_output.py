"""Terminal, JSON and HTML output, and the `liftwatch claims` command (exit codes, errors)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from liftwatch.claims import check, extract, report_section_html, to_json
from liftwatch.claims.evidence import ClaimResult
from liftwatch.claims.model import Extraction
from liftwatch.claims.places import Gazetteer
from liftwatch.claims.render import print_extraction, print_results
from liftwatch.cli import app
from liftwatch.store import Store
from tests.claims.conftest import TEXTS, real_kb_gazetteer
from tests.claims.flights_factory import T0, coverage_points, flight, flights_table

TEXT = (
    "Russian Il-76 cargo planes made multiple flights from Hmeimim to Al-Khadim <b>between 10 and 14 December 2024</b>."
)


def _results(tmp_path: Path, gaz: Gazetteer) -> tuple[Extraction, list[ClaimResult]]:
    store = Store(tmp_path / "o.duckdb")
    store.write_flights(
        flights_table([flight("155abc", "hmeimim", "al-khadim", T0 + timedelta(days=i)) for i in range(3)])
    )
    ex = extract(TEXT, gazetteer=gaz)
    res = check(ex, store, gazetteer=gaz)
    store.close()
    return ex, res


def test_json_has_extraction_verdict_and_flights(tmp_path: Path, fake_gaz: Gazetteer) -> None:
    ex, res = _results(tmp_path, fake_gaz)
    doc = json.loads(to_json(ex, res, article="a.txt"))
    r = doc["results"][0]
    assert r["verdict"] == "supported" and r["full_matches"] == 3
    assert r["claim"]["origin"][0]["id"] == "hmeimim"
    assert len(r["flights"]) == 3 and r["flights"][0]["dep_time"].startswith("2024-12-10")
    assert [d["day"] for d in r["counts_by_day"]] == ["2024-12-10", "2024-12-11", "2024-12-12"]
    assert doc["extraction"]["claims"][0]["window"] == ["2024-12-10", "2024-12-14"]


def test_html_section_is_escaped_and_complete(tmp_path: Path, fake_gaz: Gazetteer) -> None:
    _, res = _results(tmp_path, fake_gaz)
    html = report_section_html(res)
    assert html.startswith('<section class="lw-claims"') and html.rstrip().endswith("</section>")
    assert "supported" in html and "155abc" in html and "Hmeimim" in html
    assert "<b>between" not in html and "&lt;b&gt;between" in html  # article text is escaped
    assert "No movement claims" in report_section_html([])


def test_guessed_arrival_is_shown_as_a_guess(tmp_path: Path, fake_gaz: Gazetteer) -> None:
    """A dark flight whose ranked guess gives the claimed base 0.3 partly matches; every view says the base was
    guessed (``al-khadim?``, ``arr_site_guess``), none prints it as where the flight landed."""
    dark = flight("155abc", "hmeimim", "al-khadim", T0, ending="dark", candidates=[("al-khadim", 0.3)])
    dark["arr_conf"] = 0.3
    store = Store(tmp_path / "g.duckdb")
    store.write_flights(flights_table([dark]))
    ex = extract(TEXT, gazetteer=fake_gaz)
    (res,) = check(ex, store, gazetteer=fake_gaz)
    store.close()
    row = res.to_dict()["flights"][0]
    assert row["match"] == "partial" and row["arr_site"] is None and row["arr_site_guess"] == "al-khadim"
    assert row["dep_site"] == "hmeimim" and row["dep_site_guess"] is None
    assert res.flights["arr_site"][0] == "al-khadim"  # the matched table itself keeps the stored ranking
    assert "al-khadim?" in report_section_html([res])
    console = Console(record=True, width=160)
    print_results(ex, [res], console)
    assert "hmeimim -> al-khadim?" in console.export_text()


def test_rich_views_render(tmp_path: Path, fake_gaz: Gazetteer) -> None:
    ex, res = _results(tmp_path, fake_gaz)
    console = Console(record=True, width=140)
    print_results(ex, res, console)
    print_extraction(ex, console)
    out = console.export_text()
    assert "supported" in out and "155abc" in out and "claim check" in out


runner = CliRunner()


@pytest.fixture
def real_db(tmp_path: Path) -> Path:
    real_kb_gazetteer()  # skips when the kb is absent
    db = tmp_path / "cli.duckdb"
    with Store(db) as store:
        store.write_flights(
            flights_table([flight("155abc", "hmeimim", "al-khadim", T0 + timedelta(days=i)) for i in range(3)])
        )
        store.ingest_table(coverage_points(12.53, -7.95, T0 - timedelta(days=40), 3))  # a little traffic at Bamako
    return db


def test_cli_supported_exit_0(real_db: Path) -> None:
    res = runner.invoke(app, ["claims", str(TEXTS / "khmeimim_alkhadem_dates.txt"), "--db", str(real_db), "--json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["results"][0]["verdict"] in ("supported", "partly supported")


def test_cli_no_evidence_exit_1_with_coverage(real_db: Path) -> None:
    res = runner.invoke(app, ["claims", str(TEXTS / "bamako_absent.txt"), "--db", str(real_db), "--json"])
    assert res.exit_code == 1, res.output
    results = json.loads(res.stdout)["results"]
    bamako = next(r for r in results if r["claim"]["destination"][0]["id"] == "bamako")
    assert bamako["verdict"] == "no evidence in the data"
    assert bamako["coverage"][0]["level"] == "none"
    assert any("no coverage" in x for x in bamako["reasons"])


def test_cli_date_option_and_table(real_db: Path) -> None:
    res = runner.invoke(
        app, ["claims", str(TEXTS / "russia_syria_libya_transfer.txt"), "--db", str(real_db), "--date", "2024-12-18",
              "--window-days", "10"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "supported" in res.stdout and "2024-12-08 to 2024-12-18" in res.stdout


def test_cli_date_of_a_month_dates_no_weekday(tmp_path: Path) -> None:
    real_kb_gazetteer()
    art = tmp_path / "a.txt"
    art.write_text("Two Russian Il-76 cargo planes flew from Hmeimim to Al-Khadim air base on Friday.\n")
    windows = []
    for when in ("2024-12-20", "2024-12"):
        res = runner.invoke(app, ["claims", str(art), "--extract-only", "--json", "--date", when])
        assert res.exit_code == 0, res.output
        ex = json.loads(res.stdout)["extraction"]
        windows.append((ex["publication_date"], ex["claims"][0]["window"]))
    assert windows[0] == ("2024-12-20", ["2024-12-20", "2024-12-20"])  # "on Friday" of a known day
    assert windows[1] == ("2024-12-31", ["2024-12-01", "2024-12-31"])  # of a month: no Friday to place


def test_cli_extract_only_needs_no_db(tmp_path: Path) -> None:
    real_kb_gazetteer()
    res = runner.invoke(
        app, ["claims", str(TEXTS / "via_tobruk_jufra.txt"), "--extract-only", "--db", str(tmp_path / "none.duckdb")]
    )
    assert res.exit_code == 0, res.output
    assert "Al-Jufra" in res.stdout and not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["claims", "/nonexistent/article.txt"], "cannot read"),
        (["claims", str(TEXTS / "bamako_absent.txt"), "--date", "03/03/2025"], "expected YYYY-MM-DD"),
    ],
)
def test_cli_usage_errors_exit_2(args: list[str], message: str) -> None:
    res = runner.invoke(app, args)
    assert res.exit_code == 2 and message in res.output


def test_cli_without_a_store_prints_the_claims_and_how_to_get_one(tmp_path: Path) -> None:
    real_kb_gazetteer()
    missing = tmp_path / "missing.duckdb"
    res = runner.invoke(app, ["claims", str(TEXTS / "via_tobruk_jufra.txt"), "--db", str(missing)])
    assert res.exit_code == 2  # nothing was checked
    assert "Al-Jufra" in res.stdout  # the extraction is still printed
    said = " ".join(res.stderr.split())  # the terminal wraps the message where the temporary path ends
    assert "liftwatch ingest" in said and "liftwatch flights" in said
    assert not missing.exists()  # a read of an article never creates a database
    res = runner.invoke(app, ["claims", str(TEXTS / "via_tobruk_jufra.txt"), "--db", str(missing), "--json"])
    doc = json.loads(res.stdout)
    assert doc["extraction"]["claims"] and "results" not in doc


def test_cli_article_over_the_limit_is_a_clear_error(tmp_path: Path) -> None:
    from liftwatch.claims.extract import MAX_ARTICLE_CHARS

    big = tmp_path / "big.txt"
    big.write_text("Russian cargo planes flew to Libya. " * (MAX_ARTICLE_CHARS // 30), encoding="utf-8")
    res = runner.invoke(app, ["claims", str(big), "--extract-only"])
    assert res.exit_code == 2 and f"{MAX_ARTICLE_CHARS:,}" in res.output

"""`liftwatch kb ...` commands: output, JSON mode and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from liftwatch.cli import app

runner = CliRunner()


def test_kb_site_found_and_json() -> None:
    res = runner.invoke(app, ["kb", "site", "Хмеймим"])
    assert res.exit_code == 0, res.output
    assert "hmeimim" in res.output and "Russia" in res.output
    res = runner.invoke(app, ["kb", "site", "al-Khadem", "--json"])
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert data["match"]["site_id"] == "al-khadim" and "eastern-libya" in data["match"]["regions"]


def test_kb_site_not_found_exits_1() -> None:
    res = runner.invoke(app, ["kb", "site", "qzqzqzqx"])
    assert res.exit_code == 1


def test_kb_asset_by_hex_reg_callsign() -> None:
    res = runner.invoke(app, ["kb", "asset", "1546a2", "--callsign", "RFF7012", "--registration", "RA-78817"])
    assert res.exit_code == 0, res.output
    assert "military" in res.output and "RFF*" in res.output
    res = runner.invoke(app, ["kb", "asset", "RA-96017", "--json"])
    assert json.loads(res.output)["classification"] == "state"
    res = runner.invoke(app, ["kb", "asset", "AFL1234"])
    assert "civil" in res.output
    res = runner.invoke(app, ["kb", "asset", "Sparta IV"])
    assert res.exit_code == 0 and "Oboronlogistika" in res.output
    assert runner.invoke(app, ["kb", "asset", "qqqq"]).exit_code == 1


def test_kb_asset_of_a_malformed_address_names_the_forms_and_exits_2() -> None:
    # `kb asset zzzzzz` had said "nothing known", exit 1, as if it were a valid address nobody had heard of
    res = runner.invoke(app, ["kb", "asset", "zzzzzz"])
    assert res.exit_code == 2, res.output
    text = " ".join(res.output.split())
    assert "not a well-formed ICAO 24-bit address (6 hex digits, 0-9 and a-f: 15a0e1)" in text
    assert "nothing known" not in text
    assert runner.invoke(app, ["kb", "asset", "abcdef"]).exit_code in (0, 1)  # well formed: looked up


def test_kb_regions_types_watchlist(tmp_path: Path) -> None:
    assert "eastern-libya" in runner.invoke(app, ["kb", "regions"]).output
    res = runner.invoke(app, ["kb", "types", "--category", "cargo", "--json"])
    assert {"IL76", "A124"} <= {r["type_code"] for r in json.loads(res.output)}
    res = runner.invoke(app, ["kb", "watchlist"])
    assert res.exit_code == 0 and "4 rules" in res.output and "rff-callsigns" in res.output
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nname="x"\ncallsigns=["(RFF"]\n', encoding="utf-8")
    res = runner.invoke(app, ["kb", "watchlist", str(bad)])
    assert res.exit_code != 0

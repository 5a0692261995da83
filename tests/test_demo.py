"""End to end: `liftwatch demo` on the bundled scenario (what `make demo` runs)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import liftwatch
from liftwatch.cli import app


def test_demo_runs_the_whole_pipeline(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    res = CliRunner().invoke(app, ["demo", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert (out / "report.html").stat().st_size > 10_000
    assert (out / "map.html").exists()
    assert "supported" in res.output
    assert "syria->" in res.output  # the top military corridor (Rich may truncate the rest)
    html = (out / "report.html").read_text()
    # the sealift appears as its own corridor class, and the founding claim section is embedded
    assert "<td>tartus</td><td>tobruk-port</td><td>military/state (sea)</td>" in html
    assert "tobruk-port" in (out / "map.html").read_text()
    with liftwatch.open(out / "liftwatch.duckdb", read_only=True) as lw:
        flights = lw.flights().to_polars()
        assert flights.height > 500
        mil = flights.filter(flights["classification"] == "military")
        assert mil.filter(mil["ending"] == "dark").height >= 5

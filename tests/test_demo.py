"""End to end: `liftwatch demo` on the bundled scenario (what `make demo` runs)."""

from __future__ import annotations

import liftwatch
from tests.conftest import DemoRun


def test_demo_runs_the_whole_pipeline(demo_run: DemoRun) -> None:
    """The command is run once per session by the ``demo_run`` fixture (tests/conftest.py), whose database
    tests/test_library.py then uses."""
    out = demo_run.folder / "liftwatch-demo"
    assert demo_run.exit_code == 0, demo_run.output
    assert (out / "report.html").stat().st_size > 10_000
    assert (out / "map.html").exists()
    assert "supported" in demo_run.output
    assert "syria->" in demo_run.output  # the top military corridor (Rich may truncate the rest)
    html = (out / "report.html").read_text()
    # the sealift appears as its own corridor class, and the founding claim section is embedded
    assert "<td>tartus</td><td>tobruk-port</td><td>military/state (sea)</td>" in html
    assert "tobruk-port" in (out / "map.html").read_text()
    with liftwatch.open(out / "liftwatch.duckdb", read_only=True) as lw:
        flights = lw.flights().to_polars()
        assert flights.height > 500
        mil = flights.filter(flights["classification"] == "military")
        assert mil.filter(mil["ending"] == "dark").height >= 5

"""The command line starts without the library: `--help` of every command imports Typer and Rich, not the
Polars/DuckDB/Arrow stack, Matplotlib, SciPy, the claims extractor or the web stack, and parse workers of a
parallel ingest start without the command line.

Each check runs in a fresh interpreter (this test process has imported everything already) and reads
``sys.modules`` there; a control run with one heavy module pre-imported shows the check sees what it should.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# Modules `--help` must not load: the third-party stacks a command may need, and every liftwatch module beyond
# the package itself, its errors and the command line (each of those pulls in some of the stacks)
HEAVY = {"matplotlib", "scipy", "fastapi", "uvicorn", "polars", "duckdb", "pyarrow", "numpy", "pandas", "pyais"}
HEAVY |= {"httpx", "jinja2", "rapidfuzz"}
LIGHT_LIFTWATCH = ("liftwatch", "liftwatch.errors")

HELP_EVERY_COMMAND = """
import json, sys
for name in sys.argv[1:]:
    __import__(name)
import typer
from typer.testing import CliRunner
from liftwatch.cli import app

def paths(cmd, prefix):
    yield prefix
    for name, sub in getattr(cmd, "commands", {}).items():  # a group's sub-commands
        yield from paths(sub, [*prefix, name])

runner = CliRunner()
done = []
for path in paths(typer.main.get_command(app), []):
    res = runner.invoke(app, [*path, "--help"])
    assert res.exit_code == 0 and "Usage:" in res.output, (path, res.exit_code, res.output)
    done.append(" ".join(path))
print(json.dumps({"commands": done, "modules": sorted(sys.modules)}))
"""


def _help_run(*preload: str) -> tuple[list[str], list[str]]:
    """(commands whose --help ran, heavy or library modules then loaded) in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", HELP_EVERY_COMMAND, *preload], capture_output=True, text=True, check=True, timeout=120
    )
    got = json.loads(out.stdout)
    loaded = [
        m
        for m in got["modules"]
        if m.split(".")[0] in HEAVY
        or (m.startswith("liftwatch") and m not in LIGHT_LIFTWATCH and not m.startswith("liftwatch.cli"))
    ]
    return got["commands"], loaded


def test_help_of_every_command_imports_no_library() -> None:
    commands, loaded = _help_run()
    # the walk is real: the root, every command and every sub-command of the groups
    assert {"", "ingest", "info", "claims", "serve", "report", "flights list", "voyages calls", "kb site"} <= set(
        commands
    )
    assert len(commands) >= 25
    assert loaded == []


def test_the_check_sees_a_heavy_import() -> None:
    """Control: with the report writer and the analysis imported first, the same run reports what they load."""
    _, loaded = _help_run("liftwatch.report.builder", "liftwatch.report.analysis")
    assert {"matplotlib", "scipy", "polars", "liftwatch.report.builder", "liftwatch.claims.extract"} <= set(loaded)


INGEST_AND_INFO = """
import json, sys
from typer.testing import CliRunner
from liftwatch.cli import app

db, data = sys.argv[1:]
for args, shows in ((["ingest", data, "--db", db], "kept"), (["info", "--db", db], "points")):
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0 and shows in res.output, (args, res.exit_code, res.output)
print(json.dumps(sorted(sys.modules)))
"""


def test_ingest_and_info_load_no_report_claims_or_web_code(tmp_path: Path) -> None:
    """Getting data in and looking at it needs the readers and the store, not the analysis stack."""
    sample = Path(__file__).resolve().parents[1] / "data" / "real" / "adsb" / "sample_border_control.opensky.csv.gz"
    out = subprocess.run(
        [sys.executable, "-c", INGEST_AND_INFO, str(tmp_path / "s.duckdb"), str(sample)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    modules = set(json.loads(out.stdout))
    assert {"duckdb", "liftwatch.store", "liftwatch.io.opensky"} <= modules  # it did ingest and open the store
    unwanted = {m for m in modules if m.split(".")[0] in ("matplotlib", "scipy", "fastapi", "httpx", "jinja2")}
    unwanted |= {m for m in modules if m.startswith(("liftwatch.report", "liftwatch.claims", "liftwatch.sources"))}
    unwanted |= {m for m in modules if m.startswith(("liftwatch.analytics.surge", "liftwatch.web", "liftwatch.sim"))}
    assert unwanted == set()


def test_option_defaults_copied_into_the_cli_match_the_library() -> None:
    """The command line shows copies of a few library values (so `--help` need not import the library)."""
    from liftwatch.cli import common
    from liftwatch.filters import CLASSIFICATIONS, ENDINGS
    from liftwatch.store import DEFAULT_DB
    from liftwatch.tracks.guesses import DEFAULT_MIN_CONFIDENCE

    assert common.DB_DEFAULT == DEFAULT_DB
    assert common.ENDINGS == ENDINGS
    assert common.CLASSIFICATIONS == CLASSIFICATIONS
    assert common.MIN_CONFIDENCE == DEFAULT_MIN_CONFIDENCE


WORKER_MODULES = """
import json, sys
import liftwatch.cli  # what the `liftwatch` script imports: spawn would re-run it in every worker
from liftwatch.ingest_workers import parse_executor

with parse_executor(2) as (pool, _):
    print(json.dumps(pool.submit(eval, "sorted(__import__('sys').modules)").result(timeout=120)))
"""


def test_parse_workers_start_without_the_command_line(tmp_path: Path) -> None:
    """A parallel ingest's worker loads the parse code, not the command line, the analysis stack or pandas."""
    script = tmp_path / "liftwatch_script.py"  # run by path, as the console script is
    script.write_text(WORKER_MODULES)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True, timeout=180)
    modules = set(json.loads(out.stdout))
    assert "liftwatch.ingest_parse" in modules  # the worker is initialised (the check is not vacuous)
    unwanted = {m for m in modules if m.split(".")[0] in ("typer", "rich", "matplotlib", "scipy", "fastapi", "pandas")}
    unwanted |= {m for m in modules if m.startswith(("liftwatch.cli", "liftwatch.report", "liftwatch.claims"))}
    unwanted |= {m for m in modules if m.startswith(("liftwatch.analytics", "liftwatch.api", "liftwatch.tracks"))}
    assert unwanted == set()

"""What a user meets following the README: `python -m liftwatch`, filter values that would otherwise select
nothing (a country's name, a reversed time window) and option values outside their set, each an error that
says what is allowed (exit 2), never an empty answer."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import liftwatch
from liftwatch.analysis_scope import day_window
from liftwatch.cli import app
from liftwatch.errors import InvalidValueError
from liftwatch.filters import FlightFilter


def test_python_dash_m_runs_the_command() -> None:
    src = str(Path(liftwatch.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    run = subprocess.run(
        [sys.executable, "-m", "liftwatch", "--help"], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert "flights" in run.stdout and "report" in run.stdout


def test_a_country_is_a_code_in_any_case_or_a_name() -> None:
    assert FlightFilter(country="ru").country == "RU"
    assert FlightFilter(country="Russia").country == "RU"
    assert FlightFilter(country="Турция").country == "TR"
    for bad in ("XX", "Narnia"):
        with pytest.raises(InvalidValueError, match="alpha-2 code"):
            FlightFilter(country=bad)


def test_a_window_must_end_after_it_starts() -> None:
    with pytest.raises(InvalidValueError, match="after start 2024-12-20"):
        FlightFilter(start="2024-12-20", end="2024-12-19")
    with pytest.raises(InvalidValueError, match="after start"):
        FlightFilter(start="2024-12-20T06:00Z", end="2024-12-20T06:00Z")  # [t, t) holds nothing
    assert FlightFilter(start="2024-12-19", end="2024-12-20").end is not None
    # reports take inclusive days: one day is fine, a last day before the first is not
    assert day_window("2024-12-20", "2024-12-20")[1] is not None
    with pytest.raises(InvalidValueError, match="on or after the first day 2024-12-22"):
        day_window("2024-12-22", "2024-12-20")


def test_kb_types_refuses_an_unknown_category_naming_the_known_ones() -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["kb", "types", "--category", "spaceship"])
    assert bad.exit_code == 2  # it had printed an empty table and exited 0
    assert "cargo, airliner, bizjet, military_other" in bad.output
    ok = runner.invoke(app, ["kb", "types", "--category", "Cargo", "--json"])
    assert ok.exit_code == 0 and '"IL76"' in ok.output


# options the user docs name for other programs: `python -m liftwatch.claims.evaluate/diagnose`, the benchmarks
OTHER_PROGRAMS = {"--excerpts", "--exclude", "--lang", "--only", "--places", "--spurious"} | {
    "--compare",
    "--e2e-points",
    "--modes",
    "--nthreads",
    "--points",
    "--store",
}


def test_every_option_the_user_docs_name_exists() -> None:
    # docs/knowledge-base.md had sent users to `--origin`, `--dest` and `--destination`, which no command has
    import typer

    options: set[str] = set()

    def walk(cmd: object) -> None:
        for p in getattr(cmd, "params", []):
            options.update(p.opts, p.secondary_opts)
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    root = Path(__file__).resolve().parents[2]
    # the measurement pages quote the evaluator's and the benchmarks' own options (``--misses``), no command's
    measured = ("accuracy", "benchmarks", "claim-rounds")
    docs = [root / "README.md", *(p for p in (root / "docs").glob("*.md") if p.stem not in measured)]
    unknown = {
        (p.name, opt)
        for p in docs
        for opt in re.findall(r"(?<![\w-])--[a-z][a-z0-9-]+", p.read_text(encoding="utf-8"))
        if opt not in options | OTHER_PROGRAMS
    }
    assert not unknown, sorted(unknown)


def test_a_dask_value_that_is_no_address_names_the_forms() -> None:
    # `build --dask nowhere` had ended in "unexpected ValueError ... please report it", exit 1
    pytest.importorskip("distributed")
    from liftwatch.errors import LiftwatchError
    from liftwatch.ingest_workers import dask_client
    from liftwatch.scale.executors import Backend, open_executor

    forms = "'local' or a scheduler address such as tcp://scheduler:8786"
    with pytest.raises(LiftwatchError, match=forms), open_executor(Backend(workers=1, dask="nowhere")):
        pass
    with pytest.raises(LiftwatchError, match="scheduler address such as tcp://scheduler:8786"):
        dask_client("nowhere")
    # refused before any client (and its event-loop thread, which a loaded machine had been slow to start) is made
    from liftwatch.scale.executors import connect_scheduler

    made: list[object] = []
    with pytest.raises(LiftwatchError, match="missing port number"):
        connect_scheduler(lambda *a, **k: made.append(a), "tcp://nowhere", "1s", forms)
    assert made == []
    connect_scheduler(lambda *a, **k: made.append(a), "tcp://scheduler:8786", "1s", forms)
    assert made == [("tcp://scheduler:8786",)]


def test_kb_regions_shows_a_region_of_states_as_its_states() -> None:
    # "Gulf states", "Sahel", "Europe" had been listed as "site group (0)": an empty region, by the look of it
    from liftwatch import kb
    from liftwatch.cli.kb import region_kind

    regions = kb.regions()
    assert region_kind(regions["gulf-states"]) == "states (BH, KW, OM, QA, SA, AE)"
    assert region_kind(regions["europe"]).endswith(" in all)")
    assert region_kind(regions["crete"]).startswith("site group (")
    assert region_kind(regions["eastern-libya"]) == "polygon"
    assert "water" in region_kind(regions["red-sea"])

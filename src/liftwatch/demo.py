"""The whole pipeline on the bundled scenario: what ``liftwatch demo`` and ``make demo`` run.

ingest (readsb traces, AIS) -> flights and voyages -> corridors, lift, surge -> claim check of the founding
article -> HTML report with offline map. Everything it needs ships inside the package; a notebook calls
:func:`run_demo` and gets the same numbers the command prints.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib.resources import files
from pathlib import Path

import liftwatch
from liftwatch.api import BuildSummary, ClaimCheck
from liftwatch.errors import LiftwatchError
from liftwatch.ingest import IngestRun
from liftwatch.report import Analysis, ReportResult, write_report
from liftwatch.sim import default_scenario_path

FOUNDING_ARTICLE = "russia_syria_libya_transfer.txt"
TITLE = "liftwatch demo: Syria -> Libya airlift"


def founding_article() -> str:
    """The bundled news article the demo checks."""
    return (files("liftwatch") / "data" / "articles" / FOUNDING_ARTICLE).read_text(encoding="utf-8")


def scenario_inputs(folder: Path) -> list[Path]:
    """Observation files of a scenario folder (truth tables and metadata are not inputs)."""
    traces = sorted((folder / "traces").rglob("trace_full_*.json*")) if (folder / "traces").exists() else []
    others = [folder / name for name in ("ais.nmea",) if (folder / name).exists()]
    return traces + others


@dataclass
class DemoResult:
    """Everything the demo produced."""

    db: Path
    ingest: IngestRun
    build: BuildSummary
    claims: ClaimCheck
    analysis: Analysis
    report: ReportResult


def run_demo(
    out: str | Path = "liftwatch-demo",
    scenario: str | Path | None = None,
    *,
    on_file: Callable[[Path], None] | None = None,
    on_points: Callable[[int], None] | None = None,
) -> DemoResult:
    """Run the pipeline on a scenario folder (default: the bundled one) into ``out`` (replaced)."""
    folder = Path(scenario) if scenario is not None else default_scenario_path()
    inputs = scenario_inputs(folder)
    if not inputs:
        raise LiftwatchError(f"{folder}: no observation files found")
    out_dir = Path(out)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    meta = json.loads((folder / "meta.json").read_text()) if (folder / "meta.json").exists() else {}
    pub = date.fromisoformat(meta["end"][:10]) if "end" in meta else datetime.now(UTC).date()
    db = out_dir / "liftwatch.duckdb"
    with liftwatch.open(db) as lw:
        run = lw.ingest(*inputs, on_file=on_file)
        if run.failures:
            raise LiftwatchError("; ".join(f.message for f in run.failures))
        built = lw.build(on_points=on_points)
        checked = lw.check(text=founding_article(), publication=pub)
        analysis = lw.analyse(title=TITLE, coverage=True)
    analysis.claims = list(checked.results)
    report = write_report(analysis, out_dir)
    return DemoResult(db, run, built, checked, analysis, report)

"""Measure the change detector and the corridor/lift figures (the numbers in ``docs/accuracy.md``).

``python -m liftwatch.evaluation.analytics`` prints the surge detector's operating characteristics on seeded
synthetic daily series (false-alarm rate on stable Poisson/NB series, detection rate, start-date error and
alarm delay on rate jumps). ``--demo`` also runs the demo scenario (simulator -> trajectory engine -> report)
and compares the top military corridor's flights and tonnage and the surge date with the simulator's truth.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
from scipy import stats

from liftwatch import kb, sim
from liftwatch.analytics.surge import assess_series
from liftwatch.report import AnalysisOptions, build_report
from liftwatch.store import Store
from liftwatch.tracks import build_flights

DAYS, BASE, CHANGE = 28, 14, 18


def _series(rng: np.random.Generator, means: np.ndarray, size: float | None) -> np.ndarray:
    if size is None:
        return rng.poisson(means).astype(float)
    return rng.negative_binomial(size, size / (size + means)).astype(float)


def operating_characteristics(runs: int = 1000, seed: int = 100) -> list[str]:
    """Markdown table rows: stable series (false alarms) and jumps (detection, start error, delay)."""
    rows = ["| series (28 days, baseline = first 14) | result |", "|---|---|"]
    for mean, size in [(0.4, None), (1.0, None), (3.0, None), (3.0, 3.0), (8.0, 4.0)]:
        rng = np.random.default_rng(seed)
        alarms = sum(
            assess_series(_series(rng, np.full(DAYS, mean), size), None, BASE) is not None for _ in range(runs)
        )
        model = "Poisson" if size is None else f"NB r={size:g}"
        rows.append(f"| stable {mean:g}/day, {model} | false-alarm rate {alarms / runs:.1%} |")
    for mean, jump, size in [(1.0, 4.0, None), (1.0, 3.0, None), (2.0, 2.5, None), (3.0, 2.5, 5.0)]:
        rng = np.random.default_rng(seed + 1)
        starts, delays = [], []
        for _ in range(runs):
            means = np.r_[np.full(CHANGE, mean), np.full(DAYS - CHANGE, mean * jump)]
            f = assess_series(_series(rng, means, size), None, BASE)
            if f is not None and f.kind == "surge":
                starts.append(f.t_start - CHANGE)
                delays.append(f.t_alarm - CHANGE)
        st, de = np.asarray(starts), np.asarray(delays)
        model = "Poisson" if size is None else f"NB r={size:g}"
        rows.append(
            f"| jump {mean:g} → {mean * jump:g}/day on day {CHANGE}, {model} | detected {len(st) / runs:.1%}; "
            f"start within ±2 d {np.mean(np.abs(st) <= 2) if len(st) else 0:.1%}; "
            f"median alarm delay {np.median(de) if len(de) else float('nan'):.0f} d |"
        )
    return rows


def demo_inputs(workdir: str | Path, seed: int | None = None) -> tuple[dict[str, Any], pl.DataFrame, pl.DataFrame]:
    """(meta, truth flights, built flights) of the demo scenario.

    With no ``seed``: the bundled default scenario, ingested like real data (trace files -> store -> trajectory
    engine); if the bundle is absent, the same scenario generated. With a seed: that seed generated.
    """
    bundle = Path(sim.default_scenario_path())
    if seed is None and (bundle / "meta.json").exists() and (bundle / "truth_flights.csv").exists():
        meta = json.loads((bundle / "meta.json").read_text())
        truth = pl.read_csv(bundle / "truth_flights.csv", try_parse_dates=True)
        with Store(Path(workdir) / "demo.duckdb") as store:
            for f in sorted(p for p in bundle.rglob("*") if p.is_file() and "trace" in p.name):
                store.ingest(f)
            flights = pl.from_arrow(build_flights(store))
    else:
        sc = sim.generate("syria-libya-airlift", days=14, seed=7 if seed is None else seed, cadence_s=30.0)
        meta, truth = dict(sc.meta), sc.truth_flights
        flights = pl.from_arrow(build_flights(sc.points))
    assert isinstance(flights, pl.DataFrame)
    return meta, truth, flights


def truth_corridor(truth: pl.DataFrame, origin: str = "syria", destination: str = "eastern-libya") -> pl.DataFrame:
    """True military/state flights between two regions (regions of the true sites from the knowledge base)."""
    t = truth.filter(pl.col("domain") == "air") if "domain" in truth.columns else truth
    t = t.filter(pl.col("classification").is_in(["military", "state"]))
    sites = set(t["dep_site"].drop_nulls().to_list()) | set(t["arr_site"].drop_nulls().to_list())
    reg = {s: next(iter(kb.region_of_site(s)), None) for s in sites}
    return t.filter(
        (pl.col("dep_site").replace_strict(reg, default=None) == origin)
        & (pl.col("arr_site").replace_strict(reg, default=None) == destination)
    )


def truth_surge_p(truth: pl.DataFrame, meta: dict[str, Any]) -> tuple[float, float, float]:
    """True Syria->eastern Libya sorties per day before/after the simulated surge start, and the exact
    conditional (binomial) p-value that the later rate is higher: is the surge in the data at all?"""
    start = datetime.fromisoformat(str(meta["start"])).date()
    s0 = datetime.fromisoformat(str(meta["surge_start"])).date()
    end = datetime.fromisoformat(str(meta["end"])).date()
    days = truth_corridor(truth).select(pl.col("dep_time").dt.date().alias("d"))["d"]
    before, after = int((days < s0).sum()), int((days >= s0).sum())
    b_days, a_days = (s0 - start).days, (end - s0).days
    p = float(stats.binom.sf(after - 1, before + after, a_days / (a_days + b_days)))
    return before / b_days, after / a_days, p


def ending_counts(truth: pl.DataFrame, flights: pl.DataFrame) -> dict[str, tuple[int, int]]:
    """Air flights per ending, truth vs built (landed, landed_unknown_site, dark, out_of_coverage, data_end):
    a first look at whether carrier recoveries and flights leaving coverage are told apart from dark ones."""
    t = truth.filter(pl.col("domain") == "air") if "domain" in truth.columns else truth
    f = flights.filter(pl.col("domain") == "air") if "domain" in flights.columns else flights
    tc = dict(t.group_by("ending").len().iter_rows())
    fc = dict(f.group_by("ending").len().iter_rows())
    return {str(k): (int(tc.get(k, 0)), int(fc.get(k, 0))) for k in sorted(set(tc) | set(fc), key=str)}


def demo(seed: int | None = None) -> dict[str, Any]:
    """The acceptance figures of the demo scenario against the simulator's truth."""
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        meta, truth, flights = demo_inputs(tmp, seed)
        t1 = time.perf_counter()
        res = build_report(flights, Path(tmp) / "report", AnalysisOptions(title="demo"))
        t2 = time.perf_counter()
    corridor = truth_corridor(truth)
    top = res.summary["top_military_region_corridor"] or {}
    surges = [a for a in res.alerts if a.kind == "surge" and a.corridor == "syria->eastern-libya"]
    before, after, p = truth_surge_p(truth, meta)
    return {
        "top_corridor": top.get("corridor"),
        "flights_expected": top.get("flights_expected"),
        "flights_top1": top.get("flights_top1"),
        "flights_truth": corridor.height,
        "tonnes_expected": top.get("tonnes_expected"),
        "tonnes_range": (top.get("tonnes_low"), top.get("tonnes_high")),
        "tonnes_truth": float(corridor["payload_t"].sum()),
        "surge_truth": meta.get("surge_start"),
        "truth_rates_before_after_p": (round(before, 2), round(after, 2), round(p, 3)),
        "surge_found": [(a.level, str(a.start), str(a.alerted_on)) for a in surges],
        "civil_alerts": [a.summary for a in res.alerts if a.group == "civil"],
        "all_alerts": [a.summary for a in res.alerts],
        "flights": flights.height,
        "endings_truth_built": ending_counts(truth, flights),
        "timings_s": {"ingest+tracks": round(t1 - t0, 1), "report": round(t2 - t1, 1)},
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--demo", action="store_true", help="also run the demo scenario against the simulator's truth")
    ap.add_argument("--seed", type=int, default=None, help="with --demo: generate this seed instead of the bundle")
    args = ap.parse_args(argv)
    print("\n".join(operating_characteristics(args.runs)))
    if args.demo:
        for k, v in demo(args.seed).items():
            print(f"{k}: {v}")


if __name__ == "__main__":
    main()

"""Measure the change detector and the corridor/lift figures (the numbers in ``docs/accuracy.md``).

``python -m liftwatch.analytics.evaluate`` prints the surge detector's operating characteristics on seeded
synthetic daily series (false-alarm rate on stable Poisson/NB series, detection rate, start-date error and
alarm delay on rate jumps). ``--demo`` also runs the demo scenario (simulator -> trajectory engine -> report)
and compares the top military corridor's flights and tonnage and the surge date with the simulator's truth.
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
import time
from datetime import date, datetime
from typing import Any

import numpy as np
import polars as pl

from liftwatch.analytics.surge import assess_series

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


def demo(days: int = 14, seed: int = 7) -> dict[str, Any]:
    """Simulator -> tracks -> report on the demo scenario; the acceptance figures against truth."""
    sim: Any = importlib.import_module("liftwatch.sim")
    kb: Any = importlib.import_module("liftwatch.kb")
    from liftwatch.report import build_report
    from liftwatch.tracks import build_flights

    t0 = time.perf_counter()
    sc = sim.generate("syria-libya-airlift", days=days, seed=seed)
    t1 = time.perf_counter()
    flights = pl.from_arrow(build_flights(sc.points))
    assert isinstance(flights, pl.DataFrame)
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        res = build_report(flights, tmp, title="demo")
    t3 = time.perf_counter()

    truth = sc.truth_flights
    if "domain" in truth.columns:
        truth = truth.filter(pl.col("domain") == "air")
    truth = truth.filter(pl.col("classification").is_in(["military", "state"]))
    sites = set(truth["dep_site"].drop_nulls().to_list()) | set(truth["arr_site"].drop_nulls().to_list())
    reg = {s: (kb.region_of_site(s) or [None])[0] for s in sites}
    corridor = truth.filter(
        (pl.col("dep_site").replace_strict(reg, default=None) == "syria")
        & (pl.col("arr_site").replace_strict(reg, default=None) == "eastern-libya")
    )
    top = res.summary["top_military_region_corridor"] or {}
    surge_truth = _surge_start(sc)
    surges = [a for a in res.alerts if a.kind == "surge" and a.corridor == "syria->eastern-libya"]
    return {
        "top_corridor": top.get("corridor"),
        "flights_expected": top.get("flights_expected"),
        "flights_top1": top.get("flights_top1"),
        "flights_truth": corridor.height,
        "tonnes_expected": top.get("tonnes_expected"),
        "tonnes_range": (top.get("tonnes_low"), top.get("tonnes_high")),
        "tonnes_truth": float(corridor["payload_t"].sum()),
        "surge_truth": surge_truth,
        "surge_found": [(a.level, a.start, a.alerted_on) for a in surges],
        "civil_alerts": [a.summary for a in res.alerts if a.group == "civil"],
        "all_alerts": [a.summary for a in res.alerts],
        "flights": flights.height,
        "timings_s": {"sim": round(t1 - t0, 1), "tracks": round(t2 - t1, 1), "report": round(t3 - t2, 1)},
    }


def _surge_start(sc: Any) -> date | None:
    meta = getattr(sc, "meta", None) or {}
    start = meta.get("surge_start") if isinstance(meta, dict) else getattr(meta, "surge_start", None)
    if start is None and "surge" in sc.truth_flights.columns:
        start = sc.truth_flights.filter(pl.col("surge"))["dep_time"].min()
    if isinstance(start, str):
        start = datetime.fromisoformat(start)
    if isinstance(start, datetime):
        return start.date()
    return start if isinstance(start, date) else None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--demo", action="store_true", help="also run the demo scenario against the simulator's truth")
    args = ap.parse_args(argv)
    print("\n".join(operating_characteristics(args.runs)))
    if args.demo:
        for k, v in demo().items():
            print(f"{k}: {v}")


if __name__ == "__main__":
    main()

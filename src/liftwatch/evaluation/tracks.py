"""Accuracy of the flights pipeline against the simulator's truth.

``python -m liftwatch.evaluation.tracks --days 14 --seed 7`` generates a scenario, builds flights from what the
receivers observed, matches them to the true flights and prints the acceptance numbers:
departure/arrival site accuracy for covered ends, dark endings' true site in the top-1/top-3, dark vs
out-of-coverage accuracy and the flight count against truth.

Matching is per airframe by time overlap (each true flight to the built flight overlapping it most), so a
true flight split in two or two merged into one show up as count and site errors rather than being hidden.
Per flight kind (helicopters, patrols, orbits, carrier operations, overflights: ``sim.missions.KINDS``) it
also counts how many built flights cover each true one and how many of those end in a fake landing; carrier
endings ("landed, unknown site") and out-of-coverage endings called dark are scored on their own.
Scenario options (``--kinds``, ``--reception``, ``--receivers``, ``--crop``) pass through to ``sim.generate``.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

import numpy as np
import polars as pl

from liftwatch import sim
from liftwatch.geodesy import haversine_km
from liftwatch.sim.coverage import Crop
from liftwatch.tracks.flights import BuildReport, build_flights

COVERED_START_S = 600.0  # a true flight counts as seen at take-off when its first fix is this close to dep_time


def observed_truth(truth: pl.DataFrame, points: pl.DataFrame, min_points: int = 3) -> pl.DataFrame:
    """True air flights with at least ``min_points`` observed fixes (the ones a tracker can find)."""
    t = truth.filter(pl.col("domain") == "air") if "domain" in truth.columns else truth
    end = pl.coalesce(pl.col("arr_time"), pl.col("went_dark_at"))
    t = t.with_columns(end.alias("_end"))
    p = points.filter(pl.col("lat").is_not_null()).select("asset_id", "ts").sort("ts")
    # each point to the latest true flight of its airframe that started before it (an as-of join: linear,
    # where a plain join on asset_id would pair every point with every flight of the airframe)
    spans = t.select("flight_id", "asset_id", "dep_time", "_end").sort("dep_time")
    counts = (
        p.join_asof(
            spans, left_on="ts", right_on="dep_time", by="asset_id", strategy="backward", check_sortedness=False
        )
        .filter(pl.col("flight_id").is_not_null() & (pl.col("ts") <= pl.col("_end")))
        .group_by("flight_id")
        .agg(pl.len().alias("n_obs"), pl.col("ts").min().alias("obs_first"), pl.col("ts").max().alias("obs_last"))
    )
    return t.join(counts, on="flight_id", how="left").with_columns(pl.col("n_obs").fill_null(0)).drop("_end")


def match(flights: pl.DataFrame, truth: pl.DataFrame) -> pl.DataFrame:
    """Truth rows joined with their best-overlapping built flight (``b_`` prefixed columns; null when none)."""
    end = pl.coalesce(pl.col("arr_time"), pl.col("went_dark_at"))
    t = truth.with_columns(end.alias("_t1"))
    b = flights.select(pl.all().name.prefix("b_"))
    j = t.select("flight_id", "asset_id", "dep_time", "_t1").join(
        b, left_on="asset_id", right_on="b_asset_id", how="inner"
    )
    ov = (pl.min_horizontal("_t1", "b_last_ts") - pl.max_horizontal("dep_time", "b_first_ts")).dt.total_seconds()
    j = j.with_columns(ov.alias("overlap")).filter(pl.col("overlap") > 0)
    best = j.sort("overlap", descending=True).unique(subset=["flight_id"], keep="first")
    keep = [c for c in best.columns if c.startswith("b_")] + ["flight_id", "overlap"]
    return truth.join(best.select(keep), on="flight_id", how="left")


def _rate(hit: pl.Series) -> float | None:
    return None if hit.len() == 0 else float(hit.cast(pl.Float64).mean())  # type: ignore[arg-type]


def metrics(flights: pl.DataFrame, truth_obs: pl.DataFrame) -> dict[str, Any]:
    """The acceptance numbers (fractions in 0-1) and the counts behind them."""
    f = flights.filter(pl.col("domain") == "air")
    seen = truth_obs.filter(pl.col("n_obs") >= 3)
    m = match(f, seen)
    matched = m.filter(pl.col("b_flight_id").is_not_null())
    # built flights that match no true flight, and true flights matched by the same built flight
    used = matched["b_flight_id"].n_unique()
    out: dict[str, Any] = {
        "truth_flights": truth_obs.height,
        "truth_observed": seen.height,
        "built_flights": f.height,
        "count_error": (f.height - seen.height) / max(seen.height, 1),
        "matched": matched.height,
        "merged": matched.height - used,
        "unmatched_built": f.height - used,
    }
    covered_start = matched.filter(
        ((pl.col("obs_first") - pl.col("dep_time")).dt.total_seconds() <= COVERED_START_S)
        & pl.col("dep_site").is_not_null()
    )
    out["dep_n"] = covered_start.height
    out["dep_acc"] = _rate(covered_start["b_dep_site"].fill_null("") == covered_start["dep_site"])
    landed = matched.filter(pl.col("ending") == "landed")
    out["arr_n"] = landed.height
    out["arr_acc"] = _rate(landed["b_arr_site"].fill_null("") == landed["arr_site"])
    out["landed_as_landed"] = _rate(landed["b_ending"] == "landed")
    out.update(_unknown_site_scores(matched))
    for kind in ("dark", "out_of_coverage"):
        d = matched.filter((pl.col("ending") == kind) & pl.col("arr_site").is_not_null())
        top3 = d.select(
            pl.col("b_arr_candidates").list.head(3).list.eval(pl.element().struct.field("site_id")).alias("t3"),
            "arr_site",
        )
        out[f"{kind}_n"] = d.height
        out[f"{kind}_top1"] = _rate(d["b_arr_site"].fill_null("") == d["arr_site"])
        out[f"{kind}_top3"] = _rate(top3.select(pl.col("t3").list.contains(pl.col("arr_site")).fill_null(False))["t3"])
    airborne = matched.filter(pl.col("ending").is_in(["dark", "out_of_coverage"]))
    out["dark_vs_ooc_n"] = airborne.height
    out["dark_vs_ooc_acc"] = _rate(airborne["b_ending"] == airborne["ending"])
    out["landed_called_dark"] = int(landed.filter(pl.col("b_ending") != "landed").height)
    # the headline error: a flight that simply left coverage (or the crop) called dark
    ooc = matched.filter(pl.col("ending") == "out_of_coverage")
    out["ooc_called_dark"] = int(ooc.filter(pl.col("b_ending") == "dark").height)
    out["false_dark"] = int(matched.filter((pl.col("b_ending") == "dark") & (pl.col("ending") != "dark")).height)
    if "flight_kind" in seen.columns:
        out["kinds"] = kind_scores(f, seen)
    return out


def _unknown_site_scores(matched: pl.DataFrame) -> dict[str, Any]:
    """Carrier-style ends: landed on something not in the gazetteer (truth gives the position)."""
    out: dict[str, Any] = {}
    if "start" not in matched.columns:
        return out
    arr = matched.filter(pl.col("ending") == "landed_unknown_site")
    landed_no_site = (pl.col("b_ending") == "landed_unknown_site") | (
        (pl.col("b_ending") == "landed") & pl.col("b_arr_site").is_null()
    )
    out["unknown_arr_n"] = arr.height
    out["unknown_arr_acc"] = _rate(arr.select(landed_no_site.fill_null(False).alias("hit"))["hit"])
    out["unknown_arr_called_dark"] = int(arr.filter(pl.col("b_ending") == "dark").height)
    out["unknown_arr_given_site"] = int(arr.filter(pl.col("b_arr_site").is_not_null()).height)
    if arr.height and "b_last_lat" in arr.columns:  # how far the last fix is from the true touch-down point
        km = haversine_km(arr["b_last_lat"], arr["b_last_lon"], arr["arr_lat"], arr["arr_lon"])
        out["unknown_arr_last_fix_km"] = float(np.nanmedian(km))
    dep = matched.filter(pl.col("start") == "takeoff_unknown_site")
    took_off_no_site = pl.col("b_start_kind").str.starts_with("takeoff") & pl.col("b_dep_site").is_null()
    out["unknown_dep_n"] = dep.height
    out["unknown_dep_acc"] = _rate(dep.select(took_off_no_site.fill_null(False).alias("hit"))["hit"])
    out["unknown_dep_given_site"] = int(dep.filter(pl.col("b_dep_site").is_not_null()).height)
    return out


def kind_scores(built: pl.DataFrame, truth_seen: pl.DataFrame) -> dict[str, dict[str, Any]]:
    """Per flight kind: true flights, built flights covering them, share built as exactly one flight, and
    built flights ending "landed" more than 15 min before the true landing (fake landings)."""
    end = pl.coalesce(pl.col("arr_time"), pl.col("went_dark_at"))
    t = truth_seen.select("flight_id", "asset_id", "flight_kind", "dep_time", end.alias("_t1"))
    b = built.select("asset_id", "flight_id", "first_ts", "last_ts", "ending", "arr_time")
    j = t.join(b, on="asset_id", how="inner", suffix="_b")
    ov = (pl.min_horizontal("_t1", "last_ts") - pl.max_horizontal("dep_time", "first_ts")).dt.total_seconds()
    j = j.filter(ov > 0)
    fake = (pl.col("ending") == "landed") & ((pl.col("_t1") - pl.col("arr_time")).dt.total_seconds() > 900)
    per = j.group_by("flight_id").agg(pl.len().alias("pieces"), fake.sum().alias("fake"))
    per = t.join(per, on="flight_id", how="left").with_columns(pl.col("pieces", "fake").fill_null(0))
    agg = per.group_by("flight_kind").agg(
        pl.len().alias("true"),
        pl.col("pieces").sum().alias("built"),
        (pl.col("pieces") == 1).mean().alias("one_flight"),
        pl.col("fake").sum().alias("fake_landings"),
    )
    return {str(r.pop("flight_kind")): r for r in agg.sort("flight_kind", nulls_last=True).iter_rows(named=True)}


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{100 * v:.2f} %" if abs(v) <= 1.0 else f"{v:.2f}"
    return "n/a" if v is None else str(v)


def run(days: int, seed: int, scenario: str = "syria-libya-airlift", **sim_kwargs: Any) -> dict[str, Any]:
    """Generate a scenario, build flights, return metrics plus timings."""
    t0 = time.perf_counter()
    sc = sim.generate(scenario, days=days, seed=seed, **sim_kwargs)
    t1 = time.perf_counter()
    report = BuildReport()
    built = pl.from_arrow(build_flights(sc.points, report=report))
    assert isinstance(built, pl.DataFrame)
    t2 = time.perf_counter()
    res = metrics(built, observed_truth(sc.truth_flights, sc.points))
    res.update(
        points=sc.points.height,
        sim_s=round(t1 - t0, 2),
        pipeline_s=round(t2 - t1, 2),
        clean=report.clean.as_dict(),
        endings=report.endings,
    )
    return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scenario", default="syria-libya-airlift")
    ap.add_argument("--kinds", default=None, help="comma-separated extra flight kinds, 'none' for none (default all)")
    ap.add_argument("--reception", default="realistic", help="realistic | ideal (one 250 NM hard edge)")
    ap.add_argument("--receivers", default=None, help="comma-separated receiver names (default all)")
    ap.add_argument("--crop", default=None, help="LAT_MIN,LON_MIN,LAT_MAX,LON_MAX or LAT,LON,KM")
    ap.add_argument(
        "--runways", default="ourairports", help="ourairports (land on the runways) | gazetteer (reference points)"
    )
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = ap.parse_args(argv)
    opts: dict[str, Any] = {"reception": args.reception, "runways": args.runways}
    if args.kinds is not None:
        opts["kinds"] = () if args.kinds == "none" else tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    if args.receivers:
        opts["receivers"] = tuple(r.strip() for r in args.receivers.split(",") if r.strip())
    if args.crop:
        opts["crop"] = Crop.parse(args.crop)
    res = run(args.days, args.seed, args.scenario, **opts)
    if args.json:
        print(json.dumps(res, default=str, indent=2))
        return
    rows = [
        ("points", res["points"]),
        ("true flights (observed >= 3 fixes)", f"{res['truth_observed']} of {res['truth_flights']}"),
        ("built flights", res["built_flights"]),
        ("flight count error", _fmt(res["count_error"])),
        ("departure site accuracy (seen at take-off)", f"{_fmt(res['dep_acc'])} (n={res['dep_n']})"),
        ("arrival site accuracy (landed, covered)", f"{_fmt(res['arr_acc'])} (n={res['arr_n']})"),
        ("dark endings: true site top-1", f"{_fmt(res['dark_top1'])} (n={res['dark_n']})"),
        ("dark endings: true site top-3", _fmt(res["dark_top3"])),
        (
            "out-of-coverage endings: top-1 / top-3",
            f"{_fmt(res['out_of_coverage_top1'])} / {_fmt(res['out_of_coverage_top3'])} (n={res['out_of_coverage_n']})",
        ),
        ("dark vs out-of-coverage accuracy", f"{_fmt(res['dark_vs_ooc_acc'])} (n={res['dark_vs_ooc_n']})"),
        ("out of coverage called dark / all false dark", f"{res['ooc_called_dark']} / {res['false_dark']}"),
    ]
    if "unknown_arr_n" in res:
        rows += [
            (
                "landed, unknown site: ending right / called dark / given a site",
                f"{_fmt(res['unknown_arr_acc'])} / {res['unknown_arr_called_dark']} / "
                f"{res['unknown_arr_given_site']} (n={res['unknown_arr_n']})",
            ),
            (
                "take-off, unknown site: start right / given a site",
                f"{_fmt(res['unknown_dep_acc'])} / {res['unknown_dep_given_site']} (n={res['unknown_dep_n']})",
            ),
        ]
    rows.append(("pipeline time", f"{res['pipeline_s']} s (simulation {res['sim_s']} s)"))
    w = max(len(a) for a, _ in rows)
    for a, b in rows:
        print(f"{a:<{w}}  {b}")
    if res.get("kinds"):
        print("\nper flight kind: true flights, built flights covering them, built as one flight, fake landings")
        for kind, k in res["kinds"].items():
            print(f"  {kind:<13} {k['true']:>5} {k['built']:>6} {_fmt(k['one_flight']):>9} {k['fake_landings']:>5}")


if __name__ == "__main__":
    main()

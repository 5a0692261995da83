"""Scoring voyages against simulator truth (shared by the accuracy tests and docs/accuracy.md numbers)."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from liftwatch.sea import SeaResult
from liftwatch.sea.portcalls import harbour_of, port_sites
from tests.frames import num

WINDOW = pl.duration(hours=12)


def _harbour(col: str) -> pl.Expr:
    return pl.col(col).replace(harbour_of(port_sites()))


def _silences(res: SeaResult) -> pl.DataFrame:
    """The silences at sea long enough to hide a port call, with their span and ranked candidate ports."""
    return res.gaps.filter(pl.col("lingers") & ~pl.col("in_port")).select(
        "asset_id", pl.col("ts_a").alias("start"), pl.coalesce("ts_b", "ts_a").alias("end"), "candidates"
    )


def port_call_scores(res: SeaResult, truth: pl.DataFrame, end: datetime) -> dict[str, float]:
    """Recall of truth arrivals (split by whether the ship was transmitting), precision of observed calls."""
    calls = res.all_port_calls().with_columns(_harbour("site_id").alias("h"))
    tv = truth.filter(pl.col("arr_time") < end).with_columns(_harbour("arr_site").alias("h"))
    hit = (
        tv.join(calls, on=["asset_id", "h"])
        .filter((pl.col("end") >= pl.col("arr_time") - WINDOW) & (pl.col("start") <= pl.col("arr_time") + WINDOW))
        .select("asset_id", "arr_time")
        .unique()
        .with_columns(pl.lit(True).alias("hit"))
    )
    tv = tv.join(hit, on=["asset_id", "arr_time"], how="left").with_columns(pl.col("hit").fill_null(False))
    seen = tv.filter(~pl.col("dark"))
    dark = tv.filter(pl.col("dark"))
    # dark arrivals: is the truth harbour among the top-2 ports ranked for the silence?
    top2 = (
        _silences(res)
        .select("asset_id", "start", "end", pl.col("candidates").list.head(2).alias("c"))
        .explode("c")
        .drop_nulls("c")
        .with_columns(pl.col("c").struct.field("site_id").alias("site_id"))
    )
    top2 = top2.with_columns(_harbour("site_id").alias("h"))
    hit2 = (
        dark.join(top2, on=["asset_id", "h"])
        .filter((pl.col("end") >= pl.col("arr_time") - WINDOW) & (pl.col("start") <= pl.col("arr_time") + WINDOW))
        .select("asset_id", "arr_time")
        .unique()
    )
    # precision: every call we observed is a truth arrival or departure of that ship at that harbour
    ends = pl.concat(
        [
            truth.select("asset_id", _harbour("arr_site").alias("h"), pl.col("arr_time").alias("t")),
            truth.select("asset_id", _harbour("dep_site").alias("h"), pl.col("dep_time").alias("t")),
        ]
    )
    observed = calls.filter(pl.col("basis") == "observed")
    ok = (
        observed.join(ends, on=["asset_id", "h"])
        .filter((pl.col("end") >= pl.col("t") - WINDOW) & (pl.col("start") <= pl.col("t") + WINDOW))
        .select("asset_id", "start")
        .unique()
    )
    return {
        "seen_recall": num(seen["hit"].mean()) if seen.height else 1.0,
        "dark_recall": num(dark["hit"].mean()) if dark.height else 1.0,
        "dark_top2_recall": hit2.height / dark.height if dark.height else 1.0,
        "precision": ok.height / observed.height if observed.height else 1.0,
        "n_seen": float(seen.height),
        "n_dark": float(dark.height),
        "n_calls": float(calls.height),
    }


def gap_scores(res: SeaResult, dark: pl.DataFrame, end: datetime) -> dict[str, float]:
    """Share of silences >= 6 h at sea classified right: dark when mostly inside a truth dark interval."""
    g = res.gaps.filter(~pl.col("in_port")).with_columns(pl.coalesce("ts_b", pl.lit(end)).alias("tb"))
    ov = (
        g.join(dark, on="asset_id", how="left")
        .with_columns(
            pl.when(pl.col("start").is_null())
            .then(0.0)
            .otherwise((pl.min_horizontal("tb", "end") - pl.max_horizontal("ts_a", "start")).dt.total_seconds().clip(0))
            .alias("ov")
        )
        .group_by("asset_id", "ts_a")
        .agg(pl.col("ov").sum(), pl.col("dt_s").first(), pl.col("gap_class").first())
        .with_columns(((pl.col("ov") > 0.5 * pl.col("dt_s")) == (pl.col("gap_class") == "dark")).alias("right"))
    )
    return {"accuracy": num(ov["right"].mean()) if ov.height else 1.0, "n": float(ov.height)}


def dark_calibration(res: SeaResult, truth: pl.DataFrame, end: datetime) -> dict[str, float]:
    """How far the ranked ports of a silence can be trusted: for each dark truth arrival matched to a lingering
    silence of its ship, the top harbour's probability against whether it is the true one, and the probability
    given to the true harbour (ports of one harbour summed). A ranking whose first place says 0.8 should be right
    about four times in five; the mean top probability against the share right says whether it is."""
    dark = truth.filter((pl.col("arr_time") < end) & pl.col("dark")).with_columns(_harbour("arr_site").alias("h"))
    ranked = _silences(res).with_row_index("gi")
    per_harbour = (
        ranked.select("gi", "candidates")
        .explode("candidates")
        .drop_nulls("candidates")
        .with_columns(pl.col("candidates").struct.field("site_id").alias("site_id"))
        .select(
            "gi", _harbour("site_id").alias("ch"), pl.col("candidates").struct.field("prob").cast(pl.Float64).alias("p")
        )
        .group_by("gi", "ch")
        .agg(pl.col("p").sum())
    )
    top = per_harbour.sort("p", descending=True).group_by("gi", maintain_order=True).first()
    matched = (
        dark.join(ranked.select("gi", "asset_id", "start", "end"), on="asset_id")
        .filter((pl.col("end") >= pl.col("arr_time") - WINDOW) & (pl.col("start") <= pl.col("arr_time") + WINDOW))
        .join(top.rename({"ch": "top_h", "p": "top_p"}), on="gi")
        .join(per_harbour.rename({"ch": "h", "p": "true_p"}), on=["gi", "h"], how="left")
        .with_columns(pl.col("true_p").fill_null(0.0), (pl.col("top_h") == pl.col("h")).alias("right"))
    )
    if not matched.height:
        return {"n": 0.0, "top_right": 1.0, "top_prob": 1.0, "log_loss": 0.0}
    return {
        "n": float(matched.height),
        "top_right": num(matched["right"].cast(pl.Float64).mean()),
        "top_prob": num(matched["top_p"].mean()),
        # a true harbour ranked nowhere costs as much as one given half a percent
        "log_loss": num((-matched["true_p"].clip(0.005, 1.0).log()).mean()),
    }

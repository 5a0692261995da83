"""One ``FLIGHT_SCHEMA`` row per voyage: departure and arrival (observed calls, or inferred from silences),
the ship's identity from the knowledge base, and the evidence an analyst needs to judge the row.

Kept apart from the pipeline in :mod:`liftwatch.sea.build` (which decides *what* the voyages are) because this
is the table's shape: how a voyage is written down for the flights table the corridors, report and claims read.
"""

from __future__ import annotations

import polars as pl

from liftwatch.schema import FLIGHT_SCHEMA
from liftwatch.sea import voyages

_CAND = pl.List(pl.Struct({"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32}))


def voyage_rows(
    pts: pl.DataFrame, calls: pl.DataFrame, g: pl.DataFrame, ports: pl.DataFrame, static: pl.DataFrame | None
) -> pl.DataFrame:
    edges = pts.with_columns(
        pl.col("visit").shift(1).over("asset_id").alias("prev_visit"),
        pl.col("is_call").shift(1).over("asset_id").fill_null(False).alias("prev_call"),
        pl.col("visit").shift(-1).over("asset_id").alias("next_visit"),
        pl.col("is_call").shift(-1).over("asset_id").fill_null(False).alias("next_call"),
    ).filter(pl.col("voyage").is_not_null())
    first = edges.group_by("asset_id", "voyage").agg(
        pl.col("prev_visit").first(),
        pl.col("prev_call").first(),
        pl.col("next_visit").last(),
        pl.col("next_call").last(),
    )
    s = voyages.near_port_start(voyages.summarise(pts), ports).join(first, on=["asset_id", "voyage"], how="left")
    cinfo = calls.select("asset_id", "visit", "site_id", "start", "end", "reason")
    s = s.join(
        cinfo.rename(
            {"visit": "prev_visit", "site_id": "dep_call", "start": "dc_start", "end": "dc_end", "reason": "dc_reason"}
        ),
        on=["asset_id", "prev_visit"],
        how="left",
    ).join(
        cinfo.rename(
            {"visit": "next_visit", "site_id": "arr_call", "start": "ac_start", "end": "ac_end", "reason": "ac_reason"}
        ),
        on=["asset_id", "next_visit"],
        how="left",
    )
    split = g.filter(pl.col("lingers") & ~pl.col("in_port"))
    before = split.filter(pl.col("ts_b").is_not_null()).select(
        "asset_id",
        pl.col("ts_b").alias("first_ts"),
        pl.col("candidates").list.first().struct.field("site_id").alias("dep_gap_site"),
        pl.col("candidates").list.first().struct.field("prob").alias("dep_gap_prob"),
    )
    after = split.select(
        "asset_id",
        pl.col("ts_a").alias("last_ts"),
        pl.col("candidates").alias("gap_cands"),
        pl.col("gap_class").alias("gap_class_end"),
        pl.col("expected_reports").alias("end_expected"),
        pl.col("dt_s").alias("end_gap_s"),
    )
    s = s.join(before, on=["asset_id", "first_ts"], how="left").join(after, on=["asset_id", "last_ts"], how="left")
    inner = (
        g.filter(~pl.col("lingers") & ~pl.col("in_port"))
        .join(s.select("asset_id", "voyage", "first_ts", "last_ts"), on="asset_id")
        .filter((pl.col("ts_a") >= pl.col("first_ts")) & (pl.col("ts_a") < pl.col("last_ts")))
        .group_by("asset_id", "voyage")
        .agg(
            pl.struct(
                pl.col("ts_a").dt.strftime("%Y-%m-%dT%H:%M:%SZ").alias("start"),
                (pl.col("dt_s") / 3600).round(1).alias("hours"),
                pl.col("gap_class").alias("class"),
                pl.col("expected_reports").round(1).alias("expected_reports"),
            ).alias("mid_gaps")
        )
    )
    s = s.join(inner, on=["asset_id", "voyage"], how="left")
    s = _ends(s)
    s = _identity(s, static)
    return _to_schema(s)


def _ends(s: pl.DataFrame) -> pl.DataFrame:
    top = pl.col("gap_cands").list.first().struct.field
    landed = pl.col("arr_call").is_not_null()
    by_gap = pl.col("gap_class_end").is_not_null()
    dep_known = pl.col("dep_call").is_not_null()
    return s.with_columns(
        pl.when(dep_known)
        .then(pl.col("dep_call"))
        .when(pl.col("dep_gap_site").is_not_null())
        .then(pl.col("dep_gap_site"))
        .otherwise(pl.col("near_site"))
        .alias("dep_site"),
        pl.when(dep_known)
        .then(pl.lit(1.0))
        .when(pl.col("dep_gap_site").is_not_null())
        .then(pl.col("dep_gap_prob").cast(pl.Float64))
        .when(pl.col("near_site").is_not_null())
        .then(pl.lit(voyages.NEAR_START_CONF))
        .otherwise(None)
        .cast(pl.Float32)
        .alias("dep_conf"),
        pl.when(dep_known)
        .then(pl.max_horizontal("dc_end", voyages.back_off_time(pl.col("first_ts"), pl.lit(0.0), pl.col("speed_kn"))))
        .when(pl.col("near_site").is_not_null())
        .then(voyages.back_off_time(pl.col("first_ts"), pl.col("near_km"), pl.col("speed_kn")))
        .otherwise(None)
        .alias("dep_time"),
        pl.when(dep_known)
        .then(pl.lit("takeoff"))
        .when(pl.col("dep_gap_site").is_not_null())
        .then(pl.lit("in_air"))
        .otherwise(pl.lit("data_start"))
        .alias("start_kind"),
        pl.when(landed).then(pl.col("arr_call")).when(by_gap).then(top("site_id")).otherwise(None).alias("arr_site"),
        pl.when(landed)
        .then(pl.lit(1.0))
        .when(by_gap)
        .then(top("prob").cast(pl.Float64))
        .otherwise(None)
        .cast(pl.Float32)
        .alias("arr_conf"),
        pl.when(landed)
        .then(pl.col("ac_start"))
        .when(by_gap & top("site_id").is_not_null())
        .then(voyages.back_off_time(pl.col("last_ts"), -top("distance_km").cast(pl.Float64), pl.col("speed_kn")))
        .otherwise(None)
        .alias("arr_time"),
        pl.when(landed | (pl.col("gap_class_end") == "in_port"))  # arrived, then silent in port
        .then(pl.lit("landed"))
        .when(by_gap)
        .then(pl.col("gap_class_end"))
        .otherwise(pl.lit("data_end"))
        .alias("ending"),
        pl.when(by_gap & ~landed).then(pl.col("gap_cands")).otherwise(pl.lit([], dtype=_CAND)).alias("arr_candidates"),
    )


def _identity(s: pl.DataFrame, static: pl.DataFrame | None) -> pl.DataFrame:
    from liftwatch import kb

    # a plain list: a NumPy object array whose first value is None would make Polars infer an Object column
    s = s.with_columns(pl.Series("country", kb.mmsi_flags(s["asset_id"]).tolist(), dtype=pl.String))
    names = pl.DataFrame(schema={"asset_id": pl.String, "name": pl.String, "declared_destination": pl.String})
    if static is not None and static.height:
        from liftwatch.io.ais_static import latest_static

        names = latest_static(static).select("asset_id", "name", pl.col("destination").alias("declared_destination"))
    s = s.join(names, on="asset_id", how="left").with_columns(
        pl.coalesce("name", pl.col("callsigns").list.first()).alias("name")
    )
    # ships are reported by name: the name joins the call signs, so claims and watch lists match "Sparta II"
    s = s.with_columns(
        pl.when(pl.col("name").is_not_null())
        .then(pl.concat_list(pl.col("callsigns"), pl.concat_list(pl.col("name"))).list.unique(maintain_order=True))
        .otherwise(pl.col("callsigns"))
        .alias("callsigns")
    )
    assets = kb.known_assets()
    sea = assets.filter(pl.col("domain") == "sea") if "domain" in assets.columns else assets.head(0)
    by_name = _known_by(sea, "name", pl.col("name").str.to_uppercase().alias("_nm"), "name")
    by_imo = _known_by(sea, "imo", pl.col("imo").cast(pl.String).alias("registration"), "imo")
    by_id = _known_by(sea, "asset_id", pl.col("asset_id").cast(pl.String), "id")
    s = (
        s.with_columns(pl.col("name").str.to_uppercase().alias("_nm"))
        .join(by_name, on="_nm", how="left")
        .join(by_imo, on="registration", how="left")
        .join(by_id, on="asset_id", how="left")
    )
    return s.with_columns(
        pl.coalesce("op_id", "op_imo", "op_name").alias("operator"),
        pl.coalesce("cls_id", "cls_imo", "cls_name", pl.lit("unknown")).alias("classification"),
    )


def _known_by(sea: pl.DataFrame, column: str, key: pl.Expr, tag: str) -> pl.DataFrame:
    """The curated ships' operator and classification (``op_<tag>``, ``cls_<tag>``) keyed by ``key``, for the
    ships that give ``column`` (a ship matches by MMSI, IMO or name, whichever the curated entry has)."""
    return (
        sea.filter(pl.col(column).is_not_null())
        .select(key, pl.col("operator").alias(f"op_{tag}"), pl.col("classification").alias(f"cls_{tag}"))
        .unique(key.meta.output_name())
    )


def _to_schema(s: pl.DataFrame) -> pl.DataFrame:
    ev = pl.struct(
        pl.lit("sea").alias("model"),
        pl.col("name"),
        pl.col("dc_reason").alias("departure_call"),
        pl.col("ac_reason").alias("arrival_call"),
        pl.col("near_km").round(1).alias("departure_inferred_km"),
        (pl.col("end_gap_s") / 3600).round(1).alias("end_silence_hours"),
        pl.col("end_expected").round(1).alias("end_expected_reports"),
        pl.col("mid_gaps"),
        pl.col("declared_destination").alias("declared_destination_untrusted"),
    ).struct.json_encode()
    out = s.with_columns(
        pl.format("{}-{}", "asset_id", pl.col("first_ts").dt.strftime("%Y%m%dT%H%M%SZ")).alias("flight_id"),
        pl.lit("sea").alias("domain"),
        (pl.col("last_ts") - pl.col("first_ts")).dt.total_seconds().cast(pl.Float32).alias("duration_s"),
        pl.lit(None, dtype=pl.Float32).alias("last_alt_ft"),
        ev.alias("evidence"),
        pl.col("dep_time").cast(pl.Datetime("us", "UTC")),
        pl.col("arr_time").cast(pl.Datetime("us", "UTC")),
    )
    cols = {f.name: f for f in FLIGHT_SCHEMA}
    table = out.select([c for c in cols]).to_arrow()
    return pl.from_arrow(table.cast(FLIGHT_SCHEMA))  # type: ignore[return-value]

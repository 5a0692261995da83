"""Sea points -> voyages in the flights table (``FLIGHT_SCHEMA``, ``domain = 'sea'``).

Two passes over the store's sea points, partition by partition (every report of a ship is in one partition):
pass 1 learns the reception grid and the data's end; pass 2 marks port visits and calls, finds and ranks
silences, classifies them with the global reception, splits voyages and writes one row per voyage. Ship identity
comes from the knowledge base: flag from the MMSI's MID, operator/classification from the curated assets (by
MMSI, IMO or name, e.g. Oboronlogistika's Sparta II). The declared AIS destination (from a static table, when
given) is copied into the evidence as ``declared_destination``, marked untrusted, and never used for the ranking.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import polars as pl
import pyarrow as pa

from liftwatch.schema import FLIGHT_SCHEMA, POLARS_POINT_SCHEMA, conform
from liftwatch.sea import destinations, gaps, portcalls, voyages

_CAND = pl.List(pl.Struct({"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32}))


@dataclass
class SeaResult:
    """Everything the sea pipeline decided, for the CLI, tests and evidence."""

    voyages: pl.DataFrame
    port_calls: pl.DataFrame  # observed visits (is_call says which were calls)
    gaps: pl.DataFrame  # silences >= 6 h with class and candidates
    stats: dict[str, int] = field(default_factory=dict)

    def all_port_calls(self, min_prob: float = 0.4) -> pl.DataFrame:
        """Observed port calls plus those inferred from lingering silences (top port with prob >= min_prob)."""
        obs = self.port_calls.filter(pl.col("is_call")).select(
            "asset_id", "site_id", "start", "end", pl.lit("observed").alias("basis"), pl.lit(1.0).alias("prob")
        )
        g = self.gaps.filter(pl.col("lingers") & ~pl.col("in_port") & (pl.col("candidates").list.len() > 0))
        inf = g.select(
            "asset_id",
            pl.col("candidates").list.first().struct.field("site_id").alias("site_id"),
            pl.col("ts_a").alias("start"),
            pl.coalesce("ts_b", "ts_a").alias("end"),
            pl.lit("inferred").alias("basis"),
            pl.col("candidates").list.first().struct.field("prob").cast(pl.Float64).alias("prob"),
        ).filter(pl.col("prob") >= min_prob)
        return pl.concat([obs, inf]).sort("asset_id", "start")


def _clean(points: pl.DataFrame) -> pl.DataFrame:
    df = points.filter((pl.col("domain") == "sea") & pl.col("lat").is_not_null() & pl.col("lon").is_not_null())
    return df.unique(["asset_id", "ts"], keep="first").sort("asset_id", "ts")


def _frames(source: Any) -> Iterator[pl.DataFrame]:
    from liftwatch.store import Store

    if isinstance(source, Store):
        yield from source.iter_partitions(domain="sea")
        return
    if isinstance(source, pa.Table):
        source = pl.from_arrow(conform(source))
    if isinstance(source, pl.DataFrame):
        df = source
        if set(POLARS_POINT_SCHEMA) - set(df.columns):
            frame = pl.from_arrow(conform(df))
            assert isinstance(frame, pl.DataFrame)
            df = frame
        yield df
        return
    raise TypeError(f"cannot build voyages from {type(source).__name__}")


def _data_end(source: Any) -> Any:
    """End of the data (all domains): a ship silent until then was silent while others were still heard."""
    from liftwatch.store import Store

    if isinstance(source, Store):
        return source.con.execute("SELECT max(ts) FROM points").fetchall()[0][0]
    if isinstance(source, pa.Table):
        return pl.from_arrow(source.select(["ts"]))["ts"].max()  # type: ignore[index]
    if isinstance(source, pl.DataFrame) and "ts" in source.columns:
        return source["ts"].max()
    return None


def analyse(
    source: Any, *, sites: pl.DataFrame | None = None, static: pl.DataFrame | None = None, data_end: Any = None
) -> SeaResult:
    """Run the whole sea pipeline; ``source`` is a Store, or a Polars/Arrow table of canonical points.

    ``data_end`` (default: the last report of any domain in ``source``) bounds silences at the end of the data.
    ``static`` (AIS static reports; from a store, its ``ais_static`` table by default) gives names and declared
    destinations.
    """
    from liftwatch.store import Store

    if static is None and isinstance(source, Store):
        static = source.ais_static()
    ports = portcalls.port_sites(sites)
    grids, end = [], data_end if data_end is not None else _data_end(source)
    for frame in _frames(source):  # pass 1: reception and the end of the data
        got = pass1_frame(frame, ports)
        if got is not None:
            grids.append(got[0])
            end = later(end, got[1])
    if not grids:
        return empty_result()
    grid = merge_grids(grids)
    parts = [pass2_frame(frame, ports, grid, end, static) for frame in _frames(source)]  # pass 2
    return combine([p for p in parts if p is not None])


def later(a: Any, b: Any) -> Any:
    """The later of two timestamps (either may be None)."""
    return b if a is None or (b is not None and b > a) else a


def pass1_frame(frame: pl.DataFrame, ports: pl.DataFrame) -> tuple[pl.DataFrame, Any] | None:
    """Pass 1 on one partition: its share of the reception grid and its last report (None when no ship)."""
    pts = _clean(frame)
    if pts.height == 0:
        return None
    marked = portcalls.mark_visits(pts, ports)
    return gaps.reception(marked).select("cell", "msgs", "hours"), pts["ts"].max()


def merge_grids(grids: list[pl.DataFrame]) -> pl.DataFrame:
    """The global reception grid from the partitions' shares (the global step between the passes)."""
    return (
        pl.concat(grids)
        .group_by("cell")
        .agg(pl.col("msgs").sum(), pl.col("hours").sum())
        .with_columns((pl.col("msgs") / (pl.col("hours") + gaps.PRIOR_H)).alias("rate"))
    )


def pass2_frame(
    frame: pl.DataFrame, ports: pl.DataFrame, grid: pl.DataFrame, end: Any, static: pl.DataFrame | None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame] | None:
    """Pass 2 on one partition: (voyages, port calls, gaps) against the global grid."""
    pts = _clean(frame)
    if pts.height == 0:
        return None
    marked = portcalls.mark_visits(pts, ports)
    calls = portcalls.port_calls(marked)
    g = gaps.classify(destinations.rank(gaps.find_gaps(marked, end), ports), grid, ports)
    split = g.filter(pl.col("lingers") & ~pl.col("in_port"))
    assigned = voyages.assign_voyages(marked, calls, split)
    return _voyage_rows(assigned, calls, g, ports, static), calls, g


def empty_result() -> SeaResult:
    empty = pl.from_arrow(FLIGHT_SCHEMA.empty_table())
    assert isinstance(empty, pl.DataFrame)
    return SeaResult(empty, pl.DataFrame(schema=portcalls.PORTCALL_SCHEMA), pl.DataFrame())


def combine(parts: list[tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]]) -> SeaResult:
    """The result from the partitions' pass-2 outputs, in partition order."""
    if not parts:
        return empty_result()
    v = pl.concat([p[0] for p in parts], how="diagonal_relaxed")
    c = pl.concat([p[1] for p in parts])
    gg = pl.concat([p[2] for p in parts], how="diagonal_relaxed")
    stats = {
        "voyages": v.height,
        "port_calls": int(c["is_call"].sum()),
        "gaps": gg.height,
        "dark_gaps": int((gg["gap_class"] == "dark").sum()) if gg.height else 0,
    }
    return SeaResult(v, c, gg, stats)


def build_voyages(
    source: Any, *, sites: pl.DataFrame | None = None, static: pl.DataFrame | None = None, data_end: Any = None
) -> pa.Table:
    """Voyages as an Arrow table in ``FLIGHT_SCHEMA`` (domain ``sea``); store with ``Store.write_flights``."""
    res = analyse(source, sites=sites, static=static, data_end=data_end)
    return res.voyages.to_arrow().select(FLIGHT_SCHEMA.names).cast(FLIGHT_SCHEMA)


def _voyage_rows(
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
    by_name = (
        sea.filter(pl.col("name").is_not_null())
        .select(
            pl.col("name").str.to_uppercase().alias("_nm"),
            pl.col("operator").alias("op_name"),
            pl.col("classification").alias("cls_name"),
        )
        .unique("_nm")
    )
    by_imo = (
        sea.filter(pl.col("imo").is_not_null())
        .select(
            pl.col("imo").cast(pl.String).alias("registration"),
            pl.col("operator").alias("op_imo"),
            pl.col("classification").alias("cls_imo"),
        )
        .unique("registration")
    )
    by_id = (
        sea.filter(pl.col("asset_id").is_not_null())
        .select(
            pl.col("asset_id").cast(pl.String),
            pl.col("operator").alias("op_id"),
            pl.col("classification").alias("cls_id"),
        )
        .unique("asset_id")
    )
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

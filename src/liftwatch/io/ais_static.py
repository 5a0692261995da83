"""AIS static and voyage data (name, IMO, call sign, ship type, dimensions, declared destination) joined to positions.

AIS sends identity in separate messages (type 5 for class A, 24 for class B, 19 carries both), minutes apart from
the positions, so a reader keeps a per-file static table and joins it to positions by MMSI, as of the position's
time (the last static report before it; before the first one, the first one: names rarely change within a file).
The declared destination is typed in by the crew, often stale or deliberately vague, so it never enters the point
table: it stays in the static table and reaches voyages only as an untrusted evidence field.
"""

from __future__ import annotations

import polars as pl

STATIC_SCHEMA: dict[str, pl.DataType] = {
    "asset_id": pl.String(),
    "ts": pl.Datetime("us", "UTC"),
    "name": pl.String(),
    "imo": pl.String(),
    "callsign": pl.String(),
    "ship_type": pl.String(),
    "to_bow": pl.Int32(),
    "to_stern": pl.Int32(),
    "to_port": pl.Int32(),
    "to_starboard": pl.Int32(),
    "draught": pl.Float32(),
    "destination": pl.String(),
}


def imo_number(text: pl.Expr) -> pl.Expr:
    """The IMO number (7 digits as text) of ``IMO9743033`` / ``9743033``; null unless its check digit holds.

    The seventh digit of an IMO ship number is the last digit of sum(d1*7 + d2*6 + ... + d6*2). Exports carry
    placeholders and typos (``IMO0000000``, ``IMO1001266646``, an MMSI in the IMO field): a number failing the
    check is no identity at all, and cutting it to 7 digits would invent one.
    """
    digits = text.cast(pl.String).str.strip_chars().str.extract(r"^(?i:IMO)?\s*(\d{7})$", 1)
    total = pl.sum_horizontal([digits.str.slice(i, 1).cast(pl.Int32) * (7 - i) for i in range(6)])
    ok = (total % 10 == digits.str.slice(6, 1).cast(pl.Int32)) & (digits != "0000000")
    return pl.when(ok).then(digits).otherwise(None)


def empty_static() -> pl.DataFrame:
    return pl.DataFrame(schema=STATIC_SCHEMA)


def conform_static(df: pl.DataFrame) -> pl.DataFrame:
    """Cast/complete a static frame; blank texts and zero IMO become null (AIS "not available")."""
    exprs = []
    for name, dtype in STATIC_SCHEMA.items():
        if name in df.columns:
            e = pl.col(name).cast(dtype, strict=False)
            if dtype == pl.String():
                e = e.str.strip_chars(" @").str.to_uppercase()
                e = pl.when(e.str.len_chars() == 0).then(None).otherwise(e)
            exprs.append(e.alias(name))
        else:
            exprs.append(pl.lit(None, dtype=dtype).alias(name))
    out = df.select(exprs)
    return out.with_columns(
        imo_number(pl.col("imo").str.zfill(7)).alias("imo"),
        pl.when(pl.col("ship_type") == "0").then(None).otherwise(pl.col("ship_type")).alias("ship_type"),
    )


def latest_static(static: pl.DataFrame) -> pl.DataFrame:
    """One row per MMSI: each field's last non-null value (for carrying state across chunks and to voyages)."""
    if static.height == 0:
        return empty_static()
    cols = [c for c in STATIC_SCHEMA if c not in ("asset_id",)]
    return (
        static.sort("ts")
        .group_by("asset_id", maintain_order=True)
        .agg([pl.col(c).drop_nulls().last().alias(c) for c in cols])
        .select(list(STATIC_SCHEMA))
    )


def attach_static(points: pl.DataFrame, static: pl.DataFrame) -> pl.DataFrame:
    """Fill callsign, registration (IMO) and type_code (AIS ship type code) of positions from static reports.

    Values already on the point (e.g. from a CSV export) win. Each static field is forward-filled in time per
    MMSI before the as-of join, so a type 24 part B does not erase the name a part A gave.
    """
    if static.height == 0 or points.height == 0:
        return points
    st = (
        static.sort("asset_id", "ts")
        .with_columns([pl.col(c).forward_fill().over("asset_id") for c in ("name", "imo", "callsign", "ship_type")])
        .select("asset_id", pl.col("ts").alias("st_ts"), "imo", "callsign", "ship_type")
    )
    first = st.group_by("asset_id").agg(
        pl.col("imo").drop_nulls().first().alias("imo_first"),
        pl.col("callsign").drop_nulls().first().alias("cs_first"),
        pl.col("ship_type").drop_nulls().first().alias("type_first"),
    )
    idx = points.with_row_index("_row").sort("ts")
    joined = idx.join_asof(
        st, left_on="ts", right_on="st_ts", by="asset_id", strategy="backward", check_sortedness=False
    )
    joined = joined.join(first, on="asset_id", how="left").sort("_row")
    return joined.with_columns(
        pl.coalesce("callsign", "callsign_right", "cs_first").alias("callsign")
        if "callsign_right" in joined.columns
        else pl.coalesce("callsign", "cs_first").alias("callsign"),
        pl.coalesce("registration", "imo", "imo_first").alias("registration"),
        pl.coalesce("type_code", "ship_type", "type_first").alias("type_code"),
    ).select(points.columns)

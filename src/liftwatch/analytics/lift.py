"""Lift: how many tonnes a flight (and a corridor) plausibly carried, with the uncertainty said out loud.

Open navigation data never shows the cargo, so the estimate is the aircraft type's payload figures from the
knowledge base (low / typical / max, in tonnes). A flight whose type is missing or not in the type table is
*not* given a guessed payload: it is labelled ``"unknown type"`` and counted separately, so a corridor's
tonnage always says how many flights it leaves out.

Per corridor two uncertainties are combined:

* the **payload range** of each type (sum of per-flight low and high figures), and
* the **destination uncertainty** of dark flights: a flight that went dark with probability ``w`` of landing
  at the corridor's destination contributes ``w`` times its payload to the expectation and a Bernoulli variance
  ``w(1-w)·payload²``; the interval widens by ``z`` standard deviations of that (normal approximation).
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

UNKNOWN_TYPE = "unknown type"
NO_PAYLOAD = "no payload figure"
KNOWN = "known"

#: z for a two-sided 90% interval.
Z90 = 1.6448536269514722

LIFT_COLUMNS: tuple[str, ...] = ("lift_low_t", "lift_typical_t", "lift_high_t", "type_status")


def _default_types() -> pl.DataFrame:
    from liftwatch import kb

    return kb.aircraft_types()


def type_payloads(types: pl.DataFrame | None = None) -> pl.DataFrame:
    """The payload table keyed by normalised type code (upper-case, stripped): type_code, low, typical, max."""
    t = _default_types() if types is None else types
    return (
        t.select(
            pl.col("type_code").cast(pl.String).str.strip_chars().str.to_uppercase().alias("_type_key"),
            pl.col("payload_low_t").cast(pl.Float64).alias("_p_low"),
            pl.col("payload_typical_t").cast(pl.Float64).alias("_p_typ"),
            pl.col("payload_max_t").cast(pl.Float64).alias("_p_max"),
        )
        .drop_nulls("_type_key")
        .unique("_type_key", keep="first")
    )


def flight_lift(flights: pl.DataFrame, types: pl.DataFrame | None = None) -> pl.DataFrame:
    """Add ``lift_low_t``, ``lift_typical_t``, ``lift_high_t`` and ``type_status`` to a flights frame.

    ``type_status`` is ``known``, ``unknown type`` (no type code, or a code not in the table) or ``no payload
    figure`` (type known but the table has no payload for it, e.g. a fighter). Lift columns are null unless
    ``known``; a missing low figure falls back to typical, a missing max to typical (the range then only
    reflects what the table knows).
    """
    table = type_payloads(types)
    key = pl.col("type_code").cast(pl.String).str.strip_chars().str.to_uppercase()
    joined = flights.with_columns(key.alias("_type_key")).join(table, on="_type_key", how="left")
    in_table = pl.col("_type_key").is_in(table["_type_key"].implode())
    status = (
        pl.when(pl.col("_type_key").is_null() | (pl.col("_type_key") == "") | ~in_table)
        .then(pl.lit(UNKNOWN_TYPE))
        .when(pl.col("_p_typ").is_null())
        .then(pl.lit(NO_PAYLOAD))
        .otherwise(pl.lit(KNOWN))
    )
    known = status == KNOWN
    return joined.with_columns(
        pl.when(known).then(pl.coalesce("_p_low", "_p_typ")).alias("lift_low_t"),
        pl.when(known).then(pl.col("_p_typ")).alias("lift_typical_t"),
        pl.when(known).then(pl.coalesce("_p_max", "_p_typ")).alias("lift_high_t"),
        status.alias("type_status"),
    ).drop("_type_key", "_p_low", "_p_typ", "_p_max")


def lift_terms(weight: str = "weight", *, cost_returns: bool = False) -> dict[str, pl.Expr]:
    """Per-leg terms whose sums over a corridor make its tonnage; sums merge by adding, so one set of formulas
    serves a whole table (:func:`lift_aggregations`) and partition-by-partition partials
    (:mod:`liftwatch.analytics.partials`).

    ``l_*``: Σ w·payload (low / typical / high); ``v_*``: Σ w(1-w)·payload² (destination variance);
    ``unknown_type_flights`` and ``return_flights``: Σ w over legs not costed (see :func:`lift_aggregations`).
    """
    w = pl.col(weight)
    is_return = (pl.col("role") == "return").fill_null(False) if not cost_returns else pl.lit(False)
    known = (pl.col("type_status") == KNOWN) & ~is_return
    low, typ, high = pl.col("lift_low_t"), pl.col("lift_typical_t"), pl.col("lift_high_t")
    bern = w * (1.0 - w)

    def when_known(e: pl.Expr) -> pl.Expr:
        return pl.when(known).then(e).otherwise(0.0)

    return {
        "l_typ": when_known(w * typ),
        "l_low": when_known(w * low),
        "l_high": when_known(w * high),
        "v_low": when_known(bern * low * low),
        "v_high": when_known(bern * high * high),
        "v_typ": when_known(bern * typ * typ),
        "unknown_type_flights": pl.when((pl.col("type_status") != KNOWN) & ~is_return).then(w).otherwise(0.0),
        "return_flights": pl.when(is_return).then(w).otherwise(0.0),
    }


LIFT_SUMS: tuple[str, ...] = tuple(lift_terms())


def lift_columns(sums: Mapping[str, pl.Expr], z: float = Z90) -> list[pl.Expr]:
    """The tonnage columns from the sums of :func:`lift_terms` (square roots taken only here, at the end)."""
    return [
        sums["l_typ"].alias("tonnes_expected"),
        (sums["l_low"] - z * sums["v_low"].sqrt()).clip(lower_bound=0.0).alias("tonnes_low"),
        (sums["l_high"] + z * sums["v_high"].sqrt()).alias("tonnes_high"),
        sums["v_typ"].sqrt().alias("tonnes_sd_dest"),
        sums["unknown_type_flights"].alias("unknown_type_flights"),
        sums["return_flights"].alias("return_flights"),
    ]


def lift_aggregations(weight: str = "weight", z: float = Z90, *, cost_returns: bool = False) -> list[pl.Expr]:
    """Group-by expressions turning weighted legs (one row per flight×destination) into corridor tonnage.

    Expects the :data:`LIFT_COLUMNS` and a ``weight`` column (probability that this flight flew this corridor).
    Returns ``tonnes_expected`` (Σ w·typical), ``tonnes_low``/``tonnes_high`` (payload range widened by ``z``
    s.d. of destination uncertainty), ``tonnes_sd_dest`` and ``unknown_type_flights`` (Σ w over flights not
    costed) so the table can say what it leaves out. Legs with ``role == "return"`` (back to the airframe's home
    base, :mod:`liftwatch.analytics.roles`) are counted in ``return_flights`` and not costed unless
    ``cost_returns``: an airlift's return legs are usually empty and the cargo cannot be observed either way.
    """
    terms = lift_terms(weight, cost_returns=cost_returns)
    return lift_columns({k: e.sum() for k, e in terms.items()}, z)


def total_lift(flights: pl.DataFrame, types: pl.DataFrame | None = None) -> dict[str, float]:
    """Whole-table totals (certain flights, weight 1): tonnes low/typical/high and flights not costed."""
    f = flight_lift(flights, types)
    out = f.select(
        pl.col("lift_low_t").sum().alias("tonnes_low"),
        pl.col("lift_typical_t").sum().alias("tonnes_expected"),
        pl.col("lift_high_t").sum().alias("tonnes_high"),
        (pl.col("type_status") != KNOWN).sum().cast(pl.Float64).alias("unknown_type_flights"),
    ).row(0, named=True)
    return {k: float(v or 0.0) for k, v in out.items()}

"""Sites shown as findings vs sites shown as guesses.

A flight first seen at cruise or lost in the air gets a ranked best guess for where it came from or went,
often at a few percent. Printed in a ``dep_site`` column that guess reads as a fact; every display (table,
CSV, map, report, notebook objects) goes through :func:`mark_guesses` so that it never does.
"""

from __future__ import annotations

import polars as pl

from liftwatch.errors import LiftwatchError

DEFAULT_MIN_CONFIDENCE = 0.5  # below this a departure/arrival site is a guess, not a finding
GUESS_INPUTS = frozenset({"dep_site", "dep_conf", "arr_site", "arr_conf", "arr_time", "ending"})


def check_min_confidence(min_confidence: float) -> float:
    """The threshold itself, or an error naming the allowed range."""
    if not 0.0 <= min_confidence <= 1.0:
        raise LiftwatchError(f"min confidence {min_confidence!r} must be between 0 and 1")
    return min_confidence


def mark_guesses(flights: pl.DataFrame, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> pl.DataFrame:
    """Move sites below ``min_confidence`` out of ``dep_site``/``arr_site`` into ``*_site_guess`` columns.

    ``dep_site``/``arr_site`` keep only sites at or above the threshold, ``dep_site_guess``/``arr_site_guess``
    hold the rest, and ``arr_time`` is nulled when it was only estimated from a guessed destination
    (``arr_time_estimated`` says when a shown arrival time is an estimate). The stored table is unchanged.
    """
    check_min_confidence(min_confidence)
    landed = pl.col("ending").is_in(["landed", "landed_unknown_site"]).fill_null(False)

    def weak(side: str) -> pl.Expr:
        return pl.col(f"{side}_site").is_not_null() & (pl.col(f"{side}_conf").fill_null(0.0) < min_confidence)

    return flights.with_columns(
        pl.when(weak("dep")).then(pl.col("dep_site")).alias("dep_site_guess"),
        pl.when(weak("arr")).then(pl.col("arr_site")).alias("arr_site_guess"),
        pl.when(weak("dep")).then(None).otherwise(pl.col("dep_site")).alias("dep_site"),
        pl.when(weak("arr")).then(None).otherwise(pl.col("arr_site")).alias("arr_site"),
        pl.when(weak("arr") & ~landed).then(None).otherwise(pl.col("arr_time")).alias("arr_time"),
        (~landed & pl.col("arr_time").is_not_null() & ~weak("arr")).alias("arr_time_estimated"),
    )


def with_guesses(flights: pl.DataFrame, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> pl.DataFrame:
    """:func:`mark_guesses` where ``flights`` carries the columns it reads; a table of a few columns (a summary,
    a page's selection) comes back unchanged, so every display can call this on whatever it was given."""
    return mark_guesses(flights, min_confidence) if set(flights.columns) >= GUESS_INPUTS else flights

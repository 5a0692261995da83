"""An ingest run summed up: files, rows and rejects by format and outcome, the inputs that need a look, and
rejects by reason over all files.

A day of a global archive is 50,000 files; one line per file tells nobody anything. What an analyst needs from
such a run is how much went in per format, and every file that failed or lost rows (those matter, all of
them): this is that summary, as tables a notebook can filter and the command prints
(:meth:`liftwatch.ingest.IngestRun.by_outcome`, ``needing_attention``, ``rejects_by_reason``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import polars as pl

from liftwatch.store import IngestReport

READ = "read"
READ_WITH_REJECTS = "read, rows rejected"
ALREADY_INGESTED = "already ingested"
#: every outcome, in the order the summary lists them (``unreadable`` and ``failed`` are ``IngestReport.error``)
OUTCOMES = (READ, READ_WITH_REJECTS, ALREADY_INGESTED, "unreadable", "failed")

__all__ = ["OUTCOMES", "needing_attention", "outcome", "outcome_table", "rejected", "rejects_by_reason"]


def rejected(r: IngestReport) -> int:
    """Rows rejected as problems (not the bookkeeping lines a format ignores on purpose, e.g. SBS ``SEL``)."""
    return r.rejects.total - r.rejects.ignored


def outcome(r: IngestReport) -> str:
    """What happened to one input, one of :data:`OUTCOMES`."""
    if r.error:
        return r.error
    if r.skipped:
        return ALREADY_INGESTED
    return READ_WITH_REJECTS if rejected(r) else READ


def outcome_table(reports: Iterable[IngestReport]) -> pl.DataFrame:
    """One row per (format, outcome): ``files``, ``rows_in``, ``rows_added``, ``duplicates``, ``rejected``,
    ``ignored``, ``first``/``last`` (time span of the rows read) and ``seconds``, largest formats first."""
    rows = [
        {
            "format": r.format or "?",
            "outcome": outcome(r),
            "rows_in": r.rows_in,
            "rows_added": r.rows_added,
            "duplicates": r.duplicates,
            "rejected": rejected(r),
            "ignored": r.rejects.ignored,
            "first": r.t_min,
            "last": r.t_max,
            "seconds": r.seconds,
        }
        for r in reports
    ]
    schema: dict[str, pl.DataType] = {
        "format": pl.String(),
        "outcome": pl.String(),
        **{c: pl.Int64() for c in ("rows_in", "rows_added", "duplicates", "rejected", "ignored")},
        "first": pl.Datetime("us", "UTC"),
        "last": pl.Datetime("us", "UTC"),
        "seconds": pl.Float64(),
    }
    frame = pl.DataFrame(rows, schema=schema)
    rank = {o: i for i, o in enumerate(OUTCOMES)}
    out = frame.group_by("format", "outcome").agg(
        pl.len().cast(pl.Int64).alias("files"),
        *[pl.col(c).sum() for c in ("rows_in", "rows_added", "duplicates", "rejected", "ignored")],
        pl.col("first").min(),
        pl.col("last").max(),
        pl.col("seconds").sum(),
    )
    out = out.with_columns(pl.col("outcome").replace_strict(rank, default=len(rank)).alias("_rank"))
    total = out.group_by("format").agg(pl.col("rows_in").sum().alias("_format_rows"))
    out = out.join(total, on="format").sort(["_format_rows", "format", "_rank"], descending=[True, False, False])
    return out.select("format", "outcome", "files", pl.exclude("format", "outcome", "files", "_rank", "_format_rows"))


def needing_attention(reports: Iterable[IngestReport]) -> list[IngestReport]:
    """Every input that failed, was unreadable or had rows rejected, in input order."""
    return [r for r in reports if r.error or rejected(r)]


def rejects_by_reason(reports: Iterable[IngestReport]) -> pl.DataFrame:
    """Rejected rows summed over all inputs by reason (``reason``, ``files``, ``rows``), most rows first; notes
    on kept rows are listed as ``note (not rejected): ...``."""
    rows: Counter[str] = Counter()
    files: Counter[str] = Counter()
    for r in reports:
        found = {reason: n for reason, n in r.rejects.counts.items() if n}
        found.update({f"note (not rejected): {what}": n for what, n in r.rejects.notes.items() if n})
        rows.update(found)
        files.update(found.keys())
    return pl.DataFrame(
        {"reason": list(rows), "files": [files[k] for k in rows], "rows": list(rows.values())},
        schema={"reason": pl.String, "files": pl.Int64, "rows": pl.Int64},
    ).sort(["rows", "reason"], descending=[True, False])

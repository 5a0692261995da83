"""Time-series plots (PNG for slides, SVG for print and for inlining in the HTML report), Matplotlib Agg."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # headless: never touch a display, whatever the user's default backend is

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import polars as pl

from liftwatch.analytics.surge import Alert

# matplotlib.dates has no type hints; typed handles keep the calls below checked
_date2num: Callable[[Any], Any] = mdates.date2num
_date_formatter: Callable[[str], Any] = mdates.DateFormatter


def daily_plot(
    series: pl.DataFrame,
    start: date,
    colors: dict[str, str],
    alerts: list[Alert],
    out_stem: Path,
    *,
    title: str,
    max_lines: int = 8,
) -> tuple[Path, Path, str]:
    """Plot the busiest corridors' daily expected flights; mark each alert's estimated start.

    ``series`` is :func:`liftwatch.analytics.surge.daily_series` output (``corridor``, ``counts``).
    Returns the PNG path, the SVG path and the SVG text (for inlining).
    """
    fig, ax = plt.subplots(figsize=(10, 4.2), dpi=110)
    top = series.with_columns(pl.col("counts").list.sum().alias("_tot")).sort("_tot", descending=True).head(max_lines)
    for row in top.iter_rows(named=True):
        days = _date2num([start + timedelta(days=i) for i in range(len(row["counts"]))])
        ax.step(days, row["counts"], where="mid", label=row["corridor"], color=colors.get(row["corridor"]), lw=1.6)
    shown = set(top["corridor"].to_list()) if top.height else set()
    for a in alerts:
        if a.corridor in shown or not shown:
            ax.axvline(float(_date2num(a.start)), color=colors.get(a.corridor, "#333333"), ls="--", lw=1)
            ax.annotate(
                "surge" if a.kind == "surge" else "new",
                (float(_date2num(a.start)), 1.0),
                xycoords=("data", "axes fraction"),
                fontsize=8,
                va="top",
                rotation=90,
            )
    ax.set_title(title, fontsize=11)
    ax.set_ylabel("flights per day (expected)")
    ax.xaxis.set_major_formatter(_date_formatter("%d %b"))
    ax.grid(alpha=0.3)
    if top.height:
        ax.legend(fontsize=8, loc="upper left", ncol=2, frameon=False)
    else:
        ax.text(0.5, 0.5, "no flights in this period", transform=ax.transAxes, ha="center")
    fig.autofmt_xdate()
    fig.tight_layout()
    png, svg = out_stem.with_suffix(".png"), out_stem.with_suffix(".svg")
    fig.savefig(png)
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    text = buf.getvalue()
    svg.write_text(text, encoding="utf-8")
    return png, svg, text[text.index("<svg") :] if "<svg" in text else text

"""Show claim-check results: a Rich terminal view, JSON, and an HTML section for the report.

One function per medium over the same ``ClaimResult`` objects, so the three never disagree. The HTML is a
self-contained ``<section>`` (inline styles, escaped by Jinja2) that the report embeds as is.
"""

from __future__ import annotations

import json
from typing import Any

import jinja2
import polars as pl
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from liftwatch.claims.evidence import ClaimResult
from liftwatch.claims.model import Claim, Extraction
from liftwatch.claims.support import claimed_count
from liftwatch.claims.verdict import CONTRADICTED, NO_EVIDENCE, PARTLY, SUPPORTED

VERDICT_STYLE = {SUPPORTED: "bold green", PARTLY: "bold yellow", NO_EVIDENCE: "bold white", CONTRADICTED: "bold red"}
VERDICT_COLOUR = {SUPPORTED: "#1a7f37", PARTLY: "#9a6700", NO_EVIDENCE: "#57606a", CONTRADICTED: "#cf222e"}
MAX_FLIGHT_ROWS = 25


def _claim_rows(c: Claim) -> list[tuple[str, str]]:
    rows = [
        ("actor", (c.actor or "not stated") + (" (from the sentence before)" if c.actor_carried else "")),
        ("actor context", ", ".join(c.actor_context) or "-"),
        ("assets", ", ".join(a.label for a in c.assets) or "not stated"),
        ("equipment", ", ".join(c.equipment) or "-"),
        ("origin", "; ".join(p.label() for p in c.origin) or "not stated"),
        ("destination", "; ".join(p.label() for p in c.destination) or "not stated"),
    ]
    if c.via:
        rows.append(("via", "; ".join(p.label() for p in c.via)))
    if c.possible:
        rows.append(("possible destination", "; ".join(p.label() for p in c.possible) + " (offered, not claimed)"))
    if c.owner:
        rows.append(("owner", c.owner))
    if c.sources:
        rows.append(("reported by", "; ".join(c.sources)))
    window = f"{c.window[0]} to {c.window[1]}" if c.window else "open"
    rows.append(("time window", f"{window} ({c.window_source})"))
    rows.append(("hints", ", ".join(c.hints) or "-"))
    said = claimed_count(c)
    if said:
        rows.append(("count", f"{said} ({c.count_text})"))
    elif c.min_count:
        rows.append(("implied count", f">= {c.min_count} movements"))
    return rows


def _fmt(v: Any, short: bool = False) -> str:
    if v is None:
        return ""
    if hasattr(v, "strftime"):
        return str(v.strftime("%m-%d %H:%M" if short else "%Y-%m-%d %H:%M"))
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def _flight_cols() -> list[str]:
    return ["match", "asset_id", "registration", "type_code", "callsign", "dep_site", "dep_time", "arr_site", "ending", "dest_prob", "why"]  # fmt: skip


def _shown(r: ClaimResult) -> pl.DataFrame:
    """The result's flights with a guessed site written ``SITE?`` in its ``dep_site``/``arr_site`` column."""
    f = r.shown_flights
    return f.with_columns(
        pl.coalesce(pl.col(f"{side}_site"), pl.col(f"{side}_site_guess") + "?").alias(f"{side}_site")
        for side in ("dep", "arr")
        if f"{side}_site_guess" in f.columns
    )


def _terminal_flights(r: ClaimResult) -> Table:
    """A compact flights table for the terminal: one line per flight where the width allows."""
    ft = Table(title=f"flights behind the verdict ({r.flights.height})", title_justify="left", pad_edge=False)
    for col in ("match", "asset", "type", "route", "departed", "ending", "p(to)"):
        ft.add_column(col, no_wrap=col in ("match", "departed", "p(to)"))
    ft.add_column("why", min_width=14)
    for f in _shown(r).head(MAX_FLIGHT_ROWS).iter_rows(named=True):
        ft.add_row(
            f["match"],
            f.get("registration") or f["asset_id"],
            f.get("type_code") or "",
            f"{f.get('dep_site') or '?'} -> {f.get('arr_site') or '?'}",
            _fmt(f.get("t"), short=True),
            f.get("ending") or "",
            _fmt(f.get("dest_prob")),
            f.get("why") or "",
        )
    if r.flights.height > MAX_FLIGHT_ROWS:
        ft.caption = f"... and {r.flights.height - MAX_FLIGHT_ROWS} more (--json lists all)"
    return ft


def print_extraction(ex: Extraction, console: Console) -> None:
    """Claims only (``--extract-only`` or when no store is available)."""
    pub = ex.publication_date.isoformat() if ex.publication_date else "unknown"
    console.print(f"[bold]publication date:[/bold] {pub} ({ex.publication_source}); extraction: {ex.model}")
    if ex.unknown_places:
        console.print(f"[yellow]unknown places:[/yellow] {', '.join(ex.unknown_places)}")
    if not ex.claims:
        console.print("[yellow]no movement claims found in the text[/yellow]")
    for c in ex.claims:
        t = Table(show_header=False, box=None, pad_edge=False)
        t.add_column(style="bold")
        t.add_column()
        for k, v in _claim_rows(c):
            t.add_row(k, v)
        console.print(Panel(t, title=f"claim {c.claim_id}: {c.summary()}", title_align="left"))


def print_results(ex: Extraction, results: list[ClaimResult], console: Console) -> None:
    """The terminal view: one panel per claim with its verdict, reasons, coverage and flights."""
    pub = ex.publication_date.isoformat() if ex.publication_date else "unknown"
    console.print(f"[bold]publication date:[/bold] {pub} ({ex.publication_source}); extraction: {ex.model}")
    if ex.unknown_places:
        console.print(f"[yellow]unknown places:[/yellow] {', '.join(ex.unknown_places)}")
    if not results:
        console.print("[yellow]no movement claims found in the text[/yellow]")
    summary = Table(title="claim check")
    for col in ("#", "claim", "verdict", "full", "partial"):
        summary.add_column(col, justify="right" if col in ("#", "full", "partial") else "left")
    for r in results:
        summary.add_row(
            str(r.claim.claim_id),
            r.claim.summary(),
            Text(r.verdict, style=VERDICT_STYLE[r.verdict]),
            str(r.n_full),
            str(r.n_partial),
        )
    for r in results:
        info = Table(show_header=False, box=None, pad_edge=False)
        info.add_column(style="bold")
        info.add_column()
        for k, v in _claim_rows(r.claim):
            info.add_row(k, v)
        info.add_row("verdict", Text(r.verdict, style=VERDICT_STYLE[r.verdict]))
        for reason in r.reasons:
            info.add_row("why", reason)
        for part in r.parts:
            info.add_row("part", f"{part['part']}: {part['status']} - {part['detail']}")
        for cov in r.coverage:
            info.add_row("coverage", cov.describe())
        for cav in r.caveats:
            info.add_row("caveat", Text(cav, style="yellow"))
        if r.counts_by_day:
            info.add_row("by day", ", ".join(f"{d:%m-%d}: {n}" for d, n in r.counts_by_day))
        console.print(Panel(info, title=f"claim {r.claim.claim_id}", title_align="left"))
        if r.flights.height:  # outside the panel so Rich can fit it to the terminal width
            console.print(_terminal_flights(r))
    console.print(summary)


def to_json(ex: Extraction, results: list[ClaimResult] | None, *, article: str | None = None) -> str:
    """Machine-readable output: the extraction and, when a store was queried, the evidence per claim."""
    doc: dict[str, Any] = {"article": article, "extraction": ex.to_dict()}
    if results is not None:
        doc["results"] = [r.to_dict() for r in results]
    return json.dumps(doc, indent=2, ensure_ascii=False, default=str)


_HTML = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string(
    """<section class="lw-claims" style="font-family:system-ui,sans-serif;margin:1.5em 0">
<h2>Claim check</h2>
{% if not results %}<p>No movement claims were found in the text.</p>{% endif %}
{% for r in results %}
<article style="border:1px solid #d0d7de;border-radius:6px;padding:0.8em 1em;margin:1em 0">
<h3 style="margin:0 0 0.4em 0">Claim {{ r.claim.claim_id }}: {{ r.claim.summary() }}
 <span style="background:{{ colour[r.verdict] }};color:#fff;border-radius:4px;padding:0.1em 0.5em;font-size:0.8em">{{ r.verdict }}</span></h3>
<table style="border-collapse:collapse;font-size:0.9em">
{% for k, v in rows(r.claim) %}<tr><th style="text-align:left;padding-right:1em;vertical-align:top">{{ k }}</th><td>{{ v }}</td></tr>
{% endfor %}
</table>
<p><strong>Why:</strong></p><ul>{% for x in r.reasons %}<li>{{ x }}</li>{% endfor %}</ul>
<p><strong>Coverage:</strong></p><ul>{% for c in r.coverage %}<li>{{ c.describe() }}</li>{% endfor %}</ul>
{% if r.caveats %}<p><strong>Caveats:</strong></p><ul>{% for x in r.caveats %}<li>{{ x }}</li>{% endfor %}</ul>{% endif %}
{% if r.counts_by_day %}<p><strong>Matching flights by day:</strong> {% for d, n in r.counts_by_day %}{{ d.isoformat() }}: {{ n }}{% if not loop.last %}, {% endif %}{% endfor %}</p>{% endif %}
{% if r.flights.height %}
<table style="border-collapse:collapse;font-size:0.85em;margin-top:0.5em">
<tr>{% for c in cols(r) %}<th style="border-bottom:1px solid #d0d7de;padding:0.2em 0.5em;text-align:left">{{ c }}</th>{% endfor %}</tr>
{% for row in flight_rows(r) %}<tr>{% for v in row %}<td style="padding:0.2em 0.5em">{{ v }}</td>{% endfor %}</tr>
{% endfor %}
</table>
{% if r.flights.height > max_rows %}<p>… and {{ r.flights.height - max_rows }} more.</p>{% endif %}
{% endif %}
<details><summary>Source sentences</summary><ul>{% for s in r.claim.sentences %}<li>{{ s }}</li>{% endfor %}</ul></details>
</article>
{% endfor %}
</section>
"""
)


def report_section_html(results: list[ClaimResult]) -> str:
    """An HTML ``<section>`` with every claim, its verdict, reasons, coverage and flights (for the report)."""

    def cols(r: ClaimResult) -> list[str]:
        return [c for c in _flight_cols() if c in r.flights.columns]

    def flight_rows(r: ClaimResult) -> list[list[str]]:
        return [[_fmt(v) for v in row] for row in _shown(r).head(MAX_FLIGHT_ROWS).select(cols(r)).iter_rows()]

    return _HTML.render(
        results=results,
        rows=_claim_rows,
        cols=cols,
        flight_rows=flight_rows,
        colour=VERDICT_COLOUR,
        max_rows=MAX_FLIGHT_ROWS,
    )

"""`liftwatch kb ...`: look up sites, assets, regions, aircraft types and check watchlists from the shell."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from liftwatch.cli.common import App, console, fail

if TYPE_CHECKING:
    from liftwatch.kb.regions import Region

kb_app = App(
    name="kb",
    help="Knowledge base: sites (any spelling or script), asset classification, regions, aircraft types.",
    no_args_is_help=True,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of tables.")]


@kb_app.command("place")
def place_cmd(
    text: Annotated[
        str, typer.Argument(help="A site, region, country or city name, alias, code or id, in any script.")
    ],
    carrier: Annotated[
        str | None,
        typer.Option(help="Who uses the place: 'air' (an airfield) or 'sea' (a port or naval base)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """How a place name resolves everywhere in liftwatch (filters, corridors, reports, watchlists).

    Exit code 2 with the candidates when the name is unknown or ambiguous ("Cartagena" without --carrier).
    """
    from liftwatch import kb
    from liftwatch.kb.carriers import check_carrier

    try:
        mode = check_carrier(carrier)
    except ValueError as e:
        raise fail(str(e), code=2) from e
    ref = kb.resolve_place(text, mode)
    if as_json:
        console.print_json(json.dumps(asdict(ref), ensure_ascii=False))
        return
    console.print(
        f"[bold]{escape(ref.name)}[/bold] ({ref.kind} [cyan]{escape(ref.id)}[/cyan]), matched by {ref.matched} "
        f"(score {ref.score:g}); {len(ref.site_ids)} site(s); regions: {escape(', '.join(ref.region_ids) or '-')}"
    )


@kb_app.command("site")
def site_cmd(
    name: Annotated[str, typer.Argument(help="Site name, alias, ICAO/IATA code or site id, in any script.")],
    alternatives: Annotated[int, typer.Option("--alternatives", "-n", help="How many other candidates to list.")] = 4,
    min_score: Annotated[float, typer.Option(help="Minimum match score (0-100) to accept.")] = 60.0,
    as_json: JsonOption = False,
) -> None:
    """Find a site by name (fuzzy, alias-aware) and show its details and controller history.

    Exit code 1 when nothing matches well enough.
    """
    from liftwatch import kb

    found = [(s, sc) for s, sc in kb.search_sites(name, limit=alternatives + 1) if sc >= min_score]
    if not found:
        raise fail(f"no site matches {name!r} (score >= {min_score:g})", code=1)
    best, score = found[0]
    regions = kb.region_of_site(best.site_id)
    if as_json:
        payload = {
            "match": {**asdict(best), "score": score, "regions": regions},
            "alternatives": [{"site_id": s.site_id, "name": s.name, "score": sc} for s, sc in found[1:]],
        }
        console.print_json(json.dumps(payload, default=str, ensure_ascii=False))
        return
    t = Table(title=f"{best.name}  [dim]({best.site_id}, score {score:g})[/dim]", show_header=False)
    t.add_column("field", style="bold")
    t.add_column("value")
    t.add_row("kind", best.kind)
    t.add_row("position", f"{best.lat:.5f}, {best.lon:.5f}")
    t.add_row("elevation", f"{best.elevation_ft:,.0f} ft" if best.elevation_ft is not None else "?")
    t.add_row("runways (true)", ", ".join(f"{h:g}°" for h in best.runway_headings) or "unknown")
    t.add_row("country", best.country or "?")
    t.add_row("regions", ", ".join(regions) or "-")
    t.add_row("ICAO / IATA", f"{best.icao or '-'} / {best.iata or '-'}")
    t.add_row("aliases", "; ".join(best.aliases[:14]) + (" ..." if len(best.aliases) > 14 else ""))
    t.add_row("source", best.source)
    console.print(t)
    if best.controllers:
        c = Table(title="controlled by")
        for col in ("actor", "from", "until", "kind", "note"):
            c.add_column(col)
        kinds = {2: "de facto", 1: "holder", 0: "presence"}
        for ctl in best.controllers:
            c.add_row(ctl.actor, str(ctl.start or "…"), str(ctl.end or "…"), kinds.get(ctl.priority, "?"), ctl.note)
        console.print(c)
    if len(found) > 1:
        a = Table(title="other candidates")
        for col in ("site_id", "name", "country", "score"):
            a.add_column(col)
        for s, sc in found[1:]:
            a.add_row(s.site_id, s.name, s.country or "", f"{sc:g}")
        console.print(a)


@kb_app.command("asset")
def asset_cmd(
    identifier: Annotated[str, typer.Argument(help="ICAO hex address, MMSI, registration (with dash) or callsign.")],
    callsign: Annotated[str | None, typer.Option(help="Also consider this callsign.")] = None,
    registration: Annotated[str | None, typer.Option(help="Also consider this registration.")] = None,
    type_code: Annotated[str | None, typer.Option("--type", help="Also consider this ICAO type designator.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Classify an aircraft/ship: country, military/state/civil, operator, type, and the evidence.

    Exit code 1 when nothing at all is known about the identifier; 2 when it is six characters but not hex
    (a malformed ICAO address) and nothing is known of it as a callsign or ship either.
    """
    from liftwatch import kb

    try:
        found = kb.lookup_asset(identifier, callsign=callsign, registration=registration, type_code=type_code)
    except kb.MalformedIdentifierError as exc:
        raise fail(str(exc), code=2) from None
    if not found.known:
        raise fail(f"nothing known about {identifier!r}", code=1)
    result, ships = found.classification, found.ships
    type_row = kb.aircraft_type(result.type_code) if result.type_code else None
    if as_json:
        console.print_json(
            json.dumps({**asdict(result), "type": type_row, "ships": ships.to_dicts()}, default=str, ensure_ascii=False)
        )
        return
    t = Table(title=f"{identifier}", show_header=False)
    t.add_column("field", style="bold")
    t.add_column("value")
    t.add_row("classification", result.classification)
    t.add_row("country", result.country or "?")
    t.add_row("operator", result.operator or "?")
    t.add_row("type", result.type_code or "?")
    if type_row:
        t.add_row(
            "type data",
            f"{type_row['name']}: payload max {type_row['payload_max_t']} t, typical {type_row['payload_typical_t']} t,"
            f" cruise {type_row['cruise_kt']} kt, range {type_row['range_km']} km",
        )
    for row in ships.iter_rows(named=True):
        t.add_row("curated ship", f"{row['name']} ({row['operator']}, {row['role']}); {row['note'] or ''}")
    console.print(t)
    for line in result.evidence:
        console.print(f"  • {line}")


@kb_app.command("regions")
def regions_cmd(as_json: JsonOption = False) -> None:
    """List named regions usable as origins/destinations (id, name, kind, members)."""
    from liftwatch import kb

    regs = kb.regions()
    if as_json:
        console.print_json(json.dumps([asdict(r) for r in regs.values()], ensure_ascii=False))
        return
    t = Table(title="regions (most specific first)")
    for col in ("id", "name", "kind", "within", "aliases"):
        t.add_column(col)
    for r in regs.values():
        t.add_row(r.id, r.name, region_kind(r), r.within or "", ", ".join(r.aliases[:4]))
    console.print(t)


def region_kind(r: Region) -> str:
    """How a region is defined, as the table shows it: a region of states is its states (the sites registered in
    them), not an empty "site group (0)"."""
    if r.is_water:
        return f"{r.kind} (water, no sites)"
    if r.rings:
        return "polygon"
    if r.countries:
        shown = ", ".join(r.countries[:8]) + (f", … {len(r.countries)} in all" if len(r.countries) > 8 else "")
        return f"states ({shown})" + (f" + {len(r.site_ids)} sites" if r.site_ids else "")
    return f"site group ({len(r.site_ids)})"


@kb_app.command("types")
def types_cmd(
    category: Annotated[
        str | None, typer.Option(help="Only this category: cargo, airliner, bizjet or military_other.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List aircraft types with payload (t), speed (kt) and range (km)."""
    import polars as pl

    from liftwatch import kb
    from liftwatch.filters import validate_choice
    from liftwatch.kb.types import AIRCRAFT_CATEGORIES

    df = kb.aircraft_types()
    if category:  # an unknown category is an error naming the known ones, not an empty table
        df = df.filter(pl.col("category") == validate_choice("--category", category, AIRCRAFT_CATEGORIES))
    if as_json:
        console.print_json(json.dumps(df.to_dicts(), ensure_ascii=False))
        return
    t = Table(title="aircraft types")
    cols = ("type_code", "name", "category", "payload_max_t", "payload_typical_t", "cruise_kt", "range_km")
    for col in cols:
        t.add_column(col)
    for row in df.iter_rows(named=True):
        t.add_row(
            *("" if row[c] is None else f"{row[c]:g}" if isinstance(row[c], float) else str(row[c]) for c in cols)
        )
    console.print(t)


@kb_app.command("watchlist")
def watchlist_cmd(
    path: Annotated[Path | None, typer.Argument(help="Watchlist TOML (default: the bundled example).")] = None,
) -> None:
    """Validate a watchlist file and show how its site/region names resolved."""
    from liftwatch import kb

    w = kb.load_watchlist(path or kb.example_watchlist_path())
    t = Table(title=f"{w.path}: {len(w.rules)} rules")
    for col in ("rule", "criteria", "places"):
        t.add_column(col)
    for r in w.rules:
        crit = [f for f in ("addresses", "registrations", "callsigns", "types", "countries", "classification")
                if getattr(r, f)]  # fmt: skip
        places = [f"{p.text} -> {p}" for p in r.sites] + [f"{a} -> {b}" for a, b in r.corridors]
        t.add_row(r.name, ", ".join(crit + (["sites"] if r.sites else []) + (["corridors"] if r.corridors else [])),
                  "; ".join(places))  # fmt: skip
    console.print(t)


def register(app: App) -> None:
    app.add_typer(kb_app, name="kb")

"""`liftwatch watch`: follow live receiver feeds, store what they say, and alert on watch-list rules."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from liftwatch.cli.common import DB_DEFAULT, App, DbOption, console, err, fail
from liftwatch.errors import LiftwatchError

if TYPE_CHECKING:
    from liftwatch.kb.watchlist import Watchlist


def _receiver(text: str | None) -> tuple[float, float] | None:
    if not text:
        return None
    try:
        lat, lon = (float(x) for x in text.split(","))
    except ValueError:
        raise fail(f"--receiver expects LAT,LON (e.g. 35.41,35.95), got {text!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise fail(f"--receiver out of range: {text!r}")
    return lat, lon


def _watchlist(path: Path | None) -> Watchlist | None:
    if path is None:
        return None
    from liftwatch.kb.watchlist import load_watchlist

    if not path.exists():
        raise fail(f"{path}: no such watch-list file")
    return load_watchlist(path)


def _live_sources(poll: list[str] | None, interval: float, boxes: list[str] | None, quiet: bool) -> list[Any]:
    """--poll endpoints (one merged group) and an aisstream.io subscription."""
    out: list[Any] = []
    say = (lambda _m: None) if quiet else (lambda m: err.print(f"[dim]{m}[/dim]"))
    if poll:
        from liftwatch.live.poll import PollGroup, PollSpec

        out.append(PollGroup([PollSpec.parse(p) for p in poll], interval_s=interval, on_event=say))
    if boxes:
        from liftwatch.live.aisstream import AisStream
        from liftwatch.sources.keys import secret
        from liftwatch.sources.selection import BBox

        out.append(AisStream(secret("aisstream", "AISSTREAM_API_KEY"), [BBox.parse(b) for b in boxes], on_event=say))
    return out


def watch(
    sbs: Annotated[list[str] | None, typer.Option("--sbs", help="SBS/BaseStation feed HOST:PORT (port 30003).")] = None,
    beast: Annotated[
        list[str] | None, typer.Option("--beast", help="Beast binary feed HOST:PORT (port 30005).")
    ] = None,
    avr: Annotated[list[str] | None, typer.Option("--avr", help="AVR text feed HOST:PORT (port 30002).")] = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="Watch-list TOML with alert rules.")] = None,
    db: DbOption = DB_DEFAULT,
    no_store: Annotated[bool, typer.Option("--no-store", help="Do not write points to the database.")] = False,
    live_file: Annotated[
        bool,
        typer.Option(
            "--live-file/--no-live-file",
            help="Append flight events and alerts to DB.live.jsonl (bounded) so `liftwatch serve` follows the watch.",
        ),
    ] = True,
    alerts_jsonl: Annotated[
        Path | None, typer.Option("--alerts-jsonl", help="Append alerts as JSON lines here.")
    ] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST each alert as JSON to this URL.")] = None,
    duration: Annotated[float | None, typer.Option("--duration", help="Stop after this many seconds.")] = None,
    receiver: Annotated[
        str | None, typer.Option("--receiver", help="Receiver LAT,LON (reference for surface positions).")
    ] = None,
    dark_after: Annotated[float, typer.Option("--dark-after", help="Minutes of silence before 'went dark'.")] = 10.0,
    coverage_window: Annotated[
        float,
        typer.Option(
            "--coverage-window", help="Minutes: another aircraft heard this close in time near the last fix = covered."
        ),
    ] = 60.0,
    time_source: Annotated[
        str,
        typer.Option(
            "--time-source",
            help="arrival (live receivers) or receiver (keep the Beast/AVR-MLAT counter spacing, for replays).",
        ),
    ] = "arrival",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No connection messages.")] = False,
    poll: Annotated[
        list[str] | None,
        typer.Option(
            "--poll",
            help="Keyless live API: adsblol-mil, airplaneslive-mil, adsbfi-mil, or NAME-point:LAT,LON,NM (repeatable).",
        ),
    ] = None,
    poll_interval: Annotated[
        float, typer.Option("--poll-interval", help="Seconds between polls of one endpoint (>= the API's limit).")
    ] = 5.0,
    ais_bbox: Annotated[
        list[str] | None,
        typer.Option("--ais-bbox", help="aisstream.io box LAT_MIN,LON_MIN,LAT_MAX,LON_MAX (key: $AISSTREAM_API_KEY)."),
    ] = None,
) -> None:
    """Follow receiver feeds: decode, store in batches, split flights and raise alerts; reconnects on drops."""
    from liftwatch.live import JsonlSink, TerminalSink, WebhookSink
    from liftwatch.live.channel import channel_path
    from liftwatch.live.feeds import FeedSpec
    from liftwatch.live.runner import WatchConfig, run_watch
    from liftwatch.store import Store

    try:
        feeds = [FeedSpec.parse(p, hp) for p, hps in (("sbs", sbs), ("beast", beast), ("avr", avr)) for hp in hps or []]
    except LiftwatchError as exc:
        raise fail(str(exc)) from None
    try:
        live_sources = _live_sources(poll, poll_interval, ais_bbox, quiet)
    except LiftwatchError as exc:
        raise fail(str(exc)) from None
    if not feeds and not live_sources:
        raise fail("give at least one feed: --sbs HOST:PORT, --beast HOST:PORT, --avr HOST:PORT, --poll or --ais-bbox")
    if webhook is not None and not webhook.startswith(("http://", "https://")):
        raise fail(f"--webhook must be an http(s) URL, got {webhook!r}")
    wl = _watchlist(rules)
    sinks: list[Any] = [TerminalSink(err)]
    if alerts_jsonl is not None:
        sinks.append(JsonlSink(alerts_jsonl))
    if webhook is not None:
        sinks.append(WebhookSink(webhook))
    if time_source not in ("arrival", "receiver"):
        raise fail(f"--time-source must be 'arrival' or 'receiver', got {time_source!r}")
    config = WatchConfig(
        feeds=feeds,
        duration_s=duration,
        receiver=_receiver(receiver),
        dark_after_s=dark_after * 60,
        coverage_window_s=coverage_window * 60,
        time_source=time_source,
        sources=live_sources,
        live_path=channel_path(db) if live_file and not no_store else None,
    )
    try:
        store = None if no_store else Store(db)
    except Exception as exc:  # duckdb.IOException: locked by another process, unwritable path, ...
        raise fail(f"{db}: cannot open the database for writing ({exc.__class__.__name__}: {exc})") from None
    try:
        summary = run_watch(
            config,
            store=store,
            watchlist=wl,
            sinks=sinks,
            on_event=None if quiet else (lambda m: err.print(f"[dim]{m}[/dim]")),
        )
    finally:
        if store is not None:
            store.close()
    t = Table(title="watch summary")
    for col in ("seconds", "messages", "bad", "points", "stored", "connects", "drops", "alerts"):
        t.add_column(col, justify="right")
    t.add_row(
        f"{summary.seconds:.0f}",
        f"{summary.messages:,}",
        f"{summary.bad:,}",
        f"{summary.points:,}",
        f"{summary.rows_added:,}",
        f"{summary.connects}",
        f"{summary.disconnects}",
        f"{len(summary.alerts)}",
    )
    console.print(t)


def register(app: App) -> None:
    app.command()(watch)

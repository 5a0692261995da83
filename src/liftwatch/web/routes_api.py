"""JSON endpoints, exports of the current view and the live event stream.

Each handler parses its parameters, calls the library (``Flights``, ``Flight``, the report's exporters) under
the store lock and returns the result; filters arrive as the same URL parameters the pages use.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from liftwatch import kb
from liftwatch.errors import InvalidValueError, LiftwatchError
from liftwatch.live.channel import MAX_READ, channel_path, last_id, read_events
from liftwatch.report.exports import flat_flights, neutralise_formulas, write_kml
from liftwatch.report.geo import feature_collection, flight_features, projection_features, site_features
from liftwatch.web.app import web_state
from liftwatch.web.payload import flight_detail, flights_payload
from liftwatch.web.query import ViewState, filter_error, parse_view, parse_zoom
from liftwatch.web.state import StoreBusy

router = APIRouter()
MAX_IDS = 500
CLASS_COLORS = {"military": "#c0392b", "state": "#e67e22", "civil": "#7f8c8d", "unknown": "#95a5a6"}


def _params(request: Request) -> dict[str, str]:
    return {k: v for k, v in request.query_params.items()}


def _view(request: Request) -> ViewState | JSONResponse:
    view = parse_view(_params(request))
    if view.error is not None:
        return JSONResponse(view.error.to_dict(), status_code=400)
    return view


def _zoom(request: Request) -> float | JSONResponse:
    try:
        return parse_zoom(request.query_params.get("z"))
    except InvalidValueError as exc:
        return JSONResponse(filter_error(exc).to_dict(), status_code=400)


@router.get("/api/flights")
def api_flights(request: Request) -> Response:
    """One page of the filtered flights as tracks, with the total count and the sites they touch."""
    view = _view(request)
    if isinstance(view, JSONResponse):
        return view
    zoom = _zoom(request)
    if isinstance(zoom, JSONResponse):
        return zoom
    state = web_state(request)
    assert view.filter is not None
    with state.session() as lw:
        sel = lw.select(view.filter)
        total = len(sel)
        page = sel.page(view.offset, view.limit)
        end = view.filter.end
        body = flights_payload(page, zoom=zoom, at=end if isinstance(end, datetime) else None)
    body.update(
        count=total,
        offset=view.offset,
        limit=view.limit,
        page=view.page,
        pages=max(1, -(-total // view.limit)),
        describe=view.filter.describe(),
    )
    return JSONResponse(body)


@router.get("/api/flights/by-id")
def api_flights_by_id(request: Request, ids: str = "") -> Response:
    """Named flights (for claim evidence), at most 500; unknown ids are listed, not silently dropped."""
    wanted = [i for i in dict.fromkeys(x.strip() for x in ids.split(",")) if i][:MAX_IDS]
    zoom = _zoom(request)
    if isinstance(zoom, JSONResponse):
        return zoom
    state = web_state(request)
    rows: list[dict[str, Any]] = []
    missing: list[str] = []
    with state.session() as lw:
        for fid in wanted:
            try:
                rows.append(lw.flight(fid).row)
            except LiftwatchError:
                missing.append(fid)
        page = pl.DataFrame(rows) if rows else None
        body = flights_payload(page, zoom=zoom) if page is not None else {"flights": [], "sites": {}}
    body.update(count=len(body["flights"]), missing=missing)
    return JSONResponse(body)


@router.get("/api/flight/{flight_id}")
def api_flight(request: Request, flight_id: str) -> Response:
    state = web_state(request)
    with state.session() as lw:
        body = flight_detail(lw.flight(flight_id))
    return JSONResponse(body)


@router.get("/api/count")
def api_count(request: Request) -> Response:
    view = _view(request)
    if isinstance(view, JSONResponse):
        return view
    assert view.filter is not None
    state = web_state(request)
    with state.session() as lw:
        n = len(lw.select(view.filter))
    return JSONResponse({"count": n, "describe": view.filter.describe()})


# -- exports ------------------------------------------------------------------------------------------------
def _selection(request: Request) -> tuple[pl.DataFrame, str] | JSONResponse:
    view = _view(request)
    if isinstance(view, JSONResponse):
        return view
    assert view.filter is not None
    state = web_state(request)
    with state.session() as lw:
        return lw.select(view.filter).to_polars(), view.filter.describe()


def _features(df: pl.DataFrame) -> tuple[list[Any], list[Any], list[Any]]:
    colors = {}
    if df.height:
        colors = {
            f"{d or 'unknown'}->{a or 'unknown'}": CLASS_COLORS.get(c or "unknown", "#95a5a6")
            for d, a, c in df.select("dep_site", "arr_site", "classification").iter_rows()
        }
    ids = sorted(
        {s for s in [*df["dep_site"].to_list(), *df["arr_site"].to_list()] if s}
        | {c["site_id"] for cs in df["arr_candidates"].to_list() for c in (cs or [])}
    )
    sites = kb.sites().filter(pl.col("site_id").is_in(ids)) if ids else kb.sites().head(0)
    return flight_features(df, colors), projection_features(df, sites, colors), site_features(sites)


def _filename(describe: str, ext: str) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in describe.lower()).strip("-")[:60] or "flights"
    return f"liftwatch-{stem}.{ext}"


@router.get("/export.csv")
def export_csv(request: Request) -> Response:
    sel = _selection(request)
    if isinstance(sel, JSONResponse):
        return sel
    df, describe = sel
    text = neutralise_formulas(flat_flights(df)).write_csv()
    headers = {"content-disposition": f'attachment; filename="{_filename(describe, "csv")}"'}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/export.geojson")
def export_geojson(request: Request) -> Response:
    sel = _selection(request)
    if isinstance(sel, JSONResponse):
        return sel
    df, describe = sel
    body = json.dumps(feature_collection(*_features(df)), separators=(",", ":"), ensure_ascii=False)
    headers = {"content-disposition": f'attachment; filename="{_filename(describe, "geojson")}"'}
    return Response(body, media_type="application/geo+json", headers=headers)


@router.get("/export.kml")
def export_kml(request: Request) -> Response:
    sel = _selection(request)
    if isinstance(sel, JSONResponse):
        return sel
    df, describe = sel
    flights, projections, sites = _features(df)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_kml(Path(tmp) / "flights.kml", flights, projections, sites, f"liftwatch: {describe}")
        body = path.read_bytes()
    headers = {"content-disposition": f'attachment; filename="{_filename(describe, "kml")}"'}
    return Response(body, media_type="application/vnd.google-earth.kml+xml", headers=headers)


# -- live -----------------------------------------------------------------------------------------------------
def _snapshot(request: Request) -> dict[str, Any]:
    state = web_state(request)
    with state.session() as lw:
        info = lw.info()
    return {"points": int(info["points"]), "flights": int(info["flights"]), "last": _iso(info["last"])}


def _iso(v: object) -> str | None:
    return v.isoformat() if isinstance(v, datetime) else None


LIVE_BACKLOG = 50  # channel events a new client (no Last-Event-ID) gets from before it connected


def _resume_from(request: Request, channel: Path) -> int:
    """Where the channel stream resumes: the browser's ``Last-Event-ID`` on a reconnect (or ``?after=``),
    otherwise the last few events so a fresh page is not blank while a watch runs."""
    for raw in (request.headers.get("last-event-id"), request.query_params.get("after")):
        if raw is not None and raw.strip().isdigit():
            return int(raw.strip())
    return max(0, last_id(channel) - LIVE_BACKLOG)


def _stamp(channel: Path) -> tuple[tuple[int, int, int], ...]:
    """Identity and size of the channel files: the channel is read again only when this changes."""
    out = []
    for p in (channel.with_name(channel.name + ".1"), channel):
        try:
            st = p.stat()
        except OSError:
            continue
        out.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(out)


@router.get("/api/live")
async def live(request: Request) -> StreamingResponse:
    """Server-sent events: a ``store`` event with counts, then one per change, and new flights when they appear;
    plus the events a running ``liftwatch watch`` appends to the database's live channel (``live`` events with
    their channel id, so a reconnecting browser resumes from ``Last-Event-ID``)."""
    state = web_state(request)
    poll = state.settings.live_poll_s
    once = request.query_params.get("once") == "1"
    channel = channel_path(state.settings.db)
    after = 0
    stamp: tuple[tuple[int, int, int], ...] = ()

    async def snapshot() -> dict[str, Any] | str:
        try:
            return await asyncio.to_thread(_snapshot, request)
        except StoreBusy as exc:  # a writer (a running watch) holds the file: say so, the channel still flows
            return _sse("busy", {"error": str(exc), "at": datetime.now(UTC).isoformat()})

    async def channel_events() -> AsyncIterator[str]:
        nonlocal after, stamp
        now_stamp = _stamp(channel)
        if now_stamp == stamp:
            return
        stamp = now_stamp
        while True:
            batch = await asyncio.to_thread(read_events, channel, after)
            for ev in batch:
                after = int(ev["id"])
                yield _sse("live", ev, event_id=after)
            if len(batch) < MAX_READ:
                return

    async def events() -> AsyncIterator[str]:
        nonlocal after
        after = await asyncio.to_thread(_resume_from, request, channel)  # reads the file: off the event loop
        first = await snapshot()
        last: dict[str, Any] | None = None
        if isinstance(first, str):
            yield first
        else:
            last = first
            yield _sse("store", {**first, "at": datetime.now(UTC).isoformat()})
        async for chunk in channel_events():
            yield chunk
        while not once:
            await asyncio.sleep(poll)
            if await request.is_disconnected():
                break
            sent = False
            async for chunk in channel_events():
                sent = True
                yield chunk
            now = await snapshot()
            if isinstance(now, str):
                yield now
                continue
            if now != last:
                new = []
                if last is not None:
                    new = await asyncio.to_thread(_new_flights, request, last["flights"], now["flights"])
                yield _sse("store", {**now, "at": datetime.now(UTC).isoformat()})
                if new:
                    yield _sse("flights", {"flights": new})
                last = now
            elif not sent:
                yield ": keep-alive\n\n"

    return StreamingResponse(events(), media_type="text/event-stream", headers={"cache-control": "no-store"})


def _new_flights(request: Request, before: int, after: int) -> list[dict[str, Any]]:
    """The most recently ending flights, as many as the count grew by (at most 200)."""
    n = max(0, min(after - before, 200))
    if n == 0:
        return []
    state = web_state(request)
    with state.session() as lw:
        sel = lw.flights()
        total = len(sel)
        page = sel.page(max(0, total - n), n)
        return list(flights_payload(page)["flights"])


def _sse(event: str, data: dict[str, Any], event_id: int | None = None) -> str:
    # json.dumps never emits a raw newline (and escapes every control character), so one data: line carries
    # the whole payload and a hostile callsign cannot inject SSE fields; the page shows it with textContent
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"

"""HTML pages: map + timeline, flight, corridors, airframe, site, claim check, live.

Every page calls the public library (``LiftWatch``, ``Flights``, ``Flight``, ``kb``, ``check``, ``analyse``)
and hands plain values to an autoescaping template; what the map scripts need travels as JSON.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, urlencode

import polars as pl
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from liftwatch import kb
from liftwatch.analytics.corridors import SEP, UNKNOWN
from liftwatch.analytics.surge import Alert
from liftwatch.errors import LiftwatchError
from liftwatch.report.tables import MIN_EXPECTED, site_table
from liftwatch.tracks.guesses import GUESS_INPUTS, with_guesses
from liftwatch.web.app import render, web_state
from liftwatch.web.payload import evidence_rows, flight_detail, flight_item, shown_row, site_point
from liftwatch.web.query import CLASS_CHOICES, ENDING_CHOICES, parse_view
from liftwatch.web.state import StoreBusy

router = APIRouter()
FLIGHT_COLS = ("flight_id", "callsigns", "type_code", "classification", "dep_site", "arr_site", "ending", "first_ts")
TABLE_ROWS = 200
ROUTE_ROWS = 50  # an airframe's routes shown (minor ones folded first), as many again for sea


def _rows(df: pl.DataFrame, cols: tuple[str, ...] = FLIGHT_COLS, limit: int = TABLE_ROWS) -> list[dict[str, Any]]:
    if "dep_site" in cols and set(df.columns) >= GUESS_INPUTS:  # a flights table: guessed sites marked "SITE?"
        g = with_guesses(df.head(limit))
        df = g.with_columns(
            pl.coalesce("dep_site", "dep_site_guess").alias("dep_site"),
            pl.coalesce("arr_site", "arr_site_guess").alias("arr_site"),
            pl.col("dep_site_guess").is_not_null().alias("dep_guess"),
            pl.col("arr_site_guess").is_not_null().alias("arr_guess"),
        )
        cols = (*cols, "dep_guess", "arr_guess")
    keep = [c for c in cols if c in df.columns]
    out = [{c: None for c in cols} | r for r in df.select(keep).head(limit).to_dicts()]
    for r in out:
        if isinstance(r.get("callsigns"), list):
            r["callsigns"] = " ".join(c for c in r["callsigns"] if c)
        for k, v in r.items():
            if isinstance(v, datetime):
                r[k] = f"{v:%Y-%m-%d %H:%M}Z"
    return out


def corridor_param(origin: str | None, destination: str | None) -> str:
    """``FROM:TO`` for the map's filter; an ``unknown`` end is left open (it names no place)."""
    known = [x if x and x != UNKNOWN else "" for x in (origin, destination)]
    return f"{known[0]}:{known[1]}"


def _date(raw: str | None) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        raise LiftwatchError(f"not a date: {raw!r} (expected YYYY-MM-DD)") from None


@router.get("/", response_class=HTMLResponse)
def map_page(request: Request) -> Response:
    """The map + timeline: filter bar (URL state), tracks, dark-ending projections, time slider."""
    view = parse_view(dict(request.query_params.items()))
    state = web_state(request)
    count = None
    if view.filter is not None:
        with state.session() as lw:
            count = len(lw.select(view.filter))
    return render(
        request,
        "map.html.j2",
        status=400 if view.error else 200,
        view=view,
        count=count,
        describe=view.filter.describe() if view.filter is not None else "",
        class_choices=CLASS_CHOICES,
        ending_choices=ENDING_CHOICES,
        export_query=view.query(page=None),
    )


@router.get("/flight/{flight_id}", response_class=HTMLResponse)
def flight_page(request: Request, flight_id: str) -> Response:
    state = web_state(request)
    with state.session() as lw:
        f = lw.flight(flight_id)
        shown = shown_row(f)
        detail = flight_detail(f, shown)
        prev, nxt = f.neighbours()
        evidence = evidence_rows(f.evidence())
    item = detail["flight"]
    cands = [{**c, "name": (site_point(c["site"]) or {}).get("name") or c["site"]} for c in item.get("cands") or []]
    return render(
        request,
        "flight.html.j2",
        f=item,
        row=_rows(pl.DataFrame([{k: f.row.get(k) for k in FLIGHT_COLS}]))[0],
        dep_time=_fmt(f.row.get("dep_time")),
        ends=_shown_ends(shown),
        first=_fmt(f.first_ts),
        last=_fmt(f.last_ts),
        candidates=cands,
        evidence=evidence,
        prev=prev.row if prev else None,
        next=nxt.row if nxt else None,
        data=detail,
    )


def _shown_ends(shown: dict[str, Any]) -> dict[str, Any]:
    """A flight's ends from its shown row (``payload.shown_row``): a site below the confidence threshold is a guess
    (``LFLD?``), an arrival time estimated from a guess is not shown and one estimated for an airborne ending is
    marked ``~`` -- the page must not pass off a dark flight's projected landing as a seen one."""
    dep, arr = shown["dep_site"] or shown["dep_site_guess"], shown["arr_site"] or shown["arr_site_guess"]
    return {
        "dep": shown["dep_site"] or (f"{dep}?" if dep else None),
        "arr": shown["arr_site"] or (f"{arr}?" if arr else None),
        "dep_site": dep,
        "arr_site": arr,
        "arr_time": ("~" if shown["arr_time_estimated"] else "") + _fmt(shown["arr_time"]),
    }


def _fmt(v: object) -> str:
    return f"{v:%Y-%m-%d %H:%M:%S}Z" if isinstance(v, datetime) else ""


def _alert_dict(a: Alert) -> dict[str, Any]:
    return {
        "kind": a.kind,
        "corridor": a.corridor,
        "level": a.level,
        "group": a.group or "",
        "start": a.start.isoformat(),
        "alerted_on": a.alerted_on.isoformat(),
        "rate_before": a.rate_before,
        "rate_after": a.rate_after,
        "statistic": a.statistic,
        "threshold": a.threshold,
        "p_value": a.p_value,
        "model": a.model,
        "baseline": f"{a.baseline_start} to {a.baseline_end}",
        "flight_ids": a.flight_ids[:40],
        "more": max(0, len(a.flight_ids) - 40),
        "map_query": urlencode({"corridor": corridor_param(a.origin, a.destination), "start": a.start.isoformat()}),
    }


@router.get("/corridors", response_class=HTMLResponse)
def corridors_page(request: Request, start: str = "", end: str = "", level: str = "region") -> Response:
    """Corridor table, daily and weekly series of military/state corridors, surge and new-corridor alerts."""
    if level not in ("region", "site"):
        raise LiftwatchError(f"level={level!r} is not allowed; choose one of: region, site")
    state = web_state(request)
    d0, d1 = _date(start), _date(end)
    analysis = state.analysis(d0, d1)
    with state.session() as lw:
        mil = lw.flights(("military", "state"), start=d0, end=None if d1 is None else d1)
        daily = mil.corridors(level=level, by=(), period="day")  # type: ignore[arg-type]
    table = analysis.region_corridors if level == "region" else analysis.site_corridors
    cols: tuple[str, ...] = ("corridor", "origin", "destination", "asset_class", "flights_expected")
    cols += ("flights_dark_expected", "tonnes_expected", "assets", "first_seen", "last_seen")
    top = (
        [
            c
            for c in daily.group_by("corridor")
            .agg(pl.col("flights_expected").sum())
            .sort("flights_expected", descending=True)["corridor"]
            .head(6)
            .to_list()
        ]
        if daily.height
        else []
    )
    days = sorted(set(daily["day"].to_list())) if daily.height else []
    series = []
    for c in top:
        sub = dict(daily.filter(pl.col("corridor") == c).select("day", "flights_expected").iter_rows())
        values = [float(sub.get(d, 0.0)) for d in days]
        o, _, dst = c.partition("->")
        series.append(
            {"corridor": c, "values": values, "total": sum(values), "query": urlencode({"corridor": f"{o}:{dst}"})}
        )
    weekly = _rows(analysis.weekly, ("corridor", "week", "flights_expected", "tonnes_expected"), 60)
    rows = _rows(table, cols, 100)
    for r in rows:
        r["query"] = urlencode({"corridor": corridor_param(r["origin"], r["destination"])})
    return render(
        request,
        "corridors.html.j2",
        rows=rows,
        level=level,
        start=start,
        end=end,
        days=[str(d) for d in days],
        series=series,
        weekly=weekly,
        alerts=[_alert_dict(a) for a in analysis.alerts],
        summary=analysis.summary,
        chart={"days": [str(d) for d in days], "series": series},
    )


@router.get("/airframe/{asset}", response_class=HTMLResponse)
def airframe_page(request: Request, asset: str) -> Response:
    """An airframe's history: every stored flight, where it flies, where it is based."""
    state = web_state(request)
    with state.session() as lw:
        sel = lw.flights(asset=asset)
        df = sel.to_polars()
        routes = sel.corridors(level="site", by=()) if df.height else pl.DataFrame()
        home = sel.home_base() if df.height else None
    if df.height == 0:
        raise LiftwatchError(f"no flights stored for airframe {asset!r}")
    first = df.row(0, named=True)
    items = [flight_item(r, 0.02) for r in df.tail(300).iter_rows(named=True)]
    # a dark flight's candidates each get a share of it: the report's fold sums the shares below MIN_EXPECTED
    shown, omitted = site_table(routes, limit=ROUTE_ROWS)
    route_cols = ("corridor", "flights_expected", "flights_dark_expected", "first_seen", "last_seen")
    route_rows = _rows(shown, (*route_cols, "origin", "destination", "folded"), ROUTE_ROWS * 2)
    for r in route_rows:
        if r["folded"]:  # "hmeimim->other or uncertain (7 destinations)"
            r["corridor"] = f"{r['origin']}{SEP}{r['destination']}"
    return render(
        request,
        "airframe.html.j2",
        asset=asset,
        ident={k: first.get(k) for k in ("registration", "type_code", "country", "operator", "classification")},
        home=home,
        flights=_rows(df.reverse(), limit=500),
        n=df.height,
        routes=route_rows,
        routes_omitted=omitted,
        min_expected=MIN_EXPECTED,
        data={"flights": items, "sites": {}},
    )


@router.get("/site/{site_id}", response_class=HTMLResponse)
def site_page(request: Request, site_id: str) -> Response:
    """A site: who controls it over time, its arrivals and departures by day, class and operator."""
    ref = kb.resolve_place(site_id)
    if ref.kind != "site":
        raise LiftwatchError(
            f"{site_id!r} is a {ref.kind} ({ref.name}); open a site, e.g. one of {', '.join(ref.site_ids[:5])}"
        )
    s = kb.site(ref.id)
    state = web_state(request)
    with state.session() as lw:
        arr = lw.flights(corridor=f":{s.site_id}")
        dep = lw.flights(corridor=f"{s.site_id}:")
        arr_by = arr.corridors(level="site", by=("classification", "operator")) if len(arr) else pl.DataFrame()
        dep_by = dep.corridors(level="site", by=("classification", "operator")) if len(dep) else pl.DataFrame()
        arr_day = arr.corridors(level="site", by=("classification",), period="day") if len(arr) else pl.DataFrame()
        dep_day = dep.corridors(level="site", by=("classification",), period="day") if len(dep) else pl.DataFrame()
        recent = lw.flights(site=s.site_id).to_polars().reverse()
    # a dark flight's expected flights are spread over its candidates: keep the legs that end (start) here
    if arr_by.height:
        arr_by = arr_by.filter(pl.col("destination") == s.site_id)
    if arr_day.height:
        arr_day = arr_day.filter(pl.col("destination") == s.site_id)
    if dep_by.height:
        dep_by = dep_by.filter(pl.col("origin") == s.site_id)
    if dep_day.height:
        dep_day = dep_day.filter(pl.col("origin") == s.site_id)
    cols = ("corridor", "classification", "operator", "flights_expected", "flights_dark_expected", "assets")
    days = sorted(
        {*(arr_day["day"].to_list() if arr_day.height else []), *(dep_day["day"].to_list() if dep_day.height else [])}
    )

    def by_day(df: pl.DataFrame) -> list[float]:
        if not df.height:
            return [0.0] * len(days)
        sums = dict(df.group_by("day").agg(pl.col("flights_expected").sum()).iter_rows())
        return [float(sums.get(d, 0.0)) for d in days]

    controllers = [
        {"actor": c.actor, "start": c.start, "end": c.end, "priority": c.priority, "note": c.note, "source": c.source}
        for c in s.controllers
    ]
    return render(
        request,
        "site.html.j2",
        s=s,
        controller_now=kb.controller_at(s.site_id, date.today()),
        controllers=controllers,
        arrivals=_rows(arr_by, cols, 60),
        departures=_rows(dep_by, cols, 60),
        flights=_rows(recent, limit=200),
        n=recent.height,
        chart={
            "days": [str(d) for d in days],
            "series": [
                {"corridor": "arrivals", "values": by_day(arr_day)},
                {"corridor": "departures", "values": by_day(dep_day)},
            ],
        },
    )


@router.get("/claims", response_class=HTMLResponse)
def claims_form(request: Request) -> Response:
    return render(request, "claims.html.j2", article="", publication="", results=None, error=None, data=None)


@router.post("/claims", response_class=HTMLResponse)
async def claims_check(request: Request) -> Response:
    """Paste (or upload, read into the text box by the page) an article -> its claims -> verdicts."""
    body = await request.body()
    form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
    article = (form.get("article") or [""])[0]
    publication = (form.get("publication") or [""])[0].strip()
    if not article.strip():
        return render(
            request,
            "claims.html.j2",
            status=400,
            article="",
            publication=publication,
            results=None,
            error="paste an article (or choose a text file) first",
            data=None,
        )
    try:
        pub = _date(publication)
    except LiftwatchError as exc:  # shown on the form: the pasted article stays in its box
        return render(
            request,
            "claims.html.j2",
            status=400,
            article=article,
            publication=publication,
            results=None,
            error=str(exc),
            data=None,
        )
    state = web_state(request)

    def run() -> list[dict[str, Any]]:
        with state.session() as lw:
            checked = lw.check(text=article, publication=pub)
        out = []
        for r in checked.results:
            d = r.to_dict()
            out.append(
                {
                    "id": r.claim.claim_id,
                    "summary": r.claim.summary(),
                    "sentences": r.claim.sentences,
                    "verdict": r.verdict,
                    "reasons": r.reasons,
                    "caveats": r.caveats,
                    "window": [f"{w:%Y-%m-%d}" for w in r.window] if r.window else None,
                    "n_full": r.n_full,
                    "n_partial": r.n_partial,
                    "flights": d.get("flights", [])[:100],
                }
            )
        return out

    import asyncio

    results = await asyncio.to_thread(run)
    ids = [f["flight_id"] for r in results for f in r["flights"] if f.get("match") == "full"][:300]
    return render(
        request,
        "claims.html.j2",
        article=article,
        publication=publication,
        results=results,
        error=None,
        data={"ids": ids},
    )


@router.get("/live", response_class=HTMLResponse)
def live_page(request: Request) -> Response:
    state = web_state(request)
    try:
        with state.session() as lw:
            info = lw.info()
    except StoreBusy:  # a running watch holds the store: the page still follows it through the live channel
        return render(request, "live.html.j2", points=None, flights=None, busy=True)
    return render(request, "live.html.j2", points=info["points"], flights=info["flights"], busy=False)

"""``create_app(db)``: the FastAPI application behind ``liftwatch serve``.

Pages are Jinja templates with autoescaping on (callsigns, ship names and article text are attacker
controlled); data for scripts travels as JSON in ``<script type="application/json">`` elements (Jinja's
``tojson`` escapes ``<``, ``>``, ``&`` and quotes) or from the JSON endpoints. All scripts are static files,
so the Content-Security-Policy can forbid inline script. Leaflet and the Natural Earth outlines are the
copies the offline report ships, served from the package: the dashboard needs no network.
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from liftwatch.errors import LiftwatchError
from liftwatch.web.security import Guard, is_loopback
from liftwatch.web.state import DEFAULT_MAX_UPLOAD, Settings, StoreBusy, WebState

STATIC_DIR = resources.files("liftwatch.web") / "static"
TEMPLATES_DIR = resources.files("liftwatch.web") / "templates"
VENDORED = {  # name -> (package, folder, file, media type)
    "leaflet.js": ("liftwatch.report", "static", "leaflet.js", "text/javascript"),
    "leaflet.css": ("liftwatch.report", "static", "leaflet.css", "text/css"),
    "countries.geojson": ("liftwatch", "data/geo", "ne_110m_countries.geojson", "application/geo+json"),
}


def templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = _num
    return env


def _num(v: Any, digits: int = 1) -> str:
    if v is None:
        return "–"
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    return str(v)


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.templates
    html = env.get_template(name).render(request=request, **ctx)
    return HTMLResponse(html, status_code=status)


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def _warm_up() -> None:
    from liftwatch import kb

    try:
        kb.resolve_place("hmeimim")
        kb.resolve_place("Khmeimim")  # not an exact name: builds the phonetic and fuzzy indexes
        kb.sites()
    except Exception:  # a broken knowledge base shows up, with its message, on the first request instead
        pass


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback without a token (the store is evidence; the network is not trusted)."""
    if not is_loopback(host) and not token:
        raise LiftwatchError(f"--host {host} is reachable from other machines: give --token SECRET as well")
    if token is not None and len(token) < 12:
        raise LiftwatchError("--token must be at least 12 characters (use e.g. `python -m secrets` output)")


def create_app(
    db: str | os.PathLike[str],
    *,
    token: str | None = None,
    host: str = "127.0.0.1",
    max_upload: int = DEFAULT_MAX_UPLOAD,
    allowed_hosts: tuple[str, ...] | None = None,
    live_poll_s: float = 2.0,
) -> FastAPI:
    """The dashboard for the database ``db`` (opened read-only when the app starts)."""
    check_bind(host, token)
    if allowed_hosts is None:
        # on loopback only loopback names are answered (DNS rebinding); off loopback the token guards instead
        allowed_hosts = ("127.0.0.1", "localhost", "::1") if is_loopback(host) and not token else ()
    settings = Settings(os.fspath(db), token, allowed_hosts, max_upload, live_poll_s)
    state = WebState.open(settings)
    # the place index and site table load on first use (seconds); load them now, off the request path
    threading.Thread(target=_warm_up, name="liftwatch-web-warm-up", daemon=True).start()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(title="liftwatch", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.web = state
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> Response:
        if name not in VENDORED:
            return Response("not found", status_code=404, media_type="text/plain")
        package, folder, file, media = VENDORED[name]
        ref = resources.files(package)
        for part in folder.split("/"):
            ref = ref / part
        return Response((ref / file).read_bytes(), media_type=media, headers={"cache-control": "public, max-age=86400"})

    @app.exception_handler(LiftwatchError)
    def liftwatch_error(request: Request, exc: LiftwatchError) -> Response:
        status = 503 if isinstance(exc, StoreBusy) else 400
        headers = {"retry-after": "2"} if status == 503 else None
        if request.url.path.startswith("/api/") or request.url.path.startswith("/export."):
            return JSONResponse({"error": str(exc)}, status_code=status, headers=headers)
        page = render(request, "error.html.j2", status=status, message=str(exc))
        if headers:
            page.headers.update(headers)
        return page

    from liftwatch.web import routes_api, routes_pages

    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.add_middleware(Guard, token=token, hosts=allowed_hosts, max_body=max_upload)
    return app

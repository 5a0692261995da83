"""The dashboard in a real headless Chromium (Debian's, driven by Playwright), on the demo store.

A uvicorn server on a free loopback port serves the app; the browser's network is limited to it. Each test
saves a screenshot of its page under one temporary folder whose path is printed (``-s`` shows it), or under
``$LIFTWATCH_WEB_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import liftwatch
from liftwatch.demo import founding_article
from liftwatch.live.alerts import Alert
from liftwatch.live.channel import LiveChannel, channel_path
from liftwatch.live.tracker import FlightEvent
from tests.web.conftest import CORRIDOR, HOSTILE_ASSET, HOSTILE_CALLSIGN, HOSTILE_ID

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    exe = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if exe is None:
        pytest.skip("Chromium not installed (`make browser` installs Debian's chromium)")
    return exe


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serve(db: Path, **kwargs: Any) -> Iterator[str]:
    """The dashboard on ``db`` in a uvicorn server on a free loopback port, for the block."""
    import uvicorn

    from liftwatch.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(db, **kwargs), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("dashboard server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[str]:
    _chromium()
    with _serve(demo_db) as url:
        yield url


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("LIFTWATCH_WEB_SCREENSHOTS")  # keep them somewhere pytest's tmp rotation won't
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("web-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\ndashboard screenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    # nothing leaves the machine: every request not to the dashboard is refused
    pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
    pg.errors = errors
    yield pg
    ctx.close()


def _ready(page: Any) -> dict[str, str]:
    page.wait_for_selector('#lw-status[data-ready="1"]', state="attached", timeout=20_000)
    data: dict[str, str] = page.eval_on_selector("#lw-status", "el => Object.assign({}, el.dataset)")
    return data


def test_map_loads_and_corridor_filter_gives_the_library_count(
    page: Any, server: str, shots: Path, lw: liftwatch.LiftWatch
) -> None:
    page.goto(server + "/")
    status = _ready(page)
    assert status["errors"] == "" and page.errors == []
    assert int(status["tracks"]) == min(len(lw.flights()), 2000)
    page.screenshot(path=str(shots / "map.png"))
    page.fill('input[name="corridor"]', CORRIDOR)
    page.select_option('select[name="class"]', "")
    page.click("#lw-apply")
    page.wait_for_url("**corridor=*")
    status = _ready(page)
    expected = len(lw.flights(corridor=CORRIDOR))
    assert page.inner_text("#lw-count") == str(expected)
    assert int(status["tracks"]) == expected
    assert int(status["projections"]) >= len(lw.flights(corridor=CORRIDOR, ending="dark"))
    assert "Khmeimim" in page.url or "khmeimim" in page.url.lower()  # the filter lives in the URL
    # the time slider animates positions: moving it draws dots without errors
    page.click("#lw-play")
    page.wait_for_timeout(600)
    page.click("#lw-play")
    assert page.inner_text("#lw-time").endswith("Z")
    page.screenshot(path=str(shots / "map-corridor.png"))
    assert page.errors == []


def test_unknown_place_shows_candidates(page: Any, server: str, shots: Path) -> None:
    page.goto(server + "/?corridor=Atlantis:eastern%20Libya")
    assert "unknown place" in page.inner_text("#lw-error")
    assert page.locator(".lw-candidates li").count() >= 1
    page.screenshot(path=str(shots / "map-unknown-place.png"))


def test_dark_flight_page_shows_its_candidates(page: Any, server: str, shots: Path, lw: liftwatch.LiftWatch) -> None:
    f = next(iter(lw.flights(corridor=CORRIDOR, ending="dark")))
    page.goto(f"{server}/flight/{f.id}")
    status = _ready(page)
    assert status["errors"] == "" and page.errors == []
    rows = page.locator("#lw-candidates tr")
    assert rows.count() == len(f.candidates()) + 1
    assert int(status["projections"]) == len(f.candidates())
    # the page fits a 1280 px window: the fixed-size profile chart had widened it by 12 px (a horizontal scrollbar)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.screenshot(path=str(shots / "flight-dark.png"), full_page=True)


def test_founding_article_is_supported(page: Any, server: str, shots: Path) -> None:
    page.goto(server + "/claims")
    page.fill("#lw-article", founding_article())
    page.fill('input[name="publication"]', "2024-12-28")
    page.click("#lw-check")
    page.wait_for_selector(".lw-verdict", timeout=30_000)
    assert "supported" in [v.strip() for v in page.locator(".lw-verdict").all_inner_texts()]
    status = _ready(page)
    assert int(status["tracks"]) > 0 and page.errors == []
    page.screenshot(path=str(shots / "claims.png"), full_page=True)


def test_hostile_callsign_renders_as_text(page: Any, server: str, shots: Path) -> None:
    for url in (f"/flight/{HOSTILE_ID}", f"/airframe/{HOSTILE_ASSET}", f"/?airframe={HOSTILE_ASSET}"):
        page.goto(server + url)
        _ready(page)
        assert page.evaluate("window.LW_PWNED === undefined"), url
        assert page.locator("img[src=x]").count() == 0, url
    page.goto(f"{server}/flight/{HOSTILE_ID}")
    assert page.inner_text(".lw-callsign").strip() == HOSTILE_CALLSIGN
    page.screenshot(path=str(shots / "flight-hostile.png"))


def test_other_pages_render(page: Any, server: str, shots: Path, lw: liftwatch.LiftWatch) -> None:
    f = next(iter(lw.flights(corridor=CORRIDOR)))
    for name, url in (
        ("corridors", "/corridors"),
        ("airframe", f"/airframe/{f.asset_id}"),
        ("site", "/site/al-khadim"),
        ("live", "/live"),
    ):
        page.goto(server + url)
        if name == "airframe":
            assert int(_ready(page)["tracks"]) > 0
        if name == "live":
            # a locator, not wait_for_function: a string predicate is eval, which the page's CSP refuses
            page.locator("#lw-live-state", has_text="connected").wait_for(timeout=10_000)
        page.screenshot(path=str(shots / f"{name}.png"), full_page=name != "live")
        assert page.errors == [], (name, page.errors)


def test_live_page_shows_a_running_watchs_events_as_text(
    browser: Any, demo_db: Path, tmp_path: Path, shots: Path
) -> None:
    """Events a watch appends to the live channel appear on the open live page, hostile callsign as text."""
    db = tmp_path / "live.duckdb"
    shutil.copy(demo_db, db)
    with _serve(db, live_poll_s=0.2) as url:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800})
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "/live")
        page.locator("#lw-live-state", has_text="connected").wait_for(timeout=10_000)
        channel = LiveChannel(channel_path(db))
        fid = f"{HOSTILE_ASSET}-20250105T120000Z"
        channel.flight_events([FlightEvent("takeoff", HOSTILE_ASSET, fid, 1736078400.0, 35.4, 35.95, 900.0, "hmeimim")])
        alert = Alert(
            "takeoff", "watched", HOSTILE_ASSET, fid, "2025-01-05T12:00:00Z", 35.4, 35.95, 900.0, HOSTILE_CALLSIGN,
            "hmeimim", "RU", "military",
        )  # fmt: skip
        channel.alerts([alert])
        page.wait_for_selector("#lw-events tr:nth-child(2)", timeout=10_000)
        rows = page.eval_on_selector_all("#lw-events tr", "trs => trs.map(tr => tr.innerText)")
        assert "ALERT takeoff" in rows[0] and HOSTILE_CALLSIGN in rows[0] and "watched" in rows[0]
        assert "takeoff" in rows[1] and "hmeimim" in rows[1]
        assert page.evaluate("window.LW_PWNED === undefined")
        assert page.locator("img[src=x]").count() == 0
        page.screenshot(path=str(shots / "live-watch.png"))
        assert errors == []
        ctx.close()

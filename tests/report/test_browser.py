"""The map page in a real headless Chromium, network disabled: no console errors, tracks drawn, not blank."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from liftwatch.report import ReportResult, build_report
from tests.report.fixtures import OPTS, report_flights, sitebook

pytestmark = pytest.mark.browser


def _chromium() -> str:
    exe = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if exe is None:
        pytest.skip("Chromium not installed (`make browser` installs Debian's chromium)")
    return exe


def _run(exe: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        # network off: every host resolves to nothing and any proxied request goes to a closed port
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=http://127.0.0.1:9",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=5000",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ReportResult:
    _chromium()
    return build_report(report_flights(), tmp_path_factory.mktemp("map"), OPTS, sitebook=sitebook())


def test_map_draws_tracks_without_console_errors(built: ReportResult, tmp_path: Path) -> None:
    exe = _chromium()
    proc = _run(exe, tmp_path / "profile", "--dump-dom", built.map_html.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    status = re.search(r'<div id="lw-status"[^>]*>', dom)
    assert status is not None, "map page did not produce its status element"
    attrs = dict(re.findall(r'data-([a-z]+)="([^"]*)"', status.group(0)))
    assert attrs["ready"] == "1", "map script did not finish"
    assert attrs["errors"] == "", f"page errors: {attrs['errors']}"
    n_flights = built.summary["flights"]
    assert int(attrs["tracks"]) == n_flights
    assert int(attrs["projections"]) == 12 and int(attrs["sites"]) == 6
    # Leaflet really drew them: one SVG path per track, dashed projections, site markers.
    assert len(re.findall(r'<path[^>]*class="lw-track', dom)) == n_flights
    assert len(re.findall(r'<path class="lw-dark[^>]*stroke-dasharray="6 6"', dom)) == 12
    assert len(re.findall(r'<path[^>]*class="lw-site', dom)) == 6
    console = [ln for ln in proc.stderr.splitlines() if ":CONSOLE" in ln]
    assert console == [], "console output: " + "\n".join(console)


def test_map_screenshot_is_not_blank(built: ReportResult, tmp_path: Path) -> None:
    exe = _chromium()
    shot = tmp_path / "map.png"
    proc = _run(exe, tmp_path / "profile", "--window-size=1000,700", f"--screenshot={shot}", built.map_html.as_uri())
    assert proc.returncode == 0 and shot.exists(), proc.stderr[-2000:]
    import matplotlib.image as mpimg

    img = (np.asarray(mpimg.imread(shot))[..., :3] * 255).round().astype(int)
    assert img.shape[:2] == (700, 1000)
    assert img.std() > 8, "screenshot is (nearly) uniform"
    colours = {tuple(c) for c in img.reshape(-1, 3)[::7]}
    assert len(colours) > 20
    # the busiest corridor's colour (#d55e00) is on screen: the tracks were painted, not just the outlines
    orange = np.all(np.abs(img - np.array([0xD5, 0x5E, 0x00])) < 40, axis=-1)
    assert orange.sum() > 200
    land = np.all(np.abs(img - np.array([0xF6, 0xF3, 0xEA])) < 6, axis=-1)
    assert land.sum() > 5000, "offline outline layer not drawn"

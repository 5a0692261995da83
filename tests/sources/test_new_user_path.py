"""The new-user path of README and docs/sources.md, end to end through the CLI against a loopback adsb.lol:
``fetch adsblol --from --to --country RU --region "eastern mediterranean"`` -> ``flights build`` -> ``report``.

The day holds an Il-76 flying Hmeimim -> Al-Khadim (on the ground at both ends), a Russian aircraft that stays
near Moscow (right country, wrong region) and a Swiss airliner (wrong country); the next day holds only the
Moscow one. The report must show the one flight, between the two bases, with adsb.lol's ODbL attribution.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypedDict

from typer.testing import CliRunner

from liftwatch.cli import app
from liftwatch.store import Store
from tests.sources.layouts import day_tar, release, split, trace_doc
from tests.sources.server import Site, serve

runner = CliRunner()


class _Track(TypedDict):
    """Start and per-point step of a synthetic trace (the keywords of ``trace_doc``)."""

    lat0: float
    lon0: float
    dlat: float
    dlon: float


HMEIMIM = (35.4011, 35.9487)
AL_KHADIM = (31.9985, 21.1918)


def _il76_day(day: date) -> dict[str, Any]:
    """RA-78830 taxis at Hmeimim, climbs out, cruises at FL300 to Al-Khadim, lands and taxis: a point every 20 s."""
    t0 = datetime(day.year, day.month, day.day, 5, 0, tzinfo=UTC).timestamp()
    pts: list[Any] = []
    t = 0.0

    def add(lat: float, lon: float, alt: Any, gs: float, trk: float) -> None:
        nonlocal t
        obj = {"type": "adsb_icao", "flight": "RFF7012 ", "squawk": "7012"} if len(pts) % 15 == 0 else None
        pts.append([t, round(lat, 5), round(lon, 5), alt, gs, trk, 0, 0, obj, "adsb_icao", None, None, None, None])
        t += 20.0

    for k in range(12):  # taxi at Hmeimim
        add(HMEIMIM[0] - 0.0004 * k, HMEIMIM[1], "ground", 12.0, 178.0)
    n = 330  # ~1,300 km at ~420 kt
    for i in range(1, n):
        f = i / n
        lat = HMEIMIM[0] + (AL_KHADIM[0] - HMEIMIM[0]) * f
        lon = HMEIMIM[1] + (AL_KHADIM[1] - HMEIMIM[1]) * f
        alt = min(30000, 800 + 700 * i, 800 + 700 * (n - i))
        add(lat, lon, int(alt), 420.0 if 10 < i < n - 10 else 180.0, 255.0)
    for k in range(12):  # roll-out and taxi at Al-Khadim
        add(AL_KHADIM[0], AL_KHADIM[1] + 0.0004 * k, "ground", 12.0, 90.0)
    doc = trace_doc("1546a2", day)
    doc["timestamp"], doc["trace"] = t0, pts
    return doc


def _publish(site: Site, day: date, docs: list[dict[str, Any]]) -> dict[str, Any]:
    tag = f"v{day:%Y.%m.%d}-planes-readsb-prod-0"
    tar = day_tar(docs)
    parts = split(tar, len(tar) // 2)
    rel = release(site.base, tag, parts)
    for a, p in zip(rel["assets"], parts, strict=True):
        site.files[a["browser_download_url"].removeprefix(site.base)] = p
    return rel


def test_fetch_build_report_as_documented(tmp_path: Path, monkeypatch: Any) -> None:
    from liftwatch.cli.common import console

    monkeypatch.setattr(console, "width", 200)
    db = str(tmp_path / "liftwatch.duckdb")
    d1, d2 = date(2024, 12, 10), date(2024, 12, 11)
    moscow: _Track = {"lat0": 55.6, "lon0": 37.4, "dlat": 0.001, "dlon": 0.001}
    with serve() as site:
        rels = [
            _publish(
                site,
                d1,
                [
                    _il76_day(d1),
                    trace_doc("15012c", d1, **moscow),
                    trace_doc("4b1901", d1, lat0=47.4, lon0=8.5, type_code="A320", reg="HB-JLT"),
                ],
            ),
            _publish(site, d2, [trace_doc("15012c", d2, **moscow)]),
        ]
        site.files["/repos/adsblol/globe_history_2024/releases?per_page=100"] = json.dumps(rels).encode()
        fetched = runner.invoke(
            app,
            [
                *("fetch", "adsblol", "--from", "2024-12-10", "--to", "2024-12-11"),
                *("--country", "RU", "--region", "eastern mediterranean"),
                *("--base-url", site.base, "--cache-dir", str(tmp_path / "cache"), "--db", db),
            ],
        )
    assert fetched.exit_code == 0, fetched.output
    with Store(db, read_only=True) as store:
        assert set(store.points()["asset_id"]) == {"1546a2"}  # the Moscow and Swiss aircraft were left out

    built = runner.invoke(app, ["flights", "build", "--db", db])
    assert built.exit_code == 0, built.output
    listed = runner.invoke(app, ["flights", "list", "--db", db])
    assert listed.exit_code == 0, listed.output
    rows = [line for line in listed.output.splitlines() if "1546a2-2024" in line]
    assert len(rows) == 1, listed.output  # one flight, from a takeoff at Hmeimim to a landing at Al-Khadim
    cells = [c.strip() for c in rows[0].split("│")]
    assert {"takeoff", "hmeimim", "landed", "al-khadim"} <= set(cells), rows[0]

    out = tmp_path / "report"
    reported = runner.invoke(app, ["report", "--out", str(out), "--db", db])
    assert reported.exit_code == 0, reported.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Open Database License" in html and "adsb.lol" in html
    assert "hmeimim-&gt;al-khadim" in html or "hmeimim->al-khadim" in html  # the busiest site pair
    assert "RA-78830" in html and "IL76" in html
    assert "adsb.lol" in (out / "map.html").read_text(encoding="utf-8")

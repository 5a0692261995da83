"""`liftwatch fetch` end to end against a loopback adsb.lol: the new-user path, errors that list what is allowed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from liftwatch.cli import app
from liftwatch.store import Store
from tests.sources.layouts import day_tar, release, split, trace_doc
from tests.sources.server import serve

runner = CliRunner()


def test_fetch_adsblol_country_region_then_again(tmp_path: Path, monkeypatch: Any) -> None:
    from liftwatch.cli.common import console

    monkeypatch.setattr(console, "width", 200)  # the summary table is read below, not wrapped
    db = tmp_path / "lw.duckdb"
    docs = [trace_doc("1546a2", date(2024, 12, 10)), trace_doc("4b1901", date(2024, 12, 10), lat0=47.4, lon0=8.5)]
    with serve() as site:
        tar = day_tar(docs)
        tag = "v2024.12.10-planes-readsb-prod-0"
        rel = release(site.base, tag, split(tar, len(tar) // 2))
        site.files["/repos/adsblol/globe_history_2024/releases?per_page=100"] = json.dumps([rel]).encode()
        for a, p in zip(rel["assets"], split(tar, len(tar) // 2), strict=True):
            site.files[a["browser_download_url"].removeprefix(site.base)] = p
        args = [
            "fetch",
            "adsblol",
            "--from",
            "2024-12-10",
            "--country",
            "Russia",  # a name is its code, as in `flights list --country` (it had been refused: no address block)
            "--region",
            "eastern mediterranean",
            "--base-url",
            site.base,
            "--cache-dir",
            str(tmp_path / "cache"),
            "--db",
            str(db),
        ]
        first = runner.invoke(app, args)
        second = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "done" in first.output and "Open Database License" in " ".join(first.output.split())
    assert second.exit_code == 0 and "skipped" in second.output
    with Store(db, read_only=True) as store:
        assert set(store.points()["asset_id"]) == {"1546a2"}


def test_fetch_errors_list_what_is_allowed(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    r = runner.invoke(app, ["fetch", "adsbexchange", "--from", "2024-12-01", "--db", db])
    assert r.exit_code == 2 and "adsblol" in r.output
    r = runner.invoke(app, ["fetch", "adsblol", "--from", "2024-12-01", "--country", "ZZ", "--db", db])
    assert r.exit_code == 2 and "ISO 3166 alpha-2 code" in r.output and "a country name" in r.output
    r = runner.invoke(app, ["fetch", "adsblol", "--db", db])
    assert r.exit_code == 2 and "--from" in r.output
    r = runner.invoke(app, ["fetch", "--list"])
    assert r.exit_code == 0 and "ODbL-1.0" in r.output and "dma" in r.output


def test_watch_live_source_errors_list_what_is_allowed(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.delenv("AISSTREAM_API_KEY", raising=False)
    monkeypatch.setenv("LIFTWATCH_KEYS", str(tmp_path / "none.toml"))
    db = str(tmp_path / "w.duckdb")
    r = runner.invoke(app, ["watch", "--poll", "flightradar-mil", "--db", db, "--duration", "0"])
    assert r.exit_code == 2 and "adsblol-mil" in r.output
    r = runner.invoke(app, ["watch", "--poll", "adsblol-point:35,35", "--db", db, "--duration", "0"])
    assert r.exit_code == 2 and "RADIUS_NM" in r.output
    r = runner.invoke(app, ["watch", "--ais-bbox", "30,25,38,37", "--db", db, "--duration", "0"])
    assert r.exit_code == 2 and "AISSTREAM_API_KEY" in " ".join(r.output.split())

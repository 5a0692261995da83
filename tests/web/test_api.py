"""The dashboard through FastAPI's test client, on the demo store: every page and endpoint answers what the
library answers for the same question, errors name candidates, and hostile text stays text."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import liftwatch
from liftwatch.demo import founding_article
from liftwatch.errors import LiftwatchError
from liftwatch.web import create_app
from liftwatch.web.security import CSP
from tests.web.conftest import CORRIDOR, HOSTILE_ASSET, HOSTILE_CALLSIGN, HOSTILE_ID


def _inline_scripts(html: str) -> list[str]:
    """<script> elements that would execute inline code (no src, not a JSON data island)."""
    out = []
    for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S):
        if "src=" in attrs or 'type="application/json"' in attrs:
            continue
        out.append(body)
    return out


def test_map_page_count_matches_the_library(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    r = client.get("/", params={"corridor": CORRIDOR})
    assert r.status_code == 200
    expected = len(lw.flights(corridor=CORRIDOR))
    assert expected > 20
    assert f'<b id="lw-count">{expected}</b>' in r.text
    assert r.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    assert _inline_scripts(r.text) == []
    body = client.get("/api/flights", params={"corridor": CORRIDOR}).json()
    assert body["count"] == expected == len(body["flights"])
    assert {f["id"] for f in body["flights"]} == {f.id for f in lw.flights(corridor=CORRIDOR)}
    assert body["sites"]["hmeimim"]["controller"]  # sites carry their controlling actor at the date


def test_paging_and_simplification(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    total = len(lw.flights())
    pages = [client.get("/api/flights", params={"limit": 500, "page": p, "z": 3}).json() for p in range(3)]
    assert pages[0]["count"] == total and pages[0]["pages"] == -(-total // 500)
    ids = [f["id"] for p in pages for f in p["flights"]]
    assert len(ids) == len(set(ids)) == total  # every flight once across pages
    coarse = client.get("/api/flights", params={"limit": 200, "z": 3}).json()["flights"]
    fine = client.get("/api/flights", params={"limit": 200, "z": 12}).json()["flights"]
    n_coarse, n_fine = sum(len(f["coords"]) for f in coarse), sum(len(f["coords"]) for f in fine)
    assert n_coarse < 0.6 * n_fine, (n_coarse, n_fine)
    # the ends of every track survive simplification
    assert all(c["coords"][-1] == pytest.approx(f["coords"][-1], abs=1e-3) for c, f in zip(coarse, fine, strict=True))


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("page", "two", "a whole number from 0 to 1,000,000"),
        ("page", "-1", "a whole number from 0 to 1,000,000"),
        ("limit", "50000", "a whole number from 1 to 5,000"),
        ("limit", "0", "a whole number from 1 to 5,000"),
        ("z", "near", "a number from 0 to 18"),
        ("z", "-3", "a number from 0 to 18"),
        ("z", "nan", "a number from 0 to 18"),
    ],
)
def test_a_bad_page_limit_or_zoom_is_refused_naming_the_range(
    client: TestClient, name: str, value: str, allowed: str
) -> None:
    # they had been replaced by the default or clamped, silently: limit=50000 answered 5,000 flights as a page
    r = client.get("/api/flights", params={name: value})
    assert r.status_code == 400
    body = r.json()
    assert body["field"] == name and body["candidates"] == [allowed] and allowed in body["error"]
    if name == "z":
        assert client.get("/api/flights/by-id", params={"ids": HOSTILE_ID, name: value}).status_code == 400
    assert client.get("/api/flights", params={"limit": 5000, "page": 0, "z": 17.5}).status_code == 200


def test_unknown_and_ambiguous_places_list_candidates(client: TestClient) -> None:
    r = client.get("/", params={"corridor": "Atlantis:eastern Libya"})
    assert r.status_code == 400
    assert 'id="lw-error"' in r.text and "unknown place" in r.text and "<li>" in r.text
    api = client.get("/api/flights", params={"corridor": "Atlantis:eastern Libya"})
    assert api.status_code == 400
    body = api.json()
    assert body["field"] == "corridor" and len(body["candidates"]) >= 1
    bad = client.get("/api/flights", params={"ending": "Darkish"}).json()
    assert bad["field"] == "ending" and "dark" in bad["candidates"]


def test_dark_flight_page_shows_candidates_and_neighbours(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    f = next(iter(lw.flights(corridor=CORRIDOR, ending="dark")))
    r = client.get(f"/flight/{f.id}")
    assert r.status_code == 200
    assert 'id="lw-candidates"' in r.text
    top = f.candidates().sort("prob", descending=True)["site_id"][0]
    assert f"/site/{top}" in r.text
    prev, nxt = lw.flight(f.id).neighbours()
    if prev is not None:
        assert f"/flight/{prev.id}" in r.text
    if nxt is not None:
        assert f"/flight/{nxt.id}" in r.text
    data = client.get(f"/api/flight/{f.id}").json()
    assert data["profile"]["t"] and len(data["profile"]["alt"]) == len(data["profile"]["t"])
    assert client.get("/flight/no-such-flight").status_code == 400


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    for url in (f"/flight/{HOSTILE_ID}", f"/airframe/{HOSTILE_ASSET}", "/?airframe=" + HOSTILE_ASSET):
        html = client.get(url).text
        assert HOSTILE_CALLSIGN not in html, url
        assert "<script>window.LW_PWNED" not in html, url
        assert _inline_scripts(html) == [], url
    html = client.get(f"/flight/{HOSTILE_ID}").text
    assert "&lt;img src=x" in html  # shown as text in the table
    island = re.search(r'<script type="application/json" id="lw-data">(.*?)</script>', html, flags=re.S)
    assert island is not None
    data = json.loads(island.group(1))  # the data island survived intact and parses back to the original
    assert data["flight"]["callsign"] == HOSTILE_CALLSIGN
    body = client.get("/api/flights", params={"airframe": HOSTILE_ASSET}).json()
    assert body["flights"][0]["callsign"] == HOSTILE_CALLSIGN  # JSON carries data unaltered; the page escapes it


def test_corridors_page_alerts_and_click_through(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    r = client.get("/corridors")
    assert r.status_code == 200
    analysis = lw.analyse()
    assert r.text.count('class="lw-alert"') == len(analysis.alerts) > 0
    assert "syria-&gt;eastern-libya" in r.text
    link = re.search(r'href="/\?(corridor=syria%3Aeastern-libya[^"]*)"', r.text)
    assert link is not None
    assert client.get("/?" + link.group(1).replace("&amp;", "&")).status_code == 200
    assert client.get("/corridors", params={"level": "site"}).status_code == 200
    assert client.get("/corridors", params={"level": "planet"}).status_code == 400


def test_airframe_and_site_pages(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    f = next(iter(lw.flights(corridor=CORRIDOR)))
    r = client.get(f"/airframe/{f.asset_id}")
    assert r.status_code == 200 and f"{len(lw.flights(asset=f.asset_id)):,} flights stored" in r.text
    s = client.get("/site/Khmeimim")
    assert s.status_code == 200 and "Control over time" in s.text and "Russia" in s.text
    arrivals = s.text.split("Arrivals by class")[1].split("Departures by class")[0]
    legs = re.findall(r"<td>([a-z0-9-]+)-&gt;([a-z0-9-]+)</td>", arrivals)
    assert legs and all(dst == "hmeimim" for _, dst in legs)  # only legs ending here, not other candidates
    assert client.get("/site/syria").status_code == 400  # a region is not a site: clear error


def test_claim_check_of_the_founding_article(client: TestClient) -> None:
    r = client.post("/claims", data={"article": founding_article(), "publication": "2024-12-28"})
    assert r.status_code == 200
    assert re.search(r'class="lw-verdict lw-v-supported">supported<', r.text)
    assert "/flight/" in r.text
    empty = client.post("/claims", data={"article": "  "})
    assert empty.status_code == 400


def test_claim_page_marks_guessed_sites_as_the_library_does(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    """A dark flight matched on a ranked guess below the confidence threshold shows ``al-khadim?``, not a landing."""
    checked = lw.check(text=founding_article(), publication=date(2024, 12, 28))
    rows = [f for r in checked.results for f in r.to_dict()["flights"][:100]]
    guessed = sum(bool(f["dep_site_guess"]) + bool(f["arr_site_guess"]) for f in rows)
    assert any(f["arr_site_guess"] == "al-khadim" for f in rows)
    r = client.post("/claims", data={"article": founding_article(), "publication": "2024-12-28"})
    assert r.text.count('class="lw-guess"') == guessed
    assert '<span class="lw-guess" title="best guess below the confidence threshold">al-khadim?</span>' in r.text


def test_a_bad_publication_date_is_shown_on_the_form_with_the_article_kept(client: TestClient) -> None:
    # it had replaced the page with an error page, and the pasted article was lost
    article = "Two Il-76 flew from Hmeimim to al-Khadim on 20 December."
    r = client.post("/claims", data={"article": article, "publication": "20/12/2024"})
    assert r.status_code == 400
    assert 'id="lw-claims-form"' in r.text and 'id="lw-error"' in r.text
    assert "not a date: &#39;20/12/2024&#39; (expected YYYY-MM-DD)" in r.text
    assert f">{article}</textarea>" in r.text


def test_exports_hold_the_current_view(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    n = len(lw.flights(corridor=CORRIDOR))
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv", params={"corridor": CORRIDOR}).text)))
    assert len(rows) == n
    gj = client.get("/export.geojson", params={"corridor": CORRIDOR}).json()
    kinds = [f["properties"]["kind"] for f in gj["features"]]
    assert kinds.count("flight") == n and "dark_projection" in kinds and "site" in kinds
    kml = client.get("/export.kml", params={"corridor": CORRIDOR})
    root = ET.fromstring(kml.content)
    assert len(root.findall(".//{http://www.opengis.net/kml/2.2}LineString")) >= n
    assert "attachment" in kml.headers["content-disposition"]


def test_live_stream_reports_the_store(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    r = client.get("/api/live", params={"once": "1"})
    assert r.headers["content-type"].startswith("text/event-stream")
    event, data = r.text.split("\n")[:2]
    assert event == "event: store"
    assert json.loads(data[len("data: ") :])["flights"] == len(lw.flights())


def test_store_is_read_only(client: TestClient) -> None:
    state = client.app.state.web  # type: ignore[attr-defined]
    with state.session() as handle, pytest.raises(Exception, match="read-only"):
        handle.store.con.execute("CREATE TABLE nope (i INTEGER)")


def test_writers_get_the_file_between_requests_and_live_sees_their_rows(tmp_path: Path) -> None:
    """The dashboard holds no lock between requests: another process can write, and the next poll sees it."""
    import subprocess
    import sys

    from tests.conftest import make_points

    db = tmp_path / "live.duckdb"
    with liftwatch.open(db) as w:
        w.store.ingest_table(make_points(50, asset="155abc"))
    app = create_app(db, allowed_hosts=("testserver",), live_poll_s=0.05)
    c = TestClient(app)
    first = json.loads(c.get("/api/live", params={"once": "1"}).text.split("\n")[1][6:])
    assert first["points"] == 50
    # a writer in another process (DuckDB's lock is per process) can open the file while the dashboard runs
    code = (
        "import sys, liftwatch; from tests.conftest import make_points; "
        f"lw = liftwatch.open({str(db)!r}); lw.store.ingest_table(make_points(30, asset='155abd')); lw.close()"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert proc.returncode == 0, proc.stderr[-2000:]
    after = json.loads(c.get("/api/live", params={"once": "1"}).text.split("\n")[1][6:])
    assert after["points"] == 80


def test_security_host_token_and_upload_limit(demo_db: Path) -> None:
    with pytest.raises(LiftwatchError, match="--token"):
        create_app(demo_db, host="0.0.0.0")
    with pytest.raises(LiftwatchError, match="12 characters"):
        create_app(demo_db, host="0.0.0.0", token="short")
    local = TestClient(create_app(demo_db))  # loopback default: only loopback host names are answered
    assert local.get("/", headers={"host": "evil.example:8765"}).status_code == 421
    assert local.get("/static/web.css", headers={"host": "127.0.0.1:8765"}).status_code == 200
    secret = "correct-horse-battery"
    app = create_app(demo_db, host="0.0.0.0", token=secret, max_upload=10_000)
    c = TestClient(app)
    assert c.get("/").status_code == 401
    assert c.get("/", params={"token": "wrong-horse-battery"}).status_code == 401
    assert c.get("/api/count", headers={"authorization": f"Bearer {secret}"}).status_code == 200
    first = c.get("/live", params={"token": secret})
    assert first.status_code == 200 and "lw_token" in first.headers["set-cookie"]
    assert "HttpOnly" in first.headers["set-cookie"]
    assert c.get("/live").status_code == 200  # the cookie now carries the token
    auth = {"authorization": f"Bearer {secret}"}
    big = c.post("/claims", content=b"article=" + b"x" * 20_000, headers=auth)
    assert big.status_code == 413
    assert c.post("/claims", data={"article": "no claims here"}, headers=auth).status_code == 200


def test_cli_serve_refuses_an_open_bind_without_token(demo_db: Path) -> None:
    from typer.testing import CliRunner

    from liftwatch.cli import app

    res = CliRunner().invoke(app, ["serve", "--db", str(demo_db), "--host", "0.0.0.0"])
    assert res.exit_code == 2 and "--token" in " ".join(res.output.split())
    res = CliRunner().invoke(app, ["serve", "--db", str(demo_db.parent / "missing.duckdb")])
    assert res.exit_code == 2 and "no liftwatch database" in " ".join(res.output.split())
    assert CliRunner().invoke(app, ["serve", "--help"]).exit_code == 0


def test_a_country_name_is_its_code_and_an_unknown_country_lists_the_forms(
    client: TestClient, lw: liftwatch.LiftWatch
) -> None:
    # the table stores ISO2 codes: "Russia" had selected nothing, silently, under "country RUSSIA"
    expected = len(lw.flights(country="RU"))
    assert expected > 0
    assert client.get("/api/count", params={"country": "Russia"}).json()["count"] == expected
    bad = client.get("/api/count", params={"country": "Narnia"})
    assert bad.status_code == 400 and bad.json()["field"] == "country"
    assert any("alpha-2" in c for c in bad.json()["candidates"])


def test_a_window_ending_before_it_starts_is_an_error(client: TestClient) -> None:
    r = client.get("/api/count", params={"start": "2024-12-20", "end": "2024-12-19"})
    assert r.status_code == 400 and r.json()["field"] == "end"  # it had answered one flight
    assert "on or after the first day 2024-12-20" in r.json()["error"]


def test_the_map_date_pickers_end_is_through_that_day(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    # "from 12/20 to 12/20" had selected only flights in the air at midnight; the corridors page and
    # `report --to` read the same picker as the whole day
    day = client.get("/api/count", params={"start": "2024-12-20", "end": "2024-12-20"}).json()["count"]
    assert day == len(lw.flights().between("2024-12-20", "2024-12-21")) > 10
    timed = client.get("/api/count", params={"start": "2024-12-20", "end": "2024-12-20T12:00Z"}).json()["count"]
    assert timed == len(lw.flights().between("2024-12-20", "2024-12-20T12:00Z")) < day


def test_flight_page_marks_estimated_arrivals_and_guessed_sites(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    def arrival(flight_id: str) -> str:
        html = client.get(f"/flight/{flight_id}").text
        found = re.search(r"<th>arrival</th><td>(.*?)</td>", html, flags=re.S)
        assert found is not None
        return found.group(1)

    dark = lw.flights(ending="dark").to_polars()
    sure = dark.filter(dark["arr_conf"] >= 0.5)["flight_id"][0]
    weak = dark.filter(dark["arr_conf"] < 0.5)["flight_id"][0]
    assert '<span id="lw-arr-time">~20' in arrival(sure)  # projected, not seen: marked like `flights list` does
    shown = arrival(weak)
    assert '?</a> <span id="lw-arr-time"></span>' in shown  # a guess, and no time estimated from it
    landed = lw.flights(ending="landed").to_polars()["flight_id"][0]
    assert '<span id="lw-arr-time">20' in arrival(landed)


def test_web_doc_names_every_filter_parameter_and_a_value_it_refuses(client: TestClient) -> None:
    # docs/web.md had named no parameter (a user typing `?from=` got every flight) and given `ending=Dark`, which
    # is accepted (case is forgiven), as its example of a refused value
    from liftwatch.web.query import FILTER_PARAMS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    rows = [line.split("|")[1] for line in doc.splitlines() if line.startswith("| `")]
    for name in FILTER_PARAMS:
        assert any(f"`{name}`" in row for row in rows), name
    refused = re.search(r"a value outside its allowed set \(`(\w+)=(\w+)`", doc)
    assert refused is not None
    assert client.get("/api/count", params={refused[1]: refused[2]}).status_code == 400


def test_map_popups_and_flight_tables_mark_guessed_sites(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    # the map's popups and the airframe/site tables had shown a site at p=0.18 as where the flight went
    dark = lw.flights(ending="dark").to_polars()
    weak = dark.filter(dark["arr_conf"] < 0.5).row(0, named=True)
    sure = dark.filter(dark["arr_conf"] >= 0.5).row(0, named=True)
    items = {f["id"]: f for f in client.get("/api/flights", params={"limit": 5000}).json()["flights"]}
    assert items[weak["flight_id"]]["arr"] == weak["arr_site"] and items[weak["flight_id"]]["arr_guess"] is True
    assert items[sure["flight_id"]]["arr_guess"] is False
    html = client.get(f"/airframe/{weak['asset_id']}").text
    row = html.split(f'href="/flight/{weak["flight_id"]}"')[1].split("</tr>")[0]
    assert f">{weak['arr_site']}?</a>" in row


def test_airframe_routes_fold_minor_corridors_as_the_report_does(client: TestClient, lw: liftwatch.LiftWatch) -> None:
    # the Routes table had listed every share of a dark flight's candidates: many rows of "0.0" expected flights
    dark = lw.flights(ending="dark").to_polars()
    minor = {a: lw.flights(asset=a).corridors(level="site", by=()) for a in dark["asset_id"].unique().to_list()}
    asset, routes = max(minor.items(), key=lambda kv: kv[1].filter(kv[1]["flights_expected"] < 0.5).height)
    n_minor = routes.filter(routes["flights_expected"] < 0.5).height
    assert n_minor >= 3
    html = client.get(f"/airframe/{asset}").text
    table = html.split("<h2>Routes</h2>")[1].split("</table>")[0]
    cells = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td>", table)
    assert re.search(r"-&gt;other or uncertain \(\d+ destinations\)", table), table
    assert len(cells) < routes.height  # the shares are summed, not listed
    shown = [c for c, _ in cells]
    assert len([c for c, n in cells if float(n or 0) < 0.5]) <= len({c.split("-&gt;")[0] for c in shown})
    assert 'id="lw-routes-note"' in html and "below 0.5 expected flights" in html

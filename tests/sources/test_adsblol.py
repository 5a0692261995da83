"""adsb.lol globe_history against a loopback server in the real layout: paginated releases, split tar parts,
gzip-in-tar members, 429/5xx, a connection cut mid-part, a truncated last part, resume, idempotency."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from liftwatch import sources
from liftwatch.sources.http import Http, RetryPolicy
from liftwatch.sources.selection import Selection
from liftwatch.store import Store
from tests.frames import typed
from tests.sources.layouts import day_tar, release, split, trace_doc
from tests.sources.server import Site, serve

DAY = date(2024, 12, 10)
TAG = "v2024.12.10-planes-readsb-prod-0"


def _docs() -> list[dict[str, Any]]:
    return [
        trace_doc("1546a2", DAY),  # RU, Il-76 over Syria heading into the eastern Mediterranean
        trace_doc("15012c", DAY, lat0=55.6, lon0=37.4, dlat=0.001, dlon=0.001),  # RU, stays near Moscow
        trace_doc("4b1901", DAY, lat0=47.4, lon0=8.5, type_code="A320", reg="HB-JLT"),  # CH civil
        trace_doc("ae0455", DAY, lat0=32.7, lon0=-117.2, db_flags=1, type_code="C2", reg="162175"),  # US military
        trace_doc("3b7777", DAY, lat0=43.5, lon0=4.9, db_flags=1, type_code="K35R", reg="FAF"),  # FR military
    ]


def _publish(
    site: Site, docs: list[dict[str, Any]], *, cut_at: int | None = None, pages: bool = True, digests: bool = True
) -> list[bytes]:
    tar = day_tar(docs)
    parts = split(tar, cut_at or len(tar) // 2 + 123)
    digest = [hashlib.sha256(p).hexdigest() for p in parts] if digests else None
    rel = release(site.base, TAG, parts, digests=digest)
    other = [{"tag_name": f"v2024.12.{d:02d}-planes-readsb-prod-0", "assets": []} for d in range(1, 10)]
    repo = "/repos/adsblol/globe_history_2024/releases"
    if pages:  # two pages linked by a GitHub Link header
        site.files[f"{repo}?per_page=100"] = lambda _p: (
            json.dumps(other).encode(),
            {
                "Link": f'<{{base}}{repo}?per_page=100&page=2>; rel="next", <{{base}}{repo}?per_page=100&page=2>; rel="last"'
            },
        )
        site.files[f"{repo}?per_page=100&page=2"] = json.dumps([rel]).encode()
    else:
        site.files[f"{repo}?per_page=100"] = json.dumps([*other, rel]).encode()
    for a, p in zip(rel["assets"], parts, strict=True):
        site.files[a["browser_download_url"].removeprefix(site.base)] = p
    return parts


def _http() -> Http:
    return Http(policy=RetryPolicy(attempts=4, initial_s=0.01, max_s=0.05, retry_after_cap_s=0.05))


def _fetch(site: Site, store: Store, tmp_path: Path, sel: Selection | None = None, **kw: Any) -> sources.FetchReport:
    return sources.fetch(
        "adsblol",
        store,
        start=DAY,
        selection=sel or Selection.build(countries="RU"),
        base_url=site.base,
        cache_dir=tmp_path / "cache",
        http=_http(),
        **kw,
    )


def test_country_filter_streams_split_parts_and_ingests(store: Store, tmp_path: Path) -> None:
    with serve() as site:
        parts = _publish(site, _docs())
        rep = _fetch(site, store, tmp_path)
    (item,) = rep.items
    assert item.status == "done", item.note
    assert item.members_seen == 5 and item.members_kept == 2
    assert item.bytes == sum(len(p) for p in parts)
    pts = store.points()
    assert set(pts["asset_id"]) == {"1546a2", "15012c"}
    assert set(pts["source"]) == {"adsblol"}
    assert pts.height == 100
    assert store.attributions() == [
        {"source": "adsblol", "licence": "ODbL-1.0", "attribution": sources.source_info("adsblol").attribution}
    ]


def test_second_run_does_nothing_and_release_list_is_cached(store: Store, tmp_path: Path) -> None:
    with serve() as site:
        _publish(site, _docs())
        _fetch(site, store, tmp_path)
        n = len(site.requests)
        rep = _fetch(site, store, tmp_path)
        assert len(site.requests) == n  # no request at all
        assert rep.items[0].status == "skipped"
        # another selection of the same day runs again, from the cached release list (no API call)
        rep2 = _fetch(site, store, tmp_path, Selection.build(military=True))
        api_calls = [r for r in site.requests[n:] if r[0].startswith("/repos/")]
        assert api_calls == []
    assert rep2.items[0].members_kept == 2  # dbFlags military bit in the trace headers
    assert set(store.points()["asset_id"]) == {"1546a2", "15012c", "ae0455", "3b7777"}


def test_region_keeps_aircraft_that_entered_it(store: Store, tmp_path: Path) -> None:
    sel = Selection.build(countries="RU", region="eastern mediterranean")
    with serve() as site:
        _publish(site, _docs())
        rep = _fetch(site, store, tmp_path, sel)
    assert rep.items[0].members_kept == 1
    pts = store.points()
    assert set(pts["asset_id"]) == {"1546a2"} and pts.height == 50  # whole trace kept (not clipped)


def test_clip_keeps_only_points_inside_bbox(store: Store, tmp_path: Path) -> None:
    sel = Selection.build(countries="RU", bbox="34.9,30,40,35.5", clip=True)
    with serve() as site:
        _publish(site, _docs())
        _fetch(site, store, tmp_path, sel)
    pts = store.points()
    assert 0 < pts.height < 50
    assert typed(pts["lat"].max(), float) <= 40 and typed(pts["lon"].max(), float) <= 35.5
    assert typed(pts["lat"].min(), float) >= 34.9


def test_429_and_503_are_retried_honouring_retry_after(store: Store, tmp_path: Path) -> None:
    slept: list[float] = []
    http = Http(policy=RetryPolicy(attempts=5, initial_s=0.01, max_s=0.02, retry_after_cap_s=0.5, sleep=slept.append))
    with serve() as site:
        _publish(site, _docs())
        site.faults["/repos/adsblol/globe_history_2024/releases"] = [("status", 429, {"Retry-After": "7"})]
        site.faults[f"/dl/{TAG}/{TAG}.tar.ab"] = [("status", 503, {}), ("status", 502, {})]
        rep = sources.fetch(
            "adsblol",
            store,
            start=DAY,
            selection=Selection.build(countries="RU"),
            base_url=site.base,
            cache_dir=tmp_path / "c",
            http=http,
        )
    assert rep.items[0].status == "done"
    assert slept[0] == 0.5  # Retry-After 7 s, capped by the policy
    assert len(slept) == 3
    assert store.points().height == 100


def test_connection_cut_mid_part_resumes_by_range(store: Store, tmp_path: Path) -> None:
    with serve() as site:
        parts = _publish(site, _docs())
        site.faults[f"/dl/{TAG}/{TAG}.tar.aa"] = [("cut", 1000)]
        site.faults[f"/dl/{TAG}/{TAG}.tar.ab"] = [("cut", 700)]
        rep = _fetch(site, store, tmp_path)
        ranges = [r for p, r in site.requests if p.startswith("/dl/")]
    assert rep.items[0].status == "done", rep.items[0].note
    assert "bytes=1000-" in ranges and "bytes=700-" in ranges
    assert rep.items[0].bytes == sum(len(p) for p in parts)
    assert store.points().height == 100


def test_checksum_mismatch_is_an_error_not_silent(store: Store, tmp_path: Path) -> None:
    with serve() as site:
        _publish(site, _docs())
        repo = "/repos/adsblol/globe_history_2024/releases?per_page=100&page=2"
        rel = json.loads(typed(site.files[repo], bytes))
        rel[0]["assets"][1]["digest"] = "sha256:" + "0" * 64
        site.files[repo] = json.dumps(rel).encode()
        rep = _fetch(site, store, tmp_path)
    item = rep.items[0]
    assert item.status == "partial" and "checksum mismatch" in item.note
    assert rep.failed


def test_truncated_last_part_keeps_members_before_and_resumes(store: Store, tmp_path: Path) -> None:
    import io
    import tarfile

    docs = _docs()
    tar = day_tar(docs)
    with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
        offsets = [m.offset_data for m in tf if "trace_full" in m.name]
    at = offsets[2] - 600  # part b starts inside the third trace's header block region
    cut = offsets[4] + 40  # ...and the published part b stops inside the last trace's data
    with serve() as site:
        parts = _publish(site, docs, cut_at=at, digests=False)
        good_b = parts[1]
        short = good_b[: cut - at]
        site.files[f"/dl/{TAG}/{TAG}.tar.ab"] = short
        repo = "/repos/adsblol/globe_history_2024/releases?per_page=100&page=2"
        rel = json.loads(typed(site.files[repo], bytes))
        rel[0]["assets"][1]["size"] = len(short)
        site.files[repo] = json.dumps(rel).encode()
        rep = _fetch(site, store, tmp_path, Selection())
        assert rep.items[0].status == "partial" and "truncated" in rep.items[0].note, rep.items[0].note
        first = set(store.points()["asset_id"])
        assert first == {d["icao"] for d in docs[:4]}
        # the source is repaired: the next run resumes at the first member not committed (a Range request)
        site.files[f"/dl/{TAG}/{TAG}.tar.ab"] = good_b
        rel[0]["assets"][1]["size"] = len(good_b)
        site.files[repo] = json.dumps(rel).encode()
        n = len(site.requests)
        rep2 = _fetch(site, store, tmp_path, Selection(), refresh=True)
        ranged = [r for p, r in site.requests[n:] if p.startswith("/dl/") and r]
    assert rep2.items[0].status == "done", rep2.items[0].note
    assert ranged, "resume must use an HTTP range"
    assert rep2.items[0].members_seen == 1
    assert set(store.points()["asset_id"]) == {d["icao"] for d in docs}
    assert store.points().height == 250  # nothing twice


def test_missing_day_and_staging_fallback(store: Store, tmp_path: Path) -> None:
    with serve() as site:
        tar = day_tar(_docs()[:1])
        stag = "v2024.12.10-planes-readsb-staging-0"
        rel = release(site.base, stag, [tar])
        site.files["/repos/adsblol/globe_history_2024/releases?per_page=100"] = json.dumps([rel]).encode()
        site.files[f"/dl/{stag}/{stag}.tar.aa"] = tar
        rep = sources.fetch(
            "adsblol",
            store,
            start="2024-12-10",
            end="2024-12-11",
            selection=Selection(),
            base_url=site.base,
            cache_dir=tmp_path / "c",
            http=_http(),
        )
    assert [i.status for i in rep.items] == ["done", "missing"]
    assert rep.items[0].item == stag


def test_unknown_country_and_region_list_candidates() -> None:
    from liftwatch.errors import LiftwatchError

    with pytest.raises(LiftwatchError, match=r"ISO 3166 alpha-2 code such as RU.*a country name such as Russia"):
        Selection.build(countries="XX")  # no country at all: the forms allowed, as in every flight filter
    with pytest.raises(LiftwatchError, match="AQ: no ICAO address block for it; ISO2 codes with blocks"):
        Selection.build(countries="Antarctica")  # a country, but no address block to select by
    with pytest.raises(LiftwatchError, match="candidates"):  # resolved like every place name
        Selection.build(region="atlantis of the north")


def test_a_country_name_is_its_code_as_in_the_flight_filters() -> None:
    # `fetch --country Russia` had been refused as having no ICAO address block
    assert Selection.build(countries="Russia, Беларусь,sy").countries == ("BY", "RU", "SY")


def test_constant_time_address_table_agrees_with_the_kb() -> None:
    import numpy as np

    from liftwatch.kb import icao_countries

    rng = np.random.default_rng(1)
    hexes = [f"{a:06x}" for a in rng.integers(0, 1 << 24, 20_000)] + ["1546a2", "4b1901", "7c0000", "0d0000"]
    for sel in (Selection.build(countries="RU,SY,LY,BY"), Selection.build(countries="GB"), Selection()):
        fast = np.array([sel.address_ok(h) for h in hexes])
        want = (
            np.isin(icao_countries(list[str | None](hexes)).astype(str), list(sel.countries))
            if sel.countries
            else np.ones(len(hexes), bool)
        )
        assert (fast == want).all()
        assert (sel.address_mask(hexes) == want).all()


def test_github_rate_limit_is_a_clear_error(store: Store, tmp_path: Path) -> None:
    from liftwatch.errors import LiftwatchError

    with serve() as site:
        _publish(site, _docs())
        site.faults["/repos/adsblol/globe_history_2024/releases"] = [
            ("status", 403, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1764486000"})
        ]
        with pytest.raises(LiftwatchError, match=r"GITHUB_TOKEN or try again after \d\d:\d\d UTC"):
            _fetch(site, store, tmp_path)


def test_year_end_day_is_found_in_next_years_repository(store: Store, tmp_path: Path) -> None:
    """2024-12-31 was uploaded in 2025: its release is in ``globe_history_2025``, not ``_2024``."""
    day = date(2024, 12, 31)
    tag = "v2024.12.31-planes-readsb-prod-0"
    with serve() as site:
        tar = day_tar([trace_doc("1546a2", day)])
        site.files["/repos/adsblol/globe_history_2024/releases?per_page=100"] = b"[]"
        rel = release(site.base, tag, [tar])
        site.files["/repos/adsblol/globe_history_2025/releases?per_page=100"] = json.dumps([rel]).encode()
        site.files[f"/dl/{tag}/{tag}.tar.aa"] = tar
        rep = sources.fetch(
            "adsblol", store, start=day, selection=Selection(), base_url=site.base, cache_dir=tmp_path, http=_http()
        )
    assert [(i.item, i.status) for i in rep.items] == [(tag, "done")]
    assert store.points().height > 0


@pytest.mark.parametrize(
    ("tags", "chosen"),
    [
        # 2023-02-16..03-02: only the test pods; the second replica (-1) is never taken
        (["v2023.02.20-planes-readsb-test-1", "v2023.02.20-planes-readsb-test-0"], "v2023.02.20-planes-readsb-test-0"),
        # 2025-05-28..: only the 0tmp pods
        (
            ["v2025.06.01-planes-readsb-staging-0tmp", "v2025.06.01-planes-readsb-prod-0tmp"],
            "v2025.06.01-planes-readsb-prod-0tmp",
        ),
        # mlatonly is a subset (multilateration only): never taken, even alone
        (["v2024.10.07-planes-readsb-mlatonly-0"], None),
        (
            ["v2024.10.07-planes-readsb-mlatonly-0", "v2024.10.07-planes-readsb-staging-0"],
            "v2024.10.07-planes-readsb-staging-0",
        ),
        (["v2023.06.01-planes-readsb-prod-1", "v2023.06.01-planes-readsb-prod-0"], "v2023.06.01-planes-readsb-prod-0"),
    ],
)
def test_release_pod_order(tags: list[str], chosen: str | None) -> None:
    from liftwatch.sources.adsblol import release_for

    day = date(int(tags[0][1:5]), int(tags[0][6:8]), int(tags[0][9:11]))
    rels = [release("https://x", t, [b"a", b"b"]) for t in tags]
    got = release_for(rels, day)
    assert (got.tag if got else None) == chosen
    if got is not None:
        assert [p.url.rsplit("/", 1)[-1] for p in got.parts] == [f"{chosen}.tar.aa", f"{chosen}.tar.ab"]


def test_release_single_tar_and_foreign_assets() -> None:
    """A day under 2 GB is one ``<tag>.tar``; assets not named after the tag are not parts."""
    from liftwatch.sources.adsblol import release_for

    tag = "v2024.11.29-planes-readsb-prod-0"
    rel = {
        "tag_name": tag,
        "assets": [
            {"name": f"{tag}.tar", "size": 10, "browser_download_url": f"https://x/{tag}.tar"},
            {"name": "other.tar", "size": 10, "browser_download_url": "https://x/other.tar"},
        ],
    }
    got = release_for([rel], date(2024, 11, 29))
    assert got is not None and [p.url for p in got.parts] == [f"https://x/{tag}.tar"]


def test_url_templates_pinned() -> None:
    """The templates as published (github.com/adsblol/globe_history_<year>: RELEASES.md, ALL_RELEASES.txt)."""
    from liftwatch.errors import LiftwatchError
    from liftwatch.sources.adsblol import check_day, releases_url, repo_years, tag_for

    assert tag_for(date(2024, 12, 10)) == "v2024.12.10-planes-readsb-prod-0"
    assert tag_for(date(2025, 6, 1), "staging-0tmp") == "v2025.06.01-planes-readsb-staging-0tmp"
    assert releases_url(2024) == "https://api.github.com/repos/adsblol/globe_history_2024/releases?per_page=100"
    assert repo_years(date(2024, 12, 31)) == [2024, 2025]
    assert repo_years(date(2024, 1, 1)) == [2024, 2023]
    assert repo_years(date(2024, 6, 1)) == [2024]
    assert repo_years(date(2023, 1, 20)) == [2023]
    check_day(date(2023, 2, 16))
    with pytest.raises(LiftwatchError, match="2023-02-16"):
        check_day(date(2023, 2, 15))

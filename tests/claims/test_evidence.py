"""Verdicts on constructed flights tables: supported / partly / no evidence (with coverage) / contradicted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from liftwatch.claims import CONTRADICTED, NO_EVIDENCE, PARTLY, SUPPORTED, check, extract
from liftwatch.claims.evidence import ClaimResult
from liftwatch.claims.places import Gazetteer
from liftwatch.store import Store
from tests.claims.flights_factory import T0, coverage_points, flight, flights_table

PUB = date(2024, 12, 18)
SEED = "Russian cargo planes have been making multiple flights from Hmeimim to the Al-Khadim air base in eastern Libya."
ONE = "A Russian Il-76 flew from Hmeimim to the Al-Khadim air base on 11 December 2024."


def _verdict(text: str, store: Store, gaz: Gazetteer, pub: date | None = PUB) -> ClaimResult:
    ex = extract(text, pub, gazetteer=gaz)
    assert len(ex.claims) == 1, [c.summary() for c in ex.claims]
    return check(ex, store, gazetteer=gaz)[0]


def test_supported_with_landed_and_dark_flights(store: Store, fake_gaz: Gazetteer) -> None:
    rows = [flight("155abc", "hmeimim", "al-khadim", T0 + timedelta(days=i)) for i in range(3)]
    rows.append(
        flight("155abd", "hmeimim", None, T0 + timedelta(days=1), ending="dark",
               candidates=[("al-khadim", 0.7), ("benina", 0.2)])
    )  # fmt: skip
    rows.append(flight("4b1805", "hmeimim", "al-khadim", T0, type_code="A320", country="SY", classification="civil"))
    store.write_flights(flights_table(rows))
    r = _verdict(SEED, store, fake_gaz)
    assert r.verdict == SUPPORTED
    assert r.n_full == 4  # the dark flight counts through its ranked destination
    assert set(r.flights.filter(r.flights["match"] == "full")["asset_id"]) == {"155abc", "155abd"}
    dark = r.flights.filter(r.flights["asset_id"] == "155abd").row(0, named=True)
    assert dark["dest_prob"] == pytest.approx(0.7) and dark["ending"] == "dark"
    assert r.other_route_traffic == 1  # the Syrian airliner is reported, not counted
    assert sum(n for _, n in r.counts_by_day) == 4
    assert {a["asset_id"] for a in r.assets} == {"155abc", "155abd"}


def test_partly_when_fewer_flights_than_claimed(store: Store, fake_gaz: Gazetteer) -> None:
    store.write_flights(flights_table([flight("155abc", "hmeimim", "al-khadim", T0)]))
    r = _verdict(SEED, store, fake_gaz)
    assert r.verdict == PARTLY
    assert any("fewer than the 2" in x for x in r.reasons)


def test_partly_when_only_the_broader_region_matches(store: Store, fake_gaz: Gazetteer) -> None:
    text = "Russian Il-76 aircraft flew from Hmeimim to the Al-Khadim air base in eastern Libya on 11 December."
    store.write_flights(flights_table([flight("155abc", "hmeimim", "benina", T0 + timedelta(days=1))]))
    r = _verdict(text, store, fake_gaz)
    assert r.verdict == PARTLY
    assert r.n_full == 0 and r.n_partial == 1
    assert "benina" in r.flights["why"][0]


def test_partly_when_dark_destination_is_uncertain(store: Store, fake_gaz: Gazetteer) -> None:
    rows = [flight("155abc", "hmeimim", None, T0 + timedelta(days=1), ending="dark",
                   candidates=[("benina", 0.6), ("al-khadim", 0.3)])]  # fmt: skip
    store.write_flights(flights_table(rows))
    r = _verdict(ONE, store, fake_gaz)
    assert r.verdict == PARTLY
    assert "low-ranked" in r.flights["why"][0]


def test_no_evidence_without_coverage(store: Store, fake_gaz: Gazetteer) -> None:
    store.write_flights(flights_table([flight("155abc", "chkalovsky", "hmeimim", T0)]))
    r = _verdict(SEED, store, fake_gaz)
    assert r.verdict == NO_EVIDENCE
    assert any("no coverage" in x for x in r.reasons)
    assert all(c.level == "none" for c in r.coverage)


def test_no_evidence_despite_coverage_for_a_single_flight(store: Store, fake_gaz: Gazetteer) -> None:
    store.ingest_table(coverage_points(32.15, 20.9, T0 - timedelta(days=2), 6))  # around Al-Khadim
    store.write_flights(flights_table([flight("155abc", "chkalovsky", "hmeimim", T0)]))
    r = _verdict(ONE, store, fake_gaz)
    assert r.verdict == NO_EVIDENCE  # one unseen flight is not a contradiction
    assert any("despite good coverage" in x for x in r.reasons)
    assert any(c.level == "good" for c in r.coverage)


def test_contradicted_repeated_flights_despite_good_coverage(store: Store, fake_gaz: Gazetteer) -> None:
    start = T0 - timedelta(days=25)
    store.ingest_table(coverage_points(32.15, 20.9, start, 34, asset="aaa001"))  # Al-Khadim area
    store.ingest_table(coverage_points(35.40, 35.95, start, 34, asset="aaa002"))  # Hmeimim area
    store.write_flights(flights_table([flight("155abc", "chkalovsky", "hmeimim", T0)]))
    r = _verdict(SEED, store, fake_gaz)
    assert r.verdict == CONTRADICTED
    assert any("repeated" in x for x in r.reasons)


def test_sparse_coverage_is_not_enough_to_contradict(store: Store, fake_gaz: Gazetteer) -> None:
    store.ingest_table(coverage_points(32.15, 20.9, T0, 3, asset="aaa001"))
    store.ingest_table(coverage_points(35.40, 35.95, T0, 3, asset="aaa002"))
    r = _verdict(SEED, store, fake_gaz)
    assert r.verdict == NO_EVIDENCE
    assert any(c.level == "sparse" for c in r.coverage)


def test_named_ship_seen_elsewhere_contradicts(store: Store, fake_gaz: Gazetteer) -> None:
    text = "The Russian cargo ship Sparta II sailed from Tartus to Tobruk on 10 December 2024."
    store.ingest_table(coverage_points(32.07, 23.98, T0 - timedelta(days=3), 8, domain="sea", asset="273000001"))
    voyage = flight("273311620", "latakia-port", "benghazi-port", T0, domain="sea", type_code=None,
                    registration="SPARTA II", callsign="UBXJ2")  # fmt: skip
    store.write_flights(flights_table([voyage]))
    r = _verdict(text, store, fake_gaz)
    assert r.verdict == CONTRADICTED
    assert any("Sparta II tracked elsewhere" in x for x in r.reasons)


def test_named_ship_supported(store: Store, fake_gaz: Gazetteer) -> None:
    text = "The Russian cargo ship Sparta II sailed from Tartus to Tobruk on 10 December 2024."
    voyage = flight("273311620", "tartus", "tobruk-port", T0, domain="sea", type_code=None, hours=90)
    store.write_flights(flights_table([voyage]))
    r = _verdict(text, store, fake_gaz)
    assert r.verdict == SUPPORTED and r.flights["asset_id"].to_list() == ["273311620"]


def test_via_needs_the_stop(store: Store, fake_gaz: Gazetteer) -> None:
    text = "A Russian An-124 flew from Hmeimim to Al-Jufra via Tobruk on 10 December 2024."
    direct = flight("154aaa", "hmeimim", "al-jufra", T0, type_code="A124")
    store.write_flights(flights_table([direct]))
    r = _verdict(text, store, fake_gaz)
    assert r.verdict == PARTLY and "direct" in r.flights["why"][0]
    legs = [
        flight("154bbb", "hmeimim", "tobruk", T0, type_code="A124"),
        flight("154bbb", "tobruk", "al-jufra", T0 + timedelta(hours=6), type_code="A124"),
    ]
    store.write_flights(flights_table(legs), replace_assets=False)
    r = _verdict(text, store, fake_gaz)
    assert r.verdict == SUPPORTED and r.n_full == 2


def test_outside_window_is_partial(store: Store, fake_gaz: Gazetteer) -> None:
    store.write_flights(flights_table([flight("155abc", "hmeimim", "al-khadim", T0 + timedelta(days=1))]))  # 11 Dec
    r = _verdict(ONE.replace("11 December", "9 December"), store, fake_gaz)
    assert r.verdict == PARTLY and "outside the claimed window" in r.flights["why"][0]


def test_unknown_place_is_reported_not_dropped(store: Store, fake_gaz: Gazetteer) -> None:
    text = "Russian cargo planes flew from Hmeimim to the Wadi Qirbazan airstrip on 10 December 2024."
    store.write_flights(flights_table([flight("155abc", "hmeimim", "al-khadim", T0)]))
    r = _verdict(text, store, fake_gaz)
    assert any("unknown place: Wadi Qirbazan" in x for x in r.caveats)
    assert any(c.level == "unknown" for c in r.coverage)
    # the origin is still checked; the flight from Hmeimim matches, but the claim's destination is unverified
    assert r.verdict == PARTLY and any("not in the knowledge base" in x for x in r.reasons)
    assert r.n_full == 1


def test_empty_flights_table_is_a_caveat(store: Store, fake_gaz: Gazetteer) -> None:
    r = _verdict(SEED, store, fake_gaz)
    assert r.verdict == NO_EVIDENCE
    assert any("no flights" in x for x in r.caveats)


def test_actor_mismatch_is_not_evidence(store: Store, fake_gaz: Gazetteer) -> None:
    rows = [flight(f"4b180{i}", "hmeimim", "al-khadim", T0 + timedelta(days=i), country="TR") for i in range(3)]
    store.write_flights(flights_table(rows))
    r = _verdict(SEED, store, fake_gaz)
    assert r.verdict == NO_EVIDENCE and r.other_route_traffic == 3


def test_last_point_on_the_ground_at_the_site_counts_as_arrival(store: Store, fake_gaz: Gazetteer) -> None:
    f = flight("155abc", "hmeimim", None, T0, ending="data_end", candidates=[("benina", 0.4), ("al-khadim", 0.1)])
    f.update(last_lat=32.16, last_lon=20.91, last_alt_ft=0.0)  # ~1.4 km from Al-Khadim, on the ground
    store.write_flights(flights_table([f]))
    r = _verdict(ONE.replace("11 December", "10 December"), store, fake_gaz)
    assert r.verdict == SUPPORTED and r.flights["dest_prob"][0] == 1.0


def test_top_ranked_but_improbable_destination_is_partial(store: Store, fake_gaz: Gazetteer) -> None:
    f = flight("155abc", "hmeimim", None, T0, ending="dark",
               candidates=[("al-khadim", 0.05), ("benina", 0.04), ("tobruk", 0.04)])  # fmt: skip
    f["arr_site"] = "al-khadim"
    store.write_flights(flights_table([f]))
    r = _verdict(ONE.replace("11 December", "10 December"), store, fake_gaz)
    assert r.verdict == PARTLY and "ranked first" in r.flights["why"][0]


def test_dark_endings_are_tied_to_a_transponder_claim(store: Store, fake_gaz: Gazetteer) -> None:
    rows = [
        flight("155abd", "hmeimim", "al-khadim", T0, ending="dark", candidates=[("al-khadim", 0.8)]),
        flight("155abc", "hmeimim", "al-khadim", T0 + timedelta(days=1)),
    ]
    store.write_flights(flights_table(rows))
    text = (
        "Russian Il-76 aircraft flew from Hmeimim to Al-Khadim on 10 and 11 December, switching off their transponders."
    )
    r = _verdict(text, store, fake_gaz)
    assert r.verdict == SUPPORTED
    assert any("1 of the 2 matching flights went dark" in x for x in r.reasons)


def test_parts_counts_and_dark_endings(store: Store, fake_gaz: Gazetteer) -> None:
    text = (
        "At least six Russian Il-76 planes flew from Hmeimim to the Al-Khadim air base between 10 and 12 December "
        "2024, some ceasing location-sharing near their destination."
    )
    rows = [flight("155abc", "hmeimim", "al-khadim", T0 + timedelta(hours=6 * i)) for i in range(3)]
    rows.append(flight("155abd", "hmeimim", None, T0, ending="dark", candidates=[("al-khadim", 0.8), ("benina", 0.1)]))
    store.write_flights(flights_table(rows))
    r = _verdict(text, store, fake_gaz)
    assert r.verdict == PARTLY
    cc = r.count_check
    assert cc is not None and cc["claimed_min"] == 6 and cc["observed_full"] == 4 and cc["status"] == "fewer observed"
    assert r.dark_check is not None and r.dark_check["status"] == "supported" and r.dark_check["endings"]["dark"] == 1
    parts = {p["part"]: p["status"] for p in r.parts}
    assert parts["origin"] == parts["destination"] == "supported" and parts["count"] == "fewer observed"
    assert parts["went dark"] == "supported"
    doc = r.to_dict()
    assert doc["count_check"]["observed_full"] == 4 and doc["parts"]


def test_rate_above_the_claimed_maximum(store: Store, fake_gaz: Gazetteer) -> None:
    text = "Up to two Russian Il-76 flights per day flew from Hmeimim to the Al-Khadim air base on 10 December 2024."
    rows = [flight(f"155a{i:02d}", "hmeimim", "al-khadim", T0 + timedelta(hours=2 * i)) for i in range(3)]
    store.write_flights(flights_table(rows))
    r = _verdict(text, store, fake_gaz)
    assert r.count_check is not None and r.count_check["status"] == "more observed"
    assert r.count_check["observed_busiest_day"] == 3


def test_vessel_name_against_ais_static_names(store: Store, fake_gaz: Gazetteer) -> None:
    import polars as pl

    text = "The Russian cargo ship Sparta IV sailed from Tartus to Tobruk on 10 December 2024."
    pts = coverage_points(34.9, 35.87, T0, 2, domain="sea", asset="273000004").with_columns(
        registration=pl.lit("SPARTA 4")
    )
    store.ingest_table(pts)
    r = _verdict(text, store, fake_gaz)
    v = r.vessels[0]
    assert v["name"] == "Sparta IV" and v["status"] == "supported" and v["matches"][0]["asset_id"] == "273000004"
    assert any(p["part"] == "vessel Sparta IV" for p in r.parts)
    text2 = "The Russian cargo ship Ursa Major sailed from Tartus to Tobruk on 10 December 2024."
    r2 = _verdict(text2, store, fake_gaz)
    assert r2.vessels[0]["status"] == "not seen"

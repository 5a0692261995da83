"""Claims checked against real recordings: what each recording shows, told as a reporter would tell it.

The OpenSky samples are bundled (MIT, ``tests/data/real/adsb``, see ``ATTRIBUTION.md``): a UK border patrol
out of Lydd on 17 April 2020, US Navy aircraft between North Island and a carrier on 14-15 September 2020, a
French Air Force tanker out of Istres on 30 June 2020, and
a Qantas 747 out of Sydney on 22 July 2020 whose recording ends over the Tasman Sea.
The Paris collection (284k rows, read from the shared data folder) has Air France's Orly departures. The
MarineCadastre day (AGPL, read from the shared data folder beside the repository; skipped when absent)
holds 1,000 US-coast ships on 11 January 2023 with their AIS names. The texts are ours; the verdicts are judged
by the recordings: the movement they show is supported, a count above it is flagged, a month with no data is
not evidence against it, and a named ship placed at Tartus on a day it was off Charleston is contradicted.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import liftwatch
from liftwatch.article_check import ClaimCheck

ROOT = Path(__file__).resolve().parents[2]
ADSB = ROOT / "tests" / "data" / "real" / "adsb"
SHARED = Path(os.environ.get("LIFTWATCH_SHARED_DATA", ROOT / ".." / "shared" / "data" / "real"))
NOAA = SHARED / "aisdb" / "test_data_noaa_20230101.csv"
QUICKSTART = SHARED / "traffic" / "sample_quickstart.opensky.csv.gz"


@pytest.fixture(scope="module")
def air(tmp_path_factory: pytest.TempPathFactory) -> liftwatch.LiftWatch:
    lw = liftwatch.LiftWatch(tmp_path_factory.mktemp("air") / "x.duckdb")
    lw.ingest(
        ADSB / "sample_border_control.opensky.csv.gz",
        ADSB / "sample_aircraft_carrier.opensky.csv.gz",
        ADSB / "sample_inflight_refuelling.opensky.csv.gz",
    )
    lw.build()
    return lw


def _one(checked: ClaimCheck) -> tuple[str, list[str], list[str]]:
    assert len(checked.results) == 1, checked
    r = checked.results[0]
    return r.verdict, r.reasons, [a["asset_id"] for a in r.assets]


def test_the_border_patrol_out_of_lydd_is_supported_by_its_flight(air: liftwatch.LiftWatch) -> None:
    text = "On 17 April 2020 a UK Border Force surveillance aircraft flew from Lydd airport over the Channel."
    verdict, _, assets = _one(air.check(text=text))
    assert (verdict, assets) == ("supported", ["407918"])


def test_the_french_air_force_tanker_out_of_istres_is_supported_by_its_flight(air: liftwatch.LiftWatch) -> None:
    # the tanker (3b7777, a French ICAO address) is the French Air Force's; "tanker" is no ship here
    r = air.check(text="A French Air Force tanker took off from Istres on 30 June 2020.").results[0]
    assert (r.claim.actor, r.claim.domain) == ("France", "air")
    assert (r.verdict, [a["asset_id"] for a in r.assets]) == ("supported", ["3b7777"])


@pytest.mark.parametrize(
    "text",
    [
        # the elided "d'Istres" and "l'armée de l'Air française" (the state by its force's adjective) were unread
        "Un avion ravitailleur de l'armée de l'Air française a décollé d'Istres le 30 juin 2020.",
        # Russian writes Istres by sound, without its silent ending: "Истр" was an unknown place
        "30 июня 2020 года самолёт-заправщик ВВС Франции вылетел с авиабазы Истр.",
    ],
)
def test_the_tanker_out_of_istres_told_in_french_or_russian_is_the_same_flight(
    air: liftwatch.LiftWatch, text: str
) -> None:
    r = air.check(text=text).results[0]
    assert (r.claim.actor, [p.id for p in r.claim.origin]) == ("France", ["LFMI"])
    assert (r.verdict, [a["asset_id"] for a in r.assets]) == ("supported", ["3b7777"])


def test_the_border_patrol_told_in_russian_is_the_same_flight(air: liftwatch.LiftWatch) -> None:
    # "Лидд" romanises to "lidd", one letter from Lydd: it was an unknown place, so the origin went unchecked
    text = "17 апреля 2020 года британский самолёт пограничной службы вылетел из аэропорта Лидд."
    verdict, _, assets = _one(air.check(text=text))
    assert (verdict, assets) == ("supported", ["407918"])


def test_a_count_above_what_was_flown_is_flagged(air: liftwatch.LiftWatch) -> None:
    text = (
        "On 17 April 2020 UK Border Force surveillance aircraft made at least 5 flights from Lydd airport "
        "over the Channel."
    )
    r = air.check(text=text).results[0]
    assert r.verdict == "partly supported"
    assert r.count_check is not None
    assert (r.count_check["claimed_min"], r.count_check["observed_full"]) == (5, 1)
    assert r.count_check["status"] == "fewer observed"


def test_a_month_the_recording_does_not_cover_is_no_evidence_either_way(air: liftwatch.LiftWatch) -> None:
    text = "On 17 May 2020 a UK Border Force surveillance aircraft flew from Lydd airport over the Channel."
    verdict, reasons, _ = _one(air.check(text=text))
    assert verdict == "no evidence in the data"
    assert "no coverage" in reasons[0]


def test_another_field_with_coverage_but_no_departure_is_not_supported(air: liftwatch.LiftWatch) -> None:
    text = "On 17 April 2020 a UK Border Force surveillance aircraft flew from Manston over the Channel."
    verdict, reasons, _ = _one(air.check(text=text))
    assert verdict == "no evidence in the data"
    assert "despite good coverage" in reasons[0]


def test_navy_flights_from_north_island_are_found_by_the_base_name(air: liftwatch.LiftWatch) -> None:
    text = "US Navy aircraft flew from North Island to the aircraft carrier off Baja California on 14 September 2020."
    verdict, _, assets = _one(air.check(text=text))
    assert (verdict, assets) == ("supported", ["ae0455"])


def test_a_named_type_the_recording_cannot_confirm_is_a_partial_match(tmp_path: Path) -> None:
    # OpenSky gives QFA7474 (7c4779) no type: a "Boeing 747" out of Sydney that day is possible, not confirmed
    lw = liftwatch.LiftWatch(tmp_path / "x.duckdb")
    lw.ingest(ADSB / "sample_qantas747.opensky.csv.gz")
    lw.build()
    r = lw.check(text="A Qantas Boeing 747 left Sydney on 22 July 2020.").results[0]
    assert r.verdict == "partly supported"
    assert r.flights["asset_id"].to_list() == ["7c4779"]
    assert r.flights["why"].to_list() == ["route and actor match; asset type differs or is unknown"]
    # the recording ends over the Tasman: Los Angeles as the destination is not seen either way
    far = lw.check(text="A Qantas Boeing 747 flew from Sydney to Los Angeles on 22 July 2020.").results[0]
    assert far.verdict == "no evidence in the data"
    assert "no coverage at the destination" in far.reasons[0]


@pytest.fixture(scope="module")
def sea(tmp_path_factory: pytest.TempPathFactory) -> liftwatch.LiftWatch:
    if not NOAA.is_file():
        pytest.skip(f"the MarineCadastre sample (AGPL, not bundled) is not at {NOAA}")
    lw = liftwatch.LiftWatch(tmp_path_factory.mktemp("sea") / "x.duckdb")
    lw.ingest(NOAA)
    lw.build()
    return lw


def test_a_named_ship_placed_an_ocean_away_from_its_fixes_is_contradicted(sea: liftwatch.LiftWatch) -> None:
    # ASIAN DYNASTY (MMSI 440058000) is off Charleston at 00:00 UTC on 11 January 2023
    verdict, reasons, _ = _one(sea.check(text="The cargo ship Asian Dynasty docked at Tartus on 11 January 2023."))
    assert verdict == "contradicted"
    assert "tracked 9,9" in reasons[0] and "km from Tartus" in reasons[0], reasons


@pytest.mark.parametrize(
    "text",
    [
        "Le cargo Asian Dynasty a accosté à Tartous le 11 janvier 2023.",
        "Грузовое судно Asian Dynasty 11 января 2023 года пришвартовалось в Тартусе.",
        "رست سفينة الشحن Asian Dynasty في ميناء طرطوس يوم 11 يناير 2023.",
    ],
)
def test_the_same_ship_told_in_french_russian_and_arabic_is_contradicted(sea: liftwatch.LiftWatch, text: str) -> None:
    # the name was "Le cargo", "Asian Dynasty 11" or none at all: no ship to follow, "no evidence in the data"
    verdict, reasons, _ = _one(sea.check(text=text))
    assert verdict == "contradicted" and "tracked 9,9" in reasons[0], reasons


def test_the_same_claim_in_a_month_without_data_is_not_contradicted(sea: liftwatch.LiftWatch) -> None:
    verdict, _, _ = _one(sea.check(text="The cargo ship Asian Dynasty docked at Tartus on 11 March 2023."))
    assert verdict == "no evidence in the data"


@pytest.fixture(scope="module")
def paris(tmp_path_factory: pytest.TempPathFactory) -> liftwatch.LiftWatch:
    if not QUICKSTART.is_file():
        pytest.skip(f"the Paris quickstart collection (not bundled) is not at {QUICKSTART}")
    lw = liftwatch.LiftWatch(tmp_path_factory.mktemp("paris") / "x.duckdb")
    lw.ingest(QUICKSTART)
    lw.build()
    return lw


def test_roissy_charles_de_gaulle_is_the_airport_and_its_arrivals_outnumber_the_claim(
    paris: liftwatch.LiftWatch,
) -> None:
    # the French press writes the airport after its town; it was an unknown place, so every flight of the day
    # counted and the destination went unchecked
    r = paris.check(text="Le 7 octobre 2021, plus de 20 avions ont atterri à Roissy-Charles-de-Gaulle.").results[0]
    assert ([p.id for p in r.claim.destination], r.verdict) == (["LFPG"], "supported")
    assert 21 <= r.flights.height < 259  # the day's arrivals there, not all 259 flights in the recording


def test_air_france_out_of_orly_is_found_by_callsign_and_its_destination_stays_uncertain(
    paris: liftwatch.LiftWatch,
) -> None:
    # the Paris collection is cropped ~100 km around Paris: Air France's Orly departures leave coverage heading
    # south-west, Toulouse ranked first among their possible ends but far from certain
    lw = paris
    r = lw.check(text="An Air France flight left Orly for Toulouse on 7 October 2021.").results[0]
    assert (r.claim.actor, [p.id for p in r.claim.origin], [p.id for p in r.claim.destination]) == (
        "Air France",
        ["LFPO"],
        ["LFBO"],
    )
    assert r.verdict == "partly supported"
    assert r.flights.height >= 3 and all(c.startswith("AFR") for c in r.flights["callsign"].to_list())
    assert all(
        w.startswith("track ended (out_of_coverage) with the claimed destination ranked first")
        for w in r.flights["why"]
    )

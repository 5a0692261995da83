"""The classes of error real reporting exposed: attribution, operators, city places, neighbouring types,
counts and rates, ships — each on a sentence written the way the reporting writes it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pytest

from liftwatch.claims import extract
from liftwatch.claims.attribution import source_spans
from liftwatch.claims.counts import find_counts
from liftwatch.claims.model import Claim, Place
from liftwatch.claims.ship_owners import owners
from liftwatch.claims.ships import named_ships
from liftwatch.claims.types import find_makers, find_types
from tests.claims.conftest import real_kb_gazetteer

PUB = date(2024, 12, 14)  # a Saturday


def _one(text: str, pub: date | None = PUB) -> Claim:
    ex = extract(text, pub, gazetteer=real_kb_gazetteer(), use_model=False)
    assert len(ex.claims) == 1, [c.summary() for c in ex.claims]
    return ex.claims[0]


def _ids(places: Iterable[Place]) -> set[str]:
    return {p.id or p.text for p in places}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("U.S. Africa Command says Russia deployed fighter jets to Libya.", "U.S. Africa Command"),
        ("A Russian cargo plane left Hmeimim for Libya, a Syrian security official confirmed.", "a Syrian security official"),
        ("Об этом сообщает мониторинговый проект «Беларускі Гаюн».", "мониторинговый проект «Беларускі Гаюн"),
        ("По словам представителя Минобороны, два Ил-76 вылетели из Хмеймима.", "представителя Минобороны"),
        ("Самолёт, по сведениям источника в аэропорту, приземлился в Бенгази.", "источника в аэропорту"),
        ("Selon une source touareg, quatre avions cargo russes se sont posés à Gao.", "une source touareg"),
        ("Deux Il-76 ont atterri à Gao, a appris l'AFP de sources onusiennes.", "sources onusiennes"),
        ("غادرت طائرة شحن روسية قاعدة حميميم، بحسب ما أفاد مسؤول أمني سوري.", "مسؤول أمني سوري"),
        ("هبطت طائرة شحن روسية في بنغازي، وفقا لمصادر عسكرية ليبية.", "مصادر عسكرية ليبية"),
        ("وفقًا لوكالة رويترز، هبطت طائرتان روسيتان في الجفرة.", "وكالة رويترز"),
    ],
)  # fmt: skip
def test_attribution_sources(text: str, source: str) -> None:
    assert source in [s for _, _, s in source_spans(text)]


def test_source_is_never_the_actor() -> None:
    c = _one("U.S. Africa Command says Russia deployed MiG-29 Fulcrum aircraft to Al Jufra Air Field in Libya.")
    assert c.actor == "Russia" and "U.S. Africa Command" in c.sources
    assert {a.label for a in c.assets} == {"MiG-29"} and _ids(c.destination) == {"al-jufra"}


def test_home_base_then_transit() -> None:
    c = _one("The aircraft deployed from a home base in Russia, then transited through Syria to Al Jufra.")
    assert _ids(c.origin) == {"russia"} and _ids(c.via) == {"syria"} and _ids(c.destination) == {"al-jufra"}


def test_landing_to_refuel_then_delivered_is_via() -> None:
    c = _one("An Il-76 flew from Hmeimim to Benina to refuel, then to the Al-Khadim air base.")
    assert _ids(c.via) == {"benina"} and _ids(c.destination) == {"al-khadim"}


def test_operator_is_the_actor() -> None:
    c = _one("A New Way Cargo Airlines IL-76 flew from Ras al-Khaimah to Amdjarass on 12 June 2024.")
    assert c.actor == "New Way Cargo Airlines"


def test_capital_city_is_its_airport_and_moscow_is_a_city() -> None:
    c = _one("Seven planes landed at the capital Bangui coming from Libya's Benghazi.")
    assert _ids(c.destination) == {"bangui"} and _ids(c.origin) == {"benina"}
    c = _one("At least four Il-76 planes flew from Moscow to Benghazi.")
    assert _ids(c.origin) == {"city:moscow"} and c.min_count == 4 and c.max_count is None


def test_types_from_the_next_sentence() -> None:
    c = _one(
        "Up to eight flights per day to eastern Libya have been registered since February. "
        "The aircraft used were Tupolev Tu-134, Tu-154 and Ilyushin Il-76.",
        date(2020, 7, 1),
    )
    assert {a.label for a in c.assets} == {"Tu-134", "Tu-154", "Il-76"}
    assert c.rate_per_day == 8 and c.window == (date(2020, 2, 1), date(2020, 7, 1))


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Il-76TD Candid", ["Il-76", "Il-76"]),
        ("Ил-76МД и Ан-124-100", ["Il-76", "An-124"]),
        ("طائرة شحن من طراز إليوشنIl-76", ["Il-76"]),
        ("طراز “أنتونوف 124″", ["An-124"]),
        ("an An-12 and an An-124", ["An-12", "An-124"]),
        ("Su-24 Fencer", ["Su-24", "Su-24"]),
    ],
)
def test_types_in_every_script(text: str, labels: list[str]) -> None:
    assert [k.label for _, _, k in find_types(text)] == labels


def test_maker_only_mentions() -> None:
    assert [k.label for _, _, k in find_makers("Ilyushin-type planes and Tupolevs", [])] == ["Ilyushin", "Tupolev"]


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("at least four Il-76 planes", (4, None, None, None)),
        ("15 round-trip flights", (30, 30, None, None)),
        ("up to eight flights per day", (None, None, None, 8.0)),
        ("не менее восьми военных самолётов", (8, None, None, None)),
        ("Au moins 15 avions-cargos russes", (15, None, None, None)),
        ("أكثر من رحلة واحدة يومياً", (None, None, 1.0, None)),
        ("с 24 октября трижды прибывал", (3, 3, None, None)),
        ("more than 20 flights", (21, None, None, None)),
    ],
)
def test_counts_with_bounds(text: str, bounds: tuple[object, ...]) -> None:
    c = find_counts(text)[0]
    assert (c.min, c.max, c.rate_min, c.rate_max) == bounds


def test_ships_names_owner_and_possible_destination() -> None:
    assert [n for _, _, n in named_ships("в мае российские корабли Baltic Leader и Patria доставили")] == [
        "Baltic Leader",
        "Patria",
    ]
    assert owners("Mys Zhelaniya is owned by Transstroy, a Russian construction company")[0][1] == "Transstroy"
    ex = extract(
        "The vessel, Mys Zhelaniya, sailed from Baltiysk. It is owned by Transstroy. "
        "It is believed to be heading to Tartus.",
        gazetteer=real_kb_gazetteer(),
        use_model=False,
    )
    c = ex.claims[0]
    assert {a.label for a in c.assets} == {"Mys Zhelaniya"} and c.owner == "Transstroy"
    assert (
        _ids(c.origin) == {"baltiysk"} and not c.destination and {p.id for p in c.possible} <= {"tartus", "tartus-port"}
    )


def test_multilingual_dates_and_same_day_weekday() -> None:
    c = _one("A Russian cargo plane departed from the Hmeimim air base on Saturday, bound for Libya.")
    assert c.window == (PUB, PUB)
    c = _one("Un avion An-124 a réalisé trois vols vers Hmeimim entre le 24 et le 28 octobre.", date(2025, 10, 30))
    assert c.window == (date(2025, 10, 24), date(2025, 10, 28)) and (c.min_count, c.max_count) == (3, 3)
    c = _one("Ил-62М вылетел из Ливии в Латакию, а затем в Московскую область 26 октября.", date(2025, 10, 30))
    # a take-off whose landing is not told runs from its day to the report
    assert c.window == (date(2025, 10, 26), date(2025, 10, 30)) and _ids(c.via) == {"hmeimim"}


def test_statement_day_is_not_the_movement_day() -> None:
    c = _one("Russia sent fighter jets from Russia to Libya, the US military said on Tuesday.", date(2020, 5, 27))
    assert c.window_source.startswith("no date")


def test_a_clause_opener_is_not_part_of_the_source() -> None:
    spans = source_spans("While Russian officials have confirmed the withdrawal of some troops, the fate is unclear.")
    assert [s for _, _, s in spans] == ["Russian officials"]

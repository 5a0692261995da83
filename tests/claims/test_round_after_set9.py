"""Mechanisms of the round after set 9, each tested on sentences written for it (other ships, ports and dates
than the gold corpus), in the languages it applies to: ships named after the nouns reporting uses for them,
and a ship referred back to by its class noun.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.assets import find_assets
from tests.claims.conftest import real_kb_gazetteer, shape_extract


def _ships(text: str) -> list[str]:
    return [a.label for _, _, a in find_assets(text) if a.ship_name]


# --- a ship named after the noun reporting uses for it --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Russian bulker Kapitan Orlov loaded wheat at Sevastopol.", "Kapitan Orlov"),
        ("The bulk carrier Kapitan Orlov left Sevastopol on Monday.", "Kapitan Orlov"),
        ("Officials identified it as the Togo-flagged Kapitan Orlov.", "Kapitan Orlov"),
        ("The Panama-flagged Ro-Ro Severny Veter transited the Dardanelles.", "Severny Veter"),
        ("The training ship Perekop called at Algiers.", "Perekop"),
        ("Le cargo russe Kapitan Orlov a quitté Sébastopol mardi.", "Kapitan Orlov"),
        ("Le vraquier Kapitan Orlov a quitté Sébastopol.", "Kapitan Orlov"),
        ("Le cargo Ro-Ro Severny Veter du Panama a franchi les Dardanelles.", "Severny Veter"),
        ("Le navire-école russe Perekop a fait escale à Alger.", "Perekop"),
        ("Балкер «Капитан Орлов» вышел из Севастополя.", "Капитан Орлов"),
        ("Балкер Kapitan Orlov вышел из Севастополя.", "Kapitan Orlov"),
        ("Сухогруз типа ро-ро «Северный ветер» прошёл Дарданеллы.", "Северный ветер"),
        ('غادرت سفينة الشحن "كابيتان أورلوف" ميناء سيفاستوبول', "كابيتان أورلوف"),
    ],
)
def test_a_ship_is_named_after_its_noun_flag_or_kind(text: str, name: str) -> None:
    assert _ships(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Des avions-cargos Antonov ont atterri à Bamako.",  # an aircraft's "cargo" names no ship
        "Un cargo de 27 000 tonnes a quitté Sébastopol.",  # a ship, but unnamed
        "The Russian-flagged cargo ship left Tartus.",  # the flag is no name
    ],
)
def test_no_ship_name_where_none_is_given(text: str) -> None:
    assert _ships(text) == []


def test_a_day_of_the_month_after_a_ship_noun_is_no_name() -> None:
    assert _ships("Фрегат 9 мая прибыл в Тартус.") == []


def test_a_flag_before_the_noun_is_not_taken_for_the_name() -> None:
    assert _ships("The Russian-flagged cargo ship Kapitan Orlov left Tartus.") == ["Kapitan Orlov"]


# --- a ship referred back to by its class noun ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The frigate Admiral Kasatonov called at Algiers on 3 May. The frigate then sailed to Tartus on 9 May.",
        "La frégate Amiral Kasatonov a fait escale à Alger le 3 mai. La frégate a ensuite rejoint Tartous le 9 mai.",
        "Фрегат «Адмирал Касатонов» 3 мая зашёл в Алжир. Фрегат 9 мая прибыл в Тартус.",
        "Фрегат «Адмирал Касатонов» 3 мая зашёл в Алжир. Затем фрегат прибыл в Тартус 9 мая.",
        'رست الفرقاطة "الأدميرال كاساتونوف" في الجزائر يوم 3 مايو. ووصلت الفرقاطة إلى طرطوس يوم 9 مايو',
    ],
)
def test_a_ship_referred_back_to_by_its_class_is_the_ship_named_before(text: str) -> None:
    real_kb_gazetteer()
    claims = shape_extract(text).claims
    to_tartus = [c for c in claims if any(p.id in ("tartus", "tartus-port") for p in c.destination)]
    assert to_tartus, [(c.destination, c.assets) for c in claims]
    names = {a.label.casefold() for c in to_tartus for a in c.assets if a.ship_name}
    assert names and all("kasatonov" in n or "касатонов" in n or "كاساتونوف" in n for n in names), names


# --- a turnaround: the landing and the take-off are two movements ------------------------------------------


def _legs(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    real_kb_gazetteer()
    return sorted(([p.id for p in c.origin], [p.id for p in c.destination]) for c in shape_extract(text).claims)


BOTH_LEGS = [([], ["hmeimim"]), (["hmeimim"], [])]


@pytest.mark.parametrize(
    "text",
    [
        "On 12 March, the same Il-76 arrived and departed from Hmeimim.",
        "Des Il-76 russes ont été filmés à l'atterrissage et au décollage à Hmeimim samedi.",
        "Ил-76 приземлялись и взлетали в Хмеймиме в субботу.",
        "شوهدت طائرات إليوشن 76 تهبط وتقلع من قاعدة حميميم يوم السبت",
    ],
)
def test_an_arrival_and_a_departure_told_together_are_two_movements(text: str) -> None:
    assert _legs(text) == BOTH_LEGS


@pytest.mark.parametrize(
    "text",
    [
        "An Il-76 landed at Hmeimim early on Saturday, remaining there for an hour before departing westward.",
        "Un Il-76 a atterri à Hmeimim samedi avant de repartir.",
        "Ил-76 приземлился в Хмеймиме в субботу и через час улетел.",
        "هبطت طائرة إليوشن 76 في قاعدة حميميم يوم السبت ثم أقلعت",
    ],
)
def test_a_departure_with_no_place_after_a_landing_leaves_from_where_it_landed(text: str) -> None:
    assert _legs(text) == BOTH_LEGS


@pytest.mark.parametrize(
    "text",
    [
        "An Il-76 landed at Hmeimim on Saturday.",
        "Un Il-76 a atterri à Hmeimim samedi avant de repartir pour Moscou dimanche.",  # the departure has its place
        "Ил-76 вылетел из Чкаловского и приземлился в Хмеймиме.",  # the departure is told before the landing
    ],
)
def test_no_turnaround_where_none_is_told(text: str) -> None:
    legs = _legs(text)
    assert (["hmeimim"], []) not in legs, legs


def test_two_legs_that_meet_are_not_merged_into_one_from_a_place_to_itself() -> None:
    from datetime import date

    from liftwatch.claims.merge import merge_claims
    from liftwatch.claims.model import Claim

    real_kb_gazetteer()
    landed = shape_extract("An Il-76 landed at Hmeimim on 10 May.").claims[0]
    left = shape_extract("An Il-76 took off from Hmeimim on 10 May.").claims[0]
    # the landing is dated to its day; the take-off, its landing untold, runs from that day to the report
    assert landed.window == (date(2025, 5, 10), date(2025, 5, 10))
    assert left.window is not None and left.window[0] == date(2025, 5, 10)
    merged = merge_claims([landed, left])
    assert len(merged) == 2
    assert all(isinstance(c, Claim) and not (c.origin and c.destination) for c in merged)


# --- months named without a day: after a preposition in each language, and two months joined -------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Il-76 flights to Bamako resumed in March.", (2025, 3, 1), (2025, 3, 31)),
        ("Les vols d'Il-76 vers Bamako ont repris en mars.", (2025, 3, 1), (2025, 3, 31)),
        ("Рейсы Ил-76 в Бамако возобновились в марте.", (2025, 3, 1), (2025, 3, 31)),
        ("استؤنفت رحلات إليوشن 76 إلى باماكو في مارس", (2025, 3, 1), (2025, 3, 31)),
        ("Рейсы Ил-76 в Бамако возобновились в марте 2023 года.", (2023, 3, 1), (2023, 3, 31)),
        ("The freighter made trips to Latakia in February and March.", (2025, 2, 1), (2025, 3, 31)),
        ("The freighter made trips to Latakia from November 2023 to February 2024.", (2023, 11, 1), (2024, 2, 29)),
        ("Le cargo a fait des rotations vers Lattaquié entre février et avril 2024.", (2024, 2, 1), (2024, 4, 30)),
        ("Сухогруз совершал рейсы в Латакию с февраля по апрель 2024 года.", (2024, 2, 1), (2024, 4, 30)),
        ("Сухогруз совершал рейсы в Латакию в феврале и марте.", (2025, 2, 1), (2025, 3, 31)),
        ("قامت السفينة برحلات إلى اللاذقية في فبراير ومارس", (2025, 2, 1), (2025, 3, 31)),
        ("قامت السفينة برحلات إلى اللاذقية من فبراير إلى أبريل 2024", (2024, 2, 1), (2024, 4, 30)),
    ],
)
def test_a_month_or_two_months_joined_date_the_movement(
    text: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    from datetime import date

    from liftwatch.claims.timeparse import find_times

    spans = [(t.start, t.end) for t in find_times(text, date(2025, 5, 14)) if t.start is not None]
    assert spans == [(date(*first), date(*last))], spans


@pytest.mark.parametrize("text", ["It may to some degree be delayed.", "Les troupes de Mars ont quitté la base."])
def test_a_month_word_with_no_preposition_or_second_month_dates_nothing(text: str) -> None:
    from datetime import date

    from liftwatch.claims.timeparse import find_times

    assert find_times(text, date(2025, 5, 14)) == []


# --- where the load was taken on is the origin, the load named in between ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Russian bulker Kapitan Orlov loaded a cargo of 27,000 tonnes of grain in Sevastopol, then sailed to Latakia.",
        "Le cargo Kapitan Orlov a chargé 27 000 tonnes de céréales à Sébastopol avant de rejoindre Lattaquié.",
        "Сухогруз «Капитан Орлов» загрузил зерно в Севастополе и направился в Латакию.",
        "تم تحميل السفينة بالحبوب في ميناء سيفاستوبول ثم أبحرت إلى اللاذقية",
    ],
)
def test_the_port_a_load_was_taken_on_at_is_the_origin(text: str) -> None:
    assert _legs(text) == [(["sevastopol"], ["latakia-port"])]


def test_a_load_taken_on_with_no_destination_still_gives_the_origin() -> None:
    assert _legs("A second vessel had taken on a load of grain at Sevastopol and was headed for the Bosphorus.") == [
        (["sevastopol"], [])
    ]


def test_a_carrier_loaded_with_arms_that_landed_somewhere_arrived_there() -> None:
    assert _legs("An Il-76 loaded with arms landed in Benghazi on Friday.") == [([], ["benina"])]


# --- deployment, withdrawal and evacuation verbs in every language, as English has them -----------------------


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("La France a déployé deux avions-cargos à Niamey.", "DRRN"),
        ("Le Tchad a dépêché un avion-cargo à Abéché.", "FTTC"),
        ("Россия разместила два Су-25 на авиабазе Хмеймим.", "hmeimim"),
        ("أجلت فرنسا رعاياها من الخرطوم إلى جيبوتي", "country:DJ"),
    ],
)
def test_a_deployment_or_evacuation_verb_makes_a_movement(text: str, destination: str) -> None:
    real_kb_gazetteer()
    claims = shape_extract(text).claims
    assert [[p.id for p in c.destination] for c in claims] == [[destination]]


def test_a_delivery_told_by_its_arrival_of_goods_is_a_movement() -> None:
    real_kb_gazetteer()
    (claim,) = shape_extract("Из Беларуси поступила партия истребителей МиГ-29.").claims
    assert [p.id for p in claim.origin] == ["belarus"]

"""The movements and windows the round after set 19 reads, each tested on sentences written fresh for it: a carrier
gone dark told by any transmitter noun with any state word of its language, a strait passed told by the Russian
verbal noun or verb of overcoming, an origin where a carrier's tasks ended ("after completing its mission in"), parts
of a year ("late 2014") and a rate per month or week, which is no count.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.counts import find_counts
from liftwatch.claims.dark_signals import DARK_SIGNAL
from liftwatch.claims.lexicon import HINTS
from liftwatch.claims.scoring import dark_of
from liftwatch.claims.sentences import cue_role
from liftwatch.claims.timeparse import find_times
from tests.claims.conftest import place_ids, shape_extract

# --- dark: any transmitter noun with any state word -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The tanker's automatic identification system (AIS) - the beacon other ships rely on - was also offline.",
        "The freighter switched off its transporter before the boarding.",
        "The jet crossed the border, deactivating its navigation devices over the desert.",
        "The plane turned its tracking and navigation systems on only after leaving the war zone.",
        "Le cargo a coupé son répondeur en mer Égée.",
        "Les avions ont activé leurs transpondeurs seulement après la frontière.",
        "Les balises du navire étaient éteintes depuis deux jours.",
        "Ответчик самолета был выключен над Черным морем.",
        "Судно отключило свой передатчик у входа в пролив.",
        "وتم إيقاف تشغيل أجهزة التتبع على متن السفينة.",
        "أطفأت الطائرة نظام التعريف قبل هبوطها.",
    ],
)
def test_any_transmitter_with_any_state_word_is_dark(text: str) -> None:
    assert DARK_SIGNAL.search(text)
    assert dict(HINTS)["transponders off"].search(text)


@pytest.mark.parametrize(
    "text",
    [
        "The plane turned off the runway towards the apron.",
        "The navigation systems were upgraded at the shipyard.",
        "The tank transporter carried armour to the front.",
        "The aircraft activated its transponder on departure.",
        "Le navire a coupé la route du ferry.",
        "Самолет включил двигатели перед взлетом.",
        "تعطل محرك الطائرة بعد الإقلاع.",
    ],
)
def test_a_transmitter_merely_named_or_on_is_not_dark(text: str) -> None:
    assert not DARK_SIGNAL.search(text)


def test_a_dark_claim_by_its_navigation_devices() -> None:
    ex = shape_extract("The Il-76 flew to Hmeimim on 3 May, switching off its tracking devices over the sea.")
    assert ex.claims and all(dark_of(c) for c in ex.claims)


# --- a strait passed, told by the Russian verbal noun or the verb of overcoming ------------------------------------


def test_a_strait_passed_told_by_its_russian_verbal_noun() -> None:
    assert cue_role("Фрегат встретил подлодку во время прохождения ") == "via"
    assert cue_role("Суда с трудом преодолевали ") == "via"


def test_the_passage_alone_makes_a_movement() -> None:
    ex = shape_extract("Российский сухогруз 3 мая с трудом преодолел Босфор.")
    assert any("bosphorus" in place_ids(c.via) for c in ex.claims), ex.claims


# --- where the tasks ended is the origin --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pre",
    [
        "The destroyer sailed home after completing its patrol mission in the ",
        "Le sous-marin fait route vers le nord après avoir accompli sa mission en ",
        "Les navires rentrent à la fin de leur mission en ",
        "Фрегат совершает переход после завершения выполнения задач в составе оперативного соединения в ",
        "وعادت الفرقاطة بعد إنهاء مهامها في ",
    ],
)
def test_after_completing_tasks_in_is_an_origin(pre: str) -> None:
    assert cue_role(pre) == "origin"


@pytest.mark.parametrize(
    "pre",
    [
        "after completing its mission in Syria the frigate docked in ",
        "после выполнения задач в Сирии фрегат прибыл в ",
    ],
)
def test_a_verb_of_motion_after_the_tasks_keeps_the_goal(pre: str) -> None:
    assert cue_role(pre) == "destination"


def test_the_mission_sea_is_the_claims_origin() -> None:
    ex = shape_extract(
        "The frigate sailed through the Bosphorus on 3 May after completing its tasks in the Mediterranean Sea."
    )
    assert any("mediterranean-sea" in place_ids(c.origin) for c in ex.claims), ex.claims


# --- parts of a year --------------------------------------------------------------------------------------------

_PUB = date(2016, 5, 1)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The ferry ran in early 2015 between the two ports.", (date(2015, 1, 1), date(2015, 4, 30))),
        ("Les rotations ont repris à la mi-2015.", (date(2015, 5, 1), date(2015, 8, 31))),
        ("Перевозки начались в конце 2014 года.", (date(2014, 9, 1), date(2014, 12, 31))),
        ("بدأت الرحلات مطلع عام 2015.", (date(2015, 1, 1), date(2015, 4, 30))),
    ],
)
def test_a_part_of_a_year_is_its_third(text: str, span: tuple[date, date]) -> None:
    assert [(t.start, t.end) for t in find_times(text, _PUB)] == [span]


@pytest.mark.parametrize(
    "text",
    ["The route has run since late 2014.", "La ligne fonctionne depuis fin 2014.", "Линия работает с конца 2014 года."],
)
def test_since_a_part_of_a_year_runs_to_the_report(text: str) -> None:
    assert [(t.start, t.end) for t in find_times(text, _PUB)] == [(date(2014, 9, 1), _PUB)]


def test_a_month_part_keeps_its_month() -> None:
    assert [(t.start, t.end) for t in find_times("It sailed in late June 2014.", _PUB)] == [
        (date(2014, 6, 21), date(2014, 6, 30))
    ]


# --- a rate per month or week is no count -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "an average of 4-7 cargo flights to Minsk per month",
        "up to 9 flights a week",
        "jusqu'à 14 vols par mois",
        "до 11 рейсов в месяц",
        "5 رحلات شهريا",
        "twice a week",
    ],
)
def test_a_rate_over_another_period_is_no_count(text: str) -> None:
    assert find_counts(text) == []


@pytest.mark.parametrize(("text", "n"), [("two flights a week ago", 2), ("three ships a year later", 3)])
def test_a_period_in_time_words_keeps_the_count(text: str, n: int) -> None:
    assert [c.min for c in find_counts(text)] == [n]

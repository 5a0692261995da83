"""Which date of a text is a movement's, by the date grammar of each language (`claims/timeparse.py`,
`claims/relative.py`, `claims/windows.py`): windows end by publication, a verb of saying in the sentence before
dates nothing, "the day before yesterday", "since" with an article or an Arabic/French/Russian opener, a year word
inside a month range, coarse background dates beside a day, two weekdays joined as one span, a day of the month
named without its month. Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from liftwatch.claims.timeparse import find_times
from liftwatch.claims.windows import statement_time
from tests.claims.windows_of import SAT
from tests.claims.windows_of import first_window as _window


def _spans(text: str, pub: date) -> list[tuple[date | None, date | None]]:
    return [(t.start, t.end) for t in find_times(text, pub)]


@pytest.mark.parametrize(
    "text",
    [
        "The frigate arrived in Tartus the day before yesterday.",
        "La frégate est arrivée à Tartous avant-hier.",
        "Фрегат прибыл в Тартус позавчера.",
        "وصلت الفرقاطة إلى ميناء طرطوس أول من أمس.",
        "وصلت الفرقاطة إلى ميناء طرطوس أمس الأول.",
    ],
)
def test_the_day_before_yesterday_is_two_days_before_publication(text: str) -> None:
    assert _spans(text, SAT) == [(date(2024, 6, 20), date(2024, 6, 20))]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Cargo flights have landed there since mid-May.", date(2024, 5, 11)),
        ("Des avions atterrissent là-bas depuis la mi-mai.", date(2024, 5, 11)),
        ("Des avions atterrissent là-bas à partir du 12 mai.", date(2024, 5, 12)),
        ("Самолёты садятся там начиная с середины мая.", date(2024, 5, 11)),
        ("تهبط الطائرات هناك بدءًا من منتصف مايو.", date(2024, 5, 11)),
        ("تهبط الطائرات هناك اعتبارا من 12 مايو.", date(2024, 5, 12)),
    ],
)
def test_since_runs_to_publication_from_the_point_it_names(text: str, start: date) -> None:
    # "since mid-May" opens on the middle part's first day, the 11th, as a part of a month does (corpus rule 24)
    found = find_times(text, SAT)
    assert [(t.start, t.end, t.kind) for t in found] == [(start, SAT, "since")]


def test_a_part_of_a_month_without_since_stays_a_span() -> None:
    assert _spans("The ships sailed in mid-May.", SAT) == [(date(2024, 5, 11), date(2024, 5, 20))]


@pytest.mark.parametrize(
    "text",
    [
        "С октября 2023 года по март 2024 года судно 12 раз заходило в порт.",
        "من أكتوبر عام 2023 إلى مارس 2024 رست السفينة في الميناء 12 مرة.",
        "From October 2023 to March 2024 the ship called at the port 12 times.",
    ],
)
def test_a_month_range_with_a_year_word_on_its_first_month(text: str) -> None:
    assert _spans(text, SAT)[0] == (date(2023, 10, 1), date(2024, 3, 31))


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("The Il-76 shuttled between Gao and Niamey between Saturday and Tuesday.", "Tuesday"),
        ("L'Iliouchine a fait des allers-retours entre Gao et Niamey du samedi au mardi.", "mardi"),
        ("نفذت الطائرة رحلات بين غاو ونيامي من السبت إلى الثلاثاء.", "الثلاثاء"),
    ],
)
def test_two_weekdays_joined_put_the_first_before_the_second(text: str, second: str) -> None:
    # published on a Saturday: "Saturday" alone is that day, but a span's Saturday comes before its Tuesday
    found = find_times(text, SAT)
    assert [(t.start, t.end) for t in found] == [
        (date(2024, 6, 15), date(2024, 6, 15)),
        (date(2024, 6, 18), date(2024, 6, 18)),
    ]
    assert found[1].text.endswith(second)


def test_two_weekdays_not_joined_keep_their_own_days() -> None:
    found = find_times("The plane left on Saturday. It was back in Bamako on Tuesday.", SAT)
    assert [t.start for t in found] == [SAT, date(2024, 6, 18)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("L'avion est arrivé à Bangui le 26 au soir, et est reparti dans la nuit.", date(2018, 1, 26)),
        ("The aircraft landed in Bangui on the 26th, and left at night.", date(2018, 1, 26)),
        ("Самолёт приземлился в Банги 26-го числа.", date(2018, 1, 26)),
        ("هبطت الطائرة في بانغي يوم 26 من الشهر الجاري.", date(2018, 1, 26)),
    ],
)
def test_a_day_without_its_month_is_in_the_publications_month(text: str, day: date) -> None:
    assert _spans(text, date(2018, 1, 31)) == [(day, day)]


def test_a_day_after_the_publication_day_is_in_the_month_before() -> None:
    assert _spans("L'avion est arrivé le 26 au soir.", date(2018, 2, 3)) == [(date(2018, 1, 26), date(2018, 1, 26))]


@pytest.mark.parametrize("text", ["Le 26 avions ont décollé.", "It was on the 26th Brigade's base."])
def test_a_number_before_a_noun_is_no_day(text: str) -> None:
    assert _spans(text, date(2018, 1, 31)) == []


def test_a_verb_of_saying_in_the_sentence_before_dates_nothing_in_this_one() -> None:
    text = "The news was reported by the channel Kurdistan24. On 26 January an Il-76 landed at Qamishli."
    assert not statement_time(text, text.index("26 January"))
    said = "An Il-76 landed at Qamishli, the channel reported on 26 January."
    assert statement_time(said, said.index("26 January"))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "A Russian cargo plane left Hmeimim for Libya on Saturday, after the fall of Assad last week.",
            SAT,
        ),
        (
            "L'avion cargo russe a quitté Hmeimim pour la Libye samedi, après la chute d'Assad la semaine dernière.",
            SAT,
        ),
        (
            "Самолёт, попавший под санкции в январе 2024 года, вылетел из Тегерана в Дамаск 7 июня.",
            date(2024, 6, 7),
        ),
        (
            "الطائرة التي فرضت عليها عقوبات في يناير 2024، أقلعت من طهران إلى دمشق في 7 يونيو.",
            date(2024, 6, 7),
        ),
    ],
)
def test_a_month_or_week_beside_a_day_is_background(text: str, day: date) -> None:
    # a departure whose arrival is untold runs on to the report; its start is the day, not the background month
    window = _window(text, SAT)
    assert window is not None and window[0] == day


def test_a_since_span_beside_a_day_stays() -> None:
    # a span that runs to publication is the movement's own extent, not background: the day before it widens it
    text = "Cargo planes have flown from Abu Dhabi to Amdjarass since mid-April, the first one on 2 March."
    assert _window(text, SAT) == (date(2024, 3, 2), SAT)


@pytest.mark.parametrize(
    "text",
    [
        "In late June the landing ship sailed from Novorossiysk to Tartus.",
        "В конце июня десантный корабль вышел из Новороссийска в Тартус.",
        "Fin juin, le navire de débarquement a quitté Novorossiïsk pour Tartous.",
        "أبحرت سفينة الإنزال في أواخر يونيو من نوفوروسيسك إلى طرطوس.",
    ],
)
def test_a_window_ends_by_publication(text: str) -> None:
    assert _window(text, SAT) == (date(2024, 6, 21), SAT)


@pytest.mark.parametrize(
    ("text", "plan_read"),
    [
        ("The landing ship is to leave Tartus for Novorossiysk on 28 June.", False),
        # "doit quitter" is read as a plan not begun, which is no claim at all (rule 15 of the corpus README)
        ("Le navire doit quitter Tartous pour Novorossiisk le 28 juin.", True),
        # the perfective future of a verb of leaving is Russian's plan: no claim either
        ("Большой десантный корабль отправится из Тартуса в Новороссийск 28 июня.", True),
        ("ومن المقرر أن تغادر السفينة طرطوس إلى نوفوروسيسك في 28 يونيو.", False),
    ],
)
def test_a_date_after_publication_dates_nothing(text: str, plan_read: bool) -> None:
    claims = extract(text, SAT, use_model=False).claims
    if plan_read:
        assert not claims, text
    else:
        assert claims and all(c.window is not None and c.window[1] <= SAT for c in claims), text


@pytest.mark.parametrize(
    "text",
    [
        "The Russian landing ship Saratov left Novorossiysk for Tartus on 14 June.",
        "Le navire de débarquement russe Saratov a quitté Novorossiisk pour Tartous le 14 juin.",
        "Большой десантный корабль «Саратов» 14 июня вышел из Новороссийска в Тартус.",
        "غادرت سفينة الإنزال الروسية ساراتوف ميناء نوفوروسيسك متجهة إلى طرطوس في 14 يونيو.",
    ],
)
def test_a_departure_with_its_arrival_untold_runs_to_the_report(text: str) -> None:
    assert _window(text, SAT) == (date(2024, 6, 14), SAT)


@pytest.mark.parametrize(
    "text",
    [
        "The Russian landing ship Saratov left Novorossiysk on 14 June and arrived in Tartus.",
        "Le navire de débarquement russe Saratov est arrivé à Tartous le 14 juin.",
        "Большой десантный корабль «Саратов» 14 июня прибыл в Тартус.",
        "وصلت سفينة الإنزال الروسية ساراتوف إلى ميناء طرطوس في 14 يونيو.",
    ],
)
def test_a_dated_arrival_keeps_its_day(text: str) -> None:
    assert _window(text, SAT) == (date(2024, 6, 14), date(2024, 6, 14))


def _undated_il76(text: str, pub: date, month_only: bool = False) -> str:
    ex = extract(text, pub, use_model=False, publication_month_only=month_only)
    found = [c for c in ex.claims if any("Il-76" in s for s in c.sentences)]
    assert found, text
    return found[0].window_source


def test_an_articles_one_date_weeks_before_the_report_lends_no_window() -> None:
    text = "On 2 June the frigate left Sevastopol.\n\nAn Il-76 flew from Hmeimim to Al-Khadim."
    assert _undated_il76(text, date(2024, 6, 29)).startswith("no date in the text")
    assert _undated_il76(text, date(2024, 6, 5)).startswith("article")  # the page's news, days before it
    # a page dated only by its month: a date in that month is its news
    assert _undated_il76(text, date(2024, 6, 30), month_only=True).startswith("article")

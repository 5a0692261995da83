"""The round after set 17 in Arabic and Russian: date forms and counts the rules did not read.

Invented sentences, one per shape: a share of a named month (a half, a third or ten days, a week) in the four
languages, which the Arabic day ordinal read as the month's first day ("النصف الأول من سبتمبر"); and Arabic
lists of named ships, joined by the Arabic comma or with each name in brackets after its class noun, which
count one movement per ship as a list joined by "," does; and the Arabic adjective of a state whose name ends in
"يا" (إيطاليا → إيطالي, كينيا → كيني, which were formed "إيطاليي"), a military word with its article ("الطائرات
العسكرية الأمريكية"), warships military by their class noun ("مدمرة فرنسية", "حاملة طائرات أمريكية") and a carrier
"belonging to" a branch ("تابعة للقوات الجوية الإيطالية"); counted carriers Russian writes by their abbreviation
("четыре БДК") and Arabic in the singular from eleven on ("15 سفينة") or as warship "pieces" ("6 قطع حربية"); and
two arrivals at one place each dated to its own day, a day apart, kept as two movements.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.counts import find_counts
from liftwatch.claims.extract import extract
from liftwatch.claims.known_movers import state_forces
from liftwatch.claims.timeparse import find_times
from liftwatch.kb.nationalities import arabic_nisba

from .conftest import one_claim, real_kb_gazetteer

PUB = date(2024, 10, 20)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Flights rose in the first half of September.", (date(2024, 9, 1), date(2024, 9, 15))),
        ("the ships called in the last week of August", (date(2024, 8, 25), date(2024, 8, 31))),
        ("during the third week of July", (date(2024, 7, 15), date(2024, 7, 21))),
        ("in the last third of June", (date(2024, 6, 21), date(2024, 6, 30))),
        ("pendant la deuxième quinzaine d'août", (date(2024, 8, 16), date(2024, 8, 31))),
        ("dans la seconde moitié du mois de mai", (date(2024, 5, 16), date(2024, 5, 31))),
        ("во второй декаде сентября", (date(2024, 9, 11), date(2024, 9, 20))),
        ("в первой половине августа 2023 года", (date(2023, 8, 1), date(2023, 8, 15))),
        ("на последней неделе июля", (date(2024, 7, 25), date(2024, 7, 31))),
        ("в первой трети сентября", (date(2024, 9, 1), date(2024, 9, 10))),
        ("خلال الثلث الأول من شهر يناير", (date(2024, 1, 1), date(2024, 1, 10))),
        ("في النصف الأول من شهر سبتمبر", (date(2024, 9, 1), date(2024, 9, 15))),
        ("في العشر الأواخر من أغسطس", (date(2024, 8, 21), date(2024, 8, 31))),
        ("في الأسبوع الأخير من يوليو", (date(2024, 7, 25), date(2024, 7, 31))),
    ],
)
def test_a_share_of_a_named_month(text: str, span: tuple[date, date]) -> None:
    times = [t for t in find_times(text, PUB) if t.kind != "publication"]
    assert [(t.start, t.end) for t in times] == [span]


def test_the_first_day_of_a_month_stays_one_day() -> None:
    times = find_times("في الأول من شهر سبتمبر", PUB)
    assert [(t.start, t.end) for t in times] == [(date(2024, 9, 1), date(2024, 9, 1))]


def test_a_month_share_dates_the_claim() -> None:
    ex = extract(
        "وصلت طائرة شحن روسية إلى مطار بنغازي خلال النصف الأول من شهر سبتمبر.",
        PUB,
        gazetteer=real_kb_gazetteer(),
        use_model=False,
    )
    assert len(ex.claims) == 1
    assert ex.claims[0].window == (date(2024, 9, 1), date(2024, 9, 15))


@pytest.mark.parametrize(
    "text",
    [
        # each name in brackets after its class noun
        "أعلنت البحرية عن وصول السفينتين الروسيتين الطراد (موسكفا) والفرقاطة (الأدميرال غورشكوف) إلى ميناء طرطوس.",
        # names in quotes joined by the Arabic comma
        "رست السفينة «دنيبر»، والمدمرة «الشهيد بهشتي» في ميناء بورتسودان أمس.",
    ],
)
def test_an_arabic_list_of_named_ships_counts_each(text: str) -> None:
    c = one_claim(text)
    assert (c.min_count, c.max_count) == (2, 2)


@pytest.mark.parametrize(
    ("name", "adjective"),
    [("إيطاليا", "إيطالي"), ("كينيا", "كيني"), ("فرنسا", "فرنسي"), ("السعودية", "سعودي"), ("قطر", "قطري")],
)
def test_the_arabic_adjective_of_a_state(name: str, adjective: str) -> None:
    assert arabic_nisba(name) == adjective


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("هبطت طائرة عسكرية إيطالية في المطار", "Italy"),  # a name ending in "يا"
        ("وصلت طائرة تابعة للقوات الجوية الكينية إلى المطار", "Kenya"),  # "belonging to" the branch
        ("انطلقت الطائرات العسكرية الأمريكية من القاعدة", "United States"),  # the military word with its article
        ("رست مدمرة فرنسية في الميناء", "France"),  # a warship by its class noun
        ("عبرت حاملة طائرات أمريكية القناة", "United States"),
        ("أبحرت الفرقاطة الإسبانية من الميناء", "Spain"),
    ],
)
def test_an_arabic_state_adjective_names_the_mover(text: str, state: str) -> None:
    assert [a.name for _, _, a in state_forces(text)] == [state]


@pytest.mark.parametrize(
    "text",
    [
        "وصلت طائرة إيطالية إلى المطار",  # a nationality alone (corpus rule 6)
        "سلمت الشركة طائرتين للقوات الجوية الإيطالية",  # "ل" to a receiving branch
        "وصلت سفينة شحن إيطالية إلى الميناء",
    ],
)
def test_a_nationality_alone_or_a_receiving_branch_names_no_mover(text: str) -> None:
    assert state_forces(text) == []


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("С начала года через проливы прошли уже четыре БДК.", 4),
        ("Два СДК вышли из Севастополя.", 2),
        ("Три подводные лодки вышли из Новороссийска.", 3),
        ("Пять сухогрузов прибыли в Тартус.", 5),
        ("وصلت 15 سفينة إلى الميناء", 15),
        ("عبرت 6 قطع حربية القناة", 6),
        ("وصلت ثلاث قطع بحرية إلى الميناء", 3),
        ("وصلت ثلاث شحنات أسلحة إلى الميناء", 3),
    ],
)
def test_counted_carriers_in_russian_and_arabic(text: str, n: int) -> None:
    assert [(c.min, c.max) for c in find_counts(text)] == [(n, n)]


def test_a_length_or_a_lowercase_abbreviation_is_no_count() -> None:
    assert find_counts("يبلغ طول السفينة 120 مترا") == []
    assert find_counts("два бдк-шных видео") == []


def _claims(text: str, pub: date) -> list[tuple[object, ...]]:
    ex = extract(text, pub, gazetteer=real_kb_gazetteer(), use_model=False)
    return [(c.window, tuple(p.id for p in c.destination)) for c in ex.claims]


def test_two_arrivals_a_day_apart_are_two_movements() -> None:
    pub = date(2021, 9, 7)  # a Tuesday
    text = (
        "وصلت، الاثنين، طائرة عسكرية قطرية ثالثة إلى مطار كابول. ووصلت، الأحد، ثاني طائرة عسكرية قطرية إلى مطار كابول."
    )
    got = _claims(text, pub)
    assert [w for w, _ in got] == [(date(2021, 9, 6), date(2021, 9, 6)), (date(2021, 9, 5), date(2021, 9, 5))]
    assert got[0][1] == got[1][1]


def test_a_leg_whose_ends_are_a_day_apart_stays_one() -> None:
    got = _claims("The Il-76 left Moscow on Sunday. It landed in Bamako on Monday.", date(2021, 9, 7))
    assert [w for w, _ in got] == [(date(2021, 9, 5), date(2021, 9, 6))]

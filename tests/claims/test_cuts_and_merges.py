"""How sentences are cut into movements and which claims merge, each mechanism tested on sentences written for it
(other carriers, places and numbers than the gold corpus) in the languages it applies to: a list of counted legs
is one movement per item, and two stated counts that cannot both hold are two movements.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.clauses import counted_item, split_clauses
from tests.claims.conftest import shape_extract


def _legs(text: str) -> list[tuple[list[str], int | None, int | None]]:
    return sorted(
        ([p.id or p.text for p in c.origin], c.min_count, c.max_count) for c in shape_extract(text).claims if c.origin
    )


# --- a list of counted legs: one movement per item ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Military cargo planes made 12 flights from Germany, five from Italy and two from Greece.",
        "Des avions-cargos militaires ont effectué 12 vols depuis l'Allemagne, cinq depuis l'Italie et deux depuis "
        "la Grèce.",
        "Военно-транспортные самолёты выполнили 12 рейсов из Германии, пять из Италии и два из Греции.",
        "نفذت طائرات شحن عسكرية 12 رحلة من ألمانيا، و5 رحلات من إيطاليا، ورحلتين من اليونان.",
    ],
)
def test_each_item_of_a_list_of_counted_legs_is_a_movement(text: str) -> None:
    assert len(split_clauses(text)) == 3
    assert _legs(text) == [(["country:DE"], 12, 12), (["country:GR"], 2, 2), (["country:IT"], 5, 5)]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("eight from Italy, ", ("eight", 8)),
        ("et huit depuis l'Italie", ("huit", 8)),
        ("один из Джибути.", ("один", 1)),
        ("و8 رحلات من إيطاليا، ", ("8", 8)),
        ("ورحلتين من اليونان", ("رحلتين", 2)),
        ("Two crew members are missing", None),
    ],
)
def test_an_item_opens_with_its_number_and_its_cue(clause: str, expected: tuple[str, int] | None) -> None:
    item = counted_item(clause)
    assert (item.word, item.value) == expected if item is not None else expected is None


@pytest.mark.parametrize(
    "text",
    [
        # one count only: a place after a number is no list
        "Russia sent two planes to Libya and flew three to Syria.",
        # a part of a whole, a range: no item of its own
        "Four planes took off, two of them from Hmeimim, and two of these from Latakia.",
        "Trois avions sont arrivés, deux de ses avions depuis Bamako.",
        "Прибыли три самолёта, два из них из Бамако.",
        "Три самолёта вылетели из Бамако, и один из самолётов вернулся.",
        "Trois avions sont partis de Bamako, et un des avions est revenu.",
        "The convoy carried 12 to 15 tanks, 3 to 4 of them damaged.",
        # a cue is a word of its own: "в" is not the start of "военно-транспортный"
        "Уничтожены семь самолётов: четыре бомбардировщика Су-24, два истребителя Су-35 и один военно-транспортный "
        "Ан-72.",
    ],
)
def test_no_cut_without_a_list_of_counted_legs(text: str) -> None:
    assert len(split_clauses(text)) == 1


# --- two stated counts that cannot both hold are two movements ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two Turkish aircraft left Konya for Libya on Monday. "
        "More than ten Turkish military cargo planes have landed at Al-Watiya air base in Libya.",
        "Deux avions turcs ont quitté Konya pour la Libye lundi. "
        "Plus de dix avions-cargos militaires turcs ont atterri sur la base aérienne d'Al-Watiya en Libye.",
        "Два турецких самолёта вылетели из Коньи в Ливию в понедельник. "
        "Более десяти турецких военно-транспортных самолётов приземлились на авиабазе Аль-Ватыя в Ливии.",
    ],
)
def test_an_exact_count_outside_a_bound_is_another_movement(text: str) -> None:
    claims = shape_extract(text).claims
    counts = sorted((c.min_count, c.max_count) for c in claims)
    assert counts == [(2, 2), (11, None)], [c.summary() for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "At least two Turkish cargo planes flew to Libya on Monday. Three Turkish cargo planes landed in Libya.",
        "Au moins deux avions-cargos turcs ont volé vers la Libye lundi. Trois avions-cargos turcs ont atterri en "
        "Libye.",
    ],
)
def test_a_count_inside_a_bound_may_be_the_same_movement(text: str) -> None:
    claims = shape_extract(text).claims
    assert len(claims) == 1, [c.summary() for c in claims]
    assert (claims[0].min_count, claims[0].max_count) == (3, 3)


# --- a larger count over a longer period that holds the other's: a total and its part -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "At least four Russian Il-76 aircraft flew to Hmeimim and Tartus in the last 24 hours. "
        "Over the past week, Russian Il-76 aircraft made about 15 flights to Syria.",
        "Не менее четырёх российских самолётов Ил-76 за последние сутки прилетели в Хмеймим и Тартус. "
        "За последнюю неделю российские Ил-76 совершили около 15 рейсов в Сирию.",
    ],
)
def test_a_weeks_total_and_a_days_part_are_two_claims(text: str) -> None:
    claims = shape_extract(text).claims
    counts = sorted((c.min_count, c.max_count) for c in claims)
    assert counts == [(4, None), (15, 15)], [c.summary() for c in claims]

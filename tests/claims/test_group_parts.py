"""A part of a group told after the group (``claims.group_parts``): "N of them", "the remaining", "le reste",
"остальные", "N منها" make a movement of their own that takes the group's carriers, mover, origin and date, counted
by its share. Sentences written for the mechanism (other carriers, places and numbers than the gold corpus), in
the four languages.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.clauses import split_clauses
from liftwatch.claims.group_parts import Part, part_of_group
from liftwatch.claims.model import Claim
from tests.claims.conftest import shape_extract


def _to(text: str, place: str) -> Claim:
    found = [c for c in shape_extract(text).claims if any((p.id or p.text) == place for p in c.destination)]
    assert len(found) == 1, (text, shape_extract(text).claims)
    return found[0]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Twelve of them continued onward to Qatar.", Part("share", 12, "Twelve of them")),
        ("17 of the deployed tankers flew on to Qatar.", Part("share", 17, "17 of the")),
        ("while the remaining bombers flew to Guam.", Part("rest", None, "while the remaining")),
        ("le reste vers l'Italie", Part("rest", None, "le reste")),
        ("Une partie des avions a été dirigée vers Al-Jufra.", Part("share", None, "Une partie des")),
        ("Deux d'entre eux ont atterri à Benghazi.", Part("share", 2, "Deux d'entre eux")),
        ("а остальные приземлились в Бенгази.", Part("rest", None, "а остальные")),
        ("Два из них приземлились в Бенгази.", Part("share", 2, "Два из них")),
        ("وهبطت ثلاث منها في بنغازي", Part("share", 3, "وهبطت ثلاث منها")),
        ("والباقي إلى الجفرة", Part("rest", None, "والباقي")),
    ],
)
def test_a_clause_opening_on_a_partitive_is_a_part(clause: str, expected: Part) -> None:
    assert part_of_group(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Two Il-76s landed at Benghazi.",  # a count, not a share of a group told before
        "One of the evacuees thanked the minister in Delhi.",  # a share of people, not of carriers
        "Deux des trois photographies montraient un avion.",
        "Les avions ont atterri à Benghazi.",
        "Части армии прибыли в Бенгази.",
    ],
)
def test_other_clauses_are_no_part(clause: str) -> None:
    assert part_of_group(clause) is None


@pytest.mark.parametrize(
    "text",
    [
        "Thirty KC-135 tankers of the US Air Force left Fairford for Morón on 3 May. Twelve of them continued onward "
        "to Qatar.",
        "Trente KC-135 de l'US Air Force ont quitté Fairford pour Morón le 3 mai. Douze d'entre eux ont ensuite "
        "poursuivi vers le Qatar.",
        "Тридцать KC-135 ВВС США вылетели из Рамштайна в Морон 3 мая. Двенадцать из них затем продолжили путь в Катар.",
    ],
)
def test_a_share_that_goes_on_leaves_from_the_groups_destination(text: str) -> None:
    part = _to(text, "country:QA")
    assert [a.label for a in part.assets] == ["KC-135"]
    assert part.actor == "United States"
    assert [p.id for p in part.origin] == ["LEMO"]
    assert (part.min_count, part.max_count) == (12, 12)
    assert part.window is not None and part.window[0].month == 5 and part.window[0].day == 3


@pytest.mark.parametrize(
    ("text", "rest_to"),
    [
        (
            "Five Russian Il-76s left Hmeimim on 3 May. One landed at Benghazi, while the remaining aircraft landed "
            "at Al-Jufra.",
            "al-jufra",
        ),
        (
            "Cinq Il-76 russes ont décollé de Hmeimim le 3 mai. Un avion a atterri à Benghazi, tandis que les autres "
            "ont atterri à Al-Jufra.",
            "al-jufra",
        ),
        (
            "Пять российских Ил-76 вылетели из Хмеймима 3 мая. Один самолёт вылетел в Эль-Джуфру, а остальные "
            "приземлились в Бенгази.",
            "benina",
        ),
    ],
)
def test_the_rest_of_a_group_is_counted_as_what_the_other_parts_leave(text: str, rest_to: str) -> None:
    rest = _to(text, rest_to)
    assert [p.id for p in rest.origin] == ["hmeimim"]
    assert (rest.min_count, rest.max_count) == (4, 4)
    assert rest.actor == "Russia"
    assert [a.label for a in rest.assets] == ["Il-76"]


@pytest.mark.parametrize(
    "text",
    [
        "Four Il-76 left Hmeimim for Benghazi on 3 May. Part of the aircraft were sent to Al-Khadim, the rest to "
        "Al-Jufra.",
        "Quatre Il-76 russes ont décollé de Hmeimim vers Benghazi le 3 mai. Une partie des avions a été dirigée vers "
        "Al-Khadim, le reste vers Al-Jufra.",
    ],
)
def test_the_rest_after_a_comma_is_a_part_moved_by_the_sentences_verb(text: str) -> None:
    assert any(
        s.startswith(("the rest", "le reste")) for s in (text[a:b].strip(", ") for a, b, _ in split_clauses(text))
    )
    for place in ("al-khadim", "al-jufra"):
        part = _to(text, place)
        assert [a.label for a in part.assets] == ["Il-76"]
        assert [p.id for p in part.origin] == ["hmeimim"]


def test_arabic_puts_the_verb_before_the_share() -> None:
    part = _to("أقلعت خمس طائرات إيل-76 روسية من حميميم إلى ليبيا في 3 مايو. وهبطت ثلاث منها في بنغازي.", "benina")
    assert (part.min_count, part.max_count) == (3, 3)
    assert [p.id for p in part.origin] == ["hmeimim"]
    assert part.actor == "Russia"

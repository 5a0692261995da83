"""Owners named outside English, goals offered or never reached, and carriers gone dark, in the four languages.

Invented sentences in the shapes reporting uses: a company's name in Arabic quotes after its descriptive
words, a French apposition naming the owner, a Russian company in the genitive after its ship; a goal hedged
("vraisemblablement", "судя по всему") or lost on the way (sunk, crashed, unable to land); a
transmitter named before its state ("with their AIS turned off") or switched on again after a silence.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.hedges import HEDGE, not_reached
from liftwatch.claims.lexicon import HINTS
from liftwatch.claims.scoring import dark_of
from liftwatch.claims.ship_owners import nominative, owners

from .conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ('وقالت المصادر إن السفينة "نجمة"، المملوكة لشركة الملاحة التركية "بحر أزرق"، وصلت', "بحر أزرق"),
        ('وأفيد بأن السفينة مسجلة لصالح شركة "نورد ترانس" في روتردام.', "نورد ترانس"),
        ('هبطت الطائرة التابعة لشركة "سما كارغو" في المطار', "سما كارغو"),
        ("selon l'armateur grec Poseidon Lines, son propriétaire.", "Poseidon Lines"),
        (
            "La société Nordwind Shipping, basée à Hambourg et propriétaire du cargo Elbe, a démenti.",
            "Nordwind Shipping",
        ),
        ("Cet appareil appartient à la société kazakhe de fret aérien Steppe Air.", "Steppe Air"),
        ("Сухогруз принадлежит судоходной компании «Вектор».", "Вектор"),
        ("Судно компании «Полярный путь» прибыло в порт.", "Полярный путь"),
        ("Российское судно «Оборонлогистики» вернулось в порт.", "Оборонлогистика"),
        ("two Il-76 registered to a company called Desert Wings landed there", "Desert Wings"),
    ],
)
def test_owner_phrases_in_four_languages(text: str, owner: str) -> None:
    assert [name for _, name in owners(text)] == [owner]


@pytest.mark.parametrize(
    "text",
    [
        "تم تفتيش سفينة مملوكة لشركة شحن روسية كانت قد تورطت في التهريب",  # a kind of company, no name
        "The plane belongs to Syria.",  # a state, not a company
        "عبرت السفن التابعة لـ”الأسطول الشمالي” مضيق البوسفور",  # a quoted name no company noun introduces
        "a C-17 belonging to the United States Air Force landed there",  # a state's forces: the mover
        "Судно «Спарта IV» прибыло в порт.",  # the ship's own name after its noun
    ],
)
def test_no_owner_where_no_company_is_named(text: str) -> None:
    assert owners(text) == []


@pytest.mark.parametrize(
    ("genitive", "nominative_"),
    [("Оборонлогистики", "Оборонлогистика"), ("Волги", "Волга"), ("Звезды", "Звезда"), ("Совкомфлот", "Совкомфлот")],
)
def test_a_russian_company_named_in_the_genitive_is_written_in_the_nominative(genitive: str, nominative_: str) -> None:
    assert nominative(genitive) == nominative_


def test_an_arabic_owner_reaches_the_claim_of_the_ship_named_before() -> None:
    ex = shape_extract(
        'وصلت السفينة "نجمة الشمال" إلى ميناء طرطوس يوم 3 مايو. والسفينة المملوكة لشركة الشحن "بحر أزرق" تحمل ذخائر.'
    )
    assert [c.owner for c in ex.claims] == ["بحر أزرق"]


@pytest.mark.parametrize(
    "text",
    [
        "ils se dirigeaient vraisemblablement vers",
        "the frigate was reportedly heading to",
        "it is not known whether the ship will sail to",
        "судя по всему, корабль идёт в",
        "по-видимому, судно направляется в",
    ],
)
def test_hedges_in_four_languages(text: str) -> None:
    assert HEDGE.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Il-76 landed at Benina on Monday.",
        "Le navire est arrivé à Tartous.",
        "Судно прибыло в Тартус.",
        "وصلت السفينة إلى ميناء طرطوس.",
    ],
)
def test_a_plain_goal_is_not_hedged(text: str) -> None:
    assert HEDGE.search(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The An-26 crashed on landing at Wadi Halfa.", "Wadi Halfa"),
        ("Le cargo a coulé en route vers Tartous.", "Tartous"),
        ("Un boutre à destination du Yémen a été arraisonné.", "Yémen"),
        ("Самолёт не смог приземлиться на базе в Хмеймиме.", "Хмеймиме"),
        ("Сухогруз, шедший в Астрахань, затонул.", "Астрахань"),
    ],
)
def test_goals_not_reached(text: str, place: str) -> None:
    a = text.index(place)
    assert not_reached(text, a, a + len(place))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The ship sailed to Tartus. Days later another ship sank off Crete.", "Tartus"),  # another sentence
        ("The Il-76 landed at Benina on Monday.", "Benina"),
    ],
)
def test_goals_reached(text: str, place: str) -> None:
    a = text.index(place)
    assert not not_reached(text, a, a + len(place))


def test_a_hedged_goal_is_possible_not_claimed() -> None:
    ex = shape_extract("Le navire de débarquement Kaliningrad se dirigeait vraisemblablement vers le port de Tartous.")
    assert [place_ids(c.possible) for c in ex.claims] == [{"tartus-port"}]
    assert all(not c.destination for c in ex.claims)


def test_a_goal_lost_on_the_way_is_possible_not_claimed() -> None:
    ex = shape_extract("Самолёт Ил-76 не смог приземлиться на авиабазе Хмеймим 3 мая.")
    assert [place_ids(c.possible) for c in ex.claims] == [{"hmeimim"}]
    assert all(not c.destination for c in ex.claims)


_DARK = dict(HINTS)


@pytest.mark.parametrize(
    "text",
    [
        "The destroyers sailed with their AIS identification systems turned off.",
        "Transponders appear to have been turned off on the last leg.",
        "The tanker did not activate its Automatic Identification System (AIS) on the way.",
        "The jet disappeared from all tracking sites over the sea.",
        "The freighter switched on its AIS transponder again near the strait.",
        "Le cargo a débranché lundi son système d'identification automatique.",
        "Le navire a disparu du SIA vers 19 heures.",
        "Les balises de localisation ont été coupées à deux reprises.",
        "Судно шло с выключенным транспондером.",
        "Транспондер AIS был ненадолго включен у входа в пролив.",
    ],
)
def test_dark_in_four_languages(text: str) -> None:
    assert _DARK["transponders off"].search(text) or _DARK["ceased location-sharing"].search(text)


@pytest.mark.parametrize(
    "text",
    [
        "The AIS data shows it turned off the coast towards the port.",  # the data, then a turn at sea
        "The crew switched on the lights.",
        "Судно включено в санкционный список.",
    ],
)
def test_not_dark(text: str) -> None:
    assert not (_DARK["transponders off"].search(text) or _DARK["ceased location-sharing"].search(text))


def test_a_dark_claim_in_french() -> None:
    ex = shape_extract("Le cargo Nordvik a quitté Mourmansk le 3 mai, puis a disparu du SIA au large de la Norvège.")
    assert ex.claims and all(dark_of(c) for c in ex.claims)

"""The claim reader on names and carrier words of this round: a Russian name written with its Arabic article
("Эль-Камышлы") keeps its cue; a name the text calls a base is the air base of that name; the French territory of
Saint-Martin; a guard ship, a rescue ship and a French "ravitailleur" keyed by their own kind. Invented sentences."""

from __future__ import annotations

from datetime import date

from liftwatch.claims import extract


def _claims(text: str) -> list[tuple[list[str], list[str | None], list[str | None]]]:
    ex = extract(text, date(2024, 5, 1))
    return [([a.label for a in c.assets], [p.id for p in c.origin], [p.id for p in c.destination]) for c in ex.claims]


def test_a_russian_name_with_its_article_keeps_its_cue() -> None:
    assert _claims("Два самолета Ил-76 вылетели из Эль-Камышлы на авиабазу Хмеймим во вторник.") == [
        (["Il-76"], ["qamishli"], ["hmeimim"])
    ]


def test_a_french_base_named_by_its_town_is_the_air_base() -> None:
    assert _claims("Deux Rafale ont décollé mardi de la base d'Orange pour Niamey.")[0][1] == ["LFMO"]


def test_an_english_air_base_named_by_its_town_is_the_air_base() -> None:
    assert _claims("Two French Rafale jets took off from Orange air base for Niamey on Tuesday.")[0][1] == ["LFMO"]


def test_the_bare_town_stays_the_towns_airport() -> None:
    assert _claims("A chartered plane flew from Orange to Sydney on Tuesday.")[0][1] == ["YORG"]


def test_saint_martin_is_the_french_territory() -> None:
    got = _claims("Un avion Casa de l'armée de l'Air a décollé de Fort-de-France pour Saint-Martin mardi.")
    assert got[0][2] == ["country:MF"]


def test_a_guard_ship_and_a_rescue_vessel_keep_their_kinds() -> None:
    assert _claims("A guard ship and a rescue vessel have set off for Tartus.")[0][0] == ["guard ship", "rescue ship"]


def test_a_russian_rescue_ship_is_a_rescue_ship() -> None:
    assert _claims("Спасательное судно прибыло в Тартус во вторник.")[0][0] == ["rescue ship"]


def test_a_named_guard_ship_is_its_name() -> None:
    assert _claims("The guard ship Pytlivy has set off for Sevastopol on Tuesday.")[0][0] == ["Pytlivy"]


def test_a_french_ravitailleur_at_sea_is_a_tanker() -> None:
    assert _claims("Un ravitailleur de la Marine a quitté Toulon jeudi pour Djibouti.")[0][0] == ["tanker"]


def test_an_air_ravitailleur_stays_an_aircraft() -> None:
    assert _claims("Un avion ravitailleur a décollé d'Istres mardi pour Niamey.")[0][0] == ["tanker aircraft"]


def test_a_ravitailleur_with_an_aircraft_type_stays_an_aircraft() -> None:
    assert _claims("Un ravitailleur C-135 a décollé d'Istres mardi pour Niamey.")[0][0] == ["KC-135"]

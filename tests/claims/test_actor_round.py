"""Actors told by a form the readers missed: a navy's mark on a ship's name, a French force named without its state,
a warship's class words between the noun and the state's adjective, a force's own name.

Invented sentences, one behaviour each. A warship is its state's (the annotation's rule 6): "INS Tarkash" is
India's, "le BCR Var" France's, "un A330 de l'armée de l'Air" France's in French reporting, "les CASA des FAZSOI"
France's. "HMS" is two navies' mark and is read after the story's actor has been carried; "EAU" names the UAE only in
capitals.
"""

from __future__ import annotations

from liftwatch.claims import extract
from liftwatch.claims.fr_own_forces import french_forces
from liftwatch.claims.hull_marks import hull_states
from liftwatch.claims.known_movers import state_forces
from liftwatch.claims.mover import actor_spans


def _actors(text: str) -> list[str | None]:
    return [c.actor for c in extract(text).claims]


def _states(text: str) -> list[str]:
    return [a.name for _, _, a in state_forces(text)]


def test_a_hull_prefix_names_its_navy_s_state() -> None:
    assert _actors("INS Tarkash sailed from Mumbai to Salalah on 3 May 2024.") == ["India"]


def test_a_hull_prefix_names_its_state_in_french_reporting() -> None:
    assert _actors("Le HNLMS Zeeland a quitté Den Helder le 3 mai 2024 pour Aruba.") == ["Netherlands"]


def test_hms_alone_is_the_royal_navy_s() -> None:
    assert _actors("HMS Kent left Portsmouth for Gibraltar on 3 May 2024.") == ["United Kingdom"]


def test_hms_after_a_saudi_ship_keeps_the_story_s_state() -> None:
    text = (
        "Le navire Yanbu de la marine saoudienne est arrivé à Djeddah le 2 mai 2024. "
        "Le 3 mai, le HMS Dammam a transporté 150 personnes vers Djeddah."
    )
    assert _actors(text) == ["Saudi Arabia", "Saudi Arabia"]


def test_a_french_navy_designation_names_france() -> None:
    assert _actors("Le BCR Var a appareillé de Toulon le 3 mai 2024 pour Djibouti.") == ["France"]


def test_a_designation_with_no_name_after_it_is_not_read() -> None:
    assert hull_states("Les BPC égyptiens ont quitté Alexandrie.") == []


def test_a_designation_other_navies_share_is_not_read() -> None:
    assert hull_states("La FREMM Carlo Bergamini a quitté La Spezia.") == []


def test_a_warship_with_its_class_words_before_the_adjective_is_the_state_s() -> None:
    assert _states("La frégate de surveillance française Germinal a accosté à Suva.") == ["France"]


def test_a_military_hospital_ship_is_its_state_s() -> None:
    assert _states("Le navire-hôpital militaire chinois a quitté Libreville.") == ["China"]


def test_the_people_s_liberation_army_in_french_is_china_s() -> None:
    assert _states("Le destroyer Nanning de la Marine de l'Armée populaire de libération a accosté.") == ["China"]


def test_a_carrier_of_the_bare_armee_de_l_air_is_france_s() -> None:
    assert _actors("Un A330 de l'armée de l'Air a décollé d'Istres le 3 mai 2024 pour Amman.") == ["France"]


def test_the_armee_de_l_air_with_a_state_after_it_is_not_france_s() -> None:
    assert french_forces("Un Il-76 de l'armée de l'air russe a décollé de Pskov.") == []


def test_the_armee_de_l_air_with_no_carrier_before_it_is_no_mover() -> None:
    assert french_forces("Le chef d'état-major de l'armée de l'air a visité Pau.") == []


def test_france_s_forces_overseas_are_france_s() -> None:
    assert _actors("Un CASA des FAZSOI a rallié Mayotte le 3 mai 2024 depuis La Réunion.") == ["France"]


def test_water_is_not_the_emirates() -> None:
    spans = actor_spans("Un A400M chargé de 20 tonnes d'eau a quitté Istres.")
    assert [a.name for _, _, a in spans] == []


def test_the_emirates_abbreviation_in_capitals_is_still_read() -> None:
    assert [a.name for _, _, a in actor_spans("Un avion des EAU a atterri.")] == ["United Arab Emirates"]


def test_japan_s_self_defense_force_names_japan() -> None:
    assert _states("Two self-defense force destroyers arrived in Manila.") == ["Japan"]


def test_the_rcaf_names_canada() -> None:
    assert _states("An RCAF C-130 landed in Port-au-Prince.") == ["Canada"]


def test_an_english_warship_with_its_class_words_is_the_state_s() -> None:
    assert _states("The Dutch air defense frigate Tromp left Den Helder.") == ["Netherlands"]


def test_an_english_navy_hospital_ship_is_the_state_s() -> None:
    assert _states("The Chinese navy hospital ship left Djibouti.") == ["China"]


def test_a_french_plural_state_that_sends_is_the_mover() -> None:
    assert _states("Les États-Unis envoient deux C-17 en Pologne.") == ["United States"]


def test_a_french_state_that_routes_a_carrier_is_the_mover() -> None:
    assert _states("La Belgique a acheminé un A400M vers Beyrouth.") == ["Belgium"]

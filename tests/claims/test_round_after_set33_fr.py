"""French participles of motion opening a sentence (the round after set 33): "Parti de Brest, le navire ...", "Reliant
Lyon à Tunis, l'avion ...". Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

from liftwatch.claims.cues import MOVE
from liftwatch.claims.extract import extract
from liftwatch.claims.fr_participle_leads import participle_lead
from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import real_kb_gazetteer

PUB = date(2024, 6, 22)


def _legs(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    return [([p.id for p in c.origin], [p.id for p in c.destination]) for c in extract(text, PUB).claims]


def _never_a_place(word: str) -> bool:
    return False


def test_an_opening_participle_with_its_de_is_read_apart_from_the_name() -> None:
    text = "Les avions sont prêts. Partis de Marseille mardi, deux A400M ont atterri à Niamey."
    start = text.index("Partis")
    assert text[start : start + participle_lead(text, start, _never_a_place)] == "Partis de "


def test_a_present_participle_of_a_route_opening_the_text_is_read_apart() -> None:
    assert participle_lead("Reliant Lyon à Tunis, l'avion a été saisi.", 0, _never_a_place) == len("Reliant ")


def test_a_participle_inside_a_sentence_is_left_to_the_other_rules() -> None:
    text = "Le navire, Parti de Brest en mai, a atteint Dakar."
    assert participle_lead(text, text.index("Parti"), _never_a_place) == 0


def test_a_name_ending_like_a_participle_stays_a_name() -> None:
    # "Benghazi" opens the sentence and ends in "-i", but the kb knows it: it is the name, not a cue
    text = "Benghazi de nouveau a reçu deux Il-76."
    assert participle_lead(text, 0, lambda word: word == "Benghazi") == 0


def test_an_opening_word_that_is_no_cue_is_not_split() -> None:
    # "Vu de Paris": a participle, but of seeing, no role cue
    assert participle_lead("Vu de Paris, le retrait est un échec.", 0, _never_a_place) == 0


def test_the_origin_of_an_opening_parti_de_is_found() -> None:
    real_kb_gazetteer()
    legs = _legs("Partis de Marseille mardi, deux avions militaires ont atterri à Niamey.")
    assert legs == [(["LFML"], ["DRRN"])], legs


def test_an_opening_reliant_gives_the_route_both_ends() -> None:
    real_kb_gazetteer()
    legs = _legs("Reliant Marseille à Misrata avec à bord du matériel, cet avion a été détruit dès son atterrissage.")
    assert legs == [(["LFML"], ["misrata"])], legs


def test_an_opening_parti_de_makes_its_sentence_a_movement() -> None:
    assert MOVE.search("Partie de Toulon au début du mois, la frégate aurait éteint son transpondeur.")
    assert MOVE.search("Parti d'Ostende en mai, le navire a longé les côtes.")


def test_the_party_is_no_movement() -> None:
    assert not MOVE.search("Le Parti de Gauche a critiqué la décision.")
    assert not MOVE.search("Le chef du parti de Marseille a critiqué la décision.")


def test_flying_off_from_a_place_is_a_cue_of_the_place_left() -> None:
    assert cue_role("deux Il-76 s'envoleront de ") == "origin"
    assert cue_role("L'appareil s'était envolé lundi soir de ") == "origin"


def test_the_noun_of_the_take_off_is_no_cue() -> None:
    assert cue_role("l'envol de ") is None


def test_the_place_flown_off_from_is_the_origin_of_the_movement_its_clause_tells() -> None:
    real_kb_gazetteer()
    legs = _legs("Deux avions s'envoleront de Marseille pour transporter au Niger du matériel.")
    assert legs and legs[0][0] == ["LFML"], legs


def test_the_place_a_movement_was_made_to_go_to_is_its_goal() -> None:
    assert cue_role("la frégate a franchi les Dardanelles pour se rendre en ") == "destination"
    assert cue_role("le navire a quitté Brest afin de se rendre à ") == "destination"


def test_the_goal_of_a_movement_made_to_go_to_a_sea_is_read() -> None:
    real_kb_gazetteer()
    claims = extract(
        "Deux frégates ont franchi mardi le Bosphore pour se rendre en Méditerranée orientale.", PUB
    ).claims
    assert claims and "eastern-mediterranean" in [p.id for p in claims[0].destination], claims

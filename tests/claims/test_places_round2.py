"""Places named in forms the reader used to miss: a listed place followed by a note in brackets ("Lisbon
(Portugal) and Sal", "Гиссар (Таджикистан) и Кант (Киргизия)"), which used to close the list, and a port named
after the sea it lies on ("the Black Sea port of Odessa", "the sea port of Constanta"), which gave the sea, and a
French port's quay ("au quai n°9 du port d'Alger"), which broke the cue's reach.

Invented sentences, one behaviour per test.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract
from liftwatch.claims.places import default_gazetteer
from liftwatch.claims.reading import read_sentences
from liftwatch.claims.scoring import place_keys


def _keys(text: str) -> set[str]:
    """Every place key the reader found anywhere in ``text``."""
    mentions, _ = read_sentences(text, default_gazetteer(), date(2025, 3, 1))
    return set().union(*(place_keys(m.place) for m in mentions))


def _vias(text: str) -> set[str]:
    claims = extract(text, date(2025, 3, 1)).claims
    return {p.id or "" for c in claims for p in c.via}


def test_english_place_listed_after_a_bracketed_country_is_found() -> None:
    assert "GOOY" in _keys("The KC-390 refuelled at Lisbon (Portugal) and Dakar (Senegal) on its way home.")


def test_english_place_listed_after_a_bracketed_country_shares_the_role() -> None:
    vias = _vias("The C-390 flew from Brasilia to Warsaw, making stops in Lisbon (Portugal) and Dakar (Senegal).")
    assert {"LPPT", "GOOY"} <= vias


def test_french_places_listed_after_bracketed_countries_are_found() -> None:
    assert {"DGAA", "GMMN"} <= _keys("Le navire se dirigera vers Lagos (Nigeria), Accra (Ghana) et Casablanca (Maroc).")


def test_russian_place_listed_after_a_bracketed_country_is_found() -> None:
    assert "UAFW" in _keys("Самолеты совершат дозаправки на аэродромах Гиссар (Таджикистан) и Кант (Киргизия).")


def test_bracketed_note_alone_makes_no_list() -> None:
    # a name after a bracket but with no joining word is no further item of the list
    assert "GOOY" not in _keys("The C-390 stopped in Lisbon (Portugal). Dakar airport was closed.")


def _goals(text: str) -> set[str]:
    claims = extract(text, date(2025, 3, 1)).claims
    return {p.id or "" for c in claims for p in c.destination}


def test_port_named_after_its_sea_is_the_goal() -> None:
    # "the Black Sea port of X": the port is where the ship went, not the sea
    assert _goals("The frigate HMS Kent docked in the Black Sea port of Odessa on Monday.") == {"wpi-43650"}


def test_sea_before_a_port_of_is_no_place() -> None:
    assert "black-sea" not in _keys("The frigate HMS Kent docked in the Black Sea port of Odessa on Monday.")


def test_port_after_sea_port_of_is_found() -> None:
    assert "wpi-43560" in _goals("The destroyer USS Ross docked on Thursday in the sea port of Constanta.")


def test_sea_entered_is_still_a_place() -> None:
    assert "black-sea" in _goals("The frigate HMS Kent sailed into the Black Sea on Monday.")


def test_french_quay_with_its_number_reaches_the_port() -> None:
    goals = _goals("Le patrouilleur Commandant Blaison a accosté mardi au quai n°4 du port d’Alger.")
    assert goals == {"algiers-port"}


def test_french_quay_told_by_an_adjective_names_no_place() -> None:
    assert not any(k.startswith("unknown:") for k in _keys("Le Mistral a quitté le quai Toulonnais le 5 mars."))

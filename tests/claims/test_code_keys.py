"""An airfield's code read only where the text writes a code: "LIRE" is Pratica di Mare, "à lire" a link's caption.

The gazetteer finds curated sites by their names and their ids; an id that is an ICAO code ("LIRE") matched
the French verb "lire" in a caption such as "à lire aussi", which then became a place of the sentence's movement.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract


def _places(text: str) -> set[str]:
    claims = extract(text, date(2025, 1, 2)).claims
    return {p.id or "" for c in claims for p in [*c.origin, *c.destination, *c.via]}


def test_french_verb_lire_is_no_airfield() -> None:
    places = _places("Le pétrolier a quitté Brest lundi, à lire dans notre dossier.")
    assert "LIRE" not in places


def test_code_written_as_a_code_still_reads() -> None:
    assert "LIRE" in _places("The transport aircraft flew from LIRE to Sigonella on Monday.")


def test_sebkha_stop_is_not_sebha() -> None:
    places = _places("Un Il-76 a fait une escale technique à Sebkha avant de se poser à N'Djamena.")
    assert "sabha" not in places
    assert "FTTJ" in places

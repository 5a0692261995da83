"""Places named in forms the reader used to miss: a French country listed after a comma with its article ("vers
le Royaume-Uni, l'Allemagne et la Pologne"), and a Russian town's port named by the town's adjective written with
a capital ("в Ашдодском порту").

Invented sentences, one behaviour per test.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract
from liftwatch.claims.intervals import Taken
from liftwatch.claims.places import default_gazetteer
from liftwatch.claims.reading import read_sentences
from liftwatch.claims.ru_town_ports import ru_town_port_mentions
from liftwatch.claims.scoring import place_keys


def _keys(text: str) -> set[str]:
    """Every place key the reader found anywhere in ``text``."""
    mentions, _ = read_sentences(text, default_gazetteer(), date(2025, 3, 1))
    return set().union(*(place_keys(m.place) for m in mentions))


def _goals(text: str) -> set[str]:
    claims = extract(text, date(2025, 3, 1)).claims
    return {p.id or "" for c in claims for p in c.destination}


def test_french_country_listed_after_a_comma_with_its_article() -> None:
    assert "country:AT" in _keys("Les avions de transport ont volé vers la Pologne, l'Autriche et la Grèce.")


def test_french_country_listed_with_la_after_a_comma() -> None:
    assert "country:BE" in _keys("Les ravitailleurs ont décollé vers le Royaume-Uni, la Belgique et l'Espagne.")


def test_french_subject_after_a_place_and_a_comma_is_no_listed_place() -> None:
    # the clause goes on with a verb: the country is who acts, not a further place of the list
    assert "country:TR" not in _keys("Deux avions sont arrivés à Niamey, la Turquie a confirmé le vol.")


def test_capitalised_russian_town_adjective_names_its_port() -> None:
    found = ru_town_port_mentions("Эсминец разгружался в Ашдодском порту.", default_gazetteer(), Taken([]))
    assert [m.place.id for m in found] == ["ashdod-port"]


def test_capitalised_russian_town_adjective_port_is_a_destination() -> None:
    assert "ashdod-port" in _goals("Американский транспорт с боеприпасами пришёл в Ашдодский порт во вторник.")


def test_capitalised_russian_state_adjective_names_no_town_port() -> None:
    assert ru_town_port_mentions("Судно вошло в Египетский порт.", default_gazetteer(), Taken([])) == []

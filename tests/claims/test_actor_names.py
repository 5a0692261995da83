"""An actor written as the corpus rules want it: a state company's carrier is its state's with the company as owner
(rule 8), and a proxy known by two names is named as the text names it.

Sentences written for these rules (other carriers, places and dates than the gold corpora).
"""

from __future__ import annotations

import pytest

from liftwatch.claims.actor_names import proxy_as_named, state_companies
from liftwatch.claims.model import Claim

from .conftest import one_claim


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("The Oboronlogistics ferry Sparta IV sailed from Novorossiysk to Tartus on 3 May.", "oboronlogistics"),
        ("Паром «Спарта IV» компании «Оборонлогистика» вышел из Новороссийска в Тартус 3 мая.", "оборонлогистика"),
    ],
)
def test_a_state_companys_ship_is_its_states(text: str, owner: str) -> None:
    c = one_claim(text)
    assert c.actor == "Russia"
    assert c.owner is not None and owner in c.owner.lower()


def _claim(actor: str | None, owner: str | None = None) -> Claim:
    return Claim(claim_id=1, sentences=[], actor=actor, owner=owner)


def test_the_state_of_a_company_given_as_owner_moves_the_carrier() -> None:
    owned, private, other = _claim(None, "IRISL"), _claim(None, "M Leasing"), _claim("Turkey", "Syriamar")
    state_companies([owned, private, other])
    assert (owned.actor, owned.owner) == ("Iran", "IRISL")
    assert private.actor is None  # a private company's carrier has no actor (rule 8)
    assert other.actor == "Turkey"  # an actor the text names stays


def test_a_proxy_is_named_as_the_text_names_it() -> None:
    only_wagner, both, corps = (_claim("Wagner / Africa Corps") for _ in range(3))
    proxy_as_named([only_wagner], "A Wagner Il-76 landed in Bangui.")
    proxy_as_named([both], "Wagner, now the Africa Corps, flew an Il-76 to Bamako.")
    proxy_as_named([corps], "Самолёт Африканского корпуса прибыл в Бамако.")
    assert (only_wagner.actor, both.actor, corps.actor) == ("Wagner", "Wagner / Africa Corps", "Africa Corps")


def test_wagner_in_a_sentence() -> None:
    assert one_claim("A Wagner Il-76 landed in Bangui on Tuesday.").actor == "Wagner"


def test_an_airline_is_named_without_the_nationality_the_sentence_gives_it() -> None:
    from liftwatch.claims.attribution import operators

    assert [n for _, _, n in operators("Spotters saw an Iranian Yazd Airlines plane at Damascus.")] == ["Yazd Airlines"]
    assert [n for _, _, n in operators("A Turkish Airlines flight left Misrata.")] == ["Turkish Airlines"]

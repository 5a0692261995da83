"""An actor the story told in an earlier sentence, carried to a movement whose own sentences name none.

Invented sentences, one behaviour each. When everything before the movement names one actor only, the movement is
that actor's ("L'armée turque a annoncé ... . Un A400M a décollé ..."); two actors before, a merchant ship's
story (rule 8: a tanker is its company's) and Arabic are left without one.
"""

from __future__ import annotations

from liftwatch.claims import extract
from liftwatch.claims.model import AssetRef, Claim
from liftwatch.claims.story_actor import carry_told_actor


def _actors(text: str) -> list[str | None]:
    return [c.actor for c in extract(text).claims]


def test_the_one_actor_announced_before_moves_in_french() -> None:
    text = (
        "L'armée turque a annoncé jeudi une mission d'aide humanitaire. "
        "Un A400M a décollé vendredi d'Izmir à destination de Beyrouth."
    )
    assert _actors(text) == ["Turkey"]


def test_the_one_actor_of_the_headline_moves_in_english() -> None:
    text = (
        "Turkey's armed forces begin aid mission. "
        "A transport plane left Izmir for Larnaca on 3 May 2024 with forty tonnes of supplies."
    )
    assert _actors(text) == ["Turkey"]


def test_the_carried_actor_is_marked_as_carried() -> None:
    text = (
        "L'armée turque a annoncé jeudi une mission d'aide humanitaire. "
        "Un A400M a décollé vendredi d'Izmir à destination de Beyrouth."
    )
    assert [c.actor_carried for c in extract(text).claims] == [True]


def test_two_actors_named_before_are_not_carried() -> None:
    claim = Claim(claim_id=1, sentences=["Un A400M a décollé vendredi d'Izmir à destination de Beyrouth."])
    text = "La Turquie et la Russie ont annoncé une mission d'aide. " + claim.sentences[0]
    carry_told_actor([claim], text)
    assert claim.actor is None


def test_one_actor_named_before_is_carried_to_a_claim_with_none() -> None:
    claim = Claim(claim_id=1, sentences=["Un A400M a décollé vendredi d'Izmir à destination de Beyrouth."])
    text = "La Turquie a annoncé une mission d'aide. " + claim.sentences[0]
    carry_told_actor([claim], text)
    assert claim.actor == "Turkey"


def test_a_merchant_ship_s_story_keeps_no_state() -> None:
    claim = Claim(
        claim_id=1, sentences=["Le pétrolier a quitté Mersin le 3 mai pour Lagos."], assets=[AssetRef("tanker", "sea")]
    )
    text = "La Turquie surveille un pétrolier. " + claim.sentences[0]
    carry_told_actor([claim], text)
    assert claim.actor is None


def test_an_aircraft_is_carried_even_when_a_tanker_is_named() -> None:
    claim = Claim(
        claim_id=1, sentences=["Un A400M a décollé d'Izmir pour Lagos le 3 mai."], assets=[AssetRef("A400M", "air")]
    )
    text = "La Turquie surveille un pétrolier. " + claim.sentences[0]
    carry_told_actor([claim], text)
    assert claim.actor == "Turkey"


def test_arabic_is_not_carried() -> None:
    claim = Claim(
        claim_id=1, sentences=["أقلعت طائرة من إزمير إلى بيروت يوم الجمعة."], assets=[AssetRef("A400M", "air")]
    )
    text = "أعلنت تركيا عن مهمة إغاثة. " + claim.sentences[0]
    carry_told_actor([claim], text)
    assert claim.actor is None


def test_the_actor_who_tells_the_story_is_not_carried() -> None:
    claim = Claim(claim_id=1, sentences=["The frigate left Izmir for Lagos on 3 May."])
    text = "A frigate docked at Haifa on 1 May, according to the Turkish navy. " + claim.sentences[0]
    carry_told_actor([claim], text)
    assert claim.actor is None

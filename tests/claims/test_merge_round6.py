"""Movements merged away (sixth pass): an earlier movement told as background in Arabic and French.

Invented sentences, one behaviour each. Arabic "وقبل ذلك،" and French "Auparavant,", "Précédemment,", "Avant cela,"
open a sentence as "Before that," and "Previously," do in English: the sentence goes back to a movement before the
report's own, and the merge step no longer folds it into the claim told before it. Only the adverb alone, closed by a
comma, counts: "قبل ذلك بيوم" ("a day before that") dates the report's own account, and "وفي وقت سابق،" ("earlier,")
was measured and left out (it as often tells the same flight's departure as another flight).
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract
from liftwatch.claims.model import Claim
from liftwatch.claims.told_earlier import earlier_apart, opens_earlier


def _claims(text: str) -> list[Claim]:
    return extract(text, date(2026, 3, 2), use_model=False).claims


def _claim(sentence: str) -> Claim:
    return Claim(claim_id=0, sentences=[sentence])


def test_an_arabic_before_that_sentence_opens_on_the_earlier_adverb() -> None:
    assert opens_earlier("وقبل ذلك، هبطت طائرة شحن عسكرية في مطار الريان.")
    assert opens_earlier("قبل ذلك، أقلعت طائرتان من مطار عدن.")


def test_an_arabic_before_that_sentence_is_a_movement_of_its_own() -> None:
    text = "وصلت طائرة شحن عسكرية تركية إلى مطار مصراتة. وقبل ذلك، هبطت طائرة شحن عسكرية تركية أخرى في مطار مصراتة."
    assert len(_claims(text)) == 2


def test_a_french_previously_sentence_is_a_movement_of_its_own() -> None:
    text = (
        "Un avion de transport militaire français a atterri à Niamey. "
        "Auparavant, un avion de transport militaire français avait atterri à Niamey."
    )
    assert len(_claims(text)) == 2


def test_a_day_after_the_arabic_adverb_is_no_background() -> None:
    assert not opens_earlier("وقبل ذلك بيوم، وصلت الطائرة إلى مطار عدن.")


def test_arabic_earlier_with_a_comma_is_left_out() -> None:
    assert not opens_earlier("وفي وقت سابق، انطلقت طائرة ثانية باتجاه السودان.")


def test_french_previously_opens_on_the_earlier_adverb() -> None:
    assert opens_earlier("Auparavant, deux avions de transport avaient atterri à Niamey.")
    assert opens_earlier("Précédemment, un navire avait quitté Toulon.")
    assert opens_earlier("Avant cela, un A400M avait décollé d'Orléans.")


def test_french_earlier_in_the_day_dates_the_reports_own_movement() -> None:
    assert not opens_earlier("Plus tôt dans la journée, le navire est arrivé à Djeddah.")
    assert not opens_earlier("Auparavant dans la nuit, deux avions avaient atterri.")


def test_a_french_sentence_after_the_background_one_may_join_it() -> None:
    background = _claim("Auparavant, un navire avait quitté Toulon pour Beyrouth.")
    after = _claim("Le navire est arrivé à Beyrouth.")
    assert earlier_apart(_claim("Un A400M a atterri à Beyrouth."), background)
    assert not earlier_apart(background, after)

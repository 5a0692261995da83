"""Movements the merge step lost: an earlier movement told as background ("Earlier, ...", "Ранее ...").

Invented sentences, one behaviour each. A sentence that opens on the adverb alone goes back to a movement before the
report's own, often to the same place; the merge step no longer folds it into the claim told before it. A day after
the adverb ("Earlier Friday") dates the report's own movement, and "Ранее о ... сообщал" names who told the same
movement first: neither is background. Sentences after the background one may still join it (they go on with its
account).
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


def test_an_english_earlier_sentence_is_a_movement_of_its_own() -> None:
    text = (
        "Russian military transport aircraft have arrived in Armenia for joint exercises. "
        "Earlier, some 2,000 Russian troops were reported to have arrived in Armenia."
    )
    assert len(_claims(text)) == 2


def test_a_russian_ranee_sentence_is_a_movement_of_its_own() -> None:
    text = (
        "Российские военно-транспортные самолеты прибыли в Армению. Ранее в Армению был отправлен еще один самолет МЧС."
    )
    assert len(_claims(text)) == 2


def test_earlier_followed_by_a_day_is_not_background() -> None:
    assert not opens_earlier("Earlier Friday, a C-130 left for the air base.")


def test_ranee_o_names_who_reported_the_same_movement() -> None:
    assert not opens_earlier("Ранее о прибытии самолета в Армению сообщало агентство.")


def test_a_sentence_after_the_background_one_may_join_it() -> None:
    background = _claim("Ранее в Армению был отправлен еще один борт.")
    after = _claim("Самолет вылетел из Москвы в Ереван.")
    assert earlier_apart(_claim("Борт прибыл в Гюмри."), background)
    assert not earlier_apart(background, after)

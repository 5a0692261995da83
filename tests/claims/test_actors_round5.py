"""Actors told by forms the reader missed on claims that were found: an Arabic sender in an excerpt that marks a
vowel anywhere ("سيّرت سلطنة عُمان", "حطّت الطائرة ... أرسلت باكستان"), and a capital standing for its state as
the subject of sending ("Washington y a acheminé", "Beijing has dispatched", "Тегеран отправил", "أرسلت أنقرة").

Invented sentences, one behaviour each. The state that sends what the carriers carry is the actor (the
annotation's rule 7); a capital named as a place stays a place.
"""

from __future__ import annotations

from liftwatch.claims import extract
from liftwatch.claims.ar_senders import arabic_senders


def _actors(text: str) -> list[str | None]:
    return [c.actor for c in extract(text).claims]


def test_an_arabic_sender_with_a_vowel_mark_in_its_name_is_read() -> None:
    assert _actors("أرسلت سلطنة عُمان يوم 3 مايو طائرتين عسكريتين إلى مطار الخرطوم.") == ["Oman"]


def test_a_vowel_mark_elsewhere_in_the_excerpt_hides_no_sender() -> None:
    text = "هبطت طائرةٌ في مطار القاهرة يوم 2 مايو. أرسلت باكستان يوم 3 مايو طائرة مساعدات إلى مطار العريش."
    assert "Pakistan" in _actors(text)


def test_a_sender_s_span_is_given_on_the_text_as_written() -> None:
    text = "سيّرت سلطنة عُمان طائرتين إلى الخرطوم."
    [(start, end, actor)] = arabic_senders(text)
    assert (actor.name, text[start:end].endswith("عُمان")) == ("Oman", True)


def test_an_english_capital_that_dispatched_is_its_state() -> None:
    assert _actors("Beijing has dispatched two frigates to Djibouti on 3 May.") == ["China"]


def test_a_french_capital_that_sent_is_its_state() -> None:
    assert _actors("Pékin a dépêché le 3 mai deux navires vers Djibouti.") == ["China"]


def test_a_french_pronoun_before_the_verb_of_sending_is_read() -> None:
    assert _actors("Le Maroc y a envoyé le 3 mai deux avions vers Niamey.") == ["Morocco"]


def test_a_russian_capital_that_sent_is_its_state() -> None:
    assert _actors("Тегеран отправил 3 мая два корабля в Порт-Судан.") == ["Iran"]


def test_an_arabic_capital_that_sent_is_its_state() -> None:
    assert _actors("أرسلت أنقرة يوم 3 مايو طائرتين عسكريتين إلى مطار مصراتة.") == ["Turkey"]


def test_a_capital_named_as_a_place_sends_nothing() -> None:
    assert _actors("Un avion parti de Washington a atterri le 3 mai à Paris.") == [None]

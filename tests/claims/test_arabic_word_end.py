"""Where an Arabic word ends (``claims/ar_words.py``), and the Arabic fields the Arabic comma lost, on sentences
written for them. The old boundary ("no character of the Arabic block follows") did not end a word before the Arabic
comma, semicolon or question mark, which share that block; a name after "،" was not read as one after "," is."""

from __future__ import annotations

import re

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.cues import MOVE
from liftwatch.claims.departures import DEPARTURE
from liftwatch.claims.lexicon import ACTORS
from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import place_ids, shape_extract


def _ends(word: str, text: str) -> bool:
    return re.match(re.escape(word) + AR_WORD_END, text) is not None


def test_a_word_ends_before_the_arabic_comma() -> None:
    assert _ends("رجعت", "رجعت، ثم")


def test_a_word_ends_before_the_arabic_semicolon() -> None:
    assert _ends("رجعت", "رجعت؛ ثم")


def test_a_word_ends_before_the_arabic_question_mark() -> None:
    assert _ends("رجعت", "رجعت؟")


def test_a_word_ends_before_an_arabic_indic_digit_as_before_an_ascii_one() -> None:
    assert _ends("الرحلة", "الرحلة٣") and _ends("الرحلة", "الرحلة3")


def test_a_vowel_mark_on_the_last_letter_does_not_end_the_word() -> None:
    # the letters-only end the kb-backed actor rules used ended "قاعدة" before its tanween
    assert not _ends("قاعدة", "قاعدةً") and not _ends("عاد", "عادَت")


def test_a_word_starts_after_a_comma_written_without_its_space() -> None:
    assert re.search(AR_WORD_START + "أقلعت", "يوم الأحد،أقلعت الطائرة")


def test_a_verb_of_leaving_after_a_comma_without_its_space_dates_a_departure() -> None:
    assert DEPARTURE.search("في الثالث من مارس،أقلعت طائرة نقل")


def test_a_verb_of_return_before_a_comma_is_a_movement() -> None:
    assert MOVE.search("الفرقاطة عادت، كما أعلنت البحرية")


def test_a_state_adjective_before_a_comma_names_the_state() -> None:
    iran = next(a for a in ACTORS if a.name == "Iran")
    assert iran.pattern.search("أبحرت المدمرة الإيرانية، وعلى متنها طاقم")


def test_from_after_a_distance_is_no_origin() -> None:
    assert cue_role("اعترضت البحرية السفينة على بعد عشرات الأميال من سواحل ") is None


def test_the_capital_named_after_its_state_and_a_comma_is_the_destination() -> None:
    ex = shape_extract("وصل خمسون خبيرا عسكريا إلى عاصمة مالي ، باماكو ، مع معداتهم.")
    assert any("bamako" in place_ids(c.destination) for c in ex.claims), ex.claims
    assert not any("country:ML" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_time_word_after_a_place_and_a_comma_is_no_second_place() -> None:
    ex = shape_extract("هبطت طائرة شحن تركية في مصراتة، ليل الأحد.")
    assert all(place_ids(c.destination) <= {"misrata"} for c in ex.claims), ex.claims

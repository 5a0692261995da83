"""Russian place names in the case forms only their grammar reaches, and Arabic and Russian relative dates.

Invented sentences. A Russian country's name declines: a soft sign ("в Израиль", "из Израиля"), a vowel the
other cases drop ("Египет", "Египта"), a consonant stem too short to strip an ending from ("Чад", "из Чада"), a
noun that also reads as an adjective ("Китай", "Китая"), and names of an adjective and a noun declined word by
word ("в Северную Корею", "Объединённых Арабских Эмиратов"), with the form of government left out ("Республики
Судан"). Arabic dates a movement by "N days ago" ("قبل ثلاثة أيام") and both languages by "since the start of
the month / year" ("منذ بداية العام", "с начала года"). An Arabic name the kb knows joined to a place by "و"
without an article ("دمشق وحلب") shares its role, and a stop told by what was done there ("после дозаправки в",
"с промежуточной посадкой в", "بعد التزود بالوقود في") is on the way. Arabic counts in words: "ست" before a
counted noun, the teens ("إحدى عشرة"), the dual in the object's case ("طائرتي"), bombers ("قاذفات"), which, like
fighters, are military by their name, so a state's adjective after them names the mover.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.places import default_gazetteer
from liftwatch.claims.relative import RELATIVE, relative_span
from liftwatch.kb.ru_forms import ru_nominatives

from .conftest import SHAPES_PUB, one_claim, place_ids


@pytest.mark.parametrize(
    ("phrase", "place"),
    [
        ("Чада", "country:TD"),
        ("Чаде", "country:TD"),
        ("Израиля", "country:IL"),
        ("Египта", "country:EG"),
        ("Китая", "country:CN"),
        ("Северную Корею", "country:KP"),
        ("Северной Кореи", "country:KP"),
        ("Южного Судана", "country:SS"),
        ("Объединённых Арабских Эмиратов", "country:AE"),
        ("Экваториальной Гвинеи", "country:GQ"),
        ("Республики Судан", "country:SD"),
        ("Исламской Республики Иран", "country:IR"),
        ("Саудовской Аравией", "country:SA"),
        ("КНР", "country:CN"),
        ("КНДР", "country:KP"),
        ("Минеральных Вод", "URMM"),  # a plural's genitive with no ending, its nominative met by sound
    ],
)
def test_a_russian_place_in_a_case_form_is_the_place(phrase: str, place: str) -> None:
    found = default_gazetteer().lookup(phrase)
    assert found is not None and found.id == place, (phrase, found)


def test_the_readings_of_a_declined_phrase_are_nominatives_word_by_word() -> None:
    assert "северная корея" in ru_nominatives("северную корею")
    assert "объединенные арабские эмираты" in ru_nominatives("объединенных арабских эмиратов")
    assert "судан" in ru_nominatives("республики судан")
    assert "египет" in ru_nominatives("египта") and "чад" in ru_nominatives("чада")
    assert ru_nominatives("chad") == []  # Latin script: no Russian grammar


@pytest.mark.parametrize("word", ["года", "мира", "дома", "лета"])
def test_a_common_word_in_a_case_form_is_no_place(word: str) -> None:
    assert default_gazetteer().lookup(word) is None


def test_a_flight_out_of_chad_into_egypt() -> None:
    c = one_claim("Два самолёта Ил-76 вылетели из Чада в Египет.")
    assert place_ids(c.origin) == {"country:TD"} and place_ids(c.destination) == {"country:EG"}


def _span(text: str) -> tuple[date, date] | None:
    m = RELATIVE.search(text)
    return None if m is None else relative_span(m, SHAPES_PUB)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("وصلت الطائرة قبل ثلاثة أيام", (date(2025, 5, 11), date(2025, 5, 11))),
        ("وصلت الطائرة قبل يومين", (date(2025, 5, 12), date(2025, 5, 12))),
        ("وصلت الطائرة قبل أسبوع", (date(2025, 5, 7), date(2025, 5, 7))),
        ("وصلت سبع رحلات منذ بداية العام", (date(2025, 1, 1), SHAPES_PUB)),
        ("وصلت سبع رحلات منذ مطلع الشهر", (date(2025, 5, 1), SHAPES_PUB)),
        ("هبطت الطائرة الشهر الفائت", (date(2025, 4, 1), date(2025, 4, 30))),
        ("С начала года прибыли 12 рейсов", (date(2025, 1, 1), SHAPES_PUB)),
        ("Самолёты прибывают с начала месяца", (date(2025, 5, 1), SHAPES_PUB)),
    ],
)
def test_arabic_and_russian_relative_dates(text: str, span: tuple[date, date]) -> None:
    assert _span(text) == span


def test_days_before_an_event_are_not_days_ago() -> None:
    # "three days before the operation began" counts back from the operation, not from publication
    assert _span("وصلت الطائرة قبل ثلاثة أيام من بدء العملية") is None


def test_an_arabic_name_the_kb_knows_joined_by_wa_shares_the_role() -> None:
    c = one_claim("وصلت طائرتان روسيتان إلى دمشق وحلب.")
    assert place_ids(c.destination) == {"damascus", "OSAP"}
    c = one_claim("وصلت طائرتان روسيتان إلى دمشق وتوقفت هناك.")  # "و" + a verb: no second name
    assert place_ids(c.destination) == {"damascus"}


@pytest.mark.parametrize(
    ("text", "via", "destination"),
    [
        ("Самолёт Ил-76 приземлился в аэропорту Бенгази после дозаправки в Египте.", "country:EG", "benina"),
        ("Самолёт Ил-76 вылетел из Москвы в Бамако с промежуточной посадкой в Бенгази.", "benina", "bamako"),
        ("هبطت طائرة شحن روسية في بنغازي بعد التزود بالوقود في القاهرة.", "HECA", "benina"),
        ("أقلعت طائرة شحن روسية من موسكو إلى باماكو وتوقفت للتزود بالوقود في بنغازي.", "benina", "bamako"),
    ],
)
def test_a_stop_told_by_refuelling_or_an_intermediate_landing_is_via(text: str, via: str, destination: str) -> None:
    c = one_claim(text)
    assert place_ids(c.via) == {via} and place_ids(c.destination) == {destination}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("هبطت ست طائرات شحن عسكرية أمريكية في مطار بنغازي.", 6),  # "ست" (six, also "lady") before a counted noun
        ("هبطت إحدى عشرة طائرة شحن روسية في مطار بنغازي.", 11),  # a teen, not "عشرة" (ten) alone
        ("وصلت ثلاث عشرة رحلة إلى ليبيا.", 13),
        ("أرسلت روسيا طائرتي شحن إلى ليبيا.", 2),  # the dual in the object's case
        ("وصلت أربع قاذفات أمريكية إلى ليبيا.", 4),
    ],
)
def test_arabic_counts_in_words(text: str, count: int) -> None:
    c = one_claim(text)
    assert (c.min_count, c.max_count) == (count, count)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("أقلعت قاذفتان أمريكيتان من قاعدة حميميم.", "United States"),
        ("هبطت ست مقاتلات فرنسية في مطار بنغازي.", "France"),
    ],
)
def test_an_arabic_bomber_or_fighter_is_military_by_its_name(text: str, actor: str) -> None:
    c = one_claim(text)
    assert c.actor == actor and [a.label for a in c.assets] == ["fighter jets"]

"""How Arabic reporting is read: digits, dates, letter variants, clitics, country names and the cue grammar of
verb-first sentences. Every sentence here was written for its mechanism (other places, dates and wordings than
the gold corpus), so a pass says the mechanism works, not that an excerpt is memorised.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from liftwatch.claims.counts import count_before, find_counts
from liftwatch.claims.textkey import fold, norm_key
from liftwatch.claims.timeparse import find_times
from tests.claims.conftest import SHAPES_PUB, one_claim, place_ids, shape_extract

PUB = SHAPES_PUB  # 2025-05-14


def _dated(text: str) -> list[tuple[date | None, date | None]]:
    return [(t.start, t.end) for t in find_times(text, PUB) if t.kind != "publication"]


# --- dates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("أقلعت الطائرة يوم ٧ أبريل ٢٠٢٥ من القاعدة.", date(2025, 4, 7)),  # Eastern Arabic digits
        ("رست السفينة في 19 أفريل 2025 قبالة الساحل.", date(2025, 4, 19)),  # Maghrebi month name
        ("وصلت القافلة في 2 جويلية 2024.", date(2024, 7, 2)),
        ("هبطت الطائرة في 11 من تشرين ثاني 2024.", date(2024, 11, 11)),  # Levantine, no article, "من"
        ("وصلت السفينة في 21 من شهر اذار.", date(2025, 3, 21)),  # "من شهر", a bare alif
        ("أقلعت في 16 فبراير، 2025.", date(2025, 2, 16)),  # the Arabic comma before the year
        ("هبطت الطائرة في السابع عشر من سبتمبر 2024.", date(2024, 9, 17)),  # a day written as an ordinal word
        ("أبحرت في الأول من شهر مارس.", date(2025, 3, 1)),
        ("رست يوم الثالث والعشرين من تشرين الأول 2024.", date(2024, 10, 23)),
        ("وصلت في الحادي عشر من أبريل.", date(2025, 4, 11)),
    ],
)
def test_arabic_dates(text: str, day: date) -> None:
    assert (day, day) in _dated(text), _dated(text)


def test_the_ordinal_ending_a_levantine_month_name_is_no_day() -> None:
    # "كانون الأول" is December, not the first of anything; "تشرين الثاني من عام" is November of a year
    assert _dated("وصلت السفن في كانون الأول 2024.") == [(date(2024, 12, 1), date(2024, 12, 31))]
    assert all(s != e for s, e in _dated("أبحرت في تشرين الثاني من عام 2024."))


def test_a_date_still_to_come_dates_nothing() -> None:
    """ "حتى 10 يونيو المقبل": the coming June, a plan, no window for what happened."""
    assert all(s is None for s, _ in _dated("وستبقى السفن في الميناء حتى 10 يونيو المقبل."))
    assert _dated("وبقيت السفن في الميناء حتى 10 يونيو.") == [(date(2025, 6, 10), date(2025, 6, 10))]


def test_a_day_of_the_month_in_any_arabic_month_set_is_no_count() -> None:
    assert not find_counts("وصلت في 14 جانفي طائرات")
    assert not find_counts("هبطت يوم 9 آب طائرات")


def test_a_tracking_site_number_is_no_count() -> None:
    text = "رصد موقع فلايت رادار 24 طائرة نقل روسية فوق البحر"
    assert not find_counts(text)
    assert count_before(text, [(text.index("طائرة"), text.index("طائرة") + 5)]) is None


# --- letters, clitics and names -----------------------------------------------------------------------------


def test_taa_marbuta_and_alif_maqsura_fold_to_one_letter_keeping_the_length() -> None:
    assert fold("مدينة بنغازى") == "مدينه بنغازي"
    assert len(fold("مدينة بنغازى")) == len("مدينة بنغازى")
    assert norm_key("إثيوبيا") == norm_key("اثيوبيا")


@pytest.mark.parametrize(
    ("text", "dest"),
    [
        ("هبطت طائرة نقل عسكرية في مطار بنغازى مساء الأحد.", "benina"),  # Egyptian final yaa
        ("وصلت طائرتا شحن إلى جنوب السودان قادمتين من أوغندا.", "country:SS"),
        ("حطت طائرة إماراتية في إريتريا بعد رحلة طويلة.", "country:ER"),
        ("وصلت السفينة الحربية لـطبرق صباح الخميس.", "tobruk-port"),  # a tatweel after the clitic
        ("حطت طائرة شحن إماراتية بـ معيتيقة فجر اليوم.", "mitiga"),
    ],
)
def test_arabic_place_forms(text: str, dest: str) -> None:
    ex = shape_extract(text)
    assert any(dest in place_ids(c.destination) for c in ex.claims), [(c.destination, c.origin) for c in ex.claims]


def test_an_indefinite_adjective_after_a_facility_noun_is_no_place() -> None:
    """ "قاعدة عسكرية" (a military base): the kb's fuzzy resolver may find an air base for the word; a
    description is not a name, and no place comes of it."""
    ex = shape_extract("هبطت طائرة روسية في قاعدة عسكرية قرب الساحل يوم الجمعة.")
    assert not [p for p in ex.places_mentioned if "عسكري" in p.text]


def test_an_airfield_named_in_arabic_is_found_by_its_skeleton_among_the_named_countrys_sites() -> None:
    """ "مطار سيكاسو ... في مالي": Sikasso's airport, which the kb knows only in Latin script; the country the
    text names makes the match safe. Without a country named, the skeleton finds nothing; a direction word
    after the name ("شمالي") is not part of it."""
    c = one_claim("هبطت طائرة نقل روسية في مطار سيكاسو جنوبي مالي صباح الثلاثاء.")
    assert place_ids(c.destination) == {"GASK"}
    ex = shape_extract("هبطت طائرة نقل روسية في مطار سيكاسو صباح الثلاثاء.")
    assert "GASK" not in {p.id for p in ex.places_mentioned}


def test_a_country_in_arabic_is_a_place_wherever_it_stands() -> None:
    """No cue is needed for the gazetteer to know "بلغاريا" (a qualifier, a list); the role still comes from
    the words before it."""
    ex = shape_extract("عبرت السفينة قبالة سواحل بلغاريا ثم وصلت إلى ميناء طرطوس.")
    assert "country:BG" in {p.id for p in ex.places_mentioned}


# --- the cue grammar of verb-first sentences ---------------------------------------------------------------


def test_a_departure_noun_with_its_pronoun_names_the_origin_and_sawba_the_destination() -> None:
    c = one_claim("أبحرت ناقلة النفط صوب ميناء بنغازي بعد مغادرتها ميناء طبرق بيومين.")
    assert "tobruk-port" in place_ids(c.origin)
    assert "benghazi-port" in place_ids(c.destination)


def test_a_return_is_a_movement() -> None:
    c = one_claim("عادت طائرة النقل الروسية إلى موسكو مساء السبت.")
    assert "city:moscow" in place_ids(c.destination)


def test_the_carriers_type_inside_a_long_subject_is_no_origin_cue() -> None:
    """ "من طراز" (of the type) and a quantity's "من" ("شحنة من", a load of) between the verb and the place are
    part of the subject, not "from"."""
    c = one_claim(
        "هبطت صباح اليوم طائرة نقل عسكرية روسية ضخمة من طراز أنتونوف 124 تحمل شحنة من المعدات الثقيلة "
        "تابعة لوزارة الدفاع الروسية في مطار معيتيقة."
    )
    assert "mitiga" in place_ids(c.destination)
    assert not c.origin


# --- the per-excerpt diagnosis --------------------------------------------------------------------------------


def test_excerpt_rows_say_why_a_movement_was_not_extracted(tmp_path: Path) -> None:
    from liftwatch.claims.diagnose import NO_PLACE, excerpt_rows

    (tmp_path / "ar-x1.toml").write_text(
        'lang = "ar"\nurl = "https://example.org/x"\npublished = "2025-05-14"\n'
        "text = '''هبطت طائرة روسية في مطار بنغازي يوم 3 مايو.'''\n"
        '[[claim]]\ndestination = ["benina"]\n'
        '[[claim]]\ndestination = ["unknown:زحل"]\n',
        encoding="utf-8",
    )
    (row,) = excerpt_rows(tmp_path, "ar")
    assert row[0] == "ar-x1.toml"
    assert row[1] == "2 / 1 / 1"
    assert row[3] == "1 of 2"
    assert row[-1] == f"1× {NO_PLACE}"
    assert excerpt_rows(tmp_path, "en") == []


# --- whole movements, every language ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two Il-76s left Engels for Minsk on Friday, and a third flew from Mozdok to Minsk.",
        "Deux Il-76 ont quitté Engels pour Minsk vendredi, et un troisième a décollé de Mozdok vers Minsk.",
    ],
)
def test_a_further_carrier_with_its_own_verb_is_a_movement_of_its_own(text: str) -> None:
    origins = [place_ids(c.origin) for c in shape_extract(text).claims]
    assert origins == [{"engels"}, {"mozdok"}], origins


def test_the_waters_of_one_voyage_told_twice_make_one_claim() -> None:
    """A ship "crossing the Black Sea to Syria" and the same ship "through the Bosphorus and the Dardanelles to
    Tartus": one voyage whose passages the two sentences name differently."""
    ex = shape_extract(
        "أبحرت سفينة الإنزال الروسية «نوفوتشركاسك» عبر البحر الأسود متجهة إلى سوريا. "
        "وعبرت السفينة «نوفوتشركاسك» مضيقي البوسفور والدردنيل في طريقها إلى ميناء طرطوس."
    )
    assert len(ex.claims) == 1, [(c.via, c.destination) for c in ex.claims]

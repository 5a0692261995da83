"""Arabic headings in two words, ships joining a group where the group is (``claims/ar_goals.py``), and the
adjective of a state after a facility noun (``claims/ar_state_adjectives.py``), each on sentences written for it.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.ar_state_adjectives import adjective_as_site, state_adjective
from liftwatch.claims.model import Place
from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "pre",
    [
        "أبحرت المدمرة صباح اليوم في اتجاه ",
        "نفذت السفن عشرين رحلة في اتجاه ",
        "أعلنت الوزارة انضمام الفرقاطة إلى مجموعة السفن الحربية الدائمة في ",
        "ستنضم السفينتان مساء اليوم إلى المجموعة البحرية المنتشرة قرب السواحل في ",
        "كانت الفرقاطة متجهة إلى مجموعة السفن العاملة في ",
    ],
)
def test_a_heading_or_a_group_joined_gives_the_place_after_it_the_destination(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


@pytest.mark.parametrize(
    "pre",
    [
        "قال إن السفن المتجهة إلى مجموعة السفن، في ",  # a comma ends the group's name
        "نقلت الطائرة أسلحة إلى ميليشيا مسلحة في ",  # a militia in a place: measured and left out
        "اجتمع قادة المجموعة في ",  # no "إلى": where the group met
    ],
)
def test_a_place_after_a_party_that_no_group_joins_gets_no_destination(pre: str) -> None:
    assert cue_role(pre) != "destination", pre


def test_a_flight_count_in_a_heading_is_a_movement_to_the_sea() -> None:
    ex = shape_extract("قامت السفن الحربية الروسية بأكثر من عشرين رحلة في اتجاه البحر الأبيض المتوسط.")
    assert any("mediterranean-sea" in place_ids(c.destination) for c in ex.claims), ex.claims


@pytest.mark.parametrize("word", ["أمريكية", "روسي", "تركية", "إيرانية", "فرنسيين"])
def test_an_adjective_of_a_state_without_the_article_is_told(word: str) -> None:
    assert state_adjective(word), word


@pytest.mark.parametrize("word", ["عسكرية", "قاعدة", "الأمريكية", "كبيرة"])
def test_other_words_are_no_adjective_of_a_state(word: str) -> None:
    assert not state_adjective(word), word


def test_an_adjective_names_no_site_but_a_state_named_like_one_stays() -> None:
    site = Place("أمريكية", "site", "KXXX", "Some Air Force Base", site_ids=("KXXX",))
    assert adjective_as_site("أمريكية", site)
    assert adjective_as_site("وروسية", site)  # a proclitic split off
    state = Place("سورية", "region", "syria", "Syria")
    assert not adjective_as_site("سورية", state)  # Syria's name, not a site
    assert not adjective_as_site("أمريكية", None)


def test_an_adjective_after_a_base_is_no_destination() -> None:
    ex = shape_extract("هبطت طائرة شحن عسكرية في قاعدة أمريكية قرب الحسكة قادمة من العراق.")
    assert not any(p.text == "أمريكية" for c in ex.claims for p in c.destination), ex.claims


@pytest.mark.parametrize(
    "text",
    [
        "هبطت طائرة شحن عسكرية في قاعدة عسكرية ببلدة الشدادي قادمة من العراق.",
        "وصلت الطائرة إلى القاعدة الجوية بمدينة الشدادي.",
    ],
)
def test_a_base_located_in_its_town_by_the_joined_preposition_leads_to_the_town(text: str) -> None:
    ex = shape_extract(text)
    assert any("shaddadi" in place_ids(c.destination) for c in ex.claims), ex.claims

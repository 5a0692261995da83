"""Arabic landings told with "ب", stops told by "on its way to" and port calls after a long subject
(``claims/ar_arrivals.py``), each on sentences written for it.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "pre",
    [
        "حطت الطائرة العسكرية بمطار ",
        "هبطت طائرتا شحن صباح الأحد بمطار ",
        "وكانت الطائرات قد حطّت ليلا بقاعدة ",
    ],
)
def test_a_landing_with_the_joined_preposition_gives_the_airfield_its_role(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


@pytest.mark.parametrize(
    "pre",
    [
        "حطت الطائرة بسلام، وقال الطيار إنه كان بمطار ",  # a comma ends the landing's clause
        "الطائرة التي ستحط غدا، استقبلها الوزير بمطار ",  # the landing's clause ends at the comma
    ],
)
def test_a_joined_preposition_outside_the_landing_clause_gives_no_role(pre: str) -> None:
    assert cue_role(pre) is None, pre


def test_an_airfield_named_by_its_city_after_a_joined_preposition_is_found() -> None:
    ex = shape_extract("حطت ثلاث طائرات نقل عسكرية جزائرية أمس بمطار نيامي محملة بالخيام والأغذية.")
    assert any("DRRN" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_place_landed_at_on_the_way_to_another_is_a_stop() -> None:
    ex = shape_extract("قال المرصد إن طائرة نقل روسية هبطت بمطار بنينا أمس، في طريقها إلى قاعدة حميميم.")
    claims = [c for c in ex.claims if "hmeimim" in place_ids(c.destination)]
    assert claims and all("benina" in place_ids(c.via) for c in claims), ex.claims
    assert not any("benina" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_city_on_the_way_to_its_own_country_stays_the_goal() -> None:
    ex = shape_extract("نفذت الطائرة الإيرانية رحلة من طهران إلى دمشق، لكنها انحرفت عن مسارها في طريقها لسوريا.")
    assert not any("damascus" in place_ids(c.via) for c in ex.claims), ex.claims


def test_a_port_call_after_a_long_subject_gives_the_port_its_role() -> None:
    ex = shape_extract("رست مجموعة السفن الروسية المكونة من الفرقاطة “سميلي” والسفينة “بوريا” في ميناء طرطوس.")
    assert any("tartus-port" in place_ids(c.destination) for c in ex.claims), ex.claims


@pytest.mark.parametrize(
    "text",
    ["هبطت طائرة نقل روسية بمطار يستخدمه الجيش جنوب البلاد.", "حطت طائرة شحن في قاعدة تديرها القوات الروسية."],
)
def test_a_verb_after_the_airfield_noun_is_no_airfield_name(text: str) -> None:
    # "an airfield the army uses": the verb with its object pronoun opens a relative clause, it names no place
    ex = shape_extract(text)
    assert not any(p.id is None for c in ex.claims for p in c.destination + c.via + c.origin), ex.claims


def test_a_country_that_had_received_ships_is_where_they_went() -> None:
    ex = shape_extract("وكانت مصر قد استقبلت الشهر الماضي فرقاطتين روسيتين في زيارة رسمية.")
    assert any("country:EG" in place_ids(c.destination) for c in ex.claims), ex.claims


@pytest.mark.parametrize(
    ("text", "role", "site"),
    [
        ("أقلعت طائرتا نقل تركيتان أمس إلى مدينتي طرابلس ومصراتة.", "destination", "misrata"),
        ("انطلقت عشر رحلات شحن من قواعد عسكرية في ألمانيا.", "origin", "country:DE"),
    ],
)
def test_a_city_or_base_noun_in_the_dual_or_plural_lets_the_cue_reach_its_places(
    text: str, role: str, site: str
) -> None:
    ex = shape_extract(text)
    assert any(site in place_ids(getattr(c, role)) for c in ex.claims), ex.claims


@pytest.mark.parametrize(
    ("text", "role", "state"),
    [
        ("أقلعت طائرة الشحن من أبوظبي، ثم عبرت الأجواء التشادية لتحط في مطار الخرطوم.", "via", "country:TD"),
        ("وقالت البحرية إن ناقلة النفط تتجه الآن نحو المياه الإقليمية الفنزويلية.", "destination", "country:VE"),
    ],
)
def test_a_states_airspace_or_waters_named_by_its_adjective_is_the_state(text: str, role: str, state: str) -> None:
    ex = shape_extract(text)
    assert any(state in place_ids(getattr(c, role)) for c in ex.claims), ex.claims


def test_the_adjective_alone_is_no_place_and_waters_entered_are_no_goal() -> None:
    assert not any(
        "country:TD" in place_ids(c.destination + c.via + c.origin)
        for c in shape_extract("هبطت طائرة نقل تشادية في مطار الخرطوم.").claims
    )
    ex = shape_extract("وقالت البحرية إن السفينة دخلت المياه اليمنية مساء أمس.")
    assert not any("country:YE" in place_ids(c.destination) for c in ex.claims), ex.claims

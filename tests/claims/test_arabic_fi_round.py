"""Arabic places after "في" told as a stop: a landing or port call "before" leaving for another place
(``claims/ar_arrivals.py``), each on sentences written for it.
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "text",
    [
        "حطت طائرة نقل عسكرية روسية في مطار بنينا قبل إقلاعها إلى قاعدة حميميم.",
        "هبطت الطائرة لساعتين في مطار بنينا قبل أن تتوجه إلى قاعدة حميميم.",
        "وكانت طائرة الشحن قد هبطت في مطار بنينا قبل مغادرتها إلى قاعدة حميميم.",
    ],
)
def test_a_place_landed_at_before_leaving_for_another_is_a_stop(text: str) -> None:
    ex = shape_extract(text)
    claims = [c for c in ex.claims if "hmeimim" in place_ids(c.destination)]
    assert claims and all("benina" in place_ids(c.via) for c in claims), ex.claims
    assert not any("benina" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_port_called_at_before_sailing_for_another_is_a_stop() -> None:
    ex = shape_extract("رست السفينة الحربية في ميناء طرطوس قبل أن تبحر إلى ميناء بورتسودان.")
    claims = [c for c in ex.claims if "tartus-port" in place_ids(c.via)]
    assert claims, ex.claims
    assert not any("tartus-port" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_place_unloaded_at_before_the_return_stays_a_goal() -> None:
    # "before returning to": the way back starts there, it is no stop on the way out
    ex = shape_extract("هبطت طائرتا شحن في مطار بنينا قبل العودة إلى قاعدة حميميم.")
    assert not any("benina" in place_ids(c.via) for c in ex.claims), ex.claims


@pytest.mark.parametrize(
    "text",
    [
        "وقال المصدر إن طائرة شحن هبطت في المطار الواقع شرق المدينة مساء الأحد.",
        "وأكد شهود أن الفرقاطة دخلت الميناء محملة بالجنود والعتاد.",
        "وأفاد مسؤول بأن طائرة نقل عسكرية وصلت إلى المطار قادمة من الشمال.",
    ],
)
def test_the_word_after_a_definite_airport_or_port_is_no_place_name(text: str) -> None:
    # "المطار الواقع", "الميناء محملة", "المطار قادمة": a name follows the noun without its article ("مطار بنينا")
    ex = shape_extract(text)
    named = [p for c in ex.claims for p in (*c.origin, *c.via, *c.destination) if p.kind == "unknown"]
    assert not named, ex.claims


def test_an_airport_named_before_is_where_a_plane_landed_at_the_airport() -> None:
    ex = shape_extract(
        "أعلن مسؤول في مطار بنينا أن المدرج أعيد فتحه. وقال إن طائرة شحن عسكرية روسية هبطت في المطار صباح اليوم."
    )
    landed = [c for c in ex.claims if any("هبطت في المطار" in s for s in c.sentences)]
    assert landed and all("benina" in place_ids(c.destination) for c in landed), ex.claims


def test_a_port_named_before_is_where_a_ship_entered_the_port() -> None:
    ex = shape_extract("أعلنت إدارة ميناء طرطوس عن أعمال صيانة. وقالت إن الفرقاطة الروسية دخلت الميناء صباح اليوم.")
    entered = [c for c in ex.claims if any("دخلت الميناء" in s for s in c.sentences)]
    assert entered and all("tartus-port" in place_ids(c.destination) for c in entered), ex.claims


def test_a_base_left_is_no_arrival_at_the_base() -> None:
    # "وصلت من القاعدة": arrived from the base named before, not at it
    ex = shape_extract("أعلنت قاعدة حميميم عن تدريبات. وقالت إن طائرة نقل وصلت من القاعدة إلى مطار بنينا اليوم.")
    assert not any("hmeimim" in place_ids(c.destination) for c in ex.claims), ex.claims

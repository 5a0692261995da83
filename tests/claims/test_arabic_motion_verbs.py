"""Arabic verbs of landing and bringing ``cues.MOVE`` lacked, and "to" written "الي" (``claims/ar_motion.py``), on sentences
written for them."""

from __future__ import annotations

import pytest

from liftwatch.claims.cues import MOVE
from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "text",
    ["نزلت طائرة نقل عسكرية في المطار", "وجلبت السفينة معدات طبية", "الطائرات التي تجلب الذخائر", "بعد نزول الطائرة"],
)
def test_landing_and_bringing_make_a_movement(text: str) -> None:
    assert MOVE.search(text), text


@pytest.mark.parametrize(
    "text",
    ["طائرة شحن روسية رابضة", "أوقفت السفينة جهاز الإرسال", "في تسيير دوريات", "نزلاء الفندق", "المنزل"],
)
def test_the_nouns_and_forms_left_out_make_no_movement(text: str) -> None:
    assert not MOVE.search(text), text


def test_where_the_carrier_alighted_is_its_destination() -> None:
    assert cue_role("نزلت طائرة شحن عسكرية مستأجرة صباح اليوم في ") == "destination"
    ex = shape_extract("نزلت طائرة شحن عسكرية مستأجرة صباح الأحد في مطار مدينة مصراتة الليبية.")
    assert any("misrata" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_to_written_with_a_final_yaa_is_a_destination_cue() -> None:
    assert cue_role("توجهت المجموعة البحرية صباح اليوم الي ") == "destination"
    assert cue_role("وكانت الفرقاطة في طريقها الي ") == "destination"
    assert cue_role("اضافة الي ") is None

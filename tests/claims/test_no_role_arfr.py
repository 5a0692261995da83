"""Arabic places in a movement clause that got no role, on sentences written for them: a gulf named with its noun
after a cue ("إلى خليج عدن": the water reader keeps "عدن" as the place, so "خليج" stood between the cue and it), and
a place whose name starts right after the preposition "ل" joined to the article ("في طريقها للبحر الأحمر")."""

from __future__ import annotations

from liftwatch.claims.filler import fill_ok
from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import place_ids, shape_extract


def test_the_gulf_noun_is_filler_between_a_cue_and_its_name() -> None:
    assert fill_ok("خليج ")


def test_a_gulf_after_to_is_the_goal() -> None:
    ex = shape_extract("أبحرت فرقاطة صينية الأحد إلى خليج عمان.")
    assert any("gulf-of-oman" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_gulf_after_from_is_the_place_left() -> None:
    ex = shape_extract("انطلقت المدمرة الهندية الثلاثاء من خليج عدن.")
    assert any("gulf-of-aden" in place_ids(c.origin) for c in ex.claims), ex.claims


def test_li_with_the_article_before_a_name_is_the_cue() -> None:
    assert cue_role("عبرت الفرقاطة قناة السويس في طريقها لل") == "destination"


def test_a_sea_after_li_with_the_article_is_the_goal() -> None:
    ex = shape_extract("عبرت مدمرة فرنسية مضيق جبل طارق الخميس في طريقها للبحر الأسود.")
    assert any("black-sea" in place_ids(c.destination) for c in ex.claims), ex.claims

"""A kingdom's Arabic air force or navy is named "royal" before its state's adjective ("سلاح الجو الملكي الأردني",
"القوات الجوية الملكية السعودية"): that state is the mover, not the United Kingdom, whose air force Arabic also calls
"سلاح الجو الملكي" (``claims/known_movers.py``, ``claims/lexicon.py``). Each behaviour on sentences written for it.
"""

from __future__ import annotations

from tests.claims.conftest import shape_extract


def _actors(text: str) -> list[str | None]:
    return [c.actor for c in shape_extract(text).claims]


def test_the_royal_air_force_before_jordanian_is_jordan() -> None:
    assert _actors("أقلعت ثلاث طائرات تابعة لسلاح الجو الملكي الأردني من عمان إلى العريش.") == ["Jordan"]


def test_the_royal_air_force_before_moroccan_is_morocco() -> None:
    assert _actors("هبطت طائرة نقل تابعة لسلاح الجو الملكي المغربي في مطار القاهرة.") == ["Morocco"]


def test_a_carrier_of_the_royal_saudi_air_force_is_saudi_arabia() -> None:
    assert _actors("وصلت طائرة تابعة للقوات الجوية الملكية السعودية إلى مطار عدن.") == ["Saudi Arabia"]


def test_the_royal_air_force_before_british_stays_the_united_kingdom() -> None:
    assert _actors("أقلعت طائرة تابعة لسلاح الجو الملكي البريطاني من أكروتيري إلى تل أبيب.") == ["United Kingdom"]


def test_the_royal_air_force_with_no_adjective_stays_the_united_kingdom() -> None:
    assert _actors("أقلعت طائرة تابعة لسلاح الجو الملكي من أكروتيري إلى تل أبيب.") == ["United Kingdom"]


def test_the_adjective_before_an_arabic_comma_is_still_the_kingdom() -> None:
    assert _actors("منها ثلاث طائرات تابعة لسلاح الجو الملكي الأردني، أقلعت من عمان إلى العريش.") == ["Jordan"]

"""Aircraft types spelled in ways the reader missed, and a maker's model number the kb lacks (invented sentences,
one behaviour each): a designation whose Latin prefix Arabic reporting spells by its letters' names ("تي يو-160",
"إم آي-24"), a hyphen followed by a space ("Il- 76"), Arabic spellings of a popular name and a maker ("هركول",
"إنتونوف"), and "Boeing 727", which is a model, not the maker alone."""

from __future__ import annotations

from liftwatch.claims.asset_sets import makers_with_their_types
from liftwatch.claims.assets import find_assets
from liftwatch.claims.model import AssetRef, Claim
from liftwatch.claims.types import find_types


def _types(text: str) -> list[str]:
    return [kind.label for _, _, kind in find_types(text)]


def _labels(text: str) -> list[str]:
    return [a.label for _, _, a in find_assets(text)]


def test_a_tupolev_designation_spelled_by_arabic_letter_names() -> None:
    assert _types("حلقت قاذفتان من طراز تي يو-95 فوق البحر.") == ["Tu-95"]


def test_a_mil_designation_spelled_by_arabic_letter_names() -> None:
    assert _types("هبطت مروحية من طراز إم.آي-26 في المطار.") == ["Mi-26"]


def test_letter_names_inside_other_arabic_words_are_no_prefix() -> None:
    # guard: "يومي 17" (on the two days of the 17th) and "التي يو..." end other words
    assert _types("وصلت السفن يومي 17 و18 مارس إلى الميناء التي يو 160 مترا.") == []


def test_a_hyphen_followed_by_a_space_still_joins_the_designation() -> None:
    assert _types("A tanker Il- 78 landed at the air base on Monday.") == ["Il-78"]


def test_the_arabic_spelling_hercules_without_its_final_letters() -> None:
    assert _types("هبطت طائرة هركول تابعة للقوات الجوية في القاعدة.") == ["C-130"]


def test_an_arabic_spelling_of_antonov_with_a_kasra_hamza() -> None:
    assert _types("نقلت طائرة إنتونوف 124 المعدات إلى القاعدة.") == ["An-124"]


def test_a_maker_and_a_model_number_the_kb_lacks_is_that_model() -> None:
    assert _labels("A Boeing 727 of the airline landed in Tehran on Monday.") == ["Boeing 727"]


def test_a_year_after_a_maker_is_no_model() -> None:
    # guard: a year is not a model number
    assert _labels("An Airbus 2019 delivery landed in Toulouse.") == ["Airbus"]


def test_the_maker_named_again_beside_its_model_is_the_model() -> None:
    model = AssetRef("Boeing 727", "air", (), None, None, "Boeing 727")
    maker = AssetRef("Boeing", "air", ("B744", "B738"), "cargo", None, "Boeing")
    c = Claim(claim_id=1, sentences=[], assets=[model, maker])
    makers_with_their_types([c])
    assert [a.label for a in c.assets] == ["Boeing 727"]

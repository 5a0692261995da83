"""Arabic reports that tell one carrier and then a count of several to the same place tell two movements: Arabic
has no indefinite article, so a carrier noun in the singular without "ال" is read as one carrier
(``claims/named_carriers.py``), and the merge keeps one carrier apart from a count of many (``merge._too_many``).
Each behaviour on sentences written for it.
"""

from __future__ import annotations

from liftwatch.claims.assets import find_assets
from liftwatch.claims.named_carriers import carriers_named
from tests.claims.conftest import place_ids, shape_extract


def _carriers(text: str) -> int | None:
    return carriers_named(text, find_assets(text))


def test_a_singular_carrier_noun_without_the_article_is_one_carrier() -> None:
    assert _carriers("هبطت طائرة شحن عسكرية في مطار العريش صباح اليوم.") == 1


def test_a_type_written_after_a_singular_class_noun_is_one_carrier() -> None:
    assert _carriers("أقلعت طائرة c130 من قاعدة حميميم مساء أمس.") == 1


def test_a_singular_ship_noun_without_the_article_is_one_carrier() -> None:
    assert _carriers("رست سفينة حربية في ميناء طرطوس.") == 1


def test_a_dual_carrier_noun_is_not_one_carrier() -> None:
    assert _carriers("وصلت طائرتان إلى مطار العريش.") is None


def test_a_carrier_noun_with_the_article_is_not_counted() -> None:
    assert _carriers("هبطت الطائرة في مطار العريش.") is None


def test_a_carrier_noun_after_every_is_not_one_carrier() -> None:
    assert _carriers("تصل كل طائرة إلى مطار العريش محملة بالأدوية.") is None


def test_one_aid_plane_and_the_total_of_planes_to_the_same_airport_stay_two_movements() -> None:
    ex = shape_extract(
        "وصلت طائرة مساعدات كويتية إلى مطار العريش اليوم محملة بعشرة أطنان من الأدوية. "
        "وبلغ عدد الطائرات الكويتية التي وصلت إلى مطار العريش منذ بدء الأزمة 12 طائرة."
    )
    to_arish = [c for c in ex.claims if "HEAR" in place_ids(c.destination)]
    assert sorted((c.min_count or 0) for c in to_arish) == [0, 12], ex.claims


def test_one_ship_and_a_count_of_ships_to_the_same_port_stay_two_movements() -> None:
    ex = shape_extract(
        "أقلعت سفينة حربية مصرية من ميناء الإسكندرية متجهة إلى ميناء بورتسودان. "
        "وأبحرت أربع سفن مصرية إلى ميناء بورتسودان خلال الأسبوع."
    )
    to_port = [c for c in ex.claims if "port-sudan-port" in place_ids(c.destination)]
    assert len(to_port) == 2, ex.claims
    assert {c.min_count for c in to_port if "alexandria-port" in place_ids(c.origin)} == {None}, ex.claims

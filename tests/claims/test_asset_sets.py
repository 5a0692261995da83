"""A claim's carriers as one set: a maker beside its own type is that type, and a name the article gives an owner,
a source or an airline is no ship. Sentences and claims written for the rules."""

from __future__ import annotations

from liftwatch.claims.asset_sets import makers_with_their_types, names_of_other_roles
from liftwatch.claims.model import AssetRef, Claim

from .conftest import one_claim


def _claim(*assets: AssetRef) -> Claim:
    return Claim(claim_id=1, sentences=[], assets=list(assets))


def test_a_maker_beside_its_own_type_is_the_type() -> None:
    ilyushin = AssetRef("Ilyushin", "air", ("IL76", "IL18"), "cargo")
    il76 = AssetRef("Il-76", "air", ("IL76",), "cargo")
    boeing = AssetRef("Boeing", "air", ("B744",), "cargo")
    same, other = _claim(ilyushin, il76), _claim(boeing, il76)
    makers_with_their_types([same, other])
    assert [a.label for a in same.assets] == ["Il-76"]
    assert [a.label for a in other.assets] == ["Boeing", "Il-76"]


def test_an_arabic_maker_and_its_quoted_type() -> None:
    c = one_claim('وصلت طائرة إليوشن من طراز "إيل-76" إلى مطار بنغازي يوم الثلاثاء.')
    assert [a.label for a in c.assets] == ["Il-76"]


def test_a_name_given_as_owner_source_or_airline_is_no_ship() -> None:
    adler = AssetRef("Adler", "sea", (), None, "ADLER")
    leasing = AssetRef("M Leasing", "sea", (), None, "M LEASING")
    outlet = AssetRef("Tide Watch", "sea", (), None, "TIDE WATCH")
    airline = AssetRef("Pouya Air", "sea", (), None, "POUYA AIR")
    c = _claim(adler, leasing, outlet, airline)
    c.owner, c.sources = "M Leasing", ["the channel Tide Watch"]
    names_of_other_roles([c])
    assert [a.label for a in c.assets] == ["Adler"]


def test_a_quoted_owner_in_arabic_is_no_ship() -> None:
    c = one_claim('رست السفينة "أدلر" المملوكة لشركة الشحن الروسية "إم ليزينغ" في ميناء طرطوس يوم السبت.')
    assert [a.label for a in c.assets] == ["أدلر"]

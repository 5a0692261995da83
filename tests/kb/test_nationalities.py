"""The one table of adjectives of nationality (``kb.nationalities``) the claim extractor's readers share: a shared
adjective is the most populous state's, and a reader restricted to some states gets theirs only."""

from __future__ import annotations

from liftwatch.kb.nationalities import arabic_adjectives, nationality_adjectives, russian_stems


def test_a_shared_adjective_is_the_most_populous_states() -> None:
    forms = nationality_adjectives()
    assert forms["american"][0] == "US"  # not the Northern Mariana Islands, which list it too
    assert forms["dominican"][0] == "DO"  # the Dominican Republic, not Dominica
    assert forms["libyennes"] == ("LY", "Libya")  # French plurals are formed


def test_a_restriction_to_some_states_leaves_the_others_out() -> None:
    forms = nationality_adjectives({"US", "FR"})
    assert {iso for iso, _ in forms.values()} == {"US", "FR"}
    assert forms["français"][0] == "FR"
    assert set(russian_stems({"LY"}).values()) == {"LY"}
    assert "LY" not in arabic_adjectives({"US"}).values()


def test_russian_stems_and_arabic_adjectives() -> None:
    assert russian_stems()["ливийск"] == "LY"
    arabic = arabic_adjectives()
    assert arabic["ليبي"] == "LY"
    assert arabic["أمريكي"] == "US"  # no form of "الولايات المتحدة" gives it

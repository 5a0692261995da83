"""The transits and seas of the strait-and-sea round, each tested on sentences written fresh for it: a sea entered
after a strait passed is the movement's end where the text tells no goal beyond it (rule 52), in English, Arabic and
Russian, and a goal told beyond keeps the sea off the claim (a guard), as does a sea entered with no passage beside
it (a guard); English "pass" with the strait as its object is a transit; the Turkish Straits named with both their
straits are the two straits."""

from __future__ import annotations

from liftwatch.claims.model import Claim
from tests.claims.conftest import one_claim, place_ids, shape_extract


def _ends(c: Claim) -> tuple[set[str], set[str]]:
    return place_ids(c.via), place_ids(c.destination)


def test_strait_passed_then_sea_entered_is_the_destination() -> None:
    c = one_claim("The Russian frigate Admiral Kasatonov passed the Bosphorus on 3 March and entered the Black Sea.")
    assert _ends(c) == ({"bosphorus"}, {"black-sea"})


def test_arabic_strait_crossed_then_sea_waters_entered_is_the_destination() -> None:
    c = one_claim('عبرت الفرقاطة الروسية "الأميرال كاساتونوف" مضيق الدردنيل يوم الاثنين ودخلت مياه بحر إيجه.')
    assert _ends(c) == ({"dardanelles"}, {"aegean-sea"})


def test_russian_sea_entered_through_a_canal_is_the_destination() -> None:
    c = one_claim("Российский танкер «Вега» 3 марта вошёл в Красное море через Суэцкий канал.")
    assert _ends(c) == ({"suez-canal"}, {"red-sea"})


def test_a_goal_told_beyond_the_sea_entered_is_the_one_destination() -> None:
    ex = shape_extract(
        "The Russian corvette Stoikiy passed the Dardanelles on 3 March and entered the Aegean Sea. "
        "The Stoikiy is heading for the port of Tartus."
    )
    assert len(ex.claims) == 1, ex.claims
    assert place_ids(ex.claims[0].destination) == {"tartus-port"}


def test_a_sea_entered_with_no_strait_beside_it_is_no_destination_where_the_article_tells_a_goal() -> None:
    # alone in its article the sea is the goal (rule 52; ``test_entered_seas_alone.py``); a goal another movement
    # of the article tells keeps it off, as before
    ex = shape_extract(
        "The Russian corvette Stoikiy entered the Aegean Sea on 3 March. "
        "A Russian cargo ship sailed from Novorossiysk to Tartus on 4 March."
    )
    assert all("aegean-sea" not in place_ids(c.destination) for c in ex.claims)


def test_english_pass_with_the_strait_as_its_object_is_a_transit() -> None:
    c = one_claim("The Russian frigate Admiral Essen passed the English Channel on 3 March.")
    assert place_ids(c.via) == {"english-channel"}


def test_english_began_to_pass_the_straits_is_a_transit() -> None:
    c = one_claim("On 3 March the Russian frigate Admiral Essen began to pass the Turkish Straits.")
    assert place_ids(c.via) == {"turkish-straits"}


def test_turkish_straits_named_with_both_their_straits_are_the_two_straits() -> None:
    c = one_claim(
        "The Russian frigate Admiral Essen sailed through the Turkish Straits of the Bosphorus and the Dardanelles "
        "on 3 March."
    )
    assert place_ids(c.via) == {"bosphorus", "dardanelles"}

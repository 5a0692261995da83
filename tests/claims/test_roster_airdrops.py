"""Airdrops as flights to their drop zone, and joint missions listing several states' carriers as one claim per
state, in the four languages; sentences written fresh for each mechanism (other states, numbers, dates and
wordings than the gold corpus).
"""

from __future__ import annotations

import pytest

from liftwatch.claims.assets import find_assets
from liftwatch.claims.roster import contingents
from tests.claims.conftest import place_ids, shape_extract

# --- airdrops: a movement whose drop zone is the destination ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "dest"),
    [
        ("On Sunday the Chadian Air Force airdropped flour and medicine over the Caprivi Strip.", "Caprivi Strip"),
        (
            "L'armée de l'air tchadienne a parachuté des médicaments sur la bande de Caprivi dimanche.",
            "bande de Caprivi",
        ),
        (
            "Un avion militaire égyptien a largué douze palettes de vivres au-dessus de la bande de Caprivi.",
            "bande de Caprivi",
        ),
        ("В воскресенье ВВС Чада сбросили медикаменты на сектор Каприви.", "сектор Каприви"),
        ("نفذ سلاح الجو التشادي عمليات الإنزال الجوي للأدوية على قطاع كابريفي يوم الأحد.", "قطاع كابريفي"),
    ],
)
def test_an_airdrop_goes_to_its_drop_zone(text: str, dest: str) -> None:
    ex = shape_extract(text)
    assert ex.claims, text
    assert any(f"unknown:{dest}" in place_ids(c.destination) for c in ex.claims), [c.summary() for c in ex.claims]


def test_a_landing_ship_is_no_airdrop() -> None:
    """ "سفينة إنزال" is a landing ship: the Arabic noun is an airdrop only with "جوي" (air) or the aid it drops."""
    assert shape_extract("شوهدت سفينة إنزال قرب الساحل أمس.").claims == []


# --- rosters: one claim per state, its number the count, its carrier the asset ----------------------------


def _by_actor(text: str) -> dict[str, tuple[int | None, list[str]]]:
    ex = shape_extract(text)
    return {c.actor or "": (c.min_count, [a.label for a in c.assets]) for c in ex.claims}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Le 3 mai, deux C-130 marocains et trois avions tchadiens du même type ont largué des vivres sur la "
            "bande de Caprivi.",
            {"Morocco": (2, ["C-130"]), "Chad": (3, ["C-130"])},
        ),
        (
            "Mardi, un A400M espagnol a participé à une mission multinationale réunissant deux avions cargo "
            "tunisiens et un marocain.",
            {"Spain": (1, ["A400M"]), "Tunisia": (2, ["cargo aircraft"]), "Morocco": (1, ["cargo aircraft"])},
        ),
        (
            "On Monday four Tunisian C-130s and two Moroccan transport planes took part in the relief operation.",
            {"Tunisia": (4, ["C-130"]), "Morocco": (2, ["cargo aircraft"])},
        ),
        (
            "В понедельник в операции участвовали два марокканских C-130 и три тунисских самолёта.",
            {"Morocco": (2, ["C-130"]), "Tunisia": (3, ["aircraft"])},
        ),
    ],
)
def test_a_roster_is_one_claim_per_state(text: str, want: dict[str, tuple[int, list[str]]]) -> None:
    got = _by_actor(text)
    for actor, (count, assets) in want.items():
        assert actor in got, (text, got)
        assert got[actor] == (count, assets), (text, actor, got[actor])


def test_a_force_named_beside_a_counted_carrier_is_a_contingent() -> None:
    """ "aux côtés de l'armée de l'air royale marocaine": the force flew beside it, with no number of its own."""
    text = "Un C-130 tunisien a largué six tonnes de vivres aux côtés de l'armée de l'Air royale marocaine."
    got = {c.actor.name: c for c in contingents(text, find_assets(text))}
    assert set(got) == {"Tunisia", "Morocco"}
    assert got["Tunisia"].count == 1 and got["Morocco"].count is None


@pytest.mark.parametrize(
    "text",
    [
        # a force that only coordinates flies nothing
        "В среду ВВС Марокко в координации с ВВС Туниса сбросили помощь.",
        # a nationality that qualifies no carrier ("d'un hôpital de campagne marocain") and a joint team
        "Un C-130 tunisien a largué six tonnes de vivres au profit d'un hôpital de campagne marocain.",
        "Une équipe tuniso-marocaine a organisé le largage : un C-130 tunisien a largué des vivres.",
        # a day of the month and a quantity are no numbers of carriers
        "Le 5 mars, des avions tunisiens ont largué 12 tonnes de vivres marocains.",
    ],
)
def test_no_roster_without_two_states_carriers(text: str) -> None:
    assert len({c.actor.name for c in contingents(text, find_assets(text))}) < 2, text


def test_an_unknown_russian_name_is_read_in_the_nominative() -> None:
    """ "в Каприву", "над Капривы": the reader names an unknown place as a reader looks it up, "Каприва"."""
    ex = shape_extract("Во вторник ВВС Чада сбросили помощь в Каприву.")
    assert any("unknown:Каприва" in place_ids(c.destination) for c in ex.claims), [c.summary() for c in ex.claims]


def test_counted_items_of_a_roster_are_no_legs() -> None:
    """ "four Tunisian C-130s, two Moroccan ones from the Royal Moroccan Air Force and one from ...": in a roster of
    states, "one from X" names a contingent, not a leg of its own from X."""
    text = (
        "On Monday the operation involved three C-130s from the Royal Moroccan Air Force, two Tunisian cargo "
        "planes, one from Chad and one from Niger."
    )
    ex = shape_extract(text)
    assert {c.actor for c in ex.claims} >= {"Tunisia", "Morocco"}
    assert not any(c.sentences == ["one from Chad and"] for c in ex.claims)


def test_an_adjective_territories_share_is_the_most_populous_states() -> None:
    """ "American" is listed for the Northern Mariana Islands too (``kb.nationalities``): a contingent of it is
    the United States'."""
    text = "Two American C-130s and three Jordanian C-130s took part in the airdrop mission."
    assert [(c.actor.name, c.count) for c in contingents(text, find_assets(text))] == [
        ("United States", 2),
        ("Jordan", 3),
    ]

"""Movements the reading never produced, each mechanism tested on sentences written for it (other carriers,
places and dates than the gold corpus) in the languages it applies to: a French verb of sending whose object
stands between it and "en" names where it sent the carrier, and where a carrier was unloaded is where it went.
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import shape_extract


def _roles(text: str) -> list[tuple[list[str], list[str], list[str]]]:
    return [
        ([p.id or p.text for p in c.origin], [p.id or p.text for p in c.via], [p.id or p.text for p in c.destination])
        for c in shape_extract(text).claims
    ]


# --- a French verb of sending, its object, then "en" and the country or sea ----------------------------------


@pytest.mark.parametrize(
    ("text", "dest"),
    [
        ("L'Iran a déployé la frégate Jamaran en mer Rouge.", "red-sea"),
        ("La Turquie a envoyé des dizaines de militaires en Libye.", "libya"),
        ("La Russie a acheminé trois cargaisons d'armes en Centrafrique.", "country:CF"),
    ],
)
def test_the_country_after_the_object_of_a_verb_of_sending_is_the_destination(text: str, dest: str) -> None:
    assert _roles(text) == [([], [], [dest])]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a envoyé un message en anglais à ses homologues.",
        "La Russie a déployé ses systèmes en 2019 pour protéger la base.",
    ],
)
def test_en_before_no_place_is_no_destination(text: str) -> None:
    assert shape_extract(text).claims == []


def test_a_verb_of_sending_is_still_read_with_au() -> None:
    (claim,) = shape_extract("La Russie a dépêché deux Il-76 au Mali.").claims
    assert [p.id for p in claim.destination] == ["country:ML"]
    assert claim.min_count == claim.max_count == 2


# --- where the load was taken off ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dest", "assets"),
    [
        ("The Il-76 unloaded its cargo of ammunition at Bamako airport.", "bamako", ["Il-76"]),
        ("The two ships offloaded armoured vehicles in Tartus.", "tartus", ["ship"]),
        ("Les deux Il-76 ont déchargé leur cargaison à Bamako.", "bamako", ["Il-76"]),
        ("Le cargo a déchargé des blindés dans le port de Tartous.", "tartus-port", ["cargo ship"]),
        ("Ил-76 разгрузили в аэропорту Бамако.", "bamako", ["Il-76"]),
    ],
)
def test_where_a_carrier_was_unloaded_is_its_destination(text: str, dest: str, assets: list[str]) -> None:
    (claim,) = shape_extract(text).claims
    assert [p.id for p in claim.destination] == [dest]
    assert not claim.origin
    assert [a.label for a in claim.assets] == assets

"""Mechanisms of the round after set 10, each tested on sentences written for it (other carriers, places and
dates than the gold corpus) in the languages it applies to: a count or carrier that a contrast negates is no
claim, and the forms of the verbs of motion that were missing make a movement.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.contrast import mask_contrasts
from tests.claims.conftest import shape_extract

# --- a count or carrier that a contrast negates is no claim -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "assets", "count"),
    [
        ("The three Il-76 flew together to Belgrade instead of a series of flights by a single An-124.", ["Il-76"], 3),
        ("Instead of one Il-76, three An-124 landed at Belgrade.", ["An-124"], 3),
        (
            "Les trois Il-76 ont rejoint Belgrade ensemble, au lieu d'une série de vols par un seul An-124.",
            ["Il-76"],
            3,
        ),
        ("Au lieu d'un seul Il-76, trois An-124 ont atterri à Belgrade.", ["An-124"], 3),
        ("Три Ил-76 прилетели в Белград вместе, вместо серии рейсов одного Ан-124.", ["Il-76"], 3),
        ("Вместо одного Ил-76 в Белград прилетели три Ан-124.", ["An-124"], 3),
        ("هبطت ثلاث طائرات واي-20 في مطار دمشق معاً، بدلاً من سلسلة رحلات عبر طائرة إليوشن واحدة.", ["Y-20"], 3),
        (
            "وصلت ثلاث طائرات واي-20 إلى دمشق. وحلقت الطائرات معاً بدلاً من سلسلة رحلات عبر طائرة أنتونوف واحدة.",
            ["Y-20"],
            3,
        ),
        ("بدلاً من طائرة إليوشن واحدة، هبطت ثلاث طائرات واي-20 في مطار دمشق.", ["Y-20"], 3),
    ],
)
def test_the_carrier_or_count_after_instead_of_is_no_claim(text: str, assets: list[str], count: int) -> None:
    claims = shape_extract(text).claims
    assert claims, text
    assert all([a.label for a in c.assets] == assets for c in claims), [c.assets for c in claims]
    assert all(c.min_count == count == c.max_count for c in claims), [(c.min_count, c.max_count) for c in claims]


def test_a_place_after_a_negated_verb_is_no_place_of_the_claim() -> None:
    (claim,) = shape_extract("Instead of flying to Paris, the An-124 landed at Belgrade.").claims
    assert [p.text for p in claim.destination] == ["Belgrade"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The jets flew together instead of one by one.", "The jets flew together instead of"),
        ("Trois avions au lieu d'un seul ont atterri.", "ont atterri."),
        ("Вместо одного самолёта прилетели три.", "прилетели три."),
        ("The ship sailed to Tartus rather than Latakia.", "The ship sailed to Tartus rather than"),
    ],
)
def test_only_the_negated_words_are_blanked_and_offsets_stay(text: str, kept: str) -> None:
    masked = mask_contrasts(text)
    assert len(masked) == len(text)
    assert kept in masked
    assert " ".join(masked.split()) != " ".join(text.split())


def test_a_claim_shows_its_sentence_as_written() -> None:
    text = "Three An-124 landed at Belgrade instead of a single Il-76."
    (claim,) = shape_extract(text).claims
    assert claim.sentences == [text]


def test_no_contrast_leaves_the_text_as_it_is() -> None:
    text = "Три Ан-124 прилетели в Белград; the planes landed at Belgrade, et les avions ont atterri à Belgrade."
    assert mask_contrasts(text) == text


# --- the forms of the verbs of motion each language's paradigm has -------------------------------------------


def _roles(text: str) -> list[tuple[list[str], list[str], list[str]]]:
    return [
        ([p.id or p.text for p in c.origin], [p.id or p.text for p in c.via], [p.id or p.text for p in c.destination])
        for c in shape_extract(text).claims
    ]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Deux Il-76 russes partent pour Bamako ce lundi.", ([], [], ["bamako"])),
        ("La Russie se retire de Tartous avec ses navires.", (["tartus"], [], [])),
        ("Le cargo russe rallie Tartous mardi.", ([], [], ["tartus"])),
        ("Российский фрегат покидает Тартус.", (["tartus"], [], [])),
        ("Экипажи перегнали два Ил-76 в Бамако.", ([], [], ["bamako"])),
        ("Россия отвела корабли из Тартуса.", (["tartus"], [], [])),
        ("طارت طائرة شحن روسية إلى بنغازي.", ([], [], ["benina"])),
        ("سحبت روسيا سفنها من طرطوس.", (["tartus"], [], [])),
    ],
)
def test_a_verb_of_motion_in_any_of_its_forms_makes_a_movement(
    text: str, roles: tuple[list[str], list[str], list[str]]
) -> None:
    assert _roles(text) == [roles]


@pytest.mark.parametrize(
    "text",
    [
        "La part de la Russie à Tartous reste inconnue.",
        "Le ministre a retiré sa plainte à Tartous.",
        "A Royal Navy frigate is escorting two Russian corvettes.",
        "Le texte est passé par le Parlement à Tartous.",
    ],
)
def test_no_movement_where_those_words_say_none(text: str) -> None:
    assert shape_extract(text).claims == []

"""Carriers listed with their counts (``claims.group_makeup``, ``claims.counts.listed_total``, ``claims.context``):
each kind with its own figure is a claim of its own (rules 18 and 38 of the corpus), also where the list bounds
them ("at least"), where an item's description holds an "and", and where the list is told in a sentence after the
total it splits; an article or a list of "one"s is no figure. Invented sentences (other carriers, places and numbers than the gold
corpus).
"""

from __future__ import annotations

from liftwatch.claims.counts import listed_total
from liftwatch.claims.group_makeup import items_after
from tests.claims.conftest import shape_extract


def _by_kind(text: str) -> dict[str, tuple[int | None, int | None]]:
    return {"/".join(a.label for a in c.assets): (c.min_count, c.max_count) for c in shape_extract(text).claims}


def test_a_bound_before_a_list_bounds_each_kind() -> None:
    got = _by_kind("Россия перебросила в Ливию по меньшей мере шесть МиГ-29 и два Су-24 в понедельник.")
    assert got == {"MiG-29": (6, None), "Su-24": (2, None)}


def test_the_english_article_in_a_list_is_no_figure() -> None:
    text = "Two C-17 and an An-124 landed at Bamako on Monday."
    assert listed_total(text, [(4, 8), (16, 22)]) is None


def test_a_list_of_ones_alone_is_no_counted_list() -> None:
    text = "Un A400M et un C-130 ont atterri à Niamey lundi."
    assert listed_total(text, [(3, 8), (15, 20)]) is None


def test_an_and_in_an_items_description_does_not_end_the_list() -> None:
    text = "Three C-130 carrying food and medicine, and two C-17 with a field hospital, landed in Mandalay."
    items = items_after(text, 0)
    assert [(i.figure, i.assets[0].label) for i in items] == [(3, "C-130"), (2, "C-17")]


def test_a_later_sentence_that_counts_the_kinds_splits_the_total() -> None:
    got = _by_kind(
        "Ten Russian military aircraft were moved from Lida to Machulishchy on Thursday. "
        "According to early reports, eight Su-34 and two Su-30SM were redeployed."
    )
    assert got == {"Su-34": (8, 8), "Su-30": (2, 2)}


def test_the_parts_told_later_keep_the_totals_route() -> None:
    ex = shape_extract(
        "Ten Russian military aircraft were moved from Lida to Machulishchy on Thursday. "
        "According to early reports, eight Su-34 and two Su-30SM were redeployed."
    )
    assert [[p.id for p in c.origin] for c in ex.claims] == [["UMDD"], ["UMDD"]]


def test_kinds_that_do_not_add_up_to_the_total_leave_it_standing() -> None:
    got = _by_kind(
        "Twelve Russian military aircraft were moved from Lida to Machulishchy on Thursday. "
        "According to early reports, eight Su-34 and two Su-30SM were redeployed."
    )
    assert got["aircraft"] == (12, 12)


def test_a_placeless_counted_list_of_a_bounded_total_replaces_it() -> None:
    got = _by_kind(
        "Россия перебросила с авиабазы Хмеймим на восток Ливии не менее восьми военных самолётов. "
        "Власти получили информацию о переброске по меньшей мере шести истребителей МиГ-29 и двух "
        "бомбардировщиков Су-24."
    )
    assert got == {"MiG-29": (6, None), "Su-24": (2, None)}


def test_a_later_sentence_with_no_movement_that_counts_the_kinds_splits_the_total() -> None:
    got = _by_kind(
        "Десять российских военных самолетов были переброшены из Лиды в Мачулищи в четверг. "
        "По предварительным данным, среди них восемь истребителей Су-34 и два истребителя Су-30СМ."
    )
    assert got == {"Su-34": (8, 8), "Su-30": (2, 2)}


def test_a_larger_placeless_total_leaves_the_movements_exact_count() -> None:
    ex = shape_extract("Three C-17 aircraft landed in Suceava on Monday. So far, the air force has flown 12 flights.")
    assert [(c.min_count, c.max_count) for c in ex.claims] == [(3, 3)]

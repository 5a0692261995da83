"""Word forms read by mechanism, not by phrase: movement verbs by stem in every inflection, Russian place
names in the case forms of their own declension only, romanised names that must share the kb name's
consonants (never a code), Arabic prepositions joined to the next word, and quoted names that are a
channel, a paper or a company rather than a ship. Sentences are written fresh (other places, carriers and
dates than the gold corpus) so that a rule fitted to one excerpt's wording fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from types import SimpleNamespace

from liftwatch.claims import extract
from liftwatch.claims.cues import MOVE
from liftwatch.claims.hedges import HEDGE
from liftwatch.claims.lexicon import HINTS
from liftwatch.claims.model import Extraction, Place
from liftwatch.claims.sentences import cue_role
from liftwatch.claims.ships import named_ships
from liftwatch.claims.translit import romanised_plausible
from liftwatch.kb.ru_forms import ru_adjective_phrase, ru_alias_regex, ru_short_variants, ru_variants
from tests.claims.conftest import real_kb_gazetteer

PUB = date(2024, 6, 12)


def _ex(text: str) -> Extraction:
    return extract(text, PUB, gazetteer=real_kb_gazetteer(), use_model=False)


def _ids(places: Iterable[Place]) -> set[str]:
    return {p.id or p.text for p in places}


def test_movement_verbs_are_read_by_stem_in_each_inflection() -> None:
    for verb in ("перелетели", "вылетел", "прилетела", "отплыл", "прошёл", "вошли", "заходе", "a volé", "volant",
                 "s'est dirigé", "a rejoint", "crossed", "حطت", "تحط", "هبوطها", "أبحرت", "تحطمت", "قدومها"):  # fmt: skip
        assert MOVE.search(verb), verb
    # nothing in a plain statement about a place
    assert not MOVE.search("Le ministre a visité la base") and not MOVE.search("Министр посетил базу")


def test_russian_names_match_only_the_case_forms_of_their_declension() -> None:
    rx = re.compile(ru_alias_regex("Балтийск") or "", re.I)
    assert all(rx.fullmatch(w) for w in ("Балтийск", "Балтийска", "Балтийске", "Балтийском"))
    assert not rx.fullmatch("Балтийского")  # "of the Baltic (fleet)": an adjective, not the town
    rx = re.compile(ru_alias_regex("Сирия") or "", re.I)
    assert all(rx.fullmatch(w) for w in ("Сирия", "Сирии", "Сирию", "Сирией"))
    assert ru_alias_regex("Бамако") == "Бамако"  # indeclinable
    assert "мачулищи" in ru_variants("мачулищах")
    assert ru_adjective_phrase("Военно-морского") and ru_adjective_phrase("Гибралтарский")
    assert not ru_adjective_phrase("Тартус")


def test_a_four_letter_name_is_read_in_its_case_forms_as_an_exact_name_only() -> None:
    # "в Сану": Sanaa (Сана) in the accusative; its three-letter stem is too short for ru_variants
    assert "сана" in ru_short_variants("сану") and "сана" not in ru_variants("сану")
    assert "лида" in ru_short_variants("лиду")
    assert ru_short_variants("сана") == [] and ru_short_variants("тартусу") == []
    ex = _ex("Два самолета вылетели из Москвы в Сану 3 июня.")
    assert [p.id for c in ex.claims for p in c.destination] == ["OYSN"]


def test_a_romanised_name_needs_the_kb_names_consonants_and_never_a_code() -> None:
    site = SimpleNamespace(name="Carpi / Budrione Airport", aliases=["LIDU", "Modena"])
    assert not romanised_plausible("lidu", site)  # "Лиду" (Lida, accusative) is not the code LIDU
    assert not romanised_plausible("bosfor", SimpleNamespace(name="Botsford Aerodrome", aliases=[]))
    assert romanised_plausible("baranovichi", SimpleNamespace(name="Baranavichi Air Base", aliases=[]))


def test_straits_and_fleet_adjectives_are_no_airports() -> None:
    ex = _ex("Большой десантный корабль Черноморского флота «Ямал» 10 июня прошёл через Босфор в Средиземное море.")
    places = _ids(ex.places_mentioned)
    assert not any(re.fullmatch(r"[A-Z0-9]{4}", p) for p in places), places
    assert "baltiysk" not in places
    (c,) = ex.claims
    assert [a.label for a in c.assets] == ["Ямал"]


def test_a_quoted_channel_paper_or_company_is_not_a_ship() -> None:
    assert [n for _, _, n in named_ships("Корабль «Азов» прибыл в порт, сообщил телеканал «Россия 24».")] == ["Азов"]
    assert [n for _, _, n in named_ships('The vessel "Lynx" is owned by the LLC "Sevmorlogistika".')] == ["Lynx"]
    assert named_ships('ذكرت صحيفة "الوطن" أن السفينة وصلت') == []


def test_arabic_preposition_joined_to_a_facility_noun_is_a_cue() -> None:
    assert cue_role("وصلت الطائرة إلى دمشق مرورا بمطار ") == "via"
    assert cue_role("بعد توقفها لساعات في ") == "via"
    assert cue_role("أثناء قدومها من ") == "origin"


def test_declared_destinations_are_offered_and_camouflage_is_dark() -> None:
    assert HEDGE.search("with Novorossiysk listed as its destination")
    assert HEDGE.search("Предполагается, что судно идёт в Бейрут")
    dark = dict(HINTS)
    assert dark["transponders off"].search("l'appareil est passé en mode camouflage")
    assert dark["ceased location-sharing"].search("avant de disparaître des radars")


def test_the_airline_named_for_the_aircraft_is_the_actor() -> None:
    ex = _ex("Des avions de la compagnie aérienne Fly Baghdad Airlines ont décollé de Bagdad vers Damas le 3 juin.")
    assert ex.claims and ex.claims[0].actor == "Fly Baghdad Airlines"


def test_a_return_clause_is_a_leg_from_where_the_first_ended() -> None:
    ex = _ex(
        "Un Iliouchine Il-76 russe a atterri à Bamako depuis Niamey le 4 juin, et est reparti pour Niamey le soir."
    )
    out, back = ex.claims
    assert _ids(out.origin) == _ids(back.destination) and _ids(out.destination) == _ids(back.origin)
    assert _ids(out.origin) != _ids(out.destination)
    assert [a.label for a in back.assets] == ["Il-76"] and back.actor == "Russia"


def test_an_adverbial_between_the_arrival_verb_and_its_preposition_keeps_the_cue() -> None:
    assert cue_role("deux avions ont atterri en fin de soirée sur l'aéroport de ") == "destination"
    assert cue_role("самолёт приземлился поздно вечером на аэродроме ") == "destination"


def test_several_counts_from_two_in_each_language() -> None:
    many = dict(HINTS)["multiple flights"]
    assert many.search("Несколько российских военно-транспортных самолетов")
    assert many.search("plusieurs avions russes") and many.search("عدة طائرات روسية")


def test_russian_arrival_at_a_facility_in_a_place_is_a_destination() -> None:
    ex = _ex("Транспорт «Днепр» 9 июня прибыл в пункт базирования флота в Тартусе.")
    assert ex.claims and "tartus" in _ids(ex.claims[0].destination)
    # where something is stays no destination
    assert not any("tartus" in _ids(c.destination) for c in _ex("Ремонт судна в Тартусе завершён.").claims)


def test_on_its_way_and_goes_are_movements() -> None:
    assert cue_role("وهي في طريقها إلى ") == "destination"
    assert MOVE.search("корабль идёт в порт") and MOVE.search("في طريقها")

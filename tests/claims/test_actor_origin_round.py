"""A state's warship told by its class noun (French) and a state's aid carrier or air bridge (Arabic) name the mover.

Invented sentences, one behaviour each: the state is the actor where the text ties the carrier to it by a form of
language (rule 6's warship, rule 7's state sending what the carriers carry), and the goods' nationality alone
still names no one (rule 42).
"""

from __future__ import annotations

from liftwatch.claims import extract
from liftwatch.claims.known_movers import state_forces


def _actors(text: str) -> list[str | None]:
    return [c.actor for c in extract(text).claims]


def _states(text: str) -> list[str]:
    return [a.name for _, _, a in state_forces(text)]


def test_a_french_frigate_with_its_state_adjective_is_the_state_s() -> None:
    assert _actors("La frégate italienne Aliseo a quitté Tarente pour Djibouti le 3 mai 2022.") == ["Italy"]


def test_a_french_helicopter_carrier_with_its_state_adjective_is_the_state_s() -> None:
    assert _states("Le porte-hélicoptères espagnol a appareillé de Rota") == ["Spain"]


def test_a_french_warship_of_a_state_s_navy_after_de_la_is_the_state_s() -> None:
    assert _states("Un destroyer lance-missiles de la marine japonaise est arrivé à Djibouti") == ["Japan"]


def test_a_french_state_s_fleet_is_a_branch_of_its_forces() -> None:
    assert _states("Le plus grand navire de guerre de la flotte néerlandaise a quitté Den Helder") == ["Netherlands"]


def test_french_batiments_with_a_state_adjective_are_warships() -> None:
    assert _states("Deux bâtiments grecs ont quitté La Sude pour Chypre") == ["Greece"]


def test_an_arabic_aid_plane_with_a_state_adjective_is_the_state_s() -> None:
    assert _actors("وصلت طائرة المساعدات الكويتية الثالثة إلى مطار بيروت الدولي يوم 3 مايو 2023.") == ["Kuwait"]


def test_an_arabic_air_bridge_with_a_state_adjective_is_the_state_s() -> None:
    assert _states("هبطت في مطار الخرطوم طائرتان ضمن الجسر الجوي القطري") == ["Qatar"]


def test_an_arabic_air_bridge_after_a_joined_preposition_is_the_state_s() -> None:
    assert _states("هبطت في مطار أربيل طائرات لقطار جوي ألماني جديد") == ["Germany"]


def test_an_arabic_plane_with_a_state_adjective_said_to_carry_aid_is_the_state_s() -> None:
    assert _states("وصلت طائرة عمانية ثانية تحمل مساعدات إنسانية إلى مطار دمشق") == ["Oman"]


def test_the_nationality_of_arabic_aid_alone_names_no_mover() -> None:
    assert _states("هبطت في مطار بيروت طائرة شحن محملة بالمساعدات الإنسانية الفرنسية") == []


def test_an_arabic_comma_after_the_state_adjective_ends_the_word() -> None:
    assert _states("وصلت الفرقاطة الإيطالية، بعد رحلة طويلة، إلى ميناء جدة") == ["Italy"]


def test_an_arabic_missile_destroyer_with_a_state_adjective_is_the_state_s() -> None:
    assert _states("وصلت المدمرة الصاروخية الهندية إلى ميناء جيبوتي") == ["India"]


def test_arabic_naval_ships_with_a_state_adjective_are_the_state_s() -> None:
    assert _states("غادرت ثلاث سفن بحرية يابانية ميناء جيبوتي") == ["Japan"]


def test_an_arabic_bomber_with_its_type_before_the_state_adjective_is_the_state_s() -> None:
    assert _states("وصلت قاذفات بي-1 الأمريكية إلى قاعدة في إسبانيا") == ["United States"]

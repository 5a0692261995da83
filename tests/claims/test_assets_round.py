"""Carriers read wrong or in part: words of whose a ship is taken for its name, quoted names of who reports, an
elided article's apostrophe, a type written with its popular name, an exercise named by its year and a pennant
number written before a ship's name (invented sentences)."""

from __future__ import annotations

from liftwatch.claims.assets import find_assets
from liftwatch.claims.scoring import asset_key
from liftwatch.claims.ships import named_ships


def _names(text: str) -> list[str]:
    return [name for _, _, name in named_ships(text)]


def _labels(text: str) -> list[str]:
    return [a.label for _, _, a in find_assets(text)]


def test_a_state_adjective_before_the_class_noun_is_no_ship_name() -> None:
    assert _names("On Tuesday the French frigate Forbin left Toulon for the Red Sea.") == ["Forbin"]


def test_an_alliance_after_a_ship_noun_is_no_ship_name() -> None:
    assert _names("Shadowing every suspicious vessel, Nato is stretched thin in the Baltic.") == []


def test_a_state_in_the_genitive_after_a_russian_ship_noun_is_no_ship_name() -> None:
    assert _names("Два корабля КНР вошли в порт Владивостока.") == []
    assert _names("Корабли Ирана вышли из Энзели в Махачкалу.") == []


def test_a_flotillas_feminine_adjective_after_a_russian_ship_noun_is_no_ship_name() -> None:
    assert _names("Корабли Каспийской флотилии прибыли в Актау.") == []


def test_a_quoted_name_after_an_arabic_magazine_noun_is_no_ship() -> None:
    assert _labels('ذكرت مجلة "نيوزويك" أن سفينة حربية وصلت إلى ميناء طرطوس') == ["ship"]


def test_a_quoted_name_after_an_arabic_speakers_verb_is_no_ship() -> None:
    assert _labels('وأوضح "مرصد الملاحة" أن السفينة غادرت ميناء اللاذقية') == ["ship"]


def test_a_french_elided_article_closes_no_ship_name() -> None:
    assert _names("Le navire a accosté à Tobrouk. « La cargaison d'armes a été débarquée », dit-il.") == []


def test_a_type_written_with_its_popular_name_is_the_type() -> None:
    assert asset_key("C-17A Globemaster III") == asset_key("C-17") == "type:C17"
    assert asset_key("KC-135 Stratotanker") == "type:K35R"
    assert asset_key("Airbus A330 Phenix") == asset_key("A330")


def test_a_quoted_russian_phrase_opening_with_a_class_noun_is_no_ship_name() -> None:
    assert "Фрегат" not in _names("«Фрегат “Адмирал Исаков” вышел из Севастополя», сообщил источник.")


def test_a_navy_prefix_alone_before_a_quoted_russian_name_is_no_ship_name() -> None:
    assert "USS" not in _names("Американский эсминец USS «Мейсон» прибыл в порт Салала.")


def test_a_quoted_exercise_named_by_its_year_is_no_ship() -> None:
    assert _names("Фрегат «Стойкий» вышел из Балтийска на учения «Северный щит–2031».") == ["Стойкий"]


def test_a_mission_named_by_its_year_after_a_ship_name_is_no_ship() -> None:
    assert _names('The hospital ship Silk Road left Qingdao on its "Blue Bridge 2029" mission to Apia.') == [
        "Silk Road"
    ]


def test_an_arabic_exercise_named_by_its_year_is_no_ship() -> None:
    assert _labels('غادرت الفرقاطة ميناء جدة للمشاركة في تمرين "درع الخليج 2030"') == ["ship"]


def test_a_ship_name_with_a_number_of_its_own_stays() -> None:
    assert _names("The cargo ship Sparta 4 left Novorossiysk for Tartus.") == ["Sparta 4"]


def test_a_pennant_number_before_a_quoted_name_is_no_part_of_it() -> None:
    assert _names("La frégate ‘F977 Cassiopée’ a quitté Brest pour Dakar.") == ["Cassiopée"]


def test_a_hyphenated_pennant_number_before_a_name_is_no_part_of_it() -> None:
    assert _names("La frégate française D-622 Belvédère a franchi le détroit de Gibraltar.") == ["Belvédère"]


def test_a_name_that_is_only_letters_and_a_number_stays() -> None:
    assert _names("Буксир МБ-412 вышел из Севастополя в Тартус.") == ["МБ-412"]


def test_ships_identified_as_names_are_the_names() -> None:
    assert _names("The tankers have been identified as Coral Bay and Nimbus, both bound for Latakia.") == [
        "Coral Bay",
        "Nimbus",
    ]

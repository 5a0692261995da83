"""French ship names after the class noun that the reader missed (a name in apposition after a comma with its
article, a name after a long class description closed by the navy's bracketed abbreviation), and a Russian agency's
quoted name after "РИА" read as a ship (invented sentences, one behaviour each)."""

from __future__ import annotations

from liftwatch.claims.ships import named_ships


def _names(text: str) -> list[str]:
    return [name for _, _, name in named_ships(text)]


def test_a_name_after_a_comma_and_its_article_is_the_ships() -> None:
    assert _names("Mardi, le vraquier, le Kestrel, a quitté le port de Tartous.") == ["Kestrel"]


def test_lower_case_words_may_describe_the_ship_before_the_comma() -> None:
    assert _names("Un pétrolier battant pavillon libérien, le Nordwind, est arrivé à Bandar Abbas.") == ["Nordwind"]


def test_a_capitalised_article_after_the_comma_is_part_of_the_name() -> None:
    assert _names("La frégate de surveillance (FS), La Rochelle-Verte, a accosté à Dakar.") == ["La Rochelle-Verte"]


def test_a_name_not_closed_by_a_comma_is_no_apposition() -> None:
    assert _names("Le cargo est arrivé trois jours après un autre pétrolier, le Borée le mardi suivant.") == []


def test_a_navy_after_the_comma_is_no_ship_name() -> None:
    assert _names("Pour protéger le navire, la Marine nationale a dépêché une escorte.") == []


def test_a_long_description_closed_by_the_navys_abbreviation_precedes_the_name() -> None:
    assert _names("Le patrouilleur de haute mer (PHM) Enseigne Lebrun a appareillé de Brest.") == ["Enseigne Lebrun"]


def test_a_description_joined_by_et_closed_by_the_abbreviation_precedes_the_name() -> None:
    text = "Le bâtiment de soutien et de transport (BST) Garonne a fait escale à Libreville."
    assert _names(text) == ["Garonne"]


def test_a_quoted_name_after_a_russian_news_agencys_abbreviation_is_no_ship() -> None:
    assert _names("Корвет «Дерзкий» вышел из Владивостока, сообщает РИА «Вестник».") == ["Дерзкий"]

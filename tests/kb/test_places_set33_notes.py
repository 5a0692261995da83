"""Names the annotators of set 33 met that the kb did not reach: Clermont-Ferrand's field by Aulnat, its old name;
Quetta's field by the air force base on its runway (Samungli); Izmir's port by its quarter (Alsancak); Chittagong
by its official name (Chattogram); Eilat's port in Arabic; a ship's "Алжир" (Russian writes Algiers and Algeria
alike); Amman by its doubled Arabic spelling. Invented phrases.
"""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb import port_index


@pytest.mark.parametrize("text", ["Aulnat", "aéroport d'Aulnat", "Clermont-Ferrand-Aulnat"])
def test_aulnat_is_clermont_ferrands_field(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LFLC"


@pytest.mark.parametrize("text", ["Samungli", "PAF Base Samungli", "Samungli air base"])
def test_samungli_is_quettas_shared_field(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "OPQT"


@pytest.mark.parametrize("text", ["Alsancak", "port d'Alsancak", "Alsancak port"])
def test_alsancak_is_izmirs_index_port_for_a_ship(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-44750"


def test_port_index_names_must_name_ports_the_index_holds() -> None:
    assert "Alsancak" in port_index.index_site("wpi-44750").aliases  # type: ignore[union-attr]
    assert all(wpi.isdigit() for wpi in port_index._extra_names())


def test_a_bad_port_index_names_row_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(port_index, "read_csv", lambda name: [{"wpi": "x", "names": "A", "source": ""}])
    with pytest.raises(KnowledgeBaseError, match="a number and names"):
        port_index._extra_names()


@pytest.mark.parametrize(
    ("text", "carrier", "want"), [("Chattogram", "sea", "wpi-49590"), ("Chattogram", "air", "VGEG")]
)
def test_chattogram_is_chittagong(text: str, carrier: str, want: str) -> None:
    assert kb.resolve_place(text, carrier=carrier).id == want  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["إيلات", "ميناء إيلات", "Эйлат"])
def test_eilat_in_arabic_is_its_port_for_a_ship(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-48076"


def test_algiers_in_russian_is_the_port_for_a_ship_and_the_state_otherwise() -> None:
    assert kb.resolve_place("Алжир", carrier="sea").id == "algiers-port"
    assert kb.resolve_place("Алжир").id == "country:DZ"
    assert kb.resolve_place("Алжира", carrier="sea").kind == "country"  # "воды Алжира": the state's


@pytest.mark.parametrize("text", ["عمّان", "عمَّان", "مطار عمّان"])
def test_amman_with_its_shadda_is_the_city(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "city:JO:amman"


@pytest.mark.parametrize("text", ["عمان", "عُمان"])
def test_the_bare_word_stays_oman(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "country:OM"

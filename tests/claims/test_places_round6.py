"""Places found under a wrong key or none (sixth pass on places not found or wrongly resolved): a common word the
site resolver's loose best guess made a small field ("Government", "Jérusalem", "تدريب"), a ship's country named
as its capital is named ("Djibouti", "Кувейт"), which stayed the country although the kb reads it as the capital's
port for a ship, and an air force base named with "Air Force Base", which the kb files as "AFB".

Invented sentences, one behaviour per test.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract
from liftwatch.claims.places import default_gazetteer


def _places(text: str, role: str) -> set[str]:
    claims = extract(text, date(2025, 3, 1), use_model=False).claims
    return {p.id or "" for c in claims for p in getattr(c, role)}


def test_a_common_word_is_no_field_whose_longer_name_carries_it() -> None:
    gaz = default_gazetteer()
    for word in ("Government", "Jérusalem", "Emergency", "تدريب", "شركة"):
        found = gaz.lookup(word)
        assert found is None or found.kind != "site", word


def test_a_loose_guess_that_is_a_whole_name_of_the_site_stands() -> None:
    found = default_gazetteer().lookup("Larnaka")
    assert found is not None and found.id == "larnaca-port"


def test_a_two_word_name_that_looks_like_the_site_stands() -> None:
    found = default_gazetteer().lookup("Jeddah Islamic Port")
    assert found is not None and found.id == "jeddah-port"


def test_a_ships_country_named_as_its_capital_is_the_capitals_port() -> None:
    dest = _places("The French frigate Aconit arrived in Djibouti on Tuesday for a port call.", "destination")
    assert "djibouti-port" in dest


def test_a_ships_russian_country_named_as_its_capital_is_the_port() -> None:
    dest = _places("Фрегат «Адмирал Касатонов» прибыл в Кувейт с деловым заходом.", "destination")
    assert "wpi-48370" in dest


def test_an_aircrafts_country_stays_the_country() -> None:
    found = default_gazetteer().lookup("Djibouti", "air")
    assert found is not None and found.id == "country:DJ"


def test_a_ships_other_country_stays_the_country() -> None:
    found = default_gazetteer().lookup("Turkey", "sea")
    assert found is not None and found.id == "country:TR"


def test_air_force_base_written_out_is_the_kbs_afb() -> None:
    found = default_gazetteer().lookup("Dover Air Force Base")
    assert found is not None and found.id == "KDOV"

"""A port name two countries share ("ميناء طرابلس": Libya's and Lebanon's) read by the country the text names.

Invented sentences in the four languages: the gazetteer takes the port of the one candidate country the text names
anywhere (by its name, a case of it, an Arabic nisba adjective or an adjective of nationality), and no port when the
text names neither or both.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.shared_places import countries_named

from .conftest import real_kb_gazetteer


@pytest.mark.parametrize(
    ("text", "site_id"),
    [
        ("رست سفينة شحن في ميناء طرابلس أمس قادمة من تركيا، وفق مصادر في شمال لبنان.", "tripoli-lb-port"),
        ("رست سفينة شحن في ميناء طرابلس الليبى أمس.", "tripoli-port"),
        ("A cargo ship berthed at the Port of Tripoli on Monday, Libyan officials said.", "tripoli-port"),
        ("A cargo ship berthed at the Port of Tripoli on Monday, the Lebanese army said.", "tripoli-lb-port"),
        ("Le cargo a accosté au port de Tripoli, au Liban, lundi.", "tripoli-lb-port"),
        ("Сухогруз зашёл в порт Триполи в понедельник, сообщили власти Ливии.", "tripoli-port"),
    ],
)
def test_the_shared_port_is_the_named_countrys(text: str, site_id: str) -> None:
    found = {m.place.id for m in real_kb_gazetteer().mentions(text)}
    assert site_id in found
    assert not {"tripoli-port", "tripoli-lb-port"} - {site_id} & found


@pytest.mark.parametrize(
    "text",
    [
        "A cargo ship berthed at the Port of Tripoli on Monday.",
        "رست سفينة شحن في ميناء طرابلس أمس بعد رحلة من ليبيا إلى لبنان.",
    ],
)
def test_the_shared_port_is_none_when_the_text_names_no_one_country(text: str) -> None:
    found = {m.place.id for m in real_kb_gazetteer().mentions(text)}
    assert not {"tripoli-port", "tripoli-lb-port"} & found


def test_countries_named_reads_names_cases_and_adjectives() -> None:
    assert countries_named("وصلت إلى الموانئ الليبية") == {"LY"}
    assert countries_named("сообщили в Ливане") == {"LB"}
    assert countries_named("selon l'armée libanaise") == {"LB"}
    assert countries_named("no country here") == frozenset()


def test_an_adjective_several_territories_share_is_the_most_populous_ones_state() -> None:
    # "American" is listed for the Northern Mariana Islands too; it names the United States
    from liftwatch.claims.shared_places import countries_named

    assert "US" in countries_named("the American ports") and "MP" not in countries_named("the American ports")


def test_the_gazetteer_finds_the_names_the_kb_finds_shared() -> None:
    """The gazetteer keeps its own list of shared names (it reads any kb it is given, keyed by the claims' fold);
    on the real kb it is the kb's (``kb.lookup.shared_alias``), name for name and site for site."""
    from liftwatch.claims.textkey import norm_key
    from liftwatch.kb._text import norm_key as kb_key
    from liftwatch.kb.lookup import _index, shared_alias
    from liftwatch.kb.sites import site

    gaz = real_kb_gazetteer()
    kb_shared: dict[str, dict[str, str]] = {}
    for sid, row in gaz.curated_rows.items():
        for alias in [row["name"], sid, *(row.get("aliases") or [])]:
            if alias and len(alias.strip()) >= 3 and (ids := shared_alias(_index().exact.get(kb_key(alias), []))):
                countries = {i: c for i in ids if (c := site(i).country) is not None}
                kb_shared.setdefault(norm_key(alias), {}).update(countries)
    assert kb_shared and gaz._shared == kb_shared


@pytest.mark.parametrize(
    ("text", "site_id"),
    [
        ("A Russian Tu-134 landed in Brest on 6 September, Belarusian monitors said.", "UMBB"),
        ("A Russian Tu-134 landed in Brest, Belarus, on 6 September.", "UMBB"),
        ("A French A400M landed in Brest on 6 September, France's air force said.", "LFRB"),
    ],
)
def test_an_ambiguous_kb_name_is_the_named_countrys_site(text: str, site_id: str) -> None:
    from datetime import date

    from liftwatch.claims import extract

    places = {p.id for c in extract(text, date(2023, 9, 10)).claims for p in c.destination}
    assert site_id in places
    assert not {"LFRB", "UMBB"} - {site_id} & places


def test_an_ambiguous_kb_name_stays_unknown_when_the_text_names_no_one_country() -> None:
    from datetime import date

    from liftwatch.claims import extract

    claims = extract("A Russian Tu-134 landed in Brest on 6 September.", date(2023, 9, 10)).claims
    brest = [p for c in claims for p in c.destination if p.text == "Brest"]
    assert brest and all(p.kind == "unknown" for p in brest)

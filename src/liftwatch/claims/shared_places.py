"""A place name two countries' sites share, read by the country the text names.

"ميناء طرابلس" is the port of Tripoli in Libya and the port of Tripoli in Lebanon; "Port of Tripoli" and "порт
Триполи" too. The kb keeps such a name ambiguous alone (``kb.lookup.shared_alias``). A report about one of them
almost always names its country somewhere ("ميناء طرابلس الليبى", "في ليبيا", "libanais"), so the extractor takes
the site of the one candidate country the text names, and no site when it names none or several of them: a silent
pick would put the voyage in the wrong country.

The same holds for a name the kb resolver itself finds ambiguous between equally likely sites ("Brest": France's
and Belarus's airports): :func:`site_of_named_country` asks ``kb.resolve_place`` for the sites it could not choose
among and takes the one of the country the text names.
"""

from __future__ import annotations

import re
from functools import cache

from liftwatch.errors import PlaceError
from liftwatch.kb import resolve_place, site
from liftwatch.kb._text import norm_key
from liftwatch.kb.nationalities import nationality_adjectives, russian_stems

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _adjectives_of_states() -> dict[str, str]:
    """Adjective of nationality (folded key) -> ISO2, English and French (``kb.nationalities``)."""
    return {norm_key(form): iso for form, (iso, _) in nationality_adjectives().items()}


@cache
def _russian_stems() -> tuple[tuple[str, str], ...]:
    """(folded Russian adjective stem, ISO2) of every state (``kb.nationalities``), in the data's order: the
    first stem a word starts with names its state ("ливийский", "ливанской")."""
    return tuple((norm_key(stem), iso) for stem, iso in russian_stems().items())


def _word_country(word: str) -> str | None:
    """The country one word names: its name or a Russian case of it, an Arabic nisba ("الليبية": ليبيا; "اللبناني":
    لبنان) or an adjective of nationality."""
    from liftwatch.kb.place_forms import country_code

    code = country_code(word)  # a name, a Russian case of it or an Arabic nisba: "Ливии", "الليبي", "اللبنانية"
    key = norm_key(word)
    if code is None and key:
        code = _adjectives_of_states().get(key)
    if code is None and re.fullmatch(r"[а-яё]+", key or ""):
        code = next((iso for stem, iso in _russian_stems() if key.startswith(stem)), None)  # ливийский, ливанской
    return code


def countries_named(text: str) -> frozenset[str]:
    """ISO2 codes of the countries ``text`` names: by a name in any script or a Russian case of it ("Ливии"), an
    Arabic nisba adjective ("الليبي", "اللبنانية"), or an adjective of nationality ("libanais", "ливийский",
    "Lebanese"). Multi-word names ("Saudi Arabia") are not read: the shared names so far are one country's each."""
    words = set(_WORD.findall(text.replace("ى", "ي")))
    found = {code for word in words if (code := _word_country(word)) is not None}
    return frozenset(found)


def by_country(text: str, sites: dict[str, str]) -> str | None:
    """The one of ``sites`` (site id -> ISO2) whose country ``text`` names, or None when it names none or several."""
    named = countries_named(text)
    hits = [sid for sid, iso in sites.items() if iso in named]
    return hits[0] if len(hits) == 1 else None


def site_of_named_country(text: str, phrase: str) -> str | None:
    """The site ``phrase`` names when the kb finds it ambiguous between sites of several countries and ``text``
    names exactly one of those countries ("landed in Brest, Belarus": UMBB); None otherwise, the name then stays
    an unknown place."""
    try:
        resolve_place(phrase)
    except PlaceError as e:
        if e.reason != "ambiguous" or not e.site_ids:
            return None
        sites = {sid: site(sid).country or "" for sid in e.site_ids}
        if len(set(sites.values())) < 2:
            return None
        return by_country(text, sites)
    return None

"""One vocabulary for places: any site, city, country or region name, in any script, to a :class:`PlaceRef`.

Every command, the notebook API, the report and the filters resolve place names here, so "OSLK",
"Khmeimim", "hmeimim" and "Хмеймим" select the same flights everywhere. Exact matches win in a fixed order:

1. region id, site id;
2. a country abbreviation or ISO2 code typed in capitals ("CAR", "UAE", "ML");
3. an ICAO/IATA code, only when typed as a code (3-4 capital letters/digits: "HLLB", "OTHH", "HL59"): "Gao"
   and "Sirt" are names, not the codes GAO (Guantánamo) or SIRT;
4. a region alias ("eastern Libya", "Syria");
5. a country name in any listed form ("Mali", "Sudan", "Central African Republic"); a country the kb has a
   region for becomes that region, any other the country itself (every kb site registered there);
6. a city served by several airfields ("Moscow", "Tripoli"), or named in another language ("Каир"): the
   city, i.e. all its airfields; same-named places (cities and one-airfield towns) ranked by
   :func:`~liftwatch.kb.cities.city_key` (curated, in a kb region, largest field, ...), a tie is ambiguous;
7. a site alias, then a site name without generic words ("Gao" = "Gao Airport"), then a transliteration;
8. a city told as a capital ("Oman, la capitale de la Jordanie", "العاصمة عمان": Amman), tried first, and a
   declined Russian word ("Гаваны", "Сирии"), tried last (:mod:`liftwatch.kb.place_forms`).

Only then is a fuzzy match tried over sites, regions, countries and cities, and it must be clearly better than
the runner-up (a name with a water word, "Adriatic Sea", "golfe d'Ormuz", "Охотское море", is compared with
sites and cities without that word: "Sea" does not make Shea Field a candidate for a sea); a fuzzy country, region or city must also keep the name's consonant skeleton ("Рим" is not
Saint Pierre and Miquelon). An unknown or ambiguous name raises :class:`~liftwatch.errors.PlaceError` listing the
candidates: a silent guess would filter on the wrong airfield and return a plausible, wrong, answer.

A sea, gulf, strait or canal ("Red Sea", "Bosphorus") resolves to its water region, a region of points (AIS
positions) that holds no site. :func:`~liftwatch.kb.endpoints.resolve_endpoint` is what a flight or voyage filter
calls: a water region as an origin or destination is an error saying so, because no flight or voyage starts or ends
in a sea and answering with its coastal airfields would count "from the Red Sea" flights that took off from Jeddah.

This module holds the exact readings and their order; the fuzzy step is :mod:`liftwatch.kb.place_fuzzy` and the
:class:`PlaceRef` record :mod:`liftwatch.kb.place_refs`. ``PlaceRef`` and ``place_candidates`` stay importable
from here, the path the rest of the library and users import them by.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace

from liftwatch.errors import PlaceError
from liftwatch.geodesy import haversine_km
from liftwatch.kb._text import name_key, norm_key, phonetic_key
from liftwatch.kb.carriers import (
    Carrier,
    _scheduled_fields,
    carrier_of_kind,
    check_carrier,
    choose_by_carrier,
    for_carrier,
)
from liftwatch.kb.cities import (
    City,
    cities_named,
    city_heads,
    city_key,
    city_phonetic,
    make_city,
    prominent,
    rank_cities,
)
from liftwatch.kb.countries import country_phonetic, resolve_country
from liftwatch.kb.generic_forms import resolve_generic
from liftwatch.kb.lookup import CODE_AS_TYPED, LANDFORM_WORDS, _best, _index, exact_hits, prominent_site, shared_alias
from liftwatch.kb.place_forms import capital_city, declined, state_space, water_part
from liftwatch.kb.place_fuzzy import _without_water_word, fuzzy_place
from liftwatch.kb.place_fuzzy import place_candidates as place_candidates
from liftwatch.kb.place_refs import MatchKind, _city_label, _city_ref, _country_ref, _region_ref, _site_ref
from liftwatch.kb.place_refs import PlaceRef as PlaceRef
from liftwatch.kb.port_index import index_site
from liftwatch.kb.regions import _region_alias_index, regions
from liftwatch.kb.sites import _code_index, _row_index, site
from liftwatch.kb.sound_index import place_by_sound
from liftwatch.kb.town_airport import town_airport, town_over_name


def _exact(text: str, carrier: Carrier | None = None) -> PlaceRef | None:
    t = text.strip()
    if t in regions():
        return _region_ref(text, t, "id")
    if t in _row_index() or index_site(t) is not None:  # a World Port Index id too ("wpi-45080")
        return _site_ref(text, t, "id")
    as_code = bool(CODE_AS_TYPED.fullmatch(t)) or (len(t) == 2 and t.isalpha() and t.isupper())
    country = resolve_country(t)
    if as_code and country is not None:  # "CAR" is the Central African Republic, "ML" Mali
        return _country_ref(text, country.code, "alias")
    code = _code_index().get(t) if as_code else None
    if code:  # "SIRT" is a code, "Sirt" a name (Sirte); "GAO" is Guantánamo, "Gao" the town in Mali
        return _site_ref(text, code, "code")
    key = norm_key(t)
    if not key:
        return None
    region = _region_alias_index().get(key)
    if region:
        return _region_ref(text, region, "alias")
    if country is not None:
        return _country_ref(text, country.code, "alias")
    idx = _index()
    named = cities_named(t)
    if named:  # airfields named so outside these cities compete too ("Naples": Napoli's airport, not Florida)
        cities = {c.id for c in named}
        covered = {sid for c in named for sid in c.site_ids}
        for sid in dict.fromkeys([*idx.exact.get(key, []), *idx.names.get(name_key(t), [])]):
            if sid not in covered:
                named.append(make_city(key, site(sid).name, site(sid).country or "", (sid,)))
        # on a tie the city so named wins over an airfield whose name only carries the word ("Managua": the
        # capital's airport, not Quepos Managua in Costa Rica); an airfield and a port far apart, the carrier
        ranked = choose_by_carrier(text, rank_cities(named), carrier)
        return _city(text, ranked, "alias", prefer=cities)
    aliased = idx.exact.get(key, [])
    shared = shared_alias(aliased)
    if shared:  # "ميناء طرابلس": Libya's and Lebanon's; the name alone cannot say which country's
        raise PlaceError(text, "ambiguous", tuple(f"{site(sid).name} (site {sid})" for sid in shared), shared)
    hits = exact_hits(aliased, idx.names.get(name_key(t), []))
    if len(hits) > 1:
        alike = choose_by_carrier(
            text, [make_city(key, site(s).name, site(s).country or "", (s,)) for s in hits], carrier
        )
        hits = [c.site_ids[0] for c in alike]
    if hits:
        best = _one_site(text, hits, aliased)
        at_town = town_over_name(t, best) if best not in aliased else None
        if at_town is not None:  # "Moscow airport": Moscow's airports, not Pullman/Moscow Regional (Idaho)
            return replace(at_town, text=text)
        return _site_ref(text, best, "alias" if best in aliased else "name")
    at_town = town_airport(t)  # "مطار عدن الدولي", "aéroport de Manille": the town's airfields
    if at_town is not None:
        return replace(at_town, text=text)
    headed = city_heads().get(key)
    if headed:  # "Frankfurt": Frankfurt am Main, before anything that merely sounds like it (Frankfort, Kentucky)
        return _city(text, rank_cities(headed), "name")
    pkey = phonetic_key(t)  # transliterations: countries and cities before single sites ("Malii" is not Malé)
    if pkey in country_phonetic():
        return _country_ref(text, country_phonetic()[pkey], "transliteration")
    if pkey in city_phonetic():
        sounding = [c for c in cities_named(city_phonetic()[pkey]) if prominent(c)]
        city = _city(text, sounding, "transliteration")
        if city is not None:
            return city
    by_sound = [sid for sid in idx.phonetic.get(pkey, []) if prominent_site(sid)]
    if by_sound:
        return _site_ref(text, _best(by_sound)[0], "transliteration")
    return place_by_sound(text)


def _one_site(text: str, hits: list[str], aliased: list[str] | tuple[str, ...] = ()) -> str:
    """The site a name shared by several means: the most prominent (curated, then the larger field); fields
    alike in every respect ("Bennington": three small US strips) are an ambiguity listing them, unless one is the
    town's own airport (:func:`_town_field`)."""
    ranked = _best(hits)
    rank = _index().rank
    tied = [sid for sid in ranked if rank.get(sid) == rank.get(ranked[0])]
    own = _town_field(text, tied, aliased) if len(tied) > 1 else None
    if own is not None:
        return own
    if len(tied) > 1:
        listed = tuple(tied[:8])
        raise PlaceError(text, "ambiguous", tuple(f"{site(sid).name} (site {sid})" for sid in listed), listed)
    return ranked[0]


def _town_field(text: str, tied: list[str], aliased: list[str] | tuple[str, ...]) -> str | None:
    """Of equally ranked fields, the town's own airport, as a city so named wins in :func:`_exact` ("Managua"): the
    one field filed under the town of that name (``aliased``) that is worth the name (:func:`prominent_site`) and
    has scheduled service, where every other field carries the word only as a part of its own name and has none
    ("Cairns": Cairns International, not Cairns Army Air Field at Fort Rucker, named after a person). A field whose
    whole name is the word ("Gangneung Airport", the air base beside the airport filed under Sokcho / Gangneung) or
    one with scheduled flights of its own (Leeds Bradford for "Bradford") keeps the name ambiguous: which is meant
    is the text's to say."""
    at_town = [sid for sid in tied if sid in aliased]
    if len(at_town) != 1:
        return None
    own, key = at_town[0], name_key(text)
    scheduled = _scheduled_fields()
    if not prominent_site(own) or (site(own).icao or "") not in scheduled:
        return None
    others = [site(sid) for sid in tied if sid != own]
    if any(name_key(o.name) == key or (o.icao or "") in scheduled for o in others):
        return None
    return own


def _city(text: str, cities: list[City], matched: MatchKind, prefer: set[str] | None = None) -> PlaceRef | None:
    """The most likely of same-named places (ranked by :func:`~liftwatch.kb.cities.city_key`); equally likely
    ones are an ambiguity listing them all, unless exactly one of them is ``prefer``red. A winner with one
    airfield is that airfield (a site)."""
    if not cities:
        return None
    tied = [c for c in cities if city_key(c) == city_key(cities[0])]
    preferred = [c for c in tied if prefer and c.id in prefer]
    if len(tied) > 1 and len(preferred) == 1:
        tied = cities = preferred
    if len(tied) > 1:
        raise PlaceError(text, "ambiguous", tuple(_city_label(c) for c in tied))
    if len(cities[0].site_ids) == 1:
        return _site_ref(text, cities[0].site_ids[0], matched)
    return _city_ref(text, cities[0], matched)


def resolve_place(text: str, carrier: Carrier | None = None) -> PlaceRef:
    """The site, region, country or city ``text`` names; raises PlaceError (with candidates) when unknown or
    ambiguous (a city name shared by equally likely cities is ambiguous too). ``carrier`` ("air" or "sea") says
    who uses the place: an aircraft's place is an airfield, a ship's a port (:mod:`liftwatch.kb.carriers`)."""
    mode = check_carrier(carrier)
    if (owned := _owned_site(text, mode)) is not None:
        return owned
    try:
        ref = _resolve(text, mode)
        if mode == "sea" and ref.matched in _LOOSE and (indexed := _index_port(text)) is not None:
            return indexed  # a harbour's exact name over a fuzzy or by-ear reading of something else
        if ref.matched in _LOOSE and (generic := resolve_generic(text, mode)) is not None:
            return generic  # "порту Тартус": the phrase's own reading over a loose match of the declined word
        if mode is None:
            return ref
        used = for_carrier(ref, mode)
        if mode == "sea" and used.kind == "city" and (indexed := _harbour_abroad(text, used)) is not None:
            return indexed  # "Cadiz": an inland town's name (Ohio's) is, for a ship, the harbour the index so names
        return used
    except PlaceError:
        generic = resolve_generic(text, mode)  # "на аэродроме Чкаловский": the generic word in another case
        if generic is not None:
            return generic
        port = _ship_port(text) if mode == "sea" else None
        if port is not None:
            return port
        if (bare := _ARTICLE.sub("", text, count=1)) != text and bare.strip():
            # "the Netherlands", "la Russie": the article is no part of the name; a name unknown without it too is
            # reported as the user wrote it
            with contextlib.suppress(PlaceError):
                return resolve_place(bare, carrier)
        if (town := _CITY_WORD.sub("", text, count=1)) != text and town.strip():
            # "Zhanjiang City": English's word for the town after its name, where the kb knows the town without it
            # ("Kuwait City", "Quezon City", known with theirs, stay as they are)
            with contextlib.suppress(PlaceError):
                return replace(resolve_place(town, carrier), text=text)
        raise


#: A site named by its town's possessive ("Mogadishu's international airport", "Tartus's port")
_OWNED_SITE = re.compile(
    r"^(?P<town>.+?)['’]s?\s+(?P<kind>(?:(?:main|international|military|naval|commercial)\s+)*"
    r"(?:airport|air\s*base|airbase|airfield|port|harbou?r|naval\s+base))\s*$",
    re.I,
)


def _owned_site(text: str, carrier: Carrier | None) -> PlaceRef | None:
    """A site named by its town's possessive, read as the town's site of that kind ("Mogadishu's international
    airport" is Mogadishu international airport): the kind's words alone match some other field's alias
    ("International Airport" of Charleston), and "Tripoli's" is no Tripolis. Only where the town is a place the kb
    knows, so a name with a possessive of its own ("St John's International Airport") is read as written."""
    m = _OWNED_SITE.match(" ".join(text.split()))
    if m is None:
        return None
    owner = norm_key(m.group("town") + "s")
    with contextlib.suppress(PlaceError):
        plain = _resolve(text, carrier)
        names = (site(plain.id).name, *site(plain.id).aliases) if plain.kind == "site" else ()
        if any(owner in norm_key(n) and re.search(r"['’]s\b", n) for n in names):
            return None  # the possessive is the site's own name ("St John's International Airport")
    try:
        resolve_place(m.group("town"), carrier)
        ref = resolve_place(f"{m.group('town')} {m.group('kind')}", carrier)
    except PlaceError:
        return None
    return replace(ref, text=text)


#: English's and French's article before a name ("the Netherlands", "The Gambia", "la Russie", "l'Algérie"): the kb
#: holds the name without it, so a name that is not known with it is read without it ("Le Havre", "La Paz", known
#: with theirs, stay as they are)
_ARTICLE = re.compile(r"^\s*(?:(?:the|la|le|les)\s+|l['’]\s*)", re.I)

#: English's word for a town after the town's name ("Zhanjiang City"), read without it when unknown with it
_CITY_WORD = re.compile(r"\s+city\s*$", re.I)


def _ship_port(text: str) -> PlaceRef | None:
    """A ship's port where the kb's reading of the name found none: a port curated under a phrase of the name, the
    World Port Index's port of that name, a port phrase round a town's name, the index's port of a town the kb
    knows by another script's name, or the index's port a declined Russian town's name names
    (:mod:`liftwatch.kb.ship_places`)."""
    from liftwatch.kb.ship_places import declined_index_port, index_port_of_town, town_port

    return (
        _port_phrase(text)
        or _index_port(text)
        or town_port(text)
        or index_port_of_town(text)
        or declined_index_port(text)
    )


def _harbour_abroad(text: str, city: PlaceRef) -> PlaceRef | None:
    """The harbour the World Port Index names ``text`` exactly, in another country than ``city``, a town the kb read
    for a ship and that holds no port: a ship's "Cadiz" is Spain's, not the inland town in Ohio the airport table
    names so. A city with harbours of its own that carry other names stays the city (Istanbul's Ambarlı)."""
    if any(carrier_of_kind(site(s).kind) == "sea" for s in city.site_ids):
        return None
    indexed = _index_port(text)
    if indexed is None or city.id.split(":")[1:2] == [site(indexed.id).country]:
        return None
    return indexed


#: Readings a harbour's exact name in the World Port Index beats for a ship
_LOOSE = ("fuzzy", "sound")


def _index_port(text: str) -> PlaceRef | None:
    """A ship's port the World Port Index tier names exactly (:func:`liftwatch.kb.port_index.port_named`: "Duqm",
    "Feodosia", "Souda Bay"), where the kb's own reading found no port: curated sites win wherever they answer."""
    from liftwatch.kb.port_index import port_named

    found = port_named(text)
    return _site_ref(text, found, "alias") if found else None


#: The phrases a port is curated under when its bare name is left out (it means other things too)
_PORT_PHRASES = ("порт {}", "Port of {}", "{} port", "port de {}", "ميناء {}")


def _port_phrase(text: str) -> PlaceRef | None:
    """A ship's bare name of a port the kb holds only as a phrase ("Восточный": "порт Восточный", left out bare
    because it also means "eastern" and the Vostochny cosmodrome): that port, when the name alone is unknown or
    ambiguous and exactly one port or naval base answers to it. An aircraft's or an unqualified name stays as it
    was."""
    found: set[str] = set()
    for phrase in _PORT_PHRASES:
        try:
            ref = _exact(phrase.format(text.strip()), "sea")
        except PlaceError:
            continue
        if ref is not None and ref.kind == "site" and carrier_of_kind(site(ref.id).kind) == "sea":
            found.add(ref.id)
    return _site_ref(text, found.pop(), "alias") if len(found) == 1 else None


def _resolve(text: str, carrier: Carrier | None) -> PlaceRef:
    if not text or not text.strip():
        raise PlaceError(text, "empty")
    if norm_key(text) in LANDFORM_WORDS:
        raise PlaceError(text, "unknown")  # "à Sebkha": a salt flat, not the town it folds onto (Sebha, Libya)
    exact = (
        capital_city(text)
        or _exact(text, carrier)
        or _after_town(text)
        or declined(text)
        or water_part(text)
        or state_space(text)
    )
    by_ear = ("transliteration", "sound")
    if exact is not None and exact.matched in by_ear and _without_water_word(text) != text.strip():
        region = regions().get(exact.id) if exact.kind == "region" else None
        if region is None or not region.is_water:
            exact = None  # "Ross Sea" sounds like "Russia" once its space is folded away: a sea is no land
    if exact is not None:
        return exact
    return fuzzy_place(text, carrier)


def _after_town(text: str) -> PlaceRef | None:
    """An airport written after its town, as the French press writes it ("Roissy-Charles-de-Gaulle", "Paris-Charles
    de Gaulle"): the airport's own name of two or more words, exactly, after one word. One word after the town is
    too weak a name alone ("Saint-Denis" is no field called Denis); it is taken only after a hyphen, where the word
    before it is a town the kb knows and the field is one of that town's ("Tripoli-Mitiga", "Tripoli-Matiga":
    :func:`_field_of_town`)."""
    parts = re.split(r"[\s\-]+", text.strip(), maxsplit=1)
    if len(parts) < 2:
        return None
    rest = parts[1]
    if _PREPOSITION.match(rest):
        return None  # "north of Mali" is no town "north" with a field "of Mali" (Mali Airport, Indonesia)
    ref = _exact(rest)
    if ref is None or ref.kind != "site" or ref.matched not in ("name", "alias"):
        return None
    if len(re.split(r"[\s\-]+", rest)) < 2 and not _field_of_town(text, parts[0], ref.id):
        return None
    return replace(ref, text=text)


#: A preposition a field's own name does not begin with ("of", "de", "du", "d'", "в", "из")
_PREPOSITION = re.compile(r"(?i)^(?:of|de|du|des|d['’]|в|во|из|на|у|في|من)(?:\s|$)")

#: How far a field may lie from the town the hyphenated form names it after (Mitiga is 8 km from Tripoli)
_TOWN_FIELD_KM = 40.0


def _field_of_town(text: str, town: str, site_id: str) -> bool:
    """Whether ``text`` is "Town-Field" with a hyphen and the field one of the town's: the town an exact reading of
    the kb's (a city or a one-airfield town, not a country or region) whose fields include the site or lie within
    ``_TOWN_FIELD_KM`` of it."""
    if not re.fullmatch(r"\s*\S+\s*-\s*\S+\s*", text):
        return False
    try:
        head = _exact(town)
    except PlaceError:
        return False
    if head is None or head.kind not in ("city", "site") or head.matched not in ("name", "alias"):
        return False
    if site_id in head.site_ids:
        return True
    field = site(site_id)
    return any(
        float(haversine_km(site(s).lat, site(s).lon, field.lat, field.lon)) <= _TOWN_FIELD_KM for s in head.site_ids
    )

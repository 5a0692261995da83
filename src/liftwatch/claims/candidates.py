"""Names standing where a place must stand that the kb's alias pattern did not find: capitalised names (and
Arabic words after a class noun) right after a role cue, region phrases, and what an optional NER model
proposes. Each goes through the gazetteer's resolvers; what fails is kept as an *unknown place*.

Rules rather than NER because the position after a cue is what makes a word a place here ("flights to
Bamako"), and a Cyrillic adjective before its noun ("Балтийского флота") is told by its ending.
"""

from __future__ import annotations

import re

from liftwatch import kb as kb_module
from liftwatch.claims.ar_state_adjectives import adjective_as_site, state_adjective
from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.cues import BETWEEN_CUE, MOVE, NOT_PLACES
from liftwatch.claims.filler import filler_word
from liftwatch.claims.fr_function_words import fr_function_word
from liftwatch.claims.fr_participle_leads import participle_lead
from liftwatch.claims.from_to import ends_route, opens_route
from liftwatch.claims.intervals import Taken
from liftwatch.claims.lexicon import ACTORS
from liftwatch.claims.list_joints import JOINED_TO_PLACE, LIST_GOES_ON, end_before_note, list_closes, listed_article
from liftwatch.claims.model import Place
from liftwatch.claims.name_marks import person_marked, quoted
from liftwatch.claims.names_by_country import after_country, in_named_country
from liftwatch.claims.place_names import CITY_ANCHORS, COUNTRIES
from liftwatch.claims.places import SOUND_NOTE, Gazetteer, Mention, norm_key
from liftwatch.claims.routes import ROUTE_NOUN
from liftwatch.claims.ru_state_tails import place_before_state
from liftwatch.claims.sentences import cue_role
from liftwatch.claims.shapes import AFTER_CAPITAL
from liftwatch.claims.shared_places import site_of_named_country
from liftwatch.claims.state_names import DOTTED_STATE, STATE_NAME, initials_end_noun_phrase, names_state
from liftwatch.claims.translit import has_cyrillic
from liftwatch.claims.types import find_types
from liftwatch.claims.unknown_names import UNKNOWN_NOTE, known_lead, without_date_tail
from liftwatch.kb._text import generic_only
from liftwatch.kb.nationalities import nationality_adjectives
from liftwatch.kb.ru_forms import ru_adjective_phrase

# a capitalised name of up to four words, joined by a space, an Arabic article or French "de"/"d'" ("l'Aéroport
# d'El-Arich", "le Golfe d'Aden": without the elided "d'" the first word alone was read, a place the kb lacks)
_CANDIDATE = re.compile(
    STATE_NAME + r"|\bS(?:ain)?t\.?\s+[A-Z][\w-]+"
    r"|(?:\b(?:al|el|ad|as|ash|az)[- ])?[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]*(?:(?:[ \t]+(?:(?:al|el|es|de|du|di)[- ])?|[ \t]+d['’])[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]*){0,3}"
    # Arabic: "أم جرس", "رأس الخيمة", "تل أبيب" (a name's leading word, "mother", "cape", "hill", ... is part of it);
    # "الشهيد" ("the martyr") is a title before the person a base is named after ("قاعدة الشهيد محمد علاء"), no name
    r"|(?:(?:أم|أبو|رأس|راس|عين|بئر|سيدي|بني|شرم|جبل|تل|الشهيد)\s+)?[\u0621-\u064A\u0671-\u06D3]+"
)
# Arabic has no capitals: a class noun just before a word marks it as a name ("مدينة أم جرس", "مضيق البوسفور",
# "العاصمة الكينية نيروبي", "ميناء لاغويرا": a port, airport or base without the article, in construct). With its
# article the noun is whole and names the facility told before ("هبطت في المطار الواقع ...", "دخلت الميناء محملة",
# "الميناء نفسه"): the word after it is no name (``roles.ar_arrival_anaphor`` reads which facility it is).
_AR_NAME_ANCHOR = re.compile(
    r"(?:(?<!ال)(?<!لل)(?:مدينة|مضيق|مضيقي|جزيرة|بلدة|ميناء|مطار|قاعدة|مرفأ)|العاصمة(?:\s+[\u0600-\u06FF]+ية)?)\s+$"
)
_SITE_KIND_AFTER = re.compile(r"\s+(?:port|air\s*base|airbase|base|airport|air\s*field|airfield|harbou?r)\b", re.I)
_ADJECTIVE_BEFORE = re.compile(
    r"\s+(?:port|base|air\s*base|naval|city|capital|coast|town|airport|harbou?r|province|military|army|"
    r"government|authorities|officials?|forces|security|territory|waters|navy|state|destination|war|country|"
    r"civilians|people|troops|soldiers|refugees|side|border|regime|junta|president|coastline|shores?)\b",
    re.I,
)


# a name that ends in (or is followed by) an organisation noun names a body, not a place
_ORGANISATION = re.compile(
    r"\b(?:Navy|Fleet|Army|Ministry|Forces?|Command|Agency|News|Network|Airlines|Airways|Company|Group|Corps|"
    r"Committee|Council|Commission|Images|Observatory|Monitor|Radar|Institute|Security|S[ée]curit[ée]|Press|Times)$"
)
# "Chad's Amdjarass Airport", "the LNA's Tamanhant": the possessor says whose it is, the name follows it
_POSSESSOR_LEAD = re.compile(r"^(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+(?=[A-Z])")
# the generic word after a name the kb does not know ("Amdjarass Airport"): the place is the name
_GENERIC_TAIL = re.compile(r"\s+(?:International\s+)?(?:Airport|Air\s*base|Air\s+Base|Airfield|Airstrip)$", re.I)
_NAME_AFTER_COMMA = re.compile(r",\s*(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})")
_ORGANISATION_AFTER = re.compile(r"\s+(?:and\s+(?:the\s+)?[A-Z]\w+\s+)?(?:fleets?|navy|army|ministry)\b", re.I)


# a name the kb does not know followed by a ship's class is the ship ("from the Latouche-Tréville frigate")
_CARRIER_CLASS_AFTER = re.compile(
    r"\s+(?:frigate|destroyer|corvette|cruiser|submarine|aircraft\s+carrier|landing\s+ship|patrol\s+(?:boat|ship)|"
    r"tanker|freighter|cargo\s+ship|vessel)s?\b",
    re.I,
)
_REGION_PHRASE = re.compile(
    r"\br[ée]gion\s+(?:de\s+|d['’])[A-Z][\w-]+|(?<![\w-])[А-ЯЁ][а-яё]+(?:ая|ую|ой)\s+област(?:ь|и|ью)\b"
)


# an enclosed territory named by its kind ("the Gaza Strip", "la bande de Gaza", "сектор Газа", "قطاع غزة"): one
# place, the kind included, wherever it stands (an airdrop's drop zone, an aid flight's goal)
_AREA_PHRASE = re.compile(
    r"\b[A-Z][\w'’-]+\s+Strip\b|\bbande\s+de\s+[A-Z][\w'’-]+|(?<![\w-])сектор[аеу]?\s+[А-ЯЁ][\w-]+"
    rf"|{AR_WORD_START}قطاع\s+[\u0621-\u064A]{{3,}}"
)


def _region_nominative(phrase: str) -> str:
    """ "Московскую область" -> "Московская область": the name as a reader would look it up."""
    m = re.fullmatch(r"([А-ЯЁ][а-яё]+)(?:ая|ую|ой)\s+област(?:ь|и|ью)", phrase)
    return f"{m.group(1)}ая область" if m else phrase


# a strait or sea after a Russian adjective ("Гибралтарский пролив", "Средиземное море"): a water body
_RU_WATER = re.compile(r"\s+(?:пролив|море|океан|залив)\w{0,3}\b", re.I)


# a state's capital right after a route cue is a stop or an end of the route ("via Cairo, Khartoum and Kano",
# "flew to Ankara"), even though the same word elsewhere stands for the state ("Cairo said"); a demonym or a
# body ("Russian", "the Kremlin", "AFRICOM") stays an actor
_NOT_CAPITAL = re.compile(r"(?:.*(?:ian|ish|ese|ean|an|i|'s|’s)|Kremlin|Pentagon|[A-ZА-ЯЁ]{2,}|U\.S\.)$")


# an adjective of origin by its form: English "-an/-ian/-ese/-ish/-i" ("Libyan", "West African", "Sudanese");
# an Arabic definite adjective "ال…ي/ية" right after a definite noun ("العاصمة الفنزويلية", "الساحل السوري")
# the second word of an Arabic name after a facility noun: not the article (an adjective follows the name:
# "لاغويرا الفنزويلي"), not "و", not a preposition, a time word or a verb of the clause
_AR_NAME_GOES_ON = re.compile(
    r"\s+(?!ال|و|(?:في|إلى|الى|من|على|عن|مع|حتى|بعد|قبل|منذ|عند|يوم|أمس|اليوم|صباح|مساء|حيث|التي|الذي|"
    r"شمال|شمالي|جنوب|جنوبي|شرق|شرقي|غرب|غربي|وسط|قرب|شمالا|جنوبا|شرقا|غربا)"
    rf"{AR_WORD_END})[\u0621-\u064A]{{3,}}{AR_WORD_END}"
)
# lower-case words that continue a country's name in French ("Arabie saoudite", "Émirats arabes unis", "Soudan du
# Sud"): kept only when the longer phrase is a country name
_COUNTRY_GOES_ON = re.compile(r"\s+(?:(?:du|de\s+la|des)\s+[A-Z][a-z]+|[a-zéèêû]{3,})")
_AR_TIME_WORD = re.compile(r"(?:[وف]?(?:ال)?)(?:مساء|صباح|يوم|أمس|ليلة?|فجر|ظهر|عصر|أسبوع|شهر|عام|أول|ماضي|مقبل)")
_EN_DEMONYM = re.compile(
    r"(?:(?:West|East|North|South|Central|Southern|Northern|Eastern|Western|Sub-Saharan)\s+)?[A-Z][a-z]+(?:an|ese|ish|i)"
)
# a state's own space after its adjective: "Venezuelan waters", "Kenyan airspace", "Syrian territory", "Libyan soil"
# (not "the Syrian port of Tartus" or "the Syrian coast": a place or a position follows)
_STATES_SPACE = re.compile(r"\s+(?:territorial\s+waters|waters|airspace|air\s+space|territory|soil)\b", re.I)
# the provider of pictures or data named after "from": "satellite images from Planet Labs", "imagery from Maxar",
# "des images de Maxar", "снимки компании Planet Labs", "صور من شركة"
_IMAGES_FROM = re.compile(
    r"\b(?:images?|imagery|photos?|photographs?|pictures?|footage|data|снимк\w*|фото\w*|صور|clichés?)\s+"
    r"(?:\w+\s+){0,2}?(?:from|by|de|d['’]|du|des|компании|من)\s+(?:the\s+|la\s+|le\s+|شركة\s+)?$",
    re.I,
)
_AR_DEMONYM = re.compile(r"ال[\u0600-\u06FF]{2,}(?:ي|ية|يين|يتين)")
_AR_DEFINITE_BEFORE = re.compile(r"(?:^|\s)ال[\u0600-\u06FF]{2,}\s+$")


def _demonym(text: str, a: int, b: int, phrase: str) -> bool:
    """True when a name the kb does not know is an adjective describing the noun after (or before) it.

    Only called for names the gazetteer could not resolve, so a real place with such an ending ("Sudan",
    "Oman", "الإسكندرية") is never dropped by it.
    """
    if _EN_DEMONYM.fullmatch(phrase):
        return _ADJECTIVE_BEFORE.match(text[b : b + 30]) is not None  # "Libyan city", not "Qirbazan on Monday"
    return (
        _AR_DEMONYM.fullmatch(phrase) is not None and _AR_DEFINITE_BEFORE.search(text[max(0, a - 30) : a]) is not None
    )


# "between X", "linking X", "reliant X": the name that opens a route told by its two ends
_BETWEEN_BEFORE = re.compile(rf"(?<![\w-])(?:{BETWEEN_CUE})\s+(?:the\s+|(?:le|la|les)\s+|l['’])?$", re.I)


def _capital_after_cue(text: str, a: int, phrase: str) -> bool:
    pre = text[max(0, a - 80) : a]
    if len(phrase.split()) != 1 or _NOT_CAPITAL.fullmatch(phrase) or not re.match(r"[A-ZÀ-ÖØ-ÞА-ЯЁ]", phrase):
        return False
    return cue_role(pre) in ("origin", "destination", "via")


def _site_named_before_kind(text: str, b: int, phrase: str, gaz: Gazetteer) -> bool:
    """ "Pasni airport", "Karachi port": a name ending like a demonym ("-i", "-an") before the kind of site it
    is, that is no nationality's adjective and that the kb knows as a site, is the site's name; "the Pakistani
    airport" stays an adjective."""
    if phrase.lower() in nationality_adjectives() or not _SITE_KIND_AFTER.match(text, b):
        return False
    place = gaz.lookup(phrase)
    return place is not None and place.kind == "site"


def _on_dashed_route(pre: str) -> bool:
    """ "on the route Urumqi (ZWWW) - Minsk": a name right after a route noun, or after a spaced dash that
    follows a name standing after one, is a stop of the route."""
    return bool(ROUTE_NOUN.search(pre) or _ROUTE_GOES_ON.search(pre))


_ROUTE_GOES_ON = re.compile(r"(?:route|маршрут\w*|trajet|ligne|خط|مسار)\s+[^.;:,]{1,40}\s[-–—]\s*$", re.I)


def candidate_mentions(text: str, known: list[Mention], gaz: Gazetteer, extra: list[tuple[int, int]]) -> list[Mention]:
    """Names standing where a place must stand (right after a cue) that the alias pattern missed.

    Resolved through the kb's fuzzy resolvers; what fails becomes an ``unknown`` place (kept, reported).
    ``extra`` are spans an optional NER model proposed.
    """
    taken = Taken([(k.start, k.end) for k in known])
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    ends = {k.end for k in known}
    known_ends = set(ends)
    joined: set[int] = set()  # Arabic names joined to a place by "و"
    listed: set[int] = set()  # names that follow a candidate name after a comma: kept only if the kb knows them
    for m in _CANDIDATE.finditer(text):
        # "Parti de Brest, le navire": the sentence's opening participle is the cue, the name follows it
        start = m.start() + participle_lead(text, m.start(), lambda w: gaz.lookup(w) is not None)
        name = text[start : m.end()]
        pre = text[max(0, start - 80) : start]
        coord = JOINED_TO_PLACE.search(pre)
        if coord is not None and coord.group(0).isspace() and not name.startswith("و"):
            coord = None  # a bare space joins only an Arabic "و" + name ("البوسفور والدردنيل")
        # "Bosaso and Berbera", "Lisbon (Portugal) and Sal": a name after a place, or after its bracketed note
        joint = start - len(coord.group(0)) if coord is not None else start
        after_place = coord is not None and (joint in ends or end_before_note(text, joint) in ends)
        if (
            after_place
            and coord is not None
            and coord.group(0).strip() == "،"
            and _AR_TIME_WORD.fullmatch(name.split()[0])
        ):
            after_place = False  # "إلى مصراتة، ليل الأحد": when the carrier arrived, not a second place listed
        # the joiner without a listed French name's article ("Royaume-Uni, l'Allemagne": the comma lists it)
        article = listed_article(coord.group(0)) if coord is not None else 0
        joiner = coord.group(0)[: len(coord.group(0)) - article] if coord is not None else ""
        if article and not list_closes(text, m.end()):
            after_place = False  # "à Bamako, la Russie a envoyé": a clause's subject after the place, no list
        if after_place and joiner.strip() in (",", "،") and (start - article - 2) not in known_ends:
            listed.add(start)  # "stops in Nairobi, Ethiopia, Entebbe": a list, or "Bangui, President X"
        bound = name.endswith("-bound")  # "a Vladivostok-bound cargo ship"
        if (
            cue_role(pre) in (None, "between")
            and not _BETWEEN_BEFORE.search(pre)
            and not after_place
            and not bound
            and not AFTER_CAPITAL.search(pre)
            and not _on_dashed_route(pre)
            and not opens_route(text, start, m.end())
            and not ends_route(text, start)
        ):
            continue
        # "وتوقفت": a verb, not a second name; but "دمشق وحلب": a name the kb knows, joined without an article
        known_after_wa = after_place and name.startswith("و") and gaz.lookup(name[1:]) is not None
        if coord is not None and coord.group(0).isspace() and not name.startswith("وال") and not known_after_wa:
            continue
        if after_place and name.startswith("و") and coord is not None and coord.group(0).isspace():
            spans.append((start + 1, m.end()))
            joined.add(start + 1)
        elif bound:  # "A Murmansk-bound ship": the name only, without the article that capitalised it
            lead = re.match(r"(?:A|An|The)\s+", name)
            spans.append((start + (lead.end() if lead else 0), m.end() - len("-bound")))
        else:
            spans.append((start, m.end()))
        ends.add(
            m.end()
        )  # "N'Djamena or Um Jaras", "مضيقي البوسفور والدردنيل": a name may follow a name found this way
    regions = [(m.start(), m.end()) for rx in (_AREA_PHRASE, _REGION_PHRASE) for m in rx.finditer(text)]
    for a, b in [*regions, *spans, *extra]:
        if not taken.free(a, b):
            continue
        # "l'Arabie saoudite", "la République centrafricaine": one country, lower-case words (longest first)
        longer: list[int] = []
        e = b
        while len(longer) < 3 and (x := _COUNTRY_GOES_ON.match(text, e)) is not None:
            e = x.end()
            longer.append(e)
        b = next((e for e in reversed(longer) if norm_key(text[a:e]) in COUNTRIES or names_state(text[a:e])), b)
        phrase = _region_nominative(re.sub(r"['’]s$", "", text[a:b].strip()))
        if (
            _ADJECTIVE_BEFORE.match(text[b : b + 30])
            and re.search(r"(?:ian|ese|ish|ean|i)$", phrase)
            and not (_STATES_SPACE.match(text, b) and phrase.lower() in nationality_adjectives())
            and not _site_named_before_kind(text, b, phrase, gaz)
        ):
            continue  # "the Syrian port of Tartus": a demonym, the place comes after (an unresolved "-an" below)
        words = phrase.split()
        if DOTTED_STATE.fullmatch(phrase):
            if not initials_end_noun_phrase(text, b):
                continue  # "U.S. officials", "the U.S. Department of Defense", "U.S.-made": the initials qualify
        elif not phrase or phrase.lower() in NOT_PLACES or (words and words[0].lower() in NOT_PLACES):
            continue
        elif fr_function_word(phrase):
            continue  # "Les médias", "Il est arrivé", "Dans la nuit": a French grammar word, no name
        if _ORGANISATION.search(phrase) or _ORGANISATION_AFTER.match(text[b : b + 30]):
            continue  # "the Russian Navy", "the Northern and the Baltic fleet", "Bosphorus Naval News": no place
        if has_cyrillic(phrase) and ru_adjective_phrase(phrase):
            water = _RU_WATER.match(text[b : b + 20])
            if water is None:
                continue  # "Балтийского флота", "Военно-морского флота": the adjective of a noun that is no place
            b, phrase = b + water.end(), phrase + water.group(0)  # "Гибралтарский пролив": a strait, unknown
        lead = _POSSESSOR_LEAD.match(phrase)
        if lead is not None and not gaz.lookup(phrase):
            a, phrase = a + lead.end(), phrase[lead.end() :]
        types = find_types(phrase)
        if types and types[0][:2] == (0, len(phrase)):
            continue  # "Су-34", "Il-76": an aircraft type after a cue is the carrier, not a place
        tail_type = next((t for t in types if t[1] == len(phrase) and t[0] > 0), None)
        if tail_type is not None and phrase[: tail_type[0]].strip():
            # "приземлившийся во Внуково Ил-76": the place, then the carrier that landed there
            phrase = phrase[: tail_type[0]].rstrip()
            b = a + len(phrase)
        if (bare := without_date_tail(phrase)) != phrase and gaz.lookup(phrase) is None:
            phrase, b = bare, a + len(bare)  # "to Jamaica October 3": the place, then the date
        if re.fullmatch(r"[\u0600-\u06FF]+", phrase) and filler_word(re.sub(r"^[وفبل](?=ال|م)", "", phrase)):
            continue  # "قاعدة عسكرية": a description, whatever the kb's fuzzy resolver makes of the word
        place = gaz.lookup(phrase)
        if adjective_as_site(phrase, place) or (place is None and _arabic_state_adjective(phrase)):
            continue  # "بقاعدة أمريكية": an adjective of a state (``ar_state_space.py``), the place comes after
        if place is None and re.search(r"(?<![\w-])(?:au|du)\s+$", text[max(0, a - 4) : a], re.I):
            place = gaz.lookup(f"Le {phrase}")  # "au Caire", "du Havre": French folds the name's article in
        if place is None and (split := after_country(phrase, gaz)) is not None:
            a, phrase, place = a + split[0], split[1], split[2]  # "в столицу Мадагаскара Антананариву"
        if place is None and has_cyrillic(phrase):
            place = place_before_state(phrase, gaz)  # "из Алма-Аты Республики Казахстан": the town, in its state
        if (
            place is not None
            and place.note.startswith(SOUND_NOTE)
            and (person_marked(text, a, b) or quoted(text, a, b))
        ):
            continue  # "министр обороны Остин", the submarine "كازان": a person or ship named like a place
        if place is None and (tail := _GENERIC_TAIL.search(phrase)) is not None:
            bare = phrase[: tail.start()]
            place = gaz.lookup(bare)
            if place is None and bare:
                place = Place(bare, "unknown", None, bare, note=UNKNOWN_NOTE)
        if place is None and re.match(r"[À-ÖØ-Þ]", phrase):
            continue  # "de l'État", "l'Élysée": a name with an accented capital is a place only when the kb knows it
        if place is None and generic_only(phrase):
            # "landed at PAF Base, Samungli (Quetta)": a facility's words alone name no place; with a comma and a
            # name the kb knows after them, the two are one place, the facility's name set off by the comma
            named = _NAME_AFTER_COMMA.match(text, b)
            place = gaz.lookup(named["name"]) if named else None
            if place is None or named is None:
                continue
            b = named.end()
        if place is None and re.fullmatch(r"[A-Z]{2,5}|(?:[A-Z]\.){2,5}", phrase):
            continue  # "RSF", "FACA", "SOHR", "J.R.": an acronym or initials the kb does not know name no place
        if place is None and re.fullmatch(r"[A-Z0-9]{1,2}-[A-Z0-9]{3,5}", phrase):
            continue  # "с бортовым номером RA-64523", "EP-AJI": an aircraft's registration, not a place
        if (
            any(act.pattern.fullmatch(phrase) for act in ACTORS)
            and not (norm_key(phrase) in CITY_ANCHORS or (place is not None and place.kind == "region"))
            and not _capital_after_cue(text, a, phrase)
        ):
            continue  # "Moscow" / "из РФ" after a cue is a place; elsewhere it stands for Russia
        if place is None and a in listed and not LIST_GOES_ON.match(text[b : b + 40]):
            continue  # "Bangui, President X said": not a list of places
        if place is None and re.match(r"\s+capital\b", text[b : b + 12], re.I):
            continue  # "the Burkinabe capital Ouagadougou": an adjective of origin, the capital is named next
        state = nationality_adjectives().get(phrase.lower()) if place is None else None
        if state is not None:
            # "arrived in Venezuelan waters", "entered Kenyan airspace": the state's own space is the state; an
            # adjective with no such noun after it ("French", "Pakistani") is no place at all
            if not _STATES_SPACE.match(text, b):
                continue
            place = gaz.lookup(state[1]) or gaz.country_place(state[0], phrase)
        if place is None and _demonym(text, a, b, phrase):
            continue  # "the Libyan city of", "the West African country", "العاصمة الفنزويلية": an adjective
        if place is None and (
            _CARRIER_CLASS_AFTER.match(text, b) or any(t[0] < len(phrase) for t in find_types(text[a : b + 20]))
        ):
            continue  # "the Latouche-Tréville frigate", "an Iranian Boeing 747": a carrier, not a place
        if place is None and _IMAGES_FROM.search(text[max(0, a - 40) : a]):
            continue  # "satellite images from Planet Labs": who supplied the pictures, not where a carrier left
        if place is None:
            if re.fullmatch(r"ال[\u0600-\u06FF]+ية", phrase) and re.match(r"\s+[\u0621-\u064A]", text[b : b + 3]):
                continue  # "العاصمة الكينية نيروبي": the adjective, the name comes next
            if re.fullmatch(r"[\u0600-\u06FF]+", phrase) and not (
                a in joined or _AR_NAME_ANCHOR.search(text[max(0, a - 40) : a])
            ):
                continue  # one Arabic word after a preposition is too often not a name at all
            if re.fullmatch(r"[\u0600-\u06FF]+", phrase) and (
                filler_word(re.sub(r"^[وفبل](?=ال|م)", "", phrase)) or _AR_TIME_WORD.fullmatch(phrase)
            ):
                continue  # "قاعدة عسكرية", "ميناء الأسطول", "بمحافظة": a description, not the name
            if re.fullmatch(r"[تي][\u0600-\u06FF]{2,}(?:ه|ها|هما|هم)", phrase):
                continue  # "بمطار تستخدمه الإمارات": a verb with its object pronoun opens a relative clause
            nxt = _AR_NAME_GOES_ON.match(text[b : b + 30]) if re.fullmatch(r"[\u0600-\u06FF]+", phrase) else None
            if nxt is not None and not MOVE.fullmatch(nxt.group(0).strip()):
                # "قاعدة عثمان دقنة الجوية": a name of two words; "مطار أورلي متجهة إلى": the name, then "heading"
                b, phrase = b + nxt.end(), phrase + nxt.group(0)
                place = gaz.lookup(phrase)  # "غازي عنتاب": the two words are a name the kb knows, the first alone not
            if re.fullmatch(r"[А-ЯЁ][а-яё]+[бвгдзклмнпрстфхцчшщ][уы]", phrase):
                # an unknown Russian name in the accusative or genitive of its "-а" declension ("в Газу", "на
                # севере Газы"): named in the nominative, as a reader looks it up
                phrase = phrase[:-1] + "а"
            shared = site_of_named_country(text, phrase) if gaz.kb is kb_module else None
            if shared is not None:  # "in Brest, Belarus": of the kb's two Brests, the one of the country named
                place = gaz.site_place(shared, phrase, "ambiguous name; the country the text names")
            place = place or in_named_country(text, a, phrase, known, gaz)
            if place is None and (known_part := known_lead(phrase, gaz)) is not None:
                phrase, place = known_part  # "Addis Ababa Bole": the place, then more names
                b = a + len(phrase)
            place = place or Place(phrase, "unknown", None, phrase, note=UNKNOWN_NOTE)
        out.append(Mention(a, b, place, "candidate"))
        taken.add(a, b)
        ends.add(b)
    return out


def _arabic_state_adjective(phrase: str) -> bool:
    """An Arabic adjective of a state ("أمريكية") that no lookup made a place: it names no place either (the site
    resolver's loose guess, which :func:`adjective_as_site` caught, is no longer taken for a lone word)."""
    return bool(re.fullmatch(r"[\u0600-\u06FF]+", phrase)) and state_adjective(re.sub(r"^[وفبل](?!ال)", "", phrase))

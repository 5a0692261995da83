"""Straits, canals and seas a voyage passes, as reporting names them in English, French, Russian and Arabic.

A ship "passed through the Bosphorus", "a franchi les Dardanelles", "прошёл черноморские проливы", "عبرت
المضائق التركية": the strait is a stop on the route (via), whatever preposition the sentence uses or omits.
Without this a strait either stays unseen (no claim at all) or falls to a fuzzy airport match ("la
Méditerranée" → Montpellier-Méditerranée airport, "Босфор" → an aerodrome). A water body is found by its own
form (a water noun and its name, or one of the passages and seas on the routes this tool watches), resolved
only against the kb's *water regions* (seas, gulfs, straits and canals: "Red Sea" is the sea, never Red Sea
International Airport), and otherwise kept as an unknown place spelled as written. A water region holds no
site, so a claim naming one is checked against points at sea, never against coastal airfields.
Hand-written: the inflected forms of the watched seas and the water nouns of four languages, which the kb's
aliases (one or two forms per language) do not cover.
"""

from __future__ import annotations

import re
from dataclasses import replace

from liftwatch.claims.model import Place
from liftwatch.claims.places import Gazetteer, Mention
from liftwatch.kb.regions import regions as kb_regions

# Passages and seas on the routes between the Black, Baltic and Northern seas, the Mediterranean, the Red
# Sea and beyond, each with the English name the kb's region lookup is asked for.
_NAMED: tuple[tuple[str, str], ...] = (
    ("eastern Mediterranean", r"(?:the\s+)?(?:[Ee]astern|East)\s+Mediterranean|(?:la\s+)?Méditerranée\s+orientale|"
                              r"(?:l['’])?[Ee]st\s+de\s+la\s+Méditerranée|(?:la\s+)?partie\s+orientale\s+de\s+la\s+Méditerranée|"
                              r"[Вв]осточн\w+\s+(?:част\w+\s+(?:акватории\s+)?)?Средиземн\w+(?:\s+мор\w+)?|"
                              r"شرق\s+(?:ال)?(?:بحر\s+)?(?:ال)?(?:أبيض\s+ال)?متوسط"),
    ("Mediterranean", r"(?:the\s+)?Mediterranean(?:\s+Sea)?|(?:la\s+)?(?:mer\s+)?Méditerranée|"
                      r"Средиземн\w+\s+мор\w+|Средиземноморь\w+|(?:ال)?بحر\s+(?:ال)?(?:أبيض\s+ال)?متوسط|(?<!\S)(?:ال)?متوسط(?!\S)"),
    ("Bosphorus", r"(?:the\s+)?Bosp[ho]+rus(?:\s+Strait)?|(?:le\s+)?Bosphore|Босфор\w*|البوسفور"),
    ("Dardanelles", r"(?:the\s+)?Dardanelles(?:\s+Strait)?|(?:les\s+)?Dardanelles|Дарданелл\w*|الدردنيل"),
    ("Turkish Straits", r"(?:the\s+)?(?:Turkish|Black\s+Sea)\s+[Ss]traits|(?:les\s+)?détroits\s+(?:turcs|de\s+la\s+mer\s+Noire)|черноморск\w+\s+пролив\w*|"
                        r"турецк\w+\s+пролив\w*|(?:ال)?مضائق\s+(?:ال)?تركية|(?:ال)?(?:مضيقي|مضائق)\s+(?:ال)?بحر\s+(?:ال)?أسود"),
    # the town's bare name after "through" is the canal a ship passes ("sailed through Suez", "через Суэц"); the port
    # of Suez is named as a port ("ميناء السويس", "Port Tewfik") or as an end ("arrived in Suez")
    ("Suez Canal", r"(?:the\s+)?Suez\s+Canal|(?:le\s+)?canal\s+de\s+Suez|Суэцк\w+\s+канал\w*|قناة\s+السويس|"
                   r"(?:(?<=through\s)|(?<=via\s)|(?<=через\s)|(?<=عبر\s))(?:Suez|Суэц|السويس)(?!\s*[Cc]anal|\w)"),
    ("Strait of Gibraltar", r"(?:the\s+)?(?:Strait\s+of\s+Gibraltar|Gibraltar\s+Strait)|(?:le\s+)?détroit\s+de\s+Gibraltar|"
                            r"Гибралтарск\w+\s+пролив\w*|مضيق\s+جبل\s+طارق"),
    ("Bab el-Mandeb", r"(?:the\s+)?Bab[-\s]el[-\s]Mandeb(?:\s+Strait)?|Баб-эль-Мандеб\w*|باب\s+المندب"),
    ("English Channel", r"(?:the\s+)?English\s+Channel|(?:la\s+)?Manche|Ла-Манш\w*|بحر\s+المانش|(?:ال)?قنال\s+(?:ال)?[إا]نجليزي"),
    ("Red Sea", r"(?:the\s+)?Red\s+Sea|(?:la\s+)?mer\s+Rouge|Красн\w+\s+мор\w+|(?:ال)?بحر\s+(?:ال)?أحمر"),
    ("Black Sea", r"(?:the\s+)?Black\s+Sea|(?:la\s+)?mer\s+Noire|Черн\w+\s+мор\w+|(?:ال)?بحر\s+(?:ال)?أسود"),
    ("Aegean Sea", r"(?:the\s+)?Aegean(?:\s+Sea)?|(?:la\s+)?mer\s+Égée|Эгейск\w+\s+мор\w+|(?:ال)?بحر\s+(?:ال)?إيجه"),
    ("Baltic Sea", r"(?:the\s+)?Baltic\s+Sea|(?:la\s+)?mer\s+Baltique|Балтийск\w+\s+мор\w+|(?:ال)?بحر\s+(?:ال)?بلطيق"),
    ("Persian Gulf", r"(?:the\s+)?(?:Persian|Arabian)\s+Gulf|(?:le\s+)?golfe\s+(?:Persique|arabo-persique)|Персидск\w+\s+залив\w*|"
                     r"(?:ال)?خليج\s+(?:ال)?(?:عربي|فارسي)"),
    ("East China Sea", r"(?:the\s+)?East\s+China\s+Sea|(?:la\s+)?mer\s+de\s+Chine\s+orientale|Восточно-Китайск\w+\s+мор\w+"),
    ("Danish straits", r"(?:the\s+)?Danish\s+[Ss]traits|(?:les\s+)?détroits\s+danois|Датск\w+\s+пролив\w*|(?:ال)?مضائق\s+(?:ال)?دنماركية"),
    # a route along the Arctic coast, named as a sea passage ("Route" must not read as a name going on)
    ("Northern Sea Route", r"(?:the\s+)?Northern\s+Sea\s+Route|(?:la\s+)?route\s+maritime\s+du\s+Nord|"
                           r"Северн\w+\s+морск\w+\s+пут(?:[иья]|ём|ем)|Севморпут\w*|(?:ال)?طريق\s+(?:ال)?بحر[يى]\s+(?:ال)?شمال[يى]"),
)  # fmt: skip
# Any other strait, canal or sea written with its water noun: "the Strait of Hormuz", "the Kerch Strait", "le
# détroit d'Ormuz", "la mer Caspienne", "Керченский пролив", "Каспийское море", "مضيق هرمز", "بحر قزوين"
_GENERIC = (
    r"(?:the\s+)?(?:Strait|Straits|Gulf|Sea)\s+of\s+[A-Z][\w-]+|(?:the\s+)?[A-Z][\w-]+\s+(?:Strait|Straits|Canal|Sea)\b|"
    r"(?:le\s+|la\s+)?(?:détroit|golfe|canal)\s+(?:de\s+|du\s+|d['’])[A-ZÉ][\w-]+|"
    r"[А-ЯЁ][а-яё]+(?:ий|ый|ой|ое|ого|ом|ую|ая|ов|ова|ову|овом)\s+(?:пролив|канал|залив)\w*|(?:مضيق|قناة|خليج)\s+[\u0621-\u064A]+"
)
# a sea by the noun alone ("la mer Caspienne", "Каспийское море", "بحر قزوين"): only a sea the kb holds, since
# "mer" and "بحر" also start phrases that name no sea ("البحر قبالة", "the sea off")
_SEA = (
    r"(?:la\s+)?mer\s+(?:de\s+|du\s+|d['’])?[A-ZÉ][\w-]+|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ое|ого|ом|ово|ова|ову|овом)\s+мор[еяю]|"
    r"(?<!\S)(?:ال)?بحر\s+[\u0621-\u064A]+"
)
_WATER = re.compile(
    "|".join(f"(?P<w{i}>{rx})" for i, (_, rx) in enumerate(_NAMED)) + f"|(?P<generic>{_GENERIC})|(?P<sea>{_SEA})",
)
# the water is part of another name: a fleet, a news outlet ("Black Sea Fleet", "Bosphorus Naval News",
# "Черноморский флот" is an adjective and never matched), or comes after a fleet word
_NAME_GOES_ON = re.compile(r"\s+(?:[A-Z][\w-]+|[Ff]leet|флот\w*)\b|['’]s\s+[Ff]leet")
# the sea says where the port named next lies ("the Black Sea port of Odessa", "Georgia's Black Sea port of Batumi"):
# the port is the place, the sea only describes it (``filler.fill_ok`` lets the cue reach the port across it)
_PORT_OF_AFTER = re.compile(r"\s+(?:naval\s+)?(?:port|harbou?r)\s+(?:city\s+)?of\s+[A-Z]")
# a bearing across open water ("heading east, towards the Baltic Sea", "نحو بحر البلطيق", "в сторону Чёрного
# моря", "cap vers la mer Noire"): the course a ship holds, not a place the text says it reached
_BEARING = re.compile(
    r"(?:\btowards?|\bvers|\bв\s+сторону|\bв\s+направлении|(?<!\S)نحو|(?<!\S)باتجاه)\s+(?:(?:the|la|le)\s+|l['’])?$",
    re.I,
)
_FLEET_BEFORE = re.compile(r"(?:أسطول|flotte\s+(?:russe\s+)?de\s+(?:la\s+)?|флот\w*\s+)$", re.I)
WATER_NOTE = "a strait or sea"
# a passage (not an open sea): passing it is a stop on the route
_PASSAGE = re.compile(
    r"strait|canal|channel|bosp|dardanel|détroit|manche|пролив|канал|босфор|дарданел|ла-манш|مضيق|مضائق|قناة|"
    r"البوسفور|الدردنيل|المندب",
    re.I,
)


def water_mentions(text: str, gaz: Gazetteer, bearings: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every strait, canal or sea ``text`` names, as a place: the kb region it is, else an unknown place. The
    spans of seas named only as a bearing ("towards the Baltic Sea") or as where a port named next lies ("the
    Black Sea port of Odessa") go to ``bearings``, so that no other reader takes them for a place either."""
    out: list[Mention] = []
    for m in _WATER.finditer(text):
        a, b = m.start(), m.end()
        if _NAME_GOES_ON.match(text[b : b + 20]) or _FLEET_BEFORE.search(text[max(0, a - 30) : a]):
            continue  # "Black Sea Fleet", "Bosphorus Naval News", "أسطول البحر الأسود": a body named after it
        if _PORT_OF_AFTER.match(text[b : b + 40]):
            if bearings is not None:
                bearings.append((a, b))  # no other reader takes the sea for the place either
            continue  # "the Black Sea port of Odessa": the port is named next
        lead = re.match(r"(?:the|le|la|les)\s+", m.group(0), re.I)
        if lead:
            a += lead.end()
        if m.group("generic") and re.match(r"(?:مضيق|قناة|خليج)\s", text[a:b]):
            a += text[a:b].index(" ") + 1  # "مضيق هرمز": the name, as "Босфор" is written without "пролив"
        if a > 0 and text[a - 1] in '«"“„_#':
            continue  # "مرصد «البوسفور»", "#مضيق_البوسفور": a name or a hashtag, not the water
        phrase = text[a:b]
        open_sea = not _PASSAGE.search(m.group(0))
        if open_sea and _BEARING.search(text[max(0, a - 25) : a]):
            if bearings is not None:
                bearings.append((a, b))
            continue
        canonical = next((name for i, (name, _) in enumerate(_NAMED) if m.group(f"w{i}")), None)
        # a named passage by its English name; any other by its whole form, noun and all ("خليج عدن", "Каспийского
        # моря"), which the kb's water aliases hold
        place = gaz.lookup(canonical or re.sub(r"^(?:the|le|la|les)\s+", "", m.group(0), flags=re.I))
        if m.group("sea") and (place is None or not is_water_region(place.id)):
            continue  # "mer" or "بحر" and a word that names no sea the kb holds
        if place is None or place.kind != "region" or not (canonical or is_water_region(place.id)):
            place = Place(phrase, "unknown", None, phrase, note=f"{WATER_NOTE}: not in the knowledge base")
        else:
            place = replace(place, text=phrase, note=f"{WATER_NOTE}: {place.note}")
        out.append(Mention(a, b, place, "water"))
    return out


def is_water(place: Place) -> bool:
    return place.note.startswith(WATER_NOTE)


def is_water_region(region_id: str | None) -> bool:
    """Whether the kb holds ``region_id`` as water (a sea, a gulf, a strait or a canal)."""
    region = kb_regions().get(region_id or "")
    return region is not None and region.is_water


def is_passage(place: Place) -> bool:
    """A strait or a canal (passed through on the way), not an open sea: the kb's kind for a water region, the
    water noun for one the kb lacks."""
    if place.kind == "region" and is_water_region(place.id):
        return kb_regions()[str(place.id)].is_passage
    return place.kind == "unknown" and _PASSAGE.search(place.text) is not None


# The Turkish Straits are the Bosphorus, the Sea of Marmara and the Dardanelles: "passed through the Black Sea
# straits", then "photographed passing the Bosphorus", is one passage named twice, not two stops. Named with its two
# straits ("the Black Sea straits of the Bosphorus and Dardanelles", "турецкие проливы Босфор и Дарданеллы"), the
# whole is told by its parts, which are the stops.
_PARTS = {"turkish-straits": ("bosphorus", "sea-of-marmara", "dardanelles")}
_TOLD_BY = {"turkish-straits": frozenset({"bosphorus", "dardanelles"})}


def without_parts(places: list[Place]) -> list[Place]:
    """The stops without the passages a whole the same list names already contains, or without the whole where
    the list names the straits it is made of."""
    ids = {p.id for p in places}
    told = {whole for whole, parts in _TOLD_BY.items() if whole in ids and parts <= ids}
    inner = {part for whole, parts in _PARTS.items() if whole in ids and whole not in told for part in parts}
    return [p for p in places if p.id not in inner and p.id not in told]

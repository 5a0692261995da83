"""Named vessels, as reporting writes them (their owners: ``claims.ship_owners``).

A ship is named right after a ship noun ("the cargo vessel Sparta", "the vessel, Mys Zhelaniya,",
"корабли Baltic Leader и Patria", "الطراد (فارياج)") or in quotes in a sentence about ships ("the
'Sparta II'", «Саратов», ” غيورغي بوبيدونوسيتس”). Hand-written: these are a handful of reporting conventions no
general NER model labels as vessels (it calls them PERSON or ORG).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from liftwatch.claims.attribution import operators
from liftwatch.claims.event_names import is_event_name
from liftwatch.claims.fr_ship_forms import FR_CLASS_ABBREVIATIONS, FR_SHIP_DESCRIPTION, fr_name_then_class
from liftwatch.claims.hull_numbers import HULL_NUMBER, without_hull_numbers
from liftwatch.claims.ship_lists import bracketed_ships
from liftwatch.claims.types import find_types
from liftwatch.claims.whose_words import is_whose_name
from liftwatch.kb.nationalities import demonym_rows, nationality_adjectives

# the Russian navy's class abbreviations (large anti-submarine ship, patrol ship, missile cruiser, small missile
# ship, small anti-submarine ship, heavy aircraft-carrying cruiser) and the helicopter carrier: a ship's class noun,
# and a sign that a sentence is about ships
_RU_CLASS_NOUNS = r"БПК|СКР|РКР|МРК|МПК|ТАВКР|ТАКР|вертол[её]тонос\w*"

# Ship nouns in the four languages, matched whatever their case ("Frigate", "фрегат", "Фрегат"), while the
# name after them must be capitalised: the class nouns navies and reporters use for the ships that make
# these voyages (warships, landing ships, tankers, tugs, cargo ships), not only the ones seen so far
_SHIP_NOUN = (
    r"(?i:(?:cargo\s+|transport\s+|supply\s+|landing\s+|heavy[-\s]lift\s+|Russian\s+|sanctioned\s+|"
    r"[A-Z][a-z]+-flagged\s+|bulk\s+|navy\s+|naval\s+|patrol\s+|missile\s+|guided[-\s]missile\s+|large\s+|"
    r"intelligence\s+|hospital\s+|research\s+|rescue\s+|anti-submarine\s+|training\s+|container\s+)*"
    r"(?:ships?|vessels?|freighters?|tankers?|carriers?|frigates?|cruisers?|destroyers?|corvettes?|submarines?|"
    r"tugs?|tugboats?|icebreakers?|minesweepers?|warships?|boats?|bulkers?|[A-Z][a-z]+-flagged|"
    r"navires?-écoles?|vraquiers?|porte-conteneurs|балкер\w*|"
    r"(?:grands?\s+)?(?:navires?|bâtiments?)\s+(?:de\s+)?(?:débarquement|guerre|transport|ravitaillement|soutien)|"
    r"porte-conteneurs|navires?|cargos?|frégates?|bâtiments?|corvettes?|croiseurs?|destroyers?|sous-marins?|patrouilleurs?|"
    r"pétroliers?|remorqueurs?|brise-glace|porte-avions|porte-hélicoptères|navires?-hôpital|BPC|"
    rf"{FR_CLASS_ABBREVIATIONS}|"
    r"суд(?:но|на)|корабл[ьи]|сухогруз\w*|БДК|СДК|BDK|фрегат\w*|корвет\w*|эсмин(?:ец|цы)|крейсер\w*|танкер\w*|"
    r"буксир\w*|паром\w*|ледокол\w*|тральщик\w*|подводн\w+\s+лодк\w+|"
    rf"{_RU_CLASS_NOUNS}|"
    # Arabic nouns before a name written in Latin script ("سفينة الشحن Asian Dynasty")
    r"(?:ال)?سفين[ةه](?:\s+(?:ال)?(?:شحن|حربية|نقل|إنزال))?|سفن|(?:ال)?فرقاطة|(?:ال)?مدمرة|(?:ال)?طراد|"
    r"(?:ال)?ناقلة(?:\s+(?:ال)?نفط)?|(?:ال)?بارجة|(?:ال)?غواصة|(?:ال)?حاملة\s+(?:ال)?طائرات|авианос\w*))"
)
# a nationality or fleet word between the noun and the name, as French and Russian write it ("la frégate
# russe Amiral Grigorovitch", "le patrouilleur russe Iaroslav Moudry", "фрегат ВМФ России")
_NATIONALITY = (
    r"(?:(?i:russes?|syrien(?:ne)?s?|turcs?|turques?|américaine?s?|chinois(?:es?)?|iranien(?:ne)?s?|français(?:es?)?|"
    r"britanniques?|ukrainien(?:ne)?s?|российск\w+|русск\w+)\s+)?"
    # the kind of ship, written between its noun and its name: "le cargo Ro-Ro Varyag", "the Panama-flagged Ro-Ro
    # Varyag", "сухогруз типа ро-ро «Спарта»"
    r"(?:(?i:ro-?ro|типа\s+ро-?ро)\s+)?"
    # what the ship does or what class it is, written after the French noun ("le destroyer lance-missiles X", "le
    # navire ravitailleur X", "la frégate anti-sous-marine X", "le porte-hélicoptères amphibie X", "le navire de
    # débarquement de classe Ropucha X"): up to two such words, by their form, never a verb
    r"(?:(?i:lance-missiles|ravitailleu(?:r|se)s?|amphibies?|anti-?aérien(?:ne)?s?|anti-?sous-marin(?:e|s|es)?|"
    r"furti(?:f|ve)s?|logistiques?|océanographiques?|hydrographiques?|polyvalente?s?|lance-(?:engins|torpilles)|"
    r"d['’]assaut|de\s+(?:commandement|surveillance|renseignement|patrouille)|(?:de\s+)?(?:classe|type)\s+[\w-]+|"
    # a French noun complement or the navy's bracketed abbreviation (``fr_ship_forms.py``)
    rf"{FR_SHIP_DESCRIPTION})\s+){{0,2}}"
)
# a word of the name, with a middle initial glued to it ("USS Gerald R. Ford", "George H.W. Bush": the initial's
# full stop ended the name at "Gerald R")
_NAME_WORD = r"(?:[A-ZА-ЯЁ][\w’'-]*(?:[ \t]+[A-Z]\.(?:[A-Z]\.)*(?=[ \t]+[A-Z]))?|[IVX]+|\d+)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
# the fleet or navy a ship belongs to, between the ship noun and its name ("БДК Северного флота «Георгий
# Победоносец»", "БДК ВМФ России «Орск»", "корабли Балтийского и Северного флотов"): not the name
_FLEET = (
    r"(?:(?:[А-ЯЁ][а-яё]+(?:ого|его)\s+(?:и\s+[А-ЯЁ][а-яё]+(?:ого|его)\s+)?флот(?:а|ов)|ВМФ(?:\s+(?:России|РФ))?)\s+)?"
)
# an unquoted capitalised word after a Russian ship noun that says whose the ship is, with no name after it: a
# fleet's adjective in the genitive ("корабли Тихоокеанского флота", "Черноморского"), a fleet's short name
# ("Балтфлота", "Севфлота", "ТОФ") or the state ("России", "РФ")
_RU_WHOSE = re.compile(
    # and a feminine or plural one, of a flotilla, a service or forces ("корабли Каспийской флотилии", "Береговой
    # охраны", "корабли Военно-морских сил")
    r"(?:[А-ЯЁ][а-яё]+(?:-[а-яё]+)?(?:ого|его|ой|их|ых)|Балтфлот\w*|Севфлот\w*|Черноморфлот\w*|ТОФ|ВМФ|ВМС|Росси(?:и|я|ю|ей)|РФ)(?![\w-])"
)
# a merchant ship's prefix written with a slash before its name ("the tanker M/T Jazz", "M/V Kathrin"): the
# prefix says motor tanker or vessel, it is no part of the name (read alone, its "M" was taken for the ship)
_HULL_PREFIX = r"(?:M/[TVYS]\.?\s+)?"
# a ship noun whose name the report gives as an identification ("The vessels have been identified as Shabdis and
# Barzin", "the ship, identified as Sea World,"): the name, as after "named"
_IDENTIFIED_AS = r"(?:(?:has|have|had)\s+been\s+|were\s+|was\s+)?identified\s+as\s+"
_AFTER_NOUN = re.compile(
    rf"\b{_SHIP_NOUN}\s*(?:,|--|—|–|:)?\s*{_NATIONALITY}{_FLEET}(?:the\s+|called\s+|named\s+|{_IDENTIFIED_AS})?{_HULL_PREFIX}[\"'“‘«„]?(?P<name>{_NAME})[\"'”’»“]?"
    # each name may carry its hull number in brackets ("the frigates X (494) and Y (490)", «Ямал» (156) и «Азов»)
    rf"(?P<more>(?:(?:{HULL_NUMBER})?\s*(?:,(?:\s*and\b)?|and|и|et)\s*[\"'“‘«]?{_NAME}[\"'”’»]?)*)",
)
# English also writes the name before the class noun, after "the": "the Novocherkassk landing ship", "the
# Azov and Nikolai Filchenkov landing ships", "the Yantar research vessel"
_BEFORE_NOUN = re.compile(
    rf"\b[Tt]he\s+(?P<name>{_NAME})(?P<more>(?:\s*(?:,(?:\s*and\b)?|and)\s*{_NAME})*)\s+"
    r"(?:(?:large\s+|landing\s+|cargo\s+|patrol\s+|missile\s+|research\s+|intelligence\s+|supply\s+)*)"
    r"(?:ships?|vessels?|frigates?|corvettes?|destroyers?|cruisers?|tankers?|freighters?|submarines?|tugs?)\b"
)
# a ship named first, its class in apposition after a comma: "le Sabalan, un navire de ravitaillement", "the
# Behshad, a surveillance ship", "the Tonnerre, an amphibious helicopter carrier" (the noun may follow up to three
# words that say what kind)
_APPOSED = re.compile(
    rf"(?:\b(?:[Ll]e|[Ll]a|[Tt]he)\s+|\b[Ll]['’])(?P<name>{_NAME}),\s+(?:un|une|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{_SHIP_NOUN}\b"
)
# a ship named first, its class in brackets after it: "le Khark (porte-hélicoptères)" (``fr_ship_forms.py``)
_CLASS_IN_BRACKETS = re.compile(fr_name_then_class(_NAME, _SHIP_NOUN))
# words that are nationalities, fleets or navies rather than a ship's name ("the Russian Navy ship", "the
# Black Sea Fleet frigate", "the Iranian frigate")
_NOT_NAME_WORD = re.compile(
    r"(?:[A-Z]\w*(?:ian|ean|ese|ish|an|ic)|[A-Z]\w*-flagged|Navy|Fleet|Sea|Black|Northern|Pacific|Soviet|Coast|Guard|Marine|"
    r"Admiralty|First|Second|Third|Last|Other|Two|Three|Four|Five|Six|Both|All|Several|Soviet-era)"
)
# a word ending in "-an" (not "-ian", "-ean") is a nationality only when it is a state's adjective ("American",
# "Moroccan"); else it is a ship's own name before its class noun ("the Jamaran destroyer", "the Sahand frigate")
_AN_WORD = re.compile(r"[A-Z]\w*[^ieIE]an")


def _not_name_word(word: str) -> bool:
    """Whether a capitalised word before a ship's class noun says whose or where the ship is, not its name."""
    if not _NOT_NAME_WORD.fullmatch(word):
        return False
    return not _AN_WORD.fullmatch(word) or word.lower() in _states_and_adjectives()


@cache
def _states_and_adjectives() -> frozenset[str]:
    """States' English names and adjectives, lower-cased ("sudan", "iran", "american", "moroccan")."""
    names = {name.lower() for name, _ in demonym_rows().values()}
    return frozenset(names | set(nationality_adjectives()))


# words that make a capitalised name a military unit, not a ship ("Carrier Air Wing 8", "Helicopter Squadron 5")
_UNIT_WORD = re.compile(r"\b(?:Wing|Squadron|Brigade|Regiment|Battalion|Division|Corps|Group)\b")
# function words a headline capitalises: a "name" holding one is title case, not a ship's name
_TITLE_WORDS = {"at", "to", "in", "for", "from", "with", "on", "of", "into", "after", "as", "by", "off", "near"}
_NON_NAMES_LOWER = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
_QUOTED = re.compile(r"[\"'“‘«”„]\s*(?P<name>[^\"'“‘«»”’„\n]{3,40}?)\s*[\"'”’»″“]")
# a quoted name right after a media noun is a channel or a paper, not a ship ("телеканал «Звезда»", "صحيفة
# "حريت"", "the newspaper 'Hurriyet'")
_MEDIA_BEFORE = re.compile(
    r"(?:телеканал\w*|канал\w*|газет\w*|агентств\w*|издани\w*|портал\w*|channel|newspaper|daily|agency|outlet|"
    r"journal|chaîne|quotidien|agence|presse|صحيفة|قناة|وكالة|موقع|جريدة|"
    # a Russian news agency's abbreviation, "информационное агентство" ("сообщает РИА «Новости»", "ИА «Регнум»")
    r"(?<!\w)(?-i:Р?ИА)(?!\w)|"
    # a magazine, network, platform, account, bulletin or correspondent ("مجلة "بوليتيكو"", "شبكة "ديفينس إكسبريس"",
    # "منصة «يوب يوب»", "مراسل "القاهرة الإخبارية""), and a group or an operation ("لمجموعة "متحدون ضد إيران
    # النووية"", "عملية ... "إيريني"", "مناورات "جسر الصداقة""): who reports or acts, not a ship
    r"مجلة|شبكة|منصة|حساب|نشرة|مراسل|مجموعة|عملية|مناور)\s*(?:[\w\u0600-\u06FF]+\s+){0,3}[\"'“‘«„]?\s*$",
    re.I,
)
# a quoted name right after an attribution verb is who reports it ("передает «Интерфакс-АВН»", "حسبما أفادت
# "إنترفاكس"", "selon « Ria Novosti »", "reported by 'Naval News'"), not a ship
_SOURCE_BEFORE = re.compile(
    r"(?:\b(?:переда[её]т|сообща\w+|сообщил\w*|пишет|по\s+данным|со\s+ссылкой\s+на|according\s+to|reported\s+by|"
    r"told|selon|rapporte|d['’]après|cité\s+par)|أفادت|أفاد|ذكرت|ذكر|قالت|نقلت|بحسب|حسب|وفق|وفقا\s+ل|"
    # a speaker's verb ("وأضاف «الزهراني»", "وأوضح "مرصد البوسفور"", "وأشارت "بيانات أيكون"")
    r"أضاف|أضافت|أوضح|أوضحت|أشار|أشارت|أكد|أكدت)"
    r"\s*[\"'“‘«„]\s*$",
    re.I,
)
# a quoted name right after (or before) a weapon noun is the weapon ("крылатыми ракетами «Калибр-НК»", "des
# missiles « Zircon »", "صواريخ "كاليبر"", "armed with \"Zircon\" missiles"), not a ship
_WEAPON_BEFORE = re.compile(
    r"(?:\b(?:missiles?|rockets?|systems?|complex|ракет\w*|комплекс\w*|систем\w*|системы)|صواريخ|صاروخ|منظومة)"
    r"\s*[\"'“‘«„]\s*$",
    re.I,
)
_WEAPON_AFTER = re.compile(r"[\"'”’»]?\s*(?:missiles?|rockets?|cruise\s+missiles?|ракет\w*)\b", re.I)
# a quoted name right after a place noun is the place ("from the port of “Novorossiysk”", "من ميناء
# "سيفاستوبول"", "в порт «Тартус»", "l'aéroport de « Bangui »"), not a ship, even where the kb does not know it
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:port|harbou?r|airport|air\s*base|base|city|town|island|bay|gulf|strait|"
    r"порт\w*|аэропорт\w*|авиабаз\w*|город\w*|остров\w*|залив\w*|пролив\w*|бухт\w*|"
    r"aéroport|ville|île|baie|golfe|détroit)(?:\s+(?:of|de|du|d['’]))?|ميناء|مطار|قاعدة|مدينة|جزيرة|مضيق|خليج)"
    r"\s*[\"'“‘«„]\s*$",
    re.I,
)
# a navy's ship prefix names a ship by itself, with no ship noun before it ("HMS Diamond returned to Portsmouth", "USS
# Carney sailed through Suez", "INS Kolkata"): the prefix is part of the name as navies and reporting write it
_HULL_PREFIXES = r"(?:USS|USNS|HMS|HMCS|HMAS|HMNZS|RFA|INS|PNS|ROKS|HNLMS|HDMS|ESPS|NRP|TCG|KRI|BNS)"
# the words of a group a ship leads, written after its name ("USS Gerald R. Ford Carrier Strike Group"): not the name
_GROUP_WORD = r"(?:Carrier|Strike|Group|Amphibious|Ready|Battle|Task|Force|Expeditionary)\b"
_PREFIXED = re.compile(
    rf"(?<![\w-]){_HULL_PREFIXES}[ \t]+{_NAME_WORD}(?:[ \t]+(?:of[ \t]+)?(?!{_GROUP_WORD}){_NAME_WORD}){{0,2}}"
)
_PAREN_AR = re.compile(r"(?:الطراد|الفرقاطة|السفينة|سفينة|المدمرة|الكورفيت)\s*\((?P<name>[^)]{3,40})\)")
_SHIP_CONTEXT = re.compile(
    # every noun a ship is named after is a sentence about ships ("le cargo russe Alaed", "the bulker X"); "cargo"
    # only where it is no aircraft's ("avion-cargo", "cargo planes")
    r"(?<![-\w])(?:cargos?|bâtiments?|vraquiers?|bulkers?|balkers?)\b(?!\s*(?:planes?|aircraft|flights?|jets?|avions?))|"
    r"\b[A-Z][a-z]+-flagged\b|\bbulk\s+carriers?\b|\baircraft\s+carriers?\b|балкер|"
    rf"\b{_HULL_PREFIXES}[ \t]+[A-Z]|"
    r"\b(?:ships?|vessels?|freighters?|tankers?|frigates?|cruisers?|destroyers?|corvettes?|navires?|frégates?|"
    r"submarines?|tugs?|icebreakers?|warships?|patrouilleurs?|pétroliers?|croiseurs?|sous-marins?|remorqueurs?|"
    r"porte-hélicoptères|porte-avions|BPC|"
    rf"{FR_CLASS_ABBREVIATIONS}|"
    r"суд(?:но|на)|корабл\w*|БДК|СДК|BDK|фрегат\w*|корвет\w*|эсмин\w*|крейсер\w*|танкер\w*|буксир\w*|сухогруз\w*|"
    rf"{_RU_CLASS_NOUNS}|подводн\w+\s+лодк\w+)\b|"
    r"سفين|سفن|طراد|فرقاط|مدمرة|غواصة|كورفيت|ناقلة|بارج|كاسحة|حامل(?:ة|ات)\s+(?:ال)?طائرات|\bавианос\w*",
    re.I,
)
# a number after a name that starts a date is the date's day ("судно Asian Dynasty 11 января")
_DATE_AFTER = re.compile(
    r"\s+(?i:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
# a quoted name after a legal form or a company noun is the company ("the LLC \"Oboronlogistika\"", "شركة
# "ويستبيرغ""), not a vessel
_COMPANY_BEFORE = re.compile(
    r"(?:\b(?:LLC|JSC|OJSC|PJSC|Ltd|OOO|ООО|АО|ПАО|ОАО|company|firm|компани\w*|фирм\w*|société|compagnie)|شركة|لصالح)"
    r"\s*[\"'“‘«„]\s*$",
    re.I,
)
_NOT_NAMES = {
    "the", "a", "an", "russian", "russia", "navy", "fleet", "black", "sea", "baltic", "northern", "it", "its",
    "they", "which", "that", "this", "to", "from", "in", "at", "on", "was", "is", "had", "has", "and",
    "on order", "to order", "hur", "ais", "imo", "mmsi", "syrian express", "сирийский экспресс",
}  # fmt: skip
_QUOTE_MARKS = "\"'“‘«„”’»"
_NOT_FIRST = {"the", "a", "an", "it", "its", "they", "which", "that", "this", "to", "from", "in", "at", "on", "and"}
# Turkish writes a warship's class after its name ("Kınalıada korveti", "TCG Gökçeada fırkateyni"), and reporting
# in other languages often quotes the pair as the Turkish navy gives it: the class word is not part of the name
_TR_CLASS_AFTER = re.compile(
    r"\s+(?:korveti|f[ıi]rkateyni|gemisi|muhribi|denizalt[ıi]s[ıi]|h[üu]cumbotu|karakol\s+gemisi)$", re.I
)


# Russian class nouns and the navy's abbreviations for them, any case: a quoted phrase Russian reporting opens or
# closes with one is the class told ("«Фрегат “Маршал Шапошников” ...»", "корабль (БПК)"), while the names it gives
# its ships never start or end so. Other languages name ships "Sudan Ship", "Goodness Ship", "Oslo Carrier".
_CLASS_WORD = re.compile(
    r"(?i:фрегат\w*|корвет\w*|корабл\w*|суд(?:но|на|а)|эсмин\w*|крейсер\w*|танкер\w*|буксир\w*|сухогруз\w*|"
    r"тральщик\w*)|БПК|МПК|БДК|СДК"
)


def _class_phrase(name: str) -> bool:
    """Whether a "name" is a ship's class, not its name: a Russian class noun starts or ends it ("Фрегат",
    "Большой противолодочный корабль", "Экипаж фрегата", "БПК"), or it is a navy's prefix alone ("USS")."""
    words = name.split()
    if re.fullmatch(_HULL_PREFIXES, name):
        return True
    return bool(_CLASS_WORD.fullmatch(words[0]) or _CLASS_WORD.fullmatch(words[-1]))


def _names(first: str, more: str) -> list[str]:
    out = [first]
    for part in re.split(r"\s*(?:,|\band\b|\bи\b|\bet\b)\s*", without_hull_numbers(more)):
        part = part.strip(" \"'“”‘’«»")
        if part:
            out.append(part)
    return out


# a pennant number written before the name ("la frégate ‘F931 Louise-Marie’", "F-714 Guépratte"): the hull's painted
# letter and number, which the navy's lists give beside the name, not in it; a number alone ("СБ-406") is the name
_PENNANT = re.compile(r"^[A-Z]{1,2}-?\d{2,4}\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])")
# a name that ends in a year is an exercise's, a mission's or an operation's ("Sea Breeze 2017", "جسر الصداقة 2020",
# «Морской пояс безопасности–2026"): navies name those by their year, ships by a number (hull, pennant) or none
_EVENT_YEAR = re.compile(r"\S[\s\-–—]+(?:19[5-9]\d|20[0-4]\d)$")


def named_ships(text: str, is_place: Callable[[str], bool] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of every vessel named in ``text``."""
    listed = bracketed_ships(text)  # "trois bateaux (le Ventôse, le Tonnerre)": the names say they are ships
    if not listed and not _SHIP_CONTEXT.search(text):
        return []
    found: list[tuple[int, int, str]] = []

    def add(a: int, b: int, name: str, prefixed: bool = False) -> None:
        day = re.search(r"\s+\d{1,2}$", name)
        if day is not None and _DATE_AFTER.match(text, b):
            name, b = name[: day.start()], b - len(day.group(0))
        name = re.sub(r"\s+", " ", name.strip(" \"'“”‘’«»″,"))
        name = _TR_CLASS_AFTER.sub("", name)  # "Kınalıada korveti": the corvette Kınalıada
        name = _PENNANT.sub("", name)  # "la frégate F-714 Guépratte": the ship Guépratte
        if not name or name.lower() in _NOT_NAMES or name.split()[0].lower() in _NOT_FIRST:
            return
        if re.search(r"\s[a-zà-ÿ]$", name):
            return  # "« La cargaison d'aide »", "l'Algérie et l'Égypte": an elided article's apostrophe closed a "name"
        if _UNIT_WORD.search(name):
            return  # "accompanied by Carrier Air Wing 8": a unit of aircraft or troops, not a ship
        if _class_phrase(name):
            return  # «Фрегат “Маршал Шапошников” ...», "корабль (БПК)", "the Sudan Ship": a class, not a name
        if not (a and text[a - 1] in _QUOTE_MARKS) and is_whose_name(name):
            return  # "the French frigate Provence", "корабли КНР": whose the ship is; a quoted name stays
        if name.split()[0].lower() in _NON_NAMES_LOWER:
            return  # "the frigate Sunday": a day, not a name
        if name.isdigit():
            return  # "Фрегат 9 мая прибыл": a day of the month, not a name (hull numbers follow a name)
        if _EVENT_YEAR.search(name):
            return  # «Морское взаимодействие–2025», "Mission Harmony 2024": an exercise or mission, not a ship
        if is_event_name(text, a, name):
            return  # "the cyclone “Roanu”", "'Operation Samudra Setu II'", "учения «СМОА плюс»": an event, not a ship
        title = not prefixed and any(w.lower() in _TITLE_WORDS for w in name.split()[1:])  # "HMS Prince of Wales"
        if re.search(r"['’]s\b", name) or title:
            return  # "Landing Ship Brigade’s Ropucha", a headline's "Ship Docks At Port Sudan": no name
        if is_place is not None and is_place(name):
            return
        if any(tb - ta == len(name) for ta, tb, *_ in find_types(name)):
            return  # "un cargo Il-76": the aircraft, not a ship's name
        if any(e - s_ == len(name) for s_, e, _ in operators(name)):
            return  # "another cargo ship from \"Oboronlogistika\"": the company, not a vessel
        if all(b <= s or a >= e for s, e, _ in found):
            found.append((a, b, name))

    def add_listed(names: list[str], pos: int) -> None:
        """Each name of a list where it stands, searched from the list's start, in order."""
        for n in names:
            i = text.find(n, pos)
            if i >= 0:
                add(i, i + len(n), n)
                pos = i + len(n)

    for m in _AFTER_NOUN.finditer(text):
        first = m.group("name")
        quoted = _QUOTED.match(text, m.start("name") - 1) if m.start("name") else None
        if quoted is not None and quoted.start("name") == m.start("name"):
            first = quoted.group("name")  # «Северный ветер»: a quoted name runs to its closing mark, lower case too
        elif _RU_WHOSE.match(first):
            continue  # "Корабли Тихоокеанского флота прибыли", "корабль Балтфлота", "фрегатов ... России": whose
        add_listed(_names(first, m.group("more") or ""), m.start("name"))
    for m in (*_APPOSED.finditer(text), *_CLASS_IN_BRACKETS.finditer(text)):
        add(m.start("name"), m.end("name"), m.group("name"))
    for m in _BEFORE_NOUN.finditer(text):
        names = _names(m.group("name"), m.group("more") or "")
        if not any(_not_name_word(w) for n in names for w in n.split()):
            add_listed(names, m.start("name"))
    for m in _QUOTED.finditer(text):
        name = m.group("name").strip()
        if (
            _MEDIA_BEFORE.search(text[max(0, m.start() - 40) : m.start() + 1])
            or _SOURCE_BEFORE.search(text[max(0, m.start() - 40) : m.start() + 1])
            or _COMPANY_BEFORE.search(text[max(0, m.start() - 30) : m.start() + 1])
            or _PLACE_BEFORE.search(text[max(0, m.start() - 30) : m.start() + 1])
            or _WEAPON_BEFORE.search(text[max(0, m.start() - 30) : m.start() + 1])
            or _WEAPON_AFTER.match(text[m.end() - 1 : m.end() + 20])
        ):
            continue
        if re.match(r"[A-ZА-ЯЁ\u0600-\u06FF]", name) and len(name.split()) <= 4:
            add(m.start("name"), m.end("name"), name)
    for m in _PREFIXED.finditer(text):
        add(m.start(), m.end(), m.group(0), prefixed=True)
    for m in _PAREN_AR.finditer(text):
        add(m.start("name"), m.end("name"), m.group("name"))
    for a, b, name in listed:
        add(a, b, name)
    return sorted(found)


def mentions_of(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, name) of every vessel already named elsewhere in the article that ``text`` mentions by
    name alone ("Mys Zhelaniya is owned by Transstroy", with no ship noun in that sentence); a longer name
    wins over a shorter one it contains ("Sparta II" over "Sparta")."""
    out: list[tuple[int, int, str]] = []
    for name in sorted(set(names), key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-]|\s+(?:[IVX]+|\d+)\b)", text):
            if all(m.end() <= a or m.start() >= b for a, b, _ in out):
                out.append((m.start(), m.end(), name))
    return sorted(out)

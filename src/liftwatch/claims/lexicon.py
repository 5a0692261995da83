"""The word lists the rule-based extractor matches for who and what: actors, assets, equipment and hints.

Hand-written because this is domain knowledge, not language modelling: which words mean "an Il-76",
"Wagner", "an S-400 battery" or "the transponder was off" in English, Russian and Arabic reporting is a
short curated list that an analyst can read and extend, and a general NER model would not know most of it
anyway. Patterns are case-insensitive unless marked; place names are *not* here (they come from the
knowledge base's aliases, see ``places.py``; the names of countries and cities the kb lacks are in
``place_names.py``), and the words that make a clause a movement and give a place its role are in ``cues.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.dark_signals import DARK_SIGNAL


@dataclass(frozen=True)
class Actor:
    """Someone who moves things: a state, an armed force or a company."""

    name: str
    kind: str  # state | force | company
    countries: tuple[str, ...]  # ISO2 codes whose registered aircraft/ships count as this actor's
    operators: tuple[str, ...]  # substrings of the flights' ``operator`` that count as this actor's
    pattern: re.Pattern[str]


def _p(rx: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(rx, flags)


ACTORS: tuple[Actor, ...] = (
    Actor("Wagner / Africa Corps", "company", ("RU",), ("wagner", "africa corps", "afrika korps"),
          _p(r"\bWagner(?:\s+Group)?\b|\bAfri[ck]a\s+[CK]orps\b|\bВагнер\w*|\bفاغنر\b")),
    Actor("Haftar / LNA", "force", ("LY",), ("lna", "libyan national army", "haftar"),
          _p(r"\b(?:Khalifa\s+)?Haft[ae]r\b|\bHifter\b|\bLNA\b|\bLibyan\s+(?:National\s+)?Arab\s+Armed\s+Forces\b|"
             r"\bLibyan\s+National\s+Army\b|\bLAAF\b|حفتر|\bХафтар\w*")),
    Actor("Russia", "state", ("RU",), ("russia", "russian", "rossiya", "oboronlogistika", "vks", "ministry of defence of the russian"),
          _p(r"\bRussia(?:n|ns|'s)?\b(?!-(?:made|built|designed|manufactured))|\bRussian\s+Federation\b|\bMoscow(?:'s)?\b|\bKremlin(?:'s)?\b|\bРосси\w*|"
             r"\bроссийск\w*|\bМоскв\w*|\bРФ\b|\bВКС\b|روسيا|الروسي\w*|روسي(?:ة|تان)?\b|موسكو|\bRussie\b|\brusses?\b|"
             r"\bMoscou\b|"
             # Russian reporting names its own state's forces without the state: the navy "ВМФ", the Pacific Fleet
             # "ТОФ", military transport aviation "ВТА", the airborne troops "ВДВ", the military districts "ЦВО",
             # "ЮВО", "ЗВО", "ВВО", the ministry of emergencies "МЧС" ("фрегат ВМФ «Адмирал Макаров»", "борт МЧС");
             # another state's navy or ministry has its name after it
             # ("ВМФ Индии", "ВМФ КНР")
             r"(?<![\w-])(?-i:ВМФ|ТОФ|ВТА|ВДВ|ЦВО|ЮВО|ЗВО|ВВО|МЧС)(?![\w-])(?!\s+(?-i:[А-ЯЁ][а-яё]+|[А-ЯЁ]{2,})(?![\w-]))|"
             # the state's named fleets ("Black Sea Fleet", "Черноморского флота", "la flotte du Nord", "أسطول البحر
             # الأسود"): a ship "of the Northern Fleet" is the state's own
             r"\b(?:Black\s+Sea|Northern|Baltic|Pacific|Caspian)\s+Fleet\b|"
             r"\b(?:Черноморск|Северн|Балтийск|Тихоокеанск|Каспийск)\w+\s+(?:военн\w+\s+)?флот\w*|"
             r"\bflotte\s+(?:russe\s+)?(?:de\s+la\s+mer\s+Noire|du\s+Nord|de\s+la\s+Baltique|du\s+Pacifique)\b|"
             r"أسطول\s+البحر\s+الأسود|الأسطول\s+الشمالي|أسطول\s+البلطيق")),
    Actor("Turkey", "state", ("TR",), ("turkish", "turkey"),
          _p(r"\bTurkey(?:'s)?\b|\bT[üu]rkiye\b|\bTurkish\b|\bAnkara\b|تركيا|التركي\w*|\bТурци\w*|\bTurquie\b|\bturcs?\b|"
             # the adjective in every language: "طائرة تركية", "турецкий самолёт", "un avion turc", "la marine turque"
             rf"{AR_WORD_START}(?:ال)?ترك(?:ي|ية|يتان|يتين){AR_WORD_END}|\bтурецк\w*|\bturques?\b")),
    Actor("Syria", "state", ("SY",), ("syrian",),
          _p(r"\bSyrian\s+(?:government|army|Air\s+Force|air\s+force|regime|authorities|military)\b|\bAssad\s+regime\b|"
             r"\bDamascus\b(?=\s+(?:government|authorities))")),
    Actor("United States", "state", ("US",), ("usaf", "us air force"),
          _p(r"\bUnited\s+States\b|\bU\.S\.(?!\w)|\bUS\b|\bAmerican\b|\bPentagon\b|\bAFRICOM\b|\bUSAF\b", 0)),
    # the French abbreviation "EAU" only in capitals: "23 tonnes d'eau" is water
    Actor("United Arab Emirates", "state", ("AE",), ("emirati",),
          _p(r"\bUAE\b|\bEmirati\b|\bUnited\s+Arab\s+Emirates\b|الإمارات\w*|الإماراتي\w*|\bОАЭ\b|\bÉmirats\b|"
             rf"\bémirati\w*|\bémirien\w*|(?-i:\bEAU\b)|{AR_WORD_START}[إا]مارات(?:ي|ية){AR_WORD_END}|\bэмиратск\w*|"
             r"\bОбъедин[её]нн\w+\s+Арабск\w+\s+Эмират\w*")),
    Actor("Egypt", "state", ("EG",), ("egyptian",), _p(r"\bEgyptian\b|\bCairo\b")),
    # Iran's airlifts to Syria and Lebanon and its ships to Venezuela and the Red Sea; the state and its adjective
    # in the four languages ("Iranian cargo planes", "طائرات شحن إيرانية", "иранские танкеры", "navires iraniens")
    Actor("Iran", "state", ("IR",), ("iran",),
          _p(r"\bIran(?:ian|ians|'s)?\b|\bTehran(?:'s)?\b(?=\s+(?:sent|has|had|dispatched|government|regime))|"
             rf"{AR_WORD_START}(?:ال)?[إا]يران(?:ي|ية|يتان|يتين|يين)?{AR_WORD_END}|\bИран\w*|\bиранск\w*|"
             r"\biranien\w*|\bIRGC\b|\bIRIS\b")),
    # the United Kingdom by its air force and navy ("an RAF C-130J", "سلاح الجو الملكي البريطاني", "Королевских
    # ВВС", "la Royal Air Force"): the adjective alone stays out, as for the United States; another kingdom's
    # adjective after "سلاح الجو الملكي" ("الأردني", "المغربي") makes it that kingdom's air force, not the RAF
    Actor("United Kingdom", "state", ("GB",), ("raf", "royal air force", "royal navy"),
          _p(r"\bRAF\b|\bRoyal\s+(?:Air\s+Force|Navy)\b|سلاح\s+الجو\s+الملكي(?:\s+البريطاني|(?!\s+ال[\u0621-\u064a]+ي(?![\u0621-\u064a])))|البحرية\s+الملكية\s+البريطانية|"
             r"\bКоролевск\w+\s+(?:ВВС|военно-воздушн\w+\s+сил|ВМС|военно-морск\w+\s+флот)\w*")),
    Actor("Belarus", "state", ("BY",), ("belarus", "belavia", "rada airlines"),
          _p(r"\bBelarus(?:ian)?\b|\bMinsk\b|\bбелорусск\w*|\bBiélorussie\b|\bbiélorusse\w*|بيلاروس\w*")),
    Actor("Libya GNU", "force", ("LY",), ("gnu", "government of national unity"),
          _p(r"\bGNU\b|\bGovernment\s+of\s+National\s+(?:Unity|Accord)\b|\bGNA\b|\bDbeibah\b|\bTripoli\s+government\b")),
)  # fmt: skip


@dataclass(frozen=True)
class AssetKind:
    """A kind of carrier named in text and how to recognise it in the flights table."""

    label: str
    domain: str  # air | sea
    type_codes: tuple[str, ...] = ()  # exact ICAO designators (empty: any)
    category: str | None = None  # kb aircraft_types category that must match ("cargo"), None: any
    ship_name: str | None = None  # a named vessel
    pattern: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!)"))


# Aircraft *types* (Il-76, An-124, MiG-29, ...) come from the kb (``claims/types.py``); these are the
# classes of carrier reporting names instead, and the ships it names most.
ASSETS: tuple[AssetKind, ...] = (
    # an aircraft carrier is a ship, though its name says aircraft ("the aircraft carrier", "le porte-avions",
    # "авианосец", "حاملة الطائرات"): read before the aircraft class below takes the word
    AssetKind("ship", "sea",
              pattern=_p(r"\baircraft\s+carriers?\b|\bporte-avions\b|\bавианос\w*|"
                         rf"{AR_WORD_START}(?:ال)?حامل(?:ة|ات|تا|تان|تي|تين)\s+(?:ال)?طائرات")),
    AssetKind("cargo aircraft", "air", (), "cargo",
              pattern=_p(r"\b(?:cargo|transport|freight|freighter|airlift|heavy[-\s]lift|military[-\s]transport|supply)"
                         r"\s+(?:planes?|aircraft|airplanes?|jets?|flights?|airlifters?)\b|\bairlifters?\b|"
                         r"\bfreighters?\s+(?:aircraft|planes?)\b|\bair\s*bridge\b|\bairlift\b|"
                         r"\bavions?[-\s](?:cargos?|de\s+transport)\b|\bavions?-cargos?\b|\bgros[-\s]porteurs?\b|"
                         r"(?:военно-)?транспортн\w+\s+(?:самол[её]т\w*|борт\w*|авиаци\w*)|\bтранспортник\w*|"
                         r"грузов\w+\s+(?:самол[её]т\w*|рейс\w*|борт\w*)|طائر(?:ة|ات|تا|تان|تي)\s+(?:ال)?(?:شحن|نقل)|"
                         # cargo flights: "три грузовых рейса", "رحلات شحن", "des vols cargo", "vols de fret"
                         r"رحل(?:ة|ات|تين|تان|تا)\s+(?:ال)?شحن|\bvols?\s+(?:de\s+)?(?:cargo|fret)\b")),
    AssetKind("fighter jets", "air", (), "military_other",
              pattern=_p(r"\bfighter\s+(?:jets?|aircraft|planes?)\b|\bwarplanes?\b|\bcombat\s+aircraft\b|"
                         r"\bavions?\s+de\s+(?:chasse|combat)\b|\bchasseurs\b|\bистребител\w+|\bбомбардировщик\w+|"
                         # bombers, as in Russian: "قاذفة", "قاذفتان", "قاذفات"
                         rf"مقاتلات|طائرات\s+حربية|{AR_WORD_START}قاذف(?:ة|ات|تان|تين|تا|تي){AR_WORD_END}")),
    # a tanker of an air force, after an aircraft's designation, or named as an aircraft refuels planes: not a
    # ship ("a French Air Force tanker", "a KC-135 tanker", "an A330 tanker", "tanker aircraft", "un avion ravitailleur", "самолёт-заправщик", "طائرة تزويد بالوقود")
    AssetKind("tanker aircraft", "air", (), "military_other",
              pattern=_p(r"(?:(?<=Force\s)|(?<=RAF\s)|(?<=USAF\s)|(?<=Air\s)|(?<=-\d\d\s)|(?<=-\d\d\d\s)|(?<=\d[A-Z]\s)|"
                         r"(?<=[A-Z]\d\d\d\s))tankers?\b|\btankers?(?=\s+(?:aircraft|planes?|jets?))|"
                         r"\b(?:aerial|air-to-air|in-flight)\s+refuel+ing\s+(?:aircraft|planes?|tankers?)\b|"
                         r"\bavions?[-\s]ravitailleurs?\b|\bravitailleurs?\s+(?:en\s+vol|MRTT)\b|"
                         r"\bсамол[её]т\w*[-\s]заправщик\w*|\bзаправщик\w*|"
                         r"طائر(?:ة|ات)\s+(?:ال)?(?:تزود|تزويد)\s+(?:ب)?(?:ال)?وقود|"
                         # "طائرة ناقلة" (a tanker plane): the plane word keeps "ناقلة" from the tanker ship
                         r"طائر(?:ة|ات)\s+(?:ال)?ناقل(?:ة|ات)(?!\s+(?:لل|ل)(?!وقود)\w)")),
    AssetKind("aircraft", "air", (),
              # "un pont aérien depuis la base de Hmeimim": an air bridge says aircraft, of no kind more precise
              pattern=_p(r"\b(?:planes?|aircraft|airplanes?|jets?|flights?|sorties)\b|\bavions?\b|\bvols?\b|"
                         r"\bponts?\s+aériens?\b|"
                         r"\bappareils?\b|\bсамол[её]т\w*|\bрейс\w*|\bборт(?:а|ов)?\b|طائر(?:ة|ات|تا|تان|تي)|رحل(?:ة|ات)")),
    AssetKind("Sparta IV", "sea", ship_name="SPARTA IV", pattern=_p(r"\bSparta[-\s]?(?:IV|4)\b")),
    AssetKind("Sparta III", "sea", ship_name="SPARTA III", pattern=_p(r"\bSparta[-\s]?(?:III|3)\b")),
    AssetKind("Sparta II", "sea", ship_name="SPARTA II", pattern=_p(r"\bSparta[-\s]?(?:II|2)\b")),
    AssetKind("Sparta", "sea", ship_name="SPARTA", pattern=_p(r"\bSparta\b(?![-\s]?(?:I|V|\d))")),
    AssetKind("Ursa Major", "sea", ship_name="URSA MAJOR", pattern=_p(r"\bUrsa\s+Major\b")),
    AssetKind("Baltic Leader", "sea", ship_name="BALTIC LEADER", pattern=_p(r"\bBaltic\s+Leader\b")),
    AssetKind("landing ship", "sea",
              pattern=_p(r"\blanding\s+ships?\b|\bБДК\b|\bBDK\b|\bдесантн\w+\s+корабл\w*|سفين(?:ة|تا)\s+(?:ال)?إنزال|"
                         r"\btransporteurs?\s+de\s+troupes?\b|\bnavires?\s+de\s+débarquement\b")),
    AssetKind("cargo ship", "sea",
              pattern=_p(r"\b(?:cargo|transport|roll-on/roll-off|ro-ro|supply)\s+(?:ships?|vessels?)\b|\bfreighters?\b|"
                         r"\bbulk\s+carriers?\b|\bheavy[-\s]lift\s+(?:carriers?|ships?)\b|\bnavires?\s+de\s+transport\b|"
                         r"\bnavires?\s+cargos?\b|\bcargos?\s+russes?\b|\b(?:le|un|du|au|ce)\s+cargo\b(?!\s+(?:[A-Z][A-Za-z]{0,7}[-\s]?\d|Antonov|Iliouchine|Ilyushin|Airbus|Boeing|Tupolev))|\bгрузов\w+\s+суд\w+|\bсухогруз\w*|"
                         r"سفين(?:ة|تا|تي)\s+(?:ال)?شحن|سفن\s+(?:ال)?شحن")),
    # a tanker is a class of its own, as the corpus's conventions key it (a carrier of fuel, not any warship):
    # "tankers", "pétroliers", "танкеры", "ناقلات نفط" (the English word after an air force or a designation is
    # the tanker aircraft above). Listed before "ship", the generic class it then replaces.
    AssetKind("tanker", "sea",
              pattern=_p(r"(?<!Force\s)(?<!RAF\s)(?<!USAF\s)(?<!Air\s)(?<!-\d\d\s)(?<!-\d\d\d\s)(?<!\d[A-Z]\s)(?<![A-Z]\d\d\d\s)"
                         r"\b(?:oil\s+|crude\s+|fuel\s+|gas\s+)?tankers?\b(?!\s+(?:aircraft|planes?|jets?))|"
                         r"\b(?:navires?[-\s])?pétroliers?\b|\bтанкер(?:а|ы|ов|ом|ами|ам|ах|е)?\b|"
                         # a navy's replenishment tanker, French "un ravitailleur", "le bâtiment ravitailleur" (not an
                         # air tanker: "avion ravitailleur", "ravitailleur en vol", "un ravitailleur C-135")
                         r"(?<!avion\s)(?<!avions\s)(?<!avion-)(?<!avions-)\b(?:(?:navires?|bâtiments?)[-\s])?ravitailleurs?\b"
                         r"(?![-\s]+(?:en\s+vol|MRTT|Phénix|KC|Boeing|Airbus|[A-Z]{1,3}[-\s]?\d))|"
                         rf"(?:ال)?ناقل(?:ة|ات|تا|تان|تين|تي)\s+(?:ال)?(?:نفط|غاز|وقود)|{AR_WORD_START}(?:ال)?ناقلات{AR_WORD_END}(?!\s+(?:ال)?جن)")),
    # the small craft arms are smuggled in, named for what they are ("a dhow", "un boutre", "a fishing trawler",
    # "un chalutier", "траулер"): carriers of their own class, which no other word of the sentence may name
    AssetKind("dhow", "sea", pattern=_p(r"\bdhows?\b|\bboutres?\b")),
    AssetKind("trawler", "sea", pattern=_p(r"\btrawlers?\b|\bchalutiers?\b|\bтраулер\w*")),
    # the Russian navy's kinds that English reporting translates word for word, keyed by that word as the corpus
    # keys them: a guard ship ("сторожевой корабль", the Neustrashimy and Krivak classes) and a rescue ship or
    # vessel ("спасательное судно"); a rescue tug stays a tug
    AssetKind("guard ship", "sea", pattern=_p(r"\bguard\s+ships?\b|\bсторожев\w+\s+корабл\w*")),
    AssetKind("rescue ship", "sea",
              pattern=_p(r"\b(?:rescue|salvage)\s+(?:ships?|vessels?)\b|\bспасательн\w+\s+(?:суд(?:но|на|ов|ну|ном|не)|корабл\w*)")),
    AssetKind("ship", "sea",
              pattern=_p(r"\b(?:ships?|vessels?|convoy|(?<!Force\s)(?<!RAF\s)(?<!USAF\s)(?<!Air\s)(?<!-\d\d\s)(?<!-\d\d\d\s)(?<!\d[A-Z]\s)(?<![A-Z]\d\d\d\s)tankers?(?!\s+(?:aircraft|planes?|jets?))|frigates?|warships?|cruisers?|destroyers?|corvettes?|"
                         r"submarines?|tugs?|tugboats?|icebreakers?|minesweepers?)\b|"
                         r"\bnavires?\b|\bbâtiments?\b|\bfrégates?\b|"
                         # "bateau" is a ship as "navire" is, but not the small craft people flee or fish in
                         r"\bbateaux?\b(?!\s+(?:de\s+(?:migrants|pêche|plaisance|fortune|réfugiés)|pneumatiques?))|"
                         r"\b(?:patrouilleurs?|pétroliers?|croiseurs?|sous-marins?|remorqueurs?|corvettes?|destroyers?)\b|\bсуд(?:но|на|а|ов)\b|\bкорабл\w*|"
                         r"\b(?:фрегат|корвет|эсминц|эсминец|крейсер|танкер|буксир|тральщик)\w*|"
                         r"سفن|سفين(?:ة|تا|تي)|الطراد|الفرقاطة|القطعتين|(?:ال)?(?:فرقاطة|مدمرة|غواصة|طراد|كورفيت|ناقلة|بارجة|كاسحة)|"
                         # the dual Arabic counts two warships with ("فرقاطتين", "الغواصتين")
                         rf"(?:ال)?(?:فرقاط|مدمر|غواص)(?:تان|تين|تا){AR_WORD_END}|"
                         # the plural ("فرقاطات", "مدمرات", "غواصات") and the navy's "pieces" ("3 قطع حربية", "قطعة
                         # بحرية", "القطع الحربية"): warships counted as a class
                         rf"{AR_WORD_START}(?:ال)?(?:فرقاط|مدمر|غواص)ات{AR_WORD_END}|"
                         rf"{AR_WORD_START}(?:ال)?قطع(?:ة|تان|تين)?\s+(?:ال)?(?:حربية|بحرية){AR_WORD_END}")),
)  # fmt: skip

# Actors that act for another: a claim by one merges with a claim by the other (the parent stays the actor).
# The proxy is written as the text names it once the claims are read (``actor_names.proxy_as_named``).
ACTOR_PARENT = {"Wagner / Africa Corps": "Russia", "Wagner": "Russia", "Africa Corps": "Russia"}

# Most specific first; a generic label is dropped when a specific one of the same domain is present.
GENERIC_ASSETS = {"aircraft", "ship"}
# Classes that stand for a carrier of unknown type: dropped when a type of the same domain is named.
CLASS_ASSETS = {
    "aircraft", "ship", "cargo aircraft", "cargo ship", "fighter jets", "landing ship", "tanker aircraft", "tanker",
    "dhow", "trawler", "guard ship", "rescue ship",
    # the ship kinds a counted list keys by their own word (``group_makeup``): classes still, not named ships
    "frigate", "corvette", "destroyer", "submarine", "tug",
}  # fmt: skip

EQUIPMENT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("S-400", _p(r"\bS-?400\b|\bTriumf\b|\bС-?400\b")),
    ("S-300", _p(r"\bS-?300(?:PMU\d?|V\d?)?\b|\bС-?300\b")),
    ("Pantsir", _p(r"\bPants[iy]r(?:-S1)?\b|\bSA-22\b|\bПанцир\w*")),
    ("Buk", _p(r"\bBuk(?:-M\d)?\b|\bSA-17\b")),
    ("Tor", _p(r"\bTor-M\d\b")),
    ("air defence systems", _p(r"\bair[-\s]defen[cs]e\b|\banti[-\s]aircraft\b|\bSAMs?\b|\bradar(?:s| systems?)\b|\bПВО\b|دفاع\s+جوي")),
    ("helicopters", _p(r"\bhelicopters?\b|\bMi-?(?:8|17|24|28|35)\w*\b|\bKa-?52\b|\bвертол[её]т\w*")),
    ("fighter jets", _p(r"\bfighter\s+(?:jets?|aircraft|planes?)\b|\bwarplanes?\b|\bMiG-?\d+\w*\b|\bSu-?(?:24|25|27|30|34|35)\w*\b")),
    ("armoured vehicles", _p(r"\barmou?red\s+vehicles?\b|\btanks\b|\bT-(?:62|72|90)\w*\b|\bBTR-?\d+\b")),
    ("artillery", _p(r"\bartillery\b|\bhowitzers?\b|\brocket\s+launchers?\b|\bGrad\b")),
    ("ammunition", _p(r"\bammunition\b|\bmunitions\b|\bшелл\w*")),
    ("personnel", _p(r"\btroops\b|\bpersonnel\b|\bmercenaries\b|\bfighters\b|\bsoldiers\b|\binstructors\b")),
    ("military equipment", _p(r"\b(?:military|heavy)\s+(?:equipment|hardware|resources|cargo|supplies)\b|\bweapon(?:s|ry)\b|\barms\b|\bвоенн\w+\s+техник\w*")),
)  # fmt: skip

HINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("transponders off", _p(r"\btransponders?\s+(?:were\s+|was\s+|had\s+been\s+)?(?:switched|turned|shut|powered)\s+off\b|"
                            r"\b(?:switch|switched|switching|turn|turned|turning|shut|shutting)\s+off\s+(?:their\s+|its\s+|the\s+)?"
                            r"(?:transponders?|AIS|ADS-B)\b|\b(?:disabl|deactivat)\w*\s+(?:their\s+|its\s+)?(?:transponders?|AIS|ADS-B)\b|"
                            r"\bw(?:ent|ere|as|ould)\s+(?:go(?:ing)?\s+)?dark\b|\bgo(?:ing|es)?\s+dark\b|\bвыключ\w+\s+транспондер\w*|"
                            r"\bturn\w*\s+off\s+(?:their|its|the)\s+(?:signal\s+receivers|transponders?|AIS)\b|"
                            r"\bn['’]ont\s+pas\s+activé\s+leurs?\s+transpondeurs?\b|\btranspondeurs?\s+(?:éteints?|coupés?)\b|"
                            r"أطفأت\s+أجهزة|أغلقت\s+أجهزة\s+التتبع|"
                            # "activant le mode camouflage", "en mode furtif", "режим невидимости"
                            r"\bmode\s+(?:camouflage|furtif|silencieux)\b|\bрежим\w*\s+(?:невидимости|радиомолчания)|"
                            r"\b(?:éteint|coupé|désactivé)\w*\s+(?:son|leurs?|ses)\s+transpondeurs?\b|أوقفت\s+(?:جهاز|أجهزة)|"
                            # the transmitter named first, its state after: "with their AIS identification systems
                            # turned off", "transponders appear to have been turned off", "with AIS off", "did not
                            # activate its AIS"; "débranché ... son système d'identification", "les balises de
                            # localisation ont été coupées"; "с выключенным транспондером"
                            r"\b(?:AIS|transponders?|ADS-B)\b(?:\s+(?!data\b|it\b|she\b|they\b|he\b)[\w-]+){0,4}?\s+(?:turned|switched|shut|powered)\s+off\b|"
                            r"\b(?:with|had)\s+(?:(?:its|their|the)\s+)?(?:AIS|transponders?)\s+off\b|"
                            r"\bdid\s+not\s+(?:activate|turn\s+on|switch\s+on|use)\s+(?:its|their|the)\s+(?:[\w()-]+\s+){0,3}?"
                            r"(?:AIS|transponders?|Automatic\s+Identification)|"
                            r"\b(?:débranch|désactiv|éteint|coupé)\w*\s+(?:[\w'’]+\s+){0,3}?(?:son|leurs?|ses)\s+(?:système\s+d['’]identification|"
                            r"transpondeurs?|AIS|SIA|balises?)|\bbalises?\s+(?:de\s+localisation\s+)?(?:ont|a|avaient|avait)\s+été\s+"
                            r"(?:coupée?s?|éteinte?s?|désactivée?s?)|\bвыключенн\w+\s+(?:транспондер\w*|AIS|АИС)"
                            # any transmitter noun with any state word of its language (``dark_signals``)
                            f"|{DARK_SIGNAL.pattern}")),
    ("ceased location-sharing", _p(r"\bceas\w*\s+(?:location|position)[-\s]sharing\b|\bstop\w*\s+(?:sharing|broadcasting|transmitting)\s+"
                                   r"(?:their\s+|its\s+)?(?:locations?|positions?)\b|\bdisappear\w*\s+from\s+(?:radar|tracking)|"
                                   r"\btransmitted\s+its\s+position\s+for\s+the\s+last\s+time\b|\bafter\s+disappearing\s+for\b|"
                                   r"\bresumed\s+transmitting\b|\bno\s+AIS\s+data\b|\bhid\s+its\s+(?:position|location)\b|"
                                   r"\bn['’]ont\s+pas\s+publié\s+leur\s+trajet\b|\bисчез\w*\s+с\s+радар\w*|\bотключ\w+\s+(?:AIS|транспондер\w*)|"
                                   # "disparaître des radars", "a disparu des écrans", "пропал с радаров", "اختفت عن الرادار"
                                   r"\bdispar\w+\s+(?:des|du)\s+(?:radars?|écrans?)\b|\bпропа\w+\s+с\s+радар\w*|"
                                   r"\bdropped\s+off\s+(?:the\s+)?(?:radar|tracking)|اختف\w*\s+(?:عن|من)\s+(?:شاشات\s+)?(?:ال)?رادار|"
                                   # gone from the trackers with words between ("disappeared from all tracking sites",
                                   # "from satellite AIS tracking", "a disparu du SIA", "исчезло из AIS")
                                   r"\bdisappear\w*\s+from\s+(?:[\w-]+\s+){1,3}?(?:radars?|tracking|trackers|AIS)\b|"
                                   r"\bdispar\w+\s+(?:des|du|de\s+l['’])\s*(?:SIA|AIS|suivi|traqueurs?)\b|"
                                   r"\b(?:исчез|пропа)\w*\s+(?:из|с)\s+(?:AIS|АИС|систем\w*\s+(?:AIS|АИС|отслеживания)|трекер\w*)|"
                                   # and on again after a silence (rule of the corpus: a transmitter switched on again
                                   # says it was off): "activated its AIS transmitter", "turned on their transponder",
                                   # "a réactivé son transpondeur", "транспондер ... ненадолго включен", "включил AIS"
                                   r"\b(?:re)?(?:activated|turned\s+on|switched\s+on)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?"
                                   r"(?:AIS|transponders?)\b|\b(?:réactiv|rallum|remis)\w*\s+(?:en\s+marche\s+)?(?:son|leurs?|ses)\s+"
                                   r"(?:transpondeurs?|AIS|SIA)\b|\b(?:транспондер\w*|AIS|АИС)\b[^.;]{0,80}?\b(?:вновь|снова|ненадолго|"
                                   r"повторно)\s+включ\w*|\b(?:вновь\s+|снова\s+)?включил\w*\s+(?:свой\s+|свои\s+)?(?:транспондер\w*|AIS|АИС)")),
    ("multiple flights", _p(r"\b(?:multiple|several|numerous|many|dozens\s+of|a\s+series\s+of|repeated|regular|a\s+stream\s+of|"
                            r"frequent|a\s+string\s+of|a\s+flurry\s+of)\s+(?:\w+\s+){0,2}?(?:flights|sorties|trips|rotations|voyages|"
                            r"deliveries|planes|aircraft|cargo\s+planes|shipments|port\s+calls)\b|\bshuttl\w+\b|\bair\s*bridge\b|"
                            # "несколько ... самолетов", "plusieurs vols", "عدة طائرات": the same lower bound in each language
                            r"\b(?:несколько|многочисленн\w+|ряд)\s+(?:[\w-]+\s+){0,3}?(?:самол[её]т\w*|рейс\w*|борт\w*|транспортник\w*|"
                            r"суд(?:ов|ов)|корабл\w*)|\b(?:plusieurs|de\s+nombreux|nombreux|multiples)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:vols|avions|appareils|rotations|navires)\b|(?:عدة|عدد\s+من)\s+(?:\S+\s+){0,2}?(?:طائرات|رحلات|سفن)")),
    ("navigation data", _p(r"\bnavigation\s+data\b|\bflight[-\s]tracking\b|\btracking\s+(?:data|sites?|services?)\b|\bADS-B\b|"
                           r"\bFlightradar24\b|\bOpenSky\b|\bAIS\s+data\b|\bMarineTraffic\b|\bsatellite\s+(?:images?|imagery)\b")),
    ("ongoing", _p(r"\bongoing\b|\bcontinu\w+\b|\bstill\s+(?:flying|arriving)\b|\bhave\s+been\s+making\b")),
)  # fmt: skip

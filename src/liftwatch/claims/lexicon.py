"""The word lists the rule-based extractor matches: actors, assets, equipment, hints, movement and role cues.

Hand-written because this is domain knowledge, not language modelling: which words mean "an Il-76",
"Wagner", "an S-400 battery" or "the transponder was off" in English, Russian and Arabic reporting is a
short curated list that an analyst can read and extend, and a general NER model would not know most of it
anyway. Patterns are case-insensitive unless marked; place names are *not* here (they come from the
knowledge base's aliases, see ``places.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


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
             # the state's named fleets ("Black Sea Fleet", "Черноморского флота", "la flotte du Nord", "أسطول البحر
             # الأسود"): a ship "of the Northern Fleet" is the state's own
             r"\b(?:Black\s+Sea|Northern|Baltic|Pacific|Caspian)\s+Fleet\b|"
             r"\b(?:Черноморск|Северн|Балтийск|Тихоокеанск|Каспийск)\w+\s+(?:военн\w+\s+)?флот\w*|"
             r"\bflotte\s+(?:russe\s+)?(?:de\s+la\s+mer\s+Noire|du\s+Nord|de\s+la\s+Baltique|du\s+Pacifique)\b|"
             r"أسطول\s+البحر\s+الأسود|الأسطول\s+الشمالي|أسطول\s+البلطيق")),
    Actor("Turkey", "state", ("TR",), ("turkish", "turkey"),
          _p(r"\bTurkey(?:'s)?\b|\bT[üu]rkiye\b|\bTurkish\b|\bAnkara\b|تركيا|التركي\w*|\bТурци\w*|\bTurquie\b|\bturcs?\b|"
             # the adjective in every language: "طائرة تركية", "турецкий самолёт", "un avion turc", "la marine turque"
             r"(?<![\u0600-\u06FF])(?:ال)?ترك(?:ي|ية|يتان|يتين)(?![\u0600-\u06FF])|\bтурецк\w*|\bturques?\b")),
    Actor("Syria", "state", ("SY",), ("syrian",),
          _p(r"\bSyrian\s+(?:government|army|Air\s+Force|air\s+force|regime|authorities|military)\b|\bAssad\s+regime\b|"
             r"\bDamascus\b(?=\s+(?:government|authorities))")),
    Actor("United States", "state", ("US",), ("usaf", "us air force"),
          _p(r"\bUnited\s+States\b|\bU\.S\.(?!\w)|\bUS\b|\bAmerican\b|\bPentagon\b|\bAFRICOM\b|\bUSAF\b", 0)),
    Actor("United Arab Emirates", "state", ("AE",), ("emirati",),
          _p(r"\bUAE\b|\bEmirati\b|\bUnited\s+Arab\s+Emirates\b|الإمارات\w*|الإماراتي\w*|\bОАЭ\b|\bÉmirats\b|"
             r"\bémirati\w*|\bémirien\w*|\bEAU\b|(?<![\u0600-\u06FF])[إا]مارات(?:ي|ية)(?![\u0600-\u06FF])|\bэмиратск\w*|"
             r"\bОбъедин[её]нн\w+\s+Арабск\w+\s+Эмират\w*")),
    Actor("Egypt", "state", ("EG",), ("egyptian",), _p(r"\bEgyptian\b|\bCairo\b")),
    # Iran's airlifts to Syria and Lebanon and its ships to Venezuela and the Red Sea; the state and its adjective
    # in the four languages ("Iranian cargo planes", "طائرات شحن إيرانية", "иранские танкеры", "navires iraniens")
    Actor("Iran", "state", ("IR",), ("iran",),
          _p(r"\bIran(?:ian|ians|'s)?\b|\bTehran(?:'s)?\b(?=\s+(?:sent|has|had|dispatched|government|regime))|"
             r"(?<![\u0600-\u06FF])(?:ال)?[إا]يران(?:ي|ية|يتان|يتين|يين)?(?![\u0600-\u06FF])|\bИран\w*|\bиранск\w*|"
             r"\biranien\w*|\bIRGC\b|\bIRIS\b")),
    # the United Kingdom by its air force and navy ("an RAF C-130J", "سلاح الجو الملكي البريطاني", "Королевских
    # ВВС", "la Royal Air Force"): the adjective alone stays out, as for the United States
    Actor("United Kingdom", "state", ("GB",), ("raf", "royal air force", "royal navy"),
          _p(r"\bRAF\b|\bRoyal\s+(?:Air\s+Force|Navy)\b|سلاح\s+الجو\s+الملكي(?:\s+البريطاني)?|البحرية\s+الملكية\s+البريطانية|"
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
                         r"مقاتلات|طائرات\s+حربية")),
    # a tanker of an air force, after an aircraft's designation, or named as an aircraft refuels planes: not a
    # ship ("a French Air Force tanker", "a KC-135 tanker", "an A330 tanker", "tanker aircraft", "un avion ravitailleur", "самолёт-заправщик", "طائرة تزويد بالوقود")
    AssetKind("tanker aircraft", "air", (), "military_other",
              pattern=_p(r"(?:(?<=Force\s)|(?<=RAF\s)|(?<=USAF\s)|(?<=Air\s)|(?<=-\d\d\s)|(?<=-\d\d\d\s)|(?<=\d[A-Z]\s)|"
                         r"(?<=[A-Z]\d\d\d\s))tankers?\b|\btankers?(?=\s+(?:aircraft|planes?|jets?))|"
                         r"\b(?:aerial|air-to-air|in-flight)\s+refuel+ing\s+(?:aircraft|planes?|tankers?)\b|"
                         r"\bavions?[-\s]ravitailleurs?\b|\bravitailleurs?\s+(?:en\s+vol|MRTT)\b|"
                         r"\bсамол[её]т\w*[-\s]заправщик\w*|\bзаправщик\w*|"
                         r"طائر(?:ة|ات)\s+(?:ال)?(?:تزود|تزويد)\s+(?:ب)?(?:ال)?وقود")),
    AssetKind("aircraft", "air", (),
              pattern=_p(r"\b(?:planes?|aircraft|airplanes?|jets?|flights?|sorties)\b|\bavions?\b|\bvols?\b|"
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
                         r"\bnavires?\s+cargos?\b|\bcargos?\s+russes?\b|\b(?:le|un|du|au|ce)\s+cargo\b|\bгрузов\w+\s+суд\w+|\bсухогруз\w*|"
                         r"سفين(?:ة|تا|تي)\s+(?:ال)?شحن|سفن\s+(?:ال)?شحن")),
    AssetKind("ship", "sea",
              pattern=_p(r"\b(?:ships?|vessels?|convoy|(?<!Force\s)(?<!RAF\s)(?<!USAF\s)(?<!Air\s)(?<!-\d\d\s)(?<!-\d\d\d\s)(?<!\d[A-Z]\s)(?<![A-Z]\d\d\d\s)tankers?(?!\s+(?:aircraft|planes?|jets?))|frigates?|warships?|cruisers?|destroyers?|corvettes?|"
                         r"submarines?|tugs?|tugboats?|icebreakers?|minesweepers?)\b|"
                         r"\bnavires?\b|\bbâtiments?\b|\bfrégates?\b|\b(?:patrouilleurs?|pétroliers?|croiseurs?|"
                         r"sous-marins?|remorqueurs?|corvettes?|destroyers?)\b|\bсуд(?:но|на|а|ов)\b|\bкорабл\w*|"
                         r"\b(?:фрегат|корвет|эсминц|эсминец|крейсер|танкер|буксир|тральщик)\w*|"
                         r"سفن|سفين(?:ة|تا|تي)|الطراد|الفرقاطة|القطعتين|(?:ال)?(?:فرقاطة|مدمرة|غواصة|طراد|كورفيت|ناقلة|بارجة|كاسحة)")),
)  # fmt: skip

# Actors that act for another: a claim by one merges with a claim by the other (the parent stays the actor).
ACTOR_PARENT = {"Wagner / Africa Corps": "Russia"}

# Most specific first; a generic label is dropped when a specific one of the same domain is present.
GENERIC_ASSETS = {"aircraft", "ship"}
# Classes that stand for a carrier of unknown type: dropped when a type of the same domain is named.
CLASS_ASSETS = {"aircraft", "ship", "cargo aircraft", "cargo ship", "fighter jets", "landing ship", "tanker aircraft"}

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
                            r"\b(?:éteint|coupé|désactivé)\w*\s+(?:son|leurs?|ses)\s+transpondeurs?\b|أوقفت\s+(?:جهاز|أجهزة)")),
    ("ceased location-sharing", _p(r"\bceas\w*\s+(?:location|position)[-\s]sharing\b|\bstop\w*\s+(?:sharing|broadcasting|transmitting)\s+"
                                   r"(?:their\s+|its\s+)?(?:locations?|positions?)\b|\bdisappear\w*\s+from\s+(?:radar|tracking)|"
                                   r"\btransmitted\s+its\s+position\s+for\s+the\s+last\s+time\b|\bafter\s+disappearing\s+for\b|"
                                   r"\bresumed\s+transmitting\b|\bno\s+AIS\s+data\b|\bhid\s+its\s+(?:position|location)\b|"
                                   r"\bn['’]ont\s+pas\s+publié\s+leur\s+trajet\b|\bисчез\w*\s+с\s+радар\w*|\bотключ\w+\s+(?:AIS|транспондер\w*)|"
                                   # "disparaître des radars", "a disparu des écrans", "пропал с радаров", "اختفت عن الرادار"
                                   r"\bdispar\w+\s+(?:des|du)\s+(?:radars?|écrans?)\b|\bпропа\w+\s+с\s+радар\w*|"
                                   r"\bdropped\s+off\s+(?:the\s+)?(?:radar|tracking)|اختف\w*\s+(?:عن|من)\s+(?:شاشات\s+)?(?:ال)?رادار")),
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

# Words that make a destination a possibility rather than a claimed arrival.
HEDGE = _p(
    r"\b(?:likely|believed|expected|could|(?-i:may)|might|possibl\w*|probabl\w*|presumabl\w*|suspected|options?|"
    r"destination\s+(?:unknown|unclear)|pourrai\w*|probablement|sans\s+doute|возможно|вероятно|предположительно|"
    r"может)\b|من\s+المحتمل|ربما|يرجح|"
    # a declared or presumed destination is offered, not claimed: "listed as the ship's destination", "with
    # Kaliningrad indicated as its destination", "предполагается, что", "по мнению журналистов", "supposé"
    r"\b(?:listed|indicated|declared|given|shown|signall?ed|displayed)\s+as\s+(?:its|the|her)\b|\bpresumed\b|"
    r"\bпредпола\w+|\bпо\s+мнению\b|\bякобы\b|\bsupposé\w*|\bsembl\w+|\bسيتجه|\bيعتقد"
)

_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "dozen": 12, "a dozen": 12, "dozens of": 24,
}  # fmt: skip
COUNT = _p(
    r"(?<![\w-])(?:at\s+least\s+|more\s+than\s+|over\s+|some\s+|about\s+|around\s+)?(?P<n>\d{1,3}|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|fifteen|twenty|a\s+dozen|dozens\s+of)\s+(?:\w+[\s-]+){0,4}?"
    r"(?:flights|sorties|trips|rotations|voyages|deliveries|planes|aircraft|airlifters|shipments|port\s+calls)\b"
)


def count_value(word: str) -> int:
    w = re.sub(r"\s+", " ", word.lower().strip())
    return int(w) if w.isdigit() else _NUMBER_WORDS.get(w, 2)


MOVE = _p(
    r"\b(?:transfer\w*|mov(?:e|es|ed|ing|ement|ements)|relocat\w+|redeploy\w*|deploy\w*|withdr[ae]w\w*|evacuat\w+|"
    r"fl(?:y|ies|ew|own|ying)|flights?|sorties|airlift\w*|air\s*bridge|ship(?:s|ped|ping|ment|ments)|sail\w*|"
    r"deliver\w*|transport\w*|carr(?:y|ies|ied|ying)|ferr(?:y|ies|ied|ying)|shuttl\w+|depart\w*|left|leav(?:e|es|ing)|"
    r"arriv\w+|land(?:ed|ing|s)|dock\w*|call(?:ed|ing)?\s+at|head(?:ed|ing)|bound\s+for|en\s+route|on\s+(?:its|their|her)\s+way|received|welcomed|hosted|sent|dispatch\w*|"
    r"load\w*|unload\w*|offload\w*|directed\s+towards?|took\s+off|routed|rotations?|(?:round[-\s])?trips?|"
    r"spotted|parked|photographed|voyages?|destinations?|(?:took|brought)\s+(?:[\w-]+\s+){1,4}?to|crossings?|transit\w*|reached|returned|enter(?:ed|ing|s)?|"
    r"quitt\w+|accueilli|décoll\w+|atterri\w*|pos[ée]s?|rendus?|vols?|livr\w+|arriv\w+|repartis?|envoy\w+|achemin\w+|"
    r"escale|passages?|reprennent|entr[ée]s?)\b|"
    r"\b(?:перебро\w+|перевоз\w+|вылет\w+|прилет\w+|прибы\w+|доставл\w+|доставил\w*|доставк\w+|рейс\w*|приземл\w+|покинул\w*|"
    r"направ\w+|отправ\w+|принял\w*|возвращ\w+|взял\w*\s+курс|прош[её]л\w*|вош[её]л\w*|полет\w*)|"
    r"نقل|رحلات|رحلة|هبط\w*|هبوط\w*|استقبل\w*|وصل\w*|وصول|غادر\w*|دخل\w*|دخول\w*|أقلع\w*|متجه\w*|متوجه\w*|انطلق\w*|عبر\w*|تتجه|دخلت|أرسلت|"
    r"توقفت|قامت\s+برحلات|"
    # verbs of motion by stem, so that every inflection counts: Russian prefix + root ("перелетели", "вылетел",
    # "прошёл", "отплыл", "заходе на посадку"), French ("a volé", "volant", "s'est dirigé", "a rejoint"),
    # Arabic with its affixes ("حطت", "تحط", "هبوطها", "أقلت", "توجهت", "أبحرت", "رست", "تحطمت", "قدومها")
    r"\b(?:(?:пере|вы|при|у|до|про|за|от|с|в|на)л[её]т\w*|(?:от|при|про|у|пере|до)плы\w+|(?:от|при|пере)плав\w+|"
    r"(?:про|во|вы|при|за|у|пере|подо?)ш(?:[её]л|л[аио])\w*|(?:про|вы|при|за|пере|под|от|по)ход\w*|ид[её]т|идут|"
    r"(?:во|вы|при|за|про|пере|подо)йд\w*|следу\w+\s+(?:в|во|на|из|через|к)\b|перебр[оа]с\w*|перевез\w*|пересек\w*|"
    r"посадк\w*|крушени\w*|передислоц\w*|верну\w*|отбы\w*|прибыт\w*|курс\w*\s+на\b)|"
    r"\b(?:vol(?:é|ée|és|ant|ait|aient|er|e|ent)|dirig\w+|rejoin\w+|rejoint|transit\w*|travers\w+|débarqu\w+|"
    r"accost\w+|appareill\w+|navigu\w+|survol\w+|franchi\w*|ravitaill\w+|fait\s+route)\b|"
    r"\b(?:crossed|crossing|passed\s+through|touch(?:ed|ing)\s+down|stopped|stopover|refuel\w*|divert\w*|rerouted)\b|"
    # a ship's arrival and stay in port, in each language: "made a port call", "moored", "dropped anchor",
    # "berthed", "put in at", "pulled into"; "a mouillé", "amarré", "jeté l'ancre"; "пришвартовался", "встал на
    # якорь", "ошвартовался"; "رست", "دخلت", "ترسو" (the Arabic ones are in the Arabic alternation below)
    r"\b(?:port\s+(?:calls?|visits?)|moor(?:ed|ing|s)|anchor(?:ed|ing|s)|dropped\s+anchor|berth(?:ed|ing|s)|"
    r"put\s+in|pull(?:ed|ing|s)\s+into|sailed\s+into|steamed|mouill\w+|amarr\w+|jet\w+\s+l['’]ancre|"
    r"(?:при|о)швартов\w+|якор\w+|зашл\w+|заш[её]л|вош[её]л|вошл\w+)\b|"
    r"حط(?:ت|وا)?\b|تحط\w*|هبوط\w*|أقل(?:ت|ع)\w*|توج\w+|اتج\w+|يتج\w+|أبحر\w*|تبحر|رس(?:ت|ا)\b|ترسو|رسو\w*|"
    r"تحطم\w*|قدوم\w*|قادم\w*|مرور\w*|إقلاع\w*|في\s+طريق\w*|"
    # a return, a dispatch, a heading ("عادت الطائرة إلى", "أرسلت/ترسل", "صوب", "قاصدة")
    r"(?<![\u0600-\u06FF])[وف]?(?:عاد(?:ت|وا|تا)?|عودة|ت?عود|أرسل\w*|ترسل|يرسل|صوب|قاصد\w*)(?![\u0600-\u06FF])",
)

# Role cues: the words just before a place name that give it its role. Longest alternatives first.
ORIGIN_CUES = (
    r"(?:took\s+off|taking\s+off|departed|departing|flown|flying|sailed|sailing|withdrawn|evacuated|moved|transferred)\s+from",
    r"from", r"out\s+of", r"(?:loaded|embarked)\s+(?:in|at)", r"starting\s+points?\s+(?:(?:is|are|was|were)\s+)?(?:in|at)",
    r"points?\s+of\s+departure\s+(?:(?:is|are|was|were)\s+)?(?:in|at)", r"departed", r"departing", r"left", r"leaving", r"leave", r"leaves", r"quit",
    # before the bare verb: an alternation takes the first alternative that matches at a position
    # "غادرت اليوم السبت طائرة شحن روسية قاعدة حميميم": the verb, its subject, then the place it left (the
    # facility noun may be part of the place name the gazetteer matched, so the cue may end the text)
    r"غادر(?:ت)?(?:\s+(?!(?:إلى|الى|نحو|من|في|باتجاه|عبر)\b)\S+){0,6}?(?=\s+(?:قاعدة|مطار|ميناء)|\s*$)",
    # the verbal noun with its pronoun and the place it left as its object ("بعد مغادرتها ميناء نوفوروسيسك")
    r"مغادرت?(?:ها|هما|هم|ه)?", r"(?:إقلاع|انطلاق)\S*\s+من",
    r"из", r"с", r"со", r"от", r"من", r"غادرت", r"غادر", r"أقلعت\s+من", r"انطلقت\s+من",
    r"depuis", r"en\s+provenance\s+(?:de|du|des|d')", r"au\s+départ\s+(?:de|du|d')", r"venant\s+(?:de|du|d')",
    r"quitté", r"quitte",
    # "(re)chargé à la base navale de Tartous", "загружен в порту Тартус": where the load was taken on
    r"(?:re)?chargée?s?\s+(?:à|au|dans|en)", r"(?:за|по)гружен\w*\s+(?:в|на)",
    r"(?:قدوم|قادم)\S*(?:\s+\S+){0,2}?\s+من", r"(?:вылетев|вылетел\w*|отплыв\w*|вышед\w*|вышел\w*)\s+(?:из|с)",
    r"issue?s?\s+(?:de|du|d')", r"parti\w*\s+(?:de|du|d')",
    # a ship casting off, a plane taking off, in French ("a appareillé de Baltiïsk", "a décollé de Hmeimim")
    r"(?:appareill\w+|décoll\w+|sorti\w*|largué\s+les\s+amarres)\s+(?:de|du|d['’]|des|depuis)",
)  # fmt: skip
DEST_CUES = (
    r"(?:bound|headed|heading|destined|departed|left|sailed|sailing|leaving)\s+for",
    r"en\s+route\s+to", r"on\s+(?:its|their)\s+way\s+to",
    r"(?:arrived|arriving|arrive|arrives|landed|landing|land|lands|docked|docking|docks|touched\s+down|touching\s+down)\s+(?:at|in)",
    # "landed on Saturday May 4 in Niamey", "arrived late on Tuesday at Hmeimim": a date between verb and place
    r"(?:arrived|landed|docked|touched\s+down)\s+(?:(?:early|late)\s+)?on\s+(?:\w+\s+){1,3}?(?:at|in)",
    # "landed Saturday at Benina", "arrived late Friday in", "touched down this morning at", "landed yesterday in"
    r"(?:arrived|landed|docked|touched\s+down)\s+(?:(?:early|late)\s+)?(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|overnight|this\s+(?:morning|afternoon|evening|week)|"
    r"last\s+(?:night|week))\s+(?:at|in)",
    r"(?:called|calling)\s+(?:at|in)", r"reached", r"reaching", r"(?:to\s+)?reach",
    # "pour atteindre la Méditerranée", "pour rejoindre Tartous", "чтобы достичь", "للوصول إلى"
    r"(?:pour\s+)?(?:atteindre|atteint\w*|rejoindre|rejoint\w*|gagner|regagner|regagné\w*)", r"(?:достич\w*|добрат\w+\s+до)",
    # a ship entering or calling at a port: "entered (the port of) X", "made a port call in X", "moored at",
    # "anchored off", "berthed in", "put in at", "pulled into"
    r"(?:entered|entering|enters|enter)", r"(?:made|make|makes|making|paid|pays)\s+(?:a\s+|its\s+|their\s+)?(?:\w+\s+)?port\s+(?:calls?|visits?)\s+(?:at|in|to)",
    r"port\s+(?:calls?|visits?)\s+(?:at|in|to)",
    r"(?:moored|mooring|anchored|anchoring|berthed|berthing|docked|docking)\s+(?:at|in|off|near|alongside)",
    r"(?:dropped|dropping)\s+anchor\s+(?:at|in|off|near)", r"put(?:s|ting)?\s+in\s+(?:at|to)",
    r"(?:pulled|pulling|sailed|sailing|steamed|steaming)\s+into",
    r"(?:spotted|seen|parked|photographed|observed|stationed|unloaded|unloading|unload|offloaded|delivered)\s+(?:at|in|to)",
    r"destinations?\s+(?:\w+\s+){0,3}?(?:be|is|was|are|were)", r"(?:-|\s)bound\s+for",
    r"directed\s+towards?", r"towards?", r"into", r"to", r"в", r"во", r"на", r"إلى", r"الى", r"نحو",
    r"باتجاه", r"متجهة\s+إلى", r"صوب", r"قاصد\S*", r"(?:عائد|عاد|عود)\S*\s+(?:إلى|الى|ل)", r"هبطت(?:\s+\S+){0,3}?\s+في", r"وصول\s+\S+\s+\S+\s+(?:\S+\s+)?إلى",
    r"vers", r"en\s+direction\s+(?:de|du|des|d')", r"à\s+destination\s+(?:de|du|des|d')", r"pour",
    # an adverbial between the verb and its preposition ("ont atterri en fin d'après-midi sur l'aéroport de",
    # "приземлился поздно вечером на", "هبطت مساء الجمعة في")
    r"(?:atterri|posée?s?|arrivée?s?)\s+(?:[\w'’-]+\s+){1,4}?(?:à|au|sur|dans)",
    # (after the adverbial form: an alternation takes the first alternative that matches at a position)
    r"(?:atterri|posée?s?|arrivée?s?|livrée?s?|rendue?s?|déployée?s?|acheminée?s?)\s+(?:à|au|aux|sur|dans|en)", r"à", r"au",
    r"(?:приземлил\w*|прибыл\w*|сел[аи]?)\s+(?:[\w-]+\s+){1,3}?(?:в|во|на)",
    r"(?:entr\w+|arriv\w+|retourn\w+)\s+(?:dans|à|au|en)",
    # one port call is where the ship went ("a fait escale à Port-Soudan"); "des escales" stay stops (via)
    r"(?:a|ont|avait|avaient|fera|feront|va|vont|venait\s+de|vient\s+de)\s+(?:\w+\s+)?fait\s+(?:une\s+)?escale\s+(?:à|au|en|dans)",
    # a port call in French: "a accosté au quai de", "a mouillé à", "amarré dans", "a jeté l'ancre au large de"
    r"(?:accost\w+|mouill\w+|amarr\w+|jet\w+\s+l['’]ancre)\s+(?:(?:au\s+quai|au\s+large|à\s+quai)\s+)?(?:à|au|aux|dans|en|sur|de|du|d['’])",
    # Russian: "зашёл в порт", "вошёл в", "пришвартовался в/к", "встал на якорь в/у"
    r"(?:(?:при|о)швартова\w+|встал\w*\s+на\s+якорь|бросил\w*\s+якорь)\s+(?:в|во|на|у|к)",
    # Arabic: "رست في", "ترسو في", "دخلت (إلى) ميناء", "رسوها في"
    # the verb, its subject, then the port it entered or reached with no preposition (before the bare verb: an
    # alternation takes the first alternative that matches at a position) ("دخلت الفرقاطة الروسية
    # ميناء طرطوس", "وصلت السفينة قاعدة طرطوس"), as the origin cue after "غادرت" reads it
    r"(?:دخل|وصل)(?:ت|وا|تا)?(?:\s+(?!(?:إلى|الى|نحو|من|في|باتجاه|عبر)\b)\S+){1,6}?(?=\s+(?:قاعدة|مطار|ميناء)\s*$|\s*$)",
    r"(?:ت?رس(?:ت|ا|و)\S*)(?:\s+\S+){0,6}?\s+(?:في|ب|قبالة)", r"(?:دخل|تدخل|يدخل|دخول)\S*(?:\s+(?:إلى|الى))?",
    # "в сторону сирийского порта", "в направлении Средиземного моря", "курсом на", "по направлению к"
    r"в\s+сторону", r"в\s+направлении", r"по\s+направлению\s+к", r"курсом\s+на",
    # an Arabic verb or verbal noun of arrival with its pronoun suffix, a few words, then "in"/"to"
    # ("حطت في", "هبوطها في", "وصلوا إلى", "رست في")
    # (Arabic puts the subject after the verb, so a counted carrier may stand in between: "حطت 15 طائرة شحن
    # روسية على الأقل في")
    # (the subject may be long: "تهبط كل صباح طائرة شحن روسية واحدة على الأقل يرافقها عدد من المقاتلات لحمايتها
    # في"; the words stay inside the clause, no comma or full stop between)
    r"(?:ال|ت|ي)?(?:هبط|هبوط|حط|وصل|وصول)\S*(?:\s+[^\s،,.؛]+){0,14}?\s+(?:في|إلى|الى)",
    # a port or airfield receiving the carrier ("استقبل ميناء بورتسودان بارجة روسية", "استقبلت قاعدة حميميم")
    r"استقبل\S*",
    # the same verbs with the preposition "ل" joined to the port ("وصول السفن الروسية لميناء لاغويرا", split
    # off before the facility noun), and a port visit ("لزيارة ميناء طرطوس", "زيارة إلى")
    r"(?:ال)?(?:وصل|وصول|توج|اتج|تتج|يتج)\S*(?:\s+\S+){0,5}?\s+ل", r"(?:ل|و)?زيارة(?:\s+(?:إلى|الى))?",
    r"في\s+طريق\S*\s+(?:إلى|الى|ل|نحو)",  # "في طريقها إلى", "في طريقها لقاعدة" (the clitic split off)
)  # fmt: skip
VIA_CUES = (
    r"via", r"through", r"by\s+way\s+of", r"transit(?:ing|ed)?\s+(?:through|via|in|at)?",
    r"(?:with\s+)?(?:a\s+)?stop(?:over|ping|ped|s)?(?:\s+over)?\s+(?:in|at)",
    r"refuel(?:l)?(?:ing|ed|s)?\s+(?:in|at)", r"через", r"عبر", r"عبورها", r"عبرت", r"عبور", r"مرورا\s+ب",
    r"(?:stops?|stopped)\s+midway\s+in", r"passing", r"transited", r"first\s+stopped\s+in",
    r"(?:fait\s+)?escale\s+(?:à|au|en)", r"en\s+passant\s+par", r"توقفت\s+(?:أولا\s+|أولاً\s+)?في",
    # the Arabic stop and passage with any suffix ("بعد توقفها في", "ومرورا ب"), Russian passage
    r"توقف\S*(?:\s+\S+){0,2}?\s+في", r"مرور\S*\s+ب", r"(?:تعبر|يعبر|تعبران|عبرت)", r"(?:пройдя|проходя|проход\w*|прош[её]л\w*|прошл[аи])\s+(?:через|по)",
    r"(?:passé|passés|passée|passant)\s+par",
)  # fmt: skip
BETWEEN_CUE = r"between|entre|между|بين"
# "من" / "from" in these is not an origin ("القريبة من مدينة بنغازي" = near Benghazi).
NOT_ORIGIN = _p(r"(?:القريبة|القريب|بالقرب|قرب|near|close|away)\s+(?:من|from)\s*$")
# "to" in these is not a destination.
NOT_DEST = _p(r"\b(?:according|due|close|next|ally|allies|ties|access|response|threat|home|compared|opposed|relation|belong|belongs|belonging|"
              r"respect|addition|prior|similar|contrary|related|linked|close)\s+to\s*$")  # fmt: skip
# Words allowed between a role cue and the place name ("from *its main air base at* Hmeimim").
FILLER = {
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "main", "key", "military",
    "naval", "air", "airbase", "base", "bases", "airfield", "airfields", "airport", "airports", "port", "ports",
    "harbour", "harbor", "facility", "facilities", "strategic", "remote", "major", "city", "town", "of", "coastal",
    "libyan", "syrian", "russian", "russia's", "moscow's", "haftar's", "new", "other", "in", "at", "near",
    "outside", "around", "province", "region", "capital", "hub", "stronghold", "strongholds", "field", "abandoned",
    "former", "soviet-era", "sprawling", "desert", "eastern", "western", "southern", "northern", "central",
    "авиабазы", "авиабазу", "авиабаза", "базы", "базу", "порта", "порт", "قاعدة", "ميناء", "مضيق", "مضيقي", "جزيرة",
    "home", "air-field", "naval-base", "airstrip", "le", "la", "les", "l'", "aérienne", "aéroport", "international",
    "internationale", "international-airport", "civil", "civilian",
    "l'aéroport", "militaire", "navale", "du", "de", "ville", "russe", "syrienne", "libyenne",
    "аэродром", "аэропорт", "город", "مدينة", "مطار", "الجوية", "البحرية", "العاصمة",
    "الكينية", "الروسي", "السوري", "الليبي",
    "сирийскую", "сирийский", "сирийской", "ливийскую", "ливийский", "ливийской", "российскую", "российский",
    "российской", "военную", "военный", "военной", "аэродрома", "аэропорта",
}  # fmt: skip
# Capitalised words that are never places even after a cue ("according to US officials").
NOT_PLACES = {
    "us", "u.s.", "un", "nato", "eu", "the", "a", "an", "reuters", "afp", "ap", "bloomberg", "wsj", "cnn", "bbc",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "it", "its", "they", "their", "he", "she", "this", "that", "these", "those", "there", "what", "which",
    "kremlin", "pentagon", "wagner", "haftar", "lna", "gnu", "i", "in", "at", "on", "by", "for", "with",
    "flightradar", "flightradar24", "flightaware", "marinetraffic", "vesselfinder", "itamilradar", "hur", "gur",
    "ais", "tass", "interfax", "ria", "nova", "africom", "telegram", "data", "images", "satellite",
}  # fmt: skip
# Cities with several airports (or whose name the kb's airport resolver gets wrong): the anchor airport
# whose surroundings (60 km) stand for the city. "from Moscow" is any Moscow airfield, not one of them.
CITY_ANCHORS: dict[str, str] = {
    "moscow": "UUEE", "moscou": "UUEE", "москва": "UUEE", "москвы": "UUEE", "москву": "UUEE", "موسكو": "UUEE",
    "st. petersburg": "ULLI", "st petersburg": "ULLI", "saint petersburg": "ULLI", "saint-pétersbourg": "ULLI",
    "санкт-петербург": "ULLI", "санкт-петербурга": "ULLI", "petersburg": "ULLI",
    "سان بطرسبورغ": "ULLI", "سانت بطرسبرغ": "ULLI", "بطرسبورغ": "ULLI", "سان بطرسبرغ": "ULLI", "saint petersbourg": "ULLI",
    "петербург": "ULLI", "петербурга": "ULLI",
}  # fmt: skip
CITY_NAMES = {"UUEE": "moscow", "ULLI": "st. petersburg"}  # anchor -> the city's key in claims and JSON

# Countries that reporting on this theatre names and the kb may have no region for: name -> ISO2. A country
# name the kb cannot resolve becomes the set of kb sites registered in that country.
COUNTRIES: dict[str, str] = {
    "mali": "ML", "niger": "NE", "burkina faso": "BF", "chad": "TD", "sudan": "SD", "south sudan": "SS",
    "central african republic": "CF", "car": "CF", "egypt": "EG", "algeria": "DZ", "tunisia": "TN",
    "morocco": "MA", "mauritania": "MR", "senegal": "SN", "guinea": "GN", "equatorial guinea": "GQ",
    "mozambique": "MZ", "madagascar": "MG", "ethiopia": "ET", "eritrea": "ER", "somalia": "SO", "kenya": "KE",
    "cameroon": "CM", "nigeria": "NG", "turkey": "TR", "türkiye": "TR", "turkiye": "TR", "cyprus": "CY",
    "greece": "GR", "malta": "MT", "italy": "IT", "lebanon": "LB", "israel": "IL", "jordan": "JO",
    "iraq": "IQ", "iran": "IR", "saudi arabia": "SA", "united arab emirates": "AE", "uae": "AE", "qatar": "QA",
    "oman": "OM", "yemen": "YE", "armenia": "AM", "azerbaijan": "AZ", "georgia": "GE", "kazakhstan": "KZ",
    "venezuela": "VE", "cuba": "CU", "nicaragua": "NI", "serbia": "RS", "hungary": "HU", "india": "IN",
    "china": "CN", "north korea": "KP", "vietnam": "VN", "myanmar": "MM", "laos": "LA", "spain": "ES",
    "portugal": "PT", "france": "FR", "germany": "DE", "uganda": "UG", "kyrgyzstan": "KG",
    "центральноафриканская республика": "CF", "центральноафриканской республики": "CF", "цар": "CF",
    "мали": "ML", "нигер": "NE", "судан": "SD", "египет": "EG", "алжир": "DZ", "турция": "TR",
    "مالي": "ML", "النيجر": "NE", "السودان": "SD", "مصر": "EG", "الجزائر": "DZ", "تركيا": "TR", "تشاد": "TD",
    # multi-word names in the cases reporting uses them (the hyphen folds to a space), and Arabic names the
    # kb's resolver does not hold
    "центрально африканская республика": "CF", "центрально африканской республики": "CF",
    "центрально африканскую республику": "CF", "саудовская аравия": "SA", "саудовскую аравию": "SA",
    "саудовской аравии": "SA", "буркина фасо": "BF",
    "بوركينا فاسو": "BF", "إيران": "IR", "ايران": "IR", "نيكاراغوا": "NI", "نيكاراجوا": "NI",
    # the other countries of the list in Arabic (a hamza seat, taa marbuta or final yaa written either way
    # matches through ``textkey.fold``); left out: "تونس" and "عمان", each also a capital's name, and "المغرب"
    "جنوب السودان": "SS", "جمهورية أفريقيا الوسطى": "CF", "أفريقيا الوسطى": "CF", "إفريقيا الوسطى": "CF",
    "موريتانيا": "MR", "السنغال": "SN", "غينيا": "GN", "غينيا الاستوائية": "GQ", "موزمبيق": "MZ",
    "مدغشقر": "MG", "إثيوبيا": "ET", "أثيوبيا": "ET", "إريتريا": "ER", "أريتريا": "ER", "الصومال": "SO",
    "كينيا": "KE", "الكاميرون": "CM", "نيجيريا": "NG", "قبرص": "CY", "اليونان": "GR", "مالطا": "MT",
    "إيطاليا": "IT", "لبنان": "LB", "إسرائيل": "IL", "الأردن": "JO", "العراق": "IQ", "السعودية": "SA",
    "المملكة العربية السعودية": "SA", "الإمارات": "AE", "الإمارات العربية المتحدة": "AE", "قطر": "QA",
    "سلطنة عمان": "OM", "اليمن": "YE", "أرمينيا": "AM", "أذربيجان": "AZ", "جورجيا": "GE",
    "كازاخستان": "KZ", "فنزويلا": "VE", "كوبا": "CU", "صربيا": "RS", "المجر": "HU", "الهند": "IN",
    "الصين": "CN", "كوريا الشمالية": "KP", "فيتنام": "VN", "ميانمار": "MM", "إسبانيا": "ES",
    "البرتغال": "PT", "فرنسا": "FR", "ألمانيا": "DE", "أوغندا": "UG", "قيرغيزستان": "KG",
    # European and Asian states that port calls and transits name, in English and Arabic
    "united kingdom": "GB", "britain": "GB", "great britain": "GB", "bulgaria": "BG", "romania": "RO",
    "ukraine": "UA", "poland": "PL", "finland": "FI", "sweden": "SE", "norway": "NO", "estonia": "EE",
    "latvia": "LV", "lithuania": "LT", "netherlands": "NL", "belgium": "BE", "japan": "JP",
    "south korea": "KR", "pakistan": "PK", "afghanistan": "AF", "brazil": "BR", "mexico": "MX",
    "بريطانيا": "GB", "المملكة المتحدة": "GB", "بلغاريا": "BG", "رومانيا": "RO", "أوكرانيا": "UA",
    "بولندا": "PL", "فنلندا": "FI", "السويد": "SE", "النرويج": "NO", "إستونيا": "EE", "لاتفيا": "LV",
    "ليتوانيا": "LT", "هولندا": "NL", "بلجيكا": "BE", "اليابان": "JP", "كوريا الجنوبية": "KR",
    "باكستان": "PK", "أفغانستان": "AF", "البرازيل": "BR", "المكسيك": "MX",
    "arabie saoudite": "SA", "republique centrafricaine": "CF", "emirats arabes unis": "AE", "soudan du sud": "SS",
}  # fmt: skip

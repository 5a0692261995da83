"""The owner or operator of a ship (or plane) as reporting names it.

The owner comes from "owned by X", "X-owned", "the owner is X", "operated by X", "принадлежит X", "appartenant à
X", "X, son propriétaire", "судно «X»" (a company in the genitive), "المملوكة لشركة … "X"". A state or its forces
in those places is the mover, not an owner, and is left out. Hand-written for the same reason as
``claims.ships``: no general NER model labels a company by its role towards a ship.
"""

from __future__ import annotations

import re

from liftwatch.claims.attribution import operators
from liftwatch.claims.place_names import COUNTRIES

# the words that name a ship's owner by its role: "operator", "owner and operator", "armateur", "propriétaire"
_ROLE_NOUN = r"(?:operator|owner|manager|armateur|propriétaire|opérateur)(?:\s+and\s+(?:operator|owner|manager))?"
_OWNER = re.compile(
    r"(?:owned\s+by|operated\s+by|belong(?:s|ing)?\s+to|the\s+owner\s+is|owner\s+is|is\s+operated\s+by|"
    r"owned\s+and\s+operated\s+by|registered\s+to|appartenant\s+à|appartien\w*\s+à|propriété\s+de|принадлеж\w*|оператор\w*)\s+"
    r"(?:the\s+|a\s+)?(?:(?:sanctioned|Russian|state|shipping|company|firm|logistics|construction|russe)\s+)*"
    # the company named by its kind first: "appartient à la société russe de fret aérien Abakan Air",
    # "принадлежит судоходной компании «X»"
    r"(?:(?:la\s+|une\s+|l['’])?(?:société|compagnie|entreprise)\s+(?:(?:[a-zéèêàûô-]+|d['’])\s+){0,5}?|"
    r"(?:[а-яё]+(?:ой|ей)\s+)?(?:компании|фирме|группе)\s+|"
    r"(?:[\w-]+\s+){0,3}?(?:company|firm|airline|operator)\s+(?:called|named)\s+)?"
    r"(?:(?:LLC|JSC|OJSC|PJSC|OOO|ООО|АО|ПАО|ОАО)\s+)?[\"“«„]?"
    r"(?P<owner>(?:[A-ZА-ЯЁ][\w&-]*)(?:[ \t]+(?:[A-ZА-ЯЁ][\w&-]*|LLC|Ltd|JSC|OOO)){0,3})"
    r"|(?P<owner2>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)-(?:owned|operated)\b"
    # "Oboronlogistika's heavily-laden Russian flag Ro-Ro Sparta II": a company's ship
    r"|(?P<owner3>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+(?:[\w-]+\s+){0,5}?"
    r"(?:Ro-?Ro|ro-?ro|ship|vessel|freighter|tanker|cargo\s+ship|landing\s+ship)\b"
    # the owner in apposition to its role: "the vessel's operator, Transmorflot LLC", "son armateur, X",
    # "судовладелец «X»"; and the role in apposition to the owner: "SK-Yug, the ship's operator and owner"
    rf"|(?i:(?:the\s+)?(?:vessel|ship|freighter|tanker)['’]s|its|their|son|leur|l['’])\s*{_ROLE_NOUN},?\s+"
    r"(?:(?:LLC|JSC|OOO|ООО|АО)\s+)?[\"“«„]?(?P<owner4>[A-ZА-ЯЁ][\w&-]*(?:[ \t]+(?:[A-ZА-ЯЁ][\w&-]*|LLC|Ltd|JSC)){0,3})"
    rf"|\b(?i:судовладел\w+|владел\w+\s+судна)\s+[\"“«„]?(?P<owner6>[A-ZА-ЯЁ][\w&-]*(?:[ \t]+[A-ZА-ЯЁ][\w&-]*){{0,2}})"
    rf"|(?P<owner5>[A-Z][\w&-]+(?:[ \t]+(?:[A-Z][\w&-]*|LLC|Ltd|JSC)){{0,3}}),\s+the\s+(?:vessel|ship)['’]s\s+{_ROLE_NOUN}"
    # Arabic: "سفينة تابعة لشركة (أوبورون لوجيستيكا)", "تملكها شركة فيمكو الخاصة": the company's name runs to a
    # closing mark or to a definite adjective ("الخاصة", "الروسية")
    r"|(?:[تي]ملكها|[تي]ديرها|(?:ال)?(?:تابعة|مملوكة)\s*ل)\s*(?:ال)?شركة\s+[(«\"]?"
    r"(?P<owner7>(?!ال)[\u0600-\u06FF]+(?:\s+(?!ال)[\u0600-\u06FF]+){0,3})"
    # a name in quotes after the phrase and its descriptive words: "المملوكة لشركة الشحن الروسية "إم ليزينغ"",
    # "مسجلة لصالح شركة "X"", "السفن التابعة لـ"الهيئة العامة للنقل البحري"", "الطائرة التابعة لشركة "X""
    r"|(?:[تي]ملكها|[تي]ديرها|(?:ال)?(?:تابعة|مملوكة)\s*لـ?|[تي]تبع\s+لـ?|مسجلة\s+(?:لصالح|باسم))\s*"
    r"(?:(?:ال)?(?:شركة|هيئة)(?:\s+(?:ال)?[\u0600-\u06FF]+){0,3}?)?\s*[(«\"“”](?P<owner8>[^(«\"“”)»\n]{2,50})[)»\"“”]"
    # French: the company, then its role in apposition ("la compagnie privée russe Femco, son propriétaire",
    # "la société Lubeca Marine, basée en Allemagne et propriétaire du MV Kathrin")
    r"|(?P<owner9>[A-Z][\w&-]+(?:[ \t]+[A-Z][\w&-]+){0,3}),\s+(?:son|leur)\s+(?:propriétaire|armateur|opérateur)\b"
    r"|\b(?i:société|compagnie|armateur|entreprise)\s+(?P<owner10>[A-Z][\w&-]+(?:[ \t]+[A-Z][\w&-]+){0,3}),?\s+"
    r"(?:[^,.;]{0,60}?\s)?(?:et\s+)?(?:propriétaire|armateur|opérateur)\s+d(?:u|e|es)\b"
    # Russian: a company's ship, the company in the genitive ("судно «Оборонлогистики»", "судно компании «X»")
    r"|\b(?i:судно|суда|корабль|корабли|сухогруз\w*|паром\w*|танкер\w*|ролкер\w*)\s+компании\s+[«\"„“]"
    r"(?P<owner11>[А-ЯЁA-Z][^»\"“”]{1,30})[»\"“”]",
)
# the pattern's alternatives, each naming the company in its own group
_OWNER_GROUPS = ("owner", *(f"owner{i}" for i in range(2, 12)))
# possessives that name a state or a place, not an owner ("Russia's landing ship")
_NOT_OWNERS = {"russia", "moscow", "kremlin", "syria", "libya", "turkey", "ukraine", "egypt", "belarus", "navy"}
_OWNER_STOP = {"russian", "the", "a", "state", "company", "moscow"}


def owners(text: str) -> list[tuple[int, str]]:
    """(position, owner company) for every ownership phrase in ``text``."""
    out = []
    for m in _OWNER.finditer(text):
        name = next((m.group(g) for g in _OWNER_GROUPS if m.group(g)), "").strip(' .,()«»"“”')
        if m.group("owner8") and not _AR_COMPANY.search(m.group(0)):
            continue  # "السفن التابعة لـ"X"": a quoted name a company noun does not introduce may be a force's
        if name.lower() in _NOT_OWNERS or name.lower() in COUNTRIES or _FORCE.search(name):
            # "Russia's landing ship", "the plane belongs to Syria", "a C-17 belonging to the United States Air
            # Force": a state or its forces, the mover, not a company
            continue
        if m.group("owner7") and name.split()[0] in _AR_KIND_WORDS:
            continue  # "مملوكة لشركة شحن روسية": a kind of company, not its name
        if name and name.lower() not in _OWNER_STOP:
            out.append((m.start(), name))
    for a, _, name in operators(text):
        # "Российское судно «Оборонлогистики»": a company the carrier noun just before makes its owner, named in
        # the nominative as registries write it
        if _RU_SHIP_BEFORE.search(text[max(0, a - 30) : a]) and all(p != a for p, _ in out):
            out.append((a, nominative(name)))
    return sorted(out)


_FORCE = re.compile(
    r"\b(?:Air\s+Forces?|Army|Navy|Forces|Armed|Ministry|Government|Guard|armée|Marine\s+nationale|ministère|ВВС|ВМФ|ВКС|армии|"
    r"министерств\w*)\b|(?:الجيش|القوات|وزارة|سلاح)",
    re.I,
)
_AR_COMPANY = re.compile(r"(?:ال)?شركة")
# the descriptive words Arabic puts between "شركة" and a company's name ("شركة شحن روسية"): no name
_AR_KIND_WORDS = {"شحن", "الشحن", "نقل", "النقل", "ملاحة", "الملاحة", "طيران", "الطيران", "روسية", "خاصة", "بحرية"}
# a Russian carrier noun right before a company's name in quotes ("судно «Оборонлогистики»")
_RU_SHIP_BEFORE = re.compile(r"\b(?i:судно|суда|корабль|корабли|сухогруз\w*|паром\w*|танкер\w*|ролкер\w*)\s+[«\"„“]?$")


def nominative(name: str) -> str:
    """A Russian company's name from the genitive a carrier noun puts it in ("судно «Оборонлогистики»"): the
    feminine "-а" noun's "-и"/"-ы" back to "-а"; a name in another script or case is kept as written."""
    m = re.fullmatch(r"(?P<stem>[А-ЯЁа-яё-]+[кгх])и|(?P<stem2>[А-ЯЁа-яё-]+[бвдзлмнпрстф])ы", name)
    if m is None:
        return name
    return f"{m.group('stem') or m.group('stem2')}а"


_THE_SHIPS = re.compile(
    r"(?i:the\s+)?(?:vessel|ship|freighter|tanker)['’]s\s|[^,.;]{1,60},\s+the\s+(?:vessel|ship)['’]s\s"
)


def owner_of_the_ship(text: str, pos: int) -> bool:
    """The ownership phrase at ``pos`` names the owner of "the ship" ("the vessel's operator, X", "X, the ship's
    owner"): the ship the article is about, not the one named last."""
    return _THE_SHIPS.match(text, pos) is not None

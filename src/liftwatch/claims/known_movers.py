"""Movers the knowledge base already knows: any state by its armed forces, and the airlines the kb lists.

The hand-written movers (``lexicon.ACTORS``) cover the dozen states this theatre names most. Any other state
flying an airlift was no actor at all: "a French Air Force tanker", "the Sudanese Army", "UK Border Force",
"ВВС Алжира", "سلاح الجو الفرنسي", "l'armée de l'air du Tchad". A state is found here by a branch of its
forces or services next to its name or adjective, in English, Russian, Arabic and French; it moves for the
state, whose registered aircraft and ships then count as its own. A ministry is left out: "the Defence
Ministry of Niger announced" names a source far more often than a mover, and "military" alone qualifies too
much ("when Sudanese military aircraft fly over") to name who flew. A warship is its state's by its class noun
("la frégate française", "المدمرة الصاروخية الصينية"), and a carrier of aid or an air bridge told with a state's
adjective is that state's sending ("طائرة المساعدات الكويتية", "الجسر الجوي القطري"). The airlines and charter
operators the kb lists are movers too, read in ``known_operators.py``.

Data: country names in the four languages from ``kb.countries`` (pycountry's ISO names and translations);
adjectives of nationality from ``kb.nationalities`` (English demonyms, French forms, Russian stems, Arabic
adjectives formed from the name: فرنسا → الفرنسي, السودان → السوداني).
Russian genitives are read by the name's stem (Франция → Франции), which no library here provides for all
countries.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.lexicon import ACTORS, Actor
from liftwatch.claims.named_forces import NAMED_FORCES, named_force
from liftwatch.kb._text import norm_key
from liftwatch.kb.capitals import capital_names
from liftwatch.kb.countries import countries
from liftwatch.kb.nationalities import arabic_adjectives, demonym_rows, french_adjectives, russian_stems

_EN_BRANCH = (
    r"(?:Air\s+(?:and\s+Space\s+)?Force|Air\s+Corps|Navy|Naval\s+Forces?|Army|Armed\s+Forces|"
    r"Border\s+Force|Coast\s+Guard|Marines|Marine\s+Corps|Defen[cs]e\s+Forces)\b"
)
# a branch named in a base's name is a place, not a mover ("the Royal Australian Air Force Base in Amberley")
_NOT_A_BASE = r"(?!\s+(?:Base|Station|Academy|Airfield|Air\s+Station|Headquarters)\b)"
_RU_BRANCH = (
    r"(?:ВВС|ВМС|ВМФ|ВКС|[Вв]оенно-воздушн\w+\s+сил\w*|[Вв]оенно-морск\w+\s+(?:сил\w*|флот\w*)|арми[ияюе]|"
    r"[Вв]ооруж[её]нн\w+\s+сил\w*|[Пп]ограничн\w+\s+служб\w*|[Бб]ереговой\s+охран\w*)"
)
# (a carrier "belonging to" a branch writes the branch with "ل" joined, its article's alif dropped: "طائرة تابعة
# للقوات الجوية الإيطالية"; "ل" alone may be "to" a receiving branch, so only after "تابع"); a kingdom's branch is
# "royal" before its adjective ("سلاح الجو الملكي الأردني", "القوات الجوية الملكية السعودية")
_AR_BRANCH = (
    r"(?:سلاح\s+الجو(?:\s+الملكي)?|القوات\s+الجوية(?:\s+الملكية)?|القوة\s+الجوية|القوات\s+البحرية(?:\s+الملكية)?|البحرية|الجيش|"
    r"القوات\s+المسلحة|خفر\s+السواحل|"
    r"تابع\S*\s+لل(?:قوات\s+(?:الجوية|البحرية|المسلحة)(?:\s+الملكية)?|بحرية|جيش))"
)
# "la Marine nationale du Maroc" is a branch with its state after it; "Marine royale" was measured the same way and
# left out: "la Marine royale canadienne" took the mover from a ship the text sails beside another state's destroyer
_FR_BRANCH = (
    r"(?:[Aa]rmée\s+de\s+l['’]air(?:\s+et\s+de\s+l['’]espace)?|[Aa]rmée|[Mm]arine(?:\s+nationale)?|"
    r"[Ff]orces\s+armées|"
    r"[Aa]viation\s+militaire|[Gg]arde[-\s]côtes?|[Ff]lotte)"
)
# French warships by their class noun ("bâtiment" is a warship in naval French), for a state's adjective after them
# and a branch after "de la" ("un destroyer lance-missiles de la marine américaine"), also with the words of their
# class between ("la frégate de surveillance française", "le navire-hôpital militaire chinois")
_FR_WARSHIP = (
    r"(?:frégates?|corvettes?|destroyers?|sous-marins?|porte-avions|porte-hélicoptères|croiseurs?|patrouilleurs?|"
    r"navires?\s+de\s+débarquement|navires?[-\s]hôpital|bâtiments?)"
    r"(?:\s+(?:lance-missiles|amphibies?|nucléaires?|d['’]attaque|de\s+surveillance|de\s+haute\s+mer|furtives?|militaires?))?"
)
# forces that receive, host or face the movement ("for delivery to the Central African Armed Forces", "at the
# Algerian Navy's base", "pour l'armée de l'air du Tchad", "إلى الجيش السوداني", "для армии Мали")
# a military carrier or a branch before a French adjective ("un avion militaire égyptien", "un navire de guerre
# algérien", "la marine algérienne", "l'armée de l'air française"), after a Russian one ("египетский военный
# самолёт", "суданская армия", "французские ВВС"), before an Arabic one ("طائرة عسكرية مصرية"): the carrier is
# the state's. An adjective alone ("un expert militaire égyptien", "турецкий военный эксперт") names no mover.
_FR_CARRIER = (
    r"(?:(?:avions?|appareils?|aéronefs?|avions?-cargos?|cargos?|navires?|bâtiments?|hélicoptères?)"
    r"(?:\s+(?:de\s+transport|cargo|de\s+ravitaillement|ravitailleurs?))?\s+(?:militaires?|de\s+guerre)|"
    # fighters are their state's ("deux avions de chasse français"); soldiers counted or with an article are a
    # state's troops on the move ("70 militaires français ont quitté", "les soldats français"), unlike
    # "des experts militaires français", where "militaires" qualifies a person
    r"(?:avions?|appareils?)\s+de\s+(?:combat|chasse)|(?:\d+|les|des|de|ces)\s+(?:soldats|militaires|troupes)|"
    # a warship is military by its class noun, as in English and Arabic ("la frégate française", "le
    # porte-hélicoptères français", "le patrouilleur britannique HMS Spey", "un destroyer lance-missiles italien")
    rf"{_FR_WARSHIP}|"
    rf"{_FR_BRANCH}|[Ff]orces\s+(?:aériennes|navales|spéciales)|[Aa]viation)"
)
_RU_CARRIER = (
    r"(?:военн\w+\s+(?:(?:транспортн|грузов|военно-транспортн)\w+\s+)?(?:самол[её]т\w*|борт\w*|корабл\w*|"
    r"судн\w*|транспорт\w*|авиаци\w*|вертол[её]т\w*)|ВВС|ВМС|ВМФ|ВКС|арми[ияюе]\b|флот\w*|"
    r"военно-(?:воздушн|морск)\w+\s+(?:сил\w*|флот\w*)|вооруж[её]нн\w+\s+сил\w*)"
)
# the cases a mover stands in: nominative and genitive ("египетский военный самолёт", "самолёт египетских ВВС");
# the instrumental and dative name an agent or a receiver ("снимок сделан португальскими ВВС", "египетским ВВС")
_RU_MOVER_CASE = r"ий|ый|ая|ое|ие|ые|ого|ой|их|ых"
# a French branch after a preposition is the mover only with a carrier before it ("un navire de la marine
# algérienne"); else it is whose something else is ("le commandement de la Marine algérienne") or a receiver
_FR_OF = re.compile(
    r"\b(?:de\s+la|de\s+l['’]|du|des|aux|à\s+la|à\s+l['’]|pour\s+la|pour\s+l['’]|par\s+la|par\s+l['’])\s*$", re.I
)
_FR_CARRIER_BEFORE = re.compile(
    r"(?:avions?|appareils?|aéronefs?|navires?|bâtiments?|bateaux?|cargos?|hélicoptères?|ravitailleurs?|"
    rf"{_FR_WARSHIP}|[A-Z][\w-]*\d\w*)(?:\s+[\w-]+){{0,3}}?\s+(?:de\s+la|de\s+l['’]|du|des)\s*$",
    re.I,
)
# a carrier of aid, and an air bridge, told with a state's adjective are the state's sending (rule 7): "طائرة
# المساعدات الكويتية", "طائرتي مساعدات جزائرية", "الطائرة الإغاثية السعودية", "سفينة مساعدات تركية", "الجسر الجوي القطري", "الجسر الجوي
# للمساعدات الكويتية", "طائرات لقطار جوي أمريكي". The aid's adjective alone ("المساعدات الإنسانية الروسية") is the
# goods' nationality (rule 42) and names no mover.
_AR_AID_CARRIER = (
    rf"{AR_WORD_START}(?:ال)?(?:طائر|سفين|سفن)\S*\s+(?:ال)?(?:مساعدات|إغاثة|اغاثة)"
    r"(?:\s+(?:ال)?(?:إنسانية|انسانية|طبية|غذائية))?"
    # the relief told by its adjective: "الطائرة الإغاثية السعودية", "طائرات إغاثية أردنية"
    rf"|{AR_WORD_START}(?:ال)?(?:طائر|سفين|سفن)\S*\s+(?:ال)?(?:إغاثي|اغاثي)(?:ة|ات|تان|تين)?"
    rf"|{AR_WORD_START}(?:[لبو]|لل)?(?:ال)?(?:جسر|قطار)\s+(?:ال)?جوي(?:\s+(?:لل|من\s+ال)(?:مساعدات|إغاثة))?"
)
# a plane told by its state's adjective, then said to carry aid: "طائرة قطرية ثالثة تحمل مساعدات إنسانية"
_AR_CARRYING_AID = (
    rf"{AR_WORD_END}(?=(?:\s+\S+){{0,3}}?\s+(?:تحمل|تحملان|محمل\S*|على\s+متنها)\s+(?:ال)?(?:مساعدات|إغاثة))"
)
# a carrier said to be military or naval (the broken plural of "ship" as its singular: "سفن حربية", "سفنا حربية
# صينية", "ثلاث سفن بحرية صينية"), or a bomber or fighter, military by its name ("قاذفتان أمريكيتان", "مقاتلات
# فرنسية"), also with its type between ("قاذفات بي-52 الأميركية")
_AR_CARRIER = (
    r"(?:(?:طائر\S*|سفين\S*|سفن(?:ا)?|بارج\S*|فرقاط\S*|مقاتل\S*|مروحي\S*)(?:\s+\S+)?\s+"
    r"(?:ال)?(?:عسكري|حربي|بحري)(?:ة|ان|تان)?"
    rf"|{AR_WORD_START}(?:ال)?(?:قاذف|مقاتل)(?:ة|ات|تان|تين|تا|تي)(?:\s+\S*\d\S*)?"
    # warships military by their class noun, as English "destroyers", "frigates" are: "مدمرة أمريكية", "الفرقاطة
    # الفرنسية", "غواصة صينية", "طرادات", "المدمرة الصاروخية الصينية"; and an aircraft carrier ("حاملة طائرات
    # أمريكية", after a joined preposition: "لحاملة الطائرات البريطانية")
    rf"|{AR_WORD_START}(?:ال)?(?:(?:مدمر|فرقاط|غواص|بارج)(?:ة|ات|تان|تين|تا|تي)|طراد(?:ات|ان|ين)?)"
    r"(?:\s+(?:ال)?(?:صاروخي|نووي)(?:ة|ان|تان)?)?"
    rf"|{AR_WORD_START}[لبو]?(?:ال)?حامل(?:ة|ات|تا|تي)\s+(?:ال)?طائرات"
    # a navy's fleet is the navy ("أسطول بحري صيني", "أسطول صيني", "أسطولا حربيا إيرانيا")
    rf"|{AR_WORD_START}(?:ال)?[أا]سطول(?:ا)?(?:\s+(?:ال)?(?:بحري|حربي|عسكري)(?:ا)?)?"
    rf"|{_AR_AID_CARRIER})"
)
# an English adjective before a state's military carrier ("two Chinese military aircraft", "Egyptian military
# planes", "three Chinese naval warships", "Indian warships"): rule 6's state's own military aircraft or
# warship, the shape the other languages' carriers above already read. A civil or unqualified carrier ("a
# Chinese cargo plane", "Chinese ships") stays no mover. A state's fighters and troops ("Indian troops") are its own.
_EN_CARRIER = (
    r"(?:(?:military|naval|navy|air\s+force)\s+(?:(?:transport|cargo|relief|supply|tanker|hospital)\s+)?"
    r"(?:aircraft|planes?|airplanes?|airlifters?|jets?|helicopters?|ships?|vessels?|transports?|flights?)|"
    # a warship with the words of its class ("German air defense frigate Hessen", "guided-missile destroyer")
    r"(?:naval\s+)?(?:(?:air[-\s]defen[cs]e|guided[-\s]missile|anti-submarine|stealth|multi-?mission)\s+)?"
    r"(?:warships?|frigates?|destroyers?|corvettes?|submarines?|cruisers?|landing\s+ships?)|"
    r"(?:fighter\s+jets|fighters|troops|soldiers)|"
    # a navy's formation at sea is the state's navy ("the 41st Chinese naval escort taskforce", "the Iranian naval
    # fleet", "a Turkish naval task group"), as is its navy in lower case ("the Chinese navy")
    r"(?:naval\s+)?(?:escort\s+)?(?:task\s*forces?|taskforces?|task\s+groups?|fleets?|flotillas?)|"
    r"navy(?!\s+(?:base|station|yard|port|academy)))\b"
)
# a state's name as the subject of a verb of sending ("China on Tuesday dispatched two Y-20s", "China appeared to
# have sent two more warships", "Egypt has deployed"): rule 7's state that sends. Only a few words of time or
# modality may stand between, so that "China's ambassador sent" or a list of states names no sender. French plural
# states send too ("Les États-Unis envoient", "ont dépêché"), and "acheminer" is to send by a route ("a acheminé").
# English "is sending" was measured and left out (1 right actor for 2 filled on the development corpus).
_FR_SENDS = (
    # a pronoun of place or of the receiver may come before the verb ("Washington y a acheminé", "lui a envoyé")
    r"\s+(?:(?:y|lui|leur|en)\s+)?(?:(?:a|avait|aurait|ont|avaient|auraient)\s+(?:(?:également|aussi|déjà|encore|récemment|ainsi)\s+)?"
    r"(?:envoyé|dépêché|déployé|expédié|mobilisé|affrété|rapatrié|acheminé)|"
    r"(?:envoie|dépêche|déploie|expédie|mobilise|affrète|achemine)(?:nt)?)\b"
)
_RU_SENDS = r"(?:\s+(?:уже|также|вновь|снова|ранее|в|во|\w+(?:ник|ду|цу|ту|ье|енье|ром|ером)))*\s+(?:направил|отправил|перебросил|послал)[аои]?\b"
# a verb of sending after a preposition is no subject's ("flights to China dispatched", "в Китай направили")
_PREP_BEFORE = re.compile(
    r"(?:\b(?:to|from|in|into|at|for|with|by|of|and|à|de|du|en|vers|pour|par|et|de\s+la|à\s+la)|"
    r"(?<![\w-])(?:в|во|из|на|к|с|со|для|и|от|до))\s*$",
    re.I,
)
_EN_SENDS = (
    r"(?:\s+(?:on|last|this|has|had|have|also|reportedly|again|recently|then|later|appeared|appears|seems|"
    r"seemed|to|\w+day|week|month|night|morning))*\s+(?:sent|dispatched|despatched|deployed|airlifted|flew)\b"
)
# carriers in a clause of time or condition tell a habit or a case, not who flew ("when Egyptian military aircraft
# fly over", "if Chinese warships enter"): no mover
_EN_WHENEVER = re.compile(r"\b(?:when|whenever|if|each\s+time|every\s+time|unless)\s+(?:\w+\s+){0,2}$", re.I)
_RECEIVER = re.compile(
    r"(?:\b(?:to|for|at|with|against|from)\s+(?:the\s+)?|\b(?:pour|à|contre|avec)\s+(?:l['’]|la\s+|le\s+)?|"
    r"\b(?:для|к|против|у)\s+|(?:إلى|لصالح|ضد|مع)\s+)$",
    re.I,
)
# a force named among those the movement is done "together with" ("will carry out a drill together with the frigate
# X and military aircraft of the Romanian Air Force", "вместе с", "بالتعاون مع"): a companion, not the mover; read
# over the clause before the name, as the companions' list can be long. French "aux côtés de" was measured and left
# out: there the companion is often a movement of its own ("Le Canada a fait le voyage aux côtés du USS X, un
# destroyer de la marine américaine": the United States move the destroyer)
_COMPANION = re.compile(
    r"\b(?:together\s+with|alongside|along\s+with|jointly\s+with|"
    r"вместе\s+с|совместно\s+с)\b[^.;:!?]*$|(?:بالتعاون|بالاشتراك)\s+مع\s[^.؛:!?]*$",
    re.I,
)


@cache
def state_table() -> tuple[re.Pattern[str], dict[str, str], dict[str, str], dict[str, Actor]]:
    """(one pattern for every state's forces, matched name -> ISO2, ISO2 -> the state's English name, ISO2 ->
    the hand-written mover of that state)."""
    # a state with a hand-written mover is that mover ("UK Border Force" is the United Kingdom of "RAF");
    # a country whose only movers are its factions (Libya: the LNA, the GNU) has no single state to name
    hand = {a.countries[0]: a for a in ACTORS if a.kind == "state" and len(a.countries) == 1}
    factions = {c for a in ACTORS if a.kind != "state" for c in a.countries} - set(hand)
    demonyms = demonym_rows()  # an adjective several territories share ("French") is the most populous one's
    states = set(demonyms) - factions
    key: dict[str, str] = {}
    english: dict[str, str] = {iso: a.name for iso, a in hand.items()}
    en: list[str] = []
    names: list[str] = []  # English names of states, without their adjectives (a subject that sends)
    ru: list[str] = []
    fr: list[str] = []
    by_size = {iso: i for i, iso in enumerate(demonyms)}
    for iso, country in sorted(countries().items(), key=lambda kv: by_size.get(kv[0], len(by_size))):
        if iso not in states:
            continue
        name, adjective = demonyms[iso]
        english.setdefault(iso, name)
        for form in {name, adjective, *country.english, *country.aliases}:
            if len(form) < 3 and not (form.isascii() and form.isupper()):  # "UK", "US" stay; "RF" is Cyrillic
                continue
            if re.search(r"[\u0400-\u04ff]", form):
                stem = form[:-1] if form[-1] in "аяьй" and len(form) >= 5 else form
                key.setdefault(norm_key(stem), iso)
                ru.append(re.escape(stem))
            elif re.search(r"[\u0600-\u06ff]", form):
                continue  # the Arabic adjectives are formed from these names (kb.nationalities), below
            else:  # Latin script: English names and adjectives, French (and other) names
                key.setdefault(norm_key(form), iso)
                en.append(re.escape(form))  # "UK Border Force", "French Air Force"
                if form != adjective:
                    names.append(re.escape(form))
                fr.append(re.escape(form))
    # a capital as the subject of sending is its state ("Washington has sent", "Тегеран отправил"); only there
    senders, ru_senders = list(names), list(ru)
    for form, iso in capital_names().items():
        if iso not in states or re.search(r"[\u0600-\u06ff]", form):
            continue  # the Arabic capitals are read with the Arabic senders (``claims.ar_senders``)
        if re.search(r"[\u0400-\u04ff]", form):
            form = form[:-1] if form[-1] in "аяьй" and len(form) >= 5 else form
            ru_senders.append(re.escape(form))
        else:
            senders.append(re.escape(form))
        key.setdefault(norm_key(form), iso)
    arabic = arabic_adjectives(states)  # "سلاح الجو الفرنسي", "طائرة عسكرية مصرية"
    for nisba, iso in arabic.items():
        key.setdefault(norm_key(nisba), iso)
    fr_adj, ru_adj = _adjectives(key, set(english))
    ar_set = sorted((re.escape(a) for a in arabic), key=len, reverse=True)
    alt = "|".join
    pattern = re.compile(
        rf"\b(?P<en>{alt(sorted(set(en), key=len, reverse=True))})(?:'s)?\s+{_EN_BRANCH}{_NOT_A_BASE}"
        rf"|{_RU_BRANCH}\s+(?P<ru>{alt(sorted(set(ru), key=len, reverse=True))})\w*"
        rf"|{_AR_BRANCH}\s+(?:ال)?(?P<ar>{alt(ar_set)})(?:ة|ه)?{AR_WORD_END}"
        rf"|{_FR_BRANCH}\s+(?:du|de\s+la|de\s+l['’]|des|d['’])\s*(?P<fr>{alt(sorted(set(fr), key=len, reverse=True))})\b"
        rf"|\b(?i:{_FR_CARRIER}\s+(?P<fradj>{alt(fr_adj)}))\b"
        rf"|(?<![\w-])(?i:(?P<ruadj>{alt(ru_adj)})(?:{_RU_MOVER_CASE})\s+{_RU_CARRIER})"
        rf"|{_AR_CARRIER}\s+(?:ال)?(?P<ar2>{alt(ar_set)})(?:ة|ان|تان|ين)?{AR_WORD_END}"
        rf"|{AR_WORD_START}(?:ال)?طائر\S*\s+(?:ال)?(?P<ar3>{alt(ar_set)})(?:ة|ان|تان|ين)?{_AR_CARRYING_AID}"
        rf"|\b(?P<named>{alt(NAMED_FORCES)})\b"
        rf"|\b(?P<encar>{alt(sorted(set(en), key=len, reverse=True))})\s+(?i:{_EN_CARRIER})"
        rf"|\b(?P<ensubj>{alt(sorted(set(senders), key=len, reverse=True))})(?i:{_EN_SENDS})"
        rf"|\b(?:(?:la|le|les)\s+|l['’])?(?P<frsubj>{alt(sorted(set(senders), key=len, reverse=True))})(?i:{_FR_SENDS})"
        rf"|(?<![\w-])(?P<rusubj>{alt(sorted(set(ru_senders), key=len, reverse=True))})\w*(?i:{_RU_SENDS})"
    )
    return pattern, key, english, hand


def state_mover(iso: str, words: str) -> Actor:
    """The mover of the state ``iso`` found by ``words`` in a text: its hand-written one where the lexicon has
    one, else the state by its English name (``iso`` must be a state of :func:`state_table`)."""
    _, _, english, hand = state_table()
    return hand.get(iso) or Actor(english[iso], "state", (iso,), (), re.compile(re.escape(words)))


def _adjectives(key: dict[str, str], known: set[str]) -> tuple[list[str], list[str]]:
    """French adjective forms and Russian adjective stems (``kb.nationalities``, longest first) of the states the
    English names know, each added to ``key`` (name -> ISO2) where no name took it: a country whose only movers
    are its factions (Libya) has none."""
    fr = french_adjectives(known)
    ru = russian_stems(known)
    for form, iso in (*fr.items(), *ru.items()):
        key.setdefault(norm_key(form), iso)

    def longest_first(forms: dict[str, str]) -> list[str]:
        return sorted((re.escape(f) for f in forms), key=len, reverse=True)

    return longest_first(fr), longest_first(ru)


def state_forces(text: str) -> list[tuple[int, int, Actor]]:
    """States named by their forces or services ("the French Air Force", "ВВС Алжира"), as movers."""
    return list(_state_forces(text))


#: the groups of :func:`state_table`'s pattern that name a state (one of them matched when ``named`` did not)
_STATE_GROUPS = ("en", "ru", "ar", "fr", "fradj", "ruadj", "ar2", "ar3", "encar", "ensubj", "frsubj", "rusubj")


@lru_cache(maxsize=4096)
def _state_forces(text: str) -> tuple[tuple[int, int, Actor], ...]:
    """:func:`state_forces`, kept per text: a pure function of the text (the pattern and tables are fixed), whose
    scan with the long alternation of every state's names costs tens of milliseconds, and the extractor asks it of
    the same text more than once (the article's movers, then its story actor's, then each claim's sentences). The
    answers are tuples of frozen :class:`Actor` s, so sharing them changes nothing."""
    pattern, key, _, _ = state_table()
    out = []
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if _RECEIVER.search(before) or _COMPANION.search(text[max(0, m.start() - 160) : m.start()]):
            continue
        if m.group("fradj") and _FR_OF.search(before) and not _FR_CARRIER_BEFORE.search(before):
            continue
        if (m.group("ensubj") or m.group("frsubj") or m.group("rusubj")) and _PREP_BEFORE.search(before):
            continue
        if m.group("encar") and _EN_WHENEVER.search(before):
            continue  # "even though air defence engages when Sudanese military aircraft fly over": no movement told
        named = m.group("named")
        matched = named or next(g for g in m.group(*_STATE_GROUPS) if g)
        iso = named_force(named) if named else key.get(norm_key(matched))
        if iso is None:
            continue
        actor = state_mover(iso, m.group(0))
        out.append((m.start(), m.end(), actor))
    return tuple(out)


# transports only armed forces fly (the kb files them as cargo aircraft with the civil freighters); with the kb's
# military category (fighters, bombers, tankers, military helicopters) a state's type of these is its forces'
_MILITARY_TRANSPORTS = frozenset({"C17", "C130", "C30J", "A400", "C5M", "E390", "C27J", "Y20", "Y9"})
# an English adjective or a state's possessive before the type, an ordinal or a number between ("an Indian C-17",
# "India's first C17 aircraft", "two Jordanian C-130s"); a French adjective after it ("un C-130 français")
_EN_BEFORE_TYPE = re.compile(
    r"\b(?P<state>[A-Z][\w.]*)(?:['’]s)?\s+(?:(?:first|second|third|fourth|fifth|last|latest|two|three|four|five|"
    r"six|seven|eight|nine|ten|\d+|several|more|other)\s+){0,2}$"
)
_FR_AFTER_TYPE = re.compile(r"\A(?:s|\s+[A-Z][\w-]*)?\s+(?P<state>[a-zéèêëîïôûüç]+)\b")


def military_type_states(text: str, spans: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int, Actor]]:
    """States named by their adjective or possessive next to a type only armed forces fly ("an Indian C-17",
    "India's first C17 aircraft", "un C-130 français"): rule 6's state's military aircraft, as movers.

    ``spans`` are the text's carriers as (start, end, kb type code, kb category). A civil or dual-use type with
    its nationality ("a Russian Ilyushin Il-62M", "an Egyptian Il-76") names no mover (rules 6 and 41)."""
    _, key, _, _ = state_table()
    out: list[tuple[int, int, Actor]] = []
    for a, b, code, category in spans:
        if code not in _MILITARY_TRANSPORTS and category != "military_other":
            continue
        found: list[tuple[int, int]] = []
        before = _EN_BEFORE_TYPE.search(text, max(0, a - 40), a)
        if before is not None and not _RECEIVER.search(text[max(0, before.start() - 40) : before.start()]):
            found.append((before.start("state"), before.end("state")))
        after = _FR_AFTER_TYPE.match(text[b : b + 40])
        if after is not None:
            found.append((b + after.start("state"), b + after.end("state")))
        for start, end in found:
            iso = key.get(norm_key(text[start:end]))
            if iso is None:
                continue
            actor = state_mover(iso, text[start:end])
            out.append((start, end, actor))
    return out

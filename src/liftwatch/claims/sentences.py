"""Sentence-level reading: give each place of a sentence or clause (``clauses.py`` cuts them) its role.

A place's role comes from the words just before it: a cue ("from", "out of", "left" / "to", "towards",
"bound for", "landed at" / "via", "refuelling in") followed only by filler words ("the", "its main air
base at"). A place right after another place joined by "in"/"at"/"," and broader than it is a qualifier
("Al-Khadim air base *in eastern Libya*"); joined by "and" it shares the other's role. "between X and Y"
makes X the origin and Y the destination. Rules instead of a parser because these few patterns cover how
movement reports are written, run in microseconds and need no model download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from liftwatch.claims.ar_arrivals import on_its_way
from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.cues import BETWEEN_CUE, DEST_CUES, MOVE, NOT_DEST, NOT_ORIGIN, ORIGIN_CUES, VIA_CUES
from liftwatch.claims.entered_seas import entered, is_entered, strait_told
from liftwatch.claims.filler import base_named_after_dash, fill_ok
from liftwatch.claims.from_to import french_from_to
from liftwatch.claims.list_joints import after_note
from liftwatch.claims.model import Place
from liftwatch.claims.onward_loads import onward_goal
from liftwatch.claims.places import Mention, site_country
from liftwatch.claims.possessive_places import owned_after, without_possessor
from liftwatch.claims.relation_between import relation_between
from liftwatch.claims.routes import dashed_route
from liftwatch.claims.ru_locatives import ru_locative
from liftwatch.claims.shapes import AFTER_CAPITAL, ar_arrival, capital_named_after
from liftwatch.claims.water import is_passage

_CUE_RX = {
    role: re.compile(rf"(?<![\w-])(?:[وف](?=[\u0600-\u06FF]))?(?P<cue>{'|'.join(cues)})(?=\s|(?<=['’]))", re.I)
    for role, cues in (("origin", ORIGIN_CUES), ("destination", DEST_CUES), ("via", VIA_CUES), ("between", (BETWEEN_CUE,)))
}  # fmt: skip
_COORD = re.compile(
    r"\s*(?:,|and|or|&|as\s+well\s+as|et|ou|и|или|و)\s*(?:(?:and|or|et)\s+)?(?:(?:later|then|subsequently|afterwards|also|puis)\s+)?"
    r"(?:(?:at|in|to|à|au|aux|en|в|на)\s+)?(?:the\s+|(?:le|la|les)\s+|l['’])?",
    re.I,
)
_QUAL = re.compile(
    r"\s*(?:,\s*|\(\s*|(?:[\w'’-]+\s+){0,3}?(?:in|at|near|outside|close\s+to|of|в|во|на|en|à|au|dans|près\s+de|في)\s+"
    r"(?:the\s+)?)",
    re.I,
)
_POSSESSOR = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:base|bases|facility|facilities|port|airfield|hub|naval|fleet|cent(?:er|re)|depot)\b",
    re.I,
)
_MODE = re.compile(
    r"\b(by\s+sea|by\s+ship|aboard\s+(?:a\s+|the\s+)?(?:ships?|vessels?)|by\s+boat|морем)\b"
    r"|\b(by\s+air|by\s+plane|aboard\s+(?:aircraft|planes?)|airlifted|по\s+воздуху)\b",
    re.I,
)
# an arrival at a facility whose place follows in the locative ("прибыли в пункт материально-технического
# обеспечения ВМФ России в Тартусе", "доставили на базу в Хмеймиме"): the place is the destination
_RU_TO_FACILITY = re.compile(
    r"(?:прибы\w+|пришл\w+|приш[её]л|доставил\w*|доставлен\w*|направил\w*|переброшен\w*|прилетел\w*|вошл\w+)\s+"
    r"(?:в|во|на)\s+(?:[а-яё-]+\s+){0,1}(?:пункт|баз|порт|аэродром|авиабаз|гаван|пристан)\w*\b[^.;]*$",
    re.I,
)
# entering a sea or a strait is passing through it, and a port call after a destination already stated is a
# stop on the way ("متوجهة إلى سوريا، ورست في قبرص", "bound for Tartus, she anchored off Limassol")
_ENTERED = re.compile(r"(?:enter\w*|entr\w+|вош[её]л\w*|вошл\w+|зашл\w+|заш[её]л|دخل\S*)\s+(?:\S+\s+){0,3}?$", re.I)
_WATER = re.compile(
    r"\b(?:sea|strait|straits|channel|gulf|ocean|mer|détroit|océan|golfe|мор\w+|пролив\w*|океан\w*|залив\w*)\b|"
    r"بحر|البحر|مضيق|المحيط|خليج|مياه",
    re.I,
)
_PORT_CALL = re.compile(
    r"(?:port\s+calls?|anchor\w*|moor\w*|berth\w*|put\s+in|escale|mouill\w+|якор\w+|(?:при|о)швартов\w+|"
    r"رس(?:ت|ا|و)\S*|ترسو|توقف\S*)(?:\s+\S+){0,3}?\s*$",
    re.I,
)
# verbs of landing and mooring take the locative for where the carrier arrived ("приземлились в Хмеймиме", "сел
# на аэродроме", "совершил посадку в Бамако", "пришвартовался в порту Тартуса", "встал на якорь у Тобрука"); the
# landing told in the plural or with adjectives too ("совершили посадки на авиабазах в ...", "осуществил вынужденную
# посадку в ...")
_RU_LANDED_AT = re.compile(
    r"(?:приземл\w+|сел[аи]?|(?:соверш|осуществ)\w*\s+(?:\w+\s+){0,2}?посадк[уи]|(?:при|о)швартова\w+|встал\w*\s+на\s+якорь|"
    r"бросил\w*\s+якорь|разгру[зж]\w*|выгру[зж]\w*)\s+(?:[\w-]+\s+){0,4}?(?:в|во|на|у)\s+(?:[\w-]+\s+){0,2}?$",
    re.I,
)
_RU_LEFT_AFTER = re.compile(r"\s+(?:покинул\w*|оставил\w*)\b", re.I)
# a port or airfield as the subject of receiving: "Port Sudan received the frigate", "le port de Tobrouk a
# accueilli", "порт Тартус принял", "مطار بنغازي استقبل": where the carrier arrived
_RECEIVED_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|on\s+\w+)\s+)?(?:received|welcomed|hosted)\b|\s+(?:a|ont|avait)\s+(?:accueilli|reçu)\b"
    r"|\s+(?:принял\w*|встретил\w*)\b|\s+(?:قد\s+)?(?:استقبل\S*)",
    re.I,
)

# a goal told after the place: "signalling Nampo as its destination", "with Kaliningrad indicated as its
# destination", "each ship listed an Egyptian port as its destination" (AIS reporting's declared goal, annotated as
# the destination); "no longer lists Port Said as its destination" tells none
_AS_DESTINATION = re.compile(
    r"\s*,?\s+(?:(?:is|was|are|were|has\s+been|had\s+been)\s+)?(?:\w+\s+)?"
    r"(?:(?:listed|indicated|declared|given|shown|signall?ed|displayed|named|entered)\s+)?"
    r"as\s+(?:its|her|their|the(?:\s+\w+['’]s)?)\s+(?:(?:final|declared|next|stated)\s+)?destination\b",
    re.I,
)
_NOT_BEFORE = re.compile(r"\b(?:no\s+longer|not|n['’]t|never|instead\s+of|rather\s+than)\s+(?:\w+\s+){0,3}$", re.I)


@dataclass
class Role:
    """A place mention with the role it plays in its sentence."""

    mention: Mention
    role: str | None  # origin | destination | via | None
    head: int | None = None  # index of the mention this one qualifies
    mode: str | None = None  # "sea" / "air" when the text says so just before ("by sea to Tobruk")
    possessor: bool = False  # "Russia's" in "Russia's naval facility in Tartus"
    owned_role: str | None = None  # a possessor's: the role its cue gives the place it owns ("to Syria's Tartus port")


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    roles: list[Role] = field(default_factory=list)
    continues: bool = False  # a clause cut from the sentence before (see ``clauses.py``), not a sentence of its own
    round_trip: bool = False  # a route written "X - Y - X": the movement goes there and comes back


# the other end of a route told by what links its ends: "linking X to Y", "reliant X à Y", "связывающий X с Y"
_LINK_END = re.compile(r"\s*(?:to|with|à|au|avec|с|со)\s+(?:the\s+|(?:le|la|les)\s+|l['’])?", re.I)
_WHERE_BETWEEN = re.compile(
    r"\b(?:sea|seas|waters|strait|coast|coastline|area|zone|border|located|lies|lying|drifting|anchored|somewhere"
    # what is between two parties is no route: "négociations entre Recep Tayyip Erdogan et Volodymyr Zelensky",
    # "the war between Russia and Ukraine", "переговоров между", "المحادثات بين"
    r"|talks|negotiations|meetings?|summit|agreements?|deal|accords?|war|conflict|relations|ties|tensions|dialogue"
    r"|cooperation|négociations|pourparlers|rencontres?|entretiens?|guerre|conflit|переговор\w*|встреч\w*"
    r"|соглашени\w*|войн\w*|конфликт\w*|отношени\w*|напряжённост\w*|(?:ال)?مفاوضات|(?:ال)?محادثات|لقاء|(?:ال)?اتفاق"
    r"|(?:ال)?حرب|(?:ال)?علاقات|(?:ال)?توتر|(?:ال)?قمة)\s*$",
    re.I,
)


# "left Hmeimim for Benghazi": what joins the place left to the goal, with the facility noun of a place named by
# its state's adjective ("left Iranian ports for Venezuela", ``home_bases.py``)
_LEFT_FOR = re.compile(
    r"\s*(?:(?:air\s*|naval\s+)?(?:ports?|bases?|airbases?|airfields?|harbou?rs?)\s+)?for\s+(?:the\s+)?", re.I
)


# "sank in December between Algeria and Spain", "ont été vus entre la Crète et Malte", "затонул между ...":
# where something was seen, shown or lost, not a route
_SEEN_BETWEEN = re.compile(
    r"\b(?:sank|sunk|seen|spotted|sighted|located|found|coulée?s?|coulé|vue?s?|aperçue?s?|repérée?s?|située?s?|"
    r"localisée?s?|ancrée?s?|затонул\w*|замечен\w*|находи\w+|غرقت|شوهدت|"
    # where a tracked carrier showed up on the map: "before it appeared between Malta and Libya", "réapparu entre",
    # "появился между", "قبل أن تظهر بين مالطا وليبيا"
    r"(?:re)?appear\w*|(?:ré)?apparu\w*|появи\w+|ظهر\w*|تظهر|يظهر)(?:\s+\S+){0,8}?\s*$",
    re.I,
)


# Arabic writes a preposition joined to the next word ("بمدينة", "لقاعدة"): split before a facility noun or
# the article so that the preposition is a cue word and the noun filler, as in the other languages; at the end of
# the words before a place the clitic is joined to the place's own name ("لميناء طرطوس" found whole)
_AR_PROCLITIC = re.compile(
    rf"{AR_WORD_START}((?:و|ف)?[بل])(?=ال[\u0600-\u06FF]|(?:مدينة|بلدة|مطار|قاعدة|ميناء|عاصمة){AR_WORD_END}|$)"
)

# "ل" before the article drops the article's alif ("للبحر الأحمر" is "ل" + "البحر الأحمر"); where the place's own name
# starts after the article ("بحر الأحمر", as the water reader finds it), the words before it end in "لل": the article's
# lam goes, so that "ل" ends them and is the cue ("في طريقها لل" -> "في طريقها ل")
_AR_LI_ARTICLE_END = re.compile(rf"{AR_WORD_START}((?:و|ف)?ل)ل$")


def cue_role(pre: str) -> str | None:
    """The role the words right before a place give it: the cue nearest the place followed only by filler."""
    best: tuple[int, int, str] | None = None
    pre = _AR_LI_ARTICLE_END.sub(r"\1", pre)  # "في طريقها لل" -> "في طريقها ل": the place's name starts after "لل"
    pre = _AR_PROCLITIC.sub(r"\1 ", pre)  # "ومرورا بمدينة" -> "ومرورا ب مدينة": the cue ends at the clitic
    for role, rx in _CUE_RX.items():
        for m in rx.finditer(pre):
            fill = pre[m.end() :]
            if len(base_named_after_dash(fill).split()) > 6 or not fill_ok(fill):
                continue
            if role == "destination" and (NOT_DEST.search(pre[: m.end()]) or onward_goal(pre[: m.end()])):
                continue  # "close to", "before being delivered to": no goal of the carrier
            if (
                role == "destination"
                and re.fullmatch(r"à|au", m.group(0).strip(), re.I)
                and not MOVE.search(pre[max(0, m.start() - 60) : m.start()])
            ):
                continue  # "Tandis qu'à Ouagadougou, le régime ...", "le 11 juin, à Mansila": where, not whither
            if role == "origin" and NOT_ORIGIN.search(pre[: m.end()]):
                continue
            seen = _SEEN_BETWEEN.search(pre[: m.start()])
            if seen is not None and re.search(
                r"shuttl|fly|flying|flights?|sail|travel|operat|rotation|vol", seen.group(0), re.I
            ):
                seen = None  # "seen shuttling between Hmeimim and Benghazi" is a route
            if role == "between" and (
                _WHERE_BETWEEN.search(pre[: m.start()]) or relation_between(pre[: m.start()]) or seen
            ):
                continue  # "drifting in the open sea between Spain and Algeria": where it is, not a route
            # nearest cue wins; at the same end, the longer cue ("bound for" over "for")
            key = (m.end(), m.end() - m.start())
            if best is None or key > best[:2]:
                best = (key[0], key[1], role)
    return best[2] if best else None


def _broader(a: Place, b: Place) -> bool:
    """True when ``a`` contains ``b`` (a region holding b's site, or a superset of b's sites)."""
    if a.kind == "region" and a.id is not None and a.id in b.region_ids:
        return True
    return bool(b.site_ids) and set(b.site_ids) < set(a.site_ids)


def _country_level(p: Place) -> bool:
    return p.kind == "region" and not (p.id or "").startswith("city:")


def _address(text: str, sentence: Sentence, mentions: list[Mention], i: int, prev: Role) -> bool:
    """ "Nairobi, Ethiopia, Entebbe, Uganda", "between Mombasa, Central Africa and Chad": a country or region
    right after a site and a comma is where that site is (as an address writes it, even when the writer
    got the country wrong), unless it starts a list of such areas ("to Benghazi, Sudan and Chad")."""
    men = mentions[i]
    if prev.mention.place.kind != "site" or not _country_level(men.place):
        return False
    if not re.fullmatch(r"\s*,\s*", text[prev.mention.end - sentence.start : men.start - sentence.start]):
        return False
    if i + 1 < len(mentions) and prev.role != "between":
        nxt = mentions[i + 1]
        gap = text[men.end - sentence.start : nxt.start - sentence.start]
        if _COORD.fullmatch(gap) and _country_level(nxt.place):
            return False
    return True


# a base named with its state or province after a comma, as US and British reporting write a base's address
# ("Ellsworth Air Force Base, South Dakota", "Dyess AFB, Texas"): the second name says where the base is, whatever
# the kb makes of it, whether the kb knows the base or not
_FACILITY = re.compile(r"\b(?:Air\s+Force\s+Base|Air\s+Base|AFB|Air\s+Station|Naval\s+Station|Airfield)$")
_LIST_AFTER = re.compile(r"\s*,?\s*(?:and|or)\s+[A-Z]")


def _base_address(text: str, sentence: Sentence, men: Mention, prev: Role) -> bool:
    """ "from Ellsworth Air Force Base, South Dakota": a region after a base the kb lacks and a comma qualifies it;
    so does a name the kb lacks after a base it knows ("from Barksdale Air Force Base, Louisiana": a US state is no
    kb region, and would otherwise be a second, unknown origin); unless a list goes on ("Ellsworth Air Force Base,
    Texas and Alaska" names places of their own). A US state the kb reads as a small airfield of its name ("Grissom Air
    Force Base, Indiana": Indiana County's airport) is the known base's address too, when the airfield lies in the
    base's country."""
    base, where = prev.mention.place.kind, men.place.kind
    if not (
        base == "unknown" or (base == "site" and (where == "unknown" or _same_country(prev.mention.place, men.place)))
    ):
        return False
    if not _FACILITY.search(prev.mention.place.text):
        return False
    between = text[prev.mention.end - sentence.start : men.start - sentence.start]
    if not re.fullmatch(r"\s*,\s*", between) or _FACILITY.search(men.place.text) or len(men.place.text.split()) > 2:
        return False
    return not _LIST_AFTER.match(text, men.end - sentence.start)


def _same_country(a: Place, b: Place) -> bool:
    """Whether the kb puts the sites ``a`` and ``b`` in one country (False for a site it does not hold)."""
    country = site_country(a)
    return country is not None and b.kind == "site" and country == site_country(b)


def assign_roles(sentence: Sentence, mentions: list[Mention]) -> None:
    """Give each mention in the sentence its role, qualifier head or none (see module docstring)."""
    roles: list[Role] = []
    text = sentence.text
    for i, men in enumerate(mentions):
        a = men.start - sentence.start
        prev = roles[-1] if roles else None
        prev_end = prev.mention.end - sentence.start if prev else 0
        between = text[prev_end:a]
        same = prev is not None and men.place.kind == "site" and men.place.id == prev.mention.place.id
        if (
            prev is not None
            and _QUAL.fullmatch(between)
            and (
                same
                or _broader(men.place, prev.mention.place)
                or _address(text, sentence, mentions, i, prev)
                or _base_address(text, sentence, men, prev)
            )
        ):
            head = prev.head if prev.head is not None else i - 1
            roles.append(Role(men, roles[head].role, head))
            continue
        if (
            prev is not None
            and prev.head is None
            and owned_after(text[prev.mention.start - sentence.start : prev_end], between)
            and _broader(prev.mention.place, men.place)
        ):
            # "from Libya's Benghazi": the city is the place; "to Syria's Tartus port": the cue before the
            # possessor governs the port it owns; so across a few describing words ("in Russia's Far Eastern port
            # of Vladivostok", ``possessive_places``)
            roles.append(Role(men, prev.owned_role if prev.possessor else prev.role, mode=prev.mode))
            prev.role = None
            continue
        if (
            prev is not None
            and prev.head is None
            and _broader(prev.mention.place, men.place)
            and (capital_named_after(text[: prev.mention.start - sentence.start], between))
        ):
            roles.append(Role(men, prev.role, mode=prev.mode))  # the capital is the place; the country says where
            prev.role = None
            continue
        if prev is not None and prev.role == "origin" and _LEFT_FOR.fullmatch(between):
            roles.append(Role(men, "destination"))  # "left Hmeimim for Benghazi", "left Iranian ports for X"
            continue
        if prev is not None and prev.role == "between" and _LINK_END.fullmatch(between):
            roles.append(Role(men, "destination", mode=prev.mode))  # "reliant Istanbul à Misrata"
            continue
        if prev is not None and (
            _COORD.fullmatch(after_note(between))  # "Lisbon (Portugal) and Sal": the note aside
            or ((rest := without_possessor(between)) is not None and _COORD.fullmatch(rest))
        ):  # "between the UAE and Chad's Amdjarass Airport": the owner's name between the two
            role = "destination" if prev.role == "between" else prev.role
            roles.append(Role(men, role, mode=prev.mode))
            continue
        # "heading to Russia's naval facility in Tartus": a possessor names no role; the cue is before it
        cue_from = (
            prev_end
            if prev is None or not prev.possessor
            else (roles[-2].mention.end - sentence.start if len(roles) > 1 else 0)
        )
        role = cue_role(text[max(cue_from, a - 80) : a] if prev else text[max(0, a - 80) : a])
        if role is None and (cap := AFTER_CAPITAL.search(text[max(cue_from, a - 80) : a])) is not None:
            # "прибыл в столицу Мали Бамако", "flew to the Chadian capital N'Djamena": the cue is before "capital"
            pre_cap = text[max(cue_from, a - 80) : a]
            # Russian says where-to by the case: "в столицу" goes there, "в столице" is where something is
            role = None if re.match(r"столиц[еыа]", cap.group(0), re.I) else cue_role(pre_cap[: cap.start()])
        after = text[men.end - sentence.start : men.end - sentence.start + 60]
        if role == "destination" and ru_locative(text[max(0, a - 40) : a], men):
            role = None  # "группы в Сирии", "на авиабазе": where something is, not where it goes
            if (prev is None or prev.role is None) and _RU_TO_FACILITY.search(text[max(0, a - 120) : a]):
                role = "destination"  # "прибыли в пункт обеспечения ВМФ в Тартусе": where the facility is
            elif _RU_LANDED_AT.search(text[max(0, a - 80) : a]):
                role = "destination"  # "приземлились в Хмеймиме", "встал на якорь в Тартусе": where it arrived
        elif role is None and _RU_LEFT_AFTER.match(after):
            role = "origin"  # "Сирию покинули Ил-76": Russian puts the object first
        elif role is None and _AS_DESTINATION.match(after) and not _NOT_BEFORE.search(text[max(0, a - 40) : a]):
            role = "destination"  # "signalling Nampo as its destination": the goal the carrier declares
        elif role is None and _RECEIVED_AFTER.match(after):
            role = "destination"  # "Port Sudan received the frigate": the receiving port is where it arrived
        elif role is None and (prev is None or prev.role != "destination") and ar_arrival(text, a, prev_end):
            role = "destination"
        if (
            role == "destination"
            and _ENTERED.search(text[max(0, a - 40) : a])
            and (men.source == "water" or _WATER.search(men.place.text))
        ):
            # "has entered the Aegean Sea", "вошёл в Средиземное море": a strait entered is passed; an open sea the
            # kb knows is the goal where the text tells none beyond it (rule 52)
            role = None
            if men.source == "water" and men.place.known and not is_passage(men.place):
                role, men = "destination", replace(men, place=entered(men.place))
        elif (
            role == "destination"
            and any(r.role == "destination" for r in roles)
            and _PORT_CALL.search(text[max(0, a - 60) : a])
        ):
            role = "via"  # "heading for Syria, it anchored off Cyprus": a stop on the way to the stated destination
        if (
            men.source == "water"
            and is_passage(men.place)
            and (role == "destination" or (role is None and MOVE.search(text[max(0, a - 60) : a + 80])))
        ):
            role = "via"  # "прошёл Босфор", "transited the Dardanelles": a strait is passed, not reached
        elif men.source == "water" and role == "destination" and not men.place.known:
            role = None  # "sailed into the Baltic Sea": an open sea the kb has no region for is no port of arrival
        if re.match(r"-bound\b", after):
            role = "destination"  # "a Vladivostok-bound cargo ship"
        possessor, owned = False, None
        if not re.match(r"-bound\b", after) and _POSSESSOR.match(after):
            # "Russia's naval facility in Tartus": the facility is the place, named next, and takes the cue's role
            role, possessor, owned = None, True, role
        modes = _MODE.findall(between)
        mode = ("sea" if modes[-1][0] else "air") if modes else None
        roles.append(Role(men, role, mode=mode, possessor=possessor, owned_role=owned))
    for r in roles:
        if r.role == "between":
            r.role = "origin"
        elif r.role == "destination" and is_entered(r.mention.place) and not strait_told(r, roles):
            r.role = None  # "entered the Black Sea" alone: where it went next is told elsewhere, or nowhere
    sentence.roles = roles
    french_from_to(sentence)
    dashed_route(sentence)
    on_its_way(sentence)

"""Sentence-level reading: split the text, find the places in each sentence and give each its role.

A place's role comes from the words just before it: a cue ("from", "out of", "left" / "to", "towards",
"bound for", "landed at" / "via", "refuelling in") followed only by filler words ("the", "its main air
base at"). A place right after another place joined by "in"/"at"/"," and broader than it is a qualifier
("Al-Khadim air base *in eastern Libya*"); joined by "and" it shares the other's role. "between X and Y"
makes X the origin and Y the destination. Rules instead of a parser because these few patterns cover how
movement reports are written, run in microseconds and need no model download.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from liftwatch.claims.intervals import Taken
from liftwatch.claims.lexicon import (
    ACTORS,
    BETWEEN_CUE,
    CITY_ANCHORS,
    DEST_CUES,
    FILLER,
    MOVE,
    NOT_DEST,
    NOT_ORIGIN,
    NOT_PLACES,
    ORIGIN_CUES,
    VIA_CUES,
)
from liftwatch.claims.model import Place
from liftwatch.claims.morph import ru_adjective_phrase
from liftwatch.claims.places import Gazetteer, Mention, norm_key
from liftwatch.claims.translit import has_cyrillic

_ABBREV = {
    "gen", "maj", "col", "lt", "capt", "cpt", "sgt", "mr", "mrs", "ms", "dr", "st", "no", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "e.g", "i.e", "p.m", "a.m", "vs", "approx", "adm",
}  # fmt: skip
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-ZА-ЯЁ\u0600-\u06FF0-9])")
# A second movement joined by "while" / "whereas" / "tandis que" is a claim of its own; so is each item of a
# list of movements ("these flights ... include a 6 June Skyline Airlines flight between X and Y, a New Way
# Cargo IL-76 flight to Z on 12 June"): the summary, and every "a/an ... flight" item after a comma.
_CLAUSE = re.compile(
    r",\s+(?=(?:while|whilst|whereas|tandis\s+qu|в\s+то\s+время\s+как)\b)|،?\s+(?=بينما\s)"
    r"|\s+and\s+(?=includ(?:e|es|ed|ing)\s+(?:an?|one|two|three)\s)"
    r"|,\s+(?:and\s+)?(?=(?:an?|one\s+more|another)\s+[^,.;]{0,60}?\b(?:flight|voyage|sortie|rotation)\b)",
    re.I,
)
# "A military plane that took a Russian delegation to Burkina Faso on Thursday landed in CAR on Friday": a
# relative clause telling an earlier leg, ended by the main movement verb, is a movement of its own.
_RELATIVE_LEG = re.compile(
    r"\b(?:that|which)\s+(?:had\s+)?(?:took|flew|carried|brought|ferried|transported|delivered|sailed)\b[^,;]*?"
    r"(?=\s+(?:had\s+)?(?:landed|arrived|departed|left|flew|touched\s+down|returned|took\s+off|docked|sailed)\b)",
    re.I,
)
_SAID = re.compile(r"\b(?:said|says|say|reported|showed|shows|claimed|noted|added|stated|confirmed)\s*$", re.I)
_CUE_RX = {
    role: re.compile(rf"(?<![\w-])(?:[وف](?=[\u0600-\u06FF]))?(?P<cue>{'|'.join(cues)})(?=\s)", re.I)
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
    r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:base|bases|facility|facilities|port|airfield|hub|naval|fleet)\b", re.I
)
_CANDIDATE = re.compile(
    r"\bS(?:ain)?t\.?\s+[A-Z][\w-]+"
    r"|(?:(?:al|el|ad|as|ash|az)[- ])?[A-ZА-ЯЁ][\w'’\-]*(?:[ \t]+(?:(?:al|el|de|du|di)[- ])?[A-ZА-ЯЁ][\w'’\-]*){0,3}"
    r"|(?:(?:أم|أبو|رأس|راس|عين|بئر|سيدي|بني|شرم|جبل)\s+)?[\u0621-\u064A\u0671-\u06D3]+"  # Arabic: "أم جرس", "رأس الخيمة"
)
# Arabic has no capitals: a class noun just before a word marks it as a name ("مدينة أم جرس", "مضيق البوسفور",
# "العاصمة الكينية نيروبي").
_AR_NAME_ANCHOR = re.compile(r"(?:مدينة|مضيق|مضيقي|العاصمة(?:\s+[\u0600-\u06FF]+ية)?|جزيرة|بلدة)\s+$")
_MODE = re.compile(
    r"\b(by\s+sea|by\s+ship|aboard\s+(?:a\s+|the\s+)?(?:ships?|vessels?)|by\s+boat|морем)\b"
    r"|\b(by\s+air|by\s+plane|aboard\s+(?:aircraft|planes?)|airlifted|по\s+воздуху)\b",
    re.I,
)
CONTROLLED = re.compile(
    r"\b(?P<what>bases?|air\s*bases?|airfields?|facilities|areas?|territory|territories|sites|positions|strongholds)"
    r"\s+(?:controlled|held|run|operated|used)\s+by\s+"
    r"|\b(?P<who2>[A-Z][\w-]*)[-\s](?:controlled|held)\s+(?P<what2>bases?|airfields?|areas?|territory|eastern\s+Libya)\b",
)


# Russian "в"/"на" take the locative (place where: "в Сирии", "на авиабазе") or the accusative (place to:
# "в Сирию", "на авиабазу"); only the latter is a destination. Indeclinable names ("в Бенгази") stay.
_RU_LOCATIVE = re.compile(r"(?<![\w-])(?:в|во|на)\s+(?:\w+\s+){0,2}?[А-ЯЁа-яё-]+(?:ии|е)$")
_RU_LEFT_AFTER = re.compile(r"\s+(?:покинул\w*|оставил\w*)\b", re.I)

_ADJECTIVE_BEFORE = re.compile(
    r"\s+(?:port|base|air\s*base|naval|city|capital|coast|town|airport|harbou?r|province|military|army|"
    r"government|authorities|officials?|forces|security|territory|waters|navy|state|destination|war)\b",
    re.I,
)


@dataclass
class Role:
    """A place mention with the role it plays in its sentence."""

    mention: Mention
    role: str | None  # origin | destination | via | None
    head: int | None = None  # index of the mention this one qualifies
    mode: str | None = None  # "sea" / "air" when the text says so just before ("by sea to Tobruk")
    possessor: bool = False  # "Russia's" in "Russia's naval facility in Tartus"


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    roles: list[Role] = field(default_factory=list)
    continues: bool = False  # a clause cut from the sentence before (see ``_CLAUSE``), not a sentence of its own


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; every line is at least its own sentence (headlines, datelines)."""
    return [(a, b) for a, b, _ in split_clauses(text)]


def split_clauses(text: str) -> list[tuple[int, int, bool]]:
    """Sentence and clause spans, each with whether it continues the sentence before (a clause cut)."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        s, base, pos = line.group(0), line.start(), 0
        for m in _BOUNDARY.finditer(s):
            word = re.search(r"(\S+)$", s[pos : m.start() + 1])
            w = (word.group(1) if word else "").rstrip(".!?").lower()
            if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                continue
            spans.append((base + pos, base + m.start() + 1))
            pos = m.end()
        if s[pos:].strip():
            spans.append((base + pos, base + len(s)))
    out: list[tuple[int, int, bool]] = []
    for a, b in spans:
        rel = [a + m.end() for m in _RELATIVE_LEG.finditer(text[a:b]) if not _SAID.search(text[a : a + m.start()])]
        cuts = sorted({a, *rel, *(a + m.end() for m in _CLAUSE.finditer(text[a:b])), b})
        out += [(x, y, x != a) for x, y in itertools.pairwise(cuts) if text[x:y].strip()]
    return out


# Facility and settlement nouns in any grammatical case ("из международного аэропорта Триполи", "с
# белорусского аэродрома Барановичи", "на авиабазе", "в порту"), and a lower-case Russian adjective in any
# case ("белорусского", "международного", "сирийскую"): words that describe the place named next, as
# "the", "main" and "air base" do in English. By form, not by list, so that every case and adjective counts.
_RU_FACILITY = re.compile(r"(?:аэродром|аэропорт|авиабаз|баз|порт|город|столиц|пункт|гаван|аэровокзал)[а-яё]{0,3}")
_RU_ADJECTIVE = re.compile(r"[а-яё-]{3,}(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ые|ие|ых|их)")
# French elided articles and facility nouns ("à l'aérodrome de Bamako", "sur la base d'Al-Khadim").
_FR_FILLER = re.compile(r"(?:l'|d')?(?:aérodrome|aéroport|base|port|ville|capitale|piste|tarmac)s?|d'|l'")


def _filler_word(w: str) -> bool:
    return (
        w in FILLER
        or w.endswith("'s")
        # an Arabic adjective of origin ("العاصمة الكينية نيروبي") describes the place, like "Libyan" does
        or re.fullmatch(r"ال[\u0600-\u06FF]+ية", w) is not None
        or _RU_FACILITY.fullmatch(w) is not None
        or _RU_ADJECTIVE.fullmatch(w) is not None
        or _FR_FILLER.fullmatch(w) is not None
    )


def _fill_ok(fill: str) -> bool:
    words = [w.replace("’", "'").strip(',.;:()"«»“”').lower() for w in fill.split()]
    return all(_filler_word(w) for w in words if w)


_WHERE_BETWEEN = re.compile(
    r"\b(?:sea|seas|waters|strait|coast|coastline|area|zone|border|located|lies|lying|drifting|anchored|somewhere)\s*$",
    re.I,
)


# "sank in December between Algeria and Spain", "ont été vus entre la Crète et Malte", "затонул между ...":
# where something was seen or lost, not a route
_SEEN_BETWEEN = re.compile(
    r"\b(?:sank|sunk|seen|spotted|sighted|located|found|coulée?s?|coulé|vue?s?|aperçue?s?|repérée?s?|située?s?|"
    r"localisée?s?|ancrée?s?|затонул\w*|замечен\w*|находи\w+|غرقت|شوهدت)(?:\s+\S+){0,8}?\s*$",
    re.I,
)


# Arabic writes a preposition joined to the next word ("بمدينة", "لقاعدة"): split before a facility noun or
# the article so that the preposition is a cue word and the noun filler, as in the other languages
_AR_PROCLITIC = re.compile(r"(?<![\u0600-\u06FF])((?:و|ف)?[بل])(?=ال[\u0600-\u06FF]|(?:مدينة|مطار|قاعدة|ميناء|عاصمة)(?![\u0600-\u06FF]))")


def cue_role(pre: str) -> str | None:
    """The role the words right before a place give it: the cue nearest the place followed only by filler."""
    best: tuple[int, int, str] | None = None
    pre = _AR_PROCLITIC.sub(r"\1 ", pre)  # "ومرورا بمدينة" -> "ومرورا ب مدينة": the cue ends at the clitic
    for role, rx in _CUE_RX.items():
        for m in rx.finditer(pre):
            fill = pre[m.end() :]
            if len(fill.split()) > 6 or not _fill_ok(fill):
                continue
            if role == "destination" and NOT_DEST.search(pre[: m.end()]):
                continue
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
            if role == "between" and (_WHERE_BETWEEN.search(pre[: m.start()]) or seen):
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
            and (same or _broader(men.place, prev.mention.place) or _address(text, sentence, mentions, i, prev))
        ):
            head = prev.head if prev.head is not None else i - 1
            roles.append(Role(men, roles[head].role, head))
            continue
        if (
            prev is not None
            and prev.head is None
            and re.fullmatch(r"['’]s\s+", between)
            and _broader(prev.mention.place, men.place)
        ):
            roles.append(Role(men, prev.role, mode=prev.mode))  # "from Libya's Benghazi": the city is the place
            prev.role = None
            continue
        if prev is not None and prev.role == "origin" and re.fullmatch(r"\s*for\s+(?:the\s+)?", between, re.I):
            roles.append(Role(men, "destination"))  # "left Hmeimim for Benghazi"
            continue
        if prev is not None and _COORD.fullmatch(between):
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
        after = text[men.end - sentence.start : men.end - sentence.start + 60]
        if role == "destination" and _RU_LOCATIVE.search(text[max(0, a - 40) : a] + men.place.text.split()[0]):
            role = None  # "группы в Сирии", "на авиабазе": where something is, not where it goes
        elif role is None and _RU_LEFT_AFTER.match(after):
            role = "origin"  # "Сирию покинули Ил-76": Russian puts the object first
        if re.match(r"-bound\b", after):
            role = "destination"  # "a Vladivostok-bound cargo ship"
        possessor = False
        if not re.match(r"-bound\b", after) and _POSSESSOR.match(after):
            role, possessor = None, True  # "Russia's naval facility in Tartus": the facility is the place, named next
        modes = _MODE.findall(between)
        mode = ("sea" if modes[-1][0] else "air") if modes else None
        roles.append(Role(men, role, mode=mode, possessor=possessor))
    for r in roles:
        if r.role == "between":
            r.role = "origin"
    sentence.roles = roles


def controlled_mentions(text: str, gaz: Gazetteer, when: date | None) -> list[Mention]:
    """ "bases controlled by Haftar", "LNA-held airfields" -> the sites that force controlled on the date."""
    out = []
    for m in CONTROLLED.finditer(text):
        if m.group("who2"):
            who_start, who = m.start("who2"), m.group("who2")
            end = m.end()
        else:
            who_start = m.end()
            who = re.split(r"[,.;:()]", text[m.end() : m.end() + 80])[0]
        hit = min(
            ((am.start(), am.end(), act) for act in ACTORS if (am := act.pattern.search(who))),
            key=lambda x: x[0],
            default=None,
        )
        if hit is None:
            continue
        if not m.group("who2"):
            end = who_start + hit[1]
        out.append(Mention(m.start(), end, gaz.controlled(hit[2], when, text[m.start() : end]), "controlled"))
    return out


# An administrative region named after its city ("la région de Moscou", "Московскую область"): one place,
# not the city (and not the state the city's name often stands for).
_REGION_PHRASE = re.compile(
    r"\br[ée]gion\s+(?:de\s+|d['’])[A-Z][\w-]+|(?<![\w-])[А-ЯЁ][а-яё]+(?:ая|ую|ой)\s+област(?:ь|и|ью)\b"
)


def _region_nominative(phrase: str) -> str:
    """ "Московскую область" -> "Московская область": the name as a reader would look it up."""
    m = re.fullmatch(r"([А-ЯЁ][а-яё]+)(?:ая|ую|ой)\s+област(?:ь|и|ью)", phrase)
    return f"{m.group(1)}ая область" if m else phrase


# a strait or sea after a Russian adjective ("Гибралтарский пролив", "Средиземное море"): a water body
_RU_WATER = re.compile(r"\s+(?:пролив|море|океан|залив)\w{0,3}\b", re.I)


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
        pre = text[max(0, m.start() - 80) : m.start()]
        coord = re.search(r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|or|et|ou|и|или)\s+(?:(?:le|la|les)\s+|l['’])?|\s+)$", pre)
        if coord is not None and coord.group(0).isspace() and not m.group(0).startswith("و"):
            coord = None  # a bare space joins only an Arabic "و" + name ("البوسفور والدردنيل")
        after_place = coord is not None and (m.start() - len(coord.group(0))) in ends  # "Bosaso and Berbera"
        if after_place and coord is not None and coord.group(0).strip() == "," and (m.start() - 2) not in known_ends:
            listed.add(m.start())  # "stops in Nairobi, Ethiopia, Entebbe": a list, or "Bangui, President X"
        bound = m.group(0).endswith("-bound")  # "a Vladivostok-bound cargo ship"
        if (
            cue_role(pre) in (None, "between")
            and not re.search(
                r"(?:\b(?:between|entre|между)\s+(?:the\s+|(?:le|la|les)\s+|l['’])?|\bبين\s+)$", pre, re.I
            )
            and not after_place
            and not bound
        ):
            continue
        if coord is not None and coord.group(0).isspace() and not m.group(0).startswith("وال"):
            continue  # "وتوقفت": a verb, not a second name
        if after_place and m.group(0).startswith("و") and coord is not None and coord.group(0).isspace():
            spans.append((m.start() + 1, m.end()))
            joined.add(m.start() + 1)
        elif bound:  # "A Murmansk-bound ship": the name only, without the article that capitalised it
            lead = re.match(r"(?:A|An|The)\s+", m.group(0))
            spans.append((m.start() + (lead.end() if lead else 0), m.end() - len("-bound")))
        else:
            spans.append((m.start(), m.end()))
        ends.add(
            m.end()
        )  # "N'Djamena or Um Jaras", "مضيقي البوسفور والدردنيل": a name may follow a name found this way
    regions = [(m.start(), m.end()) for m in _REGION_PHRASE.finditer(text)]
    for a, b in [*regions, *spans, *extra]:
        if not taken.free(a, b):
            continue
        phrase = _region_nominative(re.sub(r"['’]s$", "", text[a:b].strip()))
        if _ADJECTIVE_BEFORE.match(text[b : b + 30]) and re.search(r"(?:ian|ese|ish|ean|i)$", phrase):
            continue  # "the Syrian port of Tartus": a demonym, the place comes after
        words = phrase.split()
        if not phrase or phrase.lower() in NOT_PLACES or (words and words[0].lower() in NOT_PLACES):
            continue
        if has_cyrillic(phrase) and ru_adjective_phrase(phrase):
            water = _RU_WATER.match(text[b : b + 20])
            if water is None:
                continue  # "Балтийского флота", "Военно-морского флота": the adjective of a noun that is no place
            b, phrase = b + water.end(), phrase + water.group(0)  # "Гибралтарский пролив": a strait, unknown
        place = gaz.lookup(phrase)
        if any(act.pattern.fullmatch(phrase) for act in ACTORS) and not (
            norm_key(phrase) in CITY_ANCHORS or (place is not None and place.kind == "region")
        ):
            continue  # "Moscow" / "из РФ" after a cue is a place; elsewhere it stands for Russia
        if place is None and a in listed:
            continue
        if place is None:
            if re.fullmatch(r"ال[\u0600-\u06FF]+ية", phrase) and re.match(r"\s+[\u0621-\u064A]", text[b : b + 3]):
                continue  # "العاصمة الكينية نيروبي": the adjective, the name comes next
            if re.fullmatch(r"[\u0600-\u06FF]+", phrase) and not (
                a in joined or _AR_NAME_ANCHOR.search(text[max(0, a - 40) : a])
            ):
                continue  # one Arabic word after a preposition is too often not a name at all
            place = Place(phrase, "unknown", None, phrase, note="not in the knowledge base")
        out.append(Mention(a, b, place, "candidate"))
        taken.add(a, b)
        ends.add(b)
    return out

"""Who moves: the actor of a movement sentence, as opposed to who reports it or what is carried.

The mover is the actor qualifying the carrier ("Russian cargo planes", "avion cargo russe"), else the
subject before the movement verb; a company named as the carrier (an airline, a charter or shipping firm)
is an actor of its own, and a proxy named with its sponsor ("Russian private military group Wagner") is
the proxy. Actors inside a place phrase, an attribution or the load are context. Rules, because these are
a handful of reporting conventions per language that no offline parser labels.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from liftwatch.claims.airlines import airline_names, owned_by
from liftwatch.claims.ar_senders import arabic_senders
from liftwatch.claims.attribution import air_names, operators
from liftwatch.claims.cues import MOVE
from liftwatch.claims.fr_own_forces import french_forces
from liftwatch.claims.hull_marks import hull_states
from liftwatch.claims.known_movers import military_type_states, state_forces
from liftwatch.claims.known_operators import known_operators
from liftwatch.claims.lexicon import ACTOR_PARENT, ACTORS, Actor
from liftwatch.claims.merchant_flags import names_arabic_merchant_flag, names_merchant_flag
from liftwatch.claims.model import AssetRef
from liftwatch.claims.place_states import state_in_place_phrase
from liftwatch.claims.places import Mention
from liftwatch.claims.ru_place_states import state_as_place
from liftwatch.claims.sentences import Sentence

_SOURCE_AFTER = re.compile(
    r"^\W*(?:officials?|sources?|media|intelligence|diplomats?|analysts?|said|says|reported|reports|newspaper|"
    r"journal|outlets?|state\s+media|news|ministry\s+said|authorities\s+said|"
    # who watches and tells, named by nationality: "Belarusian observers found", "белорусские наблюдатели",
    # "российские СМИ", "турецкие источники": the state is the reporters', not the mover's
    r"observers?|monitors?|monitoring\s+(?:group|channel|project)s?|researchers?|investigators?|activists?|"
    r"bloggers?|journalists?|experts?|spotters?|наблюдател\w*|мониторингов\w*|СМИ|источник\w*|"
    r"журналист\w*|эксперт\w*|аналитик\w*|блогер\w*|издани\w*)\b",
    re.I,
)
# the same reporters when the adjective follows them ("des observateurs biélorusses", "مراقبون بيلاروسيون",
# "les médias russes", "مصادر تركية"): the text just before the state's name
_SOURCE_BEFORE = re.compile(
    r"(?:\bobservateurs?|\bmédias?|\bsources?|\bexperts?|\bjournalistes?|\bblogueurs?|\bmilitants?|"
    r"مراقب\w*|مصادر|مصدر|وسائل\s+(?:ال)?إعلام|الإعلام|صحف\w*|صحيفة|خبراء|ناشط\w*|مدونون|مدونين)\s+$",
    re.I,
)


# "des avions de la compagnie aérienne syrienne Cham Wings Airlines", "самолёт авиакомпании «X»", "طائرة تابعة
# لشركة X": a company named as the airline or carrier of the aircraft is who flies
_CARRIER_NOUN = re.compile(
    r"(?:\bcompagnie(?:\s+aérienne)?|\bairline|\bcarrier|\bcharter\s+(?:company|operator)|\bавиакомпани\w*|"
    r"\bперевозчик\w*|شركة(?:\s+الطيران)?|لشركة)\s+(?:[\w\u0600-\u06FF-]+\s+){0,2}[«\"“]?$",
    re.I,
)


# an operator named right after the carrier it flies, with at most an adjective and "of" between ("an Il-76 of
# Silk Way Airlines", "un vol iranien de Qeshm Fars Air", "les avions de X"): whose the carrier is, as a company's
# name before the carrier says it ("a Cham Wings A320"); a name right after the type with no "of" ("the Il-76TD X")
# is the name painted on the aircraft, its owner (rules 6 and 8)
_OPERATOR_AFTER_CARRIER = re.compile(r"[ \t]+(?:[a-zà-ÿ]+[ \t]+)?(?:of|de|du|d['’])[ \t]*(?:the[ \t]+|la[ \t]+|l['’])?")
# Arabic "operated by the company X" ("تشغّلها شركة X", "شغّلتها شركات ... من بينها شركة X")
_AR_OPERATED_BY = re.compile(r"[تي]?شغ\u0651?ل\w*\s+(?:\S+\s+){0,5}$")
# the agent of "operated by" may come with where it is based or whom it is tied to ("operated by UAE-based X")
_OPERATED_BY = re.compile(
    r"(?:associated\s+with|operated\s+by|chartered\s+from|by)\s+(?:the\s+)?(?:[\w-]+-(?:based|registered)\s+)?$", re.I
)


# a clause in Latin script (English, French): its words before the movement verb, with no Cyrillic or Arabic
_LATIN_SUBJECT_FIRST = re.compile(r"\A[^\u0400-\u04ff\u0600-\u06ff]*[A-Za-z][^\u0400-\u04ff\u0600-\u06ff]*\Z")
# the agent of a passive verb of movement ("sent by", "envoyés par l'"), or whose the carrier is, after a noun the
# verb finder also reads ("transport aircraft of the Russian Aerospace Forces", "un C-17 de l'Armée de l'Air
# américaine", "the landing of Turkish soldiers")
_AGENT_BEFORE = re.compile(
    r"\b(?:by|of|par|de|du|des|d['’])\s+(?:the\s+|l['’]|la\s+|le\s+|les\s+)?(?:[\w'’-]+\s+){0,3}$", re.I
)
# an adjective of nationality before the carriers or troops it qualifies ("a Russian transport aircraft has been
# observed", "Turkish soldiers")
_OWN_CARRIER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:aircraft|planes?|jets?|airlifters?|ships?|vessels?|warships?|soldiers|troops|forces)\b",
    re.I,
)


# a Russian adjective of a state that agrees with the cargo after it ("с грузом российской нефти", "за перевозку
# российского зерна", "танкер с российским топливом") says whose the goods are, not who carries them: a flag or a
# nationality alone names no actor (the annotation's rule 6), and goods are no carrier. "Российский грузовой самолёт"
# still qualifies its carrier and is read as before.
_CARGO_AFTER = re.compile(
    r"^\s+(?:[а-яё]+(?:ого|его|ой|ей|ом|ем|ую|юю|ый|ий|ая|яя|ое|ее|ых|их|ые|ие)\s+)?"
    r"(?:нефт(?:ь|и|ью)\b|нефтепродукт\w*|зерн(?:а|о|у|ом)\b|топлив\w*|удобрени\w*|угл(?:я|ю|ем)\b|уголь\b)",
    re.I,
)


def actor_spans(text: str) -> list[tuple[int, int, Actor]]:
    out = [(m.start(), m.end(), a) for a in ACTORS for m in a.pattern.finditer(text)]
    return sorted([*out, *state_forces(text), *french_forces(text), *arabic_senders(text)], key=lambda x: x[0])


def _operator_actor(name: str) -> Actor:
    """A company named as the carrier (an airline, a charter or shipping firm) as an actor of its own."""
    return Actor(name, "company", (), (name.lower(),), re.compile(re.escape(name)))


def _sponsor_of_reporter(actors: list[tuple[int, int, Actor]], in_source: Callable[[int, int], bool]) -> Actor | None:
    """ "“The first flight has arrived”, wrote the Africa Corps group": a force or company that reports a
    movement naming no other mover reports its own; it is the source, and the mover is the state it belongs
    to (``ACTOR_PARENT``), or no one the text names when it has none. A state reporting its own movement
    ("Russia's defence ministry said ...") stays out of this: its name is a source, and its planes are still
    found by the other rules."""
    by_name = {a.name: a for a in ACTORS}
    for s, e, actor in actors:
        parent = ACTOR_PARENT.get(actor.name)
        if in_source(s, e) and actor.kind != "state" and parent in by_name:
            return by_name[parent]
    return None


def mover(
    sent: Sentence,
    actors: list[tuple[int, int, Actor]],
    assets: list[tuple[int, int, AssetRef]],
    placed: list[Mention],
    sources: list[tuple[int, int, str]],
) -> Actor | None:
    """The actor doing the moving: the one qualifying an asset ("Russian cargo planes"), else the subject.

    Actors inside a place phrase ("bases controlled by Haftar") or inside an attribution ("US officials
    said", "U.S. Africa Command says", "selon Reuters") are context, not movers. A company named as the
    carrier ("a New Way Cargo Airlines IL-76 flight", "associated with Skyline Airlines") is the actor.
    A proxy named with its sponsor ("Russian private military group Wagner") is the more specific actor.
    """
    text = sent.text

    def in_source(a: int, b: int) -> bool:
        return any(not (b <= s or a >= e) for s, e, _ in sources)

    spans = [(s, e, code, a.category) for s, e, a in assets for code in a.type_codes]
    hulls = hull_states(text)
    actors = sorted([*actors, *military_type_states(text, spans), *hulls], key=lambda x: x[0])
    place_ends = frozenset(m.end - sent.start for m in placed)
    cands = []
    for s, e, actor in actors:
        if any(m.start <= sent.start + s < m.end for m in placed) or in_source(s, e):
            continue
        if (s, e, actor) not in hulls and any(a_s <= s and e <= a_e for a_s, a_e, a in assets if a.ship_name):
            continue  # the landing ship "Minsk", the cruiser Moskva: a ship's name, not Belarus or Russia (a hull
            # mark, "HMS" in "HMS Trent", is read on the name's span)
        if re.search(r"(?:carrying|transporting|ferrying)\s+(?:\S+\s+){0,3}$", text[:s], re.I):
            continue  # "carrying Bashar al-Assad regime's soldiers": the load, not the mover
        if re.match(r"\s+destination\b", text[e:], re.I) or _CARGO_AFTER.match(text[e:]):
            continue  # "an Egyptian destination", "с грузом российской нефти": the goods'
        if state_as_place(text, s, e):
            continue  # "в Турции", "из России", "через территорию Турции": a place, not the mover
        if state_in_place_phrase(text, s, e, place_ends):
            continue  # "aux Émirats", "في تركيا", "البوسفور التركي", "بتوقيت موسكو": a place or a clock
        if names_merchant_flag(text, s, e) or names_arabic_merchant_flag(text, s):
            continue  # "российский танкер", "سفينة شحن روسية": a merchant ship's flag (rules 6 and 8)
        if _SOURCE_AFTER.match(text[e:]) or _SOURCE_BEFORE.search(text[max(0, s - 40) : s]):
            continue
        if re.search(r"according\s+to\s+(?:\w+\s+){0,2}$", text[:s], re.I):
            continue
        cands.append((s, e, actor))
    named = airline_names(text)
    found = operators(text)
    found += [k for k in known_operators(text) if not any(k[0] < e and s < k[1] for s, e, _ in found)]
    found += [k for k in named if not any(k[0] < e and s < k[1] for s, e, _ in found)]
    by_air = [k for k in air_names(text) if not any(k[0] < e and s < k[1] for s, e, _ in found)]
    for s, e, name in sorted([*found, *by_air]):  # in the order the sentence names them
        by_noun = (s, e, name) in named  # "تابعة لشركة الطيران X": an airline's aircraft is the airline's flight
        if in_source(s, e) or (owned_by(text, s) and not by_noun):
            continue  # "registered to a company called X", "appartient à la société X": its owner (rule 8)
        if _AR_OPERATED_BY.search(text[max(0, s - 40) : s]):
            continue  # "تشغّلها شركة X": where a state sends the flight the operator is its owner (rule 9)
        qualifies = (
            by_noun
            or any(0 <= a_s - e <= 25 for a_s, _, _ in assets)
            or any(0 <= s - a_e <= 30 and _OPERATOR_AFTER_CARRIER.fullmatch(text[a_e:s]) for _, a_e, _ in assets)
            or _OPERATED_BY.search(text[:s])
            or _CARRIER_NOUN.search(text[max(0, s - 60) : s])
        )
        if qualifies:
            return _operator_actor(name)
        if (s, e, name) not in by_air:  # "Syrian Air did not announce the flight": an airline talked about
            cands.append((s, e, _operator_actor(name)))
    if not cands:
        return _sponsor_of_reporter(actors, in_source)
    chosen: tuple[int, int, Actor] | None = None
    for c in cands:  # "Russian cargo planes", "avion cargo russe", "طائرة شحن روسية"
        if c in hulls:
            continue
        if any(0 <= a_s - c[1] <= 12 for a_s, _, _ in assets) or any(0 <= c[0] - a_e <= 16 for _, a_e, _ in assets):
            chosen = c
            break
    if chosen is None:  # "HMS Trent", "le PHA Dixmude": the navy's mark on the ship, where no state qualifies it
        chosen = next((c for c in cands if c in hulls), None)
    if chosen is None:
        verb = MOVE.search(text)
        before = [c for c in cands if verb is None or c[0] < verb.start()]
        if not before and verb is not None and _LATIN_SUBJECT_FIRST.search(text[: verb.start()]):
            # English and French put the mover before the verb: one after it is its agent ("were sent by
            # Egypt", "envoyés par l'Égypte") or no mover at all ("landed in Adana after the quake struck
            # Turkey", "a atterri en Turquie"). Arabic and Russian may put the subject after the verb.
            after = [
                c
                for c in cands
                if _AGENT_BEFORE.search(text[max(0, c[0] - 40) : c[0]]) or _OWN_CARRIER.match(text[c[1] :])
            ]
            if not after:
                return None
            chosen = after[0]
        else:
            chosen = (before or cands)[0]
    for c in cands:  # "Russian private military group Wagner": the proxy, not the sponsor
        if ACTOR_PARENT.get(c[2].name) == chosen[2].name and 0 <= c[0] - chosen[1] <= 40:
            return c[2]
    return chosen[2]

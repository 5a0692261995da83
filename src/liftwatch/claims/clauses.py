"""Split a text into sentences and clauses: the units a claim is read from.

A sentence ends at ".", "!" or "?" before a capital (not after an abbreviation or an initial), and every line is
at least its own sentence (headlines, datelines). A sentence is cut further where a second movement starts: a
clause joined by "while"/"tandis que"/"بينما", an item of a list of flights, an item of a list of counted legs
("18 flights from X, eight from Y and one from Z"), the rest of a group (", the rest to the UK": ``group_parts``), a
return ("and flew back to"), a further carrier with its own verb (", and a third left Izmir"), a relative clause
telling an earlier leg, and where a new actor starts its own movement (``shapes.actor_cuts``). Rules instead of a
parser for the reason ``sentences.py`` gives.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from liftwatch.claims.ar_words import AR_WORD_END
from liftwatch.claims.assets import find_assets
from liftwatch.claims.counts import number_value
from liftwatch.claims.roster import contingents
from liftwatch.claims.shapes import actor_cuts

_ABBREV = {
    "gen", "maj", "col", "lt", "capt", "cpt", "sgt", "mr", "mrs", "ms", "dr", "st", "no", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "e.g", "i.e", "p.m", "a.m", "vs", "approx", "adm",
}  # fmt: skip
# initials in a name ("USS George H.W. Bush"): their full stops end no sentence, as a single initial's does not
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-ZА-ЯЁ\u0600-\u06FF0-9])")
# A second movement joined by "while" / "whereas" / "tandis que" is a claim of its own; so is each item of a
# list of movements ("these flights ... include a 6 June Skyline Airlines flight between X and Y, a New Way
# Cargo IL-76 flight to Z on 12 June"): the summary, and every "a/an ... flight" item after a comma.
RETURN_VERB = (
    r"(?:(?:re)?partie?s?|repartie?s?|retourn\w+|returned|flew\s+back|sailed\s+back|headed\s+back|вернул\w*|"
    r"возвратил\w*|улетел\w*\s+обратно|عاد(?:ت)?)\b"
)
# "landed in Damascus at 10:30, returning to Tehran at 5 p.m.", "departing Akrotiri for Sudan before returning with
# evacuees to Larnaca": an English participle of return after the goal is reached is the next leg (rule 2: a
# further leg after an arrival that was itself the goal), not a stop; "returning from X" tells the same leg's origin
_BACK = r"(?:returning|flying\s+back|sailing\s+back|heading\s+back)\b(?=(?:\s+[\w-]+){0,4}?\s+to\b)"
# French tells the same next leg with "avant de" and an infinitive of going back ("a effectué un vol depuis la Libye
# vers Lattaquié, avant de retourner dans la région de Moscou", "a fait escale à X avant de regagner Y"): the place
# before it was the goal (rule 2), the return a leg of its own, not the goal with the first place as a stop
BACK_FR = r"avant\s+de\s+(?:retourner|revenir|rentrer|regagner)\b"
RETURN_PARTICIPLE = rf"(?:(?:before\s+)?{_BACK}|{BACK_FR})"
# a clause the split below opened on such a participle: a movement though "returning" is no verb of motion alone
RETURN_OPENING = re.compile(rf"^\W*{RETURN_PARTICIPLE}", re.I)
_CLAUSE = re.compile(
    r",\s+(?=(?:while|whilst|whereas|tandis\s+que|в\s+то\s+время\s+как)\b|tandis\s+qu['’])|،?\s+(?=بينما\s)"
    r"|\s+and\s+(?=includ(?:e|es|ed|ing)\s+(?:an?|one|two|three)\s)"
    r"|,\s+(?:and\s+)?(?=(?:an?|one\s+more|another)\s+[^,.;]{0,60}?\b(?:flight|voyage|sortie|rotation)\b)"
    # "..., et est reparti pour Khartoum dans la nuit", "and flew back to Moscow", "а затем вернулся в": the
    # return is a leg of its own (its origin is where the first leg ended: ``return_legs.return_legs``)
    rf"|,?\s+(?=(?:and|et|а|и|ثم|و)\s*(?:(?:est|a|sont|ont|then|later|затем|потом|ثم)\s+)?{RETURN_VERB})"
    rf"|,\s+(?={RETURN_PARTICIPLE})|\s+(?=before\s+{_BACK})|\s+(?={BACK_FR})"
    # ", the rest to the UK", ", le reste vers le Royaume-Uni", ", а остальные в Катар", "، والباقي إلى قطر": the
    # rest of a group is a part of its own (``group_parts``)
    r"|,\s+(?=(?:and\s+|et\s+|а\s+|и\s+)?(?:the\s+(?:rest|remaining|others)|le\s+reste|les\s+autres|остальн)\w*\b)"
    rf"|،\s*(?=و?(?:ال)?(?:بقية|باقي){AR_WORD_END})"
    # ", and a third left Izmir", ", while another landed at", ", et un troisième a décollé de", ", а ещё один
    # вылетел из": a carrier of its own (a number, an ordinal, "another") with its own movement verb starts a
    # movement of its own
    r"|,\s+(?=(?:and|et|а|и)\s+(?:(?:a|an|the|one|two|three|four|five|un|une|deux|trois|le|la|ещё|еще)\s+)?"
    r"(?:second|third|fourth|fifth|another|other|last|more|deuxième|troisième|quatrième|autre|dernier|dernière|"
    r"второй|третий|четв[её]ртый|другой|один|одна|два|две|три)\w*\s+"
    r"(?:[\w-]+\s+){0,3}?(?:left|flew|landed|arrived|departed|took\s+off|sailed|docked|headed|"
    r"a\s+(?:décollé|atterri|quitté|rejoint)|(?:est|sont)\s+(?:arrivée?s?|partie?s?|repartie?s?)|"
    r"вылетел\w*|приземлил\w*|прибыл\w*|отправил\w*|покинул\w*)\b)",
    re.I,
)
# "18 flights from the United Kingdom, eight from Italy, two from Greece and one from Djibouti", "18 vols depuis le
# Royaume-Uni, huit depuis l'Italie", "18 рейсов из Великобритании, восемь из Италии", "18 رحلة من المملكة المتحدة،
# و8 رحلات من إيطاليا": a list of counted legs, each from (or to) a place of its own, is one movement per item.
# Cut before every item after the first: a number (or an Arabic dual noun), at most a carrier or flight noun, and
# a cue of origin or destination straight after it; the first item keeps the sentence's verb and subject.
_N_WORD = (
    r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|un|une|deux|trois|quatre|cinq|"
    r"six|sept|huit|neuf|dix|onze|douze|один|одна|одно|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)"
)
_LEG_NOUN = (
    r"(?:(?:more\s+|other\s+|autres?\s+)?(?:flights?|sorties|rotations?|voyages?|planes?|aircraft|ships?|vols?|"
    r"avions?|navires?|рейс\w*|вылет\w*|самол[её]т\w*|суд\w*|корабл\w*)\s+)?"
)
_LEG_CUE = (
    r"(?:(?:from|out\s+of|to|into|depuis|de|du|des|en\s+provenance\s+de|vers|pour|из|изо|с|со|в|во|на|"
    r"من|إلى|نحو)\s+|(?:d|en\s+provenance\s+d)['’]\s*)"
)
# the item's place: a name, capitalised after at most an article ("eight from Italy", "huit depuis l'Italie",
# "два из Греции"); "two of them", "un des avions", "deux de ses avions", "один из самолётов", "два с половиной",
# "12 to 15" are a part or a range, not a leg
_PLACE = r"(?-i:(?:the\s+|(?:le|la|les)\s+|l['’])?[\"«]?[A-ZÀ-ÖØ-ÞА-ЯЁ])"
_COUNTED_LEG = re.compile(
    rf"(?:,\s+(?:and\s+|et\s+|и\s+)?|\s+(?:and|et|и)\s+)(?={_N_WORD}\s+{_LEG_NOUN}{_LEG_CUE}{_PLACE})"
    r"|،\s*(?=و\s*(?:[\d٠-٩]{1,4}\s*)?(?:رحل\w*|طائر\w*|سفين\w*|سفن)\s+(?:\w+\s+)?(?:من|إلى|نحو)\s)",
    re.I,
)
# a clause cut this way, from its start: the item's number and its cue ("eight from Italy", "و8 رحلات من إيطاليا")
_ITEM = re.compile(
    rf"\s*(?:and\s+|et\s+|и\s+)?(?P<n>{_N_WORD})\s+{_LEG_NOUN}{_LEG_CUE}{_PLACE}"
    r"|\s*و\s*(?P<ar>[\d٠-٩]{1,4})?\s*(?P<noun>رحل\w*|طائر\w*|سفين\w*|سفن)\s+(?:\w+\s+)?(?:من|إلى|نحو)\s",
    re.I,
)


class Item(NamedTuple):
    """How an item of a list of counted legs opens: its number's words and value (0: the count reader's to read)."""

    word: str
    value: int


def counted_item(clause: str) -> Item | None:
    """How a clause cut as an item of a list of counted legs opens ("eight from Italy": ("eight", 8)), so that the
    item is read as the movement the list's verb tells, counted by its number (an Arabic dual noun by itself:
    "ورحلتين من اليونان" is two; no value when the number follows the noun, "ورحلة واحدة", for the count reader).
    None for any other clause."""
    m = _ITEM.match(clause)
    if m is None:
        return None
    word = m.group("n") or m.group("ar")
    if word is None:
        noun = m.group("noun")
        return Item(noun, 2) if noun.endswith(("تين", "تان")) else Item("", 0)
    value = number_value(word)
    return Item(word, value) if value > 0 else None


# the first item: a count, at most five words, and a cue ("18 flights from", "18 رحلة من", "41 flights loaded with
# relief assistance from": what the flights carry often stands between the count and the cue)
_COUNTED_FIRST = re.compile(rf"(?<![\w.,])(?:{_N_WORD}|[٠-٩]{{1,4}})\s+(?:[\w-]+\s+){{0,5}}?{_LEG_CUE}", re.I)


# the first item counts people ("transported 77 people from Greece, 78 from China", "440 are from Kerala, 156 from
# Tamil Nadu"): the list tells where the people come from, each item no leg of its own (a count of people is no count
# of movements, and their home is no place of the movement)
_PEOPLE_FIRST = re.compile(
    r"\b(?:people|persons|passengers|nationals|citizens|evacuees|civilians|are|were|personnes|passagers|"
    r"ressortissants|citoyens|sont)\b|(?<!\w)(?:человек|пассажир\w*|граждан\w*)(?!\w)",
    re.I,
)


def _counted_legs(text: str, a: int, b: int) -> list[int]:
    """Where the items of a list of counted legs start (see ``_COUNTED_LEG``): only when the sentence has at
    least two such items, the first one counted like the others ("18 flights from X, eight from Y") and not people
    (``_PEOPLE_FIRST``)."""
    cuts = [a + m.end() for m in _COUNTED_LEG.finditer(text[a:b])]
    first = _COUNTED_FIRST.search(text[a : cuts[0]]) if cuts else None
    if first is None or _PEOPLE_FIRST.search(first.group(0)):
        return []
    return cuts


# "A military plane that took a Russian delegation to Burkina Faso on Thursday landed in CAR on Friday": a
# relative clause telling an earlier leg, ended by the main movement verb, is a movement of its own.
_RELATIVE_LEG = re.compile(
    r"\b(?:that|which)\s+(?:had\s+)?(?:took|flew|carried|brought|ferried|transported|delivered|sailed)\b[^,;]*?"
    r"(?=\s+(?:had\s+)?(?:landed|arrived|departed|left|flew|touched\s+down|returned|took\s+off|docked|sailed)\b)",
    re.I,
)
_SAID = re.compile(r"\b(?:said|says|say|reported|showed|shows|claimed|noted|added|stated|confirmed)\s*$", re.I)


def split_clauses(text: str) -> list[tuple[int, int, bool]]:
    """Sentence and clause spans, each with whether it continues the sentence before (a clause cut)."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        s, base, pos = line.group(0), line.start(), 0
        for m in _BOUNDARY.finditer(s):
            word = re.search(r"(\S+)$", s[pos : m.start() + 1])
            raw = (word.group(1) if word else "").rstrip(".!?")
            w = raw.lower()
            if w in _ABBREV or (len(w) == 1 and w.isalpha()) or _INITIALS.fullmatch(raw):
                continue
            spans.append((base + pos, base + m.start() + 1))
            pos = m.end()
        if s[pos:].strip():
            spans.append((base + pos, base + len(s)))
    out: list[tuple[int, int, bool]] = []
    for a, b in spans:
        rel = [a + m.end() for m in _RELATIVE_LEG.finditer(text[a:b]) if not _SAID.search(text[a : a + m.start()])]
        legs = _counted_legs(text, a, b)
        if legs and contingents(text[a:b], find_assets(text[a:b])):
            legs = []  # "two C-130s of the Jordanian Air Force, one from the US, one from Egypt": a roster of states
        cuts = sorted({a, *rel, *(a + m.end() for m in _CLAUSE.finditer(text[a:b])), *actor_cuts(text, a, b), *legs, b})
        out += [(x, y, x != a) for x, y in itertools.pairwise(cuts) if text[x:y].strip()]
    return out

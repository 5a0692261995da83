"""A movement told only as a plan is no claim: "the plane is scheduled to fly back to Tehran today".

A plan not begun claims nothing flight or ship data could support (the annotation's rule 15 and 35): "is
scheduled to fly", "was due to leave Tripoli today", "plans to send", "doit décoller", "должен вылететь",
"من المقرر أن تصل", and Russian's perfective future of leaving ("отряд кораблей отправится в Гавану"). A clause is
a plan when it names one and every word of motion in it is governed by the plan:
the verb right after the plan's words, or a noun of movement ("another flight ... is scheduled for July 7").
A clause that also tells a movement made ("the plane, which landed at Hmeimim, is due to fly back") keeps its
claim. The plan's grammar is that of any language's modal or future of intention, not a report's vocabulary.

English "would" is no mark of a plan: it is as often the past of a habit ("every night the planes would land at
Hmeimim"), a practice the text claims; nor is a future told as a practice ("по сложившейся практике сегодня будет
осуществлена перевозка", rule 36). Not a plan either: a scheduled arrival ("the Novocherkassk was scheduled to arrive at Tartus"), which tells the goal
of a voyage that may be under way (rule 15 keeps that goal), nor a hedged goal ("is expected to arrive in
Tartus", a possible destination by ``hedges.HEDGE``): only a departure, a flight or a sending can be planned away.
"""

from __future__ import annotations

import re

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.cues import MOVE
from liftwatch.claims.ru_plans import expected_departure, step_before_plan

# the words of a plan, ending where the verb they govern begins
_PLAN = re.compile(
    r"\b(?:(?:is|are|was|were|been|be)\s+(?:scheduled|due|set|slated|planned)\s+to|scheduled\s+to|"
    r"plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|(?:is|are|was|were)\s+(?:going|about)\s+to|will|"
    # "could sail out", "might be heading": a possibility, not a movement told; not "could not land" (a movement
    # that failed), nor "could be seen sailing" (a movement watched)
    r"(?:could|might)(?!\s+(?:not|never|be\s+(?:seen|spotted|traced|tracked|observed|followed|heard))\b)|"
    r"(?:is|are|was|were)\s+to\s+be)\s+"
    r"|\b(?:doi(?:t|vent)|devai(?:t|ent)|devr(?:ait|aient|a|ont)|va|vont|allait|allaient|prévoi(?:t|ent)\s+d['’e]\s*|"
    r"compte(?:nt)?|envisage(?:nt)?\s+d['’e]\s*|(?:est|sont|était|étaient)\s+(?:prévue?s?|programmée?s?)\s+(?:pour\s+)?)"
    r"(?:\s+|(?<=['’]))"
    r"|(?<!\w)(?:планиру\w+|запланирован\w*|долж(?:ен|на|ны|но)|намерен\w*|собира\w+|будет|будут|предстоит)\s+"
    rf"|{AR_WORD_START}و?(?:من\s+المقرر(?:\s+أن)?|من\s+المزمع(?:\s+أن)?|سوف|(?:ي|ت)عتزم(?:\s+أن)?|(?:ي|ت)خطط\s+(?:ل|أن)|"
    rf"(?:ي|ت)نوي(?:\s+أن)?){AR_WORD_END}\s*",
    re.I,
)
# a movement told as a practice, though in the future, is one that happens (rule 36): "по сложившейся практике
# сегодня будет осуществлена перевозка", "as usual, the plane will fly to", "comme d'habitude", "كالعادة"
_PRACTICE = re.compile(
    r"\b(?:as\s+usual|as\s+(?:is\s+)?customary|routinely|regularly|every\s+(?:day|week|month)|"
    r"comme\s+d['’]habitude|comme\s+chaque|régulièrement|habituellement)\b"
    r"|(?<!\w)(?:по\s+сложившейся\s+практике|как\s+обычно|регулярно|ежедневно|еженедельно)(?!\w)"
    rf"|{AR_WORD_START}(?:كالعادة|كما\s+هي\s+العادة|بشكل\s+(?:منتظم|دوري)|يوميا|يومياً){AR_WORD_END}",
    re.I,
)
# the predicate of a plan whose subject is a noun of movement: "the flight is scheduled for July 7"
_PLANNED_FOR = re.compile(
    r"\b(?:is|are|was|were)\s+(?:scheduled|planned|slated|set|due)\s+(?:for|on|in)\b"
    r"|\b(?:est|sont|était|étaient)\s+(?:prévue?s?|programmée?s?)\b"
    r"|(?<!\w)(?:запланирован\w*|намечен\w*)(?!\w)",
    re.I,
)
# nouns of movement: the thing planned, never the movement made
_MOVE_NOUN = re.compile(
    r"(?:flights?|sorties|rotations?|(?:round[-\s])?trips?|voyages?|destinations?|crossings?|shipments?|"
    r"vols?|escale|passages?|рейс\w*|полет\w*|пол[её]т\w*|перевозк\w*|доставк\w*|رحلات|رحلة|وصول|دخول)$",
    re.I,
)
# a participle in the subject of a planned noun ("another flight carrying a similar cargo is scheduled for")
_PARTICIPLE = re.compile(r"(?:ing|ant)$", re.I)
# an arrival a plan governs tells the goal of a movement that may be under way: never a plan not begun
_ARRIVAL = re.compile(
    r"^(?:arriv\w+|reach\w*|land(?:ed|ing|s)?|dock\w*|вход\w*|прибы\w+|прибыт\w*|وصول|وصل\w*|rejoindre|atteindre)$",
    re.I,
)
# Russian tells a plan by the verb alone: the perfective future of a verb of leaving ("отряд кораблей отправится в
# Гавану", "самолёт вылетит в Москву", "вертолётоносец покинет порт"), where the imperfective present says the
# movement is under way ("направляется"). Only departures: a future arrival or delivery ("прибудет в Москву",
# "борт доставит груз") tells the goal of a carrier that may already be on its way, as ``_ARRIVAL`` keeps it.
_FUTURE_DEPARTURE = re.compile(
    r"^(?:от|на)прав(?:ит|ят)ся$|^вылет(?:ит|ят)$|^отплыв(?:[её]т|ут)$|^покин(?:ет|ут)$|^(?:у|вы)йд(?:[её]т|ут)$|"
    r"^перелет(?:ит|ят)$|^перебаз(?:ируется|ируются)$",
    re.I,
)
# at most this many words between the plan's words and the verb they govern ("will then fly", "doit ensuite
# décoller", "is scheduled to fly back")
_GAP = re.compile(r"^(?:[^\W\d]+[-'’]?\s+){0,2}$")
# a mark that ends the plan's reach
_STOP = re.compile(r"[,;:.!?()«»\"“”،؛]")


def planned(clause: str) -> bool:
    """Whether the clause tells its movement only as a plan: it names one, and every word of motion in it is
    the verb the plan governs, or a noun of movement or a participle in the subject of "is scheduled for"."""
    plans = list(_PLAN.finditer(clause))
    nominal = [p.start() for p in _PLANNED_FOR.finditer(clause)]
    moves = list(MOVE.finditer(clause))
    future = any(_FUTURE_DEPARTURE.match(m.group(0)) for m in moves)
    expected = any(expected_departure(clause, m.start(), m.end()) for m in moves)
    if (not plans and not nominal and not future and not expected) or _PRACTICE.search(clause):
        return False
    if not moves:  # nothing moves in it: no plan of a movement (a counted item, a roster is read elsewhere)
        return False
    nouns = []
    steps = []
    governed = False
    for m in moves:
        word = m.group(0)
        if _FUTURE_DEPARTURE.match(word) or expected_departure(clause, m.start(), m.end()):
            governed = True  # the verb is its own plan ("отправится в Гавану"), or "возвращение ... ожидается"
            continue
        if step_before_plan(clause, m.start()):
            steps.append(m)  # "после захода в Астрахань эскадра направится": a step the plan orders
            continue
        if any(m.end() <= p for p in nominal) and (_MOVE_NOUN.match(word) or _PARTICIPLE.search(word)):
            continue
        before = [p for p in plans if p.end() <= m.start()]
        if before and not _ARRIVAL.match(word):
            gap = clause[before[-1].end() : m.start()]
            if not _STOP.search(gap) and _GAP.match(gap):
                governed = True
                continue
        if _MOVE_NOUN.match(word) and any(m.end() <= p.start() for p in plans):
            nouns.append(m)  # "этим рейсом ... будут эвакуированы": the flight the plan's verb is done by
            continue
        return False
    # a noun of movement before the plan, or a step ordered by it, is planned only when a verb of the plan moves
    return governed or not (nouns or steps)

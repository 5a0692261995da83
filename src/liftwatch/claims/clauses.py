"""Split a text into sentences and clauses: the units a claim is read from.

A sentence ends at ".", "!" or "?" before a capital (not after an abbreviation or an initial), and every line is
at least its own sentence (headlines, datelines). A sentence is cut further where a second movement starts: a
clause joined by "while"/"tandis que"/"بينما", an item of a list of flights, a return ("and flew back to"), a
further carrier with its own verb (", and a third left Izmir"), a relative clause telling an earlier leg, and
where a new actor starts its own movement (``shapes.actor_cuts``). Rules instead of a parser for the reason
``sentences.py`` gives.
"""

from __future__ import annotations

import itertools
import re

from liftwatch.claims.shapes import actor_cuts

_ABBREV = {
    "gen", "maj", "col", "lt", "capt", "cpt", "sgt", "mr", "mrs", "ms", "dr", "st", "no", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "e.g", "i.e", "p.m", "a.m", "vs", "approx", "adm",
}  # fmt: skip
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-ZА-ЯЁ\u0600-\u06FF0-9])")
# A second movement joined by "while" / "whereas" / "tandis que" is a claim of its own; so is each item of a
# list of movements ("these flights ... include a 6 June Skyline Airlines flight between X and Y, a New Way
# Cargo IL-76 flight to Z on 12 June"): the summary, and every "a/an ... flight" item after a comma.
RETURN_VERB = (
    r"(?:(?:re)?partie?s?|repartie?s?|retourn\w+|returned|flew\s+back|sailed\s+back|headed\s+back|вернул\w*|"
    r"возвратил\w*|улетел\w*\s+обратно|عاد(?:ت)?)\b"
)
_CLAUSE = re.compile(
    r",\s+(?=(?:while|whilst|whereas|tandis\s+qu|в\s+то\s+время\s+как)\b)|،?\s+(?=بينما\s)"
    r"|\s+and\s+(?=includ(?:e|es|ed|ing)\s+(?:an?|one|two|three)\s)"
    r"|,\s+(?:and\s+)?(?=(?:an?|one\s+more|another)\s+[^,.;]{0,60}?\b(?:flight|voyage|sortie|rotation)\b)"
    # "..., et est reparti pour Khartoum dans la nuit", "and flew back to Moscow", "а затем вернулся в": the
    # return is a leg of its own (its origin is where the first leg ended: ``context.return_legs``)
    rf"|,?\s+(?=(?:and|et|а|и|ثم|و)\s*(?:(?:est|a|sont|ont|then|later|затем|потом|ثم)\s+)?{RETURN_VERB})"
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
        cuts = sorted({a, *rel, *(a + m.end() for m in _CLAUSE.finditer(text[a:b])), *actor_cuts(text, a, b), b})
        out += [(x, y, x != a) for x, y in itertools.pairwise(cuts) if text[x:y].strip()]
    return out

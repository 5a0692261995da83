"""The words that make a place a goal offered, not claimed: a hedge ("likely headed to", "возможно") or a carrier
lost or stopped on its way ("crashed", "seized", "не смог приземлиться").

Apart from ``cues.py`` (the words that make a clause a movement and give a place its role) because these words do
the opposite job: they take a role away, turning a destination into a possible one (rule 33 of the corpus).
Hand-written for the same reason as the cue lists: no parser of English, French, Russian and Arabic labels a goal
as hedged or not reached. Patterns are case-insensitive.
"""

from __future__ import annotations

import re


def _p(rx: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(rx, flags)


# Words that make a destination a possibility rather than a claimed arrival.
HEDGE = _p(
    r"\b(?:likely|believed|expected|could|(?-i:may)|might|possibl\w*|probabl\w*|presumabl\w*|suspected|options?|"
    r"destination\s+(?:unknown|unclear)|pourrai\w*|probablement|sans\s+doute|возможно|вероятно|предположительно|"
    r"может)\b|من\s+المحتمل|ربما|يرجح|"
    # a declared or presumed destination is offered, not claimed: "listed as the ship's destination", "with
    # Kaliningrad indicated as its destination", "предполагается, что", "по мнению журналистов", "supposé"
    r"\b(?:listed|indicated|declared|given|shown|signall?ed|displayed)\s+as\s+(?:its|the|her)\b|\bpresumed\b|"
    r"\bпредпола\w+|\bпо\s+мнению\b|\bякобы\b|\bsupposé\w*|\bsembl\w+|\bسيتجه|\bيعتقد|"
    # reporting's own doubt: "reportedly", "it is not known whether", "vraisemblablement", "on ignore si",
    # "по-видимому", "судя по всему" (Arabic's "من المتوقع", "يُرجّح" were measured: no right possible destination, a
    # right destination lost)
    r"\b(?:reportedly|apparently|allegedly|it\s+is\s+(?:not\s+known|unclear)\s+whether|unclear\s+whether|"
    r"vraisemblablement|apparemment|on\s+ignore(?:\s+toujours)?(?:\s+en\s+revanche)?\s+si|по-видимому|судя\s+по\s+всему)\b"
)

# What says the carrier never reached the goal told for it (rule 33 of the corpus: a goal not reached is
# offered, not claimed): lost on the way ("crashed", "shot down", "sank", "ran aground", "seized",
# "s'est écrasé", "a coulé", "arraisonné", "сбит", "затонул", "сел на мель", "терпит бедствие") or failing to land
# ("could not land", "n'a pas pu atterrir", "не смог приземлиться"), or seized on the way ("захватили"). Only a
# goal near the words counts: a sentence may tell another carrier's loss. Arabic's ("تحطمت", "غرقت", "ضبط", "تعذر
# عليها النزول") were measured and left out: on the development corpus they made no possible destination right
# and lost right destinations.
NOT_REACHED = _p(
    r"\b(?:crash(?:ed|es)?|shot\s+down|sank|sunk|sinking|ran\s+aground|run\s+aground|seized|intercepted|"
    r"(?:could\s+not|couldn['’]t|unable\s+to|failed\s+to)\s+land|"
    r"(?:s['’]est|se\s+sont)\s+écrasée?s?|abattue?s?|a\s+coulé|fait\s+naufrage|s['’]est\s+échouée?|saisie?s?|arraisonnée?s?|"
    r"(?:n['’]a|n['’]ont)\s+pas\s+pu\s+(?:atterrir|se\s+poser|accoster)|sans\s+pouvoir\s+(?:atterrir|se\s+poser)|"
    r"разбил(?:ся|ась|ись)|потерпел\w*\s+(?:крушение|бедствие)|терп(?:ит|ят)\s+бедствие|сбит\w*|затонул\w*|"
    r"сел[аи]?\s+на\s+мель|задержан\w*|не\s+смог\w*\s+(?:приземлиться|сесть|зайти|совершить\s+посадку)|"
    # Russian seizing and intercepting, as English "seized", "intercepted": "захватили партию оружия, которая
    # направлялась в", "перехватывались", "попыталась задержать ... танкер, который направлялся в"
    r"захвати\w*|захвачен\w*|перехват(?:ил|ыва)\w*|перехвачен\w*|задержа(?:ть|л|ли|ла)\b)\b"
)


def not_reached(text: str, start: int, end: int, reach: int = 100) -> bool:
    """Whether words saying the carrier never got there stand within ``reach`` characters of the place
    ``text[start:end]``, with no sentence break between: the goal is then possible, not reached."""
    for m in NOT_REACHED.finditer(text):
        if m.end() <= start:
            between = text[m.end() : start]
        elif m.start() >= end:
            between = text[end : m.start()]
        else:
            continue
        if len(between) <= reach and not re.search(r"[.;!?؟]\s", between):
            return True
    return False

"""Who *reports* a movement, as opposed to who makes it.

"U.S. Africa Command says Russia deployed fighter jets", "according to a Syrian official", "сообщает
мониторинговый проект «Беларускі Гаюн»", "selon Reuters", "بحسب ما أفاد مسؤول أمني سوري": the
attribution verb introduces a source, and the actor is the subject of the movement verb. This module
finds the source spans so the extractor lists them as ``sources`` and never takes an actor named inside
one for the mover. Also the non-state operators reporting names as the ones flying or sailing
(airlines, charter companies, a ministry's shipping firm), which the actor list does not hold.

Rules rather than a parser: attribution in news copy is a closed set of verbs and prepositions per
language, and a dependency parser for four languages would need model downloads.
"""

from __future__ import annotations

import re

from liftwatch.kb.nationalities import nationality_adjectives

_VERBS_EN = (
    r"said|says|say|reported|reports|report|claimed|claims|confirmed|confirms|told|announced|stated|noted|added|"
    r"revealed|disclosed|wrote|writes|tweeted|posted|cited|citing|alleged|alleges|observed|informs|tracked|"
    r"showed|shows|indicated|indicates|quoted"
)
# Arabic words that end a source: "citing" and "that" ("عن", "أن", "إن", "بأن"): what follows is what it says
_AR_THAT = r"(?:عن|أن|أنّ|إن|أنه|أنها|بأن|بأنه|بأنها)"
_NP = r"(?P<src>(?:[\w.’'()\-]+\s+){0,7}?[\w.’'()\-]+)"
_PATTERNS = [
    # "according to X", "citing X", "X told Reuters" handled below
    re.compile(r"\b(?:according\s+to|citing|quoting|as\s+reported\s+by|reported\s+by)\s+(?P<src>[^,.;:]{2,80})", re.I),
    # "X said/says/reported/confirmed ..." (subject before the verb, from the clause start)
    re.compile(
        rf"(?:^|[,;:“\"(]\s*|\bthat\s+|\band\s+)(?P<src>(?:[\w.’'()\-]+\s+){{0,7}}?[\w.’'()\-]+)\s+(?:has\s+|had\s+|have\s+)?"
        rf"(?:{_VERBS_EN})\b",
        re.I,
    ),
    # a named subject, an apposition between commas, then the verb ("Africa Corps, Wagner's successor in Africa,
    # confirmed ...", "Rosoboronexport, the state arms exporter, said ...")
    re.compile(
        rf"(?P<src>(?:[A-Z][\w.’'-]*\s+){{0,4}}[A-Z][\w.’'-]*),\s+[^,;:]{{2,70}},\s+(?:has\s+|had\s+)?(?:{_VERBS_EN})\b"
    ),
    # "..., said the US military command"; a quote with the verb after it and an adverbial before the source
    # ("”, wrote on Friday the X group on its Telegram account", "”, added in a statement the ministry")
    re.compile(r"\b(?:said|says|reported|told|claimed)\s+(?P<src>(?:the|a|an)\s+[^,.;:]{2,80})", re.I),
    re.compile(
        r"[”\"»]\s*,?\s*(?:for\s+(?:its|his|her|their)\s+part\s+)?(?:said|says|wrote|writes|added|announced|"
        r"declared|stated|posted|tweeted|confirmed)\s+(?:(?:on|in|late|early|this|last)\s+\w+(?:\s+\w+)?\s+)?"
        r"(?P<src>(?:the|a|an)\s+(?:(?!on\b|in\b|that\b|which\b)[\w’'-]+\s*){1,6})",
        re.I,
    ),
    # Arabic "وفقا لـ X" (according to X): the preposition is written onto the source's first word ("وفقا لمصادر
    # عسكرية", "وفقًا لوكالة رويترز"), which is part of the source
    re.compile(rf"وفق(?:ا|ًا|اً)\s+ل(?:ـ\s*)?(?P<src>[^،,.؛:\s]+(?:\s(?!{_AR_THAT}\s)[^،,.؛:\s]+){{0,4}})"),
    # Arabic: "بحسب ما أفاد X", "نقلا عن X", "قالت X", "أفادت X", "أعلنت X", "أكد X", "ذكرت X";
    # "نقلت X" reports only when "عن" (citing) follows ("نقلت وكالة رويترز عن مصدر"), else it is "transported"
    # ("نقلت روسيا أسلحة إلى ليبيا": Russia moves); the source ends before "citing" or "that" ("عن", "أن", "إن",
    # "بأن": "أفاد الموقع بأن روسيا نقلت", "قالت الوزارة إن طائرة روسية هبطت": the rest is what it says)
    re.compile(
        r"(?:بحسب(?:\s+ما\s+(?:أفاد|أفادت|ذكر|ذكرت|نقلت|نقله))?|نقلا\s+عن|نقلاً\s+عن|حسب|"
        r"(?:^|\s)(?:و)?(?:قالت|قال|أفادت|أفاد|أعلنت|أعلن|أكدت|أكد|ذكرت|ذكر|كشفت|كشف|أوضحت|أوضح|بين|بينت|"
        r"أشارت|أشار|(?:نقلت|نقل)(?=(?:\s+[^،,.؛:\s]+){1,5}?\s+عن\s)))"
        rf"\s+(?P<src>(?!{_AR_THAT}\s)[^،,.؛:\s]+"
        rf"(?:\s(?!{_AR_THAT}\s)[^،,.؛:\s]+){{0,4}})"
    ),
    # Russian: "сообщает X", "по данным X", "по словам X" (in X's words), "по сведениям X", "со ссылкой на X",
    # "заявил X", "Об этом сообщает X"
    re.compile(
        r"(?:сообщает|сообщил[аи]?|сообщили\s+в|заявил[аи]?|передает|передаёт|отмечает|отмечают|пишет|"
        r"по\s+данным|по\s+информации|по\s+словам|по\s+сведениям|со\s+ссылкой\s+на|как\s+сообщил[аи]?|"
        r"утверждает|уточнил[аи]?)\s+"
        r"(?P<src>[^,.;:]{2,80})",
        re.I,
    ),
    # French: "selon X", "d'après X", "X a rapporté/affirmé/indiqué", "rapporte X", "cité par X"
    re.compile(
        r"\b(?:selon|d['’]après|cité(?:e)?\s+par|rapporte|indique|affirme|relayées\s+par)\s+(?P<src>[^,.;:]{2,80})",
        re.I,
    ),
    # "a appris l'AFP de sources onusiennes", "dit-on de source chypriote": the sources are the noun and its words
    re.compile(r"\bde\s+(?P<src>sources?(?:\s+(?!et\b|qui\b|que\b|à\b)[^\W\d_][\w’'-]*){1,3})", re.I),
    re.compile(
        r"(?:^|[,;:\"«]\s*)(?P<src>(?:[\w.’'()\-]+\s+){0,7}?[\w.’'()\-]+)\s+a\s+"
        r"(?:rapporté|affirmé|indiqué|déclaré|précisé|annoncé|confirmé|assuré)\b",
        re.I,
    ),
    re.compile(
        r"^\s*(?P<src>[^,]{2,80}),[^,]{0,160},\s+a\s+(?:rapporté|affirmé|indiqué|déclaré|précisé|annoncé|confirmé)\b",
        re.I,
    ),  # the verb before its subject after the reported clause: "..., a fait savoir l'armée israélienne", "..., ont
    # indiqué les autorités" (French puts the source after the verb there, with its article)
    re.compile(
        r",\s+(?:a|ont|avait|avaient)\s+(?:fait\s+savoir|rapporté|affirmé|indiqué|déclaré|précisé|annoncé|confirmé|"
        r"assuré|souligné|expliqué|ajouté)\s+(?P<src>(?:l['’]|le\s|la\s|les\s|un\s|une\s|des\s)[^,.;:]{2,80})",
        re.I,
    ),
]
# A clause that *is* the movement ("Russia deployed fighter jets ... , AFRICOM says") is not a source:
# the captured subject must not itself contain a movement verb.
_MOVE_IN_SRC = re.compile(
    r"\b(?:deploy\w*|sent|flew|landed|departed|left|transferred|moved|deliver\w*|ship\w*|sail\w*|arriv\w+)\b", re.I
)


_NO_SOURCE = {"it", "is", "as", "this", "that", "there", "we", "they", "he", "she", "has", "been", "was", "also"}
# a clause opener caught with the subject ("While Russian officials have confirmed ..."): not part of the name
_LEAD = re.compile(
    r"^(?:while|whilst|although|though|as|since|when|because|but|and|however|meanwhile|moreover|yet|"
    r"alors\s+que|tandis\s+que|mais|et|cependant|однако|но|и|а|тогда\s+как)\s+",
    re.I,
)


def source_spans(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of every attribution source named in a sentence."""
    out: list[tuple[int, int, str]] = []
    for rx in _PATTERNS:
        for m in rx.finditer(sentence):
            src = _LEAD.sub("", m.group("src").strip(" \"'“”«»()"))
            if not src or _MOVE_IN_SRC.search(src) or len(src.split()) > 14:
                continue
            if all(w.lower() in _NO_SOURCE for w in src.split()):
                continue  # "It is observed that", "As noted": no one is named
            a, b = m.start("src"), m.end("src")
            if all(b <= s or a >= e for s, e, _ in out):
                out.append((a, b, src))
    return sorted(out)


_OPERATOR = re.compile(
    r"\b(?P<op>(?:[A-Z][\w-]*\s+){0,3}(?:Airlines|Airways|Air\s+Cargo|Cargo\s+Airlines|Aviation|Aviatrans|"
    r"Avia|Air(?=\s+(?:Il|An|IL|AN|plane|aircraft|flight|cargo))|Logistics|Shipping(?:\s+Company)?|"
    r"Oboronlogistika|Oboronlogistics|SC\s+South|SK[-\s]Yug|Rubystar|Ruby\s+Star|Abakan\s+Air|"
    # an airline whose name has "Air" inside it ("Fars Air Qeshm", "Air China Cargo") named before its aircraft
    r"Air\s+[A-Z][\w-]+\s+Cargo|[A-Z][\w-]+\s+Air\s+(?!Force|Forces|Command|Defen[cs]e|Base|Mobility)[A-Z][\w-]+(?=\s+(?:cargo|plane|aircraft|flights?|jet|airliner|Boeing|\d{3}\b))))\b"
    r"|\b(?P<op2>Оборонлогистик\w*|Абакан\s*Эйр|«[^»]{2,30}»\s*(?=авиакомпани))",
)


_CALENDAR_WORDS = re.compile(
    r"^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?\s+)+"
)


# the words an airline's or a shipping line's name is made of after its own: a nationality before them is its name
# ("Turkish Airlines", "Syrian Air"), before another word it is the company's flag ("Iranian Yazd Airlines")
_GENERIC_NAME_WORD = re.compile(r"(?:Airlines|Airways|Air|Cargo|Aviation|Avia|Logistics|Shipping)\b")


def _without_nationality(name: str) -> str:
    """ "an Iranian Yazd Airlines plane": the company is "Yazd Airlines", written as the text names it without the
    nationality the sentence gives it (rule 43); a nationality that is the name's own first word stays."""
    first, _, rest = name.partition(" ")
    if rest and first.lower() in nationality_adjectives() and not _GENERIC_NAME_WORD.match(rest):
        return rest
    return name


# an airline named by "Air" at either end of a capitalised name ("Pouya Air", "Qeshm Fars Air", "Air Belgium",
# "Air Koryo") wherever it stands in the sentence: "Air" is the name's last word when no capitalised word follows
# it (so not "Air Force", "Air Base", "Naval Air Squadron", "Al Jufra Air Field"), its first when no capitalised
# word or elided article stands before it (so not "Japan Air Self-Defense Force", "l'Air Ehimen", "Air Vice
# Marshal"); words that make "Air" a service, not a company's name, are left out either way
_AIR_SERVICE = (
    r"Naval|Royal|Civil|National|Military|Marine|Space|Army|Navy|Coast|Force|Forces|Base|Bases|Command|Defen[cs]e|"
    r"Mobility|Station|Corps|Marshal|Chief|Staff|Wing|Transport|Traffic|Navigation|Operations|Guard|Division|"
    r"Tasking|Vice|Reserve|Field|Squadron|Self-Defen[cs]e|Cargo|Power|Show|Ministry|Operation|Policing|Raid|Raids"
)
# (the name's words are capitalised words, not codes or descriptors: "IL-76TD Pouya Air", "UAE-based Maximus Air")
_AIR_LAST = re.compile(
    rf"\b(?!(?:{_AIR_SERVICE})\b)[A-Z][a-z][\w-]*(?:[ \t]+(?!(?:{_AIR_SERVICE})\b)[A-Z][a-z][\w-]*)?[ \t]+Air\b"
    r"(?![-’'])(?![ \t]+[A-Z\d])"
)
_AIR_FIRST = re.compile(rf"\bAir[ \t]+(?!(?:{_AIR_SERVICE})\b)[A-Z][a-z][\w-]*\b")
_WORD_BEFORE = re.compile(r"(?:[A-Z][\w-]*|\w*[’'])[ \t]*\Z")
_NOT_AN_AIRLINE_WORD = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our"})


def air_names(sentence: str) -> list[tuple[int, int, str]]:
    """Airlines named by "Air" at one end of a capitalised name ("Pouya Air", "Air Belgium"), outside the names
    :func:`operators` finds. Such a name is also written where the airline only reports or is talked about
    ("Syrian Air did not announce the flight"), so it names a mover only where the sentence ties it to the carrier
    (:func:`~liftwatch.claims.mover.mover`)."""
    taken = operators(sentence)
    out: list[tuple[int, int, str]] = []
    for rx in (_AIR_LAST, _AIR_FIRST):
        for m in rx.finditer(sentence):
            if rx is _AIR_FIRST and _WORD_BEFORE.search(sentence[: m.start()]):
                continue  # "Japan Air Self-Defense Force", "le Commandant de l'Air X": a service's name
            words = m.group(0).split()
            while words and words[0] in _NOT_AN_AIRLINE_WORD:
                words = words[1:]
            name = _without_nationality(" ".join(words))
            if len(name.split()) < 2 or any(m.start() < e and s < m.end() for s, e, _ in [*taken, *out]):
                continue
            out.append((m.start(), m.end(), name))
    return out


def operators(sentence: str) -> list[tuple[int, int, str]]:
    """Companies named as carriers: airlines, charter operators, state shipping firms."""
    out = []
    for m in _OPERATOR.finditer(sentence):
        name = (m.group("op") or m.group("op2") or "").strip()
        name = re.sub(r"^(?:The|A|An|Kyrgyz|Russian|Belarusian|Emirati)\s+", "", name)
        name = _without_nationality(name)
        name = re.sub(_CALENDAR_WORDS, "", name)  # "a 3 February Rubystar flight": the date is not the name
        if name:
            out.append((m.start(), m.end(), name))
    return out

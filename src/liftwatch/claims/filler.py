"""Which words may stand between a role cue and the place it governs ("from *its main air base at* Hmeimim",
"heading to *the Syrian coast at* Tartus", "إلى *السواحل السورية في مدينة* طرطوس").

A cue gives its role to the next place only across words that describe that place: articles, facility and
settlement nouns, adjectives of origin, and the "in"/"at" that locates a facility or a coast in its town. Any
other word (a verb, a noun that is no place) breaks the link, so "to help protect Libyan civilians" gives
nothing a role. The words are told by form where a language marks them (a Russian adjective's ending, an
Arabic adjective of origin "ال…ي/ية", an English demonym's "-an/-ese/-ish"), so that a nationality or a
coast never seen in the corpus counts as well as one that was; a short list holds the rest. Rules rather than
a parser for the reason the sentence reader gives: these few shapes are how movement reports are written.
"""

from __future__ import annotations

import re

from liftwatch.claims.cues import FILLER
from liftwatch.claims.fr_demonyms import FR_DEMONYM

# Facility and settlement nouns in any grammatical case ("из международного аэропорта Триполи", "с
# белорусского аэродрома Барановичи", "на авиабазе", "в порту"), and a lower-case Russian adjective in any
# case ("белорусского", "международного", "сирийскую"): words that describe the place named next, as
# "the", "main" and "air base" do in English. By form, not by list, so that every case and adjective counts.
_RU_FACILITY = re.compile(
    r"(?:аэродром|аэропорт|авиабаз|баз|порт|город|столиц|пункт|гаван|аэровокзал|побережь|берег|берегов)[а-яё]{0,3}"
)
# the area or part of a place a carrier went to or came from, in the forms that say whither and whence only: "прибыл
# в район Персидского залива", "вылетели из района Пальмиры", "доставил груз в южную часть Ливана" (the adjective
# before "часть" is filler by its ending). The locative forms ("в районе", "в части") say where, not whither, and stay out:
# across them the place would be read as a goal. Measured and left out: "в акваторию" (a sea entered on the way to a
# port, no goal of its own in the annotation) and "на территорию", "в воздушное пространство" (a state crossed or
# strayed into)
_RU_AREA = re.compile(r"часть|район|района|районов")
_RU_ADJECTIVE = re.compile(r"[а-яё-]{3,}(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ые|ие|ых|их)")
# French elided articles and facility nouns ("à l'aérodrome de Bamako", "sur la base d'Al-Khadim"), coasts
# ("vers les côtes syriennes à Tartous") and adjectives of nationality in -ien(ne)/-ais(e)/-ain(e)
_FR_FILLER = re.compile(
    r"(?:l'|d')?(?:aérodrome|aéroport|base|port|ville|capitale|piste|tarmac|côte|littoral|rivage|sol|territoire|attache)s?"
    r"|d'|l'|les|des"
    # the carrier's own base, as English "its"/"their" ("sont arrivés à leur base de Barksdale", "a rejoint son port
    # d'attache de Toulon")
    r"|sa|son|ses|leur|leurs"
    # a state's waters and airspace ("dans les eaux territoriales vénézuéliennes", "dans l'espace aérien libyen")
    r"|eaux|territoriales|(?:l')?espace"
    r"|[a-zé]{3,}(?:ienne|ien|iennes|iens|aise|ais|aises|aine|ain|aines|ains|ane|anes)"
    # what kind of place it is, in any gender and number ("la ville portuaire syrienne de Tartous", "la base
    # aérienne de", "le port militaire de", "la cité côtière de")
    r"|(?:portuaire|maritime|militaire|navale?|aérien(?:ne)?|côti(?:er|ère)|internationa(?:le?|ux))s?|navals|cité"
)
# English: a coast, shore or shoreline is where a place lies ("to the Syrian coast at Tartus"), a demonym
# ("Libyan", "Venezuelan", "Sudanese", "West African") describes the place named next, and so do the words that
# say how a country stands, by their form: a noun joined to the participle of what befell it ("from war-torn
# Sudan", "to quake-hit Turkey", "into the conflict-ridden", "oil-rich", "war-ravaged") and the adjectives of a
# neighbour or a troubled state ("from neighbouring Chad", "to landlocked Mali", "into embattled Gaza")
_EN_FILLER = re.compile(
    r"coasts?|coastline|shores?|shoreline|[a-z]{3,}(?:an|ese|ish)"
    r"|[a-z]{3,}-(?:torn|ravaged|stricken|hit|ridden|wracked|racked|battered|affected|plagued|rich|held|controlled)"
    r"|neighbou?ring|landlocked|embattled|troubled|besieged|restive|nearby|mainland|soil|territory"
)
# Arabic: an adjective of origin with the article ("السوري", "الفنزويلية", "الروسيتين"), a coast or shore
# ("الساحل", "السواحل", "الشواطئ"), a base, port, city, province or countryside with or without the article
# (cities, bases and airports also in the dual and plural), an indefinite "military/air/naval/international"
# ("قاعدة عسكرية في ريف محافظة اللاذقية"), the fleet a base belongs to ("لقاعدة الأسطول الروسي في ميناء طرطوس")
# and "في" or "ب" (split off its noun), which locate a facility in its town ("في قاعدة ببلدة الشدادي")
_AR_FILLER = re.compile(
    r"ال[\u0600-\u06FF]{2,}(?:ي|ية|يين|يتين|يان)"
    r"|(?:ال)?(?:ساحل|سواحل|شاطئ|شواطئ|قاعدة|ميناء|مطار|مدينة|بلدة|عاصمة|أسطول|مرفأ|ريف|محافظة|منطقة|ضواحي)|في|ب"
    # the same nouns in the dual and plural, before the places they count ("إلى مدينتي طرابلس ومصراتة", "من
    # قواعد عسكرية في ألمانيا")
    r"|(?:ال)?(?:مدينتي|مدينتا|مدن|مطاري|مطارات|قاعدتي|قاعدتا|قواعد)"
    r"|(?:عسكري|جوي|بحري|دولي)(?:ة)?"
    # a gulf's noun, which the water reader leaves out of the name it keeps ("إلى خليج عدن": the place found is "عدن",
    # the Gulf of Aden), as the other languages' readers keep "the Gulf of" and "le golfe d'" in theirs
    r"|(?:ال)?خليج"
)


# English words the demonym endings above would take for an adjective of origin: verbs after an infinitive's
# "to" ("this move aims to maintain Russia's influence" moves nothing to Russia) and a few others.
_NOT_DESCRIBING = frozenset({
    "maintain", "sustain", "retain", "obtain", "contain", "attain", "entertain", "detain", "pertain", "remain",
    "explain", "complain", "regain", "constrain", "restrain", "refrain", "ascertain", "abstain", "began", "clean",
    "again", "certain", "captain",
})  # fmt: skip


def filler_word(w: str) -> bool:
    """True for a word that may stand between a cue and its place (lower-cased, punctuation stripped)."""
    if w in _NOT_DESCRIBING:
        return False
    return (
        w in FILLER
        or w.endswith("'s")
        or _RU_FACILITY.fullmatch(w) is not None
        or _RU_AREA.fullmatch(w) is not None
        or _RU_ADJECTIVE.fullmatch(w) is not None
        or _FR_FILLER.fullmatch(w) is not None
        or FR_DEMONYM.fullmatch(w) is not None
        or _EN_FILLER.fullmatch(w) is not None
        or _AR_FILLER.fullmatch(w) is not None
    )


_MONTHS = (
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
_WEEKDAY = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:matin|soir|après-midi|morning|afternoon|evening|night))?"
)
_DAY_MONTH = (
    rf"(?:\d{{1,2}}(?:er|st|nd|rd|th)?\s+(?:{_MONTHS})\b\.?|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))"
)
# A date told between the verb and the place it governs, as French and English reporting write it ("a quitté le 7
# janvier N'Djamena", "sont partis mardi soir de", "left on Tuesday, 4 March, for", "took off on 12 June at 14h30
# from"): the date says when, the cue still governs the place after it.
_DATE_IN_FILL = re.compile(
    rf"(?<![\w-])(?:(?:on|le|ce|this|last|early|late|dans\s+la\s+nuit\s+du)\s+)?"
    rf"(?:{_WEEKDAY}\s*,?\s*(?:(?:le\s+)?{_DAY_MONTH})?|{_DAY_MONTH})"
    rf"(?:,?\s+\d{{4}})?(?:\s+(?:à|at|vers|around)\s+\d{{1,2}}\s*(?:h|:)\s*\d{{0,2}})?,?(?![\w-])",
    re.I,
)


# a port's quay, with its number, before the port or the town it belongs to ("au quai n°9 du port d'Alger", "a
# accosté au quai de Port-Soudan", "sur les quais de Dakar"): it says where in the port, as "port" does; a quay told
# by an adjective ("le quai toulonnais") names no place after it
_QUAY = re.compile(r"\bquais?(?:\s+n[°o]\s*\d+)?(?=\s+(?:de|du|des|d['’]))", re.I)
# the sea a port lies on, before the port's noun ("in the Black Sea port of Odessa", "in the sea port of Constanta"):
# it describes the port, as "military" or "Syrian" do
_SEA_BEFORE_PORT = re.compile(r"(?:\b[A-Z][a-z]+\s+Sea|\bsea)\s*(?=(?:naval\s+)?(?:port|harbou?r)\s+(?:city\s+)?of\b)")

# a fleet's base named after a dash, as navies' own reports write a ship's return home ("прибыл в главную базу
# Северного флота – Североморск", "прибывает в родную базу – порт Владивосток", "will enter the main base of the
# Black Sea Fleet - the hero city of Sevastopol"): the dash opens the base's name, so the words before it describe the
# place after it as "the main base at" does; the fleet's name in the genitive belongs to the base
_BASE_DASH = re.compile(
    r"(?:\bbase(?:\s+of\s+the\s+(?:[A-Z][\w-]*\s+){1,3}Fleet)?|(?<![\w-])баз[а-яё]{0,3}(?:\s+[А-ЯЁ][а-яё]+\s+флота)?)"
    r"\s+[–—-]\s+(?:the\s+)?(?:hero\s+city\s+of|город(?:-герой)?|порт)?",
)


def base_named_after_dash(fill: str) -> str:
    """``fill`` with a fleet's base named after a dash read as the base alone ("the main base of the Black Sea
    Fleet - the hero city of" -> "the main base"), so that it counts as few words as "the main base at"."""
    return _BASE_DASH.sub(" base ", fill)


def fill_ok(fill: str) -> bool:
    """True when every word between a cue and a place is filler (see ``filler_word``), a date, the sea before a
    port's noun aside, a port's quay read as its port, and a base named after a dash read as the base."""
    fill = _QUAY.sub("port", _SEA_BEFORE_PORT.sub(" ", _DATE_IN_FILL.sub(" ", fill)))
    fill = base_named_after_dash(fill)
    words = [w.replace("’", "'").strip(',.;:()"«»“”').lower() for w in fill.split()]
    return all(filler_word(w) for w in words if w)

"""The forms of the verbs of motion that ``cues.MOVE`` left out, completed from each language's paradigm.

``cues.MOVE`` lists the verbs of motion by the forms reporting used most when each was added; a form it lacks makes
its clause no movement at all, whatever the places in it. Here the missing forms are added by the way the language
builds them rather than the one form a text showed: the Russian verbs of carrying by prefix and root ("вывезли",
"вывозили", "ввозят", "привезли", "завезли", "подвозят", "довезти", "увезли"), and the Arabic future and purpose
particles on "return" and "head" ("ستعود", "لتعود", "سيتجه", "لتتجه"), which the bare forms' boundary kept out; the
English present and bare forms of verbs whose past the list has ("planes land in", "take off", "taking off from",
"proceeded through", "its return to"), the noun of an airlift in the languages other than English, which had "air bridge" ("pont aérien",
"воздушный мост", "جسر جوي"), French "entrer" and a heading told with no verb ("Direction : la France"), Arabic nouns of movement whose "ة" turns to "ت" before a pronoun
("رحلتها", "عودتها"), and the Arabic masculine past of "anchor" written with its final alif maqsura ("رسى").

Measured and left out (on the development corpus each added more wrong fields than right ones): a noun of
movement with its carrier and the place after it ("the arrival of two Il-76s at Benina", "l'atterrissage en Iran",
"прибытие кораблей в Тартусе", "إرسال ... في", "وجهتها الشرق الأوسط"), English "travel", "cruising", "steaming",
French "expédier", "aller", "rentrer", the Arabic present of "arrive" ("تصل", "ستصل": often a forecast), "move" and
"travel" ("تحرك", "تسافر"), a visit opening a claim with no verb of motion, and Arabic vowel marks moved out of the
words they break ("حطّت"), French "dérouté" (a ship turned to another goal), "a relié X à Y" (a flight told by the
two ends it linked), Arabic "بسحب"/"لسحب" (the noun of a withdrawal after a preposition), English "escorting ...
through" and "replenishment at"; see ``docs/claim-rounds.md``.
"""

from __future__ import annotations

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START

# a heading told with no verb, the goal after a colon ("Direction : la France"): a movement word (below) and a
# cue of the destination; capitalised, as it opens its sentence ("a changé de direction : il ..." is no heading)
HEADING_COLON = r"(?-i:Direction)\s*:"
# an aircraft on the tarmac of an airfield went there, as "spotted at" or "parked at" says in English ("s'est
# immobilisé sur le tarmac de l'aéroport de Bamako", "ils réapparaissent sur le tarmac de l'aéroport d'Amdjarass"):
# a movement word (below) and a cue of the destination
ON_TARMAC = r"sur\s+le\s+tarmac\s+(?:de|du|des|d['’])"

MORE_MOVES = (
    # Arabic: a future or purpose particle before the present of "return" and "head"
    rf"{AR_WORD_START}[وف]?(?:ل|ب|س)(?:[يت]عود(?:ون|ان)?|[يت]تجه(?:ون|ان)?){AR_WORD_END}|"
    # Russian: the verbs of carrying, prefix + "вез"/"воз" (not "воздух", "возраст", "возможно", "возглавил")
    r"\b(?:вы|в|при|за|от|до|под|у|с)(?:вез|воз)(?!дух|раст|мож|глав|ник|ведени|вра)\w*|"
    # Russian: the participles and gerunds of leaving, putting in, delivering and following, which describe the
    # carrier as the clause's noun ("корабль, вышедший из порта Новороссийска", "зашедшее в Сфакс судно",
    # "самолет, доставивший помощь в Сирию", "покинув Тартус", "судно, следовавшее в Камерун"); not "ушедший",
    # "вошедший", "пришедший", "прошедший": "ушедший год", "вошедший в состав", "пришедший к власти", "в
    # прошедшие выходные" are no movements
    r"\b(?:вы|за)шедш\w*|\bвышед\b|\b(?:доставивш|покинувш)\w*|\b(?:доставив|покинув)\b|"
    r"\b(?:про)?следова(?:вш\w*|л\w*)\s+(?:в|во|на|из|через|к|дальше)\b|"
    # English: an escort told with the goal it took the escorted ship to ("launched a jet to escort the vessel to
    # the port of Primorsk", "two corvettes escorted the cargo ship to Tartus"): the escort went there too, so the
    # clause is a movement; an escort with no goal ("escorted the convoy through the strait") or a purpose ("escorted
    # the ships to protect them") stays out
    r"\bescort(?:ed|ing|s)?\s+(?:[\w'’-]+\s+){1,6}?to\s+(?:the\s+(?:port|harbou?r|naval\s+base|base|airport|coast)\b|(?-i:[A-Z]))|"
    # English: the present and bare forms of verbs whose past the list has, told with the preposition that makes them
    # verbs of motion: "land" after a plural carrier ("Two cargo planes land in Sirte", "Il-76s land at Benina"; after
    # an adjective or "to" it is the noun or a purpose: "coastal land in exchange", "to land in turn"), "will take off
    # for Tripoli" and the participle "taking off from Souda Bay" (whose origin cue the list has), "proceeded
    # through the Mogilev region to Russia", and the noun of a return with its possessor ("upon its return to the
    # Turkish Straits"; the verb "returning to" mostly tells a plan's last leg)
    r"(?:\b[\w-]*\d[\w-]*|\b\w+s)\s+land\s+(?:in|at)\b|\b(?:takes?|taking)\s+off\b|"
    r"\bproceed(?:s|ed|ing)?\s+(?:to|through|towards?)\b|\b(?:its|their|her|his)\s+return\s+(?:to|from)\b|"
    # the noun of an airlift, as English "air bridge" is read already: "un pont aérien vers le Soudan", "воздушный
    # мост", "جسر جوي", "جسرها الجوي إلى ليبيا" (with its article, prepositions and pronoun)
    r"\bponts?\s+a[ée]riens?\b|\bвоздушн\w+\s+мост\w*|"
    rf"{AR_WORD_START}[وفبل]?(?:ال|لل)?جسر\S*\s+(?:ال)?جوي\S*|"
    # French: the infinitive of "entrer", whose other forms the list has ("les premiers à entrer dans le port de")
    r"\bentrer\b|"
    # French: a heading told with no verb, the goal after a colon ("Deux Mirage ont décollé à 13h15. Direction :
    # la France."); the idioms with a verb ("a mis le cap sur", "a pris la direction de") stay out
    rf"\b{HEADING_COLON}|\b{ON_TARMAC}|"
    # Arabic: a noun of movement ending in ta marbuta keeps its "ت" before a pronoun ("رحلة" → "رحلتها", "عودة" →
    # "عودتها"): "واصلت الطائرة رحلتها إلى هافانا"
    rf"{AR_WORD_START}[وفبل]?(?:ال)?(?:رحلت|عودت)(?:ها|هما|هم|ه){AR_WORD_END}|"
    # Arabic: the masculine past of "anchor" written with its final alif maqsura ("رسى الطراد بميناء الجزائر"), as
    # "رسا" is read already
    rf"{AR_WORD_START}[وف]?رسى{AR_WORD_END}"
)

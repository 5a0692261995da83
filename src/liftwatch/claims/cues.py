"""The words that make a clause a movement and give a place its role: movement verbs and role cues.

Hand-written for the same reason as ``lexicon.py``: which words of English, French, Russian and Arabic
reporting say "flew from", "bound for" or "via" is a curated list an analyst can read and extend, and no parser
of these four languages labels a place's role in a movement. The words that take a role away ("likely",
"crashed") are ``hedges.py``'s. Patterns are case-insensitive.
"""

from __future__ import annotations

import re

from liftwatch.claims.ar_arrivals import AR_ANCHORED_AT, AR_LANDED_AT
from liftwatch.claims.ar_goals import AR_HEADING, AR_TO_A_GROUP_IN
from liftwatch.claims.ar_motion import AR_ALIGHTED_AT, AR_MOVES, AR_TO_WITH_YAA
from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.fr_arrivals import FR_ARRIVAL_CUES, FR_ARRIVAL_MOVES
from liftwatch.claims.fr_goals import FR_GOAL_CUES, FR_GOAL_MOVES
from liftwatch.claims.fr_headings import BARE_HEADING, FR_HEADING_MOVES
from liftwatch.claims.fr_returns import FR_RETURN_CUES, FR_RETURN_MOVES
from liftwatch.claims.fr_stops import FR_VIA_CUES
from liftwatch.claims.leaving_forms import FR_LEAVING_CUES, FR_LEAVING_MOVES
from liftwatch.claims.mission_origins import MISSION_ORIGIN_CUES
from liftwatch.claims.motion_forms import HEADING_COLON, MORE_MOVES, ON_TARMAC
from liftwatch.claims.nominal_moves import NOMINAL_MOVES
from liftwatch.claims.return_trips import DELIVERY_ORIGIN, STAY_ORIGIN
from liftwatch.claims.ru_facility_origins import RU_FACILITY_ORIGIN_CUES
from liftwatch.claims.ru_motion import RU_MOVES
from liftwatch.claims.strait_passages import STRAIT_MOVES, STRAIT_VIA_CUES


def _p(rx: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(rx, flags)


# the verbs and nouns of an airdrop in each language ("a landing ship", "سفينة إنزال", is no airdrop: the Arabic
# noun counts only with "جوي", air, or with the aid it drops)
AIRDROP = (
    r"\b(?:air[-\s]?drop\w*|parachut\w+|largu(?:é|ée|és|ées|er|ent|ant|ait|aient|a|ons|ez)|largages?|"
    r"сброс(?:а|ы|ом|ов)?|сбросил\w*|сбрасыва\w*|сброшен\w*)\b|"
    r"(?:ال)?(?:إنزال|انزال)(?:ات)?\s+(?:ال)?جوي\S*|(?:ال)?(?:إسقاط|اسقاط)\S*\s+(?:ال)?(?:مساعدات|جوي)\S*"
)

MOVE = _p(
    r"\b(?:transfer\w*|mov(?:e|es|ed|ing|ement|ements)|relocat\w+|redeploy\w*|deploy\w*|withdr[ae]w\w*|evacuat\w+|"
    r"fl(?:y|ies|ew|own|ying)|flights?|sorties|airlift\w*|air\s*bridge|ship(?:s|ped|ping|ment|ments)|sail\w*|"
    r"deliver\w*|transport\w*|carr(?:y|ies|ied|ying)|ferr(?:y|ies|ied|ying)|shuttl\w+|depart\w*|left|leav(?:e|es|ing)|"
    r"arriv\w+|land(?:ed|ing|s)|dock\w*|call(?:ed|ing)?\s+at|head(?:ed|ing)|bound\s+for|en\s+route|on\s+(?:its|their|her)\s+way|received|welcomed|hosted|sent|dispatch\w*|"
    r"load\w*|unload\w*|offload\w*|directed\s+towards?|took\s+off|routed|rotations?|(?:round[-\s])?trips?|"
    r"set\s+(?:off|out|sail)\s+(?:for|from|towards?)|spotted|parked|photographed|voyages?|destinations?|(?:took|brought)\s+(?:[\w-]+\s+){1,4}?to|brought\s+to|crossings?|transit\w*|reached|returned|enter(?:ed|ing|s)?|"
    r"quitt\w+|accueilli|décoll\w+|atterri\w*|pos[ée]s?|rendus?|vols?|livr\w+|arriv\w+|repartis?|(?:est|sont|était|étaient|soit|sont\s+déjà)\s+partie?s?|envoy\w+|achemin\w+|"
    r"escale|passages?|reprennent|entr[ée]s?)\b|"
    r"\b(?:перебро\w+|перевоз\w+|вылет\w+|прилет\w+|прибы\w+|доставл\w+|доставил\w*|доставк\w+|рейс\w*|приземл\w+|покинул\w*|"
    r"направ\w+|отправ\w+|принял\w*|возвращ\w+|взял\w*\s+курс|прош[её]л\w*|вош[её]л\w*|полет\w*)|"
    r"نقل|رحلات|رحلة|هبط\w*|هبوط\w*|استقبل\w*|وصل\w*|وصول|غادر\w*|دخل\w*|دخول\w*|أقلع\w*|متجه\w*|متوجه\w*|انطلق\w*|عبر\w*|تتجه|دخلت|أرسلت|"
    r"توقفت|قامت\s+برحلات|"
    # verbs of motion by stem, so that every inflection counts: Russian prefix + root ("перелетели", "вылетел",
    # "прошёл", "отплыл", "заходе на посадку"), French ("a volé", "volant", "s'est dirigé", "a rejoint"),
    # Arabic with its affixes ("حطت", "تحط", "هبوطها", "أقلت", "توجهت", "أبحرت", "رست", "تحطمت", "قدومها")
    r"\b(?:(?:пере|вы|при|у|до|про|за|от|с|в|на)л[её]т\w*|л[её]т(?:ал[аи]?|ает|ают|ит|ят|ел[аи]?|ала)\b|(?:от|при|про|у|пере|до)плы\w+|(?:от|при|пере)плав\w+|"
    r"(?:про|во|вы|при|за|у|пере|подо?)ш(?:[её]л|л[аио])\w*|(?:про|вы|при|за|пере|под|от|по)ход\w*|ид[её]т|идут|"
    r"(?:во|вы|при|за|про|пере|подо)йд\w*|следу\w+\s+(?:в|во|на|из|через|к)\b|перебр[оа]с\w*|перевез\w*|пересек\w*|"
    r"посадк\w*|крушени\w*|передислоц\w*|верну\w*|отбы\w*|прибыт\w*|курс\w*\s+на\b)|"
    # the English verbs of deployment, withdrawal and evacuation in the other languages ("a déployé la frégate",
    # "dépêché", "rapatrié", "transféré"; "развернула", "разместила", "эвакуировала", "вывела", "поступила партия";
    # "إجلاء", "أجلت")
    r"\b(?:(?:re)?déploy\w+|redéploi\w*|dépêch\w+|rapatri\w+|transfér\w+|évacu\w+)\b|"
    rf"\b(?:разверн\w+|размест\w+|эвакуир\w+|эвакуац\w+|вывел\w*|вывод\w*|поступил\w*)|(?:إجلاء|أجل(?:ت|وا)){AR_WORD_END}|"
    r"\b(?:vol(?:é|ée|és|ant|ait|aient|er|e|ent)|dirig\w+|rejoin\w+|rejoint|transit\w*|travers\w+|débarqu\w+|"
    r"accost\w+|appareill\w+|navigu\w+|survol\w+|franchi\w*|ravitaill\w+|fait\s+route)\b|"
    r"\b(?:crossed|crossing|passed\s+through|touch(?:ed|ing)\s+down|stopped|stopover|refuel\w*|divert\w*|rerouted)\b|"
    # a ship's arrival and stay in port, in each language: "made a port call", "moored", "dropped anchor",
    # "berthed", "put in at", "pulled into"; "a mouillé", "amarré", "jeté l'ancre"; "пришвартовался", "встал на
    # якорь", "ошвартовался"; "رست", "دخلت", "ترسو" (the Arabic ones are in the Arabic alternation below)
    r"\b(?:port\s+(?:calls?|visits?)|moor(?:ed|ing|s)|anchor(?:ed|ing|s)|dropped\s+anchor|berth(?:ed|ing|s)|"
    r"put\s+in|pull(?:ed|ing|s)\s+into|sailed\s+into|steamed|mouill\w+|amarr\w+|jet\w+\s+l['’]ancre|"
    r"(?:при|о)швартов\w+|якор\w+|зашл\w+|заш[её]л|вош[её]л|вошл\w+)\b|"
    r"حط(?:ت|وا)?\b|تحط\w*|هبوط\w*|أقل(?:ت|ع)\w*|توج\w+|اتج\w+|يتج\w+|أبحر\w*|تبحر|رس(?:ت|ا)\b|ترسو|رسو\w*|"
    r"تحطم\w*|قدوم\w*|قادم\w*|مرور\w*|إقلاع\w*|في\s+طريق\w*|"
    # a return, a dispatch, a heading ("عادت الطائرة إلى", "أرسلت/ترسل", "صوب", "قاصدة")
    rf"{AR_WORD_START}[وف]?(?:عاد(?:ت|وا|تا)?|عودة|ت?عود|أرسل\w*|ترسل|يرسل|صوب|قاصد\w*){AR_WORD_END}|"
    # the forms of the verbs of motion the alternations above left out, completed from each language's
    # paradigm: "transfère", "partent pour", "se retire de", "rallie"; "покидает", "перегнали", "отвела";
    # "حلقت", "طارت", "نشرت", "سحبت", "انسحبت" (an escort is not the escorted ships' movement: "escorte",
    # "сопровождал", "رافقت" stay out)
    r"\b(?:transf[èé]r\w*|part(?:ent|ira|iront|ait|aient)\s+(?:pour|de|d['’]|vers|à\s+destination)|"
    r"(?:se\s+|s['’])?retir\w+\s+(?:de|d['’]|du|des|ses|leurs?)\b|rall(?:i[eé]\w*|ier)\b|"
    r"покида\w+|перегна\w+|перегон\w+|отвел\w*)|"
    rf"{AR_WORD_START}[وف]?(?:حلق(?:ت|وا)?|تحلق|طار(?:ت|وا)?|نشر(?:ت|وا)?|سحب(?:ت|وا)?|انسحب\w*)"
    rf"{AR_WORD_END}|"
    # where a carrier was unloaded is where it went, as English "unloaded" says already: "a déchargé", "разгрузили",
    # "разгружают", "выгрузили"
    r"\b(?:décharg\w+|разгруз\w+|разгруж\w+|выгруз\w+|выгруж\w+)|"
    # an airdrop is a flight to its drop zone: "carried out five airdrops", "parachuted aid", "a largué",
    # "les largages", "сбросили гуманитарную помощь", "عمليات الإنزال الجوي", "إسقاط المساعدات"
    rf"{AIRDROP}|"
    # the verbs' other forms, completed from their paradigm (``motion_forms.py``)
    rf"{MORE_MOVES}|"
    # a journey or a sending told by its noun, bringing in the present, the Arabic passive of sending
    # ("its journey to", "l'envoi ... vers", "brings ... to", "تم إرسال"; ``nominal_moves.py``)
    rf"{NOMINAL_MOVES}|"
    # the Russian forms the stems above do not reach: "перенаправив", "переместились", "прорвался в" (``ru_motion.py``)
    rf"{RU_MOVES}|"
    # the Arabic verbs of landing and bringing it lacked: "نزلت", "جلبت" (``ar_motion.py``)
    rf"{AR_MOVES}|"
    # a strait passed, told by the Russian verbal noun or the verb of overcoming (``strait_passages.py``)
    rf"{STRAIT_MOVES}|"
    # the French forms of entering and landing the stems above miss: "est entrée", "se poser" (``fr_arrivals.py``)
    rf"\b(?:{FR_ARRIVAL_MOVES})\b|"
    # French going back and heading: "a regagné", "est retourné à", "sont revenus à", "font route" (``fr_goals.py``)
    rf"\b(?:{FR_GOAL_MOVES})\b|"
    # French headings with a bare noun ("direction la mer Rouge", "destination N'Djaména") and a take-off told again
    # ("redécolle"; ``fr_headings.py``)
    rf"{FR_HEADING_MOVES}|"
    # French back home told as a state: "est de retour à quai à", "a retrouvé son port-base de" (``fr_returns.py``)
    rf"\b(?:{FR_RETURN_MOVES})\b|"
    # the French noun of a withdrawal with the place left ("le retrait des soldats français du Tchad",
    # ``leaving_forms.py``)
    rf"\b{FR_LEAVING_MOVES}",
)

# the words between a loading verb and where the load was taken on: the load, never a verb of arrival
_LOAD_GAP = (
    r"(?:(?!(?:landed|arrived|docked|flew|sailed|delivered|unloaded|headed|bound|atterri\w*|arriv\w+|débarqu\w+|"
    r"приземл\w*|прибыл\w*|доставил\w*|وصل\S*|هبط\S*)(?:\s|$))\S+\s+){0,10}?"
)
# Role cues: the words just before a place name that give it its role. Longest alternatives first.
ORIGIN_CUES: tuple[str, ...] = (
    # "after completing its mission in" (``mission_origins.py``): first, as the longest alternatives
    *MISSION_ORIGIN_CUES,
    # where a carrier delivered or stayed before it came back: "landed back at X after delivering aid to Y", "returned
    # after six months in the Red Sea" (``return_trips.py``)
    DELIVERY_ORIGIN, STAY_ORIGIN,
    # French leaving with a time before its "de", in the imperfect or participle, from its own base
    # (``leaving_forms.py``)
    *FR_LEAVING_CUES,
    # a Russian base left with no name, then where it is: "с аэродрома в Северной Осетии" (``ru_facility_origins.py``)
    *RU_FACILITY_ORIGIN_CUES,
    # the carriers' unit named with its home base: "bombers from the 5th Bomb Wing at Minot", "tankers assigned to
    # the 100th Air Refueling Wing at RAF Mildenhall", "jets of the 48th Fighter Wing based at Lakenheath": where the
    # unit is based is where its aircraft come from (before "from": an alternation takes the first
    # alternative that matches at a position)
    r"(?:from|assigned\s+to|of|with|belonging\s+to)\s+the\s+\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][\w-]*\s+){0,4}?"
    r"(?:Wing|Squadron|Group|Regiment|Brigade|Division)\s+(?:(?:based|stationed|home-based)\s+)?(?:at|in|from)",
    r"(?:took\s+off|taking\s+off|departed|departing|flown|flying|sailed|sailing|withdrawn|evacuated|moved|transferred)\s+from",
    r"set\s+(?:off|out|sail)\s+from",
    r"from", r"out\s+of", r"(?:loaded|embarked)\s+(?:in|at)", r"starting\s+points?\s+(?:(?:is|are|was|were)\s+)?(?:in|at)",
    r"points?\s+of\s+departure\s+(?:(?:is|are|was|were)\s+)?(?:in|at)", r"departed", r"departing", r"left", r"leaving", r"leave", r"leaves", r"quit",
    # before the bare verb: an alternation takes the first alternative that matches at a position
    # "غادرت اليوم السبت طائرة شحن روسية قاعدة حميميم": the verb, its subject, then the place it left (the
    # facility noun may be part of the place name the gazetteer matched, so the cue may end the text)
    r"غادر(?:ت)?(?:\s+(?!(?:إلى|الى|نحو|من|في|باتجاه|عبر)\b)\S+){0,6}?(?=\s+(?:قاعدة|مطار|ميناء)|\s*$)",
    # the verbal noun with its pronoun and the place it left as its object ("بعد مغادرتها ميناء نوفوروسيسك")
    r"مغادرت?(?:ها|هما|هم|ه)?", r"(?:إقلاع|انطلاق)\S*\s+من",
    r"из", r"с", r"со", r"от", r"من", r"غادرت", r"غادر", r"أقلعت\s+من", r"انطلقت\s+من",
    r"depuis", r"en\s+provenance\s+(?:de|du|des|d')", r"au\s+départ\s+(?:de|du|d')", r"venant\s+(?:de|du|d')",
    r"quitté", r"quitte",
    # the verbs of leaving whose object is the place left: "se retire de Tartous", "покидает Тартус"
    r"(?:se\s+|s['’])?retir\w+\s+(?:de|du|des|d['’])", r"покида\w+", r"покин[уе]\w*",
    # "(re)chargé à la base navale de Tartous", "загружен в порту Тартус": where the load was taken on
    r"(?:re)?chargée?s?\s+(?:à|au|dans|en)", r"(?:за|по)гружен\w*\s+(?:в|на)",
    # the load named between the loading verb and the place: "loaded a cargo of 27,000 tonnes of grain in X",
    # "had taken on a load of grain at X", "a chargé des munitions à X", "загрузил зерно в X", "تم تحميلها بالأسلحة في
    # X"; no verb of arrival in between ("loaded with arms, landed in X" is an arrival)
    rf"(?:loaded|loading|took\s+on|taken\s+on|taking\s+on)\s+{_LOAD_GAP}(?:in|at)",
    rf"(?:a|ont|avait|avaient|avoir)\s+(?:re)?chargé\s+{_LOAD_GAP}(?:à|au|dans|en)",
    rf"(?:загрузил\w*|погрузил\w*|принял\w*\s+(?:на\s+борт\s+)?груз\w*)\s+{_LOAD_GAP}(?:в|на)",
    rf"(?:تم\s+)?(?:تحميل\S*|حُمّل\S*|حمّل\S*)\s+{_LOAD_GAP}(?:في|من)",
    r"(?:قدوم|قادم)\S*(?:\s+\S+){0,2}?\s+من", r"(?:вылетев|вылетел\w*|отплыв\w*|вышед\w*|вышел\w*)\s+(?:из|с)",
    # the carriers' home base: "bombers based at Minot", "stationed at Lakenheath", "issus des bases de Minot",
    # where they are based is where they came from (French "basés à" and Russian "базирующиеся на" were measured:
    # they added more wrong places than right ones)
    r"(?:based|stationed)\s+(?:at|in)", r"issue?s?\s+(?:des|de\s+la|du)\s+bases?\s+(?:a[ée]riennes?\s+)?(?:de|du|d['’])",
    r"issue?s?\s+(?:de|du|d')", r"parti\w*\s+(?:de|du|d')",
    # a ship casting off, a plane taking off, in French ("a appareillé de Baltiïsk", "a décollé de Hmeimim")
    r"(?:appareill\w+|décoll\w+|sorti\w*|largué\s+les\s+amarres)\s+(?:de|du|d['’]|des|depuis)",
)  # fmt: skip
DEST_CUES = (
    r"(?:bound|headed|heading|destined|departed|left|sailed|sailing|leaving)\s+for",
    r"set\s+(?:off|out|sail)\s+(?:for|towards?)",
    # "took off for Ankara", "took off again for Turkey", "taking off for": the goal of a plane taking off
    r"(?:took|taken|taking|takes?)\s+off\s+(?:again\s+)?for",
    # "left Orly for Toulouse", "sailed from Tartus for Tobruk": the place left between the verb and "for"
    r"(?:departed|left|sailed|leaving|leaves|departing|took\s+off|taking\s+off)\s+(?:from\s+)?(?:[\w'’.-]+\s+){1,4}?for",
    r"en\s+route\s+to", r"on\s+(?:its|their)\s+way\s+to",
    r"(?:arrived|arriving|arrive|arrives|landed|landing|land|lands|docked|docking|docks|touched\s+down|touching\s+down)(?:\s+back)?\s+(?:at|in)",
    # "landed on Saturday May 4 in Niamey", "arrived late on Tuesday at Hmeimim": a date between verb and place
    r"(?:arrived|landed|docked|touched\s+down)\s+(?:(?:early|late)\s+)?on\s+(?:\w+\s+){1,3}?(?:at|in)",
    # "landed Saturday at Benina", "arrived late Friday in", "touched down this morning at", "landed yesterday in"
    r"(?:arrived|landed|docked|touched\s+down)\s+(?:(?:early|late)\s+)?(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|overnight|this\s+(?:morning|afternoon|evening|week)|"
    r"last\s+(?:night|week))\s+(?:at|in)",
    r"(?:called|calling)\s+(?:at|in)", r"reached", r"reaching", r"(?:to\s+)?reach",
    # where the load was taken off, the load named in between (the mirror of the loading cue of the origins):
    # "unloaded its cargo of ammunition at", "a déchargé sa cargaison dans" (Russian: ``sentences._RU_LANDED_AT``)
    rf"(?:unloaded|unloading|offloaded|offloading|discharged|discharging)\s+{_LOAD_GAP}(?:at|in)",
    rf"déchargée?s?\s+{_LOAD_GAP}(?:à|au|aux|dans|en|sur)",
    # "pour atteindre la Méditerranée", "pour rejoindre Tartous", "чтобы достичь", "للوصول إلى"
    r"(?:pour\s+)?(?:atteindre|atteint\w*|rejoindre|rejoint\w*|gagner|regagner|regagné\w*|rall(?:ie|ient|i[eé]\w*|ier))", r"(?:достич\w*|добрат\w+\s+до)",
    # where a carrier told moving is now ("left Sevastopol and is now in the port of Latakia", "and is currently in
    # the Ionian Sea"): the goal it reached; given only in a clause that is a movement
    r"(?:is|are)\s+(?:now|currently)\s+(?:in|at)",
    # a ship entering or calling at a port: "entered (the port of) X", "made a port call in X", "moored at",
    # "anchored off", "berthed in", "put in at", "pulled into"
    r"(?:entered|entering|enters|enter)", r"(?:made|make|makes|making|paid|pays)\s+(?:a\s+|its\s+|their\s+)?(?:\w+\s+)?port\s+(?:calls?|visits?)\s+(?:at|in|to)",
    r"port\s+(?:calls?|visits?)\s+(?:at|in|to)",
    r"(?:moored|mooring|anchored|anchoring|berthed|berthing|docked|docking)\s+(?:at|in|off|near|alongside)",
    r"(?:dropped|dropping)\s+anchor\s+(?:at|in|off|near)", r"put(?:s|ting)?\s+in\s+(?:at|to)",
    r"(?:pulled|pulling|sailed|sailing|steamed|steaming)\s+into",
    r"(?:spotted|seen|parked|photographed|observed|stationed|unloaded|unloading|unload|offloaded|delivered)\s+(?:at|in|to)",
    r"destinations?\s+(?:\w+\s+){0,3}?(?:be|is|was|are|were)", r"(?:-|\s)bound\s+for",
    # "в сторону сирийского порта", "в направлении Средиземного моря": before the bare "в" (an alternation takes the
    # first alternative that matches at a position, so after it these were never read)
    r"в\s+сторону", r"в\s+направлении",
    # the Arabic heading in two words and the place of a group joined (``ar_goals.py``): before "إلى", the longer first
    AR_TO_A_GROUP_IN, AR_HEADING,
    r"directed\s+towards?", r"towards?", r"into", r"to", r"в", r"во", r"на", r"إلى", r"الى", AR_TO_WITH_YAA, r"نحو",
    r"باتجاه", r"متجهة\s+إلى", r"صوب", r"قاصد\S*", r"(?:عائد|عاد|عود)\S*\s+(?:إلى|الى|ل)", r"هبطت(?:\s+\S+){0,3}?\s+في", r"وصول\s+\S+\s+\S+\s+(?:\S+\s+)?إلى",
    r"vers", r"en\s+direction\s+(?:de|du|des|d')", HEADING_COLON, BARE_HEADING, ON_TARMAC, r"à\s+destination\s+(?:de|du|des|d')", r"pour",
    # "avait pour destination Khartoum", "ayant pour destination finale Tartous": the goal told as the flight's own
    r"(?:a|avait|avaient|ont|ayant)\s+pour\s+destination(?:\s+finale)?",
    # an adverbial between the verb and its preposition ("ont atterri en fin d'après-midi sur l'aéroport de",
    # "приземлился поздно вечером на", "هبطت مساء الجمعة في")
    r"(?:atterri|posée?s?|arrivée?s?)\s+(?:[\w'’-]+\s+){1,4}?(?:à|au|sur|dans)",
    # a verb of sending with its object before "en", where French names the country or sea it was sent to ("a
    # déployé la frégate X en mer Rouge", "a envoyé des militaires en Libye"); "au"/"à"/"vers" are cues already
    r"(?:déploy|envoy|dépêch|achemin|expédi|transfér)\w*\s+(?:[\w'’-]+\s+){1,8}?en",
    # French arriving with a time or an aside between the verb and its preposition (``fr_arrivals.py``)
    *FR_ARRIVAL_CUES,
    # French "jusqu'à" after a start, and coming back (``fr_goals.py``)
    *FR_GOAL_CUES,
    # French back home told as a state (``fr_returns.py``)
    *FR_RETURN_CUES,
    # (after the adverbial form: an alternation takes the first alternative that matches at a position)
    r"(?:atterri|posée?s?|arrivée?s?|livrée?s?|rendue?s?|déployée?s?|acheminée?s?)\s+(?:à|au|aux|sur|dans|en)", r"à", r"au",
    r"(?:приземлил\w*|прибыл\w*|сел[аи]?)\s+(?:[\w-]+\s+){1,3}?(?:в|во|на)",
    r"(?:entr\w+|arriv\w+|retourn\w+)\s+(?:dans|à|au|en|sur)",
    # one port call is where the ship went ("a fait escale à Port-Soudan"); "des escales" stay stops (via)
    r"(?:a|ont|avait|avaient|fera|feront|va|vont|venait\s+de|vient\s+de)\s+(?:\w+\s+)?fait\s+(?:une\s+)?escale\s+(?:à|au|en|dans)",
    # a port call in French: "a accosté au quai de", "a mouillé à", "amarré dans", "a jeté l'ancre au large de"
    r"(?:accost\w+|mouill\w+|amarr\w+|jet\w+\s+l['’]ancre)\s+(?:(?:au\s+quai|au\s+large|à\s+quai)\s+)?(?:à|au|aux|dans|en|sur|de|du|d['’])",
    # Russian: "зашёл в порт", "вошёл в", "пришвартовался в/к", "встал на якорь в/у"
    r"(?:(?:при|о)швартова\w+|встал\w*\s+на\s+якорь|бросил\w*\s+якорь)\s+(?:в|во|на|у|к)",
    # Arabic: "رست في", "ترسو في", "دخلت (إلى) ميناء", "رسوها في"
    # the verb, its subject, then the port it entered or reached with no preposition (before the bare verb: an
    # alternation takes the first alternative that matches at a position) ("دخلت الفرقاطة الروسية
    # ميناء طرطوس", "وصلت السفينة قاعدة طرطوس"), as the origin cue after "غادرت" reads it
    r"(?:دخل|وصل)(?:ت|وا|تا)?(?:\s+(?!(?:إلى|الى|نحو|من|في|باتجاه|عبر)\b)\S+){1,6}?(?=\s+(?:قاعدة|مطار|ميناء)\s*$|\s*$)",
    AR_ANCHORED_AT, r"(?:دخل|تدخل|يدخل|دخول)\S*(?:\s+(?:إلى|الى))?",
    # "курсом на", "по направлению к"
    r"по\s+направлению\s+к", r"курсом\s+на",
    # an Arabic verb or verbal noun of arrival with its pronoun suffix, a few words, then "in"/"to"
    # ("حطت في", "هبوطها في", "وصلوا إلى", "رست في")
    # (Arabic puts the subject after the verb, so a counted carrier may stand in between: "حطت 15 طائرة شحن
    # روسية على الأقل في")
    # (the subject may be long: "تهبط كل صباح طائرة شحن روسية واحدة على الأقل يرافقها عدد من المقاتلات لحمايتها
    # في"; the words stay inside the clause, no comma or full stop between)
    # (and the last leg of a chain told as its purpose: "ثم عبرت الأجواء السودانية لتحط في", "ليصل إلى")
    r"(?:ال|ل?ت|ل?ي)?(?:هبط|هبوط|حط|وصل|وصول)\S*(?:\s+[^\s،,.؛]+){0,14}?\s+(?:في|إلى|الى)",
    AR_LANDED_AT, AR_ALIGHTED_AT,
    # a port or airfield receiving the carrier ("استقبل ميناء بورتسودان بارجة روسية", "استقبلت قاعدة حميميم")
    r"استقبل\S*",
    # the same verbs with the preposition "ل" joined to the port ("وصول السفن الروسية لميناء لاغويرا", split
    # off before the facility noun), and a port visit ("لزيارة ميناء طرطوس", "زيارة إلى")
    r"(?:ال)?(?:وصل|وصول|توج|اتج|تتج|يتج)\S*(?:\s+\S+){0,5}?\s+ل", r"(?:ل|و)?زيارة(?:\s+(?:إلى|الى))?",
    r"في\s+طريق\S*\s+(?:إلى|الى|ل|نحو)",  # "في طريقها إلى", "في طريقها لقاعدة" (the clitic split off)
    # an airdrop's drop zone, the load named in between: "airdropped aid over", "carried out airdrops of aid to",
    # "a largué 7 tonnes de fret sur", "largages ... au-dessus de", "сбросили помощь на/над", "إنزال جوي ... على/فوق"
    # (and the part of the zone: "to the north of the war-ravaged", "dans le nord de", "в северную часть", "شمال")
    rf"(?:air[-\s]?drop\w*|parachut\w+|dropp(?:ed|ing))\s+{_LOAD_GAP}(?:on|onto|over|above|into|to|across)"
    r"(?:\s+the)?(?:\s+(?:north|south|east|west)\w*(?:\s+part)?\s+of)?(?:\s+the)?(?:\s+[\w]+-(?:ravaged|torn|stricken|hit))?",
    rf"(?:largu\w+|largages?|parachut\w+)\s+{_LOAD_GAP}(?:sur|au-dessus\s+(?:de|du|des|d['’])|dans|à|au|en)"
    r"(?:\s+le\s+(?:nord|sud|centre|nord-est|nord-ouest|sud-est|sud-ouest)\s+(?:de|du|d['’]))?",
    rf"(?:сброс\w*|сбросил\w*|сбрасыва\w*|сброшен\w*)\s+{_LOAD_GAP}(?:на|над|в|во)"
    r"(?:\s+(?:северн|южн|восточн|западн|центральн)\w+\s+част\w+|\s+(?:севере|юге|востоке|западе))?",
    rf"(?:ال)?(?:إنزال|انزال|إسقاط|اسقاط)\S*\s+{_LOAD_GAP}(?:على|فوق|في|إلى|الى|ل)(?:\s*(?:شمال|جنوب|شرق|غرب|وسط)[يى]?)?",
)  # fmt: skip
VIA_CUES: tuple[str, ...] = (
    # "во время прохождения" (a strait passed, ``strait_passages.py``): first, as the longest alternatives
    *STRAIT_VIA_CUES,
    # French stops told in the plural, the participle or by their purpose, and transits (``fr_stops.py``)
    *FR_VIA_CUES,
    # "stopping along the way in Syria", "refuelling en route at Hmeimim": the way named between the stop and its place
    r"(?:stop(?:ping|ped|s)?|refuel(?:l)?(?:ing|ed|s)?)\s+(?:(?:along|on)\s+(?:the|its|their)\s+way|en\s+route)\s+(?:in|at)",
    r"via", r"through", r"by\s+way\s+of", r"transit(?:ing|ed)?\s+(?:through|via|in|at)?",
    r"(?:with\s+)?(?:a\s+)?stop(?:over|ping|ped|s)?(?:\s+over)?\s+(?:in|at)",
    r"refuel(?:l)?(?:ing|ed|s)?\s+(?:in|at)", r"через", r"عبر", r"عبورها", r"عبرت", r"عبور", r"مرورا\s+ب",
    r"(?:stops?|stopped)\s+midway\s+in", r"passing", r"transited", r"first\s+stopped\s+in",
    # what a carrier flies over on its way is passed, whatever it is ("flew over Turkey to Hmeimim", "overflew
    # Egypt"), not a place it went to nor a mover ("over" is no cue of its own)
    r"(?:fl(?:ew|ying|own|ies)|pass(?:ed|ing|es))\s+over", r"overfl(?:ew|ying|own|ies)",
    r"(?:fait\s+)?escale\s+(?:à|au|en)", r"en\s+passant\s+par", r"توقفت\s+(?:أولا\s+|أولاً\s+)?في",
    # the Arabic stop and passage with any suffix ("بعد توقفها في", "ومرورا ب"), Russian passage
    r"توقف\S*(?:\s+\S+){0,2}?\s+في", r"مرور\S*\s+ب", r"(?:تعبر|يعبر|تعبران|عبرت)", r"(?:пройдя|проходя|проход\w*|прош[её]л\w*|прошл[аи])\s+(?:через|по)",
    r"(?:passé|passés|passée|passant)\s+par",
    # a stop told by what was done there: "с промежуточной посадкой в", "после дозаправки в", "с заходом в",
    # "للتزود بالوقود في" (to refuel in)
    r"(?:промежуточн\w+|техническ\w+)\s+посадк\w+\s+(?:в|во|на)", r"дозаправ\w+\s+(?:в|во|на)",
    r"с\s+заходом\s+(?:в|во|на)",
    # a stop or a change of aircraft told by its noun ("сделал промежуточную остановку в Каире", "маршрут включал
    # остановки в Армении", "сделав небольшую пересадку в Грузии"): a stop on the way, whatever the adjective before it
    r"(?:остановк|пересадк)\w*\s+(?:в|во|на)", r"(?:لل|بعد\s+ال|ل\s+ال)?تزود\S*\s+ب\s*الوقود\s+في",
    # calls at several ports told by the plural noun ("совершили деловые заходы в порты Джибути и Коломбо"): the
    # stops of a voyage, as "с заходом в" is; one call ("заход в порт Карачи") may be the voyage's goal
    r"заходы\s+в\s+порты",
)  # fmt: skip
# "between X and Y", and a route told by what links its ends: "the flight linking Istanbul to Misrata", "le vol
# reliant Istanbul à Misrata", "рейс, связывающий Стамбул с Мисратой", "الرحلة التي تربط إسطنبول بمصراتة"
BETWEEN_CUE = (
    r"between|entre|между|بين|linking|connecting|reliant|reliait|relie|relier|"
    r"связывающ\w*|соединяющ\w*|связывал\w*|[يت]ربط"
)
# "من" / "from" in these is not an origin ("القريبة من مدينة بنغازي" = near Benghazi); after a participle of giving
# or a noun of support "من" is the giver ("مساعدات مقدمة من قطر الخيرية" = aid provided by Qatar Charity); after a
# distance ("على بعد مئات الأميال من سواحل ...", hundreds of miles off the coast of) it is where the distance is
# measured from, as "away from" is
NOT_ORIGIN = _p(
    r"(?:القريبة|القريب|بالقرب|قرب|near|close|away|(?:ال)?مقدم\S*|بدعم|بتمويل|(?:ال)?ممول\S*|بتبرع|(?:ال)?متبرع\S*)"
    r"\s+(?:من|from)\s*$"
    rf"|{AR_WORD_START}على\s+بعد\s+(?:[^\s،,.؛]+\s+){{1,4}}?من\s*$"
    # "в отличие от США" (unlike the US): a comparison, not where anything came from
    r"|(?<![\w-])в\s+отличие\s+от\s*$"
)
# "to" in these is not a destination.
NOT_DEST = _p(r"\b(?:according|due|close|next|ally|allies|ties|access|response|threat|home|compared|opposed|relation|belong|belongs|belonging|"
              r"respect|addition|prior|similar|contrary|related|linked|close)\s+to\s*$")  # fmt: skip
# Words allowed between a role cue and the place name ("from *its main air base at* Hmeimim").
FILLER = {
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "main", "key", "military",
    "naval", "air", "airbase", "base", "bases", "airfield", "airfields", "airport", "airports", "port", "ports",
    "harbour", "harbor", "facility", "facilities", "strategic", "remote", "major", "city", "town", "of", "coastal",
    "libyan", "syrian", "russian", "russia's", "moscow's", "haftar's", "new", "other", "in", "at", "near",
    "outside", "around", "province", "region", "capital", "hub", "stronghold", "strongholds", "field", "abandoned",
    "former", "soviet-era", "sprawling", "desert", "eastern", "western", "southern", "northern", "central",
    "авиабазы", "авиабазу", "авиабаза", "базы", "базу", "порта", "порт", "قاعدة", "ميناء", "مضيق", "مضيقي", "جزيرة",
    "home", "air-field", "naval-base", "airstrip", "le", "la", "les", "l'", "aérienne", "aéroport", "international",
    "internationale", "international-airport", "civil", "civilian",
    "l'aéroport", "militaire", "navale", "du", "de", "ville", "russe", "syrienne", "libyenne",
    "аэродром", "аэропорт", "город", "مدينة", "مطار", "الجوية", "البحرية", "العاصمة",
    "الكينية", "الروسي", "السوري", "الليبي",
    "сирийскую", "сирийский", "сирийской", "ливийскую", "ливийский", "ливийской", "российскую", "российский",
    "российской", "военную", "военный", "военной", "аэродрома", "аэропорта",
}  # fmt: skip
# Capitalised words that are never places even after a cue ("according to US officials").
NOT_PLACES = {
    "us", "u.s.", "un", "nato", "eu", "the", "a", "an", "reuters", "afp", "ap", "bloomberg", "wsj", "cnn", "bbc",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "it", "its", "they", "their", "he", "she", "this", "that", "these", "those", "there", "what", "which",
    "kremlin", "pentagon", "wagner", "haftar", "lna", "gnu", "i", "in", "at", "on", "by", "for", "with",
    "flightradar", "flightradar24", "flightaware", "marinetraffic", "vesselfinder", "itamilradar", "hur", "gur",
    "ais", "tass", "interfax", "ria", "nova", "africom", "telegram", "data", "images", "satellite",
    # where a statement was posted ("в своём Twitter"), and Russian words a sentence starts with ("Сейчас ...")
    "twitter", "facebook", "youtube", "instagram", "твиттер", "твиттере", "телеграм", "телеграме", "фейсбук",
    "сейчас", "теперь", "тогда", "затем", "потом", "также", "однако", "ранее", "позже", "сегодня", "вчера",
    # a body, not a place: "ВМС Франции", "ВКС России", "МИД Египта"
    "вмс", "вмф", "вкс", "мид", "минобороны",
}  # fmt: skip

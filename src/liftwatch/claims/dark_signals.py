"""A carrier's transmitter said to be off, or on again only after a silence: the grammar, not the phrases.

Reporting tells a carrier going dark with a small closed set of transmitter nouns (transponder, AIS, the automatic
identification system, navigation or tracking devices, a beacon; "répondeur", "balise"; "ответчик", "транспондер";
"أجهزة الإرسال", "أجهزة التتبع") and a small set of words for their state (switched off, deactivated, offline;
"coupé", "éteint"; "отключил", "выключен"; "إيقاف تشغيل", "أطفأت"), in either order and with a few words, a
determiner or an apposition between them ("Lady R's automatic identification system (AIS) — the tracking system ...
— was also offline"). Listing the phrases met in reports misses the next combination of the same two words; this
module pairs any transmitter noun with any state word of its language, so that a new combination is read too.

A transmitter switched on is dark only where the text says it was off before (rule 5 of the corpus: "switched its
transmitter on again after a silence"): "only upon entering Iraqi airspace", "après avoir traversé les frontières",
"вновь", "ثم أعيد تشغيل". A transmitter merely on ("the crew switched on the radio") says nothing.

The pattern is one compiled regular expression (``DARK_SIGNAL``) so that it joins the lexicon's hints, which every
claim's sentence is searched with.
"""

from __future__ import annotations

import re

_DET = r"(?:(?:its|their|the|her|his|all|both)\s+)?"
_GAP = r"(?:[\w'’()-]+\s+){0,3}?"  # up to three words between a verb and its object ("its own AIS transponder")

# the transmitter nouns, each language's own and the acronyms every language borrows
_EN_NOUN = (
    r"(?:transponders?|transporters?|AIS|ADS-B|beacons?|"
    r"automatic\s+identification\s+system|(?:navigation(?:al)?|tracking|identification)\s+(?:devices?|systems?|"
    r"equipment|signals?|transmitters?)|(?:air\s+)?tracking\s+and\s+navigation\s+systems|transmitters?)"
)
_FR_NOUN = (
    r"(?:transpondeurs?|r[ée]pondeurs?|AIS|SIA|balises?|syst[èe]mes?\s+d['’]identification(?:\s+automatique)?|"
    r"syst[èe]mes?\s+de\s+(?:navigation|suivi|localisation)|[ée]metteurs?)"
)
_RU_NOUN = r"(?:транспондер\w*|ответчик\w*|AIS|АИС|систем\w+\s+автоматической\s+идентификации|маячк?\w*|передатчик\w*)"
_AR_NOUN = (
    r"(?:(?:جهاز|أجهزة|اجهزة|نظام|أنظمة)\s+(?:ال)?(?:إرسال|ارسال|تتبع|تتبّع|ملاحة|تعريف|تحديد\s+الموقع|اتصال)|"
    r"(?:ال)?(?:ترانسبوندر|مرسل)|AIS)"
)

# the state words: a verb that turns the transmitter off, before its object; a state after the noun
_EN_OFF_VERB = r"(?:switch\w*|turn\w*|shut\w*|power\w*)\s+off|(?:deactivat|disabl|disconnect|silenc)\w*"
_EN_OFF_STATE = (
    r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been|appears?\s+to\s+have\s+been|remained|stayed)?\s*"
    r"(?:also\s+|still\s+|reportedly\s+)?(?:offline|switched\s+off|turned\s+off(?!\s+(?:the|a|an)\b)|shut\s+(?:off|down)|deactivated|"
    r"disabled|inactive|silent)\b"
)
_FR_OFF_VERB = r"(?:[ée]teint|coup[ée]|d[ée]sactiv|d[ée]branch|arr[êe]t)\w*"
_FR_OFF_STATE = r"(?:(?:ont|a|avaient|avait|étaient|était|sont|est)\s+(?:été\s+)?)?(?:éteinte?s?|coupée?s?|désactivée?s?|hors\s+service)\b"
_RU_OFF = r"(?:от|вы)ключ\w*|отключен\w*|выключен\w*"
_AR_OFF = r"(?:إيقاف|ايقاف)(?:\s+تشغيل)?|أوقف\w*|اوقف\w*|أطفأ\w*|اطفأ\w*|إطفاء|اطفاء|أغلق\w*|إغلاق|تعطيل|عطّل\w*"

# on again after a silence: the switch-on verb with a word saying it was off before ("only", "after", "again")
_EN_ON = (
    r"(?:re-?activat\w*|(?:activat|switch|turn)\w*\s+(?:on\s+)?)"
    + _DET
    + r"(?:[\w-]+\s+){0,2}?"
    + _EN_NOUN
    + r"\s+(?:on\s+)?(?:only|again|after|once)\b"
)
_FR_ON = (
    r"\b(?:allum|activ|r[ée]activ|rallum|remis\w*\s+en\s+marche)\w*\s+(?:des|les|leurs?|ses|son|sa)\s+"
    + _FR_NOUN
    + r"\s+(?:qu['’]|seulement|uniquement|après|de\s+nouveau|à\s+nouveau)"
)
_RU_ON = r"\b(?:только|лишь|вновь|снова|повторно)\s+(?:после\s+\w+\s+)?включ\w*\s+(?:свой\s+|свои\s+)?" + _RU_NOUN
_AR_ON = r"(?:إعادة|اعادة|أعاد\w*|اعاد\w*)\s+تشغيل\s+" + _AR_NOUN

DARK_SIGNAL = re.compile(
    "|".join(
        (
            # English: "switched off its transporter", "deactivating its navigation devices", "AIS ... was offline"
            r"\b(?:" + _EN_OFF_VERB + r")\s+" + _DET + _GAP + _EN_NOUN + r"\b",
            r"\b"
            + _EN_NOUN
            + r"\s*(?:\([^)]{0,40}\)\s*)?(?:[—–][^—–]{0,200}[—–]\s*|-\s[^—–]{0,200}?\s-\s*)?(?:(?!data\b|it\b|she\b|they\b|he\b)[\w'’-]+\s+){0,3}?"
            + _EN_OFF_STATE,
            _EN_ON,
            # French: "a coupé son transpondeur", "les répondeurs étaient éteints", "ont allumé des répondeurs après"
            r"\b" + _FR_OFF_VERB + r"\s+(?:[\w'’]+\s+){0,2}?(?:son|sa|ses|leurs?|les|le|la|des)\s+" + _FR_NOUN + r"\b",
            r"\b" + _FR_NOUN + r"\s+(?:[\w'’-]+\s+){0,3}?" + _FR_OFF_STATE,
            _FR_ON,
            # Russian: "отключил транспондер", "ответчик был выключен"
            r"(?:" + _RU_OFF + r")\s+(?:[\w-]+\s+){0,2}?" + _RU_NOUN,
            _RU_NOUN + r"\s+(?:[\w-]+\s+){0,2}?(?:" + _RU_OFF + r")",
            _RU_ON,
            # Arabic: "تم إيقاف تشغيل أجهزة الإرسال", "أطفأت جهاز التتبع"
            r"(?:" + _AR_OFF + r")\s+(?:\S+\s+){0,1}?" + _AR_NOUN,
            _AR_ON,
        )
    ),
    re.I,
)

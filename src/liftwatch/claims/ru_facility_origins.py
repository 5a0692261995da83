"""Where an unnamed base left stands is where the carrier came from: "вылетели с аэродрома в Северной Осетии".

Russian names the facility a carrier left in the genitive after "с", "со" or "из" ("с аэродрома", "с военной
базы", "из порта", "из пункта постоянного базирования") and, when it gives the facility no name, says where it is
with "в" and the place: "отплыл с военной базы в штате Вирджиния", "вышел из пункта постоянного базирования в
Балтийске". The place after that "в" is the facility's address, so the voyage's origin, not a goal; read alone, the
bare "в" before it is a destination cue. English and French say the same with "from its base in" and "a quitté sa
base à", which their origin cues already read through the filler.

A facility whose name follows ("с аэродрома Энгельс", "из порта Тартус") is that place and needs nothing here; "на"
after the noun is left alone, as it also starts the goal ("с аэродрома на аэродром Биак"). The cue does not read the
place's case, so a goal in the accusative right after an unnamed port ("вышел из порта в Средиземное море") would be
taken for the port's address; reporting names the port it sails from, and the fitting corpus holds no such sentence.
"""

from __future__ import annotations

# the facility nouns in the genitive that "с" and "из" govern, singular or plural: an airfield, an airport, a base or
# air base, a port or harbour, the permanent base ("пункт (постоянного) базирования", "место постоянной дислокации")
_FACILITY = (
    r"(?:аэродром(?:а|ов)|аэропорт(?:а|ов)|(?:авиа)?баз(?:ы)?|порт(?:а|ов)|гаван(?:и|ей)|"
    r"пункт(?:а|ов)\s+(?:постоянного\s+)?базирования|мест(?:а)?\s+постоянной\s+дислокации)"
)
# an adjective in the genitive before the noun ("военного", "военно-морской", "российских")
_ADJ = r"(?:[а-яё-]+(?:ого|его|ой|ей|ых|их)\s+)"

# the verb before it, if any (the origin cue "вылетели с" would otherwise be read first and end the search there),
# "с" / "со" / "из", at most two adjectives ("с военного аэродрома", "из главной военно-морской базы"), the noun,
# then the "в" of its address
RU_FROM_FACILITY_IN = r"(?:[\w-]+\s+)?(?:из|с|со)\s+" + _ADJ + r"{0,2}" + _FACILITY + r"\s+(?:в|во)"

RU_FACILITY_ORIGIN_CUES = (RU_FROM_FACILITY_IN,)

"""Whether a name in running text is marked as something other than a place: a person's, or a quoted name.

A place matched by its sound alone (``kb.sound_index``) has no spelling to vouch for it, and reporting is full of
people and ships whose names sound like places ("министр обороны Остин", "الرئيس الأسد", the submarine
"كازان", the freighter "فولوغدا-50"). The sentence usually says so: a title or office before a person's name,
or, in Russian, a patronymic or a surname after it; quotation marks round a ship's, a unit's or a company's
name. Only those markers are read; a name without them is left to the other guards.
"""

from __future__ import annotations

import re

_TITLE_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:президент\w*|министр\w*|премьер\w*|генерал\w*|полковник\w*|адмирал\w*|глав[аеуы]|"
    r"посл[аоу]м?|посол|господин\w*|г-н\w*|г-жа|командующ\w+|спикер\w*|представител\w+|пресс-секретар\w+|"
    r"директор\w*|журналист\w*|эксперт\w*|аналитик\w*|лидер\w*|сенатор\w*|депутат\w*|фельдмаршал\w*|"
    r"president|minister|general|colonel|admiral|ambassador|secretary|spokesman|spokeswoman|senator|mr|mrs|ms|"
    r"président|ministre|général|colonel|amiral|ambassadeur|porte-parole|sénateur|m\.|mme)"
    r"|(?<![\w])(?:ال|و|ل)?(?:رئيس|الرئيس|وزير|الوزير|اللواء|العميد|العقيد|الجنرال|المشير|السيد|السيدة|الشيخ|"
    r"المتحدث|السفير|الأمير|الملك|النائب|الصحفي|الخبير))"
    r"(?:\s+(?!(?:в|во|из|на|до|через|с|к|to|from|in|at|via|à|de|vers|en|إلى|الى|من|في)\s)[\w-]+){0,3}?\s+$",
    re.I,
)
# a Russian patronymic or surname right after the name ("Владимир Владимирович", "Мария Захарова")
_RU_NAME_AFTER = re.compile(
    r"\s+[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|ов|ев|ёв|ин|ын|ова|ева|ина|ына|ский|ская)\b"
)


def person_marked(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` is marked as a person's by a title up to three words before it, or by a
    Russian patronymic or surname after it."""
    before = text[max(0, start - 60) : start]
    if _TITLE_BEFORE.search(before) and not re.search(r"[.;:!?]", before[-25:]):
        return True
    return _RU_NAME_AFTER.match(text, end) is not None


_OPEN = "«“„\"'‘"
_CLOSE = "»”“\"'’"


# a facility noun before the opening mark: the quoted name is the facility's ("с авиабазы "Рамштайн"", "в
# аэропорту "Внуково"", "مطار “فنوكوفو”")
_FACILITY_BEFORE = re.compile(
    r"(?:авиабаз\w*|аэропорт\w*|аэродром\w*|баз[аеуыой]\w*|порт\w*|airport|air\s*base|base|port|aéroport|"
    r"مطار|قاعدة|ميناء|ال?مطار)\s*$",
    re.I,
)


def quoted(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` stands inside quotation marks opened at most three words before it
    ("الغواصة النووية “كازان”", "«Фиолент»"): a ship's, a unit's or an organisation's name, not a place; unless
    a facility noun opens the quote ("с авиабазы "Рамштайн""), which names the facility."""
    before = text[max(0, start - 40) : start]
    opened = max(before.rfind(q) for q in _OPEN)
    if opened >= 0 and _FACILITY_BEFORE.search(before[:opened]):
        return False
    if (
        opened < 0
        or any(c in before[opened + 1 :] for c in _CLOSE if c not in _OPEN)
        or len(before[opened + 1 :].split()) > 3
    ):
        return False
    return any(c in text[end : end + 40] for c in _CLOSE)

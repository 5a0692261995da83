"""A state's own space named by its Arabic adjective: "الأجواء السودانية", "المياه الإقليمية الإيرانية", "الأراضي
السورية", "المجال الجوي الليبي" are the state, as English "Sudanese airspace" or "Iranian waters" are.

The adjective alone is no place ("طائرة روسية" is a Russian plane); after a noun of airspace, waters or land it is
where a carrier passed, went or left ("ثم عبرت الأجواء السودانية لتحط في مطار أم جرس": over Sudan; "تتجه نحو
المياه الإقليمية الإيرانية": to Iran), and the cue before the noun gives it its role.

The state itself is named the same way by its style, "الجمهورية التركية" (the Turkish Republic), "الجمهورية العربية
السورية", "الجمهورية الإسلامية الإيرانية": the noun of the republic, its Arab or Islamic epithet, then the state's
adjective ("متجهتين إلى الجمهورية التركية الصديقة": to Turkey).
"""

from __future__ import annotations

import re
from dataclasses import replace

from liftwatch.claims.ar_state_adjectives import state_of
from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.intervals import Taken
from liftwatch.claims.places import Gazetteer, Mention
from liftwatch.kb.nationalities import demonym_rows

_STATE_SPACE = re.compile(
    rf"{AR_WORD_START}(?:[وفبل]|لل)?(?P<space>(?:ال)?(?:أجواء|اجواء|مياه|أراضي|اراضي|مجال\s+(?:ال)?جوي)"
    r"(?:\s+(?:ال)?(?:إقليمية|اقليمية))?\s+ال(?P<adj>[\u0621-\u064A]{3,})"
    # the state by its style: "الجمهورية التركية", "الجمهورية العربية السورية", "الجمهورية الإسلامية الإيرانية"
    rf"|الجمهورية(?:\s+ال(?:عربية|إسلامية|اسلامية))?\s+ال(?P<radj>[\u0621-\u064A]{{3,}})){AR_WORD_END}"
)


def state_space_mentions(text: str, gaz: Gazetteer, taken: Taken) -> list[Mention]:
    """The states whose airspace, waters or land ``text`` names by the state's Arabic adjective, each a mention
    of the state's place over the whole phrase (where no other reader took those characters)."""
    out: list[Mention] = []
    rows = demonym_rows()
    for m in _STATE_SPACE.finditer(text):
        iso = state_of(m.group("adj") or m.group("radj"))
        a, b = m.span("space")
        if iso is None or iso not in rows or not taken.free(a, b):
            continue
        place = gaz.lookup(rows[iso][0])
        if place is None or place.kind != "region":
            continue
        out.append(Mention(a, b, replace(place, text=text[a:b]), "candidate"))
        taken.add(a, b)
    return out

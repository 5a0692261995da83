"""Ships named in a list after the noun that counts them: "trois bateaux de la Marine nationale (le Ventôse, le
Dumont d'Urville et le Tonnerre)", "two navy ships (the Ventose and the Tonnerre)".

``ships.named_ships`` reads a name right after its class noun ("la frégate Ventôse"); reporting that counts the
ships first and names them afterwards puts the names in brackets, each with its article, after whatever says whose
ships they are. Each name of the bracketed list is a carrier. The list must hold names only (capitalised words,
French "d'"/"de" inside a name as in "Dumont d'Urville"), so a bracketed date, figure or source is never read as a
ship.
"""

from __future__ import annotations

import re

# the plural nouns that count ships, in English and French ("bateaux" too: the list's names say they are ships)
_COUNTING_NOUN = (
    r"(?i:ships|vessels|warships|frigates|boats|navires|bâtiments|bateaux|frégates|patrouilleurs|corvettes|"
    r"destroyers|sous-marins|pétroliers|cargos)"
)
_ARTICLE = r"(?:(?:le|la|les|the|l['’])\s*)"
_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]*"
# a name of one to three capitalised words; French joins a name's parts with "d'", "de" or "du" ("Dumont d'Urville")
_NAME = rf"{_WORD}(?:[ \t]+(?:(?:de|du)[ \t]+|d['’])?{_WORD}){{0,2}}"
_ITEM = rf"{_ARTICLE}?{_NAME}"
_BRACKETED = re.compile(
    rf"\b{_COUNTING_NOUN}\b[^().;:\n]{{0,60}}?\(\s*(?P<list>{_ITEM}(?:\s*(?:,|\bet\b|\band\b)\s*{_ITEM})+)\s*\)"
)
_SEP = re.compile(r"\s*(?:,|\bet\b|\band\b)\s*")
_LEAD_ARTICLE = re.compile(rf"^{_ARTICLE}")


def bracketed_ships(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each ship named in a bracketed list of two or more after a plural ship noun."""
    out: list[tuple[int, int, str]] = []
    for m in _BRACKETED.finditer(text):
        pos = m.start("list")
        for part in _SEP.split(m.group("list")):
            lead = _LEAD_ARTICLE.match(part)
            name = part[lead.end() :] if lead else part
            i = text.find(name, pos)
            if not name or i < 0:
                continue
            out.append((i, i + len(name), name))
            pos = i + len(name)
    return out

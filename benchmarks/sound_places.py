"""Which words of the development corpus resolve to a place by sound, and which resolve so newly.

    .venv/bin/python benchmarks/sound_places.py [FOLDER]

Defaults to ``tests/data/articles``; never point it at a set you keep blind. Every Cyrillic and Arabic word of
every excerpt's ``text`` (hyphenated words whole: "Эль-Мукалла") goes through the gazetteer's lookup
(``claims.places.Gazetteer.lookup``: the Russian case endings stripped, a lower-case Cyrillic word refused)
as if it stood in a place position, with and without the sound match of ``kb.sound_index``; a word whose place
differs, and that stands at least once unmarked as a person's or a quoted name (``claims.name_marks``: the
guards the extractor applies to a place by sound), is listed with the
place it gets now, to be judged by hand (the precision of that list is recorded in ``docs/accuracy.md``). A second count runs ``kb.resolve_place`` itself on every word, without the claim
layer's capital-letter guard.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

from liftwatch.claims.name_marks import person_marked, quoted
from liftwatch.claims.places import Gazetteer, norm_key
from liftwatch.errors import PlaceError
from liftwatch.kb import places
from liftwatch.kb.ru_forms import ru_variants
from liftwatch.kb.sound_index import place_by_sound

_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*|[\u0621-\u064A]+")


def words(folder: Path) -> tuple[Counter[str], Counter[str]]:
    """Every word, and how often each stands unmarked as a person's or a quoted name (``claims.name_marks``)."""
    found: Counter[str] = Counter()
    unmarked: Counter[str] = Counter()
    for path in sorted(folder.glob("*.toml")):
        text = tomllib.loads(path.read_text(encoding="utf-8")).get("text", "")
        for m in _WORD.finditer(text):
            found[m.group(0)] += 1
            if not (person_marked(text, m.start(), m.end()) or quoted(text, m.start(), m.end())):
                unmarked[m.group(0)] += 1
    return found, unmarked


def sounding(found: Counter[str]) -> list[str]:
    """The words the sound step could touch: one of the forms the lookup tries sounds like a kb name (the
    other words resolve as they did before, so only these are looked up twice)."""
    out = []
    for w in found:
        for variant in ru_variants(norm_key(w)):
            try:
                if place_by_sound(variant) is not None:
                    out.append(w)
                    break
            except PlaceError:
                continue
    return out


def lookups(found: list[str], sound: bool) -> dict[str, str | None]:
    saved = place_by_sound
    if not sound:
        places.place_by_sound = lambda text: None  # type: ignore[attr-defined]
    try:
        gaz = Gazetteer()
        out = {}
        for w in found:
            place = gaz.lookup(w)
            out[w] = None if place is None else f"{place.id} {place.name}"
        return out
    finally:
        places.place_by_sound = saved  # type: ignore[attr-defined]


def kb_level(found: Counter[str]) -> list[tuple[str, str]]:
    out = []
    for w in found:
        try:
            ref = place_by_sound(w)
        except PlaceError:
            continue
        if ref is not None:
            out.append((w, f"{ref.id} {ref.name}"))
    return out


def main(folder: str = "tests/data/articles") -> int:
    found, unmarked = words(Path(folder))
    touched = sounding(found)
    before = lookups(touched, sound=False)
    after = lookups(touched, sound=True)
    new = [(w, after[w], before[w]) for w in touched if after[w] != before[w] and unmarked[w]]
    print(f"{len(found)} distinct Cyrillic and Arabic words; {len(new)} resolve differently with the sound match:")
    for w, now, then in sorted(new, key=lambda x: x[0]):
        print(f"  {w!r} ({unmarked[w]}x unmarked, {found[w]}x in all): {now}   (before: {then})")
    raw = kb_level(found)
    print(f"kb.resolve_place's sound step alone (no capital-letter guard) resolves {len(raw)} words:")
    for w, ref in sorted(raw):
        print(f"  {w!r}: {ref}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

"""Adjectives of nationality for every state: English and French ("Turkish", "libanais", "russes"), Russian stems
("ливийск"), Arabic nisbas ("ليبي", "أمريكي").

Read by the claim extractor wherever an adjective stands for its state (a state's bases, "from Turkish bases"; the
country of a port two countries share, "le port libanais"; a state's forces, "la marine algérienne", "суданская
армия", "سلاح الجو الفرنسي"; a state's contingent in a roster, "quatre avions jordaniens"). Each data file is read
here once, so that an adjective several territories share means the same state everywhere: the most populous
one's ("American" is the United States, not the Northern Mariana Islands that also list it). A reader that knows
only some states (the movers know no state whose only movers are factions) asks for those, and an adjective is
then the most populous of them.

Data: English demonyms and populations from ``data/kb/demonyms.csv`` (the countryinfo package's data, MIT); French
forms and Russian stems from ``data/kb/state_adjectives.csv``. Arabic adjectives are formed from the states' Arabic
names (``kb.countries``: فرنسا → فرنسي, السودان → سوداني), which no library here provides for all countries.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterable
from functools import cache

from liftwatch.kb._data import data_path, read_csv
from liftwatch.kb._text import AR_VOWEL_MARKS

# the Arabic adjectives no form of the state's name gives: "أمريكي" / "أميركي" is not made from "الولايات
# المتحدة", nor "بريطاني" from "المملكة المتحدة" ("طائرات شحن عسكرية أمريكية", "البحرية البريطانية")
_AR_ADJECTIVES = {"US": ("أمريكي", "أميركي", "امريكي", "اميركي"), "GB": ("بريطاني",)}


@cache
def demonym_rows() -> dict[str, tuple[str, str]]:
    """ISO2 -> (the state's English name, its demonyms as ``data/kb/demonyms.csv`` writes them, comma-separated
    where several), the most populous state first: the order in which states claim a shared adjective."""
    with data_path("demonyms.csv").open(encoding="utf-8") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: -int(r["population"] or 0))
    out: dict[str, tuple[str, str]] = {}
    for row in rows:
        out.setdefault(row["iso2"], (row["country"], row["demonym"]))
    return out


@cache
def _state_adjective_rows() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(ISO2, French forms with their plurals, Russian stems) of ``data/kb/state_adjectives.csv``, in file order."""
    out = []
    for row in read_csv("state_adjectives.csv"):
        french = tuple(f for w in row["fr"].split("|") for f in (w, w if w.endswith(("s", "x")) else w + "s"))
        out.append((row["iso2"], french, tuple(row["ru"].split("|"))))
    return tuple(out)


def _first_state(pairs: Iterable[tuple[str, str]], states: Collection[str] | None) -> dict[str, str]:
    """form -> ISO2 of (ISO2, form) pairs, for ``states`` (all when None): a form two states list is the first's."""
    out: dict[str, str] = {}
    for iso, form in pairs:
        if states is None or iso in states:
            out.setdefault(form, iso)
    return out


def french_adjectives(states: Collection[str] | None = None) -> dict[str, str]:
    """French adjective forms as written, singular and plural ("algérien", "algériennes") -> ISO2, for
    ``states`` (all when None); a form two states list is the first one's in the file."""
    return _first_state(((iso, f) for iso, french, _ in _state_adjective_rows() for f in french), states)


def russian_stems(states: Collection[str] | None = None) -> dict[str, str]:
    """Russian adjective stems every case form starts with ("ливийск": ливийский, ливийской) -> ISO2, for
    ``states`` (all when None), in file order."""
    return _first_state(((iso, s) for iso, _, stems in _state_adjective_rows() for s in stems), states)


@cache
def _nationality_adjectives(states: frozenset[str] | None) -> dict[str, tuple[str, str]]:
    names = {iso: name for iso, (name, _) in demonym_rows().items() if states is None or iso in states}
    forms: dict[str, tuple[str, str]] = {}
    for iso, (name, demonyms) in demonym_rows().items():
        if iso not in names:
            continue
        for dem in demonyms.split(","):  # an adjective several territories share ("French") is the most populous one's
            if len(dem.strip()) >= 4:
                forms.setdefault(dem.strip().lower(), (iso, name))
    for form, iso in french_adjectives(names).items():
        forms.setdefault(form.lower(), (iso, names[iso]))
    return forms


def nationality_adjectives(states: Collection[str] | None = None) -> dict[str, tuple[str, str]]:
    """Lower-cased English and French adjectives of states -> (ISO2, the state's English name): the English
    demonyms of ``data/kb/demonyms.csv`` (four letters or more) and the French forms of
    ``data/kb/state_adjectives.csv`` with their plurals. Every state with a demonym when ``states`` is None,
    factions' countries included ("le sol libyen" is Libya, whoever moves there); else only those of ``states``."""
    return _nationality_adjectives(None if states is None else frozenset(states))


def arabic_nisba(name: str) -> str:
    """The Arabic adjective of a state formed from its name: the article and the vowel marks dropped, a final
    alif replaced and a final "ية" shortened (فرنسا → فرنسي, الصّين → صيني, السعودية → سعودي, الجزائر → جزائري)."""
    bare = AR_VOWEL_MARKS.sub("", name)
    bare = bare[2:] if bare.startswith("ال") else bare
    if bare.endswith("ية"):
        return bare[:-1]
    # the stem without its final alif keeps a final "ي" as the adjective's own: إيطاليا → إيطالي, كينيا → كيني
    # (not "إيطاليي", which no text writes)
    stem = bare[:-1] if bare.endswith("ا") else bare
    return stem + ("" if stem.endswith("ي") else "ي")


@cache
def _arabic_adjectives(states: frozenset[str] | None) -> dict[str, str]:
    from liftwatch.kb.countries import countries

    by_size = {iso: i for i, iso in enumerate(demonym_rows())}
    named = [
        (iso, arabic_nisba(form))
        for iso, country in sorted(countries().items(), key=lambda kv: by_size.get(kv[0], len(by_size)))
        for form in (*country.english, *country.aliases)
        if len(form) >= 3 and re.search(r"[\u0600-\u06ff]", form) and not re.search(r"[\u0400-\u04ff]", form)
    ]
    return _first_state([*named, *((iso, n) for iso, nisbas in _AR_ADJECTIVES.items() for n in nisbas)], states)


def arabic_adjectives(states: Collection[str] | None = None) -> dict[str, str]:
    """Arabic adjectives of states, without the article ("فرنسي", "سوداني", "أمريكي") -> ISO2, for ``states``
    (all when None): formed from every Arabic name of the state (:func:`arabic_nisba`), the most populous state
    first, and the few no name gives ("أمريكي", "بريطاني")."""
    return _arabic_adjectives(None if states is None else frozenset(states))

"""Country names in any of the forms reporting uses ("Mali", "CAR", "Центральноафриканская Республика") to ISO2.

Why pycountry: it ships the ISO 3166-1 names (official, common) and their translations (Russian, Arabic,
French, ...), so every country, not just the ones this theatre names today, resolves without a hand-kept list.
What ISO does not carry (press abbreviations such as "CAR", "DRC", "UAE"; short forms such as "Russia",
"Turkey", "Ivory Coast") is added by :data:`EXTRA_ALIASES`. A country is a place in its own right: the kb
sites registered there (airportsdata country code), never one airfield whose name merely looks alike
("Mali" is not Malé, "Sudan" is not Sudan Airport, Texas).
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache

import pycountry

from liftwatch.kb._text import norm_key, phonetic_key

LANGUAGES = ("ru", "ar", "fr", "de", "es", "it", "tr", "uk")  # languages of the reporting liftwatch reads

# Abbreviations and short forms the press uses that ISO 3166 does not list (all scripts).
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    # "Central Africa" is the republic in the press, as its Arabic name (أفريقيا الوسطى) says word for word
    "CF": ("CAR", "C.A.R.", "Centrafrique", "ЦАР", "ЦАР (Центральноафриканская Республика)",
           "Центральноафриканская Республика", "أفريقيا الوسطى", "جمهورية أفريقيا الوسطى", "Central Africa"),
    # the bare "Конго"/"Congo" stays the Republic (ISO's short name); the press's short forms of the DRC's are its own
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Democratic Republic of the Congo", "ДРК",
           "ДР Конго", "Конго-Киншаса", "RD Congo", "RDC", "الكونغو الديمقراطية"),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "Конго-Браззавиль"),
    "AE": ("UAE", "U.A.E.", "Emirates", "ОАЭ", "الإمارات"),
    "US": ("USA", "U.S.A.", "United States", "America", "США"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "Великобритания"),
    "RU": ("Russia", "RF", "Россия", "РФ", "روسيا"),
    "TR": ("Turkey", "Türkiye", "Turkiye", "Турция", "تركيا"),
    # ISO's Arabic translation misses the press's spelling of Serbia
    "RS": ("صربيا",),
    "BD": ("بنجلاديش",),  # the Egyptian spelling (ج for g) beside ISO's بنغلاديش
    # Arabic writes the state's French name (كوت ديفوار) as often as ISO's translation (ساحل العاج)
    "CI": ("Ivory Coast", "Cote d'Ivoire", "كوت ديفوار"),
    "GA": ("الجابون",),  # the Egyptian spelling (ج for g) beside ISO's الغابون
    "SB": ("جزر سليمان",),  # the common Arabic name beside ISO's جزر سولومن
    "CV": ("Cape Verde",),  # the common English name beside ISO's Cabo Verde
    "KP": ("DPRK",),
    "CN": ("PRC", "КНР"),  # КНР: the People's Republic's Russian initials, as США, ОАЭ
    "TM": ("Туркмения",),  # the common Russian name beside ISO's Туркменистан
    # South Africa's Russian initials (as США, ОАЭ) and its long name in the cases reporting writes it, as Russia's
    # "Российской Федерации"
    "ZA": ("ЮАР", "Южно-Африканской Республики", "Южно-Африканской Республике", "Южно-Африканскую Республику",
           "Южно-Африканской Республикой"),
    # the islands' name is the state's common Russian name beside ISO's Сейшелы
    "SC": ("Сейшельские острова", "Сейшельских островов", "Сейшельских островах", "Сейшельским островам",
           "Сейшельскими островами"),
    # the state's own long name ("Кыргызская Республика") and the common Russian spelling of it
    "KG": ("Киргизская Республика", "Кыргызская Республика", "Киргизстан"),
    # French Guiana's French name: ISO's French form is "Guyane française", the press's "(la) Guyane"; Guyana is
    # "Guyana" in French, so the bare word is the French territory's only
    "GF": ("Guyane", "la Guyane"),
    # the island's French side is "Saint-Martin" in French and "Saint Martin" in English (ISO's short name, its
    # Russian "Сен-Мартен" and Arabic "سانت مارتين" likewise), the Dutch side "Sint Maarten" ("Синт-Мартен"): the
    # airport table files Princess Juliana (Sint Maarten) under the town "Saint Martin", which made the French
    # territory's bare name the Dutch side's airport
    "MF": ("Saint Martin", "Saint-Martin", "Collectivity of Saint Martin", "collectivité de Saint-Martin",
           "Сен-Мартен", "سانت مارتين"),
    "SX": ("Sint Maarten", "Sint-Maarten", "St. Maarten", "St Maarten", "Синт-Мартен"),
    "RE": ("La Réunion", "la Réunion", "île de La Réunion", "l'île de La Réunion"),  # French names the article leads
    "TL": ("East Timor", "Timor oriental", "تيمور الشرقية"),  # the common names beside ISO's Timor-Leste
    "SD": ("Судан", "السودان", "Soudan"),
    "SS": ("South Sudan", "Южный Судан", "جنوب السودان"),
    "ML": ("Мали", "مالي"),
    "NE": ("Нигер", "النيجر"),
    "TD": ("Чад", "تشاد"),
    "SY": ("Syria", "Сирия", "سوريا", "سورية"),
    "LY": ("Libya", "Ливия", "ليبيا"),
    "EG": ("Египет", "مصر"),
    "DZ": ("Алжир", "الجزائر"),
    "CZ": ("Czech Republic",),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "MM": ("Burma",),
    "VA": ("Vatican",),
    "PS": ("Palestine",),
    "IR": ("إيران",),  # ISO's Arabic name is the inverted official one only
    "TW": ("Republic of China",),  # the island's own state name, never the People's Republic (a form below)
}  # fmt: skip


@dataclass(frozen=True)
class Country:
    """One ISO 3166-1 country: ``code`` (ISO2), English ``name`` and every alias the resolver accepts."""

    code: str
    name: str
    aliases: tuple[str, ...]
    english: tuple[str, ...] = ()  # the ISO English names (common, short, official): they win key clashes


def _translations() -> list[gettext.NullTranslations]:
    out: list[gettext.NullTranslations] = []
    for lang in LANGUAGES:
        try:
            out.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:  # a pycountry build without this locale: fewer aliases, still correct
            continue
    return out


def _forms(name: str) -> list[str]:
    """A name and its uninverted form ("Syrienne, République arabe" -> "République arabe Syrienne")."""
    forms = [name]
    if ", " in name:
        head, _, tail = name.partition(", ")
        forms.append(f"{tail} {head}")
    return forms


@cache
def countries() -> dict[str, Country]:
    """Every ISO 3166-1 country by ISO2 code (cached; ~50 ms on first call)."""
    translations = _translations()
    out: dict[str, Country] = {}
    for c in pycountry.countries:
        english = [str(getattr(c, attr)) for attr in ("common_name", "name", "official_name") if hasattr(c, attr)]
        names = [*english, *EXTRA_ALIASES.get(c.alpha_2, ())]
        for tr in translations:
            names += [tr.gettext(n) for n in english]
        aliases = tuple(dict.fromkeys(form for n in names for form in _forms(n)))
        out[c.alpha_2] = Country(c.alpha_2, english[0], aliases, tuple(f for n in english for f in _forms(n)))
    return out


@cache
def _country_index() -> dict[str, str]:
    """norm_key(alias) -> ISO2; the first country to claim a key keeps it (English names come first)."""
    out: dict[str, str] = {}
    for english_pass in (True, False):  # English names of every country first, then abbreviations, translations
        for c in countries().values():
            for text in c.english if english_pass else c.aliases:
                key = norm_key(text)
                if key and key not in out:
                    out[key] = c.code
    return out


# A state named by its form of government before its name ("the Kingdom of Saudi Arabia", "the Sultanate of Oman",
# "the Republic of the Congo", "le Sultanat d'Oman", "la République islamique d'Iran"): the name after it is the
# state. Only adjectives that leave the state the same may stand by the form word ("Islamic", "Hashemite"): a
# "Democratic Republic of the Congo" or "Democratic People's Republic of Korea" is another state than the
# "Republic of" one, and is read by its own listed name. "State of" is left out: "the State of Georgia" is a US
# state as often as the country, and the states the press so names ("State of Qatar") are ISO's own names.
_EN_FORM = (
    r"(?:the\s+)?(?:(?:islamic|hashemite|arab|federal|people['’]s|bolivarian|plurinational)\s+)?"
    r"(?:kingdom|sultanate|republic|emirate|federation|principality|grand\s+duchy)\s+of\s+(?:the\s+)?"
)
_FR_FORM = (
    r"(?:(?:le|la)\s+|l['’]\s*)?(?:royaume|sultanat|r[ée]publique|[ée]mirat|f[ée]d[ée]ration|principaut[ée]|"
    r"grand[\s-]duch[ée])(?:\s+(?:islamique|hach[ée]mite|arabe|f[ée]d[ée]rale|populaire|bolivarienne))?"
    r"\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|d['’]\s*|de\s+)"
)
# Arabic puts the form word before the name in construct ("دولة السودان", "جمهورية مصر", "مملكة البحرين") and
# adjectives after it ("جمهورية إيران الإسلامية", "دولة الإمارات العربية المتحدة"); those that leave the state the
# same are dropped from the end, never "الديمقراطية" (the Democratic Republic of the Congo is another state)
#: the Arabic form word, written or folded (ة -> ه, إ -> ا, as keys and the claim check's gazetteer read text)
AR_STATE_FORM = r"(?:دول|جمهوري|مملك|سلطن|[إا]مار)[ةه]\s+"
_AR_SAME_STATE = re.compile(r"\s+(?:العربي|ال[إا]سلامي|الشعبي|الاتحادي|الهاشمي|المتحد)[ةه]$")
_STATE_FORM = re.compile(rf"(?i)^\s*(?:{_EN_FORM}|{_FR_FORM}|{AR_STATE_FORM})(?P<name>\S.*?)\s*$")
# "U.S.", "U.K.", "U.A.E.": a state's initials written with dots (case folded away by the callers' keys)
_DOTTED = re.compile(r"(?i)\s*[a-z](?:\.\s?[a-z]){1,4}\.?\s*")
# The one state whose dotted initials are its ISO2 code and no listed abbreviation ("U.S."): other dotted pairs
# that spell a code are cities and company forms ("L.A.", "S.A."), not Laos or Saudi Arabia.
_DOTTED_CODES = frozenset({"US"})


def resolve_country(text: str) -> Country | None:
    """The country ``text`` names exactly (any listed form, any script), or None. ISO2 codes count only when
    typed in upper case ("ML"), so that the word "ml" or "us" is never read as a country. A state named by its
    form of government ("the Sultanate of Oman") is the state its name after the form word names, and a state's
    dotted initials ("U.S.", "U.K.") are that state."""
    t = text.strip()
    if len(t) == 2 and t.isalpha() and t.isupper() and t in countries():
        return countries()[t]
    code = _country_index().get(norm_key(t))
    if code is None and _DOTTED.fullmatch(t):
        bare = re.sub(r"[.\s]", "", t).upper()
        code = bare if bare in _DOTTED_CODES else _country_index().get(norm_key(bare))
    if code is None and (form := _STATE_FORM.match(t)) is not None:
        name = form["name"]
        code = _country_index().get(norm_key(name))
        while code is None and (adjective := _AR_SAME_STATE.search(name)) is not None:
            name = name[: adjective.start()]
            code = _country_index().get(norm_key(name))
    return countries()[code] if code else None


def country_keys() -> dict[str, str]:
    """All country alias keys (norm_key) -> ISO2, for fuzzy candidate lists."""
    return _country_index()


@cache
def country_phonetic() -> dict[str, str]:
    """phonetic_key(alias) -> ISO2 for Latin-script aliases of at least 4 letters ("Malii", "Sudaan")."""
    out: dict[str, str] = {}
    for key, code in _country_index().items():
        if len(key) >= 4 and key.isascii():
            out.setdefault(phonetic_key(key), code)
    return out

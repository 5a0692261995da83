"""A state's adjective on a merchant ship's noun, in Russian or Arabic: a flag or a nationality, not a mover.

"российский танкер Eventin", "российское судно «Ангара»", "российского транспорта «Балтик лидер»", "турецкий
сухогруз": Russian names a merchant ship by its flag or its owner's nationality, and the annotation's rule 6 gives
a nationality alone no actor (rule 8: a private company's ship has no actor unless the text says who moves it). A
warship ("российский военный корабль", "большой противолодочный корабль") or a state's military transport
("военный транспорт") is its state's, and those nouns are not read here: "корабль" names a warship far more often
than a merchant, "судно" the reverse. Arabic puts the adjective after the noun and the kind of cargo ("سفينة شحن
روسية", "سفينة الشحن الروسية", "ناقلة النفط الإيرانية", "باخرة تجارية تركية"); a ship with no word of cargo or
trade ("سفينة روسية", "سفينة حربية روسية") is left to the other rules. Rules, because the nouns are a closed list and the agreement is the noun's
ending.
"""

from __future__ import annotations

import re

from liftwatch.claims.ar_words import AR_WORD_START

# a merchant ship's noun, in any case, after at most one adjective of its own that is no word of the armed forces
# ("российский нефтяной танкер"; not "российский военный транспорт"); the singular "судно" in every case, the plural
# "суда/судов" only after a plural adjective (the singular "суда" is also "of the court")
_MERCHANT_AFTER = re.compile(
    r"^\s+(?:(?!военн|боев|десантн|гидрографическ|разведывательн)[а-яё-]+"
    r"(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ые|ие|ых|их|ыми|ими)\s+)?"
    r"(?P<noun>танкер\w*|сухогруз\w*|контейнеровоз\w*|балкер\w*|газовоз\w*|рудовоз\w*|лесовоз\w*|"
    r"судн(?:о|а|у|ом|е)\b|суд(?:а|ов|ам|ами|ах)\b|транспорт(?:а|у|ом|е|ы|ов)?\b)",
    re.I,
)
_PLURAL_ADJECTIVE = re.compile(r"(?:ые|ие|ых|их|ыми|ими)$", re.I)
# an Arabic merchant ship's noun with its kind of cargo or trade, right before the adjective: "سفينة شحن", "سفينة
# الشحن", "سفن الشحن", "ناقلة (ال)نفط", "ناقلات", "باخرة", "سفينة تجارية", "سفينة حاويات"; a tanker or a
# "باخرة" needs no cargo word, a "سفينة" does
_AR_MERCHANT_BEFORE = re.compile(
    rf"{AR_WORD_START}(?:(?:سفين(?:ة|تا|تي|ه)|سفن)\s+(?:ال)?(?:شحن|بضائع|حاويات|تجاري(?:ة|تان|تين)?|نفط)"
    r"|(?:ناقل(?:ة|تا|تي|ات)|باخر(?:ة|تا|تي)|بواخر)(?:\s+(?:ال)?(?:نفط|وقود|غاز|شحن|بضائع|حاويات|تجاري(?:ة|ات)?))?)"
    r"\s+$"
)


def names_merchant_flag(text: str, start: int, end: int) -> bool:
    """Whether the state's adjective ``text[start:end]`` qualifies a merchant ship's noun right after it (its flag or
    nationality, rule 6) rather than a carrier its state moves."""
    m = _MERCHANT_AFTER.match(text[end:])
    if m is None:
        return False
    noun = m.group("noun").lower()
    if noun.startswith("суд") and not noun.startswith("судн"):
        return _PLURAL_ADJECTIVE.search(text[start:end]) is not None
    return True


def names_arabic_merchant_flag(text: str, start: int) -> bool:
    """Whether the Arabic state adjective starting at ``start`` follows a merchant ship's noun ("سفينة شحن روسية"):
    its flag or nationality (rule 6), not the carrier's mover."""
    return _AR_MERCHANT_BEFORE.search(text[max(0, start - 40) : start]) is not None

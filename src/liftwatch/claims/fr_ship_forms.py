"""French ways of naming a ship that the ship reader (``ships.py``) missed.

French describes the ship between its class noun and its name with a noun complement ("le remorqueur de sauvetage
Altaï", "le navire de soutien Vsevolod Bobrov", "le bâtiment de recherche Yantar") and with the navy's abbreviation
of the class in brackets ("le porte-hélicoptères amphibie (PHA) Dixmude", "la frégate (FREMM) Normandie"); and it
names the ship first with its class in brackets after it ("le Khark (porte-hélicoptères)"), as it does after a
comma ("le Sabalan, un navire de ravitaillement", ``ships._APPOSED``). Each is a word of the ship's description,
not of its name, so the name after it is still read as the ship's.
"""

from __future__ import annotations

# what the ship does, told by a noun complement, or its class told by the navy's bracketed abbreviation: words
# between the ship noun and its name (``ships._NATIONALITY`` allows up to two of them)
FR_SHIP_DESCRIPTION = (
    r"de\s+(?:sauvetage|soutien|ravitaillement|débarquement|recherche|transport|guerre|charge|assistance|haute\s+mer)"
    # the bracketed abbreviation closes the description, however long ("le bâtiment de commandement et de
    # ravitaillement (BCR) Somme", "la frégate multi-missions (FREMM) Languedoc", "(Batral)"): the lower-case words
    # before it are the class's full name, which the abbreviation spells
    r"|(?-i:(?:[a-zàâçéèêëîïôûùüÿœ][\w'’-]*\s+){0,5}\([A-Z](?:[A-Z]{1,5}|[a-z]{2,5})\))"
)

# the French navy's class abbreviations, written alone before a ship's name as a class noun is ("la FREMM
# Languedoc", "le PHA Tonnerre", "la FDA Forbin"): multi-mission and air-defence frigates, La Fayette-class light
# frigates, amphibious helicopter carriers, offshore patrol vessels, light transports, command and supply ships
FR_CLASS_ABBREVIATIONS = r"(?-i:FREMM|FDA|FLF|PHA|PHM|BATRAL|BCR|BRF)"


def fr_name_then_class(name: str, noun: str) -> str:
    """The pattern of a ship named first with its class in brackets after it ("le Khark (porte-hélicoptères)", "le
    Makran (pétrolier ravitailleur)"), built on the ship reader's ``name`` and ``noun`` patterns."""
    return rf"(?:\b[Ll]e\s+|\b[Ll]a\s+|\b[Ll]['’])(?P<name>{name})\s+\((?:[\w'’-]+\s+){{0,2}}?{noun}(?:\s+[\w'’-]+){{0,2}}\)"

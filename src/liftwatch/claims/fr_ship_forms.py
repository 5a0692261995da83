"""French ways of naming a ship that the ship reader (``ships.py``) missed.

French describes the ship between its class noun and its name with a noun complement ("le remorqueur de sauvetage
Altaï", "le navire de soutien Vsevolod Bobrov", "le bâtiment de recherche Yantar") and with the navy's abbreviation
of the class in brackets ("le porte-hélicoptères amphibie (PHA) Dixmude", "la frégate (FREMM) Normandie"); and it
names the ship first with its class in brackets after it ("le Khark (porte-hélicoptères)"), as it does after a
comma ("le Sabalan, un navire de ravitaillement", ``ships._APPOSED``). Each is a word of the ship's description,
not of its name, so the name after it is still read as the ship's. French also gives the name after the class noun
and a comma, with its article ("le pétrolier, le Talara,"), and describes the class at length before the navy's
abbreviation ("le patrouilleur de haute mer (PHM) Commandant Birot").
"""

from __future__ import annotations

# what the ship does, told by a noun complement, or its class told by the navy's bracketed abbreviation: words
# between the ship noun and its name (``ships._NATIONALITY`` allows up to two of them)
FR_SHIP_DESCRIPTION = (
    r"de\s+(?:sauvetage|soutien|ravitaillement|débarquement|recherche|transport|guerre|charge|assistance)"
    r"|\((?-i:[A-Z]{2,6})\)"
)


def fr_name_then_class(name: str, noun: str) -> str:
    """The pattern of a ship named first with its class in brackets after it ("le Khark (porte-hélicoptères)", "le
    Makran (pétrolier ravitailleur)"), built on the ship reader's ``name`` and ``noun`` patterns."""
    return rf"(?:\b[Ll]e\s+|\b[Ll]a\s+|\b[Ll]['’])(?P<name>{name})\s+\((?:[\w'’-]+\s+){{0,2}}?{noun}(?:\s+[\w'’-]+){{0,2}}\)"


# the navy or service a ship belongs to, which French also writes after a comma ("le navire, la Marine l'escorte"):
# a word of whose the ship is, never the ship's own name
_NAVY_WORDS = r"(?:Marine|Flotte|Garde|Forces?|Armée|Royal|Navy)\b"


def fr_name_after_noun(name: str, noun: str) -> str:
    """The pattern of a ship whose class noun comes first and whose name follows after a comma with its article
    ("le pétrolier, le Talara, a été saisi", "un deuxième pétrolier battant pavillon iranien, le Fortune, est
    entré", "le navire, le Usko MFU, est entré"), as English writes "the vessel, the X": the article after the
    comma is the name's, which the English "the" already allows; a capitalised one is part of the name ("la frégate
    anti-sous-marine (ASM), La Motte-Picquet,"), since no sentence starts after a comma. Up to four lower-case words
    or a bracketed class abbreviation may describe the ship before the comma ("battant pavillon iranien", "(ASM)"); the
    name ends at a comma or a full stop, as an apposition does ("un premier tanker, le Forst le lundi" tells another
    ship's arrival in passing)."""
    return (
        rf"(?<![\w-]){noun}(?:\s+(?:[a-zà-ÿ’'-]+|\([A-Z]{{2,6}}\))){{0,4}},\s*(?:(?:le|la)\s+|l['’]|(?=(?:Le|La)\s))"
        rf"(?!{_NAVY_WORDS})(?P<name>{name})(?=\s*[,;.)])"
    )


def fr_name_after_abbreviation(name: str, noun: str) -> str:
    """The pattern of a ship named after its class noun, a description of up to five lower-case words and the navy's
    bracketed abbreviation of the class ("le patrouilleur de haute mer (PHM) Commandant Birot", "le bâtiment de
    transport léger (BATRAL) Jacques Cartier", "le bâtiment de commandement et de ravitaillement (BCR) Somme"): the
    abbreviation closes the class's description, so the capitalised words after it are the ship's name however
    long the description was (``ships._NATIONALITY`` reads only two words of it)."""
    return rf"(?<![\w-]){noun}(?:\s+[a-zà-ÿ’'-]+){{1,5}}\s+\((?-i:[A-Z]{{2,7}})\)\s+(?P<name>{name})"

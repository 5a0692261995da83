"""A ship's hull or pennant number in brackets after its name: "Admiral Grigorovich (494)", «Ямал» (156), "HMS
Duncan (D37)", "USS Porter (DDG 78)", "la frégate Lorraine (D-657)".

Navies paint a number on each hull, and reporting in every language copies it in brackets after the name, so a list
of named ships reads "the frigates X (494) and Y (490)". The bracket belongs to the name before it: the ship readers
(:mod:`liftwatch.claims.ships`) read the next name of the list across it, and the named-ship count
(:mod:`liftwatch.claims.named_carriers`) treats it as no gap between two listed ships. Only a number of one to three
digits alone, or of up to four after one to four capitals (the class letters: "DDG", "CVN", "F", "A"), is a hull's;
a bracketed year ("(2019)") or a source ("(Reuters)") is not. Hand-written: a typographic convention, no library's.
"""

from __future__ import annotations

import re

# the bracket with its leading space: letters with an optional hyphen or space before the number ("CG-64", "DDG 78",
# "D37", "F 796"), or a bare number of up to three digits ("494", "156")
HULL_NUMBER = r"[ \t]*\([ \t]*(?:[A-Z]{1,4}[- ]?\d{1,4}|\d{1,3})[A-Z]?[ \t]*\)"
_HULL_NUMBER = re.compile(HULL_NUMBER)


def without_hull_numbers(text: str) -> str:
    """``text`` with every bracketed hull number dropped ("X (494) and Y (490)" -> "X and Y")."""
    return _HULL_NUMBER.sub("", text)

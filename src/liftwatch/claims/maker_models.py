"""A manufacturer's name followed by a model number the kb does not hold: the model is the carrier, not the maker.

The kb's types are found first ("Boeing 747", "Antonov 124"); a maker's name left over is read as a manufacturer-only
mention ("an Ilyushin", "the Antonov"), which the corpus writes "when only that is said". When the maker's name is
followed at once by a bare model number ("транспортника Boeing 742", "a Boeing 727"), more is said: the report names
a model the kb lacks, and the carrier is that model as the text spells it, maker and number, as the kb's own "Boeing
747" is written. A designation with a letter prefix after a maker ("Lockheed EP-3E") is not read here: it names a
model without its maker, and reading it as a carrier pulled other movements' types into claims it does not belong to.
"""

from __future__ import annotations

import re

# a bare model number right after the maker's name: two to four digits, an optional dash-number ("737-476") and a
# letter suffix ("767F"); Latin digits, as makers number their models
_MODEL = re.compile(r"[ \t]+(?P<model>\d{2,4}(?:-\d{2,3})?[A-Z]{0,2})(?![\w-])")
_YEAR = re.compile(r"(?:19|20)\d\d")


def model_after_maker(text: str, maker: str, end: int) -> tuple[int, str] | None:
    """The end offset and label of a model number written right after the maker's name ending at ``end`` ("Boeing
    742" -> "Boeing 742"), or None. A year is no model ("Airbus 2019")."""
    m = _MODEL.match(text, end)
    if m is None or _YEAR.fullmatch(m.group("model")):
        return None
    return m.end(), f"{maker} {m.group('model')}"

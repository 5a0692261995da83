"""What one word a user types for an aircraft or ship names: an ICAO address, an MMSI, a registration or a callsign.

``liftwatch kb asset WORD`` takes any of them. A word of six letters and digits that is no hex number (``zzzzzz``,
``15a0eg``) is most likely a mistyped ICAO address; read as a callsign the knowledge base knows nothing of, it had
been answered "nothing known" as if it were a valid address nobody had heard of. :func:`lookup_asset` refuses it
instead, naming the forms allowed, while a six-character callsign the knowledge base does know (an airline's
``AFL123``) is still read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from liftwatch.errors import InvalidValueError
from liftwatch.kb.assets import Classification, classify, known_assets

HEX_ADDRESS = re.compile(r"[0-9a-fA-F]{6}")
MMSI = re.compile(r"\d{9}")
_ADDRESS_LENGTH = re.compile(r"[0-9A-Za-z]{6}")
IDENTIFIER_FORMS = (
    "an ICAO 24-bit address: 6 hex digits, 0-9 and a-f (15a0e1)",
    "an MMSI: 9 digits (273451230)",
    "a registration with its dash (RA-78830)",
    "a callsign the knowledge base knows (RFF7654)",
    "a curated ship's name (Sparta IV)",
)


def identify(identifier: str) -> dict[str, str]:
    """The :func:`~liftwatch.kb.classify` argument a word fills: 6 hex digits or 9 digits are an asset id
    (lower case, as the store keeps them), a word with a dash (or ``N`` and a digit) a registration, else a
    callsign (upper case)."""
    ident = identifier.strip()
    if HEX_ADDRESS.fullmatch(ident) or MMSI.fullmatch(ident):
        return {"asset_id": ident.lower()}
    if "-" in ident or re.match(r"^N\d", ident.upper()):
        return {"registration": ident.upper()}
    return {"callsign": ident.upper()}


class MalformedIdentifierError(InvalidValueError):
    """A word of an ICAO address's length that is no hex number, and nothing known under any other reading."""

    def __init__(self, identifier: str) -> None:
        super().__init__("identifier", identifier, IDENTIFIER_FORMS)
        self.args = (
            f"{identifier!r} is not a well-formed ICAO 24-bit address (6 hex digits, 0-9 and a-f: 15a0e1), and "
            f"nothing is known of it as a callsign or ship name; the other forms: {'; '.join(IDENTIFIER_FORMS[1:])}",
        )


@dataclass(frozen=True)
class AssetLookup:
    """What the knowledge base says of one identifier: its classification and the curated ships of that name."""

    identifier: str
    classification: Classification
    ships: pl.DataFrame

    @property
    def known(self) -> bool:
        """Whether anything at all is known (a class, a fact, or a curated ship)."""
        c = self.classification
        return c.classification != "unknown" or bool(c.evidence) or not self.ships.is_empty()


def lookup_asset(
    identifier: str, *, callsign: str | None = None, registration: str | None = None, type_code: str | None = None
) -> AssetLookup:
    """Classify one word (plus any identifiers given beside it) and find curated ships of that name.

    Raises :class:`MalformedIdentifierError` (an :class:`~liftwatch.errors.InvalidValueError` listing
    :data:`IDENTIFIER_FORMS`) for a word of an ICAO address's length that is no hex number when nothing is known
    of it read otherwise.
    """
    args: dict[str, str | None] = {"callsign": callsign, "registration": registration, "type_code": type_code}
    args.update(identify(identifier))
    name = identifier.strip().lower()
    ships = known_assets().filter(pl.col("name").str.to_lowercase() == name)
    found = AssetLookup(identifier, classify(**args), ships)
    if not found.known and _ADDRESS_LENGTH.fullmatch(identifier.strip()):
        raise MalformedIdentifierError(identifier.strip())
    return found

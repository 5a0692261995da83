"""Vectorised Mode S / ADS-B decoding: raw 1090 MHz messages to canonical points.

Receivers and Beast recordings give raw messages, not state vectors. pyModeS decodes them one Python call per
message (~80k messages/s); a day of one busy receiver is hundreds of millions of messages, so here every step
works on whole NumPy columns: hex parsing, CRC-24, field extraction, CPR pairing and local decoding, and the
forward-fill of identity/velocity onto positions. See ``docs/modes.md``.
"""

from __future__ import annotations

from liftwatch.modes.crc import crc_remainder, hex_to_bytes
from liftwatch.modes.decode import DecoderConfig, ModesDecoder, decode_hex

__all__ = ["DecoderConfig", "ModesDecoder", "crc_remainder", "decode_hex", "hex_to_bytes"]

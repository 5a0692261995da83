"""Place spans from an installed spaCy pipeline, when one happens to be importable: an optional extra.

Extraction is rules over the knowledge base and needs no model; a user who has spaCy and an English pipeline
installed as a Python package (``en_core_web_sm`` ...) gets its GPE/LOC/FAC entities offered as extra place
candidates. Nothing is ever downloaded, and a broken install must not break extraction, so any failure to load
is the same as no pipeline.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

_SPACY_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
_nlp_cache: dict[str, Any] = {}


def _spacy() -> tuple[Any, str] | None:
    """An installed spaCy pipeline, or None. Never downloads anything."""
    if "nlp" in _nlp_cache:
        return _nlp_cache["nlp"]  # type: ignore[no-any-return]
    found = None
    if importlib.util.find_spec("spacy") is not None:
        for name in _SPACY_MODELS:
            if importlib.util.find_spec(name) is not None:
                try:
                    found = (importlib.import_module(name).load(), name)
                    break
                except Exception:  # a broken model install must not break extraction
                    continue
    _nlp_cache["nlp"] = found
    return found


def model_spans(text: str, use_model: bool) -> tuple[list[tuple[int, int]], str]:
    """Character spans of the places (GPE, LOC, FAC) an installed pipeline finds, offered to extraction as extra
    place candidates, and the name of the reading that made the claims ("rules" when no pipeline ran)."""
    if not use_model:
        return [], "rules"
    nlp = _spacy()
    if nlp is None:
        return [], "rules"
    doc = nlp[0](text)
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    return spans, f"rules+spacy:{nlp[1]}"

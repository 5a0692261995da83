"""The air bases a bare name names exactly ("Orange": the French air force's Orange-Caritat, BA 115).

A town's name is first its airport or its city (``resolve_place("Orange")`` is Orange, New South Wales, the larger
field with scheduled service). Where a text calls the place a base ("la base d'Orange", "Orange air base"), the
reader wants the air base of that name instead, and only the kb's own names can say which one that is: a site of
kind ``air_base`` whose name, one of its names' parts or one of its aliases is the name exactly. A guess by sound or
likeness is no such name.
"""

from __future__ import annotations

from liftwatch.kb._text import name_key, norm_key
from liftwatch.kb.lookup import _index
from liftwatch.kb.sites import site


def air_bases_named(name: str) -> tuple[str, ...]:
    """The ids of the air bases ``name`` names exactly (an alias, a part of a name, or the name without its
    generic words), in the index's order; ``()`` when none does."""
    key = norm_key(name)
    if not key:
        return ()
    idx = _index()
    hits = [*idx.exact.get(key, []), *idx.names.get(name_key(name), [])]
    return tuple(dict.fromkeys(sid for sid in hits if site(sid).kind == "air_base"))

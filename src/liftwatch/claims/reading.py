"""The reading every claim is made from: an article's place mentions, found by every reader in a fixed order, and
its clauses with each mention's role.

``claims.extract`` builds claims from this reading and ``claims.diagnose`` replays it to say where a gold movement
was lost, so both must see the same mentions and roles: one function, here, serves both.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.ar_state_space import state_space_mentions
from liftwatch.claims.candidates import candidate_mentions
from liftwatch.claims.clauses import split_clauses
from liftwatch.claims.contrast import mask_contrasts
from liftwatch.claims.controlled import controlled_mentions
from liftwatch.claims.cues import MOVE
from liftwatch.claims.entered_seas import goal_where_none_beyond
from liftwatch.claims.home_bases import home_base_mentions
from liftwatch.claims.intervals import Taken, in_range
from liftwatch.claims.named_bases import as_named_base
from liftwatch.claims.places import Gazetteer, Mention
from liftwatch.claims.route_pairs import route_pair_mentions
from liftwatch.claims.ru_home_bases import ru_home_base_mentions
from liftwatch.claims.ru_town_ports import ru_town_port_mentions
from liftwatch.claims.sentences import Sentence, assign_roles
from liftwatch.claims.tallies import mask_tallies
from liftwatch.claims.water import water_mentions


def masked(text: str) -> str:
    """``text`` with what no claim is read from blanked (offsets kept): what "instead of" negates, a running total.
    ``claims.extract`` reads the masked text throughout; ``read_sentences`` masks too, as ``claims.diagnose``
    calls it on the raw text (masking is idempotent)."""
    return mask_tallies(mask_contrasts(text))


def read_sentences(
    text: str, gaz: Gazetteer, pub: date | None, extra: list[tuple[int, int]] | None = None
) -> tuple[list[Mention], list[Sentence]]:
    """The place mentions of ``text`` (in text order) and its clauses with each mention's role: the reading
    every claim is made from, shared with ``claims.diagnose`` so that a diagnosis sees what extraction saw."""
    text = masked(text)
    mentions = controlled_mentions(text, gaz, pub)
    taken = Taken([(c.start, c.end) for c in mentions])
    bearings: list[tuple[int, int]] = []
    for m in water_mentions(text, gaz, bearings):  # before the gazetteer: "la Méditerranée" is no airport
        if taken.free(m.start, m.end):
            mentions.append(m)
            taken.add(m.start, m.end)
    for m in gaz.mentions(text):
        if taken.free(m.start, m.end):
            mentions.append(m)
            taken.add(m.start, m.end)
    mentions += route_pair_mentions(text, gaz, taken)  # "the Tehran-Moscow route": both ends, before the names
    mentions += home_base_mentions(text, gaz, taken)  # "from Turkish bases": the state (before names after cues)
    mentions += ru_home_base_mentions(text, gaz, taken)  # "на сирийский порт": the state, where no name follows
    mentions += ru_town_port_mentions(text, gaz, taken)  # "в новороссийский порт": the town's port
    mentions += state_space_mentions(text, gaz, taken)  # "عبرت الأجواء السودانية": the state's airspace is the state
    mentions += candidate_mentions(text, mentions, gaz, extra or [])
    mentions = as_named_base(text, mentions, gaz)  # "la base d'Orange": the air base of that name, not the town's field
    # a sea named as a course ("heading east, towards the Baltic") is no place, whichever reader found it
    mentions = [m for m in mentions if not any(m.start < b and a < m.end for a, b in bearings)]
    mentions.sort(key=lambda m: m.start)
    m_starts = [m.start for m in mentions]
    sentences: list[Sentence] = []
    for a, b, continues in split_clauses(text):
        sent = Sentence(a, b, text[a:b], continues=continues)
        assign_roles(sent, list(in_range(m_starts, mentions, a, b)))
        sentences.append(sent)
    goal_where_none_beyond(
        sentences, lambda t: MOVE.search(t) is not None
    )  # "had entered the Black Sea", no goal told anywhere: the sea (rule 52)
    return mentions, sentences

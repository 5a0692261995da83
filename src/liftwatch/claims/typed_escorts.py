"""Carriers told by their type or class after an escort word: a movement of their own, with its own count.

"The ship will be accompanied by two naval frigates", "sailed from X under the protection of a destroyer",
"20 Il-76 в сопровождении МиГ-31 и Су-35", "Их сопровождали два истребителя Су-35": the escort goes the way of
the carriers it escorts, so it is one more movement on their route, and a check against tracks looks for it too.
Its carriers are not the escorted movement's: merged into it, they would change its types and its count ("six
MiG-29 ... escorted by two Su-35" is six MiG-29, and two Su-35 besides). A named escort is ``escorts.py``'s; this
module reads the unnamed ones, whose number ("two frigates", "восьми самолётов-заправщиков") the report does give.

Only the forms that put the escort after the escort word count: "escorted by", "accompanied by", "under the
escort/protection of", "escorté(e)(s) par", "accompagné(e)(s) par/de", "в сопровождении", a pronoun object before
"сопровождал(и)" ("Их сопровождали ..."), "بمرافقة", "برفقة", and the Arabic verb "accompanies it" ("ترافقها",
"يرافقها", "وترافقهما") with its subject, the escort, after it. A bare "X сопровождал Y" is left alone: Russian puts
either the escort or the escorted ship first, and the form alone does not tell which.
"""

from __future__ import annotations

import dataclasses
import re

from liftwatch.claims.assets import find_assets
from liftwatch.claims.counts import Count, count_before
from liftwatch.claims.escorts import movement_told, with_sentence
from liftwatch.claims.model import AssetRef, Claim
from liftwatch.claims.sentences import Sentence

# Arabic: the verb "accompanies" with the escorted carrier as its object pronoun, the escort its subject after it
# ("عبرت حاملة الطائرات ... ترافقها 3 قطع حربية", "تهبط طائرة شحن يرافقها عدد من المقاتلات", "وترافقها فرقاطات"): the
# pronoun ("ها", "ه", "هما", "هم") points back at the carriers the clause moves, so what follows sails or flies with
# them. The verb with no pronoun ("ترافقان هذه القافلة") puts the escort first and is not read here.
AR_ACCOMPANIES = r"(?<![\u0600-\u06ff])و?[تي]رافق(?:ها|هما|هم|هن|ه)(?![\u0600-\u06ff])"
# an escort word, then the escort
_ESCORT_WORD = re.compile(
    r"(?:\bescorted\s+by|\baccompanied\s+by|\bunder\s+the\s+(?:escort|protection)\s+of|\bescortée?s?\s+par|"
    r"\baccompagnée?s?\s+(?:par|de)|\bsous\s+(?:l['’]escorte|la\s+protection)\s+d[eu]|"
    r"в\s+сопровождении|(?<!\w)(?:их|его|её|ее)\s+сопровожда(?:л|ли|ла|ют|ет)|"
    r"بمرافقة|برفقة|" + AR_ACCOMPANIES + r")\s+",
    re.I,
)
# a French auxiliary before the participle makes it active: "elle a accompagné de nombreux navires" is the frigate
# escorting, not being escorted
_AUXILIARY = re.compile(r"(?<!\w)(?:a|ont|avait|avaient|aura|auront)\s+$", re.I)
# "accompanied by two other ships", "accompagné de deux autres bateaux": the rest of a group the report names or
# counts as one, not carriers of their own
_OTHER = re.compile(r"(?<!\w)(?:other|others|autres|других|другие|أخرى)(?!\w)", re.I)
# where the escort's phrase ends: a clause's end, a relative pronoun, or "as well as" adding carriers of another kind
_PHRASE_END = re.compile(
    r"[.;:!?—–()]|,\s+(?:which|who|where|and\s+then|qui|où|который|которые|которая)\b"
    r"|,?\s+(?:as\s+well\s+as|ainsi\s+que|а\s+также)(?!\w)",
    re.I,
)
PHRASE_CHARS = 90  # an escort's phrase ("by two Turkish naval frigates, as well as ...") is short
# the escort's carrier opens the phrase: up to four words before it (an article, a number, a flag, a describing
# word: "two Turkish naval frigates", "два многоцелевых истребителя Су-35", "عدد من المقاتلات" with the Arabic article
# joined to the carrier's word), and no list before it
_OPENS_ON = re.compile(r"^(?:[^\s,]+\s+){0,4}(?:ال)?$")
NAME_REACH = 3  # a class this close before a named ship is that ship's descriptor ("the frigate X")
LOOK_BACK = 3  # "Six MiG-29 left Hmeimim for Libya. They were escorted by two Su-35": the sentences before


@dataclasses.dataclass(frozen=True)
class Escort:
    """The unnamed carriers one escort phrase tells ("by two frigates", "МиГ-31 и Су-35") and their count."""

    assets: tuple[AssetRef, ...]
    min_count: int | None
    max_count: int | None
    count_text: str


def typed_escorts_in(text: str) -> list[Escort]:
    """The unnamed carriers ``text`` tells after an escort word, one :class:`Escort` per phrase: the phrase's first
    carrier and those coordinated with it ("МиГ-31 и Су-35", "un sous-marin et un remorqueur"), one movement of
    several carriers as the escorted one is. Its count is the one number before a lone carrier, or the sum of
    the exact numbers every carrier has."""
    out: list[Escort] = []
    for m in _ESCORT_WORD.finditer(text):
        if _AUXILIARY.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        phrase = text[m.end() : m.end() + PHRASE_CHARS]
        end = _PHRASE_END.search(phrase)
        if end is not None:
            phrase = phrase[: end.start()]
        found = sorted(find_assets(phrase), key=lambda x: x[0])
        if not found or found[0][2].ship_name or not _OPENS_ON.match(phrase[: found[0][0]]):
            # a named escort is ``escorts.py``'s; a phrase that opens on a noun the reader does not know as a
            # carrier ("des embarcations, des hélicoptères et des avions") would give the escort only its list's tail
            continue
        named = [s for s, _, a in found if a.ship_name]
        assets: list[AssetRef] = []
        counts: list[Count | None] = []
        for s, e, asset in found:
            if asset.ship_name or any(0 <= n - e <= NAME_REACH for n in named):
                continue  # a named ship, and the class that names it ("the frigate X"), are ``escorts.py``'s
            if _OTHER.search(phrase[:s]):
                break  # "two other ships": the rest of a group told elsewhere
            if all(a.label != asset.label for a in assets):
                assets.append(asset)
                counts.append(count_before(phrase[:e], [(s, e)]))
        if not assets or any(a.label == x.label for esc in out for x in esc.assets for a in assets):
            continue
        if len(counts) == 1 and counts[0] is not None:
            out.append(Escort(tuple(assets), counts[0].min, counts[0].max, counts[0].text))
        elif len(counts) > 1 and all(c is not None and c.min is not None and c.min == c.max for c in counts):
            total = sum(c.min or 0 for c in counts if c is not None)
            out.append(Escort(tuple(assets), total, total, " + ".join(c.text for c in counts if c is not None)))
        else:
            out.append(Escort(tuple(assets), None, None, ""))
    return out


def typed_escort_claims(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> list[Claim]:
    """One claim per unnamed escort phrase of a placed movement, with that movement's places, actor and dates and the
    escort's own carrier and count; added to the escort's sentence's claims and returned. The movement is the
    sentence's own, else the last one told in the ``LOOK_BACK`` sentences before. An escort the sentence's claim
    took as one of its own carriers is taken out of them."""
    added: list[Claim] = []
    for i, (sent, made) in enumerate(zip(sentences, per_sentence, strict=True)):
        escorts = typed_escorts_in(sent.text)
        if not escorts:
            continue
        labels = {a.label for esc in escorts for a in esc.assets}
        for c in made:
            if any(a.label not in labels for a in c.assets):
                c.assets = [a for a in c.assets if a.label not in labels]
        told = movement_told(per_sentence, i, LOOK_BACK, lambda c: bool(c.assets) and not c.escort)
        if not told:
            continue
        base = told[0]
        for esc in escorts:
            new = base.copy(
                sentences=with_sentence(base, sent.text),
                assets=[dataclasses.replace(a) for a in esc.assets],
                min_count=esc.min_count,
                max_count=esc.max_count,
                count_text=esc.count_text,
                carriers=None,
                rate_per_day=None,
                rate_per_day_min=None,
                owner=None,
                escort=True,
            )
            made.append(new)
            added.append(new)
    return added

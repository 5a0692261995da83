"""A claim's time window: the dates of its own sentence, else the article's, else the days before publication.

Kept apart from reading because it is a policy over dates already found (``timeparse.find_times``): which of
an article's dates a claim may borrow, and when it should borrow none. The statement's own date ("the
ministry said on Tuesday") dates nothing; a dateline is when the page was written; a page known only to its
month cannot place "on Friday".
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date, timedelta

from liftwatch.claims.departures import departure_dated, departure_told
from liftwatch.claims.event_dates import event_dated
from liftwatch.claims.model import Claim
from liftwatch.claims.port_calls import call_arrival
from liftwatch.claims.relative import counted_back
from liftwatch.claims.sentences import Sentence
from liftwatch.claims.stay_ends import stay_end
from liftwatch.claims.timeparse import TimeSpan, find_times, next_day_spans
from liftwatch.claims.under_way import going_on
from liftwatch.claims.voyage_lengths import voyage_span
from liftwatch.claims.year_parts import YEAR_ALONE

# "..., the US military said on Tuesday": when the statement was made, not when the movement happened
STATEMENT_TIME = re.compile(
    r"\b(?:said|says|told|reported|announced|claimed|confirmed|stated|wrote)\b(?:\s+[\w’'().-]+){0,6}?\s*$"
    r"|\b(?:informed|notified|briefed|warned)\b(?:\s+[\w’'().-]+){0,8}?\s*$"
    r"|\b(?:a\s+affirmé|a\s+rapporté|a\s+indiqué|сообщ\w+|заявил\w*)\b(?:\s+[\w’'().-]+){0,6}?\s*$"
    r"|(?:أعلنت|أعلن|قالت|قال|أفادت|أفاد|ذكرت|ذكر)(?:\s+\S+){0,6}?\s*$",
    re.I,
)


# where a sentence ends: a verb of saying in the sentence before dates nothing in this one
_SENTENCE_END = re.compile(r"[.!?؟](?:\s|$)|\n")


def statement_time(text: str, pos: int) -> bool:
    """Whether the date at ``pos`` of ``text`` follows a verb of saying in its own sentence ("the ministry said
    on Tuesday"): when the statement was made. The sentence before ends the search: "... reported the channel
    Kurdistan24. On 26 January the channel showed an Il-76" dates the Il-76, not the report."""
    before = text[max(0, pos - 90) : pos]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    return STATEMENT_TIME.search(before) is not None


# a wire dateline: "MANILA, Jan. 17 (Xinhua) --", "Yokosuka, Kanagawa Pref., Feb. 2 (Jiji Press)--", "موسكو 11
# ديسمبر 2018 /": a place of a few words, each capitalised (Arabic has no capitals), alone on its line before the
# date, and the agency and a dash or a slash after it
_DATELINE_WORD = re.compile(r"[^\W\d_][\w'’-]*\.?")
# a date's preposition or article at the head of a line: "On 5 May - the ship left" is no dateline
_NOT_A_PLACE = frozenset((
    "on", "in", "by", "since", "from", "until", "at", "the", "le", "la", "les", "du", "dès", "depuis", "en", "au", "à",
    "в", "во", "с", "со", "до", "на", "к", "في", "منذ", "يوم", "حتى",
))  # fmt: skip
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{2,40}\)\s*)?(?:[-–—]+|/)")


def dateline(text: str, pos: int, length: int) -> bool:
    """Whether the date of ``length`` characters at ``pos`` of ``text`` is a wire dateline's: the day the report
    was filed, which dates no movement beside the movement's own date (alone, it is the day of the news the report
    tells: "МОСКВА, 19 октября. /ТАСС/. Спецборт МЧС ... вылетел")."""
    if _DATELINE_AFTER.match(text, pos + length) is None:
        return False
    place = text[text.rfind("\n", 0, pos) + 1 : pos].strip()
    if len(place) > 80:
        return False
    words = _DATELINE_WORD.findall(place)
    return (
        0 < len(words) <= 6
        and not _DATELINE_WORD.sub("", place).strip(" ,")  # nothing but the words, commas and spaces
        and not any(w[0].islower() or w.rstrip(".").lower() in _NOT_A_PLACE for w in words)
    )


def still_to_come(t: TimeSpan, pub: date | None) -> bool:
    """A date after the day of publication ("the ship is to leave Tartus on 17 April" in a page of 12 April):
    a plan, which dates no movement the page reports as done; the planned movement, if it is a claim, is
    undated."""
    return pub is not None and t.start is not None and t.start > pub


# the days before publication whose one date an article tells as its news ("yesterday", "on Thursday", "25 June"
# in a page of 26 June): the movement a sentence tells without a date of its own is that news
_NEWS_DAYS = 7


def _news_peg(spans: list[TimeSpan], pub: date, month_only: bool) -> bool:
    """Whether an article's one date ends within the week before publication, or, on a page dated only by its
    month (``pub`` its last day), within that month: the event the page reports."""
    first = pub.replace(day=1) if month_only else pub
    return all(t.start is not None and (first - (t.end or t.start)).days <= _NEWS_DAYS for t in spans)


def _DAY_ANCHORED(t: TimeSpan) -> bool:
    """A date the text gives relative to the day of publication ("on Friday", "yesterday", "this week",
    "over the past four days"): a relative span of under two weeks."""
    return t.kind == "relative" and t.start is not None and ((t.end or t.start) - t.start).days < 14


def month_page_span(t: TimeSpan, pub: date | None) -> TimeSpan:
    """A span counted back from publication ("over the past six months", "in recent weeks") on a page dated only
    by its month (``pub`` its last day): the page may be of any day of that month, so the span is counted back
    from the month's first day and runs to its last ("the past two months" on a May page: 1 March to 31 May, not
    from 31 March, which would lose the start of a span the text gives). Other spans are returned unchanged."""
    if pub is None or t.kind != "relative" or t.start is None or t.end != pub or pub.day == 1:
        return t
    if not counted_back(t.text):
        return t  # "this year", "since the start of the month": a calendar unit starts where the calendar does
    return TimeSpan(t.start - timedelta(days=pub.day - 1), t.end, t.text, t.kind, t.pos)


def _days(t: TimeSpan) -> int:
    return ((t.end or t.start) - t.start).days + 1 if t.start else 0


def _background_dropped(spans: list[TimeSpan]) -> list[TimeSpan]:
    """A claim's own dates without the coarse ones that only set the scene: where its sentences date something
    to the day ("on Saturday", "le 26 janvier", "7 марта"), a month, a week or a year that does not hold that day
    is another event's ("after the fall of Assad last week", "sanctioned in January 2020", "the attack that
    sank the Ursa Major in December"). A span that runs to publication ("since mid-August") is the movement's
    own extent and stays."""
    days = [t for t in spans if _days(t) <= 2]
    if not days:
        return spans
    return [
        t
        for t in spans
        if _days(t) < 7
        or t.kind == "since"
        or any(t.start <= d.start and (d.end or d.start) <= (t.end or t.start) for d in days if t.start and d.start)
    ]


def _window(claim: Claim, article_times: list[TimeSpan], pub: date | None, default_days: int, month_only: bool) -> None:
    """Sentence dates, else the article's dates, else the N days before publication, else none."""
    for source, spans in (("sentence", claim.times), ("article", article_times)):
        resolved = [t for t in spans if t.start is not None]
        several = len({(t.start, t.end) for t in resolved}) > 1
        if source == "article" and not several and pub is not None and not _news_peg(resolved, pub, month_only):
            # the one date of an article told outside the claim's sentences, weeks before the report, is another
            # event's (a seizure, a statement, a radar plot seen that day) as often as the movement's: the
            # movement is undated, so it happened by the report (rule 4 of the corpus), which the fallback says
            break
        # "On November 9 ... November 2019": a span holding a narrower one adds nothing
        resolved = [
            t
            for t in resolved
            if len(resolved) > 50  # an article-wide list: keep it linear
            or not any(
                u is not t
                and u.start
                and t.start
                and t.start <= u.start
                and (u.end or u.start) <= (t.end or t.start)
                and (t.start, t.end) != (u.start, u.end)
                for u in resolved
            )
        ]
        if source == "sentence":
            # "docked on November 3 and will be in the port until November 6": the arrival, not the end of its stay
            resolved = [t for t in resolved if not stay_end(claim.sentences, t)] or resolved
            # "diverted to Beira after Cyclone Idai made landfall on 15 March": the event's day, not the movement's
            resolved, by_event = event_dated(claim.sentences, resolved, pub)
            resolved = _background_dropped(resolved)
            measured = voyage_span(claim.sentences, resolved) if resolved and not by_event else None
            if by_event:
                pass  # from the event to the report: no departure, call or voyage's length is read in it
            elif measured is not None:
                # "arrived on 23 June after a 14-day voyage": the voyage the text measures, not its one day
                t = resolved[0]
                resolved = [TimeSpan(measured[0], min(measured[1], pub) if pub else measured[1], t.text, t.kind, t.pos)]
            elif resolved and (arrived := call_arrival(claim.sentences, resolved)) is not None:
                # "font escale à Cotonou du 23 au 26 octobre": arrived by the call's first day
                t = resolved[0]
                resolved = [TimeSpan(arrived, arrived, t.text, t.kind, t.pos)]
            elif pub is not None and resolved and departure_dated(claim.sentences, resolved):
                # "left Baltiysk on 13 December", its arrival untold: under way from that day to the report
                resolved = [TimeSpan(t.start, pub, t.text, t.kind, t.pos) for t in resolved]
            elif pub is not None and resolved and going_on(claim.sentences, resolved):
                # "docked at Suva on December 10 ... on its way back to China": seen that day, under way to the report
                resolved = [TimeSpan(t.start, pub, t.text, t.kind, t.pos) for t in resolved]
        elif pub is not None and not several and resolved and departure_told(claim.sentences):
            # the article's one date on a claim that tells a departure and no arrival: under way from it to the report
            resolved = [TimeSpan(t.start, max(pub, t.end or pub), t.text, t.kind, t.pos) for t in resolved]
        if resolved:
            start = min(t.start for t in resolved if t.start)
            ends = [t.end or t.start for t in resolved]
            end = max(e for e in ends if e)
            if any(t.end is None for t in resolved):
                end = max(end, start + timedelta(days=default_days))
            if pub is not None and start <= pub < end:
                # "late August" in a page of 25 August, "in December" on 14 December: what the text reports has
                # happened by the day it was published
                end = pub
            claim.window = (start, end)
            claim.window_source = f"{source}: " + "; ".join(t.text for t in resolved)
            if source == "article" and several:
                # a claim its sentence does not date, in an article of several dates (even one inside another: "on
                # 9 November ... in November 2019"): the movement is one of them or none, so the hull is where to
                # look, not a date the text gives it (borrowed as the claim's window, it was right about one time
                # in five, on seen and unseen reporting alike)
                claim.window_source = "search range from the article's dates, none the claim's own: " + "; ".join(
                    t.text for t in resolved
                )
            return
    if pub is not None and month_only:
        # a page known only to its month: what it tells undated happened by the month's end, and a relative day it
        # cannot place ("mardi", "أمس") is in that month (rules 3 and 4 of the corpus); the 30 days before the end
        # of a February reach into January
        claim.window = (pub.replace(day=1), pub)
        claim.window_source = f"no date in the text: the page's month ({pub.strftime('%Y-%m')})"
        return
    if pub is not None:
        claim.window = (pub - timedelta(days=default_days), pub)
        claim.window_source = f"no date in the text: {default_days} days before publication ({pub.isoformat()})"
        return
    claim.window = None
    claim.window_source = "no date in the text and no publication date: all data considered"


def date_claims(
    claims: list[Claim],
    text: str,
    pub: date | None,
    pub_span: TimeSpan | None,
    default_year: int | None,
    default_days: int,
    month_only: bool,
) -> None:
    """Give every claim its window (``_window``) from its own dates and the article's. ``pub_span``: the
    publication date found in the text (a dateline), which dates no movement; ``month_only``: the page is
    dated to its month, so dates relative to its day are dropped."""
    article_times = [
        t
        for t in find_times(text, pub, default_year)
        if t.start is not None and not statement_time(text, t.pos) and not still_to_come(t, pub)
    ]
    # a year alone ("in 2019", "en 2021") dates the claim whose sentence tells it; in another sentence it is
    # background (an earlier voyage, a sanction, a ship's past), too coarse to be among the days a claim may borrow
    article_times = [t for t in article_times if YEAR_ALONE.fullmatch(t.text) is None]
    # a dateline beside the article's other dates is when the report was filed; alone, it is the day of the news
    article_times = [t for t in article_times if not dateline(text, t.pos, len(t.text))] or article_times
    if pub_span is not None:
        article_times = [t for t in article_times if t.text not in pub_span.text]
    if month_only:
        article_times = [month_page_span(t, pub) for t in article_times if not _DAY_ANCHORED(t)]
    for c in claims:
        if pub_span is not None:  # a dateline inside a sentence is when it was written, not when it happened
            c.times = [t for t in c.times if not (t.start == pub_span.start and t.text in pub_span.text)]
        if month_only:
            c.times = [month_page_span(t, pub) for t in c.times if not _DAY_ANCHORED(t)]
        c.times = [t for t in c.times if not still_to_come(t, pub)]
        _window(c, article_times, pub, default_days, month_only)


def carry_next_days(
    text: str,
    sentences: Sequence[Sentence],
    per_sentence: list[list[Claim]],
    pub: date | None,
    default_year: int | None,
) -> None:
    """ "Le 13 juin, un avion cargo décolle de Chine. Le lendemain, un autre suit": "le lendemain" and "la veille"
    date their sentence's claims by the day after or before the date told last (``timeparse.next_day_spans``),
    which a sentence read alone cannot see; a statement's "la veille" ("La veille, le porte-parole avait
    déclaré") dates nothing."""
    spans = next_day_spans(text, pub, default_year)
    for sent, made in zip(sentences, per_sentence, strict=True):
        own = [
            dataclasses.replace(t, pos=t.pos - sent.start)
            for t in spans
            if sent.start <= t.pos < sent.end and not statement_time(sent.text, t.pos - sent.start)
        ]
        for c in made:
            c.times = sorted(c.times + [t for t in own if t not in c.times], key=lambda t: t.pos)

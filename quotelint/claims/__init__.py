"""Registered claims: the sentences that state them, and the figures there that disagree.

A claim applies to a document that contains one of its `context` words (or to every document
when it has none). A sentence states it when the claim's `cue` matches the sentence and the
sentence holds a figure of the claim's unit about the claim's subject. The sentence disagrees
only when none of those figures agrees with the registered value: `53 percent` and `54 percent`
in one turnout sentence are fine when one of them is right, because only one is this turnout.

A figure agrees when it lies within `tolerance` of the value, or is the value rounded to the
figure's own precision (`54 percent` for 54.19); `more than 300` agrees with any value over 300,
`about 54 percent` with one within 5% of 54, a range with one inside it. A date agrees when
the parts it gives (day, month, year) are the registered date's. A claim with `when: previous`
is checked against earlier values only (`from 7% to 5%`, `previously seven percent`), any
other claim against current values only.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from quotelint.claims.cues import search
from quotelint.claims.figuredata import figure_data
from quotelint.claims.subjects import own_names, quick_fold, resolve_events
from quotelint.names import START, TEXT, tokens

from quotelint.claims.facts import subject
from quotelint.records import Value

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.claims.facts import Fact, Subject
    from quotelint.claims.subjects import Topical
    from quotelint.claims.layout import Layout
    from quotelint.claims.figures import Figure
    from quotelint.registry.model import Claim

PLAIN_UNITS = ("percent", "percentage point", "times", "date", "year", "ratio", "fraction")


@functools.lru_cache(maxsize=1024)
def normalized_unit(unit: str | None) -> str | None:
    """A claim's unit as figures spell it: `per cent` -> percent, `representatives` -> seats."""
    if unit is None:
        return None
    data = figure_data()
    low = unit.strip().lower()
    if low in ("date", "year", "ratio"):
        return low
    return data.units.get(low) or (unit if unit in data.currency_before.values() else data.counted_unit(unit))


def claim_value(unit: str | None, value: Any) -> Any:
    """The registered value in the form figures compare with; ValueError when it cannot be one."""
    kind = normalized_unit(unit)
    if kind == "date":
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD), as unit 'date' needs") from None
    if kind == "ratio":
        parts = str(value).split("/")
        try:
            return tuple(float(p) for p in parts) if len(parts) == 2 else None
        except ValueError:
            pass
        raise ValueError(f"{value!r} is not a ratio such as 70/30, as unit 'ratio' needs")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{value!r} is not a number (give unit: date for a date)")
    return float(value)


class ClaimSubject(Value):
    __slots__ = _fields = ("events", "years", "names")
    events: frozenset[tuple[str, str | None]]
    years: frozenset[int]
    names: frozenset[str]  # folded words of `about` and `context`

    def __init__(self, events: frozenset[tuple[str, str | None]], years: frozenset[int], names: frozenset[str]) -> None:
        self.events, self.years, self.names = events, years, names


@functools.lru_cache(maxsize=4096)
def claim_subject(claim: Claim) -> ClaimSubject:
    """The events, years and names a claim's `about` (and `context`) speak of."""
    data = figure_data()
    words = tokens(claim.about)
    events, years = set(), set()
    for i, w in enumerate(words):
        low = w[TEXT].lower()
        if low in data.event_nouns:
            kind = data.event_kinds.get(words[i - 1][TEXT].lower()) if i else None
            events.add((data.event_nouns[low], kind))
        elif w[TEXT].isdigit() and data.is_year(float(w[TEXT])):
            if not {v[TEXT].lower() for v in words[max(0, i - 2) : i]} & data.year_references:
                years.add(int(w[TEXT]))  # not "after the 2022 reforms"
    if isinstance(claim.value, dt.date):
        years.add(claim.value.year)
    names = {quick_fold(w[TEXT]) for w in words} | {quick_fold(t[TEXT]) for c in claim.context for t in tokens(c)}
    return ClaimSubject(frozenset(events), frozenset(years), frozenset(names))


@functools.lru_cache(maxsize=4096)
def phrase_folds(phrase: str) -> tuple[str, ...]:
    """A context phrase's words, folded as a document's words are compared with them."""
    return tuple(quick_fold(t[TEXT]) for t in tokens(phrase))


@functools.lru_cache(maxsize=16)
def first_folds(claims: tuple[Claim, ...]) -> frozenset[str]:
    """The first word of each context phrase of the claims, folded."""
    return frozenset(folds[0] for c in claims for phrase in c.context if (folds := phrase_folds(phrase)))


def context_index(ctx: Context) -> dict[str, list[int]]:
    """Where the first word of each registered claim's context phrases stands. The words that
    fold to one are told apart once per distinct word in a run (the name index's word memo)."""
    claims = ctx.registry.claims
    wanted = first_folds(tuple(claims))
    first: dict[str, list[int]] = defaultdict(list)
    if wanted:
        memo = ctx.registry.names.memo("claim-context", lambda text: quick_fold(text) in wanted)
        for text in memo.select(ctx.distinct):
            first[quick_fold(text)].extend(ctx.positions[text])
    return first


def applies(claim: Claim, ctx: Context, first: dict[str, list[int]]) -> bool:
    """The document holds one of the claim's context words (phrases word by word, any case)."""
    if not claim.context:
        return True
    words = ctx.words
    for phrase in claim.context:
        want = phrase_folds(phrase)
        for i in first.get(want[0], ()) if want else ():
            if i + len(want) <= len(words) and all(quick_fold(words[i + j][TEXT]) == w for j, w in enumerate(want)):
                return True
    return False


def applying_claims(ctx: Context, claims: Iterable[Claim]) -> list[Claim]:
    """The claims that apply to the document (`applies`), in order: each distinct set of context
    words is looked for once (the claims of one story share theirs)."""
    index = context_index(ctx)
    found: dict[tuple[str, ...], bool] = {}
    out = []
    for claim in claims:
        holds = found.get(claim.context)
        if holds is None:
            holds = found[claim.context] = applies(claim, ctx, index)
        if holds:
            out.append(claim)
    return out


def counts_bare(unit: str | None) -> bool:
    """A claim of counted things (seats, parties) also takes bare numbers: `69 will be elected`."""
    return unit not in PLAIN_UNITS and unit not in figure_data().currency_before.values()


def fits(claim: Claim, figure: Figure) -> bool:
    """The figure is of the claim's unit (or bare, for a claim of counted things), not a comparison."""
    unit = normalized_unit(claim.unit)
    if figure.role == "reference":
        return False
    return figure.unit == unit or (figure.unit is None and counts_bare(unit))


def about_same(claim: Claim, fact: Fact, layout: Layout) -> bool:
    """The figure's subject can be the claim's: same event, no other year, no other name."""
    about, topic = subject(layout, fact), layout.topic
    return subject_fits(claim, fact.figure, about, topic, lambda: in_dateline(layout, fact))


def subject_fits(claim: Claim, figure: Figure, about: Subject, topic: Topical, dateline: Callable[[], bool]) -> bool:
    """`about_same` for a figure whose subject is known; `dateline` tells whether it stands in one."""
    wanted = claim_subject(claim)
    if isinstance(claim.value, dt.date) and dateline():
        return False  # "ASTANA, March 20 (AP) -": when the story was filed
    if about.forecast or about.areas - wanted.names:
        return False  # "turnout is expected to reach 60 percent", "turnout in the north": not this
    earlier = about.earlier or figure.role == "earlier"
    if not isinstance(claim.value, dt.date) and earlier != (claim.when == "previous"):
        return False
    years = about.years
    if isinstance(claim.value, dt.date) and figure.date and figure.date[0] is not None:
        day = figure.date[1:] == (claim.value.month, claim.value.day)
        years = years | {figure.date[0]} if not day else frozenset()  # the right day, a wrong year: compare
    if years and wanted.years and not years & wanted.years:
        return False
    if wanted.events:  # the topic's event is read only for a claim about an event
        events = resolve_events(about.events, topic)
        if events and not same_event(events, resolve_events(wanted.events, topic)):
            return False
    if {quick_fold(h) for h in about.holders} - wanted.names:
        return False  # "Amanat won 40 seats": a party's seats, not the chamber's
    return not own_names(about.entities, topic, wanted.names)


def same_event(ours: Iterable[tuple[str, str | None]], theirs: Iterable[tuple[str, str | None]]) -> bool:
    """One event of each side can be the same: one family, and one kind or a kind left open."""
    return any(f == g and (k == j or k is None or j is None) for f, k in ours for g, j in theirs)


def in_dateline(layout: Layout, fact: Fact) -> bool:
    """The figure stands in a dateline: a place in capitals, then the date, before the dash."""
    first = layout.sentence_words(fact.sentence)[0]
    place = layout.words[first][TEXT]
    head = layout.prose[layout.words[first][START] : fact.figure.start]
    return place.isupper() and len(place) > 2 and len(head) < 40 and not any(d in head for d in "-–—")


def agrees(claim: Claim, figure: Figure) -> bool:
    value = claim.value
    if isinstance(value, dt.date):
        year, month, day = figure.date or (None, None, None)
        last = int(figure.high) if figure.high is not None else day
        return month == value.month and year in (None, value.year) and (day is None or day <= value.day <= (last or day))
    if isinstance(value, tuple):
        return (figure.value, figure.high) == value
    if figure.value is None:
        return False
    slack = claim.tolerance + figure.step / 2 + 1e-9
    if figure.bound == "min":
        return value >= figure.value - slack
    if figure.bound == "max":
        return value <= figure.value + slack
    if figure.bound == "approx":
        slack = max(slack, claim.tolerance + abs(figure.value) * figure_data().approximate_margin)
    high = figure.high if figure.high is not None else figure.value
    return figure.value - slack <= value <= high + slack


def mismatches(ctx: Context) -> Iterator[tuple[Claim, Fact]]:
    """Each claim stated in a sentence by figures of which none agrees: the figure nearest the cue."""
    from quotelint.claims.statements import cues, verdicts

    if not ctx.registry.claims:
        return
    claims = applying_claims(ctx, [c for c in ctx.registry.claims if c.pattern is not None])
    if not claims:
        return
    layout = ctx.layout
    for _, stated in cues(ctx, claims):
        yield from verdicts(stated, lambda claim, fact: about_same(claim, fact, layout))

"""What each figure states: the measure it gives a value of, and the subject it is about.

A measure word (`turnout`, `threshold`, `seats`: `measures` in figures.yaml) binds a figure a
few words away in the same sentence segment, if the figure's unit fits the measure (`30 percent
of seats` is a share, not a number of seats); a counted noun that is a measure word binds its
own figure (`98 representatives`).

A figure's subject is read from its own clause, near it (see `layout.py` for clauses): the
events named there (`the referendum`, `the presidential election`), the years (`in 2019`, not
`since 2019`), the names (`Canada`), the words that make a measure another quantity (`core
inflation`), and whether it is an earlier value (`previously`, `from 7% to`). A relative clause
(`Canada, which averages 54 percent`) keeps the words just before it; a clause that names no
event takes those named earlier in its sentence (`In the referendum, turnout was 68 percent`).
`scopes.py` finds those words and reads them. Subjects are worked out only for the figures a
rule asks about.
"""

from __future__ import annotations

import bisect
import functools
from typing import NamedTuple

from quotelint.claims import scopes
from quotelint.claims.figuredata import FigureData
from quotelint.claims.figures import Figure
from quotelint.claims.layout import Layout
from quotelint.names import TEXT
from quotelint.records import Value

REACH = 6  # words between a measure word and its figure
LEAD = 40  # words before a figure in its sentence that may name its event
NOT_MEASURED = ("date", "year", "ratio", "fraction")


class Subject(Value):
    __slots__ = _fields = ("events", "entities", "holders", "years", "modifiers", "earlier", "periods", "forecast", "areas")
    events: frozenset[tuple[str, str | None]]  # (family, kind): ("election", "presidential")
    entities: frozenset[str]  # capitalized names near the figure
    holders: frozenset[str]  # names before the figure in its clause: who holds it
    years: frozenset[int]
    modifiers: frozenset[str]  # `core` in `core inflation`
    earlier: bool
    periods: frozenset[str]  # months, `first quarter`
    forecast: bool  # `expected`, `target`: not a result
    areas: frozenset[str]  # `the north`, `rural areas`: a part, not the whole

    def __init__(
        self,
        events: frozenset[tuple[str, str | None]] = frozenset(),
        entities: frozenset[str] = frozenset(),
        holders: frozenset[str] = frozenset(),
        years: frozenset[int] = frozenset(),
        modifiers: frozenset[str] = frozenset(),
        earlier: bool = False,
        periods: frozenset[str] = frozenset(),
        forecast: bool = False,
        areas: frozenset[str] = frozenset(),
    ) -> None:
        self.events = events
        self.entities = entities
        self.holders = holders
        self.years = years
        self.modifiers = modifiers
        self.earlier = earlier
        self.periods = periods
        self.forecast = forecast
        self.areas = areas


class Fact(NamedTuple):
    figure: Figure
    sentence: int
    measure: str | None
    measure_words: tuple[int, int] | None  # word indexes of the measure phrase
    words: tuple[int, int]  # word indexes of the figure


def find_facts(layout: Layout) -> list[Fact]:
    facts = []
    word_starts = layout.starts
    for f, (lo, hi) in zip(layout.figures, layout.figure_spans):
        if lo >= hi:
            continue
        s = layout.sentences.index(word_starts[lo])
        measure, at = (None, None) if f.unit in NOT_MEASURED or f.value is None else bind_measure(layout, f, s, lo, hi)
        facts.append(Fact(f, s, measure, at, (lo, hi)))
    return facts


Bound = tuple[int, str, tuple[int, int]]  # a measure phrase's distance from the figure, its measure and its words


def bind_measure(layout: Layout, f: Figure, s: int, lo: int, hi: int) -> tuple[str | None, tuple[int, int] | None]:
    """The measure a figure gives a value of: its own counted noun, or the nearest measure word."""
    at = layout.measure_starts_at
    a, b = bisect.bisect_left(at, lo - REACH - 2), bisect.bisect_left(at, hi + REACH + 2)
    if a == b:
        # No measure word in reach, whatever the sentence (its bounds are not looked up); nor a
        # counted noun that is one: the figure's last word would be in reach (most figures).
        return None, None
    data, words = layout.data, layout.words
    unit = f.unit or "none"
    own = data.measure_words.get((words[hi - 1][TEXT].lower(),))
    if own and unit in data.measures[own].units:
        return own, (hi - 1, hi)
    first, last = layout.sentence_words(s)
    best: Bound | None = None
    near = at[bisect.bisect_left(at, max(first, lo - REACH - 2), a, b) : bisect.bisect_left(at, min(last, hi + REACH + 2), a, b)]
    opening = _opening_units(data)
    for k in near:
        if lo <= k < hi or unit not in opening[words[k][TEXT].lower()]:
            continue  # a word of the figure, or one no phrase of the figure's unit opens with
        best = nearer(layout, s, lo, hi, k, last, unit, best)
    return (best[1], best[2]) if best else (None, None)



def nearer(layout: Layout, s: int, lo: int, hi: int, k: int, last: int, unit: str, best: Bound | None) -> Bound | None:
    """The measure phrase at word k (of three words, two or one, up to `last`, the end of
    sentence s) if it measures in the figure's unit and binds the figure at words lo..hi: within
    `REACH`, in its segment, and nearer than `best`; else `best`."""
    data = layout.data
    lows = tuple(w[TEXT].lower() for w in layout.words[k : min(k + 3, last)])  # once for the three sizes
    for size in (3, 2, 1):
        name = data.measure_words.get(lows[:size]) if k + size <= last else None
        if name is None or unit not in data.measures[name].units:
            continue
        distance = lo - (k + size) if k < lo else k - hi
        # Segments are laid out only for a measure phrase that could bind the figure.
        if distance <= REACH and (best is None or distance < best[0]) and _same_segment(layout, s, k, lo):
            return (distance, name, (k, k + size))
        return best
    return best


@functools.lru_cache(maxsize=4)  # one figure data a process
def _opening_units(data: FigureData) -> dict[str, frozenset[str]]:
    """The units the measure phrases opening with each word measure in (`of`: `of the vote`)."""
    out: dict[str, frozenset[str]] = {}
    for phrase, name in data.measure_words.items():
        out[phrase[0]] = out.get(phrase[0], frozenset()) | data.measures[name].units
    return out


def _same_segment(layout: Layout, s: int, k: int, lo: int) -> bool:
    layout.lay_out(s)
    return layout.segment[k] == layout.segment[lo]


def subject(layout: Layout, fact: Fact) -> Subject:
    """The subject of a fact's figure (worked out when first asked, then kept)."""
    cache = layout.subjects
    key = fact.figure.start
    if key not in cache:
        cache[key] = _subject(layout, fact)
    return cache[key]


def _subject(layout: Layout, fact: Fact) -> Subject:
    data, words, f = layout.data, layout.words, fact.figure
    (lo, hi), at = fact.words, fact.measure_words
    first_word, last_word = layout.lay_out(fact.sentence)
    scope = scopes.scope(layout, fact, first_word, last_word)
    rest = scope.difference(range(lo, hi), range(*at) if at else ())  # not the figure's words, nor its measure's
    events, entities, holders, earlier, forecast, areas = scopes.read(layout, fact, rest)
    modifiers: set[str] = set()
    own_events = bool(events)
    if not events:  # "In the referendum a year earlier, turnout was 68 percent"
        events = set(layout.events_between(max(first_word, lo - LEAD), lo))
    intro = scopes.intro(layout, first_word, lo, last_word)  # "In Germany, inflation reached 8.7 percent"
    if not entities:
        entities = {words[k][TEXT] for k in intro if layout.is_entity(k)}
    earlier = earlier or any(words[k][TEXT].lower() in data.earlier_words for k in intro)
    areas = areas or {words[k][TEXT].lower() for k in intro if words[k][TEXT].lower() in data.area_words}
    if at:
        a, b = at
        if a > first_word and words[a - 1][TEXT].lower() in data.measure_modifiers:
            modifiers.add(words[a - 1][TEXT].lower())
        if b + 1 < last_word and words[b][TEXT].lower() in data.complement_words and words[b + 1][TEXT].lower() in data.measure_modifiers:
            modifiers.add(words[b + 1][TEXT].lower())
    years = frozenset(scopes.years(layout, f, scope) or scopes.years(layout, f, intro))
    # A date beside an event names the event ("the 19 March election"), not a period of the figure.
    periods = frozenset() if own_events else frozenset(scopes.periods(layout, rest) or scopes.periods(layout, intro))
    return Subject(
        frozenset(events), frozenset(entities), frozenset(holders), years, frozenset(modifiers), earlier, periods, forecast, frozenset(areas)
    )

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
Subjects are worked out only for the figures a rule asks about.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING, NamedTuple

from quotelint.claims.figuredata import FigureData
from quotelint.claims.figures import Figure
from quotelint.claims.layout import Layout
from quotelint.records import Value

if TYPE_CHECKING:
    from quotelint.claims.subjects import Event

WINDOW = 8  # words either side of a figure or measure word that can name its subject
REACH = 6  # words between a measure word and its figure
LEAD = 40  # words before a figure in its sentence that may name its event
FORECAST = 6  # words before a figure where `expected`, `target` make it a forecast
AFTER = 3  # words after a figure where `ago`, `last year` make it an earlier value
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


def bind_measure(layout: Layout, f: Figure, s: int, lo: int, hi: int) -> tuple[str | None, tuple[int, int] | None]:
    """The measure a figure gives a value of: its own counted noun, or the nearest measure word."""
    data, words = layout.data, layout.words
    unit = f.unit or "none"
    own = data.measure_words.get((words[hi - 1].text.lower(),))
    if own and unit in data.measures[own].units:
        return own, (hi - 1, hi)
    at = layout.measure_starts_at
    a, b = bisect.bisect_left(at, lo - REACH - 2), bisect.bisect_left(at, hi + REACH + 2)
    if a == b:
        return None, None  # no measure word in reach, whatever the sentence: its bounds are not looked up
    first, last = layout.sentence_words(s)
    best: tuple[int, str, tuple[int, int]] | None = None
    near = at[bisect.bisect_left(at, max(first, lo - REACH - 2), a, b) : bisect.bisect_left(at, min(last, hi + REACH + 2), a, b)]
    opening = _opening_units(data)
    for k in near:
        if lo <= k < hi or unit not in opening[words[k].text.lower()]:
            continue  # a word of the figure, or one no phrase of the figure's unit opens with
        lows = tuple(w.text.lower() for w in words[k : min(k + 3, last)])  # once for the three sizes
        for size in (3, 2, 1):
            name = data.measure_words.get(lows[:size]) if k + size <= last else None
            if name is None or unit not in data.measures[name].units:
                continue
            distance = lo - (k + size) if k < lo else k - hi
            # Segments are laid out only for a measure phrase that could bind the figure.
            if distance <= REACH and (best is None or distance < best[0]) and _same_segment(layout, s, k, lo):
                best = (distance, name, (k, k + size))
            break
    return (best[1], best[2]) if best else (None, None)


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
    cache = layout.__dict__.setdefault("_subjects", {})
    key = fact.figure.start
    if key not in cache:
        cache[key] = _subject(layout, fact)
    return cache[key]


def _subject(layout: Layout, fact: Fact) -> Subject:
    data, words, f = layout.data, layout.words, fact.figure
    (lo, hi), at = fact.words, fact.measure_words
    first_word, last_word = layout.lay_out(fact.sentence)
    scope = _scope(layout, fact, first_word, last_word)
    rest = scope.difference(range(lo, hi), range(*at) if at else ())  # not the figure's words, nor its measure's
    events, entities, holders, earlier, forecast, areas = _read_scope(layout, fact, rest)
    modifiers: set[str] = set()
    own_events = bool(events)
    if not events:  # "In the referendum a year earlier, turnout was 68 percent"
        events = set(layout.events_between(max(first_word, lo - LEAD), lo))
    intro = _intro(layout, first_word, lo, last_word)  # "In Germany, inflation reached 8.7 percent"
    if not entities:
        entities = {words[k].text for k in intro if layout.is_entity(k)}
    earlier = earlier or any(words[k].text.lower() in data.earlier_words for k in intro)
    areas = areas or {words[k].text.lower() for k in intro if words[k].text.lower() in data.area_words}
    if at:
        a, b = at
        if a > first_word and words[a - 1].text.lower() in data.measure_modifiers:
            modifiers.add(words[a - 1].text.lower())
        if b + 1 < last_word and words[b].text.lower() in data.complement_words and words[b + 1].text.lower() in data.measure_modifiers:
            modifiers.add(words[b + 1].text.lower())
    years = frozenset(_years(layout, f, scope) or _years(layout, f, intro))
    # A date beside an event names the event ("the 19 March election"), not a period of the figure.
    periods = frozenset() if own_events else frozenset(_periods(layout, rest) or _periods(layout, intro))
    return Subject(
        frozenset(events), frozenset(entities), frozenset(holders), years, frozenset(modifiers), earlier, periods, forecast, frozenset(areas)
    )


def _scope(layout: Layout, fact: Fact, first_word: int, last_word: int) -> set[int]:
    """The words that may name a figure's subject: those of its clause near it and near its
    measure words, and those of the clause a relative clause among them speaks of. The scope is
    made of runs of one clause each: a clause's first word in it is kept as each run is added,
    not looked for among all its words."""
    (lo, hi), at = fact.words, fact.measure_words
    scope: set[int] = set()
    opens: dict[int, int] = {}  # each clause's first word in scope
    for a, b in [(lo, hi)] + ([at] if at else []):
        c = layout.clause[a]
        _add_run(scope, opens, c, _of_clause(layout, c, max(first_word, a - WINDOW), min(last_word, b + WINDOW)))
        # The clause's first word in scope; looked for there only when word `a` stands past its
        # sentence's words, in no run.
        start = opens[c] if c in opens else min(k for k in scope if layout.clause[k] == c)
        antecedent = _antecedent(layout, start, first_word)
        if antecedent is not None:  # "Canada, which averages": the words before the comma
            _add_run(scope, opens, antecedent, _of_clause(layout, antecedent, max(first_word, start - 12), start))
    return scope


def _read_scope(layout: Layout, fact: Fact, rest: set[int]) -> tuple[set[Event], set[str], set[str], bool, bool, set[str]]:
    """What the words of a figure's scope (`rest`: not the figure's own words, nor its measure's)
    say of its subject: events, names, the names before it in its clause (holders), whether it
    is an earlier value or a forecast, the areas. Each question is asked only of the words that
    can answer it (set operations in C): the event words, the words that can be names, the
    words of `Layout.subject_words`."""
    data, words, (lo, hi) = layout.data, layout.words, fact.words
    events, entities, holders, areas = set(), set(), set(), set()
    earlier, forecast = fact.figure.role == "earlier", False
    for k in rest & layout.event_word_set:
        if (event := layout.event(k)) is not None:
            events.add(event)
    for k in rest & layout.name_words:
        if layout.is_entity(k):
            entities.add(words[k].text)
            if k < lo and layout.clause[k] == layout.clause[lo]:
                holders.add(words[k].text)
    for k in rest & layout.subject_words:
        text = words[k].text
        low = text.lower()
        earlier = earlier or (low in data.earlier_words and k < hi + AFTER)
        forecast = forecast or (text in data.forecast_words and lo - FORECAST <= k < lo)
        if low in data.area_words and not _names_event(layout, k):
            areas.add(low)
    return events, entities, holders, earlier, forecast, areas


def _add_run(scope: set[int], opens: dict[int, int], c: int, run: range) -> None:
    """Add a run of clause `c`'s words to the scope, keeping the clause's first word there."""
    if run:
        scope.update(run)
        opens[c] = min(opens.get(c, run.start), run.start)


def _names_event(layout: Layout, k: int) -> bool:
    """Word `k` is part of an event's name (`city council election`, `regional elections`)."""
    nxt = layout.words[k + 1].text.lower() if k + 1 < len(layout.words) else ""
    return nxt in layout.data.event_nouns or nxt in layout.data.event_kinds


def _intro(layout: Layout, first: int, lo: int, last: int) -> set[int]:
    """The words of a short opening phrase that sets the scene for the rest of the sentence
    (`In Germany,`, `Last year,`), when the figure stands after it; not an opening clause (`While
    ...,`)."""
    # The first clause's end: clauses are numbered in order along a laid-out sentence (bisection).
    end = bisect.bisect_right(layout.clause, layout.clause[first], first, min(lo, last))
    words = layout.words
    if end >= lo or end - first > 6 or words[first].text.lower() in layout.data.clause_words:
        return set()
    if end - first == 1 and words[first].text.isupper() and len(words[first].text) > 2:
        return set()  # a dateline: "KARVIK, Oct 6 (Reuters) -"
    if "," not in layout.prose[words[end - 1].end : words[end].start]:
        return set()
    return set(range(first, end))


def _periods(layout: Layout, scope: set[int]) -> set[str]:
    """Months and parts of the year named near a figure (`in March`, `first quarter`)."""
    data, words, out = layout.data, layout.words, set()
    for k in scope & layout.period_words:  # only they can name one
        text = words[k].text
        if text in data.months:
            out.add(f"month {data.months[text]}")
        elif text.lower() in data.period_words and k > 0:
            out.add(f"{words[k - 1].text.lower()} {text.lower()}")
    return out


def _antecedent(layout: Layout, first: int, sentence_start: int) -> int | None:
    """The clause a relative clause speaks of, when the clause starting at word `first` is one
    (`Canada, which averages 54 percent`) or resumes after one (`Eastvale, which votes in May,
    sees turnout of 60 percent`)."""
    c = layout.clause[first]
    if first == sentence_start:
        return None
    if c in layout.relative:
        return c - 1
    if c - 1 in layout.relative and "," in layout.prose[layout.words[first - 1].end : layout.words[first].start]:
        return c - 2 if c - 2 >= layout.clause[sentence_start] else None
    return None


def _of_clause(layout: Layout, c: int, lo: int, hi: int) -> range:
    """The words from `lo` up to `hi`, all of one laid-out sentence, that are in clause `c`: a
    sentence's clauses are numbered in order, so they are one run, found by bisection."""
    clause = layout.clause
    return range(bisect.bisect_left(clause, c, lo, hi), bisect.bisect_right(clause, c, lo, hi))


def _years(layout: Layout, f: Figure, scope: set[int]) -> list[int]:
    """Years of the other figures in scope, unless a word like `since` makes them a reference.
    Only the few figures between the scope's first and last word are looked at: a figure is in
    scope when one of its words is."""
    if not scope:
        return []
    out = []
    starts, figures, words = layout.figure_starts, layout.figures, layout.words
    first_figure = max(0, bisect.bisect_right(starts, words[min(scope)].start) - 1)
    for i in range(first_figure, bisect.bisect_right(starts, words[max(scope)].start)):
        g = figures[i]
        year = g.value if g.unit == "year" else (g.date[0] if g.date else None)
        if g is f or year is None:
            continue  # most figures give no year: whether they are in scope is not asked
        first, last = layout.figure_spans[i]
        if not any(k in scope and layout.figure_at(k) == i for k in range(first, last)):
            continue
        before = {words[j].text.lower() for j in range(max(0, first - 3), first)}
        if not before & layout.data.year_references:
            out.append(int(year))
    return out

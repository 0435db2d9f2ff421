"""A figure's scope: the words near it that may name its subject, and what they say of it.

The scope is read from the figure's own clause (see `layout.py` for clauses), near it and near
its measure words; a relative clause (`Canada, which averages 54 percent`) takes in the words
just before it. A short opening phrase (`In Germany,`) sets the scene for the rest of the
sentence. `facts.py` makes a figure's `Subject` of what these say: events, names, years,
periods, and whether the value is an earlier one, a forecast or one of a part.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from quotelint.names import END, START, TEXT

if TYPE_CHECKING:
    from quotelint.claims.facts import Fact
    from quotelint.claims.figures import Figure
    from quotelint.claims.layout import Layout
    from quotelint.claims.subjects import Event

WINDOW = 8  # words either side of a figure or measure word that can name its subject
FORECAST = 6  # words before a figure where `expected`, `target` make it a forecast
AFTER = 3  # words after a figure where `ago`, `last year` make it an earlier value


def scope(layout: Layout, fact: Fact, first_word: int, last_word: int) -> set[int]:
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


def read(layout: Layout, fact: Fact, rest: set[int]) -> tuple[set[Event], set[str], set[str], bool, bool, set[str]]:
    """What the words of a figure's scope (`rest`: not the figure's own words, nor its measure's)
    say of its subject: events, names, the names before it in its clause (holders), whether it
    is an earlier value or a forecast, the areas. Each question is asked only of the words that
    can answer it: the event words and the words of `Layout.subject_words` (set operations in C),
    the capitalized words."""
    words, (lo, hi) = layout.words, fact.words
    events, entities, holders, areas = set(), set(), set(), set()
    earlier, forecast = fact.figure.role == "earlier", False
    for k in rest & layout.event_word_set:
        if (event := layout.event(k)) is not None:
            events.add(event)
    for k in rest:  # a name is capitalized: the few words of a scope are asked, not every name's places
        if words[k][TEXT][:1].isupper() and layout.is_entity(k):
            entities.add(words[k][TEXT])
            if k < lo and layout.clause[k] == layout.clause[lo]:
                holders.add(words[k][TEXT])
    for k in rest & layout.subject_words:
        was, will, area = marks(layout, k, lo, hi)
        earlier, forecast = earlier or was, forecast or will
        if area:
            areas.add(area)
    return events, entities, holders, earlier, forecast, areas


def marks(layout: Layout, k: int, lo: int, hi: int) -> tuple[bool, bool, str]:
    """What word k says of the figure at words lo..hi: an earlier value (`ago` after it), a
    forecast (`expected` before it), an area (its lower case, or "")."""
    data, text = layout.data, layout.words[k][TEXT]
    low = text.lower()
    earlier = low in data.earlier_words and k < hi + AFTER
    forecast = text in data.forecast_words and lo - FORECAST <= k < lo
    return earlier, forecast, low if low in data.area_words and not _names_event(layout, k) else ""


def _add_run(scope: set[int], opens: dict[int, int], c: int, run: range) -> None:
    """Add a run of clause `c`'s words to the scope, keeping the clause's first word there."""
    if run:
        scope.update(run)
        opens[c] = min(opens.get(c, run.start), run.start)


def _names_event(layout: Layout, k: int) -> bool:
    """Word `k` is part of an event's name (`city council election`, `regional elections`)."""
    nxt = layout.words[k + 1][TEXT].lower() if k + 1 < len(layout.words) else ""
    return nxt in layout.data.event_nouns or nxt in layout.data.event_kinds


def intro(layout: Layout, first: int, lo: int, last: int) -> set[int]:
    """The words of a short opening phrase that sets the scene for the rest of the sentence
    (`In Germany,`, `Last year,`), when the figure stands after it; not an opening clause (`While
    ...,`)."""
    # The first clause's end: clauses are numbered in order along a laid-out sentence (bisection).
    end = bisect.bisect_right(layout.clause, layout.clause[first], first, min(lo, last))
    return opening_phrase(layout, first, end, lo)


def opening_phrase(layout: Layout, first: int, end: int, lo: int) -> set[int]:
    """`intro` given the first clause's end: its words, if it is a short phrase set off by a
    comma before the figure at word lo."""
    words = layout.words
    if end >= lo or end - first > 6 or words[first][TEXT].lower() in layout.data.clause_words:
        return set()
    if end - first == 1 and words[first][TEXT].isupper() and len(words[first][TEXT]) > 2:
        return set()  # a dateline: "KARVIK, Oct 6 (Reuters) -"
    if "," not in layout.prose[words[end - 1][END] : words[end][START]]:
        return set()
    return set(range(first, end))


def periods(layout: Layout, scope: set[int]) -> set[str]:
    """Months and parts of the year named near a figure (`in March`, `first quarter`)."""
    return {p for k in scope & layout.period_words if (p := period(layout, k))}  # only they can name one


def period(layout: Layout, k: int) -> str:
    """The month or part of the year word k names (`month 3`, `first quarter`), or ""."""
    data, words = layout.data, layout.words
    text = words[k][TEXT]
    if text in data.months:
        return f"month {data.months[text]}"
    if text.lower() in data.period_words and k > 0:
        return f"{words[k - 1][TEXT].lower()} {text.lower()}"
    return ""


def _antecedent(layout: Layout, first: int, sentence_start: int) -> int | None:
    """The clause a relative clause speaks of, when the clause starting at word `first` is one
    (`Canada, which averages 54 percent`) or resumes after one (`Eastvale, which votes in May,
    sees turnout of 60 percent`)."""
    c = layout.clause[first]
    if first == sentence_start:
        return None
    if c in layout.relative:
        return c - 1
    if c - 1 in layout.relative and "," in layout.prose[layout.words[first - 1][END] : layout.words[first][START]]:
        return c - 2 if c - 2 >= layout.clause[sentence_start] else None
    return None


def _of_clause(layout: Layout, c: int, lo: int, hi: int) -> range:
    """The words from `lo` up to `hi`, all of one laid-out sentence, that are in clause `c`: a
    sentence's clauses are numbered in order, so they are one run, found by bisection."""
    clause = layout.clause
    return range(bisect.bisect_left(clause, c, lo, hi), bisect.bisect_right(clause, c, lo, hi))


def years(layout: Layout, f: Figure, scope: set[int]) -> list[int]:
    """Years of the other figures in scope, unless a word like `since` makes them a reference.
    Only the few figures between the scope's first and last word are looked at: a figure is in
    scope when one of its words is."""
    out = []
    figures = layout.figures
    for i in figures_near(layout, scope):
        year = year_of(figures[i])
        if figures[i] is f or year is None:
            continue  # most figures give no year: whether they are in scope is not asked
        if in_scope(layout, i, scope) and not after_reference(layout, i):
            out.append(int(year))
    return out


def figures_near(layout: Layout, scope: set[int]) -> range:
    """The indexes of the figures from the one holding the scope's first word to its last word."""
    if not scope:
        return range(0)
    starts, words = layout.figure_starts, layout.words
    first_figure = max(0, bisect.bisect_right(starts, words[min(scope)][START]) - 1)
    return range(first_figure, bisect.bisect_right(starts, words[max(scope)][START]))


def year_of(g: Figure) -> float | None:
    """The year a figure gives: its value if it is a year, else its date's year, if any."""
    return g.value if g.unit == "year" else (g.date[0] if g.date else None)


def in_scope(layout: Layout, i: int, scope: set[int]) -> bool:
    """Figure i stands in the scope: one of its words is there, read in that figure."""
    first, last = layout.figure_spans[i]
    return any(k in scope and layout.figure_at(k) == i for k in range(first, last))


def after_reference(layout: Layout, i: int) -> bool:
    """A word like `since` stands in the three words before figure i: its year is a reference."""
    words, first = layout.words, layout.figure_spans[i][0]
    return not {words[j][TEXT].lower() for j in range(max(0, first - 3), first)}.isdisjoint(layout.data.year_references)

"""One document giving the same quantity two values: `turnout of 53 percent` ... `54 per cent`.

A figure takes part when a measure word binds it (`turnout`, `threshold`, `seats`: see
`measures` in figures.yaml) and it is a plain value: no bound (`more than`), no range, not an
earlier or compared value (`from 7%`, `than 60%`), not a part (`29 of the 98`). Figures are keyed
by measure, unit and resolved subject (`subjects.py`): events, years, names that are not the
document's own topic, and modifiers such as `core`. For measures with a holder (a party's seats
or share of the vote) the holder's name is the subject and a figure without one is left out.
Within a key, two values disagree when they differ by more than half the coarser precision
(`54 percent` and `54.19 percent` agree). Two figures in one sentence are never a conflict: a
sentence that gives a measure twice is comparing two things.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from quotelint.claims.facts import Fact, Subject
from quotelint.claims.figuredata import figure_data

from quotelint.claims.subjects import Topical, own_names, quick_fold, resolve_events
from quotelint.records import Value

SCAN = 64  # neighbours looked at on each side for a disagreeing value


class Conflict(Value):
    __slots__ = _fields = ("here", "other")
    here: Fact
    other: Fact

    def __init__(self, here: Fact, other: Fact) -> None:
        self.here, self.other = here, other


def comparable(fact: Fact) -> bool:
    f = fact.figure
    return fact.measure is not None and f.value is not None and f.bound is None and f.high is None and f.role is None


def conflict_key(fact: Fact, about: Subject, topic: Topical) -> tuple[Any, ...] | None:
    measure = figure_data().measures[fact.measure or ""]
    if about.earlier:
        return None
    if measure.holder:
        names = frozenset(quick_fold(h) for h in about.holders)
        if not names:
            return None
    else:
        names = own_names(about.entities, topic)
    events = resolve_events(about.events, topic)
    return (measure.name, fact.figure.unit, events, names, about.years, about.modifiers, about.periods, about.forecast, about.areas)


def differ(a: Fact, b: Fact) -> bool:
    x, y = a.figure, b.figure
    assert x.value is not None and y.value is not None
    return abs(x.value - y.value) > max(x.step, y.step) / 2 + 1e-9


def find_conflicts(facts: Iterable[Fact], subject_of: Callable[[Fact], Subject], topic_of: Callable[[], Topical]) -> list[Conflict]:
    """Every figure that another figure of the same key contradicts, with the nearest such one.
    `subject_of` gives a fact's subject; `topic_of` the document's topic (asked when needed)."""
    by_measure: dict[tuple[Any, ...], list[Fact]] = defaultdict(list)
    for fact in facts:
        if comparable(fact):
            by_measure[(fact.measure, fact.figure.unit)].append(fact)
    groups: dict[tuple[Any, ...], list[Fact]] = defaultdict(list)
    for same in by_measure.values():
        if len({f.figure.value for f in same}) < 2:
            continue  # one value: nothing to contradict, no subject to work out
        topic = topic_of()
        for fact in same:
            if (key := conflict_key(fact, subject_of(fact), topic)) is not None:
                groups[key].append(fact)
    out = []
    for items in groups.values():
        if len(items) < 2 or len({f.figure.value for f in items}) < 2:
            continue
        for i, fact in enumerate(items):
            other = _nearest(items, i)
            if other is not None:
                out.append(Conflict(fact, other))
    return sorted(out, key=lambda c: c.here.figure.start)


def _nearest(items: list[Fact], i: int) -> Fact | None:
    fact = items[i]
    for step in range(1, SCAN + 1):
        for j in (i - step, i + step):
            if 0 <= j < len(items) and items[j].sentence != fact.sentence and differ(fact, items[j]):
                return items[j]
    return None

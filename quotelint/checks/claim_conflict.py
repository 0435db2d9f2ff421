"""One document giving the same quantity two different values.

## What it does
Flags both places where an article states one quantity twice with different values: the
turnout as `53 percent` in one paragraph and as `54 per cent` in another, the threshold as
`5%` and later as `7 percent`. Each finding names the other place's line. No registry is
needed: the rule compares the article with itself.

## What counts as the same quantity
The same measure (turnout, threshold, seats, share of the vote, inflation, unemployment,
growth, deficit, interest rate, population) in the same unit, about the same
subject. The subject is read from the figure's own clause and a short opening phrase of its
sentence: the event (`the turnout of the referendum` is not that of the election), a year
(`turnout in 2019`), a name the article is not about (`Canada, which averages 54 percent`,
`In Germany, inflation reached`), a part of the country (`in the north`), a period (`in March`,
`in the first quarter`), a modifier (`core inflation`). A figure that names none of these is
about what the article is about: its main event and the names it repeats.

Never compared: bounds and approximations (`more than 50 percent`, `about 54 percent`),
ranges, forecasts (`expected to reach 3 percent`), earlier or compared values (`lowered from
7% to 5%`, `fell to 58 percent from 66 percent`, `previously seven percent`, `higher than 60
percent`), parts (`29 of the 98 seats`), a party's seats or share of the vote
when the party is not named, and two figures in one sentence. Values that agree once rounded
(`54 percent`, `54.19 percent`) do not conflict.

## Why it matters
Readers who notice that an article disagrees with itself stop trusting every figure in it.

## Options
The measures, their words and units, and the words that change a subject are data in
`quotelint/data/figures.yaml`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.finding import Hit, Severity
from quotelint.records import Value

if TYPE_CHECKING:
    from quotelint.claims.facts import Fact, Subject
    from quotelint.claims.subjects import Topical, TopicCounts
    from quotelint.context import Context
    from quotelint.document import Document
    from quotelint.sections import Part


class Gathered(Value):
    """A section's figures bound to a measure (offsets and sentences in the document's prose), the
    subjects of those that can conflict, and the counts its topic is worked out from."""

    __slots__ = _fields = ("facts", "subjects", "counts", "topic")
    facts: list[Fact]
    subjects: dict[int, Subject]  # by the figure's start
    counts: TopicCounts | None  # None for a whole document, whose layout gives its topic
    topic: Callable[[], Topical] | None

    def __init__(self, facts: list[Fact], subjects: dict[int, Subject], counts: TopicCounts | None, topic: Callable[[], Topical] | None = None) -> None:
        self.facts, self.subjects, self.counts, self.topic = facts, subjects, counts, topic


def gather(ctx: Context) -> Gathered:
    from quotelint.claims.conflicts import comparable
    from quotelint.claims.facts import subject

    base, layout = ctx.base, ctx.layout
    facts, subjects = [], {}
    for fact in ctx.facts:
        if fact.measure is None or not ctx.owns(fact.figure.start):
            continue
        f = fact.figure
        sentence = base + ctx.sentences.spans[fact.sentence][0]  # the sentence by where it starts
        facts.append(fact._replace(figure=f._replace(start=f.start + base, end=f.end + base), sentence=sentence))
        if comparable(fact):
            subjects[f.start + base] = subject(layout, fact)
    if ctx.own == (0, len(ctx.prose)) and base == 0:
        return Gathered(facts, subjects, None, functools.partial(getattr, layout, "topic"))
    return Gathered(facts, subjects, ctx.topic_counts)


def judge(gathered: Sequence[Gathered], doc: Document | Part, registry: object) -> Iterator[Hit]:
    from quotelint.claims.conflicts import find_conflicts

    facts = [f for g in gathered for f in g.facts]
    if len(facts) < 2:
        return
    subjects = {start: s for g in gathered for start, s in g.subjects.items()}
    for conflict in find_conflicts(facts, lambda fact: subjects[fact.figure.start], functools.partial(topic_of, gathered)):
        here, other = conflict.here.figure, conflict.other.figure
        line = doc.position(doc.source(other.start))[0]
        yield Hit(
            here.start,
            here.end,
            f"{conflict.here.measure} given as '{here.text}' here but as '{other.text}' on line {line}",
            related=((other.start, other.end),),
        )


def topic_of(gathered: Sequence[Gathered]) -> Topical:
    from quotelint.claims.subjects import TopicCounts

    if len(gathered) == 1 and gathered[0].topic is not None:
        return gathered[0].topic()
    counts = TopicCounts()
    for g in gathered:
        assert g.counts is not None
        counts.add(g.counts)
    return counts.topic()


def check(ctx: Context) -> Iterator[Hit]:
    return judge([gather(ctx)], ctx.document, ctx.registry)


RULE = Rule(
    id="QL302",
    name="claim-conflict",
    category="claim-conflict",
    severity=Severity.WARNING,
    summary="The same quantity given two different values in one document",
    check=check,
    doc=__doc__ or "",
    fail=("Turnout was 53 percent, officials said. Later the turnout of 54 per cent was called the lowest in years.",),
    passing=("Turnout in the election was 53 percent. Turnout in the referendum was 68 percent.",),
    gather=gather,
    judge=judge,
)

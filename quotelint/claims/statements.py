"""The sentences that state a registered claim, and the figures there that disagree with it.

`cues` finds, sentence by sentence, each claim whose cue the sentence matches and the figures
there of the claim's unit; `verdicts` keeps the figures whose subject can be the claim's and
reports a claim none of them agrees with. A whole document passes its facts; a document analysed
by section (quotelint/sections.py) passes records whose subject was worked out in the section,
judged once the document's topic and the claims that apply to it are known.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from quotelint.claims import agrees, counts_bare, normalized_unit
from quotelint.claims.cuewords import lowered, prefilter, required
from quotelint.claims.cues import search

if TYPE_CHECKING:
    from quotelint.claims.facts import Fact, Subject
    from quotelint.claims.figures import Figure
    from quotelint.claims.subjects import TopicCounts
    from quotelint.context import Context
    from quotelint.registry.model import Claim

F = TypeVar("F")
Stated = list[tuple["Claim", list[Any], int]]  # (claim, its figures of the claim's unit, the cue's offset)


def cues(ctx: Context, claims: Sequence[Claim], owned: bool = False) -> Iterator[tuple[int, Stated]]:
    """Each sentence holding a figure (no reference value) and the claims whose cue it matches, with
    the figures of each claim's unit: (sentence index, statements). `owned`: only the sentences
    that start in the part of the document the context owns."""
    by_sentence: dict[int, list[Fact]] = defaultdict(list)
    for fact in ctx.facts:
        if fact.figure.role != "reference":
            by_sentence[fact.sentence].append(fact)
    units = [(claim, normalized_unit(claim.unit)) for claim in claims]
    bare = {unit: counts_bare(unit) for _, unit in units}
    spec = tuple((claim.cue, unit, bare[unit]) for claim, unit in units)
    plans: dict[frozenset[str | None], CuePlan] = {}
    for index, facts in by_sentence.items():
        start, end = ctx.sentences.spans[index]
        if owned and not ctx.owns(start):
            continue
        present = frozenset([f.figure.unit for f in facts])
        plan = plans.get(present)
        if plan is None:
            plan = plans[present] = cue_groups(present, spec)
        needed, groups = plan
        if not groups:
            continue
        text = ctx.prose[start:end]
        low = lowered(text)
        if low is not None and needed is not None and not any(map(low.__contains__, needed)):
            continue  # none of the words any of these cues needs: no cue's prefilter is asked
        stated: list[tuple[int, Claim, list[Any], int]] = []
        for may_match, chosen in groups:
            # A sentence without any of the words the cue needs is not searched (cuewords.py).
            if not may_match(low) or (cue := search(units[chosen[0]][0].pattern, text)) is None:
                continue  # claims that share a cue (`turnout`) search the sentence once
            for i in chosen:
                claim, unit = units[i]
                of_unit = [f for f in facts if f.figure.unit == unit or (f.figure.unit is None and bare[unit])]
                stated.append((i, claim, of_unit, start + cue.start()))
        if stated:
            stated.sort(key=lambda s: s[0])  # in the claims' order
            yield index, [s[1:] for s in stated]


CueGroup = tuple[Callable[[str | None], bool], tuple[int, ...]]  # a cue's prefilter, the claims (indexes) that have it
CuePlan = tuple[frozenset[str] | None, list[CueGroup]]  # the words of all the groups' cues (None: a cue without), the groups


@functools.lru_cache(maxsize=1024)  # the same few unit sets and claims in every document of a run
def cue_groups(present: frozenset[str | None], spec: tuple[tuple[str, str | None, bool], ...]) -> CuePlan:
    """The claims a sentence with figures of the units `present` may state, grouped by cue
    (`spec`: each claim's cue, unit and whether it counts bare figures), and the words one of
    which each of their cues needs (`cuewords.required`; None when one cue does not say). A
    sentence looks only at the claims of its figures' units (most have one or two of a
    registry's units), each cue is looked for once however many claims share it, and a sentence
    with none of the words is passed over at once (most are)."""
    groups: dict[str, list[int]] = {}
    for i, (cue, unit, bare) in enumerate(spec):
        if unit in present or (None in present and bare):
            groups.setdefault(cue, []).append(i)
    words = [required(cue) for cue in groups]
    needed = None if None in words else frozenset().union(*words)  # type: ignore[arg-type]
    return needed, [(prefilter(cue), tuple(chosen)) for cue, chosen in groups.items()]


def verdicts(stated: Stated, fits: Callable[[Claim, F], bool]) -> Iterator[tuple[Claim, F]]:
    """The claims of one sentence that none of their figures agrees with, each with the figure
    nearest its cue. `fits(claim, figure)`: the figure's subject can be the claim's.

    `fits` (a figure's subject worked out, then compared) is asked only where it can change the
    answer: not at all of a claim whose figures all agree (there is nothing to report); else of
    its agreeing figures until one fits (the claim is then settled), and of its other figures
    nearest first until one fits that no other claim here accounts for (agrees with and fits)."""
    kept: dict[tuple[int, int], bool] = {}

    def fit(claim: Claim, f: Any) -> bool:
        key = (id(claim), id(f))
        found = kept.get(key)
        if found is None:
            found = kept[key] = fits(claim, f)
        return found

    for claim, of_unit, at in stated:
        agreeing: list[Any] = []
        rest: list[Any] = []
        for f in of_unit:
            (agreeing if agrees(claim, f.figure) else rest).append(f)
        if not rest or any(fit(claim, f) for f in agreeing):
            continue  # no figure to report, or one that agrees is about this claim
        for f in sorted(rest, key=lambda f: abs(f.figure.start - at)) if len(rest) > 1 else rest:
            # A figure that another claim stated here accounts for is that claim's figure.
            if fit(claim, f) and not any(
                other is not claim and f in theirs and agrees(other, f.figure) and fit(other, f) for other, theirs, _ in stated
            ):
                yield claim, f
                break


class Placed(NamedTuple):
    """A figure of a section at its offsets in the document's prose, with its subject and whether
    it stands in a dateline."""

    figure: Figure
    about: Subject
    dateline: bool


class Gathered(NamedTuple):
    """What a section holds for the claims: its sentences' statements (figures as `Placed`), the
    claims whose context words it holds, and the counts the document's topic is worked out from."""

    sentences: list[Stated]
    applying: tuple[Claim, ...]
    counts: TopicCounts | None


def shifted(figure: Figure, base: int) -> Figure:
    a, b = figure.number
    return figure._replace(start=figure.start + base, end=figure.end + base, number=(a + base, b + base))


def gather(ctx: Context) -> Gathered:
    from quotelint.claims import applying_claims, in_dateline
    from quotelint.claims.facts import subject

    everything = [c for c in ctx.registry.claims if c.pattern is not None]
    if not everything:
        return Gathered([], (), None)
    applying = tuple(applying_claims(ctx, everything))
    layout, base = ctx.layout, ctx.base
    sentences = [
        [(claim, [Placed(shifted(f.figure, base), subject(layout, f), in_dateline(layout, f)) for f in of_unit], at + base) for claim, of_unit, at in stated]
        for _, stated in cues(ctx, everything, owned=True)
    ]
    return Gathered(sentences, applying, ctx.topic_counts)


def judge(gathered: Sequence[Gathered]) -> Iterator[tuple[Claim, Placed]]:
    """The claims the document's sentences state with figures of which none agrees, each with the
    figure nearest its cue: `mismatches` of the whole document, from its sections."""
    from quotelint.claims import subject_fits
    from quotelint.claims.subjects import TopicCounts

    applying = {id(c) for g in gathered for c in g.applying}
    if not applying:
        return
    counts = TopicCounts()
    for g in gathered:
        if g.counts is not None:
            counts.add(g.counts)
    topic = counts.topic()

    def fits(claim: Claim, placed: Placed) -> bool:
        return subject_fits(claim, placed.figure, placed.about, topic, lambda: placed.dateline)

    for g in gathered:
        for stated in g.sentences:
            yield from verdicts([s for s in stated if id(s[0]) in applying], fits)

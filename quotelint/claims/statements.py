"""The sentences that state a registered claim, and the figures there that disagree with it.

`cues` finds, sentence by sentence, each claim whose cue the sentence matches and the figures
there of the claim's unit; `verdicts` keeps the figures whose subject can be the claim's and
reports a claim none of them agrees with. A whole document passes its facts; a document analysed
by section (quotelint/sections.py) passes records whose subject was worked out in the section,
judged once the document's topic and the claims that apply to it are known.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from quotelint.claims import agrees, counts_bare, normalized_unit
from quotelint.claims.cuewords import lowered, prefilter
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
    may_match = {claim.cue: prefilter(claim.cue) for claim in claims}
    # A sentence looks only at the claims of the units its figures have: most have one or two of
    # a registry's units, so the claims of the others are not even looked at.
    by_unit: dict[str | None, list[int]] = defaultdict(list)
    for i, (_, unit) in enumerate(units):
        by_unit[unit].append(i)
    counted = [i for i, (_, unit) in enumerate(units) if bare[unit]]  # what a bare figure may state
    for index, facts in by_sentence.items():
        start, end = ctx.sentences.spans[index]
        if owned and not ctx.owns(start):
            continue
        present = {f.figure.unit for f in facts}
        chosen = [i for unit in present for i in by_unit.get(unit, ())]
        if None in present:
            chosen.extend(counted)
        if not chosen:
            continue
        text = ctx.prose[start:end]
        low = lowered(text)
        stated: Stated = []
        found: dict[str, Any] = {}  # claims that share a cue (`turnout`) search the sentence once
        for claim, unit in (units[i] for i in sorted(set(chosen))):
            if claim.cue not in found:
                # A sentence without any of the words the cue needs is not searched (cuewords.py).
                found[claim.cue] = search(claim.pattern, text) if may_match[claim.cue](low) else None
            cue = found[claim.cue]
            if cue is None:
                continue
            of_unit = [f for f in facts if f.figure.unit == unit or (f.figure.unit is None and bare[unit])]
            stated.append((claim, of_unit, start + cue.start()))
        if stated:
            yield index, stated


def verdicts(stated: Stated, fits: Callable[[Claim, F], bool]) -> Iterator[tuple[Claim, F]]:
    """The claims of one sentence that none of their figures agrees with, each with the figure
    nearest its cue. `fits(claim, figure)`: the figure's subject can be the claim's."""
    kept = []
    for claim, of_unit, at in stated:
        candidates = [f for f in of_unit if fits(claim, f)]
        if candidates:
            kept.append((claim, candidates, at))
    for claim, candidates, at in kept:
        if any(agrees(claim, f.figure) for f in candidates):
            continue
        # A figure that another claim stated here accounts for is that claim's figure.
        rest = [f for f in candidates if not any(f in theirs and agrees(other, f.figure) for other, theirs, _ in kept if other is not claim)]
        if rest:
            yield claim, min(rest, key=lambda f: abs(f.figure.start - at))


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
    from quotelint.claims import applies, context_index, in_dateline
    from quotelint.claims.facts import subject

    everything = [c for c in ctx.registry.claims if c.pattern is not None]
    if not everything:
        return Gathered([], (), None)
    index = context_index(ctx)
    applying = tuple(c for c in everything if applies(c, ctx, index))
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

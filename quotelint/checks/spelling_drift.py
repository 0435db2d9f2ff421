"""Names, organizations and terms spelled otherwise than the registry spells them.

## What it does
Flags a known misspelling listed in the registry (`ODHIR` for `ODIHR`), and a word that nobody
listed but that is one or two edits away from a registered name: a letter added, dropped,
changed or swapped, or the wrong case (`Gutteres`, `Tokaev`, `OIDHR`, `tokayev`). Missing
diacritics (`Antonio` for `António`) are an accepted variant, not a misspelling.

A misspelling an article repeats is one finding, at its first place, with the others named
(`also on lines 77, 113 and 137`); `--fix` mends them all. A listed misspelling of several words
is flagged on the words that differ when they are a misspelling of the right ones (`Ayul` in
`Ayul party`), else whole, as a known wrong name (`Trans-Caspian International Trade Route`).
Short names have their own rules (an acronym one edit off, `OCSE`; a name of four letters, `Auul`).

## Why it matters
A misspelled name is the error readers notice first and forgive last; near misses slip past
spell checkers because the right spelling is not in any dictionary.

## Precision guards
A word is never taken for a misspelling when it is an ordinary English word or a name in the
dictionary (`Prize` is not `Price`), another registered spelling, or a name that the document
introduces itself with another first name (`Mike Brice` is not `Ned Price`); nor when it is an
ordinary word written another ordinary way (`co-operation` beside `Central Asian` is not the name
word `Cooperation`). A near miss shares the first letter of a name shorter than five letters.
Words in capitals are not judged for case; an acronym one edit off is drift unless it is a known
acronym (`CIA` is not `CIS`) or one the document defines in brackets.

## Options
Add words that must never be flagged to `lexicon: {common_words: {add: [...]}}`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.checks.near_miss import SEP, Short, near_any, near_miss, never_drift, settled
from quotelint.checks.short_names import acronyms, defined_acronyms, is_acronym
from quotelint.finding import Hit, Severity
from quotelint.names import Token, tokens

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.names import Mention
    from quotelint.registry.model import Entity


def best_spelling(entity: Entity, wrong: str) -> str:
    """The accepted spelling closest to a wrong one: ODHIR -> ODIHR rather than the long name.
    An entity of one spelling has nothing to choose from, and rapidfuzz stays unloaded."""
    if len(entity.forms) == 1:
        return entity.forms[0]
    from rapidfuzz import fuzz

    return max(entity.forms, key=lambda form: (fuzz.ratio(form, wrong), -entity.forms.index(form)))


def narrow(wrong: list[Token], right: str) -> tuple[int, int, str]:
    """The span and fix of just the words that differ: `Ayul` in `Ayul party`, not both words."""
    good = tokens(right)
    head = 0
    while head < min(len(wrong), len(good)) - 1 and wrong[head].text == good[head].text:
        head += 1
    tail = 0
    while tail < min(len(wrong), len(good)) - head - 1 and wrong[-1 - tail].text == good[-1 - tail].text:
        tail += 1
    bad, fix = wrong[head : len(wrong) - tail], good[head : len(good) - tail]
    return bad[0].start, bad[-1].end, right[fix[0].start : fix[-1].end]


def describe(entity: Entity, spelling: str) -> str:
    return f"'{spelling}'" if spelling == entity.name else f"'{spelling}' ({entity.name})"


def check(ctx: Context) -> Iterator[Hit]:
    index = ctx.registry.names
    covered: set[int] = set()
    for mention in ctx.mentions:
        covered.update(range(mention.first, mention.first + mention.count))
        if not mention.form.accepted:
            yield listed(ctx, mention)
    words = ctx.words
    anchors = anchor_words(ctx)
    anchored = anchored_positions(ctx, anchors)
    short = Short(acronyms(index), defined_acronyms(ctx.prose, {m.end for m in ctx.mentions}))
    # A verdict depends on the word and on the anchors beside it, so it is reached once per such
    # triple; a triple with no candidate whatever the document is known so for the run.
    verdicts: dict[tuple[str | None, str, str | None], tuple[str, Entity] | None] = {}
    no_candidate = index.memo("drift-settled", functools.partial(settled, index)).holds
    for i in judged(ctx, covered, anchored):
        word = words[i]
        key = (None, word.text, None)
        if i in anchored:
            before = words[i - 1].text if i > 0 else None
            after = words[i + 1].text if i + 1 < len(words) else None
            key = (before if before in anchors else None, word.text, after if after in anchors else None)
        if key in verdicts:
            found = verdicts[key]
        elif not is_acronym(word.text) and no_candidate(SEP.join((key[0] or "", word.text, key[2] or ""))):
            found = verdicts[key] = None
        else:
            found = verdicts[key] = near_miss(ctx, i, short)
        if found is not None:
            right, entity = found
            what = "has the wrong case for" if right.casefold() == word.text.casefold() else "looks like a misspelling of"
            yield Hit(word.start, word.end, f"'{word.text}' {what} {describe(entity, right)}", right, fixable=True)


def judged(ctx: Context, covered: set[int], anchored: set[int]) -> list[int]:
    """Indexes of the words that may drift, in order: outside a registered spelling, no registered
    word, and beside an anchor or a word that can drift without one (`never_drift`, judged once
    per distinct word in a run)."""
    index, words, positions = ctx.registry.names, ctx.words, ctx.positions
    if isinstance(index.known, (set, frozenset)):
        distinct = set(positions).difference(index.known)
    else:
        distinct = {text for text in positions if text not in index.known}
    free = index.memo("never-drift", lambda word: never_drift(word, index)).select(distinct)
    out = [i for i in anchored if 0 <= i < len(words) and i not in covered and words[i].text in free]
    for text in distinct - free:
        out.extend(i for i in positions[text] if i not in covered)
    out.sort()
    return out


def listed(ctx: Context, mention: Mention) -> Hit:
    """A misspelling the registry lists. Of a name of several words, just the words that differ
    are flagged, when they are a misspelling of the right ones (`Ayul` in `Ayul party`) or a
    name spelt otherwise (`Leigh` in `Ann Leigh`); ordinary words in their place make a wrong
    name, flagged whole (`Trans-Caspian International Trade Route`: `Trade` is no misspelling of
    `Transport`)."""
    entity = ctx.registry.names.entities[mention.form.entity_ids[0]]
    wrong = ctx.prose[mention.start : mention.end]
    right = best_spelling(entity, wrong)
    start, end, fix = narrow(ctx.words[mention.first : mention.first + mention.count], right)
    if fix == right:
        return Hit(start, end, f"'{wrong}' is a misspelling of {describe(entity, right)}", fix, fixable=True)
    differing = ctx.prose[start:end]
    common = ctx.registry.names.lexicon.common_words
    if not near_any(differing, {fix}) and any(w.text.lower() in common for w in tokens(differing)):
        return Hit(mention.start, mention.end, f"'{wrong}' is a known wrong name for {describe(entity, right)}", right, fixable=True)
    whole = right if right == entity.name else f"{right}, {entity.name}"
    return Hit(start, end, f"'{ctx.prose[start:end]}' is a misspelling of '{fix}' ({whole})", fix, fixable=True)


def anchor_words(ctx: Context) -> set[str]:
    """The document's words that are anchors (words of a registered name of several words),
    told apart by the run's word memo."""
    index = ctx.registry.names
    return index.members("anchors", index.anchors).select(ctx.distinct)


def anchored_positions(ctx: Context, anchors: set[str]) -> set[int]:
    """Indexes of the words beside an anchor (`anchor_words`): only there does a word's verdict
    depend on its neighbours."""
    out: set[int] = set()
    for text in anchors:
        for k in ctx.positions[text]:
            out.update((k - 1, k + 1))
    return out


RULE = Rule(
    id="QL201",
    name="spelling-drift",
    category="spelling-drift",
    severity=Severity.ERROR,
    summary="A name, organization or term spelled otherwise than the registry spells it",
    check=check,
    doc=__doc__ or "",
    fail=("The mission of the ODHIR observed the vote.", "UN chief Antonio Gutteres spoke first."),
    passing=("The mission of the ODIHR observed the vote.", "The Nobel Prize went to a writer."),
    fixable=True,
    merge_repeats=True,
)

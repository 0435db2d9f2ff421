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
import operator
from collections.abc import Callable, Iterator
from itertools import compress
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.checks.near_miss import SEP, Short, near_any, near_miss, neighbour_expectations, never_drift, settled
from quotelint.checks.short_names import acronym_candidates, acronyms, defined_acronyms, is_acronym
from quotelint.finding import Hit, Severity, hit_once
from quotelint.names import END, START, TEXT, Token, tokens

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.names import Mention, NameIndex
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
    while head < min(len(wrong), len(good)) - 1 and wrong[head][TEXT] == good[head][TEXT]:
        head += 1
    tail = 0
    while tail < min(len(wrong), len(good)) - head - 1 and wrong[-1 - tail][TEXT] == good[-1 - tail][TEXT]:
        tail += 1
    bad, fix = wrong[head : len(wrong) - tail], good[head : len(good) - tail]
    return bad[0][START], bad[-1][END], right[fix[0][START] : fix[-1][END]]


def describe(entity: Entity, spelling: str) -> str:
    return f"'{spelling}'" if spelling == entity.name else f"'{spelling}' ({entity.name})"


def check(ctx: Context) -> Iterator[Hit]:
    mentions = ctx.mentions
    covered: set[int] = set()
    for mention in mentions:
        first, count = mention.first, mention.count
        if count == 1:  # most names are one word: a range object costs more than adding its token
            covered.add(first)
        else:
            covered.update(range(first, first + count))
    kept = ctx.registry.names.answers("drift listed")
    for mention in compress(mentions, map(operator.not_, map(_ACCEPTED, mentions))):
        yield listed_once(ctx, mention, kept)
    words = ctx.words
    anchors = anchor_words(ctx)
    anchored = anchored_positions(ctx, anchors)
    short = functools.cache(functools.partial(short_names, ctx))  # a document with no acronym to judge never reads its brackets
    found = [*beside_anchors(ctx, covered, anchored, anchors, short), *alone(ctx, covered, anchored, short)]
    for i, (right, entity) in sorted(found, key=lambda pair: pair[0]):
        word = words[i]
        what = "has the wrong case for" if right.casefold() == word[TEXT].casefold() else "looks like a misspelling of"
        yield Hit(word[START], word[END], f"'{word[TEXT]}' {what} {describe(entity, right)}", right, fixable=True)


Verdict = tuple[str, "Entity"]


def short_names(ctx: Context) -> Short:
    """The registered acronyms, and those the document defines in brackets."""
    return Short(acronyms(ctx.registry.names), defined_acronyms(ctx.prose, {m.end for m in ctx.mentions}))


def beside_anchors(
    ctx: Context, covered: set[int], anchored: set[int], anchors: set[str], short: Callable[[], Short]
) -> Iterator[tuple[int, Verdict]]:
    """The near misses among the words beside an anchor, outside a registered spelling and no
    registered word. A verdict depends on the word and on the anchors beside it, so it is reached
    once per such triple; a triple with no candidate whatever the document is known so for the run
    (`quiet_beside`). Each place's triple is made in one plain loop (a few hundred places an
    article), the quiet ones set aside by the run's memo: only the few others are looked at."""
    index, texts = ctx.registry.names, ctx.word_texts
    known = index.members("known", index.known).select(ctx.distinct)
    within = anchored - covered
    within.discard(-1)
    last = len(texts) - 1
    within.discard(last + 1)
    places: list[int] = []
    keys: list[str] = []
    for i in sorted(within):
        word = texts[i]
        if word in known:
            continue
        before = texts[i - 1] if i and texts[i - 1] in anchors else ""
        after = texts[i + 1] if i < last and texts[i + 1] in anchors else ""
        places.append(i)
        keys.append(f"{before}{SEP}{word}{SEP}{after}")
    distinct_keys = set(keys)
    loud = distinct_keys - index.memo("drift-quiet", functools.partial(quiet_beside, index)).select(distinct_keys)
    verdicts: dict[str, Verdict | None] = {}
    for i, key in compress(zip(places, keys), map(loud.__contains__, keys)):
        found = verdicts[key] if key in verdicts else verdicts.setdefault(key, near_miss(ctx, i, short()))
        if found is not None:
            yield i, found


def quiet_beside(index: NameIndex, key: str) -> bool:
    """A word and the anchors beside it (`settled`'s key) with no candidate whatever the
    document: an acronym one edit from no registered one (`no_acronym_candidate`; an acronym's
    verdict otherwise looks at the words beside it), or a word `settled` there. The anchors
    count only through the names they expect here (`neighbour_expectations`, which only add to
    the candidates): a word with candidates alone has some beside them, and one settled alone is
    settled beside anchors that expect nothing here. Settled alone is asked once a word in a run
    (`drift-settled`, as `alone` asks it), not once for each pair of anchors."""
    before, word, after = key.split(SEP)
    if is_acronym(word):
        return _quiet_acronym(index, word)
    if not _settled_alone(index, word):
        return False
    return not neighbour_expectations(index, before or None, word, after or None) or settled(index, key)


def _settled_alone(index: NameIndex, word: str) -> bool:
    """The word has no candidate with no anchor beside it (`settled`), asked once a word in a run."""
    return index.memo("drift-settled", functools.partial(settled, index)).holds(SEP.join(("", word, "")))


def _quiet_acronym(index: NameIndex, word: str) -> bool:
    """`no_acronym_candidate`, asked once a word in a run."""
    return index.memo("drift-acronym-quiet", functools.partial(no_acronym_candidate, index)).holds(word)


def no_acronym_candidate(index: NameIndex, word: str) -> bool:
    """An all-capitals word that is one edit from no registered acronym (or that the lists rule
    out): its verdict is None wherever it stands, whatever the document defines in brackets (what
    it defines only rules candidates out), and the document's brackets need not be read."""
    return not acronym_candidates(word, acronyms(index), index.lexicon, frozenset())


def alone(ctx: Context, covered: set[int], anchored: set[int], short: Callable[[], Short]) -> list[tuple[int, Verdict]]:
    """The near misses among the words with no anchor beside them, outside a registered spelling.
    Only words that may drift alone are looked at (`may_drift_alone`, judged once per distinct
    word in a run: a handful of an article's words), and of those only the ones with a place
    outside a registered spelling are asked whether they have candidates alone (a misspelling the
    registry lists is never searched for near misses, and rapidfuzz stays unloaded); a word's
    verdict is reached at its first such place."""
    index = ctx.registry.names
    out: list[tuple[int, Verdict]] = []
    for text in index.memo("drift-alone", functools.partial(may_drift_alone, index)).select(ctx.distinct):
        places = [i for i in ctx.positions[text] if i not in covered and i not in anchored]
        if not places or (_quiet_acronym(index, text) if is_acronym(text) else _settled_alone(index, text)):
            continue
        found = near_miss(ctx, places[0], short())
        if found is not None:
            out.extend((i, found) for i in places)
    return out


def may_drift_alone(index: NameIndex, word: str) -> bool:
    """A word no registered spelling holds that may be a near miss with no anchor beside it: an
    acronym, or a word that `never_drift` does not rule out (whether it has candidates alone is
    asked where it stands outside a registered spelling, `alone`)."""
    return word not in index.known and not never_drift(word, index)


LISTED_KEPT = 10_000  # listed misspellings judged kept for a run, at most
_ACCEPTED = operator.attrgetter("form.accepted")


def listed_once(ctx: Context, mention: Mention, kept: dict[tuple[str, str, tuple[tuple[int, int], ...]], Hit]) -> Hit:
    """`listed`, reached once a run for each entity and misspelling as written (its text and its
    words' places in it), the hit kept relative to the mention's start: an article repeats a
    misspelling, and the fix is chosen among the entity's spellings with rapidfuzz."""
    base = mention.start
    words = ctx.words[mention.first : mention.first + mention.count]
    key = (mention.form.entity_ids[0], ctx.prose[base : mention.end], tuple((w[START] - base, w[END] - base) for w in words))
    return hit_once(kept, key, base, LISTED_KEPT, lambda: listed(ctx, mention))  # type: ignore[arg-type,return-value]


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
    if not near_any(differing, {fix}) and any(w[TEXT].lower() in common for w in tokens(differing)):
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
    positions = ctx.positions
    out: set[int] = set()
    for anchor in anchors:
        for i in positions[anchor]:
            out.add(i - 1)
            out.add(i + 1)
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

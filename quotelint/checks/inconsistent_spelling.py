"""Two accepted spellings of one name in the same document.

## What it does
When a document uses two variants that the registry accepts for the same name (`Respublica`
and `Respublika`, `Mazhilis` and `Majilis`, `Antonio` and `António`), every use of the variant
the registry does not prefer is flagged, with the preferred spelling as the fix. The registry
prefers the spelling in an entry's `name`, then the earlier alias.

## Why it matters
Either spelling may be right, but an article that switches between them looks careless and
makes readers wonder whether two parties or two people are meant.

## What is not a variant
A surname beside a full name (`Guterres`, `António Guterres`) or an acronym beside its expansion
(`ODIHR`, `Office for Democratic Institutions and Human Rights`): only words that differ by case,
diacritics, apostrophes or a few letters count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.finding import Hit, Severity

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.names import NameIndex
    from quotelint.registry import Registry


# A word of a registered name that has variants: its entity, the variant preferred, the word as
# written and its place in the document's prose.
Use = tuple[str, str, str, int, int]


def gather(ctx: Context) -> list[Use]:
    """The words of accepted spellings of one entity that the registry holds variants of."""
    named = [m for m in ctx.mentions if m.form.accepted and len(m.form.entity_ids) == 1]
    entity_ids = {m.form.entity_ids[0] for m in named}
    variants = entity_variants(ctx.registry.names, entity_ids)
    varied = {e for e in entity_ids if variants[e]}
    out: list[Use] = []
    if not varied:
        return out  # most documents name nobody the registry spells several ways
    texts, starts, ends, base = ctx.word_texts, ctx.word_starts, ctx.word_ends, ctx.base  # the token columns, read by index
    everywhere = ctx.own == (0, len(ctx.prose))  # a whole document owns every mention: `owns` need not be asked
    for m in named:
        entity_id = m.form.entity_ids[0]
        preferred = variants[entity_id]
        if preferred and (everywhere or ctx.owns(m.start)):  # most names have no variants: their words are not looked at
            for i in range(m.first, m.first + m.count):
                best = preferred.get(texts[i])
                if best is not None:
                    out.append((entity_id, best, texts[i], starts[i] + base, ends[i] + base))
    return out


def entity_variants(index: NameIndex, entity_ids: set[str]) -> dict[str, dict[str, str]]:
    """Entity id -> its words that have a preferred variant, mapped to it (the registry's
    `preferred`, whose keys are the words of the entity's accepted spellings): worked out once an
    entity in a run, a document's new entities read from the registry cache in one query, and
    empty for most."""
    answers = index.answers("entity variants")
    new = sorted(e for e in entity_ids if e not in answers)
    if new:
        keys = [(e, word) for e in new for word in sorted(index.entity_words[e])]
        if hasattr(index.preferred, "load"):  # the registry cache's table: the rows read in one query, not one each
            index.preferred.load(keys)
        for e in new:
            answers[e] = {}
        for e, word in keys:
            best = index.preferred.get((e, word))
            if best is not None:
                answers[e][word] = best
    return answers


def judge(gathered: Sequence[list[Use]], document: object, registry: Registry) -> Iterator[Hit]:
    used: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)  # (entity, preferred) -> words
    for uses in gathered:
        for entity_id, best, text, start, end in uses:
            used[entity_id, best].append((text, start, end))
    for (entity_id, best), words in used.items():
        # Case alone is no variant: `Maslikhats` opens a sentence that `maslikhats` does not.
        if len({text.casefold() for text, _, _ in words}) < 2:
            continue
        name = registry.entities[entity_id].name
        texts = {text for text, _, _ in words}
        others = sorted(texts - {best})
        for text, start, end in words:
            if text.casefold() == best.casefold():
                continue
            also = best if best in texts else next(o for o in others if o != text)
            yield Hit(
                start,
                end,
                f"'{text}' and '{also}' both spell {name} in this document; the registry prefers '{best}'",
                best,
                fixable=True,
            )


def check(ctx: Context) -> Iterator[Hit]:
    return judge([gather(ctx)], ctx.document, ctx.registry)


RULE = Rule(
    id="QL202",
    name="inconsistent-spelling",
    category="inconsistent-spelling",
    severity=Severity.WARNING,
    summary="Two accepted spellings of one name in the same document",
    check=check,
    doc=__doc__ or "",
    fail=("The Respublica party won seats. Respublika had campaigned on housing.",),
    passing=("The Respublica party won seats. Respublica had campaigned on housing.",),
    fixable=True,
    gather=gather,
    judge=judge,
)

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
from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.finding import Hit, Severity

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.names import Token


def check(ctx: Context) -> Iterator[Hit]:
    preferred = ctx.registry.names.preferred
    used: dict[tuple[str, str], list[Token]] = defaultdict(list)  # (entity, preferred) -> words
    for mention in ctx.mentions:
        ids = mention.form.entity_ids
        if not mention.form.accepted or len(ids) != 1:
            continue
        for word in ctx.words[mention.first : mention.first + mention.count]:
            best = preferred.get((ids[0], word.text))
            if best is not None:
                used[ids[0], best].append(word)
    for (entity_id, best), words in used.items():
        # Case alone is no variant: `Maslikhats` opens a sentence that `maslikhats` does not.
        if len({w.text.casefold() for w in words}) < 2:
            continue
        name = ctx.registry.entities[entity_id].name
        others = sorted({w.text for w in words} - {best})
        for word in words:
            if word.text.casefold() == best.casefold():
                continue
            also = best if best in {w.text for w in words} else next(o for o in others if o != word.text)
            yield Hit(
                word.start,
                word.end,
                f"'{word.text}' and '{also}' both spell {name} in this document; the registry prefers '{best}'",
                best,
                fixable=True,
            )


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
)

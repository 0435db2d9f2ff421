"""A quotation close to a registered quote but not its wording.

## What it does
Finds each speech quotation that matches most of a registered quote's words, in order (seven
words in ten, and at least four words), without matching it exactly, when the speaker is the
registered one or is not named. The message gives the registered wording and each difference:
a word changed, added or left out.

## Why it matters
Quotation marks promise the speaker's exact words. A changed word, even a small one, can shift
the meaning ("a privileged partner" is not "a trusted partner") and is hard to spot by eye.

## What is allowed
The editing that house styles permit is not a change: an ellipsis (`…` or `...`) for words left
out, a `[bracketed]` insertion standing for up to four words of the original, the case of the
first letter, the style of the quote marks, apostrophes and hyphens, and British or American
spelling (`favourable` and `favorable`; the pairs are in `quotelint/data/quotes.yaml`).

## Options
If the article's wording is the right one, correct the registered `text`; if both wordings were
said, register the second as a quote of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotelint.checks import Rule, possessive
from quotelint.finding import Hit, Severity

if TYPE_CHECKING:
    from quotelint.context import Context

SHOWN = 160  # characters of the registered wording shown in the message


def describe(changes: tuple[tuple[str, str], ...]) -> str:
    parts = []
    for written, registered in changes:
        if written and registered:
            parts.append(f"'{written}' for '{registered}'")
        elif written:
            parts.append(f"adds '{written}'")
        else:
            parts.append(f"leaves out '{registered}'")
    return "; ".join(parts)


def check(ctx: Context) -> Iterator[Hit]:
    registered = ctx.registry.quote_by_id
    for q in ctx.quotes:
        if q.status != "altered" or q.part_of is not None or q.registry_id not in registered:
            continue
        entry = registered[q.registry_id]
        wording = entry.text if len(entry.text) <= SHOWN else entry.text[: SHOWN - 1].rstrip() + "…"
        owner = ctx.registry.speaker_name(entry.speaker)
        differs = describe(q.changes) or "the wording differs"
        message = f"differs from {possessive(owner)} registered wording ({entry.id}): {differs}. Registered: “{wording}”"
        yield Hit(q.start, q.end, message)


RULE = Rule(
    id="QL102",
    name="altered-quote",
    category="altered-quote",
    severity=Severity.WARNING,
    summary="A quotation close to a registered quote but not its wording",
    check=check,
    doc=__doc__ or "",
    fail=("Guterres called Kazakhstan “a trusted partner that is a pillar of multilateralism”.",),
    passing=("Guterres called Kazakhstan “a privileged partner … of multilateralism”.",),
)

"""A registered quote attributed to someone other than its registered speaker.

## What it does
Finds each speech quotation whose words match a quote in the registry (allowing an ellipsis,
a `[bracketed]` insertion, the case of the first letter, the style of the quote marks and
British or American spelling) while the text gives it to another speaker: a registered person
or organization other than the registered speaker, or a person's name the registry does not
know. The speaker is found as `quotelint extract` shows it: `said X`, `X told ...`, `according
to X`, a pronoun resolved to the person it stands for, a dash line under a pull quote.

## Why it matters
Putting real words in the wrong mouth is the most damaging quotation error: it misinforms
readers about who holds a view and can expose the publication to a correction or a complaint.

A quotation close to a registered quote (altered) and given to another speaker is a
misattribution too, and the message shows the words that differ.

## How sure
The finding follows how the speaker was found (`quotelint extract` shows it as `attribution`):
an **error** when the speaker is named in the quotation's own sentence with a reporting verb or a
colon, or on the dash line under a pull quote; a **warning** when the speaker was carried over
from an earlier sentence or quotation, or stands behind a pronoun or a description (`he said`,
`the legislator said`); nothing when the speaker is only a guess (the subject of a sentence with
no reporting verb): the quote is then listed by QL103 as unverified, with the registered
speaker named. The message says how the speaker was found: "named in the same sentence",
"'he' in line 12 → Ned Price", "carried over from line 9".

## What does not count
An organization and its parent speak for each other (ODIHR and the OSCE). A place or a body the
registry does not know, standing for a speaker ("Brussels said", "the ministry said"), is never
taken for somebody else, nor is a speaker only described ("a senior official said").

## Options
Register the quote (`quotes:` with `speaker`, `text`, `date`, `source`) and the speaker's
other spellings as `aliases`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.checks.altered_quote import describe
from quotelint.finding import Hit, Severity

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.quotation import Quotation


def check(ctx: Context) -> Iterator[Hit]:
    from quotelint.quotes.confidence import HIGH

    registered = ctx.registry.quote_by_id
    for q in ctx.quotes:
        if q.status != "misattributed" or q.part_of is not None or q.registry_id not in registered:
            continue
        entry = registered[q.registry_id]
        owner = ctx.registry.speaker_name(entry.speaker)
        related = (q.speaker_span,) if q.speaker_span else ()
        message = f"quote registered to {owner} ({entry.id}, {entry.date}) is attributed here to {q.speaker} ({how_found(ctx, q)})"
        if q.changes:
            message += f"; its words differ too: {describe(q.changes)}"
        yield Hit(q.start, q.end, message, related=related, severity=None if q.confidence == HIGH else Severity.WARNING)


def how_found(ctx: Context, q: Quotation) -> str:
    """How the speaker was found, for the message: `named in the same sentence`, `'he' in
    line 12 → Ned Price`, `carried over from line 9`."""
    from quotelint.quotes.confidence import HIGH

    line = ctx.document.position(ctx.document.source(q.speaker_span[0]))[0] if q.speaker_span else None
    if q.referent is not None and line is not None:
        return f"'{q.referent}' in line {line} → {q.speaker}"
    if q.attribution == "dash":
        return "named on the dash line under it"
    if q.confidence == HIGH:
        return "named in the same sentence"
    if line is not None:
        return f"carried over from line {line}"
    return "carried over from an earlier quotation"


RULE = Rule(
    id="QL101",
    name="misattribution",
    category="misattribution",
    severity=Severity.ERROR,
    summary="A registered quote attributed to someone other than its registered speaker",
    check=check,
    doc=__doc__ or "",
    fail=("“A privileged partner that is a pillar of multilateralism,” said Josep Borrell.",),
    passing=("“A privileged partner that is a pillar of multilateralism,” said António Guterres.",),
)

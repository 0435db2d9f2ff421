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

## What does not count
An organization and its parent speak for each other (ODIHR and the OSCE). A place or a body the
registry does not know, standing for a speaker ("Brussels said", "the ministry said"), is never
taken for somebody else. A quotation only close to a registered quote and given to another
speaker is treated as a different quote.

## Options
Register the quote (`quotes:` with `speaker`, `text`, `date`, `source`) and the speaker's
other spellings as `aliases`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.finding import Hit, Severity

if TYPE_CHECKING:
    from quotelint.context import Context


def check(ctx: Context) -> Iterator[Hit]:
    registered = {q.id: q for q in ctx.registry.quotes}
    for q in ctx.quotes:
        if q.status != "misattributed" or q.part_of is not None or q.registry_id not in registered:
            continue
        entry = registered[q.registry_id]
        owner = ctx.registry.speaker_name(entry.speaker)
        related = (q.speaker_span,) if q.speaker_span else ()
        message = f"quote registered to {owner} ({entry.id}, {entry.date}) is attributed here to {q.speaker}"
        yield Hit(q.start, q.end, message, related=related)


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

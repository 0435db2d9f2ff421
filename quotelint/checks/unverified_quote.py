"""A speech quotation that matches nothing in the registry.

## What it does
Lists each quotation of somebody's words (not a term: scare quotes, names, titles and slogans
are left alone) that matches no registered quote, exactly or nearly, so an editor can check it
against its source or add it to the registry. A quotation that runs over several paragraphs is
reported once, at its first paragraph.

A quotation whose words are registered to somebody else while its speaker here is only a guess
(the subject of a sentence with no reporting verb) is listed here too, naming the registered
speaker, rather than raised as a misattribution.

## Why it matters
A registry of verified quotes only protects the quotes it holds. This list is the work still to
do: every quote in an article should be traceable to what was said.

## Options
It is informational (`info`) and does not fail a run with the default `--fail-on warning`.
`quotelint registry draft` writes registry entries for these quotes, each waiting for a source.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.finding import Hit, Severity

if TYPE_CHECKING:
    from quotelint.context import Context


def check(ctx: Context) -> Iterator[Hit]:
    registered = ctx.registry.quote_by_id
    for q in ctx.quotes:
        if q.kind != "speech" or q.status != "unverified" or q.part_of is not None:
            continue
        who = f" attributed to {q.speaker}" if q.speaker else " with no speaker named"
        entry = registered.get(q.registry_id) if q.registry_id else None
        if entry is not None:
            owner = ctx.registry.speaker_name(entry.speaker)
            yield Hit(q.start, q.end, f"speech quote{who}, a guess with no reporting verb, matches {entry.id}, registered to {owner}: check who said it")
            continue
        yield Hit(q.start, q.end, f"speech quote{who} matches no quote in the registry")


RULE = Rule(
    id="QL103",
    name="unverified-quote",
    category="unverified-quote",
    severity=Severity.INFO,
    summary="A speech quotation that matches nothing in the registry",
    check=check,
    doc=__doc__ or "",
    fail=("“We will build a new road to the coast,” Guterres said.",),
    passing=("“A privileged partner that is a pillar of multilateralism,” Guterres said.", "The so-called “road diet” was approved."),
)

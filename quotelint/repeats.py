"""One finding for a mistake a document repeats: the first place, with the other places named in
the message (`also on lines 77, 113 and 137`) and given as related places.

Merged after inline suppressions, so a place switched off is neither reported nor named; `check`
merges after the baseline, `--diff-base` and `--fix` too, which judge each place on its own (a
second identical mistake is new to the baseline; each place is fixed). Only rules marked
`merge_repeats` (spelling drift) are merged; two of their findings are one mistake when they flag
the same text with the same suggestion.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from quotelint.finding import Finding

if TYPE_CHECKING:
    from quotelint.document import Document
    from quotelint.linter import Plan

MAX_PLACES = 12  # the other places a message names


def repeat_keys(findings: Iterable[Finding], plan: Plan, doc: Document) -> dict[Finding, str]:
    """The text each finding of a merging rule flags: what makes two of them one mistake."""
    merging = {r.id for r in plan.rules if r.merge_repeats}
    return {f: doc.text[f.start : f.end] for f in findings if f.rule in merging}


def merge_repeats(findings: Iterable[Finding], keys: dict[Finding, str]) -> list[Finding]:
    """One finding per path, rule, flagged text and suggestion among those `keys` names (a
    finding moved by --fix, and so not named, is one mistake with those of its message)."""
    out: list[Finding] = []
    groups: dict[tuple[str, str, str, str | None], list[Finding]] = {}
    merging = {f.rule for f in keys}
    for f in sorted(findings, key=lambda f: f.sort_key):
        if f.rule in merging:
            groups.setdefault((f.path, f.rule, keys.get(f, f.message), f.suggestion), []).append(f)
        else:
            out.append(f)
    for first, *others in groups.values():
        if others:
            first = first.replace(message=f"{first.message}; also {places(first, others)}", related=tuple((f.line, f.column) for f in others))
        out.append(first)
    return sorted(out, key=lambda f: f.sort_key)


def places(first: Finding, others: list[Finding]) -> str:
    """`on lines 77, 113 and 137`; a line that holds the mistake twice is given with the column (`153:296`)."""
    lines = [f.line for f in (first, *others)]
    names = [f"{f.line}:{f.column}" if lines.count(f.line) > 1 else str(f.line) for f in others]
    if len(names) > MAX_PLACES:
        names = [*names[:MAX_PLACES], f"{len(names) - MAX_PLACES} more"]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    return f"on line{'s' * (len(names) > 1)} {listed}"

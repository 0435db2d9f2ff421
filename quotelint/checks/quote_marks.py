"""Unbalanced or mismatched quotation marks.

## What it does
Flags a quotation opened and not closed before the end of its paragraph, a quotation closed
with the wrong mark (`“…“`, `"…”`), and a closing mark with no quotation open. Apostrophes
(`Kazakhstan’s`, `’90s`, `rock ’n’ roll`, the `s’` of a plural possessive) are not marks, and a
quotation of several paragraphs that repeats its opening mark on each paragraph and closes only
at the end is not unbalanced. Where the right mark is known, it is the suggested fix.

## Why it matters
A missing or wrong mark leaves the reader unsure where somebody's words end; it also hides
quotations from every check that reads them. quotelint never lets one unclosed mark swallow
the rest of a file: the quotation ends with its paragraph and checking goes on.

## Options
The marks and their pairs are the lexicon's `quote_marks` (`“”`, `‘’`, `""`, `''`, `«»`, `»«`,
`„“`, `‚‘`, `「」`); a registry file may add or remove pairs with `lexicon: {quote_marks: ...}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.finding import Hit, Severity

if TYPE_CHECKING:
    from quotelint.context import Context


def check(ctx: Context) -> Iterator[Hit]:
    for problem in ctx.quote_scan.problems:
        yield Hit(problem.start, problem.end, problem.message, problem.suggestion, fixable=problem.suggestion is not None)


RULE = Rule(
    id="QL104",
    name="quote-marks",
    category="quote-marks",
    severity=Severity.WARNING,
    summary="Unbalanced or mismatched quotation marks",
    check=check,
    doc=__doc__ or "",
    fail=("“A privileged partner that is a pillar of multilateralism“", "He said “we will win. Then he left."),
    passing=("“A privileged partner that is a pillar of multilateralism”", "Kazakhstan’s “multi-vector” policy of the ’90s."),
    fixable=True,
)

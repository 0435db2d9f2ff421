"""A stated figure that disagrees with a registered claim.

## What it does
For each claim in the registry (`claims:`), looks at the sentences that match the claim's `cue`
in documents that contain one of its `context` words. When such a sentence gives figures of
the claim's unit about the claim's subject and none of them agrees with the registered value,
the figure nearest the cue is flagged with the registered value and its source.

## What agrees
A value within `tolerance`, or the registered value rounded as the article rounds it
(`54 percent` for 54.19); `more than 300` for any value over 300; `about 54 percent` for a
value within 5% of 54; a range holding the value; a date whose day, month and year (where
given) are the registered date's. A figure about something else is not compared: another
event (`the referendum`), another year, a name neither the claim nor the article is about
(`Canada, which averages 54 percent`). A claim with `when: previous` (the threshold before a
reform) is checked against earlier values only (`from 7% to 5%`, `previously seven percent`).

## Why it matters
A wrong turnout, threshold, seat count or date is an error of fact that a reader can check.

## Registry
    claims:
      - id: kz-2023-mazhilis-turnout
        about: voter turnout in the 19 March 2023 Mazhilis election
        cue: turnout                 # a pattern (any case) that marks a sentence as stating it
        context: [Mazhilis]          # at least one must appear in the document
        value: 54.19
        unit: percent                # percent, a currency code, a counted noun (seats), date, year, ratio
        tolerance: 0.5
        when: current                # or previous: the value before a change
        source: https://...

Cue patterns are matched in any case and refused at load when they do not compile, match empty
text, or have a shape that backtracks without end (`(a+)+`); each search is also stopped after a
short timeout. When one sentence states several registered claims, a figure that agrees with one
of them is not held against the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from quotelint.checks import Rule
from quotelint.finding import Hit, Severity

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.claims.figures import Figure
    from quotelint.registry.model import Claim


def number(value: float) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"


def amount(value: float) -> str:
    """A value as news writes it: `2.4 billion` rather than `2,400,000,000`."""
    from quotelint.claims.figuredata import figure_data

    for name, scale in sorted(figure_data().scales.items(), key=lambda kv: -kv[1]):
        if abs(value) >= scale and scale >= 1e6 and round(value / scale, 3) == value / scale:
            return f"{number(value / scale)} {name}"
    return number(value)


def month_name(month: int) -> str:
    from quotelint.claims.figuredata import figure_data

    return next(name for name, m in figure_data().months.items() if m == month)


def registered(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, dt.date):
        return f"{value.day} {month_name(value.month)} {value.year}"
    if isinstance(value, tuple):
        return "/".join(number(v) for v in value)
    tolerance = f" (±{amount(claim.tolerance)})" if claim.tolerance else ""
    return f"{amount(value)} {claim.unit or ''}".rstrip() + tolerance


def suggestion(claim: Claim, figure: Figure) -> str | None:
    """The registered value written as the article writes the figure, where that is plain."""
    value, text = claim.value, figure.text
    if isinstance(value, dt.date):
        day_first = text[:1].isdigit()
        parts = [str(value.day), month_name(value.month)] if day_first else [month_name(value.month), str(value.day)]
        written = " ".join(parts)
        if figure.date and figure.date[0] is not None:
            written += (" " if day_first else ", ") + str(value.year)
        return written
    if isinstance(value, tuple) or figure.bound or figure.high is not None or figure.value is None:
        return None
    start, end = figure.number
    if not text[start - figure.start : end - figure.start].replace(",", "").replace(".", "").isdigit():
        return None  # a number in words: leave its rewording to the writer
    new = number(value / figure.scale).replace(",", "" if "," not in text else ",")
    return text[: start - figure.start] + new + text[end - figure.start :]


def hit(claim: Claim, figure: Figure) -> Hit:
    return Hit(
        figure.start,
        figure.end,
        f"'{figure.text}' disagrees with the registered {registered(claim)} for {claim.about} (source: {claim.source})",
        suggestion(claim, figure),
    )


def check(ctx: Context) -> Iterator[Hit]:
    from quotelint.claims import mismatches

    for claim, fact in mismatches(ctx):
        yield hit(claim, fact.figure)


def gather(ctx: Context) -> Any:
    from quotelint.claims.statements import gather as gather_statements

    return gather_statements(ctx)


def judge(gathered: Sequence[Any], document: object, registry: object) -> Iterator[Hit]:
    """The hits of a document analysed by section (quotelint/sections.py): those `check` gives on
    the whole document."""
    from quotelint.claims.statements import judge as judge_statements

    for claim, placed in judge_statements(gathered):
        yield hit(claim, placed.figure)


RULE = Rule(
    id="QL301",
    name="claim-mismatch",
    category="claim-mismatch",
    severity=Severity.WARNING,
    summary="A stated figure that disagrees with a registered claim",
    check=check,
    doc=__doc__ or "",
    fail=("Turnout in the Mazhilis election was 49 percent.",),
    passing=("Turnout in the Mazhilis election was 54 percent.",),
    gather=gather,
    judge=judge,
)

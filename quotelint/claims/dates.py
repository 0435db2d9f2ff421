"""Dates as news writes them: `19 March`, `March 19`, `5 June 2022`, `November 20th 2022`,
`September 2, 2019`, `8-9 June`, `June 2022`. Month names and their abbreviations come from
figures.yaml; every pattern is anchored at a known place and bounded.
"""

from __future__ import annotations

from quotelint.claims.figuredata import FigureData
from quotelint.lazyre import lazy

# Patterns that look back from a number search in reverse (?r): they try the end first.
MONTH_BEFORE = lazy(r"(?r)(?<![\p{L}])(\p{Lu}\p{Ll}{2,8})\.?[ \t\u00a0]{1,2}$")
DAY_MONTH = lazy(r"(?:[-–](\d{1,2})(?:st|nd|rd|th)?)?[ \t\u00a0]{1,2}(?:of[ \t\u00a0]{1,2})?(\p{Lu}\p{Ll}{2,8})\b")
YEAR_AFTER = lazy(r",?[ \t\u00a0]{1,2}(\d{4})(?![\p{L}\p{N}])")

Date = tuple[int | None, int | None, int | None]  # (year, month, day)


# Tests before the patterns, so that a document whose numbers have no month beside them never
# compiles them: each says no only where its pattern's word could not be a month name.


def month_may_end(prose: str, pos: int, names: tuple[str, ...]) -> bool:
    """A month name ends the twelve characters MONTH_BEFORE reads before `pos`, but for the
    blanks and the period it allows after the name."""
    window = prose[max(0, pos - 12) : pos].rstrip(" \t\u00a0\r\n")  # `$` may stand before a line break
    return window.endswith(names) or window.endswith(".") and window[:-1].endswith(names)


def month_may_follow(prose: str, end: int, names: tuple[str, ...]) -> bool:
    """A month name stands in the characters DAY_MONTH may read after `end`: at most a range's
    second day with its ending, two blanks, `of`, two blanks, and the name."""
    window = prose[end : end + 22]
    return any(map(window.__contains__, names))


def month_before(prose: str, data: FigureData, pos: int) -> tuple[int, int] | None:
    """(where the month starts, its number) when a month name stands just before `pos`."""
    m = MONTH_BEFORE.search(prose, max(0, pos - 12), pos) if month_may_end(prose, pos, data.month_names) else None
    if m and m.group(1) in data.months:
        return m.start(), data.months[m.group(1)]
    return None


def read_date(prose: str, data: FigureData, pos: int, end: int, day: int) -> tuple[int, int, Date, float | None] | None:
    """(start, end, date, last day of a range) for a day number at `pos` (its digits and any
    ordinal ending run to `end`) with a month before it or after it; else None."""
    before = month_before(prose, data, pos)
    if before is not None:
        start, month, high = before[0], before[1], None
    elif month_may_follow(prose, end, data.month_names) and (after := DAY_MONTH.match(prose, end)) and after.group(2) in data.months:
        start, month, end = pos, data.months[after.group(2)], after.end()
        if prose[end : end + 1] == "." and after.group(2) in data.abbreviations and YEAR_AFTER.match(prose, end + 1):
            end += 1  # "5 Jun. 2022"
        high = float(after.group(1)) if after.group(1) else None
    else:
        return None
    year = None
    if (y := YEAR_AFTER.match(prose, end)) and data.is_year(float(y.group(1))):
        year, end = int(y.group(1)), y.end()
    return start, end, (year, month, day), high

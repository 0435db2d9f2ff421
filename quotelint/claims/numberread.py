"""The number a figure starts with (`7`, `54.19`, `1,234.5`), read in Python where it is ASCII.

`NUMBER` is matched at each digit that may start a figure, a hundred times an article, and one
match of a pattern costs what some dozens of steps of Python cost. Where every character the
pattern would look at is ASCII, `number_end` takes the pattern's own steps in Python and ends
where it ends; where one is not (a digit of another script is a `\\d` too), the pattern is
asked. `letters_may_follow` says where `\\p{L}+` cannot match, for the same reason.
"""

from __future__ import annotations

from quotelint.lazyre import lazy

NUMBER = lazy(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
DIGITS = frozenset("0123456789")
UNSURE = -1  # a character the steps would look at is not ASCII: the pattern decides


def number_end(prose: str, pos: int) -> int | None:
    """Where `NUMBER` matched at `pos` ends, None where it does not match there."""
    end = _ascii_number_end(prose, pos)
    if end == UNSURE:
        m = NUMBER.match(prose, pos)
        return None if m is None else m.end()
    return end


def letters_may_follow(prose: str, at: int) -> bool:
    """A letter (`\\p{L}`) may stand at `at`: an ASCII letter, or any character beyond ASCII."""
    c = prose[at : at + 1]
    return bool(c) and (c.isalpha() or not c.isascii())


def _digits_end(prose: str, at: int) -> int:
    """Where the run of ASCII digits from `at` ends; UNSURE when a character beyond ASCII ends it."""
    size = len(prose)
    while at < size and prose[at] in DIGITS:
        at += 1
    return UNSURE if at < size and not prose[at].isascii() else at


def _three_digits(prose: str, at: int) -> bool | None:
    """`\\d{3}` matches at `at`; None when it would look at a character beyond ASCII."""
    for c in prose[at : at + 3]:
        if c not in DIGITS:
            return None if not c.isascii() else False
    return at + 3 <= len(prose)


def _ascii_number_end(prose: str, pos: int) -> int | None:
    """`number_end` by the pattern's steps: 1-3 digits then groups of a comma and three digits,
    else any digits; either with a full stop and digits after. UNSURE as `_digits_end` says."""
    first = _digits_end(prose, pos)
    if first == UNSURE:
        return UNSURE
    if first == pos:
        return None
    end = first
    if first - pos <= 3:  # the first alternative: `1,234`, `12,345,678`
        while prose.startswith(",", end):
            three = _three_digits(prose, end + 1)
            if three is None:
                return UNSURE
            if not three:
                break
            end += 4
    if prose.startswith(".", end):
        decimals = _digits_end(prose, end + 1)
        if decimals == UNSURE:
            return UNSURE
        if decimals > end + 1:
            return decimals
    return end

"""What links the two numbers of a range or change (`5-7`, `5 – 7`, `from 5 to 7`), of a number
written out (`one hundred and five`) and of a part (`5 of the 7`), read without compiling the
patterns where the text is ASCII.

The pattern, ignoring case, matched right after a figure:

    [-–—](?=[$€£¥₸₽₹]?\\d)|[ \\t\\u00a0][–—][ \\t\\u00a0]|[ \\t\\u00a0]{1,2}(?P<join>JOINS)[ \\t\\u00a0]{1,2}

and `[$€£¥₸₽₹]?\\d|\\p{L}`, where the link ends, tested whether a number may follow. It cost 0.4 ms
to compile, the second 0.1 ms. `RangeLink` reads the same: a dash before a digit (or a currency
sign and a digit), a dash between blanks, or a join word (`to`, `and`, lower-case ASCII, matched
as `regex` does ignoring case: `unitread.fold`) with one or two blanks on each side. Where the
answer turns on a character beyond ASCII that is not one of the literals (a digit or a letter
of another script), the pattern decides. A test compares the two on random texts.

`spelled_gap` is `[ \\t\\u00a0]{1,2}(?:and[ \\t\\u00a0]{1,2})?|-` (between the words of a number
written out) and `part_follows` is `[ \\t\\u00a0]{1,2}of[ \\t\\u00a0]{1,2}(?:the[ \\t\\u00a0]{1,2})?\\d`
(`5 of the 7`), each 0.15 ms to compile.
"""

from __future__ import annotations

from typing import Any

from quotelint.claims.unitread import BLANK, alternation, fold, two_blanks
from quotelint.lazyre import lazy

SIGNS = "$€£¥₸₽₹"  # the currency signs that may stand before the second number


def link_source(joins: list[str]) -> str:
    return r"[-–—](?=[$€£¥₸₽₹]?\d)|[ \t\u00a0][–—][ \t\u00a0]|[ \t\u00a0]{1,2}(?P<join>" + alternation(joins) + r")[ \t\u00a0]{1,2}"


NUMBER_AHEAD = r"[$€£¥₸₽₹]?\d|\p{L}"


class RangeLink:
    """The join words (lower case), in the pattern's order, and the patterns asked beyond ASCII."""

    __slots__ = ("_joins", "_width", "_plain", "_pattern", "_ahead")

    def __init__(self, joins: list[str]) -> None:
        self._joins = tuple(sorted(set(joins), key=lambda s: (-len(s), s)))
        self._width = max(map(len, self._joins), default=0)
        self._plain = all(j and j.isascii() and j == j.lower() and not any(c in j for c in " \t") for j in joins)
        self._pattern: Any = lazy(link_source(joins), 2)  # regex.IGNORECASE
        self._ahead: Any = lazy(NUMBER_AHEAD)

    def read(self, prose: str, end: int) -> tuple[str | None, int] | None:
        """The link after the figure ending at `end`: its join word (None for a dash) and where
        it ends; None where the pattern matches nothing."""
        c = prose[end : end + 1]
        if not self._plain:
            return self._asked(prose, end)
        if c in ("-", "–", "—"):
            digit = _digit_after_sign(prose, end + 1)
            if digit is None:
                return self._asked(prose, end)
            return (None, end + 1) if digit else None
        if c not in BLANK:  # every branch starts with a dash or a blank
            return None
        if prose[end + 1 : end + 2] in ("–", "—") and prose[end + 2 : end + 3] in BLANK:
            return None, end + 3
        at = end + 1 + (prose[end + 1 : end + 2] in BLANK)
        head = fold(prose[at : at + self._width])  # folded a character at a time: a join's letters start it
        if not head.startswith(self._joins):
            return None  # no join word there (most figures): the joins are not walked
        for join in self._joins:
            if head.startswith(join):
                stop = at + len(join)
                after = two_blanks(prose, stop)
                if after:
                    return join, stop + after
        return None

    def number_ahead(self, prose: str, at: int) -> bool:
        """A number may start at `at`, as `[$€£¥₸₽₹]?\\d|\\p{L}` says: a digit, a currency sign and
        a digit, or a letter."""
        c = prose[at : at + 1]
        if not c:
            return False
        if c in SIGNS:
            digit = _digit_after_sign(prose, at)
            return self._ahead.match(prose, at) is not None if digit is None else digit
        if not c.isascii():
            return self._ahead.match(prose, at) is not None
        return c.isalnum()

    def _asked(self, prose: str, end: int) -> tuple[str | None, int] | None:
        m = self._pattern.match(prose, end)
        return None if m is None else (fold(m.group("join")) if m.group("join") else None, m.end())


def _digit_after_sign(prose: str, at: int) -> bool | None:
    """Whether `[$€£¥₸₽₹]?\\d` matches at `at`; None where that turns on a character beyond ASCII."""
    c = prose[at : at + 1]
    if c and c in SIGNS:
        c = prose[at + 1 : at + 2]
        if c and c in SIGNS:
            return False  # a sign, then a sign: neither is a digit
    if not c.isascii():
        return None
    return "0" <= c <= "9" if c else False


PART_OF = lazy(r"[ \t\u00a0]{1,2}of[ \t\u00a0]{1,2}(?:the[ \t\u00a0]{1,2})?\d")  # asked beyond ASCII
SPELLED_GAP = r"[ \t\u00a0]{1,2}(?:and[ \t\u00a0]{1,2})?|-"  # what spelled_gap reads (tests)


def spelled_gap(prose: str, at: int) -> int | None:
    """Where the gap between two words of a number written out ends (`SPELLED_GAP`), or None."""
    k = two_blanks(prose, at)
    if not k:
        return at + 1 if prose.startswith("-", at) else None
    if prose.startswith("and", at + k) and (j := two_blanks(prose, at + k + 3)):
        return at + k + 3 + j
    return at + k


def part_follows(prose: str, end: int) -> bool:
    """`of` (and `the`) and a digit follow the number ending at `end`, as PART_OF reads them."""
    k = two_blanks(prose, end)
    if not k or not prose.startswith("of", end + k):
        return False
    at = end + k + 2
    j = two_blanks(prose, at)
    if not j:
        return False
    at += j
    if prose.startswith("the", at) and (t := two_blanks(prose, at + 3)):
        at += 3 + t
    c = prose[at : at + 1]
    if c.isascii():
        return "0" <= c <= "9" and c != ""
    return PART_OF.match(prose, end) is not None

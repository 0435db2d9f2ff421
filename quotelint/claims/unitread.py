"""The unit right after a number (`5 percent`, `5-per-cent`) and the currency right before one
(`US$ 5`), read without patterns.

It reads what the pattern `(?:[ \\t\\u00a0]{0,2}-)?[ \\t\\u00a0]{0,2}(?P<unit>SPELLINGS)(?![\\p{L}\\p{N}])`
matches ignoring case, the spellings longest first, each blank inside one standing for any run
of blanks: the pattern, an alternation of some forty spellings, cost 1.3 ms to compile, more
than any other of a one-article run. A test compares the two on random texts.

What the pattern does, step by step, and so this reader: at most two blanks and a hyphen are
skipped (the hyphen only when it stands there), then at most two blanks; no spelling starts
with a blank or a hyphen, so where the pattern backtracks over them it finds nothing. The
spellings are tried in the pattern's order, and the first whose letters match (ignoring case as
`regex` does: `fold`) and which no letter or digit follows is the unit: `5 pounds
sterlingx` reads `pounds`. Spellings are bucketed by their first letter, so a figure tries only
the few that can start there.

The currency before a number (`CurrencyReader`) is what `(?r)(?:(?<![\\p{L}\\p{N}])(?P<cur>SPELLINGS)[ \\t\\u00a0]?)$`
finds searched in the five characters before it (0.4 ms to compile): a spelling, as written, then
at most one blank, ending where the number starts (or, as `$` reads, before a line break that
ends the five characters), after no letter or digit.
"""

from __future__ import annotations

from typing import Any

from quotelint.lazyre import lazy
from quotelint.offsets import past_blanks

BLANKS = " \t\u00a0"
BLANK = frozenset(BLANKS)  # a set: `"" in BLANKS` would be true


def two_blanks(prose: str, at: int) -> int:
    """How many of the two characters at `at` are blanks, counted from the first: what
    `[ \t\u00a0]{0,2}` reads there."""
    if prose[at : at + 1] not in BLANK:
        return 0
    return 2 if prose[at + 1 : at + 2] in BLANK else 1
# `regex`, ignoring case, matches a lower-case ASCII letter with its capital and with these
# (`ı` it matches with `I` only, never with `i`); `lower` leaves `ſ` and lengthens `İ`.
_TO_ASCII = str.maketrans({"İ": "i", "ſ": "s"})


def fold(text: str) -> str:
    """The text as a lower-case ASCII spelling is compared with it, ignoring case as `regex`
    does: equal to the spelling exactly where the pattern matches it; as long as the text."""
    return text.lower() if text.isascii() else text.translate(_TO_ASCII).lower()


# Whether a character beyond ASCII is a letter or a digit, as the patterns' lookarounds say (the
# unit's ignoring case, as its pattern did); asked only for such a character next to a spelling.
_LETTER_OR_NUMBER = lazy(r"[\p{L}\p{N}]", 2)  # regex.IGNORECASE
_LETTER_OR_NUMBER_CASED = lazy(r"[\p{L}\p{N}]")


def alternation(spellings: list[str]) -> str:
    """Spellings as one pattern, longest first, each escaped; spaces match any run of blanks."""
    import regex

    ordered = sorted(set(spellings), key=lambda s: (-len(s), s))
    return "|".join(regex.escape(s).replace(r"\ ", r"[ \t\u00a0]+") for s in ordered)


def pattern_source(spellings: list[str]) -> str:
    """The pattern this reader reads as (tests compare the two)."""
    return r"(?:[ \t\u00a0]{0,2}-)?[ \t\u00a0]{0,2}(?P<unit>" + alternation(spellings) + r")(?![\p{L}\p{N}])"


def plain(spellings: list[str]) -> bool:
    """Spellings this reader reads exactly: lower-case ASCII, each blank a single space between
    words, none starting with a hyphen."""
    return all(s and s.isascii() and s == s.lower() and s[0] not in " -" and s[-1] != " " and "  " not in s and "\t" not in s for s in spellings)


class UnitReader:
    """The unit spellings (lower case, ASCII, single spaces between words), bucketed by first letter."""

    __slots__ = ("_buckets", "_widths", "_firsts")

    def __init__(self, spellings: list[str]) -> None:
        buckets: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        for s in sorted(set(spellings), key=lambda s: (-len(s), s)):  # the pattern's order
            first, *rest = s.split(" ")
            buckets.setdefault(s[0], []).append((s, first, tuple(rest)))
        self._buckets = {k: tuple(v) for k, v in buckets.items()}
        self._widths = {k: max(len(first) for _, first, _ in v) for k, v in buckets.items()}
        self._firsts = {k: tuple({first: None for _, first, _ in v}) for k, v in buckets.items()}  # for `str.startswith`

    def read(self, prose: str, end: int) -> tuple[str, int, int] | None:
        """The unit after the number ending at `end`: its spelling as listed, where its text starts
        and where it ends; None where the pattern matches nothing."""
        at = end + two_blanks(prose, end)
        if prose.startswith("-", at):  # the hyphen, then at most two blanks
            at += 1 + two_blanks(prose, at + 1)
        if at >= len(prose):
            return None
        initial = fold(prose[at])
        bucket = self._buckets.get(initial)
        if bucket is None:
            return None
        head = fold(prose[at : at + self._widths[initial]])
        if not head.startswith(self._firsts[initial]):
            return None  # no spelling's first word starts there (`5 people`): the bucket is not walked
        for spelling, first, rest in bucket:
            if not head.startswith(first):
                continue
            stop = _rest(prose, at + len(first), rest)
            if stop >= 0 and not _letter_or_number(prose, stop):
                return spelling, at, stop
        return None


def _rest(prose: str, at: int, words: tuple[str, ...]) -> int:
    """Where the spelling's later words end, each after a run of blanks, or -1."""
    for word in words:
        start = at
        at = past_blanks(prose, at, BLANKS)
        if at == start or fold(prose[at : at + len(word)]) != word:
            return -1
        at += len(word)
    return at


def _letter_or_number(prose: str, at: int, pattern: Any = _LETTER_OR_NUMBER) -> bool:
    if at >= len(prose) or at < 0:
        return False
    c = prose[at]
    return c.isalnum() if c.isascii() else pattern.match(c) is not None


def currency_source(spellings: list[str]) -> str:
    """The pattern `CurrencyReader` reads as (tests compare the two)."""
    return r"(?r)(?:(?<![\p{L}\p{N}])(?P<cur>" + alternation(spellings) + r")[ \t\u00a0]?)$"


class CurrencyReader:
    """The currencies' spellings as written (no blank inside), bucketed by their last character."""

    __slots__ = ("_buckets",)

    def __init__(self, spellings: list[str]) -> None:
        if not all(s and not any(c in BLANKS for c in s) for s in spellings):
            raise ValueError(f"a currency spelling with a blank (or none) in {spellings}")
        buckets: dict[str, list[str]] = {}
        for s in sorted(set(spellings), key=lambda s: (-len(s), s)):  # the pattern's order
            buckets.setdefault(s[-1], []).append(s)
        self._buckets = {k: tuple(v) for k, v in buckets.items()}

    def read(self, prose: str, start: int) -> tuple[str, int] | None:
        """The currency standing before the number that starts at `start`: its spelling and where
        it starts; None where the pattern finds nothing."""
        # The character a spelling would end with: the one before the number, or before a blank
        # there. Where neither ends a spelling, and no line break stands before the number (the
        # end `$` may take), nothing is found (nearly every figure): the stops are not walked.
        last = prose[start - 1 : start] if start else ""
        if last in BLANK:
            last = prose[start - 2 : start - 1] if start > 1 else ""
        if last not in self._buckets and prose[start - 1 : start] != "\n":
            return None
        low = max(0, start - 5)
        ends = (start, start - 1) if start - 1 >= low and prose[start - 1] == "\n" else (start,)
        for end in ends:
            stops = (end - 1, end) if end - 1 >= low and prose[end - 1] in BLANKS else (end,)
            for stop in stops:
                for spelling in self._buckets.get(prose[stop - 1 : stop], ()) if stop > low else ():
                    at = stop - len(spelling)
                    if at >= low and prose.startswith(spelling, at) and not _letter_or_number(prose, at - 1, _LETTER_OR_NUMBER_CASED):
                        return spelling, at
        return None


class PatternReader:
    """The same reading done by the pattern, for spellings the plain reader does not read."""

    __slots__ = ("_pattern",)

    def __init__(self, spellings: list[str]) -> None:
        import regex

        self._pattern: Any = lazy(pattern_source(spellings), regex.IGNORECASE)

    def read(self, prose: str, end: int) -> tuple[str, int, int] | None:
        m = self._pattern.match(prose, end)
        return None if m is None else (m.group("unit").lower(), m.start("unit"), m.end())  # as before this reader


def unit_reader(spellings: list[str]) -> UnitReader | PatternReader:
    return UnitReader(spellings) if plain(spellings) else PatternReader(spellings)

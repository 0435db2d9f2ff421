"""Sentences of prose, found in one pass: spans that rules compare figures within and across.

A sentence ends at `.`, `!`, `?` or `…` (closing quotes and brackets included) before a capital,
a digit or an opening quote; a full stop after an abbreviation (`Mr.`, `Feb.`) or an initial
(`J.`, `U.S.`) ends none. A blank line always ends one; a single line break ends one unless it
sits inside a sentence wrapped across lines (a lower-case letter or comma before it, a
lower-case letter after it).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import regex

from quotelint.lazyre import lazy
from quotelint.offsets import past_blanks
from quotelint.records import Value

# A break, and in the same search what follows it (bounded: blank runs cost no more): an opening
# mark, and the first character after the blanks and the mark.
BREAK = lazy(r"(?:[.!?…]+[\"'”’)\]]{0,3}(?=[ \t\u00a0\r\n])|\r\n|\n|\r)(?=[ \t\u00a0\r\n]{0,80}([\"'“‘(\[]?)(.?))")
LETTERS_BEFORE = lazy(r"(?r)\p{L}{1,12}")  # matched backwards from a full stop: the letters just before it
BLANK_LINE = r"[ \t\u00a0]*(?:\r\n|\n|\r)"  # what breaks_after_blanks reads (tests)
CONTINUES = frozenset(",;:-–(")


def breaks_after_blanks(prose: str, at: int) -> bool:
    """A line break follows `at` after nothing but blanks: `BLANK_LINE` matches there (read
    without compiling it, 0.14 ms)."""
    at = past_blanks(prose, at, " \t\u00a0")
    return prose[at : at + 1] in ("\r", "\n")


class Sentences(Value):
    __slots__ = _fields = ("spans", "starts")
    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]

    def __init__(self, spans: tuple[tuple[int, int], ...], starts: tuple[int, ...]) -> None:
        self.spans, self.starts = spans, starts

    def index(self, offset: int) -> int:
        """The sentence holding an offset (the one before it when the offset falls between)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def __len__(self) -> int:
        return len(self.spans)


def split_sentences(prose: str, abbreviations: Iterable[str] = ()) -> Sentences:
    abbrevs = frozenset(abbreviations)
    spans: list[tuple[int, int]] = []
    start = 0
    for m in BREAK.finditer(prose):
        if not _ends_here(prose, m, abbrevs):
            continue
        _add(prose, start, m.end(), spans)
        start = m.end()
    _add(prose, start, len(prose), spans)
    return Sentences(tuple(spans), tuple(s for s, _ in spans))


def _ends_here(prose: str, m: regex.Match[str], abbrevs: frozenset[str]) -> bool:
    at = m.start()
    after = m.group(2)
    if prose[at] in "\r\n":
        if breaks_after_blanks(prose, m.end()):
            return True
        before = prose[max(0, m.start() - 1) : m.start()]
        wrapped = (before.islower() or before in CONTINUES) and (after.islower() or after.isdigit())
        return not wrapped
    if not after or not (after.isupper() or after.isdigit() or m.group(1)):
        return False
    if prose[at] == ".":
        word = LETTERS_BEFORE.match(prose, max(0, at - 12), at)  # "Mr" of "Mr.", "S" of "U.S."
        last = word.group() if word else ""
        if last in abbrevs or (len(last) == 1 and last.isupper()):
            return False  # "Mr. Smith", "Feb. 12", "J. Smith", "the U.S. Senate"
    return True


def _add(prose: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """The span from `start` to `end` without the blanks at either end, if anything is left
    (stripped in C, not a character at a time)."""
    piece = prose[start:end]
    body = piece.strip()
    if body:
        first = start + len(piece) - len(piece.lstrip())
        spans.append((first, first + len(body)))

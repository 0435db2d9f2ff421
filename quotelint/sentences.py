"""Sentences of prose, found in one pass: spans that rules compare figures within and across.

A sentence ends at `.`, `!`, `?` or `…` (closing quotes and brackets included) before a capital,
a digit or an opening quote; a full stop after an abbreviation (`Mr.`, `Feb.`) or an initial
(`J.`, `U.S.`) ends none. A blank line always ends one; a single line break ends one unless it
sits inside a sentence wrapped across lines (a lower-case letter or comma before it, a
lower-case letter after it).

The places where a sentence may end are found by `str.find`, a mark at a time, and read in
Python: a pattern searched over the prose, a match object at each place, cost more than these
steps (tests/test_speed_claims.py holds that pattern and compares the two).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator
from string import ascii_letters as ASCII_LETTERS

from quotelint.lazyre import lazy
from quotelint.offsets import past_blanks
from quotelint.quotes.spans import marks_in
from quotelint.records import Value

STOPS = ".!?…"  # a run of them may end a sentence,
CLOSERS = "\"'”’)]"  # with up to three closing marks after it,
BLANKS = " \t\u00a0\r\n"  # when a blank follows
OPENERS = "\"'“‘(["  # an opening mark after the blanks that follow a break
AHEAD = 80  # blanks looked past after a break (bounded: blank runs cost no more)
LETTERS_BEFORE = lazy(r"(?r)\p{L}{1,12}")  # matched backwards from a full stop: the letters just before it
BLANK_LINE = r"[ \t\u00a0]*(?:\r\n|\n|\r)"  # what breaks_after_blanks reads (tests)
CONTINUES = frozenset(",;:-–(")
_BLANKS, _OPENERS = frozenset(BLANKS), frozenset(OPENERS)  # as sets: the empty text is in no set
VERDICTS_KEPT = 20_000  # texts before a full stop whose verdict a run keeps, at most (`verdicts`)


def breaks(prose: str) -> Iterator[tuple[int, int, str, str]]:
    """The places where a sentence may end, in order and apart: a run of STOPS, then at most
    three CLOSERS, then a blank; or a line break (`\\r\\n` is one). Each as (start, end,
    the opening mark after the blanks that follow it or "", the first character after those
    or "" at the end of the prose or of a line)."""
    size = len(prose)
    end = 0
    for start, mark in marks_in(prose, STOPS + "\r\n"):
        if start < end:
            continue  # within the break before
        stop = start + 1
        if mark == "\r":
            stop += prose.startswith("\n", stop)
        elif mark != "\n" and prose[stop : stop + 1] != " ":  # a stop and a space (most): no run to read
            while stop < size and prose[stop] in STOPS:
                stop += 1
            closed = stop
            while closed < size and prose[closed] in CLOSERS:
                closed += 1
            if closed - stop > 3 or closed == size or prose[closed] not in BLANKS:
                continue  # so does every stop of this run
            stop = closed
        end = ahead = stop
        after = prose[stop : stop + 1]
        if after in _BLANKS:  # most breaks: one blank, then a letter, each read once
            ahead += 1
            after = prose[ahead : ahead + 1]
            if after in _BLANKS:
                while ahead < size and ahead - stop < AHEAD and prose[ahead] in BLANKS:
                    ahead += 1
                after = prose[ahead : ahead + 1]
        opening = ""
        if after in _OPENERS:
            opening, after = after, prose[ahead + 1 : ahead + 2]
        yield start, stop, opening, "" if after == "\n" else after


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


@functools.lru_cache(maxsize=8)
def endings(abbrevs: frozenset[str]) -> frozenset[str]:
    """The last two letters of each abbreviation (all of one of a single letter): a full stop
    after none of them, nor after a capital, follows no abbreviation and no initial."""
    return frozenset(a[-2:] for a in abbrevs)


@functools.lru_cache(maxsize=8)
def reach(abbrevs: frozenset[str]) -> int:
    """How many characters before a full stop show whether an abbreviation ends there: the
    longest, and the character before it (two at least, so that an initial is told apart)."""
    return max(2, 1 + max(map(len, abbrevs), default=0))


@functools.lru_cache(maxsize=8)
def verdicts(abbrevs: frozenset[str]) -> dict[str, bool]:
    """Whether an abbreviation or an initial ends each ASCII text of `reach` characters met
    before a full stop, kept for the run (at most VERDICTS_KEPT): articles end their sentences
    with the same words, and the text before a full stop is all the verdict reads."""
    return {}


def split_sentences(prose: str, abbreviations: Iterable[str] = ()) -> Sentences:
    abbrevs = frozenset(abbreviations)
    ends = endings(abbrevs), reach(abbrevs), verdicts(abbrevs)
    spans: list[tuple[int, int]] = []
    start = 0
    for at, end, opening, after in breaks(prose):
        if prose[at] in "\r\n":
            before = prose[at - 1 : at] if at else ""
            # the blank line after the break, read last: it ends a sentence however it is wrapped
            if (before.islower() or before in CONTINUES) and (after.islower() or after.isdigit()) and not breaks_after_blanks(prose, end):
                continue  # a sentence wrapped across lines
        elif not after or not (after.isupper() or after.isdigit() or opening):
            continue
        elif prose[at] == "." and _after_abbreviation(prose, at, abbrevs, ends):
            continue  # "Mr. Smith", "Feb. 12", "J. Smith", "the U.S. Senate"
        _add(prose, start, end, spans)
        start = end
    _add(prose, start, len(prose), spans)
    return Sentences(tuple(spans), tuple(s for s, _ in spans))


def _after_abbreviation(prose: str, at: int, abbrevs: frozenset[str], ends: tuple[frozenset[str], int, dict[str, bool]]) -> bool:
    """The full stop at `at` follows an abbreviation or an initial (`Mr`, `S` of `U.S.`). Where
    the `reach` characters before it are ASCII, they tell, in `str.rstrip` (the verdict kept for
    the run); elsewhere the letters before it are read by LETTERS_BEFORE, only where one of them
    may end (`endings`, or a capital)."""
    last2, width, known = ends
    near = prose[at - width if at > width else 0 : at]
    if near.isascii() and width <= 12:
        verdict = known.get(near)
        if verdict is None:
            # The letters ending `near`: all of LETTERS_BEFORE's word, or, where they fill it, more
            # letters than any abbreviation or an initial holds.
            last = near[len(near.rstrip(ASCII_LETTERS)) :]
            verdict = last in abbrevs or (len(last) == 1 and last.isupper())
            if len(known) < VERDICTS_KEPT:
                known[near] = verdict
        return verdict
    if not (prose[at - 2 : at] in last2 or prose[at - 1 : at] in last2 or prose[at - 1 : at].isupper()):
        return False
    word = LETTERS_BEFORE.match(prose, max(0, at - 12), at)
    last = word.group() if word else ""
    return last in abbrevs or (len(last) == 1 and last.isupper())


def _add(prose: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """The span from `start` to `end` without the blanks at either end (what `str.strip` takes
    off), if anything is left. A sentence mostly opens after one blank and ends at its stop or
    at one line break, which are read as characters; longer runs of blanks are stripped in C."""
    first, last = start, end
    if first < last and prose[first].isspace():
        first += 1
        if first < last and prose[first].isspace():
            piece = prose[first:last]
            first += len(piece) - len(piece.lstrip())
    if first < last and prose[last - 1].isspace():
        last -= 1
        if first < last and prose[last - 1].isspace():
            last = first + len(prose[first:last].rstrip())
    if first < last:
        spans.append((first, last))

"""Prose that keeps its positions: spans blanked out in place, and the map from the prose of a
document whose prose is shorter than its text (HTML) back to the text. Shared by document.py
and markup.py, so that neither imports the other at import time."""

from __future__ import annotations

import bisect

from quotelint.lazyre import lazy
from quotelint.records import Value

_NOT_NEWLINE = lazy(r"[^\r\n]")


def past_blanks(text: str, at: int, blanks: str = " \t") -> int:
    """Where the run of `blanks` (spaces and tabs unless given) from `at` ends: what a pattern
    opening `[ \t]*+` reads first, found without compiling it."""
    end = len(text)
    while at < end and text[at] in blanks:
        at += 1
    return at


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span by spaces, keeping line breaks so that positions stay put."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if end <= pos:
            continue
        start = max(start, pos)
        out.append(text[pos:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


class OffsetMap(Value):
    """Maps prose offsets to text offsets for prose that is not a same-length copy of the text.

    `anchors` are (prose_offset, text_offset) pairs, sorted, each starting a run of characters
    copied one to one; a prose offset maps to its run's text offset plus the distance into the run.
    """

    __slots__ = _fields = ("prose_starts", "text_starts")
    prose_starts: tuple[int, ...]
    text_starts: tuple[int, ...]

    def __init__(self, prose_starts: tuple[int, ...], text_starts: tuple[int, ...]) -> None:
        self.prose_starts, self.text_starts = prose_starts, text_starts

    def to_text(self, offset: int) -> int:
        i = bisect.bisect_right(self.prose_starts, offset) - 1
        if i < 0:
            return offset
        return self.text_starts[i] + (offset - self.prose_starts[i])

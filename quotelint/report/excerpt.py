"""The sentence around a span, as the report shows it.

Sentences are found locally: from the span, back to the last sentence end and forward to the
next one, never further than `REACH` characters, and never across a paragraph break (a line
break in plain text, a blank line in Markdown and reStructuredText, a block tag in HTML). A full
stop after an honorific from the lexicon (`Mr.`) or after a single capital (`U.S.`, `J.`) does
not end a sentence. Boundaries are looked for in the prose, where code, URLs and markup are
blanked; the sentence shown is the file as written (for HTML, its prose: the text without tags,
entities decoded), whitespace runs made one space.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection

import regex

from quotelint.document import Document
from quotelint.lazyre import lazy
from quotelint.report.model import Excerpt

REACH = 300  # characters looked at on each side of a span
_END = lazy(r"[.!?…]++[\"”’'»)\]]*+\s++(?=[\p{Lu}\p{N}\"“‘'«(\[])")
_LINE_BREAK = lazy(r"\r\n?|\n")
_BLANK_LINE = lazy(r"(?:\r\n?|\n)[ \t]*+(?:\r\n?|\n)")
_LAST_WORD = lazy(r"[\p{L}.]{1,12}$")
_SPACE = lazy(r"\s+")
_CLOSERS = frozenset(".!?…\"”’')]»")


def prose_offset(doc: Document, offset: int) -> int:
    """The prose offset of a text offset: the inverse of `Document.source`."""
    mapping = doc.offset_map
    if mapping is None:
        return offset
    i = bisect.bisect_right(mapping.text_starts, offset) - 1
    if i < 0:
        return 0
    starts = mapping.prose_starts
    run = (starts[i + 1] if i + 1 < len(starts) else len(doc.prose)) - starts[i]
    return starts[i] + min(offset - mapping.text_starts[i], run)


def excerpt(doc: Document, start: int, end: int, honorifics: Collection[str] = ()) -> Excerpt:
    """The sentence holding text[start:end], split around the span."""
    prose = doc.prose
    lo, hi = prose_offset(doc, start), prose_offset(doc, end)
    hi = max(lo, hi)
    breaks = _LINE_BREAK if doc.kind == "text" else _BLANK_LINE
    first, cut_left = _sentence_start(prose, lo, breaks, honorifics)
    last, cut_right = _sentence_end(prose, lo, hi, breaks, honorifics)
    shown = prose if doc.offset_map is not None else doc.text  # same offsets as the prose
    before = _collapse(shown[first:lo]).lstrip()
    after = _collapse(shown[hi:last]).rstrip()
    span = _collapse(shown[lo:hi])
    if before.endswith(" ") and span.startswith(" "):
        span = span[1:]
    if cut_left:
        before = "…" + before[before.find(" ") + 1 :] if " " in before else "…" + before
    if cut_right:
        after = after[: after.rfind(" ")] + "…" if " " in after else after + "…"
    return Excerpt(before, span, after)


def _sentence_start(prose: str, lo: int, breaks: regex.Pattern[str], honorifics: Collection[str]) -> tuple[int, bool]:
    floor = max(0, lo - REACH)
    first = floor
    for m in breaks.finditer(prose, floor, lo):
        first = m.end()
    found = first > floor or floor == 0
    for m in _END.finditer(prose, first, lo + 1):  # one past the span, for the look-ahead
        if m.end() <= lo and _ends_sentence(prose, m, honorifics):
            first, found = m.end(), True
    return first, not found


def _sentence_end(prose: str, lo: int, hi: int, breaks: regex.Pattern[str], honorifics: Collection[str]) -> tuple[int, bool]:
    ceiling = min(len(prose), hi + REACH)
    para = breaks.search(prose, hi, ceiling)
    limit = para.start() if para else ceiling
    scan = hi
    while scan > lo and prose[scan - 1] in _CLOSERS:  # a span ending on a full stop ends there
        scan -= 1
    for m in _END.finditer(prose, scan, limit):
        if _ends_sentence(prose, m, honorifics):
            return m.start() + len(m.group().rstrip()), False
    return limit, para is None and limit < len(prose) and not prose[limit:].isspace()


def _ends_sentence(prose: str, m: regex.Match[str], honorifics: Collection[str]) -> bool:
    if not m.group().startswith(".") or m.group().startswith(".."):
        return True
    word = _LAST_WORD.search(prose, max(0, m.start() - 12), m.start())
    if word is None:
        return True
    last = word.group().rsplit(".", 1)[-1]
    return not (last in honorifics or (len(last) == 1 and last.isupper()))


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text)

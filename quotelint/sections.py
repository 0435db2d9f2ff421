"""A very large document analysed section by section, so that its words are never all alive at once.

An article is analysed whole. A document whose prose is longer than `Split.threshold` characters
(a corpus dump, a feed saved as one file) is cut into sections of about `Split.size` characters
at paragraph breaks, each analysed in a context of its own and then dropped. A section is read
with `Split.margin` characters of the text around it (whole paragraphs), so that what a place
takes from its neighbours (the speaker of the quotation before, the person a `he` stands for,
the quotation a paragraph continues) is there; only the findings that start inside the section
itself are kept.

Rules that compare places anywhere in the document (two spellings of one name, two values of one
quantity, a house-style variant used earlier) gather a small summary from each section's own
part (`Rule.gather`) and judge the summaries together once (`Rule.judge`): a document of several
sections gets the findings its whole analysis gives.

A paragraph longer than a section (a whole file on one line) is cut at the end of a sentence,
else at a space, else anywhere: there the findings are those of its parts.
"""

from __future__ import annotations

from collections.abc import Iterator

from quotelint.document import Document
from quotelint.lazyre import lazy
from quotelint.records import Value

_PARAGRAPH = lazy(r"\n[^\S\n]*+\n")  # a blank line
_SENTENCE = lazy(r"[.!?][\"”’')\]]*+\s++")  # the end of a sentence, with the space after it
_SPACE = lazy(r"\s++")


class Split(Value):
    __slots__ = _fields = ("threshold", "size", "margin")
    threshold: int  # characters of prose above which a document is analysed by section
    size: int  # characters of a section, about
    margin: int  # characters of the text around a section read with it, about

    def __init__(self, threshold: int = 2_000_000, size: int = 500_000, margin: int = 10_000) -> None:
        self.threshold, self.size, self.margin = threshold, size, margin


class Section(Value):
    """A part of a document's prose: `own` is the part whose findings it gives; `start` and `end`
    bound what it reads (the part with its margins)."""

    __slots__ = _fields = ("start", "own_start", "own_end", "end")
    start: int
    own_start: int
    own_end: int
    end: int

    def __init__(self, start: int, own_start: int, own_end: int, end: int) -> None:
        self.start, self.own_start, self.own_end, self.end = start, own_start, own_end, end


class Part:
    """The document as one section's analysis sees it: the prose from `base` on, the rest of the
    document as it is (its text, lines, date), offsets mapped back to the whole."""

    def __init__(self, doc: Document, section: Section) -> None:
        self.whole = doc
        self.base = section.start
        self.prose = doc.prose[section.start : section.end]
        self.path, self.text, self.kind, self.bom = doc.path, doc.text, doc.kind, doc.bom
        self.offset_map, self.line_starts = doc.offset_map, doc.line_starts

    def source(self, offset: int) -> int:
        return self.whole.source(offset + self.base)

    def source_end(self, end: int) -> int:
        return self.whole.source_end(end + self.base)

    def position(self, offset: int) -> tuple[int, int]:
        return self.whole.position(offset)

    def line_text(self, line: int) -> str:
        return self.whole.line_text(line)


def cut_points(prose: str, size: int) -> list[int]:
    """Where the prose is cut into parts of at most about `size` characters: after a blank line
    when there is one in the second half of a part, else after a sentence, else after a space."""
    points = [0]
    while len(prose) - points[-1] > size:
        a = points[-1]
        points.append(_last_end(prose, a + size // 2, a + size) or a + size)
    points.append(len(prose))
    return points


def _last_end(prose: str, lo: int, hi: int) -> int | None:
    for pattern in (_PARAGRAPH, _SENTENCE, _SPACE):
        found = None
        for found in pattern.finditer(prose, lo, hi, overlapped=False):
            pass
        if found is not None:
            return found.end()
    return None


def _paragraph_start(prose: str, offset: int, floor: int) -> int:
    """The start of the paragraph at `offset`, no earlier than `floor` (else `offset` itself)."""
    if offset <= floor:
        return floor
    found = None
    for found in _PARAGRAPH.finditer(prose, floor, offset):
        pass
    return found.end() if found is not None else offset


def _paragraph_end(prose: str, offset: int, ceiling: int) -> int:
    if offset >= ceiling:
        return ceiling
    found = _PARAGRAPH.search(prose, offset, ceiling)
    return found.start() + 1 if found is not None else offset


def sections(prose: str, split: Split) -> Iterator[Section]:
    """The sections of a document's prose; one section, the whole, up to the threshold."""
    if len(prose) <= split.threshold:
        yield Section(0, 0, len(prose), len(prose))
        return
    points = cut_points(prose, split.size)
    for a, b in zip(points, points[1:]):
        start = _paragraph_start(prose, max(0, a - split.margin), max(0, a - 2 * split.margin))
        end = _paragraph_end(prose, min(len(prose), b + split.margin), min(len(prose), b + 2 * split.margin))
        yield Section(start, a, b, end)

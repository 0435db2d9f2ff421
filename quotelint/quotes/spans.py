"""Where quotations stand: opening and closing marks paired within paragraphs.

The marks and their pairs come from the lexicon (`quote_marks`). Each mark is judged by what
stands on either side of it: a mark after a space and before a letter opens, one after a
letter and before a space or punctuation closes, and an apostrophe between letters
(Kazakhstan’s, didn't) or before a year (’90s) is no mark at all. A closing single mark after a
plural `s` (citizens’ requests) closes only if no better closing mark follows. Straight quotes
are paired by the same test of position, so `"A "B" C"` nests and an inch mark after a digit is
left alone.

A span never crosses a paragraph: a quotation still open at the end of its paragraph continues
into the next one only if that paragraph opens with the same mark (the convention for quotes of
several paragraphs); otherwise it ends there and is reported as unclosed. One pass over the
marks, a stack of open quotations at most four deep: linear in the length of the text.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator

import regex

from quotelint.lazyre import lazy
from quotelint.lexicon import QuoteMarks
from quotelint.records import Value

APOSTROPHES = frozenset("'’")
_LINE = lazy(r"[^\r\n]*+(?:\r\n|\r|\n)?")
_OPEN_PUNCT = frozenset("([{—–-/…")
_CLOSE_PUNCT = frozenset(".,;:!?)]}—–-…/")
_LIST_START = frozenset("-–—•*+#>|")
MAX_DEPTH = 4
WRAP_MIN, WRAP_MAX = 30, 100  # a line of this length followed by more text is a wrapped line


class Span(Value):
    __slots__ = _fields = ("open_at", "start", "end", "open_mark", "close_mark", "paragraph", "depth", "continued")
    open_at: int  # offset of the opening mark
    start: int  # first character of the text
    end: int  # offset of the closing mark, or the end of the paragraph's text if unclosed
    open_mark: str
    close_mark: str | None
    paragraph: int
    depth: int  # 0 for a quotation outside any other
    continued: bool  # part of a quotation that runs over several paragraphs

    def __init__(self, open_at: int, start: int, end: int, open_mark: str, close_mark: str | None, paragraph: int, depth: int, continued: bool = False) -> None:
        self.open_at = open_at
        self.start = start
        self.end = end
        self.open_mark = open_mark
        self.close_mark = close_mark
        self.paragraph = paragraph
        self.depth = depth
        self.continued = continued


class MarkProblem(Value):
    __slots__ = _fields = ("start", "end", "message", "suggestion")
    start: int
    end: int
    message: str
    suggestion: str | None

    def __init__(self, start: int, end: int, message: str, suggestion: str | None = None) -> None:
        self.start, self.end, self.message, self.suggestion = start, end, message, suggestion


class Scan(Value):
    __slots__ = _fields = ("paragraphs", "spans", "problems")
    paragraphs: tuple[tuple[int, int], ...]  # (start, end) of each paragraph's text
    spans: tuple[Span, ...]  # in order of their opening marks
    problems: tuple[MarkProblem, ...]

    def __init__(self, paragraphs: tuple[tuple[int, int], ...], spans: tuple[Span, ...], problems: tuple[MarkProblem, ...]) -> None:
        self.paragraphs, self.spans, self.problems = paragraphs, spans, problems


class Marks(Value):
    """The lexicon's quote marks, arranged for the scanner."""

    __slots__ = _fields = ("chars", "closers", "single", "straight")
    chars: frozenset[str]
    closers: dict[str, frozenset[str]]  # opening mark -> the marks that close it
    single: frozenset[str]  # marks of pairs that close with an apostrophe-like mark
    straight: frozenset[str]  # marks that both open and close their own pair

    def __init__(
        self,
        chars: frozenset[str],
        closers: dict[str, frozenset[str]],
        single: frozenset[str],
        straight: frozenset[str],
    ) -> None:
        self.chars, self.closers, self.single, self.straight = chars, closers, single, straight


@functools.lru_cache(maxsize=8)
def marks_for(quote_marks: tuple[QuoteMarks, ...]) -> Marks:
    closers: dict[str, set[str]] = {}
    single: set[str] = set()
    for pair in quote_marks:
        closers.setdefault(pair.open, set()).update(pair.close)
        if APOSTROPHES & set(pair.close):
            single.add(pair.open)
            single.update(pair.close)
    chars = set(closers) | {c for cs in closers.values() for c in cs}
    chars = {c for c in chars if len(c) == 1}
    straight = {o for o, cs in closers.items() if o in cs}
    return Marks(frozenset(chars), {k: frozenset(v) for k, v in closers.items()}, frozenset(single), frozenset(straight))


def lines(prose: str) -> Iterator[tuple[int, str]]:
    """Each line without its line break, and where it starts, as `_LINE` finds them: split at
    `\\n` without a pattern where the text holds no `\\r` (0.12 ms to compile)."""
    if "\r" in prose:
        yield from ((m.start(), m.group().rstrip("\r\n")) for m in _LINE.finditer(prose) if m.group())
        return
    at = 0
    for line in prose.split("\n"):
        if line or at < len(prose):
            yield at, line
        at += len(line) + 1


def paragraphs(prose: str) -> list[tuple[int, int]]:
    """Paragraphs: blocks between blank lines, a long line on its own being a paragraph too."""
    out: list[tuple[int, int]] = []
    start = end = -1
    previous = ""
    for at, line in lines(prose):
        trimmed = line.lstrip()
        content = trimmed.rstrip()
        if not content:
            if start >= 0:
                out.append((start, end))
            start = -1
            continue
        lead = at + len(line) - len(trimmed)  # where its first character stands (a search for it prepares the whole line first)
        if start >= 0 and not (WRAP_MIN <= len(previous) <= WRAP_MAX and content[0] not in _LIST_START):
            out.append((start, end))
            start = -1
        if start < 0:
            start = lead
        end = lead + len(content)
        previous = content
    if start >= 0:
        out.append((start, end))
    return out


def scan(prose: str, quote_marks: tuple[QuoteMarks, ...]) -> Scan:
    marks = marks_for(quote_marks)
    paras = paragraphs(prose)
    scanner = _Scanner(prose, marks)
    found = marks_in(prose, marks.chars)
    offsets = [i for i, _ in found]
    for index, (start, end) in enumerate(paras):
        following = paras[index + 1][0] if index + 1 < len(paras) else None
        first = bisect.bisect_left(offsets, start)
        scanner.paragraph(index, start, end, following, found[first : bisect.bisect_left(offsets, end, first)])
    spans = sorted(scanner.spans, key=lambda s: s.open_at)
    return Scan(tuple(paras), tuple(spans), tuple(sorted(scanner.problems, key=lambda p: p.start)))


def marks_in(prose: str, chars: Iterable[str], start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """Each of these characters from start to end of the text, with its offset, in order: found
    a character at a time by `str.find`, in C (a pattern of the characters makes a match object
    for each, five times the cost)."""
    end = len(prose) if end is None else end
    found: list[tuple[int, str]] = []
    for mark in chars:
        at = prose.find(mark, start, end)
        while at >= 0:
            found.append((at, mark))
            at = prose.find(mark, at + 1, end)
    found.sort()
    return found


class _Scanner:
    def __init__(self, prose: str, marks: Marks) -> None:
        self.prose = prose
        self.marks = marks
        self.spans: list[Span] = []
        self.problems: list[MarkProblem] = []
        self.carried: str | None = None  # the mark of a quotation that continues into the next paragraph
        self.wide: set[int] = set()  # offsets of doubled apostrophes standing for one double mark
        self.first = 0  # index in `spans` of the current paragraph's first span

    def paragraph(self, index: int, start: int, end: int, following: int | None, found: list[tuple[int, str]]) -> None:
        """Pair the marks of a paragraph (`found`: each mark in it, with its offset, in order)."""
        prose, marks = self.prose, self.marks
        found = self._doubled(_outside_tags(prose, start, end, found))
        self.first = len(self.spans)
        ahead: tuple[list[int | None], list[int | None]] | None = None  # `_lookahead`, read when first needed (few paragraphs need it)
        stack: list[tuple[int, str]] = []  # (offset of the opening mark, mark)
        continuing, self.carried = self.carried, None
        skip = -1
        for k, (i, mark) in enumerate(found):
            if i == skip:
                continue
            before = prose[i - 1] if i > start else " "
            width = 2 if i in self.wide else 1
            after = prose[i + width] if i + width < end else " "
            if mark in APOSTROPHES and (before.isalnum() and after.isalnum() or after.isdigit() and not before.isalnum()):
                continue  # Kazakhstan’s, didn't, ’90s
            if mark in APOSTROPHES and after.isalpha() and prose[i + 2 : i + 3] == mark and not before.isalnum():
                skip = i + 2  # rock ’n’ roll
                continue
            left = (before.isspace() or before in _OPEN_PUNCT or before in marks.chars) and not after.isspace()
            right = not before.isspace() and (after.isspace() or after in _CLOSE_PUNCT or after in marks.chars)
            top = stack[-1] if stack else None
            if top and mark in marks.closers.get(top[1], ()) and not (left and not right and mark in marks.straight):
                if mark in APOSTROPHES and before in "sS" and after.isspace() and prose[i + 2 : i + 3].islower():
                    ahead = ahead or _lookahead(prose, found, start, end, marks.closers)
                    nxt_same, nxt_other = ahead
                    later = nxt_same[k]
                    if later is not None and (len(stack) == 1 or nxt_other[k] is None or later < nxt_other[k]):
                        continue  # the workers’ union: a better closing mark follows
                self._close(stack, i, mark, index, mismatch=False)
            elif mark in APOSTROPHES and not right and not (left and mark in marks.closers):
                continue  # an apostrophe that cannot open here
            elif mark in marks.closers and (left or not right):
                if len(stack) < MAX_DEPTH:
                    stack.append((i, mark))
            elif stack and (right or not left):
                self._close_nearest(stack, i, mark, index)
            elif right and mark not in APOSTROPHES and not (mark in marks.straight and before.isdigit()):
                self.problems.append(MarkProblem(i, i + 1, f"closing {mark} with no quotation open"))
        self._paragraph_end(stack, index, end, following, continuing)

    def _doubled(self, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Two straight apostrophes written as one double mark (`''like this''`, as some wires
        and archives write quotations) read as a straight double quote, when the lexicon has one."""
        if '"' not in self.marks.closers:
            return found
        out: list[tuple[int, str]] = []
        k = 0
        while k < len(found):
            i, mark = found[k]
            if mark == "'" and k + 1 < len(found) and found[k + 1] == (i + 1, "'") and self.prose[i + 2 : i + 3] != "'":
                self.wide.add(i)
                out.append((i, '"'))
                k += 2
                continue
            out.append((i, mark))
            k += 1
        return out

    def _mark(self, i: int, mark: str) -> str:
        return "''" if i in self.wide else mark

    def _close_nearest(self, stack: list[tuple[int, str]], i: int, mark: str, index: int) -> None:
        """A closing mark that does not close the innermost quotation: it closes an outer one
        (the inner ones were left open), or it is the wrong mark for the nearest quotation of its
        weight (“…“ closes with the opening mark)."""
        for depth in range(len(stack) - 1, -1, -1):
            if mark in self.marks.closers.get(stack[depth][1], ()):
                while len(stack) > depth + 1:
                    self._unclosed(stack, i, index)
                self._close(stack, i, mark, index, mismatch=False)
                return
        weight = mark in self.marks.single
        for depth in range(len(stack) - 1, -1, -1):
            if (stack[depth][1] in self.marks.single) == weight:
                while len(stack) > depth + 1:
                    self._unclosed(stack, i, index)
                self._close(stack, i, mark, index, mismatch=True)
                return
        if mark not in APOSTROPHES:
            self.problems.append(MarkProblem(i, i + 1, f"closing {mark} with no quotation of its kind open"))

    def _close(self, stack: list[tuple[int, str]], i: int, mark: str, index: int, mismatch: bool) -> None:
        open_at, opener = stack.pop()
        opener, mark = self._mark(open_at, opener), self._mark(i, mark)
        self.spans.append(Span(open_at, open_at + len(opener), i, opener, mark, index, len(stack)))
        if mismatch:
            expected = sorted(self.marks.closers.get(opener, ()))
            right = expected[0] if expected else None
            self.problems.append(MarkProblem(i, i + 1, f"quotation opened with {opener} is closed with {mark}", right))

    def _unclosed(self, stack: list[tuple[int, str]], end: int, index: int) -> None:
        open_at, opener = stack.pop()
        if opener in APOSTROPHES:
            return  # a straight single mark never closed was an apostrophe: 'til, 'em
        opener = self._mark(open_at, opener)
        text_end = end
        while text_end > open_at + 1 and self.prose[text_end - 1].isspace():
            text_end -= 1
        self.spans.append(Span(open_at, open_at + len(opener), text_end, opener, None, index, len(stack)))
        self.problems.append(MarkProblem(open_at, open_at + len(opener), f"quotation opened with {opener} is not closed before the end of its paragraph"))

    def _paragraph_end(self, stack: list[tuple[int, str]], index: int, end: int, following: int | None, continuing: str | None) -> None:
        if continuing is not None:
            self._mark_continued(index, continuing)
        if stack and following is not None and self.prose[following : following + len(stack[0][1])] == stack[0][1]:
            while len(stack) > 1:
                self._unclosed(stack, end, index)
            open_at, opener = stack.pop()
            opener = self._mark(open_at, opener)
            self.spans.append(Span(open_at, open_at + len(opener), end, opener, None, index, 0, True))
            self.carried = opener
            return
        while stack:
            self._unclosed(stack, end, index)

    def _mark_continued(self, index: int, opener: str) -> None:
        """The first quotation of this paragraph carries on the one the last paragraph left open."""
        own = range(self.first, len(self.spans))  # only this paragraph's: looking further back is quadratic
        first = min((k for k in own if self.spans[k].depth == 0), key=lambda k: self.spans[k].open_at, default=None)
        if first is not None and self.spans[first].open_mark == opener:
            span = self.spans[first]
            self.spans[first] = Span(span.open_at, span.start, span.end, span.open_mark, span.close_mark, index, 0, True)


@functools.cache
def _tag() -> regex.Pattern[str]:
    """A markup tag with its attributes; compiled on first use (it costs milliseconds)."""
    return regex.compile(r"</?[A-Za-z][\w:-]*+(?:\s++[\w:-]++(?:\s*+=\s*+(?:\"[^\"<>\n]*+\"|'[^'<>\n]*+'|[^\s\"'<>]++))?+)*+\s*+/?>")


def _outside_tags(prose: str, start: int, end: int, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The marks that stand outside markup left in plain text (`<a href="...">`, an embedded
    post's `<tweet author="...">`): an attribute's quotes are no quotation."""
    if not found or "<" not in prose[start:end]:
        return found
    tags = [(m.start(), m.end()) for m in _tag().finditer(prose, start, end)]
    if not tags:
        return found
    out: list[tuple[int, str]] = []
    t = 0  # marks and tags both stand in order and tags do not overlap: one pass over the two, not marks times tags
    for i, mark in found:
        while t < len(tags) and tags[t][1] <= i:
            t += 1
        if not (t < len(tags) and tags[t][0] < i):
            out.append((i, mark))
    return out


def _lookahead(prose: str, found: list[tuple[int, str]], start: int, end: int, closers: dict[str, frozenset[str]]) -> tuple[list[int | None], list[int | None]]:
    """For each mark, the offset of the next closing-like apostrophe mark of the same kind (None
    if an opening-like one of that kind comes first: then a new quotation begins and this mark
    must close the open one), and of the next closing-like mark that is no apostrophe (what
    would close an outer quotation)."""
    nxt_same: list[int | None] = [None] * len(found)
    nxt_other: list[int | None] = [None] * len(found)
    last_same: dict[str, int | None] = {}
    last_other: int | None = None
    for k in range(len(found) - 1, -1, -1):
        i, mark = found[k]
        nxt_same[k] = last_same.get(mark)
        nxt_other[k] = last_other
        before = prose[i - 1] if i > start else " "
        after = prose[i + 1] if i + 1 < end else " "
        closing = not before.isspace() and not after.isalnum()
        if closing and mark in APOSTROPHES:
            last_same[mark] = i
        elif closing:
            last_other = i
        elif before.isspace() and after.isalpha():  # 'If ..., ‘saved ...: an opening mark, so
            for closer in closers.get(mark, ()):  # a new quotation begins before any later closer
                if closer in APOSTROPHES:
                    last_same[closer] = None
    return nxt_same, nxt_other

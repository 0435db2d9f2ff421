"""Quotations in their sentences: the words and quotations of each paragraph, or of each
quotation that holds others, split into sentences.

A frame is the text a quotation stands in: its paragraph, or the quotation around it. Its items
are the words that belong to it directly (not those inside a quotation it holds) and, as single
items, the quotations it holds. Attribution reads a quotation's sentence in its frame, so the
words of other quotations never pass for a speaker or a reporting verb.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import Final

from quotelint.lazyattr import cached_attribute
from quotelint.lazyre import lazy
from quotelint.names import START, TEXT, Token
from quotelint.quotes.spans import Span, marks_in
from quotelint.records import Record

_STOP = lazy(r"[.!?][)\]\"'”’]*+\s")  # a stop, then (past brackets and marks) a space: not 1.5
_PAUSE = lazy(r"[.!?;:]")
_PLAIN_STOPS = frozenset((". ", "! ", "? "))  # gaps _STOP matches from their first character, with no colon before
_END = itemgetter(2)  # a Token's end
_IS_WORD = (0).__gt__  # a quotation index of -1: a word item


# A frame's item, a word or a quotation: a plain tuple (start, end, token, quote), its fields
# read by index with the names below. A frame holds one for most words of the paragraphs with
# quotations, made in C in bulk (`_word_items`): a plain tuple costs half what an instance of a
# named tuple costs to make and to free, and its field is read by an index that Python
# specialises, where a named field was an attribute lookup that it does not. Items compare as
# tuples, by their start first (`_with_quotes` bisects the words by a quotation's item).
Item = tuple[int, int, int, int]
ITEM_START: Final = 0  # where the word or the quotation's opening mark starts
ITEM_END: Final = 1  # where the word ends, or past the quotation's closing mark
TOKEN: Final = 2  # index into the document's words, or -1 for a quotation
QUOTE: Final = 3  # index of the quotation, or -1 for a word
_QUOTE = itemgetter(QUOTE)  # an item's quotation index, in C
_ITEM_END = itemgetter(ITEM_END)  # an item's end


class Frame(Record):
    _fields = ("items", "sentence", "bounds")
    items: list[Item]
    sentence: list[int]  # sentence number of each item, from 0 up
    bounds: list[tuple[int, int]]  # per sentence: first, one-past-last item

    def __init__(self, items: list[Item], sentence: list[int], bounds: list[tuple[int, int]] | None = None) -> None:
        self.items = items
        self.sentence = sentence
        self.bounds = [] if bounds is None else bounds
        # Sentence numbers rise by one from 0, so each sentence's items are one stretch
        # (`split` gives them with the numbers, found as it numbers the items).
        if self.bounds:
            return
        first = 0
        for number in range(sentence[-1] + 1 if sentence else 0):
            last = bisect.bisect_right(sentence, number, first)
            self.bounds.append((first, last))
            first = last

    @classmethod
    def holding(cls, items: list[Item], sentence: list[int], bounds: list[tuple[int, int]], held: list[int]) -> Frame:
        """A frame whose quotations' items are at the indexes `held`: its word mask is made
        from them, not read from every item."""
        frame = cls(items, sentence, bounds)
        mask = bytearray(b"\x01") * len(items)
        for i in held:
            mask[i] = 0
        frame._word_mask = bytes(mask)  # what the cached attribute below keeps
        return frame

    def sentence_of(self, k: int) -> tuple[int, int]:
        """The first and one-past-last item index of the sentence holding item k."""
        return self.bounds[self.sentence[k]]

    @cached_attribute
    def _word_mask(self) -> bytes:
        """One byte an item: 1 for a word, 0 for a quotation, made in C (no Python call an
        item). A walk below finds its first and last word with the mask's find and rfind, and
        lets `itertools.compress` pick the words between from a slice of it: it costs its stretch
        of items, in C, however many quotations stand there (a stretch of quotations alone, as
        in a line of a million marks, is passed over by one search)."""
        return bytes(map(_IS_WORD, map(_QUOTE, self.items)))

    def words_down(self, start: int, stop: int) -> Iterator[int]:
        """The word items from `start` down to `stop` (inclusive), quotations passed over."""
        mask = self._word_mask
        lo = max(stop, 0)
        hi = mask.rfind(1, lo, max(start + 1, lo))  # the last word in the stretch, or -1
        if hi < 0:
            return iter(())
        lo = mask.find(1, lo, hi + 1)  # the first
        return itertools.compress(range(hi, lo - 1, -1), mask[hi : (lo - 1 if lo else None) : -1])

    def words_up(self, start: int, stop: int) -> Iterator[int]:
        """The word items from `start` up to `stop` (exclusive), quotations passed over."""
        mask = self._word_mask
        lo = mask.find(1, max(start, 0), max(stop, 0))  # the first word in the stretch, or -1
        if lo < 0:
            return iter(())
        hi = mask.rfind(1, lo, stop) + 1  # one past the last
        return itertools.compress(range(lo, hi), mask[lo:hi])


def close_end(span: Span) -> int:
    return span.end + (len(span.close_mark) if span.close_mark else 0)


def parents(spans: tuple[Span, ...]) -> list[int]:
    """The index of each quotation's enclosing quotation, or -1."""
    out: list[int] = []
    stack: list[int] = []
    for k, span in enumerate(spans):
        while stack and close_end(spans[stack[-1]]) <= span.open_at:
            stack.pop()
        out.append(stack[-1] if stack else -1)
        stack.append(k)
    return out


def build_frames(
    prose: str,
    words: list[Token],
    spans: tuple[Span, ...],
    paragraphs: tuple[tuple[int, int], ...],
    abbreviations: frozenset[str],
    verbs: frozenset[str],
    parent: list[int] | None = None,
    word_starts: list[int] | None = None,
) -> tuple[Frames, list[tuple[tuple[str, int], int]], list[int]]:
    """Frames keyed ("p", paragraph) or ("q", quotation); for each quotation its frame and item
    index; and for each word the quotation it stands in (-1 for none). `parent` is
    `parents(spans)` and `word_starts` each word's start, when the caller has them.

    Attribution reads a quotation in the frame that holds it, and the paragraphs around it: so
    there are frames for the paragraphs of quotations and their neighbours, and for the
    quotations that hold others, not for every quotation's own words. A neighbour's frame is
    made when first asked for (most never are)."""
    parent = parents(spans) if parent is None else parent
    word_starts = [w[START] for w in words] if word_starts is None else word_starts
    inside = innermost(words, spans, word_starts)
    holders = set(parent) - {-1}  # the quotations that hold others
    starts = [p[0] for p in paragraphs]
    wanted = {p + d for s in spans for p in (s.paragraph,) for d in (-1, 0, 1)}  # quotations' paragraphs and their neighbours
    holding = {("q", parent[k]) if parent[k] >= 0 else ("p", span.paragraph) for k, span in enumerate(spans)}  # frames with quotations
    grouped: dict[tuple[str, int], list[Item]] = {}  # each frame's words, rising
    grouped_starts: dict[tuple[str, int], list[int]] = {}  # their starts
    later: dict[tuple[str, int], tuple[int, int]] = {}  # a neighbour's frame: the words it is made of when asked for
    # The words of paragraph p are words[ends[p - 1] : ends[p]]; words before the first paragraph count as its own.
    ends = [bisect.bisect_left(word_starts, s) for s in starts[1:]] + [len(words)]
    for paragraph, end in enumerate(ends):
        begin = ends[paragraph - 1] if paragraph else 0
        keep = paragraph in wanted
        if not keep and (not holders or max(inside[begin:end], default=-1) < 0):
            continue  # no quotation's paragraph, no word in a quotation: no item
        own = keep and ("p", paragraph) in holding  # a neighbour's own words wait until asked for
        if keep and not own and -1 in inside[begin:end]:
            later["p", paragraph] = (begin, end)
        if not own and not holders:
            continue
        # Runs of words standing in the same quotation (or in none) become items in one step.
        for q, t, u in _runs_of(inside, begin, end):
            if q < 0 and not own or q >= 0 and q not in holders:
                continue
            key = ("q", q) if q >= 0 else ("p", paragraph)
            grouped.setdefault(key, []).extend(_word_items(words, word_starts, t, u))
            grouped_starts.setdefault(key, []).extend(word_starts[t:u])
    quotes: dict[tuple[str, int], list[Item]] = {}  # each frame's quotations, rising
    for k, span in enumerate(spans):
        key = ("q", parent[k]) if parent[k] >= 0 else ("p", span.paragraph)
        grouped.setdefault(key, [])
        quotes.setdefault(key, []).append((span.open_at, close_end(span), -1, k))
    frames: dict[tuple[str, int], Frame] = {}
    make = functools.partial(_neighbour, prose, words, word_starts, spans, inside, abbreviations, verbs)
    where: list[tuple[tuple[str, int], int]] = [(("p", 0), 0)] * len(spans)
    for key, word_items in grouped.items():
        items, item_starts, held = _with_quotes(word_items, grouped_starts.get(key, []), quotes.get(key, []))
        for i in held:
            where[items[i][QUOTE]] = (key, i)
        frames[key] = Frame.holding(items, *split(prose, words, spans, items, abbreviations, verbs, item_starts, held), held)
    return Frames(frames, later, make), where, inside


def _with_quotes(word_items: list[Item], word_starts: list[int], quote_items: list[Item]) -> tuple[list[Item], list[int], list[int]]:
    """A frame's items in order: its words and its quotations, each rising, merged (each
    quotation's place among the words found by bisection, the words between copied in slices;
    no two items start at one offset: a quotation's starts at its mark). With the items'
    starts, and the indexes of the quotations' items."""
    items: list[Item] = []
    starts: list[int] = []
    held: list[int] = []
    done = 0
    for place, item in zip(map(bisect.bisect_left, itertools.repeat(word_items), quote_items), quote_items):
        items += word_items[done:place]
        starts += word_starts[done:place]
        held.append(len(items))
        items.append(item)
        starts.append(item[ITEM_START])
        done = place
    items += word_items[done:]
    starts += word_starts[done:]
    return items, starts, held


class Frames(dict[tuple[str, int], Frame]):
    """The frames by key: those holding quotations made, a neighbour's made when first asked for
    (by `frames[key]` or `frames.get(key)`; `in` and iteration see the frames made so far)."""

    def __init__(self, made: dict[tuple[str, int], Frame], later: dict[tuple[str, int], tuple[int, int]], make: Callable[[int, int], Frame]) -> None:
        super().__init__(made)
        self.later, self.make = later, make

    def __missing__(self, key: tuple[str, int]) -> Frame:
        found = self[key] = self.make(*self.later.pop(key))  # KeyError: no such frame
        return found

    def get(self, key: tuple[str, int], default: Frame | None = None) -> Frame | None:  # type: ignore[override]
        return self[key] if key in self or key in self.later else default


def _runs_of(inside: list[int], begin: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(quotation or -1, first word, one past the last word) for each run of the words from
    `begin` to `end` that stand in the same quotation (or in none): grouped in C."""
    t = begin
    for q, run in itertools.groupby(inside[begin:end]):
        u = t + len(list(run))
        yield q, t, u
        t = u


def _word_items(words: list[Token], word_starts: list[int], a: int, b: int) -> Iterator[Item]:
    """Items for the consecutive words from a to b (exclusive), made in C."""
    return zip(word_starts[a:b], map(_END, words[a:b]), range(a, b), itertools.repeat(-1))


def _neighbour(
    prose: str, words: list[Token], word_starts: list[int], spans: tuple[Span, ...], inside: list[int], abbreviations: frozenset[str], verbs: frozenset[str], begin: int, end: int
) -> Frame:
    """The frame of a paragraph with no quotation of its own: its words outside quotations."""
    items: list[Item] = []
    for q, t, u in _runs_of(inside, begin, end):
        if q < 0:
            items.extend(_word_items(words, word_starts, t, u))
    return Frame(items, *split(prose, words, spans, items, abbreviations, verbs, [item[ITEM_START] for item in items], []))


def innermost(words: list[Token], spans: tuple[Span, ...], starts: list[int] | None = None) -> list[int]:
    """For each word, the innermost quotation whose text holds it, or -1 (`starts`: each
    word's start, when the caller has them).

    The quotations open around the words in turn: a quotation is open for the words after its
    mark, until a word at or past its end (or the opening of one past its closing mark) closes
    it. Between two such events the innermost open quotation is the same: the words up to the
    next event are found by bisection and given it in one slice, not word by word."""
    n = len(words)
    out = [-1] * n
    stack: list[int] = []
    k = 0
    starts = [w[START] for w in words] if starts is None else starts
    t = 0
    while t < n:
        if not stack:  # no quotation open: skip to the first word past the next one's mark
            if k == len(spans):
                break
            t = max(t, bisect.bisect_right(starts, spans[k].open_at))
            if t == n:
                break
        start = starts[t]
        while k < len(spans) and spans[k].open_at < start:
            while stack and close_end(spans[stack[-1]]) <= spans[k].open_at:
                stack.pop()
            stack.append(k)
            k += 1
        while stack and spans[stack[-1]].end <= start:
            stack.pop()
        # The next event: a word past the next quotation's mark, or at or past the end of the
        # innermost open one. Word t comes before either (it opened nothing more, closed nothing more).
        limit = bisect.bisect_right(starts, spans[k].open_at, t) if k < len(spans) else n
        if stack:
            top = spans[stack[-1]]
            limit = min(limit, bisect.bisect_left(starts, top.end, t))
            first = bisect.bisect_left(starts, top.start, t, limit)  # the words inside its text, not on its mark
            out[first:limit] = itertools.repeat(stack[-1], limit - first)
        t = limit
    return out


def split(
    prose: str,
    words: list[Token],
    spans: tuple[Span, ...],
    items: list[Item],
    abbreviations: frozenset[str],
    verbs: frozenset[str],
    starts: list[int] | None = None,
    held: list[int] | None = None,
) -> tuple[list[int], list[tuple[int, int]]]:
    """Sentence numbers for a frame's items, and each sentence's first and one-past-last item
    (`starts`: each item's start, and `held`: the indexes of its quotations' items, when the
    caller has them).

    A sentence ends at `.`, `!` or `?` followed by a capital or a quotation, unless the full
    stop belongs to an abbreviation (`Mr.`, `U.S.`); and after a quotation that ends its own
    sentence with a full stop, or with `?` or `!` unless what follows is its attribution
    (`"...?" Okonkwo-Reyes asked`).

    Only an item after a quotation or after a gap holding `.`, `!` or `?` can open a sentence,
    so those few are judged; the items between them take the number of the sentence they are in.
    """
    n = len(items)
    if n == 0:
        return [], []
    starts = [item[ITEM_START] for item in items] if starts is None else starts
    if held is None:
        held = [i for i in range(n) if items[i][QUOTE] >= 0]
    # The item after each stop, in bulk (C calls, no Python step a stop): the search runs from
    # the first item's end to the last one's start, so each is an item from 1 to n - 1; a stop
    # inside a word or a quotation (`U.S.`, `"Go."`) is dropped, as the item before it ends past it.
    stops = [at for at, _ in marks_in(prose, ".!?", items[0][ITEM_END], items[-1][ITEM_START])]  # by str.find, no match object a stop
    after = list(map(functools.partial(bisect.bisect_right, starts), stops))
    after_stops = itertools.compress(after, map(operator.le, map(_ITEM_END, map(items.__getitem__, map(operator.sub, after, itertools.repeat(1)))), stops))
    numbers: list[int] = []
    number = 0
    opening = [0]  # the first item of each sentence
    last = 0  # judged in order, each item once: sorted in C (two rising runs merged), repeats passed over
    for i in sorted(itertools.chain(map(operator.add, held, itertools.repeat(1)), after_stops)):
        if i == last or i >= n:
            continue
        last = i
        if _opens_sentence(prose, words, spans, items, i, abbreviations, verbs):
            numbers.extend(itertools.repeat(number, i - len(numbers)))
            number += 1
            opening.append(i)
    numbers.extend(itertools.repeat(number, n - len(numbers)))
    return numbers, list(zip(opening, [*opening[1:], n]))


def _opens_sentence(
    prose: str, words: list[Token], spans: tuple[Span, ...], items: list[Item], i: int, abbreviations: frozenset[str], verbs: frozenset[str]
) -> bool:
    """Item i (after the first) begins a new sentence of its frame."""
    prev, cur = items[i - 1], items[i]
    first = prose[cur[ITEM_START] : cur[ITEM_START] + 1]
    if cur[QUOTE] < 0 and not (first.isupper() or first.isdigit()):
        return False  # only a capital, a digit or a quotation opens a sentence
    gap = prose[prev[ITEM_END] : cur[ITEM_START]]
    if gap in _PLAIN_STOPS:  # most gaps that end a sentence: what _STOP finds there, found without it
        return not (prev[TOKEN] >= 0 and abbreviation(words[prev[TOKEN]][TEXT], abbreviations))
    stop = _STOP.search(gap)
    if stop is not None and ":" not in gap[: stop.start()]:
        return not (prev[TOKEN] >= 0 and stop.start() == 0 and abbreviation(words[prev[TOKEN]][TEXT], abbreviations))
    return _after_quotation(prose, words, spans, items, i, verbs, gap)


def _after_quotation(prose: str, words: list[Token], spans: tuple[Span, ...], items: list[Item], i: int, verbs: frozenset[str], gap: str) -> bool:
    """Item i, after a gap with no stop, opens a sentence: the quotation before it, right
    before it, ends its own sentence (`_opens_sentence`)."""
    prev = items[i - 1]
    if prev[QUOTE] >= 0 and not gap.strip():
        text = prose[spans[prev[QUOTE]].start : spans[prev[QUOTE]].end].rstrip()
        if text[-1:] == ".":
            return not _short_attribution(prose, items, i, words, verbs)
        if text[-1:] in ("!", "?", "…"):
            return not _attribution_follows(prose, items, i, words, verbs)
    return False


def abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    return (len(word) == 1 and word.isupper()) or word.lower() in abbreviations


def _short_attribution(prose: str, items: list[Item], i: int, words: list[Token], verbs: frozenset[str]) -> bool:
    """A quotation closed with a full stop and then only its attribution, `"...missing." Trump
    said.`: up to four capitalised words and a reporting verb ending the sentence. The stop
    inside the marks is a slip for a comma; a longer sentence after it is a sentence of its own."""
    for k in range(i, min(i + 5, len(items))):
        item = items[k]
        if item[QUOTE] >= 0 or (k > i and _PAUSE.search(prose, items[k - 1][ITEM_END], item[ITEM_START])):
            return False
        word = words[item[TOKEN]][TEXT]
        if word in verbs:
            after = prose[item[ITEM_END] : item[ITEM_END] + 2]
            return k > i and (after[:1] in (".", ",", "") or after[:1] == "\n")
        if not word[:1].isupper():
            return False
    return False


def _attribution_follows(prose: str, items: list[Item], i: int, words: list[Token], verbs: frozenset[str]) -> bool:
    """A reporting verb among the next few words, before any stop: `Okonkwo-Reyes asked`."""
    for k in range(i, min(i + 8, len(items))):
        item = items[k]
        if item[QUOTE] >= 0 or (k > i and _PAUSE.search(prose, items[k - 1][ITEM_END], item[ITEM_START])):
            return False
        if words[item[TOKEN]][TEXT] in verbs:
            return True
    return False

"""Where each word stands: its sentence and its clause, worked out only where figures are.

Clauses end at commas, semicolons, colons, brackets, dashes and quotation marks, and before the
words that open another statement (`that`, `which`, `but`, reporting verbs, `according to`);
`segments` end only at the hard marks (semicolons, colons, brackets) and at sentence ends. A
clause opened by `which`, `who`, `whose` or `where` after a comma is a relative clause: it
speaks of the words just before it. Sentences are laid out on first use, so a document is
read word by word only for what every word needs (its events and names, for the topic).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from itertools import chain, starmap
from operator import attrgetter
from typing import TYPE_CHECKING

from quotelint.claims.figuredata import FigureData, figure_data
from quotelint.claims.figures import Figure
from quotelint.claims.subjects import Event, count_topic
from quotelint.claims.wordsets import WordPlaces, kind_of_name
from quotelint.lazyattr import cached_attribute
from quotelint.names import END, START, TEXT, Token
from quotelint.quotes.spans import marks_in
from quotelint.sentences import Sentences

if TYPE_CHECKING:
    from quotelint.claims.facts import Subject
    from quotelint.lexicon import Lexicon
    from quotelint.wordmemo import WordMemo

CLAUSE_MARKS = frozenset(",;:()[]–—“”\"")
HARD_MARKS = frozenset(";:()[]")


class Layout(WordPlaces):
    def __init__(
        self,
        prose: str,
        words: Sequence[Token],
        figures: Sequence[Figure],
        sentences: Sentences,
        lexicon: Lexicon,
        positions: Callable[[], dict[str, list[int]]] | None = None,
        starts: list[int] | None = None,
        memo: Callable[[str, Callable[[str], bool]], WordMemo] | None = None,
        distinct: frozenset[str] | None = None,
    ) -> None:
        self.prose, self.words, self.figures, self.sentences, self.lexicon = prose, words, figures, sentences, lexicon
        self._positions = positions  # each distinct word's indexes, when the caller has them
        self.memo = memo  # the run's word memos (NameIndex.memo), when the caller has them
        self._distinct = distinct  # the words of `positions`, numbered in the run (Context.distinct)
        self.data: FigureData = figure_data()
        self.starts = starts if starts is not None else [w[START] for w in words]  # each word's start offset
        self.figure_starts = [f.start for f in figures]
        self.clause = [0] * len(words)
        self.segment = [0] * len(words)
        self.relative: set[int] = set()  # clauses that open with `which`, `who` after a comma
        self.first: set[int] = set()  # the first word of each laid-out sentence
        self._laid: set[int] = set()
        self._kinds: dict[str, int] = {}
        self.subjects: dict[int, Subject] = {}  # each figure's subject by its start, worked out when asked (facts.subject)
        self._breakers = self.data.clause_words | lexicon.reporting_verbs
        self._source_starts = frozenset(p[0] for p in self.data.source_markers)

    @property
    def topic(self) -> LaidTopic:
        """What the document is about: its main event and the names it repeats, each counted
        when first read (a view, not kept: it holds the layout)."""
        return LaidTopic(self)

    @cached_attribute
    def topic_event(self) -> Event | None:
        """The topic's event (`Topic.event`)."""
        return count_topic(self, self._word_positions, names=False).event()

    @cached_attribute
    def topic_entities(self) -> frozenset[str]:
        """The topic's names (`Topic.entities`): most of the counting, which the claims of most
        documents never ask for."""
        return count_topic(self, self._word_positions, events=False).entities()

    def events_between(self, lo: int, hi: int) -> list[tuple[str, str | None]]:
        """The events named by the words from index `lo` up to `hi`, in order."""
        at = self.event_words
        found = (self.event(k) for k in at[bisect.bisect_left(at, lo) : bisect.bisect_left(at, hi)])
        return [e for e in found if e is not None]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The indexes of the words from offset `start` up to offset `end`."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def sentence_of(self, k: int) -> int:
        return self.sentences.index(self.words[k][START])

    def sentence_words(self, s: int) -> tuple[int, int]:
        return self.span(*self.sentences.spans[s])

    def figure_at(self, k: int) -> int:
        """The figure word `k` may be read in: the last one starting at or before it (-1 for none)."""
        return bisect.bisect_right(self.figure_starts, self.words[k][START]) - 1

    def in_figure(self, k: int) -> bool:
        i = self.figure_at(k)
        return i >= 0 and self.figures[i].end > self.words[k][START]

    def lay_out(self, s: int) -> tuple[int, int]:
        """Give the words of sentence `s` their clauses and segments (once); return their range.
        Only the words where a clause may open are looked at: those after a gap holding a
        clause mark (one search over the sentence) and the words that may open a statement
        (`breaks`); the runs between them are filled by slices."""
        lo, hi = self.sentence_words(s)
        if s in self._laid:
            return lo, hi
        self._laid.add(s)
        self.first.add(lo)
        clause = segment = lo + 1  # numbered by the sentence's first word: unique in the document
        at = lo
        for k, marked in self._openings(lo, hi):
            if marked:
                gap = self.prose[self.words[k - 1][END] : self.words[k][START]]
                if not (gap == "," and self.in_figure(k) and self.in_figure(k - 1)):  # not "18,000"
                    self._fill(at, k, clause, segment)
                    at = k
                    clause += 1
                    segment += not HARD_MARKS.isdisjoint(gap)  # in C
                    if "," in gap and self.words[k][TEXT].lower() in self.data.relative_words:
                        self.relative.add(clause)
                    continue
            low = self.words[k][TEXT].lower()
            if low in self._breakers or (low in self._source_starts and self._source_marker(k)):
                self._fill(at, k, clause, segment)
                at = k
                clause += 1
        self._fill(at, hi, clause, segment)
        return lo, hi

    def _fill(self, a: int, b: int, clause: int, segment: int) -> None:
        self.clause[a:b] = [clause] * (b - a)
        self.segment[a:b] = [segment] * (b - a)

    def _openings(self, lo: int, hi: int) -> list[tuple[int, bool]]:
        """The words from `lo + 1` up to `hi` where a clause may open, in order: (index, whether
        the gap before it holds a clause mark). Words that may open a statement without a mark
        come from `breaks`, the marks from `str.find` over the prose between the words."""
        if hi - lo < 2:
            return []
        words, starts = self.words, self.starts
        marked = set()
        for mark_at, _ in marks_in(self.prose, CLAUSE_MARKS, words[lo][END], words[hi - 1][START]):  # by str.find: no match objects
            k = bisect.bisect_right(starts, mark_at)
            if words[k - 1][END] <= mark_at:  # in the gap before word k, not inside a word
                marked.add(k)
        at = self.breaks
        found = dict.fromkeys(at[bisect.bisect_left(at, lo + 1) : bisect.bisect_left(at, hi)], False)
        found.update(dict.fromkeys(marked, True))
        return sorted(found.items())

    @cached_attribute
    def breaks(self) -> list[int]:
        """The indexes of the words that may open a statement without a mark before them
        (`that`, `but`, reporting verbs, `according` of `according to`), in order."""
        return self.indexes_of("clause-breaks", self._breakers | self._source_starts)

    def _source_marker(self, k: int) -> bool:
        """Word `k` opens `according to` or another phrase that names a source."""
        return any(tuple(w[TEXT].lower() for w in self.words[k : k + len(p)]) == p for p in self.data.source_markers)

    @cached_attribute
    def figure_words(self) -> frozenset[int]:
        """The indexes of the words inside figures."""
        return frozenset(chain.from_iterable(starmap(range, self.figure_spans)))  # in C

    @cached_attribute
    def figure_spans(self) -> list[tuple[int, int]]:
        """The indexes of the words of each figure (`span`), in the figures' order."""
        left = functools.partial(bisect.bisect_left, self.starts)  # both ends of every figure bisected in C
        return list(zip(map(left, self.figure_starts), map(left, map(attrgetter("end"), self.figures))))

    def name_kind(self, text: str) -> int:
        """0: no name (a title, month, measure or event word); 1: a name; 2: a name unless it
        only opens a sentence (`The`, `Turnout`, ordinary words with a capital)."""
        kind = self._kinds.get(text)
        if kind is None:
            kind = self._kinds[text] = self._name_kind(text)
        return kind

    def _name_kind(self, text: str) -> int:
        return kind_of_name(text, self.lexicon, self.data)

    def is_entity(self, k: int, first: bool | None = None) -> bool:
        """Word `k` is a capitalized name (see `name_kind`), not part of a figure."""
        kind = self.name_kind(self.words[k][TEXT])
        if not kind or k in self.figure_words:
            return False
        if kind == 2:
            first = (k in self.first or k == self.sentence_words(self.sentence_of(k))[0]) if first is None else first
            return not first
        return True

    def event(self, k: int) -> tuple[str, str | None] | None:
        """(family, kind) when word `k` names an event: `election`, `presidential election`."""
        family = self.data.event_nouns.get(self.words[k][TEXT].lower())
        if family is None or self.in_figure(k):
            return None
        return family, self.kind_before(k)

    def kind_before(self, k: int) -> str | None:
        """The kind of event the word before word `k` makes it (`presidential` election), when
        only blanks part the two."""
        if k > 0 and self.prose[self.words[k - 1][END] : self.words[k][START]].isspace():
            return self.data.event_kinds.get(self.words[k - 1][TEXT].lower())
        return None


class LaidTopic:
    """A whole document's `Topic`, each half read from its layout when first asked for."""

    __slots__ = ("_layout",)

    def __init__(self, layout: Layout) -> None:
        self._layout = layout

    @property
    def event(self) -> Event | None:
        return self._layout.topic_event

    @property
    def entities(self) -> frozenset[str]:
        return self._layout.topic_entities

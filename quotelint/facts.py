"""What each figure states: the measure it gives a value of, and the subject it is about.

A figure's subject is read from its own clause, near it: the events named there (`the
referendum`, `the presidential election`), the years (`in 2019`, not `since 2019`), the names
(`Canada`), the words that make a measure another quantity (`core inflation`), and whether it is
an earlier value (`previously`, `from 7% to`). Clauses end at commas, semicolons, brackets,
dashes and the words that open another statement (`that`, `which`, `but`, reporting verbs,
`according to`); a relative clause (`Canada, which averages 54 percent`) keeps the words just
before it. A measure word binds a figure a few words away in the same sentence, if the figure's
unit fits the measure (`30 percent of seats` is a share, not a number of seats).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotelint.figuredata import FigureData, figure_data
from quotelint.figures import Figure
from quotelint.names import Token
from quotelint.sentences import Sentences
from quotelint.subjects import Topic, find_topic

if TYPE_CHECKING:
    from quotelint.lexicon import Lexicon

CLAUSE_MARKS = frozenset(",;:()[]–—“”\"")
HARD_MARKS = frozenset(";:()[]")
WINDOW = 8  # words either side of a figure or measure word that can name its subject
REACH = 6  # words between a measure word and its figure
LEAD = 40  # words before a figure in its sentence that may name its event


@dataclass(frozen=True, slots=True)
class Subject:
    events: frozenset[tuple[str, str | None]] = frozenset()  # (family, kind): ("election", "presidential")
    entities: frozenset[str] = frozenset()  # capitalized names near the figure
    holders: frozenset[str] = frozenset()  # names before the figure in its clause: who holds it
    years: frozenset[int] = frozenset()
    modifiers: frozenset[str] = frozenset()  # `core` in `core inflation`
    earlier: bool = False


@dataclass(frozen=True, slots=True)
class Fact:
    figure: Figure
    sentence: int
    measure: str | None
    measure_span: tuple[int, int] | None
    subject: Subject


class Layout:
    """Each word's sentence and clause, computed in one pass."""

    def __init__(self, prose: str, words: Sequence[Token], figures: Sequence[Figure], sentences: Sentences, lexicon: Lexicon) -> None:
        self.prose, self.words, self.figures, self.lexicon = prose, words, figures, lexicon
        self.data: FigureData = figure_data()
        self.starts = [w.start for w in words]
        self.figure_starts = [f.start for f in figures]
        n = len(words)
        self.sentence, self.clause, self.segment = [0] * n, [0] * n, [0] * n
        self.first = [False] * n
        self.in_figure = [False] * n
        self.relative: set[int] = set()  # clauses that open with `which`, `who` after a comma
        self._layout(sentences)

    def _layout(self, sentences: Sentences) -> None:
        words, data, prose = self.words, self.data, self.prose
        breakers = data.clause_words | self.lexicon.reporting_verbs
        clause = segment = 0
        fig = 0
        prev_sentence = -1
        for k, w in enumerate(words):
            while fig < len(self.figures) and self.figures[fig].end <= w.start:
                fig += 1
            inside = fig < len(self.figures) and self.figures[fig].start <= w.start
            self.in_figure[k] = inside
            s = sentences.index(w.start)
            low = w.text.lower()
            if s != prev_sentence:
                clause, segment = clause + 1, segment + 1
                self.first[k] = True
            else:
                gap = prose[words[k - 1].end : w.start]
                joined = inside and self.figures[fig].start <= words[k - 1].start
                if not joined and any(c in CLAUSE_MARKS for c in gap):
                    clause += 1
                    segment += any(c in HARD_MARKS for c in gap)
                    if low in data.relative_words and "," in gap:
                        self.relative.add(clause)
                elif low in breakers or self._source_marker(k):
                    clause += 1
            prev_sentence = s
            self.sentence[k], self.clause[k], self.segment[k] = s, clause, segment

    @functools.cached_property
    def topic(self) -> Topic:
        """What the document is about: its main event and the names it repeats."""
        return find_topic(self)

    def _source_marker(self, k: int) -> bool:
        """Word `k` opens `according to` or another phrase that names a source."""
        for phrase in self.data.source_markers:
            if tuple(w.text.lower() for w in self.words[k : k + len(phrase)]) == phrase:
                return True
        return False

    def span(self, start: int, end: int) -> tuple[int, int]:
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def is_entity(self, k: int) -> bool:
        w = self.words[k]
        text, low, lex, data = w.text, w.text.lower(), self.lexicon, self.data
        if not text[:1].isupper() or self.in_figure[k] or low in data.not_units:
            return False
        if low in data.event_nouns or low in data.event_kinds or text in data.months or text in data.weekdays or (low,) in data.measure_words:
            return False
        if text in lex.titles or text in lex.honorifics or low in lex.title_words or low in lex.reporting_verbs:
            return False
        return not (self.first[k] and lex.is_common_word(text))

    def event(self, k: int) -> tuple[str, str | None] | None:
        low = self.words[k].text.lower()
        family = self.data.event_nouns.get(low)
        if family is None or self.in_figure[k]:
            return None
        kind = None
        if k > 0 and self.clause[k - 1] == self.clause[k]:
            kind = self.data.event_kinds.get(self.words[k - 1].text.lower())
        return family, kind


def find_facts(layout: Layout) -> list[Fact]:
    facts = []
    for f in layout.figures:
        lo, hi = layout.span(f.start, f.end)
        if lo >= hi:
            continue
        measure, at = bind_measure(layout, f, lo, hi)
        facts.append(Fact(f, layout.sentence[lo], measure, at and (layout.words[at[0]].start, layout.words[at[1] - 1].end), subject(layout, f, lo, hi, at)))
    return facts


def bind_measure(layout: Layout, f: Figure, lo: int, hi: int) -> tuple[str | None, tuple[int, int] | None]:
    """The measure a figure gives a value of: its own counted noun, or the nearest measure word."""
    data, words = layout.data, layout.words
    if f.unit in ("date", "year", "ratio", "fraction") or f.value is None:
        return None, None
    unit = f.unit or "none"
    own = data.measure_words.get((words[hi - 1].text.lower(),))
    if own and unit in data.measures[own].units:
        return own, (hi - 1, hi)
    best: tuple[int, str, tuple[int, int]] | None = None
    for k in range(max(0, lo - REACH - 2), min(len(words), hi + REACH + 2)):
        if lo <= k < hi or layout.segment[k] != layout.segment[lo] or layout.in_figure[k]:
            continue
        for size in (3, 2, 1):
            phrase = tuple(w.text.lower() for w in words[k : k + size])
            name = data.measure_words.get(phrase) if len(phrase) == size else None
            if name is None or unit not in data.measures[name].units:
                continue
            distance = lo - (k + size) if k < lo else k - hi
            if distance <= REACH and (best is None or distance < best[0]):
                best = (distance, name, (k, k + size))
            break
    return (best[1], best[2]) if best else (None, None)


def subject(layout: Layout, f: Figure, lo: int, hi: int, at: tuple[int, int] | None) -> Subject:
    data, words = layout.data, layout.words
    anchors = [(lo, hi)] + ([at] if at else [])
    scope: set[int] = set()
    for a, b in anchors:
        c = layout.clause[a]
        for k in range(max(0, a - WINDOW), min(len(words), b + WINDOW)):
            if layout.clause[k] == c:
                scope.add(k)
        first = min(k for k in scope if layout.clause[k] == c)
        antecedent = _antecedent(layout, first)
        if antecedent is not None:  # "Canada, which averages": the words before the comma
            scope.update(k for k in range(max(0, first - 12), first) if layout.clause[k] == antecedent)
    skip = set(range(lo, hi)) | (set(range(*at)) if at else set())
    events, entities, holders, modifiers = set(), set(), set(), set()
    earlier = f.role == "earlier"
    for k in sorted(scope - skip):
        low = words[k].text.lower()
        if (event := layout.event(k)) is not None:
            events.add(event)
        elif layout.is_entity(k):
            entities.add(words[k].text)
            if k < lo and layout.clause[k] == layout.clause[lo]:
                holders.add(words[k].text)
        earlier = earlier or low in data.earlier_words
    if not events:  # "In the referendum a year earlier, turnout was 68 percent"
        events = _leading_events(layout, lo)
    if at:
        a, b = at
        if a > 0 and words[a - 1].text.lower() in data.measure_modifiers:
            modifiers.add(words[a - 1].text.lower())
        if b + 1 < len(words) and words[b].text.lower() in data.complement_words and words[b + 1].text.lower() in data.measure_modifiers:
            modifiers.add(words[b + 1].text.lower())
    years = frozenset(_years(layout, f, scope))
    return Subject(frozenset(events), frozenset(entities), frozenset(holders), years, frozenset(modifiers), earlier)


def _leading_events(layout: Layout, lo: int) -> set[tuple[str, str | None]]:
    """Events named earlier in the sentence of word `lo`, for a figure whose clause names none."""
    found = set()
    k = lo - 1
    while k >= max(0, lo - LEAD) and layout.sentence[k] == layout.sentence[lo]:
        if (event := layout.event(k)) is not None:
            found.add(event)
        k -= 1
    return found


def _antecedent(layout: Layout, first: int) -> int | None:
    """The clause a relative clause speaks of, when the clause starting at word `first` is one
    (`Canada, which averages 54 percent`) or resumes after one (`Eastvale, which votes in May,
    sees turnout of 60 percent`)."""
    c = layout.clause[first]
    if c in layout.relative:
        return c - 1
    if c - 1 in layout.relative and first > 0 and "," in layout.prose[layout.words[first - 1].end : layout.words[first].start]:
        return c - 2
    return None


def _years(layout: Layout, f: Figure, scope: set[int]) -> list[int]:
    """Years of the other figures in scope, unless a word like `since` makes them a reference."""
    out, seen = [], set()
    for k in scope:
        if not layout.in_figure[k]:
            continue
        i = bisect.bisect_right(layout.figure_starts, layout.words[k].start) - 1
        if i < 0 or i in seen or layout.figures[i] is f:
            continue
        seen.add(i)
        g = layout.figures[i]
        year = g.value if g.unit == "year" else (g.date[0] if g.date else None)
        first = layout.span(g.start, g.end)[0]
        before = {layout.words[j].text.lower() for j in range(max(0, first - 2), first)}
        if year is not None and not before & layout.data.year_references:
            out.append(int(year))
    return out

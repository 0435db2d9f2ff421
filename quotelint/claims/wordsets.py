"""The places of the words a layout asks about, each question asked once per distinct word.

A question about a word that depends on the word alone (is it an event noun, can it open a
measure phrase, can it be a name, can it mark an earlier value or a period) is asked of each
distinct word of a document, and once in a run where the layout has the run's word memos
(quotelint/wordmemo.py, `name` the memo's); the places of the words it says yes to come from
the document's word positions, gathered in C. `Layout` (layout.py) holds these sets.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import chain
from typing import TYPE_CHECKING

from quotelint.lazyattr import cached_attribute
from quotelint.names import TEXT
from quotelint.wordsplit import word_positions

if TYPE_CHECKING:
    from quotelint.claims.figuredata import FigureData
    from quotelint.lexicon import Lexicon
    from quotelint.names import Token
    from quotelint.wordmemo import WordMemo


class WordPlaces:
    """What `Layout` asks of its words a distinct word at a time (see the module's docstring)."""

    words: Sequence[Token]
    lexicon: Lexicon
    data: FigureData
    memo: Callable[[str, Callable[[str], bool]], WordMemo] | None  # the run's word memos, when the caller has them
    _positions: Callable[[], dict[str, list[int]]] | None  # each distinct word's indexes, when the caller has them
    _distinct: frozenset[str] | None  # the words of `positions`, numbered in the run (Context.distinct)

    @cached_attribute
    def _word_positions(self) -> dict[str, list[int]]:
        if self._positions is not None:
            return self._positions()
        return word_positions([w[TEXT] for w in self.words])

    @cached_attribute
    def distinct(self) -> frozenset[str]:
        """The document's distinct words (the keys of its word positions), for the run's word memos."""
        if self._distinct is not None:
            return self._distinct
        return frozenset(self._positions()) if self._positions is not None else frozenset(w[TEXT] for w in self.words)

    @cached_attribute
    def measure_starts_at(self) -> list[int]:
        """The indexes of the words that can open a measure phrase (`turnout`, `share`), in order."""
        return self.indexes_of("measure-starts", self.data.measure_starts)

    @cached_attribute
    def event_words(self) -> list[int]:
        """The indexes of the words that are event nouns (`election`, `referendum`), in order:
        only they can name an event (`event`)."""
        return self.indexes_of("topic-event", self.data.event_nouns)

    def indexes_of(self, name: str, lowered: Collection[str]) -> list[int]:
        """The indexes of the words whose lower case is one of `lowered`, in order: each distinct
        word tested once (once in a run, given the run's word memos: `name` is the memo's)."""
        if self._positions is None:
            return [k for k, w in enumerate(self.words) if w[TEXT].lower() in lowered]
        return sorted(self.places(name, lambda t: t.lower() in lowered))

    def places(self, name: str, judge: Callable[[str], bool]) -> Iterable[int]:
        """The indexes, in no order, of the words `judge` says yes to (a verdict on the word
        alone): each distinct word judged once (once in a run where the layout has the run's word
        memos: `name` is the memo's)."""
        positions = self._word_positions
        if self.memo is None:
            found: Iterable[str] = [t for t in positions if judge(t)]
        else:
            found = self.memo(name, judge).select(self.distinct)
        return chain.from_iterable(map(positions.__getitem__, found))  # in C

    def named(self) -> set[str]:
        """The document's distinct words that can be names (`name_kind` not 0; no event word is
        one), judged once per distinct word in a run where the layout has the run's word memos."""
        lex, data = self.lexicon, self.data
        if self.memo is None:
            return {t for t in self._word_positions if kind_of_name(t, lex, data)}
        return self.memo("topic-name", lambda t: kind_of_name(t, lex, data) != 0).select(self.distinct)

    @cached_attribute
    def period_words(self) -> frozenset[int]:
        """The indexes of the words that can name a period: months (`March`), `quarter`, `half`."""
        months, periods = self.data.months, self.data.period_words
        return frozenset(self.places("period-words", lambda t: t in months or t.lower() in periods))

    @cached_attribute
    def subject_words(self) -> frozenset[int]:
        """The indexes of the words that can make a figure's value an earlier one (`previously`),
        a forecast (`expected`) or one of a part (`north`): the rest of a scope says none of it."""
        data = self.data
        earlier, areas, forecast = data.earlier_words, data.area_words, data.forecast_words
        return frozenset(self.places("subject-words", lambda t: t.lower() in earlier or t.lower() in areas or t in forecast))

    @cached_attribute
    def event_word_set(self) -> frozenset[int]:
        return frozenset(self.event_words)


def kind_of_name(text: str, lex: Lexicon, data: FigureData) -> int:
    """`Layout.name_kind`, which depends on the word and the word lists alone."""
    if not text[:1].isupper():
        return 0
    low = text.lower()
    if low in data.not_units or low in data.event_nouns or low in data.event_kinds or (low,) in data.measure_words:
        return 0
    if text in data.months or text in data.weekdays or text in lex.titles or text in lex.honorifics:
        return 0
    if low in lex.title_words or low in lex.reporting_verbs:
        return 0
    return 2 if lex.is_common_word(text) else 1

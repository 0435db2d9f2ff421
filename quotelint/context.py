"""What the rules share about one document, computed once and only when a rule asks."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from quotelint.document import Document
from quotelint.lazyattr import cached_attribute
from quotelint.names import Mention, Token, as_tokens
from quotelint.wordsplit import columns, word_positions

if TYPE_CHECKING:
    from quotelint.registry import Registry
    from quotelint.sections import Part
    from quotelint.settings import Settings


class Context:
    """`document` is the whole document, or the part one section reads (quotelint/sections.py):
    `base` is where its prose starts in the document's, and `own` the offsets of its prose whose
    findings it gives (all of it, unless it is a section read with the text around it)."""

    def __init__(
        self, document: Document | Part, registry: Registry, settings: Settings | None = None, own: tuple[int, int] | None = None
    ) -> None:
        self.document = document
        self.registry = registry
        self.settings = settings
        self.prose = document.prose
        self.base: int = getattr(document, "base", 0)
        self.own = own if own is not None else (0, len(self.prose))
        self.rule_spans: dict[str, Any] = {}  # the spans the YAML rules collect, by kind: once for all of them (yamlrules/matching.py)

    def owns(self, start: int) -> bool:
        """The place at this prose offset is this context's to judge."""
        return self.own[0] <= start < self.own[1] or start == self.own[1] == len(self.prose)

    @cached_attribute
    def _columns(self) -> tuple[list[str], list[int], list[int]]:
        return columns(self.prose)

    @cached_attribute
    def words(self) -> list[Token]:
        return as_tokens(*self._columns)

    @property
    def word_texts(self) -> list[str]:
        """Each token's text (the column `words` is zipped from: do not change it)."""
        return self._columns[0]

    @property
    def word_starts(self) -> list[int]:
        """Each token's start offset, for finding the token at an offset by bisection."""
        return self._columns[1]

    @property
    def word_ends(self) -> list[int]:
        """Each token's end offset."""
        return self._columns[2]

    @cached_attribute
    def _positions(self) -> Callable[[], dict[str, list[int]]]:
        # Shared with the layout, which must not hold the context: a reference cycle would
        # keep every document's analysis alive until the cyclic collector runs.
        return functools.cache(functools.partial(word_positions, self.word_texts))

    @property
    def positions(self) -> dict[str, list[int]]:
        """Each word's token indexes, for questions about a word's other occurrences."""
        return self._positions()

    @cached_attribute
    def distinct(self) -> frozenset[str]:
        """The document's distinct words, numbered in the run, for the run's word memos
        (quotelint/wordmemo.py): they judge only the words no earlier document held."""
        return self.registry.names.run_words.words(self.positions)

    @cached_attribute
    def mentions(self) -> list[Mention]:
        return list(self.registry.names.mentions(self.prose, self.words, self.positions, self.distinct, self._columns))

    @cached_attribute
    def mentioned(self) -> frozenset[str]:
        """Ids of the entities the document names with an accepted spelling."""
        return frozenset(i for m in self.mentions if m.form.accepted for i in m.form.entity_ids)

    @cached_attribute
    def quote_scan(self) -> Any:
        """Quotation marks paired into spans, and the marks that pair with nothing (quotelint.quotes.spans.Scan)."""
        from quotelint.quotes.spans import scan

        return scan(self.prose, self.registry.words.quote_marks)

    @cached_attribute
    def quotes(self) -> list[Any]:
        from quotelint.quotes import find_quotes

        return find_quotes(self)

    @cached_attribute
    def sentences(self) -> Any:
        """The prose's sentence spans (quotelint.sentences.Sentences)."""
        from quotelint.claims.figuredata import figure_data
        from quotelint.sentences import split_sentences

        return split_sentences(self.prose, figure_data().abbreviations)

    @cached_attribute
    def figures(self) -> list[Any]:
        """Numbers, amounts and dates in the prose (quotelint.claims.figures.Figure), in order."""
        from quotelint.claims.figures import find_figures

        return find_figures(self.prose, self.words, self.positions, self.registry.names.memo, self.distinct)

    @cached_attribute
    def layout(self) -> Any:
        """Each word's sentence and clause (quotelint.claims.layout.Layout)."""
        from quotelint.claims.layout import Layout

        return Layout(
            self.prose, self.words, self.figures, self.sentences, self.registry.words, self._positions, self.word_starts,
            self.registry.names.memo, self.distinct,
        )

    @cached_attribute
    def facts(self) -> list[Any]:
        """What each figure states: its measure and subject (quotelint.claims.facts.Fact)."""
        from quotelint.claims.facts import find_facts

        return find_facts(self.layout)

    @cached_attribute
    def topic_counts(self) -> Any:
        """What the document's topic is worked out from, counted over the words this context owns
        (quotelint.claims.subjects.TopicCounts): the sections of a long document add theirs up."""
        from quotelint.claims.subjects import count_topic

        return count_topic(self.layout, self.positions, self.own, self.base)

"""Verdicts on words kept for a run, so that a document's words are judged by set operations.

Most words of one article are the words of the articles before it. A yes-or-no question about a
word that depends on the word and the registry alone (is it an anchor of a registered name, can
it drift without one, does a registered spelling begin with it) is answered once per distinct
word in a run: each document's distinct words are split in C against the verdicts kept, and only
the words no earlier document held are judged in Python. The name index keeps one memo per
question (`NameIndex.memo`).

A run numbers its documents' word sets (`RunWords`): each document's `Words` carry the words no
earlier document held (`fresh`, a few hundred of an article's thousand). A memo asked about every
document of the run in turn has seen all the others, so it compares only those with what it has
seen, and takes its yes verdicts from the few words it said yes to: a dozen questions a document
cost a dozen small set operations, not a dozen passes over every distinct word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


class Words(frozenset):  # type: ignore[type-arg]
    """A document's distinct words, numbered in the run (`number`), with the words no earlier
    document of the run held (`fresh`)."""

    number: int
    fresh: frozenset[str]


class RunWords:
    """Numbers the documents of a run and keeps every word they held, up to `LIMIT` words; past
    it, a document's words are a plain set, and each memo compares all of them."""

    LIMIT = 1_000_000

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.count = 0

    def words(self, distinct: Iterable[str]) -> frozenset[str]:
        if len(self.seen) >= self.LIMIT:
            return frozenset(distinct)
        out = Words(distinct)
        out.fresh = out - self.seen
        out.number = self.count
        self.count += 1
        self.seen |= out.fresh
        return out


class WordMemo:
    """A yes-or-no verdict on words that depends on the word and the registry alone, kept for
    the run: a document's distinct words are split by set operations in C, and only the words
    no earlier document held are judged in Python. Past `LIMIT` words, new verdicts are not kept.
    `load`, when given, reads at once what judging these new words looks up (the rows of the
    registry cache that `judge` asks for one by one)."""

    LIMIT = 1_000_000

    def __init__(self, judge: Callable[[str], bool], load: Callable[[set[str]], object] | None = None) -> None:
        self.judge = judge
        self.load = load
        self.yes: set[str] = set()
        self.seen: set[str] = set()  # every word judged, yes or no: a document's new words are found in one pass
        self.through = -1  # the run's documents up to this number were all asked about, in turn

    def select(self, words: Iterable[str]) -> set[str]:
        """The words judged yes."""
        distinct = words if isinstance(words, (set, frozenset)) else set(words)
        numbered = isinstance(distinct, Words)
        if numbered and distinct.number == self.through:  # asked again about the same document
            return distinct & self.yes
        follows = numbered and distinct.number == self.through + 1
        new = (distinct.fresh if follows else distinct) - self.seen  # type: ignore[attr-defined]
        if not new:
            if follows:
                self.through += 1
            return distinct & self.yes
        if self.load is not None:
            self.load(new)
        fresh = {w for w in new if self.judge(w)}
        if len(self.seen) < self.LIMIT:
            self.yes |= fresh
            self.seen |= new
            if follows:
                self.through += 1
        return (distinct & self.yes) | fresh

    def holds(self, word: str) -> bool:
        """The verdict on one word, for a question asked of a few words at a time."""
        if word in self.yes:
            return True
        if word in self.seen:
            return False
        verdict = self.judge(word)
        if len(self.seen) < self.LIMIT:
            if verdict:
                self.yes.add(word)
            self.seen.add(word)
        return verdict

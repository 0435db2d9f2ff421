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

from collections.abc import Callable, Iterable, Sequence


class Words(frozenset):  # type: ignore[type-arg]
    """A document's distinct words, numbered in the run (`number`), with the words no earlier
    document of the run held (`fresh`)."""

    number: int
    fresh: frozenset[str]
    run: RunWords


class RunWords:
    """Numbers the documents of a run and keeps every word they held, up to `LIMIT` words; past
    it, a document's words are a plain set, and each memo compares all of them. The words new
    to the run in each of the last `KEPT` documents are kept (`brought`)."""

    LIMIT = 1_000_000
    KEPT = 8

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.count = 0
        self.recent: list[frozenset[str]] = []  # the `fresh` words of the last KEPT documents, in order

    def words(self, distinct: Iterable[str]) -> frozenset[str]:
        if len(self.seen) >= self.LIMIT:
            return frozenset(distinct)
        out = Words(distinct)
        out.fresh = out - self.seen
        out.number = self.count
        out.run = self
        self.count += 1
        self.seen |= out.fresh
        self.recent.append(out.fresh)
        del self.recent[: -self.KEPT]
        return out

    def brought(self, start: int, stop: int) -> Sequence[frozenset[str]] | None:
        """The words new to the run in each of its documents numbered `start` up to `stop`, or
        None when those are not all kept."""
        first = self.count - len(self.recent)
        return self.recent[start - first : stop - first] if first <= start <= stop <= self.count else None


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
        self.through = -1  # every word of the run's documents up to this number is in `seen` or `pending`
        self.pending: set[str] = set()  # words of documents the memo was not asked about, not judged yet

    def select(self, words: Iterable[str]) -> set[str]:
        """The words judged yes."""
        distinct = words if isinstance(words, (set, frozenset)) else set(words)
        numbered = isinstance(distinct, Words)
        if numbered and distinct.number == self.through:  # asked again about the same document
            return distinct & self.yes
        missed = self._missed(distinct) if numbered else None
        follows = missed is not None
        if follows:
            for words_brought in missed:
                self.pending |= words_brought - self.seen
            brought = distinct.fresh  # type: ignore[attr-defined]
            if self.pending:  # words of documents it was not asked about, set aside
                brought = brought | (self.pending & distinct)
            new = brought - self.seen
        else:
            new = distinct - self.seen
        if not new:
            if follows:
                self.through = distinct.number  # type: ignore[attr-defined]
            return distinct & self.yes
        if self.load is not None:
            self.load(new)
        fresh = {w for w in new if self.judge(w)}
        if len(self.seen) >= self.LIMIT:
            return (distinct & self.yes) | fresh
        self.yes |= fresh
        self.seen |= new
        if follows:
            self.through = distinct.number  # type: ignore[attr-defined]
            self.pending -= new
        return distinct & self.yes  # holds the words just said yes to

    def _missed(self, distinct: Words) -> Sequence[frozenset[str]] | None:
        """The words new to the run in the documents between the last this memo was asked about
        in turn and this one, when the run keeps them and they are no more than this document's
        words (setting them aside costs no more than comparing these); else None."""
        if distinct.number == self.through + 1:
            return ()
        if distinct.number < self.through:
            return None
        missed = distinct.run.brought(self.through + 1, distinct.number)
        return missed if missed is not None and sum(map(len, missed)) <= len(distinct) else None

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

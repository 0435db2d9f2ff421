"""Verdicts on words kept for a run, so that a document's words are judged by set operations.

Most words of one article are the words of the articles before it. A yes-or-no question about a
word that depends on the word and the registry alone (is it an anchor of a registered name, can
it drift without one, does a registered spelling begin with it) is answered once per distinct
word in a run: each document's distinct words are split in C against the verdicts kept, and only
the words no earlier document held are judged in Python. The name index keeps one memo per
question (`NameIndex.memo`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


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

    def select(self, words: Iterable[str]) -> set[str]:
        """The words judged yes."""
        distinct = words if isinstance(words, (set, frozenset)) else set(words)
        new = distinct - self.seen
        if not new:
            return distinct & self.yes
        if self.load is not None:
            self.load(new)
        fresh = {w for w in new if self.judge(w)}
        if len(self.seen) < self.LIMIT:
            self.yes |= fresh
            self.seen |= new
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

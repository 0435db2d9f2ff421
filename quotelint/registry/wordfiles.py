"""The engine's word files (quotelint/knowledge.py) as a table of the registry cache.

Reading them into sets (some 35,000 entries: first names, nouns for people, places, ...) took a
twentieth of a one-article check, which asks about a hundred of their entries. The cache keeps
every entry as a row of its table `word_files` (key: the file's name and the entry, joined by
SEP; value: the rest of the entry's row, as JSON text), and a run looks up the words it asks
about, one query a word, or a document's words in one query (`WordFile.load`). Past LIMIT words asked of one file, or on a row that does not read,
the file itself is read, as without the cache: the cache's key covers the engine's files, so
the two hold the same entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from quotelint.registry.store import CHUNK, FAILURES, SEP, Store

TABLE = "word_files"
LIMIT = 1000  # words of one file looked up in the cache before the file is read whole
UNSEEN = object()  # what the memo gives for a word not looked up yet


def rows() -> Iterator[tuple[str, str]]:
    """The table's rows: every entry of every file knowledge.py reads, with the rest of its row."""
    from quotelint import knowledge

    for name in knowledge.LOOKED_UP:
        for entry, rest in knowledge.entries(name):
            yield f"{name}{SEP}{entry}", rest


def files(store: Store, names: tuple[str, ...]) -> dict[str, WordFile]:
    """The files the table holds, by name, for enginedata.use_word_files."""
    return {name: WordFile(store, name) for name in names}


class WordFile:
    """One word file as the cache holds it: `in` asks whether a word is an entry, `get` gives the
    rest of its row (None: no entry). Each word is looked up once, and kept."""

    def __init__(self, store: Store, name: str) -> None:
        self.store, self.name = store, name
        self.memo: dict[str, str | None] = {}
        self.from_file = False  # past LIMIT, or after a failure: the file answers

    def get(self, word: str, default: Any = None) -> Any:
        found = self.memo.get(word, UNSEEN)
        if found is UNSEEN:
            found = self._load(word)
        return default if found is None else found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def load(self, words: Iterable[str]) -> None:
        """Look these words up at once, CHUNK a query, and keep them as `_load` keeps each: a
        memo asks about a document's new words together. Words past LIMIT, or a row that does
        not read, are left to `_load`, which looks them up again one by one."""
        wanted = [w for w in dict.fromkeys(words) if w not in self.memo]
        if self.from_file or not wanted or len(self.memo) + len(wanted) > LIMIT:
            return
        keys = [self.name + SEP + w for w in wanted]
        try:
            rows = {k: json.loads(v) for i in range(0, len(keys), CHUNK) for k, v in self.store.many(TABLE, keys[i : i + CHUNK])}
        except FAILURES:
            return
        if not all(isinstance(v, str) for v in rows.values()):
            return
        for word, key in zip(wanted, keys):
            self.memo[word] = rows.get(key)

    def _load(self, word: str) -> str | None:
        if not self.from_file and len(self.memo) < LIMIT:
            try:
                raw = self.store.get(TABLE, self.name + SEP + word)
                found = None if raw is None else json.loads(raw)
                if found is None or isinstance(found, str):
                    self.memo[word] = found
                    return found
            except FAILURES:
                pass
        self.from_file = True
        return self._in_file(word)

    def _in_file(self, word: str) -> str | None:
        """The rest of the word's row as the file gives it (the file read once: knowledge.py)."""
        from quotelint import knowledge

        if self.name == knowledge.GIVEN_NAMES:
            return knowledge.given_names().get(word)
        return "" if word in knowledge.words(self.name) else None

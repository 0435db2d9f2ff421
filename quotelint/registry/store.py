"""The registry cache on disk: one SQLite file of tables, each mapping a text key to a JSON value.

It is read lazily: a run looks up only the rows it needs (the words of its documents, the
quotes they may match), so a cached registry of 100,000 people opens in milliseconds. SQLite
serves as a key-value file and nothing more: the file is opened read-only and immutable, with
`trusted_schema` off, and refused unless its schema is exactly the one written here (no view,
no trigger, no other table). Values are plain JSON, read by quotelint/registry/codec.py.

A row that cannot be read or decoded (a damaged file) is never trusted: `Store.damaged` then
loads the registry from its YAML files once, and every table answers from that from then on.

The file is read through a memory map (`PRAGMA mmap_size`): a run's first queries read pages
SQLite has not cached yet, one read() each, and a document's few hundred words cost about a
millisecond more that way. A mapped file must not be cut short while it is open (SQLite's
warning); a cache file never is: each is written under a new name and renamed into place
(cache.py), and an old one pruned is unlinked, which leaves an open map whole.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from quotelint.registry.codec import BadCache

FORMAT = "quotelint-registry-cache 6"
ORDERED = ("entities", "quotes", "holders")  # rowid tables: read back in the order written
TABLES = (
    "meta", *ORDERED, "by_first", "by_fold", "by_deletion", "owners", "by_word", "preferred",
    "pairs", "by_speaker", "family", "title_roles", "common_words", "proper_names", "word_files",
)  # fmt: skip
SEP = "\x1f"  # joins the parts of a key of several words (never inside a word or an id)
CHUNK = 500  # keys read in one query by `Table.load` (SQLite's oldest builds allow 999 parameters)
MAPPED = 1 << 30  # bytes of a cache file read through a memory map (see above)
FAILURES = (sqlite3.Error, BadCache, ValueError, TypeError, KeyError)  # json errors are ValueErrors


def ddl(name: str) -> str:
    rowid = "" if name in ORDERED else " WITHOUT ROWID"
    return f"CREATE TABLE {name} (k TEXT PRIMARY KEY, v TEXT NOT NULL){rowid}"


def write(path: str, rows: Mapping[str, Iterable[tuple[str, Any]]]) -> None:
    """Write the tables (key, JSON-able value) into a new SQLite file at path."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
        for name in TABLES:
            conn.execute(ddl(name))
            conn.executemany(f"INSERT INTO {name} VALUES (?, ?)", ((k, encode(v)) for k, v in rows.get(name, ())))
        conn.execute("COMMIT")
    finally:
        conn.close()


def file_uri(path: str) -> str:
    """An SQLite URI of the file (sqlite.org/uri.html): `%`, `?` and `#` in its path escaped.
    (pathlib's `as_uri` says the same, but importing pathlib costs more than the cache read.)"""
    if os.name == "nt":
        from pathlib import Path

        return Path(os.path.abspath(path)).as_uri()
    return "file:" + "".join(f"%{ord(c):02X}" if c in "%?#" else c for c in os.path.abspath(path))


class Store:
    """An open cache file. `meta` holds its format and key, checked when it is opened."""

    def __init__(self, path: str, key: str, fallback: Callable[[], Any]) -> None:
        uri = file_uri(path) + "?mode=ro&immutable=1"
        self.conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        self.fallback = fallback  # loads the registry from YAML: used only when the file is damaged
        self.registry: Any = None
        try:
            if hasattr(self.conn, "setconfig"):  # Python 3.12 and later
                self.conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
            self.conn.execute("PRAGMA trusted_schema = OFF")
            self.conn.execute("PRAGMA query_only = ON")
            self.conn.execute(f"PRAGMA mmap_size = {MAPPED}")
            schema = {(t, n, s) for t, n, s in self.conn.execute("SELECT type, name, sql FROM sqlite_master")}
            expected = {("table", n, ddl(n)) for n in TABLES} | {("index", f"sqlite_autoindex_{n}_1", None) for n in ORDERED}
            if schema != expected or self.meta("format") != FORMAT or self.meta("key") != key:
                raise BadCache("not this registry's cache")
        except BaseException:
            self.conn.close()
            raise

    def meta(self, name: str) -> Any:
        raw = self.get("meta", name)
        return None if raw is None else json.loads(raw)

    def get(self, table: str, key: str) -> str | None:
        row = self.conn.execute(f"SELECT v FROM {table} WHERE k = ?", (key,)).fetchone()  # noqa: S608 - a table name of ours
        return None if row is None else str(row[0])

    def many(self, table: str, keys: Sequence[str]) -> list[tuple[str, str]]:
        """The rows of these keys that the table holds, in one query."""
        marks = ",".join("?" * len(keys))
        return [(str(k), str(v)) for k, v in self.conn.execute(f"SELECT k, v FROM {table} WHERE k IN ({marks})", tuple(keys))]  # noqa: S608

    def rows(self, table: str) -> list[tuple[str, str]]:
        return [(str(k), str(v)) for k, v in self.conn.execute(f"SELECT k, v FROM {table} ORDER BY rowid" if table in ORDERED else f"SELECT k, v FROM {table}")]  # noqa: S608

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608

    def damaged(self) -> Any:
        """The registry read from its YAML files, once: what every table answers from after a failure."""
        if self.registry is None:
            self.registry = self.fallback()
        return self.registry


def plain_key(key: Any) -> str | None:
    return key if isinstance(key, str) else None


def joined_key(key: Any) -> str | None:
    """A key of several words, as stored: joined by SEP."""
    return SEP.join(key) if isinstance(key, tuple) and all(isinstance(k, str) for k in key) else None


def split_key(stored: str) -> tuple[str, ...]:
    return tuple(stored.split(SEP))


class Table(Mapping[Any, Any]):
    """One table as a read-only mapping, each value decoded on first use and kept. `key` turns a
    key looked up into the text stored (None: it cannot be in the table), `unkey` back."""

    def __init__(
        self,
        store: Store,
        name: str,
        decode: Callable[[Any], Any],
        backup: Callable[[Any], Mapping[Any, Any]],
        key: Callable[[Any], str | None] = plain_key,
        unkey: Callable[[str], Any] = str,
    ) -> None:
        self.store, self.name, self.decode, self.backup, self.key, self.unkey = store, name, decode, backup, key, unkey
        self.memo: dict[Any, Any] = {}

    def read(self, raw: str) -> Any:
        """A stored value decoded (raises FAILURES when it does not decode)."""
        return self.decode(json.loads(raw))

    def read_all(self, raws: list[str]) -> list[Any]:
        """The values of every row, in order (`items`)."""
        return [self.read(raw) for raw in raws]

    def _fallback(self) -> Mapping[Any, Any]:
        return self.backup(self.store.damaged())

    def _load(self, key: Any) -> Any:
        """The value of a key not looked up before, or None; kept either way."""
        if self.store.registry is not None:
            return self._fallback().get(key)
        stored = self.key(key)
        try:
            raw = None if stored is None else self.store.get(self.name, stored)
            value = None if raw is None else self.read(raw)
        except FAILURES:
            return self._fallback().get(key)
        if stored is not None:
            self.memo[key] = value
        return value

    def load(self, keys: Iterable[Any]) -> None:
        """Read the values of the keys not looked up before, CHUNK keys a query, and keep them as
        `_load` keeps one: a document asks for its distinct words together, and one query for a
        few hundred words costs a fraction of a query for each. A row that does not decode is
        left to `_load`, which finds it again alone."""
        if self.store.registry is not None:
            return
        wanted: dict[str, Any] = {}  # stored key -> the key asked for
        memo = self.memo
        for key in keys:
            if key in memo:  # most keys of a run's later documents: no key to make
                continue
            stored = self.key(key)
            if stored is not None:
                wanted[stored] = key
        names = list(wanted)
        try:
            found = [row for i in range(0, len(names), CHUNK) for row in self.store.many(self.name, names[i : i + CHUNK])]
            values = {stored: self.read(raw) for stored, raw in found}
        except FAILURES:
            return
        for stored, key in wanted.items():
            self.memo[key] = values.get(stored)

    def __getitem__(self, key: Any) -> Any:
        try:
            value = self.memo[key]
        except KeyError:
            value = self._load(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        """As Mapping.get, without raising and catching KeyError for each key that is absent:
        the name indexes are asked for many words that are not there."""
        try:
            value = self.memo[key]
        except KeyError:
            value = self._load(key)
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        try:
            return self.memo[key] is not None
        except KeyError:
            return self._load(key) is not None
        except TypeError:  # a key that cannot be hashed
            return False

    def __iter__(self) -> Iterator[Any]:
        return iter([k for k, _ in self.items()])

    def __len__(self) -> int:
        try:
            return self.store.count(self.name) if self.store.registry is None else len(self._fallback())
        except FAILURES:
            return len(self._fallback())

    def items(self) -> list[tuple[Any, Any]]:  # type: ignore[override]
        """Every entry, read in one pass (in the order written, for an ordered table)."""
        if self.store.registry is None:
            try:
                rows = self.store.rows(self.name)
                return [(self.unkey(k), v) for (k, _), v in zip(rows, self.read_all([v for _, v in rows]))]
            except FAILURES:
                pass
        return list(self._fallback().items())

    def values(self) -> list[Any]:  # type: ignore[override]
        return [v for _, v in self.items()]


class FlagTable(Table):
    """A table whose every value is `true` (a set of words, see Words): a row reads as True
    without the JSON decoder (0.8 µs a row; an article asks for hundreds), any other text as
    the decoder and `decode` read it."""

    def read(self, raw: str) -> Any:
        return True if raw == "true" else self.decode(json.loads(raw))


class Rows(Sequence[Any]):
    """A table's values in the order written: the registry's quotes, read only if asked for."""

    def __init__(self, table: Table, backup: Callable[[Any], Sequence[Any]]) -> None:
        self.table, self.backup = table, backup
        self._values: list[Any] | None = None

    def _list(self) -> Sequence[Any]:
        if self.table.store.registry is not None:
            return self.backup(self.table.store.registry)
        if self._values is None:
            self._values = self.table.values()
        return self._values

    def __getitem__(self, i: Any) -> Any:
        return self._list()[i]

    def __len__(self) -> int:
        return len(self.table)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._list())


class Words:
    """A table of words (each stored with the value `true`) as a read-only set: a word is looked
    up when first asked for. The lexicon's 65,000 common words took a twentieth of a one-article
    check to decode into a set, its 10,000 proper names a sixtieth; the article asks for a few
    hundred of them. Equal and hashed by identity, as each cache file holds one."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __contains__(self, word: object) -> bool:
        return word in self.table

    def load(self, words: Iterable[str]) -> None:
        """Look these words up at once (`Table.load`)."""
        self.table.load(words)

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)

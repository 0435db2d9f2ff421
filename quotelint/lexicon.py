"""The engine's word lists, kept as data: reporting verbs, titles, quote marks, common words.

The defaults ship in `quotelint/data/lexicon.yaml` (and the word files it names). A registry
file may change any list with a `lexicon:` section: `add`, `remove` or `replace`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Collection, Iterable
from typing import Any, NamedTuple

from quotelint.errors import RegistryErrors, UserError
from quotelint.lazyattr import cached_attribute
from quotelint.records import Frozen, freeze, thaw

DATA = os.path.join(os.path.dirname(__file__), "data")
WORD_LISTS = ("reporting_verbs", "titles", "honorifics", "common_words", "proper_names", "name_connectors", "organization_words")
LISTS = (*WORD_LISTS, "quote_marks")
OPERATIONS = ("add", "remove", "replace")


class QuoteMarks(NamedTuple):
    open: str
    close: tuple[str, ...]
    style: str = ""


class Lexicon(Frozen):
    _fields = (
        "reporting_verbs", "titles", "honorifics", "common_words", "proper_names", "quote_marks",
        "name_connectors", "organization_words",
    )
    reporting_verbs: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    common_words: Collection[str]  # lower case; a frozenset, or the registry cache's table (store.Words)
    proper_names: Collection[str]  # a frozenset, or the registry cache's table (store.Words)
    quote_marks: tuple[QuoteMarks, ...]
    name_connectors: frozenset[str]  # lower-case words inside names: of, for, de
    organization_words: frozenset[str]  # words that make a name an organization's
    __repr__ = object.__repr__  # 65,000 common words: not shown

    def __init__(
        self,
        reporting_verbs: frozenset[str],
        titles: frozenset[str],
        honorifics: frozenset[str],
        common_words: Collection[str],
        proper_names: Collection[str],
        quote_marks: tuple[QuoteMarks, ...],
        name_connectors: frozenset[str] = frozenset(),
        organization_words: frozenset[str] = frozenset(),
    ) -> None:
        thaw(self)
        self.reporting_verbs = reporting_verbs
        self.titles = titles
        self.honorifics = honorifics
        self.common_words = common_words
        self.proper_names = proper_names
        self.quote_marks = quote_marks
        self.name_connectors = name_connectors
        self.organization_words = organization_words
        freeze(self)

    def is_common_word(self, word: str) -> bool:
        """An ordinary word or a dictionary name: never taken for a misspelled registry name."""
        return word.lower() in self.common_words or word in self.proper_names

    @cached_attribute
    def title_words(self) -> frozenset[str]:
        """Every single word of every title, lower case, for spotting title phrases."""
        return frozenset(w.lower() for t in self.titles for w in t.replace("-", " ").split())


def _read_words(name: str) -> list[str]:
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


def _marks(items: Iterable[Any]) -> tuple[QuoteMarks, ...]:
    marks = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("open"), str) or "close" not in item:
            raise ValueError("each quote_marks entry needs `open` (a mark) and `close` (a mark or list of marks)")
        close = item["close"]
        close = (close,) if isinstance(close, str) else tuple(str(c) for c in close)
        marks.append(QuoteMarks(item["open"], close, str(item.get("style", ""))))
    return tuple(marks)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    from quotelint import enginedata

    data = enginedata.load("lexicon.yaml")
    common = [w.lower() for w in data["common_words"]]
    for name in data.get("common_words_files", ()):
        common.extend(_read_words(name))
    proper = list(data.get("proper_names", ()))
    for name in data.get("proper_names_files", ()):
        proper.extend(_read_words(name))
    return Lexicon(
        reporting_verbs=frozenset(data["reporting_verbs"]),
        titles=frozenset(data["titles"]),
        honorifics=frozenset(data["honorifics"]),
        common_words=frozenset(common),
        proper_names=frozenset(proper),
        quote_marks=_marks(data["quote_marks"]),
        name_connectors=frozenset(data.get("name_connectors", ())),
        organization_words=frozenset(data.get("organization_words", ())),
    )


def build_lexicon(entries: list[tuple[str, Any]]) -> Lexicon | None:
    """The default lexicon changed by each `lexicon:` section, in file order; None if none."""
    if not entries:
        return None
    errors: list[UserError] = []
    lexicon = default_lexicon()
    for where, section in entries:
        path, _, line = where.rpartition(":")
        lines = getattr(section, "key_lines", {})
        if not isinstance(section, dict):
            errors.append(UserError("lexicon must be a mapping of list names", path=path, line=int(line)))
            continue
        for name, change in section.items():
            at = lines.get(name, int(line))
            try:
                lexicon = _apply(lexicon, name, change)
            except ValueError as exc:
                errors.append(UserError(f"lexicon {name!r}: {exc}", path=path, line=at))
    if errors:
        raise RegistryErrors(errors)
    return lexicon


def _apply(lexicon: Lexicon, name: Any, change: Any) -> Lexicon:
    if name not in LISTS:
        raise ValueError(f"unknown list; known lists: {', '.join(LISTS)}")
    if not isinstance(change, dict) or not change or set(change) - set(OPERATIONS):
        raise ValueError("give a mapping with `add`, `remove` or `replace`")
    if "replace" in change and len(change) > 1:
        raise ValueError("`replace` stands alone")
    if name == "quote_marks":
        current = lexicon.quote_marks
        if "replace" in change:
            current = _marks(change["replace"] or ())
        current += _marks(change.get("add") or ())
        removed = {str(m) for m in change.get("remove") or ()}
        return lexicon.replace(quote_marks=tuple(m for m in current if m.open not in removed))
    values: dict[str, list[str]] = {}
    for op, words in change.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"`{op}` takes a list of words")
        values[op] = [w.lower() for w in words] if name == "common_words" else list(words)
    current = set() if "replace" in values else set(getattr(lexicon, name))
    current |= set(values.get("replace", ())) | set(values.get("add", ()))
    current -= set(values.get("remove", ()))
    return lexicon.replace(**{name: frozenset(current)})

"""The engine's own YAML data (quotelint/data/*.yaml), read so that a word stays a word.

PyYAML follows YAML 1.1, where `on`, `off`, `yes` and `no` in any case are booleans, `2024-01-01`
is a date and `10:30` the number 630: the name connector `on` was read as True and never matched.
The loader here reads plain scalars by YAML 1.2's core schema instead: `true` and `false` are the
only booleans, numbers are written in decimal (`12`, `1.0e6`, as the figures data means them),
and everything else is text. Every list item and every mapping key must then be text, else the
file is refused, so no word can quietly become something else.

A run served from the registry cache parses none of it: the cache keeps the parsed data of
these files (`CACHED`) as JSON, its key covering their bytes, and hands it to `prime` when it
is opened; `load` then gives that data once instead of parsing the file (and PyYAML is never
imported). The data is checked as a parsed file is, so the cache can only hold what YAML gives.
What the engine works out from these files and would otherwise work out again on every run (the
keys of the country names in titles.yaml, `DERIVED`) is kept in the cache beside them, checked
for its shape when the cache is opened, and handed over once by `derived`. The cache's table of
the word files quotelint/knowledge.py reads is handed to it through `word_file` (registry/wordfiles.py).
"""

from __future__ import annotations

import functools
import os
import re
from typing import Any

DATA = os.path.join(os.path.dirname(__file__), "data")
CACHED = ("figures.yaml", "lexicon.yaml", "quotes.yaml", "titles.yaml")  # kept in the registry cache
_primed: dict[str, Any] = {}  # data of CACHED files read from the registry cache, each taken once
_derived: dict[str, Any] = {}  # data of DERIVED read from the registry cache, each taken once
_word_files: dict[str, Any] = {}  # the word files as the registry cache opened last holds them
_TAG = "tag:yaml.org,2002:"
_REPLACED = {_TAG + t for t in ("bool", "int", "float", "timestamp")}
# YAML 1.2 core schema, decimal numbers only; tried in this order.
_CORE = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
)


@functools.lru_cache(maxsize=1)
def _loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers = {first: [(t, p) for t, p in pairs if t not in _REPLACED] for first, pairs in base.yaml_implicit_resolvers.items()}
    loader = type("EngineLoader", (base,), {"yaml_implicit_resolvers": resolvers})
    for tag, pattern, first in _CORE:
        loader.add_implicit_resolver(_TAG + tag, re.compile(pattern), list(first))
    return loader


def prime(data: Any) -> None:
    """Data of the CACHED files as the registry cache read it: `load` gives it without parsing.
    A ValueError (the cache is then not used) for anything that is not such data."""
    if not isinstance(data, dict) or not set(data) <= set(CACHED):
        raise ValueError("not the engine's data")
    for name, value in data.items():
        if not isinstance(value, dict) or not_text(value) is not None:
            raise ValueError(f"not the data of {name}")
    for name, value in data.items():
        _primed.setdefault(name, value)


def pairs_of_words_and_text(value: Any) -> bool:
    """[[[word, ...], text], ...]: the shape of the keys of title_words' countries."""
    if not isinstance(value, list):
        return False
    for row in value:
        if not (isinstance(row, list) and len(row) == 2 and isinstance(row[0], list) and isinstance(row[1], str)):
            return False
        if set(map(type, row[0])) != {str}:  # words, at least one
            return False
    return True


DERIVED = {"title-countries": pairs_of_words_and_text}  # name -> the test of its shape


def prime_derived(data: Any) -> None:
    """Data of DERIVED as the registry cache read it: `derived` gives it without working it out.
    A ValueError (the cache is then not used) for anything that is not such data."""
    if not isinstance(data, dict) or set(data) != set(DERIVED):
        raise ValueError("not the engine's derived data")
    for name, value in data.items():
        if not DERIVED[name](value):
            raise ValueError(f"not the data of {name}")
    for name, value in data.items():
        _derived.setdefault(name, value)


def derived(name: str) -> Any:
    """The data of DERIVED `name` read from the registry cache, once; None: work it out."""
    return _derived.pop(name, None)


def use_word_files(files: dict[str, Any]) -> None:
    """The word files of quotelint/data (knowledge.LOOKED_UP) as an open registry cache holds
    them, by name (registry/wordfiles.py): knowledge.py looks words up there from now on. Any
    cache holds the same entries, those of the engine's own files (its key covers them)."""
    _word_files.clear()
    _word_files.update(files)


def word_file(name: str) -> Any:
    """The word file NAME as the registry cache holds it (a container of its entries, with `get`
    giving the rest of an entry's row), or None: read the file."""
    return _word_files.get(name)


def load(name: str) -> Any:
    """The data of quotelint/data/NAME; a ValueError names the first item or key that is no text."""
    primed = _primed.pop(name, None)
    if primed is not None:
        return primed
    import yaml

    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_loader())  # noqa: S506 - a safe loader
    where = not_text(data)
    if where is not None:
        raise ValueError(f"quotelint/data/{name}: {where} must be text")
    return data


def not_text(data: Any, where: str = "") -> str | None:
    """Where the first list item or mapping key that is no text stands, or None."""
    return None if all_text(data) else first_not_text(data, where)


def all_text(data: Any) -> bool:
    """Every list item and mapping key is text: the test of `not_text`, each list's items and
    each mapping's keys told by the set of their types (in C), for the cache's data read on
    every run (a walk item by item took a fortieth of the registry's opening). False for text of
    a subclass of str, which `first_not_text` then accepts."""
    if type(data) is dict:
        return set(map(type, data)) <= _TEXT and all(all_text(v) for v in data.values() if type(v) in _NESTED)
    if type(data) is list:
        kinds = set(map(type, data))
        return kinds <= _TEXT or (kinds <= _TEXT | _NESTED and all(all_text(v) for v in data if type(v) in _NESTED))
    return True


_TEXT, _NESTED = frozenset({str}), frozenset({dict, list})


def first_not_text(data: Any, where: str = "") -> str | None:
    """Where the first list item or mapping key that is no text stands, or None (item by item)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not isinstance(key, str):
                return f"the key {key!r} in {where or 'the file'}"
            found = first_not_text(value, f"{where}/{key}" if where else key)
            if found is not None:
                return found
    elif isinstance(data, list):
        for k, item in enumerate(data):
            if isinstance(item, (dict, list)):
                found = first_not_text(item, f"{where}[{k}]")
                if found is not None:
                    return found
            elif not isinstance(item, str):
                return f"{where}[{k}] ({item!r})"
    return None

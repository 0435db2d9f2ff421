"""The registry's entries and indexes as plain JSON data, and back, for the registry cache.

Nothing here runs code from the data: values are lists, strings, numbers, booleans and null,
read by `json` and checked for shape; anything else raises `BadCache`, and the cache is rebuilt.
Parsed YAML (the `rules:` and `claims:` sections, read again when the cache is loaded) keeps the
line of every mapping and key, so that it reads exactly as it did from the file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from quotelint.lexicon import Lexicon, QuoteMarks
from quotelint.registry.model import Entity, Quote, Role
from quotelint.registry.yamlload import Mapping

LEXICON_SETS = ("reporting_verbs", "titles", "honorifics", "name_connectors", "organization_words")  # common_words, proper_names: tables of their own


class BadCache(Exception):
    """Data in the cache that is not what quotelint writes there."""


def strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadCache("expected a list of text")
    return tuple(value)


def opt_str(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise BadCache("expected text or null")
    return value


def date(value: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadCache("expected an ISO date") from None


def iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def role_data(r: Role) -> list[Any]:
    return [r.title, list(r.aliases), iso(r.start), iso(r.end)]


def role(data: Any) -> Role:
    try:
        title, aliases, start, end = data
        return Role(str_(title), strs(aliases), date(start), date(end))
    except (TypeError, ValueError):
        raise BadCache("not a role") from None


def entity_data(e: Entity) -> list[Any]:
    roles = [role_data(r) for r in e.roles]
    return [e.id, e.kind, e.name, list(e.aliases), list(e.misspellings), roles, e.parent, e.source, e.where]


def entity(data: Any) -> Entity:
    try:
        id_, kind, name, aliases, misspellings, roles, parent, source, where = data
        return Entity(
            str_(id_), str_(kind), str_(name), strs(aliases), strs(misspellings),
            tuple(role(r) for r in roles), opt_str(parent), opt_str(source), str_(where),
        )  # fmt: skip
    except (TypeError, ValueError):
        raise BadCache("not an entity") from None


def quote_data(q: Quote) -> list[Any]:
    return [q.id, q.speaker, q.text, iso(q.date), q.source, q.where]


def quote(data: Any) -> Quote:
    try:
        id_, speaker, text, when, source, where = data
        return Quote(str_(id_), str_(speaker), str_(text), date(when), opt_str(source), str_(where))
    except (TypeError, ValueError):
        raise BadCache("not a quote") from None


def str_(value: Any) -> str:
    if not isinstance(value, str):
        raise BadCache("expected text")
    return value


def lexicon_data(lexicon: Lexicon) -> dict[str, Any]:
    out: dict[str, Any] = {name: list(getattr(lexicon, name)) for name in LEXICON_SETS}
    out["quote_marks"] = [[m.open, list(m.close), m.style] for m in lexicon.quote_marks]
    return out


def lexicon(data: Any, common_words: Any, proper_names: Any) -> Lexicon:
    """The lexicon kept in the cache's meta table; its common words and proper names are tables
    of the cache of their own."""
    try:
        sets = {name: frozenset(_words(data[name])) for name in LEXICON_SETS}
        marks = tuple(QuoteMarks(str_(o), strs(c), str_(s)) for o, c, s in data["quote_marks"])
    except (KeyError, TypeError, ValueError):
        raise BadCache("not a lexicon") from None
    return Lexicon(common_words=common_words, proper_names=proper_names, quote_marks=marks, **sets)


WORD_TYPES = frozenset({str, bool, int, float, type(None)})


def _words(value: Any) -> list[Any]:
    # A YAML list may hold a boolean or a number where a word was meant (`on`): kept as read.
    # (json gives exactly these types, no subclass; the test is over the set of types, in C.)
    if not isinstance(value, list) or not set(map(type, value)) <= WORD_TYPES:
        raise BadCache("expected a list of words")
    return value


def yaml_data(value: Any) -> Any:
    """Parsed YAML as JSON data: a mapping becomes {"m": [line, [[key, key line, value], ...]]}."""
    if isinstance(value, Mapping):
        return {"m": [value.line, [[k, value.line_of(k), yaml_data(v)] for k, v in value.items()]]}
    if isinstance(value, list):
        return [yaml_data(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a YAML value of type {type(value).__name__}")


def yaml_value(data: Any) -> Any:
    if isinstance(data, dict):
        try:
            if list(data) != ["m"]:
                raise ValueError
            line, items = data["m"]
            mapping = Mapping(int(line))
            for key, key_line, value in items:
                mapping[key] = yaml_value(value)
                mapping.key_lines[key] = int(key_line)
        except (TypeError, ValueError):
            raise BadCache("not a YAML mapping") from None
        return mapping
    if isinstance(data, list):
        return [yaml_value(v) for v in data]
    return data


def forms_data(forms: Any) -> list[Any]:
    return [[list(f.entity_ids), f.text, list(f.words), f.accepted] for f in forms]


def forms(data: Any) -> tuple[Any, ...]:
    from quotelint.names import Form

    try:
        return tuple(Form(strs(ids), str_(text), strs(words), flag(accepted)) for ids, text, words, accepted in data)
    except (TypeError, ValueError):
        raise BadCache("not a list of names") from None


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadCache("expected true or false")
    return value


def number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadCache("expected a whole number")
    return value


def checked_patterns(data: Any) -> dict[str, list[tuple[str, int, str | None, bool]]]:
    """Rule id -> the (pattern, flags, needed text, in words only) of each of its patterns
    (yamlrules.matching.Checked)."""
    if not isinstance(data, dict):
        raise BadCache("expected the rules' patterns")
    out = {}
    for rule_id, items in data.items():
        if not isinstance(items, list) or not all(isinstance(p, list) and len(p) == 4 for p in items):
            raise BadCache("expected a pattern, its flags, its needed text and where it matches")
        out[rule_id] = [(str_(pattern), number(flags), None if needed is None else str_(needed), flag(words)) for pattern, flags, needed, words in items]
    return out


def text_set(data: Any) -> frozenset[str]:
    return frozenset(strs(data))


def cue_words(data: Any) -> dict[str, frozenset[str] | None]:
    """The words each cue needs ({cue: [word, ...] or null}, claims/cuewords.py)."""
    if not isinstance(data, dict):
        raise BadCache("not the words of cues")
    return {cue: None if words is None else text_set(words) for cue, words in data.items()}


def role_words_data(w: Any) -> list[Any]:
    return [sorted(w.words), sorted(w.entities), sorted(w.countries), [sorted(h) for h in w.heads]]


def role_words(data: Any) -> Any:
    from quotelint.checks.title_words import RoleWords

    try:
        words, entities, countries, heads = data
        return RoleWords(text_set(words), text_set(entities), text_set(countries), tuple(text_set(h) for h in heads))
    except (TypeError, ValueError):
        raise BadCache("not the words of a role") from None

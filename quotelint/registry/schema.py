"""Turn parsed registry YAML into entries, reporting every problem with its file and line.

Each section has a table of its keys: whether a key is required and how its value is read.
Checks that need all files at once (duplicate ids, dangling references, a misspelling that is
somebody's accepted spelling) run in `load.py` after every file has been read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from quotelint.errors import UserError, close_matches
from quotelint.registry.model import Claim, Entity, Quote, Role
from quotelint.registry.yamlload import Mapping


class Problems:
    """Collects problems so that one run reports all of them."""

    def __init__(self) -> None:
        self.errors: list[UserError] = []

    def add(self, path: str, line: int | None, message: str) -> None:
        self.errors.append(UserError(message, path=path, line=line))


class Invalid(Exception):
    """A value that does not fit its key; caught per key and reported."""


def text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Invalid("must be text")
    value = str(value).strip()
    if not value:
        raise Invalid("must not be empty")
    return value


def texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return (text(value),)
    if not isinstance(value, list):
        raise Invalid("must be a list of text")
    return tuple(text(v) for v in value)


def date(value: Any) -> dt.date:
    if isinstance(value, int) and 1000 <= value <= 9999:  # a bare year
        return dt.date(value, 1, 1)
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise Invalid(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid("must be a number")
    return float(value)


def tolerance(value: Any) -> float:
    value = number(value)
    if value < 0:
        raise Invalid("must not be negative")
    return value


def when(value: Any) -> str:
    """A claim's `when`: `current` (the default) or `previous`, the value before a change."""
    value = text(value)
    if value not in ("current", "previous"):
        raise Invalid(f"{value!r} is not current or previous")
    return value


def ident(value: Any) -> str:
    value = text(value)
    if any(c.isspace() for c in value):
        raise Invalid(f"id {value!r} must not contain spaces")
    return value


Reader = Callable[[Any], Any]
Spec = dict[str, tuple[bool, Reader]]  # key -> (required, reader)

NAMED: Spec = {
    "id": (True, ident),
    "name": (True, text),
    "aliases": (False, texts),
    "misspellings": (False, texts),
    "source": (False, text),
    "notes": (False, text),
}
ROLE: Spec = {
    "title": (True, text),
    "aliases": (False, texts),
    "from": (False, date),
    "to": (False, date),
    "source": (False, text),
    "notes": (False, text),
}
PERSON: Spec = {**NAMED, "roles": (False, lambda v: v)}
ORGANIZATION: Spec = {**NAMED, "parent": (False, ident)}
TERM: Spec = NAMED
QUOTE: Spec = {
    "id": (True, ident),
    "speaker": (True, ident),
    "text": (True, text),
    "date": (True, date),
    "source": (True, text),
    "notes": (False, text),
}
CLAIM: Spec = {
    "id": (True, ident),
    "about": (True, text),
    "cue": (True, text),
    "value": (True, lambda v: v),
    "unit": (False, text),
    "tolerance": (False, tolerance),
    "context": (False, texts),
    "source": (True, text),
    "when": (False, when),
    "notes": (False, text),
}


def read_entry(item: Any, spec: Spec, what: str, path: str, line: int, problems: Problems) -> dict[str, Any] | None:
    """Check one entry against its spec; return its values, or None when it cannot be used."""
    if not isinstance(item, Mapping):
        problems.add(path, line, f"each {what} must be a mapping")
        return None
    values: dict[str, Any] = {}
    ok = True
    for key in item:
        if key not in spec:
            hint = close_matches(str(key), spec)
            more = f" (did you mean {hint[0]!r}?)" if hint else f"; known keys: {', '.join(spec)}"
            problems.add(path, item.line_of(key), f"unknown key {key!r} in {what}{more}")
            ok = False
    for key, (required, reader) in spec.items():
        if key not in item or item[key] is None:
            if required:
                name = f" {item['id']!r}" if isinstance(item.get("id"), str) else ""
                problems.add(path, item.line, f"{what}{name} lacks required key {key!r}")
                ok = False
            continue
        try:
            values[key] = reader(item[key])
        except Invalid as exc:
            problems.add(path, item.line_of(key), f"{what} key {key!r}: {exc}")
            ok = False
    values["_line"] = item.line
    return values if ok else None


def where(path: str, line: int) -> str:
    return f"{path}:{line}"


def entity(kind: str, spec: Spec) -> Callable[[Any, str, int, Problems], Entity | None]:
    def read(item: Any, path: str, line: int, problems: Problems) -> Entity | None:
        values = read_entry(item, spec, kind, path, line, problems)
        if values is None:
            return None
        roles = tuple(read_roles(item.get("roles"), path, item.line_of("roles"), problems))
        return Entity(
            id=values["id"],
            kind=kind,
            name=values["name"],
            aliases=values.get("aliases", ()),
            misspellings=values.get("misspellings", ()),
            roles=roles,
            parent=values.get("parent"),
            source=values.get("source"),
            where=where(path, values["_line"]),
        )

    return read


def read_roles(raw: Any, path: str, line: int, problems: Problems) -> list[Role]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.add(path, line, "roles must be a list")
        return []
    roles = []
    for item in raw:
        values = read_entry(item, ROLE, "role", path, line, problems)
        if values is None:
            continue
        start, end = values.get("from"), values.get("to")
        if start and end and end < start:
            problems.add(path, values["_line"], f"role {values['title']!r} ends ({end}) before it starts ({start})")
        roles.append(Role(values["title"], values.get("aliases", ()), start, end))
    return roles


def quote(item: Any, path: str, line: int, problems: Problems) -> Quote | None:
    values = read_entry(item, QUOTE, "quote", path, line, problems)
    if values is None:
        return None
    return Quote(values["id"], values["speaker"], values["text"], values["date"], values["source"], where(path, values["_line"]))


def claim(item: Any, path: str, line: int, problems: Problems, checked_cue: bool = False) -> Claim | None:
    """A claim entry; `checked_cue`: its cue was checked when the registry cache was written
    (the cache's key covers the entry and the engine), so it is compiled on first use instead."""
    values = read_entry(item, CLAIM, "claim", path, line, problems)
    if values is None:
        return None
    from quotelint.claims import claim_value
    from quotelint.claims.cues import compile_cue, lazy_cue

    checks = (
        ("cue", lambda: (lazy_cue if checked_cue else compile_cue)(values["cue"])),
        ("value", lambda: claim_value(values.get("unit"), values["value"])),
    )
    checked = {}
    for key, check in checks:
        try:
            checked[key] = check()
        except ValueError as exc:
            problems.add(path, item.line_of(key), f"claim {values['id']!r} key {key!r}: {exc}")
    if len(checked) < len(checks):
        return None
    return Claim(
        id=values["id"],
        about=values["about"],
        cue=values["cue"],
        value=checked["value"],
        when=values.get("when", "current"),
        pattern=checked["cue"],
        unit=values.get("unit"),
        tolerance=values.get("tolerance", 0.0),
        context=values.get("context", ()),
        source=values["source"],
        where=where(path, values["_line"]),
    )


SECTIONS: dict[str, Callable[[Any, str, int, Problems], Any]] = {
    "people": entity("person", PERSON),
    "organizations": entity("organization", ORGANIZATION),
    "terms": entity("term", TERM),
    "quotes": quote,
    "claims": claim,
}

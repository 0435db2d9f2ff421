"""The registry's entries, frozen once loaded."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from quotelint.records import Frozen, freeze, thaw


class Role(NamedTuple):
    title: str
    aliases: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)

    def held_on(self, when: dt.date | None) -> bool:
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


class Entity(NamedTuple):
    """A person, organization or term with its accepted and known-wrong spellings."""

    id: str
    kind: str  # person | organization | term
    name: str
    aliases: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    parent: str | None = None
    source: str | None = None
    where: str = ""  # file:line of the entry

    @property
    def forms(self) -> tuple[str, ...]:
        """Accepted spellings, the preferred (canonical) one first."""
        return (self.name, *self.aliases)


class Quote(NamedTuple):
    id: str
    speaker: str
    text: str
    date: dt.date | None
    source: str | None
    where: str = ""


class Claim(Frozen):
    __slots__ = _fields = ("id", "about", "cue", "value", "unit", "tolerance", "context", "source", "where", "extra", "when", "pattern")
    id: str
    about: str
    cue: str
    value: Any
    unit: str | None
    tolerance: float
    context: tuple[str, ...]
    source: str | None
    where: str
    extra: tuple[tuple[str, Any], ...]  # keys added by later schema versions
    when: str  # current | previous: the value before a change (`from 7% to 5%`)
    pattern: Any  # `cue` compiled at load
    _compared = _shown = _fields[:-1]  # not the pattern

    def __init__(
        self,
        id: str,
        about: str,
        cue: str,
        value: Any,
        unit: str | None = None,
        tolerance: float = 0.0,
        context: tuple[str, ...] = (),
        source: str | None = None,
        where: str = "",
        extra: tuple[tuple[str, Any], ...] = (),
        when: str = "current",
        pattern: Any = None,
    ) -> None:
        thaw(self)
        self.id = id
        self.about = about
        self.cue = cue
        self.value = value
        self.unit = unit
        self.tolerance = tolerance
        self.context = context
        self.source = source
        self.where = where
        self.extra = extra
        self.when = when
        self.pattern = pattern
        freeze(self)

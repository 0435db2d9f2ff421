"""Records written as plain classes: what a dataclass gives them, without `dataclasses`.

The classes a check run builds (Finding, Quotation, Document, ...) were dataclasses. Python 3.11
compiles each method a dataclass generates when its module is imported, and `dataclasses`
imports `inspect` (with `ast`, `dis`, `tokenize`): about 16 ms of a 120 ms check. A record
writes its `__init__` by hand (the signature mypy and readers see) and names its fields once
in `_fields`, in the constructor's order; this base gives it, from those names, what the
dataclass generated:

- `__eq__` (the same class and equal `_compared` fields, all fields unless the class says)
  and, for a mutable record, no hash, as `@dataclass` (eq=True) gives;
- `__repr__` of the `_shown` fields (all unless the class says): `Finding(path='a.txt', ...)`;
- `replace(**changes)`: a copy with some fields changed, as `dataclasses.replace` made;
- pickling (`--jobs N` and dask send findings, documents and registries to other processes)
  and copying, by the constructor: the fields' values, and the instance's other attributes
  (what a `cached_attribute` kept) of a record without `__slots__`.

`Value` records take a named tuple's place where nothing uses them as a tuple: made once by
their constructor (which sets their slots as any class's does) and never changed, they are
compared and hashed by their fields, as the named tuple was, and shown with them.

`Frozen` records add what `frozen=True` gave: assigning or deleting an attribute raises
`FrozenError`, an AttributeError (as `dataclasses.FrozenInstanceError` is), and equal records
hash alike. Their constructors set the fields with `setfields(self, locals())`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from operator import attrgetter
from types import MemberDescriptorType
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")

setfield = object.__setattr__  # what sets a field of a frozen record


def setfields(record: Record, given: dict[str, Any]) -> None:
    """Set a frozen record's fields from its constructor's arguments (`locals()`), by name,
    each through its class's setter (`_setters`)."""
    for put, name in zip(record._setters, record._fields):
        put(record, given[name])


def _setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    """What sets the field `name` of a record of this class, past a frozen record's
    `__setattr__`: the slot's own setter, which spares a look-up of the name and a second tuple
    of arguments a field (a finding costs a tenth less to make), or `object.__setattr__` for a
    field kept in the instance dictionary."""
    found = next((klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__), None)
    if isinstance(found, MemberDescriptorType):
        return found.__set__  # type: ignore[no-any-return]
    return functools.partial(_set_named, name)


def _set_named(name: str, record: Any, value: Any) -> None:
    setfield(record, name, value)


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """What gives an instance's values of these attributes as a tuple, in C (`attrgetter` gives
    one attribute's value bare)."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda obj: tuple(getattr(obj, name) for name in names)


class FrozenError(AttributeError):
    """An attribute of a frozen record assigned or deleted."""


class Record:
    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()  # the constructor's parameters, in order
    _compared: ClassVar[tuple[str, ...]] = ()  # the fields `==` compares: `_fields` unless set
    _shown: ClassVar[tuple[str, ...]] = ()  # the fields repr shows: `_fields` unless set
    _values: Callable[[Any], tuple[Any, ...]]  # an instance's field values (set on the class)
    _key: Callable[[Any], tuple[Any, ...]]  # an instance's compared values (set on the class)
    _setters: tuple[Callable[[Any, Any], None], ...]  # what sets each field (set on the class, `setfields`)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("_compared", "_shown"):
            if name not in cls.__dict__:
                setattr(cls, name, cls._fields)
        cls._values, cls._key = staticmethod(_getter(cls._fields)), staticmethod(_getter(cls._compared))  # a lambda would bind
        cls._setters = tuple(_setter(cls, name) for name in cls._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(self._key(self) == self._key(other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable and compared by value: no hash

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__qualname__}({shown})"

    def replace(self: R, **changes: Any) -> R:
        """A copy with the fields named changed (an unknown name is a TypeError)."""
        return type(self)(**{**dict(zip(self._fields, self._values(self))), **changes})

    def __reduce__(self) -> tuple[Any, ...]:
        kept = {k: v for k, v in getattr(self, "__dict__", {}).items() if k not in self._fields}
        return (type(self), self._values(self), kept or None)


class Frozen(Record):
    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._key(self))


class Value(Record):
    """A record never changed once made, in a named tuple's place: compared and hashed by its
    fields (a field that cannot be hashed, a list, makes it unhashable as it made the tuple)."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._key(self))

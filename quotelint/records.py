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
hash alike. Their constructors assign the fields as any class's does, between `thaw(self)` and
`freeze(self)`: for that while the record is of its class's open twin (`_open`, a subclass with
the same slots and the plain `__setattr__`), where an assignment is one specialised store. A
finding or a quotation, with a dozen fields or more, is made that way at a third of what setting
each field through its slot's setter cost (a call with a tuple of arguments a field, and
`locals()` to read them from).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")


def thaw(record: Frozen) -> None:
    """Let a frozen record's constructor assign its fields, until `freeze`: the record is of its
    class's open twin meanwhile."""
    object.__setattr__(record, "__class__", record._open)


def freeze(record: Frozen) -> None:
    """The record back in its own class, where assigning raises FrozenError."""
    record.__class__ = record._sealed


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

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("_compared", "_shown"):
            if name not in cls.__dict__:
                setattr(cls, name, cls._fields)
        cls._values, cls._key = staticmethod(_getter(cls._fields)), staticmethod(_getter(cls._compared))  # a lambda would bind

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
    _open: ClassVar[type]  # the record's class with the plain `__setattr__`, while its constructor runs (`thaw`)
    _sealed: ClassVar[type]  # the record's own class (`freeze`)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "_sealed" in cls.__dict__:
            return  # an open twin: what its record's class has serves it
        super().__init_subclass__(**kwargs)
        cls._sealed = cls
        # No slot of its own and no instance dictionary it did not have: a record can move
        # between the two classes by assigning `__class__`.
        cls._open = type(cls.__name__, (cls,), {
            "__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__, "_sealed": cls,
            "__module__": cls.__module__, "__qualname__": f"{cls.__qualname__}._open",
        })

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

"""An attribute worked out when first read, then kept on the instance like any other.

`functools.cached_property` keeps its value by writing into the instance's `__dict__`. On
Python 3.11 that turns the instance's attributes from the compact values the interpreter reads
by a fixed index into an ordinary dictionary, and from then on every read of *any* attribute of
that instance (`self.prose` in a loop over words) takes the generic lookup. `cached_attribute`
keeps its value with `object.__setattr__` instead, which leaves the compact values in place, and
takes no lock (the `cached_property` of Python 3.11 takes one on each first read).

The kept attribute itself is still read through the generic lookup, as its class holds the
descriptor of that name. A value that every instance needs and that a hot loop reads through
`self` is better set in `__init__` (the cast and its name reader do so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class cached_attribute(Generic[T]):  # noqa: N801 (named like the decorator it replaces)
    """A method of no arguments read as an attribute: called on the first read, its value then
    stands on the instance under the same name (a non-data descriptor: the instance's value wins)."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_attribute[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> cached_attribute[T] | T:
        if instance is None:
            return self
        value = self.func(instance)
        object.__setattr__(instance, self.name, value)  # past a frozen record's __setattr__, as cached_property went
        return value

"""Attributes worked out on first read (quotelint/lazyattr.py): worked out once, kept as the
instance's own attribute, also on a frozen record; and the classes whose attributes the hot
loops read use them, not `functools.cached_property` (whose write into `__dict__` turns every
attribute read of the instance into the generic lookup on Python 3.11)."""

from __future__ import annotations

import functools

import pytest

from quotelint.claims.layout import Layout
from quotelint.claims.wordsets import WordPlaces
from quotelint.context import Context
from quotelint.lazyattr import cached_attribute
from quotelint.lexicon import Lexicon
from quotelint.quotes.frames import Frame
from quotelint.records import Frozen, freeze, thaw
from quotelint.registry import Registry
from quotelint.registry.indexed import Claims, Indexes


class Counted:
    def __init__(self) -> None:
        self.calls = 0

    @cached_attribute
    def answer(self) -> int:
        """Forty-two, counted."""
        self.calls += 1
        return 42


class Pinned(Frozen):
    _fields = ("base",)

    def __init__(self, base: int) -> None:
        thaw(self)
        self.base = base
        freeze(self)

    @cached_attribute
    def double(self) -> int:
        return 2 * self.base


def test_worked_out_once_then_an_ordinary_attribute() -> None:
    thing = Counted()
    assert thing.calls == 0  # nothing worked out before the first read
    assert (thing.answer, thing.answer, thing.calls) == (42, 42, 1)
    assert vars(thing)["answer"] == 42
    other = Counted()
    assert (other.answer, other.calls) == (42, 1)  # each instance works out its own


def test_the_class_shows_the_descriptor_and_its_doc() -> None:
    assert isinstance(Counted.answer, cached_attribute)
    assert Counted.answer.__doc__ == "Forty-two, counted."


def test_kept_on_a_frozen_record_which_stays_frozen() -> None:
    pinned = Pinned(4)
    assert (pinned.double, pinned.double) == (8, 8)
    with pytest.raises(AttributeError):
        pinned.base = 5


@pytest.mark.parametrize("cls", [Context, Layout, WordPlaces, Registry, Claims, Indexes, Lexicon, Frame])
def test_hot_classes_keep_no_cached_property(cls: type) -> None:
    kept = [name for klass in cls.__mro__ for name, value in vars(klass).items() if isinstance(value, functools.cached_property)]
    assert kept == []

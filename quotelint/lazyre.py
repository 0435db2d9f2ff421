"""Patterns compiled on first use, so that importing a module compiles none of its patterns.

`regex` parses a pattern in Python (about half a millisecond each, a hundred patterns in all):
a module writes `NAME = lazy(r"...", flags)` where it would write `regex.compile(...)`, and a run
compiles only the patterns it uses (`quotelint --help` none). The first use of an attribute
(`search`, `finditer`, `pattern`, ...) compiles the pattern and keeps that attribute of the
compiled pattern on the instance, so later uses cost what they cost on the pattern itself.
"""

from __future__ import annotations

import importlib
from typing import Any


class Lazy:
    """A pattern and its flags, compiled by `module.compile` when first used."""

    def __init__(self, module: str, pattern: str, flags: int = 0) -> None:
        self._source = (module, pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only for an attribute not yet on the instance
        if name.startswith("__") or name in ("_source", "_compiled"):  # copy and pickle ask for these
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            module, pattern, flags = self._source
            compiled = self.__dict__["_compiled"] = importlib.import_module(module).compile(pattern, flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (Lazy, self._source)

    def __repr__(self) -> str:
        return f"lazy({self._source[1]!r})"


class Checked(Lazy):
    """A pattern compiled and checked before (its `pattern` and the compiled pattern's `flags`,
    as a cache keeps them): those two are known without compiling it again."""

    def __init__(self, module: str, pattern: str, flags: int = 0) -> None:
        super().__init__(module, pattern, flags)
        self.pattern, self.flags = pattern, flags

    def __reduce__(self) -> tuple[Any, ...]:
        return (Checked, self._source)


def lazy(pattern: str, flags: int = 0) -> Any:
    """`regex.compile(pattern, flags)`, done when the pattern is first used."""
    return Lazy("regex", pattern, int(flags))


def ready(pattern: Any) -> bool:
    """The pattern is compiled: a lazy one was used before in this run. A plain test that only
    spares compiling a pattern no document needed yet is no saving then, and costs more than
    the search it stands before."""
    return not isinstance(pattern, Lazy) or "_compiled" in pattern.__dict__

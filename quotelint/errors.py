"""Errors a user can cause. Each becomes a short message and exit code 2, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Iterable


class UserError(Exception):
    """A usage, settings, registry or input problem, explained in one or a few lines."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        super().__init__(message)

    def __str__(self) -> str:
        message = super().__str__()
        if self.path is None:
            return message
        from quotelint.visible import visible

        path = visible(self.path)  # a file name may hold a line break or an escape sequence
        where = path if self.line is None else f"{path}:{self.line}"
        return f"{where}: {message}"


class RegistryErrors(UserError):
    """Several registry problems found in one pass, each with file and line."""

    def __init__(self, errors: list[UserError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class RuleTimeout(UserError):
    """A rule's pattern that ran out of time on one document, named by the rule's file and line.
    A run skips that rule for that document, reports it and goes on."""

    def __init__(self, rule: str, pattern: str, seconds: float, *, path: str | None = None, line: int | None = None) -> None:
        self.rule = rule
        self.pattern = pattern
        self.seconds = seconds
        super().__init__(f"rule {rule!r}: pattern '{pattern}' took longer than {seconds:g} s; simplify it", path=path, line=line)

    def skipped(self) -> str:
        """What to say at the document where the rule was skipped."""
        where = "" if self.path is None else f" ({self.path}:{self.line})" if self.line else f" ({self.path})"
        return f"rule {self.rule!r}{where} skipped for this file: its pattern '{self.pattern}' took longer than {self.seconds:g} s here; simplify it"


def warn(message: object) -> None:
    """Print a message on standard error, each of its lines after `quotelint: `, so that no
    line of it can pass for anything else (a workflow command in a CI log starts with `::`)."""
    for line in str(message).splitlines() or [""]:
        print(f"quotelint: {line}", file=sys.stderr)


def close_matches(word: str, choices: Iterable[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """difflib.get_close_matches, for the "did you mean" of a message: difflib is imported only
    when a message needs one."""
    import difflib

    return difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)

"""Errors a user can cause. Each becomes a short message and exit code 2, never a traceback."""

from __future__ import annotations


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
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {message}"


class RegistryErrors(UserError):
    """Several registry problems found in one pass, each with file and line."""

    def __init__(self, errors: list[UserError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

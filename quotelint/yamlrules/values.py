"""Readers of single values in a rule entry; each raises `Invalid` with what is wrong."""

from __future__ import annotations

import string
from typing import Any

from quotelint.finding import Severity
from quotelint.registry.yamlload import Mapping

LEVELS = {"suggestion": "info"}  # Vale's level names


class Invalid(ValueError):
    """One key's value is wrong; reported at that key's line."""


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid("must be true or false")
    return value


def text(value: Any) -> str:
    if isinstance(value, bool):
        raise Invalid(f"holds {str(value).lower()}, not text: YAML reads unquoted on, off, yes and no as true or false, so quote them")
    if not isinstance(value, (str, int, float)) or not str(value).strip():
        raise Invalid("must be non-empty text")
    return str(value)


def texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return (text(value),)
    if not isinstance(value, list) or not value:
        raise Invalid("must be a non-empty list of text")
    return tuple(text(v) for v in value)


def choice(value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise Invalid(f"must be one of {', '.join(allowed)}")
    return str(value)


def severity_of(value: Any) -> Severity:
    try:
        return Severity.parse(LEVELS.get(str(value), str(value)))
    except ValueError as exc:
        raise Invalid(str(exc)) from None


def template(value: Any, allowed: set[str]) -> str:
    message = text(value)
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(message) if name is not None]
    except ValueError as exc:
        raise Invalid(f"is not a valid message: {exc} (write a brace as '{{{{' or '}}}}')") from None
    for name, spec, conv in fields:
        if name not in allowed or spec or conv:
            raise Invalid(f"has the unknown placeholder '{{{name}}}'; use {', '.join('{' + a + '}' for a in sorted(allowed))}")
    return message


def read_examples(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise Invalid("must be a mapping with `fail` and `pass` lists")
    unknown = set(value) - {"fail", "pass"}
    if unknown:
        raise Invalid(f"takes `fail` and `pass`, not {', '.join(map(repr, sorted(unknown)))}")
    return {k: texts(v) for k, v in value.items() if v is not None}

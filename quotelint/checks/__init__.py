"""The built-in rules. Each module holds one rule: its `RULE` record and its `check` generator.

The list is explicit (no registration at import time), so the set of rules never depends on
which modules happened to be imported first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quotelint.finding import Hit, Severity

if TYPE_CHECKING:
    from quotelint.context import Context


@dataclass(frozen=True)
class Rule:
    id: str  # QL201, or namespace/name for rules written in YAML
    name: str  # kebab-case
    category: str
    severity: Severity
    summary: str  # one line
    check: Callable[[Context], Iterator[Hit]] = field(repr=False, compare=False)
    doc: str = ""  # what it does, why it matters, options
    fail: tuple[str, ...] = ()  # examples that must give this rule's finding
    passing: tuple[str, ...] = ()  # examples that must give none
    fixable: bool = False

    def selected_by(self, selector: str) -> bool:
        s = selector.strip()
        return (
            s.upper() == "ALL"
            or s == self.id
            or s == self.name
            or s == self.category
            or (s[:2].upper() == "QL" and self.id.startswith(s.upper()))
            or ("/" in self.id and self.id.startswith(s.rstrip("/") + "/"))
        )


def builtin_rules() -> tuple[Rule, ...]:
    from quotelint.checks import inconsistent_spelling, spelling_drift

    rules = [spelling_drift.RULE, inconsistent_spelling.RULE]
    for extra in _optional_modules():
        rules.append(extra.RULE)
    return tuple(sorted(rules, key=lambda r: r.id))


def _optional_modules() -> list:  # type: ignore[type-arg]
    """Rule modules that other parts of the project add; listed here by name."""
    import importlib

    names = (
        "misattribution",
        "altered_quote",
        "unverified_quote",
        "wrong_title",
        "quote_marks",
        "claim_mismatch",
        "claim_conflict",
    )
    found = []
    for name in names:
        try:
            found.append(importlib.import_module(f"quotelint.checks.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"quotelint.checks.{name}":
                raise
    return found

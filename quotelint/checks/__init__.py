"""The built-in rules. Each module holds one rule: its `RULE` record and its `check` generator.

The list is explicit (no registration at import time), so the set of rules never depends on
which modules happened to be imported first.
"""

from __future__ import annotations

import functools

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from quotelint.finding import Hit, Severity
from quotelint.records import Frozen, freeze, thaw

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.registry import Registry


class Rule(Frozen):
    _fields = (
        "id", "name", "category", "severity", "summary", "check", "doc", "fail", "passing", "fixable",
        "merge_repeats", "gather", "judge",
    )
    id: str  # QL201, or namespace/name for rules written in YAML
    name: str  # kebab-case
    category: str
    severity: Severity
    summary: str  # one line
    check: Callable[[Context], Iterator[Hit]]
    doc: str  # what it does, why it matters, options
    fail: tuple[str, ...]  # examples that must give this rule's finding
    passing: tuple[str, ...]  # examples that must give none
    fixable: bool
    merge_repeats: bool  # one finding for the same mistake repeated in a document (quotelint/repeats.py)
    # A rule that compares places anywhere in a document: what one section's own part holds
    # (offsets in the document's prose), and the hits of the document from every section's.
    # Its `check` gives the hits `judge([gather(ctx)], ctx.document, ctx.registry)` gives (quotelint/sections.py).
    gather: Callable[[Context], Any] | None
    judge: Callable[[Sequence[Any], Any, Registry], Iterator[Hit]] | None
    _compared = _shown = tuple(f for f in _fields if f not in ("check", "gather", "judge"))  # not the functions

    def __init__(
        self,
        id: str,
        name: str,
        category: str,
        severity: Severity,
        summary: str,
        check: Callable[[Context], Iterator[Hit]],
        doc: str = "",
        fail: tuple[str, ...] = (),
        passing: tuple[str, ...] = (),
        fixable: bool = False,
        merge_repeats: bool = False,
        gather: Callable[[Context], Any] | None = None,
        judge: Callable[[Sequence[Any], Any, Registry], Iterator[Hit]] | None = None,
    ) -> None:
        thaw(self)
        self.id = id
        self.name = name
        self.category = category
        self.severity = severity
        self.summary = summary
        self.check = check
        self.doc = doc
        self.fail = fail
        self.passing = passing
        self.fixable = fixable
        self.merge_repeats = merge_repeats
        self.gather = gather
        self.judge = judge
        freeze(self)

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


def possessive(name: str) -> str:
    """A name's possessive for a message: `Tokayev's`, `ODIHR's`, but `Human Rights'`."""
    return name + ("'" if name.endswith("s") else "'s")


@functools.lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    """Every built-in rule, in id order."""
    from quotelint.checks import (
        altered_quote,
        claim_conflict,
        claim_mismatch,
        inconsistent_spelling,
        misattribution,
        quote_marks,
        spelling_drift,
        unverified_quote,
        wrong_title,
    )

    modules = (
        misattribution,
        altered_quote,
        unverified_quote,
        quote_marks,
        spelling_drift,
        inconsistent_spelling,
        wrong_title,
        claim_mismatch,
        claim_conflict,
    )
    return tuple(sorted((m.RULE for m in modules), key=lambda r: r.id))


def all_rules(registry: Registry) -> tuple[Rule, ...]:
    """The built-in rules, then the registry's rules written in YAML."""
    return builtin_rules() + tuple(registry.rules)

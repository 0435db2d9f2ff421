"""The one record every rule produces."""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable
from typing import NamedTuple

from quotelint.records import Frozen, freeze, thaw


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


CATEGORIES = (
    "misattribution",
    "altered-quote",
    "unverified-quote",
    "wrong-title",
    "spelling-drift",
    "inconsistent-spelling",
    "claim-mismatch",
    "claim-conflict",
    "quote-marks",
    "style",
)


class Hit(NamedTuple):
    """What a rule reports: a span of the document's text and what is wrong with it."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    fixable: bool = False
    related: tuple[tuple[int, int], ...] = ()  # other spans the message points at
    severity: Severity | None = None  # lower than the rule's for this hit only (QL101 at medium confidence)

    def moved(self, by: int) -> Hit:
        """The same hit `by` characters further on."""
        return self._replace(start=self.start + by, end=self.end + by)


def hit_once(kept: dict[Hashable, Hit | None], key: Hashable, base: int, limit: int, judge: Callable[[], Hit | None]) -> Hit | None:
    """`judge()`, reached once a run for each key of a text read at `base` (a key made of the
    text and its words' places in it): the hit is kept relative to `base`, so that the same text
    read elsewhere gives it there. At most `limit` keys are kept."""
    if key in kept:
        found = kept[key]
        return None if found is None else found.moved(base)
    hit = judge()
    if len(kept) < limit:
        kept[key] = None if hit is None else hit.moved(-base)
    return hit


class Finding(Frozen):
    """One finding: frozen, compared and hashed by its fields, pickled by them (quotelint.records);
    `finding.replace(message=...)` is a copy with some fields changed."""

    __slots__ = _fields = (
        "path", "line", "column", "end_line", "end_column", "rule", "category", "severity",
        "message", "suggestion", "start", "end", "fixable", "related",
    )
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: Severity
    message: str
    suggestion: str | None
    start: int  # code-point offsets into the decoded file, end exclusive
    end: int
    fixable: bool
    related: tuple[tuple[int, int], ...]  # (line, column) of places the message points at

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        rule: str,
        category: str,
        severity: Severity,
        message: str,
        suggestion: str | None,
        start: int,
        end: int,
        fixable: bool = False,
        related: tuple[tuple[int, int], ...] = (),
    ) -> None:
        thaw(self)
        self.path = path
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.rule = rule
        self.category = category
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
        self.start = start
        self.end = end
        self.fixable = fixable
        self.related = related
        freeze(self)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.start, self.end, self.rule, self.message)  # the message: the same on every run

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "suggestion": self.suggestion,
        }

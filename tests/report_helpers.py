"""Builders for report tests: findings and quotations placed by the text they cover."""

from __future__ import annotations

import datetime as dt

from quotelint.document import Document
from quotelint.finding import Finding, Severity
from quotelint.quotation import Quotation
from quotelint.registry import Registry
from quotelint.registry.model import Entity, Quote

HONORIFICS = frozenset({"Mr", "Mrs", "Dr"})


def span_of(doc: Document, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    return start, start + len(needle)


def finding(
    doc: Document,
    needle: str,
    category: str = "spelling-drift",
    severity: Severity = Severity.ERROR,
    suggestion: str | None = None,
    rule: str = "QL201",
    message: str | None = None,
    nth: int = 0,
) -> Finding:
    start, end = span_of(doc, needle, nth)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Finding(
        doc.path, line, column, end_line, end_column, rule, category, severity,
        message or f"'{needle}' is wrong", suggestion, start, end,
    )


def quotation(doc: Document, inner: str, status: str | None = "unverified", speaker: str | None = None,
              registry_id: str | None = None, kind: str = "speech") -> Quotation:
    """A quotation of `inner`, found in the prose (which equals the text for plain text)."""
    start = doc.prose.index(inner)
    return Quotation(start, start + len(inner), "“", "”", inner, kind, speaker, None, None, None, registry_id, status)


def registry(*quotes: Quote) -> Registry:
    people = {
        "jane-roe": Entity("jane-roe", "person", "Jane Roe"),
        "ali-khan": Entity("ali-khan", "person", "Ali Khan"),
    }
    return Registry(entities=people, quotes=tuple(quotes))


def quote(qid: str, speaker: str, text: str, source: str | None = "https://example.org/said") -> Quote:
    return Quote(qid, speaker, text, dt.date(2024, 1, 1), source)

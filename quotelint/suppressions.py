"""Inline suppressions in the document. Filled in by the suppressions work; none yet."""

from __future__ import annotations

from quotelint.document import Document
from quotelint.finding import Finding


def apply(doc: Document, findings: list[Finding]) -> list[Finding]:
    return findings

"""Findings as LSP diagnostics: range in the client's position units, severity, rule id as code,
a link to the rule's documentation and, for a finding that points elsewhere too (a claim
conflict's other figure), that other place as related information."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from quotelint.document import Document
from quotelint.finding import Finding, Severity
from quotelint.lsp.positions import UTF16, line_offset, position

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
SOURCE = "quotelint"


def docs_page() -> str | None:
    """docs/checks.md of the checkout quotelint runs from, as a file: URI, if it is there
    (an installed wheel has no docs folder: then a client's `docsUrl` option names the page)."""
    page = Path(__file__).resolve().parent.parent.parent / "docs" / "checks.md"
    return page.as_uri() if page.is_file() else None


def rule_link(rule: str, name: str | None, page: str | None) -> str | None:
    """The URL of a built-in rule's section of docs/checks.md; None for a rule written in YAML."""
    if page is None or name is None or "/" in rule:
        return None
    from quotelint.devtools.checks_doc import anchor

    return f"{page}#{anchor(rule, name)}"


def span_range(doc: Document, start: int, end: int, encoding: str = UTF16) -> types.Range:
    (l1, c1), (l2, c2) = position(doc, start, encoding), position(doc, end, encoding)
    return types.Range(types.Position(l1, c1), types.Position(l2, c2))


def diagnostic(f: Finding, doc: Document, uri: str, encoding: str = UTF16, link: str | None = None, ends: dict[tuple[int, int], int] | None = None) -> types.Diagnostic:
    """One finding as a diagnostic. `ends` maps the (line, column) where a finding starts to its
    end offset, so that a related place that is itself a finding (the other figure of a claim
    conflict) is given whole; any other related place is an empty range at its start."""
    related = None
    if f.related:
        related = []
        for line, column in f.related:
            start = line_offset(doc, line, column)
            where = span_range(doc, start, (ends or {}).get((line, column), start), encoding)
            related.append(types.DiagnosticRelatedInformation(types.Location(uri, where), "the other place this finding points at"))
    message = f.message if f.suggestion is None else f"{f.message} (suggestion: {f.suggestion})"
    return types.Diagnostic(
        range=span_range(doc, f.start, f.end, encoding),
        message=message,
        severity=SEVERITIES[f.severity],
        code=f.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        related_information=related,
        data={"rule": f.rule, "start": f.start, "end": f.end},
    )


def diagnostics(findings: list[Finding], doc: Document, uri: str, names: dict[str, str], encoding: str = UTF16, page: str | None = None) -> list[types.Diagnostic]:
    """Every finding of a document; `names` maps rule ids to rule names for the links."""
    ends = {(f.line, f.column): f.end for f in findings}
    return [diagnostic(f, doc, uri, encoding, rule_link(f.rule, names.get(f.rule), page), ends) for f in findings]


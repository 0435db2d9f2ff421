"""Words and signs the report renderers share, so every format names things the same way."""

from __future__ import annotations

from urllib.parse import quote

from quotelint.finding import Severity
from quotelint.lazyre import lazy
from quotelint.report.model import FileReport, Report

# A sign beside every severity, so that it never rests on colour alone.
ICONS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
PLURALS = {"error": "errors", "warning": "warnings", "info": "info"}
NO_SPEAKER = "(no speaker found)"
_NOT_IN_URL = lazy(r"[\s\p{C}]")  # white space, controls, format characters (bidi)
_URL_SAFE = "!#$%&'()*+,-./:;=?@[]_~"  # kept as they are: what RFC 3986 allows besides letters and digits


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{number(n)} {word if n == 1 else many or word + 's'}"


def number(n: int) -> str:
    return f"{n:,}"


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def severity_label(severity: Severity) -> str:
    return f"{ICONS[severity]} {severity}"


def severity_counts(counts: dict[str, int]) -> str:
    """`2 errors, 1 warning` for the non-zero severities, `none` when all are zero."""
    parts = [f"{number(n)} {name if n == 1 else PLURALS[name]}" for name, n in counts.items() if n]
    return ", ".join(parts) or "none"


def headline(report: Report) -> str:
    """The report in one sentence."""
    t = report.totals
    found = f"{plural(t.findings, 'finding')} ({severity_counts(t.by_severity)})" if t.findings else "no findings"
    return (
        f"{plural(t.files, 'file')}, {plural(t.words, 'word')}, {plural(t.quotations, 'quotation')}"
        f" ({plural(t.speech_quotes, 'speech quote')}, {number(t.speech['verified'])} verified): {found}."
    )


def file_summary(f: FileReport) -> str:
    counts = {str(s): f.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    return f"{plural(f.findings, 'finding')} ({severity_counts(counts)})" if f.findings else "no findings"


def position(line: int, column: int) -> str:
    return f"line {line}, column {column}"


def web_url(source: str | None) -> str | None:
    """A registry source fit to link to: an http(s) URL with no white space or control
    character, percent-encoded wherever Markdown or HTML would read it; else None."""
    if not source or not source.startswith(("https://", "http://")) or _NOT_IN_URL.search(source):
        return None
    return quote(source, safe=_URL_SAFE)

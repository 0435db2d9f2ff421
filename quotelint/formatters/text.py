"""`--format text`: one line a finding, `path:line:col: severity [rule] message`.

On a terminal (or with --show-source) the offending line follows with a caret under the span;
colour only on a terminal and never when NO_COLOR is set.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from typing import Any

from quotelint.finding import Finding, Severity

COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, RESET = "\033[1m", "\033[0m"


def use_colour(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


def render_findings(findings: list[Finding], files: int, args: Any = None) -> str:
    show_source = getattr(args, "show_source", None)
    if show_source is None:
        show_source = sys.stdout.isatty() and getattr(args, "output", None) is None
    colour = use_colour() and getattr(args, "output", None) is None
    lines: list[str] = []
    sources: dict[str, list[str]] = {}
    for f in findings:
        severity = f"{COLOURS[f.severity]}{f.severity}{RESET}" if colour else str(f.severity)
        where = f"{BOLD}{f.path}{RESET}" if colour else f.path
        fix = f" (suggestion: {f.suggestion})" if f.suggestion else ""
        lines.append(f"{where}:{f.line}:{f.column}: {severity} [{f.rule}] {f.message}{fix}")
        if show_source and f.path != "-":
            lines.extend(source_lines(f, sources))
    if files:  # with no file read (a missing path, an empty folder) there is nothing to sum up
        lines.append(summary(findings, files))
    return "".join(line + "\n" for line in lines)


def source_lines(f: Finding, cache: dict[str, list[str]]) -> list[str]:
    if f.path not in cache:
        try:
            from quotelint.document import read_document

            doc = read_document(f.path)
            cache[f.path] = [doc.line_text(i + 1) for i in range(len(doc.line_starts))]
        except Exception:  # noqa: BLE001 - the source is a courtesy
            cache[f.path] = []
    text = cache[f.path]
    if not 0 < f.line <= len(text):
        return []
    line = text[f.line - 1]
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    left = max(0, start - 60)
    shown = ("…" if left else "") + line[left : left + 140].expandtabs(1)
    pad = start - left + (1 if left else 0)
    return [f"    {shown}", "    " + " " * pad + "^" * max(1, min(end - start, 140 - pad))]


def summary(findings: list[Finding], files: int) -> str:
    if not findings:
        return f"No findings in {files} file{'s' * (files != 1)}."
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s}{'s' * (counts[s] != 1 and s != Severity.INFO)}" for s in sorted(counts, reverse=True)]
    return f"Found {len(findings)} finding{'s' * (len(findings) != 1)} ({', '.join(parts)}) in {files} file{'s' * (files != 1)}."

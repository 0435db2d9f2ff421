"""The Markdown job summary that `--format github` appends to `$GITHUB_STEP_SUMMARY`.

Counts by category and severity, then the findings as a table. Every cell is escaped: finding
messages quote article text, and article text holds pipes, backticks, brackets and line breaks.
"""

from __future__ import annotations

from collections import Counter

from quotelint.finding import Finding, Severity

MAX_ROWS = 300  # GitHub takes at most 1 MiB of summary per step; long tables help nobody
_LEVELS = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_ESCAPES = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "|": "\\|",
    "~": "\\~",
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
}
_TABLE = str.maketrans(_ESCAPES)


def cell(text: str) -> str:
    """Text made safe for one GitHub-flavoured Markdown table cell: no markup, no line break."""
    escaped = text.translate(_TABLE)
    return "<br>".join(escaped.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def files_with(findings: list[Finding], files: int) -> str:
    """Which files the findings are in, out of those checked: `in 1 of 3 files checked`."""
    if not findings:
        return f"in {plural(files, 'file')} checked"
    having = len({f.path for f in findings})
    return f"in {having} of {plural(max(files, having), 'file')} checked"


def render_summary(findings: list[Finding], files: int, left_out: int = 0) -> str:
    """The job summary for findings already in the order the annotations were printed."""
    lines = ["## quotelint", ""]
    if not findings:
        lines += [f"No findings {files_with(findings, files)}.", ""]
        return "\n".join(lines)
    levels = Counter(f.severity for f in findings)
    parts = ", ".join(plural(levels[s], word) for s, word in zip(_LEVELS, ("error", "warning", "notice")) if levels[s])
    lines += [f"**{plural(len(findings), 'finding')}** ({parts}) {files_with(findings, files)}.", ""]
    lines += ["| Category | Errors | Warnings | Notices | Total |", "| --- | ---: | ---: | ---: | ---: |"]
    by_category: dict[str, Counter[Severity]] = {}
    for f in findings:
        by_category.setdefault(f.category, Counter())[f.severity] += 1
    for category in sorted(by_category):
        counts = by_category[category]
        row = " | ".join(str(counts[s]) for s in _LEVELS)
        lines.append(f"| {cell(category)} | {row} | {sum(counts.values())} |")
    lines += ["", "| File | Line | Severity | Rule | Message |", "| --- | ---: | --- | --- | --- |"]
    for f in findings[:MAX_ROWS]:
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        severity = "notice" if f.severity is Severity.INFO else str(f.severity)
        lines.append(f"| {cell(f.path)} | {f.line} | {severity} | {cell(f.rule)} | {cell(message)} |")
    lines.append("")
    if len(findings) > MAX_ROWS:
        lines += [f"The table shows the first {MAX_ROWS}; the log of this step lists all {len(findings)}.", ""]
    if left_out:
        lines += [
            f"{plural(left_out, 'finding')} not shown as annotations: GitHub shows only a few per step. "
            "The log of this step lists every finding.",
            "",
        ]
    return "\n".join(lines)

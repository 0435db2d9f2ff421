"""`--format text`: one line a finding, `path:line:col: severity [rule] message`, then a summary.

With `show_source` (on a terminal by default) the offending line follows, cut to the terminal's
width around the span, with a caret under the span. When the run fails (a finding at or above
`--fail-on`), info findings are not listed but counted in one line, so that what fails a commit
is not buried under notes; `--show-info` lists them anyway, `--no-show-info` never. A finding
line is never wrapped or cut: editors and scripts read `path:line:col:` from it. Control
characters, line separators and bidirectional controls in file names, messages and source lines
are shown as escapes (`\x1b`, `\u202e`), so that an article cannot drive the terminal or reorder
what it shows.
"""

from __future__ import annotations

from collections import Counter

from quotelint.finding import Finding, Severity
from quotelint.records import Value
from quotelint.visible import visible

COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, RESET = "\033[1m", "\033[0m"
INDENT = "    "


class TextOptions(Value):
    """How the text output looks. A class with slots, not a NamedTuple, as the run's other
    one-off records: typing compiles a NamedTuple's annotations as its module is imported."""

    __slots__ = _fields = ("colour", "show_source", "width", "quiet", "show_info", "fail_on")
    colour: bool
    show_source: bool
    width: int  # columns for the source lines
    quiet: bool  # the findings only: no summary
    show_info: bool | None  # None: hide info findings when the run fails on others
    fail_on: Severity

    def __init__(
        self, colour: bool = False, show_source: bool = False, width: int = 80, quiet: bool = False, show_info: bool | None = None, fail_on: Severity = Severity.WARNING
    ) -> None:
        self.colour, self.show_source, self.width, self.quiet, self.show_info, self.fail_on = colour, show_source, width, quiet, show_info, fail_on


def render_findings(findings: list[Finding], files: int, options: TextOptions | None = None) -> str:
    options = options or TextOptions()
    left_out = hidden_info(findings, options)
    lines: list[str] = []
    sources: dict[str, list[str]] = {}
    for f in findings:
        if left_out and f.severity is Severity.INFO:
            continue
        lines.append(finding_line(f, options.colour))
        if options.show_source and f.path != "-":
            lines.extend(source_lines(f, sources, options.width))
    if not options.quiet and files:
        lines.append(summary(findings, files))
        if left_out:
            lines.append(not_shown(left_out))
    return "".join(line + "\n" for line in lines)


def finding_line(f: Finding, colour: bool) -> str:
    severity = f"{COLOURS[f.severity]}{f.severity}{RESET}" if colour else str(f.severity)
    path = visible(f.path)
    where = f"{BOLD}{path}{RESET}" if colour else path
    fix = f" (suggestion: {visible(f.suggestion)})" if f.suggestion else ""
    return f"{where}:{f.line}:{f.column}: {severity} [{f.rule}] {visible(f.message)}{fix}"


def hidden_info(findings: list[Finding], options: TextOptions) -> list[Finding]:
    """The info findings to count rather than list (see the module's docstring)."""
    if options.show_info:
        return []
    if options.show_info is None:
        fails = options.fail_on > Severity.INFO and any(f.severity >= options.fail_on for f in findings)
        if not fails:
            return []
    return [f for f in findings if f.severity is Severity.INFO]


def not_shown(findings: list[Finding]) -> str:
    rules = Counter((f.rule, f.category) for f in findings)
    parts = ", ".join(f"{rule} {category}: {n}" for (rule, category), n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])))
    count = len(findings)
    return f"{count} info finding{'s' * (count != 1)} not shown ({parts}); --show-info lists them."


def source_lines(f: Finding, cache: dict[str, list[str]], width: int = 80) -> list[str]:
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
    shown, pad, carets = excerpt(line, start, end, max(20, width - len(INDENT)))
    return [INDENT + shown, INDENT + " " * pad + "^" * carets]


def excerpt(line: str, start: int, end: int, room: int) -> tuple[str, int, int]:
    """The part of a line that fits `room` columns with the span [start, end) in it, an ellipsis
    marking each cut, control characters as escapes; with the span's column in that text and the
    carets to put under it."""
    left, right = 0, len(line)
    if len(line) > room:
        left = max(0, min(start - room // 3, len(line) - room + 1))
        right = left + room - (1 if left else 0)
        if right < len(line):
            right -= 1
    window = line[left:right].expandtabs(1)
    cut = min(end, right) - left
    before, span, after = (visible(part) for part in (window[: start - left], window[start - left : cut], window[cut:]))
    shown = ("…" if left else "") + before + span + after + ("…" if right < len(line) else "")
    return shown, len(before) + (1 if left else 0), max(1, len(span))


def summary(findings: list[Finding], files: int) -> str:
    if not findings:
        return f"No findings in {files} file{'s' * (files != 1)}."
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s}{'s' * (counts[s] != 1 and s != Severity.INFO)}" for s in sorted(counts, reverse=True)]
    return f"Found {len(findings)} finding{'s' * (len(findings) != 1)} ({', '.join(parts)}) in {files} file{'s' * (files != 1)}."

"""`--format github`: GitHub Actions workflow commands, one annotation a finding.

    ::error file=seeds/a.txt,line=153,endLine=153,col=65,endColumn=70,title=QL201 spelling-drift::'ODHIR' is ...

Messages escape `%`, CR and LF; property values escape `:` and `,` as well, so a file named
`a,b:c.md` or a quotation holding a comma cannot break the command. A span over several lines
drops the columns (GitHub takes columns on one line only). Columns are 1-based code points and
`endColumn` is exclusive, as in `--format json`.

GitHub shows at most 10 annotations of each kind per step and 50 per job, in the order printed,
so the most severe come first and at most `--max-annotations` (default 50) are printed as
commands; the rest follow as plain log lines. The last line counts the findings, the files they
are in out of the files checked, and how many were left out.
The plain lines hold file names and article text, so they show control characters as escapes
(a line break cannot start a line of its own) and stand between `::stop-commands::TOKEN` and
`::TOKEN::` with a random token: the runner takes nothing in them for a workflow command.
When `$GITHUB_STEP_SUMMARY` names a file, a Markdown job summary is appended to it.
"""

from __future__ import annotations

import os
import secrets
from typing import Any

from quotelint.errors import UserError
from quotelint.finding import Finding, Severity
from quotelint.formatters.summary import files_with, plural, render_summary
from quotelint.visible import visible

DEFAULT_MAX_ANNOTATIONS = 50
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_DATA = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(text: str) -> str:
    return text.translate(_DATA)


def escape_property(text: str) -> str:
    return text.translate(_PROPERTY)


def workspace_path(path: str, workspace: str | None) -> str:
    """The path as GitHub wants it: relative to the workspace, with forward slashes."""
    if workspace and os.path.isabs(path):
        relative = os.path.relpath(path, workspace)
        if not relative.startswith(os.pardir):
            path = relative
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def annotation(f: Finding, workspace: str | None = None) -> str:
    props = []
    if f.path != "-":
        props.append(("file", workspace_path(f.path, workspace)))
    props += [("line", str(f.line)), ("endLine", str(f.end_line))]
    if f.end_line == f.line:
        props += [("col", str(f.column)), ("endColumn", str(max(f.end_column, f.column + 1)))]
    props.append(("title", f"{f.rule} {f.category}"))
    message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
    properties = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[f.severity]} {properties}::{escape_data(message)}"


def plain(f: Finding) -> str:
    """A finding that did not fit as an annotation, as one log line (control characters escaped)."""
    message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
    return visible(f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {message}")


def without_commands(lines: list[str]) -> list[str]:
    """Lines the runner logs as they are: workflow commands stopped around them."""
    if not lines:
        return []
    token = secrets.token_hex(16)
    return [f"::stop-commands::{token}", *lines, f"::{token}::"]


def most_severe_first(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity, f.path, f.line, f.column, f.rule))


def render_findings(findings: list[Finding], files: int, args: Any = None) -> str:
    limit = getattr(args, "max_annotations", None)
    limit = DEFAULT_MAX_ANNOTATIONS if limit is None else limit
    if limit < 0:
        raise UserError(f"--max-annotations must be 0 or more, not {limit}")
    ordered = most_severe_first(findings)
    workspace = os.environ.get("GITHUB_WORKSPACE")
    lines = [annotation(f, workspace) for f in ordered[:limit]]
    left_out = ordered[limit:]
    lines += without_commands([plain(f) for f in left_out])
    total = f"quotelint: {plural(len(findings), 'finding')} {files_with(findings, files)}"
    if left_out:
        total += f"; {len(left_out)} not shown as annotations (--max-annotations {limit})"
    lines.append(total + ".")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        append_summary(summary_file, render_summary(ordered, files, len(left_out)))
    return "\n".join(lines) + "\n"


def append_summary(path: str, markdown: str) -> None:
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(markdown)
    except OSError as exc:
        raise UserError(f"cannot write the job summary: {exc.strerror or exc}", path=path) from None

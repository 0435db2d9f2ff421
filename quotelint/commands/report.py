"""`quotelint report`: lint a corpus and write one report as text, Markdown, HTML or JSON.

Each document is linted, its quotations found and its findings put in their sentences right
away; only those small records are kept until the end, where the totals are added up and the
report rendered. Exit codes are those of `check`, so a report can gate a CI job as well as
document it: 0 when nothing is at or above --fail-on, 1 when something is, 2 for a usage,
settings or registry error, and 2 when a file could not be read (the report is still written
and names the file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from quotelint.commands.common import Inputs, exit_code, inputs_from, setup, to_stdout, write_output
from quotelint.commands.parallel import job_for, outcomes
from quotelint.context import Context
from quotelint.document import Document, InputError
from quotelint.linter import Plan, lint_document
from quotelint.report.build import build_report, file_report
from quotelint.report.model import FileReport, Report, RunInfo
from quotelint.report.progress import Progress
from quotelint.settings import Settings


class ReportInputs(Inputs):
    """Inputs that clear the progress bar before an input problem is printed."""

    progress: Progress | None = None

    def _problem(self, exc: InputError) -> None:
        if self.progress is not None:
            self.progress.close()
        super()._problem(exc)


def run(args: argparse.Namespace) -> int:
    settings, registry = setup(args)
    plan = Plan.make(registry, settings)
    given = inputs_from(args, settings, default=".")
    inputs = ReportInputs(expand(given), given.stdin_name, settings, quiet=given.quiet)
    files = collect(args, settings, plan, inputs)
    problems = [(exc.path or "-", str(exc.args[0])) for exc in inputs.problems]
    given = tuple(getattr(args, "registry", None) or ()) or settings.registry
    run_info = RunInfo(run_date(), tuple(shown_path(p) for p in given), tuple(registry.sizes().items()) if given else ())
    report = build_report(files, problems, settings.fail_on, run_info)
    write_output(render(report, args.format, colour=colour_wanted(args)), args.output)
    severities = [item.finding.severity for f in report.files for item in f.items]
    return exit_code(severities, settings.fail_on, inputs)


def collect(args: argparse.Namespace, settings: Settings, plan: Plan, inputs: ReportInputs) -> list[FileReport]:
    progress = inputs.progress = Progress(len(inputs.paths))
    files: list[FileReport] = []
    try:
        for path, file in outcomes(inputs, plan, job_for(args, settings, analyse)):
            files.append(file)  # type: ignore[arg-type]
            progress.step(path)
    finally:
        progress.close()
    return files


def run_date() -> dt.datetime:
    """Now, in UTC; or SOURCE_DATE_EPOCH when it is set, so that a report can be made again
    byte for byte (the convention of reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def shown_path(path: str) -> str:
    """A registry path as a reader knows it: relative to the current folder when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def expand(inputs: Inputs) -> list[str]:
    """Folders replaced by the files in them, so that the progress bar knows the total."""
    out: list[str] = []
    for path in inputs.paths:
        out.extend(inputs.folder(path) if path != "-" and os.path.isdir(path) else [path])
    return out


def analyse(doc: Document, plan: Plan, skipped: list[InputError] | None = None) -> FileReport:
    ctx = Context(doc, plan.registry, plan.settings)
    findings = lint_document(doc, plan, ctx, skipped=skipped)
    return file_report(doc, findings, ctx.quotes, plan.registry, len(ctx.words))


def colour_wanted(args: argparse.Namespace) -> bool:
    from quotelint.terminal import use_colour

    return use_colour(args.color, sys.stdout, to_file=not to_stdout(args.output))


def render(report: Report, fmt: str, colour: bool = False) -> str:
    if fmt == "html":
        from quotelint.report import html

        return html.render(report)
    if fmt == "markdown":
        from quotelint.report import markdown

        return markdown.render(report)
    if fmt == "json":
        from quotelint.report import jsonout

        return jsonout.render(report)
    from quotelint.report import text

    return text.render(report, colour=colour)

"""`quotelint check`: lint files, render the findings, return 0, 1 or 2."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterable

from quotelint.commands.common import Inputs, exit_code, inputs_from, setup, to_stdout, write_output
from quotelint.commands.parallel import job_for, outcomes
from quotelint.document import Document, InputError
from quotelint.errors import UserError, warn
from quotelint.finding import Finding
from quotelint.linter import Plan, lint_document
from quotelint.repeats import merge_repeats, repeat_keys
from quotelint.settings import Settings
from quotelint.visible import visible


def run(args: argparse.Namespace) -> int:
    if args.statistics and args.format not in ("text", "json"):
        raise UserError(f"--statistics prints text or json, not {args.format}")
    settings, registry = setup(args)
    plan = Plan.make(registry, settings)
    inputs = inputs_from(args, settings, default=".")
    also = also_written(args)
    findings: list[Finding] = []
    keep = "doc" if args.fix or args.diff else "text" if args.write_baseline or args.baseline or settings.baseline else ""
    kept: dict[str, Document | str] = {}  # the documents (texts) with findings, for fixes (the baseline)
    repeated: dict[Finding, str] = {}  # what each finding of a merging rule flags (repeats.py)
    task = functools.partial(lint_task, keep=keep)
    job = job_for(args, settings, task, serial=keep == "doc")  # fixes are made in one process
    for path, (found, repeats, held) in outcomes(inputs, plan, job):  # type: ignore[misc]
        findings.extend(found)
        repeated.update(repeats)
        if held is not None:
            kept[path] = held
    documents: dict[str, Document] = {p: d for p, d in kept.items() if isinstance(d, Document)}
    texts = {path: held if isinstance(held, str) else held.text for path, held in kept.items()}
    findings = filter_findings(findings, args, settings, texts)
    if args.write_baseline:
        from quotelint import baseline

        baseline.write(args.write_baseline, findings, texts)
        warn(f"wrote {len(findings)} findings to the baseline {visible(args.write_baseline)}")
        return 2 if inputs.problems else 0
    if args.diff:  # like ruff: the diff is the whole output, and exit code 1 means there is one
        from quotelint.commands.fix import diff_fixes

        patch = diff_fixes(findings, documents)
        write_output(patch, args.output)
        return 2 if inputs.problems else int(bool(patch))
    if args.fix:
        from quotelint.commands.fix import apply_fixes
        from quotelint.writes import trees

        files = {path: doc for path, doc in documents.items() if not from_stdin(doc, inputs)}
        findings = apply_fixes(findings, files, inputs.problems, trees(inputs.paths))
    findings = merge_repeats(findings, repeated)
    write_output(render(findings, args, inputs.count, plan.rules, settings), args.output)
    for fmt, path in also:  # the findings themselves, whatever --statistics does to the main output
        also_args = argparse.Namespace(**{**vars(args), "format": fmt, "output": path, "statistics": False})
        write_output(render(findings, also_args, inputs.count, plan.rules, settings), path)
    return exit_code([f.severity for f in findings], settings.fail_on, inputs, exit_zero=args.exit_zero)


def lint_task(doc: Document, plan: Plan, skipped: list[InputError], keep: str = "") -> tuple[list[Finding], dict[Finding, str], Document | str | None]:
    """One document's findings, one per place (the baseline, --diff-base and --fix judge each
    place), what each finding of a merging rule flags, and the document or its text when kept."""
    found = lint_document(doc, plan, merge=False, skipped=skipped)
    held = (doc if keep == "doc" else doc.text) if found and keep else None
    return found, repeat_keys(found, plan, doc), held


def also_written(args: argparse.Namespace) -> list[tuple[str, str]]:
    """The (format, file) pairs of --also-write, checked before anything is read."""
    from quotelint.cli import CHECK_FORMATS
    from quotelint.errors import UserError

    pairs = []
    for value in getattr(args, "also_write", None) or ():
        fmt, _, path = value.partition(":")
        if fmt not in CHECK_FORMATS or not path:
            raise UserError(f"--also-write takes FORMAT:FILE with FORMAT one of {', '.join(CHECK_FORMATS)}, not {value!r}")
        if fmt in {args.format, *(f for f, _ in pairs)}:
            raise UserError(f"--also-write {value}: the findings are written as {fmt} once already")
        pairs.append((fmt, path))
    return pairs


def from_stdin(doc: Document, inputs: Inputs) -> bool:
    """Standard input has no file to write fixes to, whatever name it is given."""
    return "-" in inputs.paths and doc.path == (inputs.stdin_name or "-")


def filter_findings(findings: list[Finding], args: argparse.Namespace, settings, texts: dict[str, str]) -> list[Finding]:  # type: ignore[no-untyped-def]
    baseline_file = args.baseline or settings.baseline
    if baseline_file and not args.write_baseline:
        from quotelint import baseline

        findings = baseline.filter_known(findings, baseline_file, texts)
    if args.diff_base:
        from quotelint import gitdiff

        findings = gitdiff.only_changed(findings, args.diff_base)
    return findings


def render(findings: list[Finding], args: argparse.Namespace, files: int, rules: tuple = (), settings: Settings | None = None) -> str | Iterable[str]:  # type: ignore[type-arg]
    """The output, or for JSON the pieces of it to write in turn (no more than a batch held)."""
    fmt = args.format
    if args.statistics:
        from quotelint.formatters import statistics

        if fmt == "json":
            return statistics.render_json(findings, files, rules)
        return statistics.render_text(findings, files, rules, quiet=args.quiet)
    if fmt == "json":
        from quotelint.formatters.jsonout import pieces

        return pieces(findings, files)
    if fmt == "sarif":
        from quotelint.formatters.sarif import render_findings as render_sarif

        return render_sarif(findings, files=files, args=args, rules=rules)
    elif fmt == "github":
        from quotelint.formatters.github import render_findings
    else:
        from quotelint.formatters.text import render_findings as render_text

        return render_text(findings, files, text_options(args, settings or Settings()))
    return render_findings(findings, files=files, args=args)


def text_options(args: argparse.Namespace, settings: Settings):  # type: ignore[no-untyped-def]
    """How the text format looks here: colour, source lines and width follow the terminal."""
    from quotelint import terminal
    from quotelint.formatters.text import TextOptions

    to_file = not to_stdout(args.output)
    show_source = args.show_source
    if show_source is None:
        show_source = sys.stdout.isatty() and not to_file
    return TextOptions(
        colour=terminal.use_colour(args.color, sys.stdout, to_file),
        show_source=show_source,
        width=terminal.width(),
        quiet=args.quiet,
        show_info=args.show_info,
        fail_on=settings.fail_on,
    )

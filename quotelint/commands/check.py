"""`quotelint check`: lint files, render the findings, return 0, 1 or 2."""

from __future__ import annotations

import argparse
import sys

from quotelint.commands.common import exit_code, inputs_from, registry_from, settings_from, write_output
from quotelint.finding import Finding
from quotelint.linter import Plan, lint_document


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    registry = registry_from(args, settings)
    plan = Plan.make(registry, settings)
    inputs = inputs_from(args, settings)
    findings: list[Finding] = []
    documents = {}
    for doc in inputs.documents():
        found = lint_document(doc, plan)
        findings.extend(found)
        if found and (args.fix or args.diff):
            documents[doc.path] = doc
    findings = filter_findings(findings, args, settings)
    if args.write_baseline:
        from quotelint import baseline

        baseline.write(args.write_baseline, findings, documents_for(findings))
        print(f"quotelint: wrote {len(findings)} findings to the baseline {args.write_baseline}", file=sys.stderr)
        return 2 if inputs.problems else 0
    if args.fix or args.diff:
        from quotelint.commands.fix import apply_fixes

        findings = apply_fixes(findings, documents, write=args.fix, show_diff=args.diff)
    write_output(render(findings, args, inputs.count, plan.rules), args.output)
    return exit_code([f.severity for f in findings], settings.fail_on, inputs)


def documents_for(findings: list[Finding]) -> dict[str, str]:
    from quotelint.document import read_document

    texts = {}
    for path in {f.path for f in findings}:
        if path != "-":
            texts[path] = read_document(path).text
    return texts


def filter_findings(findings: list[Finding], args: argparse.Namespace, settings) -> list[Finding]:  # type: ignore[no-untyped-def]
    baseline_file = args.baseline or settings.baseline
    if baseline_file and not args.write_baseline:
        from quotelint import baseline

        findings = baseline.filter_known(findings, baseline_file)
    if args.diff_base:
        from quotelint import gitdiff

        findings = gitdiff.only_changed(findings, args.diff_base)
    return findings


def render(findings: list[Finding], args: argparse.Namespace, files: int, rules: tuple = ()) -> str:  # type: ignore[type-arg]
    fmt = args.format
    if fmt == "json":
        from quotelint.formatters.jsonout import render_findings
    elif fmt == "sarif":
        from quotelint.formatters.sarif import render_findings as render_sarif

        return render_sarif(findings, files=files, args=args, rules=rules)
    elif fmt == "github":
        from quotelint.formatters.github import render_findings
    else:
        from quotelint.formatters.text import render_findings
    return render_findings(findings, files=files, args=args)

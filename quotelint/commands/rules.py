"""`quotelint rules` and `quotelint explain RULE`."""

from __future__ import annotations

import argparse
import json
import textwrap

from quotelint.checks import Rule, all_rules
from quotelint.commands.common import registry_from, settings_from
from quotelint.errors import UserError


def _rules(args: argparse.Namespace) -> tuple[Rule, ...]:
    settings = settings_from(args)
    return all_rules(registry_from(args, settings))


def run_rules(args: argparse.Namespace) -> int:
    rules = _rules(args)
    if args.format == "json":
        rows = [
            {"id": r.id, "name": r.name, "category": r.category, "severity": str(r.severity), "fixable": r.fixable, "summary": r.summary}
            for r in rules
        ]
        print(json.dumps({"version": 1, "rules": rows}, ensure_ascii=False, indent=2))
        return 0
    width = max((len(r.id) for r in rules), default=5)
    name_width = max((len(r.name) for r in rules), default=4)
    for r in rules:
        fix = "fix" if r.fixable else "   "
        print(f"{r.id:<{width}}  {r.name:<{name_width}}  {r.category:<21}  {str(r.severity):<7}  {fix}  {r.summary}")
    return 0


def find_rule(rules: tuple[Rule, ...], wanted: str) -> Rule:
    for rule in rules:
        if wanted in (rule.id, rule.name) or wanted.upper() == rule.id:
            return rule
    from quotelint.selection import unknown_rule

    raise UserError(unknown_rule(wanted, rules))


def run_explain(args: argparse.Namespace) -> int:
    rule = find_rule(_rules(args), args.rule)
    print(explain_text(rule))
    return 0


def body(rule: Rule) -> str:
    """The rule's documentation without its first line, which repeats the summary."""
    doc = textwrap.dedent(rule.doc).strip()
    first, _, rest = doc.partition("\n\n")
    return rest.strip() if first.strip().rstrip(".") == rule.summary.rstrip(".") else doc


def explain_text(rule: Rule) -> str:
    fix = "yes" if rule.fixable else "no"
    parts = [
        f"# {rule.id} {rule.name}",
        "",
        f"{rule.summary}.",
        "",
        f"Category: {rule.category}    Default severity: {rule.severity}    Fixable: {fix}",
        "",
        body(rule),
        "",
    ]
    if rule.fail:
        parts += ["## Fails", "", *(f"    {t}" for t in rule.fail), ""]
    if rule.passing:
        parts += ["## Passes", "", *(f"    {t}" for t in rule.passing), ""]
    return "\n".join(parts).rstrip() + "\n"

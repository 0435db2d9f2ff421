"""`check --statistics`: how many findings each rule gave, most first, as in ruff.

    14  QL103  unverified-quote  info
     2  QL201  spelling-drift    error    [*]

`[*]` marks a rule with findings `--fix` corrects. As JSON: a list of records (`rule`, `name`,
`category`, `severity`, `count`, `fixable`) and the run's summary.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from quotelint.checks import Rule
from quotelint.finding import Finding


@dataclass(frozen=True)
class Row:
    rule: str
    name: str
    category: str
    severity: str
    count: int
    fixable: bool


def rows(findings: list[Finding], rules: Sequence[Rule] = ()) -> list[Row]:
    names = {r.id: r.name for r in rules}
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    out = [
        Row(rule, names.get(rule, group[0].category), group[0].category, str(max(f.severity for f in group)), len(group), any(f.fixable for f in group))
        for rule, group in by_rule.items()
    ]
    return sorted(out, key=lambda r: (-r.count, r.rule))


def render_text(findings: list[Finding], files: int, rules: Sequence[Rule] = (), quiet: bool = False) -> str:
    from quotelint.formatters.text import summary

    table = rows(findings, rules)
    widths = [max((len(str(getattr(r, key))) for r in table), default=0) for key in ("count", "rule", "name", "severity")]
    lines = [
        f"{r.count:>{widths[0]}}  {r.rule:<{widths[1]}}  {r.name:<{widths[2]}}  {r.severity:<{widths[3]}}{'  [*]' if r.fixable else ''}".rstrip()
        for r in table
    ]
    if not quiet and files:
        lines.append(summary(findings, files))
        if any(r.fixable for r in table):
            lines.append("[*] fixable with `quotelint check --fix`")
    return "".join(line + "\n" for line in lines)


def render_json(findings: list[Finding], files: int, rules: Sequence[Rule] = ()) -> str:
    payload = {
        "version": 1,
        "statistics": [asdict(r) for r in rows(findings, rules)],
        "summary": {"files": files, "findings": len(findings)},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"

"""`--format sarif`: one SARIF 2.1.0 log with one run, for code scanning and editors.

The run lists the rules that were run, with their documentation, and one result a finding with
its region and, where the finding has a suggestion, a fix that replaces the region. The output
is stable: no timestamps, no absolute paths that were not given, results and rules sorted, so
that two runs over the same files give the same bytes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from quotelint import __version__
from quotelint.finding import Finding, Severity

if TYPE_CHECKING:
    from quotelint.checks import Rule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"


def render_findings(findings: list[Finding], files: int, args: Any = None, rules: Sequence[Rule] = ()) -> str:
    return json.dumps(sarif_log(findings, rules), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def sarif_log(findings: list[Finding], rules: Sequence[Rule] = ()) -> dict[str, Any]:
    if not rules:
        from quotelint.checks import builtin_rules

        rules = builtin_rules()
    descriptors = {r.id: rule_descriptor(r) for r in rules}
    for f in findings:  # a finding of a rule the caller did not pass still gets a descriptor
        descriptors.setdefault(f.rule, minimal_descriptor(f))
    ids = sorted(descriptors)
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.column, f.end_line, f.end_column, f.rule, f.message))
    driver: dict[str, Any] = {"name": "quotelint", "version": __version__, "semanticVersion": __version__}
    home = information_uri()
    if home:
        driver["informationUri"] = home
    driver["rules"] = [descriptors[i] for i in ids]
    run = {
        "tool": {"driver": driver},
        # Columns here count Unicode code points, as quotelint's do everywhere. SARIF's default
        # unit is UTF-16 code units, which differ for characters outside the Basic Multilingual
        # Plane (emoji, rarer CJK): such a character is one code point but two UTF-16 units, so
        # without this declaration every column after one on the same line would be off by one.
        "columnKind": "unicodeCodePoints",
        "results": [result(f, index[f.rule]) for f in ordered],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    doc = rule.doc.strip()
    what = section(doc, "What it does") or rule.summary
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category], "fixable": rule.fixable},
    }
    if doc:
        descriptor["help"] = {"text": doc, "markdown": doc}
    return descriptor


def minimal_descriptor(f: Finding) -> dict[str, Any]:
    return {"id": f.rule, "shortDescription": {"text": f.category}, "properties": {"category": f.category, "tags": [f.category]}}


def section(doc: str, title: str) -> str:
    """The body of one `## Title` section of a rule's documentation, or ''."""
    body: list[str] | None = None
    for line in doc.splitlines():
        if line.startswith("## "):
            if body is not None:
                break
            if line[3:].strip().lower() == title.lower():
                body = []
        elif body is not None:
            body.append(line)
    return "\n".join(body).strip() if body else ""


def information_uri() -> str | None:
    """The project's home page as its package metadata declares it, if it declares one."""
    from importlib import metadata

    try:
        meta = metadata.metadata("quotelint")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "documentation", "repository", "source") and url.strip():
            return url.strip()
    home = meta.get("Home-page")
    return home.strip() if home and home.strip() not in ("", "UNKNOWN") else None


def artifact_location(path: str) -> dict[str, str]:
    """An absolute path as a file: URI; a relative one as given, against %SRCROOT%."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/"), safe="/"), "uriBaseId": SRCROOT}


def region(f: Finding) -> dict[str, int]:
    # SARIF lines and columns are 1-based and endColumn is one past the last character: the
    # same convention as Finding (and `--format json`), so the numbers pass through unchanged.
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": max(f.end_column, 1)}


def result(f: Finding, rule_index: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
    }
    if f.path == "-":
        return out  # standard input has no location a SARIF viewer could open
    location = artifact_location(f.path)
    out["locations"] = [{"physicalLocation": {"artifactLocation": location, "region": region(f)}}]
    if f.related:
        out["relatedLocations"] = [
            {"id": i, "physicalLocation": {"artifactLocation": location, "region": {"startLine": line, "startColumn": column}}}
            for i, (line, column) in enumerate(f.related, 1)
        ]
    if f.suggestion is not None:
        out["fixes"] = [
            {
                "description": {"text": f"Replace with '{f.suggestion}'"},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [{"deletedRegion": region(f), "insertedContent": {"text": f.suggestion}}],
                    }
                ],
            }
        ]
    out["properties"] = {"category": f.category}
    return out

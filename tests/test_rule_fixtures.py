"""Per-rule fixture files with the expected findings written under the lines that cause them.

See tests/fixtures/README.md for the format. Also checks that every built-in rule has fixtures
and that every rule's documented examples hold.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from quotelint.checks import builtin_rules
from quotelint.document import Document, kind_for
from quotelint.linter import Plan, lint_document
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
EXPECT = re.compile(r"^#: (\d+)-(\d+)(?: -> (.*))?$")
EXAMPLES = Path(__file__).parent.parent / "quotelint" / "data" / "examples.yaml"


def rule_id(folder: str) -> str:
    return folder.replace("__", "/")


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*/*") if p.suffix in (".txt", ".md", ".html"))


def parse_fixture(text: str) -> tuple[str, set[tuple[int, int, int, str | None]]]:
    """The text with `#:` lines blanked, and the expected (line, start, end, suggestion)."""
    lines = text.split("\n")
    expected = set()
    target = 0
    for i, line in enumerate(lines):
        m = EXPECT.match(line)
        if m:
            expected.add((target, int(m.group(1)), int(m.group(2)), m.group(3)))
            lines[i] = " " * len(line)
        elif line.startswith("#:"):
            raise AssertionError(f"malformed expectation on line {i + 1}: {line!r}")
        else:
            target = i + 1
    return "\n".join(lines), expected


def registry_for(folder: Path) -> Registry:
    files = sorted(folder.glob("*.yaml"))
    return load_registry([str(f) for f in files]) if files else Registry()


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path: Path) -> None:
    text, expected = parse_fixture(path.read_text(encoding="utf-8"))
    rid = rule_id(path.parent.name)
    registry = registry_for(path.parent)
    plan = Plan.make(registry, Settings(select=(rid,)))
    doc = Document.from_text(text, str(path), kind_for(str(path)))
    found = {(f.line, f.column, f.end_column, f.suggestion) for f in lint_document(doc, plan) if f.rule == rid}
    missing = expected - found
    unexpected = found - expected
    assert not missing and not unexpected, f"missing: {sorted(missing)}\nunexpected: {sorted(unexpected)}"


def test_every_builtin_rule_has_fixtures() -> None:
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    lacking = [r.id for r in builtin_rules() if r.id not in folders]
    assert not lacking, f"rules without fixtures: {lacking}"


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda r: r.id)
def test_documented_examples_hold(rule) -> None:  # type: ignore[no-untyped-def]
    registry = load_registry([str(EXAMPLES)])
    plan = Plan.make(registry, Settings(select=(rule.id,)))
    assert rule.fail and rule.passing, "every rule documents a failing and a passing example"
    for text in rule.fail:
        found = [f for f in lint_document(Document.from_text(text), plan) if f.rule == rule.id]
        assert found, f"the failing example gives no {rule.id} finding: {text!r}"
    for text in rule.passing:
        found = [f for f in lint_document(Document.from_text(text), plan) if f.rule == rule.id]
        assert not found, f"the passing example gives findings: {[f.message for f in found]}"

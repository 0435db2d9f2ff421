"""The `examples:` of every rule written in YAML, in rules/ and in the test fixtures.

Each failing example must give exactly one finding, of that rule, at text that the rule looks
for (with a suggestion when the rule can fix); each passing example none. A rule's examples are
run against its own file (and what that file extends), so that they document the rule itself
whatever else a project's registry holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotelint.document import Document
from quotelint.linter import Plan, lint_document
from quotelint.registry.load import load_registry
from quotelint.registry.yamlload import load_yaml
from quotelint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = sorted((ROOT / "rules").glob("*.yaml")) + sorted((ROOT / "tests" / "fixtures" / "rules").glob("*/*.yaml"))


def yaml_rules() -> list[tuple[Path, str]]:
    out = []
    for path in RULE_FILES:
        data = load_yaml(str(path)) or {}
        for item in data.get("rules") or ():
            out.append((path, item["id"]))
    return out


def test_the_house_pack_is_there() -> None:
    ids = {rid for path, rid in yaml_rules() if path.parent.name == "rules"}
    assert {"house/belarus", "house/percent", "house/cooperation", "house/ize", "house/turkiye"} <= ids


@pytest.mark.parametrize(("path", "rid"), yaml_rules(), ids=lambda v: v if isinstance(v, str) else v.parent.name)
def test_examples(path: Path, rid: str) -> None:
    registry = load_registry([str(path)])
    [rule] = [r for r in registry.rules if r.id == rid]
    if path.parent.name == "rules":
        assert rule.fail and rule.passing, f"{rid}: every rule in rules/ gives failing and passing examples"
    plan = Plan.make(registry, Settings(select=(rid,)))
    for text in rule.fail:
        found = [f for f in lint_document(Document.from_text(text), plan) if f.rule == rid]
        assert len(found) == 1, f"{rid}: {text!r} gives {[f.message for f in found]}, not one finding"
        assert (found[0].suggestion is not None) == rule.fixable, f"{rid}: {text!r}: suggestion {found[0].suggestion!r}"
        assert found[0].end > found[0].start
    for text in rule.passing:
        found = [f.message for f in lint_document(Document.from_text(text), plan) if f.rule == rid]
        assert not found, f"{rid}: the passing example {text!r} gives {found}"

"""Bad rule files, through the real command: exit 2 and every problem with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_quotelint

GOOD = """\
rules:
  - id: house/belarus
    kind: substitution
    swap: {Belarussia: Belarus}
"""

# (rule file, the line each expected problem is reported on, and a phrase of its message)
BAD = {
    "unknown-kind": ("rules:\n  - id: h/x\n    kind: replace\n    swap: {a: b}\n", [(3, "unknown kind 'replace'")]),
    "unknown-key": ("rules:\n  - id: h/x\n    kind: existence\n    tokens: [a]\n    colour: red\n", [(5, "unknown key 'colour'")]),
    "missing-id": ("rules:\n  - kind: existence\n    tokens: [a]\n", [(2, "lacks required key 'id'")]),
    "missing-kind": ("rules:\n  - id: h/x\n    tokens: [a]\n", [(2, "lacks required key 'kind'")]),
    "missing-swap": ("rules:\n  - id: h/x\n    kind: substitution\n", [(2, "needs 'swap'")]),
    "bad-id": ("rules:\n  - id: percent\n    kind: existence\n    tokens: [a]\n", [(2, "must be namespace/name")]),
    "bad-scope": ("rules:\n  - id: h/x\n    kind: existence\n    tokens: [a]\n    scope: everywhere\n", [(5, "'scope' must be one of")]),
    "bad-severity": ("rules:\n  - id: h/x\n    kind: existence\n    tokens: [a]\n    severity: fatal\n", [(5, "unknown severity 'fatal'")]),
    "bad-flag": ("rules:\n  - id: h/x\n    kind: existence\n    tokens: [a]\n    ignorecase: yes please\n", [(5, "must be true or false")]),
    "no-compile": ("rules:\n  - id: h/x\n    kind: existence\n    regex: true\n    tokens: ['Belarus(sia']\n", [(5, "does not compile")]),
    "backtracking": ("rules:\n  - id: h/x\n    kind: existence\n    regex: true\n    tokens: ['(\\w+\\s?)+$']\n", [(5, "backtrack without end")]),
    "alternation": ("rules:\n  - id: h/x\n    kind: existence\n    regex: true\n    tokens: ['(a|ab)*c']\n", [(5, "backtrack without end")]),
    "empty-match": ("rules:\n  - id: h/x\n    kind: existence\n    regex: true\n    tokens: ['a*']\n", [(5, "matches empty text")]),
    "placeholder": ("rules:\n  - id: h/x\n    kind: existence\n    tokens: [a]\n    message: 'No {suggestion}'\n", [(5, "unknown placeholder '{suggestion}'")]),
    "bad-template": (
        "rules:\n  - id: h/x\n    kind: substitution\n    regex: true\n    swap: {'(?<n>\\d+) per cent': '\\g<num>%'}\n",
        [(5, "refers to group 'num'")],
    ),
    "self-swap": ("rules:\n  - id: h/x\n    kind: substitution\n    swap: {a: a}\n", [(4, "maps 'a' to itself")]),
    "one-variant": ("rules:\n  - id: h/x\n    kind: consistency\n    groups: [[percent]]\n", [(4, "two or more variants")]),
    "no-word": ("rules:\n  - id: h/x\n    kind: existence\n    tokens: ['%']\n", [(4, "holds no word")]),
    "two-problems": (
        "rules:\n  - id: h/x\n    kind: existence\n    tokens: [a]\n    scope: all\n  - id: h/y\n    kind: nope\n",
        [(5, "'scope' must be one of"), (7, "unknown kind 'nope'")],
    ),
    "not-a-list": ("rules:\n  id: h/x\n", [(1, "rules must be a list")]),
    "duplicate-in-file": (
        GOOD + "  - id: house/belarus\n    kind: existence\n    tokens: [a]\n",
        [(5, "duplicate id 'house/belarus' (first at")],
    ),
}


def assert_exit_2(result, path: str, expected: list[tuple[int, str]]) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for line, phrase in expected:
        assert any(l.startswith(f"quotelint: {path}:{line}: ") and phrase in l for l in lines), result.stderr


@pytest.mark.parametrize("name", list(BAD))
def test_bad_rule_file_through_check_and_registry_check(tmp_path: Path, name: str) -> None:
    text, expected = BAD[name]
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Belarussia\n", encoding="utf-8")
    assert_exit_2(run_quotelint("check", "--no-cache", "--registry", "bad.yaml", "a.txt", cwd=tmp_path), "bad.yaml", expected)
    assert_exit_2(run_quotelint("registry", "check", "bad.yaml", cwd=tmp_path), "bad.yaml", expected)


def test_duplicate_id_across_files_names_both_places(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("\n" + GOOD, encoding="utf-8")
    result = run_quotelint("registry", "check", "a.yaml", "b.yaml", cwd=tmp_path)
    assert_exit_2(result, "b.yaml", [(3, "duplicate id 'house/belarus' (first at a.yaml:2)")])


def test_extends_cycle_and_missing_target(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("extends: b.yaml\n" + GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("\n\nextends: [a.yaml]\n", encoding="utf-8")
    result = run_quotelint("registry", "check", "a.yaml", cwd=tmp_path)
    assert_exit_2(result, "b.yaml", [(3, "extends makes a cycle: a.yaml -> b.yaml -> a.yaml")])
    (tmp_path / "b.yaml").write_text("extends: [missing.yaml]\n", encoding="utf-8")
    result = run_quotelint("registry", "check", "a.yaml", cwd=tmp_path)
    assert_exit_2(result, "b.yaml", [(1, "extends 'missing.yaml', which does not exist")])


def test_a_good_rule_file_passes_registry_check(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    result = run_quotelint("registry", "check", "good.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 rules" in result.stderr

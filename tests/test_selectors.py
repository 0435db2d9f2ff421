"""Rule selectors that match no rule are errors, end to end: exit 2, `unknown rule`, a hint.

A typo in `--ignore` that is accepted silently ignores nothing, and one in `--select` checks
nothing: both must stop the run before any file is read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_quotelint
from tests.integ_helpers import write_registry

HOUSE_RULE = """\
rules:
  - id: house/colour
    kind: substitution
    swap: {color: colour}
    message: "Write '{suggestion}', not '{match}'"
    examples: {fail: [The color of the flag.], pass: [The colour of the flag.]}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "registry").mkdir()
    write_registry(tmp_path / "registry")
    (tmp_path / "registry" / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (tmp_path / "story.txt").write_text("The ODHIR mission liked the color of the ballots.\n", encoding="utf-8")
    return tmp_path


def check(project: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_quotelint("check", "story.txt", "--registry", "registry", "--format", "json", *args, cwd=project)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "QL999"], "--select: unknown rule 'QL999'"),
        (["--ignore", "QL2O1"], "--ignore: unknown rule 'QL2O1' (did you mean 'QL201'?)"),
        (["--ignore", "QL201,speling-drift"], "--ignore: unknown rule 'speling-drift' (did you mean 'spelling-drift'?)"),
        (["--extend-select", "hous"], "--extend-select: unknown rule 'hous' (did you mean 'house'?)"),
        (["--select", "QL9"], "--select: unknown rule 'QL9'"),
        (["--select", "house/color"], "--select: unknown rule 'house/color' (did you mean 'house/colour'?)"),
    ],
)
def test_unknown_selector_on_the_command_line(project: Path, args: list[str], message: str) -> None:
    result = check(project, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"quotelint: {message}" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("selectors", "rules"),
    [
        ("QL2", {"QL201"}),  # an id prefix
        ("ql201", {"QL201"}),  # ids are not case-sensitive
        ("spelling-drift", {"QL201"}),  # a name (and a category)
        ("house", {"house/colour"}),  # a YAML rule namespace
        ("house/", {"house/colour"}),
        ("house/colour", {"house/colour"}),
        ("ALL", {"QL201", "house/colour"}),
        ("QL201,claim-mismatch", {"QL201"}),  # a category no finding has here is still a category
    ],
)
def test_every_kind_of_selector_is_accepted(project: Path, selectors: str, rules: set[str]) -> None:
    result = check(project, "--select", selectors)
    assert result.returncode == 1, result.stderr
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == rules


def test_a_category_without_rules_in_this_run_is_not_a_typo(project: Path) -> None:
    (project / "registry" / "house.yaml").unlink()
    result = check(project, "--ignore", "style")
    assert result.returncode == 1, result.stderr
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"QL201"}


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("ignore: [QL103, QL2O1]\n", "setting 'ignore': unknown rule 'QL2O1' (did you mean 'QL201'?)"),
        ("select: [QL999]\n", "setting 'select': unknown rule 'QL999'"),
        ("extend-select: [house/colr]\n", "setting 'extend-select': unknown rule 'house/colr' (did you mean 'house/colour'?)"),
        ("severity: {QL2O3: info}\n", "setting 'severity': unknown rule 'QL2O3' (did you mean 'QL203'?)"),
        ("per-file-ignores:\n  'old/*': [spelling-drfit]\n", "setting 'per-file-ignores' ('old/*'): unknown rule 'spelling-drfit' (did you mean 'spelling-drift'?)"),
    ],
)
def test_unknown_selector_in_the_settings_names_file_and_line(project: Path, settings: str, message: str) -> None:
    (project / ".quotelint.yaml").write_text("registry: [registry]\n" + settings, encoding="utf-8")
    result = run_quotelint("check", "story.txt", "--format", "json", cwd=project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"quotelint: .quotelint.yaml:2: {message}" in result.stderr.replace(str(project) + "/", "")


def test_unknown_selector_in_pyproject_names_the_file(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.quotelint]\nregistry = ["registry"]\nignore = ["QL2O1"]\n', encoding="utf-8")
    result = run_quotelint("check", "story.txt", cwd=project)
    assert result.returncode == 2
    assert "pyproject.toml: setting 'ignore': unknown rule 'QL2O1' (did you mean 'QL201'?)" in result.stderr


@pytest.mark.parametrize("command", ["report", "extract"])
def test_report_and_extract_check_selectors_too(project: Path, command: str) -> None:
    result = run_quotelint(command, "story.txt", "--registry", "registry", "--ignore", "QL2O1", cwd=project)
    assert result.returncode == 2
    assert "unknown rule 'QL2O1' (did you mean 'QL201'?)" in result.stderr


def test_explain_suggests_the_nearest_rule(project: Path) -> None:
    result = run_quotelint("explain", "QL2O1", cwd=project)
    assert result.returncode == 2
    assert "unknown rule 'QL2O1' (did you mean 'QL201'?)" in result.stderr

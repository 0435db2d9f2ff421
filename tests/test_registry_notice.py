"""A run with nothing to check against says so, end to end through the real command.

Without a registry a misspelled organization passes: the run must warn once on standard error
(leaving JSON and SARIF on standard output clean), and `registry-required` makes it exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_quotelint
from tests.integ_helpers import write_registry

WARNING = "quotelint: warning: no registry configured"
HOW = "set `registry` in [tool.quotelint] of pyproject.toml or in .quotelint.yaml, or pass --registry PATH"


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text("# Vote\n\nThe ODHIR mission observed the vote.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Count\n\nThe ODHIR mission counted the ballots.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "github"])
def test_no_registry_warns_once_on_stderr_and_keeps_stdout_clean(newsroom: Path, fmt: str) -> None:
    result = run_quotelint("check", "a.md", "b.md", "--format", fmt, cwd=newsroom)
    assert result.returncode == 0, result.stderr  # nothing was found: that is not a finding
    assert result.stderr.count(WARNING) == 1, result.stderr
    assert HOW in result.stderr
    assert "registry configured" not in result.stdout and HOW not in result.stdout
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)  # standard output holds the document and nothing else


@pytest.mark.parametrize("command", ["extract", "report"])
def test_extract_and_report_warn_too(newsroom: Path, command: str) -> None:
    result = run_quotelint(command, "a.md", "--format", "json", cwd=newsroom)
    assert result.returncode == 0
    assert result.stderr.count(WARNING) == 1
    json.loads(result.stdout)


def test_an_empty_registry_is_no_registry_either(newsroom: Path) -> None:
    (newsroom / "registry").mkdir()
    result = run_quotelint("check", "a.md", "--registry", "registry", cwd=newsroom)
    assert "quotelint: warning: the registry (registry) holds no entries" in result.stderr


def test_registry_required_flag_makes_it_an_error(newsroom: Path) -> None:
    result = run_quotelint("check", "a.md", "--registry-required", "--format", "json", cwd=newsroom)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "quotelint: no registry configured, and one is required (--registry-required)" in result.stderr
    assert HOW in result.stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [(".quotelint.yaml", "registry-required: true\n"), ("pyproject.toml", "[tool.quotelint]\nregistry-required = true\n")],
)
def test_registry_required_setting_makes_it_an_error(newsroom: Path, name: str, text: str) -> None:
    (newsroom / name).write_text(text, encoding="utf-8")
    result = run_quotelint("check", "a.md", cwd=newsroom)
    assert result.returncode == 2
    assert f"one is required (registry-required in {newsroom / name})" in result.stderr
    assert run_quotelint("check", "a.md", "--no-registry-required", cwd=newsroom).returncode == 0


def test_registry_required_setting_must_be_true_or_false(newsroom: Path) -> None:
    (newsroom / ".quotelint.yaml").write_text("registry-required: yes please\n", encoding="utf-8")
    result = run_quotelint("check", "a.md", cwd=newsroom)
    assert result.returncode == 2 and "'registry-required' must be true or false" in result.stderr


def test_with_a_registry_there_is_no_warning_and_the_misspelling_is_found(newsroom: Path) -> None:
    write_registry(newsroom)
    (newsroom / ".quotelint.yaml").write_text("registry: [registry.yaml]\nregistry-required: true\n", encoding="utf-8")
    result = run_quotelint("check", "a.md", cwd=newsroom)
    assert result.returncode == 1
    assert "warning: no registry" not in result.stderr and "[QL201]" in result.stdout


def test_quiet_leaves_the_warning_out(newsroom: Path) -> None:
    result = run_quotelint("check", "a.md", "--quiet", cwd=newsroom)
    assert result.returncode == 0 and result.stderr == ""

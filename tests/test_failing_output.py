"""The text format when a run fails: what fails it is listed, info findings are counted.

Through the real command. A story with unregistered quotes (one QL103 info finding each) and
misspelled names (QL201 errors): the errors must not be buried under the notes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_quotelint
from tests.integ_helpers import write_registry

SPEAKERS = ("Mara Quill", "Tobias Renn", "Ines Falk", "Oskar Lund", "Vera Holm")
QUOTES = "\n\n".join(f'"We counted the ballots in room {n} twice," said {name}.' for n, name in enumerate(SPEAKERS, 1))
ERRORS = "The ODHIR mission observed the count, and Tokaev thanked it."  # two listed misspellings


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    write_registry(tmp_path)
    (tmp_path / ".quotelint.yaml").write_text("registry: [registry.yaml]\n", encoding="utf-8")
    (tmp_path / "story.md").write_text(f"# Count\n\n{QUOTES}\n\n{ERRORS}\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text(f"# Count\n\n{QUOTES}\n", encoding="utf-8")
    return tmp_path


def rules_listed(stdout: str) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in stdout.splitlines() if ": error [" in line or ": info [" in line]


def test_a_failing_run_lists_what_fails_it_and_counts_the_info(desk: Path) -> None:
    result = run_quotelint("check", "story.md", "notes.md", cwd=desk)
    assert result.returncode == 1
    assert rules_listed(result.stdout) == ["QL201", "QL201"]
    infos = 2 * len(SPEAKERS)
    summary, hidden = result.stdout.splitlines()[-2:]
    assert summary == f"Found {infos + 2} findings (2 errors, {infos} info) in 2 files."
    assert hidden == f"{infos} info findings not shown (QL103 unverified-quote: {infos}); --show-info lists them."


def test_show_info_lists_them(desk: Path) -> None:
    result = run_quotelint("check", "story.md", "notes.md", "--show-info", cwd=desk)
    assert result.returncode == 1
    assert sorted(rules_listed(result.stdout)) == ["QL103"] * 2 * len(SPEAKERS) + ["QL201"] * 2
    assert "not shown" not in result.stdout


def test_a_passing_run_lists_its_info(desk: Path) -> None:
    result = run_quotelint("check", "notes.md", cwd=desk)
    assert result.returncode == 0
    assert rules_listed(result.stdout) == ["QL103"] * len(SPEAKERS)
    hidden = run_quotelint("check", "notes.md", "--no-show-info", cwd=desk)
    assert rules_listed(hidden.stdout) == []
    assert hidden.stdout.splitlines()[-1] == f"{len(SPEAKERS)} info findings not shown (QL103 unverified-quote: {len(SPEAKERS)}); --show-info lists them."


def test_when_info_fails_the_run_it_is_listed(desk: Path) -> None:
    result = run_quotelint("check", "story.md", "--fail-on", "info", cwd=desk)
    assert result.returncode == 1
    assert rules_listed(result.stdout).count("QL103") == len(SPEAKERS)


def test_quiet_drops_the_count_line_too(desk: Path) -> None:
    result = run_quotelint("check", "story.md", "--quiet", cwd=desk)
    assert result.stdout.splitlines() == [line for line in result.stdout.splitlines() if ": error [QL201]" in line]
    assert len(result.stdout.splitlines()) == 2


def test_machine_formats_keep_every_finding(desk: Path) -> None:
    result = run_quotelint("check", "story.md", "--format", "json", cwd=desk)
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]].count("QL103") == len(SPEAKERS)

"""Command-line conventions users know from ruff, codespell and Vale, end to end.

No path means `.`; `--exclude`/`--extend-exclude`; honest output when there was nothing to read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_quotelint
from tests.integ_helpers import write_registry

MISSPELT = "The ODHIR mission met Tokaev.\n"  # two listed misspellings (QL201)
BOTH_SPELLINGS = "The EAEU met. The EEU met again.\n"  # two accepted spellings of one name (QL202)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    write_registry(tmp_path)
    (tmp_path / ".quotelint.yaml").write_text("registry: [registry.yaml]\n", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "vote.md").write_text(MISSPELT, encoding="utf-8")
    (tmp_path / "news" / "union.txt").write_text(BOTH_SPELLINGS, encoding="utf-8")
    return tmp_path


def paths_in(stdout: str) -> set[str]:
    return {json_finding["path"] for json_finding in json.loads(stdout)["findings"]}


def test_check_without_a_path_checks_the_current_folder(desk: Path) -> None:
    result = run_quotelint("check", "--format", "json", cwd=desk)
    assert result.returncode == 1, result.stderr
    assert paths_in(result.stdout) == {"news/vote.md", "news/union.txt"}  # no `./` before them, as in ruff
    given = run_quotelint("check", ".", "--format", "json", cwd=desk)
    assert paths_in(given.stdout) == {"./news/vote.md", "./news/union.txt"}  # as given, as before


def test_default_excludes_skip_tool_folders(desk: Path) -> None:
    for folder in ("node_modules/pkg", "venv", "_build/html", ".cache"):
        (desk / folder).mkdir(parents=True)
        (desk / folder / "README.md").write_text(MISSPELT, encoding="utf-8")
    assert paths_in(run_quotelint("check", "--format", "json", cwd=desk).stdout) == {"news/vote.md", "news/union.txt"}
    # --exclude replaces the defaults (hidden folders stay skipped); --extend-exclude adds to them
    replaced = run_quotelint("check", "--format", "json", "--exclude", "news", cwd=desk)
    assert paths_in(replaced.stdout) == {"node_modules/pkg/README.md", "venv/README.md", "_build/html/README.md"}


@pytest.mark.parametrize(
    "option",
    [
        ["--extend-exclude", "union.txt"],  # a name
        ["--extend-exclude", "news/u*"],  # a path
        ["--extend-exclude", "*.txt,other"],
        ["--exclude", "*.txt"],
    ],
)
def test_exclude_patterns(desk: Path, option: list[str]) -> None:
    result = run_quotelint("check", "--format", "json", *option, cwd=desk)
    assert paths_in(result.stdout) == {"news/vote.md"}


def test_excludes_in_the_settings_are_relative_to_the_settings_file(desk: Path) -> None:
    (desk / ".quotelint.yaml").write_text("registry: [registry.yaml]\nextend-exclude: [news/union.txt]\n", encoding="utf-8")
    (desk / "news" / "deep").mkdir()
    (desk / "news" / "deep" / "a.md").write_text(MISSPELT, encoding="utf-8")
    result = run_quotelint("check", "--format", "json", cwd=desk / "news")
    assert paths_in(result.stdout) == {"vote.md", "deep/a.md"}
    (desk / ".quotelint.yaml").write_text("registry: [registry.yaml]\nexclude: [deep]\n", encoding="utf-8")
    assert paths_in(run_quotelint("check", "--format", "json", cwd=desk / "news").stdout) == {"vote.md", "union.txt"}
    named = run_quotelint("check", "deep/a.md", "--format", "json", cwd=desk / "news")
    assert paths_in(named.stdout) == {"deep/a.md"}  # a path named on the command line is always read


def test_a_missing_file_is_not_also_a_clean_run(desk: Path) -> None:
    result = run_quotelint("check", "missing.md", cwd=desk)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "quotelint: missing.md: no such file or directory\n"


def test_a_folder_without_articles_warns(desk: Path) -> None:
    (desk / "data").mkdir()
    (desk / "data" / "table.csv").write_text("ODHIR,1\n", encoding="utf-8")
    result = run_quotelint("check", "data", cwd=desk)
    assert result.returncode == 0 and result.stdout == ""
    assert "quotelint: warning: data: no file quotelint reads in this folder" in result.stderr
    assert ".md" in result.stderr  # it says which files it reads
    both = run_quotelint("check", "data", "news/vote.md", cwd=desk)
    assert "data: no file quotelint reads" in both.stderr and "in 1 file." in both.stdout

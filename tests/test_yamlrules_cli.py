"""A project's own YAML rules, end to end through the real `quotelint` command.

A temporary project with its own `.quotelint.yaml` and a rule pack of its own: the rules show in
`rules` and `explain`, their findings in text, JSON and SARIF, and they can be suppressed,
ignored, re-graded and fixed like built-in rules, while a speech quotation keeps its words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_quotelint

SETTINGS = """\
registry: [style]
select: [newsroom]
severity: {newsroom/percent: error}
per-file-ignores: {"archive/*": [newsroom/belarus]}
"""
BASE = """\
rules:
  - id: newsroom/percent
    kind: consistency
    groups: [[percent, per cent]]
    ignorecase: true
    keep_case: true
    description: One spelling of percent per article.
"""
PACK = """\
extends: base/percent.yaml
rules:
  - id: newsroom/belarus
    kind: substitution
    swap: {Belarussia: Belarus}
    message: "Write '{suggestion}', not '{match}'"
    description: The country is Belarus.
    link: https://example.org/style#belarus
    examples:
      fail: [Talks in Belarussia.]
      pass: [Talks in Belarus.]
"""
ARTICLE = """\
Talks began in Belarussia on Monday.
“Belarussia will not take part,” the minister said on Tuesday.
Turnout was 53 percent, against 54 per cent a year before.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".quotelint.yaml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / "style" / "base").mkdir(parents=True)
    (tmp_path / "style" / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "style" / "base" / "percent.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def check(project: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_quotelint("check", "--no-cache", *args, cwd=project)


def test_rules_and_explain_list_the_projects_rules(project: Path) -> None:
    listed = run_quotelint("rules", cwd=project)
    assert listed.returncode == 0, listed.stderr
    lines = [line.split() for line in listed.stdout.splitlines()]
    assert ["newsroom/belarus", "newsroom-belarus", "style", "warning", "fix", "The", "country", "is", "Belarus"] in lines
    assert ["newsroom/percent", "newsroom-percent", "style", "warning", "fix", "One", "spelling", "of", "percent", "per", "article"] in lines
    explained = run_quotelint("explain", "newsroom/belarus", cwd=project)
    assert explained.returncode == 0, explained.stderr
    for part in ("# newsroom/belarus newsroom-belarus", "- Belarussia -> Belarus", "https://example.org/style#belarus", "    Talks in Belarussia."):
        assert part in explained.stdout


def test_findings_in_text_json_and_sarif(project: Path) -> None:
    text = check(project, "article.txt")
    assert text.returncode == 1, text.stderr
    assert text.stdout.splitlines()[:3] == [
        "article.txt:1:16: warning [newsroom/belarus] Write 'Belarus', not 'Belarussia' (suggestion: Belarus)",
        "article.txt:2:2: warning [newsroom/belarus] Write 'Belarus', not 'Belarussia' (suggestion: Belarus)",
        "article.txt:3:36: error [newsroom/percent] 'per cent' here, but 'percent' earlier in this document (suggestion: percent)",
    ]
    found = json.loads(check(project, "--format", "json", "article.txt").stdout)["findings"]
    assert [(f["rule"], f["category"], f["line"], f["column"], f["end_column"], f["suggestion"]) for f in found] == [
        ("newsroom/belarus", "style", 1, 16, 26, "Belarus"),
        ("newsroom/belarus", "style", 2, 2, 12, "Belarus"),
        ("newsroom/percent", "style", 3, 36, 44, "percent"),
    ]
    sarif = json.loads(check(project, "--format", "sarif", "article.txt").stdout)
    run = sarif["runs"][0]
    assert {r["ruleId"] for r in run["results"]} == {"newsroom/belarus", "newsroom/percent"}
    assert {"newsroom/belarus", "newsroom/percent"} <= {r["id"] for r in run["tool"]["driver"]["rules"]}


def test_ignored_selected_and_per_file_ignored_like_built_in_rules(project: Path) -> None:
    assert "newsroom/belarus" not in check(project, "--ignore", "newsroom/belarus", "article.txt").stdout
    only = check(project, "--select", "newsroom/percent", "article.txt").stdout
    assert "newsroom/percent" in only and "newsroom/belarus" not in only
    assert "No findings" in check(project, "--ignore", "style", "article.txt").stdout
    (project / "archive").mkdir()
    (project / "archive" / "old.txt").write_text(ARTICLE, encoding="utf-8")
    archived = check(project, "archive/old.txt").stdout
    assert "newsroom/percent" in archived and "newsroom/belarus" not in archived


def test_suppressed_like_built_in_rules(project: Path) -> None:
    (project / "article.md").write_text(
        "<!-- quotelint: disable-next-line=newsroom/belarus -->\nTalks began in Belarussia.\n\nBelarussia again.\n", encoding="utf-8"
    )
    found = json.loads(check(project, "--format", "json", "article.md").stdout)["findings"]
    assert [(f["rule"], f["line"]) for f in found] == [("newsroom/belarus", 4)]


def test_fix_rewrites_prose_and_leaves_the_speech_quote_alone(project: Path) -> None:
    result = check(project, "--fix", "article.txt")
    assert result.returncode == 1, result.stderr  # the finding inside the quotation stays
    assert (project / "article.txt").read_text(encoding="utf-8") == (
        "Talks began in Belarus on Monday.\n"
        "“Belarussia will not take part,” the minister said on Tuesday.\n"
        "Turnout was 53 percent, against 54 percent a year before.\n"
    )
    assert result.stdout.splitlines()[0] == "article.txt:2:2: warning [newsroom/belarus] Write 'Belarus', not 'Belarussia' (suggestion: Belarus)"

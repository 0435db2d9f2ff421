"""Command-line conventions users know from ruff, codespell and Vale, end to end.

No path means `.`; `--quiet`, `--statistics`, `--exit-zero`, `--exclude`/`--extend-exclude`,
`--extend-select`, `--color`, help with examples and exit codes, source lines as wide as the
terminal, honest output when there was nothing to read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import run_quotelint
from tests.integ_helpers import write_registry

ANSI = re.compile(r"\x1b\[[0-9;]*m")
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


def test_quiet_prints_the_findings_and_nothing_else(desk: Path) -> None:
    loud = run_quotelint("check", "news", cwd=desk)
    quiet = run_quotelint("check", "news", "--quiet", cwd=desk)
    assert quiet.returncode == loud.returncode == 1
    assert quiet.stdout.splitlines() == [line for line in loud.stdout.splitlines() if line.startswith("news/")]
    assert len(quiet.stdout.splitlines()) == 3  # two misspellings, two spellings of one name
    clean = run_quotelint("check", "-q", "news/vote.md", "--select", "QL104", cwd=desk)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")


def test_statistics_count_findings_per_rule(desk: Path) -> None:
    result = run_quotelint("check", "news", "--statistics", cwd=desk)
    assert result.returncode == 1
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows[0] == ["2", "QL201", "spelling-drift", "error", "[*]"]
    assert rows[1] == ["1", "QL202", "inconsistent-spelling", "warning", "[*]"]
    assert result.stdout.splitlines()[2] == "Found 3 findings (2 errors, 1 warning) in 2 files."
    data = json.loads(run_quotelint("check", "news", "--statistics", "--format", "json", cwd=desk).stdout)
    assert [(s["rule"], s["count"], s["fixable"]) for s in data["statistics"]] == [("QL201", 2, True), ("QL202", 1, True)]
    assert data["summary"] == {"files": 2, "findings": 3}
    sarif = run_quotelint("check", "news", "--statistics", "--format", "sarif", cwd=desk)
    assert sarif.returncode == 2 and "--statistics prints text or json" in sarif.stderr


def test_exit_zero(desk: Path) -> None:
    result = run_quotelint("check", "news", "--exit-zero", cwd=desk)
    assert result.returncode == 0 and "[QL201]" in result.stdout
    missing = run_quotelint("check", "news", "nowhere.md", "--exit-zero", cwd=desk)
    assert missing.returncode == 2  # an input error is not a finding


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


def test_extend_select_adds_to_the_selection(desk: Path) -> None:
    (desk / ".quotelint.yaml").write_text("registry: [registry.yaml]\nselect: [QL202]\n", encoding="utf-8")
    rules = lambda *args: {f["rule"] for f in json.loads(run_quotelint("check", "news", "--format", "json", *args, cwd=desk).stdout)["findings"]}  # noqa: E731
    assert rules() == {"QL202"}
    assert rules("--extend-select", "QL201") == {"QL201", "QL202"}
    assert rules("--select", "QL104", "--extend-select", "spelling-drift") == {"QL201"}


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ([], {}, False),  # not a terminal
        (["--color", "always"], {}, True),
        ([], {"NO_COLOR": "", "FORCE_COLOR": "1"}, True),
        ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins
        (["--color", "never"], {"NO_COLOR": "", "FORCE_COLOR": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),  # the flag wins
    ],
)
def test_color(desk: Path, args: list[str], env: dict[str, str], coloured: bool) -> None:
    result = run_quotelint("check", "news/vote.md", *args, cwd=desk, env=env)
    assert bool(ANSI.search(result.stdout)) is coloured
    assert ANSI.sub("", result.stdout) == run_quotelint("check", "news/vote.md", cwd=desk).stdout


def test_report_takes_color_too(desk: Path) -> None:
    assert ANSI.search(run_quotelint("report", "news", "--color", "always", cwd=desk).stdout)
    assert ANSI.search(run_quotelint("report", "news", cwd=desk, env={"NO_COLOR": "", "FORCE_COLOR": "1"}).stdout)
    assert not ANSI.search(run_quotelint("report", "news", cwd=desk).stdout)


@pytest.mark.parametrize("command", [[], ["check"]])
def test_help_shows_examples_and_exit_codes(command: list[str], tmp_path: Path) -> None:
    result = run_quotelint(*command, "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "examples:\n  quotelint check " in result.stdout
    codes = result.stdout.split("exit codes:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in codes[:3]] == ["0", "1", "2"]


@pytest.mark.parametrize(("columns", "widest"), [("60", 60), ("200", 200), ("", 80), ("wide", 80), ("-5", 80)])
def test_help_fits_the_terminal(tmp_path: Path, columns: str, widest: int) -> None:
    shown = run_quotelint("extract", "--help", cwd=tmp_path, env={"COLUMNS": columns}).stdout
    lines = shown.split("\n\n", 1)[1].splitlines()  # below the usage, whose groups of options are never cut
    assert max(map(len, lines)) <= widest  # no terminal here: COLUMNS if it is a positive number, else 80
    assert (max(map(len, lines)) > 80) is (widest > 80)


@pytest.mark.parametrize("columns", [50, 80, 200])
def test_source_lines_fit_the_terminal(desk: Path, columns: int) -> None:
    before, after = "Words before the name, " * 5, " and words after it," * 5
    line = f"{before}ODHIR{after}"
    (desk / "long.txt").write_text(line + "\n", encoding="utf-8")
    result = run_quotelint("check", "long.txt", "--show-source", cwd=desk, env={"COLUMNS": str(columns)})
    _, shown, carets = result.stdout.splitlines()[:3]
    assert all(len(text) <= columns for text in (shown, carets))
    assert shown[carets.index("^") : carets.rindex("^") + 1] == "ODHIR"
    assert (shown.strip() == line) is (len(line) + 4 <= columns)


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


def test_extract_takes_no_fail_on(desk: Path) -> None:
    result = run_quotelint("extract", "news", "--fail-on", "error", cwd=desk)
    assert result.returncode == 2
    assert "--fail-on belongs to check and report" in result.stderr
    assert "--fail-on" not in run_quotelint("extract", "--help", cwd=desk).stdout


def test_findings_at_one_span_come_out_in_one_order() -> None:
    from quotelint.finding import Finding, Severity

    def finding(message: str) -> Finding:
        return Finding("a.txt", 1, 1, 1, 5, "QL302", "claim-mismatch", Severity.WARNING, message, None, 0, 4)

    two = [finding("turnout is 54 percent here"), finding("turnout is 53 percent here")]
    assert sorted(two, key=lambda f: f.sort_key) == sorted(reversed(two), key=lambda f: f.sort_key)

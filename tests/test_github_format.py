"""`--format github`: workflow-command annotations, their escaping and limits, the job summary."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from quotelint.errors import UserError
from quotelint.finding import Finding, Severity
from quotelint.formatters.github import annotation, escape_data, escape_property, render_findings, workspace_path
from quotelint.formatters.summary import cell, render_summary
from tests.integ_helpers import runner_commands, write_registry


def finding(
    path: str = "a.md",
    line: int = 3,
    column: int = 5,
    end_line: int | None = None,
    end_column: int = 10,
    severity: Severity = Severity.ERROR,
    message: str = "'ODHIR' is a misspelling of 'ODIHR'",
    suggestion: str | None = "ODIHR",
    rule: str = "QL201",
    category: str = "spelling-drift",
) -> Finding:
    return Finding(path, line, column, line if end_line is None else end_line, end_column, rule, category, severity, message, suggestion, 0, 5)


def args(limit: int | None = None) -> argparse.Namespace:
    return argparse.Namespace(max_annotations=limit)


@pytest.fixture(autouse=True)
def no_github_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


def test_escaping_of_data_and_properties() -> None:
    assert escape_data("100% sure,\r\nsaid: yes") == "100%25 sure,%0D%0Asaid: yes"
    assert escape_property("a,b:c.md") == "a%2Cb%3Ac.md"
    assert escape_property("%0A") == "%250A"  # an escape sequence in the text stays literal


def test_annotation_byte_exact_with_awkward_path_and_message() -> None:
    f = finding(path="a,b:c.md", message="turnout was 54%, not 53%\nsee: line two", suggestion=None)
    assert annotation(f) == (
        "::error file=a%2Cb%3Ac.md,line=3,endLine=3,col=5,endColumn=10,title=QL201 spelling-drift"
        "::turnout was 54%25, not 53%25%0Asee: line two"
    )


def test_suggestion_is_part_of_the_message() -> None:
    assert annotation(finding()).endswith("::'ODHIR' is a misspelling of 'ODIHR' (suggestion: ODIHR)")


def test_span_over_several_lines_drops_columns_and_info_is_notice() -> None:
    f = finding(line=4, end_line=6, severity=Severity.INFO, rule="house/x", category="style", suggestion=None, message="m")
    assert annotation(f) == "::notice file=a.md,line=4,endLine=6,title=house/x style::m"


def test_warning_and_standard_input() -> None:
    f = finding(path="-", severity=Severity.WARNING, suggestion=None, message="m")
    assert annotation(f) == "::warning line=3,endLine=3,col=5,endColumn=10,title=QL201 spelling-drift::m"


def test_paths_relative_to_the_workspace(tmp_path: Path) -> None:
    assert workspace_path(str(tmp_path / "news" / "a.md"), str(tmp_path)) == "news/a.md"
    assert workspace_path("./news/a.md", str(tmp_path)) == "news/a.md"
    assert workspace_path("/elsewhere/a.md", str(tmp_path / "ws")) == "/elsewhere/a.md"


def test_most_severe_first_limit_and_what_was_left_out() -> None:
    findings = [
        finding(path="b.md", line=1, severity=Severity.INFO, message="info one", suggestion=None),
        finding(path="a.md", line=9, severity=Severity.WARNING, message="warn", suggestion=None),
        finding(path="b.md", line=2, severity=Severity.ERROR, message="err b", suggestion=None),
        finding(path="a.md", line=1, severity=Severity.ERROR, message="err a\nmore", suggestion=None),
    ]
    out = render_findings(findings, files=5, args=args(2)).splitlines()
    token = out[2].removeprefix("::stop-commands::")
    assert out == [
        "::error file=a.md,line=1,endLine=1,col=5,endColumn=10,title=QL201 spelling-drift::err a%0Amore",
        "::error file=b.md,line=2,endLine=2,col=5,endColumn=10,title=QL201 spelling-drift::err b",
        f"::stop-commands::{token}",
        "a.md:9:5: warning [QL201] warn",
        "b.md:1:5: info [QL201] info one",
        f"::{token}::",
        "quotelint: 4 findings in 2 of 5 files checked; 2 not shown as annotations (--max-annotations 2).",
    ]


def test_default_limit_is_fifty() -> None:
    findings = [finding(line=i + 1, suggestion=None) for i in range(60)]
    out = render_findings(findings, files=1, args=args()).splitlines()
    assert sum(line.startswith("::error ") for line in out) == 50
    assert out[-1] == "quotelint: 60 findings in 1 of 1 file checked; 10 not shown as annotations (--max-annotations 50)."


def test_no_findings() -> None:
    assert render_findings([], files=3, args=args()) == "quotelint: 0 findings in 3 files checked.\n"


def test_negative_limit_is_a_user_error() -> None:
    with pytest.raises(UserError):
        render_findings([], files=1, args=args(-1))


def test_job_summary_is_appended_when_github_asks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    findings = [
        finding(path="x|y.md", line=2, severity=Severity.WARNING, message="a `code` | pipe\nand <b>", suggestion=None, rule="QL202", category="inconsistent-spelling"),
        finding(path="a.md", line=7),
    ]
    render_findings(findings, files=4, args=args(1))
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## quotelint\n")
    assert "**2 findings** (1 error, 1 warning) in 2 of 4 files checked." in text
    assert "| inconsistent-spelling | 0 | 1 | 0 | 1 |" in text
    assert "| spelling-drift | 1 | 0 | 0 | 1 |" in text
    rows = [line for line in text.splitlines() if line.startswith("| a.md") or line.startswith("| x")]
    assert rows == [
        "| a.md | 7 | error | QL201 | 'ODHIR' is a misspelling of 'ODIHR' (suggestion: ODIHR) |",
        "| x\\|y.md | 2 | warning | QL202 | a \\`code\\` \\| pipe<br>and &lt;b&gt; |",
    ]
    assert "1 finding not shown as annotations" in text


def test_cell_escaping() -> None:
    assert cell("a|b`c\r\nd*e_[f]~&") == "a\\|b\\`c<br>d\\*e\\_\\[f\\]\\~&amp;"
    assert cell("back\\slash") == "back\\\\slash"


def test_summary_without_findings_and_row_cap() -> None:
    assert render_summary([], 2) == "## quotelint\n\nNo findings in 2 files checked.\n"
    many = [finding(line=i + 1) for i in range(305)]
    text = render_summary(many, 1)
    assert sum(line.startswith("| a.md |") for line in text.splitlines()) == 300
    assert "The table shows the first 300; the log of this step lists all 305." in text


def test_file_names_cannot_issue_workflow_commands(tmp_path: Path, quotelint) -> None:  # type: ignore[no-untyped-def]
    news = tmp_path / "news"
    news.mkdir()
    (news / "a\n::error::boom.md").write_text("Observers from ODHIR watched the vote.\n", encoding="utf-8")
    (news / "b\n::add-mask::x.txt").write_bytes(b"\xff\xfe not UTF-8\n")
    for limit in ("0", "1"):
        result = quotelint("check", "--format", "github", "--max-annotations", limit, "--registry", str(write_registry(tmp_path)), str(news))
        assert result.returncode == 2, result.stderr  # the file that is not UTF-8
        commands = runner_commands(result.stdout) + runner_commands(result.stderr)
        assert [c.split(" ", 1)[0] for c in commands] == ([] if limit == "0" else ["::error"]), commands
        if limit == "0":
            assert "a\\n::error::boom.md:1:16: error [QL201]" in result.stdout
        assert "b\\n::add-mask::x.txt:1: not valid UTF-8" in result.stderr


def test_plain_lines_show_control_characters_and_stop_commands() -> None:
    f = finding(path="x\r::warning::y.md", message="said\u202e\x1b[2J here\nthen", suggestion=None)
    out = render_findings([f], files=1, args=args(0)).splitlines()
    token = out[0].removeprefix("::stop-commands::")
    assert len(token) >= 32 and out[2] == f"::{token}::"
    assert out[1] == "x\\r::warning::y.md:3:5: error [QL201] said\\u202e\\x1b[2J here\\nthen"
    assert runner_commands("\n".join(out)) == []


def test_a_registry_file_name_cannot_issue_workflow_commands(tmp_path: Path, quotelint) -> None:  # type: ignore[no-untyped-def]
    registry = tmp_path / "r\n::error::empty.yaml"
    registry.write_text("people: []\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Nothing to see.\n", encoding="utf-8")
    done = quotelint("check", "--format", "github", "--registry", str(registry), str(tmp_path / "a.md"))
    assert runner_commands(done.stderr) == [] and "r\\n::error::empty.yaml" in done.stderr
    assert all(line.startswith("quotelint: ") for line in done.stderr.splitlines())

"""`--diff-base REF`: only findings on lines that the branch adds or changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotelint.cli import main
from quotelint.finding import Finding, Severity
from quotelint.gitdiff import changed_lines, only_changed, unquote
from tests.integ_helpers import git, init_repo, write_registry

BASE_ARTICLE = "Line one.\nThe ODHIR mission came.\nLine three.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = init_repo(tmp_path / "repo")
    write_registry(repo)
    (repo / "news").mkdir()
    (repo / "news" / "a.md").write_text(BASE_ARTICLE, encoding="utf-8")
    (repo / "news" / "same.md").write_text("Old ODHIR news.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "feature")
    monkeypatch.chdir(repo)
    return repo


def findings_on(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[tuple[str, int]]]:
    capsys.readouterr()
    code = main(["check", "--registry", "registry.yaml", "--no-cache", "--format", "json", *args])
    found = json.loads(capsys.readouterr().out)["findings"]
    return code, [(f["path"], f["line"]) for f in found]


def test_only_lines_the_branch_adds_or_changes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = repo / "news" / "a.md"
    article.write_text("New first line with ODHIR.\n" + BASE_ARTICLE + "Added: Tokaev and ODHIR.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit")
    code, found = findings_on(capsys, "news", "--diff-base", "main")
    assert code == 1
    # the ODHIR of lines 1 and 5 is one finding (naming line 5), Tokaev another
    assert found == [("news/a.md", 1), ("news/a.md", 5)]
    # without --diff-base the old line is reported as well: the ODHIR of lines 1, 3 and 5, Tokaev
    assert findings_on(capsys, "news")[1] == [("news/a.md", 1), ("news/a.md", 5), ("news/same.md", 1)]


def test_uncommitted_changes_and_untracked_files_count(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "news" / "same.md").write_text("Old ODHIR news.\nFresh ODHIR line.\n", encoding="utf-8")
    (repo / "news" / "draft.md").write_text("Draft about ODHIR.\n", encoding="utf-8")
    assert findings_on(capsys, "news", "--diff-base", "main")[1] == [("news/draft.md", 1), ("news/same.md", 2)]


def test_main_moving_on_does_not_matter(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "checkout", "-q", "main")
    (repo / "news" / "other.md").write_text("Main adds ODHIR.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "main moves on")
    git(repo, "checkout", "-q", "feature")
    (repo / "news" / "a.md").write_text(BASE_ARTICLE + "Branch adds ODHIR.\n", encoding="utf-8")
    assert findings_on(capsys, "news", "--diff-base", "main")[1] == [("news/a.md", 4)]


def test_renamed_file_is_followed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "mv", "news/a.md", "news/renamed.md")
    git(repo, "commit", "-q", "-m", "rename")
    assert findings_on(capsys, "news", "--diff-base", "main") == (0, [])


def test_odd_file_names_from_a_subfolder(repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    name = "a,b:c ü.md"
    (repo / "news" / name).write_text("Calm.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "odd name")
    git(repo, "checkout", "-q", "-b", "second")
    (repo / "news" / name).write_text("Calm.\nThe ODHIR came.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit odd")
    monkeypatch.chdir(repo / "news")
    capsys.readouterr()
    code = main(["check", "--registry", "../registry.yaml", "--no-cache", "--format", "json", ".", "--diff-base", "feature"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1 and [(f["path"], f["line"]) for f in found] == [(f"./{name}", 2)]


@pytest.mark.parametrize(("ref", "message"), [("no-such-branch", "git merge-base failed"), ("--output=x", "takes a git revision")])
def test_bad_refs_are_user_errors(repo: Path, capsys: pytest.CaptureFixture[str], ref: str, message: str) -> None:
    capsys.readouterr()
    assert main(["check", "--registry", "registry.yaml", "--no-cache", "news", f"--diff-base={ref}"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (repo / "x").exists()


def test_outside_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    write_registry(tmp_path)
    (tmp_path / "a.md").write_text("The ODHIR came.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--registry", "registry.yaml", "--no-cache", "a.md", "--diff-base", "main"]) == 2
    assert "git rev-parse failed" in capsys.readouterr().err


def test_changed_lines_parser() -> None:
    diff = (
        "diff --git a/x.md b/x.md\n"
        "--- a/x.md\n"
        "+++ b/x.md\n"
        "@@ -1,0 +2,3 @@ heading\n"
        "+a\n+b\n+c\n"
        "@@ -10 +12 @@\n"
        "-old\n+new\n"
        "@@ -20,2 +22,0 @@\n"
        "-gone\n-gone\n"
        "diff --git a/gone.md b/gone.md\n"
        "--- a/gone.md\n"
        "+++ /dev/null\n"
        "@@ -1 +0,0 @@\n"
        "-x\n"
        "--- a/with space.md\n"
        "+++ b/with space.md\t\n"
        "@@ -1 +1 @@\n"
        '+++ "b/caf\\303\\251 \\"q\\".md"\n'
        "@@ -0,0 +1,2 @@\n"
    )
    assert changed_lines(diff) == {"x.md": [(2, 4), (12, 12)], "with space.md": [(1, 1)], 'café "q".md': [(1, 2)]}


def test_unquote() -> None:
    assert unquote("plain.md") == "plain.md"
    assert unquote('"tab\\there.md"') == "tab\there.md"
    assert unquote('"\\303\\274.md"') == "ü.md"


def test_standard_input_findings_stay(repo: Path) -> None:
    f = Finding("-", 1, 1, 1, 2, "QL201", "x", Severity.ERROR, "m", None, 0, 1)
    assert only_changed([f], "main", str(repo)) == [f]

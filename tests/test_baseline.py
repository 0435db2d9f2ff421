"""The baseline: old findings recorded by content, so that only new ones are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotelint.baseline import filter_known, sentence_around, write
from quotelint.cli import main
from quotelint.finding import Finding, Severity
from tests.integ_helpers import write_registry

ARTICLE = "Election day.\n\nThe ODHIR mission observed the vote. Turnout was low.\n\nTokaev spoke later.\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_registry(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[tuple[int, str]]]:
    capsys.readouterr()
    code = main(["check", "--registry", "registry.yaml", "--no-cache", "--format", "json", *args])
    out = capsys.readouterr().out
    found = json.loads(out)["findings"] if out else []
    return code, [(f["line"], f["message"].split("'")[1]) for f in found]


def test_write_then_nothing_is_new(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys, "news", "--write-baseline", "baseline.json")[0] == 0
    data = json.loads((workdir / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(e["path"], e["rule"], e["text"], e["count"]) for e in data["findings"]] == [
        ("news/a.md", "QL201", "ODHIR", 1),
        ("news/a.md", "QL201", "Tokaev", 1),
    ]
    assert check(capsys, "news", "--baseline", "baseline.json") == (0, [])


def test_lines_added_above_do_not_revive(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check(capsys, "news", "--write-baseline", "baseline.json")
    article = workdir / "news" / "a.md"
    article.write_text("# A new headline\n\nA new paragraph.\n\n" + ARTICLE.replace("observed the vote.", "observed\nthe vote."), encoding="utf-8")
    assert check(capsys, "news", "--baseline", "baseline.json") == (0, [])


def test_a_new_finding_and_an_edited_sentence_are_reported(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check(capsys, "news", "--write-baseline", "baseline.json")
    article = workdir / "news" / "a.md"
    edited = ARTICLE.replace("Tokaev spoke later.", "Tokaev spoke later, briefly.") + "\nThe ODHIR report came.\n"
    article.write_text(edited, encoding="utf-8")
    assert check(capsys, "news", "--baseline", "baseline.json") == (1, [(5, "Tokaev"), (7, "ODHIR")])


def test_a_second_identical_finding_is_new(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check(capsys, "news", "--write-baseline", "baseline.json")
    article = workdir / "news" / "a.md"
    article.write_text(ARTICLE + "\nTokaev spoke later.\n", encoding="utf-8")
    code, found = check(capsys, "news", "--baseline", "baseline.json")
    assert code == 1 and found == [(7, "Tokaev")]  # the later one; the recorded count was 1


def test_paths_are_relative_to_the_baseline_file(workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    check(capsys, "news", "--write-baseline", "baseline.json")
    monkeypatch.chdir(workdir / "news")
    capsys.readouterr()
    code = main(["check", "--registry", "../registry.yaml", "--no-cache", "--format", "json", "a.md", "--baseline", "../baseline.json"])
    assert code == 0


def test_baseline_from_the_settings(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check(capsys, "news", "--write-baseline", "baseline.json")
    (workdir / ".quotelint.yaml").write_text("registry: [registry.yaml]\nbaseline: baseline.json\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--no-cache", "news"]) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{not json", "the baseline is not valid JSON"),
        ('{"version": 9, "findings": []}', "not a quotelint baseline of version 1"),
        ('{"version": 1, "findings": [{"path": "a"}]}', "baseline entry 1 lacks path, rule, text or sentence"),
        ('{"version": 1, "findings": [{"path": "a", "rule": "r", "text": "t", "sentence": "s", "count": 0}]}', "baseline entry 1 is malformed"),
    ],
)
def test_bad_baseline_files_are_user_errors(workdir: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str) -> None:
    if content is not None:
        (workdir / "baseline.json").write_text(content, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--registry", "registry.yaml", "--no-cache", "news", "--baseline", "baseline.json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("quotelint: baseline.json") and message in err
    assert "Traceback" not in err


def test_sentence_around() -> None:
    text = 'He left. "The ODHIR came." She stayed!\n\nNext   paragraph here'
    at = text.index("ODHIR")
    assert sentence_around(text, at, at + 5) == '"The ODHIR came."'
    at = text.index("paragraph")
    assert sentence_around(text, at, at + 9) == "Next paragraph here"


def test_write_and_filter_directly(tmp_path: Path) -> None:
    text = "One ODHIR here. Two ODHIR there.\n"
    path = str(tmp_path / "a.txt")
    first = Finding(path, 1, 5, 1, 10, "QL201", "x", Severity.ERROR, "m", "ODIHR", 4, 9)
    second = Finding(path, 1, 21, 1, 26, "QL201", "x", Severity.ERROR, "m", "ODIHR", 20, 25)
    baseline = str(tmp_path / "b.json")
    write(baseline, [first], {path: text})
    assert filter_known([first, second], baseline, {path: text}) == [second]  # other sentence, other fingerprint
    other_rule = Finding(path, 1, 5, 1, 10, "QL202", "x", Severity.ERROR, "m", "ODIHR", 4, 9)
    assert filter_known([other_rule], baseline, {path: text}) == [other_rule]

"""`check --fix` and `--diff`: safe fixes, every other byte kept, atomic writes, failures safe."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from quotelint.cli import main
from quotelint.commands.fix import apply_fixes, diff_fixes, plan_file, replacement
from quotelint.document import Document, read_document
from quotelint.finding import Finding, Severity
from tests.integ_helpers import write_registry


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_registry(tmp_path)
    return tmp_path


def check(*args: str) -> int:
    return main(["check", "--registry", "registry.yaml", "--no-cache", "--format", "json", *args])


def synthetic(start: int, end: int, suggestion: str | None, fixable: bool = True, rule: str = "QL201", line: int = 1) -> Finding:
    return Finding("a.txt", line, start + 1, line, end + 1, rule, "spelling-drift", Severity.ERROR, "m", suggestion, start, end, fixable)


# The article: a BOM, CRLF line endings, non-ASCII text, a lone CR inside a line, tabs, trailing
# spaces, and no line break at the end.
ORIGINAL = (
    b"\xef\xbb\xbfElection day\r\n"
    b"\r\n"
    b"The ODHIR mission, led by Ms M\xc3\xbcller \xe2\x80\x94 \xe2\x80\x9cwe saw it\xe2\x80\x9d \xe2\x80\x94 spoke.\t \r\n"
    b"Odd\rline, then ODHIR again.  \r\n"
    b"Last line without a break: ODHIR"
)


def test_fix_crlf_bom_file_changes_only_the_misspellings(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = workdir / "article.txt"
    article.write_bytes(ORIGINAL)
    os.chmod(article, 0o640)
    assert check("--fix", "article.txt") == 0
    assert article.read_bytes() == ORIGINAL.replace(b"ODHIR", b"ODIHR")
    assert stat.S_IMODE(os.stat(article).st_mode) == 0o640
    err = capsys.readouterr().err
    assert "fixed 3 findings in 1 file" in err
    assert sorted(p.name for p in workdir.iterdir()) == ["article.txt", "registry.yaml"]  # no temporary file left


def test_fixing_twice_changes_nothing_and_touches_nothing(workdir: Path) -> None:
    article = workdir / "article.txt"
    article.write_bytes(ORIGINAL)
    check("--fix", "article.txt")
    once = article.read_bytes()
    os.utime(article, ns=(1_000_000_000, 1_000_000_000))
    assert check("--fix", "article.txt") == 0
    assert article.read_bytes() == once
    assert os.stat(article).st_mtime_ns == 1_000_000_000


def test_cr_only_file(workdir: Path) -> None:
    article = workdir / "old_mac.txt"
    article.write_bytes(b"First.\rThe ODHIR came.\rEnd.\r")
    check("--fix", "old_mac.txt")
    assert article.read_bytes() == b"First.\rThe ODIHR came.\rEnd.\r"


def test_fix_only_what_is_selected(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    article = workdir / "a.md"
    article.write_text("The EAEU met. Tokaev said the EEU would grow.\n", encoding="utf-8")
    assert check("--fix", "--select", "QL201", "a.md") == 0
    assert article.read_text(encoding="utf-8") == "The EAEU met. Tokayev said the EEU would grow.\n"
    capsys.readouterr()
    # "The EAEU met. Tokayev said the " is 31 code points: EEU stands at columns 32-35.
    assert check("a.md") == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["column"], f["end_column"], f["suggestion"]) for f in found] == [("QL202", 32, 35, "EAEU")]
    assert check("--fix", "a.md") == 0
    assert article.read_text(encoding="utf-8") == "The EAEU met. Tokayev said the EAEU would grow.\n"


def test_diff_shows_and_writes_nothing(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = workdir / "article.txt"
    article.write_bytes(b"Intro.\nThe ODHIR came.\nEnd")
    capsys.readouterr()
    assert check("--diff", "article.txt") == 1
    out = capsys.readouterr().out
    assert out == (
        "--- a/article.txt\n"
        "+++ b/article.txt\n"
        "@@ -1,3 +1,3 @@\n"
        " Intro.\n"
        "-The ODHIR came.\n"
        "+The ODIHR came.\n"
        " End\n"
        "\\ No newline at end of file\n"
    )
    assert article.read_bytes() == b"Intro.\nThe ODHIR came.\nEnd"


def test_diff_with_nothing_to_fix_is_empty(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "clean.txt").write_text("The ODIHR came.\n", encoding="utf-8")
    capsys.readouterr()
    assert check("--diff", "clean.txt") == 0
    assert capsys.readouterr().out == ""


def test_failed_write_leaves_the_original_intact(workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    article = workdir / "article.txt"
    article.write_bytes(ORIGINAL)

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert check("--fix", "article.txt") == 2
    err = capsys.readouterr().err
    assert "article.txt: could not write the fixes (Permission denied); the file is unchanged" in err
    assert article.read_bytes() == ORIGINAL
    assert sorted(p.name for p in workdir.iterdir()) == ["article.txt", "registry.yaml"]


def test_file_changed_since_it_was_read_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The ODHIR came.\n", encoding="utf-8")
    doc = read_document(str(path))
    path.write_text("The ODHIR came, edited.\n", encoding="utf-8")
    f = Finding(str(path), 1, 5, 1, 10, "QL201", "spelling-drift", Severity.ERROR, "m", "ODIHR", 4, 9, True)
    problems: list = []
    assert apply_fixes([f], {str(path): doc}, problems) == [f]
    assert path.read_text(encoding="utf-8") == "The ODHIR came, edited.\n"
    assert "changed on disk since it was read" in str(problems[0])


def test_standard_input_is_never_written(workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    article = workdir / "article.txt"
    article.write_bytes(b"The ODHIR came.\n")
    stdin = io.TextIOWrapper(io.BytesIO(b"The ODHIR came.\n"))
    monkeypatch.setattr("sys.stdin", stdin)
    assert check("--fix", "--stdin-filename", "article.txt", "-") == 1
    assert article.read_bytes() == b"The ODHIR came.\n"


def test_unsafe_fixes_are_left_alone() -> None:
    doc = Document.from_text("The ODHIR came.", "a.txt")
    assert replacement(doc, synthetic(4, 9, "ODIHR")) == "ODIHR"
    assert replacement(doc, synthetic(4, 9, "ODIHR", fixable=False)) is None
    assert replacement(doc, synthetic(4, 9, None)) is None
    assert replacement(doc, synthetic(4, 9, "OD\nIHR")) is None
    assert replacement(doc, synthetic(4, 4, "X")) is None


def test_span_across_a_line_break_is_fixed_word_for_word() -> None:
    doc = Document.from_text("the Trade\r\n  Route is", "a.txt")
    assert replacement(doc, synthetic(4, 18, "Transport Route")) == "Transport\r\n  Route"
    assert replacement(doc, synthetic(4, 18, "TITR")) is None


def test_html_suggestions_are_escaped_and_markup_is_left_alone() -> None:
    doc = Document.from_text("<p>Smith and Co &amp; <b>X</b></p>", "a.html", "html")
    assert replacement(doc, synthetic(3, 8, "Smith & Co")) == "Smith &amp; Co"
    assert replacement(doc, synthetic(16, 21, "and")) is None  # the span holds an entity
    assert replacement(doc, synthetic(22, 30, "Y")) is None  # the span holds tags


def test_overlapping_fixes_first_wins_and_duplicates_merge() -> None:
    doc = Document.from_text("The ODHIR mission", "a.txt")
    first = synthetic(4, 9, "ODIHR")
    same = synthetic(4, 9, "ODIHR", rule="house/odihr")
    overlapping = synthetic(4, 17, "ODIHR mission", rule="QL202")
    plan = plan_file(doc, [overlapping, same, first])
    assert plan.new_text == "The ODIHR mission"
    assert set(plan.fixed) == {first, same}
    assert plan.unfixed == (overlapping,)


def test_moved_findings_after_a_longer_replacement(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("ODHIR and Tokaev\nnext ODHIR line\n", encoding="utf-8")
    doc = read_document(str(path))
    grow = Finding(str(path), 1, 1, 1, 6, "QL201", "x", Severity.ERROR, "m", "OSCE/ODIHR", 0, 5, True)
    stay = Finding(str(path), 1, 11, 1, 17, "QL103", "x", Severity.INFO, "m", None, 10, 16)
    below = Finding(str(path), 2, 6, 2, 11, "QL103", "x", Severity.INFO, "m", None, 22, 27)
    left = apply_fixes([grow, stay, below], {str(path): doc})
    assert path.read_text(encoding="utf-8") == "OSCE/ODIHR and Tokaev\nnext ODHIR line\n"
    assert [(f.line, f.column, f.end_column, f.start, f.end) for f in left] == [(1, 16, 22, 15, 21), (2, 6, 11, 27, 32)]


def test_diff_of_two_files_in_path_order(tmp_path: Path) -> None:
    docs = {}
    findings = []
    for name in ("b.txt", "a.txt"):
        doc = Document.from_text("x ODHIR\n", name)
        docs[name] = doc
        findings.append(Finding(name, 1, 3, 1, 8, "QL201", "x", Severity.ERROR, "m", "ODIHR", 2, 7, True))
    patch = diff_fixes(findings, docs)
    assert patch.index("--- a/a.txt") < patch.index("--- a/b.txt")
    assert patch.count("+x ODIHR\n") == 2


def test_diff_hunks_match_difflib_on_ordinary_text() -> None:
    import difflib

    lines = [f"Line {i} of the story.\n" for i in range(1, 41)]
    for i in (2, 12, 19, 27, 28, 40):  # hunks that merge (12 and 19: six lines apart) and that do not
        lines[i - 1] = f"Line {i} names the ODHIR.\n"
    text = "".join(lines)
    doc = Document.from_text(text, "s.txt")
    findings = []
    for m in re.finditer("ODHIR", text):
        line = text.count("\n", 0, m.start()) + 1
        findings.append(Finding("s.txt", line, 1, line, 2, "QL201", "x", Severity.ERROR, "m", "ODIHR", m.start(), m.end(), True))
    expected = "".join(difflib.unified_diff(text.splitlines(True), text.replace("ODHIR", "ODIHR").splitlines(True), "a/s.txt", "b/s.txt"))
    assert diff_fixes(findings, {"s.txt": doc}) == expected


def test_diff_line_numbers_ignore_unicode_line_separators() -> None:
    text = "One\u2028still line one.\nTwo.\nThe ODHIR, three.\n"
    doc = Document.from_text(text, "u.txt")
    start = text.index("ODHIR")
    f = Finding("u.txt", 3, 5, 3, 10, "QL201", "x", Severity.ERROR, "m", "ODIHR", start, start + 5, True)
    assert diff_fixes([f], {"u.txt": doc}).split("\n")[2:] == [
        "@@ -1,3 +1,3 @@",
        " One\u2028still line one.",
        " Two.",
        "-The ODHIR, three.",
        "+The ODIHR, three.",
        "",
    ]

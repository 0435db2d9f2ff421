"""The command line end to end: formats, selection, settings, exit codes, standard input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_quotelint

REGISTRY = """\
people:
  - id: antonio-guterres
    name: António Guterres
    aliases: [Antonio Guterres, Guterres]
organizations:
  - id: odihr
    name: Office for Democratic Institutions and Human Rights
    aliases: [ODIHR]
    misspellings: [ODHIR]
terms:
  - id: respublica
    name: Respublica
    aliases: [Respublika]
"""
ARTICLE = "The ODHIR mission met Antonio Gutteres.\nRespublica won; Respublika lost.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "names.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.quotelint]\nregistry = ["rules"]\n', encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "notes.json").write_text('{"ODHIR": 1}', encoding="utf-8")
    return tmp_path


def test_json_follows_the_contract(project: Path) -> None:
    result = run_quotelint("check", "articles", "--format", "json", cwd=project)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["summary"] == {"files": 1, "findings": 3}
    first = data["findings"][0]
    assert first == {
        "path": "articles/a.txt",
        "line": 1,
        "column": 5,
        "end_line": 1,
        "end_column": 10,
        "rule": "QL201",
        "category": "spelling-drift",
        "severity": "error",
        "message": "'ODHIR' is a misspelling of 'ODIHR' (Office for Democratic Institutions and Human Rights)",
        "suggestion": "ODIHR",
    }
    assert [(f["line"], f["column"], f["suggestion"]) for f in data["findings"][1:]] == [(1, 31, "Guterres"), (2, 17, "Respublica")]


def test_text_format_lines(project: Path) -> None:
    result = run_quotelint("check", "articles/a.txt", cwd=project)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("articles/a.txt:1:5: error [QL201] 'ODHIR' is a misspelling")
    assert lines[-1] == "Found 3 findings (2 errors, 1 warning) in 1 file."


def test_show_source_puts_a_caret_under_the_span(project: Path) -> None:
    result = run_quotelint("check", "articles/a.txt", "--show-source", "--select", "QL201", cwd=project)
    lines = result.stdout.splitlines()
    assert lines[1] == "    The ODHIR mission met Antonio Gutteres."
    assert lines[2] == "        ^^^^^"


def test_show_source_shows_escape_sequences_instead_of_sending_them(project: Path) -> None:
    line = "\x1b]0;owned\x07\x1b[2J The ODHIR team\u202e met \x9b31m Antonio Gutteres.\n"
    (project / "articles" / "a.txt").write_text(line, encoding="utf-8")
    result = run_quotelint("check", "articles/a.txt", "--show-source", "--select", "QL201", cwd=project)
    assert not any(c in result.stdout for c in "\x1b\x07\x9b\u202e")
    lines = result.stdout.splitlines()
    assert lines[1] == "    \\x1b]0;owned\\x07\\x1b[2J The ODHIR team\\u202e met \\x9b31m Antonio Gutteres."
    assert lines[2] == " " * lines[1].index("ODHIR") + "^^^^^"
    assert lines[5] == " " * lines[4].index("Gutteres") + "^" * len("Gutteres")


@pytest.mark.parametrize(
    ("option", "rules"),
    [
        (["--select", "QL202"], {"QL202"}),
        (["--select", "spelling-drift"], {"QL201"}),
        (["--ignore", "QL2"], set()),
        (["--select", "QL2", "--ignore", "inconsistent-spelling"], {"QL201"}),
    ],
)
def test_select_and_ignore(project: Path, option: list[str], rules: set[str]) -> None:
    result = run_quotelint("check", "articles", "--format", "json", *option, cwd=project)
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == rules


def test_fail_on(project: Path) -> None:
    only_warning = ["--select", "QL202"]
    assert run_quotelint("check", "articles", *only_warning, cwd=project).returncode == 1
    assert run_quotelint("check", "articles", *only_warning, "--fail-on", "error", cwd=project).returncode == 0
    (project / "clean.txt").write_text("Nothing to see.\n", encoding="utf-8")
    assert run_quotelint("check", "clean.txt", cwd=project).returncode == 0


def test_settings_from_quotelint_yaml_and_severity_override(project: Path) -> None:
    (project / "pyproject.toml").unlink()
    (project / ".quotelint.yaml").write_text("registry: [rules]\nseverity: {QL201: info}\nfail-on: warning\nignore: [QL202]\n", encoding="utf-8")
    result = run_quotelint("check", "articles", "--format", "json", cwd=project)
    data = json.loads(result.stdout)
    assert {f["severity"] for f in data["findings"]} == {"info"}
    assert result.returncode == 0


def test_per_file_ignores(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.quotelint]\nregistry = ["rules"]\n[tool.quotelint.per-file-ignores]\n"articles/*.txt" = ["QL201"]\n', encoding="utf-8"
    )
    result = run_quotelint("check", "articles", "--format", "json", cwd=project)
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"QL202"}


def test_standard_input(project: Path) -> None:
    result = run_quotelint("check", "-", "--format", "json", cwd=project, stdin=b"\xef\xbb\xbfThe ODHIR said so.\r\n")
    finding = json.loads(result.stdout)["findings"][0]
    assert (finding["path"], finding["column"]) == ("-", 5)


def test_markdown_code_and_urls_are_not_prose(project: Path) -> None:
    text = "Visit https://example.org/ODHIR%20page and `ODHIR`.\n\n```\nODHIR\n```\n\nThe ODHIR spoke.\n"
    (project / "page.md").write_text(text, encoding="utf-8")
    result = run_quotelint("check", "page.md", "--format", "json", cwd=project)
    assert [(f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]] == [(7, 5)]


def test_html_positions_point_into_the_file(project: Path) -> None:
    text = "<html><body>\n<p class=\"ODHIR\">The <b>ODHIR</b> &amp; Antonio Gutteres</p>\n</body></html>\n"
    (project / "page.html").write_text(text, encoding="utf-8")
    result = run_quotelint("check", "page.html", "--format", "json", cwd=project)
    spans = [(f["line"], f["column"], f["end_column"]) for f in json.loads(result.stdout)["findings"]]
    line = text.split("\n")[1]
    assert spans == [(2, line.index("ODHIR</b>") + 1, line.index("</b>") + 1), (2, line.index("Gutteres") + 1, line.index("</p>") + 1)]


def test_rules_and_explain(project: Path) -> None:
    listing = run_quotelint("rules", cwd=project)
    assert listing.returncode == 0 and "QL201" in listing.stdout and "spelling-drift" in listing.stdout
    doc = run_quotelint("explain", "QL201", cwd=project)
    assert doc.returncode == 0 and "## Fails" in doc.stdout and "## Passes" in doc.stdout
    unknown = run_quotelint("explain", "QL999", cwd=project)
    assert unknown.returncode == 2 and "unknown rule" in unknown.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "a.txt", "--format", "json", "-q", "--select", "QL2"],
        ["extract", "--format", "json", "a.txt"],
        ["report", "--format", "html", "-o", "r.html", "docs/"],
        ["registry", "draft", "-o", "d.yaml", "a.txt"],
        ["explain", "QL201"],
        ["rules", "--format", "json"],
        ["server", "--debounce", "0"],
    ],
)
def test_a_parser_built_for_the_command_named_parses_as_the_whole_one(argv: list[str]) -> None:
    from quotelint.cli import build_parser, command_named

    assert command_named(argv) == argv[0]
    built = build_parser(argv)
    assert list(built._subparsers._group_actions[0].choices) == [argv[0]]  # type: ignore[union-attr]  # no other command's parser
    assert vars(built.parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [["--help", "check"], ["--he", "check"], ["-h"], ["--help"]])
def test_the_programs_help_lists_every_command_whatever_follows(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from quotelint.cli import COMMANDS, main

    with pytest.raises(SystemExit):
        main(argv)
    listed = capsys.readouterr().out
    assert all(f"    {name} " in listed for name in COMMANDS), listed

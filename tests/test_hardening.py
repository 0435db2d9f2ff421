"""Inputs made to take quotelint down: each reproducer, made small, with the work it costs counted.

The full-size figures (time and memory of the real command) come from bench/adversarial.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotelint.linter import lint_text
from quotelint.registry import Registry
from tests.conftest import run_quotelint
from tests.integ_helpers import registry
from tests.work import growth

LINEAR = 5.0  # work on four times the input: about 4 when linear, towards 16 when quadratic
PERSON = "people:\n  - id: ann-hale\n    name: Ann Hale\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "registry.yaml").write_text(PERSON + "organizations:\n  - id: odihr\n    name: ODIHR\n    misspellings: [ODHIR]\n")
    (tmp_path / "good.txt").write_text("The ODHIR mission praised the count.\n", encoding="utf-8")
    return tmp_path


def check(project: Path, *args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    """The real command; standard input given as bytes, as they are."""
    env = {**os.environ, "NO_COLOR": "1", "QUOTELINT_CACHE_DIR": str(project / ".cache")}
    command = [sys.executable, "-m", "quotelint", "check", "--registry", "registry.yaml", *args]
    result = subprocess.run(command, cwd=project, input=stdin or b"", capture_output=True, env=env, timeout=120)
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode(), result.stderr.decode())


def registry_check(folder: Path, text: str):  # type: ignore[no-untyped-def]
    (folder / "bomb.yaml").write_text(text, encoding="utf-8")
    return run_quotelint("registry", "check", "bomb.yaml", cwd=folder)


def assert_clean_failure(result, *needles: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


def assert_good_checked(result) -> None:  # type: ignore[no-untyped-def]
    assert "good.txt:1:5: error [QL201] 'ODHIR' is a misspelling" in result.stdout, result.stdout


# --- Long words, and the stage that was quadratic --------------------------------------------


@pytest.fixture(scope="module")
def names(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    reg = registry(tmp_path_factory.mktemp("registry"))
    lint_text("Tokayev", reg)  # build the name index now, so that no count includes it
    return reg


def lint(reg: Registry):  # type: ignore[no-untyped-def]
    return lambda text: lint_text(text, reg)


def test_a_long_hyphenated_word_costs_no_more_than_a_short_one(names: Registry) -> None:
    # Near-miss search made every deletion of the word: its square in strings, its cube in memory.
    assert growth(lint(names), lambda n: "-".join(["Kassym"] * n) + "\n", 10) < 2


def test_a_long_camel_case_word_costs_no_more_than_a_short_one(names: Registry) -> None:
    assert growth(lint(names), lambda n: "KassymJomartTokayev" * n + "\n", 3) < 2


def test_unclosed_quotations_in_many_paragraphs_take_linear_work(names: Registry) -> None:
    # Each paragraph continuing an open quotation looked at the spans of all paragraphs before it.
    assert growth(lint(names), lambda n: "“text\n\n" * n, 400) < LINEAR


def test_unclosed_quotations_in_html_blocks_take_linear_work(names: Registry) -> None:
    assert growth(lambda text: lint_text(text, names, kind="html"), lambda n: "<div>“Quote<div>" * n, 400) < LINEAR


class Counting:
    """A compiled pattern that adds up the characters of the strings it is handed."""

    def __init__(self, pattern) -> None:  # type: ignore[no-untyped-def]
        self.pattern, self.chars = pattern, 0

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        method = getattr(self.pattern, name)

        def counted(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.chars += len(text)
            return method(text, *args, **kwargs)

        return counted


def test_a_long_line_of_names_is_looked_at_once_for_bylines(names: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each name on a line once handed the whole line to the byline patterns: names times line length.
    from quotelint.quotes import speakers

    layout = Counting(speakers._layout_line())
    monkeypatch.setattr(speakers, "_layout_line", lambda: layout)
    text = "By Ann Lee\n" + "Mayor Tom Ruskin met Dana Pell. “We agree,” he said. " * 200  # a byline: the patterns are asked
    lint_text(text, names)
    assert 0 < layout.chars <= 2 * len(text)


class Sliced(str):
    """Prose that adds up the characters its slices copy."""

    copied = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        got = str.__getitem__(self, key)
        if isinstance(key, slice):
            Sliced.copied += len(got)
        return got


def test_whether_a_comma_follows_a_name_is_seen_without_copying_the_rest_of_the_prose() -> None:
    # Each name before a title copied all the prose after it: names times the prose.
    from types import SimpleNamespace

    from quotelint.checks.title_reading import set_off
    from quotelint.names import tokens

    prose = Sliced("Volodymyr Zelenskyy , said so." + " and more words" * 1000)
    page = SimpleNamespace(prose=prose, words=tokens(prose))
    Sliced.copied = 0
    assert set_off(page, 1)
    assert Sliced.copied < 100


def test_tags_left_in_plain_text_take_linear_work(names: Registry) -> None:
    # Every quotation mark was compared with every tag of its paragraph.
    assert growth(lint(names), lambda n: '<a href="x">y ' * n, 200) < LINEAR



# --- Registry and settings YAML: alias bombs and deep nesting ------------------------------


def alias_bomb(levels: int, indent: str = "") -> str:
    """Anchors of nine aliases each, `levels` deep: 9**levels values in a few lines."""
    lines = [f'{indent}- &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    lines += [f"{indent}- &l{k} [" + ", ".join([f"*l{k - 1}"] * 9) + "]" for k in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_in_a_quote_date_is_refused_with_its_line(tmp_path: Path) -> None:
    quote = "quotes:\n  - speaker: ann-hale\n    text: We will build it.\n    source: https://example.org/a\n    date:\n"
    result = registry_check(tmp_path, PERSON + quote + alias_bomb(6, "      "))
    assert_clean_failure(result, "bomb.yaml:13: aliases expand this file by more than 100,000 values")


def test_an_alias_bomb_in_a_rule_swap_is_refused(tmp_path: Path) -> None:
    rule = "rules:\n  - id: house/x\n    kind: substitution\n    swap:\n      colour:\n"
    result = registry_check(tmp_path, rule + alias_bomb(7, "        "))
    assert_clean_failure(result, "bomb.yaml:", "aliases expand this file")


def test_a_few_aliases_are_still_welcome(tmp_path: Path) -> None:
    person = "people:\n  - id: ann-hale\n    name: Ann Hale\n    source: &page https://example.org/a\n"
    quote = "quotes:\n  - id: q1\n    speaker: ann-hale\n    text: We will build it.\n    date: 2024-05-01\n    source: *page\n"
    result = registry_check(tmp_path, person + quote)
    assert result.returncode == 0, result.stderr


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path: Path) -> None:
    result = registry_check(tmp_path, PERSON + "x: &loop [*loop]\n")
    assert_clean_failure(result, "bomb.yaml:4: an alias stands inside the value of its own anchor")


def test_yaml_nested_too_deep_is_refused(tmp_path: Path) -> None:
    deep = "".join("  " * k + "k:\n" for k in range(600)) + "  " * 600 + "k: 1\n"
    assert_clean_failure(registry_check(tmp_path, deep), "bomb.yaml", "nested too deeply")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_rule_pack_that_extends_dev_zero_is_refused(project: Path) -> None:
    (project / "pack.yaml").write_text("extends: /dev/zero\n", encoding="utf-8")
    result = check(project, "--registry", "pack.yaml", "good.txt")
    assert_clean_failure(result, "pack.yaml:1: extends '/dev/zero', which is neither a file nor a folder")

# --- Patterns in YAML rules: the safety check bounded --------------------------------------


def rule_check(folder: Path, pattern: str):  # type: ignore[no-untyped-def]
    rule = f"rules:\n  - id: house/x\n    kind: existence\n    regex: true\n    tokens: ['{pattern}']\n"
    return registry_check(folder, rule)


def test_a_pattern_of_deeply_nested_groups_is_refused(tmp_path: Path) -> None:
    result = rule_check(tmp_path, "(" * 200 + "a" + ")" * 200)
    assert_clean_failure(result, "bomb.yaml:5: rule 'house/x': pattern '(((", "nests groups more than 50 deep")


def test_a_pattern_too_long_to_check_is_refused(tmp_path: Path) -> None:
    result = rule_check(tmp_path, "(?:" + "|".join(f"w{k}x" for k in range(3000)) + ")+")
    assert_clean_failure(result, "bomb.yaml:5:", "characters long, more than 10,000", "without `regex: true`")
    assert len(result.stderr) < 500  # the pattern is cut short in the message


def test_branches_of_a_repeated_alternation_are_not_compared_pair_by_pair() -> None:
    from quotelint.yamlrules.backtrack import problem

    def alternation(n: int) -> str:
        return "(?:" + "|".join(f"w{k}x" for k in range(n)) + ")+"

    assert growth(problem, alternation, 200) < LINEAR


# --- Files that never end, files too big, and standard input ------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_no_document(project: Path) -> None:
    result = check(project, "/dev/zero", "good.txt")
    assert_clean_failure(result, "quotelint: /dev/zero: not a regular file")
    assert_good_checked(result)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_a_folder_is_reported_not_waited_on(project: Path) -> None:
    os.mkfifo(project / "pipe.txt")
    result = check(project, ".")
    assert_clean_failure(result, "pipe.txt: not a regular file (a device, pipe or socket), skipped")
    assert_good_checked(result)


def test_a_file_over_the_size_limit_is_reported_and_skipped(project: Path) -> None:
    (project / ".quotelint.yaml").write_text("max-file-size: 0.001\n", encoding="utf-8")  # 1,048 bytes
    (project / "long.txt").write_text("The count went on. " * 60, encoding="utf-8")
    result = check(project, "long.txt", "good.txt")
    assert_clean_failure(result, "long.txt: larger than the limit of 1,048 bytes (setting max-file-size), skipped")
    assert_good_checked(result)


def test_standard_input_over_the_size_limit_is_reported_and_skipped(project: Path) -> None:
    (project / ".quotelint.yaml").write_text("max-file-size: 0.001\n", encoding="utf-8")
    result = check(project, "-", "good.txt", stdin=b"The count went on. " * 60)
    assert_clean_failure(result, "quotelint: -: larger than the limit of 1,048 bytes")
    assert_good_checked(result)


def test_the_size_limit_can_be_lifted(project: Path) -> None:
    (project / ".quotelint.yaml").write_text("max-file-size: 0\n", encoding="utf-8")
    (project / "long.txt").write_text("The count went on. " * 60, encoding="utf-8")
    result = check(project, "long.txt", "good.txt")
    assert result.returncode == 1, result.stderr
    assert_good_checked(result)


@pytest.mark.parametrize("value", ["ten", "-1", "true", "[1]"])
def test_a_bad_size_limit_is_a_settings_error(project: Path, value: str) -> None:
    (project / ".quotelint.yaml").write_text(f"max-file-size: {value}\n", encoding="utf-8")
    result = check(project, "good.txt")
    assert_clean_failure(result, ".quotelint.yaml:1: setting 'max-file-size' must be a number of megabytes")


def test_running_out_of_memory_is_exit_2_with_a_message(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from quotelint import cli

    def exhausted(args):  # type: ignore[no-untyped-def]
        raise MemoryError

    monkeypatch.setattr(cli, "_dispatch", exhausted)
    assert cli.main(["check", "good.txt"]) == 2
    assert "quotelint: out of memory" in capsys.readouterr().err



def test_invalid_utf8_on_standard_input_is_reported_like_a_file(project: Path) -> None:
    result = check(project, "-", "good.txt", stdin="Caf\xe9 owners said so.\n".encode("latin-1"))
    assert_clean_failure(result, "quotelint: -:1: not valid UTF-8 (byte 0xe9 at offset 3), skipped")
    assert_good_checked(result)


# --- A rule that runs out of time, and standard input like a file ----------------------------

SLOW_RULE = "rules:\n  - id: house/slow\n    kind: existence\n    regex: true\n    tokens: ['(?:x{1,9}){1,9}\\d']\n"


def test_a_rule_out_of_time_is_skipped_for_that_file_and_the_rest_checked(project: Path) -> None:
    # The pattern passes the static check but backtracks through 9**9 ways on a run of x's.
    (project / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    (project / "xs.txt").write_text("x" * 100 + " 1\n\nThe ODHIR said so.\n", encoding="utf-8")
    result = check(project, "--registry", "slow.yaml", "xs.txt", "good.txt")
    assert_clean_failure(result, "quotelint: xs.txt: rule 'house/slow' (slow.yaml:2) skipped for this file: its pattern '(?:x{1,9}){1,9}\\d' took longer than 1 s")
    assert "xs.txt:3:5: error [QL201]" in result.stdout  # the other rules still ran on that file
    assert_good_checked(result)


def test_the_report_names_a_rule_out_of_time_and_reports_the_rest(project: Path) -> None:
    (project / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    (project / "xs.txt").write_text("x" * 100 + " 1\n\nThe ODHIR said so.\n", encoding="utf-8")
    result = run_quotelint("report", "--registry", "registry.yaml", "--registry", "slow.yaml", "--format", "json", "xs.txt", "good.txt", cwd=project)
    assert_clean_failure(result, "xs.txt: rule 'house/slow' (slow.yaml:2) skipped for this file")
    report = json.loads(result.stdout)
    assert sorted(f["path"] for f in report["files"]) == ["good.txt", "xs.txt"]
    assert [p["path"] for p in report["problems"]] == ["xs.txt"]
    assert report["totals"]["findings"]["by_category"]["spelling-drift"] == 2  # in both files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_baseline_that_is_a_pipe_is_refused_not_waited_on(project: Path) -> None:
    os.mkfifo(project / "baseline.json")
    result = check(project, "--baseline", "baseline.json", "good.txt")
    assert_clean_failure(result, "baseline.json: not a regular file")

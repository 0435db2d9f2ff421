"""Bad input, end to end through the real command: a clear message, exit 2, the rest still checked."""

from __future__ import annotations

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
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "registry.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "good.txt").write_text("The ODHIR mission praised the count.\n", encoding="utf-8")
    return tmp_path


def check(project: Path, *paths: str, registry: str = "registry.yaml"):  # type: ignore[no-untyped-def]
    return run_quotelint("check", "--registry", registry, "--format", "json", *paths, cwd=project)


def assert_clean_failure(result, *needles: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


def test_binary_file_is_reported_and_the_others_checked(project: Path) -> None:
    (project / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = check(project, "photo.txt", "good.txt")
    assert_clean_failure(result, "photo.txt", "binary")
    assert '"ODHIR"' not in result.stdout and "ODHIR" in result.stdout  # good.txt was still checked


def test_invalid_utf8_names_file_and_line(project: Path) -> None:
    (project / "latin1.txt").write_bytes("First line\nCaf\xe9 owners said so.\n".encode("latin-1"))
    result = check(project, "latin1.txt", "good.txt")
    assert_clean_failure(result, "latin1.txt:2", "UTF-8")
    assert "ODHIR" in result.stdout


def test_missing_path(project: Path) -> None:
    result = check(project, "nowhere.txt", "good.txt")
    assert_clean_failure(result, "nowhere.txt", "no such file")
    assert "ODHIR" in result.stdout


def test_malformed_yaml_names_file_and_line(project: Path) -> None:
    (project / "broken.yaml").write_text("people:\n  - id: a\n    name: [unclosed\n  - id: b\n", encoding="utf-8")
    result = check(project, "good.txt", registry="broken.yaml")
    assert_clean_failure(result, "broken.yaml:", "malformed YAML")


def test_unknown_key_names_file_and_line(project: Path) -> None:
    text = REGISTRY.replace("    aliases: [ODIHR]\n", "    aliases: [ODIHR]\n    acronym: ODIHR\n")
    (project / "unknown.yaml").write_text(text, encoding="utf-8")
    result = check(project, "good.txt", registry="unknown.yaml")
    assert_clean_failure(result, "unknown.yaml:9", "unknown key 'acronym'")


def test_duplicate_id_across_files(project: Path) -> None:
    (project / "reg").mkdir()
    (project / "reg" / "a.yaml").write_text(REGISTRY, encoding="utf-8")
    (project / "reg" / "b.yaml").write_text("terms:\n  - id: odihr\n    name: Odihr term\n", encoding="utf-8")
    result = check(project, "good.txt", registry="reg")
    assert_clean_failure(result, "b.yaml:2", "duplicate id 'odihr'", "a.yaml:6")


def test_dangling_speaker_id(project: Path) -> None:
    text = REGISTRY + (
        "quotes:\n  - id: q1\n    speaker: antonio-guteres\n    text: peace is possible\n"
        "    date: 2023-09-19\n    source: https://example.org/q1\n"
    )
    (project / "dangling.yaml").write_text(text, encoding="utf-8")
    result = check(project, "good.txt", registry="dangling.yaml")
    assert_clean_failure(result, "dangling.yaml:11", "antonio-guteres", "did you mean 'antonio-guterres'")


def test_dangling_parent_and_bad_date(project: Path) -> None:
    text = REGISTRY.replace("    misspellings: [ODHIR]\n", "    misspellings: [ODHIR]\n    parent: osce\n")
    text = text.replace("    aliases: [Antonio Guterres, Guterres]\n", "    aliases: [Guterres]\n    roles:\n      - title: Secretary-General\n        from: 2017-13-01\n")
    (project / "bad.yaml").write_text(text, encoding="utf-8")
    result = run_quotelint("registry", "check", "bad.yaml", cwd=project)
    assert_clean_failure(result, "parent 'osce' is no organization id", "'2017-13-01' is not an ISO date", "bad.yaml:7")


def test_misspelling_that_is_an_accepted_spelling(project: Path) -> None:
    text = REGISTRY.replace("misspellings: [ODHIR]", "misspellings: [ODHIR, Guterres]")
    (project / "clash.yaml").write_text(text, encoding="utf-8")
    result = run_quotelint("registry", "check", "clash.yaml", cwd=project)
    assert_clean_failure(result, "misspelling 'Guterres' is 'antonio-guterres''s accepted spelling")


def test_valid_registry_check_passes(project: Path) -> None:
    result = run_quotelint("registry", "check", "registry.yaml", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stderr


def test_unknown_setting_is_an_error(project: Path) -> None:
    (project / ".quotelint.yaml").write_text("registry: [registry.yaml]\nfail_on: error\n", encoding="utf-8")
    result = run_quotelint("check", "good.txt", cwd=project)
    assert_clean_failure(result, "unknown setting 'fail_on'", "did you mean 'fail-on'")


def test_usage_error_exits_2(project: Path) -> None:
    result = run_quotelint("check", "--format", "yaml", "good.txt", cwd=project)
    assert_clean_failure(result, "invalid choice")
